//! The intake daemon (`gridwatch intake`): the one writer of complaints (the
//! live spool and Open311 POSTs, committed together), the Open311 endpoint,
//! the heartbeat, automatic escalation and alert delivery, the calendar
//! (changed files taken up, its running out logged), wired together
//! with one shutdown token.
//!
//! Every part takes its IO and the shutdown as arguments (`run(...)`), so
//! tests bind `127.0.0.1:0`, pass a paused clock, and stop it when they like.
//! Threads are bounded: the writer, a few readers, the periodic jobs.
//!
//! Shutdown order: stop accepting and let HTTP requests in flight finish
//! (they wait for the writer), then stop the writer (it finishes its group
//! and answers what is queued), then the periodic jobs.

mod calendar;
mod error;
mod jobs;
mod register;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use calendar::{CALENDAR_POLL, calendar_loop};
pub use error::DaemonError;
pub use jobs::{
    COMPONENT, Conn, Delivery, deliver_once, escalation_loop, heartbeat_loop, outbox_loop, wal_loop,
};
pub use register::register_loop;

use crate::clock::SharedClock;
use crate::config::Config;
use crate::domain::Actor;
use crate::health::Health;
use crate::intake::Spool;
use crate::intake::endpoint::{HttpState, READERS};
use crate::intake::http::router;
use crate::intake::lock::SpoolLock;
use crate::intake::reads::ReadPool;
use crate::intake::server::{ServerLimits, serve};
use crate::intake::writer::Writer;
use crate::store::{Db, Durability, Heartbeats, SqliteStore};

/// Everything the daemon needs from outside.
pub struct Daemon {
    pub config: Arc<Config>,
    pub db_path: PathBuf,
    pub clock: SharedClock,
    pub actor: Actor,
    /// Called once the spool lock is held and intake is running (the CLI
    /// says where it listens only then, never before being refused).
    pub on_ready: Option<Box<dyn FnOnce() + Send>>,
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Run until `shutdown` is cancelled. `listener`: the bound HTTP socket, or
/// `None` to run without the endpoint. `Err` when it could not start, or
/// had to stop (its spool lock was taken by another daemon).
pub async fn run(
    d: Daemon,
    listener: Option<TcpListener>,
    shutdown: CancellationToken,
) -> Result<(), DaemonError> {
    let db_path = absolute(&d.db_path);
    let mut store = SqliteStore::open(&db_path, Durability::Full)?;
    // Every connection of the daemon belongs to this file (see DbFile).
    let file = store.file();
    store
        .sync_reference(&d.config)
        .map_err(|e| e.at(&db_path))?;
    let spool = Spool::new(absolute(&d.config.settings.spool_dir));
    spool.ensure().map_err(|source| DaemonError::Spool {
        path: spool.root.clone(),
        source,
    })?;
    let lock = SpoolLock::acquire(&spool.root).map_err(DaemonError::Lock)?;
    let health = Arc::new(Health::default());
    let writer = Writer {
        db: Db::from_store(store, Durability::Full),
        spool: spool.clone(),
        lock,
        config: d.config.clone(),
        clock: d.clock.clone(),
        actor: d.actor.clone().with_name("intake"),
        health: health.clone(),
        shutdown: shutdown.clone(),
        damaged: None,
    };
    let (handle, writer_thread) = writer.spawn().map_err(DaemonError::Crashed)?;

    let mut jobs = tokio::task::JoinSet::new();
    jobs.spawn(heartbeat_loop(
        file.clone(),
        spool.root.clone(),
        d.clock.clone(),
        d.config.settings.heartbeat_interval,
        health.clone(),
        shutdown.clone(),
    ));
    jobs.spawn(wal_loop(file.clone(), health.clone(), shutdown.clone()));
    jobs.spawn(escalation_loop(
        file.clone(),
        d.config.clone(),
        d.clock.clone(),
        d.actor.clone(),
        health.clone(),
        shutdown.clone(),
    ));
    jobs.spawn(calendar_loop(
        d.config.clone(),
        d.clock.clone(),
        CALENDAR_POLL,
        shutdown.clone(),
    ));
    jobs.spawn(register_loop(
        d.config.clone(),
        Some(file.clone()),
        CALENDAR_POLL,
        shutdown.clone(),
    ));
    if !d.config.settings.alerts.command.is_empty() {
        jobs.spawn(outbox_loop(
            file.clone(),
            d.config.clone(),
            d.clock.clone(),
            health.clone(),
            shutdown.clone(),
        ));
    }
    let http = listener.map(|listener| {
        let listening = listener.local_addr().unwrap_or(d.config.settings.http_bind);
        let state = Arc::new(HttpState::new(
            d.config.clone(),
            ReadPool::new(&file, READERS),
            handle.clone(),
            health.clone(),
            d.clock.clone(),
            spool.root.clone(),
            listening,
        ));
        let limits = ServerLimits::for_this_process(
            d.config.settings.http_header_timeout,
            d.config.settings.http_max_connections,
        );
        (
            limits.max_connections,
            tokio::spawn(serve(listener, router(state), limits, shutdown.clone())),
        )
    });
    if let Some(ready) = d.on_ready {
        ready();
    }
    if let Some((max, _)) = &http {
        tracing::info!(max_connections = max, "http limits");
    }
    shutdown.cancelled().await;
    tracing::info!(
        "shutting down: finishing the current group of files and the requests in flight"
    );
    if let Some((_, http)) = http {
        let _ = http.await;
    }
    let stopped = tokio::task::spawn_blocking(move || {
        handle.stop();
        writer_thread.join()
    })
    .await;
    while jobs.join_next().await.is_some() {}
    // Say so: consoles show STOPPED at once, not OK until the beat goes stale.
    // Into the daemon's own file only: not one renamed over it meanwhile.
    let (mut stop_db, now) = (file.connect(Durability::Normal), d.clock.now());
    let _ = tokio::task::spawn_blocking(move || {
        stop_db
            .get()
            .and_then(|(s, _)| s.beat_stopped(COMPONENT, std::process::id(), now))
    })
    .await;
    match stopped {
        Ok(Ok(result)) => result.map_err(DaemonError::Writer),
        Ok(Err(_)) => Err(DaemonError::Crashed("the intake writer panicked".into())),
        Err(e) => Err(DaemonError::Crashed(format!(
            "the intake writer could not be joined: {e}"
        ))),
    }
}
