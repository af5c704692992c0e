//! The panel under the On-call table (#11 fix): the selected grid with
//! every role of the shift running and of the next, names and phones side
//! by side, then the swaps and the roster.toml override that made them,
//! with their reasons — what the table's columns leave out at 80 columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::board::oncall::OnCallRow;
use crate::domain::roster::OnCall;
use crate::domain::roster_swap::Role;
use crate::i18n::{T, fill};
use crate::text::{fit, sanitize, truncate};
use crate::tui::state::State;
use crate::tui::view::theme::Theme;

/// The role column's width; each shift's column is half the rest.
const ROLE_W: usize = 10;
/// The widest a shift's column grows.
const COL_MOST: usize = 34;
/// At most this many lines of swaps and overrides.
const MOST_NOTES: usize = 3;

/// "邓海燕 13917874421", the id when not in officers.toml, "-" for nobody.
fn person(state: &State, id: Option<&str>) -> String {
    match id {
        Some(i) => state.config.officers.get(i).map_or_else(
            || sanitize(i),
            |o| format!("{} {}", sanitize(&o.name), sanitize(&o.phone)),
        ),
        None => "-".into(),
    }
}

fn name(state: &State, id: Option<&str>) -> String {
    match id {
        Some(i) => state
            .config
            .officers
            .get(i)
            .map_or_else(|| sanitize(i), |o| sanitize(&o.name)),
        None => state.t(T::OnCallNobodyBefore).to_string(),
    }
}

/// The swaps and the override of one shift, as lines.
fn notes(state: &State, when: T, oc: &OnCall, out: &mut Vec<String>) {
    let when = state.t(when);
    if let Some(r) = &oc.override_reason {
        out.push(fill(
            state.t(T::OnCallDetailOverride),
            &[("when", when), ("reason", &sanitize(r))],
        ));
    }
    for s in &oc.swaps {
        out.push(fill(
            state.t(T::OnCallDetailSwap),
            &[
                ("when", when),
                ("role", state.t(crate::words::oncall::role(s.role))),
                ("from", &name(state, s.replaces.as_deref())),
                ("to", &name(state, Some(&s.officer))),
                ("reason", &sanitize(&s.reason)),
            ],
        ));
    }
}

/// The panel's lines for `row`, `w` cells wide.
fn lines(state: &State, row: &OnCallRow, w: usize) -> Vec<Line<'static>> {
    let col = (w.saturating_sub(ROLE_W) / 2).min(COL_MOST);
    let head = |t: T, oc: Option<&OnCall>| match oc {
        Some(oc) => fill(
            state.t(t),
            &[
                ("shift", &crate::words::oncall::shift(state.lang, &oc.shift)),
                ("date", &oc.shift_date.format("%m-%d").to_string()),
            ],
        ),
        None => state.t(T::OnCallNobody).to_string(),
    };
    let mut out = vec![Line::from(vec![
        Span::raw(" ".repeat(ROLE_W)),
        Span::styled(
            fit(&head(T::OnCallDetailNow, row.now.as_ref()), col),
            Theme::dim(),
        ),
        Span::styled(
            fit(&head(T::OnCallDetailNext, row.next.as_ref()), col),
            Theme::dim(),
        ),
    ])];
    for role in Role::ALL {
        let of = |oc: Option<&OnCall>| oc.and_then(|oc| role.of(oc).map(String::from));
        out.push(Line::from(vec![
            Span::styled(
                fit(state.t(crate::words::oncall::role(role)), ROLE_W),
                Theme::dim(),
            ),
            Span::raw(fit(&person(state, of(row.now.as_ref()).as_deref()), col)),
            Span::raw(fit(&person(state, of(row.next.as_ref()).as_deref()), col)),
        ]));
    }
    let mut more = Vec::new();
    if let Some(oc) = &row.now {
        notes(state, T::OnCallDetailNowWord, oc, &mut more);
    }
    if let Some(oc) = &row.next {
        notes(state, T::OnCallDetailNextWord, oc, &mut more);
    }
    out.extend(
        more.into_iter()
            .take(MOST_NOTES)
            .map(|l| Line::styled(truncate(&l, w), Theme::title())),
    );
    out
}

/// The panel's height for `row` (its top border included).
pub fn height(state: &State, row: &OnCallRow) -> u16 {
    lines(state, row, 80).len() as u16 + 1
}

pub fn render(state: &State, row: &OnCallRow, area: Rect, buf: &mut Buffer) {
    let title = format!(" {} {} ", sanitize(&row.grid), sanitize(&row.name));
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Line::styled(title, Theme::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    Paragraph::new(lines(state, row, usize::from(inner.width))).render(inner, buf);
}
