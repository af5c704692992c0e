//! The console's store task: a thread that owns the database connection, so
//! the database never runs on the UI task. It polls the change feed's mark
//! (µs) and, only when someone wrote, refreshes incrementally: the
//! append-only audit log names the entities that changed since the last
//! look (its high-water mark says whether anything did), and ids above the
//! last one seen are the new ones. Writes from the UI arrive as
//! [`Command`]s and go through `ops::perform`, as the command line's do.
//!
//! Incidents are few: the list is re-read whenever the change feed names
//! an `incident:N` (and at start), and the incident whose view is open is
//! read in full then, with every equipment movement (the depots' stock).
//!
//! Alerts are news: the escalations and complaints that arrive after the
//! console started (they ring), the escalations nobody had acknowledged
//! when it started, of complaints still waiting (shown, silently), and the
//! acknowledgements any console records (every acknowledgement writes an
//! audit record, so the change feed's mark moves and the reader reads the
//! acknowledgements after the last it saw).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::mpsc;

use super::alerts::Alert;
use super::state::Snapshot;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::domain::incident::{IncidentFilter, IncidentRow};
use crate::domain::{Actor, AlertRef, AuditEntry, ComplaintRow, kind};
use crate::ops::{Command, OpError, Outcome, perform};
use crate::store::{
    Alerts, AuditLog, Complaints, Escalations, Figures, Heartbeats, Incidents, SqliteStore,
    StoreError,
};

/// What the store task tells the UI.
#[derive(Debug)]
pub enum DataMsg {
    Snapshot(Box<Snapshot>),
    /// What a [`Command`] did, or why it was not done.
    Done(Result<Outcome, OpError>),
    /// A failure of the store task itself (reading the database, a replaced file).
    Failed(String),
    /// An alert to show, or one acknowledged (here or at another console).
    News(News),
    /// The database file was replaced under the console (why), or is back (`None`).
    Replaced(Option<String>),
    /// The audit records of the complaint whose detail is open, oldest first.
    Trail {
        id: i64,
        entries: Vec<AuditEntry>,
    },
    /// The incident whose view is open, with every equipment movement.
    Incident(Box<super::state::IncidentData>),
    /// The boards of the grid at work (#11): on call, grids, sources, handover.
    Boards(Box<crate::board::Boards>),
    /// The Statistics screen's figures (#12), sent only when they changed.
    Stats(Box<crate::board::stats::StatsBoard>),
}

/// What the UI asks of the store task.
#[derive(Debug)]
pub enum Request {
    /// Perform an action, as the command line would.
    Perform(Command),
    /// Keep this complaint's trail fresh (its detail is open), or stop.
    Watch(Option<i64>),
    /// Keep this incident's detail fresh (its view is open), or stop.
    WatchIncident(Option<i64>),
    /// Act as this officer from now on (a handover confirmed here).
    ActAs(String),
}

/// What happened since the last look that a console must react to.
#[derive(Debug, Clone, PartialEq)]
pub enum News {
    /// Something that must not be missed: a new escalation or complaint.
    Alert(Alert),
    /// An alert nobody has acknowledged yet, found when the console starts:
    /// shown until acknowledged, without ringing again.
    Pending(Alert),
    /// Someone acknowledged this alert, at this console or another.
    Acknowledged(AlertRef),
}

/// The incremental read model of one console.
pub struct Reader {
    open: BTreeMap<i64, ComplaintRow>,
    recent: BTreeMap<i64, ComplaintRow>,
    /// The change feed's mark at the last look.
    mark: Option<i64>,
    max_id: i64,
    last_escalation: i64,
    /// The last acknowledgement seen.
    last_ack: i64,
    first: bool,
    /// Every incident, as last read (re-read when the change feed names one).
    incidents: Vec<IncidentRow>,
    /// An incident changed since [`Reader::take_incident_news`] was last asked.
    incident_news: bool,
}

const RECENT: usize = 500;

/// After others' writes, the boards of the grid at work are read again at
/// most this often (after this console's own, at once).
const BOARDS_GAP: Duration = Duration::from_secs(2);

