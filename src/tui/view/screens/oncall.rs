//! Drawing: The On-call screen (#11): who is on call in every grid now and next, with phones; swaps.
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
        .title(state.t(Screen::OnCall.title()))
        .render(body, buf);
}
