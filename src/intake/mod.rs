//! Intake: complaints from outside into the store. It must never lose an
//! accepted complaint nor store one twice: a file leaves `new/` only after
//! its transaction committed (to `cur/`) or with its reason (to `bad/`); a
//! POST is answered 2xx only after its commit.
//!
//! - A spool file's records: `parse` (object, array or JSON Lines); each
//!   record is checked and prepared by the operations layer (`ops`).
//! - The spool: `spool` (the directory: deliver, list, open), `moves` (out
//!   of `new/` into `cur/` or `bad/`, never overwriting), `records` (reading
//!   a file's complaints; `submit`'s check), `ingest` (files and single
//!   complaints committed in groups), `report` (what became of each file, a
//!   pass's sum, why a pass stopped).
//! - The daemon's side: `writer` (the one writer, a bounded queue), woken by
//!   `watch` and holding the spool `lock`; `liveness` (is a live daemon using
//!   these files, from its heartbeat).
//! - Open311: `endpoint` (the state, limits and checks every handler
//!   shares), `http` (routes, reads), `post` (POST requests), `open311`
//!   (the standard's objects), `fields` (what a request sends: forms, JSON,
//!   fields → complaint), `answer` and `xml` (JSON or XML by suffix),
//!   `reads` (the read pool), `server` (the listener and its limits).

pub mod answer;
pub mod endpoint;
pub mod fields;
pub mod http;
pub mod ingest;
pub mod liveness;
pub mod lock;
mod moves;
pub mod open311;
pub mod parse;
mod post;
pub mod reads;
pub mod records;
pub mod report;
pub mod server;
pub mod spool;
pub mod watch;
pub mod writer;
pub mod xml;

pub use crate::ops::prepare::prepare;
pub use report::{FileResult, PassError, SpoolReport};
pub use spool::Spool;
