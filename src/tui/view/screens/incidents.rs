//! Drawing the Incidents screen (its state is in `screens::incidents`): one
//! row per incident, open ones first: id, level, drill marker, type, grid,
//! status, checklist progress as a gauge, the next due step with its
//! countdown, and the initial report's countdown or when it was sent.
//! Columns are as wide as their widest visible cell; the type takes the rest.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget};

use crate::domain::incident::{IncidentRow, Severity};
use crate::i18n::{T, fill};
use crate::text::{sanitize, width};
use crate::tui::state::State;
use crate::tui::view::table::{due, window};
use crate::tui::view::theme::Theme;
use crate::words::incident as iw;

/// `███░░ 3/5`: steps settled (done or skipped) of all, never colour alone.
pub fn gauge(settled: u32, total: u32) -> (String, Style) {
    const CELLS: u32 = 5;
    let full = (settled * CELLS + total / 2)
        .checked_div(total)
        .unwrap_or(0);
    let bar: String = (0..CELLS)
        .map(|i| if i < full { '█' } else { '░' })
        .collect();
    let style = if total > 0 && settled == total {
        Theme::ok()
    } else {
        Style::default()
    };
    (format!("{bar} {settled}/{total}"), style)
}

/// `I`…`IV`, or `?` while unknown (`?!` when the I/II deadlines apply).
pub fn level_mark(r: &IncidentRow) -> String {
    match &r.severity {
        Severity::Known(l) => l.id().to_string(),
        Severity::Unknown(q) if q.any() => "?!".into(),
        Severity::Unknown(_) => "?".into(),
    }
}

/// The next open step of an open incident: its number, countdown and style.
pub fn next_due(state: &State, r: &IncidentRow) -> Option<(i64, String, Style)> {
    match (r.status.is_open(), r.next_step, r.next_step_due_at) {
        (true, Some(n), Some(at)) => {
            let (left, style) = due(state, at);
            Some((n, left, style))
        }
        _ => None,
    }
}

/// The next open step and its countdown: `3 ▲ 05:00`.
pub fn next_step(state: &State, r: &IncidentRow) -> (String, Style) {
    match next_due(state, r) {
        Some((n, left, style)) => (format!("{n} {left}"), style),
        None => ("—".into(), Theme::dim()),
    }
}

/// The initial report: its countdown, or when it was sent.
pub fn report(state: &State, r: &IncidentRow) -> (String, Style) {
    let tz = state.config.settings.timezone;
    match (r.initial_report_sent_at, r.initial_report_due_at) {
        (Some(at), _) => (
            fill(
                state.t(T::IncUiSent),
                &[("time", &at.with_timezone(&tz).format("%H:%M").to_string())],
            ),
            Theme::ok(),
        ),
        (None, Some(at)) if r.status.is_open() => due(state, at),
        _ => ("—".into(), Theme::dim()),
    }
}

