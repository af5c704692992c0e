//! The daemon's periodic jobs: heartbeat, automatic escalation, alert
//! delivery. Each holds its own connection that follows the database path
//! (a replaced file is noticed before the next write), runs its SQLite work
//! on the blocking pool, and reports to [`Health`]: a failure is logged once
//! when it starts and once when it ends, not at every tick.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::alert::{escalator, hook};
use crate::clock::SharedClock;
use crate::config::Config;
use crate::health::{Change, Health};
use crate::store::{Actor, Beat, Db, Durability, Store, StoreError};

/// What a job's SQLite work runs on: a plain connection, or one that
/// follows its path.
pub trait Conn: Send + 'static {
    fn store(&mut self) -> Result<&mut Store, StoreError>;
}

impl Conn for Store {
    fn store(&mut self) -> Result<&mut Store, StoreError> {
        Ok(self)
    }
}

impl Conn for Db {
    fn store(&mut self) -> Result<&mut Store, StoreError> {
        self.get().map(|(s, _)| s)
    }
}

async fn blocking<C: Conn, R: Send + 'static>(
    conn: &Arc<Mutex<C>>,
    f: impl FnOnce(&mut Store) -> Result<R, StoreError> + Send + 'static,
) -> Result<R, String> {
    let conn = conn.clone();
    tokio::task::spawn_blocking(move || {
        let mut c = conn.lock().map_err(|_| "store lock poisoned".to_string())?;
        let s = c.store().map_err(|e| e.to_string())?;
        let path = s.path().to_path_buf();
        f(s).map_err(|e| e.at(&path).to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Page cache of a periodic job's connection.
const JOB_CACHE_KIB: u32 = 2048;

/// Run `job` every `interval` until shutdown on its own connection; each
/// result goes to `health` under `part`.
async fn every<F, Fut>(
    db: &Path,
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
        Db::new(db, Durability::Normal).with_cache(JOB_CACHE_KIB),
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

fn host() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "localhost".into())
}

/// The heartbeat component name of the daemon.
pub const COMPONENT: &str = "intake";

/// Record a heartbeat every `interval` until shutdown, naming the daemon's
/// database and spool (absolute). A heartbeat that cannot be written makes
/// `/health` fail: the store is not writable.
pub async fn heartbeat_loop(
    db: PathBuf,
    spool: PathBuf,
    clock: SharedClock,
    interval: Duration,
    health: Arc<Health>,
    shutdown: CancellationToken,
) {
    let beat = Beat {
        component: COMPONENT.into(),
        pid: std::process::id(),
        host: host(),
        started_at: clock.now(),
        db_path: db.display().to_string(),
        spool_dir: spool.display().to_string(),
    };
    every(&db, "heartbeat", health, interval, shutdown, |conn| {
        let (now, beat) = (clock.now(), beat.clone());
        async move { blocking(&conn, move |s| s.beat(&beat, now)).await }
    })
    .await;
}

/// Evaluate automatic escalation every second until shutdown.
pub async fn escalation_loop(
    db: PathBuf,
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

/// Deliver due outbox rows through the command hook, once. Each alert runs
/// in its own task, so one hanging hook holds up nothing but itself.
pub async fn deliver_once<C: Conn>(
    store: &Arc<Mutex<C>>,
    config: &Config,
    clock: &SharedClock,
) -> Result<usize, String> {
    let now = clock.now();
    let due = blocking(store, move |s| s.outbox_due(hook::SINK, now, 50)).await?;
    let n = due.len();
    let alerts = config.settings.alerts.clone();
    let mut runs = tokio::task::JoinSet::new();
    for item in due {
        let argv = hook::render(&alerts.command, &item);
        let timeout = alerts.command_timeout;
        runs.spawn(async move { (item, hook::run(&argv, timeout).await) });
    }
    while let Some(done) = runs.join_next().await {
        let Ok((item, result)) = done else { continue };
        let now = clock.now();
        let retry = hook::next_attempt(&alerts, item.attempts + 1, now);
        if let Err(e) = &result {
            tracing::warn!(escalation = item.escalation_id, error = %crate::text::quote(e), retry = ?retry, "alert hook failed");
        }
        blocking(store, move |s| {
            s.outbox_attempt(
                item.id,
                now,
                result.as_ref().map(|_| ()).map_err(String::as_str),
                retry,
            )
        })
        .await?;
    }
    Ok(n)
}

/// Run [`deliver_once`] every second until shutdown.
pub async fn outbox_loop(
    db: PathBuf,
    config: Arc<Config>,
    clock: SharedClock,
    health: Arc<Health>,
    shutdown: CancellationToken,
) {
    every(
        &db,
        "alert delivery",
        health,
        Duration::from_secs(1),
        shutdown,
        |conn| {
            let (config, clock) = (config.clone(), clock.clone());
            async move { deliver_once(&conn, &config, &clock).await.map(|_| ()) }
        },
    )
    .await;
}
