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

use chrono::NaiveDate;

use crate::config::Config;
pub use crate::domain::water::months::{MonthRow, SectionRow, WaterBoard, YearMonth, months};
use crate::domain::water::{MonthVerdict, ReadingRow, month_verdict, period_verdict};
use crate::store::{StoreError, WaterReadings};

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
}
