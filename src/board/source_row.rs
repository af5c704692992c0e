//! One pollution source and where its patrol stands (#11): the row the
//! sources board lists and the leaders' duties read.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use crate::domain::census::Census;
use crate::domain::grid::ControlLevel;
use crate::domain::inspection::InspectionResult;
use crate::domain::patrol::Signals;

/// A source is "due soon" within this many days (yellow on screen).
pub const DUE_SOON_DAYS: i64 = 7;

/// One pollution source and where its patrol stands.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub id: String,
    pub name: String,
    pub grid: String,
    pub address: String,
    pub control_level: ControlLevel,
    /// The interval in force (shortened by `signals`).
    pub interval_days: u32,
    /// The control level's own interval.
    pub base_days: u32,
    /// Complaint, violation, repeat in the last `recent_days`.
    pub signals: Signals,
    /// The last inspection: recorded in gridwatch, else the register's
    /// `last_inspected` (local midnight of that day).
    pub last_inspected_at: Option<DateTime<Utc>>,
    pub last_result: Option<InspectionResult>,
    /// The last day an inspection is in time; `None`: never inspected and
    /// no registration date (due now).
    pub due_on: Option<NaiveDate>,
    /// The instant it becomes overdue (the local midnight ending `due_on`).
    pub due_at: Option<DateTime<Utc>>,
    /// Days past `due_on` (0 when in time).
    pub overdue_days: i64,
    /// Days until `due_on` (0 on the day and after).
    pub days_left: i64,
    pub census: Census,
}

impl SourceRow {
    /// Never inspected, and no registration date to count from.
    pub fn never(&self) -> bool {
        self.due_on.is_none()
    }

    pub fn overdue(&self) -> bool {
        self.never() || self.overdue_days > 0
    }

    /// In time, but due within [`DUE_SOON_DAYS`].
    pub fn due_soon(&self) -> bool {
        !self.overdue() && self.days_left <= DUE_SOON_DAYS
    }
}

/// The start of local day `d` in `tz`, as UTC.
pub(super) fn midnight(tz: Tz, d: NaiveDate) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}
