//! The actions of an emergency incident as values, and what each did. Like
//! [`Command`](super::Command): a front end builds an [`IncidentCommand`],
//! `perform` runs it in one transaction with its audit record (subject
//! `incident:ID`, which is also the incident's timeline) and answers an
//! [`IncidentOutcome`].

use chrono::{DateTime, Utc};

use crate::domain::incident::{
    Fact, IncidentStatus, Movement, PersonStatus, ReportKind, Severity, StepChange,
};

/// An incident to open. The plan is named by id and copied from the
/// configuration at this moment (frozen).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenIncident {
    pub plan: String,
    /// `None`: the originating complaint's grid.
    pub grid: Option<String>,
    pub severity: Severity,
    /// `None`: the originating complaint's address.
    pub place: Option<String>,
    pub from_complaint: Option<i64>,
    /// `None`: the complaint's `received_at`, else now.
    pub discovered_at: Option<DateTime<Utc>>,
    pub drill: bool,
    pub summary: Option<String>,
    /// Open it even though the complaint already has an open incident
    /// (otherwise refused, naming that incident).
    pub again: bool,
}

/// An action on an incident.
#[derive(Debug, Clone, PartialEq)]
pub enum IncidentCommand {
    Open(Box<OpenIncident>),
    /// Tick, untick or skip step `n` (numbered from 1).
    Step {
        id: i64,
        n: i64,
        change: StepChange,
    },
    /// A step the plan did not foresee.
    AddStep {
        id: i64,
        text: String,
        role: Option<String>,
        due_at: DateTime<Utc>,
    },
    /// Assign an officer to a role, or move an assignment on (forward only).
    Assign {
        id: i64,
        officer: String,
        role: String,
        status: PersonStatus,
    },
    /// Equipment or materials requested, dispatched from a depot, or returned to it.
    Equip {
        id: i64,
        item: String,
        depot: Option<String>,
        movement: Movement,
        quantity: u32,
    },
    /// The level changed (or became known): due times follow it.
    Level {
        id: i64,
        severity: Severity,
    },
    /// active ↔ stable.
    Status {
        id: i64,
        status: IncidentStatus,
    },
    Close {
        id: i64,
    },
    Reopen {
        id: i64,
        reason: String,
    },
    /// Facts for the reports, as they become known (a follow-up report is
    /// due whenever they change).
    Facts {
        id: i64,
        facts: Vec<(Fact, String)>,
    },
    /// A report was sent upward: who sent it is the actor; `to` whom.
    ReportSent {
        id: i64,
        kind: ReportKind,
        to: String,
    },
}

/// What an incident action did.
#[derive(Debug, Clone, PartialEq)]
pub enum IncidentOutcome {
    Opened {
        id: i64,
        /// The first open step's due time, and the initial report's.
        next_due_at: Option<DateTime<Utc>>,
        report_due_at: Option<DateTime<Utc>>,
    },
    StepChanged {
        id: i64,
        n: i64,
        change: StepChange,
    },
    StepAdded {
        id: i64,
        n: i64,
    },
    Assigned {
        id: i64,
        officer: String,
        role: String,
        status: PersonStatus,
        /// This was the incident's first arrival on scene.
        first_on_scene: bool,
    },
    Equipped {
        id: i64,
        item: String,
        depot: Option<String>,
        movement: Movement,
        quantity: u32,
    },
    /// The level changed; the initial report's deadline before and after.
    Leveled {
        id: i64,
        severity: Severity,
        report_due_before: Option<DateTime<Utc>>,
        report_due_after: Option<DateTime<Utc>>,
    },
    StatusChanged {
        id: i64,
        status: IncidentStatus,
    },
    ReportSent {
        id: i64,
        kind: ReportKind,
        to: String,
    },
    FactsRecorded {
        id: i64,
        facts: Vec<Fact>,
    },
}
