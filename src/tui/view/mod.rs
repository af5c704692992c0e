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
pub(crate) mod columns;
mod duty;
mod form;
mod handover;
mod header;
mod incident;
mod overlay;
mod report;
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
use crate::text::{sanitize, wrap};
use theme::Theme;

impl Widget for &State {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let banner_lines = banners::lines(self, area.width);
        let status_text = status_lines(self, area.width);
        let [head, banner, body, foot, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner_lines.len() as u16),
            Constraint::Min(3),
            Constraint::Length(screens::foot_height(self, area)),
            Constraint::Length(status_text.len() as u16),
        ])
        .areas(area);
        header::render(self, head, buf);
        Paragraph::new(banner_lines)
            .style(Theme::banner())
            .render(banner, buf);
        screens::render(self, body, foot, buf);
        Paragraph::new(status_text).render(status, buf);
        if self.detail {
            // The detail takes the bottom panels' rows too: the trail needs them.
            overlay::detail(self, body.union(foot), buf);
        }
        if let Some(view) = &self.incident_view {
            incident::render(self, view, body.union(foot), buf);
        }
        match &self.mode {
            Mode::Help(top) => overlay::help(self, *top, area, buf),
            Mode::Form(f) => form::render(self, f, area, buf),
            Mode::ConfirmQuit => overlay::confirm(self, area, buf),
            Mode::Confirm { question, .. } => overlay::ask(question, area, buf),
            // Between the header and the status line, which says where a draft was saved.
            Mode::Report(r) => report::render(
                self,
                r,
                Rect {
                    y: banner.y,
                    height: status.y - banner.y,
                    ..area
                },
                buf,
            ),
            Mode::Handover(o) => handover::render(
                self,
                o,
                Rect {
                    y: banner.y,
                    height: status.y - banner.y,
                    ..area
                },
                buf,
            ),
            Mode::Normal | Mode::Filter(_) => {}
        }
    }
}

/// The status line's text and style: the filter being typed, else the
/// result of the last action, else what the console must say by itself.
fn status_text(state: &State) -> (String, ratatui::style::Style) {
    match &state.mode {
        Mode::Filter(text) => (
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
            // While nothing else is said, a daemon that is not running is:
            // how to start it, and that automatic escalation waits for it.
            let idle = !state.status.error && state.status.text == state.t(T::StatusReady);
            match state.intake_hint() {
                Some(hint) if idle => (format!("{filter}{}", state.t(hint)), Theme::error()),
                _ => (format!("{filter}{}", sanitize(&state.status.text)), style),
            }
        }
    }
}

/// The status line wrapped to the width: a sentence is never cut (three
/// lines at most, which every message fits at 80 columns).
fn status_lines(state: &State, width: u16) -> Vec<Line<'static>> {
    let (text, style) = status_text(state);
    wrap(&text, usize::from(width))
        .into_iter()
        .take(3)
        .map(|l| Line::styled(l, style))
        .collect()
}
