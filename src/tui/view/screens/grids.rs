//! Drawing the Grids screen (#11): the grid tree (indented by depth) with
//! class, staff against the plan (a symbol and a colour for a shortfall),
//! the figures per grid (sub-grids included), and as the width allows the
//! responsible people by name; below, the selected grid's people with
//! their phones and the legend. Columns are dropped, not squeezed, on a
//! narrow terminal; widths are in cells (CJK names are two a character).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget};

use crate::board::grids::{GridRow, Person};
use crate::i18n::{Lang, T, fill};
use crate::text::{sanitize, truncate, width};
use crate::tui::screens::Screen;
use crate::tui::state::State;
use crate::tui::view::columns::grow;
use crate::tui::view::theme::Theme;
use crate::words::grids as w;

/// The columns shown, narrowest terminal first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Grid,
    Class,
    First,
    Main,
    Specific,
    Leader,
    Staff,
    Short,
    Open,
    Breached,
    Patrols,
    Incidents,
}

impl Col {
    fn header(self) -> T {
        match self {
            Col::Grid => T::GridHdrGrid,
            Col::Class => T::GridHdrClass,
            Col::First => T::GridHdrFirst,
            Col::Main => T::GridHdrMain,
            Col::Specific => T::GridHdrSpecific,
            Col::Leader => T::GridHdrLeader,
            Col::Staff => T::GridHdrStaff,
            Col::Short => T::GridHdrShort,
            Col::Open => T::GridHdrOpen,
            Col::Breached => T::GridHdrBreached,
            Col::Patrols => T::GridHdrPatrols,
            Col::Incidents => T::GridHdrIncidents,
        }
    }

    /// Cells wide (the grid column takes what is left).
    fn width(self) -> u16 {
        match self {
            Col::Grid => 0,
            Col::Class => 2,
            Col::First | Col::Main | Col::Leader => 10,
            Col::Specific => 22,
            Col::Staff => 10,
            Col::Short => 10,
            Col::Open | Col::Breached | Col::Patrols | Col::Incidents => 4,
        }
    }
}

const FIGURES: [Col; 4] = [Col::Open, Col::Breached, Col::Patrols, Col::Incidents];

/// The columns for a body `cells` wide: people go first when it narrows.
fn columns(cells: u16) -> Vec<Col> {
    let mut cols = vec![Col::Grid, Col::Class];
    if cells >= 150 {
        cols.extend([Col::First, Col::Main, Col::Specific, Col::Leader]);
    } else if cells >= 112 {
        cols.extend([Col::First, Col::Main]);
    }
    cols.extend([Col::Staff, Col::Short]);
    cols.extend(FIGURES);
    cols
}

fn name(p: &Person) -> String {
    sanitize(if p.name.is_empty() { &p.id } else { &p.name })
}

fn names(lang: Lang, people: &[Person]) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    people.iter().map(name).collect::<Vec<_>>().join(sep)
}

fn staff_style(r: &GridRow) -> Style {
    match w::mark(&r.staffing) {
        "✗" => Theme::breached(),
        "▲" | "?" => Theme::soon(),
        _ => Theme::ok(),
    }
}

/// The widest a figure column grows (the tree keeps its 12 cells at 80).
const FIGURE_MAX: u16 = 7;

/// A count in `cells`: whole when it fits, else the largest that fits
/// marked with a `+` (`9999+`) — never a number cut to a wrong one.
fn count_in(n: i64, cells: u16) -> String {
    let s = n.to_string();
    let cells = usize::from(cells.max(2));
    if s.len() <= cells {
        s
    } else {
        format!("{}+", "9".repeat(cells - 1))
    }
}

/// A figure: `–` when unknown, coloured when it asks for attention.
fn figure(n: Option<i64>, alarm: Style, cells: u16) -> Cell<'static> {
    match n {
        None => Cell::from("–").style(Theme::dim()),
        Some(0) => Cell::from("0").style(Theme::dim()),
        Some(n) => Cell::from(count_in(n, cells)).style(alarm),
    }
}

