//! Pure rules of the duty room: no IO, no clock reads, no database, no terminal.
//!
//! Every function here takes the instant it reasons about as an argument, so
//! the same rule serves the daemon, the consoles, drills and tests.

pub mod actor;
pub mod alert;
pub mod arrival;
pub mod assess;
pub mod assess_inputs;
pub mod beats;
pub mod calendar;
pub mod census;
pub mod complaint;
pub mod coverage;
pub mod escalation;
pub mod grid;
pub mod handover;
pub mod incident;
pub mod inspection;
pub mod merge;
pub mod outbox;
pub mod patrol;
pub mod queries;
pub mod records;
pub mod repeat;
pub mod roster;
pub mod roster_swap;
pub mod staffing;
pub mod triage;
pub mod water;

pub use actor::Actor;
pub use alert::{AckRow, AlertRef, Delivery};
pub use beats::{Beat, Counts, Heartbeat};
pub use outbox::{
    Candidate, Escalated, OutboxItem, OutboxState, StageRecord, StepCandidate, StepEscalation,
    StepStageRecord,
};
pub use queries::{ListFilter, RequestFilter};
pub use records::{
    ArrivalRequest, ArrivalRow, AuditEntry, ComplaintRow, DispatchRow, Entity, EscalationRow,
    FileOutcome, Inserted, NewComplaint, kind,
};
