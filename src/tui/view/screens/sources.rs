//! Drawing the Sources screen (its state is in `screens::sources`): the
//! pollution sources most overdue first — level, grid, interval, last
//! inspection, due date, and the days overdue (`!`, red) or left (`~`,
//! yellow within 7 days) — the selected source's census under the table,
//! and a panel of overdue counts per township and of the linked leaders'
//! duties: beside the table on a wide screen, below it at 80 columns.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget};

use crate::board::sources::SourceRow;
use crate::i18n::{T, fill};
use crate::text::{fit, sanitize};
use crate::tui::screens::sources::rows;
use crate::tui::state::State;
use crate::tui::view::table::window;
use crate::tui::view::theme::Theme;
use crate::words::patrol as w;

/// From this width the panel stands beside the table.
const SIDE_FROM: u16 = 120;
const SIDE_WIDTH: u16 = 46;
/// The widest the sources table needs to be on a wide screen.
const TABLE_WIDTH: u16 = 100;

pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let board = &state.boards.sources;
    let list = rows(board, &state.filter);
    let overdue = list.iter().filter(|s| s.overdue()).count();
    let soon = list.iter().filter(|s| s.due_soon()).count();
    let title = fill(
        state.t(T::SrcUiSummary),
        &[
            ("n", &list.len().to_string()),
            ("overdue", &overdue.to_string()),
            ("soon", &soon.to_string()),
        ],
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Line::styled(format!(" {title} "), Theme::title()));
    let inner = block.inner(body);
    block.render(body, buf);
    if list.is_empty() {
        let text = if !state.loaded {
            state.t(T::Loading).to_string()
        } else if !state.filter.is_empty() {
            fill(
                state.t(T::NothingMatches),
                &[("filter", &sanitize(&state.filter))],
            )
        } else {
            state.t(T::SrcUiEmpty).to_string()
        };
        Paragraph::new(Line::styled(text, Theme::dim())).render(inner, buf);
        return;
    }
    let (main, panel) = if inner.width >= SIDE_FROM {
        // The table needs about 100 cells; the panel takes the rest.
        let side = inner.width.saturating_sub(TABLE_WIDTH).max(SIDE_WIDTH);
        let [m, p] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(side)]).areas(inner);
        (m, p)
    } else {
        let panel_h = (inner.height / 3).clamp(4, 8);
        let [m, p] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(panel_h)]).areas(inner);
        (m, p)
    };
    let detail_h = if main.height >= 12 { 2 } else { 0 };
    let [table_area, detail_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(detail_h)]).areas(main);
    let selected = state.sources.selected.min(list.len() - 1);
    table(state, &list, selected, table_area, buf);
    if detail_h > 0 {
        detail(state, list[selected], detail_area, buf);
    }
    side(state, panel, inner.width >= SIDE_FROM, buf);
}

/// The status cell: `! +17d` red, `~ 3d` yellow, `45d` plain, `! never`.
fn status(state: &State, s: &SourceRow) -> (String, Style) {
    let n = |t: T, v: i64| fill(state.t(t), &[("n", &v.to_string())]);
    if s.never() {
        (format!("! {}", state.t(T::SrcUiNever)), Theme::breached())
    } else if s.overdue_days > 0 {
        (n(T::SrcUiOverdue, s.overdue_days), Theme::breached())
    } else if s.days_left == 0 {
        (state.t(T::SrcUiToday).to_string(), Theme::soon())
    } else if s.due_soon() {
        (n(T::SrcUiSoon, s.days_left), Theme::soon())
    } else {
        (n(T::SrcUiOk, s.days_left), Style::default())
    }
}

