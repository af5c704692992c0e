//! The complaints table, drawn by the Dashboard and Complaints screens from
//! their own rows and selection, and the countdown cell the detail shares.
//! Only the rows that fit are built, so a frame costs the same with 10 or
//! 10 000 open complaints.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget};

use super::theme::Theme;
use crate::domain::ComplaintRow;
use crate::domain::complaint::{Category, Status};
use crate::i18n::T;
use crate::i18n::fill;
use crate::text::{countdown, sanitize, width};
use crate::tui::screens::ComplaintList;
use crate::tui::screens::facts::ListFacts;
use crate::tui::state::State;
use crate::words;

/// The countdown cell: symbol + time, and its style. Never colour alone.
/// After an arrival: `✔ on site` when it was in time, `✔ late 12:36` when
/// not (the arrival's lateness, not time left).
pub fn left(state: &State, c: &ComplaintRow) -> (String, Style) {
    if let Some(arrived) = c.arrived_at {
        let margin = (c.deadline_at - arrived).num_seconds();
        return if margin >= 0 {
            (format!("✔ {}", state.t(T::OnSite)), Theme::ok())
        } else {
            (
                format!(
                    "✔ {}",
                    fill(state.t(T::OnSiteLate), &[("time", &countdown(-margin))])
                ),
                Theme::breached(),
            )
        };
    }
    if !c.status.is_open() {
        return ("—".to_string(), Theme::dim());
    }
    due(state, c.deadline_at)
}

/// A countdown to `at` as every countdown reads: `● 12:00` green, `▲ 05:00`
/// yellow within the warning, `✖ +07:12` red once past (incident steps and
/// reports count down like complaints).
pub fn due(state: &State, at: chrono::DateTime<chrono::Utc>) -> (String, Style) {
    let secs = (at - state.now).num_seconds();
    let warn = state.config.settings.warn_before.num_seconds();
    if secs <= 0 {
        (format!("✖ +{}", countdown(-secs)), Theme::breached())
    } else if secs <= warn {
        (format!("▲ {}", countdown(secs)), Theme::soon())
    } else {
        (format!("● {}", countdown(secs)), Theme::ok())
    }
}

/// The officer column: the officer the complaint is dispatched to,
/// marked `→ 郭芳` (a swap does not move it), else who is on call in its grid.
fn officer_cell(state: &State, c: &ComplaintRow) -> String {
    match &c.dispatched_to {
        Some(id) => {
            let name = state
                .config
                .officers
                .get(id)
                .map_or(id.as_str(), |o| o.name.as_str());
            fill(state.t(T::ColDispatchedTo), &[("name", &sanitize(name))])
        }
        None => sanitize(&on_call_name(state, c.grid.as_deref())),
    }
}

fn on_call_name(state: &State, grid: Option<&str>) -> String {
    let root = state
        .config
        .grids
        .root()
        .map(|g| g.id.as_str())
        .unwrap_or("");
    state
        .boards
        .oncall
        .on_call(&state.config, grid.unwrap_or(root), state.now)
        .and_then(|oc| {
            state
                .config
                .officers
                .get(&oc.primary)
                .map(|o| o.name.clone())
        })
        .unwrap_or_else(|| "-".into())
}

/// What each column of the complaints table needs, in cells, over every
/// complaint of the list (its facts, gathered when it was derived; not
/// only the rows in view, so widths stay put when a banner takes lines):
/// its header, the widest category, status, grid id and repeat mark
/// listed, the longest countdown now, the longest officer's name.
fn needs(state: &State, f: &ListFacts, heads: &[&str; 9]) -> [u16; 9] {
    let lang = state.lang;
    let most = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0);
    let mut grid = f.widest_grid;
    if f.unassigned {
        grid = grid.max(width(state.t(T::Unassigned)) + 2);
    }
    let category = most(
        &mut Category::ALL
            .iter()
            .filter(|k| f.categories & (1 << (**k as u32)) != 0)
            .map(|k| width(words::category(*k).get(lang))),
    );
    let status = most(
        &mut Status::ALL
            .iter()
            .filter(|st| f.statuses & (1 << (**st as u32)) != 0)
            .map(|st| width(words::status(*st).get(lang))),
    );
    // The longest countdown now: to the latest deadline or since the soonest.
    let due = [
        f.soonest.map(|s| state.now - s),
        f.latest.map(|l| l - state.now),
    ]
    .into_iter()
    .flatten()
    .map(|d| d.num_seconds())
    .max();
    let mut left = due.map_or(0, |d| width(&format!("✖ +{}", countdown(d))));
    if f.in_time {
        left = left.max(width(&format!("✔ {}", state.t(T::OnSite))));
    }
    if let Some(l) = f.late {
        let text = fill(state.t(T::OnSiteLate), &[("time", &countdown(l))]);
        left = left.max(width(&text) + 2);
    }
    // Whoever may be on call, or sent (`→ name`): any officer, by name.
    let on_call = most(
        &mut state
            .config
            .officers
            .values()
            .map(|o| width(&fill(state.t(T::ColDispatchedTo), &[("name", &o.name)]))),
    );
    let repeat = if f.max_repeat > 0 {
        1 + digits(f.max_repeat)
    } else {
        0
    };
    let content = [
        digits(f.max_id),
        grid.min(16),
        category,
        0,
        5,
        left,
        status,
        on_call,
        repeat,
    ];
    std::array::from_fn(|i| content[i].max(width(heads[i])) as u16)
}

