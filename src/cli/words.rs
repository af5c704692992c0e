//! What an action did, as the command line prints it: an [`Outcome`] in
//! the interface language (from the string table), officers with name and
//! phone from the configuration.

use crate::config::Config;
use crate::i18n::{Lang, T, fill};
use crate::ops::Outcome;
use crate::text::{countdown, sanitize};

use super::view::time;

/// ` (name phone)` of a configured officer, or nothing.
pub(super) fn officer_label(config: &Config, id: &str) -> String {
    config
        .officers
        .get(id)
        .map(|o| format!(" ({} {})", sanitize(&o.name), o.phone))
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
                    ("label", &officer_label(config, officer)),
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
                ("label", &officer_label(config, officer)),
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
                ("label", &officer_label(config, t)),
            ],
        ),
        Outcome::Escalated { id, target: None } => {
            fill(T::CliEscalatedNobody.get(lang), &[("id", &id.to_string())])
        }
        Outcome::Resolved { id, outcome } => fill(
            T::CliResolved.get(lang),
            &[("id", &id.to_string()), ("outcome", outcome.as_str())],
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
