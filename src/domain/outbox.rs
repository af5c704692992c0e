//! Automatic escalation as stored: candidates, stages to record, and the
//! delivery outbox.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// The sink of the alert command (e.g. an SMS gateway script).
pub const COMMAND_SINK: &str = "command";

/// The sinks outside the consoles every escalation, automatic or manual, is
/// delivered through: the command hook when one is configured. Consoles
/// ring, notify and show banners from the escalation records themselves.
pub fn sinks(command_configured: bool) -> Vec<&'static str> {
    if command_configured {
        vec![COMMAND_SINK]
    } else {
        Vec::new()
    }
}

/// An open complaint nobody has reached yet, with the stages already fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub complaint_id: i64,
    pub grid: Option<String>,
    pub deadline_at: DateTime<Utc>,
    pub fired: Vec<String>,
    /// The officer last sent to it, if any: the grid-level stage warns them.
    pub dispatched_to: Option<String>,
}

/// What an escalation is about: a complaint, or a step of an incident (#10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Escalated {
    Complaint {
        id: i64,
    },
    Step {
        incident_id: i64,
        n: i64,
        drill: bool,
    },
}

/// An open step of an open incident, due soon or overdue, with the
/// automatic stages already recorded for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepCandidate {
    pub step_id: i64,
    pub incident_id: i64,
    pub n: i64,
    pub text: crate::domain::incident::Bilingual,
    /// The incident's grid: whom the stages alert.
    pub grid: String,
    pub due_at: DateTime<Utc>,
    pub drill: bool,
    pub fired: Vec<String>,
}

/// An escalation of an incident's step as recorded, with its outbox rows
/// (`incident show` says what became of each alert).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepEscalation {
    pub id: i64,
    /// The step's number in its incident.
    pub n: i64,
    pub stage: String,
    pub skipped: bool,
    pub target: Option<String>,
    pub at: DateTime<Utc>,
    pub by: String,
    pub reason: String,
    pub outbox: Vec<OutboxState>,
}

/// An automatic stage of a step to record (as [`StageRecord`] for a complaint).
#[derive(Debug, Clone, Copy)]
pub struct StepStageRecord<'a> {
    pub step_id: i64,
    pub stage: &'a str,
    pub target: Option<&'a str>,
    pub reason: &'a str,
    pub sinks: &'a [&'a str],
    pub skipped: &'a [&'a str],
}

/// One alert waiting for a sink.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxItem {
    pub id: i64,
    pub escalation_id: i64,
    pub sink: String,
    pub attempts: i64,
    pub about: Escalated,
    pub stage: String,
    /// False for a manual escalation (its reason is the duty officer's words).
    pub automatic: bool,
    /// Who escalated: the escalator, or the duty officer.
    pub by: String,
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
    pub next_attempt_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub failed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    /// Claimed by a daemon that is running the alert command now.
    pub sending: bool,
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
    /// Earlier stages due at the same time, recorded as skipped (never alerted):
    /// only the latest due stage fires.
    pub skipped: &'a [&'a str],
}
