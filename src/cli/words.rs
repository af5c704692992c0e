//! The command line's words for values: statuses, outcomes, categories,
//! sources, regimes and their reasons, audit actions, weekdays, and what an
//! action did ([`Outcome`]) — all from the string table, in the interface
//! language; officers with name and phone from the configuration.

use chrono::{DateTime, SecondsFormat, Utc, Weekday};
use chrono_tz::Tz;

use crate::config::Config;
use crate::domain::ComplaintRow;
use crate::domain::calendar::Regime;
use crate::domain::complaint::{Category, Outcome as Resolution, Source, Status};
use crate::i18n::{Lang, T, fill};
use crate::ops::Outcome;
use crate::text::{countdown, sanitize};

pub(super) fn status(lang: Lang, s: Status) -> &'static str {
    crate::words::status(s).get(lang)
}

pub(super) fn resolution(lang: Lang, o: Resolution) -> &'static str {
    crate::words::outcome(o).get(lang)
}

pub(super) fn category(lang: Lang, c: Category) -> &'static str {
    crate::words::category(c).get(lang)
}

pub(super) fn categories(lang: Lang, cs: &[Category]) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    cs.iter()
        .map(|c| category(lang, *c))
        .collect::<Vec<_>>()
        .join(sep)
}

pub(super) fn source(lang: Lang, s: Source) -> &'static str {
    crate::words::source(s).get(lang)
}

pub(super) fn regime(lang: Lang, r: Regime) -> &'static str {
    match r {
        Regime::WorkdayDay => T::CliRegimeWorkday,
        Regime::OffHours => T::CliRegimeOffHours,
    }
    .get(lang)
}

/// `Mon` … `Sun` (`周一` … `周日`).
pub(super) fn weekday(lang: Lang, w: Weekday) -> &'static str {
    crate::words::weekday(w).get(lang)
}

/// Why a complaint has its deadline. The English is the reason frozen at
/// intake, word for word (scripts read it); another language says the same,
/// rebuilt from the stored day kind, regime and minutes (`words`).
pub(super) fn regime_reason(lang: Lang, config: &Config, c: &ComplaintRow) -> String {
    match lang {
        Lang::En => c.regime_reason.clone(),
        _ => crate::words::regime_reason(lang, config, c),
    }
}

/// An audit action in words; one not in the table as it is.
pub(super) fn action(lang: Lang, action: &str) -> String {
    let t = match action {
        "intake.file" => T::CliActIntake,
        "intake.rejected" => T::CliActRefused,
        "complaint.received" => T::CliActReceived,
        "complaint.dispatched" => T::CliActDispatched,
        "complaint.en_route" => T::CliActEnRoute,
        "complaint.arrived" => T::CliActArrived,
        "complaint.handling" => T::CliActHandling,
        "complaint.resolved" => T::CliActResolved,
        "complaint.reopened" => T::CliActReopened,
        "complaint.merged" => T::CliActMerged,
        "complaint.merged_in" => T::MergeActIn,
        "complaint.rejected" => T::CliActRejected,
        "complaint.escalated" => T::CliActEscalated,
        "complaint.phone_revealed" => T::CliActPhoneRevealed,
        "complaint.assigned" => T::CliActAssigned,
        "complaint.escalation_skipped" => T::CliActSkipped,
        "alert.acknowledged" => T::CliActAcknowledged,
        other => return crate::text::sanitize(other),
    };
    t.get(lang).to_string()
}

/// Time left to the deadline (`12:00`, `+07:12`), or the margin of the
/// arrival (`arrived 22:00`); `-` for a complaint closed without one.
pub(super) fn left(lang: Lang, c: &ComplaintRow, now: DateTime<Utc>) -> String {
    match (remaining_seconds(c, now), c.arrived_at) {
        (Some(s), Some(_)) => fill(T::CliArrivedMargin.get(lang), &[("margin", &countdown(s))]),
        (Some(s), None) => countdown(s),
        (None, _) => "-".into(),
    }
}

