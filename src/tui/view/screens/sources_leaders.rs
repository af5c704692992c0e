//! The Sources screen's Leaders panel (#11 fixes): each linked leader with
//! how many duties they missed last period and have still to do, and —
//! for a leader behind — which sources and townships they owe: on one line
//! as much as fits, in full (wrapped) for the leaders linked to the
//! selected source.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::board::sources::SourceRow;
use crate::board::sources_duties::Leader;
use crate::i18n::{T, fill};
use crate::text::{fit, sanitize, width, wrap};
use crate::tui::state::State;
use crate::tui::view::theme::Theme;

/// What `l` owes: the sources and townships of the periods they missed.
fn owed(l: &Leader) -> Vec<&str> {
    l.inspections
        .iter()
        .chain(&l.visits)
        .filter(|d| d.status.behind())
        .map(|d| d.target.as_str())
        .collect()
}

/// The lines of one leader in `cells`; `full`: the owed list wrapped whole.
fn leader_lines(state: &State, l: &Leader, cells: usize, full: bool) -> Vec<Line<'static>> {
    let behind = l.behind();
    let text = fill(
        state.t(T::SrcUiLeaderShort),
        &[
            ("behind", &behind.to_string()),
            ("todo", &l.to_do().to_string()),
        ],
    );
    let alarm = behind > 0 || l.overdue_sources > 0;
    let style = if alarm {
        Theme::breached()
    } else {
        Style::default()
    };
    let who = sanitize(&l.name);
    let room = cells.saturating_sub(width(&text) + 3);
    let mut lines = vec![Line::from(vec![
        Span::styled(if alarm { "! " } else { "  " }.to_string(), style),
        Span::raw(fit(&format!("{} {who}", l.officer), room)),
        Span::raw(" "),
        Span::styled(
            text,
            if behind > 0 {
                Theme::breached()
            } else {
                Theme::dim()
            },
        ),
    ])];
    let owes = owed(l);
    if owes.is_empty() {
        return lines;
    }
    let said = sanitize(&fill(state.t(T::SrcUiOwes), &[("what", &owes.join(" "))]));
    let indent = "    ";
    let inner = cells.saturating_sub(width(indent));
    let parts = if full {
        wrap(&said, inner)
    } else {
        vec![fit(&said, inner)]
    };
    lines.extend(
        parts
            .into_iter()
            .map(|p| Line::styled(format!("{indent}{p}"), Theme::dim())),
    );
    lines
}

/// Draw the panel in `area`; `selected`: the source selected in the table.
pub fn render(state: &State, area: Rect, selected: Option<&SourceRow>, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(Line::styled(
            format!(" {} ", state.t(T::SrcUiLeaders)),
            Theme::title(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let cells = inner.width as usize;
    let lines: Vec<Line> = state
        .boards
        .sources
        .leaders
        .iter()
        .flat_map(|l| {
            let full = selected.is_some_and(|s| l.inspections.iter().any(|d| d.target == s.id));
            leader_lines(state, l, cells, full)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