/// The boards of the grid at work are read again at least this often.
const BOARDS_EVERY: Duration = Duration::from_secs(30);

/// How many of the newest escalations a starting console looks through for
/// alerts nobody has acknowledged.
const PENDING_AT_START: usize = 200;
const ACKS_PER_READ: usize = 500;

impl Default for Reader {
    fn default() -> Self {
        Self::new()
    }
}

impl Reader {
    pub fn new() -> Self {
        Reader {
            open: BTreeMap::new(),
            recent: BTreeMap::new(),
            mark: None,
            max_id: 0,
            last_escalation: 0,
            last_ack: 0,
            first: true,
            incidents: Vec::new(),
            incident_news: false,
        }
    }

    /// Whether an incident changed (or the reader started) since the last
    /// call: the open incident's detail must be read again. Any incident's
    /// change counts: equipment moved for one changes the depots' stock
    /// every other shows.
    pub fn take_incident_news(&mut self) -> bool {
        std::mem::take(&mut self.incident_news)
    }

    /// Read what changed since the last call; `None` when nothing did.
    pub fn refresh<S>(
        &mut self,
        store: &S,
        config: &Config,
        now: DateTime<Utc>,
        force: bool,
    ) -> Result<Option<(Snapshot, Vec<News>)>, StoreError>
    where
        S: Complaints + AuditLog + Escalations + Alerts + Figures + Heartbeats + Incidents,
    {
        let mark = store.feed_mark()?;
        if !force && self.mark == Some(mark) {
            return Ok(None);
        }
        let since = self.mark.replace(mark);
        let mut news = Vec::new();
        if self.first {
            // Start: every open complaint once, the newest for the Complaints
            // screen, and the high-water marks of the change feed.
            self.max_id = store.last_complaint_id()?;
            for c in store.list(crate::domain::ListFilter {
                open_only: true,
                limit: None,
            })? {
                self.open.insert(c.id, c);
            }
            for c in store.list(crate::domain::ListFilter {
                open_only: false,
                limit: Some(RECENT),
            })? {
                self.recent.insert(c.id, c);
            }
            self.last_escalation = store.last_escalation_id()?;
            self.last_ack = store.last_ack()?;
            self.incidents = store.incidents(IncidentFilter::default())?;
            self.incident_news = true;
            // The escalations nobody has acknowledged, of complaints still
            // waiting for someone: a console started (or restarted) later
            // shows them too, oldest first.
            for e in crate::board::pending::unacknowledged(store, PENDING_AT_START)? {
                news.push(News::Pending(Alert::Escalation(e)));
            }
        } else {
            // Changes up to the mark read above; later ones are read next time.
            let (changes, _) = store.changes_since(since.unwrap_or(mark))?;
            let changed: Vec<i64> = changes
                .iter()
                .filter(|c| c.is(kind::COMPLAINT) && c.id <= self.max_id)
                .map(|c| c.id)
                .collect();
            if changes.iter().any(|c| c.is(kind::INCIDENT)) {
                self.incidents = store.incidents(IncidentFilter::default())?;
                self.incident_news = true;
            }
            let new_rows = store.complaints_after(self.max_id)?;
            let changed_rows = store.complaints_by_ids(&changed)?;
            for c in &new_rows {
                news.push(News::Alert(Alert::NewComplaint {
                    id: c.id,
                    place: c.address.clone(),
                    received_at: c.received_at,
                    deadline_at: c.deadline_at,
                }));
            }
            for c in new_rows.into_iter().chain(changed_rows) {
                self.max_id = self.max_id.max(c.id);
                if c.status.is_open() {
                    self.open.insert(c.id, c.clone());
                } else {
                    self.open.remove(&c.id);
                }
                self.recent.insert(c.id, c);
            }
            while self.recent.len() > RECENT {
                self.recent.pop_first();
            }
            for e in store.escalations_after(self.last_escalation, 100)? {
                self.last_escalation = e.id;
                // A skipped stage alerted nobody: no banner, no bell.
                if !e.skipped {
                    news.push(News::Alert(Alert::Escalation(e)));
                }
            }
            let mut acked = Vec::new();
            loop {
                let batch = store.acks_after(self.last_ack, ACKS_PER_READ)?;
                let more = batch.len() == ACKS_PER_READ;
                for a in batch {
                    self.last_ack = a.seq;
                    acked.push(a.alert);
                }
                if !more {
                    break;
                }
            }
            // An alert acknowledged before this console saw it is not news.
            news.retain(|n| !matches!(n, News::Alert(a) if acked.contains(&a.key())));
            news.extend(acked.into_iter().map(News::Acknowledged));
        }
        self.first = false;
        let snap = Snapshot {
            open: self.open.values().cloned().collect(),
            recent: self.recent.values().rev().cloned().collect(),
            counts: store.counts(now, config.settings.warn_before)?,
            heartbeat: store.heartbeat(crate::store::INTAKE_COMPONENT)?,
            escalations: store.escalations_recent(20)?,
            arrivals_per_hour: store.arrivals_per_hour(now, 24)?,
            audit: store.audit_recent(200)?,
            incidents: self.incidents.clone(),
        };
        Ok(Some((snap, news)))
    }
}