/// How many digits `n` is written with.
fn digits(n: i64) -> usize {
    n.unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as usize + 1)
}

/// The first visible row so that `selected` stays in view.
pub(super) fn window(selected: usize, total: usize, height: usize) -> std::ops::Range<usize> {
    if height == 0 {
        return 0..0;
    }
    let start = selected
        .saturating_sub(height - 1)
        .min(total.saturating_sub(height));
    start..(start + height).min(total)
}

/// The table of `list`'s complaints (indexes into `src`) under a `title`
/// line, the selected one highlighted and in view.
pub fn complaints(
    state: &State,
    title: &str,
    list: &ComplaintList,
    src: &[ComplaintRow],
    area: Rect,
    buf: &mut Buffer,
) {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Line::styled(format!(" {title} "), Theme::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    if list.rows.is_empty() {
        let text = if !state.loaded {
            state.t(T::Loading).to_string()
        } else if !src.is_empty() && !state.filter.is_empty() {
            // Complaints there are; the filter hides them all.
            crate::i18n::fill(
                state.t(T::NothingMatches),
                &[("filter", &crate::text::sanitize(&state.filter))],
            )
        } else {
            state.t(T::NoComplaints).to_string()
        };
        Paragraph::new(Line::styled(text, Theme::dim())).render(inner, buf);
        return;
    }
    // Rows under the header; one line fewer when some do not fit, for
    // "N more below".
    let mut height = inner.height.saturating_sub(1) as usize;
    if list.rows.len() > height {
        height = height.saturating_sub(1);
    }
    let range = window(list.selected, list.rows.len(), height);
    let below = list.rows.len() - range.end;
    let lang = state.lang;
    let cells: Vec<[(String, Style); 9]> = range
        .clone()
        .map(|pos| {
            let c = &src[list.rows[pos]];
            let grid = match &c.grid {
                Some(g) => (sanitize(g), Style::default()),
                None => (format!("? {}", state.t(T::Unassigned)), Theme::unassigned()),
            };
            let repeat = match (c.repeat_of, c.repeat_count) {
                (Some(of), _) => format!("↻{of}"),
                (None, n) if n > 0 => format!("×{}", n + 1),
                _ => String::new(),
            };
            let plain = |s: String| (s, Style::default());
            [
                plain(c.id.to_string()),
                grid,
                plain(words::category(c.category()).get(lang).to_string()),
                plain(sanitize(c.address.as_deref().unwrap_or("-"))),
                plain(
                    c.received_at
                        .with_timezone(&state.config.settings.timezone)
                        .format("%H:%M")
                        .to_string(),
                ),
                left(state, c),
                plain(words::status(c.status).get(lang).to_string()),
                plain(officer_cell(state, c)),
                plain(repeat),
            ]
        })
        .collect();
    let heads = [
        T::ColId,
        T::ColGrid,
        T::ColCategory,
        T::ColPlace,
        T::ColReceived,
        T::ColLeft,
        T::ColStatus,
        T::ColOnCall,
        T::ColRepeat,
    ]
    .map(|t| state.t(t));
    // Widths from what each column may hold and the table's width, not
    // from the rows in view: they stay put when a banner takes a line.
    let widths = super::columns::complaints(needs(state, &list.facts, &heads), inner.width)
        .map(Constraint::Length);
    let rows: Vec<Row> = cells
        .into_iter()
        .zip(range.clone())
        .map(|(cells, pos)| {
            let row = Row::new(cells.map(|(t, st)| Cell::from(Span::styled(t, st))));
            if pos == list.selected {
                row.style(Theme::selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(heads.map(Cell::from)).style(Theme::dim());
    let [table_area, more_area] = if below > 0 {
        ratatui::layout::Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner)
    } else {
        [inner, Rect::default()]
    };
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(table_area, buf);
    if below > 0 {
        Paragraph::new(Line::styled(
            fill(state.t(T::MoreBelow), &[("n", &below.to_string())]),
            Theme::dim(),
        ))
        .render(more_area, buf);
    }
}
