//! Pure rules of the duty room: no IO, no clock reads, no database, no terminal.
//!
//! Every function here takes the instant it reasons about as an argument, so
//! the same rule serves the daemon, the consoles, drills and tests.

pub mod calendar;
pub mod complaint;
pub mod escalation;
pub mod grid;
pub mod repeat;
pub mod roster;
