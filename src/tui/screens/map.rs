//! The Map screen (#12): its own state. The drawing is `view::screens::map`.

/// The screen's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapScreen {}
