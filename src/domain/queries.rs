//! Which complaints a reader asks for.

use chrono::{DateTime, Utc};

use super::complaint::Category;

/// Which complaints `list` shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only open complaints, soonest deadline first; else all, newest first.
    pub open_only: bool,
    pub limit: Option<usize>,
}

/// Filters of Open311 `GET requests.json`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestFilter {
    pub ids: Option<Vec<i64>>,
    pub category: Option<Category>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    /// `Some(true)` open only, `Some(false)` closed only.
    pub open: Option<bool>,
    pub limit: usize,
}

/// The duty order of open complaints, as the dashboard lists them and `list
/// --open` prints them: unassigned first (someone must give them a grid),
/// then those still waiting for an arrival by deadline, soonest first, then
/// those reached; ties by id.
pub fn duty_order(c: &super::ComplaintRow) -> (bool, bool, DateTime<Utc>, i64) {
    (
        c.grid.is_some(),
        c.arrived_at.is_some(),
        c.deadline_at,
        c.id,
    )
}
