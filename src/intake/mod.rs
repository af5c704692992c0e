//! Intake: complaints from outside into the store.
//!
//! Owns: complaint JSON parsing and limits (`parse`), the decisions frozen at
//! intake (`prepare`), the maildir-style spool directory (`spool`), and
//! committing files and single complaints in groups (`ingest`); in the
//! daemon, the one writer (`writer`) woken by the spool watch (`watch`) and
//! holding the spool lock (`lock`), and the Open311 endpoint (`http`,
//! `open311`, `xml`) with its reads (`reads`) and its listener (`server`). Must never lose
//! an accepted complaint nor store one twice: a file leaves `new/` only after
//! its transaction committed (to `cur/`) or with its reason (to `bad/`).

pub mod answer;
pub mod http;
pub mod ingest;
pub mod liveness;
pub mod lock;
pub mod open311;
pub mod parse;
pub mod prepare;
pub mod reads;
pub mod server;
pub mod spool;
pub mod watch;
pub mod writer;
pub mod xml;

pub use ingest::{FileResult, PassError, SpoolReport};
pub use prepare::prepare;
pub use spool::Spool;
