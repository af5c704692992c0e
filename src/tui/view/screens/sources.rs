//! Drawing: The Sources screen (#11): pollution sources and overdue patrols per grid and per linked leader.
//!
//! CONTRACT STUB: the helper that owns this screen fills it in.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use crate::tui::screens::Screen;
use crate::tui::state::State;

pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    Block::default()
        .borders(Borders::ALL)
        .title(state.t(Screen::Sources.title()))
        .render(body, buf);
}
