//! Drawing the screens: one module per screen, each drawing its body (and
//! foot) from [`State`] and the screen's own state in `screens`.

mod audit;
mod complaints;
mod dashboard;
mod grids;
pub mod incidents;
mod map;
mod oncall;
mod oncall_detail;
mod sources;
mod sources_leaders;
mod statistics;
mod statistics_chart;
mod statistics_panels;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::screens::Screen;
use crate::tui::state::State;

/// The rows the current screen wants below its body, above the status line,
/// on a terminal of `area`.
pub fn foot_height(state: &State, area: Rect) -> u16 {
    match state.screen {
        Screen::Dashboard => dashboard::foot_height(area),
        Screen::Complaints
        | Screen::Incidents
        | Screen::OnCall
        | Screen::Grids
        | Screen::Sources
        | Screen::Statistics
        | Screen::Map
        | Screen::Audit => 0,
    }
}

/// Draw the current screen in `body` and `foot` (see [`foot_height`]).
pub fn render(state: &State, body: Rect, foot: Rect, buf: &mut Buffer) {
    match state.screen {
        Screen::Dashboard => dashboard::render(state, body, foot, buf),
        Screen::Complaints => complaints::render(state, body, buf),
        Screen::Incidents => incidents::render(state, body, buf),
        Screen::OnCall => oncall::render(state, body, buf),
        Screen::Grids => grids::render(state, body, buf),
        Screen::Sources => sources::render(state, body, buf),
        Screen::Statistics => statistics::render(state, body, buf),
        Screen::Map => map::render(state, body, buf),
        Screen::Audit => audit::render(state, body, buf),
    }
}
