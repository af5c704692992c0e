//! Setting a room up: `check-config` (every error of every file; warnings,
//! such as a calendar about to run out, fail only with `--strict`) and
//! `init` (the database and the spool, saying what it made).

use super::{Context, Failure, calendar};
use crate::config::Config;
use crate::i18n::{Lang, T, count, fill};
use crate::intake::lock::SpoolLock;
use crate::store::{Durability, SqliteStore, StoreError};
use crate::text::sanitize;

pub(super) fn check_config(ctx: &Context, strict: bool) -> Result<(), Failure> {
    let lang = ctx.lang_guess();
    let source = sanitize(&ctx.source_words(lang));
    match Config::load(ctx.source.clone()) {
        Ok(config) => {
            let warnings = calendar::warnings(&config, lang, ctx.now());
            for w in &warnings {
                warnln!(
                    "{}",
                    fill(T::CliWarning.get(lang), &[("text", &sanitize(w))])
                );
            }
            let years: Vec<String> = config
                .calendar
                .years()
                .iter()
                .map(|y| y.to_string())
                .collect();
            let n = |t: T, n: usize| count(t, lang, n as i64);
            outln!(
                "{}",
                fill(
                    T::CliConfigOk.get(lang),
                    &[
                        ("source", &source),
                        ("grids", &n(T::CliNGrids, config.grids.len())),
                        ("officers", &n(T::CliNOfficers, config.officers.len())),
                        (
                            "enterprises",
                            &n(T::CliNEnterprises, config.enterprises.current().len())
                        ),
                        ("duties", &n(T::CliNDuties, config.roster.duties.len())),
                        ("shifts", &n(T::CliNShifts, config.roster.shifts.len())),
                        ("plans", &n(T::IncCfgNPlans, config.plans.len())),
                        (
                            "depots",
                            &n(T::IncCfgNDepots, config.inventory.depots.len())
                        ),
                        (
                            "years",
                            &if years.is_empty() {
                                T::CliNone.get(lang).to_string()
                            } else {
                                years.join(", ")
                            }
                        ),
                    ]
                )
            );
            // A warning never stops the daemon the systemd unit starts after
            // this; a site that wants it to passes --strict.
            if strict && !warnings.is_empty() {
                warnln!(
                    "{}",
                    fill(
                        T::CliStrictFails.get(lang),
                        &[("warnings", &n(T::CliNWarnings, warnings.len()))]
                    )
                );
                return Err(Failure::Reported);
            }
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                warnln!("{}", sanitize(&e.to_string()));
            }
            warnln!(
                "{}",
                fill(
                    T::CliConfigErrors.get(lang),
                    &[
                        ("errors", &count(T::CliNErrors, lang, errors.len() as i64)),
                        ("source", &source)
                    ]
                )
            );
            Err(Failure::Reported)
        }
    }
}

/// The directory `path` goes in must exist: `init` makes files, not the
/// directories an operator chose (a typo in a path must not create a tree).
fn parent_must_exist(path: &std::path::Path, lang: Lang, t: T) -> Result<(), Failure> {
    let path = super::context::absolute(path);
    match path.parent() {
        Some(dir) if !dir.is_dir() => {
            let dir = dir.display().to_string();
            Err(Failure::User(fill(t.get(lang), &[("dir", &dir)])))
        }
        _ => Ok(()),
    }
}

pub(super) fn init(ctx: &Context) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let path = ctx.db_path(&config);
    let spool = ctx.spool(&config);
    parent_must_exist(&path, lang, T::CliNoDbDir)?;
    parent_must_exist(&spool.root, lang, T::CliNoSpoolDir)?;
    let upgrade_from = match SqliteStore::open(&path, Durability::Normal) {
        Err(StoreError::NeedsUpgrade { found, .. }) => Some(found),
        _ => None,
    };
    // A running daemon of the older release would fail every write after
    // the upgrade (its statements name the old schema).
    if let Some(holder) = upgrade_from.and_then(|_| SpoolLock::holder_of(&spool.root)) {
        return Err(Failure::User(fill(
            T::CliUpgradeUnderDaemon.get(lang),
            &[
                ("holder", &holder),
                ("spool", &spool.root.display().to_string()),
                ("db", &super::context::absolute(&path).display().to_string()),
            ],
        )));
    }
    let mut store = SqliteStore::init(&path)?;
    let counts = store.sync_reference(&config)?;
    // The spool is gridwatch's own: made here, and said so.
    let missing: Vec<std::path::PathBuf> = if spool.root.is_dir() {
        ["tmp", "new", "cur", "bad"]
            .iter()
            .map(|d| spool.dir(d))
            .filter(|d| !d.is_dir())
            .collect()
    } else {
        vec![spool.root.clone()]
    };
    spool.ensure().map_err(|e| {
        Failure::User(fill(
            T::CliCannotCreateSpool.get(lang),
            &[
                ("dir", &spool.root.display().to_string()),
                ("why", &e.to_string()),
            ],
        ))
    })?;
    for d in missing {
        outln!(
            "{}",
            fill(
                T::CliCreated.get(lang),
                &[("dir", &d.display().to_string())]
            )
        );
    }
    if let Some(found) = upgrade_from {
        outln!(
            "{}",
            fill(
                T::CliUpgraded.get(lang),
                &[
                    ("from", &found.to_string()),
                    ("to", &store.schema_version()?.to_string())
                ]
            )
        );
    }
    let n = |t: T, n: usize| count(t, lang, n as i64);
    outln!(
        "{}",
        fill(
            T::CliInitReady.get(lang),
            &[
                ("db", &store.path().display().to_string()),
                ("schema", &store.schema_version()?.to_string()),
                ("grids", &n(T::CliNGrids, counts.grids)),
                ("officers", &n(T::CliNOfficers, counts.officers)),
                ("enterprises", &n(T::CliNEnterprises, counts.enterprises)),
                ("source", &ctx.source_words(lang)),
                ("spool", &spool.root.display().to_string()),
            ]
        )
    );
    Ok(())
}
