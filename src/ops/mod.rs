//! The operations layer: every action a duty officer or a client can take,
//! in one place, whichever front end asked for it (command line, dashboard,
//! Open311). Each operation checks its input, calls the store in one
//! transaction and answers with a typed outcome that the front end puts into
//! words (through `i18n`); none of them prints or draws.
//!
//! - `command`: the actions as values ([`Command`]), what each did
//!   ([`Outcome`]) and why one was refused ([`OpError`]).
//! - `perform`: one command → one transaction → one outcome;
//!   `perform_incident` for the incident commands (#10).
//! - `handover`: a shift handover (#11), checked and recorded.
//! - `input`: one complaint as JSON → a validated input (spool, HTTP, phone entry).
//! - `prepare`: input + configuration + instant → a complaint ready to store
//!   (regime, deadline and grid decided once, frozen).
//! - `swap`: a swap of the on-call roster (#11).
//! - `water`, `water_csv`: outflow-section water readings (#12), typed or
//!   imported from CSV, recorded a batch per transaction.

mod command;
mod depot;
pub mod handover;
pub mod incident;
mod incident_checks;
pub mod input;
mod limits;
pub mod patrol;
mod perform;
mod perform_incident;
mod perform_work;
pub mod prepare;
mod swap;
pub mod water;
pub mod water_csv;

pub use command::{Command, OpError, Outcome, Target};
pub use incident::{IncidentCommand, IncidentOutcome, OpenIncident};
pub use limits::TEXT_MAX_CHARS;
pub use patrol::{PatrolCommand, PatrolError, PatrolOutcome};
pub use perform::perform;
pub use swap::{ShiftPick, SwapError, SwapRequest, Swapped};
