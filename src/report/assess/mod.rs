//! The assessment report (考核, `gridwatch report`, #12): per grid at one
//! level of the tree, each grid's whole subtree counted, over a period of
//! local calendar days — in Markdown, CSV and JSON, the same numbers in each.
//!
//! Owns: the report's figures ([`Figures`]: a complaint [`Tally`], the
//! incidents, the patrols and the outflow sections' months), the rows
//! ([`rollup`]), the period ([`period`]), the columns every format shares
//! ([`columns`]), the water sections ([`water`]) and the formats. Pure:
//! what the store answered in (gathered by `board::report`; the water
//! months are `domain::water::months`, plain data), text out; `now` is an
//! argument.

pub mod columns;
pub mod csv;
pub mod definitions;
pub mod json;
pub mod labels;
pub mod md;
pub mod period;
pub mod rollup;
pub mod water;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::domain::assess::Tally;
use crate::domain::assess_inputs::IncidentFact;
pub use period::Period;
pub use water::WaterCounts;

/// Incident levels in the order of the report (I most serious).
pub const INCIDENT_LEVELS: [&str; 4] = ["I", "II", "III", "IV"];

/// Incidents discovered in the period (drills left out) and their upward
/// reports, by deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncidentCounts {
    /// By level `I`–`IV`.
    pub by_level: BTreeMap<&'static str, u64>,
    /// Level still undetermined.
    pub unknown: u64,
    /// Reports sent at or before their deadline.
    pub reports_on_time: u64,
    /// Sent after it.
    pub reports_late: u64,
    /// Not sent, deadline passed at `now`.
    pub reports_overdue: u64,
    /// Not sent, deadline ahead (or none set yet).
    pub reports_pending: u64,
}

impl IncidentCounts {
    pub fn total(&self) -> u64 {
        self.by_level.values().sum::<u64>() + self.unknown
    }

    pub fn add(&mut self, i: &IncidentFact, now: DateTime<Utc>) {
        match INCIDENT_LEVELS.iter().find(|l| **l == i.level) {
            Some(l) => *self.by_level.entry(l).or_default() += 1,
            None => self.unknown += 1,
        }
        for (due, sent) in &i.reports {
            match (due, sent) {
                (Some(d), Some(s)) if s <= d => self.reports_on_time += 1,
                (Some(_), Some(_)) => self.reports_late += 1,
                (None, Some(_)) => self.reports_on_time += 1,
                (Some(d), None) if *d <= now => self.reports_overdue += 1,
                (_, None) => self.reports_pending += 1,
            }
        }
    }

    pub fn absorb(&mut self, o: &IncidentCounts) {
        for (k, v) in &o.by_level {
            *self.by_level.entry(k).or_default() += v;
        }
        self.unknown += o.unknown;
        self.reports_on_time += o.reports_on_time;
        self.reports_late += o.reports_late;
        self.reports_overdue += o.reports_overdue;
        self.reports_pending += o.reports_pending;
    }
}

/// Pollution-source patrols over the period (see the definitions).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatrolCounts {
    /// Sources in the register.
    pub sources: u64,
    /// Sources owing an inspection by the period's last day.
    pub due: u64,
    /// Sources inspected in the period.
    pub done: u64,
    /// Sources due and not inspected when their due day had ended, at the
    /// period's end (or now, if sooner).
    pub overdue: u64,
}

impl PatrolCounts {
    pub fn absorb(&mut self, o: &PatrolCounts) {
        self.sources += o.sources;
        self.due += o.due;
        self.done += o.done;
        self.overdue += o.overdue;
    }
}

/// Everything counted for one grid, or a subtree, or all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub tally: Tally,
    pub incidents: IncidentCounts,
    pub patrols: PatrolCounts,
    /// The outflow sections of the townships counted here.
    pub water: WaterCounts,
}

impl Figures {
    pub fn absorb(&mut self, o: &Figures) {
        self.tally.absorb(&o.tally);
        self.incidents.absorb(&o.incidents);
        self.patrols.absorb(&o.patrols);
        self.water.absorb(&o.water);
    }
}

/// What a row of the report stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// A grid at the report's level, with its subtree.
    Grid {
        id: String,
        level: u8,
        parent: Option<String>,
    },
    /// Complaints with no grid.
    Unassigned,
    /// On a grid above the report's level, or one no longer in the tree.
    Elsewhere,
    /// Everything.
    Totals,
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// The grid's name (sanitised when shown); empty for the other rows.
    pub name: String,
    pub figures: Figures,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub period: Period,
    pub level: u8,
    pub now: DateTime<Utc>,
    /// Grids at the level (by id), then unassigned and elsewhere if any.
    pub rows: Vec<Row>,
    pub totals: Row,
    /// Escalation stages in the order of the configuration, then `manual`
    /// and any other stage recorded.
    pub stages: Vec<String>,
    /// The outflow sections over the period's months (every section, in
    /// the order of `sections.toml`); the rows count them per township.
    pub water: crate::domain::water::months::WaterBoard,
}

impl Report {
    /// Every row, the totals last.
    pub fn all_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().chain(std::iter::once(&self.totals))
    }
}

#[cfg(test)]
mod tests;
