//! Drawing the Audit screen (its state is in `screens::audit`): the newest
//! entries of the audit log, as many as fit. Its complaint list is never drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row, Table, Widget};

use crate::i18n::{T, fill};
use crate::text::{sanitize, wrap};
use crate::tui::state::State;
use crate::tui::view::theme::Theme;
use crate::words;

/// Draw the audit log in `body`.
pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let block = Block::new().borders(Borders::TOP).title(Line::styled(
        format!(" {} ", state.t(T::AuditLog)),
        Theme::title(),
    ));
    let inner = block.inner(body);
    block.render(body, buf);
    let height = inner.height.saturating_sub(1) as usize;
    let (lang, config) = (state.lang, &state.config);
    // "complaint:12" → "#12", "intake_file:3" → "file 3", "inspection:4" →
    // "inspection 4": the column as wide as the widest shown (9 to 16).
    let about_of = |subject: &str| {
        let (kind, id) = subject.split_once(':').unwrap_or((subject, ""));
        match kind {
            "complaint" => format!("#{id}"),
            "intake_file" => fill(state.t(T::AuditFile), &[("id", id)]),
            "handover" => fill(state.t(T::HandAuditSubject), &[("id", id)]),
            "inspection" => fill(state.t(T::SrcAuditInspection), &[("id", id)]),
            "visit" => fill(state.t(T::SrcAuditVisit), &[("id", id)]),
            _ => sanitize(subject),
        }
    };
    let about_w = state
        .data
        .audit
        .iter()
        .take(height)
        .map(|a| crate::text::width(&about_of(&a.subject)))
        .max()
        .unwrap_or(0)
        .clamp(9, 16);
    // The details wrap in their column (up to three lines) rather than stop
    // mid-sentence; as many entries as fit.
    let details_w = usize::from(inner.width)
        .saturating_sub(11 + 12 + about_w + 3)
        .max(10);
    let mut used = 0;
    let rows: Vec<Row> = state
        .data
        .audit
        .iter()
        .map_while(|a| {
            let (kind, id) = a.subject.split_once(':').unwrap_or((&a.subject, ""));
            let about = about_of(&a.subject);
            let complaint = (kind == "complaint")
                .then(|| id.parse::<i64>().ok())
                .flatten()
                .and_then(|id| state.complaint(id));
            let mut lines = wrap(
                &words::trail::sentence(lang, config, complaint, a),
                details_w,
            );
            if lines.len() > 3 {
                lines.truncate(3);
                lines[2].push_str(" …");
            }
            if used + lines.len() > height {
                return None;
            }
            used += lines.len();
            let h = lines.len() as u16;
            Some(
                Row::new(vec![
                    Cell::from(words::trail::when(config, a.at)),
                    Cell::from(words::trail::actor(lang, config, a)),
                    Cell::from(about),
                    Cell::from(ratatui::text::Text::from(
                        lines.into_iter().map(Line::from).collect::<Vec<_>>(),
                    )),
                ])
                .height(h),
            )
        })
        .collect();
    let header = Row::new(
        [T::ColTime, T::ColActor, T::ColSubject, T::ColDetails].map(|t| Cell::from(state.t(t))),
    )
    .style(Theme::dim());
    let widths = [
        Constraint::Length(11),
        Constraint::Length(12),
        Constraint::Length(about_w as u16),
        Constraint::Min(10),
    ];
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(inner, buf);
}
