//! What the store is asked to change about an incident, beyond the
//! commands' own values, and what a change answers.

use chrono::{DateTime, Utc};

use super::level::Severity;
use super::plan::Depot;
use super::state::Movement;

/// A movement of equipment or materials, checked against the depot in the
/// store's transaction (what it holds, what is out from it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemMoveRequest<'a> {
    pub item: &'a str,
    /// Required to dispatch or return; optional for a request.
    pub depot: Option<&'a Depot>,
    pub movement: Movement,
    pub quantity: u32,
}

/// A level change and the initial report's deadline before and after
/// (equal once the report was sent: its countdown stopped).
#[derive(Debug, Clone, PartialEq)]
pub struct LevelChange {
    pub before: Severity,
    pub report_due_before: Option<DateTime<Utc>>,
    pub report_due_after: Option<DateTime<Utc>>,
    /// Open plan steps whose due time moved: (n, before, after).
    pub steps_moved: Vec<(i64, DateTime<Utc>, DateTime<Utc>)>,
}
