//! The outflow sections' water quality over a period (#12), as `gridwatch
//! water`, the report and the Statistics screen show it: per section (from
//! `sections.toml`, in its order) each calendar month's worst class against
//! the target — pass, fail or no data — and the period's verdict; per
//! township the roll-up of its sections. The rules are `domain::water`'s.
//!
//! A period is the calendar months (in the configured timezone) from its
//! first day's month to its last day's month, both included, each month
//! judged whole: `--from 2026-07-01 --to 2026-09-30` is July to September.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::config::Config;
use crate::domain::water::{
    Class, MonthVerdict, PeriodVerdict, ReadingRow, month_verdict, period_verdict,
};
use crate::store::{StoreError, WaterReadings};

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
    /// The sections of `config` over the months from `from`'s to `to`'s
    /// (both days included; none when `to` is before `from`), from the
    /// readings of `store`.
    pub fn load<S: WaterReadings + ?Sized>(
        store: &S,
        config: &Config,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<WaterBoard, StoreError> {
        let months = months(from, to);
        let tz = &config.settings.timezone;
        let readings = match (months.first(), months.last()) {
            (Some(first), Some(last)) => store.readings(first.start(tz), last.next().start(tz))?,
            _ => Vec::new(),
        };
        Ok(WaterBoard::build(config, from, to, &readings))
    }

    /// [`WaterBoard::load`] from readings already read (any; those outside
    /// the period or of no configured section are not counted).
    pub fn build(
        config: &Config,
        from: NaiveDate,
        to: NaiveDate,
        readings: &[ReadingRow],
    ) -> WaterBoard {
        let months = months(from, to);
        let tz = &config.settings.timezone;
        // (section, month) -> readings, oldest first.
        let mut by: BTreeMap<(&str, YearMonth), Vec<&ReadingRow>> = BTreeMap::new();
        for r in readings {
            let m = YearMonth::of(r.sampled_at.with_timezone(tz).date_naive());
            by.entry((r.section.as_str(), m)).or_default().push(r);
        }
        let sections = config
            .sections
            .iter()
            .map(|s| {
                let rows: Vec<MonthRow> = months
                    .iter()
                    .map(|m| {
                        let got = by.get(&(s.id.as_str(), *m));
                        let worst = got.and_then(|v| {
                            v.iter()
                                .copied()
                                .reduce(|a, b| if b.class > a.class { b } else { a })
                        });
                        let class = worst.map(|r| r.class);
                        MonthRow {
                            month: *m,
                            class,
                            worst: worst.and_then(|r| r.worst.clone()),
                            readings: got.map_or(0, Vec::len),
                            verdict: month_verdict(class, s.target),
                        }
                    })
                    .collect();
                let verdicts: Vec<MonthVerdict> = rows.iter().map(|r| r.verdict).collect();
                SectionRow {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    river: s.river.clone(),
                    grid: s.grid.clone(),
                    grid_name: config
                        .grids
                        .get(&s.grid)
                        .map(|g| g.name.clone())
                        .unwrap_or_default(),
                    target: s.target,
                    months: rows,
                    verdict: period_verdict(&verdicts),
                }
            })
            .collect();
        WaterBoard {
            from: Some(from),
            to: Some(to),
            months,
            sections,
        }
    }

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
