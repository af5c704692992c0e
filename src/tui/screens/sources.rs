//! The Sources screen (#11): pollution sources, most overdue first, with
//! overdue patrols per township and per linked leader. What it lists is
//! `state.boards.sources` (read by the store thread); this holds the
//! selection and turns `c` (inspect the selected source) and `v` (a
//! township visit) into forms.

use crate::board::sources::{SourceBoard, SourceRow};

/// The screen's own state: which listed source is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourcesScreen {
    pub selected: usize,
}

impl SourcesScreen {
    /// Move by `delta` among `len` rows (stops at the ends).
    pub fn move_by(&mut self, delta: i32, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = if delta < 0 {
            self.selected.saturating_sub(delta.unsigned_abs() as usize)
        } else {
            (self.selected + delta as usize).min(last)
        }
        .min(last);
    }
}

/// The sources the screen lists: those matching the filter (id, name,
/// grid, industry), in the board's order.
pub fn rows<'a>(board: &'a SourceBoard, filter: &str) -> Vec<&'a SourceRow> {
    let f = filter.trim().to_lowercase();
    board
        .sources
        .iter()
        .filter(|s| {
            f.is_empty()
                || [
                    s.id.as_str(),
                    s.name.as_str(),
                    s.grid.as_str(),
                    s.census.industry.as_deref().unwrap_or(""),
                ]
                .iter()
                .any(|x| x.to_lowercase().contains(&f))
        })
        .collect()
}
