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
use crate::i18n::{Lang, T, count, fill};
use crate::intake::Spool;
use crate::store::{Durability, SqliteStore};

/// `path` made absolute against the working directory (without resolving
/// links), so that messages say which file is meant wherever they are read.
pub fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `--db` (or GRIDWATCH_DB) as a database file: a bad value is the user's
/// to fix, named by where it came from.
pub fn db_location(cli: &Cli) -> Result<Option<PathBuf>, Failure> {
    let Some(raw) = &cli.db else {
        return Ok(None);
    };
    crate::config::Location::parse(raw)
        .map(|l| Some(l.path().to_path_buf()))
        .map_err(|why| {
            let t = if cli.db_from_env {
                T::CliBadDbEnv
            } else {
                T::CliBadDbFlag
            };
            Failure::User(fill(
                t.get(lang_of(cli.lang)),
                &[("value", raw), ("why", &why)],
            ))
        })
}

fn lang_of(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) | None => Lang::En,
    }
}

#[derive(Clone)]
pub struct Context {
    pub source: ConfigSource,
    db_override: Option<PathBuf>,
    lang_override: Option<Lang>,
    pub clock: SharedClock,
}

impl Context {
    pub fn new(cli: &Cli, db: Option<PathBuf>) -> Self {
        let clock: SharedClock = match cli.now {
            Some(t) => std::sync::Arc::new(FixedClock(t)),
            None => std::sync::Arc::new(SystemClock),
        };
        Context {
            source: ConfigSource::choose(cli.config.clone()),
            db_override: db,
            lang_override: cli.lang.map(|l| lang_of(Some(l))),
            clock,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The configuration for duty: a broken calendar file costs its year
    /// (said on stderr), not the command (see [`Config::load_for_duty`]).
    pub fn config(&self) -> Result<Config, Failure> {
        let loaded = Config::load_for_duty(self.source.clone());
        if let Ok(config) = &loaded {
            for text in &config.left_out {
                warnln!("warning: {}", crate::text::sanitize(text));
            }
        }
        loaded.map_err(|errors| {
            let lang = self.lang_override.unwrap_or_default();
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            let text = if errors.len() > 1 {
                fill(
                    T::CliBrokenConfig.get(lang),
                    &[
                        ("first", &first),
                        ("errors", &count(T::CliNErrors, lang, errors.len() as i64)),
                    ],
                )
            } else {
                fill(T::CliBrokenConfigOne.get(lang), &[("first", &first)])
            };
            Failure::User(text)
        })
    }

    /// The interface language when the configuration may be broken: `--lang`,
    /// else the configuration's, else English.
    pub fn lang_guess(&self) -> Lang {
        self.words_guess().0
    }

    /// The interface language and the timezone to word a message in, when
    /// the configuration may be broken (English and UTC then).
    pub fn words_guess(&self) -> (Lang, chrono_tz::Tz) {
        let config = Config::load_for_duty(self.source.clone()).ok();
        let tz = config
            .as_ref()
            .map_or(chrono_tz::Tz::UTC, |c| c.settings.timezone);
        let lang = self
            .lang_override
            .or(config.map(|c| c.settings.language))
            .unwrap_or_default();
        (lang, tz)
    }

    /// Where the configuration comes from, in words.
    pub fn source_words(&self, lang: Lang) -> String {
        match &self.source {
            ConfigSource::Embedded => T::CliEmbeddedCounty.get(lang).to_string(),
            dir => dir.describe(),
        }
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
            None => Config::load_for_duty(self.source.clone())
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

    /// The duty-room console (station) this command is typed at, as a shift
    /// handover records it: `GRIDWATCH_CONSOLE`, else the host name.
    pub fn station(&self) -> String {
        station()
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

/// `GRIDWATCH_CONSOLE` (trimmed, made inert), else the host name: the name a
/// handover is recorded under, shared by the dashboard and the command line
/// of one duty-room station.
pub fn station() -> String {
    std::env::var("GRIDWATCH_CONSOLE")
        .ok()
        .map(|s| crate::text::sanitize(s.trim()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(crate::sys::host_name)
}
