//! The side panel of the dashboard: the active incidents with their next
//! due step (or one line over the complaints at 80 columns), and who holds
//! the city and each township on call now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::theme::Theme;
use crate::i18n::{T, fill};
use crate::text::{fit, sanitize};
use crate::tui::state::State;

pub fn on_call(state: &State, area: Rect, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(Line::styled(
            format!(" {} ", state.t(T::OnCallPanel)),
            Theme::title(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let config = &state.config;
    let person = |id: Option<&String>| -> String {
        id.and_then(|i| config.officers.get(i))
            .map(|o| format!("{} {}", sanitize(&o.name), o.phone))
            .unwrap_or_else(|| "-".into())
    };
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for g in config.grids.iter().filter(|g| g.level <= 2) {
        let oc = state.boards.oncall.on_call(config, &g.id, state.now);
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", g.id), Theme::title()),
            Span::raw(fit(&sanitize(&g.name), w.saturating_sub(g.id.len() + 1))),
        ]));
        let roles = [
            (T::Primary, oc.as_ref().map(|o| &o.primary)),
            (T::Backup, oc.as_ref().and_then(|o| o.backup.as_ref())),
            (T::Leader, oc.as_ref().and_then(|o| o.leader.as_ref())),
        ];
        for (role, who) in roles {
            if who.is_some() {
                let label = format!("  {} ", state.t(role));
                lines.push(Line::from(vec![
                    Span::styled(label.clone(), Theme::dim()),
                    Span::raw(fit(
                        &person(who),
                        w.saturating_sub(crate::text::width(&label)),
                    )),
                ]));
            }
        }
    }
    Paragraph::new(lines).render(inner, buf);
}

/// How many rows the active incidents take at the top of the side panel
/// (none without one): two per incident, at most three incidents, never
/// more than a third of the panel — the on-call list keeps the rest.
pub fn incidents_height(state: &State, height: u16) -> u16 {
    let n = state.active_incidents().count();
    if n == 0 {
        return 0;
    }
    let shown = n.min(3) as u16;
    let more = u16::from(n > 3);
    (1 + 2 * shown + more).min(height / 3)
}

/// The active incidents, most urgent first: level, drill, type, then
/// checklist progress and the next due step with its countdown.
pub fn incidents(state: &State, area: Rect, buf: &mut Buffer) {
    use crate::tui::view::screens::incidents::{gauge, level_mark};
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(Line::styled(
            format!(" {} ", state.t(T::IncUiSidePanel)),
            Theme::title(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let all: Vec<_> = state.active_incidents().collect();
    let room = usize::from(inner.height);
    let shown = if all.len() * 2 > room {
        room.saturating_sub(1) / 2
    } else {
        all.len()
    };
    let mut lines = Vec::new();
    for r in all.iter().take(shown) {
        let mut head = vec![Span::styled(
            format!("#{} {} ", r.id, level_mark(r)),
            Theme::title(),
        )];
        if r.drill {
            head.push(Span::styled(state.t(T::Drill), Theme::drill()));
            head.push(Span::raw(" "));
        }
        let used: usize = head.iter().map(|s| s.width()).sum();
        head.push(Span::raw(fit(
            &sanitize(crate::words::incident::bilingual(state.lang, &r.name)),
            w.saturating_sub(used),
        )));
        lines.push(Line::from(head));
        let (bar, bar_style) = gauge(r.steps_settled, r.steps_total);
        let mut second = vec![Span::styled(format!("  {bar} "), bar_style)];
        second.extend(next_spans(state, r));
        lines.push(Line::from(second));
    }
    if all.len() > shown {
        lines.push(Line::styled(
            fill(
                state.t(T::IncUiMore),
                &[("n", &(all.len() - shown).to_string())],
            ),
            Theme::dim(),
        ));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// One line over the complaints when the side panel does not fit (80
/// columns): the most urgent active incident and its next due step, and
/// how many more there are.
pub fn incident_strip(state: &State, area: Rect, buf: &mut Buffer) {
    use crate::tui::view::screens::incidents::level_mark;
    let all: Vec<_> = state.active_incidents().collect();
    let Some(r) = all.first() else {
        return;
    };
    let next = next_spans(state, r);
    let mut spans = vec![Span::styled(
        format!("⚑ #{} {} ", r.id, level_mark(r)),
        Theme::title(),
    )];
    if r.drill {
        spans.push(Span::styled(state.t(T::Drill), Theme::drill()));
        spans.push(Span::raw(" "));
    }
    let more = if all.len() > 1 {
        format!(
            " · {}",
            fill(
                state.t(T::IncUiMore),
                &[("n", &(all.len() - 1).to_string())]
            )
        )
    } else {
        String::new()
    };
    let used: usize = spans.iter().map(|s| s.width()).sum::<usize>()
        + next.iter().map(|s| s.width()).sum::<usize>()
        + 3
        + crate::text::width(&more);
    spans.push(Span::raw(crate::text::truncate(
        &sanitize(crate::words::incident::bilingual(state.lang, &r.name)),
        (area.width as usize).saturating_sub(used + 1),
    )));
    spans.push(Span::styled(" · ", Theme::dim()));
    spans.extend(next);
    spans.push(Span::styled(more, Theme::dim()));
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// "step 3 ▲ 05:00" (the next open step and its countdown), or nothing.
fn next_spans(state: &State, r: &crate::domain::incident::IncidentRow) -> Vec<Span<'static>> {
    match crate::tui::view::screens::incidents::next_due(state, r) {
        Some((n, left, style)) => vec![
            Span::styled(
                format!(
                    "{} ",
                    fill(state.t(T::IncUiStepN), &[("n", &n.to_string())])
                ),
                Theme::dim(),
            ),
            Span::styled(left, style),
        ],
        None => Vec::new(),
    }
}
