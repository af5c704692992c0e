//! Staffing of the grid (网格人员配备): the plan's minimums, and what a
//! grid lacks against them. Pure: the caller counts, this decides.
//!
//! What counts as staff — one rule, said the same in the README and the
//! Grids screen's legend:
//! - a **township** (level 2) and a **village** (level 3): the distinct
//!   people named as its specific responsible (具体责任人) in grids.toml.
//!   The first and main responsible lead the grid; they are not its staff.
//!   Township class 1 needs at least 5, class 2 at least 3, class 3 at
//!   least 2; a township without a class has no minimum to check and is
//!   marked "class not set". A village needs 2, and up to 3.
//! - an **enterprise group** (level 4): its size is its enterprises in
//!   enterprises.toml (10 to 15), and it needs a group leader.
//! - the **city** (level 1): counted, with no minimum.

use serde::Serialize;

use super::grid::Grid;

/// What the plan asks of a grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Requirement {
    pub minimum: Option<u32>,
    pub maximum: Option<u32>,
    /// What is counted: people, or (enterprise groups) enterprises.
    pub unit: Unit,
    pub needs_leader: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    People,
    Enterprises,
}

/// Something a grid lacks (or has too much of) against the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Fewer than the minimum (people, or enterprises in a group).
    BelowMinimum,
    /// More than the maximum (a village of 4, a group of 16).
    AboveMaximum,
    /// An enterprise group without a group leader.
    NoGroupLeader,
    /// A township without a class: its minimum is unknown.
    NoClass,
}

impl Problem {
    pub fn as_str(self) -> &'static str {
        match self {
            Problem::BelowMinimum => "below_minimum",
            Problem::AboveMaximum => "above_maximum",
            Problem::NoGroupLeader => "no_group_leader",
            Problem::NoClass => "no_class",
        }
    }
}

/// A grid's staffing against the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Staffing {
    pub staff: u32,
    pub requirement: Requirement,
    /// How many are missing to reach the minimum (0 when none, or no minimum).
    pub shortfall: u32,
    pub problems: Vec<Problem>,
}

