//! Drawing the Map screen (#12; its state is `screens::map`): the grid
//! boundaries on a braille canvas (townships bright over dim villages,
//! township names where they fit), open complaints with a point as markers
//! coloured AND shaped by time left like every countdown (● in time, ▲
//! within the warning, ✖ late), open incidents as ◆ (at their complaint's
//! point, else their grid's middle), the selected complaint as ◉; beside
//! or below: the selected complaint, the counts, the legend.
//!
//! The aspect is kept: the layer is projected (x = lon·cos lat), and the
//! bounds are widened so a unit is as long across as up, a cell being
//! about twice as tall as wide.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::canvas::{Canvas, Line};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::i18n::{T, fill};
use crate::text::{fit, sanitize, width};
use crate::tui::screens::map::MapLayer;
use crate::tui::state::State;
use crate::tui::view::table;
use crate::tui::view::theme::Theme;

/// A marker on the map: where, what, how.
struct Marker_ {
    at: (f64, f64),
    symbol: &'static str,
    style: Style,
}

pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(state.screen.title().get(state.lang));
    let inner = block.inner(body);
    block.render(body, buf);
    let layer = &state.map.layer;
    let wide = inner.width >= 100;
    let (map_area, panel) = if wide {
        let side = 38.min(inner.width / 3);
        (
            Rect {
                width: inner.width - side - 1,
                ..inner
            },
            Rect {
                x: inner.x + inner.width - side,
                width: side,
                ..inner
            },
        )
    } else {
        let h = 3.min(inner.height);
        (
            Rect {
                height: inner.height - h,
                ..inner
            },
            Rect {
                y: inner.y + inner.height - h,
                height: h,
                ..inner
            },
        )
    };
    let lines = panel_lines(state, wide, panel.width as usize);
    Paragraph::new(lines).render(panel, buf);
    match layer.bounds {
        Some(b) if map_area.width >= 4 && map_area.height >= 2 => {
            draw_map(state, layer, b, map_area, buf)
        }
        _ => {
            let text = fit(state.t(T::MapNoBoundaries), map_area.width as usize);
            Paragraph::new(Span::styled(text, Theme::dim())).render(map_area, buf);
        }
    }
}

/// The markers: incidents first, complaints over them, the selected last.
fn markers(state: &State, layer: &MapLayer) -> Vec<Marker_> {
    let mut out = Vec::new();
    for i in state.data.incidents.iter().filter(|i| i.status.is_open()) {
        let own = i
            .complaint_id
            .and_then(|id| state.complaint(id))
            .and_then(|c| Some(layer.project(c.lat?, c.lon?)));
        if let Some(at) = own.or_else(|| layer.centroids.get(&i.grid).copied()) {
            out.push(Marker_ {
                at,
                symbol: "◆",
                style: Theme::unassigned(),
            });
        }
    }
    let selected = state.map.selected_in(&state.data.open).map(|c| c.id);
    let mut last = None;
    for c in &state.data.open {
        let (Some(lat), Some(lon)) = (c.lat, c.lon) else {
            continue;
        };
        let (text, style) = table::due(state, c.deadline_at);
        let symbol = match text.chars().next() {
            Some('✖') => "✖",
            Some('▲') => "▲",
            _ => "●",
        };
        let m = Marker_ {
            at: layer.project(lat, lon),
            symbol,
            style,
        };
        if Some(c.id) == selected {
            last = Some(Marker_ {
                symbol: "◉",
                style: style.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                ..m
            });
        } else {
            out.push(m);
        }
    }
    out.extend(last);
    out
}

fn draw_map(state: &State, layer: &MapLayer, b: [f64; 4], area: Rect, buf: &mut Buffer) {
    // Cells per unit, keeping the aspect (a row is two columns tall).
    let (w, h) = ((b[2] - b[0]) * 1.04, (b[3] - b[1]) * 1.04);
    let (cols, rows) = (f64::from(area.width), f64::from(area.height));
    let s = (cols / w).min(2.0 * rows / h);
    let (cx, cy) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    let (xspan, yspan) = (cols / s, 2.0 * rows / s);
    let markers = markers(state, layer);
    // The cell a point is printed in, as the canvas places text.
    let (left, top) = (cx - xspan / 2.0, cy + yspan / 2.0);
    let cell = |x: f64, y: f64| {
        (
            ((x - left) * (cols - 1.0) / xspan) as i64,
            ((top - y) * (rows - 1.0) / yspan) as i64,
        )
    };
    let taken: Vec<(i64, i64)> = markers.iter().map(|m| cell(m.at.0, m.at.1)).collect();
    let labels: Vec<(f64, f64, String)> = layer
        .labels
        .iter()
        .filter_map(|l| {
            let room = l.span * s * 0.9;
            let text = [&l.name, &l.id]
                .into_iter()
                .find(|t| width(t) as f64 <= room)?
                .clone();
            let x = l.x - width(&text) as f64 / 2.0 / s;
            // A marker printed over a label would cut a wide character in
            // half: the marker wins, the label is left out.
            let (col, row) = cell(x, l.y);
            let end = col + width(&text) as i64;
            let free = !taken
                .iter()
                .any(|&(c, r)| r == row && (col..end).contains(&c));
            free.then_some((x, l.y, text))
        })
        .collect();
    Canvas::default()
        .x_bounds([cx - xspan / 2.0, cx + xspan / 2.0])
        .y_bounds([cy - yspan / 2.0, cy + yspan / 2.0])
        .marker(Marker::Braille)
        .paint(|ctx| {
            let line = |s: &[f64; 4], color| Line {
                x1: s[0],
                y1: s[1],
                x2: s[2],
                y2: s[3],
                color,
            };
            for seg in &layer.villages {
                ctx.draw(&line(seg, Color::DarkGray));
            }
            ctx.layer();
            for seg in &layer.townships {
                ctx.draw(&line(seg, Color::White));
            }
            ctx.layer();
            for (x, y, text) in &labels {
                ctx.print(*x, *y, Span::styled(text.clone(), Theme::title()));
            }
            for m in &markers {
                ctx.print(m.at.0, m.at.1, Span::styled(m.symbol, m.style));
            }
        })
        .render(area, buf);
}

