//! The On-call screen (#11): who is on call in every grid now and next, with phones; swaps.
//!
//! CONTRACT STUB: the helper that owns this screen fills it in.

/// The screen's own state: which row is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnCallScreen {
    pub selected: usize,
}
