//! Counts and heartbeats: what `status` and the console header show.

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: i64,
    pub open: i64,
    /// Open, no arrival, deadline within `soon` of now.
    pub due_soon: i64,
    /// Open, no arrival, deadline passed.
    pub breached: i64,
    pub unassigned: i64,
    pub by_status: Vec<(String, i64)>,
    pub files_ok: i64,
    pub files_rejected: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heartbeat {
    pub component: String,
    pub pid: i64,
    pub host: String,
    pub at: DateTime<Utc>,
    pub started_at: DateTime<Utc>,
    /// The database file the component writes to (absolute), if it said.
    pub db_path: Option<String>,
    /// The spool directory it watches (absolute), if it said.
    pub spool_dir: Option<String>,
    /// When it stopped cleanly, if it did after its last beat.
    pub stopped_at: Option<DateTime<Utc>>,
}

/// Who is beating: the component and the files it works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beat {
    pub component: String,
    pub pid: u32,
    pub host: String,
    pub started_at: DateTime<Utc>,
    pub db_path: String,
    pub spool_dir: String,
}
