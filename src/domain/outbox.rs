//! Automatic escalation as stored: candidates, stages to record, and the
//! delivery outbox.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// An open complaint nobody has reached yet, with the stages already fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub complaint_id: i64,
    pub grid: Option<String>,
    pub deadline_at: DateTime<Utc>,
    pub fired: Vec<String>,
}

/// One alert waiting for a sink.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxItem {
    pub id: i64,
    pub escalation_id: i64,
    pub sink: String,
    pub attempts: i64,
    pub complaint_id: i64,
    pub stage: String,
    pub target: Option<String>,
    pub target_name: Option<String>,
    pub target_phone: Option<String>,
    pub reason: String,
}

/// One outbox row's state, for `status` and tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxState {
    pub id: i64,
    pub escalation_id: i64,
    pub sink: String,
    pub attempts: i64,
    pub delivered_at: Option<DateTime<Utc>>,
    pub failed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

/// An automatic stage to record.
#[derive(Debug, Clone, Copy)]
pub struct StageRecord<'a> {
    pub complaint_id: i64,
    pub stage: &'a str,
    pub target: Option<&'a str>,
    pub reason: &'a str,
    /// Sinks that must deliver it (e.g. `command`); consoles read the escalation itself.
    pub sinks: &'a [&'a str],
}