/// A figure column's value of one grid.
fn figure_of(r: &GridRow, col: Col) -> Option<i64> {
    match col {
        Col::Open => Some(r.figures.open),
        Col::Breached => Some(r.figures.breached),
        Col::Patrols => r.figures.overdue_patrols,
        Col::Incidents => Some(r.figures.active_incidents),
        _ => None,
    }
}

/// The tree cell: the grid indented by depth, its id and name.
fn tree(r: &GridRow) -> String {
    format!(
        "{}{} {}",
        "  ".repeat(r.depth),
        sanitize(&r.id),
        sanitize(&r.name)
    )
}

/// The specific responsible: by name, or how many enterprises a group has.
fn specific(lang: Lang, r: &GridRow) -> String {
    if r.level == 4 {
        fill(
            T::GridEnterprises.get(lang),
            &[("n", &r.staffing.staff.to_string())],
        )
    } else {
        names(lang, &r.specific_responsible)
    }
}

fn cell(state: &State, r: &GridRow, col: Col, grid_w: usize, cells: u16) -> Cell<'static> {
    let lang = state.lang;
    let fit = |s: String| truncate(&s, usize::from(cells));
    let opt = |p: &Option<Person>| p.as_ref().map_or_else(|| "-".into(), name);
    match col {
        Col::Grid => Cell::from(truncate(&tree(r), grid_w)),
        Col::Class => Cell::from(w::class(r.level, r.class)),
        Col::First => Cell::from(fit(opt(&r.first_responsible))),
        Col::Main => Cell::from(fit(opt(&r.main_responsible))),
        Col::Leader => Cell::from(fit(opt(&r.group_leader))),
        Col::Specific => Cell::from(fit(specific(lang, r))),
        Col::Staff => Cell::from(format!(
            "{} {}",
            w::mark(&r.staffing),
            w::staff(&r.staffing)
        ))
        .style(staff_style(r)),
        Col::Short => {
            let style = if r.staffing.is_ok() {
                Theme::dim()
            } else {
                staff_style(r)
            };
            Cell::from(fit(w::problems(lang, &r.staffing))).style(style)
        }
        Col::Open => figure(figure_of(r, col), Style::new(), cells),
        Col::Breached => figure(figure_of(r, col), Theme::breached(), cells),
        Col::Patrols => figure(figure_of(r, col), Theme::soon(), cells),
        Col::Incidents => figure(figure_of(r, col), Theme::breached(), cells),
    }
}

/// The columns' widths in `cells`: each its own (the tree 12 at least, a
/// figure its widest count up to `FIGURE_MAX`), then the spare cells to the tree up to its longest grid, then to the
/// people by name up to the longest — over every grid, not those in view.
fn widths(state: &State, cols: &[Col], rows: &[GridRow], cells: u16) -> Vec<u16> {
    let opt = |p: &Option<Person>| p.as_ref().map_or(1, |p| width(&name(p)));
    let longest = |f: &dyn Fn(&GridRow) -> usize| {
        rows.iter()
            .map(f)
            .max()
            .unwrap_or(0)
            .min(usize::from(u16::MAX)) as u16
    };
    let mut w: Vec<u16> = cols
        .iter()
        .map(|c| match c {
            Col::Grid => 12,
            c if FIGURES.contains(c) => {
                let widest = longest(&|r| figure_of(r, *c).map_or(1, |n| n.to_string().len()));
                widest.clamp(c.width(), FIGURE_MAX)
            }
            c => c.width(),
        })
        .collect();
    let needs: Vec<u16> = cols
        .iter()
        .zip(&w)
        .map(|(c, base)| {
            let need = match c {
                Col::Grid => longest(&|r| width(&tree(r))),
                Col::First => longest(&|r| opt(&r.first_responsible)),
                Col::Main => longest(&|r| opt(&r.main_responsible)),
                Col::Leader => longest(&|r| opt(&r.group_leader)),
                Col::Specific => longest(&|r| width(&specific(state.lang, r))),
                _ => 0,
            };
            need.max(*base)
        })
        .collect();
    let used: u16 = w.iter().map(|n| n + 1).sum();
    let order: Vec<usize> = [Col::Grid, Col::Specific, Col::First, Col::Main, Col::Leader]
        .iter()
        .filter_map(|c| cols.iter().position(|x| x == c))
        .collect();
    grow(&mut w, &needs, &order, cells.saturating_sub(used));
    w
}

