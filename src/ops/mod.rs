//! The operations layer: every action a duty officer or a client can take,
//! in one place, whichever front end asked for it (command line, dashboard,
//! Open311). Each operation checks its input, calls the store in one
//! transaction and answers with a typed outcome that the front end puts into
//! words (through `i18n`); none of them prints or draws.
//!
//! - `input`: one complaint as JSON → a validated input (spool, HTTP, phone entry).
//! - `prepare`: input + configuration + instant → a complaint ready to store
//!   (regime, deadline and grid decided once, frozen).

pub mod input;
pub mod prepare;
