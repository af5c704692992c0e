//! Drawing: a pure function of [`State`]. Nothing here changes state or does
//! IO; `impl Widget for &State` draws the whole screen into a buffer, which is
//! what the terminal and the snapshot tests both use.
//!
//! Layout degrades by hiding panels, never by overlapping: the side panel
//! needs 110 columns, the bottom panels 22 rows.

mod bottom;
mod header;
mod overlay;
mod side;
mod table;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::screens::Screen;
use super::state::{Mode, State};
use crate::i18n::T;
use crate::text::sanitize;
use theme::Theme;

pub const SIDE_MIN_WIDTH: u16 = 110;
pub const BOTTOM_MIN_HEIGHT: u16 = 22;

impl Widget for &State {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let banners = self.banners.len().min(2) as u16;
        let bottom = if area.height >= BOTTOM_MIN_HEIGHT && self.screen == Screen::Dashboard {
            6
        } else {
            0
        };
        let [head, banner, body, foot, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banners),
            Constraint::Min(3),
            Constraint::Length(bottom),
            Constraint::Length(1),
        ])
        .areas(area);
        header::render(self, head, buf);
        overlay::banners(self, banner, buf);
        let (main, side) = if area.width >= SIDE_MIN_WIDTH && self.screen == Screen::Dashboard {
            let [m, s] =
                Layout::horizontal([Constraint::Min(60), Constraint::Length(44)]).areas(body);
            (m, Some(s))
        } else {
            (body, None)
        };
        match self.screen {
            Screen::Dashboard | Screen::Complaints => table::complaints(self, main, buf),
            Screen::Audit => table::audit(self, main, buf),
        }
        if let Some(s) = side {
            side::on_call(self, s, buf);
        }
        if bottom > 0 {
            bottom::render(self, foot, buf);
        }
        status_line(self, status, buf);
        if self.detail {
            overlay::detail(self, body, buf);
        }
        match &self.mode {
            Mode::Help => overlay::help(self, area, buf),
            Mode::Form(f) => overlay::form(self, f, area, buf),
            Mode::ConfirmQuit => overlay::confirm(self, area, buf),
            Mode::Normal | Mode::Filter(_) => {}
        }
    }
}

fn status_line(state: &State, area: Rect, buf: &mut Buffer) {
    let line = match &state.mode {
        Mode::Filter(text) => Line::styled(
            format!("/{}▏ {}", sanitize(text), state.t(T::FilterPrompt)),
            Theme::title(),
        ),
        _ => {
            let style = if state.status.error {
                Theme::error()
            } else {
                Theme::dim()
            };
            let filter = if state.filter.is_empty() {
                String::new()
            } else {
                format!("[/{}] ", sanitize(&state.filter))
            };
            Line::styled(format!("{filter}{}", sanitize(&state.status.text)), style)
        }
    };
    Paragraph::new(line).render(area, buf);
}
