//! Does the calendar cover the days the room will meet? A year without an
//! arrangement falls back to Mon–Fri; this says so for the current year,
//! and for the next one from [`WARN_DAYS_BEFORE_YEAR_END`] days before it
//! starts — so that the calendar never runs out silently. Pure: `today` is
//! an argument.

use chrono::{Datelike, NaiveDate};

use super::calendar::Calendar;

/// From this many days before a year ends, a missing calendar for the next
/// year is a warning (header, `status`, `check-config`, the daemon's log).
pub const WARN_DAYS_BEFORE_YEAR_END: i64 = 60;

/// A year the calendar does not cover, as it matters to the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// This year has no arrangement: Mon–Fri is assumed now.
    ThisYear { year: i32 },
    /// Next year has none, and it starts in `days_left` days (≤ 60).
    NextYear { year: i32, days_left: i64 },
}

impl Calendar {
    /// The years the room will miss soon or misses now (see [`Gap`]), for `today`.
    pub fn gaps(&self, today: NaiveDate) -> Vec<Gap> {
        let mut out = Vec::new();
        if !self.covers(today.year()) {
            out.push(Gap::ThisYear { year: today.year() });
        }
        let next = today.year() + 1;
        let days_left = NaiveDate::from_ymd_opt(next, 1, 1)
            .map(|d| (d - today).num_days())
            .unwrap_or(i64::MAX);
        if days_left <= WARN_DAYS_BEFORE_YEAR_END && !self.covers(next) {
            out.push(Gap::NextYear {
                year: next,
                days_left,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::calendar::YearArrangement;

    fn cal() -> Calendar {
        Calendar::new(BTreeMap::from([(2026, YearArrangement::default())]))
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_missing_next_year_is_a_gap_from_60_days_before_it_starts() {
        let c = cal();
        assert_eq!(c.gaps(day("2026-11-01")), []);
        assert_eq!(
            c.gaps(day("2026-11-02")),
            [Gap::NextYear {
                year: 2027,
                days_left: 60
            }]
        );
        assert_eq!(
            c.gaps(day("2026-12-31")),
            [Gap::NextYear {
                year: 2027,
                days_left: 1
            }]
        );
        assert_eq!(c.gaps(day("2027-01-01")), [Gap::ThisYear { year: 2027 }]);
        let mut y = YearArrangement::default();
        y.off.insert(day("2027-01-01"), "元旦".into());
        c.replace(BTreeMap::from([
            (2026, YearArrangement::default()),
            (2027, y),
        ]));
        assert_eq!(c.gaps(day("2026-12-31")), []);
    }
}
