//! The commands about the spool and the daemon: `status` (which database,
//! which spool, is a live daemon using them), `submit` (check, then deliver)
//! and `intake --once`.

use chrono::Duration;
use serde_json::json;

use super::context::calendar_warnings;
use super::view::{json_text, time};
use super::{Context, Failure};
use crate::intake::liveness::{self, DaemonState};
use crate::intake::lock::SpoolLock;
use crate::store::{Durability, Figures, Heartbeats, SqliteStore};
use crate::text::sanitize;

pub(super) fn status(ctx: &Context, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let store = ctx.open_store(&config, Durability::Normal)?;
    let now = ctx.now();
    let tz = config.settings.timezone;
    let counts = store.counts(now, config.settings.warn_before)?;
    let hb = store.heartbeat("intake")?;
    let stale_after =
        Duration::from_std(config.settings.heartbeat_stale_after).unwrap_or(Duration::seconds(30));
    let hb_age = hb.as_ref().map(|h| (now - h.at).num_seconds());
    let spool = ctx.spool(&config);
    let db = store.path().to_path_buf();
    let daemon = liveness::state(hb.as_ref(), now, stale_after, &db);
    let stale = !daemon.is_live();
    let stale_tmp = spool.stale_tmp(std::time::Duration::from_secs(86_400));
    let mut warnings = calendar_warnings(&config, now);
    let holder = SpoolLock::holder_of(&spool.root);
    let daemon_warnings = liveness::warnings(&liveness::Seen {
        heartbeat: hb.as_ref(),
        now,
        stale_after,
        spool_holder: holder.clone(),
        db: &db,
        spool: &spool.root,
    });
    warnings.extend(daemon_warnings);
    if !spool.root.is_dir() {
        warnings.push(format!(
            "spool {} does not exist (`gridwatch init` makes it, or start the daemon here)",
            spool.root.display()
        ));
    }
    let quarantined = spool.count("bad");
    if quarantined > 0 {
        warnings.push(format!(
            "{quarantined} file(s) quarantined in {}: read each NAME.reason, fix and resubmit, then remove them",
            spool.dir("bad").display()
        ));
    }
    let years: Vec<i32> = config.calendar.years();
    if as_json {
        let v = json!({
            "now": time(now, &tz),
            "clock": ctx.clock.mode().as_str(),
            "database": db,
            "schema_version": store.schema_version()?,
            "daemon": {
                "heartbeat_at": hb.as_ref().map(|h| time(h.at, &tz)),
                "age_seconds": hb_age,
                "pid": hb.as_ref().map(|h| h.pid),
                "host": hb.as_ref().map(|h| h.host.clone()),
                "stale": stale,
                "state": match &daemon {
                    DaemonState::Live { .. } => "ok",
                    DaemonState::Stale { .. } => "stale",
                    DaemonState::Stopped { .. } => "stopped",
                    DaemonState::Elsewhere { .. } => "elsewhere",
                    DaemonState::Never => "down",
                },
                "stopped_at": hb.as_ref().and_then(|h| h.stopped_at).map(|t| time(t, &tz)),
                "database": hb.as_ref().and_then(|h| h.db_path.clone()),
                "spool": hb.as_ref().and_then(|h| h.spool_dir.clone()),
                "spool_lock_held_by": holder,
            },
            "counts": counts,
            "calendar_years": years,
            "warnings": warnings,
            "spool": {
                "dir": spool.root,
                "new": spool.count("new"),
                "bad": spool.count("bad"),
                "stale_tmp": stale_tmp,
            },
        });
        outln!("{}", json_text(&v));
        return Ok(());
    }
    outln!(
        "now        {} ({} clock)",
        time(now, &tz),
        ctx.clock.mode().as_str()
    );
    outln!(
        "database   {} (schema {})",
        db.display(),
        store.schema_version()?
    );
    let host = hb.as_ref().map(|h| h.host.as_str()).unwrap_or_default();
    match &daemon {
        DaemonState::Live { pid, age_seconds } => {
            outln!("daemon     OK — last heartbeat {age_seconds}s ago (pid {pid} on {host})")
        }
        DaemonState::Stale { pid, age_seconds } => outln!(
            "daemon     STALE — last heartbeat {age_seconds}s ago (pid {pid} on {host}); is `gridwatch intake` running?"
        ),
        DaemonState::Stopped { pid, at } => outln!(
            "daemon     STOPPED — pid {pid} on {host} stopped at {}",
            time(*at, &tz)
        ),
        DaemonState::Elsewhere { pid, db } => outln!(
            "daemon     ELSEWHERE — pid {pid} on {host} writes to {}, not to this file",
            db.display()
        ),
        DaemonState::Never => {
            outln!("daemon     DOWN — no heartbeat ever recorded (is `gridwatch intake` running?)")
        }
    }
    outln!(
        "complaints {} total, {} open, {} due within {} min, {} breached, {} unassigned",
        counts.total,
        counts.open,
        counts.due_soon,
        config.settings.warn_before.num_minutes(),
        counts.breached,
        counts.unassigned
    );
    outln!(
        "intake     {} files ingested, {} rejected",
        counts.files_ok,
        counts.files_rejected
    );
    outln!(
        "spool      {}: {} waiting in new/, {} in bad/, {} stale in tmp/",
        spool.root.display(),
        spool.count("new"),
        spool.count("bad"),
        stale_tmp.len()
    );
    for p in &stale_tmp {
        outln!(
            "           stale: {} (left by a writer that died; inspect and resubmit or delete)",
            p.display()
        );
    }
    outln!(
        "calendar   {}",
        years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    for w in warnings {
        outln!("WARNING    {w}");
    }
    Ok(())
}

pub(super) fn submit(ctx: &Context, files: &[std::path::PathBuf]) -> Result<(), Failure> {
    let config = ctx.config()?;
    let spool = ctx.spool(&config);
    // Every file first, as intake will read it: a person typing learns of a
    // broken file now (nothing is delivered), not later from spool/bad/.
    for f in files {
        if !f.exists() {
            return Err(Failure::User(format!(
                "{}: no such file",
                sanitize(&f.display().to_string())
            )));
        }
        crate::intake::records::check(f, &config, ctx.now()).map_err(|why| {
            Failure::User(format!(
                "{}: not delivered: {} (nothing was delivered)",
                sanitize(&f.display().to_string()),
                sanitize(&why)
            ))
        })?;
    }
    for f in files {
        let dest = spool
            .submit(f)
            .map_err(|e| Failure::User(format!("cannot submit {}: {e}", f.display())))?;
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
        warnln!("warning: {w}");
    }
    Ok(())
}

pub(super) fn intake(ctx: &Context) -> Result<(), Failure> {
    let config = ctx.config()?;
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
        warnln!("quarantined {name}: {}", sanitize(reason));
    }
    for (name, reason) in &report.deferred {
        warnln!(
            "left in new/ for the next run: {name}: {}",
            sanitize(reason)
        );
    }
    outln!(
        "{} files ingested ({} complaints new, {} duplicates), {} already ingested, {} quarantined{}",
        report.files_ingested,
        report.complaints_new,
        report.complaints_dup,
        report.files_already,
        report.files_quarantined,
        match (report.files_deferred, report.files_writing) {
            (0, 0) => String::new(),
            (d, 0) => format!(", {d} left in new/ for the next run"),
            (d, w) => format!(
                ", {} left in new/ for the next run ({w} still being written)",
                d + w
            ),
        }
    );
    Ok(())
}
