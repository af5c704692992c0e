//! What is drawn over the main screen: the complaint detail, the help
//! (generated from the keymap) and the quit prompt (action forms are in
//! `form`, alert banners in `banners`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::table::left;
use super::theme::Theme;
use crate::i18n::T;
use crate::i18n::fill;
use crate::text::{fit, mask_phone, sanitize, wrap};
use crate::tui::keymap::BINDINGS;
use crate::tui::screens::Screen;
use crate::tui::state::State;
use crate::words;

/// Clear `r` and the columns either side of it: a double-width character
/// under the popup's left edge would otherwise spill over the border, and
/// one cut by its right edge leaves half a character (and the screen's
/// last column, a `─` or a letter, beside the box).
pub(super) fn clear(r: Rect, buf: &mut Buffer) {
    let wider = Rect {
        x: r.x.saturating_sub(1),
        width: r.width + u16::from(r.x > 0) + 1,
        ..r
    };
    Clear.render(wider.intersection(buf.area), buf);
}

pub(super) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}

pub fn detail(state: &State, body: Rect, buf: &mut Buffer) {
    let Some(c) = state.selected_complaint() else {
        return;
    };
    let lang = state.lang;
    let w = if body.width >= 100 {
        body.width / 2
    } else {
        body.width
    };
    let area = Rect {
        x: body.x + body.width - w,
        y: body.y,
        width: w,
        height: body.height,
    };
    clear(area, buf);
    let block = Block::new().borders(Borders::ALL).title(Line::styled(
        format!(" {} #{} ", state.t(T::Detail), c.id),
        Theme::title(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let tz = state.config.settings.timezone;
    let (left_text, left_style) = left(state, c);
    const KEY: usize = 12;
    let value_width = usize::from(inner.width).saturating_sub(KEY + 1).max(1);
    // A field: its name, then the value wrapped under itself.
    let kv = |k: T, v: &str| -> Vec<Line<'static>> {
        wrap(&sanitize(v), value_width)
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let key = if i == 0 {
                    fit(state.t(k), KEY)
                } else {
                    " ".repeat(KEY)
                };
                Line::from(vec![
                    Span::styled(format!("{key} "), Theme::dim()),
                    Span::raw(part),
                ])
            })
            .collect()
    };
    let grid = {
        let how = words::grid_source(lang, &c.grid_source);
        match c.grid.as_deref() {
            Some(g) => {
                let name = state
                    .config
                    .grids
                    .get(g)
                    .map(|x| x.name.as_str())
                    .unwrap_or("");
                format!("{g} {name}{}", words::paren(lang, &how))
            }
            None => format!("{}{}", state.t(T::Unassigned), words::paren(lang, &how)),
        }
    };
    let enterprise = c
        .enterprise
        .as_deref()
        .map(|e| {
            let name = state
                .config
                .enterprises
                .current()
                .get(e)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            format!("{e} {name}")
        })
        .unwrap_or_else(|| "-".into());
    let reporter = if c.reporter_anonymous {
        state.t(T::Anonymous).to_string()
    } else {
        format!(
            "{} {}",
            c.reporter_name.as_deref().unwrap_or("-"),
            c.reporter_phone
                .as_deref()
                .map(mask_phone)
                .unwrap_or_default()
        )
    };
    let location = match (&c.address, c.lat, c.lon) {
        (Some(a), Some(la), Some(lo)) => format!("{a} ({la:.5}, {lo:.5})"),
        (Some(a), _, _) => a.clone(),
        (None, Some(la), Some(lo)) => format!("{la:.5}, {lo:.5}"),
        _ => "-".into(),
    };
    // "Repeat of #3", or "Repeats: 2 later complaints repeat this one".
    let (repeats_label, repeats) =
        words::merge::repeats(lang, c).unwrap_or((T::Repeats, "-".into()));
    let mut top = vec![Line::from(vec![
        Span::raw(format!(
            "{} · {} · {} ",
            words::status(c.status).get(lang),
            words::source(c.source).get(lang),
            // A console's own reference (a phone call taken here) says nothing.
            if c.external_ref.starts_with("console:") {
                String::new()
            } else {
                sanitize(&c.external_ref)
            }
        )),
        Span::styled(left_text, left_style),
    ])];
    let deadline = format!(
        "{} ← {}",
        c.deadline_at.with_timezone(&tz).format("%m-%d %H:%M"),
        c.received_at.with_timezone(&tz).format("%m-%d %H:%M")
    );
    // Its chain (#11): the earlier ones and those merged into it, as this
    // console holds them.
    let related =
        crate::domain::merge::related(c, state.data.open.iter().chain(&state.data.recent));
    let listed = |rows: &[&crate::domain::ComplaintRow]| -> String {
        if rows.is_empty() {
            return "-".into();
        }
        rows.iter()
            .map(|r| {
                format!(
                    "#{} {} {}",
                    r.id,
                    r.received_at.with_timezone(&tz).format("%m-%d %H:%M"),
                    words::status(r.status).get(lang)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let merged_into = c
        .merged_into
        .map_or_else(|| "-".into(), |m| format!("#{m}"));
    // A field with nothing to say is left out: the trail needs the rows.
    for (k, v) in [
        (T::FieldDeadline, deadline),
        (T::Reason, words::regime_reason(lang, &state.config, c)),
        (T::ColGrid, grid),
        (T::ColCategory, words::categories(lang, &c.categories)),
        (T::Enterprise, enterprise),
        (T::Location, location),
        (T::Reporter, reporter),
        (repeats_label, repeats),
        (T::MergeMergedInto, merged_into),
        (T::MergeEarlier, listed(&related.earlier)),
        (T::MergeMergedIn, listed(&related.merged_in)),
    ] {
        if v != "-" {
            top.extend(kv(k, &v));
        }
    }
    // The description is the caller's text: at most four lines here, two
    // on a small screen.
    let most = if inner.height < 30 { 2 } else { 4 };
    let mut desc = kv(T::Description, &c.description);
    if desc.len() > most {
        desc.truncate(most);
        desc.push(Line::styled(format!("{} …", " ".repeat(KEY)), Theme::dim()));
    }
    top.extend(desc);
    top.push(Line::styled(state.t(T::Trail), Theme::title()));
    // The trail: the complaint's own audit records, newest last; when they
    // do not fit, the newest are shown under a count of the earlier ones.
    let trail: Vec<Line> = match state.trail_of(c.id) {
        None => vec![Line::styled(
            format!("  {}", state.t(T::Loading)),
            Theme::dim(),
        )],
        Some(entries) => words::trail::lines(lang, &state.config, Some(c), entries)
            .into_iter()
            .flat_map(|l| {
                wrap(&l, usize::from(inner.width).saturating_sub(4).max(1))
                    .into_iter()
                    .enumerate()
                    .map(|(i, part)| {
                        Line::raw(format!("{}{part}", if i == 0 { "  " } else { "    " }))
                    })
                    .collect::<Vec<_>>()
            })
            .collect(),
    };
    let room = usize::from(inner.height).saturating_sub(top.len());
    let mut lines = top;
    if trail.len() > room && room > 0 {
        let shown = room - 1;
        let earlier = trail.len() - shown;
        lines.push(Line::styled(
            format!(
                "  {}",
                crate::i18n::count(T::EarlierEntries, state.lang, earlier as i64)
            ),
            Theme::dim(),
        ));
        lines.extend(trail.into_iter().skip(earlier));
    } else {
        lines.extend(trail);
    }
    Paragraph::new(lines).render(inner, buf);
}

/// A symbol of the help, what it means and its style.
type Symbol<'a> = (&'a str, T, ratatui::style::Style);

/// The help: every key of the table with what it does, then what each
/// symbol on screen means. Wrapped to the box; scrolled with ↑↓ when taller
/// than the screen.
/// One entry of the help: its keys (or symbol), then its words wrapped
/// under themselves.
fn help_item(
    lines: &mut Vec<Line<'static>>,
    label: &str,
    text: &str,
    style: ratatui::style::Style,
    text_w: usize,
) {
    const KEYS: usize = 10;
    for (i, part) in wrap(text, text_w).into_iter().enumerate() {
        let key = if i == 0 {
            fit(label, KEYS)
        } else {
            " ".repeat(KEYS)
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {key} "), style),
            Span::raw(part),
        ]));
    }
}

/// The help: every key of the table with what it does, then what each
/// symbol on screen means. Wrapped to the box; scrolled with ↑↓ when taller
/// than the screen.
pub fn help(state: &State, top: u16, area: Rect, buf: &mut Buffer) {
    let w = area.width.min(78);
    let text_w = usize::from(w).saturating_sub(14).max(10);
    let mut lines = Vec::new();
    for b in BINDINGS {
        // The screen digits: each screen by name ("1 Dashboard · 2 …").
        let text = match b.label {
            crate::tui::keymap::Label::ScreenDigits => {
                let names: Vec<String> = Screen::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, sc)| format!("{} {}", i + 1, state.t(sc.title())))
                    .collect();
                fill(
                    state.t(T::IncUiKeyScreens),
                    &[("screens", &names.join(" · "))],
                )
            }
            _ => state.t(b.help).to_string(),
        };
        help_item(&mut lines, &b.label(), &text, Theme::title(), text_w);
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {}", state.t(T::Symbols)),
        Theme::title(),
    ));
    let warn = state.config.settings.warn_before.num_minutes().to_string();
    let soon = fill(state.t(T::SymSoon), &[("m", &warn)]);
    let late = format!(
        "✔ {}",
        fill(state.t(T::IncUiStepLate), &[("time", "")]).trim()
    );
    for (sym, text, style) in [
        ("● 12:00", state.t(T::SymOk), Theme::ok()),
        ("▲ 05:00", soon.as_str(), Theme::soon()),
        ("✖ +07:12", state.t(T::SymBreached), Theme::breached()),
        ("✔", state.t(T::SymOnSite), Theme::ok()),
        ("?", state.t(T::SymUnassigned), Theme::unassigned()),
        ("×2", state.t(T::SymRepeated), Theme::title()),
        ("↻5", state.t(T::SymRepeatOf), Theme::title()),
        ("1:02:03", state.t(T::SymTimes), Theme::dim()),
        // Incidents (#10).
        ("?", state.t(T::IncUiSymUnknown), Theme::title()),
        ("?!", state.t(T::IncUiSymGrave), Theme::title()),
        (state.t(T::Drill), state.t(T::IncUiSymDrill), Theme::drill()),
        ("███░░ 3/5", state.t(T::IncUiSymGauge), Theme::title()),
        ("✖ 2", state.t(T::IncUiSymShort), Theme::breached()),
        (late.as_str(), state.t(T::IncUiSymLate), Theme::breached()),
    ] {
        help_item(&mut lines, sym, text, style, text_w);
    }
    // The grid at work (#11): On call, Grids, Sources, each under its name.
    let via = fill(state.t(T::OnCallVia), &[("grid", "T01")]);
    let overdue = fill(state.t(T::SrcUiOverdue), &[("n", "11")]);
    let soon = fill(state.t(T::SrcUiSoon), &[("n", "3")]);
    let groups: [(Screen, Vec<Symbol>); 5] = [
        (
            Screen::OnCall,
            vec![
                ("⇄", T::SymSwapped, Theme::title()),
                ("✎", T::SymOverride, Theme::title()),
                (via.as_str(), T::SymVia, Theme::dim()),
                ("✖", T::SymNobody, Theme::breached()),
            ],
        ),
        (
            Screen::Grids,
            vec![
                ("✓ 3/3", T::SymStaffOk, Theme::ok()),
                ("✗ 1/2–3", T::SymStaffShort, Theme::breached()),
                ("▲", T::SymStaffOver, Theme::soon()),
                ("?", T::SymNoClass, Theme::unassigned()),
            ],
        ),
        (
            Screen::Sources,
            vec![
                (overdue.as_str(), T::SymSrcOverdue, Theme::breached()),
                (soon.as_str(), T::SymSrcSoon, Theme::soon()),
                ("15*", T::SymSrcShortened, Theme::title()),
            ],
        ),
        (
            Screen::Statistics,
            vec![
                ("▼", T::StatSymBelow, Theme::breached()),
                ("✖2", T::StatSymBreaches, Theme::breached()),
                ("✔", T::StatSymPass, Theme::ok()),
                ("✖", T::StatSymFail, Theme::breached()),
                ("○", T::StatSymIncomplete, Theme::soon()),
            ],
        ),
        (
            Screen::Map,
            vec![
                ("●", T::MapLegendOk, Theme::ok()),
                ("▲", T::MapSymSoon, Theme::soon()),
                ("✖", T::MapLegendLate, Theme::breached()),
                ("◆", T::MapLegendIncident, Theme::breached()),
                ("◉", T::MapLegendSelected, Theme::title()),
            ],
        ),
    ];
    for (screen, items) in groups {
        lines.push(Line::styled(
            format!("  {}", state.t(screen.title())),
            Theme::dim(),
        ));
        for (sym, t, style) in items {
            help_item(&mut lines, sym, state.t(t), style, text_w);
        }
    }
    let inner_h = usize::from(area.height.saturating_sub(3));
    let footer = if lines.len() > inner_h {
        T::HelpFooterScroll
    } else {
        T::HelpFooter
    };
    let top = usize::from(top).min(lines.len().saturating_sub(inner_h));
    let mut shown: Vec<Line> = lines.into_iter().skip(top).take(inner_h).collect();
    shown.push(Line::styled(format!(" {}", state.t(footer)), Theme::dim()));
    let rect = centered(area, w, shown.len() as u16 + 2);
    clear(rect, buf);
    Paragraph::new(shown)
        .block(Block::new().borders(Borders::ALL).title(Line::styled(
            format!(" {} ", state.t(T::Help)),
            Theme::title(),
        )))
        .render(rect, buf);
}

pub fn confirm(state: &State, area: Rect, buf: &mut Buffer) {
    ask(state.t(T::QuitConfirm), area, buf);
}

/// A question answered with `y` (anything else: no), wrapped to the screen.
pub fn ask(question: &str, area: Rect, buf: &mut Buffer) {
    let inner = usize::from(area.width.saturating_sub(4)).min(72);
    let lines: Vec<Line> = wrap(question, inner)
        .into_iter()
        .map(|l| Line::styled(l, Theme::soon()))
        .collect();
    let w = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 4;
    let rect = centered(area, w, lines.len() as u16 + 2);
    clear(rect, buf);
    Paragraph::new(lines)
        .block(Block::new().borders(Borders::ALL))
        .render(rect, buf);
}
