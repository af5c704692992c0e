//! `gridwatch status`: which database and which spool, whether a live
//! daemon uses them, counts, the calendar's coverage, and every warning —
//! in the interface language; `--json` for scripts (warnings in English).

use chrono::Duration;
use chrono_tz::Tz;
use serde_json::json;

use super::view::{json_text, time};
use super::{Context, Failure, calendar};
use crate::clock::ClockMode;
use crate::i18n::{Lang, T, count, fill};
use crate::intake::liveness::{self, DaemonState};
use crate::intake::lock::SpoolLock;
use crate::store::{Durability, Figures, Heartbeats};
use crate::text::{fit, sanitize, width};

/// A daemon warning in the interface language, times in the configured zone.
pub(super) fn daemon_warning(lang: Lang, tz: &Tz, w: &liveness::Warning) -> String {
    use liveness::Warning as W;
    let p = |p: &std::path::Path| p.display().to_string();
    match w {
        W::NoLiveDaemon { db } => fill(T::CliNoLiveDaemon.get(lang), &[("db", &p(db))]),
        W::Stopped { pid, db, at } => fill(
            T::CliDaemonStoppedWarn.get(lang),
            &[
                ("pid", &pid.to_string()),
                ("db", &p(db)),
                ("time", &time(*at, tz)),
            ],
        ),
        W::OtherDatabase { pid, theirs, db } => fill(
            T::CliDaemonOtherDb.get(lang),
            &[
                ("pid", &pid.to_string()),
                ("theirs", &p(theirs)),
                ("db", &p(db)),
            ],
        ),
        W::OtherSpool { pid, theirs, spool } => fill(
            T::CliDaemonOtherSpool.get(lang),
            &[
                ("pid", &pid.to_string()),
                ("theirs", &p(theirs)),
                ("spool", &p(spool)),
            ],
        ),
        W::NoSpoolWatcher { spool } => {
            fill(T::CliNoSpoolWatcher.get(lang), &[("spool", &p(spool))])
        }
    }
}

/// The daemon's state in one line of `status`.
fn daemon_line(lang: Lang, tz: &Tz, daemon: &DaemonState, host: &str) -> String {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    match daemon {
        DaemonState::Live { pid, age_seconds } => say(
            T::CliDaemonLive,
            &[
                ("age", &age_seconds.to_string()),
                ("pid", &pid.to_string()),
                ("host", host),
            ],
        ),
        DaemonState::Stale { pid, age_seconds } => say(
            T::CliDaemonStale,
            &[
                ("age", &age_seconds.to_string()),
                ("pid", &pid.to_string()),
                ("host", host),
            ],
        ),
        DaemonState::Stopped { pid, at } => say(
            T::CliDaemonStopped,
            &[
                ("pid", &pid.to_string()),
                ("host", host),
                ("time", &time(*at, tz)),
            ],
        ),
        DaemonState::Elsewhere { pid, db } => say(
            T::CliDaemonElsewhere,
            &[
                ("pid", &pid.to_string()),
                ("host", host),
                ("db", &db.display().to_string()),
            ],
        ),
        DaemonState::Never => T::CliDaemonNever.get(lang).to_string(),
    }
}

/// Open incidents for `status`: real ones, those with a step overdue, and
/// drills apart (drills never count with the real ones).
struct IncidentCounts {
    open: usize,
    overdue: usize,
    drills_open: usize,
}

