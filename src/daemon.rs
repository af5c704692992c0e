//! The intake daemon (`gridwatch intake`): the live spool, the Open311
//! endpoint, the heartbeat, automatic escalation and alert delivery, wired
//! together with one shutdown token.
//!
//! Every part takes its IO and the shutdown as arguments (`run(...)`), so
//! tests bind `127.0.0.1:0`, pass a paused clock, and stop it when they like.
//! Each part owns its own database connection; SQLite work runs on blocking
//! threads, never on the async workers.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::alert::{escalator, hook};
use crate::clock::SharedClock;
use crate::config::Config;
use crate::intake::Spool;
use crate::intake::http::{HttpState, router};
use crate::store::{Actor, Durability, Store, StoreError};

/// The heartbeat component name of the daemon.
pub const COMPONENT: &str = "intake";

/// Everything the daemon needs from outside.
pub struct Daemon {
    pub config: Arc<Config>,
    pub db_path: PathBuf,
    pub clock: SharedClock,
    pub actor: Actor,
}

fn open(db: &Path) -> Result<Store, String> {
    Store::open(db, Durability::Full).map_err(|e| e.to_string())
}

/// Run until `shutdown` is cancelled. `listener`: the bound HTTP socket, or
/// `None` to run without the endpoint.
pub async fn run(
    d: Daemon,
    listener: Option<TcpListener>,
    shutdown: CancellationToken,
) -> Result<(), String> {
    let mut store = open(&d.db_path)?;
    store.sync_reference(&d.config).map_err(|e| e.to_string())?;
    drop(store);
    let spool = Spool::new(d.config.settings.spool_dir.clone());
    spool
        .ensure()
        .map_err(|e| format!("spool {}: {e}", spool.root.display()))?;
    let _lock = SpoolLock::acquire(&spool.root)?;

    let spool_thread = spawn_spool_worker(&d, spool.clone(), shutdown.clone())?;
    let mut tasks = tokio::task::JoinSet::new();
    tasks.spawn(heartbeat_loop(
        d.db_path.clone(),
        d.clock.clone(),
        d.config.settings.heartbeat_interval,
        shutdown.clone(),
    ));
    tasks.spawn(escalation_loop(
        d.db_path.clone(),
        d.config.clone(),
        d.clock.clone(),
        d.actor.clone(),
        shutdown.clone(),
    ));
    if !d.config.settings.alerts.command.is_empty() {
        tasks.spawn(outbox_loop(
            d.db_path.clone(),
            d.config.clone(),
            d.clock.clone(),
            shutdown.clone(),
        ));
    }
    if let Some(listener) = listener {
        let state = Arc::new(HttpState {
            config: d.config.clone(),
            store: Arc::new(Mutex::new(open(&d.db_path)?)),
            clock: d.clock.clone(),
            actor: d.actor.clone().with_name("open311"),
        });
        let app = router(state);
        let token = shutdown.clone();
        tasks.spawn(async move {
            if let Err(e) = axum::serve(listener, app)
                .with_graceful_shutdown(token.cancelled_owned())
                .await
            {
                tracing::error!(error = %e, "http server stopped");
            }
        });
    }
    shutdown.cancelled().await;
    tracing::info!("shutting down: finishing the current file and requests");
    while tasks.join_next().await.is_some() {}
    spool_thread
        .join()
        .map_err(|_| "the spool worker panicked".to_string())?;
    Ok(())
}

/// The spool worker: a plain thread that ingests `new/` on every file event
/// and on every rescan interval, until shutdown.
fn spawn_spool_worker(
    d: &Daemon,
    spool: Spool,
    shutdown: CancellationToken,
) -> Result<std::thread::JoinHandle<()>, String> {
    use notify::Watcher;
    let (tx, rx) = mpsc::channel::<()>();
    let events = tx.clone();
    let mut watcher = notify::recommended_watcher(move |_res: notify::Result<notify::Event>| {
        let _ = events.send(());
    })
    .map_err(|e| format!("cannot watch {}: {e}", spool.dir("new").display()))?;
    watcher
        .watch(&spool.dir("new"), notify::RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", spool.dir("new").display()))?;
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (stop, tx) = (stop.clone(), tx.clone());
        tokio::spawn(async move {
            shutdown.cancelled().await;
            stop.store(true, Ordering::SeqCst);
            let _ = tx.send(());
        });
    }
    let mut store = open(&d.db_path)?;
    let (config, clock) = (d.config.clone(), d.clock.clone());
    let actor = d.actor.clone().with_name("intake");
    let rescan = config.settings.rescan_interval;
    std::thread::Builder::new()
        .name("spool".into())
        .spawn(move || {
            let _watcher = watcher; // dropped when the worker ends
            while !stop.load(Ordering::SeqCst) {
                let should_stop = || stop.load(Ordering::SeqCst);
                match spool.process_pending(&mut store, &config, &actor, || clock.now(), &should_stop) {
                    Ok(r) if r.files_ingested + r.files_quarantined + r.files_already > 0 => {
                        tracing::info!(ingested = r.files_ingested, quarantined = r.files_quarantined, new = r.complaints_new, "spool pass");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "spool pass failed; retrying at the next event or rescan"),
                }
                // Wait for an event or the rescan tick; drain bursts into one pass.
                match rx.recv_timeout(rescan) {
                    Ok(()) | Err(mpsc::RecvTimeoutError::Timeout) => while rx.try_recv().is_ok() {},
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                }
            }
        })
        .map_err(|e| format!("cannot start the spool worker: {e}"))
}

