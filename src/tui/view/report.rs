//! The report draft overlay (#10): over the whole screen but its first
//! and status lines, a box titled with the report's kind and its deadline
//! countdown (or when it was sent); the three kinds in a bar (Tab turns);
//! the Markdown draft sanitised and wrapped in cells, scrolled; the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::overlay::{centered, clear};
use super::table::due;
use super::theme::Theme;
use crate::domain::incident::ReportKind;
use crate::i18n::{T, fill};
use crate::text::wrap;
use crate::tui::report::{DraftLine, ReportOverlay, deadline, layout};
use crate::tui::state::State;
use crate::words::incident as iw;

/// The widest the box grows: a draft reads best in lines of this length.
const MOST: u16 = 100;

/// A draft's lines wrapped to `w` cells ([`report::layout`]), a heading
/// and the drill warning standing out.
pub fn lines(text: &str, w: usize) -> Vec<Line<'static>> {
    layout(text, w)
        .into_iter()
        .map(|(line, kind)| {
            let style = match kind {
                DraftLine::Heading => Theme::title(),
                DraftLine::Quote => Theme::drill(),
                DraftLine::Plain => Style::default(),
            };
            Line::styled(line, style)
        })
        .collect()
}

/// "initial report due 11-30 13:05 ● 3:35:00", "… sent 11-30 09:40".
fn title(state: &State, o: &ReportOverlay) -> Vec<Span<'static>> {
    let lang = state.lang;
    let tz = state.config.settings.timezone;
    let hm =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&tz).format("%m-%d %H:%M").to_string();
    let report = iw::report(o.kind).get(lang);
    let mut spans = vec![Span::styled(
        format!(" {} #{} · ", state.t(T::IncUiDraftTitle), o.id),
        Theme::title(),
    )];
    let Some(d) = state.open_incident() else {
        spans.push(Span::styled(format!("{report} "), Theme::title()));
        return spans;
    };
    match deadline(&d.detail, o.kind) {
        (_, Some(sent)) => spans.push(Span::styled(
            format!(
                "{report} · {} ",
                fill(state.t(T::IncUiSentAt), &[("time", &hm(sent))])
            ),
            Theme::title(),
        )),
        (Some(at), None) => {
            let (left, style) = due(state, at);
            spans.push(Span::styled(
                format!(
                    "{} ",
                    fill(
                        state.t(T::IncUiNextReport),
                        &[("report", report), ("time", &hm(at))]
                    )
                ),
                Theme::title(),
            ));
            spans.push(Span::styled(format!("{left} "), style));
        }
        (None, None) => spans.push(Span::styled(
            format!("{report} · {} ", state.t(T::IncUiDraftNoDeadline)),
            Theme::title(),
        )),
    }
    if d.detail.row.drill {
        spans.push(Span::styled(
            format!(" {} ", state.t(T::Drill)),
            Theme::drill(),
        ));
        spans.push(Span::raw(" "));
    }
    spans
}

pub fn render(state: &State, o: &ReportOverlay, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, area.width.min(MOST), area.height);
    clear(rect, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Line::from(title(state, o)));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = usize::from(inner.width);
    // The kinds, the one shown marked.
    let mut bar = Vec::new();
    for k in ReportKind::ALL {
        let style = if k == o.kind {
            Theme::selected()
        } else {
            Theme::dim()
        };
        bar.push(Span::styled(
            format!(" {} ", iw::report(k).get(state.lang)),
            style,
        ));
        bar.push(Span::raw(" "));
    }
    bar.push(Span::styled("Tab", Theme::dim()));
    let footer: Vec<Line> = wrap(state.t(T::IncUiDraftFooter), w.saturating_sub(1))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), Theme::dim()))
        .collect();
    let room = usize::from(inner.height)
        .saturating_sub(1 + footer.len())
        .max(1);
    let mut shown = vec![Line::from(bar)];
    match state.draft(o.kind) {
        Some(text) => {
            let all = lines(&text, w.saturating_sub(1));
            let top = usize::from(o.top).min(all.len().saturating_sub(room));
            shown.extend(all.into_iter().skip(top).take(room).map(|l| {
                let mut spans = vec![Span::raw(" ")];
                let style = l.style;
                spans.extend(l.spans);
                Line::from(spans).style(style)
            }));
        }
        None => shown.push(Line::styled(
            format!(" {}", state.t(T::Loading)),
            Theme::dim(),
        )),
    }
    while shown.len() < 1 + room {
        shown.push(Line::raw(""));
    }
    shown.extend(footer);
    Paragraph::new(shown).render(inner, buf);
}
