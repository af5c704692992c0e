//! The Grids screen (#11): the grid tree, responsible people, staffing shortfalls and figures per grid.
//!
//! CONTRACT STUB: the helper that owns this screen fills it in.

/// The screen's own state: which row is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GridsScreen {
    pub selected: usize,
}
