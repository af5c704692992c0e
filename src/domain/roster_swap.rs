//! Who is on call: roster.toml merged with the swaps recorded at consoles.
//!
//! Owns: shift slots (one shift on one date, with its local start and end),
//! the swaps of the database as values ([`Swap`]), and THE lookup that
//! everything asking "who is on call" goes through — the escalator's stage
//! targets, `oncall`, the gap check, the dashboard, the demo's field:
//! [`Roster::on_call`]. Pure: the local date-time and the swaps are arguments.
//!
//! The merge, per role: the weekly pattern of the nearest grid up the tree
//! that has a duty (with roster.toml's dated override of that shift), then
//! the swaps of that shift recorded for the grid asked about or any grid
//! between it and that duty grid — the nearest grid's latest swap wins. A
//! swap can also fill a shift nobody held.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::grid::GridTree;
pub use super::roster::{Applied, Role};
use super::roster::{OnCall, Roster};

/// One swap recorded at a console (a row of `roster_override`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Swap {
    pub id: i64,
    pub grid: String,
    pub shift: String,
    /// The local date the shift starts on.
    pub shift_date: NaiveDate,
    pub role: Role,
    pub officer: String,
    /// Who held the role before, as the merged roster had it.
    pub replaces: Option<String>,
    pub reason: String,
}

/// A swap to record: who holds `role` of one grid's shift instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSwap {
    pub grid: String,
    pub shift: String,
    pub shift_date: NaiveDate,
    pub role: Role,
    pub officer: String,
    pub replaces: Option<String>,
    pub reason: String,
    /// The newest swap of any shift starting on `shift_date` when this one
    /// was decided (`replaces` and the checks read them): the store records
    /// it only if that is still the newest, so two consoles swapping at once
    /// never both decide on the same roster.
    pub seen: Option<i64>,
}

/// One shift on one date: the unit a duty, an override and a swap name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slot {
    pub shift: String,
    /// The local date the shift starts on.
    pub date: NaiveDate,
    /// Local start and end (the end is the next day for a night shift).
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// A grid with nobody on call (even up its ancestors) in one slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub grid: String,
    pub shift: String,
    pub date: NaiveDate,
    pub start: NaiveDateTime,
}

impl Roster {
    /// Shift `name` on `date`, if there is such a shift.
    pub fn slot(&self, name: &str, date: NaiveDate) -> Option<Slot> {
        let s = self.shifts.iter().find(|s| s.name == name)?;
        let start = date.and_time(s.window.start);
        let crosses = s.window.end <= s.window.start;
        let end_date = if crosses {
            date + Duration::days(1)
        } else {
            date
        };
        Some(Slot {
            shift: s.name.clone(),
            date,
            start,
            end: end_date.and_time(s.window.end),
        })
    }

    /// The slot running at `local`.
    pub fn slot_at(&self, local: NaiveDateTime) -> Option<Slot> {
        let (shift, date) = self.shift_at(local)?;
        self.slot(&shift.name, date)
    }

    /// Every slot that runs at some instant of `[from, to)`, earliest first.
    pub fn slots_between(&self, from: NaiveDateTime, to: NaiveDateTime) -> Vec<Slot> {
        let mut out = Vec::new();
        let mut date = from.date() - Duration::days(1);
        while date <= to.date() {
            for s in &self.shifts {
                if let Some(slot) = self.slot(&s.name, date) {
                    if slot.end > from && slot.start < to {
                        out.push(slot);
                    }
                }
            }
            date += Duration::days(1);
        }
        out.sort_by_key(|s| s.start);
        out
    }

    /// The first slot that starts after `local` (the next shift).
    pub fn slot_after(&self, local: NaiveDateTime) -> Option<Slot> {
        self.slots_between(local, local + Duration::days(2))
            .into_iter()
            .find(|s| s.start > local)
    }

    /// THE answer to "who is on call for `grid` at `local`": roster.toml
    /// merged with `swaps` (see the module doc). `None`: nobody, even up
    /// the tree.
    pub fn on_call(
        &self,
        tree: &GridTree,
        swaps: &[Swap],
        grid: &str,
        local: NaiveDateTime,
    ) -> Option<OnCall> {
        self.on_call_in(tree, swaps, grid, &self.slot_at(local)?)
    }

    /// [`Roster::on_call`] for one slot (the next shift's people, a gap).
    pub fn on_call_in(
        &self,
        tree: &GridTree,
        swaps: &[Swap],
        grid: &str,
        slot: &Slot,
    ) -> Option<OnCall> {
        let lineage = tree.lineage(grid);
        let base = lineage
            .iter()
            .enumerate()
            .find_map(|(i, g)| self.own(&g.id, &slot.shift, slot.date).map(|oc| (i, oc)));
        // The grids whose swaps count: up to the duty grid (all when none).
        let upto = base.as_ref().map_or(lineage.len(), |(i, _)| i + 1);
        let swapped = |role: Role| -> Option<&Swap> {
            lineage[..upto].iter().find_map(|g| {
                swaps
                    .iter()
                    .filter(|s| {
                        s.grid == g.id
                            && s.role == role
                            && s.shift == slot.shift
                            && s.shift_date == slot.date
                    })
                    .max_by_key(|s| s.id)
            })
        };
        let mut oc = match base {
            Some((_, oc)) => oc,
            None => {
                let first = swapped(Role::Primary)?;
                OnCall {
                    grid: grid.to_string(),
                    duty_grid: first.grid.clone(),
                    shift: slot.shift.clone(),
                    shift_date: slot.date,
                    primary: first.officer.clone(),
                    backup: None,
                    leader: None,
                    override_reason: None,
                    swaps: Vec::new(),
                }
            }
        };
        oc.grid = grid.to_string();
        for role in Role::ALL {
            let Some(s) = swapped(role) else { continue };
            let who = Some(s.officer.clone());
            match role {
                Role::Primary => oc.primary = s.officer.clone(),
                Role::Backup => oc.backup = who,
                Role::Leader => oc.leader = who,
            }
            oc.swaps.push(Applied {
                id: s.id,
                role,
                officer: s.officer.clone(),
                replaces: s.replaces.clone(),
                reason: s.reason.clone(),
                grid: s.grid.clone(),
            });
        }
        Some(oc)
    }

    /// Every (grid, slot) in `[from, to)` with nobody on call, in slot
    /// order, grids in tree order.
    pub fn gaps(
        &self,
        tree: &GridTree,
        swaps: &[Swap],
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Vec<Gap> {
        let mut out = Vec::new();
        for slot in self.slots_between(from, to) {
            for g in tree.iter() {
                if self.on_call_in(tree, swaps, &g.id, &slot).is_none() {
                    out.push(Gap {
                        grid: g.id.clone(),
                        shift: slot.shift.clone(),
                        date: slot.date,
                        start: slot.start.max(from),
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "roster_swap_tests.rs"]
mod tests;
