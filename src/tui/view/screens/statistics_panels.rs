//! The Statistics screen's chart and lower panels (#12): complaints per
//! hour or day with both axes titled and labelled; the enterprises
//! complained about again; patrol completion; outflow sections (each by
//! its latest month with a reading, ✔/✖/○ and the word). As lists on a large screen, one line each on a small one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, LineGauge, Paragraph, Widget};

use super::statistics_chart as chart;

use crate::board::stats::{SectionRow, Window, WindowStats};
use crate::domain::water::PeriodVerdict;
use crate::i18n::{T, fill};
use crate::text::{fit, sanitize, truncate, width};
use crate::tui::state::State;
use crate::tui::view::theme::Theme;

pub(super) fn chart(state: &State, w: &WindowStats, area: Rect, buf: &mut Buffer) {
    let hourly = w.window == Window::Today;
    let day = |k: usize| {
        w.first_day
            .and_then(|d| d.checked_add_days(chrono::Days::new(k as u64)))
            .map(|d| d.format("%m-%d").to_string())
            .unwrap_or_default()
    };
    let hour = |h: usize| format!("{h:02}");
    let (slots, label, steps, title, x_title): (usize, &dyn Fn(usize) -> String, &[usize], T, T) =
        if hourly {
            (
                24,
                &hour,
                &[1, 2, 3, 6, 12],
                T::StatPerHour,
                T::StatAxisHour,
            )
        } else {
            let n = usize::try_from(w.window.days()).unwrap_or(1);
            (
                n,
                &day,
                &[1, 2, 3, 5, 7, 10, 15, 30],
                T::StatPerDay,
                T::StatAxisDay,
            )
        };
    let block = Block::bordered().title(Line::styled(state.t(title), Theme::title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let bars = chart::Bars {
        series: &w.series,
        slots,
        label,
        steps,
        x_title: state.t(x_title),
        y_title: state.t(T::StatAxisCount),
        style: Theme::title(),
    };
    chart::render(&bars, inner, buf);
}

/// "3× name (E0107)" of each repeated enterprise, most repeated first.
fn repeats(w: &WindowStats) -> Vec<String> {
    w.top_repeats
        .iter()
        .map(|r| {
            let name = sanitize(&r.name);
            if r.name == r.id {
                format!("{}× {name}", r.count)
            } else {
                format!("{}× {name} ({})", r.count, sanitize(&r.id))
            }
        })
        .collect()
}

fn patrol_line(state: &State, w: &WindowStats) -> (String, Style) {
    let p = w.county.patrol;
    if p.due == 0 {
        return (state.t(T::StatPatrolNone).to_string(), Theme::dim());
    }
    let text = fill(
        state.t(T::StatPatrolLine),
        &[
            ("done", &p.done.to_string()),
            ("due", &p.due.to_string()),
            ("rate", &percent(p.done, p.due)),
        ],
    );
    let style = if p.done < p.due {
        Theme::soon()
    } else {
        Theme::ok()
    };
    (text, style)
}

/// ✔ pass / ✖ fail / ○ incomplete, with the word (as `gridwatch water`).
fn verdict_span(state: &State, v: PeriodVerdict) -> Span<'static> {
    match v {
        PeriodVerdict::Pass => Span::styled(format!("✔ {}", state.t(T::StatPass)), Theme::ok()),
        PeriodVerdict::Fail => {
            Span::styled(format!("✖ {}", state.t(T::StatFail)), Theme::breached())
        }
        PeriodVerdict::Incomplete => {
            Span::styled(format!("○ {}", state.t(T::StatNoData)), Theme::soon())
        }
    }
}

/// A section's latest month's verdict: pass, fail, or no reading at all.
fn latest_verdict(s: &SectionRow) -> PeriodVerdict {
    match &s.latest {
        Some(l) if l.pass => PeriodVerdict::Pass,
        Some(_) => PeriodVerdict::Fail,
        None => PeriodVerdict::Incomplete,
    }
}

/// One section: "S04 2026-10 ✖ fail V (NH3-N)", then the window's verdict
/// over its ended months when there is one, then the name.
fn section_spans(state: &State, s: &SectionRow, cells: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!("{} ", sanitize(&s.id)),
        Theme::title(),
    )];
    match &s.latest {
        Some(l) => {
            spans.push(Span::raw(format!("{} ", l.month)));
            spans.push(verdict_span(state, latest_verdict(s)));
            let class = match state.lang {
                crate::i18n::Lang::Zh => l.class.zh(),
                _ => l.class.roman(),
            };
            let worst = l
                .worst
                .as_ref()
                .map_or(String::new(), |p| format!(" ({})", sanitize(p)));
            spans.push(Span::raw(format!(" {class}{worst}")));
        }
        None => spans.push(Span::styled(
            format!("○ {}", state.t(T::StatNoReading)),
            Theme::soon(),
        )),
    }
    if let Some(v) = s.verdict {
        let mut w = verdict_span(state, v);
        w.content = format!(
            " · {}",
            fill(state.t(T::StatWindowVerdict), &[("verdict", &w.content)])
        )
        .into();
        spans.push(w);
    }
    let used: usize = spans.iter().map(|x| width(&x.content)).sum();
    let rest = cells.saturating_sub(used + 3);
    if rest > 2 {
        spans.push(Span::styled(
            format!(" · {}", fit(&sanitize(&s.name), rest)),
            Theme::dim(),
        ));
    }
    Line::from(spans)
}