/// Draw the incidents in `body`.
pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let list = &state.incidents;
    let all = &state.data.incidents;
    let title = fill(
        state.t(T::IncUiListTitle),
        &[("n", &list.rows.len().to_string())],
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Line::styled(format!(" {title} "), Theme::title()));
    let inner = block.inner(body);
    block.render(body, buf);
    if list.rows.is_empty() {
        let text = if !state.loaded {
            state.t(T::Loading).to_string()
        } else if !all.is_empty() && !state.filter.is_empty() {
            fill(
                state.t(T::NothingMatches),
                &[("filter", &sanitize(&state.filter))],
            )
        } else {
            state.t(T::IncUiNone).to_string()
        };
        Paragraph::new(Line::styled(text, Theme::dim())).render(inner, buf);
        return;
    }
    let lang = state.lang;
    // Where each incident is: its place, else its grid's name.
    let place = |r: &IncidentRow| -> Option<String> {
        r.place
            .clone()
            .or_else(|| state.config.grids.get(&r.grid).map(|g| g.name.clone()))
            .map(|p| sanitize(&p))
    };
    // Rows are measured first; when the type column cannot hold the type
    // and the place on one line, each row takes two: the place under the type.
    let mut lines = inner.height.saturating_sub(1) as usize;
    let two = inner.width < TWO_LINES_BELOW;
    let per = if two { 2 } else { 1 };
    if list.rows.len() * per > lines {
        lines = lines.saturating_sub(1);
    }
    let range = window(list.selected, list.rows.len(), (lines / per).max(1));
    let below = list.rows.len() - range.end;
    let cells: Vec<[(String, Style); 9]> = range
        .clone()
        .map(|pos| {
            let r = &all[list.rows[pos]];
            let name = sanitize(iw::bilingual(lang, &r.name));
            let plain = |s: String| (s, Style::default());
            let dim = !r.status.is_open();
            let mut row = [
                plain(r.id.to_string()),
                plain(level_mark(r)),
                if r.drill {
                    (state.t(T::Drill).to_string(), Theme::drill())
                } else {
                    plain(String::new())
                },
                // The type, then where: the column takes the room left.
                // (On two lines the place is drawn under the row, across
                // the columns right of the type: see below.)
                plain(match (place(r), two) {
                    (Some(p), false) => format!("{name} · {p}"),
                    _ => name,
                }),
                plain(sanitize(&r.grid)),
                plain(iw::status(r.status).get(lang).to_string()),
                gauge(r.steps_settled, r.steps_total),
                next_step(state, r),
                report(state, r),
            ];
            if dim {
                for c in row.iter_mut().filter(|c| c.1 == Style::default()) {
                    c.1 = Theme::dim();
                }
            }
            row
        })
        .collect();
    let heads = [
        T::ColId,
        T::IncUiColLevel,
        T::IncUiColDrill,
        T::IncUiColType,
        T::ColGrid,
        T::ColStatus,
        T::IncUiColSteps,
        T::IncUiColNext,
        T::IncUiColReport,
    ]
    .map(|t| state.t(t));
    let col = |i: usize| crate::tui::view::columns::fit(&cells, &heads, i);
    let cw: [u16; 9] = std::array::from_fn(|i| match i {
        4 => col(i).min(16),
        _ => col(i),
    });
    let widths: [Constraint; 9] = std::array::from_fn(|i| match i {
        3 => Constraint::Min(8),
        _ => Constraint::Length(cw[i]),
    });
    let rows: Vec<Row> = cells
        .into_iter()
        .zip(range.clone())
        .map(|(cells, pos)| {
            let row =
                Row::new(cells.map(|(t, st)| Cell::from(Span::styled(t, st)))).height(per as u16);
            if pos == list.selected {
                row.style(Theme::selected())
            } else {
                row
            }
        })
        .collect();
    let [table_area, more_area] = if below > 0 {
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner)
    } else {
        [inner, Rect::default()]
    };
    Table::new(rows, widths)
        .header(Row::new(heads.map(Cell::from)).style(Theme::dim()))
        .column_spacing(1)
        .render(table_area, buf);
    if two {
        // The second line of each row: where it is, from the type column
        // to the end of the row (the type and place cut to the room there).
        let x = (0..3).map(|i| cw[i] + 1).sum::<u16>();
        let room = usize::from(table_area.width.saturating_sub(x));
        let others: u16 = (4..9).map(|i| cw[i] + 1).sum();
        let type_w = usize::from(table_area.width.saturating_sub(x + others));
        for (k, pos) in range.clone().enumerate() {
            let r = &all[list.rows[pos]];
            let y = table_area.y + 1 + 2 * k as u16;
            if y + 1 >= table_area.bottom() {
                break;
            }
            let style = if r.status.is_open() {
                Style::default()
            } else {
                Theme::dim()
            };
            let name = sanitize(iw::bilingual(lang, &r.name));
            if width(&name) > type_w {
                let cut = crate::text::fit(&name, type_w);
                buf.set_stringn(table_area.x + x, y, cut, type_w, style);
            }
            if let Some(p) = place(r) {
                let p = crate::text::truncate(&p, room);
                buf.set_stringn(table_area.x + x, y + 1, p, room, style);
            }
        }
    }
    if below > 0 {
        Paragraph::new(Line::styled(
            fill(state.t(T::MoreBelow), &[("n", &below.to_string())]),
            Theme::dim(),
        ))
        .render(more_area, buf);
    }
}

/// Under this many columns the type column is too narrow for the type and
/// the place together: each incident takes two lines, the place under the type.
const TWO_LINES_BELOW: u16 = 120;
