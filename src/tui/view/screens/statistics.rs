//! Drawing the statistics screen (#12). (Being built.)

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use crate::tui::state::State;

pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    Block::default()
        .borders(Borders::ALL)
        .title(state.screen.title().get(state.lang))
        .render(body, buf);
}
