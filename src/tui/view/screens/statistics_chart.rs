//! The Statistics screen's chart (#12): complaints per hour (today) or per
//! day (7/30 days) as vertical bars, drawn cell by cell so that every slot
//! (hour or day) owns the same columns and each axis label starts exactly
//! at its slot's bar; the bars take the width there is (a slot is as many
//! columns as fit, one of them the gap). Labelled every 1, 2, 3, 6 or 12
//! hours (every 1, 2, 7 … days) as the width allows, never overlapping.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::text::{fit, width};
use crate::tui::view::theme::Theme;

/// What the chart shows: one count per slot, the slots' labels, titles.
pub(super) struct Bars<'a> {
    pub series: &'a [u64],
    /// How many slots the axis has (24 hours, 7 or 30 days); `series` may
    /// be shorter (today so far).
    pub slots: usize,
    /// The label of slot `i`.
    pub label: &'a dyn Fn(usize) -> String,
    /// The steps (in slots) labels may be put at, finest first.
    pub steps: &'a [usize],
    pub x_title: &'a str,
    pub y_title: &'a str,
    pub style: Style,
}

const EIGHTHS: [&str; 8] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇"];

/// Where slot `i` starts and how many columns its bar has, in a plot
/// starting at `x0` and `plot_w` wide.
fn slot(x0: u16, plot_w: u16, slots: usize, i: usize) -> (u16, u16) {
    let n = u16::try_from(slots.max(1)).unwrap_or(u16::MAX);
    let slot_w = (plot_w / n).max(1);
    let bar_w = if slot_w >= 2 { slot_w - 1 } else { 1 };
    let i = u16::try_from(i).unwrap_or(u16::MAX);
    (x0.saturating_add(i.saturating_mul(slot_w)), bar_w)
}

/// Draw the chart into `area` (already inside its block).
pub(super) fn render(c: &Bars, area: Rect, buf: &mut Buffer) {
    let max = c.series.iter().copied().max().unwrap_or(0).max(2);
    // An even top so the middle label is a whole number.
    let top = max + max % 2;
    let y_labels = [top.to_string(), (top / 2).to_string(), "0".to_string()];
    let y_w = y_labels.iter().map(|s| width(s)).max().unwrap_or(1) as u16;
    // Rows: y title, the plot, the x axis line, the x labels.
    if area.height < 5 || area.width < y_w + 2 + c.slots as u16 {
        return;
    }
    let plot_h = area.height - 3;
    let (plot_y, axis_y, labels_y) = (area.y + 1, area.y + 1 + plot_h, area.y + 2 + plot_h);
    let axis_x = area.x + y_w;
    let x0 = axis_x + 1;
    let plot_w = area.right().saturating_sub(x0);
    let dim = Theme::dim();
    buf.set_string(area.x, area.y, fit(c.y_title, usize::from(area.width)), dim);
    // The y axis: the line, and 0, half and top at their rows.
    for y in plot_y..axis_y {
        buf.set_string(axis_x, y, "│", dim);
    }
    buf.set_string(axis_x, axis_y, "└", dim);
    buf.set_string(x0, axis_y, "─".repeat(usize::from(plot_w)), dim);
    let row_of = |v: u64| axis_y - 1 - ((v * u64::from(plot_h - 1)) / top) as u16;
    for (v, s) in [
        (top, &y_labels[0]),
        (top / 2, &y_labels[1]),
        (0, &y_labels[2]),
    ] {
        let x = axis_x - width(s) as u16;
        buf.set_string(x, row_of(v), s, dim);
    }
    // The bars, in eighths of a row; a count above zero shows at least one.
    let units = u64::from(plot_h) * 8;
    for (i, n) in c.series.iter().enumerate().take(c.slots) {
        if *n == 0 {
            continue;
        }
        let h = (n * units / top).max(1);
        let (x, bar_w) = slot(x0, plot_w, c.slots, i);
        for row in 0..plot_h {
            let filled = h.saturating_sub(u64::from(row) * 8).min(8) as usize;
            if filled == 0 {
                break;
            }
            let sym = if filled == 8 { "█" } else { EIGHTHS[filled] };
            let y = axis_y - 1 - row;
            for dx in 0..bar_w {
                buf.set_string(x + dx, y, sym, c.style);
            }
        }
    }
    // The x labels at their slots' first column, the finest step that
    // leaves a space between them; the axis title after them if it fits.
    let label_w = (0..c.slots)
        .map(|i| width(&(c.label)(i)))
        .max()
        .unwrap_or(1) as u16;
    let (start1, _) = slot(x0, plot_w, c.slots, 1);
    let slot_w = start1 - x0;
    let step = c
        .steps
        .iter()
        .copied()
        .find(|k| (*k as u16).saturating_mul(slot_w) > label_w)
        .unwrap_or(c.slots.max(1));
    let mut end = x0;
    for i in (0..c.slots).step_by(step.max(1)) {
        let (x, _) = slot(x0, plot_w, c.slots, i);
        if x + label_w > area.right() {
            break;
        }
        buf.set_string(x, labels_y, (c.label)(i), dim);
        end = x + label_w;
    }
    let title_w = width(c.x_title) as u16;
    if end + 1 + title_w <= area.right() {
        buf.set_string(area.right() - title_w, labels_y, c.x_title, dim);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(cells: u16, slots: usize, at: usize) -> (Buffer, Rect) {
        let mut series = vec![0; slots];
        series[at] = 5;
        let label = |i: usize| format!("{i:02}");
        let c = Bars {
            series: &series,
            slots,
            label: &label,
            steps: &[1, 2, 3, 6, 12],
            x_title: "hour",
            y_title: "complaints",
            style: Style::new(),
        };
        let area = Rect::new(0, 0, cells, 12);
        let mut buf = Buffer::empty(area);
        render(&c, area, &mut buf);
        (buf, area)
    }

    fn row(buf: &Buffer, area: Rect, y: u16) -> String {
        (0..area.width).map(|x| buf[(x, y)].symbol()).collect()
    }

    /// The first column of `hour`'s bar and of its label "HH".
    fn columns(cells: u16, hour: usize) -> (Option<usize>, Option<usize>) {
        let (buf, area) = draw(cells, 24, hour);
        let bottom = row(&buf, area, area.height - 3);
        let bar = bottom.chars().position(|ch| ch == '█');
        let labels = row(&buf, area, area.height - 1);
        let text = format!("{hour:02}");
        let label = labels
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.chars().count() + 1;
                Some((start, w))
            })
            .find(|(_, w)| *w == text)
            .map(|(start, _)| start);
        (bar, label)
    }

    #[test]
    fn hour_labels_start_at_their_hours_bars_at_80_and_200_cells() {
        // The chart's part of an 80- and a 200-column screen.
        for cells in [34, 38, 96, 128] {
            for hour in [0, 6, 12, 18] {
                let (bar, label) = columns(cells, hour);
                assert!(bar.is_some(), "{cells}: no bar for {hour}");
                assert_eq!(bar, label, "{cells} cells, hour {hour}");
            }
        }
    }

    #[test]
    fn bars_use_the_width() {
        let (buf, area) = draw(128, 30, 3);
        let bottom = row(&buf, area, area.height - 3);
        assert!(bottom.matches('█').count() >= 3, "{bottom}");
    }
}
