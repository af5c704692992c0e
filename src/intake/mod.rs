//! Intake: complaints from outside into the store.
//!
//! Owns: complaint JSON parsing and limits (`parse`), the decisions frozen at
//! intake (`prepare`), and the maildir-style spool (`spool`). Must never lose
//! an accepted complaint nor store one twice: a file leaves `new/` only after
//! its transaction committed (to `cur/`) or with its reason (to `bad/`).

pub mod http;
pub mod open311;
pub mod parse;
pub mod prepare;
pub mod spool;

pub use prepare::prepare;
pub use spool::FileResult;
pub use spool::{Spool, SpoolReport};
