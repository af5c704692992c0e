//! The bottom band: the escalation ticker and the arrivals-per-hour sparkline.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline, Widget};

use super::theme::Theme;
use crate::i18n::T;
use crate::text::sanitize;
use crate::tui::alerts;
use crate::tui::state::State;

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let spark_w = if area.width >= 100 { 30 } else { 0 };
    let [ticker, spark] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(spark_w)]).areas(area);
    let block = Block::new().borders(Borders::TOP).title(Line::styled(
        format!(" {} ", state.t(T::Escalations)),
        Theme::title(),
    ));
    let inner = block.inner(ticker);
    block.render(ticker, buf);
    let tz = state.config.settings.timezone;
    let lines: Vec<Line> = state
        .data
        .escalations
        .iter()
        .take(inner.height as usize)
        .map(|e| {
            let style = match e.stage.as_str() {
                "warn" => Theme::soon(),
                "manual" => Theme::title(),
                _ => Theme::breached(),
            };
            let who = e
                .target
                .as_deref()
                .and_then(|t| state.config.officers.get(t))
                .map(|o| sanitize(&o.name))
                .unwrap_or_else(|| "-".into());
            Line::from(vec![
                Span::raw(format!("{} ", e.at.with_timezone(&tz).format("%H:%M"))),
                Span::styled(alerts::stage_name(state.lang, &e.stage), style),
                Span::raw(format!(" #{} → {who}  ", e.complaint_id)),
                Span::styled(alerts::ticker(e, state.lang, &tz), Theme::dim()),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
    if spark_w > 0 {
        let block = Block::new()
            .borders(Borders::TOP | Borders::LEFT)
            .title(Line::styled(
                format!(" {} ", state.t(T::ArrivalsPerHour)),
                Theme::title(),
            ));
        let inner = block.inner(spark);
        block.render(spark, buf);
        Sparkline::default()
            .data(&state.data.arrivals_per_hour)
            .style(Theme::ok())
            .render(inner, buf);
    }
}
