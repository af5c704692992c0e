//! The Grids screen (#11): its own state — which grid is selected. What it
//! shows is `state.boards.grids` (read by the store thread); the drawing is
//! `view::screens::grids`.

/// The screen's own state: which row of the board is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GridsScreen {
    pub selected: usize,
}

impl GridsScreen {
    /// Move the selection `delta` rows within `len` rows.
    pub fn move_by(&mut self, delta: i32, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = if delta < 0 {
            self.selected.saturating_sub(delta.unsigned_abs() as usize)
        } else {
            (self.selected + delta as usize).min(last)
        };
    }

    /// The selected row, kept within `len` rows (the board may shrink).
    pub fn at(&self, len: usize) -> usize {
        self.selected.min(len.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_within_the_rows() {
        let mut s = GridsScreen::default();
        s.move_by(-1, 3);
        assert_eq!(s.selected, 0);
        s.move_by(5, 3);
        assert_eq!(s.selected, 2);
        assert_eq!(s.at(1), 0);
        s.move_by(1, 0);
        assert_eq!(s.at(0), 0);
    }
}
