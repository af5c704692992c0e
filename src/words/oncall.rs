//! On call in words (#11): roles, a swap done, a swap refused, a swap's
//! audit record, a gap — the same sentences for the command line, the
//! console and the audit screen.

use chrono::Datelike;
use serde_json::Value;

use crate::board::oncall::OnCallBoard;
use crate::config::Config;
use crate::domain::AuditEntry;
use crate::domain::calendar::DayKind;
use crate::domain::roster::OnCall;
use crate::domain::roster_swap::{Gap, Role};
use crate::i18n::{Lang, T, fill};
use crate::ops::{SwapError, Swapped};
use crate::text::sanitize;

pub fn role(r: Role) -> T {
    match r {
        Role::Primary => T::Primary,
        Role::Backup => T::Backup,
        Role::Leader => T::Leader,
    }
}

/// A shift in words: the usual `day` and `night` as the reader says them
/// (`day shift`, `白班`), any other name of roster.toml as it is, with the
/// word for a shift (`early shift`, `早班`).
pub fn shift(lang: Lang, name: &str) -> String {
    match name {
        "day" => T::OnCallShiftDay.get(lang).to_string(),
        "night" => T::OnCallShiftNight.get(lang).to_string(),
        other => fill(T::OnCallShiftNamed.get(lang), &[("name", &sanitize(other))]),
    }
}

/// "(王芳 13800000000)" for a known officer, "" otherwise.
pub fn label(lang: Lang, config: &Config, id: &str) -> String {
    let (open, close) = match lang {
        Lang::En => ("(", ")"),
        Lang::Zh => ("（", "）"),
    };
    config
        .officers
        .get(id)
        .map(|o| format!("{open}{} {}{close}", sanitize(&o.name), sanitize(&o.phone)))
        .unwrap_or_default()
}

/// An officer by id and name, or "nobody".
fn person(lang: Lang, config: &Config, id: Option<&str>) -> String {
    match id {
        Some(id) => {
            let l = label(lang, config, id);
            if l.is_empty() {
                sanitize(id)
            } else {
                format!("{} {l}", sanitize(id))
            }
        }
        None => T::OnCallNobodyBefore.get(lang).to_string(),
    }
}

/// What a swap did.
pub fn swapped(lang: Lang, config: &Config, s: &Swapped) -> String {
    fill(
        T::OnCallSwapDone.get(lang),
        &[
            ("id", &s.id.to_string()),
            ("grid", &sanitize(&s.grid)),
            ("shift", &shift(lang, &s.shift)),
            ("date", &s.date.to_string()),
            ("role", role(s.role).get(lang)),
            ("officer", &sanitize(&s.officer)),
            ("label", &label(lang, config, &s.officer)),
            ("replaced", &person(lang, config, s.replaced.as_deref())),
        ],
    )
}

/// "郭芳 still has 3 open complaints dispatched: #2 #9 #10 — re-dispatch
/// them (d)" when the officer a swap replaced still has complaints on the
/// way; `how` says how to re-dispatch (a key, a command).
pub fn still_dispatched(lang: Lang, config: &Config, s: &Swapped, how: &str) -> Option<String> {
    let old = s.replaced.as_deref()?;
    if s.still_dispatched.is_empty() {
        return None;
    }
    let name = config
        .officers
        .get(old)
        .map_or_else(|| sanitize(old), |o| sanitize(&o.name));
    let ids = s
        .still_dispatched
        .iter()
        .map(|id| format!("#{id}"))
        .collect::<Vec<_>>()
        .join(" ");
    Some(fill(
        &crate::i18n::count(
            T::OnCallStillDispatched,
            lang,
            s.still_dispatched.len() as i64,
        ),
        &[("officer", &name), ("ids", &ids), ("how", how)],
    ))
}

/// Why a swap was refused.
pub fn error(lang: Lang, config: Option<&Config>, e: &SwapError) -> String {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    match e {
        SwapError::UnknownGrid(g) => say(T::OnCallErrUnknownGrid, &[("grid", &sanitize(g))]),
        SwapError::UnknownOfficer(o) => {
            say(T::OnCallErrUnknownOfficer, &[("officer", &sanitize(o))])
        }
        SwapError::UnknownShift(s) => say(T::OnCallErrUnknownShift, &[("shift", &sanitize(s))]),
        SwapError::NoShift => T::OnCallErrNoShift.get(lang).to_string(),
        SwapError::ShiftOver { shift: name, date } => say(
            T::OnCallErrShiftOver,
            &[("shift", &shift(lang, name)), ("date", &date.to_string())],
        ),
        SwapError::SameOfficer { officer } => say(
            T::OnCallErrSame,
            &[(
                "officer",
                &config.map_or_else(|| sanitize(officer), |c| person(lang, c, Some(officer))),
            )],
        ),
        SwapError::NoReason => T::OnCallErrNoReason.get(lang).to_string(),
        SwapError::HoldsOther { officer, other } => say(
            T::OnCallErrHoldsOther,
            &[
                (
                    "officer",
                    &config.map_or_else(|| sanitize(officer), |c| person(lang, c, Some(officer))),
                ),
                ("role", role_word(lang, other)),
            ],
        ),
        SwapError::Busy => T::OnCallErrBusy.get(lang).to_string(),
    }
}