/// The sections in one line, by their latest month with a reading:
/// "✔ pass 3 · ✖ fail 1 S04 · ○ no reading in a year 0".
fn sections_line(state: &State, w: &WindowStats) -> Line<'static> {
    match w.sections.as_ref() {
        None => Line::styled(state.t(T::StatSectionsGap), Theme::dim()),
        Some(s) if s.is_empty() => Line::styled(state.t(T::StatSectionsNone), Theme::dim()),
        Some(s) => {
            let mut spans = Vec::new();
            for v in [
                PeriodVerdict::Pass,
                PeriodVerdict::Fail,
                PeriodVerdict::Incomplete,
            ] {
                let of: Vec<&SectionRow> = s.iter().filter(|x| latest_verdict(x) == v).collect();
                if !spans.is_empty() {
                    spans.push(Span::raw(" · "));
                }
                spans.push(match v {
                    PeriodVerdict::Incomplete => {
                        Span::styled(format!("○ {}", state.t(T::StatNoReading)), Theme::soon())
                    }
                    v => verdict_span(state, v),
                });
                spans.push(Span::raw(format!(" {}", of.len())));
                if v == PeriodVerdict::Fail && !of.is_empty() {
                    let ids: Vec<String> = of.iter().map(|x| sanitize(&x.id)).collect();
                    spans.push(Span::styled(
                        format!(" {}", ids.join(" ")),
                        Theme::breached(),
                    ));
                }
            }
            Line::from(spans)
        }
    }
}

/// One line each (80×24): repeats, patrols, sections.
pub(super) fn lines(state: &State, w: &WindowStats, area: Rect, buf: &mut Buffer) {
    let cells = usize::from(area.width);
    let head = |t: T| format!("{}: ", state.t(t));
    let repeats = repeats(w);
    let repeat_text = if repeats.is_empty() {
        state.t(T::StatRepeatsNone).to_string()
    } else {
        repeats.join(" · ")
    };
    let (patrol, patrol_style) = patrol_line(state, w);
    let mut sections = sections_line(state, w);
    sections
        .spans
        .insert(0, Span::styled(head(T::StatSections), Theme::title()));
    let line = |h: String, text: String, style: Style| {
        let rest = cells.saturating_sub(crate::text::width(&h));
        Line::from(vec![
            Span::styled(h, Theme::title()),
            Span::styled(fit(&text, rest), style),
        ])
    };
    Paragraph::new(vec![
        line(head(T::StatRepeats), repeat_text, Style::new()),
        line(head(T::StatPatrol), patrol, patrol_style),
        sections,
    ])
    .render(area, buf);
}

/// Three bordered lists side by side (200×50).
pub(super) fn lists(state: &State, w: &WindowStats, area: Rect, buf: &mut Buffer) {
    let [rep, pat, sec] = Layout::horizontal([Constraint::Ratio(1, 3); 3]).areas(area);
    let titled = |t: T| Block::bordered().title(Line::styled(state.t(t), Theme::title()));
    // Repeated enterprises.
    let block = titled(T::StatRepeats);
    let inner = block.inner(rep);
    block.render(rep, buf);
    let cells = usize::from(inner.width);
    let items = repeats(w);
    let lines: Vec<Line> = if items.is_empty() {
        vec![Line::styled(state.t(T::StatRepeatsNone), Theme::dim())]
    } else {
        items.iter().map(|s| Line::raw(fit(s, cells))).collect()
    };
    Paragraph::new(lines).render(inner, buf);
    // Patrols: the county's line and gauge, then each township's done/due.
    let block = titled(T::StatPatrol);
    let inner = block.inner(pat);
    block.render(pat, buf);
    let cells = usize::from(inner.width);
    let (text, style) = patrol_line(state, w);
    let p = w.county.patrol;
    let [l1, l2, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    Paragraph::new(Line::styled(fit(&text, cells), style)).render(l1, buf);
    if p.due > 0 {
        LineGauge::default()
            .filled_style(style)
            .ratio(p.done as f64 / p.due as f64)
            .label(percent(p.done, p.due))
            .render(l2, buf);
    }
    let rows: Vec<Line> = w
        .rows
        .iter()
        .filter(|r| r.patrol.due > 0)
        .map(|r| {
            let name = if r.name.is_empty() { &r.grid } else { &r.name };
            let count = format!("{}/{}", r.patrol.done, r.patrol.due);
            let width = cells.saturating_sub(10);
            Line::raw(format!(
                "{}{}",
                fit(&sanitize(name), width),
                right(&count, 10)
            ))
        })
        .collect();
    Paragraph::new(rows).render(rest, buf);
    // Outflow sections.
    let block = titled(T::StatSections);
    let inner = block.inner(sec);
    block.render(sec, buf);
    let cells = usize::from(inner.width);
    let lines: Vec<Line> = match w.sections.as_ref() {
        Some(s) if !s.is_empty() => s.iter().map(|x| section_spans(state, x, cells)).collect(),
        _ => vec![sections_line(state, w)],
    };
    Paragraph::new(lines).render(inner, buf);
}

/// A rate as a duty room reads it: "92.3%", or "—" when nothing was due.
pub(super) fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".into();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

/// `s` cut to `cells` and right-aligned in them (cells, not characters).
pub(super) fn right(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    format!("{}{t}", " ".repeat(cells.saturating_sub(width(&t))))
}
