//! The shift handover overlay (#11): over the whole screen but its first
//! and status lines, a box titled with this console's name; the outgoing
//! and incoming officers and the note (the focused one marked ▸ and
//! highlighted), the refusal if any, the sheet (Markdown, sanitised,
//! wrapped in cells, scrolled), the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::overlay::{centered, clear};
use super::theme::Theme;
use crate::i18n::T;
use crate::text::{fit, sanitize, width, wrap};
use crate::tui::handover::{Focus, HandoverOverlay};
use crate::tui::state::State;

/// The widest the box grows.
const MOST: u16 = 110;

/// An officer as the fields show them: "冯海燕 (O004) 13558202938".
fn officer(state: &State, id: Option<&str>, choose: T) -> (String, bool) {
    match id {
        Some(id) => {
            let shown = match state.config.officers.get(id) {
                Some(o) => format!(
                    "{}{} {}",
                    sanitize(&o.name),
                    crate::words::paren(state.lang, &sanitize(id)),
                    sanitize(&o.phone)
                ),
                None => sanitize(id),
            };
            (shown, true)
        }
        None => (state.t(choose).to_string(), false),
    }
}

fn field(state: &State, label: T, value: (String, bool), focused: bool, w: usize) -> Line<'static> {
    let mark = if focused { "▸" } else { " " };
    let label = format!(
        "{mark}{}{}",
        state.t(label),
        crate::words::colon(state.lang)
    );
    let rest = w.saturating_sub(width(&label) + 1);
    let style = match (focused, value.1) {
        (true, _) => Theme::selected(),
        (false, true) => ratatui::style::Style::default(),
        (false, false) => Theme::dim(),
    };
    Line::from(vec![
        Span::styled(label, Theme::title()),
        Span::styled(fit(&value.0, rest), style),
    ])
}

/// The end of `text` in at most `cells` cells, "…" in front when cut: the
/// end of a long note stays in view while it is typed.
fn tail(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let cw = width(&c.to_string());
        if used + cw > cells {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}

pub fn render(state: &State, o: &HandoverOverlay, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, area.width.min(MOST), area.height);
    clear(rect, buf);
    let title = format!(
        " {} · {} ",
        state.t(T::HandOverlayTitle),
        sanitize(&state.duty.station)
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Line::styled(title, Theme::title()));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = usize::from(inner.width);
    let note = if o.note.is_empty() && o.focus != Focus::Note {
        (state.t(T::HandNone).to_string(), false)
    } else {
        let cursor = if o.focus == Focus::Note { "▏" } else { "" };
        // The end of a long note stays in view while it is typed.
        let text = format!("{}{cursor}", sanitize(&o.note));
        (tail(&text, w.saturating_sub(14)), true)
    };
    let mut shown = vec![
        field(
            state,
            T::HandFieldFrom,
            officer(state, o.from.as_deref(), T::HandNeedFrom),
            o.focus == Focus::Outgoing,
            w,
        ),
        field(
            state,
            T::HandFieldTo,
            officer(state, o.to.as_deref(), T::HandNeedTo),
            o.focus == Focus::Incoming,
            w,
        ),
        field(state, T::HandFieldNote, note, o.focus == Focus::Note, w),
    ];
    if let Some(e) = &o.error {
        for l in wrap(&sanitize(e), w.saturating_sub(1)) {
            shown.push(Line::styled(format!(" {l}"), Theme::error()));
        }
    }
    shown.push(Line::styled("─".repeat(w), Theme::dim()));
    let footer: Vec<Line> = wrap(state.t(T::HandFooter), w.saturating_sub(1))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), Theme::dim()))
        .collect();
    let room = usize::from(inner.height)
        .saturating_sub(shown.len() + footer.len())
        .max(1);
    let sheet = super::report::lines(&state.handover_shown(o), w.saturating_sub(1));
    let top = usize::from(o.top).min(sheet.len().saturating_sub(room));
    let used = shown.len();
    shown.extend(sheet.into_iter().skip(top).take(room).map(|l| {
        let mut spans = vec![Span::raw(" ")];
        let style = l.style;
        spans.extend(l.spans);
        Line::from(spans).style(style)
    }));
    while shown.len() < used + room {
        shown.push(Line::raw(""));
    }
    shown.extend(footer);
    Paragraph::new(shown).render(inner, buf);
}
