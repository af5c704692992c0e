//! The commands about the spool: `submit` (check, then deliver) and
//! `intake --once`.

use chrono::Duration;

use super::{Context, Failure};
use crate::i18n::{T, count, fill};
use crate::intake::liveness;
use crate::intake::lock::SpoolLock;
use crate::store::{Durability, Heartbeats, SqliteStore};
use crate::text::sanitize;

pub(super) fn submit(ctx: &Context, files: &[std::path::PathBuf]) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let spool = ctx.spool(&config);
    // Every file first, as intake will read it: a person typing learns of a
    // broken file now (nothing is delivered), not later from spool/bad/.
    for f in files {
        let shown = sanitize(&f.display().to_string());
        if !f.exists() {
            return Err(Failure::User(say(T::CliNoSuchFile, &[("file", &shown)])));
        }
        crate::intake::records::check(f, &config, ctx.now()).map_err(|why| {
            Failure::User(say(
                T::CliNotDelivered,
                &[("file", &shown), ("why", &sanitize(&why))],
            ))
        })?;
    }
    for f in files {
        let dest = spool.submit(f).map_err(|e| {
            Failure::User(say(
                T::CliCannotSubmit,
                &[
                    ("file", &sanitize(&f.display().to_string())),
                    ("why", &e.to_string()),
                ],
            ))
        })?;
        outln!(
            "{} -> {}",
            sanitize(&f.display().to_string()),
            sanitize(&dest.display().to_string())
        );
    }
    // Delivered either way; say when nobody will pick the files up.
    let db = super::context::absolute(&ctx.db_path(&config));
    let heartbeat = SqliteStore::open(&db, Durability::Normal)
        .and_then(|s| s.heartbeat(crate::store::INTAKE_COMPONENT))
        .ok()
        .flatten();
    let stale_after =
        Duration::from_std(config.settings.heartbeat_stale_after).unwrap_or(Duration::seconds(30));
    for w in liveness::warnings(&liveness::Seen {
        heartbeat: heartbeat.as_ref(),
        now: ctx.now(),
        stale_after,
        spool_holder: SpoolLock::holder_of(&spool.root),
        db: &db,
        spool: &spool.root,
    }) {
        let text = super::status::daemon_warning(lang, &config.settings.timezone, &w);
        warnln!("{}", say(T::CliWarning, &[("text", &text)]));
    }
    Ok(())
}

pub(super) fn intake(ctx: &Context) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let mut store = ctx.open_store(&config, Durability::Full)?;
    store.sync_reference(&config)?;
    let spool = ctx.spool(&config);
    let actor = ctx.actor().with_name("intake");
    let clock = ctx.clock.clone();
    let report = crate::intake::ingest::pass(
        &mut store,
        &spool,
        &config,
        &actor,
        &|| clock.now(),
        &|| false,
    )
    .map_err(|e| match e {
        crate::intake::PassError::Store(e) => Failure::Store(e),
        other => Failure::User(other.to_string()),
    })?;
    for (name, reason) in &report.quarantined {
        warnln!(
            "{}",
            say(
                T::CliQuarantined,
                &[("name", name), ("why", &sanitize(reason))]
            )
        );
    }
    for (name, reason) in &report.deferred {
        warnln!(
            "{}",
            say(
                T::CliDeferred,
                &[("name", name), ("why", &sanitize(reason))]
            )
        );
    }
    let later = match (report.files_deferred, report.files_writing) {
        (0, 0) => String::new(),
        (d, 0) => say(T::CliIngestedLater, &[("n", &d.to_string())]),
        (d, w) => say(
            T::CliIngestedWriting,
            &[("n", &(d + w).to_string()), ("writing", &w.to_string())],
        ),
    };
    let n = |t: T, n: usize| count(t, lang, n as i64);
    outln!(
        "{}",
        say(
            T::CliIngested,
            &[
                ("files", &n(T::CliNFiles, report.files_ingested)),
                ("new", &n(T::CliNNewComplaints, report.complaints_new)),
                ("duplicates", &n(T::CliNDuplicates, report.complaints_dup)),
                ("already", &report.files_already.to_string()),
                ("quarantined", &report.files_quarantined.to_string()),
                ("later", &later),
            ]
        )
    );
    Ok(())
}
