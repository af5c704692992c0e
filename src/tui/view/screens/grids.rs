//! Drawing: The Grids screen (#11): the grid tree, responsible people, staffing shortfalls and figures per grid.
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
        .title(state.t(Screen::Grids.title()))
        .render(body, buf);
}
