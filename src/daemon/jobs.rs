//! The daemon's periodic jobs: heartbeat, automatic escalation, alert
//! delivery. Each holds its own connection that follows the database path
//! (a replaced file is noticed before the next write), runs its SQLite work
//! on the blocking pool, and reports to [`Health`]: a failure is logged once
//! when it starts and once when it ends, not at every tick.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::alert::{escalator, hook};
use crate::clock::SharedClock;
use crate::config::Config;
use crate::domain::{Actor, Beat};
use crate::health::{Change, Health};
use crate::store::{Db, DbFile, Durability, Escalations, Heartbeats, SqliteStore, StoreError};

/// What a job's SQLite work runs on: a plain connection, or one that
/// follows its path.
pub trait Conn: Send + 'static {
    fn store(&mut self) -> Result<&mut SqliteStore, StoreError>;
}

impl Conn for SqliteStore {
    fn store(&mut self) -> Result<&mut SqliteStore, StoreError> {
        Ok(self)
    }
}

impl Conn for Db {
    fn store(&mut self) -> Result<&mut SqliteStore, StoreError> {
        self.get().map(|(s, _)| s)
    }
}

/// Run `f` on the job's connection on a blocking thread. A poisoned lock
/// or a task that died is a failure of ours ([`StoreError::Internal`]),
/// never the input's.
async fn blocking<C: Conn, R: Send + 'static>(
    conn: &Arc<Mutex<C>>,
    f: impl FnOnce(&mut SqliteStore) -> Result<R, StoreError> + Send + 'static,
) -> Result<R, String> {
    let conn = conn.clone();
    let result = tokio::task::spawn_blocking(move || {
        let mut c = conn
            .lock()
            .map_err(|_| StoreError::Internal("the store lock is poisoned".into()))?;
        let s = c.store()?;
        let path = s.path().to_path_buf();
        f(s).map_err(|e| e.at(&path))
    })
    .await
    .map_err(|e| StoreError::Internal(format!("a store task failed: {e}")))
    .and_then(|r| r);
    // Health reports and hook results are words from here on.
    result.map_err(|e| e.to_string())
}

/// Page cache of a periodic job's connection.
const JOB_CACHE_KIB: u32 = 2048;

/// Run `job` every `interval` until shutdown on its own connection; each
/// result goes to `health` under `part`.
async fn every<F, Fut>(
    db: &DbFile,
    part: &'static str,
    health: Arc<Health>,
    interval: Duration,
    shutdown: CancellationToken,
    mut job: F,
) where
    F: FnMut(Arc<Mutex<Db>>) -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let conn = Arc::new(Mutex::new(
        db.connect(Durability::Normal).with_cache(JOB_CACHE_KIB),
    ));
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = tick.tick() => {
                // A stop does not wait for a job in flight (a hanging alert
                // hook is killed; its alert stays due for the next start).
                let result = tokio::select! {
                    r = job(conn.clone()) => r,
                    _ = shutdown.cancelled() => break,
                };
                match (health.report(part, result.clone()), result) {
                    (Change::Failing, Err(e)) => tracing::error!(error = %e, "{part} failed; retrying every {interval:?}"),
                    (Change::Recovered, _) => tracing::info!("{part} works again"),
                    _ => {}
                }
            }
        }
    }
}

/// The heartbeat component name of the daemon.
pub use crate::store::INTAKE_COMPONENT as COMPONENT;

/// Record a heartbeat every `interval` until shutdown, naming the daemon's
/// database and spool (absolute). A heartbeat that cannot be written makes
/// `/health` fail: the store is not writable.
pub async fn heartbeat_loop(
    db: DbFile,
    spool: PathBuf,
    clock: SharedClock,
    interval: Duration,
    health: Arc<Health>,
    shutdown: CancellationToken,
) {
    let beat = Beat {
        component: COMPONENT.into(),
        pid: std::process::id(),
        host: crate::sys::host_name(),
        started_at: clock.now(),
        db_path: db.path().display().to_string(),
        spool_dir: spool.display().to_string(),
    };
    every(&db, "heartbeat", health, interval, shutdown, |conn| {
        let (now, beat) = (clock.now(), beat.clone());
        async move { blocking(&conn, move |s| s.beat(&beat, now)).await }
    })
    .await;
}

/// Every second, empty the `-wal` if anyone (a console, a command, the
/// heartbeat) left frames in it: see `Store::empty_wal`.
pub async fn wal_loop(db: DbFile, health: Arc<Health>, shutdown: CancellationToken) {
    every(
        &db,
        "wal",
        health,
        Duration::from_secs(1),
        shutdown,
        |conn| async move {
            blocking(&conn, |s| {
                if s.wal_in_use() {
                    s.empty_wal()?;
                }
                Ok(())
            })
            .await
        },
    )
    .await;
}

/// Evaluate automatic escalation every second until shutdown.
pub async fn escalation_loop(
    db: DbFile,
    config: Arc<Config>,
    clock: SharedClock,
    actor: Actor,
    health: Arc<Health>,
    shutdown: CancellationToken,
) {
    let actor = actor.with_name("escalator");
    every(
        &db,
        "escalation",
        health,
        Duration::from_secs(1),
        shutdown,
        |conn| {
            let (now, config, actor) = (clock.now(), config.clone(), actor.clone());
            async move {
                blocking(&conn, move |s| {
                    escalator::evaluate(s, &config, &actor, now).map(|_| ())
                })
                .await
            }
        },
    )
    .await;
}

