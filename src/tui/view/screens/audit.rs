//! Drawing the Audit screen (its state is in `screens::audit`): the entries
//! of the audit log this console holds, scrolled so that the one under the
//! cursor is shown, and which of them are shown (in the title). Its
//! complaint list is never drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row, Table, Widget};

use crate::domain::{AuditEntry, kind};
use crate::i18n::{T, fill};
use crate::text::{sanitize, truncate, width, wrap};
use crate::tui::state::State;
use crate::tui::view::theme::Theme;
use crate::words;

/// The Time column, in cells; the Who column takes its longest name
/// ("the field (drill)", an officer) up to `WHO_MAX`, cut with … beyond.
const TIME: usize = 11;
const WHO_MAX: usize = 18;
/// The fewest cells the About column gets.
const ABOUT_MIN: usize = 9;
/// Lines an entry's details wrap to, at most.
const MOST_LINES: usize = 3;

/// What an entry is about, in words: "complaint:12" → "#12",
/// "intake_file:3" → "file 3", "roster_override:2" → "swap 2".
fn about(state: &State, a: &AuditEntry) -> String {
    let (k, id) = a.subject.split_once(':').unwrap_or((&a.subject, ""));
    let named = |t: T| fill(state.t(t), &[("id", &sanitize(id))]);
    match k {
        kind::COMPLAINT => format!("#{}", sanitize(id)),
        kind::INTAKE_FILE => named(T::AuditFile),
        kind::HANDOVER => named(T::HandAuditSubject),
        kind::INCIDENT => named(T::AuditIncident),
        kind::ROSTER_OVERRIDE => named(T::AuditSwap),
        kind::INSPECTION => named(T::AuditInspection),
        kind::VISIT => named(T::AuditVisit),
        kind::WATER_READING => named(T::WaterAuditSubject),
        _ => sanitize(&a.subject),
    }
}

/// The About column's cells: the longest subject held (so the columns stay
/// put while scrolling), cut only when that would leave the details less
/// than two thirds of what the three columns after the time share.
fn about_width(abouts: &[String], header: &str, inner: usize, who: usize) -> usize {
    let free = inner.saturating_sub(TIME + who + 3);
    let longest = abouts
        .iter()
        .map(|s| width(s))
        .chain([width(header)])
        .max()
        .unwrap_or(0);
    longest.min(free / 3).max(ABOUT_MIN)
}

/// The Who column's cells: its longest name (or header), up to `WHO_MAX`.
fn who_width(whos: &[String], header: &str) -> usize {
    whos.iter()
        .map(|s| width(s))
        .chain([width(header)])
        .max()
        .unwrap_or(0)
        .min(WHO_MAX)
}

/// The first entry shown so that entry `at` is: from the newest while it
/// fits, else with `at` on the last line.
fn first_shown(heights: &[usize], at: usize, room: usize) -> usize {
    if heights[..=at].iter().sum::<usize>() <= room {
        return 0;
    }
    let (mut first, mut used) = (at, heights[at]);
    while first > 0 && used + heights[first - 1] <= room {
        first -= 1;
        used += heights[first];
    }
    first
}

