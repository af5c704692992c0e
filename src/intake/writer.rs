//! The daemon's one writer of complaints: a thread that owns the intake
//! connection, takes single complaints (Open311 POSTs) from a bounded queue
//! and spool files from `new/`, and commits them together in groups — one
//! transaction and one fsync for a burst, `synchronous=FULL` kept. A POST is
//! answered only after the commit that holds it.
//!
//! Owns: when to look at the spool (a file event, the periodic rescan, a
//! retry after a failure, with back-off and one log line per step), the
//! spool lock check, the database identity check (a replaced database file
//! takes no acknowledged writes), and shutdown: the current group is
//! finished, every queued complaint answered, then the thread ends.
//!
//! Threads are bounded: this one, whatever the number of clients.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio_util::sync::CancellationToken;

use super::ingest::{Group, commit_group, groups};
use super::lock::SpoolLock;
use super::report::{FileReport, PassError, SpoolReport};
use super::spool::{Entry, Spool};
use super::watch::SpoolWatch;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::domain::{Actor, Inserted, NewComplaint};
use crate::health::{Backoff, Change, Health};
use crate::store::Db;

/// Complaints waiting for the writer at most; beyond, a POST is told to retry.
pub const QUEUE: usize = 4096;
/// Complaints committed in one transaction at most.
const GROUP_COMPLAINTS: usize = 512;
/// How long the writer waits after its last commit before it checkpoints:
/// not on the path of a burst, soon enough after one.
const QUIET: Duration = Duration::from_millis(200);
/// How often a failing writer looks whether the database is usable again.
const PROBE: Duration = Duration::from_secs(1);
/// Complaints ride along with spool files in one transaction only when
/// the files are smaller than this; a bigger group would make them wait.
const RIDE_ALONG_BYTES: u64 = 1 << 20;
/// The health part of the writer.
pub const PART: &str = "writer";
/// The health part of checkpoints into the database file.
pub const CHECKPOINT_PART: &str = "checkpoint";
/// The health part of the spool directory.
pub const SPOOL_PART: &str = "spool";

/// Why a complaint was not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitError {
    /// The schema refused it: the sender's to fix (400).
    Refused(String),
    /// The database cannot take it now; the sender should retry (503).
    Unavailable(String),
    /// Committed where nobody sees it (the database file was replaced under
    /// the commit): not acknowledged (503); the reason says what to do.
    Unseen(String),
}

type Reply = oneshot::Sender<Result<Inserted, SubmitError>>;

enum Job {
    Complaint(Box<NewComplaint>, Reply),
    /// A file may have arrived.
    Wake,
    /// Answer what is queued, then end.
    Stop,
}

/// How the rest of the daemon reaches the writer.
#[derive(Clone)]
pub struct WriterHandle {
    tx: SyncSender<Job>,
}

impl WriterHandle {
    /// Store one complaint; resolves after its commit.
    pub async fn submit(&self, c: NewComplaint) -> Result<Inserted, SubmitError> {
        let (reply, answer) = oneshot::channel();
        match self.tx.try_send(Job::Complaint(Box::new(c), reply)) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                return Err(SubmitError::Unavailable(format!(
                    "intake is busy ({QUEUE} complaints waiting); retry shortly"
                )));
            }
            Err(TrySendError::Disconnected(_)) => {
                return Err(SubmitError::Unavailable("intake is shutting down".into()));
            }
        }
        answer
            .await
            .unwrap_or_else(|_| Err(SubmitError::Unavailable("intake is shutting down".into())))
    }

    /// Ask for a spool pass (never blocks).
    pub fn wake(&self) {
        let _ = self.tx.try_send(Job::Wake);
    }

    /// Answer what is queued, then end the writer.
    pub fn stop(&self) {
        let _ = self.tx.send(Job::Stop);
    }
}

/// What the writer needs.
pub struct Writer {
    pub db: Db,
    pub spool: Spool,
    pub lock: SpoolLock,
    pub config: Arc<Config>,
    pub clock: SharedClock,
    pub actor: Actor,
    pub health: Arc<Health>,
    /// Cancelled: no new spool passes; the current group is finished.
    pub shutdown: CancellationToken,
    /// Set when the database file turned out damaged under us (a copy
    /// written over it in place): nothing more is acknowledged until a
    /// restart. Start with `None`.
    pub damaged: Option<String>,
}

