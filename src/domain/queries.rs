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
