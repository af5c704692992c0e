//! What the store keeps of an incident and answers about it. The JSON
//! names follow DESIGN.md §4.6 (`incident list/show --json`).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::level::Severity;
use super::plan::{Bilingual, ItemNeed, Plan, RoleNeed};
use super::state::{Fact, IncidentStatus, PersonStatus, ReportKind, StepState};
use crate::domain::AuditEntry;

/// An incident to open: the plan is copied (frozen) as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIncident {
    pub plan: Plan,
    pub severity: Severity,
    pub grid: String,
    pub place: Option<String>,
    /// When the incident was discovered: by default the originating
    /// complaint's `received_at`, else the opening time.
    pub discovered_at: DateTime<Utc>,
    pub complaint_id: Option<i64>,
    pub drill: bool,
    /// What is known so far (cause, pollutants, …), for the reports.
    pub summary: Option<String>,
}

/// Which incidents a list holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IncidentFilter {
    /// Only active and stable ones.
    pub open_only: bool,
    /// Leave drills out (statistics).
    pub no_drills: bool,
}

/// One incident as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentRow {
    pub id: i64,
    pub plan: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// The plan's title, as frozen at opening.
    pub name: Bilingual,
    /// `I`…`IV` or `unknown`.
    pub level: String,
    #[serde(skip)]
    pub severity: Severity,
    pub status: IncidentStatus,
    pub drill: bool,
    pub grid: String,
    pub place: Option<String>,
    pub complaint_id: Option<i64>,
    pub summary: Option<String>,
    pub discovered_at: DateTime<Utc>,
    pub opened_at: DateTime<Utc>,
    pub first_on_scene_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub steps_total: u32,
    /// Done or skipped.
    pub steps_settled: u32,
    /// The open step due soonest: its number and due time.
    pub next_step: Option<i64>,
    pub next_step_due_at: Option<DateTime<Utc>>,
    /// The initial report's deadline, until it is sent.
    pub initial_report_due_at: Option<DateTime<Utc>>,
    pub initial_report_sent_at: Option<DateTime<Utc>>,
}

/// One step of an incident's checklist (frozen from the plan, or added).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepRow {
    pub n: i64,
    pub text: Bilingual,
    pub role: Option<String>,
    pub due_at: DateTime<Utc>,
    #[serde(flatten)]
    pub state: StepState,
    /// Added during the incident, not from the plan.
    pub ad_hoc: bool,
}

/// An officer assigned to a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRow {
    pub officer: String,
    pub role: String,
    pub status: PersonStatus,
    /// When the current status was reached.
    pub at: DateTime<Utc>,
    /// When each status was reached, in order.
    pub history: Vec<(PersonStatus, DateTime<Utc>)>,
}

/// Equipment or material of an incident at one depot (or none yet).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    pub item: String,
    pub depot: Option<String>,
    /// What the frozen plan needs of this item (the same on each depot's row).
    pub required: u32,
    pub requested: u32,
    pub dispatched: u32,
    pub returned: u32,
}

/// One recorded movement (the store sums these).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemMove {
    pub incident_id: i64,
    pub item: String,
    pub depot: Option<String>,
    pub movement: super::state::Movement,
    pub quantity: u32,
    pub at: DateTime<Utc>,
    /// A drill's movement: recorded, never counted against the depots.
    pub drill: bool,
}

/// An upward report: when due, when sent and to whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRow {
    pub kind: ReportKind,
    pub due_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub sent_by: Option<String>,
    pub to: Option<String>,
}

/// Everything about one incident (`incident show`, the incident view).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentDetail {
    #[serde(flatten)]
    pub row: IncidentRow,
    pub steps: Vec<StepRow>,
    /// The frozen plan's roles with their counts.
    pub roles: Vec<RoleNeed>,
    pub personnel: Vec<PersonRow>,
    /// The frozen plan's needs.
    pub needs: Vec<ItemNeed>,
    pub equipment: Vec<ItemRow>,
    pub reports: Vec<ReportRow>,
    /// The latest text of each fact recorded (cause, pollutants, …).
    pub facts: Vec<(Fact, String)>,
    /// The incident's audit records, oldest first.
    pub timeline: Vec<AuditEntry>,
}