/// A queued complaint and where its answer goes.
struct Post {
    complaint: Box<NewComplaint>,
    reply: Reply,
}

/// Why a pass ended early.
enum PassFailure {
    /// Try again after the back-off.
    Retry(String),
    /// The daemon must stop (its spool lock is gone).
    Fatal(String),
}

impl Writer {
    /// Start the writer thread. It ends after [`WriterHandle::stop`]; its
    /// result is `Err` when it had to stop the daemon.
    pub fn spawn(
        self,
    ) -> Result<(WriterHandle, std::thread::JoinHandle<Result<(), String>>), String> {
        let (tx, rx) = sync_channel(QUEUE);
        let handle = WriterHandle { tx };
        let waker = handle.clone();
        let watch = SpoolWatch::start(&self.spool.root, move || waker.wake())?;
        let thread = std::thread::Builder::new()
            .name("intake-writer".into())
            .spawn(move || self.run(rx, watch))
            .map_err(|e| format!("cannot start the intake writer: {e}"))?;
        Ok((handle, thread))
    }

    fn run(mut self, rx: Receiver<Job>, mut watch: SpoolWatch) -> Result<(), String> {
        let rescan = self.config.settings.rescan_interval;
        let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(60));
        let mut next_rescan = Instant::now() + rescan;
        let mut retry_at: Option<Instant> = None;
        let mut spool_due = true; // files already there raise no event
        let mut stopping = false;
        let mut posts: Vec<Post> = Vec::new();
        let mut fatal = None;
        // When the last commit was, if it is not checkpointed yet.
        let mut dirty: Option<Instant> = None;
        let mut last_probe = Instant::now();
        loop {
            let now = Instant::now();
            if self.health.is_failing(PART) && now >= last_probe + PROBE && posts.is_empty() {
                // Failing with nothing to write: look whether the database
                // is usable again (the original file back at its path), so
                // /health does not say failing until the next complaint.
                last_probe = now;
                if self.db.get().is_ok() && self.health.report(PART, Ok(())) == Change::Recovered {
                    tracing::info!(database = %self.db.path().display(), "intake writes again");
                }
            }
            if dirty.is_some_and(|at| now >= at + QUIET) && posts.is_empty() {
                // A quiet moment: copy what was committed into the database
                // file itself and empty the -wal, so a file renamed over the
                // path cannot inherit acknowledged complaints from it. When a
                // reader is in the way, try again after another quiet spell.
                dirty = if self.checkpoint() { None } else { Some(now) };
            }
            let mut wake_at = match (stopping || !posts.is_empty(), retry_at) {
                (true, _) => now,
                (false, Some(r)) => r,
                (false, None) if spool_due => now,
                (false, None) => next_rescan,
            };
            if let Some(at) = dirty {
                wake_at = wake_at.min(at + QUIET);
            }
            if self.health.is_failing(PART) {
                wake_at = wake_at.min(last_probe + PROBE);
            }
            match rx.recv_timeout(wake_at.saturating_duration_since(now)) {
                Ok(job) => take(job, &mut posts, &mut spool_due, &mut stopping),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => stopping = true,
            }
            drain(&rx, &mut posts, &mut spool_due, &mut stopping);
            let now = Instant::now();
            if now >= next_rescan {
                spool_due = true;
                next_rescan = now + rescan;
            }
            if !posts.is_empty() {
                let batch = std::mem::take(&mut posts);
                if self.commit(batch, Vec::new()).is_ok() {
                    dirty = Some(Instant::now());
                }
            }
            let passing = !stopping && !self.shutdown.is_cancelled();
            if passing && spool_due && retry_at.is_none_or(|r| now >= r) {
                spool_due = false;
                match self.pass(&rx, &mut watch, &mut posts, &mut spool_due, &mut stopping) {
                    Ok(report) => {
                        if !report.is_empty() {
                            dirty = Some(Instant::now());
                        }
                        if !report.is_empty() {
                            tracing::info!(
                                ingested = report.files_ingested,
                                quarantined = report.files_quarantined,
                                new = report.complaints_new,
                                "spool pass"
                            );
                        }
                        if report.files_deferred > 0 {
                            let (name, why) = &report.deferred[0];
                            let delay = backoff.failed();
                            retry_at = Some(Instant::now() + delay);
                            self.spool_health(
                                Err(format!(
                                    "{} file(s) could not be read now (first: {name}: {why})",
                                    report.files_deferred
                                )),
                                delay,
                            );
                        } else {
                            backoff.succeeded();
                            retry_at = None;
                            self.spool_health(Ok(()), Duration::ZERO);
                        }
                    }
                    Err(PassFailure::Retry(why)) => {
                        let delay = backoff.failed();
                        retry_at = Some(Instant::now() + delay);
                        spool_due = true;
                        tracing::error!(error = %why, retry_in = ?delay, "spool pass failed; files stay in new/");
                    }
                    Err(PassFailure::Fatal(why)) => {
                        tracing::error!(error = %why, "the intake daemon stops");
                        self.shutdown.cancel();
                        fatal = Some(why);
                    }
                }
            }
            if stopping {
                drain(&rx, &mut posts, &mut spool_due, &mut stopping);
                if posts.is_empty() {
                    break;
                }
            }
        }
        match fatal {
            Some(why) => Err(why),
            None => Ok(()),
        }
    }

    /// Copy the WAL into the database file. When the file cannot be written
    /// (read-only, immutable, full disk) the complaints are still safe in the
    /// WAL, but `/health` must say the store is not writable.
    fn checkpoint(&mut self) -> bool {
        let result = self.db.get().and_then(|(s, _)| s.empty_wal());
        let emptied = matches!(result, Ok(true));
        let result = result.map(|_| ());
        if let Err(e) = &result {
            if e.is_damage() && self.damaged.is_none() {
                let why = e.to_string();
                tracing::error!(error = %why, "the database file is damaged (written over while in use?); intake acknowledges nothing more until it is restarted");
                self.damaged = Some(why);
            }
        }
        let result = result.map_err(|e| e.at(self.db.path()).to_string());
        match (self.health.report(CHECKPOINT_PART, result.clone()), result) {
            (Change::Failing, Err(why)) => tracing::error!(
                error = %why,
                "cannot copy committed complaints into the database file; they are safe in its -wal until it can"
            ),
            (Change::Recovered, _) => tracing::info!("the database file takes checkpoints again"),
            _ => {}
        }
        emptied
    }

    fn spool_health(&self, result: Result<(), String>, retry: Duration) {
        match (self.health.report(SPOOL_PART, result.clone()), result) {
            (Change::Failing, Err(why)) => {
                tracing::warn!(problem = %why, retry_in = ?retry, "spool")
            }
            (Change::Recovered, _) => tracing::info!("spool: every file readable again"),
            (_, Err(why)) => tracing::warn!(problem = %why, retry_in = ?retry, "spool: still"),
            _ => {}
        }
    }

    /// One pass over `new/`, in groups; queued complaints ride along.
    fn pass(
        &mut self,
        rx: &Receiver<Job>,
        watch: &mut SpoolWatch,
        posts: &mut Vec<Post>,
        spool_due: &mut bool,
        stopping: &mut bool,
    ) -> Result<SpoolReport, PassFailure> {
        if self.lock.verify().map_err(PassFailure::Fatal)? {
            tracing::warn!(spool = %self.spool.root.display(), "the spool was removed while the daemon ran; made it anew and took its lock again");
        }
        let io = |what: &str, e: std::io::Error| PassFailure::Retry(format!("{what}: {e}"));
        self.spool
            .ensure()
            .map_err(|e| io(&format!("spool {}", self.spool.root.display()), e))?;
        watch.refresh().map_err(PassFailure::Retry)?;
        let entries = self
            .spool
            .pending()
            .map_err(|e| io(&format!("{}", self.spool.dir("new").display()), e))?;
        let mut report = SpoolReport::default();
        for files in groups(entries) {
            if self.shutdown.is_cancelled() {
                break;
            }
            drain(rx, posts, spool_due, stopping);
            let batch = std::mem::take(posts);
            let bytes: u64 = files.iter().map(|f| f.bytes).sum();
            let reports = if bytes > RIDE_ALONG_BYTES {
                // A big file's transaction takes long: the complaints waiting
                // now are committed first, on their own, not behind it.
                if !batch.is_empty() {
                    self.commit(batch, Vec::new())
                        .map_err(|e| PassFailure::Retry(e.to_string()))?;
                }
                self.commit(Vec::new(), files)
            } else {
                self.commit(batch, files)
            }
            .map_err(|e| PassFailure::Retry(e.to_string()))?;
            report.add(&reports);
        }
        Ok(report)
    }

    /// Commit one group; answer its complaints; report to health.
    fn commit(
        &mut self,
        batch: Vec<Post>,
        files: Vec<Entry>,
    ) -> Result<Vec<FileReport>, PassError> {
        // A client that gave up (its request timed out, its connection
        // closed) is not stored behind its back: it was told nothing was.
        let batch: Vec<Post> = batch.into_iter().filter(|p| !p.reply.is_closed()).collect();
        let (complaints, replies): (Vec<NewComplaint>, Vec<Reply>) =
            batch.into_iter().map(|p| (*p.complaint, p.reply)).unzip();
        let result = self.try_commit(complaints, files);
        match result {
            Ok((answers, files)) => {
                for (reply, answer) in replies.into_iter().zip(answers) {
                    let _ = reply.send(answer.map_err(|e| SubmitError::Refused(e.to_string())));
                }
                if self.health.report(PART, Ok(())) == Change::Recovered {
                    tracing::info!(database = %self.db.path().display(), "intake writes again");
                }
                Ok(files)
            }
            Err(e) => {
                let why = e.to_string();
                let unseen = matches!(e, PassError::Unseen { .. });
                for reply in replies {
                    let _ = reply.send(Err(if unseen {
                        SubmitError::Unseen(why.clone())
                    } else {
                        SubmitError::Unavailable(why.clone())
                    }));
                }
                if self.health.report(PART, Err(why.clone())) == Change::Failing {
                    tracing::error!(error = %why, "intake cannot write; complaints are refused with 503 and files stay in new/ until it can");
                }
                Err(e)
            }
        }
    }

    #[allow(clippy::type_complexity)]
    fn try_commit(
        &mut self,
        complaints: Vec<NewComplaint>,
        files: Vec<Entry>,
    ) -> Result<
        (
            Vec<Result<Inserted, crate::store::StoreError>>,
            Vec<FileReport>,
        ),
        PassError,
    > {
        if let Some(why) = &self.damaged {
            return Err(crate::store::StoreError::Corrupt(why.clone()).into());
        }
        let (store, fresh) = self.db.get()?;
        if fresh {
            store.sync_reference(&self.config)?;
            tracing::warn!(database = %store.path().display(), "opened the database file found at the path (it was replaced or reopened)");
        }
        let group = Group { complaints, files };
        let now = self.clock.now();
        let outcome = commit_group(store, &self.spool, &self.config, &self.actor, now, group)?;
        Ok((outcome.complaints, outcome.files))
    }
}

fn take(job: Job, posts: &mut Vec<Post>, spool_due: &mut bool, stopping: &mut bool) {
    match job {
        Job::Complaint(complaint, reply) => posts.push(Post { complaint, reply }),
        Job::Wake => *spool_due = true,
        Job::Stop => *stopping = true,
    }
}

/// Take what is queued now, up to a group's worth of complaints.
fn drain(rx: &Receiver<Job>, posts: &mut Vec<Post>, spool_due: &mut bool, stopping: &mut bool) {
    while posts.len() < GROUP_COMPLAINTS {
        match rx.try_recv() {
            Ok(job) => take(job, posts, spool_due, stopping),
            Err(_) => break,
        }
    }
}
