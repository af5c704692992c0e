//! The store: where complaints, their audit log, escalations and heartbeats
//! are kept, behind one interface per concern. Callers name what they need
//! (`S: Complaints + AuditLog`) and never see the database's own types.
//!
//! Owns: the traits below, the one error type every backend answers with
//! ([`StoreError`], classed by whose it is to fix), where a database is
//! (a [`Location`]: `sqlite:PATH`, or a bare path), and the backends. [`SqliteStore`] is the
//! one backend today (`sqlite/`, the only module that imports rusqlite, with
//! its SQL and migrations); a PostgreSQL backend would sit beside it with
//! its own migrations and pass the same tests.
//!
//! Every write is one transaction with its audit record; instants are UTC.

mod error;
pub mod sqlite;

use chrono::{DateTime, Utc};

use crate::domain::complaint::Outcome;
use crate::domain::incident::{
    Fact, IncidentDetail, IncidentFilter, IncidentRow, IncidentStatus, ItemMove, ItemMoveRequest,
    LevelChange, NewIncident, PersonStatus, ReportKind, Severity, StepChange,
};
use crate::domain::triage::{Assignment, Rejection};
use crate::domain::{
    AckRow, Actor, AlertRef, ArrivalRequest, ArrivalRow, AuditEntry, Beat, Candidate, ComplaintRow,
    Counts, DispatchRow, Entity, EscalationRow, FileOutcome, Heartbeat, Inserted, ListFilter,
    NewComplaint, OutboxItem, OutboxState, RequestFilter, StageRecord, StepCandidate,
    StepStageRecord,
};

pub use crate::config::Location;
pub use error::{Blame, SqlKind, StoreError};
pub use sqlite::{
    BUSY_TIMEOUT, Db, DbFile, Durability, FileIntake, IntakeTx, LATEST_VERSION, MIGRATIONS,
    SqliteStore, SyncCounts,
};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Open the database at `location` (initialised, at the current schema).
pub fn open(location: &Location, durability: Durability) -> Result<SqliteStore> {
    match location {
        Location::Sqlite(path) => SqliteStore::open(path, durability),
    }
}

/// The component name the intake daemon beats under.
pub const INTAKE_COMPONENT: &str = "intake";

/// Complaints as `list`, `show`, Open311 and the consoles read them.
pub trait Complaints {
    /// Open complaints soonest deadline first, or all newest first.
    fn list(&self, filter: ListFilter) -> Result<Vec<ComplaintRow>>;
    fn complaint(&self, id: i64) -> Result<ComplaintRow>;
    fn arrivals(&self, id: i64) -> Result<Vec<ArrivalRow>>;
    fn dispatches(&self, id: i64) -> Result<Vec<DispatchRow>>;
    fn escalations(&self, id: i64) -> Result<Vec<EscalationRow>>;
    /// Complaints matching an Open311 query, newest first.
    fn requests(&self, f: &RequestFilter) -> Result<Vec<ComplaintRow>>;
    /// Complaints by id (any status), for incremental refresh.
    fn complaints_by_ids(&self, ids: &[i64]) -> Result<Vec<ComplaintRow>>;
    /// Complaints with an id above `after` (new since the last look), oldest first.
    fn complaints_after(&self, after: i64) -> Result<Vec<ComplaintRow>>;
    /// The newest complaint id (0 when none).
    fn last_complaint_id(&self) -> Result<i64>;
}

/// Figures for `status` and the console header.
pub trait Figures {
    fn counts(&self, now: DateTime<Utc>, soon: chrono::Duration) -> Result<Counts>;
    /// Arrivals logged per hour for the `hours` hours ending at `now`, oldest first.
    fn arrivals_per_hour(&self, now: DateTime<Utc>, hours: usize) -> Result<Vec<u64>>;
}

