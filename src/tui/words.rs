//! What an action did, in the console's language: the status line's words
//! for an [`Outcome`] (from the string table, placeholders filled).

use chrono_tz::Tz;

use crate::i18n::{Lang, T, fill};
use crate::ops::Outcome;
use crate::text::countdown;

/// The status line after an action.
pub fn outcome(lang: Lang, tz: &Tz, o: &Outcome) -> String {
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
            &[("id", &id.to_string()), ("outcome", outcome.as_str())],
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
        Outcome::Acknowledged { done, .. } => match done.len() {
            0 => T::DoneAckBefore.get(lang).to_string(),
            1 => T::DoneAckOne.get(lang).to_string(),
            n => fill(T::DoneAckMany.get(lang), &[("n", &n.to_string())]),
        },
    }
}