fn table(state: &State, list: &[&SourceRow], selected: usize, area: Rect, buf: &mut Buffer) {
    let tz = state.config.settings.timezone;
    let lines = area.height.saturating_sub(1) as usize;
    let range = window(selected, list.len(), lines.max(1));
    let plain = |s: String| (s, Style::default());
    let cells: Vec<[(String, Style); 8]> = range
        .clone()
        .map(|i| {
            let s = list[i];
            let every = if s.interval_days < s.base_days {
                format!("{}*", s.interval_days)
            } else {
                s.interval_days.to_string()
            };
            [
                plain(sanitize(&s.id)),
                plain(sanitize(&s.name)),
                plain(w::level(s.control_level).get(state.lang).to_string()),
                plain(sanitize(&s.grid)),
                plain(every),
                plain(s.last_inspected_at.map_or_else(
                    || "—".into(),
                    |t| t.with_timezone(&tz).format("%m-%d").to_string(),
                )),
                plain(
                    s.due_on
                        .map_or_else(|| "—".into(), |d| d.format("%m-%d").to_string()),
                ),
                status(state, s),
            ]
        })
        .collect();
    let heads = [
        T::SrcUiColSource,
        T::SrcUiColName,
        T::SrcUiColLevel,
        T::SrcUiColGrid,
        T::SrcUiColEvery,
        T::SrcUiColLast,
        T::SrcUiColDue,
        T::ColStatus,
    ]
    .map(|t| state.t(t));
    let col = |i: usize| crate::tui::view::columns::fit(&cells, &heads, i);
    let widths: [Constraint; 8] = std::array::from_fn(|i| match i {
        1 => Constraint::Min(8),
        _ => Constraint::Length(col(i)),
    });
    let rows: Vec<Row> = cells
        .into_iter()
        .zip(range)
        .map(|(cells, i)| {
            let row = Row::new(cells.map(|(t, st)| Cell::from(Span::styled(t, st))));
            if i == selected {
                row.style(Theme::selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(heads.map(|h| Cell::from(Span::styled(h, Theme::dim()))));
    Widget::render(
        Table::new(rows, widths).header(header).column_spacing(1),
        area,
        buf,
    );
}

/// The selected source's census on two lines.
fn detail(state: &State, s: &SourceRow, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let c = &s.census;
    let unknown = state.t(T::SrcUnknown);
    let list = |v: &[String]| {
        if v.is_empty() {
            unknown.to_string()
        } else {
            v.join(if lang == crate::i18n::Lang::Zh {
                "、"
            } else {
                ", "
            })
        }
    };
    let one = fill(
        state.t(T::SrcUiCensus),
        &[
            ("industry", c.industry.as_deref().unwrap_or(unknown)),
            ("eia", w::eia(c.eia).get(lang)),
            ("three", w::three(c.three_simultaneities).get(lang)),
            ("permit", &w::permit(lang, c.permit.as_ref())),
        ],
    );
    let two = fill(
        state.t(T::SrcUiPollutants),
        &[
            ("pollutants", &list(&c.pollutants)),
            ("to", c.discharge_to.as_deref().unwrap_or(unknown)),
            ("receptors", &list(&c.receptors)),
        ],
    );
    let cells = area.width as usize;
    let gap = c.gaps() > 0;
    let lines = vec![
        Line::styled(
            fit(
                &sanitize(&format!("{} {}", if gap { "!" } else { "·" }, one)),
                cells,
            ),
            if gap { Theme::soon() } else { Theme::dim() },
        ),
        Line::styled(fit(&sanitize(&format!("  {two}")), cells), Theme::dim()),
    ];
    Paragraph::new(lines).render(area, buf);
}

/// Overdue per township, then the leaders' duties.
fn side(state: &State, area: Rect, beside: bool, buf: &mut Buffer) {
    let board = &state.boards.sources;
    let borders = if beside { Borders::LEFT } else { Borders::TOP };
    let (left, right) = if beside {
        let t = (board.grids.len() as u16 + 1).min(area.height / 2);
        let [a, b] = Layout::vertical([Constraint::Length(t), Constraint::Min(0)]).areas(area);
        (a, b)
    } else {
        let [a, b] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(area);
        (a, b)
    };
    let count = |n: usize, t: T, st: Style| -> Span<'static> {
        if n == 0 {
            Span::styled(format!("{:>4}", "·"), Theme::dim())
        } else {
            Span::styled(
                format!("{:>4}", fill(state.t(t), &[("n", &n.to_string())])),
                st,
            )
        }
    };
    let block = Block::new().borders(borders).title(Line::styled(
        format!(" {} ", state.t(T::SrcUiTownships)),
        Theme::title(),
    ));
    let inner = block.inner(left);
    block.render(left, buf);
    let name_cells = (inner.width as usize).saturating_sub(10);
    let lines: Vec<Line> = board
        .grids
        .iter()
        .map(|g| {
            Line::from(vec![
                Span::raw(fit(
                    &sanitize(&format!("{} {}", g.grid, g.name)),
                    name_cells,
                )),
                count(g.overdue, T::SrcUiOverdueShort, Theme::breached()),
                count(g.due_soon, T::SrcUiSoonShort, Theme::soon()),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);

    let list = rows(board, &state.filter);
    let selected = list.get(state.sources.selected.min(list.len().saturating_sub(1)));
    super::sources_leaders::render(state, right, selected.copied(), buf);
}
