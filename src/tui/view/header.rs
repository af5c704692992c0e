//! The header line: clock, day type and regime now, a missing calendar (this
//! year's, or next year's from 60 days before), daemon heartbeat, drill
//! marker, counts. Under 120 columns every part gets shorter so that the
//! counts always show.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::Theme;
use crate::clock::ClockMode;
use crate::domain::calendar::{DayKind, Gap, Regime, decide};
use crate::i18n::{T, fill};
use crate::intake::liveness::DaemonState;
use crate::tui::state::State;

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let narrow = area.width < 120;
    let s = &state.config.settings;
    let local = state.now.with_timezone(&s.timezone);
    let d = decide(&state.config.calendar, &s.deadlines, &s.timezone, state.now);
    let day = match &d.day.kind {
        DayKind::Workday => state.t(T::WorkingDay),
        DayKind::MakeupWorkday(_) => state.t(T::MakeupDay),
        DayKind::Weekend => state.t(T::Weekend),
        DayKind::Holiday(_) => state.t(T::Holiday),
    };
    let regime = match (
        d.day.kind.is_working() && d.regime == Regime::OffHours,
        narrow,
    ) {
        (true, true) => state.t(T::Night).to_string(),
        (true, false) => format!("{day} · {}", state.t(T::Night)),
        (false, _) => day.to_string(),
    };
    let weekday = state.t(crate::words::weekday(chrono::Datelike::weekday(&local)));
    let clock = if narrow {
        format!("{weekday} {}", local.format("%H:%M:%S"))
    } else {
        format!(
            "{} {weekday} {}",
            local.format("%Y-%m-%d"),
            local.format("%H:%M:%S")
        )
    };
    let minutes = crate::words::minutes(state.lang, i64::from(d.minutes));
    let mut spans = vec![
        Span::styled(format!(" {clock} "), Theme::header()),
        Span::raw(" "),
        Span::styled(
            if area.width < 100 {
                minutes
            } else {
                format!("{regime} · {minutes}")
            },
            Theme::title(),
        ),
        Span::raw(" │ "),
    ];
    if d.day.fallback_year.is_some() {
        spans.push(Span::styled(
            format!(" {} ", state.t(T::NoCalendar)),
            Theme::stale(),
        ));
        spans.push(Span::raw(" │ "));
    }
    // Next year's calendar missing, from 60 days before it starts: placed
    // here once the rest is known, and only where the counts still fit.
    let calendar_at = spans.len();
    // The heartbeat is stamped on the drill clock; the age is what the
    // room waits through: real seconds.
    let age_text = |a: i64| {
        if narrow {
            String::new()
        } else {
            format!(
                " {}s",
                (a as f64 / state.clock_speed.max(0.01)).round() as i64
            )
        }
    };
    let daemon = state.daemon();
    spans.push(match daemon {
        _ if state.database_replaced => Span::styled(
            format!(" {} ", state.t(T::DatabaseReplaced)),
            Theme::stale(),
        ),
        DaemonState::Live { age_seconds, .. } => Span::styled(
            format!("{}{}", state.t(T::DaemonOk), age_text(age_seconds)),
            Theme::ok(),
        ),
        DaemonState::Stale { age_seconds, .. } => Span::styled(
            format!(" {}{} ", state.t(T::DaemonStale), age_text(age_seconds)),
            Theme::stale(),
        ),
        DaemonState::Stopped { .. } => {
            Span::styled(format!(" {} ", state.t(T::DaemonStopped)), Theme::stale())
        }
        DaemonState::Elsewhere { .. } => {
            Span::styled(format!(" {} ", state.t(T::DaemonElsewhere)), Theme::stale())
        }
        DaemonState::Never => {
            Span::styled(format!(" {} ", state.t(T::DaemonNever)), Theme::stale())
        }
    });
    let marker = match state.clock {
        ClockMode::Drill => Some(T::Drill),
        ClockMode::Fixed => Some(T::FixedClock),
        ClockMode::Real => None,
    };
    if let Some(m) = marker {
        spans.push(Span::raw(" │ "));
        spans.push(Span::styled(format!(" {} ", state.t(m)), Theme::drill()));
    }
    let c = &state.data.counts;
    let label = |t: T| {
        if narrow {
            String::new()
        } else {
            format!("{} ", state.t(t))
        }
    };
    spans.push(Span::raw(" │ "));
    spans.push(Span::raw(format!("{} {}  ", state.t(T::Open), c.open)));
    spans.push(Span::styled(
        format!("▲ {}{}  ", label(T::DueSoon), c.due_soon),
        if c.due_soon > 0 {
            Theme::soon()
        } else {
            Theme::dim()
        },
    ));
    spans.push(Span::styled(
        format!("✖ {}{}", label(T::Breached), c.breached),
        if c.breached > 0 {
            Theme::breached()
        } else {
            Theme::dim()
        },
    ));
    if c.unassigned > 0 {
        spans.push(Span::styled(
            format!("  ? {}{}", label(T::Unassigned), c.unassigned),
            Theme::unassigned(),
        ));
    }
    let next_year = state
        .config
        .calendar
        .gaps(local.date_naive())
        .into_iter()
        .find_map(|g| match g {
            Gap::NextYear { year, .. } => Some(year),
            Gap::ThisYear { .. } => None,
        });
    if let Some(year) = next_year {
        let text = fill(
            state.t(T::CalendarNextMissing),
            &[("year", &year.to_string())],
        );
        let marker = [
            Span::styled(format!(" {text} "), Theme::soon()),
            Span::raw(" │ "),
        ];
        let used: usize = spans
            .iter()
            .chain(&marker)
            .map(|s| crate::text::width(&s.content))
            .sum();
        if used <= area.width as usize {
            spans.splice(calendar_at..calendar_at, marker);
        }
    }
    // The officer on duty here (#11), shortening the rest to fit.
    super::duty::place(state, &mut spans, area.width as usize, local);
    // Which file this console reads, when the whole path fits.
    if let Some(db) = &state.database {
        let path = crate::text::sanitize(&db.display().to_string());
        let used: usize = spans.iter().map(|s| crate::text::width(&s.content)).sum();
        let label = format!("  │ {} {path}", state.t(T::DatabaseLabel));
        if used + crate::text::width(&label) <= area.width as usize {
            spans.push(Span::styled(label, Theme::dim()));
        }
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::domain::Heartbeat;
    use crate::i18n::Lang;

    /// The header at `speed` with the daemon's last beat `age` drill seconds ago.
    fn header(speed: f64, age: i64) -> String {
        let now: chrono::DateTime<chrono::Utc> = "2026-11-30T01:30:00Z".parse().unwrap();
        let mut config = Config::embedded().unwrap();
        // As `demo` sets it: the stale limit in drill time.
        config.settings.heartbeat_stale_after =
            config.settings.heartbeat_stale_after.mul_f64(speed);
        let mut state = State::new(
            std::sync::Arc::new(config),
            Lang::En,
            ClockMode::Drill,
            now,
            None,
        );
        state.clock_speed = speed;
        state.data.heartbeat = Some(Heartbeat {
            component: "intake".into(),
            pid: 1,
            host: "duty".into(),
            at: now - chrono::Duration::seconds(age),
            started_at: now - chrono::Duration::hours(1),
            db_path: None,
            spool_dir: None,
            stopped_at: None,
        });
        let area = Rect::new(0, 0, 200, 1);
        let mut buf = Buffer::empty(area);
        render(&state, area, &mut buf);
        (0..area.width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    #[test]
    fn the_heartbeat_age_is_in_real_seconds_at_drill_speed() {
        // Beaten two real seconds ago at a minute per second: 120 drill seconds.
        let h = header(60.0, 120);
        assert!(h.contains("intake OK 2s"), "{h}");
        assert!(header(1.0, 12).contains("intake OK 12s"));
        // Stale after 30 real seconds, whatever the speed.
        assert!(
            header(60.0, 31 * 60).contains("STALE 31s"),
            "{}",
            header(60.0, 31 * 60)
        );
    }
}
