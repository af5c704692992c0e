//! The screens of the console, one module each, as ratatui's demo2 keeps its
//! tabs. Each screen owns its part of the UI state (which complaints it lists,
//! in which order, and which one is selected; the Complaints screen also its
//! sort) and derives its rows from the store's snapshot. Its drawing is in
//! `view::screens`, one module per screen too, so that the state types here
//! depend on nothing of `State` or `view`: `state` holds them, `view` draws
//! them. [`Screen::ALL`] is the one list of screens: the digit keys and `Tab`
//! follow it.
//!
//! What stays in `State` because it is shared: the filter (`/` filters every
//! screen), the detail overlay, the mode, the data. Nothing here does IO.
//!
//! Adding a screen touches these files:
//! - `screens/<name>.rs` (new): its state and derive; here, its `pub mod`
//!   line, its variant in [`Screen`], its place in [`Screen::ALL`] and its arm
//!   in [`Screen::title`];
//! - `view/screens/<name>.rs` (new): its drawing; in `view/screens/mod.rs`,
//!   its `mod` line and its arms in `render` and `foot_height`;
//! - `state.rs`: its field in `State` and `State::new`, and its arms in
//!   `list_mut`, `derive`, `follow_selection` and `selected_complaint`;
//! - `i18n.rs`: its title, in every language;
//! - `keymap.rs`: lines in the key table, if it has keys of its own.

pub mod audit;
pub mod complaints;
pub mod dashboard;
pub mod facts;
pub mod filter;
pub mod grids;
pub mod incidents;
pub mod map;
pub mod oncall;
pub mod sources;
pub mod statistics;

use crate::domain::ComplaintRow;
use crate::i18n::T;
pub use filter::FilterContext;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Complaints,
    Incidents,
    OnCall,
    Grids,
    Sources,
    Statistics,
    Map,
    Audit,
}

impl Screen {
    /// Every screen, in the order of the digit keys and of `Tab`.
    pub const ALL: [Screen; 9] = [
        Screen::Dashboard,
        Screen::Complaints,
        Screen::Incidents,
        Screen::OnCall,
        Screen::Grids,
        Screen::Sources,
        Screen::Statistics,
        Screen::Map,
        Screen::Audit,
    ];

    /// The `n`-th screen, counted from 1 as the digit keys do.
    pub fn nth(n: u8) -> Option<Screen> {
        Screen::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The screen after this one, as `Tab` goes.
    pub fn next(self) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Screen::ALL[(i + 1) % Screen::ALL.len()]
    }

    /// The screen's name, for a tab bar. (No tab bar is drawn yet.)
    pub fn title(self) -> T {
        match self {
            Screen::Dashboard => T::ScreenDashboard,
            Screen::Complaints => T::ScreenComplaints,
            Screen::Incidents => T::IncUiScreen,
            Screen::OnCall => T::ScreenOnCall,
            Screen::Grids => T::ScreenGrids,
            Screen::Sources => T::ScreenSources,
            Screen::Statistics => T::ScreenStatistics,
            Screen::Map => T::ScreenMap,
            Screen::Audit => T::ScreenAudit,
        }
    }
}

/// A screen's complaints in display order, and which one is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComplaintList {
    /// Indexes into the screen's source rows (`Snapshot::open` or
    /// `Snapshot::recent`), in display order.
    pub rows: Vec<usize>,
    /// A position in `rows`.
    pub selected: usize,
    /// What the table needs to size its columns, over every row.
    pub facts: facts::ListFacts,
}

impl ComplaintList {
    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1));
    }

    /// The selected complaint, looked up in `src`.
    pub fn selected_in<'a>(&self, src: &'a [ComplaintRow]) -> Option<&'a ComplaintRow> {
        self.rows.get(self.selected).and_then(|&i| src.get(i))
    }

    /// Select complaint `id` if it is listed; else keep the selected
    /// position (within the rows). Returns the complaint now selected.
    pub fn select<'a>(
        &mut self,
        src: &'a [ComplaintRow],
        id: Option<i64>,
    ) -> Option<&'a ComplaintRow> {
        if let Some(pos) = id.and_then(|id| {
            self.rows
                .iter()
                .position(|&i| src.get(i).is_some_and(|c| c.id == id))
        }) {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.selected_in(src)
    }

    /// Take a new `order` (indexes into the screen's source rows); the
    /// selection is then set by complaint with [`ComplaintList::select`].
    fn reorder(&mut self, order: Vec<usize>, src: &[ComplaintRow]) {
        self.facts = facts::ListFacts::of(order.iter().filter_map(|&i| src.get(i)));
        self.rows = order;
    }
}

/// The indexes of the complaints in `rows` that match the filter, in order.
fn filtered(rows: &[ComplaintRow], filter: &str, ctx: &FilterContext<'_>) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| ctx.matches(&rows[i], filter))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn digits_and_tab_follow_screen_all_and_tab_wraps() {
        let mut s = Screen::ALL[0];
        for (i, want) in Screen::ALL.into_iter().enumerate() {
            assert_eq!(Screen::nth(i as u8 + 1), Some(want));
            assert_eq!(s, want);
            s = s.next();
        }
        assert_eq!(s, Screen::ALL[0]);
        assert_eq!(Screen::nth(0), None);
        assert_eq!(Screen::nth(Screen::ALL.len() as u8 + 1), None);
    }

    #[test]
    fn every_screen_has_its_own_title_in_every_language() {
        for lang in [Lang::En, Lang::Zh] {
            let titles: HashSet<&str> = Screen::ALL.iter().map(|s| s.title().get(lang)).collect();
            assert_eq!(titles.len(), Screen::ALL.len(), "{lang:?}");
            assert!(!titles.contains(""), "{lang:?}");
        }
    }
}
