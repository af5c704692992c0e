//! Drawing the Dashboard screen (its state is in `screens::dashboard`): the
//! complaints beside who is on call, above the escalation ticker and the
//! arrivals sparkline. The layout degrades by hiding panels, never by
//! overlapping: the on-call panel needs [`SIDE_MIN_WIDTH`] columns, the bottom
//! band [`BOTTOM_MIN_HEIGHT`] rows.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::i18n::T;
use crate::tui::state::State;
use crate::tui::view::{bottom, side, table};

pub const SIDE_MIN_WIDTH: u16 = 110;
pub const BOTTOM_MIN_HEIGHT: u16 = 22;

/// The rows of the bottom band on a terminal of `area`, 0 when it would not fit.
pub fn foot_height(area: Rect) -> u16 {
    if area.height >= BOTTOM_MIN_HEIGHT {
        6
    } else {
        0
    }
}

/// Draw the complaints and the on-call panel in `body`, the bottom band in
/// `foot` (as high as [`foot_height`] asked).
pub fn render(state: &State, body: Rect, foot: Rect, buf: &mut Buffer) {
    let (main, side) = if body.width >= SIDE_MIN_WIDTH {
        let [m, s] = Layout::horizontal([Constraint::Min(60), Constraint::Length(44)]).areas(body);
        (m, Some(s))
    } else {
        (body, None)
    };
    // Active incidents: at the top of the side panel, else one line over the complaints.
    let main = match side {
        None if state.active_incidents().next().is_some() => {
            let [strip, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(2)]).areas(main);
            side::incident_strip(state, strip, buf);
            rest
        }
        _ => main,
    };
    let list = &state.dashboard.list;
    let title = format!("{} ({})", state.t(T::LiveComplaints), list.rows.len());
    table::complaints(state, &title, list, &state.data.open, main, buf);
    if let Some(s) = side {
        let h = side::incidents_height(state, s.height);
        let [inc, oc] = Layout::vertical([Constraint::Length(h), Constraint::Min(0)]).areas(s);
        if h > 0 {
            side::incidents(state, inc, buf);
        }
        side::on_call(state, oc, buf);
    }
    if foot.height > 0 {
        bottom::render(state, foot, buf);
    }
}