/// The selected grid's people, each with a phone: one line per role.
fn people_lines(state: &State, r: &GridRow, cells: usize) -> Vec<Line<'static>> {
    let lang = state.lang;
    let with_phone = |p: &Person| {
        if p.phone.is_empty() {
            name(p)
        } else {
            format!("{} {}", name(p), sanitize(&p.phone))
        }
    };
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let mut out = vec![Line::from(vec![Span::styled(
        truncate(&format!("{} {}", sanitize(&r.id), sanitize(&r.name)), cells),
        Theme::title(),
    )])];
    let mut roles: Vec<(T, String)> = Vec::new();
    if let Some(p) = &r.first_responsible {
        roles.push((T::GridPeopleFirst, with_phone(p)));
    }
    if let Some(p) = &r.main_responsible {
        roles.push((T::GridPeopleMain, with_phone(p)));
    }
    if let Some(p) = &r.group_leader {
        roles.push((T::GridPeopleLeader, with_phone(p)));
    }
    let specific: Vec<String> = r.specific_responsible.iter().map(with_phone).collect();
    if !specific.is_empty() {
        roles.push((T::GridPeopleSpecific, specific.join(sep)));
    }
    let colon = crate::words::colon(lang);
    let line: Vec<String> = roles
        .iter()
        .map(|(t, who)| format!("{}{colon}{who}", t.get(lang)))
        .collect();
    // Two lines at most: the leaders, then the specific responsible.
    let (lead, rest): (Vec<_>, Vec<_>) = line
        .into_iter()
        .zip(&roles)
        .partition(|(_, (t, _))| *t != T::GridPeopleSpecific);
    let lead: Vec<String> = lead.into_iter().map(|(s, _)| s).collect();
    out.push(Line::raw(truncate(&lead.join("  "), cells)));
    if let Some((s, _)) = rest.into_iter().next() {
        out.push(Line::raw(truncate(&s, cells)));
    }
    out
}

pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let board = &state.boards.grids;
    let mut title = vec![Span::styled(
        format!(" {} ", state.t(Screen::Grids.title())),
        Theme::title(),
    )];
    let short = board.shortfalls();
    if short > 0 {
        title.push(Span::styled(
            format!(
                "✗ {} ",
                fill(state.t(T::GridScreenSummary), &[("n", &short.to_string())])
            ),
            Theme::breached(),
        ));
    }
    if board.unassigned_open > 0 {
        title.push(Span::styled(
            format!(
                "· {} ",
                fill(
                    state.t(T::GridNoGridOpen),
                    &[("n", &board.unassigned_open.to_string())]
                )
            ),
            Theme::unassigned(),
        ));
    }
    let block = Block::new().borders(Borders::TOP).title(Line::from(title));
    let inner = block.inner(body);
    block.render(body, buf);
    if board.rows.is_empty() {
        let text = if state.loaded {
            T::GridNone
        } else {
            T::Loading
        };
        Paragraph::new(Line::styled(state.t(text), Theme::dim())).render(inner, buf);
        return;
    }
    let [table_area, foot] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(4)]).areas(inner);
    let cols = columns(inner.width);
    let w = widths(state, &cols, &board.rows, inner.width);
    let at = |col: Col| cols.iter().position(|c| *c == col).map_or(0, |i| w[i]);
    let grid_w = usize::from(at(Col::Grid));
    let widths: Vec<Constraint> = w.iter().map(|n| Constraint::Length(*n)).collect();
    // Keep the selection in view: scroll by whole rows.
    let visible = usize::from(table_area.height.saturating_sub(1)).max(1);
    let selected = state.grids.at(board.rows.len());
    let first = selected.saturating_sub(visible - 1);
    let rows: Vec<Row> = board
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, r)| {
            let row = Row::new(cols.iter().map(|c| cell(state, r, *c, grid_w, at(*c))));
            if i == selected {
                row.style(Theme::selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(cols.iter().map(|c| {
        let h = state.t(c.header());
        Cell::from(truncate(h, usize::from(at(*c)).max(width(h).min(grid_w))))
    }))
    .style(Theme::dim());
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(table_area, buf);
    let cells = usize::from(foot.width);
    let mut lines = board
        .rows
        .get(selected)
        .map(|r| people_lines(state, r, cells))
        .unwrap_or_default();
    lines.truncate(3);
    lines.push(Line::styled(
        truncate(state.t(T::GridScreenLegend), cells),
        Theme::dim(),
    ));
    Paragraph::new(lines).render(foot, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_columns_go_first_when_the_terminal_narrows() {
        assert!(!columns(78).contains(&Col::First));
        assert!(columns(78).contains(&Col::Staff) && columns(78).contains(&Col::Patrols));
        assert!(columns(120).contains(&Col::Main) && !columns(120).contains(&Col::Specific));
        assert!(columns(198).contains(&Col::Specific) && columns(198).contains(&Col::Leader));
        // What is left for the tree at 80 cells is still room for an id and a name.
        let fixed: u16 = columns(78).iter().map(|c| c.width() + 1).sum();
        assert!(78 - fixed >= 24, "{fixed}");
    }

    /// A board of one township with `n` open, breached, overdue, active.
    fn board_of(n: i64) -> State {
        use crate::domain::staffing::{Requirement, Staffing, Unit};
        let now = "2026-11-30T01:30:00Z".parse().unwrap();
        let config = std::sync::Arc::new(crate::config::Config::embedded().unwrap());
        let mut state = State::new(config, Lang::En, crate::clock::ClockMode::Fixed, now, None);
        let staffing = Staffing {
            staff: 5,
            requirement: Requirement {
                minimum: Some(5),
                maximum: None,
                unit: Unit::People,
                needs_leader: false,
            },
            shortfall: 0,
            problems: vec![],
        };
        state.boards.grids.rows = vec![GridRow {
            id: "T01".into(),
            name: "Town".into(),
            level: 2,
            parent: None,
            depth: 1,
            class: Some(1),
            first_responsible: None,
            main_responsible: None,
            specific_responsible: vec![],
            group_leader: None,
            staffing,
            figures: crate::board::grids::Figures {
                open: n,
                breached: n + 1,
                overdue_patrols: Some(n + 2),
                active_incidents: n + 3,
            },
        }];
        state
    }

    fn screen(state: &State, cols: u16) -> String {
        let area = Rect::new(0, 0, cols, 12);
        let mut buf = Buffer::empty(area);
        render(state, area, &mut buf);
        (0..area.height)
            .map(|y| {
                let line: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
                line + "\n"
            })
            .collect()
    }

    #[test]
    fn large_counts_are_shown_whole_or_marked_never_cut() {
        for cols in [80, 200] {
            let s = screen(&board_of(101_487), cols);
            for n in ["101487", "101488", "101489", "101490"] {
                assert!(s.contains(&format!(" {n}")), "{n} at {cols}:\n{s}");
            }
            // Beyond the widest column: the largest that fits, marked.
            let s = screen(&board_of(123_456_789), cols);
            assert!(s.contains(" 999999+"), "{cols}:\n{s}");
            assert!(!s.contains("1234567"), "{cols}:\n{s}");
        }
        assert_eq!(count_in(42, 4), "42");
        assert_eq!(count_in(12_345, 4), "999+");
    }
}
