//! The incident view, over the screen's body: what the incident is (level,
//! status, grid, discovery, the next report's countdown), then its four
//! sections — checklist, people, equipment and materials, timeline. On a
//! large terminal all four show at once; on a small one the section with
//! the cursor, under a bar naming the four (`←` `→` move between them).
//!
//! - here: the frame, the summary and the layout, and a scrolled list that
//!   keeps the cursor in view;
//! - `checklist`: the steps; `resources`: people and equipment;
//!   `timeline`: the incident's audit records in words.

mod checklist;
mod resources;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::overlay::clear;
use super::table::due;
use super::theme::Theme;
use crate::domain::incident::IncidentDetail;
use crate::i18n::{T, fill};
use crate::text::{sanitize, wrap};
use crate::tui::screens::incidents::{IncidentView, Section};
use crate::tui::state::{IncidentData, State};
use crate::words::incident as iw;

/// Wide enough for the four sections side by side.
const WIDE: u16 = 150;
const TALL: u16 = 30;

pub fn render(state: &State, view: &IncidentView, area: Rect, buf: &mut Buffer) {
    clear(area, buf);
    let data = state.open_incident();
    let mut title = vec![Span::styled(
        format!(" {} #{} ", state.t(T::IncUiView), view.id),
        Theme::title(),
    )];
    if let Some(d) = data {
        title.push(Span::styled(
            format!(
                "{} ",
                sanitize(iw::bilingual(state.lang, &d.detail.row.name))
            ),
            Theme::title(),
        ));
        if d.detail.row.drill {
            title.push(Span::styled(
                format!(" {} ", state.t(T::Drill)),
                Theme::drill(),
            ));
            title.push(Span::raw(" "));
        }
    }
    let block = Block::new().borders(Borders::ALL).title(Line::from(title));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(data) = data else {
        Paragraph::new(Line::styled(state.t(T::Loading), Theme::dim())).render(inner, buf);
        return;
    };
    let head = summary(state, &data.detail, usize::from(inner.width));
    let [top, rest] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Min(1)]).areas(inner);
    Paragraph::new(head).render(top, buf);
    if inner.width >= WIDE && inner.height >= TALL {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .spacing(1)
                .areas(rest);
        let [steps, time] =
            Layout::vertical([Constraint::Min(8), Constraint::Percentage(35)]).areas(left);
        let [people, items] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(right);
        for (s, r) in [
            (Section::Checklist, steps),
            (Section::Timeline, time),
            (Section::People, people),
            (Section::Equipment, items),
        ] {
            let [t, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(r);
            let mark = if s == view.section { "▶ " } else { "  " };
            let style = if s == view.section {
                Theme::title()
            } else {
                Theme::dim()
            };
            Paragraph::new(Line::styled(format!("{mark}{}", state.t(s.title())), style))
                .render(t, buf);
            section(state, data, view, s, body, buf);
        }
    } else {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(rest);
        let mut spans = Vec::new();
        for s in Section::ALL {
            let style = if s == view.section {
                Theme::selected()
            } else {
                Theme::dim()
            };
            spans.push(Span::styled(format!(" {} ", state.t(s.title())), style));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled("← →", Theme::dim()));
        Paragraph::new(Line::from(spans)).render(bar, buf);
        section(state, data, view, view.section, body, buf);
    }
}

fn section(
    state: &State,
    data: &IncidentData,
    view: &IncidentView,
    s: Section,
    area: Rect,
    buf: &mut Buffer,
) {
    let cursor = (s == view.section).then(|| view.cursor_of(s));
    let lines = match s {
        Section::Checklist => checklist::lines(state, &data.detail, cursor, area),
        Section::People => resources::people(state, &data.detail, cursor, area),
        Section::Equipment => resources::equipment(state, data, cursor, area),
        Section::Timeline => timeline::lines(state, &data.detail, view.cursor_of(s), area),
    };
    Paragraph::new(lines).render(area, buf);
}

/// Level, status, grid, discovery, where it came from; the next report
/// with its countdown.
fn summary(state: &State, d: &IncidentDetail, w: usize) -> Vec<Line<'static>> {
    let r = &d.row;
    let lang = state.lang;
    let tz = state.config.settings.timezone;
    let hm =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&tz).format("%m-%d %H:%M").to_string();
    let grid = match state.config.grids.get(&r.grid) {
        Some(g) => format!("{} {}", r.grid, g.name),
        None => r.grid.clone(),
    };
    let mut parts = vec![
        iw::severity(lang, &r.severity),
        iw::status(r.status).get(lang).to_string(),
        grid,
        fill(
            state.t(T::IncUiDiscovered),
            &[("time", &hm(r.discovered_at))],
        ),
    ];
    if let Some(c) = r.complaint_id {
        parts.push(fill(
            state.t(T::IncUiFromComplaint),
            &[("id", &c.to_string())],
        ));
    }
    if let Some(p) = &r.place {
        parts.push(p.clone());
    }
    let mut out: Vec<Line> = wrap(&sanitize(&parts.join(" · ")), w)
        .into_iter()
        .take(2)
        .map(Line::raw)
        .collect();
    // The next report not sent yet, soonest first.
    let next = d
        .reports
        .iter()
        .filter(|x| x.sent_at.is_none())
        .filter_map(|x| x.due_at.map(|at| (at, x.kind)))
        .min_by_key(|(at, _)| *at);
    let line = match next {
        // A report unsent is shown whatever the incident's state: one
        // still owed after closing is late, not done.
        Some((at, kind)) => {
            let (left, style) = due(state, at);
            Line::from(vec![
                Span::raw(format!(
                    "{} ",
                    fill(
                        state.t(T::IncUiNextReport),
                        &[("report", iw::report(kind).get(lang)), ("time", &hm(at)),],
                    )
                )),
                Span::styled(left, style),
            ])
        }
        _ => Line::styled(state.t(T::IncUiReportsDone), Theme::ok()),
    };
    out.push(line);
    out
}

/// Items of one or more lines each, scrolled so that the item at `cursor`
/// is in view (highlighted) within `height` lines.
pub(super) fn scrolled(
    items: Vec<Vec<Line<'static>>>,
    cursor: Option<usize>,
    height: usize,
) -> Vec<Line<'static>> {
    let at = cursor.unwrap_or(0).min(items.len().saturating_sub(1));
    // The first item shown: as late as needed for the cursor's item to end on screen.
    let mut first = 0;
    let end_of = |first: usize| -> usize { items[first..=at].iter().map(Vec::len).sum() };
    while !items.is_empty() && first < at && end_of(first) > height {
        first += 1;
    }
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate().skip(first) {
        for l in item {
            if out.len() >= height {
                return out;
            }
            out.push(if Some(i) == cursor {
                l.patch_style(Theme::selected())
            } else {
                l
            });
        }
    }
    out
}
