//! The Statistics screen's chart and lower panels (#12): complaints per
//! hour or day with both axes titled and labelled; the enterprises
//! complained about again; patrol completion; outflow sections (✔/✖ and
//! the word). As lists on a large screen, one line each on a small one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, LineGauge, Paragraph, Widget};

use crate::board::stats::{SectionRow, Window, WindowStats};
use crate::i18n::{T, fill};
use crate::text::{fit, sanitize, truncate, width};
use crate::tui::state::State;
use crate::tui::view::theme::Theme;

pub(super) fn chart(state: &State, w: &WindowStats, area: Rect, buf: &mut Buffer) {
    let hourly = w.window == Window::Today;
    let points: Vec<(f64, f64)> = w
        .series
        .iter()
        .enumerate()
        // A zero is no bar (a half block at the axis would read as one).
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| (i as f64, *n as f64))
        .collect();
    let max = w.series.iter().copied().max().unwrap_or(0).max(2);
    // An even top so the middle label is a whole number.
    let top = max + max % 2;
    let (x_end, x_labels): (f64, Vec<String>) = if hourly {
        (
            23.0,
            ["00", "06", "12", "18", "23"].map(String::from).to_vec(),
        )
    } else {
        let n = w.window.days();
        let day = |k: u64| {
            w.first_day
                .and_then(|d| d.checked_add_days(chrono::Days::new(k)))
                .map(|d| d.format("%m-%d").to_string())
                .unwrap_or_default()
        };
        ((n - 1) as f64, vec![day(0), day((n - 1) / 2), day(n - 1)])
    };
    let title = if hourly {
        T::StatPerHour
    } else {
        T::StatPerDay
    };
    let data = Dataset::default()
        .marker(Marker::HalfBlock)
        .graph_type(GraphType::Bar)
        .style(Theme::title())
        .data(&points);
    Chart::new(vec![data])
        .block(Block::bordered().title(Line::styled(state.t(title), Theme::title())))
        .x_axis(
            Axis::default()
                .title(Span::styled(
                    state.t(if hourly {
                        T::StatAxisHour
                    } else {
                        T::StatAxisDay
                    }),
                    Theme::dim(),
                ))
                .bounds([0.0, x_end])
                .labels(x_labels),
        )
        .y_axis(
            Axis::default()
                .title(Span::styled(state.t(T::StatAxisCount), Theme::dim()))
                .bounds([0.0, top as f64])
                .labels(["0".to_string(), (top / 2).to_string(), top.to_string()]),
        )
        .legend_position(None)
        .render(area, buf);
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

/// ✔ pass / ✖ fail / ? incomplete, with the word.
fn verdict(state: &State, s: &SectionRow) -> Span<'static> {
    match s.pass {
        Some(true) => Span::styled(format!("✔ {}", state.t(T::StatPass)), Theme::ok()),
        Some(false) => Span::styled(format!("✖ {}", state.t(T::StatFail)), Theme::breached()),
        None => Span::styled(format!("? {}", state.t(T::StatNoData)), Theme::soon()),
    }
}

/// The sections in one line: "✔ pass 3 · ✖ fail 1 · ? incomplete 2".
fn sections_line(state: &State, w: &WindowStats) -> Line<'static> {
    match w.sections.as_ref() {
        None => Line::styled(state.t(T::StatSectionsGap), Theme::dim()),
        Some(s) if s.is_empty() => Line::styled(state.t(T::StatSectionsNone), Theme::dim()),
        Some(s) => {
            let mut spans = Vec::new();
            for pass in [Some(true), Some(false), None] {
                let n = s.iter().filter(|x| x.pass == pass).count();
                if !spans.is_empty() {
                    spans.push(Span::raw(" · "));
                }
                let probe = SectionRow {
                    id: String::new(),
                    name: String::new(),
                    pass,
                };
                spans.push(verdict(state, &probe));
                spans.push(Span::raw(format!(" {n}")));
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
        Some(s) if !s.is_empty() => s
            .iter()
            .map(|x| {
                let v = verdict(state, x);
                let rest = cells.saturating_sub(crate::text::width(&v.content) + 1);
                Line::from(vec![
                    v,
                    Span::raw(" "),
                    Span::raw(fit(&sanitize(&x.name), rest)),
                ])
            })
            .collect(),
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
