//! Which automatic escalation stages are due for a complaint at `now`.
//!
//! Owns: stage definitions (name, offset from the deadline, whom to alert) and
//! the rule that an arrival stops further stages. Pure: `now` is an argument;
//! "exactly once" is the store's job (a unique key), not this module's.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use super::grid::GridTree;
use super::roster::Roster;
use super::roster_swap::Swap;
use serde::Serialize;

/// Whom a stage alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StageTarget {
    /// The complaint grid's on-call primary officer.
    GridOnCall,
    /// The leader on call for the parent grid.
    ParentGridLeader,
    /// The leader on call for the city (root) grid.
    CityDutyLeader,
}

impl StageTarget {
    pub const ALL: [StageTarget; 3] = [
        StageTarget::GridOnCall,
        StageTarget::ParentGridLeader,
        StageTarget::CityDutyLeader,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StageTarget::GridOnCall => "grid_on_call",
            StageTarget::ParentGridLeader => "parent_grid_leader",
            StageTarget::CityDutyLeader => "city_duty_leader",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stage {
    pub name: String,
    /// Relative to the deadline: `-10 min` is ten minutes before it.
    #[serde(with = "minutes")]
    pub offset: Duration,
    pub target: StageTarget,
}

mod minutes {
    pub fn serialize<S: serde::Serializer>(d: &chrono::Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_minutes())
    }
}

/// The stages due at `now` for a complaint with this deadline, earliest first.
/// None once someone has arrived or the complaint is no longer open.
pub fn due(
    stages: &[Stage],
    deadline_at: DateTime<Utc>,
    now: DateTime<Utc>,
    open_without_arrival: bool,
) -> Vec<&Stage> {
    if !open_without_arrival {
        return Vec::new();
    }
    let mut due: Vec<&Stage> = stages
        .iter()
        .filter(|s| deadline_at + s.offset <= now)
        .collect();
    due.sort_by_key(|s| s.offset);
    due
}

/// The officer a stage alerts for a complaint in `grid` at local time `local`.
/// An unassigned complaint goes to the city. Leaders fall back to the primary.
/// Who is on call is roster.toml merged with the database's `swaps`.
pub fn target_officer(
    tree: &GridTree,
    roster: &Roster,
    swaps: &[Swap],
    grid: Option<&str>,
    target: StageTarget,
    local: NaiveDateTime,
) -> Option<String> {
    let root = tree.root()?.id.clone();
    let grid = grid.filter(|g| tree.get(g).is_some()).unwrap_or(&root);
    let leader_of = |g: &str| {
        roster
            .on_call(tree, swaps, g, local)
            .map(|oc| oc.leader.unwrap_or(oc.primary))
    };
    match target {
        StageTarget::GridOnCall => roster
            .on_call(tree, swaps, grid, local)
            .map(|oc| oc.primary),
        StageTarget::ParentGridLeader => {
            let parent = tree
                .get(grid)
                .and_then(|g| g.parent.clone())
                .unwrap_or_else(|| root.clone());
            leader_of(&parent)
        }
        StageTarget::CityDutyLeader => leader_of(&root),
    }
}

/// Where an arrival deadline stood at an instant, nobody on site yet: what
/// every alert, ticker line and trail line says, worked out from the
/// record — never from the stage's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Whole minutes left, rounded up (4 min 30 s left is "5 min").
    Before(i64),
    /// Within the minute after the deadline.
    At,
    /// Whole minutes past the deadline.
    After(i64),
}

pub fn standing(deadline: DateTime<Utc>, at: DateTime<Utc>) -> Standing {
    let left = (deadline - at).num_seconds();
    if left > 0 {
        Standing::Before((left + 59) / 60)
    } else if left > -60 {
        Standing::At
    } else {
        Standing::After(-left / 60)
    }
}

/// Whom an automatic stage alerts: the grid-level stage warns the officer
/// who was sent, if anyone was (they are the one on the way); otherwise, and
/// for the stages above, as [`target_officer`] finds them on the roster.
pub fn stage_target(
    tree: &GridTree,
    roster: &Roster,
    swaps: &[Swap],
    grid: Option<&str>,
    dispatched_to: Option<&str>,
    target: StageTarget,
    local: NaiveDateTime,
) -> Option<String> {
    match (target, dispatched_to) {
        (StageTarget::GridOnCall, Some(sent)) => Some(sent.to_string()),
        _ => target_officer(tree, roster, swaps, grid, target, local),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages() -> Vec<Stage> {
        vec![
            Stage {
                name: "breach".into(),
                offset: Duration::zero(),
                target: StageTarget::ParentGridLeader,
            },
            Stage {
                name: "warn".into(),
                offset: Duration::minutes(-10),
                target: StageTarget::GridOnCall,
            },
            Stage {
                name: "critical".into(),
                offset: Duration::minutes(30),
                target: StageTarget::CityDutyLeader,
            },
        ]
    }

    #[test]
    fn stages_fall_due_at_their_instants() {
        let dl = DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let s = stages();
        let names = |now: DateTime<Utc>| {
            due(&s, dl, now, true)
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        };
        assert!(names(dl - Duration::minutes(10) - Duration::seconds(1)).is_empty());
        assert_eq!(names(dl - Duration::minutes(10)), ["warn"]);
        assert_eq!(names(dl), ["warn", "breach"]);
        assert_eq!(
            names(dl + Duration::minutes(30)),
            ["warn", "breach", "critical"]
        );
        assert!(
            due(&s, dl, dl + Duration::hours(2), false).is_empty(),
            "an arrival stops every stage"
        );
    }
}
