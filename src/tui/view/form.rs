//! An action form over the screen: its fields (a picker's values in words,
//! with who or what they name), the focused picker's choices, a new
//! complaint's deadline and grid before saving, the error and the keys.
//!
//! Nothing is cut: a value longer than its column wraps under it, so a
//! sentence ("…, working day, 30 min") is read to its end at 80 columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::overlay::{centered, clear};
use super::theme::Theme;
use crate::i18n::T;
use crate::text::{fit, sanitize, wrap};
use crate::tui::form::Form;
use crate::tui::state::State;

/// The widest a form is drawn, in cells.
const WIDTH: u16 = 78;
/// Marker and label: the values start after this many cells.
const LABEL: usize = 22;
/// How many choices of the focused picker are listed at once.
const LISTED: usize = 5;

/// `head` then `text` wrapped to `cells`, continued under the text.
fn labelled(head: Span<'static>, text: &str, style: Style, cells: usize) -> Vec<Line<'static>> {
    wrap(text, cells)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 {
                head.clone()
            } else {
                Span::raw(" ".repeat(LABEL))
            };
            Line::from(vec![lead, Span::styled(part, style)])
        })
        .collect()
}

pub fn render(state: &State, form: &Form, area: Rect, buf: &mut Buffer) {
    let w = WIDTH.min(area.width);
    let value_cells = (w as usize).saturating_sub(2 + LABEL).max(8);
    let (config, lang) = (&state.config, state.lang);
    let mut lines: Vec<Line> = Vec::new();
    // A swap's picker marks who holds the role now (`· now`).
    let holder = form.swap_holder(&state.boards.oncall);
    let holds = |f: &crate::tui::form::Field, id: &str| {
        f.label == T::OnCallFieldTo && holder.as_deref() == Some(id)
    };
    let now_tag = format!(" · {}", state.t(T::OnCallHoldsNow));
    for (i, f) in form.fields.iter().enumerate() {
        let focus = i == form.focus;
        let marker = if focus { "▶ " } else { "  " };
        let head = Span::styled(
            format!("{marker}{}", fit(state.t(f.label), LABEL - 2)),
            if focus { Theme::title() } else { Theme::dim() },
        );
        let mut value = sanitize(&form.shown(i, config, lang));
        if holds(f, f.value.trim()) {
            value.push_str(&now_tag);
        }
        if focus {
            value.push('▏');
        }
        lines.extend(labelled(head, &value, Style::default(), value_cells));
        if focus && f.choices.len() > 1 {
            let marked = holder.as_deref().filter(|_| f.label == T::OnCallFieldTo);
            lines.extend(choices(state, f, value_cells, marked, &now_tag));
        }
    }
    let previews = [
        (
            T::FieldDeadline,
            form.preview(config, state.lang, state.now),
        ),
        (T::PreviewGrid, form.grid_preview(config, lang)),
    ];
    for (label, text) in previews {
        if let Some(text) = text {
            let head = Span::styled(
                format!("  {}", fit(state.t(label), LABEL - 2)),
                Theme::dim(),
            );
            lines.extend(labelled(head, &sanitize(&text), Theme::soon(), value_cells));
        }
    }
    let inner = (w as usize).saturating_sub(4);
    if let Some(note) = form.merge_note(config, lang) {
        for part in wrap(&note, inner) {
            lines.push(Line::styled(format!("  {part}"), Theme::dim()));
        }
    }
    if let Some(e) = &form.error {
        for part in wrap(&sanitize(e), inner) {
            lines.push(Line::styled(format!("  {part}"), Theme::error()));
        }
    }
    lines.push(Line::raw(""));
    for part in wrap(state.t(T::FormHint), inner) {
        lines.push(Line::styled(format!("  {part}"), Theme::dim()));
    }
    let rect = centered(area, w, lines.len() as u16 + 2);
    clear(rect, buf);
    let subject = sanitize(&form.subject);
    // No space before a full-width bracket (“启动突发事件（来自举报 #9，…）”).
    let gap = if subject.is_empty() || subject.starts_with('（') {
        ""
    } else {
        " "
    };
    let title = format!(" {}{gap}{subject} ", state.t(form.title()));
    Paragraph::new(lines)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .title(Line::styled(title, Theme::title())),
        )
        .render(rect, buf);
}

/// The focused picker's choices around the current one, and where it is.
/// `tag` follows the `marked` choice (who holds a role now).
fn choices(
    state: &State,
    f: &crate::tui::form::Field,
    cells: usize,
    marked: Option<&str>,
    tag: &str,
) -> Vec<Line<'static>> {
    let n = f.choices.len();
    let cur = f.current();
    let first = cur
        .map(|c| c.saturating_sub(LISTED / 2).min(n.saturating_sub(LISTED)))
        .unwrap_or(0);
    let mut out = Vec::new();
    for (j, c) in f.choices.iter().enumerate().skip(first).take(LISTED) {
        let here = Some(j) == cur;
        let (mark, style) = if here {
            ("› ", Theme::selected())
        } else {
            ("  ", Theme::dim())
        };
        let tag = if marked == Some(c.id.as_str()) {
            tag
        } else {
            ""
        };
        let text = format!("{mark}{}{tag}", sanitize(&c.shown(state.lang)));
        out.extend(labelled(Span::raw(" ".repeat(LABEL)), &text, style, cells));
    }
    let at = cur.map_or("-".to_string(), |c| (c + 1).to_string());
    out.push(Line::from(vec![
        Span::raw(" ".repeat(LABEL)),
        Span::styled(format!("  ↑↓ {at}/{n}"), Theme::dim()),
    ]));
    out
}
