//! The actions of the duty room as values, and what each did: a front end
//! builds a [`Command`], [`perform`](super::perform) answers an [`Outcome`]
//! or an [`OpError`], and the front end puts that into words.

use chrono::{DateTime, Utc};

use super::incident::{IncidentCommand, IncidentOutcome};
use crate::domain::complaint::Outcome as Resolution;
use crate::domain::incident::IncidentError;
use crate::domain::triage::{Assignment, Rejection};
use crate::domain::{AlertRef, ArrivalRequest, NewComplaint};
use crate::store::StoreError;

/// Whom a manual escalation alerts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The parent grid's leader on call at the time (the default).
    OnCallLeader,
    /// This officer.
    Officer(String),
    /// Nobody in particular: the record alone (the console's target left empty).
    Nobody,
}

/// An action a duty officer (or a client) asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Arrive(ArrivalRequest),
    Dispatch {
        id: i64,
        officer: String,
    },
    Escalate {
        id: i64,
        target: Target,
        reason: String,
    },
    Resolve {
        id: i64,
        outcome: Resolution,
        note: Option<String>,
    },
    /// Show the reporter's phone in clear (audited).
    RevealPhone(i64),
    /// A complaint taken by phone at a console, prepared by
    /// [`prepare`](super::prepare::prepare).
    New(Box<NewComplaint>),
    /// Triage: set the grid of an open complaint; moving one that has a
    /// grid needs a reason.
    Assign {
        id: i64,
        grid: String,
        reason: Option<String>,
    },
    /// Triage: not the bureau's, or nothing to act on.
    Reject {
        id: i64,
        rejection: Rejection,
    },
    /// A closed or rejected complaint needs someone again.
    Reopen {
        id: i64,
        reason: String,
    },
    /// Acknowledge alerts for every console (audited).
    Acknowledge(Vec<AlertRef>),
    /// A duplicate merged into an earlier complaint (#11): history kept.
    Merge {
        id: i64,
        into: i64,
    },
    /// An action on an emergency incident (#10).
    Incident(IncidentCommand),
    /// Swap who holds a role on call in one shift of one grid (#11).
    Swap(super::swap::SwapRequest),
    /// A shift handover (#11), confirmed by the incoming officer `to`:
    /// the sheet (Markdown) is kept whole with both names.
    Handover {
        from: String,
        to: String,
        note: Option<String>,
        sheet: String,
        /// The console (duty-room station) it happens at.
        station: String,
    },
    /// An inspection of a pollution source or a township visit (#11).
    Patrol(super::patrol::PatrolCommand),
}

/// What an action did, for the front end to put into words.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Arrived {
        id: i64,
        officer: String,
        arrived_at: DateTime<Utc>,
        /// Deadline minus arrival: positive when in time.
        margin: chrono::Duration,
    },
    Dispatched {
        id: i64,
        officer: String,
    },
    /// `target` is `None` when nobody on call was found (the record is kept).
    Escalated {
        id: i64,
        target: Option<String>,
    },
    Resolved {
        id: i64,
        outcome: Resolution,
    },
    Phone {
        id: i64,
        phone: Option<String>,
    },
    Created {
        id: i64,
        deadline_at: DateTime<Utc>,
    },
    /// The same complaint (source and reference) was stored before.
    AlreadyRecorded {
        id: i64,
    },
    Assigned {
        id: i64,
        grid: String,
        /// The grid before, and how it had been decided.
        before: Assignment,
    },
    Rejected {
        id: i64,
        rejection: Rejection,
    },
    Reopened {
        id: i64,
    },
    /// `done` were acknowledged now; the rest of the `asked` were before.
    Acknowledged {
        done: Vec<AlertRef>,
        asked: usize,
    },
    Incident(IncidentOutcome),
    Swapped(super::swap::Swapped),
    /// `id` is merged into `into`; it counts as a repeat of `repeat_of`.
    Merged {
        id: i64,
        into: i64,
        repeat_of: i64,
    },
    /// A handover recorded: `to` is on duty at `station` now.
    HandedOver {
        id: i64,
        from: String,
        to: String,
        station: String,
    },
    Patrol(super::patrol::PatrolOutcome),
}

/// Why an action was not done: the request's fault, or the store's.
#[derive(Debug, thiserror::Error)]
pub enum OpError {
    #[error("an escalation needs a reason")]
    NoReason,
    #[error("a reopened complaint needs a reason")]
    NoReopenReason,
    /// A reason or note longer than anyone types (a paste gone wrong).
    #[error("the {field} is {chars} characters long; at most {max} are kept")]
    TooLong {
        field: &'static str,
        chars: usize,
        max: usize,
    },
    /// An incident rule refused it (words: `words::incident_ops::error`).
    #[error(transparent)]
    Incident(IncidentError),
    /// A swap of the roster refused (#11; words: `words::oncall`).
    #[error(transparent)]
    Swap(#[from] super::swap::SwapError),
    /// A handover refused (#11).
    #[error(transparent)]
    Handover(crate::domain::handover::HandoverError),
    /// A patrol rule refused it (words: `words::patrol::error`).
    #[error(transparent)]
    Patrol(#[from] super::patrol::PatrolError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl OpError {
    /// An incident refusal met in the store is the operation's refusal.
    pub(super) fn lifted(self) -> OpError {
        match self {
            OpError::Store(StoreError::Incident(e)) => OpError::Incident(e),
            other => other,
        }
    }
}

impl From<IncidentError> for OpError {
    fn from(e: IncidentError) -> Self {
        OpError::Incident(e)
    }
}

impl OpError {
    /// True when the user or the operator can fix it (exit 1, HTTP 4xx).
    pub fn is_user_error(&self) -> bool {
        match self {
            OpError::NoReason
            | OpError::NoReopenReason
            | OpError::TooLong { .. }
            | OpError::Incident(_)
            | OpError::Swap(_)
            | OpError::Handover(_)
            | OpError::Patrol(_) => true,
            OpError::Store(e) => e.is_user_error(),
        }
    }
}
