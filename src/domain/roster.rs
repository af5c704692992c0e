//! Who is on call in a grid at an instant.
//!
//! Owns: shifts (named local time windows), the weekly duty pattern and
//! dated overrides of roster.toml, and who holds one grid by them. The one
//! lookup everything asks — roster.toml merged with the swaps recorded in
//! the database, walking up the grid tree — is `Roster::on_call` in
//! `roster_swap.rs`. Pure: the local date-time is an argument.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::Serialize;

use super::calendar::TimeWindow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub name: String,
    pub window: TimeWindow,
}

/// A set of weekdays (bit 0 = Monday).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Days(u8);

impl Days {
    pub fn insert(&mut self, d: Weekday) -> bool {
        let bit = 1 << d.num_days_from_monday();
        let fresh = self.0 & bit == 0;
        self.0 |= bit;
        fresh
    }

    pub fn contains(&self, d: Weekday) -> bool {
        self.0 & (1 << d.num_days_from_monday()) != 0
    }

    pub fn iter(&self) -> impl Iterator<Item = Weekday> + '_ {
        (0..7u8)
            .filter(|i| self.0 & (1 << i) != 0)
            .filter_map(|i| Weekday::try_from(i).ok())
    }
}

impl FromIterator<Weekday> for Days {
    fn from_iter<I: IntoIterator<Item = Weekday>>(iter: I) -> Self {
        let mut d = Days::default();
        for w in iter {
            d.insert(w);
        }
        d
    }
}

/// A weekly duty: on these weekdays, in this shift, these people hold the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duty {
    pub grid: String,
    pub days: Days,
    pub shift: String,
    pub primary: String,
    pub backup: Option<String>,
    pub leader: Option<String>,
}

/// A dated change to the pattern (leave, swaps, holiday duty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub grid: String,
    /// The date the shift starts on.
    pub date: NaiveDate,
    pub shift: String,
    pub primary: Option<String>,
    pub backup: Option<String>,
    pub leader: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    pub shifts: Vec<Shift>,
    pub duties: Vec<Duty>,
    pub overrides: Vec<Override>,
}

/// The people on call for a grid, and where that came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnCall {
    /// The grid asked about.
    pub grid: String,
    /// The grid whose duty applies (the grid itself or an ancestor).
    pub duty_grid: String,
    pub shift: String,
    /// The date the shift started on.
    pub shift_date: NaiveDate,
    pub primary: String,
    pub backup: Option<String>,
    pub leader: Option<String>,
    /// Set when a dated override of roster.toml applied.
    pub override_reason: Option<String>,
    /// The swaps recorded at consoles that changed who holds a role (#11).
    pub swaps: Vec<Applied>,
}

impl Roster {
    /// The shift running at `local`, and the date it started on.
    pub fn shift_at(&self, local: NaiveDateTime) -> Option<(&Shift, NaiveDate)> {
        let t = local.time();
        self.shifts.iter().find(|s| s.window.contains(t)).map(|s| {
            let crosses = s.window.end <= s.window.start;
            let date = if crosses && t < s.window.end {
                local.date() - Duration::days(1)
            } else {
                local.date()
            };
            (s, date)
        })
    }

    /// Who holds `grid` itself in the shift `shift` started on `date`, by
    /// roster.toml alone (its weekly pattern and dated overrides), ignoring
    /// ancestors and the swaps recorded in the database.
    pub(super) fn own(&self, grid: &str, shift: &str, date: NaiveDate) -> Option<OnCall> {
        let duty = self
            .duties
            .iter()
            .find(|d| d.grid == grid && d.shift == shift && d.days.contains(date.weekday()));
        let ov = self
            .overrides
            .iter()
            .find(|o| o.grid == grid && o.shift == shift && o.date == date);
        let primary = ov
            .and_then(|o| o.primary.clone())
            .or_else(|| duty.map(|d| d.primary.clone()))?;
        Some(OnCall {
            grid: grid.to_string(),
            duty_grid: grid.to_string(),
            shift: shift.to_string(),
            shift_date: date,
            primary,
            backup: ov
                .and_then(|o| o.backup.clone())
                .or_else(|| duty.and_then(|d| d.backup.clone())),
            leader: ov
                .and_then(|o| o.leader.clone())
                .or_else(|| duty.and_then(|d| d.leader.clone())),
            override_reason: ov.map(|o| o.reason.clone()),
            swaps: Vec::new(),
        })
    }
}

/// Pairs of shifts (by index) whose windows overlap.
pub fn overlapping_shifts(shifts: &[Shift]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..shifts.len() {
        for j in i + 1..shifts.len() {
            if minutes_of(&shifts[i].window)
                .intersection(&minutes_of(&shifts[j].window))
                .next()
                .is_some()
            {
                out.push((i, j));
            }
        }
    }
    out
}

