//! What an action did, or why it was not done, in the console's language:
//! the status line's words for an [`Outcome`] or an [`OpError`] (from the
//! string table, placeholders filled).

use chrono_tz::Tz;

use crate::config::Config;

use crate::domain::arrival::ArrivalTimeError;
use crate::domain::complaint::TransitionError;
use crate::domain::triage::{Rejection, TriageError};
use crate::i18n::{Lang, T, fill};
use crate::ops::{OpError, Outcome};
use crate::store::StoreError;
use crate::text::countdown;

/// The status line after an action.
pub fn outcome(lang: Lang, config: &Config, o: &Outcome) -> String {
    let tz = &config.settings.timezone;
    let hm = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(tz).format("%H:%M").to_string();
    // An officer as the panels show them: the name, then the id.
    let who = |id: &str| match config.officers.get(id) {
        Some(o) => format!(
            "{}{}",
            crate::text::sanitize(&o.name),
            crate::words::paren(lang, &crate::text::sanitize(id))
        ),
        None => crate::text::sanitize(id),
    };
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
                    ("officer", &who(officer)),
                    ("time", &hm(*arrived_at)),
                    ("margin", &countdown(secs.abs())),
                ],
            )
        }
        Outcome::Dispatched { id, officer } => fill(
            T::DoneDispatched.get(lang),
            &[("id", &id.to_string()), ("officer", &who(officer))],
        ),
        Outcome::Escalated {
            id,
            target: Some(t),
        } => fill(
            T::DoneEscalated.get(lang),
            &[("id", &id.to_string()), ("target", &who(t))],
        ),
        Outcome::Escalated { id, target: None } => {
            fill(T::DoneEscalatedNobody.get(lang), &[("id", &id.to_string())])
        }
        Outcome::Resolved { id, outcome } => fill(
            T::DoneResolved.get(lang),
            &[
                ("id", &id.to_string()),
                ("outcome", crate::words::outcome(*outcome).get(lang)),
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
        Outcome::Incident(i) => super::incident_words::outcome(lang, config, i),
        Outcome::Swapped(s) => {
            let done = crate::words::oncall::swapped(lang, config, s);
            let how = T::OnCallRedispatchKey.get(lang);
            match crate::words::oncall::still_dispatched(lang, config, s, how) {
                Some(more) => format!("{done} · {more}"),
                None => done,
            }
        }
        Outcome::Merged {
            id,
            into,
            repeat_of,
        } => crate::words::merge::done(lang, *id, *into, *repeat_of),
        Outcome::HandedOver { id, from, to, .. } => {
            crate::words::handover::done(lang, config, *id, from, to)
        }
        Outcome::Patrol(p) => crate::words::patrol::outcome(lang, config, p),
        Outcome::Acknowledged { done, .. } => match done.len() {
            0 => T::DoneAckBefore.get(lang).to_string(),
            1 => T::DoneAckOne.get(lang).to_string(),
            n => fill(T::DoneAckMany.get(lang), &[("n", &n.to_string())]),
        },
    }
}

pub use crate::words::reject_reason as reject_word;

/// A rejection in words: the reason, and what was said (`other: …`).
pub fn rejection_words(lang: Lang, r: &Rejection) -> String {
    let word = reject_word(r.reason).get(lang);
    match &r.note {
        Some(n) => format!(
            "{word}{}{}",
            crate::words::colon(lang),
            crate::text::sanitize(n)
        ),
        None => word.to_string(),
    }
}

/// A grid's name from the configuration ("" for an unknown id).
pub fn grid_name<'a>(config: &'a Config, id: &str) -> &'a str {
    config.grids.get(id).map_or("", |g| g.name.as_str())
}

/// Why an action was not done, in the console's language. Failures of the
/// machinery (the database, a bug) keep their technical detail after the words.
pub fn error(
    lang: Lang,
    config: &crate::config::Config,
    incident: Option<&crate::domain::incident::IncidentDetail>,
    e: &OpError,
) -> String {
    match e {
        // Items, depots, officers and roles by name, as the command line says them.
        OpError::Incident(i) => crate::words::incident_named::error(lang, config, incident, i),
        OpError::Swap(s) => crate::words::oncall::error(lang, Some(config), s),
        _ => error_plain(lang, &config.settings.timezone, e),
    }
}

