//! Drawing the Audit screen (its state is in `screens::audit`): the newest
//! entries of the audit log, as many as fit. Its complaint list is never drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row, Table, Widget};

use crate::i18n::T;
use crate::text::sanitize;
use crate::tui::state::State;
use crate::tui::view::theme::Theme;

/// Draw the audit log in `body`.
pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let block = Block::new().borders(Borders::TOP).title(Line::styled(
        format!(" {} ", state.t(T::AuditLog)),
        Theme::title(),
    ));
    let inner = block.inner(body);
    block.render(body, buf);
    let height = inner.height.saturating_sub(1) as usize;
    let rows: Vec<Row> = state
        .data
        .audit
        .iter()
        .take(height)
        .map(|a| {
            Row::new(vec![
                Cell::from(
                    a.at.with_timezone(&state.config.settings.timezone)
                        .format("%m-%d %H:%M:%S")
                        .to_string(),
                ),
                Cell::from(sanitize(&a.actor)),
                Cell::from(sanitize(&a.action)),
                Cell::from(sanitize(&a.subject)),
                Cell::from(sanitize(&a.details.to_string())),
            ])
        })
        .collect();
    let header = Row::new(
        [
            T::ColTime,
            T::ColActor,
            T::ColAction,
            T::ColId,
            T::ColDetails,
        ]
        .map(|t| Cell::from(state.t(t))),
    )
    .style(Theme::dim());
    let widths = [
        Constraint::Length(14),
        Constraint::Length(10),
        Constraint::Length(20),
        Constraint::Length(16),
        Constraint::Min(10),
    ];
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(inner, buf);
}
