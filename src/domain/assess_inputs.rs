//! What `report` reads besides complaints (#12): the incidents discovered
//! in a period with their upward reports, and each pollution source's
//! inspections around a period. Plain rows, counted by `report::assess`.

use chrono::{DateTime, Utc};

/// One incident discovered in the period (drills are never read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFact {
    pub id: i64,
    pub grid: String,
    /// `I`–`IV`, or `unknown` while undetermined.
    pub level: String,
    /// Its upward reports: `(due_at, sent_at)`.
    pub reports: Vec<(Option<DateTime<Utc>>, Option<DateTime<Utc>>)>,
}

/// One pollution source's inspections around a period `[from, to)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InspectionSpan {
    /// The last inspection before `from`.
    pub last_before: Option<DateTime<Utc>>,
    /// The first inspection in the period.
    pub first_within: Option<DateTime<Utc>>,
    /// Inspections in the period.
    pub within: u32,
}