fn incident_counts(
    store: &impl crate::store::Incidents,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<IncidentCounts, Failure> {
    let open = store.incidents(crate::domain::incident::IncidentFilter {
        open_only: true,
        no_drills: false,
    })?;
    let real: Vec<_> = open.iter().filter(|i| !i.drill).collect();
    Ok(IncidentCounts {
        open: real.len(),
        overdue: real
            .iter()
            .filter(|i| i.next_step_due_at.is_some_and(|t| t <= now))
            .count(),
        drills_open: open.len() - real.len(),
    })
}

pub(super) fn run(ctx: &Context, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let store = ctx.open_store(&config, Durability::Normal)?;
    let now = ctx.now();
    let tz = config.settings.timezone;
    let counts = store.counts(now, config.settings.warn_before)?;
    let incidents = incident_counts(&store, now)?;
    let hb = store.heartbeat("intake")?;
    let stale_after =
        Duration::from_std(config.settings.heartbeat_stale_after).unwrap_or(Duration::seconds(30));
    let hb_age = hb.as_ref().map(|h| (now - h.at).num_seconds());
    let spool = ctx.spool(&config);
    let db = store.path().to_path_buf();
    let daemon = liveness::state(hb.as_ref(), now, stale_after, &db);
    let stale = !daemon.is_live();
    let stale_tmp = spool.stale_tmp(std::time::Duration::from_secs(86_400));
    let holder = SpoolLock::holder_of(&spool.root);
    let daemon_warnings = liveness::warnings(&liveness::Seen {
        heartbeat: hb.as_ref(),
        now,
        stale_after,
        spool_holder: holder.clone(),
        db: &db,
        spool: &spool.root,
    });
    let quarantined = spool.count("bad");
    // Said in the interface language; the JSON keeps English for scripts.
    let warnings_in = |lang: Lang| {
        let mut out = calendar::warnings(&config, lang, now);
        out.extend(daemon_warnings.iter().map(|w| daemon_warning(lang, &tz, w)));
        let root = spool.root.display().to_string();
        if !spool.root.is_dir() {
            out.push(fill(T::CliNoSpool.get(lang), &[("dir", &root)]));
        }
        if quarantined > 0 {
            out.push(fill(
                T::CliQuarantinedFiles.get(lang),
                &[
                    ("files", &count(T::CliNFiles, lang, quarantined as i64)),
                    ("dir", &spool.dir("bad").display().to_string()),
                ],
            ));
        }
        out
    };
    let years = config.calendar.years();
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
            "incidents": {
                "open": incidents.open,
                "overdue": incidents.overdue,
                "drills_open": incidents.drills_open,
            },
            "calendar_years": years,
            "warnings": warnings_in(Lang::En),
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
    let clock = match ctx.clock.mode() {
        ClockMode::Real => T::CliClockReal,
        ClockMode::Fixed => T::CliClockFixed,
        ClockMode::Drill => T::CliClockDrill,
    };
    let host = hb.as_ref().map(|h| h.host.as_str()).unwrap_or_default();
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let n = |t: T, n: i64| count(t, lang, n);
    let mut lines: Vec<(T, String)> = vec![
        (
            T::CliStNow,
            say(
                T::CliStNowValue,
                &[("time", &time(now, &tz)), ("clock", clock.get(lang))],
            ),
        ),
        (
            T::CliStDatabase,
            say(
                T::CliStDatabaseValue,
                &[
                    ("path", &db.display().to_string()),
                    ("schema", &store.schema_version()?.to_string()),
                ],
            ),
        ),
        (T::CliStDaemon, daemon_line(lang, &tz, &daemon, host)),
        (
            T::CliStComplaints,
            say(
                T::CliStCounts,
                &[
                    ("total", &counts.total.to_string()),
                    ("open", &counts.open.to_string()),
                    ("due", &counts.due_soon.to_string()),
                    (
                        "minutes",
                        &config.settings.warn_before.num_minutes().to_string(),
                    ),
                    ("breached", &counts.breached.to_string()),
                    ("unassigned", &counts.unassigned.to_string()),
                ],
            ),
        ),
        (
            T::CliStIncidents,
            say(
                T::CliStIncidentCounts,
                &[
                    ("open", &incidents.open.to_string()),
                    ("overdue", &incidents.overdue.to_string()),
                    ("drills", &incidents.drills_open.to_string()),
                ],
            ),
        ),
        (
            T::CliStIntake,
            say(
                T::CliStIntakeValue,
                &[
                    ("ingested", &n(T::CliNFiles, counts.files_ok)),
                    ("rejected", &n(T::CliNFiles, counts.files_rejected)),
                ],
            ),
        ),
        (
            T::CliStSpool,
            say(
                T::CliStSpoolValue,
                &[
                    ("dir", &spool.root.display().to_string()),
                    ("new", &spool.count("new").to_string()),
                    ("bad", &spool.count("bad").to_string()),
                    ("tmp", &stale_tmp.len().to_string()),
                ],
            ),
        ),
    ];
    let wide = [
        T::CliStNow,
        T::CliStDatabase,
        T::CliStDaemon,
        T::CliStComplaints,
        T::CliStIncidents,
        T::CliStIntake,
        T::CliStSpool,
        T::CliStCalendar,
        T::CliStWarning,
    ]
    .iter()
    .map(|t| width(t.get(lang)))
    .max()
    .unwrap_or(0);
    let label = |t: T| fit(t.get(lang), wide);
    for (t, value) in lines.drain(..) {
        outln!("{} {}", label(t), value);
    }
    for p in &stale_tmp {
        outln!(
            "{} {}",
            " ".repeat(wide),
            say(T::CliStStaleTmp, &[("path", &p.display().to_string())])
        );
    }
    let years: Vec<String> = years.iter().map(|y| y.to_string()).collect();
    outln!(
        "{} {}",
        label(T::CliStCalendar),
        if years.is_empty() {
            T::CliNone.get(lang).to_string()
        } else {
            years.join(", ")
        }
    );
    for w in warnings_in(lang) {
        outln!("{} {}", label(T::CliStWarning), sanitize(&w));
    }
    Ok(())
}
