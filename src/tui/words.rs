//! What an action did, in the console's language: the status line's words
//! for an [`Outcome`] (from the string table, placeholders filled).

use crate::config::Config;

use crate::domain::complaint::Outcome as Resolution;
use crate::domain::triage::{RejectReason, Rejection};
use crate::i18n::{Lang, T, fill};
use crate::ops::Outcome;
use crate::text::countdown;

/// The status line after an action.
pub fn outcome(lang: Lang, config: &Config, o: &Outcome) -> String {
    let tz = &config.settings.timezone;
    let hm = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(tz).format("%H:%M").to_string();
    match o {
        Outcome::Arrived {
            id,
            officer,
            arrived_at,
            margin,
        } => {
            let secs = margin.num_seconds();
            let t = if secs >= 0 {
                T::DoneArrivedEarly
            } else {
                T::DoneArrivedLate
            };
            fill(
                t.get(lang),
                &[
                    ("id", &id.to_string()),
                    ("officer", officer),
                    ("time", &hm(*arrived_at)),
                    ("margin", &countdown(secs.abs())),
                ],
            )
        }
        Outcome::Dispatched { id, officer } => fill(
            T::DoneDispatched.get(lang),
            &[("id", &id.to_string()), ("officer", officer)],
        ),
        Outcome::Escalated {
            id,
            target: Some(t),
        } => fill(
            T::DoneEscalated.get(lang),
            &[("id", &id.to_string()), ("target", t)],
        ),
        Outcome::Escalated { id, target: None } => {
            fill(T::DoneEscalatedNobody.get(lang), &[("id", &id.to_string())])
        }
        Outcome::Resolved { id, outcome } => fill(
            T::DoneResolved.get(lang),
            &[
                ("id", &id.to_string()),
                ("outcome", outcome_word(*outcome).get(lang)),
            ],
        ),
        Outcome::Phone { id, phone: Some(p) } => fill(
            T::DonePhone.get(lang),
            &[("id", &id.to_string()), ("phone", p)],
        ),
        Outcome::Phone { id, phone: None } => {
            fill(T::DoneNoPhone.get(lang), &[("id", &id.to_string())])
        }
        Outcome::Created { id, deadline_at } => fill(
            T::DoneCreated.get(lang),
            &[("id", &id.to_string()), ("time", &hm(*deadline_at))],
        ),
        Outcome::AlreadyRecorded { id } => {
            fill(T::DoneAlready.get(lang), &[("id", &id.to_string())])
        }
        Outcome::Assigned { id, grid, .. } => fill(
            T::DoneAssigned.get(lang),
            &[
                ("id", &id.to_string()),
                ("grid", grid),
                ("name", grid_name(config, grid)),
            ],
        ),
        Outcome::Rejected { id, rejection } => fill(
            T::DoneRejected.get(lang),
            &[
                ("id", &id.to_string()),
                ("reason", &rejection_words(lang, rejection)),
            ],
        ),
        Outcome::Reopened { id } => fill(T::DoneReopened.get(lang), &[("id", &id.to_string())]),
    }
}

/// An outcome of a visit in words (its id is for scripts and the audit log).
pub fn outcome_word(o: Resolution) -> T {
    match o {
        Resolution::ViolationConfirmed => T::OutcomeViolationConfirmed,
        Resolution::Rectified => T::OutcomeRectified,
        Resolution::NoViolation => T::OutcomeNoViolation,
        Resolution::Referred => T::OutcomeReferred,
        Resolution::Other => T::OutcomeOther,
    }
}

/// A reason for a rejection in words.
pub fn reject_word(r: RejectReason) -> T {
    match r {
        RejectReason::NotInRemit => T::RejectNotInRemit,
        RejectReason::InsufficientDetail => T::RejectInsufficientDetail,
        RejectReason::Other => T::RejectOther,
    }
}

/// A rejection in words: the reason, and what was said (`other: …`).
pub fn rejection_words(lang: Lang, r: &Rejection) -> String {
    let word = reject_word(r.reason).get(lang);
    match &r.note {
        Some(n) => format!("{word}: {n}"),
        None => word.to_string(),
    }
}

/// A grid's name from the configuration ("" for an unknown id).
pub fn grid_name<'a>(config: &'a Config, id: &str) -> &'a str {
    config.grids.get(id).map_or("", |g| g.name.as_str())
}
