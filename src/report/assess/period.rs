//! The report's period: local calendar days `from`..=`to` in the
//! configured timezone, as the instants `[from 00:00, to+1 00:00)`.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Local midnight starting `from`.
    pub start: DateTime<Utc>,
    /// Local midnight ending `to`.
    pub end: DateTime<Utc>,
}

/// Why a period cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// `from` is after `to`.
    Backwards,
    /// Out of the calendar's range.
    OutOfRange,
    /// A day outside the years [`FIRST_YEAR`]–[`LAST_YEAR`]: a typo.
    Implausible,
}

/// The years a period may lie in (9999 would print `+10000-01-01`).
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2099;

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate, tz: Tz) -> Result<Period, PeriodError> {
        use chrono::Datelike;
        let plausible = FIRST_YEAR..=LAST_YEAR;
        if !plausible.contains(&from.year()) || !plausible.contains(&to.year()) {
            return Err(PeriodError::Implausible);
        }
        if from > to {
            return Err(PeriodError::Backwards);
        }
        let after = to
            .checked_add_days(Days::new(1))
            .ok_or(PeriodError::OutOfRange)?;
        Ok(Period {
            from,
            to,
            start: midnight(tz, from).ok_or(PeriodError::OutOfRange)?,
            end: midnight(tz, after).ok_or(PeriodError::OutOfRange)?,
        })
    }

    /// The period's end, or `now` if sooner: what is known of it.
    pub fn known_until(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.end.min(now)
    }
}

/// A day given as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The first instant of local day `d` (the earliest, across a DST gap).
pub fn midnight(tz: Tz, d: NaiveDate) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}
