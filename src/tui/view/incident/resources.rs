//! People and equipment of the incident view, with their shortfalls
//! (`domain::incident::resources`): per role needed / engaged / on scene /
//! short, then each person assigned with where they are; per item required /
//! out / missing / in the depots / short. A shortfall is marked `✖` in red,
//! none `✔` — never colour alone.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::checklist::role_name;
use super::scrolled;
use crate::domain::incident::resources::{ItemStanding, staffing};
use crate::domain::incident::{IncidentDetail, PersonStatus};
use crate::i18n::T;
use crate::text::{fit, sanitize};
use crate::tui::state::{IncidentData, State};
use crate::tui::view::theme::Theme;
use crate::words::incident as iw;

/// A number column, right-aligned to the width of its header.
fn num(v: impl ToString, head: &str) -> String {
    let v = v.to_string();
    let pad = crate::text::width(head)
        .max(4)
        .saturating_sub(crate::text::width(&v));
    format!("{}{v} ", " ".repeat(pad))
}

fn short(n: u32) -> Span<'static> {
    if n > 0 {
        Span::styled(format!("✖ {n}"), Theme::breached())
    } else {
        Span::styled("✔", Theme::ok())
    }
}

/// An item's shortfall: `✖ n` when even the depots cannot cover it; when
/// something is missing but the depots hold it, says so (it still needs
/// dispatching); `✔` only when nothing is missing.
fn item_short(state: &State, s: &ItemStanding) -> Span<'static> {
    if s.short == 0 && s.missing > 0 {
        Span::styled(state.t(T::IncUiDepotsCover).to_string(), Theme::soon())
    } else {
        short(s.short)
    }
}

/// A header line: the first column fitted to `first` cells, then the numbers.
fn header(state: &State, first: T, first_w: usize, rest: &[T]) -> Line<'static> {
    let mut s = fit(state.t(first), first_w);
    for t in rest {
        let h = state.t(*t);
        s.push_str(&num(h, h));
    }
    Line::styled(s, Theme::dim())
}

pub fn people(
    state: &State,
    d: &IncidentDetail,
    cursor: Option<usize>,
    area: Rect,
) -> Vec<Line<'static>> {
    let w = usize::from(area.width);
    // Roles by their full names where there is room.
    let widest = d
        .roles
        .iter()
        .map(|r| crate::text::width(&role_name(state, d, &r.role)))
        .max()
        .unwrap_or(0);
    let first_w = (w / 3).clamp(8, 24).max(widest.min(w / 2));
    let cols = [
        T::IncUiColNeeded,
        T::IncUiColEngaged,
        T::IncUiColOnScene,
        T::IncUiColShort,
    ];
    let mut out = vec![header(state, T::IncUiColRole, first_w, &cols)];
    for r in staffing(&d.roles, &d.personnel) {
        let h = |i: usize| state.t(cols[i]);
        out.push(Line::from(vec![
            Span::raw(fit(&role_name(state, d, &r.role), first_w)),
            Span::raw(num(r.needed, h(0))),
            Span::raw(num(r.engaged, h(1))),
            Span::raw(num(r.on_scene, h(2))),
            short(r.short),
        ]));
    }
    let room = usize::from(area.height).saturating_sub(out.len());
    if d.personnel.is_empty() {
        out.push(Line::styled(state.t(T::IncUiNobody), Theme::dim()));
        return out;
    }
    let tz = state.config.settings.timezone;
    let items = d
        .personnel
        .iter()
        .map(|p| {
            let name = crate::words::trail::officer(&state.config, &p.officer);
            let style = match p.status {
                PersonStatus::OnScene => Theme::ok(),
                PersonStatus::Released => Theme::dim(),
                _ => Style::default(),
            };
            let status = format!(
                "{} {}",
                iw::person(p.status).get(state.lang),
                p.at.with_timezone(&tz).format("%H:%M")
            );
            // The role takes what the name and the longest status
            // ("requested 09:20") leave, the same on every row.
            let name_w = first_w.min(w / 2);
            let role_w = w.saturating_sub(name_w + 1 + 16).clamp(12, widest.max(12));
            vec![Line::from(vec![
                Span::raw(fit(&format!("{name} {}", sanitize(&p.officer)), name_w)),
                Span::styled(fit(&role_name(state, d, &p.role), role_w), Theme::dim()),
                Span::raw(" "),
                Span::styled(status, style),
            ])]
        })
        .collect();
    out.extend(scrolled(items, cursor, room));
    out
}

pub fn equipment(
    state: &State,
    data: &IncidentData,
    cursor: Option<usize>,
    area: Rect,
) -> Vec<Line<'static>> {
    let items = data.items();
    if items.is_empty() {
        return vec![Line::styled(state.t(T::IncUiNoItems), Theme::dim())];
    }
    let w = usize::from(area.width);
    let cols = [
        T::IncUiColNeeded,
        T::IncUiColOut,
        T::IncUiColMissing,
        T::IncUiColAvailable,
        T::IncUiColShort,
    ];
    // The numbers take their headers' widths, the short column its words;
    // the name what is left.
    let nums: usize = cols[..4]
        .iter()
        .map(|t| crate::text::width(state.t(*t)).max(4) + 1)
        .sum();
    let short_w = crate::text::width(state.t(T::IncUiDepotsCover))
        .max(crate::text::width(state.t(T::IncUiColShort)));
    let first_w = w.saturating_sub(nums + short_w).clamp(8, 44);
    let mut out = vec![header(state, T::IncUiColItem, first_w, &cols)];
    let room = usize::from(area.height).saturating_sub(1);
    let h = |i: usize| state.t(cols[i]);
    let rows = items
        .iter()
        .map(|s| {
            let (name, unit) =
                crate::tui::incident_words::item_words(&state.config, &s.item, state.lang);
            vec![Line::from(vec![
                Span::raw(fit(
                    &if unit.is_empty() {
                        name
                    } else {
                        format!("{name} ({unit})")
                    },
                    first_w,
                )),
                Span::raw(num(s.required, h(0))),
                Span::raw(num(s.out, h(1))),
                Span::raw(num(s.missing, h(2))),
                Span::raw(num(s.available, h(3))),
                item_short(state, s),
            ])]
        })
        .collect();
    out.extend(scrolled(rows, cursor, room));
    out
}
