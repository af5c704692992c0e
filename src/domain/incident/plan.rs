//! A plan (预案) and the depots' inventory, as the configuration validated
//! them. Pure data: loading and validation live in `config::plans`.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::level::{Level, Severity};

/// The most of one item a plan needs, a depot holds or one movement moves:
/// beyond it a number is a typo (and sums of them stay far from overflow).
pub const MAX_QUANTITY: u32 = 1_000_000;

/// A text in both languages of the console.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub en: String,
    pub zh: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Bilingual {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The Chinese text when `chinese`, else the English; the other one
    /// when that is empty. (`words::bilingual` picks by the console's language.)
    pub fn pick(&self, chinese: bool) -> &str {
        let (first, second) = if chinese {
            (&self.zh, &self.en)
        } else {
            (&self.en, &self.zh)
        };
        if first.is_empty() { second } else { first }
    }
}

/// When something is due, in minutes after the discovery time: one value,
/// and per level where the plan says otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueOffsets {
    pub minutes: i64,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_level: BTreeMap<Level, i64>,
}

impl DueOffsets {
    pub fn flat(minutes: i64) -> Self {
        DueOffsets {
            minutes,
            by_level: BTreeMap::new(),
        }
    }

    /// Minutes after discovery at `severity`: the earliest over the levels
    /// whose deadlines apply ([`Severity::deadline_levels`]).
    pub fn minutes_at(&self, severity: &Severity) -> i64 {
        severity
            .deadline_levels()
            .iter()
            .map(|l| self.by_level.get(l).copied().unwrap_or(self.minutes))
            .min()
            .unwrap_or(self.minutes)
    }

    /// The instant due, from the discovery time.
    pub fn due_at(&self, discovered_at: DateTime<Utc>, severity: &Severity) -> DateTime<Utc> {
        discovered_at + Duration::minutes(self.minutes_at(severity))
    }
}

/// One step of a plan, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStep {
    pub text: Bilingual,
    /// The id of one of the plan's roles: who does it.
    pub role: String,
    pub due: DueOffsets,
}

/// People a plan needs in one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleNeed {
    /// e.g. `commander`, `monitoring`, `disposal`, `expert`, `liaison`.
    pub role: String,
    pub name: Bilingual,
    pub count: u32,
}

/// Equipment (returned after use) or material (used up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Equipment,
    Material,
}

/// An item of the inventory's catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub name: Bilingual,
    /// e.g. `m`/`米`, `bag`/`袋`, `set`/`台`.
    pub unit: Bilingual,
    pub kind: ItemKind,
}

/// How much of an item a plan needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemNeed {
    /// An id of the inventory's catalogue.
    pub item: String,
    pub quantity: u32,
}

/// When the upward reports are due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRules {
    /// The initial report (初报), after discovery: e.g. 240 min for III/IV,
    /// 120 for I/II.
    pub initial: DueOffsets,
    /// The final report (处理结果报告), in minutes after the incident is
    /// closed; `None`: no deadline.
    pub final_after_close_minutes: Option<i64>,
}

/// An emergency plan for incidents of one type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The file's stem, e.g. `water-pollution`.
    pub id: String,
    /// The incident type, e.g. `water_pollution`, `toxic_gas`.
    pub kind: String,
    pub name: Bilingual,
    pub steps: Vec<PlanStep>,
    pub roles: Vec<RoleNeed>,
    pub items: Vec<ItemNeed>,
    pub reports: ReportRules,
}

/// Where equipment and materials are stored, and how many of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Depot {
    pub id: String,
    pub name: String,
    /// The grid it belongs to.
    pub grid: String,
    /// Quantity on hand per item id, as counted at `counted_at`.
    pub stock: BTreeMap<String, u32>,
    /// When the stock was counted: movements before it are in the count.
    /// `None`: every movement ever recorded counts against it.
    pub counted_at: Option<DateTime<Utc>>,
}

/// The item catalogue and the depots.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inventory {
    pub items: BTreeMap<String, Item>,
    pub depots: BTreeMap<String, Depot>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::incident::level::Questions;

    #[test]
    fn a_step_due_follows_the_level_that_applies() {
        let mut due = DueOffsets::flat(240);
        due.by_level.insert(Level::I, 120);
        due.by_level.insert(Level::II, 120);
        let t0: DateTime<Utc> = "2026-11-30T01:00:00Z".parse().unwrap();
        assert_eq!(due.minutes_at(&Severity::Known(Level::III)), 240);
        assert_eq!(due.minutes_at(&Severity::Known(Level::II)), 120);
        assert_eq!(
            due.minutes_at(&Severity::Unknown(Questions::default())),
            240
        );
        assert_eq!(
            due.due_at(
                t0,
                &Severity::Unknown(Questions::new([
                    crate::domain::incident::Question::HeavyMetals
                ]))
            ),
            t0 + Duration::hours(2)
        );
    }
}