/// The write commands of the duty room, each one transaction with its audit
/// record. Called by the operations layer (`ops`), never by a front end.
pub trait Actions {
    /// Log an arrival; returns the arrival's id.
    fn arrive(&mut self, actor: &Actor, now: DateTime<Utc>, req: &ArrivalRequest) -> Result<i64>;
    fn dispatch(&mut self, actor: &Actor, now: DateTime<Utc>, id: i64, officer: &str)
    -> Result<()>;
    fn resolve(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        outcome: Outcome,
        note: Option<&str>,
    ) -> Result<()>;
    fn reject(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        rejection: &Rejection,
    ) -> Result<()>;
    /// Reopen a closed or rejected complaint; the reason is required.
    fn reopen(&mut self, actor: &Actor, now: DateTime<Utc>, id: i64, reason: &str) -> Result<()>;
    /// Set the grid of an open complaint (moving one that has a grid needs
    /// a reason); answers what it was before.
    fn assign(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        grid: &str,
        reason: Option<&str>,
    ) -> Result<Assignment>;
    /// The complainant's phone in clear, audited; `None` when there is none.
    fn reveal_phone(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
    ) -> Result<Option<String>>;
    /// A manual escalation with a reason; returns the escalation id. It is
    /// queued for each of `sinks` in the same transaction, as an automatic
    /// stage is.
    fn escalate_manual(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        target: Option<&str>,
        reason: &str,
        sinks: &[&str],
    ) -> Result<i64>;
    /// Store one complaint in its own transaction (phone entry at a console).
    fn insert_complaint(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        c: &NewComplaint,
        repeat_window: chrono::Duration,
    ) -> Result<Inserted>;
}

/// The append-only audit log, and the change feed read from it: every state
/// change writes one record, so "records after mark M" is exactly what
/// changed since M, whatever the backend.
pub trait AuditLog {
    /// The audit trail of one subject (e.g. `complaint:12`), oldest first.
    fn audit_of(&self, subject: &str) -> Result<Vec<AuditEntry>>;
    /// A complaint's own records and the record of the spool file that created it.
    fn audit_of_complaint(&self, id: i64) -> Result<Vec<AuditEntry>>;
    /// The newest `limit` entries, newest first.
    fn audit_recent(&self, limit: usize) -> Result<Vec<AuditEntry>>;
    /// The high-water mark of the log: where a change feed starts.
    fn feed_mark(&self) -> Result<i64>;
    /// The entities named by records after `mark`, each once, and the new mark.
    fn changes_since(&self, mark: i64) -> Result<(Vec<Entity>, i64)>;
}

