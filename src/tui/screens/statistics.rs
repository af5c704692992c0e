//! The Statistics screen (#12): its own state — which window it shows
//! (today, 7 or 30 days, `w` cycles) and the figures as the store thread
//! last folded them (`board::stats`). The drawing is
//! `view::screens::statistics`.

use crate::board::stats::StatsBoard;
pub use crate::board::stats::Window;

/// The screen's own state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatisticsScreen {
    pub window: Window,
    /// `None` until the store thread's first fold arrives.
    pub board: Option<Box<StatsBoard>>,
}

impl StatisticsScreen {
    /// Today → 7 days → 30 days → today.
    pub fn next_window(&mut self) {
        self.window = self.window.next();
    }
}
