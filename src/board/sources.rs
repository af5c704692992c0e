//! The pollution sources with their patrol status, overdue counts per
//! township, and the linked leaders' duties (#11).
//!
//! Read from the register in force (`config.enterprises`), the patrol rule
//! (`[patrol]`) and the store's inspections, complaints and visits at one
//! instant. The rule itself is `domain::patrol`; this only gathers facts
//! and sorts: the most overdue source first.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::source_row::midnight;
pub use super::source_row::{DUE_SOON_DAYS, SourceRow};
use super::sources_duties::{Leader, leaders};
use crate::config::Config;
use crate::domain::grid::{ControlLevel, GridTree};
use crate::domain::inspection::SourceFacts;
use crate::domain::patrol::{self, SignalDays, Signals};
use crate::store::{Patrols, StoreError};

/// Overdue sources of one township (level-2 grid; a source outside any
/// township counts under its own grid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCount {
    pub grid: String,
    pub name: String,
    pub sources: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

/// The register with its patrol status at an instant.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceBoard {
    /// The local date the board was read on.
    pub today: Option<NaiveDate>,
    /// Every source, most overdue first.
    pub sources: Vec<SourceRow>,
    /// Townships with sources, most overdue first.
    pub grids: Vec<GridCount>,
    /// Officers with links, most behind first.
    pub leaders: Vec<Leader>,
}

impl SourceBoard {
    pub fn load<S: Patrols>(
        store: &S,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<Self, StoreError> {
        let tz = config.settings.timezone;
        let rule = &config.settings.patrol;
        let today = now.with_timezone(&tz).date_naive();
        let since = now - chrono::Duration::days(i64::from(rule.recent_days));
        let facts = store.patrol_facts(since)?;
        let register = config.enterprises.current();
        let none = SourceFacts::default();
        let mut sources: Vec<SourceRow> = register
            .values()
            .map(|e| {
                let f = facts.get(&e.id).unwrap_or(&none);
                let signals = Signals {
                    complaint: f.complaints > 0,
                    violation: f.violations > 0,
                    repeat: f.repeats > 0,
                };
                let interval_days = rule.interval_days(e.control_level, signals);
                let recorded = f.last_inspected_at;
                let on_paper = e.census.last_inspected;
                let recorded_day = recorded.map(|t| t.with_timezone(&tz).date_naive());
                let (last_at, last_day) = match (recorded_day, on_paper) {
                    (Some(r), Some(p)) if p > r => (midnight(tz, p), Some(p)),
                    (Some(r), _) => (recorded, Some(r)),
                    (None, Some(p)) => (midnight(tz, p), Some(p)),
                    (None, None) => (None, None),
                };
                let local = |t: Option<DateTime<Utc>>| t.map(|t| t.with_timezone(&tz).date_naive());
                let days = SignalDays {
                    first: local(f.first_signal_at),
                    repeat: local(f.first_repeat_at),
                };
                let due_on = rule.due_on(
                    e.control_level,
                    last_day,
                    e.census.registered,
                    signals,
                    days,
                );
                SourceRow {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    grid: e.grid.clone(),
                    address: e.address.clone(),
                    control_level: e.control_level,
                    interval_days,
                    base_days: rule.base_days(e.control_level),
                    signals,
                    last_inspected_at: last_at,
                    last_result: f.last_result.filter(|_| last_at == recorded),
                    due_on,
                    due_at: due_on
                        .and_then(|d| d.checked_add_days(Days::new(1)))
                        .and_then(|d| midnight(tz, d)),
                    overdue_days: due_on.map_or(0, |d| patrol::overdue_days(d, today)),
                    days_left: due_on.map_or(0, |d| patrol::days_left(d, today)),
                    census: e.census.clone(),
                }
            })
            .collect();
        sources.sort_by(|a, b| {
            let key = |s: &SourceRow| {
                (
                    !s.never(),
                    std::cmp::Reverse(s.overdue_days),
                    s.days_left,
                    ControlLevel::ALL.iter().position(|l| *l == s.control_level),
                )
            };
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        let grids = per_township(&config.grids, &sources);
        let leaders = leaders(store, config, &sources, now)?;
        Ok(SourceBoard {
            today: Some(today),
            sources,
            grids,
            leaders,
        })
    }

    /// The overdue sources, most overdue first.
    pub fn overdue(&self) -> impl Iterator<Item = &SourceRow> {
        self.sources.iter().filter(|s| s.overdue())
    }

    pub fn source(&self, id: &str) -> Option<&SourceRow> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// The township a grid belongs to (itself if level 2, or above any township).
pub fn township_of<'a>(grids: &'a GridTree, grid: &'a str) -> &'a str {
    grids
        .lineage(grid)
        .into_iter()
        .find(|g| g.level == 2)
        .map_or(grid, |g| g.id.as_str())
}

fn per_township(grids: &GridTree, sources: &[SourceRow]) -> Vec<GridCount> {
    let mut out: Vec<GridCount> = Vec::new();
    for s in sources {
        let t = township_of(grids, &s.grid);
        let i = match out.iter().position(|c| c.grid == t) {
            Some(i) => i,
            None => {
                out.push(GridCount {
                    grid: t.to_string(),
                    name: grids.get(t).map(|g| g.name.clone()).unwrap_or_default(),
                    sources: 0,
                    overdue: 0,
                    due_soon: 0,
                });
                out.len() - 1
            }
        };
        let c = &mut out[i];
        c.sources += 1;
        c.overdue += usize::from(s.overdue());
        c.due_soon += usize::from(s.due_soon());
    }
    out.sort_by(|a, b| {
        (b.overdue, b.due_soon)
            .cmp(&(a.overdue, a.due_soon))
            .then_with(|| a.grid.cmp(&b.grid))
    });
    out
}