impl Staffing {
    /// Nothing to mark.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The minimum staff of a township of `class` (1, 2, 3).
pub fn township_minimum(class: u8) -> Option<u32> {
    match class {
        1 => Some(5),
        2 => Some(3),
        3 => Some(2),
        _ => None,
    }
}

/// What the plan asks of `grid`.
pub fn requirement(grid: &Grid) -> Requirement {
    let people = |minimum, maximum| Requirement {
        minimum,
        maximum,
        unit: Unit::People,
        needs_leader: false,
    };
    match grid.level {
        2 => people(grid.class.and_then(township_minimum), None),
        3 => people(Some(2), Some(3)),
        4 => Requirement {
            minimum: Some(10),
            maximum: Some(15),
            unit: Unit::Enterprises,
            needs_leader: true,
        },
        _ => people(None, None),
    }
}

/// The people counted as a grid's staff: its distinct specific responsible.
pub fn people(grid: &Grid) -> u32 {
    let mut ids: Vec<&str> = grid
        .specific_responsible
        .iter()
        .map(String::as_str)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len() as u32
}

/// Assess `grid`; `enterprises` is how many enterprises name it as their
/// grid (only an enterprise group's matter).
pub fn assess(grid: &Grid, enterprises: usize) -> Staffing {
    let requirement = requirement(grid);
    let staff = match requirement.unit {
        Unit::People => people(grid),
        Unit::Enterprises => u32::try_from(enterprises).unwrap_or(u32::MAX),
    };
    let mut problems = Vec::new();
    if grid.level == 2 && requirement.minimum.is_none() {
        problems.push(Problem::NoClass);
    }
    let shortfall = requirement
        .minimum
        .map_or(0, |min| min.saturating_sub(staff));
    if shortfall > 0 {
        problems.push(Problem::BelowMinimum);
    }
    if requirement.maximum.is_some_and(|max| staff > max) {
        problems.push(Problem::AboveMaximum);
    }
    if requirement.needs_leader && grid.group_leader.is_none() {
        problems.push(Problem::NoGroupLeader);
    }
    Staffing {
        staff,
        requirement,
        shortfall,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn grid(level: u8, class: Option<u8>, staff: usize, leader: bool) -> Grid {
        Grid {
            id: "G".into(),
            name: "G".into(),
            level,
            class,
            specific_responsible: (0..staff).map(|i| format!("O{i:03}")).collect(),
            group_leader: leader.then(|| "O900".into()),
            ..Grid::default()
        }
    }

    #[rstest]
    #[case::class_1_with_5(Some(1), 5, 0, &[])]
    #[case::class_1_with_4(Some(1), 4, 1, &[Problem::BelowMinimum])]
    #[case::class_2_with_3(Some(2), 3, 0, &[])]
    #[case::class_2_with_1(Some(2), 1, 2, &[Problem::BelowMinimum])]
    #[case::class_3_with_2(Some(3), 2, 0, &[])]
    #[case::class_3_with_1(Some(3), 1, 1, &[Problem::BelowMinimum])]
    #[case::class_3_with_9_has_no_maximum(Some(3), 9, 0, &[])]
    #[case::no_class(None, 3, 0, &[Problem::NoClass])]
    fn townships_by_class(
        #[case] class: Option<u8>,
        #[case] staff: usize,
        #[case] shortfall: u32,
        #[case] problems: &[Problem],
    ) {
        let s = assess(&grid(2, class, staff, false), 0);
        assert_eq!(s.staff, staff as u32);
        assert_eq!(s.shortfall, shortfall);
        assert_eq!(s.problems, problems);
    }

    #[rstest]
    #[case::one(1, 1, &[Problem::BelowMinimum])]
    #[case::two(2, 0, &[])]
    #[case::three(3, 0, &[])]
    #[case::four_is_over_the_maximum(4, 0, &[Problem::AboveMaximum])]
    fn villages_two_up_to_three(
        #[case] staff: usize,
        #[case] shortfall: u32,
        #[case] problems: &[Problem],
    ) {
        let s = assess(&grid(3, None, staff, false), 0);
        assert_eq!((s.shortfall, s.problems.as_slice()), (shortfall, problems));
        assert_eq!(
            (s.requirement.minimum, s.requirement.maximum),
            (Some(2), Some(3))
        );
    }

    #[rstest]
    #[case::nine_enterprises(9, true, 1, &[Problem::BelowMinimum])]
    #[case::ten(10, true, 0, &[])]
    #[case::fifteen(15, true, 0, &[])]
    #[case::sixteen(16, true, 0, &[Problem::AboveMaximum])]
    #[case::no_leader(12, false, 0, &[Problem::NoGroupLeader])]
    #[case::small_and_leaderless(9, false, 1, &[Problem::BelowMinimum, Problem::NoGroupLeader])]
    fn enterprise_groups_of_10_to_15_with_a_leader(
        #[case] enterprises: usize,
        #[case] leader: bool,
        #[case] shortfall: u32,
        #[case] problems: &[Problem],
    ) {
        // People named on a group do not count: its enterprises do.
        let s = assess(&grid(4, None, 1, leader), enterprises);
        assert_eq!(s.staff, enterprises as u32);
        assert_eq!(s.requirement.unit, Unit::Enterprises);
        assert_eq!((s.shortfall, s.problems.as_slice()), (shortfall, problems));
    }

    #[test]
    fn a_person_named_twice_counts_once_and_the_city_has_no_minimum() {
        let mut g = grid(3, None, 2, false);
        g.specific_responsible.push("O000".into());
        assert_eq!(people(&g), 2);
        let city = assess(&grid(1, None, 1, false), 0);
        assert!(city.is_ok());
        assert_eq!(city.requirement.minimum, None);
    }
}