/// Local times no shift covers, as windows (empty when the day is covered).
pub fn uncovered(shifts: &[Shift]) -> Vec<String> {
    let covered: BTreeSet<u32> = shifts.iter().flat_map(|s| minutes_of(&s.window)).collect();
    let mut gaps = Vec::new();
    let mut m = 0;
    while m < 1440 {
        if covered.contains(&m) {
            m += 1;
            continue;
        }
        let start = m;
        while m < 1440 && !covered.contains(&m) {
            m += 1;
        }
        gaps.push(format!(
            "{:02}:{:02}-{:02}:{:02}",
            start / 60,
            start % 60,
            m / 60 % 24,
            m % 60
        ));
    }
    gaps
}

fn minutes_of(w: &TimeWindow) -> BTreeSet<u32> {
    let (a, b) = w.minutes();
    if a < b {
        (a..b).collect()
    } else {
        (a..1440).chain(0..b).collect()
    }
}

/// A role on call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Primary,
    Backup,
    Leader,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Primary, Role::Backup, Role::Leader];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Primary => "primary",
            Role::Backup => "backup",
            Role::Leader => "leader",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Who holds this role in `oc`.
    pub fn of(self, oc: &OnCall) -> Option<&str> {
        match self {
            Role::Primary => Some(oc.primary.as_str()),
            Role::Backup => oc.backup.as_deref(),
            Role::Leader => oc.leader.as_deref(),
        }
    }
}

/// A swap that changed who holds a role, as an [`OnCall`] reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// The swap's id (`roster_override:N` in the audit log).
    pub id: i64,
    pub role: Role,
    pub officer: String,
    pub replaces: Option<String>,
    pub reason: String,
    /// The grid the swap was recorded for.
    pub grid: String,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::grid::{Grid, GridTree};

    pub(crate) fn g(id: &str, parent: Option<&str>) -> Grid {
        Grid {
            id: id.into(),
            name: id.into(),
            level: if parent.is_some() { 2 } else { 1 },
            parent: parent.map(Into::into),
            first_responsible: None,
            main_responsible: None,
            specific_responsible: vec![],
            aliases: vec![],
            ..Grid::default()
        }
    }

    pub(crate) fn roster() -> Roster {
        let all: Days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ]
        .into_iter()
        .collect();
        Roster {
            shifts: vec![
                Shift {
                    name: "day".into(),
                    window: TimeWindow::parse("08:00-18:00").unwrap(),
                },
                Shift {
                    name: "night".into(),
                    window: TimeWindow::parse("18:00-08:00").unwrap(),
                },
            ],
            duties: vec![
                Duty {
                    grid: "C00".into(),
                    days: all,
                    shift: "day".into(),
                    primary: "O1".into(),
                    backup: None,
                    leader: Some("L1".into()),
                },
                Duty {
                    grid: "C00".into(),
                    days: all,
                    shift: "night".into(),
                    primary: "O2".into(),
                    backup: None,
                    leader: Some("L2".into()),
                },
                Duty {
                    grid: "T01".into(),
                    days: [Weekday::Mon].into_iter().collect(),
                    shift: "night".into(),
                    primary: "O3".into(),
                    backup: Some("O4".into()),
                    leader: None,
                },
            ],
            overrides: vec![Override {
                grid: "T01".into(),
                date: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                shift: "night".into(),
                primary: Some("O9".into()),
                backup: None,
                leader: None,
                reason: "swap".into(),
            }],
        }
    }

    pub(crate) fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn night_shift_after_midnight_belongs_to_the_previous_date() {
        let tree = GridTree::new([g("C00", None), g("T01", Some("C00"))]);
        let r = roster();
        // Tue 01:00 is still Monday's night shift: T01 has its own duty.
        let oc = r
            .on_call(&tree, &[], "T01", at("2026-12-01 01:00"))
            .unwrap();
        assert_eq!((oc.primary.as_str(), oc.duty_grid.as_str()), ("O3", "T01"));
        assert_eq!(
            oc.shift_date,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        // Tue 18:00: no T01 duty, falls back to the city.
        let oc = r
            .on_call(&tree, &[], "T01", at("2026-12-01 18:00"))
            .unwrap();
        assert_eq!((oc.primary.as_str(), oc.duty_grid.as_str()), ("O2", "C00"));
    }

    #[test]
    fn override_replaces_only_what_it_names() {
        let tree = GridTree::new([g("C00", None), g("T01", Some("C00"))]);
        let oc = roster()
            .on_call(&tree, &[], "T01", at("2026-12-07 20:00"))
            .unwrap();
        assert_eq!(oc.primary, "O9");
        assert_eq!(oc.backup.as_deref(), Some("O4"));
        assert_eq!(oc.override_reason.as_deref(), Some("swap"));
    }

    #[test]
    fn overlaps_and_gaps_are_found() {
        let s = |n: &str, w: &str| Shift {
            name: n.into(),
            window: TimeWindow::parse(w).unwrap(),
        };
        assert!(overlapping_shifts(&roster().shifts).is_empty());
        assert!(uncovered(&roster().shifts).is_empty());
        let bad = [s("a", "08:00-18:00"), s("b", "17:00-07:00")];
        assert_eq!(overlapping_shifts(&bad), vec![(0, 1)]);
        assert_eq!(uncovered(&bad), vec!["07:00-08:00".to_string()]);
    }
}
