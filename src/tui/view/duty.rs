//! The officer on duty at this console, in the header (#11), after the day
//! and regime. It must not push the counts off the line: on a narrow
//! screen the label goes first, then the clock's weekday and seconds, then
//! the separators narrow; only a line that still cannot hold the name
//! goes without it.

use chrono::DateTime;
use chrono_tz::Tz;
use ratatui::text::Span;

use super::theme::Theme;
use crate::i18n::T;
use crate::text::{sanitize, width};
use crate::tui::state::State;

const SEPARATOR: &str = " │ ";

fn used(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// Put the officer on duty into `spans` (the header's, the clock first,
/// the day and regime third) so that the line fits in `cells`.
pub fn place(state: &State, spans: &mut Vec<Span<'static>>, cells: usize, local: DateTime<Tz>) {
    let Some(id) = state.on_duty() else {
        return;
    };
    let name = sanitize(
        state
            .config
            .officers
            .get(id)
            .map_or(id, |o| o.name.as_str()),
    );
    let long = format!(" ◉ {} {name} ", state.t(T::HandOnDuty));
    let short = format!(" ◉ {name} ");
    let at = 4.min(spans.len());
    let fits =
        |spans: &[Span<'_>], text: &str| used(spans) + width(text) + width(SEPARATOR) <= cells;
    let insert = |spans: &mut Vec<Span<'static>>, text: String| {
        spans.splice(
            at..at,
            [Span::styled(text, Theme::title()), Span::raw(SEPARATOR)],
        );
    };
    if fits(spans, &long) {
        return insert(spans, long);
    }
    if fits(spans, &short) {
        return insert(spans, short);
    }
    // The clock without its weekday, then without seconds.
    for clock in [
        format!(" {} ", local.format("%H:%M:%S")),
        format!(" {} ", local.format("%H:%M")),
    ] {
        if let Some(first) = spans.first_mut() {
            *first = Span::styled(clock, Theme::header());
        }
        if fits(spans, &short) {
            return insert(spans, short);
        }
    }
    // Narrower separators.
    for s in spans.iter_mut() {
        if s.content == SEPARATOR {
            *s = Span::raw(" ");
        }
    }
    if used(spans) + width(&short) < cells {
        spans.splice(
            at..at,
            [Span::styled(short, Theme::title()), Span::raw(" ")],
        );
    }
}
