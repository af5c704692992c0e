//! The records of patrols (#11): an on-site inspection of a pollution
//! source (现场检查) with the fields of the inspection record, a leader's
//! township visit with its work-log entry, and the facts the patrol rule
//! reads back. Plain values, the same whichever backend holds them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// Why an inspection was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InspectionKind {
    Routine,
    Special,
    /// Following a complaint (its id is kept).
    Complaint,
    /// Referred by another authority.
    Referral,
}

/// What the inspection found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InspectionResult {
    Ok,
    Problem,
}

impl InspectionKind {
    pub const ALL: [InspectionKind; 4] = [
        InspectionKind::Routine,
        InspectionKind::Special,
        InspectionKind::Complaint,
        InspectionKind::Referral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InspectionKind::Routine => "routine",
            InspectionKind::Special => "special",
            InspectionKind::Complaint => "complaint",
            InspectionKind::Referral => "referral",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl InspectionResult {
    pub const ALL: [InspectionResult; 2] = [InspectionResult::Ok, InspectionResult::Problem];

    pub fn as_str(self) -> &'static str {
        match self {
            InspectionResult::Ok => "ok",
            InspectionResult::Problem => "problem",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// An inspection to record, checked by the operations layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInspection {
    pub enterprise: String,
    /// One or more; the first is the one who logs it.
    pub officers: Vec<String>,
    pub at: DateTime<Utc>,
    pub kind: InspectionKind,
    /// For kind `complaint`: the complaint that caused it.
    pub complaint: Option<i64>,
    pub result: InspectionResult,
    pub problems: Option<String>,
    /// Local date by which the problems must be rectified (result `problem`).
    pub rectify_by: Option<NaiveDate>,
    pub note: Option<String>,
}

/// A township visit to record, with its work-log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVisit {
    pub township: String,
    pub officer: String,
    pub at: DateTime<Utc>,
    pub note: String,
}

/// What the store knows of one source for the patrol rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFacts {
    pub last_inspected_at: Option<DateTime<Utc>>,
    /// Its latest inspection's result was `problem` (rectification pending).
    pub last_result: Option<InspectionResult>,
    /// Since the cut-off asked for: complaints about it (rejected ones aside).
    pub complaints: u32,
    /// Since the cut-off: complaints resolved `violation_confirmed`, and
    /// inspections with result `problem`.
    pub violations: u32,
    /// Since the cut-off: complaints marked as a repeat, or merged into another.
    pub repeats: u32,
    /// Since the cut-off: when the first complaint or violation came.
    pub first_signal_at: Option<DateTime<Utc>>,
    /// Since the cut-off: when the first repeat came.
    pub first_repeat_at: Option<DateTime<Utc>>,
}

/// The facts of every source the store has any record of, by enterprise id.
pub type PatrolFacts = BTreeMap<String, SourceFacts>;

/// One officer's inspection of one source, or visit to one township.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyDone {
    pub officer: String,
    /// The enterprise or township grid.
    pub target: String,
    pub at: DateTime<Utc>,
}
