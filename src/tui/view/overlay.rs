//! What is drawn over the main screen: the complaint detail,
//! the help (generated from the keymap), action forms and the quit prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::table::left;
use super::theme::Theme;
use crate::i18n::T;
use crate::text::{fit, mask_phone, sanitize};
use crate::tui::form::Form;
use crate::tui::keymap::BINDINGS;
use crate::tui::state::State;

/// Clear `r` and the column to its left: a double-width character under the
/// popup's left edge would otherwise spill over the border.
fn clear(r: Rect, buf: &mut Buffer) {
    let wider = Rect {
        x: r.x.saturating_sub(1),
        width: r.width + u16::from(r.x > 0),
        ..r
    };
    Clear.render(wider.intersection(buf.area), buf);
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}

pub fn detail(state: &State, body: Rect, buf: &mut Buffer) {
    let Some(c) = state.selected_complaint() else {
        return;
    };
    let w = if body.width >= 100 {
        body.width / 2
    } else {
        body.width
    };
    let area = Rect {
        x: body.x + body.width - w,
        y: body.y,
        width: w,
        height: body.height,
    };
    clear(area, buf);
    let block = Block::new().borders(Borders::ALL).title(Line::styled(
        format!(" {} #{} ", state.t(T::Detail), c.id),
        Theme::title(),
    ));
    let tz = state.config.settings.timezone;
    let (left_text, left_style) = left(state, c);
    let kv = |k: T, v: String| {
        Line::from(vec![
            Span::styled(format!("{} ", fit(state.t(k), 12)), Theme::dim()),
            Span::raw(sanitize(&v)),
        ])
    };
    let grid = c
        .grid
        .as_deref()
        .map(|g| {
            format!(
                "{g} {} ({})",
                state
                    .config
                    .grids
                    .get(g)
                    .map(|x| x.name.as_str())
                    .unwrap_or(""),
                c.grid_source
            )
        })
        .unwrap_or_else(|| format!("{} ({})", state.t(T::Unassigned), c.grid_source));
    let enterprise = c
        .enterprise
        .as_deref()
        .map(|e| {
            format!(
                "{e} {}",
                state
                    .config
                    .enterprises
                    .get(e)
                    .map(|x| x.name.as_str())
                    .unwrap_or("")
            )
        })
        .unwrap_or_else(|| "-".into());
    let reporter = if c.reporter_anonymous {
        "anonymous".to_string()
    } else {
        format!(
            "{} {}",
            c.reporter_name.as_deref().unwrap_or("-"),
            c.reporter_phone
                .as_deref()
                .map(mask_phone)
                .unwrap_or_default()
        )
    };
    let location = match (&c.address, c.lat, c.lon) {
        (Some(a), Some(la), Some(lo)) => format!("{a} ({la:.5}, {lo:.5})"),
        (Some(a), _, _) => a.clone(),
        (None, Some(la), Some(lo)) => format!("{la:.5}, {lo:.5}"),
        _ => "-".into(),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::raw(format!(
                "{} · {} · {} ",
                c.status.as_str(),
                c.source.as_str(),
                sanitize(&c.external_ref)
            )),
            Span::styled(left_text, left_style),
        ]),
        kv(
            T::FieldDeadline,
            format!(
                "{} ← {}",
                c.deadline_at.with_timezone(&tz).format("%m-%d %H:%M"),
                c.received_at.with_timezone(&tz).format("%m-%d %H:%M")
            ),
        ),
        kv(T::Reason, c.regime_reason.clone()),
        kv(T::ColGrid, grid),
        kv(
            T::ColCategory,
            c.categories
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        kv(T::Enterprise, enterprise),
        kv(T::Location, location),
        kv(T::Reporter, reporter),
        kv(
            T::Repeats,
            match (c.repeat_of, c.repeat_count) {
                (Some(of), _) => format!("#{of}"),
                (None, 0) => "-".into(),
                (None, n) => format!("{n} later complaint(s) repeat this one"),
            },
        ),
        kv(T::Description, c.description.clone()),
        Line::styled(state.t(T::Trail), Theme::title()),
    ];
    if let Some(d) = &c.dispatched_to {
        lines.push(Line::raw(format!("  dispatched → {}", sanitize(d))));
    }
    if let (Some(at), Some(by)) = (c.arrived_at, &c.arrived_by) {
        lines.push(Line::raw(format!(
            "  arrived {} by {}",
            at.with_timezone(&tz).format("%H:%M"),
            sanitize(by)
        )));
    }
    for e in state
        .data
        .escalations
        .iter()
        .filter(|e| e.complaint_id == c.id)
        .rev()
    {
        lines.push(Line::raw(format!(
            "  {} {} → {}",
            e.at.with_timezone(&tz).format("%H:%M"),
            e.stage,
            e.target.as_deref().unwrap_or("-")
        )));
    }
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

pub fn help(state: &State, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, 60, BINDINGS.len() as u16 + 4);
    clear(rect, buf);
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("  {:<8}", b.label()), Theme::title()),
                Span::raw(state.t(b.help)),
            ])
        })
        .collect();
    lines.push(Line::styled(
        format!("  {}", state.t(T::HelpFooter)),
        Theme::dim(),
    ));
    Paragraph::new(lines)
        .block(Block::new().borders(Borders::ALL).title(Line::styled(
            format!(" {} ", state.t(T::Help)),
            Theme::title(),
        )))
        .render(rect, buf);
}

pub fn form(state: &State, form: &Form, area: Rect, buf: &mut Buffer) {
    let preview = form.preview(&state.config, state.now);
    let h = form.fields.len() as u16
        + 5
        + u16::from(preview.is_some())
        + u16::from(form.error.is_some());
    let rect = centered(area, 72, h);
    clear(rect, buf);
    let mut lines = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        let focus = i == form.focus;
        let mut value = sanitize(&f.value);
        if f.label == T::FieldOfficer || f.label == T::FieldTarget {
            if let Some(o) = state.config.officers.get(f.value.trim()) {
                value.push_str(&format!("  {} {}", sanitize(&o.name), o.phone));
            }
        }
        let marker = if focus { "▶ " } else { "  " };
        let choices = if f.choices.len() > 1 && focus {
            "  ↑↓"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{marker}{}", fit(state.t(f.label), 20)),
                if focus { Theme::title() } else { Theme::dim() },
            ),
            Span::raw(value),
            Span::styled(if focus { "▏" } else { "" }, Theme::title()),
            Span::styled(choices, Theme::dim()),
        ]));
    }
    if let Some(p) = preview {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}", fit(state.t(T::FieldDeadline), 20)),
                Theme::dim(),
            ),
            Span::styled(p, Theme::soon()),
        ]));
    }
    if let Some(e) = &form.error {
        lines.push(Line::styled(format!("  {}", sanitize(e)), Theme::error()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("  {}", state.t(T::FormHint)),
        Theme::dim(),
    ));
    let title = format!(" {} {} ", state.t(form.title()), sanitize(&form.subject));
    Paragraph::new(lines)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .title(Line::styled(title, Theme::title())),
        )
        .render(rect, buf);
}

pub fn confirm(state: &State, area: Rect, buf: &mut Buffer) {
    let text = state.t(T::QuitConfirm);
    let rect = centered(area, crate::text::width(text) as u16 + 4, 3);
    clear(rect, buf);
    Paragraph::new(Line::styled(text, Theme::soon()))
        .block(Block::new().borders(Borders::ALL))
        .render(rect, buf);
}
