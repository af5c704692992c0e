//! What every command needs: the configuration (and its warnings for the
//! day), the database path, the clock, and who is acting. Built lazily so
//! `check-config` can report a broken config instead of failing before it
//! starts.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::{Cli, Failure, LangArg};
use crate::clock::{ClockMode, FixedClock, SharedClock, SystemClock};
use crate::config::{Config, ConfigSource};
use crate::domain::Actor;
use crate::domain::calendar::fallback_warning;
use crate::i18n::Lang;
use crate::intake::Spool;
use crate::store::{Durability, SqliteStore};

/// `path` made absolute against the working directory (without resolving
/// links), so that messages say which file is meant wherever they are read.
pub fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The configuration's warnings, and one more when its calendar does not
/// cover the year of `now` (the weekday rule stands in for it then).
pub fn calendar_warnings(config: &Config, now: DateTime<Utc>) -> Vec<String> {
    let year = now
        .with_timezone(&config.settings.timezone)
        .date_naive()
        .format("%Y")
        .to_string();
    let year: i32 = year.parse().unwrap_or(0);
    let mut out: Vec<String> = config.warnings.clone();
    if !config.calendar.covers(year) {
        out.push(fallback_warning(year));
    }
    out
}

#[derive(Clone)]
pub struct Context {
    pub source: ConfigSource,
    db_override: Option<PathBuf>,
    lang_override: Option<Lang>,
    pub clock: SharedClock,
}

impl Context {
    pub fn new(cli: &Cli) -> Self {
        let clock: SharedClock = match cli.now {
            Some(t) => std::sync::Arc::new(FixedClock(t)),
            None => std::sync::Arc::new(SystemClock),
        };
        Context {
            source: ConfigSource::choose(cli.config.clone()),
            db_override: cli.db.clone(),
            lang_override: cli.lang.map(|l| match l {
                LangArg::En => Lang::En,
                LangArg::Zh => Lang::Zh,
            }),
            clock,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn config(&self) -> Result<Config, Failure> {
        Config::load(self.source.clone()).map_err(|errors| {
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            let more = if errors.len() > 1 {
                format!(
                    " ({} errors in all; `gridwatch check-config` lists them)",
                    errors.len()
                )
            } else {
                " (`gridwatch check-config` checks the whole configuration)".to_string()
            };
            Failure::User(format!("broken configuration: {first}{more}"))
        })
    }

    pub fn lang(&self, config: &Config) -> Lang {
        self.lang_override.unwrap_or(config.settings.language)
    }

    /// The database named by `--db` (or `GRIDWATCH_DB`), if any.
    pub fn db_override(&self) -> Option<&std::path::Path> {
        self.db_override.as_deref()
    }

    pub fn db_path(&self, config: &Config) -> PathBuf {
        self.db_override
            .clone()
            .unwrap_or_else(|| config.settings.database_path.clone())
    }

    /// The database path to name in a message, even when the config is broken.
    pub fn db_path_for_messages(&self) -> PathBuf {
        let path = match &self.db_override {
            Some(p) => p.clone(),
            None => Config::load(self.source.clone())
                .map(|c| c.settings.database_path)
                .unwrap_or_else(|_| PathBuf::from("gridwatch.db")),
        };
        absolute(&path)
    }

    pub fn open_store(
        &self,
        config: &Config,
        durability: Durability,
    ) -> Result<SqliteStore, Failure> {
        Ok(SqliteStore::open(&self.db_path(config), durability)?)
    }

    /// The spool of the configuration, absolute (against the working directory).
    pub fn spool(&self, config: &Config) -> Spool {
        Spool::new(absolute(&config.settings.spool_dir))
    }

    /// The person typing, the console they type at, and the clock in force.
    pub fn actor(&self) -> Actor {
        let name = std::env::var("GRIDWATCH_ACTOR")
            .or_else(|_| std::env::var("USER"))
            .unwrap_or_else(|_| "duty".to_string());
        let mode: ClockMode = self.clock.mode();
        Actor::new(name, format!("cli:{}", std::process::id()), mode)
    }
}
