//! The outflow sections as the Statistics screen shows them (#12): from
//! the water board, each section's latest month with a reading and the
//! window's verdict over its months that have ended.

use chrono::NaiveDate;

/// An outflow section as the Statistics screen shows it (from the water
/// board): its latest month with a reading, and the window's verdict over
/// the months of the window that have ended (the current month, still
/// open, would read "incomplete" until its first reading).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRow {
    pub id: String,
    pub name: String,
    /// Over the window's ended months; `None` when none has ended.
    pub verdict: Option<crate::domain::water::PeriodVerdict>,
    /// The latest month with a reading (within the board's months).
    pub latest: Option<LatestMonth>,
}

/// A section's latest month with a reading: its worst class, the
/// parameter that set it, and whether it met the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestMonth {
    pub month: super::water::YearMonth,
    pub class: crate::domain::water::Class,
    pub worst: Option<String>,
    pub pass: bool,
}

impl SectionRow {
    /// Every section of the water board (read from months before `first`
    /// on, for the latest reading): the verdict over the months from
    /// `first`'s that ended before `today`'s.
    pub fn from_water(
        board: &super::water::WaterBoard,
        first: NaiveDate,
        today: NaiveDate,
    ) -> Vec<SectionRow> {
        use super::water::YearMonth;
        use crate::domain::water::{MonthVerdict, period_verdict};
        let (first, current) = (YearMonth::of(first), YearMonth::of(today));
        board
            .sections
            .iter()
            .map(|s| {
                let ended: Vec<MonthVerdict> = s
                    .months
                    .iter()
                    .filter(|m| m.month >= first && m.month < current)
                    .map(|m| m.verdict)
                    .collect();
                let latest = s.months.iter().rev().find_map(|m| {
                    m.class.map(|class| LatestMonth {
                        month: m.month,
                        class,
                        worst: m.worst.clone(),
                        pass: m.verdict == MonthVerdict::Pass,
                    })
                });
                SectionRow {
                    id: s.id.clone(),
                    name: format!("{} · {}", s.name, s.grid_name),
                    verdict: (!ended.is_empty()).then(|| period_verdict(&ended)),
                    latest,
                }
            })
            .collect()
    }
}
