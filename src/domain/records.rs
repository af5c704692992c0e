//! The records a complaint leaves: what intake stores, what `list`, `show`
//! and the consoles read back, and what the audit log says. Plain values,
//! the same whichever backend holds them.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::calendar::Regime;
use super::complaint::{Category, Outcome, Source, Status};

/// A complaint ready to store: parsed, with regime, deadline and grid decided.
#[derive(Debug, Clone, PartialEq)]
pub struct NewComplaint {
    pub source: Source,
    pub external_ref: String,
    pub received_at: DateTime<Utc>,
    pub regime: Regime,
    pub regime_reason: String,
    pub day_kind: &'static str,
    pub deadline_at: DateTime<Utc>,
    pub grid: Option<String>,
    /// How the grid was decided, e.g. `explicit`, `enterprise:E0101`, `alias:石桥镇`.
    pub grid_source: String,
    pub enterprise: Option<String>,
    pub categories: Vec<Category>,
    pub description: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub reporter_name: Option<String>,
    pub reporter_phone: Option<String>,
    pub reporter_anonymous: bool,
    pub raw_json: String,
}

/// What inserting one complaint did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    New(i64),
    /// `(source, external_ref)` was already stored under this id.
    Duplicate(i64),
}

/// One complaint as `list` and `show` present it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintRow {
    pub id: i64,
    pub source: Source,
    pub external_ref: String,
    pub received_at: DateTime<Utc>,
    pub regime: Regime,
    pub regime_reason: String,
    pub day_kind: String,
    pub deadline_at: DateTime<Utc>,
    pub status: Status,
    pub outcome: Option<Outcome>,
    pub status_note: Option<String>,
    pub round: i64,
    pub grid: Option<String>,
    pub grid_source: String,
    pub enterprise: Option<String>,
    pub categories: Vec<Category>,
    pub description: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub reporter_name: Option<String>,
    pub reporter_phone: Option<String>,
    pub reporter_anonymous: bool,
    pub repeat_of: Option<i64>,
    pub repeat_count: i64,
    pub merged_into: Option<i64>,
    pub arrived_at: Option<DateTime<Utc>>,
    pub arrived_by: Option<String>,
    pub dispatched_to: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ComplaintRow {
    pub fn category(&self) -> Category {
        self.categories.first().copied().unwrap_or(Category::Other)
    }
}

/// A field officer's arrival, as typed by the duty officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrivalRequest {
    pub complaint_id: i64,
    pub officer: String,
    /// As reported from the field.
    pub arrived_at: DateTime<Utc>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArrivalRow {
    pub id: i64,
    pub round: i64,
    pub officer: String,
    pub arrived_at: DateTime<Utc>,
    pub logged_at: DateTime<Utc>,
    pub console: String,
    pub note: Option<String>,
    pub corrects: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DispatchRow {
    pub officer: String,
    pub at: DateTime<Utc>,
    pub console: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EscalationRow {
    pub id: i64,
    pub complaint_id: i64,
    pub stage: String,
    pub automatic: bool,
    /// An automatic stage recorded without alerting anyone: a later stage
    /// was already due when it was first evaluated.
    pub skipped: bool,
    /// The complaint's arrival deadline, so the words can say how far the
    /// escalation was from it.
    pub deadline_at: DateTime<Utc>,
    pub target: Option<String>,
    pub at: DateTime<Utc>,
    pub by: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub clock: String,
    pub actor: String,
    pub console: String,
    pub action: String,
    pub subject: String,
    pub details: serde_json::Value,
}

/// What became of one spool file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOutcome {
    /// Stored: `new` complaints, `dup` already known by (source, external_ref).
    Ingested {
        file_id: i64,
        new: usize,
        dup: usize,
    },
    /// The same content was committed before (crash between commit and rename).
    AlreadyIngested { file_id: i64 },
}

/// One entity (a complaint, a spool file, later an incident…), as the change
/// feed names it: the audit subject `complaint:12` is
/// kind `complaint`, id 12. A screen follows the kinds it shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entity {
    pub kind: String,
    pub id: i64,
}

/// The kinds of entity the audit log names.
pub mod kind {
    pub const COMPLAINT: &str = "complaint";
    pub const INTAKE_FILE: &str = "intake_file";
    pub const INCIDENT: &str = "incident";
    // The grid at work (#11): `roster_override:N`, `inspection:N`,
    // `visit:N`, `handover:N`.
    pub const ROSTER_OVERRIDE: &str = "roster_override";
    pub const INSPECTION: &str = "inspection";
    pub const VISIT: &str = "visit";
    pub const HANDOVER: &str = "handover";
    // Outflow-section water quality (#12): `water_reading:N`.
    pub const WATER_READING: &str = "water_reading";
}

impl Entity {
    /// `kind:id` as the audit log writes subjects; `None` for anything else.
    pub fn parse(subject: &str) -> Option<Entity> {
        let (kind, id) = subject.split_once(':')?;
        Some(Entity {
            kind: kind.to_string(),
            id: id.parse().ok()?,
        })
    }

    /// The audit subject of an entity.
    pub fn subject(kind: &str, id: i64) -> String {
        format!("{kind}:{id}")
    }

    pub fn is(&self, kind: &str) -> bool {
        self.kind == kind
    }
}
