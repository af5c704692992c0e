//! The Statistics screen (#12): its own state — which window it shows
//! (today, 7 or 30 days). What it shows is read by the store thread; the
//! drawing is `view::screens::statistics`.

/// The period the screen shows, ending now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Window {
    #[default]
    Today,
    Week,
    Month,
}

/// The screen's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatisticsScreen {
    pub window: Window,
}