/// A role's name in words.
fn role_word(lang: Lang, role: &str) -> &'static str {
    match role {
        "backup" => T::Backup.get(lang),
        "leader" => T::Leader.get(lang),
        _ => T::Primary.get(lang),
    }
}

/// The sentence of a `roster_override.*` audit record (None: not one).
pub fn trail(lang: Lang, config: &Config, e: &AuditEntry) -> Option<String> {
    if e.action != "roster_override.recorded" {
        return None;
    }
    let d = &e.details;
    let text = |k: &str| d.get(k).and_then(Value::as_str);
    let role_word = Role::parse(text("role").unwrap_or(""))
        .map(|r| role(r).get(lang).to_string())
        .unwrap_or_else(|| sanitize(text("role").unwrap_or("")));
    Some(fill(
        T::OnCallTrailSwap.get(lang),
        &[
            ("grid", &sanitize(text("grid").unwrap_or(""))),
            ("shift", &shift(lang, text("shift").unwrap_or(""))),
            ("date", &sanitize(text("shift_date").unwrap_or(""))),
            ("role", &role_word),
            ("officer", &person(lang, config, text("officer"))),
            ("replaced", &person(lang, config, text("replaces"))),
            ("reason", &sanitize(text("reason").unwrap_or(""))),
        ],
    ))
}

/// One gap in words, for `check-config`, `oncall` and the console.
pub fn gap(lang: Lang, config: &Config, g: &Gap) -> String {
    let name = config.grids.get(&g.grid).map_or("", |x| x.name.as_str());
    fill(
        T::OnCallGap.get(lang),
        &[
            ("grid", &sanitize(&g.grid)),
            ("name", &sanitize(name)),
            ("shift", &shift(lang, &g.shift)),
            ("date", &g.date.to_string()),
            ("start", &g.start.format("%m-%d %H:%M").to_string()),
        ],
    )
}

/// "day shift of 2026-11-30, until 18:00 · next: night from 18:00".
pub fn shift_line(lang: Lang, board: &OnCallBoard) -> String {
    match (&board.now, &board.next) {
        (Some(now), next) => fill(
            T::OnCallShiftLine.get(lang),
            &[
                ("shift", &shift(lang, &now.shift)),
                ("date", &now.date.to_string()),
                ("end", &now.end.format("%H:%M").to_string()),
                (
                    "next",
                    &next.as_ref().map_or("-".into(), |n| shift(lang, &n.shift)),
                ),
                (
                    "start",
                    &next
                        .as_ref()
                        .map_or("-".into(), |n| n.start.format("%m-%d %H:%M").to_string()),
                ),
            ],
        ),
        (None, _) => T::OnCallNoShift.get(lang).to_string(),
    }
}

/// "holiday (国庆节): the roster follows the weekdays unless an override
/// says otherwise" when `at` falls on a holiday or a make-up working day
/// of the calendar, else None: the roster knows weekdays only.
pub fn day_note(lang: Lang, config: &Config, at: chrono::DateTime<chrono::Utc>) -> Option<String> {
    let date = at.with_timezone(&config.settings.timezone).date_naive();
    match config.calendar.day(date).kind {
        DayKind::Holiday(name) => Some(fill(
            T::OnCallOnHoliday.get(lang),
            &[("name", &sanitize(&name))],
        )),
        DayKind::MakeupWorkday(name) => Some(fill(
            T::OnCallOnMakeup.get(lang),
            &[
                ("name", &sanitize(&name)),
                ("weekday", crate::words::weekday(date.weekday()).get(lang)),
            ],
        )),
        DayKind::Workday | DayKind::Weekend => None,
    }
}

/// Where the people come from and what changed them: "via T01", a
/// roster.toml override, a swap — or nobody.
pub fn note(lang: Lang, grid: &str, oc: Option<&OnCall>) -> String {
    let Some(oc) = oc else {
        return T::OnCallNobody.get(lang).to_string();
    };
    let mut parts = Vec::new();
    if oc.duty_grid != grid {
        parts.push(fill(T::OnCallVia.get(lang), &[("grid", &oc.duty_grid)]));
    }
    if let Some(r) = &oc.override_reason {
        parts.push(fill(
            T::OnCallOverride.get(lang),
            &[("reason", &sanitize(r))],
        ));
    }
    for s in &oc.swaps {
        parts.push(fill(
            T::OnCallSwapped.get(lang),
            &[
                ("role", crate::words::oncall::role(s.role).get(lang)),
                ("reason", &sanitize(&s.reason)),
            ],
        ));
    }
    parts.join(" · ")
}