/// Alert deliveries through the command hook, in flight across ticks: each
/// alert runs in its own task and is recorded when it ends, so one hanging
/// hook holds up nothing but its own alert (before, a batch waited for its
/// slowest hook before the next alerts were even looked at).
pub struct Delivery<C: Conn> {
    store: Arc<Mutex<C>>,
    alerts: crate::config::AlertSettings,
    clock: SharedClock,
    running: tokio::task::JoinSet<(crate::domain::OutboxItem, Result<(), String>)>,
    in_flight: std::collections::HashSet<i64>,
    /// The configured zone, for times in the log.
    tz: chrono_tz::Tz,
}

impl<C: Conn> Delivery<C> {
    pub fn new(store: Arc<Mutex<C>>, config: &Config, clock: SharedClock) -> Self {
        Delivery {
            store,
            alerts: config.settings.alerts.clone(),
            clock,
            running: tokio::task::JoinSet::new(),
            in_flight: Default::default(),
            tz: config.settings.timezone,
        }
    }

    /// Start every due alert that is not running already; how many started.
    pub async fn start_due(&mut self) -> Result<usize, String> {
        let now = self.clock.now();
        let due = blocking(&self.store, move |s| s.outbox_due(hook::SINK, now, 50)).await?;
        let mut started = 0;
        for item in due {
            if self.in_flight.contains(&item.id) {
                continue;
            }
            // Claimed (and the attempt counted) before the command runs: a
            // daemon killed while it runs must not send it again on restart.
            let id = item.id;
            if !blocking(&self.store, move |s| s.outbox_claim(id, now)).await? {
                continue;
            }
            self.in_flight.insert(item.id);
            let argv = hook::render(&self.alerts.command, &item);
            let timeout = self.alerts.command_timeout;
            self.running
                .spawn(async move { (item, hook::run(&argv, timeout).await) });
            started += 1;
        }
        Ok(started)
    }

    /// At a clean stop: the commands still running are killed (dropped with
    /// their tasks) and their alerts due again at the next start.
    pub async fn release_running(&mut self) {
        self.running.abort_all();
        let now = self.clock.now();
        for id in std::mem::take(&mut self.in_flight) {
            let _ = blocking(&self.store, move |s| {
                s.outbox_attempt(id, now, Err("stopped with the intake daemon"), Some(now))
            })
            .await;
        }
    }

    /// Wait for the next run to end and record it; `None` when none runs.
    pub async fn finish_one(&mut self) -> Option<Result<(), String>> {
        let done = self.running.join_next().await?;
        let Ok((item, result)) = done else {
            return Some(Err("an alert delivery task failed".into()));
        };
        self.in_flight.remove(&item.id);
        let now = self.clock.now();
        let retry = hook::next_attempt(&self.alerts, item.attempts + 1, now);
        if let Err(e) = &result {
            // The next try in the configured zone, like every time in the log.
            let tz = self.tz;
            let next = retry.map_or_else(
                || "none (given up)".to_string(),
                |t| {
                    t.with_timezone(&tz)
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
                },
            );
            tracing::warn!(escalation = item.escalation_id, error = %crate::text::quote(e), retry = %next, "alert hook failed");
        }
        Some(
            blocking(&self.store, move |s| {
                s.outbox_attempt(
                    item.id,
                    now,
                    result.as_ref().map(|_| ()).map_err(String::as_str),
                    retry,
                )
            })
            .await,
        )
    }
}

/// Deliver the due outbox rows once and wait for all of them (tests and
/// one-shot use); the daemon keeps a [`Delivery`] running instead.
pub async fn deliver_once<C: Conn>(
    store: &Arc<Mutex<C>>,
    config: &Config,
    clock: &SharedClock,
) -> Result<usize, String> {
    let mut d = Delivery::new(store.clone(), config, clock.clone());
    let n = d.start_due().await?;
    while let Some(r) = d.finish_one().await {
        r?;
    }
    Ok(n)
}

/// Start due alerts every second and record each as it ends, until
/// shutdown (which kills hooks still running; their alerts stay due).
pub async fn outbox_loop(
    db: DbFile,
    config: Arc<Config>,
    clock: SharedClock,
    health: Arc<Health>,
    shutdown: CancellationToken,
) {
    let conn = Arc::new(Mutex::new(
        db.connect(Durability::Normal).with_cache(JOB_CACHE_KIB),
    ));
    // What a daemon killed while its alert commands ran left claimed: failed,
    // "interrupted" (never sent twice; `show` says so).
    let now = clock.now();
    match blocking(&conn, move |s| s.outbox_interrupted(now)).await {
        Ok(0) => {}
        Ok(n) => tracing::warn!(
            alerts = n,
            "alert commands were interrupted by the previous daemon's end: they may or may not have been sent; `gridwatch show` marks them"
        ),
        Err(e) => tracing::error!(error = %e, "reading interrupted alerts failed"),
    }
    let mut d = Delivery::new(conn, &config, clock);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        let result = tokio::select! {
            _ = shutdown.cancelled() => {
                d.release_running().await;
                break;
            }
            _ = tick.tick() => d.start_due().await.map(|_| ()),
            Some(r) = d.finish_one() => r,
        };
        match (health.report("alert delivery", result.clone()), result) {
            (Change::Failing, Err(e)) => {
                tracing::error!(error = %e, "alert delivery failed; retrying every second")
            }
            (Change::Recovered, _) => tracing::info!("alert delivery works again"),
            _ => {}
        }
    }
}