/// Automatic escalation (exactly once per complaint or incident step and
/// stage) and the delivery outbox (at least once per sink).
pub trait Escalations {
    /// Open complaints without an arrival, deadline at or before
    /// `deadline_before`, lacking at least one of `n_stages` stages.
    fn escalation_candidates(
        &self,
        deadline_before: DateTime<Utc>,
        n_stages: usize,
    ) -> Result<Vec<Candidate>>;
    /// Record an automatic stage once; `Ok(None)` when another evaluator did,
    /// or the complaint has meanwhile been reached or closed.
    fn record_stage(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        rec: StageRecord<'_>,
    ) -> Result<Option<i64>>;
    /// Open steps of open incidents due at or before `due_before`, lacking
    /// at least one of `n_stages` stages (#10).
    fn step_escalation_candidates(
        &self,
        due_before: DateTime<Utc>,
        n_stages: usize,
    ) -> Result<Vec<StepCandidate>>;
    /// Record an automatic stage of a step once (the same key discipline as
    /// a complaint's); `Ok(None)` when another evaluator did, or the step
    /// was meanwhile settled or its incident closed.
    fn record_step_stage(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        rec: StepStageRecord<'_>,
    ) -> Result<Option<i64>>;
    fn outbox_due(&self, sink: &str, now: DateTime<Utc>, limit: usize) -> Result<Vec<OutboxItem>>;
    /// Claim a due row before its alert command runs (the attempt counts
    /// from here): `false` when it is no longer due. A claimed row is never
    /// due again; if its daemon dies while the command runs, the row is
    /// settled by [`Escalations::outbox_interrupted`], not sent twice.
    fn outbox_claim(&mut self, id: i64, now: DateTime<Utc>) -> Result<bool>;
    /// At a daemon's start: the rows a previous daemon claimed and never
    /// settled failed, "interrupted" (the command may or may not have run).
    fn outbox_interrupted(&mut self, now: DateTime<Utc>) -> Result<usize>;
    /// The end of a claimed attempt: delivered, retry at `retry_at`, or (None) failed for good.
    fn outbox_attempt(
        &mut self,
        id: i64,
        now: DateTime<Utc>,
        result: std::result::Result<(), &str>,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()>;
    fn outbox_states(&self) -> Result<Vec<OutboxState>>;
    /// The outbox rows of one complaint's escalations, by escalation then sink.
    fn outbox_of_complaint(&self, id: i64) -> Result<Vec<OutboxState>>;
    /// Escalations with id above `after`, oldest first (consoles follow these).
    fn escalations_after(&self, after: i64, limit: usize) -> Result<Vec<EscalationRow>>;
    /// The newest `limit` escalations, newest first.
    fn escalations_recent(&self, limit: usize) -> Result<Vec<EscalationRow>>;
    /// The newest escalation id (0 when none).
    fn last_escalation_id(&self) -> Result<i64>;
}

/// Alerts acknowledged once for every console: who, where, when, audited.
pub trait Alerts {
    /// Acknowledge `alerts` in one transaction; returns those newly
    /// acknowledged (an alert acknowledged before is left as it was).
    fn acknowledge(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        alerts: &[AlertRef],
    ) -> Result<Vec<AlertRef>>;
    /// Acknowledgements after `after` (a [`AckRow::seq`]), oldest first:
    /// consoles drop these banners.
    fn acks_after(&self, after: i64, limit: usize) -> Result<Vec<AckRow>>;
    /// The newest acknowledgement's seq (0 when none).
    fn last_ack(&self) -> Result<i64>;
    /// The acknowledgements of one complaint's alerts, oldest first.
    fn acks_of_complaint(&self, id: i64) -> Result<Vec<AckRow>>;
}

/// Intake: many spool files and single complaints committed together.
pub trait Intake {
    type Batch<'a>: IntakeBatch
    where
        Self: 'a;
    /// Begin an intake transaction; nothing is visible before its commit.
    fn intake(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        repeat_window: chrono::Duration,
    ) -> Result<Self::Batch<'_>>;
}

/// One intake transaction: each file and each complaint in its own
/// savepoint, so a refused item is rolled back alone.
pub trait IntakeBatch {
    /// Open a file's savepoint; `Err(file_id)` when its content was committed before.
    fn begin_file(
        &mut self,
        name: &str,
        content_hash: &str,
        bytes: u64,
    ) -> Result<std::result::Result<FileIntake, i64>>;
    /// Add one complaint of the open file.
    fn add(&mut self, file: &mut FileIntake, c: &NewComplaint) -> Result<Inserted>;
    /// Keep the file: its counts and its one audit record.
    fn finish_file(&mut self, file: FileIntake) -> Result<FileOutcome>;
    /// Drop everything the open file added.
    fn abandon_file(&mut self, file: FileIntake) -> Result<()>;
    /// Record a quarantined file.
    fn reject_file(
        &mut self,
        name: &str,
        content_hash: &str,
        bytes: u64,
        reason: &str,
    ) -> Result<()>;
    /// One complaint on its own (HTTP, phone entry), audited by itself.
    fn complaint(&mut self, c: &NewComplaint) -> Result<Inserted>;
    /// Commit everything added: the one fsync of a burst.
    fn commit(self) -> Result<()>;
}

/// Emergency incidents (#10), each opened with a frozen copy of its plan.
/// Every write is one transaction with its audit record under the subject
/// `incident:ID` (the incident's timeline). Audit actions: `incident.open`,
/// `incident.step.done`, `incident.step.undone`, `incident.step.skip`,
/// `incident.step.add`, `incident.assign`, `incident.equip`, `incident.level`,
/// `incident.status`, `incident.close`, `incident.reopen`, `incident.facts`,
/// `incident.report.sent`; the escalator writes `incident.step.escalated`
/// and `incident.step.escalation_skipped`. A refusal is
/// [`StoreError::Incident`]; the operations layer checks the configuration
/// (plans, inventory) before it calls these.
pub trait Incidents {
    /// Incidents, open ones first (most urgent next due first), then closed newest first.
    fn incidents(&self, filter: IncidentFilter) -> Result<Vec<IncidentRow>>;
    /// One incident with its steps, people, equipment, reports and timeline.
    fn incident(&self, id: i64) -> Result<IncidentDetail>;
    /// Every equipment movement ever recorded (the depots' stock is computed from these).
    fn item_moves(&self) -> Result<Vec<ItemMove>>;
    /// The escalations of the incident's steps with their outbox rows, oldest first.
    fn step_escalations(&self, id: i64) -> Result<Vec<crate::domain::StepEscalation>>;
    /// Open an incident with a frozen copy of `new.plan`: steps due from
    /// the discovery time at its level, the initial report's deadline.
    fn open_incident(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        new: &NewIncident,
    ) -> Result<i64>;
    /// Tick, untick or skip step `n`.
    fn change_step(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        n: i64,
        change: &StepChange,
    ) -> Result<()>;
    /// Add a step the plan did not foresee; returns its number.
    fn add_step(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        text: &str,
        role: Option<&str>,
        due_at: DateTime<Utc>,
    ) -> Result<i64>;
    /// Assign an officer to a role, or move that assignment forward;
    /// `true` when this is the incident's first arrival on scene.
    fn assign_person(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        officer: &str,
        role: &str,
        status: PersonStatus,
    ) -> Result<bool>;
    /// Record a movement of equipment or materials: a dispatch no more than
    /// the depot holds, a return no more than is out from it.
    fn move_item(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        request: ItemMoveRequest<'_>,
    ) -> Result<()>;
    /// Change the level: open plan steps and the unsent initial report
    /// are due anew from the discovery time.
    fn set_level(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        severity: &Severity,
    ) -> Result<LevelChange>;
    /// active ↔ stable, close, or reopen (closed → active, `reason` required).
    fn set_incident_status(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        status: IncidentStatus,
        reason: Option<&str>,
    ) -> Result<()>;
    fn record_facts(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        facts: &[(Fact, String)],
    ) -> Result<()>;
    /// A report was sent (by the actor) to `to`: its countdown stops.
    fn report_sent(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        kind: ReportKind,
        to: &str,
    ) -> Result<()>;
}

/// Swaps of the on-call roster recorded at consoles (#11), merged over
/// roster.toml by `Roster::on_call`. Audit action `roster_override.recorded`
/// under the subject `roster_override:N`.
pub trait Rosters {
    /// The swaps of the shifts that start on a date in `from..=to`, oldest first.
    fn swaps(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<crate::domain::roster_swap::Swap>>;
    /// The swaps anyone asking who is on call around the local date `day`
    /// needs: from the day before (a night shift that started then) to the
    /// end of the gap check's week and the shift after it.
    fn swaps_around(
        &self,
        day: chrono::NaiveDate,
    ) -> Result<Vec<crate::domain::roster_swap::Swap>> {
        self.swaps(
            day - chrono::Duration::days(1),
            day + chrono::Duration::days(9),
        )
    }
    /// Record one swap with its audit record; returns its id, or `None`
    /// when a swap of a shift on that date was recorded since the one
    /// `swap.seen` names (the caller decides again). The operations layer
    /// checks grid, officer and shift first.
    fn record_swap(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        swap: &crate::domain::roster_swap::NewSwap,
    ) -> Result<Option<i64>>;
}

/// Per-grid figures of the Grids board (#11), each grid's own (its
/// complaints' and incidents' grid), not rolled up. Complaints without a
/// grid are counted under the key `None`.
pub trait GridFigures {
    /// Open complaints, breaches among those received from `month_start`
    /// to `now`, and active incidents (drills apart), by grid.
    fn grid_counts(
        &self,
        month_start: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Vec<(Option<String>, crate::domain::grid::GridCounts)>>;
}

/// Merging a duplicate into an earlier complaint (#11, DESIGN.md §5),
/// and the complaints a merge or a detail looks at: one transaction with
/// an audit record on both complaints.
pub trait Merges {
    /// Merge `id` into `into` (rule: `domain::merge`); answers the
    /// duplicate's `repeat_of` after the merge.
    fn merge(&mut self, actor: &Actor, now: DateTime<Utc>, id: i64, into: i64) -> Result<i64>;
    /// The complaints of `id`'s repeat chain (its first and every repeat of
    /// it) and those merged into `id`, oldest first; `id` itself left out.
    fn related(&self, id: i64) -> Result<Vec<ComplaintRow>>;
}

/// Patrols of pollution sources (#11): on-site inspections and leaders'
/// township visits, each written in one transaction with its audit record
/// (`inspection.logged` on `inspection:N`, `visit.logged` on `visit:N`).
/// The operations layer checks enterprises, officers and grids against the
/// configuration in force before it calls these.
pub trait Patrols {
    /// Per source: its last inspection ever, and what happened since `since`.
    fn patrol_facts(&self, since: DateTime<Utc>) -> Result<crate::domain::inspection::PatrolFacts>;
    /// Every officer's inspections since `since` (one row per officer).
    fn inspections_done(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::inspection::DutyDone>>;
    /// Every township visit since `since`.
    fn visits_done(&self, since: DateTime<Utc>)
    -> Result<Vec<crate::domain::inspection::DutyDone>>;
    fn record_inspection(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        new: &crate::domain::inspection::NewInspection,
    ) -> Result<i64>;
    fn record_visit(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        new: &crate::domain::inspection::NewVisit,
    ) -> Result<i64>;
}

/// Who is alive: one beat per component.
pub trait Heartbeats {
    fn beat(&mut self, b: &Beat, now: DateTime<Utc>) -> Result<()>;
    /// A clean stop (only if `pid` is still the one beating).
    fn beat_stopped(&mut self, component: &str, pid: u32, now: DateTime<Utc>) -> Result<()>;
    fn heartbeat(&self, component: &str) -> Result<Option<Heartbeat>>;
}

/// Shift handovers (#11): each one transaction with its audit record under
/// `handover:N` (action `handover.recorded`, both officers and the whole
/// sheet in its details). A handover is never changed or deleted.
pub trait Handovers {
    /// Record a handover confirmed by the incoming officer; returns its id.
    fn record_handover(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        h: &crate::domain::handover::NewHandover,
    ) -> Result<i64>;
    /// The latest handover recorded at each console (station), newest first.
    fn latest_handovers(&self) -> Result<Vec<crate::domain::handover::HandoverRow>>;
}

/// Assessment (#12): every complaint as the statistics count it, read from
/// `complaint_fact` (kept by triggers, so every writer keeps it true).
pub trait Assessment {
    /// Every complaint received in `[from, to)`, oldest first.
    fn facts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        visit: &mut dyn FnMut(&crate::domain::assess::Fact<'_>),
    ) -> Result<()>;
    /// [`Assessment::facts`] read in spans of time at once (one per core,
    /// each on its own connection), folded into one `T` per span made by
    /// `init`. Every complaint is read once (`received_at` never changes).
    fn fold_facts<T: Send>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        init: &(dyn Fn() -> T + Sync),
        fold: &(dyn Fn(&mut T, &crate::domain::assess::Fact<'_>) + Sync),
    ) -> Result<Vec<T>>;
    /// The revision of the latest change to any complaint's fact (0: none).
    fn fact_rev(&self) -> Result<i64>;
    /// When the complaints changed after revision `after` were received,
    /// and the revision now: a console re-reads only those days.
    fn facts_changed(&self, after: i64) -> Result<(i64, Vec<DateTime<Utc>>)>;
    /// The incidents (drills left out) discovered in `[from, to)`, with
    /// their upward reports (`report`).
    fn incident_facts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::assess_inputs::IncidentFact>>;
    /// Per pollution source (enterprise id): its inspections before and in
    /// `[from, to)` (`report`'s patrols).
    fn inspection_spans(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<std::collections::BTreeMap<String, crate::domain::assess_inputs::InspectionSpan>>;
}

/// Outflow-section water quality (#12): readings, append-only, each written
/// with its audit record (`water_reading.recorded` on `water_reading:N`).
/// The operations layer checks sections and values against the
/// configuration before it calls these.
pub trait WaterReadings {
    /// Record `readings` in one transaction. A reading the same as one
    /// stored (section, instant, class and values) is not recorded again;
    /// one with a stored reading's section and instant but other values
    /// records nothing of the batch ([`Recorded::Conflict`]).
    ///
    /// [`Recorded::Conflict`]: crate::domain::water::Recorded::Conflict
    fn record_readings(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        readings: &[crate::domain::water::NewReading],
    ) -> Result<crate::domain::water::Recorded>;
    /// Every reading sampled in `[from, to)`, oldest first.
    fn readings(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::water::ReadingRow>>;
}
