//! The bottom band: the escalation ticker and the arrivals-per-hour sparkline.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline, Widget};

use super::theme::Theme;
use crate::i18n::{T, fill};
use crate::text::{fit, width};
use crate::tui::alerts;
use crate::tui::state::State;
use crate::words;

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
    // The stage column as wide as its widest name on screen.
    let stage_w = state
        .data
        .escalations
        .iter()
        .take(inner.height as usize)
        .map(|e| width(&alerts::stage_name(state.lang, &e.stage)))
        .max()
        .unwrap_or(0)
        .min(20);
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
            let who = match e.target.as_deref() {
                Some(t) => words::trail::officer(&state.config, t),
                None => state.t(T::TrailNobody).to_string(),
            };
            Line::from(vec![
                Span::raw(format!("{} ", e.at.with_timezone(&tz).format("%H:%M"))),
                Span::styled(
                    fit(&alerts::stage_name(state.lang, &e.stage), stage_w),
                    style,
                ),
                Span::raw(format!(" #{} → {who}  ", e.complaint_id)),
                Span::styled(alerts::ticker(e, state.lang, &tz), Theme::dim()),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
    if spark_w > 0 {
        arrivals(state, spark, buf);
    }
}

/// Arrivals per hour over the last 24 hours: bars with the scale in the
/// title and the hours along the bottom (24 h ago … now).
fn arrivals(state: &State, area: Rect, buf: &mut Buffer) {
    let data = &state.data.arrivals_per_hour;
    let max = data.iter().copied().max().unwrap_or(0);
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(Line::styled(
            format!(
                " {} ",
                fill(state.t(T::ArrivalsPerHour), &[("max", &max.to_string())])
            ),
            Theme::title(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let [bars, axis] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    Sparkline::default()
        .data(data)
        .max(max.max(1))
        .style(Theme::ok())
        .render(bars, buf);
    let from = fill(state.t(T::HoursAgo), &[("n", &data.len().to_string())]);
    let now = state.t(T::Now);
    let gap = usize::from(axis.width).saturating_sub(width(&from) + width(now));
    Paragraph::new(Line::styled(
        format!("{from}{}{now}", " ".repeat(gap)),
        Theme::dim(),
    ))
    .render(axis, buf);
}