async fn blocking<R: Send + 'static>(
    store: &Arc<Mutex<Store>>,
    f: impl FnOnce(&mut Store) -> Result<R, StoreError> + Send + 'static,
) -> Result<R, String> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || {
        let mut s = store
            .lock()
            .map_err(|_| "store lock poisoned".to_string())?;
        f(&mut s).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Open a connection for a periodic job and run `job` every `interval` until
/// shutdown; a failed run is logged and the next tick tries again.
async fn every<F, Fut>(
    db: &Path,
    what: &str,
    interval: Duration,
    shutdown: CancellationToken,
    mut job: F,
) where
    F: FnMut(Arc<Mutex<Store>>) -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let store = match open(db) {
        Ok(s) => Arc::new(Mutex::new(s)),
        Err(e) => return tracing::error!(error = %e, "{what} disabled"),
    };
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = tick.tick() => {
                if let Err(e) = job(store.clone()).await {
                    tracing::error!(error = %e, "{what} failed");
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

/// Record a heartbeat every `interval` until shutdown.
pub async fn heartbeat_loop(
    db: PathBuf,
    clock: SharedClock,
    interval: Duration,
    shutdown: CancellationToken,
) {
    let started = clock.now();
    let (pid, host) = (std::process::id(), host());
    every(&db, "heartbeat", interval, shutdown, |store| {
        let (now, host) = (clock.now(), host.clone());
        async move { blocking(&store, move |s| s.beat(COMPONENT, pid, &host, now, started)).await }
    })
    .await;
}

/// Evaluate automatic escalation every second until shutdown.
pub async fn escalation_loop(
    db: PathBuf,
    config: Arc<Config>,
    clock: SharedClock,
    actor: Actor,
    shutdown: CancellationToken,
) {
    let actor = actor.with_name("escalator");
    every(
        &db,
        "automatic escalation",
        Duration::from_secs(1),
        shutdown,
        |store| {
            let (now, config, actor) = (clock.now(), config.clone(), actor.clone());
            async move {
                blocking(&store, move |s| {
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
pub async fn deliver_once(
    store: &Arc<Mutex<Store>>,
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
            tracing::warn!(escalation = item.escalation_id, error = %e, retry = ?retry, "alert hook failed");
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
    shutdown: CancellationToken,
) {
    every(
        &db,
        "alert delivery",
        Duration::from_secs(1),
        shutdown,
        |store| {
            let (config, clock) = (config.clone(), clock.clone());
            async move { deliver_once(&store, &config, &clock).await.map(|_| ()) }
        },
    )
    .await;
}

/// An exclusive `flock` on `<spool>/.intake.lock`: one daemon per spool.
/// (Several `intake --once` runs are safe without it; a test proves that.)
pub struct SpoolLock {
    _file: std::fs::File,
}

impl SpoolLock {
    pub fn acquire(spool: &Path) -> Result<SpoolLock, String> {
        use std::io::{Read, Seek, Write};
        use std::os::fd::AsRawFd;
        let path = spool.join(".intake.lock");
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        // SAFETY: flock on a descriptor we own; no memory is touched.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc != 0 {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            return Err(format!(
                "another intake daemon ({}) already runs on spool {}; stop it first",
                if holder.trim().is_empty() {
                    "unknown pid".to_string()
                } else {
                    format!("pid {}", holder.trim())
                },
                spool.display()
            ));
        }
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        Ok(SpoolLock { _file: file })
    }
}