/// Draw the audit log in `body`.
pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let (lang, config) = (state.lang, &state.config);
    let entries = &state.data.audit;
    let inner_w = usize::from(body.width);
    let abouts: Vec<String> = entries.iter().map(|a| about(state, a)).collect();
    let whos: Vec<String> = entries
        .iter()
        .map(|a| words::trail::actor(lang, config, a))
        .collect();
    let who_w = who_width(&whos, state.t(T::ColActor));
    let about_w = about_width(&abouts, state.t(T::ColSubject), inner_w, who_w);
    // The details wrap in their column (up to three lines) rather than stop
    // mid-sentence.
    let details_w = inner_w.saturating_sub(TIME + who_w + about_w + 3).max(10);
    let details: Vec<Vec<String>> = entries
        .iter()
        .map(|a| {
            let complaint = a
                .subject
                .strip_prefix("complaint:")
                .and_then(|id| id.parse::<i64>().ok())
                .and_then(|id| state.complaint(id));
            let mut lines = wrap(
                &words::trail::sentence(lang, config, complaint, a),
                details_w,
            );
            if lines.len() > MOST_LINES {
                lines.truncate(MOST_LINES);
                lines[MOST_LINES - 1].push_str(" …");
            }
            lines
        })
        .collect();
    let heights: Vec<usize> = details.iter().map(|d| d.len().max(1)).collect();
    // The header line and the table's header row.
    let room = usize::from(body.height.saturating_sub(2)).max(1);
    let at = state.audit.at(entries.len());
    let first = if entries.is_empty() {
        0
    } else {
        first_shown(&heights, at, room)
    };
    let mut used = 0;
    let shown: Vec<usize> = (first..entries.len())
        .take_while(|&i| {
            used += heights[i];
            used <= room || i == first
        })
        .collect();
    let mut title = format!(" {} ", state.t(T::AuditLog));
    if let (Some(a), Some(b)) = (shown.first(), shown.last()) {
        if shown.len() < entries.len() {
            let range = fill(
                state.t(T::AuditShown),
                &[
                    ("from", &(a + 1).to_string()),
                    ("to", &(b + 1).to_string()),
                    ("n", &entries.len().to_string()),
                ],
            );
            title = format!(" {} · {range} ", state.t(T::AuditLog));
        }
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Line::styled(title, Theme::title()));
    let inner = block.inner(body);
    block.render(body, buf);
    let rows: Vec<Row> = shown
        .iter()
        .map(|&i| {
            let a = &entries[i];
            let lines = details[i]
                .iter()
                .cloned()
                .map(Line::from)
                .collect::<Vec<_>>();
            let row = Row::new(vec![
                Cell::from(words::trail::when(config, a.at)),
                Cell::from(truncate(&whos[i], who_w)),
                Cell::from(truncate(&abouts[i], about_w)),
                Cell::from(ratatui::text::Text::from(lines)),
            ])
            .height(heights[i] as u16);
            // The cursor is shown once there is somewhere to move it.
            if i == at && entries.len() > 1 {
                row.style(Theme::selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(
        [T::ColTime, T::ColActor, T::ColSubject, T::ColDetails].map(|t| Cell::from(state.t(t))),
    )
    .style(Theme::dim());
    let widths = [
        Constraint::Length(TIME as u16),
        Constraint::Length(who_w as u16),
        Constraint::Length(about_w as u16),
        Constraint::Min(10),
    ];
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_under_the_cursor_is_always_shown() {
        let h = [1, 3, 1, 2, 1, 1];
        assert_eq!(first_shown(&h, 0, 4), 0);
        assert_eq!(first_shown(&h, 1, 4), 0, "1 + 3 fit from the newest");
        assert_eq!(first_shown(&h, 2, 4), 1, "3 + 1");
        assert_eq!(first_shown(&h, 5, 4), 3, "2 + 1 + 1");
        assert_eq!(first_shown(&h, 1, 2), 1, "taller than the room: itself");
    }

    #[test]
    fn the_about_column_takes_the_longest_subject_unless_narrow() {
        let abouts = ["#1".to_string(), "roster_override:3".to_string()];
        assert_eq!(about_width(&abouts, "About", 200, 12), 17);
        let long = ["a_very_long_subject_kind:12345".to_string()];
        assert_eq!(
            about_width(&long, "About", 80, 12),
            (80 - 26) / 3,
            "cut at 80"
        );
        assert_eq!(about_width(&["#1".into()], "About", 200, 12), 9);
    }

    #[test]
    fn the_who_column_holds_the_field_drill_whole() {
        let whos = ["alice".to_string(), "the field (drill)".to_string()];
        assert_eq!(who_width(&whos, "Who"), 17);
        assert_eq!(who_width(&["王芳".into()], "操作人"), 6);
        assert_eq!(who_width(&["x".repeat(40)], "Who"), WHO_MAX);
    }
}
