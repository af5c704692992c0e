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
use crate::i18n::T;
use crate::text::{countdown, sanitize};
use crate::tui::screens::ComplaintList;
use crate::tui::state::State;

/// The countdown cell: symbol + time, and its style. Never colour alone.
pub fn left(state: &State, c: &ComplaintRow) -> (String, Style) {
    if let Some(arrived) = c.arrived_at {
        let margin = (c.deadline_at - arrived).num_seconds();
        let style = if margin >= 0 {
            Theme::ok()
        } else {
            Theme::breached()
        };
        return (
            format!(
                "✔ {}",
                if margin >= 0 {
                    "on site".to_string()
                } else {
                    countdown(-margin)
                }
            ),
            style,
        );
    }
    if !c.status.is_open() {
        return ("—".to_string(), Theme::dim());
    }
    let secs = (c.deadline_at - state.now).num_seconds();
    let warn = state.config.settings.warn_before.num_seconds();
    if secs <= 0 {
        (format!("✖ +{}", countdown(-secs)), Theme::breached())
    } else if secs <= warn {
        (format!("▲ {}", countdown(secs)), Theme::soon())
    } else {
        (format!("● {}", countdown(secs)), Theme::ok())
    }
}

fn on_call_name(state: &State, grid: Option<&str>) -> String {
    let local = state
        .now
        .with_timezone(&state.config.settings.timezone)
        .naive_local();
    let root = state
        .config
        .grids
        .root()
        .map(|g| g.id.as_str())
        .unwrap_or("");
    state
        .config
        .roster
        .on_call(&state.config.grids, grid.unwrap_or(root), local)
        .and_then(|oc| {
            state
                .config
                .officers
                .get(&oc.primary)
                .map(|o| o.name.clone())
        })
        .unwrap_or_else(|| "-".into())
}

/// The first visible row so that `selected` stays in view.
fn window(selected: usize, total: usize, height: usize) -> std::ops::Range<usize> {
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
    let height = inner.height.saturating_sub(1) as usize;
    let range = window(list.selected, list.rows.len(), height);
    let rows: Vec<Row> = range
        .clone()
        .map(|pos| {
            let c = &src[list.rows[pos]];
            let (left_text, left_style) = left(state, c);
            let grid = match &c.grid {
                Some(g) => Cell::from(sanitize(g)),
                None => Cell::from(Span::styled(
                    format!("? {}", state.t(T::Unassigned)),
                    Theme::unassigned(),
                )),
            };
            let place = sanitize(c.address.as_deref().unwrap_or("-"));
            let repeat = match (c.repeat_of, c.repeat_count) {
                (Some(of), _) => format!("↻{of}"),
                (None, n) if n > 0 => format!("×{}", n + 1),
                _ => String::new(),
            };
            let row = Row::new(vec![
                Cell::from(c.id.to_string()),
                grid,
                Cell::from(c.category().as_str()),
                Cell::from(place),
                Cell::from(
                    c.received_at
                        .with_timezone(&state.config.settings.timezone)
                        .format("%H:%M")
                        .to_string(),
                ),
                Cell::from(Span::styled(left_text, left_style)),
                Cell::from(c.status.as_str()),
                Cell::from(sanitize(&on_call_name(state, c.grid.as_deref()))),
                Cell::from(repeat),
            ]);
            if pos == list.selected {
                row.style(Theme::selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(
        [
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
        .map(|t| Cell::from(state.t(t))),
    )
    .style(Theme::dim());
    let widths = [
        Constraint::Length(5),
        Constraint::Length(13),
        Constraint::Length(11),
        Constraint::Min(10),
        Constraint::Length(5),
        Constraint::Length(9),
        Constraint::Length(10),
        Constraint::Length(8),
        Constraint::Length(5),
    ];
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(inner, buf);
}
