//! Drawing the Statistics screen (#12; its state is `screens::statistics`,
//! its figures `board::stats`): the window's totals on two lines; the
//! on-time rate per township as bars (▼ below the target, colour never
//! alone) with "deadline passed" (on time + late + missing) and breaches
//! beside them; complaints per hour (today)
//! or per day as a chart with axes; the enterprises complained about
//! again, patrol completion and the outflow sections (`statistics_panels`).
//!
//! 80×24: the bars and the chart side by side, the three panels one line
//! each below; what does not fit is left out whole, never squeezed. 200×50:
//! bars and chart taller, the panels as lists.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Paragraph, Widget};

use super::statistics_panels::{self as panels, percent, right};
use crate::board::stats::{ON_TIME_TARGET, Row, Window, WindowStats};
use crate::i18n::{T, fill};
use crate::text::{fit, sanitize, width};
use crate::tui::state::State;
use crate::tui::view::theme::Theme;

/// The narrowest a township's name is cut to beside its bar; with room it
/// is as wide as the longest name (leaving `BAR_MIN` cells to the bars).
const NAME_CELLS: usize = 14;
const BAR_MIN: usize = 24;
/// The deadline-passed / breaches / patrol columns beside the bars.
const COLS_NARROW: u16 = 16;
const COLS_WIDE: u16 = 25;
/// The deadline-passed column: "Deadline" / "已到时限" and a space.
const DUE_CELLS: usize = 9;

pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let screen = &state.statistics;
    let stats = screen.board.as_ref().and_then(|b| b.window(screen.window));
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Line::styled(
            format!(" {} ", title(state, stats)),
            Theme::title(),
        ))
        .title(Line::styled(format!(" {} ", next_hint(state)), Theme::dim()).right_aligned());
    let inner = block.inner(body);
    block.render(body, buf);
    let Some(w) = stats else {
        Paragraph::new(Line::styled(state.t(T::Loading), Theme::dim())).render(inner, buf);
        return;
    };
    let [summary, main] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    render_summary(state, w, summary, buf);
    let wide = main.width >= 120 && main.height >= 24;
    // Panels below: one line each on a small screen, lists on a large one;
    // the bars and the chart take the rest.
    let panels_h = if wide { 10 } else { 3 };
    let top_h = main.height.saturating_sub(panels_h);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Min(0)]).areas(main);
    let bars_w = if wide {
        (top.width / 2).max(70)
    } else {
        (top.width / 2 + 4).min(top.width)
    };
    let [bars_area, chart_area] =
        Layout::horizontal([Constraint::Length(bars_w), Constraint::Min(0)]).areas(top);
    render_rates(state, w, wide, bars_area, buf);
    if chart_area.width >= 24 {
        panels::chart(state, w, chart_area, buf);
    }
    if wide {
        panels::lists(state, w, bottom, buf);
    } else {
        panels::lines(state, w, bottom, buf);
    }
}

fn title(state: &State, stats: Option<&WindowStats>) -> String {
    let day = stats
        .and_then(|w| w.first_day)
        .map(|d| d.format("%m-%d").to_string())
        .unwrap_or_default();
    let window = match state.statistics.window {
        Window::Today => state.t(T::StatToday).to_string(),
        Window::Week => fill(state.t(T::StatWeek), &[("day", &day)]),
        Window::Month => fill(state.t(T::StatMonth), &[("day", &day)]),
    };
    fill(state.t(T::StatTitle), &[("window", &window)])
}

fn next_hint(state: &State) -> String {
    let next = match state.statistics.window.next() {
        Window::Today => T::StatNextToday,
        Window::Week => T::StatNextWeek,
        Window::Month => T::StatNextMonth,
    };
    fill(state.t(T::StatNextHint), &[("window", state.t(next))])
}

fn below_target(r: &Row) -> bool {
    r.arrivals
        .on_time_rate()
        .is_some_and(|rate| rate < ON_TIME_TARGET)
}

fn render_summary(state: &State, w: &WindowStats, area: Rect, buf: &mut Buffer) {
    let a = &w.county.arrivals;
    let minutes = |m: Option<f64>| m.map_or("—".to_string(), |m| format!("{m:.1}"));
    let first = fill(
        state.t(T::StatSummary),
        &[
            ("received", &w.county.received.to_string()),
            ("due", &a.due().to_string()),
            ("on_time", &a.on_time.to_string()),
            ("rate", &percent(a.on_time, a.due())),
            ("breaches", &a.breaches().to_string()),
            ("late", &a.late.to_string()),
            ("missing", &a.missing.to_string()),
        ],
    );
    let second = fill(
        state.t(T::StatSummaryMore),
        &[
            ("median", &minutes(w.median_minutes)),
            ("p90", &minutes(w.p90_minutes)),
            ("rejected", &w.rejected.to_string()),
            ("merged", &w.merged.to_string()),
            ("reopened", &w.reopened.to_string()),
        ],
    );
    let cells = usize::from(area.width);
    let style = if a.breaches() > 0 {
        Theme::soon()
    } else {
        Style::new()
    };
    Paragraph::new(vec![
        Line::styled(fit(&first, cells), style),
        Line::raw(fit(&second, cells)),
    ])
    .render(area, buf);
}

/// The name a row is shown under.
fn name_of(state: &State, r: &Row, county: bool) -> String {
    if county {
        state.t(T::StatAll).to_string()
    } else if r.grid.is_empty() {
        state.t(T::StatUnassigned).to_string()
    } else if r.name.is_empty() {
        sanitize(&r.grid)
    } else {
        sanitize(&r.name)
    }
}