/// Incident `id` in full, with the depots' stock now.
pub fn read_incident<S: Incidents>(
    store: &S,
    config: &Config,
    id: i64,
) -> Result<super::state::IncidentData, StoreError> {
    Ok(super::state::IncidentData::new(
        config,
        store.incident(id)?,
        &store.item_moves()?,
    ))
}

/// Start the store thread. It polls every `poll` and executes commands as they come.
pub fn spawn(
    mut store: SqliteStore,
    config: Arc<Config>,
    clock: SharedClock,
    mut actor: Actor,
    poll: Duration,
    tx: mpsc::UnboundedSender<DataMsg>,
) -> std::io::Result<std_mpsc::Sender<Request>> {
    let (cmd_tx, cmd_rx) = std_mpsc::channel::<Request>();
    std::thread::Builder::new()
        .name("store".into())
        .spawn(move || {
            let mut reader = Reader::new();
            let mut heartbeat_tick = std::time::Instant::now();
            let mut no_beat = true;
            // Set while the file at the database path is not the one this
            // console opened (renamed over, removed): it writes nothing then.
            let mut replaced: Option<String> = None;
            // The complaint whose detail is open, and whether its trail must be re-read.
            let mut watched: Option<i64> = None;
            let mut trail_stale = false;
            // The incident whose view is open, and whether to read it again.
            let mut watched_incident: Option<i64> = None;
            let mut incident_stale = false;
            // A write of this console's waits to be checkpointed out of the -wal.
            let mut wal_pending = false;
            // The boards of the grid at work: read again at once after a write
            // of this console's, at most every BOARDS_GAP while others write
            // (a daemon ingesting 50 files/s must not keep the store thread
            // reading boards instead of performing the duty officer's keys),
            // and every BOARDS_EVERY (shifts change, patrols fall due).
            let mut boards_now = true;
            let mut boards_stale = false;
            let mut boards_tick = std::time::Instant::now();
            // On call (#11): read again when the shift running ends and
            // when roster.toml is replaced (the calendar job reloads it).
            let mut boards_due: Option<DateTime<Utc>> = None;
            let mut roster_seen = config.roster.current();
            // The statistics (#12): per-day tallies, re-read by day as facts change.
            let mut stats = crate::board::stats_feed::StatsFeed::new(&config);
            loop {
                let now = clock.now();
                match store.verify_file() {
                    Err(e) if replaced.is_none() => {
                        let why = e.to_string();
                        if tx.send(DataMsg::Failed(why.clone())).is_err()
                            || tx.send(DataMsg::Replaced(Some(why.clone()))).is_err()
                        {
                            return;
                        }
                        replaced = Some(why);
                    }
                    Err(_) => {}
                    Ok(()) if replaced.is_some() => {
                        replaced = None;
                        if tx.send(DataMsg::Replaced(None)).is_err() {
                            return;
                        }
                    }
                    Ok(()) => {}
                }
                // Counts and the heartbeat age change with time alone: re-read
                // them every few seconds — every second while no daemon has
                // beaten yet, so one starting is seen at once (not "DOWN" for 5 s).
                let every = if no_beat {
                    Duration::from_secs(1)
                } else {
                    Duration::from_secs(5)
                };
                let force = heartbeat_tick.elapsed() > every;
                if force {
                    heartbeat_tick = std::time::Instant::now();
                }
                match reader.refresh(&store, &config, now, force) {
                    Ok(Some((snap, news))) => {
                        trail_stale = true;
                        boards_stale |= !force;
                        no_beat = snap.heartbeat.is_none();
                        if tx.send(DataMsg::Snapshot(Box::new(snap))).is_err() {
                            return;
                        }
                        for n in news {
                            let _ = tx.send(DataMsg::News(n));
                        }
                    }
                    Ok(None) => {}
                    Err(e) => {
                        let _ = tx.send(DataMsg::Failed(e.to_string()));
                    }
                }
                if let (Some(id), true) = (watched, trail_stale) {
                    trail_stale = false;
                    match store.audit_of_complaint(id) {
                        Ok(entries) => {
                            if tx.send(DataMsg::Trail { id, entries }).is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            let _ = tx.send(DataMsg::Failed(e.to_string()));
                        }
                    }
                }
                incident_stale |= reader.take_incident_news();
                if let (Some(id), true) = (watched_incident, incident_stale) {
                    incident_stale = false;
                    match read_incident(&store, &config, id) {
                        Ok(data) => {
                            if tx.send(DataMsg::Incident(Box::new(data))).is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            let _ = tx.send(DataMsg::Failed(e.to_string()));
                        }
                    }
                }
                let roster_now = config.roster.current();
                let roster_changed = !Arc::ptr_eq(&roster_now, &roster_seen);
                roster_seen = roster_now;
                if boards_now
                    || (boards_stale && boards_tick.elapsed() >= BOARDS_GAP)
                    || roster_changed
                    || boards_due.is_some_and(|t| now >= t)
                    || boards_tick.elapsed() > BOARDS_EVERY
                {
                    boards_now = false;
                    boards_stale = false;
                    boards_due = None;
                    boards_tick = std::time::Instant::now();
                    match crate::board::Boards::load(&store, &config, now) {
                        Ok(b) => {
                            boards_due = b.oncall.stale_at(&config);
                            stats.set_sources(&b.sources);
                            if tx.send(DataMsg::Boards(Box::new(b))).is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            let _ = tx.send(DataMsg::Failed(e.to_string()));
                        }
                    }
                }
                match stats.refresh(&store, &config, now) {
                    Ok(Some(b)) => {
                        if tx.send(DataMsg::Stats(Box::new(b))).is_err() {
                            return;
                        }
                    }
                    Ok(None) => {}
                    Err(e) => {
                        let _ = tx.send(DataMsg::Failed(e.to_string()));
                    }
                }
                if std::mem::take(&mut wal_pending) {
                    let _ = store.empty_wal();
                }
                match cmd_rx.recv_timeout(poll) {
                    Ok(Request::WatchIncident(id)) => {
                        incident_stale = id.is_some();
                        watched_incident = id;
                    }
                    Ok(Request::ActAs(name)) => {
                        actor = actor.with_name(name);
                    }
                    Ok(Request::Watch(id)) => {
                        trail_stale = id.is_some();
                        watched = id;
                    }
                    Ok(Request::Perform(cmd)) => {
                        let result = match &replaced {
                            Some(_) => Err(OpError::Store(StoreError::Replaced {
                                path: store.path().to_path_buf(),
                            })),
                            None => perform(&mut store, &config, &actor, clock.now(), cmd),
                        };
                        // Leave nothing of this write only in the -wal beside
                        // the path (see Store::empty_wal) — after the changed
                        // rows are on screen: the checkpoint may wait for the
                        // daemon, the duty officer must not.
                        wal_pending |= result.is_ok();
                        boards_now |= result.is_ok();
                        if tx.send(DataMsg::Done(result)).is_err() {
                            return;
                        }
                        continue;
                    }
                    Err(std_mpsc::RecvTimeoutError::Timeout) => {}
                    Err(std_mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
        })?;
    Ok(cmd_tx)
}
