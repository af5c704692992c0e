//! The header line: clock, day type and regime now, the officer on duty
//! here, a missing calendar (this year's, or next year's from 60 days
//! before), daemon heartbeat, drill marker, counts. Under 120 columns every
//! part gets shorter; on a short line the officer's label, the clock's
//! weekday and seconds, the separators and the officer give way before the
//! calendar warning, so that it, the daemon's state and the counts show.

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

const SEPARATOR: &str = " │ ";

fn used(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| crate::text::width(&s.content)).sum()
}

/// How much of the header is said: the clock (0: with its weekday, 1:
/// without, 2: without seconds), the officer on duty (long, short, none),
/// wide separators, next year's missing calendar.
#[derive(Clone, Copy)]
struct Fit {
    clock: usize,
    officer: Officer,
    wide: bool,
    calendar: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Officer {
    Long,
    Short,
    Nobody,
}

/// What gives way first when the line is short: the officer's label, the
/// clock's weekday, then its seconds, the separators, the officer; the
/// calendar warning last (then the rest is said in full again if it
/// fits). The daemon's state and the counts always show.
const FITS: [Fit; 12] = {
    const fn fit(clock: usize, officer: Officer, wide: bool, calendar: bool) -> Fit {
        Fit {
            clock,
            officer,
            wide,
            calendar,
        }
    }
    use Officer::{Long, Nobody, Short};
    [
        fit(0, Long, true, true),
        fit(0, Short, true, true),
        fit(1, Short, true, true),
        fit(2, Short, true, true),
        fit(2, Short, false, true),
        fit(2, Nobody, false, true),
        fit(0, Long, true, false),
        fit(0, Short, true, false),
        fit(1, Short, true, false),
        fit(2, Short, true, false),
        fit(2, Short, false, false),
        fit(2, Nobody, false, false),
    ]
};

/// The separators narrowed: none beside a part with its own margin (a
/// coloured one), else a space.
fn narrow_separators(spans: &mut [Span<'static>]) {
    for i in 0..spans.len() {
        if spans[i].content != SEPARATOR {
            continue;
        }
        let before = i.checked_sub(1).map(|j| spans[j].content.ends_with(' '));
        let after = spans.get(i + 1).map(|s| s.content.starts_with(' '));
        spans[i] = if before == Some(true) || after == Some(true) {
            Span::raw("")
        } else {
            Span::raw(" ")
        };
    }
}

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let narrow = area.width < 120;
    let cells = area.width as usize;
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
    let clocks = [
        if narrow {
            format!("{weekday} {}", local.format("%H:%M:%S"))
        } else {
            format!(
                "{} {weekday} {}",
                local.format("%Y-%m-%d"),
                local.format("%H:%M:%S")
            )
        },
        local.format("%H:%M:%S").to_string(),
        local.format("%H:%M").to_string(),
    ];
    let minutes = crate::words::minutes(state.lang, i64::from(d.minutes));
    let regime = if area.width < 100 {
        minutes
    } else {
        format!("{regime} · {minutes}")
    };
    let officer = super::duty::labels(state);
    // Next year's calendar missing, from 60 days before it starts.
    let next_year = state
        .config
        .calendar
        .gaps(local.date_naive())
        .into_iter()
        .find_map(|g| match g {
            Gap::NextYear { year, .. } => Some(year),
            Gap::ThisYear { .. } => None,
        })
        .map(|year| {
            fill(
                state.t(T::CalendarNextMissing),
                &[("year", &year.to_string())],
            )
        });
    let rest = daemon_and_counts(state, narrow);
    let line = |f: Fit| {
        let mut spans = vec![
            Span::styled(format!(" {} ", clocks[f.clock]), Theme::header()),
            Span::raw(" "),
            Span::styled(regime.clone(), Theme::title()),
            Span::raw(SEPARATOR),
        ];
        let who = match (&officer, f.officer) {
            (Some((long, _)), Officer::Long) => Some(long),
            (Some((_, short)), Officer::Short) => Some(short),
            _ => None,
        };
        if let Some(who) = who {
            spans.push(Span::styled(who.clone(), Theme::title()));
            spans.push(Span::raw(SEPARATOR));
        }
        if d.day.fallback_year.is_some() {
            spans.push(Span::styled(
                format!(" {} ", state.t(T::NoCalendar)),
                Theme::stale(),
            ));
            spans.push(Span::raw(SEPARATOR));
        }
        if let Some(text) = next_year.as_ref().filter(|_| f.calendar) {
            spans.push(Span::styled(format!(" {text} "), Theme::soon()));
            spans.push(Span::raw(SEPARATOR));
        }
        spans.extend(rest.iter().cloned());
        if !f.wide {
            narrow_separators(&mut spans);
        }
        spans
    };
    let mut spans = FITS
        .iter()
        .map(|f| line(*f))
        .find(|spans| used(spans) <= cells)
        .unwrap_or_else(|| line(FITS[FITS.len() - 1]));
    // Which file this console reads, when the whole path fits.
    if let Some(db) = &state.database {
        let path = crate::text::sanitize(&db.display().to_string());
        let label = format!("  │ {} {path}", state.t(T::DatabaseLabel));
        if used(&spans) + crate::text::width(&label) <= cells {
            spans.push(Span::styled(label, Theme::dim()));
        }
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The daemon's state, the clock marker and the counts: the end of the
/// line, said whatever the width.
fn daemon_and_counts(state: &State, narrow: bool) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
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
        spans.push(Span::raw(SEPARATOR));
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
    spans.push(Span::raw(SEPARATOR));
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
    spans
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
