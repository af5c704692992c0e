//! The header line: clock, day type and regime now, daemon heartbeat, drill
//! marker, counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::Theme;
use crate::clock::ClockMode;
use crate::domain::calendar::{DayKind, Regime, decide};
use crate::i18n::T;
use crate::tui::state::State;

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let s = &state.config.settings;
    let local = state.now.with_timezone(&s.timezone);
    let d = decide(&state.config.calendar, &s.deadlines, &s.timezone, state.now);
    let day = match &d.day.kind {
        DayKind::Workday => state.t(T::WorkingDay),
        DayKind::MakeupWorkday(_) => state.t(T::MakeupDay),
        DayKind::Weekend => state.t(T::Weekend),
        DayKind::Holiday(_) => state.t(T::Holiday),
    };
    let regime = if d.day.kind.is_working() && d.regime == Regime::OffHours {
        format!("{day} · {}", state.t(T::Night))
    } else {
        day.to_string()
    };
    let mut spans = vec![
        Span::styled(
            format!(" {} ", local.format("%Y-%m-%d %a %H:%M:%S")),
            Theme::header(),
        ),
        Span::raw(" "),
        Span::styled(format!("{regime} · {} min", d.minutes), Theme::title()),
        Span::raw(" │ "),
    ];
    if d.day.fallback_year.is_some() {
        spans.push(Span::styled(
            format!(" {} ", state.t(T::NoCalendar)),
            Theme::stale(),
        ));
        spans.push(Span::raw(" │ "));
    }
    let stale_after = chrono::Duration::from_std(s.heartbeat_stale_after)
        .unwrap_or(chrono::Duration::seconds(30));
    match &state.data.heartbeat {
        Some(h) if state.now - h.at <= stale_after => {
            spans.push(Span::styled(
                format!(
                    "{} {}s",
                    state.t(T::DaemonOk),
                    (state.now - h.at).num_seconds().max(0)
                ),
                Theme::ok(),
            ));
        }
        Some(h) => spans.push(Span::styled(
            format!(
                " {} {}s ",
                state.t(T::DaemonStale),
                (state.now - h.at).num_seconds()
            ),
            Theme::stale(),
        )),
        None => spans.push(Span::styled(
            format!(" {} ", state.t(T::DaemonNever)),
            Theme::stale(),
        )),
    }
    match state.clock {
        ClockMode::Drill => {
            spans.push(Span::raw(" │ "));
            spans.push(Span::styled(
                format!(" {} ", state.t(T::Drill)),
                Theme::drill(),
            ));
        }
        ClockMode::Fixed => {
            spans.push(Span::raw(" │ "));
            spans.push(Span::styled(
                format!(" {} ", state.t(T::FixedClock)),
                Theme::drill(),
            ));
        }
        ClockMode::Real => {}
    }
    let c = &state.data.counts;
    spans.push(Span::raw(" │ "));
    spans.push(Span::raw(format!("{} {}  ", state.t(T::Open), c.open)));
    spans.push(Span::styled(
        format!("▲ {} {}  ", state.t(T::DueSoon), c.due_soon),
        if c.due_soon > 0 {
            Theme::soon()
        } else {
            Theme::dim()
        },
    ));
    spans.push(Span::styled(
        format!("✖ {} {}", state.t(T::Breached), c.breached),
        if c.breached > 0 {
            Theme::breached()
        } else {
            Theme::dim()
        },
    ));
    if c.unassigned > 0 {
        spans.push(Span::styled(
            format!("  ? {} {}", state.t(T::Unassigned), c.unassigned),
            Theme::unassigned(),
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}