/// ` (name phone)` of a configured officer (`（name phone）` in Chinese), or nothing.
pub(super) fn officer_label(lang: Lang, config: &Config, id: &str) -> String {
    let (open, close) = match lang {
        Lang::En => (" (", ")"),
        Lang::Zh => ("（", "）"),
    };
    config
        .officers
        .get(id)
        .map(|o| format!("{open}{} {}{close}", sanitize(&o.name), o.phone))
        .unwrap_or_default()
}

/// The line printed after an action.
pub(super) fn outcome(lang: Lang, config: &Config, o: &Outcome) -> String {
    let tz = &config.settings.timezone;
    match o {
        Outcome::Arrived {
            id,
            officer,
            arrived_at,
            margin,
        } => {
            let secs = margin.num_seconds();
            let (t, margin) = if secs >= 0 {
                (T::CliArrivedEarly, countdown(secs))
            } else {
                (
                    T::CliArrivedLate,
                    countdown(-secs).trim_start_matches('+').to_string(),
                )
            };
            fill(
                t.get(lang),
                &[
                    ("id", &id.to_string()),
                    ("officer", officer),
                    ("label", &officer_label(lang, config, officer)),
                    ("time", &time(*arrived_at, tz)),
                    ("margin", &margin),
                ],
            )
        }
        Outcome::Dispatched { id, officer } => fill(
            T::CliDispatched.get(lang),
            &[
                ("id", &id.to_string()),
                ("officer", officer),
                ("label", &officer_label(lang, config, officer)),
            ],
        ),
        Outcome::Escalated {
            id,
            target: Some(t),
        } => fill(
            T::CliEscalated.get(lang),
            &[
                ("id", &id.to_string()),
                ("target", t),
                ("label", &officer_label(lang, config, t)),
            ],
        ),
        Outcome::Escalated { id, target: None } => {
            fill(T::CliEscalatedNobody.get(lang), &[("id", &id.to_string())])
        }
        Outcome::Resolved { id, outcome } => fill(
            T::CliResolved.get(lang),
            &[
                ("id", &id.to_string()),
                ("outcome", resolution(lang, *outcome)),
            ],
        ),
        Outcome::Assigned { id, grid, before } => fill(
            T::CliAssigned.get(lang),
            &[
                ("id", &id.to_string()),
                ("grid", grid),
                (
                    "name",
                    &sanitize(crate::tui::words::grid_name(config, grid)),
                ),
                ("was", &was(lang, before)),
            ],
        ),
        Outcome::Rejected { id, rejection } => fill(
            T::CliRejected.get(lang),
            &[
                ("id", &id.to_string()),
                (
                    "reason",
                    &sanitize(&crate::tui::words::rejection_words(lang, rejection)),
                ),
            ],
        ),
        Outcome::Reopened { id } => fill(T::CliReopened.get(lang), &[("id", &id.to_string())]),
        // Phone entry and revealing a phone are console actions; `show
        // --reveal-phone` prints the phone inside the complaint.
        Outcome::Swapped(s) => {
            let done = crate::words::oncall::swapped(lang, config, s);
            let how = T::OnCallRedispatchCli.get(lang);
            match crate::words::oncall::still_dispatched(lang, config, s, how) {
                Some(more) => format!("{done}\n{more}"),
                None => done,
            }
        }
        other => crate::tui::words::outcome(lang, config, other),
    }
}

/// What a complaint's grid was before it was set: the grid (if any) and how
/// it had been decided, e.g. `T03-V01-G01, enterprise:E0102` or `unassigned`.
fn was(lang: Lang, before: &crate::domain::triage::Assignment) -> String {
    let how = crate::words::grid_source(lang, &before.was);
    match &before.from {
        Some(g) => format!("{g}, {how}"),
        None => how,
    }
}

/// An instant as RFC 3339 in the configured zone, to the second.
pub fn time(t: DateTime<Utc>, tz: &Tz) -> String {
    t.with_timezone(tz)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Seconds from `now` (or from the arrival) to the deadline; negative when
/// breached; `None` for a complaint closed without an arrival.
pub fn remaining_seconds(c: &ComplaintRow, now: DateTime<Utc>) -> Option<i64> {
    match c.arrived_at {
        Some(arrived) => Some((c.deadline_at - arrived).num_seconds()),
        None if c.status.is_open() => Some((c.deadline_at - now).num_seconds()),
        None => None,
    }
}
