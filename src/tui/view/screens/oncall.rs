//! Drawing the On-call screen (its state is in `screens::oncall`): the shift
//! running and when it ends, a refused roster.toml, the gaps of the coming
//! 7 days, then one row per grid in tree order — who holds it now (primary,
//! backup, leader) and the next shift's primary, names and phones, with a
//! swap marker; a grid with nobody on call in red with ✖. Columns are
//! dropped from the least needed when the terminal is narrow; the panel
//! under the table (`oncall_detail`) shows the selected grid in full.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget};

use crate::board::oncall::OnCallRow;
use crate::i18n::{T, count, fill};
use crate::text::{fit, sanitize, width};
use crate::tui::screens::Screen;
use crate::tui::state::State;
use crate::tui::view::columns::grow;
use crate::tui::view::table::window;
use crate::tui::view::theme::Theme;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Grid,
    Name,
    Primary,
    Backup,
    Leader,
    Next,
    Note,
}

/// Columns in display order with their widths; the note takes the rest.
const DISPLAY: [Col; 7] = [
    Col::Grid,
    Col::Name,
    Col::Primary,
    Col::Backup,
    Col::Leader,
    Col::Next,
    Col::Note,
];
/// Which columns go first when there is no room for all.
const PRIORITY: [Col; 7] = [
    Col::Grid,
    Col::Primary,
    Col::Next,
    Col::Note,
    Col::Leader,
    Col::Backup,
    Col::Name,
];
const PERSON_W: u16 = 18;
const NOTE_MIN: u16 = 14;

fn col_width(c: Col) -> u16 {
    match c {
        Col::Grid => 14,
        Col::Name => 16,
        Col::Note => NOTE_MIN,
        _ => PERSON_W,
    }
}

/// The columns that fit in `w` cells (one space between them).
fn columns(w: u16) -> Vec<Col> {
    let mut taken = Vec::new();
    let mut used = 0u16;
    for c in PRIORITY {
        let need = col_width(c) + u16::from(!taken.is_empty());
        if used + need <= w {
            used += need;
            taken.push(c);
        }
    }
    DISPLAY.into_iter().filter(|c| taken.contains(c)).collect()
}

pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let block = Block::default().borders(Borders::TOP).title(Line::styled(
        format!(" {} ", state.t(Screen::OnCall.title())),
        Theme::title(),
    ));
    let inner = block.inner(body);
    block.render(body, buf);
    let board = &state.boards.oncall;
    if board.at.is_none() {
        Paragraph::new(Line::styled(state.t(T::OnCallLoading), Theme::dim())).render(inner, buf);
        return;
    }
    let head = head_lines(state);
    let head_h = (head.len() as u16).min(inner.height);
    Paragraph::new(head).render(
        Rect {
            height: head_h,
            ..inner
        },
        buf,
    );
    let area = Rect {
        y: inner.y + head_h,
        height: inner.height.saturating_sub(head_h),
        ..inner
    };
    // The selected grid in full under the table, when the table keeps a
    // few rows.
    let selected = state
        .oncall
        .selected
        .min(board.rows.len().saturating_sub(1));
    let detail = board
        .rows
        .get(selected)
        .map(|r| (r, super::oncall_detail::height(state, r)));
    match detail {
        Some((row, h)) if area.height >= h + TABLE_MIN => {
            let table_area = Rect {
                height: area.height - h,
                ..area
            };
            let detail_area = Rect {
                y: area.y + area.height - h,
                height: h,
                ..area
            };
            table(state, table_area, buf);
            super::oncall_detail::render(state, row, detail_area, buf);
        }
        _ => table(state, area, buf),
    }
}

/// The fewest table lines (its header included) the detail panel leaves.
const TABLE_MIN: u16 = 5;

/// The shift line, a refused roster.toml, the gaps of the coming 7 days.
fn head_lines(state: &State) -> Vec<Line<'static>> {
    let board = &state.boards.oncall;
    let lang = state.lang;
    let mut lines = vec![Line::styled(
        crate::words::oncall::shift_line(lang, board),
        Theme::title(),
    )];
    if let Some(why) = state.config.roster_refused.current().as_ref() {
        lines.push(Line::styled(
            format!(
                "⚠ {}",
                fill(state.t(T::OnCallRefused), &[("why", &sanitize(why))])
            ),
            Theme::error(),
        ));
    }
    match board.gaps.first() {
        None => lines.push(Line::styled(
            format!("✔ {}", state.t(T::OnCallNoGaps)),
            Theme::dim(),
        )),
        Some(first) => lines.push(Line::styled(
            format!(
                "✖ {} · {}",
                count(T::OnCallGapCount, lang, board.gaps.len() as i64),
                crate::words::oncall::gap(lang, &state.config, first)
            ),
            Theme::breached(),
        )),
    }
    lines
}