/// [`error`] where no configuration was loaded (incident refusals by id).
pub fn error_plain(lang: Lang, tz: &Tz, e: &OpError) -> String {
    match e {
        OpError::NoReason => T::ErrNoReason.get(lang).to_string(),
        OpError::NoReopenReason => T::ErrNoReopenReason.get(lang).to_string(),
        OpError::TooLong { chars, max, .. } => fill(
            T::ErrTooLong.get(lang),
            &[("chars", &chars.to_string()), ("max", &max.to_string())],
        ),
        OpError::Incident(i) => crate::words::incident_ops::error(lang, tz, i),
        OpError::Swap(s) => crate::words::oncall::error(lang, None, s),
        OpError::Handover(h) => crate::words::handover::error(lang, h),
        OpError::Patrol(p) => crate::words::patrol::error(lang, p),
        OpError::Store(s) => store_error(lang, tz, s),
    }
}

/// A store failure in the console's language.
pub fn store_error(lang: Lang, tz: &Tz, s: &StoreError) -> String {
    let local = |rfc: &str| {
        chrono::DateTime::parse_from_rfc3339(rfc)
            .map(|t| t.with_timezone(tz).format("%m-%d %H:%M").to_string())
            .unwrap_or_else(|_| crate::text::sanitize(rfc))
    };
    let id_of = |id: &i64| id.to_string();
    match s {
        StoreError::NoSuchComplaint(id) => {
            fill(T::ErrNoSuchComplaint.get(lang), &[("id", &id_of(id))])
        }
        StoreError::NoSuchOfficer(o) => fill(
            T::ErrNoSuchOfficer.get(lang),
            &[("officer", &crate::text::sanitize(o))],
        ),
        StoreError::Transition { id, source } => match source {
            TransitionError::Illegal {
                action: a,
                from,
                hint: h,
            } => fill(
                T::ErrIllegal.get(lang),
                &[
                    ("id", &id_of(id)),
                    ("action", &crate::words::step(lang, a)),
                    ("status", crate::words::status(*from).get(lang)),
                    ("hint", crate::words::hint(lang, *h)),
                ],
            ),
            TransitionError::MergeIntoSelf => {
                fill(T::ErrMergeSelf.get(lang), &[("id", &id_of(id))])
            }
            TransitionError::EmptyReason(_) => {
                fill(T::ErrEmptyReason.get(lang), &[("id", &id_of(id))])
            }
        },
        StoreError::ArrivalTime { id, source } => match source {
            ArrivalTimeError::BeforeReceived { arrived, received } => fill(
                T::ErrArrivalBeforeReceived.get(lang),
                &[
                    ("id", &id_of(id)),
                    ("arrived", &local(arrived)),
                    ("received", &local(received)),
                ],
            ),
            ArrivalTimeError::InFuture(m) => fill(
                T::ErrArrivalInFuture.get(lang),
                &[("id", &id_of(id)), ("m", &m.to_string())],
            ),
            ArrivalTimeError::BackdateNeedsNote(m) => fill(
                T::ErrBackdateNeedsNote.get(lang),
                &[("id", &id_of(id)), ("m", &m.to_string())],
            ),
        },
        StoreError::Triage { id, source } => {
            let (t, arg) = match source {
                TriageError::OtherNeedsWords => (T::ErrOtherNeedsWords, String::new()),
                TriageError::NotOpen(st) => (
                    T::ErrAssignNotOpen,
                    crate::words::status(*st).get(lang).to_string(),
                ),
                TriageError::SameGrid(g) => (T::ErrSameGrid, crate::text::sanitize(g)),
                TriageError::ReasonToMove(g) => (T::ErrReasonToMove, crate::text::sanitize(g)),
            };
            fill(
                t.get(lang),
                &[("id", &id_of(id)), ("arg", &arg), ("grid", &arg)],
            )
        }
        StoreError::NoSuchGrid(g) => fill(
            T::ErrUnknownGrid.get(lang),
            &[("grid", &crate::text::sanitize(g))],
        ),
        StoreError::NotOpen { id, status } => fill(
            T::ErrNotOpen.get(lang),
            &[
                ("id", &id_of(id)),
                ("status", crate::words::status(*status).get(lang)),
            ],
        ),
        StoreError::Incident(i) => crate::words::incident_ops::error(lang, tz, i),
        StoreError::Merge(m) => crate::words::merge::refusal(lang, m),
        other => fill(
            T::ErrStore.get(lang),
            &[("detail", &crate::text::sanitize(&other.to_string()))],
        ),
    }
}
