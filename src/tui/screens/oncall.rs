//! The On-call screen (#11): who is on call in every grid now and next, with
//! phones; `s` swaps who holds a role in the selected grid. Its rows are the
//! on-call board's (`state.boards.oncall`), in tree order.

/// The screen's own state: which grid row is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnCallScreen {
    pub selected: usize,
}

impl OnCallScreen {
    /// Move the selection by `delta` within `rows` rows.
    pub fn step(&mut self, delta: i32, rows: usize) {
        let last = rows.saturating_sub(1);
        self.selected = if delta < 0 {
            self.selected.saturating_sub(1)
        } else {
            (self.selected + 1).min(last)
        }
        .min(last);
    }
}
