//! `gridwatch demo`'s wiring: where the drill's database goes (`--db`) and
//! when it starts (`--start`, or `--now`), the shift opened before the
//! daemon starts, then the daemon, the simulated field and the dashboard on
//! one drill clock, and the scratch directory removed however it ends.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;

use super::services::{console, runtime};
use super::{Context, Failure};
use crate::store::{Durability, SqliteStore};

/// How long the demo may take to stop after a signal.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// Cancel `shutdown` on a signal; if the dashboard has not stopped within
/// [`STOP_GRACE`], remove the scratch directory and exit. A closed terminal
/// (a window closed, an SSH session dropped) sends SIGHUP, and the
/// dashboard may then never return: crossterm reads the hung-up terminal in
/// a loop without yielding. Nobody is left to restore a terminal for.
///
/// The handlers are in place when this returns (not when the task first
/// runs): a terminal closed as soon as the dashboard shows must not kill
/// the demo before it can clean up.
fn stop_on_signal(shutdown: &CancellationToken, scratch: PathBuf) -> tokio::task::JoinHandle<()> {
    use tokio::signal::unix::{Signal, SignalKind, signal};
    let mut streams: Vec<Signal> = [
        SignalKind::interrupt(),
        SignalKind::terminate(),
        SignalKind::hangup(),
    ]
    .into_iter()
    .filter_map(|k| signal(k).ok())
    .collect();
    let token = shutdown.clone();
    tokio::spawn(async move {
        if !streams.is_empty() {
            let any = streams.iter_mut().map(|s| Box::pin(s.recv()));
            futures::future::select_all(any).await;
        } else {
            std::future::pending::<()>().await;
        }
        token.cancel();
        tokio::time::sleep(STOP_GRACE).await;
        let _ = std::fs::remove_dir_all(&scratch);
        std::process::exit(1);
    })
}

/// The drill's start: `--start`, else `--now` (taken as the start), else now.
fn drill_start(
    ctx: &Context,
    start: Option<DateTime<Utc>>,
) -> Result<Option<DateTime<Utc>>, Failure> {
    let now = (ctx.clock.mode() == crate::clock::ClockMode::Fixed).then(|| ctx.now());
    match (start, now) {
        (Some(s), Some(n)) if s != n => Err(Failure::User(format!(
            "--now {} and --start {} both set where the drill starts: give only --start",
            n.to_rfc3339(),
            s.to_rfc3339()
        ))),
        (s, n) => Ok(s.or(n)),
    }
}

/// Where the drill's database goes: `--db` if given (a new file, kept after
/// the drill), else the scratch directory (removed with it).
fn drill_database(ctx: &Context, scratch: &std::path::Path) -> Result<(PathBuf, bool), Failure> {
    match ctx.db_override() {
        None => Ok((scratch.join("demo.db"), false)),
        Some(p) => {
            let p = super::context::absolute(p);
            if p.symlink_metadata().is_ok() {
                return Err(Failure::User(format!(
                    "{} exists: demo makes a fresh database and never opens an existing one; \
                     name a new file with --db (or GRIDWATCH_DB), or leave it out for a scratch database",
                    p.display()
                )));
            }
            Ok((p, true))
        }
    }
}

pub(super) fn demo(ctx: &Context, start: Option<DateTime<Utc>>, speed: f64) -> Result<(), Failure> {
    if !(0.1..=3600.0).contains(&speed) {
        return Err(Failure::User(crate::i18n::fill(
            crate::i18n::T::CliBadSpeed.get(ctx.lang_guess()),
            &[("speed", &speed.to_string())],
        )));
    }
    let start = drill_start(ctx, start)?;
    let mut config = ctx.config()?;
    let dir = crate::demo::scratch_dir();
    let (db, keep) = drill_database(ctx, &dir)?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::User(format!("cannot create {}: {e}", dir.display())))?;
    config.settings.spool_dir = dir.join("spool");
    config.settings.database_path = db.clone();
    config.settings.api_keys.push("demo".into());
    // The register's patrol history as written, moved to the drill's day.
    let day = start
        .unwrap_or_else(|| ctx.now())
        .with_timezone(&config.settings.timezone)
        .date_naive();
    crate::demo::register::as_of(&mut config, day);
    // Heartbeats are stamped in drill time: the stale limit, in real time,
    // is scaled into drill time (the header shows the age in real seconds).
    config.settings.heartbeat_stale_after = config.settings.heartbeat_stale_after.mul_f64(speed);
    let config = std::sync::Arc::new(config);
    let result = (|| {
        let mut store = SqliteStore::init(&db)?;
        store.sync_reference(&config)?;
        let clock = crate::demo::drill_clock(start, speed);
        let spool = crate::intake::Spool::new(config.settings.spool_dir.clone());
        spool
            .ensure()
            .map_err(|e| Failure::User(format!("spool: {e}")))?;
        let t0 = clock.now();
        let mut sim = crate::demo::Sim::new(config.clone(), crate::demo::SEED, clock.mode(), t0);
        // The drill's people speak the console's language.
        sim.speak(ctx.lang(&config));
        crate::demo::seed(&mut sim, &config, &spool, t0)
            .map_err(|e| Failure::User(format!("seeding the demo: {e}")))?;
        let intake = crate::domain::Actor::new("demo-intake", "demo", clock.mode());
        let mut field_store = SqliteStore::open(&db, Durability::Normal)?;
        crate::demo::open_shift(
            &mut sim,
            &mut field_store,
            &spool,
            &config,
            &intake.clone().with_name("intake"),
            clock.now(),
        )
        .map_err(|e| Failure::Internal(format!("opening the demo's shift: {e}")))?;
        let c = console(ctx, config.clone(), store, clock.clone(), None);
        runtime()?.block_on(async {
            let shutdown = CancellationToken::new();
            let listener = crate::intake::server::bind(([127, 0, 0, 1], 0).into())
                .map_err(|e| Failure::User(format!("cannot listen: {e}")))?;
            let d = crate::daemon::Daemon {
                config: config.clone(),
                db_path: db.clone(),
                clock: clock.clone(),
                actor: intake,
                on_ready: None,
            };
            let daemon = tokio::spawn(crate::daemon::run(d, Some(listener), shutdown.clone()));
            let field = tokio::spawn(crate::demo::field_loop(
                sim,
                field_store,
                spool,
                clock.clone(),
                speed,
                shutdown.clone(),
            ));
            let signals = stop_on_signal(&shutdown, dir.clone());
            let r = crate::tui::run(c, shutdown.clone())
                .await
                .map_err(Failure::from);
            shutdown.cancel();
            signals.abort();
            let _ = field.await;
            if let Ok(Err(e)) = daemon.await {
                warnln!("gridwatch demo: intake: {e}");
            }
            r
        })
    })();
    let _ = std::fs::remove_dir_all(&dir);
    if keep && db.exists() {
        warnln!(
            "gridwatch demo: the drill's database stays at {}",
            db.display()
        );
    }
    result
}
