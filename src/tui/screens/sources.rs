//! The Sources screen (#11): pollution sources and overdue patrols per grid and per linked leader.
//!
//! CONTRACT STUB: the helper that owns this screen fills it in.

/// The screen's own state: which row is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourcesScreen {
    pub selected: usize,
}
