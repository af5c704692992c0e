//! The command line's words for values: statuses, outcomes, categories,
//! sources, regimes and their reasons, audit actions, weekdays, and what an
//! action did ([`Outcome`]) — all from the string table, in the interface
//! language; officers with name and phone from the configuration.

use chrono::{DateTime, Datelike, Utc, Weekday};
use chrono_tz::Tz;

use crate::config::Config;
use crate::domain::ComplaintRow;
use crate::domain::calendar::Regime;
use crate::domain::complaint::{Category, Outcome as Resolution, Source, Status};
use crate::i18n::{Lang, T, fill};
use crate::ops::Outcome;
use crate::text::{countdown, sanitize};

use super::view::time;

pub(super) fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Received => T::CliStatusReceived,
        Status::Dispatched => T::CliStatusDispatched,
        Status::EnRoute => T::CliStatusEnRoute,
        Status::OnScene => T::CliStatusOnScene,
        Status::Handling => T::CliStatusHandling,
        Status::Closed => T::CliStatusClosed,
        Status::Reopened => T::CliStatusReopened,
        Status::Merged => T::CliStatusMerged,
        Status::Rejected => T::CliStatusRejected,
    }
    .get(lang)
}

pub(super) fn resolution(lang: Lang, o: Resolution) -> &'static str {
    match o {
        Resolution::ViolationConfirmed => T::CliOutcomeViolation,
        Resolution::Rectified => T::CliOutcomeRectified,
        Resolution::NoViolation => T::CliOutcomeNoViolation,
        Resolution::Referred => T::CliOutcomeReferred,
        Resolution::Other => T::CliOutcomeOther,
    }
    .get(lang)
}

pub(super) fn category(lang: Lang, c: Category) -> &'static str {
    match c {
        Category::Air => T::CliCategoryAir,
        Category::Water => T::CliCategoryWater,
        Category::Noise => T::CliCategoryNoise,
        Category::SolidWaste => T::CliCategorySolidWaste,
        Category::Radiation => T::CliCategoryRadiation,
        Category::Ecology => T::CliCategoryEcology,
        Category::Other => T::CliCategoryOther,
    }
    .get(lang)
}

pub(super) fn categories(lang: Lang, cs: &[Category]) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    cs.iter()
        .map(|c| category(lang, *c))
        .collect::<Vec<_>>()
        .join(sep)
}

pub(super) fn source(lang: Lang, s: Source) -> &'static str {
    match s {
        Source::Hotline => T::CliSourceHotline,
        Source::Phone => T::CliSourcePhone,
        Source::Web => T::CliSourceWeb,
        Source::Wechat => T::CliSourceWechat,
        Source::Letter => T::CliSourceLetter,
        Source::Visit => T::CliSourceVisit,
        Source::Referral => T::CliSourceReferral,
        Source::Media => T::CliSourceMedia,
        Source::SelfFound => T::CliSourceSelf,
        Source::Monitoring => T::CliSourceMonitoring,
    }
    .get(lang)
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
    T::CliWeekdays
        .get(lang)
        .split(' ')
        .nth(w.num_days_from_monday() as usize)
        .unwrap_or_default()
}

/// Why a complaint has its deadline. The English is the reason frozen at
/// intake, word for word; another language says the same from the stored
/// day kind, regime and minutes (with the holiday's name from the reason).
pub(super) fn regime_reason(lang: Lang, c: &ComplaintRow, tz: &Tz) -> String {
    if lang == Lang::En {
        return c.regime_reason.clone();
    }
    let local = c.received_at.with_timezone(tz);
    let named = |t: T| match holiday_name(&c.regime_reason) {
        Some(name) => format!("{}（{name}）", t.get(lang)),
        None => t.get(lang).to_string(),
    };
    let day = match c.day_kind.as_str() {
        "holiday" => named(T::Holiday),
        "makeup_workday" => named(T::MakeupDay),
        "weekend" => T::Weekend.get(lang).to_string(),
        _ => T::WorkingDay.get(lang).to_string(),
    };
    let working = matches!(c.day_kind.as_str(), "workday" | "makeup_workday");
    let night = if working && c.regime == Regime::OffHours {
        T::CliReasonNight.get(lang)
    } else {
        ""
    };
    let fallback = if c.regime_reason.contains("no calendar for") {
        T::CliReasonFallback.get(lang)
    } else {
        ""
    };
    let when = format!(
        "{} {}",
        weekday(lang, local.weekday()),
        local.format("%-m-%-d %H:%M")
    );
    fill(
        T::CliRegimeReason.get(lang),
        &[
            ("when", &when),
            ("day", &day),
            ("night", night),
            ("fallback", fallback),
            (
                "minutes",
                &(c.deadline_at - c.received_at).num_minutes().to_string(),
            ),
        ],
    )
}

/// `春节` out of `received …, holiday (春节), 60 min`.
fn holiday_name(reason: &str) -> Option<&str> {
    ["holiday (", "make-up working day ("]
        .iter()
        .find_map(|start| {
            let rest = &reason[reason.find(start)? + start.len()..];
            rest.find(')').map(|end| &rest[..end])
        })
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
        "complaint.rejected" => T::CliActRejected,
        "complaint.escalated" => T::CliActEscalated,
        "complaint.phone_revealed" => T::CliActPhoneRevealed,
        other => return other.to_string(),
    };
    t.get(lang).to_string()
}

/// Time left to the deadline (`12:00`, `+07:12`), or the margin of the
/// arrival (`arrived 22:00`); `-` for a complaint closed without one.
pub(super) fn left(lang: Lang, c: &ComplaintRow, now: DateTime<Utc>) -> String {
    match (super::view::remaining_seconds(c, now), c.arrived_at) {
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
                ("was", &sanitize(&was(before))),
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
        other => crate::tui::words::outcome(lang, config, other),
    }
}

/// What a complaint's grid was before it was set: the grid (if any) and how
/// it had been decided, e.g. `T03-V01-G01, enterprise:E0102` or `unassigned`.
fn was(before: &crate::domain::triage::Assignment) -> String {
    match &before.from {
        Some(g) => format!("{g}, {}", before.was),
        None => before.was.clone(),
    }
}
