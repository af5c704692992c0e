//! The checklist of the incident view: one line per step — mark, number,
//! text, role, due time and countdown — and for a settled step a second
//! line saying who did it when, or who skipped it and why.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::scrolled;
use crate::domain::incident::{IncidentDetail, StepRow, StepState};
use crate::i18n::{T, fill};
use crate::text::{countdown, fit, sanitize, width, wrap};
use crate::tui::state::State;
use crate::tui::view::table::due;
use crate::tui::view::theme::Theme;
use crate::words::incident as iw;

/// The name of role `role` in the frozen plan, else the id.
pub(super) fn role_name(state: &State, d: &IncidentDetail, role: &str) -> String {
    match d.roles.iter().find(|r| r.role == role) {
        Some(r) => sanitize(iw::bilingual(state.lang, &r.name)),
        None => sanitize(role),
    }
}

/// How wide the role column is: the widest role a step names, up to a
/// quarter of the section (a tenth on a small terminal).
fn role_width(state: &State, d: &IncidentDetail, w: usize) -> usize {
    let widest = d
        .steps
        .iter()
        .filter_map(|s| s.role.as_deref())
        .map(|r| width(&role_name(state, d, r)))
        .max()
        .unwrap_or(0);
    widest.min(if w >= WIDE { w / 4 } else { 10.min(w / 6) })
}

/// From this many cells a step's text wraps to a second line instead of
/// being cut.
const WIDE: usize = 100;

fn step_lines(
    state: &State,
    d: &IncidentDetail,
    s: &StepRow,
    w: usize,
    role_w: usize,
) -> Vec<Line<'static>> {
    let tz = state.config.settings.timezone;
    let hm = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&tz).format("%H:%M").to_string();
    let (mark, (left, left_style)) = match &s.state {
        StepState::Open => ("[ ]", due(state, s.due_at)),
        // Ticked after its due time: late, by how much (as an arrival is).
        StepState::Done { at, .. } if *at > s.due_at => (
            "[✔]",
            (
                format!(
                    "✔ {}",
                    fill(
                        state.t(T::IncUiStepLate),
                        &[("time", &countdown((*at - s.due_at).num_seconds()))]
                    )
                ),
                Theme::breached(),
            ),
        ),
        StepState::Done { .. } => ("[✔]", ("✔".to_string(), Theme::ok())),
        StepState::Skipped { .. } => ("[-]", ("—".to_string(), Theme::dim())),
    };
    let role = s
        .role
        .as_deref()
        .map(|r| role_name(state, d, r))
        .unwrap_or_default();
    let mut text = sanitize(iw::bilingual(state.lang, &s.text));
    if s.ad_hoc {
        text = format!("{text} ({})", state.t(T::IncUiAdHoc));
    }
    // Mark, number, then the text takes what the role and the time leave;
    // on a wide section a long text goes on to a second line.
    let right = format!(" {} {} ", fit(&role, role_w), hm(s.due_at));
    let left_w = 12;
    let text_w = w.saturating_sub(4 + 3 + width(&right) + left_w).max(6);
    let style = if s.state.is_settled() {
        Theme::dim()
    } else {
        Style::default()
    };
    let mut parts = if w >= WIDE && width(&text) > text_w {
        wrap(&text, text_w)
    } else {
        vec![text]
    };
    let more = (parts.len() > 2).then(|| parts[1..].join(" "));
    if let Some(rest) = more {
        parts.truncate(1);
        parts.push(rest);
    }
    let mut out = vec![Line::from(vec![
        Span::styled(format!("{mark} "), style),
        Span::styled(format!("{:>2} ", s.n), style),
        Span::styled(fit(&parts[0], text_w), style),
        Span::styled(right, Theme::dim()),
        Span::styled(left, left_style),
    ])];
    if let Some(rest) = parts.get(1) {
        out.push(Line::styled(
            format!("       {}", fit(rest.trim_start(), text_w)),
            style,
        ));
    }
    let who = |by: &str| crate::words::trail::who(state.lang, &state.config, by);
    let second = match &s.state {
        StepState::Open => None,
        StepState::Done { at, by, note } => {
            let mut t = fill(
                state.t(T::IncUiDoneBy),
                &[("who", &who(by)), ("time", &hm(*at))],
            );
            if let Some(n) = note.as_deref().filter(|n| !n.trim().is_empty()) {
                t = format!("{t} — {}", sanitize(n));
            }
            Some(t)
        }
        StepState::Skipped { at, by, reason } => Some(fill(
            state.t(T::IncUiSkippedBy),
            &[
                ("who", &who(by)),
                ("time", &hm(*at)),
                ("reason", &sanitize(reason)),
            ],
        )),
    };
    if let Some(t) = second {
        out.push(Line::styled(
            format!("       {}", fit(&t, w.saturating_sub(7))),
            Theme::dim(),
        ));
    }
    out
}

pub fn lines(
    state: &State,
    d: &IncidentDetail,
    cursor: Option<usize>,
    area: Rect,
) -> Vec<Line<'static>> {
    if d.steps.is_empty() {
        return vec![Line::styled(state.t(T::IncUiNoSteps), Theme::dim())];
    }
    let w = usize::from(area.width);
    let role_w = role_width(state, d, w);
    let items = d
        .steps
        .iter()
        .map(|s| step_lines(state, d, s, w, role_w))
        .collect();
    scrolled(items, cursor, usize::from(area.height))
}
