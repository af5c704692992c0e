//! A complaint's trail in words: one line per audit record of the complaint
//! (the same records `show` prints), with officers by name.
//!
//! Owns: the sentence for each audited action. An action this build does not
//! word (written by a newer version) is still shown, by its identifier.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::config::Config;
use crate::domain::complaint::{Outcome, Source};
use crate::domain::{AuditEntry, ComplaintRow};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;

mod incident;
mod water;

/// An officer id as people know them: the name, or the id when unknown.
pub fn officer(config: &Config, id: &str) -> String {
    match config.officers.get(id) {
        Some(o) => sanitize(&o.name),
        None => sanitize(id),
    }
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The time of a record: "11-30 09:05" in the configured zone.
pub fn when(config: &Config, at: DateTime<Utc>) -> String {
    at.with_timezone(&config.settings.timezone)
        .format("%m-%d %H:%M")
        .to_string()
}

/// What one audit record says, without time and actor. `complaint` is the
/// complaint it is about, when known (its source and deadline complete the
/// words of records that do not repeat them).
pub fn sentence(
    lang: Lang,
    config: &Config,
    complaint: Option<&ComplaintRow>,
    e: &AuditEntry,
) -> String {
    let deadline = complaint.map(|c| c.deadline_at);
    let hm = |t: DateTime<Utc>| {
        t.with_timezone(&config.settings.timezone)
            .format("%H:%M")
            .to_string()
    };
    let d = &e.details;
    let t = |k: T, args: &[(&str, &str)]| fill(k.get(lang), args);
    let note = |s: String| match d.get("note").and_then(Value::as_str) {
        Some(n) if !n.trim().is_empty() => format!("{s} — {}", sanitize(n)),
        _ => s,
    };
    let reason = sanitize(text(d, "reason"));
    let time_of = |key: &str| {
        DateTime::parse_from_rfc3339(text(d, key))
            .map(|t| {
                t.with_timezone(&config.settings.timezone)
                    .format("%H:%M")
                    .to_string()
            })
            .unwrap_or_else(|_| "-".into())
    };
    match e.action.as_str() {
        "complaint.received" => {
            let source = Source::parse(text(d, "source"))
                .map(|s| super::source(s).get(lang).to_string())
                .unwrap_or_else(|| sanitize(text(d, "source")));
            t(
                T::TrailReceived,
                &[("source", &source), ("deadline", &time_of("deadline_at"))],
            )
        }
        "intake.file" => match complaint {
            Some(c) => t(
                T::TrailReceived,
                &[
                    ("source", super::source(c.source).get(lang)),
                    ("deadline", &hm(c.deadline_at)),
                ],
            ),
            None => t(
                T::TrailIntakeFile,
                &[
                    (
                        "new",
                        &d.get("new").map(Value::to_string).unwrap_or_default(),
                    ),
                    (
                        "duplicates",
                        &d.get("duplicates")
                            .map(Value::to_string)
                            .unwrap_or_default(),
                    ),
                ],
            ),
        },
        "intake.rejected" => t(
            T::TrailFileRefused,
            &[
                ("file", &sanitize(text(d, "file"))),
                ("reason", &sanitize(text(d, "reason"))),
            ],
        ),
        "complaint.dispatched" => t(
            T::TrailDispatched,
            &[("officer", &officer(config, text(d, "officer")))],
        ),
        "complaint.en_route" => t(T::TrailEnRoute, &[]),
        "complaint.arrived" => note(t(
            T::TrailArrived,
            &[
                ("officer", &officer(config, text(d, "officer"))),
                ("time", &time_of("arrived_at")),
            ],
        )),
        "complaint.handling" => t(T::TrailHandling, &[]),
        "complaint.resolved" => {
            let outcome = match serde_json::from_value::<Outcome>(
                d.get("outcome").cloned().unwrap_or(Value::Null),
            ) {
                Ok(o) => super::outcome(o).get(lang).to_string(),
                Err(_) => sanitize(text(d, "outcome")),
            };
            note(t(T::TrailResolved, &[("outcome", &outcome)]))
        }
        "complaint.reopened" => t(T::TrailReopened, &[("reason", &reason)]),
        "complaint.rejected" => {
            // The reason's id (`not_in_remit`) in words, then what was said.
            let why = match crate::domain::triage::RejectReason::parse(text(d, "reason")) {
                Some(r) => super::reject_reason(r).get(lang).to_string(),
                None => reason.clone(),
            };
            let why = match d.get("note").and_then(Value::as_str) {
                Some(n) if !n.trim().is_empty() => {
                    format!("{why}{}{}", super::colon(lang), sanitize(n))
                }
                _ => why,
            };
            t(T::TrailRejected, &[("reason", &why)])
        }
        "complaint.assigned" => {
            let grid = text(d, "grid");
            let name = config
                .grids
                .get(grid)
                .map(|g| g.name.as_str())
                .unwrap_or("");
            let said = t(
                T::TrailAssigned,
                &[("grid", &sanitize(grid)), ("name", &sanitize(name))],
            );
            match d.get("reason").and_then(Value::as_str) {
                Some(r) if !r.trim().is_empty() => {
                    format!("{said}{}{}", super::colon(lang), sanitize(r))
                }
                _ => said,
            }
        }
        "complaint.escalation_skipped" => t(
            T::TrailStageSkipped,
            &[
                ("stage", &super::stage(lang, text(d, "stage"))),
                ("because", &super::stage(lang, text(d, "because"))),
            ],
        ),
        "alert.acknowledged" => t(T::TrailAcknowledged, &[]),
        "complaint.merged_in" => super::merge::merged_in(lang, d),
        "complaint.merged" => t(
            T::TrailMerged,
            &[(
                "into",
                &d.get("into").map(Value::to_string).unwrap_or_default(),
            )],
        ),
        "complaint.escalated" => {
            let target = match d.get("target").and_then(Value::as_str) {
                Some(o) => officer(config, o),
                None => T::TrailNobody.get(lang).to_string(),
            };
            // An automatic stage's stored reason is the daemon's English;
            // its words come from where the deadline stood when it fired.
            let reason = match (d.get("automatic").and_then(Value::as_bool), deadline) {
                (Some(true), Some(deadline)) => super::overdue(lang, config, deadline, e.at),
                _ => reason,
            };
            t(
                T::TrailEscalated,
                &[
                    ("stage", &super::stage(lang, text(d, "stage"))),
                    ("target", &target),
                    ("reason", &reason),
                ],
            )
        }
        "complaint.phone_revealed" => t(T::TrailPhoneRevealed, &[]),
        action if action.starts_with("roster_override.") => super::oncall::trail(lang, config, e)
            .unwrap_or_else(|| format!("{} {}", sanitize(action), sanitize(&d.to_string()))),
        action if action.starts_with("handover.") => {
            super::handover::sentence(lang, config, action, d)
                .unwrap_or_else(|| format!("{} {}", sanitize(action), sanitize(&d.to_string())))
        }
        action @ ("inspection.logged" | "visit.logged") => {
            super::patrol_trail::sentence(lang, config, action, d)
                .unwrap_or_else(|| format!("{} {}", sanitize(action), sanitize(&d.to_string())))
        }
        action if action.starts_with("water_reading.") => water::sentence(lang, config, action, d)
            .unwrap_or_else(|| format!("{} {}", sanitize(action), sanitize(&d.to_string()))),
        action if action.starts_with("incident.") => match incident::sentence(lang, config, e) {
            Some(s) => s,
            None => format!("{} {}", sanitize(action), sanitize(&d.to_string())),
        },
        other => {
            let details = if d.is_null() || d.as_object().is_some_and(|o| o.is_empty()) {
                String::new()
            } else {
                format!(" {}", sanitize(&d.to_string()))
            };
            format!("{}{details}", sanitize(other))
        }
    }
}

/// Who acted, as the trail shows it: the person (a login name, or an
/// officer by name), or the part of gridwatch that acted by itself.
pub fn actor(lang: Lang, config: &Config, e: &AuditEntry) -> String {
    who(lang, config, &e.actor)
}

/// An actor's name as people read it (see [`actor`]).
pub fn who(lang: Lang, config: &Config, name: &str) -> String {
    match name {
        "intake" | "demo-intake" => T::ActorIntake.get(lang).to_string(),
        "escalator" => T::ActorEscalator.get(lang).to_string(),
        "demo-field" => T::ActorDemoField.get(lang).to_string(),
        name => officer(config, name),
    }
}

/// One line per record: "11-30 09:05 alice: dispatched to 王芳".
pub fn lines(
    lang: Lang,
    config: &Config,
    complaint: Option<&ComplaintRow>,
    trail: &[AuditEntry],
) -> Vec<String> {
    trail
        .iter()
        .map(|e| {
            format!(
                "{} {}{}{}",
                when(config, e.at),
                actor(lang, config, e),
                super::colon(lang),
                sentence(lang, config, complaint, e)
            )
        })
        .collect()
}