/// Name and phone of an officer, or the id when unknown.
fn person(state: &State, id: Option<&str>) -> String {
    match id {
        Some(i) => match state.config.officers.get(i) {
            Some(o) => format!("{} {}", sanitize(&o.name), sanitize(&o.phone)),
            None => sanitize(i),
        },
        None => "-".into(),
    }
}

fn cell(state: &State, r: &OnCallRow, c: Col, w: u16) -> String {
    fit(&cell_text(state, r, c), usize::from(w))
}

/// A cell's text, uncut.
fn cell_text(state: &State, r: &OnCallRow, c: Col) -> String {
    let now = r.now.as_ref();
    match c {
        Col::Grid => format!(
            "{}{}",
            " ".repeat(usize::from(r.level.saturating_sub(1))),
            sanitize(&r.grid)
        ),
        Col::Name => sanitize(&r.name),
        Col::Primary => person(state, now.map(|o| o.primary.as_str())),
        Col::Backup => person(state, now.and_then(|o| o.backup.as_deref())),
        Col::Leader => person(state, now.and_then(|o| o.leader.as_deref())),
        Col::Next => match &r.next {
            Some(n) => person(state, Some(&n.primary)),
            None => state.t(T::OnCallNobodyNext).to_string(),
        },
        Col::Note => {
            let note = crate::words::oncall::note(state.lang, &r.grid, now);
            let gaps = state.boards.oncall.gaps_of(&r.grid).count() as i64;
            if now.is_some() && gaps > 0 {
                let g = format!("✖ {}", count(T::OnCallGapCount, state.lang, gaps));
                if note.is_empty() {
                    g
                } else {
                    format!("{g} · {note}")
                }
            } else {
                note
            }
        }
    }
}

/// The columns' widths in `cells`: each its own, then the spare cells to
/// the grid's name, the people and the note up to the longest of each (over
/// every grid, not those in view); the note takes what is left.
fn widths(state: &State, cols: &[Col], cells: u16) -> Vec<u16> {
    let rows = &state.boards.oncall.rows;
    let need = |c: Col| {
        let longest = rows
            .iter()
            .map(|r| width(&cell_text(state, r, c)))
            .max()
            .unwrap_or(0);
        u16::try_from(longest).unwrap_or(u16::MAX).max(col_width(c))
    };
    let mut w: Vec<u16> = cols.iter().map(|c| col_width(*c)).collect();
    let needs: Vec<u16> = cols.iter().map(|c| need(*c)).collect();
    // One space between columns.
    let used: u16 = w.iter().sum::<u16>() + (w.len() as u16).saturating_sub(1);
    let order: Vec<usize> = [
        Col::Name,
        Col::Grid,
        Col::Primary,
        Col::Next,
        Col::Leader,
        Col::Backup,
        Col::Note,
    ]
    .iter()
    .filter_map(|c| cols.iter().position(|x| x == c))
    .collect();
    let left = grow(&mut w, &needs, &order, cells.saturating_sub(used));
    if let Some(i) = cols.iter().position(|c| *c == Col::Note) {
        w[i] += left;
    }
    w
}

fn table(state: &State, area: Rect, buf: &mut Buffer) {
    let board = &state.boards.oncall;
    let cols = columns(area.width);
    let widths = widths(state, &cols, area.width);
    let w = |c: Col| cols.iter().position(|x| *x == c).map_or(0, |i| widths[i]);
    let height = usize::from(area.height.saturating_sub(1));
    let selected = state
        .oncall
        .selected
        .min(board.rows.len().saturating_sub(1));
    let rows: Vec<Row> = board.rows[window(selected, board.rows.len(), height)]
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let at = window(selected, board.rows.len(), height).start + i;
            let nobody = r.has_nobody() || board.gaps_of(&r.grid).next().is_some();
            let style = match (at == selected, nobody) {
                (true, true) => Theme::breached().patch(Theme::selected()),
                (true, false) => Theme::selected(),
                (false, true) => Theme::breached(),
                (false, false) => Style::default(),
            };
            Row::new(cols.iter().map(|c| Cell::from(cell(state, r, *c, w(*c))))).style(style)
        })
        .collect();
    let header = Row::new(cols.iter().map(|c| {
        Cell::from(state.t(match c {
            Col::Grid => T::ColGrid,
            Col::Name => T::OnCallHdrName,
            Col::Primary => T::OnCallHdrPrimary,
            Col::Backup => T::OnCallHdrBackup,
            Col::Leader => T::OnCallHdrLeader,
            Col::Next => T::OnCallHdrNext,
            Col::Note => T::OnCallHdrNote,
        }))
    }))
    .style(Theme::dim());
    let widths: Vec<Constraint> = cols.iter().map(|c| Constraint::Length(w(*c))).collect();
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(area, buf);
}
