//! The outflow sections over a period, as plain data (#12): per section
//! each calendar month's worst class against the target and the period's
//! verdict, and per township the roll-up. Read and built by
//! `board::water` (from the store and the configuration); shown by `water`,
//! the report and the Statistics screen. Pure.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::{Class, MonthVerdict, PeriodVerdict};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    pub fn of(d: NaiveDate) -> YearMonth {
        YearMonth {
            year: d.year(),
            month: d.month(),
        }
    }

    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The instant the month begins in `tz`.
    pub fn start(self, tz: &Tz) -> DateTime<Utc> {
        let midnight = self.first_day().and_hms_opt(0, 0, 0).unwrap_or_default();
        tz.from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One section's month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthRow {
    pub month: YearMonth,
    /// The worst class of the month's readings (`None`: no reading).
    pub class: Option<Class>,
    /// The parameter that set it, when the reading gave parameters.
    pub worst: Option<String>,
    pub readings: usize,
    pub verdict: MonthVerdict,
}

/// One section over the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRow {
    pub id: String,
    pub name: String,
    pub river: String,
    /// The township grid answerable for it, and its name.
    pub grid: String,
    pub grid_name: String,
    pub target: Class,
    pub months: Vec<MonthRow>,
    pub verdict: PeriodVerdict,
}

/// The water board of a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WaterBoard {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub months: Vec<YearMonth>,
    pub sections: Vec<SectionRow>,
}

impl WaterBoard {
    /// The sections of one township grid.
    pub fn of_township<'a>(&'a self, grid: &'a str) -> impl Iterator<Item = &'a SectionRow> {
        self.sections.iter().filter(move |s| s.grid == grid)
    }

    /// A township's verdict over its sections: fail if any failed, else
    /// pass if all passed, else incomplete; `None` without a section.
    pub fn township_verdict(&self, grid: &str) -> Option<PeriodVerdict> {
        let v: Vec<PeriodVerdict> = self.of_township(grid).map(|s| s.verdict).collect();
        if v.is_empty() {
            None
        } else if v.contains(&PeriodVerdict::Fail) {
            Some(PeriodVerdict::Fail)
        } else if v.iter().all(|x| *x == PeriodVerdict::Pass) {
            Some(PeriodVerdict::Pass)
        } else {
            Some(PeriodVerdict::Incomplete)
        }
    }

    /// How many sections passed, failed, and are incomplete.
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |v: PeriodVerdict| self.sections.iter().filter(|s| s.verdict == v).count();
        (
            n(PeriodVerdict::Pass),
            n(PeriodVerdict::Fail),
            n(PeriodVerdict::Incomplete),
        )
    }
}

/// The calendar months from `from`'s to `to`'s, both included.
pub fn months(from: NaiveDate, to: NaiveDate) -> Vec<YearMonth> {
    let (mut m, last) = (YearMonth::of(from), YearMonth::of(to));
    let mut out = Vec::new();
    while m <= last {
        out.push(m);
        m = m.next();
    }
    out
}