/// The name a row is shown under in `cells`, marked ▼ below the target.
fn label(state: &State, r: &Row, county: bool, cells: usize) -> Line<'static> {
    let name = name_of(state, r, county);
    let mark = if below_target(r) { "▼" } else { " " };
    let text = format!("{} {mark}", fit(&name, cells));
    let style = match (county, below_target(r)) {
        (_, true) => Theme::breached(),
        (true, false) => Style::new().add_modifier(Modifier::BOLD),
        _ => Style::new(),
    };
    Line::styled(text, style)
}

fn render_rates(state: &State, w: &WindowStats, wide: bool, area: Rect, buf: &mut Buffer) {
    let target = format!("{:.0}%", ON_TIME_TARGET * 100.0);
    let block = Block::bordered().title(Line::styled(
        fill(state.t(T::StatRates), &[("target", &target)]),
        Theme::title(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let cols_w = if wide { COLS_WIDE } else { COLS_NARROW };
    if inner.height < 2 || inner.width < cols_w + NAME_CELLS as u16 + 10 {
        return;
    }
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let [bars_area, cols_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(cols_w)]).areas(list);
    let [_, cols_head] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(cols_w)]).areas(head);
    let rows: Vec<(&Row, bool)> = std::iter::once((&w.county, true))
        .chain(w.rows.iter().map(|r| (r, false)))
        .take(usize::from(list.height))
        .collect();
    // The names as wide as the longest when the bars keep their room.
    let longest = rows
        .iter()
        .map(|(r, county)| width(&name_of(state, r, *county)))
        .max()
        .unwrap_or(0);
    let room = usize::from(bars_area.width).saturating_sub(BAR_MIN + 2);
    let name_cells = longest.min(room.max(NAME_CELLS));
    let bars: Vec<Bar> = rows
        .iter()
        .map(|(r, county)| {
            let a = &r.arrivals;
            let permille = if a.due() == 0 {
                0
            } else {
                a.on_time * 1000 / a.due()
            };
            let style = if below_target(r) {
                Theme::breached()
            } else {
                Theme::ok()
            };
            Bar::default()
                .value(permille)
                .text_value(percent(a.on_time, a.due()))
                .label(label(state, r, *county, name_cells))
                .style(style)
                .value_style(Style::new().add_modifier(Modifier::REVERSED))
        })
        .collect();
    // Thicker bars, a blank line between them, when there is room.
    let n = rows.len().max(1) as u16;
    let bar_w = ((list.height + 1) / n).saturating_sub(1).clamp(1, 3);
    let gap = u16::from((bar_w + 1) * n <= list.height + 1);
    BarChart::horizontal(bars)
        .bar_width(bar_w)
        .bar_gap(gap)
        .max(1000)
        .render(bars_area, buf);
    // Due, breaches (✖ when any) and, on a large screen, patrols done/due.
    let col = |s: String, cells: usize| right(&s, cells);
    let mut header = format!(
        "{}{}",
        right(state.t(T::StatColDue), DUE_CELLS),
        right(state.t(T::StatColBreaches), 7)
    );
    if wide {
        header.push_str(&right(state.t(T::StatColPatrol), 9));
    }
    Paragraph::new(Line::styled(header, Theme::dim())).render(cols_head, buf);
    let lines: Vec<Line> = rows
        .iter()
        .map(|(r, _)| {
            let a = &r.arrivals;
            let breaches = if a.breaches() > 0 {
                format!("✖{}", a.breaches())
            } else {
                "0".into()
            };
            let mut spans = vec![
                Span::raw(col(a.due().to_string(), DUE_CELLS)),
                Span::styled(
                    col(breaches, 7),
                    if a.breaches() > 0 {
                        Theme::breached()
                    } else {
                        Style::new()
                    },
                ),
            ];
            if wide {
                let p = format!("{}/{}", r.patrol.done, r.patrol.due);
                spans.push(Span::raw(col(p, 9)));
            }
            Line::from(spans)
        })
        .flat_map(|l| {
            // Beside the bar's middle line, where its value is.
            let above = usize::from(bar_w / 2);
            let below = usize::from(bar_w - 1 - bar_w / 2 + gap);
            std::iter::repeat_n(Line::default(), above)
                .chain(std::iter::once(l))
                .chain(std::iter::repeat_n(Line::default(), below))
        })
        .collect();
    Paragraph::new(lines).render(cols_area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::stats::StatsBoard;
    use crate::i18n::Lang;

    fn screen(name: &str, cols: u16, rows: u16) -> String {
        let now = "2026-11-30T03:00:00Z".parse().unwrap();
        let config = std::sync::Arc::new(crate::config::Config::embedded().unwrap());
        let mut state = State::new(config, Lang::En, crate::clock::ClockMode::Fixed, now, None);
        let row = Row {
            grid: "T09".into(),
            name: name.into(),
            ..Row::default()
        };
        let w = WindowStats {
            rows: vec![row],
            ..WindowStats::default()
        };
        state.statistics.board = Some(Box::new(StatsBoard {
            now: Some(now),
            windows: vec![w],
        }));
        let area = Rect::new(0, 0, cols, rows);
        let mut buf = Buffer::empty(area);
        render(&state, area, &mut buf);
        (0..rows)
            .map(|y| (0..cols).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect()
    }

    #[test]
    fn a_long_township_name_is_shown_whole_when_there_is_room() {
        let long = "Riverside Industrial Development Zone";
        let wide = screen(long, 200, 50);
        assert!(wide.contains(long), "{wide}");
        // At 80 columns it is cut, marked, and the bars keep their room.
        let narrow = screen(long, 80, 24);
        assert!(narrow.contains("Riverside Ind…"), "{narrow}");
    }
}