/// `▲ 08:21` as time left (`▲ 08:21 left`, `✖ 10:00 overdue`): alone it
/// reads as a clock time.
fn time_left(state: &State, due: &str) -> String {
    let (sym, t) = due.split_once(' ').unwrap_or(("", due));
    let (key, t) = match t.strip_prefix('+') {
        Some(over) => (T::MapOverdue, over),
        None => (T::MapTimeLeft, t),
    };
    format!("{sym} {}", fill(state.t(key), &[("t", t)]))
}

/// The selected complaint, the counts and the legend, as lines of `cells`.
fn panel_lines(state: &State, wide: bool, cells: usize) -> Vec<TextLine<'static>> {
    let open = &state.data.open;
    let mut lines: Vec<TextLine<'static>> = Vec::new();
    // A broken grids.geojson saved meanwhile (`config::map_file`): first,
    // the legend gives way to it on a short panel.
    if let Some(why) = state.config.map_refused.current().as_ref() {
        let text = format!(
            "⚠ {}",
            fill(state.t(T::MapRefused), &[("why", &sanitize(why))])
        );
        // Wide: whole, over a few lines; short panel: one line.
        let said = if wide {
            crate::text::wrap(&text, cells)
                .into_iter()
                .take(6)
                .collect()
        } else {
            vec![fit(&text, cells)]
        };
        lines.extend(
            said.into_iter()
                .map(|l| TextLine::from(Span::styled(l, Theme::error()))),
        );
    }
    let selected = state.map.selected_in(open);
    let mut about = Vec::new();
    match selected {
        Some(c) => {
            let grid = c.grid.as_deref().map_or_else(
                || state.t(T::GridNoMatch).to_string(),
                |g| {
                    let name = state.config.grids.get(g).map_or("", |x| x.name.as_str());
                    sanitize(&format!("{g} {name}"))
                },
            );
            let (left, style) = table::due(state, c.deadline_at);
            let left = time_left(state, &left);
            let address = sanitize(c.address.as_deref().unwrap_or("—"));
            let head = format!("◉ #{} {grid}", c.id);
            if wide {
                about.push(TextLine::from(Span::styled(
                    fit(&head, cells),
                    Theme::title(),
                )));
                about.push(TextLine::from(Span::styled(left, style)));
                about.push(TextLine::from(fit(&address, cells)));
            } else {
                let rest = cells.saturating_sub(width(&head) + width(&left) + 2);
                about.push(TextLine::from(vec![
                    Span::styled(head, Theme::title()),
                    Span::raw(" "),
                    Span::styled(left, style),
                    Span::raw(" "),
                    Span::raw(fit(&address, rest)),
                ]));
            }
        }
        None => about.push(TextLine::from(Span::styled(
            fit(state.t(T::MapNoneSelected), cells),
            Theme::dim(),
        ))),
    }
    lines.extend(about);
    let outside = state.map.outside;
    let n = |k: usize| k.to_string();
    let mut counts = vec![fill(
        state.t(T::MapOnTheMap),
        &[("n", &n(state.map.order.len()))],
    )];
    if state.map.without_location > 0 {
        counts.push(fill(
            state.t(T::MapWithoutLocation),
            &[("n", &n(state.map.without_location))],
        ));
    }
    if outside > 0 {
        counts.push(fill(state.t(T::MapOutside), &[("n", &n(outside))]));
    }
    let warn = state.config.settings.warn_before.num_minutes().to_string();
    let legend = [
        ("● ", T::MapLegendOk, Theme::ok()),
        ("▲ ", T::MapLegendSoon, Theme::soon()),
        ("✖ ", T::MapLegendLate, Theme::breached()),
        ("◆ ", T::MapLegendIncident, Theme::unassigned()),
        ("◉ ", T::MapLegendSelected, Theme::title()),
    ];
    if wide {
        lines.push(TextLine::default());
        lines.extend(counts.into_iter().map(|t| TextLine::from(fit(&t, cells))));
        lines.push(TextLine::default());
        for (sym, t, style) in legend {
            let text = fill(state.t(t), &[("min", &warn)]);
            lines.push(TextLine::from(vec![
                Span::styled(sym, style),
                Span::raw(fit(&text, cells.saturating_sub(2))),
            ]));
        }
        lines.push(TextLine::default());
        lines.push(TextLine::from(Span::styled(
            fit(state.t(T::MapKeys), cells),
            Theme::dim(),
        )));
    } else {
        lines.push(TextLine::from(fit(&counts.join(" · "), cells)));
        let mut spans = Vec::new();
        let mut used = 0;
        for (sym, t, style) in legend {
            let text = fill(state.t(t), &[("min", &warn)]);
            let w = width(sym) + width(&text) + 1;
            if used + w > cells {
                break;
            }
            used += w;
            spans.push(Span::styled(sym, style));
            spans.push(Span::raw(format!("{text} ")));
        }
        lines.push(TextLine::from(spans));
    }
    lines
}
