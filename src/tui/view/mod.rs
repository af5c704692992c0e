//! Drawing: a pure function of [`State`]. Nothing here changes state or does
//! IO; `impl Widget for &State` draws the whole screen into a buffer, which is
//! what the terminal and the snapshot tests both use.
//!
//! This module frames every screen (header, banners, status line, overlays)
//! and leaves the body to the current screen's drawing (in `screens` here,
//! one module per screen, reading that screen's state from `State`), which
//! draws with the regions here (table, side, bottom). Layout degrades by
//! hiding panels, never by overlapping.

mod banners;
mod bottom;
mod header;
mod overlay;
mod screens;
mod side;
mod table;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::state::{Mode, State};
use crate::i18n::T;
use crate::text::sanitize;
use theme::Theme;

impl Widget for &State {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let banner_lines = banners::lines(self, area.width);
        let [head, banner, body, foot, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner_lines.len() as u16),
            Constraint::Min(3),
            Constraint::Length(screens::foot_height(self, area)),
            Constraint::Length(1),
        ])
        .areas(area);
        header::render(self, head, buf);
        Paragraph::new(banner_lines)
            .style(Theme::banner())
            .render(banner, buf);
        screens::render(self, body, foot, buf);
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
