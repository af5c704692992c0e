//! What an incident action did, in the console's language: the status
//! line's words for an [`IncidentOutcome`].

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::domain::incident::{Movement, StepChange};
use crate::i18n::{Lang, T, fill};
use crate::ops::IncidentOutcome;
use crate::text::sanitize;
use crate::words::incident as iw;

/// A role's name from any plan that names it (the id when none does).
fn role(lang: Lang, config: &Config, id: &str) -> String {
    config
        .plans
        .values()
        .flat_map(|p| &p.roles)
        .find(|r| r.role == id)
        .map_or_else(|| sanitize(id), |r| sanitize(iw::bilingual(lang, &r.name)))
}

pub fn outcome(lang: Lang, config: &Config, o: &IncidentOutcome) -> String {
    let tz = &config.settings.timezone;
    let hm = |t: Option<DateTime<Utc>>| {
        t.map_or("—".to_string(), |t| {
            t.with_timezone(tz).format("%H:%M").to_string()
        })
    };
    let who = |id: &str| crate::words::trail::officer(config, id);
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    match o {
        IncidentOutcome::Opened {
            id,
            next_due_at,
            report_due_at,
        } => say(
            T::IncUiDoneOpened,
            &[
                ("id", &id.to_string()),
                ("next", &hm(*next_due_at)),
                ("report", &hm(*report_due_at)),
            ],
        ),
        IncidentOutcome::StepChanged { id, n, change } => {
            let t = match change {
                StepChange::Done { .. } => T::IncUiDoneStepDone,
                StepChange::Undone => T::IncUiDoneStepUndone,
                StepChange::Skip { .. } => T::IncUiDoneStepSkipped,
            };
            say(t, &[("id", &id.to_string()), ("n", &n.to_string())])
        }
        IncidentOutcome::StepAdded { id, n } => say(
            T::IncUiDoneStepAdded,
            &[("id", &id.to_string()), ("n", &n.to_string())],
        ),
        IncidentOutcome::Assigned {
            id,
            officer,
            role: r,
            status,
            first_on_scene,
        } => say(
            if *first_on_scene {
                T::IncUiDoneFirstOnScene
            } else {
                T::IncUiDoneAssigned
            },
            &[
                ("id", &id.to_string()),
                ("officer", &who(officer)),
                ("role", &role(lang, config, r)),
                ("status", iw::person(*status).get(lang)),
            ],
        ),
        IncidentOutcome::Equipped {
            id,
            item,
            depot,
            movement,
            quantity,
        } => {
            let (name, unit) = item_words(config, item, lang);
            let depot = depot.as_deref().map_or("—".to_string(), |d| {
                config
                    .inventory
                    .depots
                    .get(d)
                    .map_or_else(|| sanitize(d), |x| sanitize(&x.name))
            });
            let movement: &Movement = movement;
            say(
                T::IncUiDoneEquipped,
                &[
                    ("id", &id.to_string()),
                    ("item", &name),
                    ("quantity", &quantity.to_string()),
                    ("unit", &unit),
                    ("movement", iw::movement(*movement).get(lang)),
                    ("depot", &depot),
                ],
            )
        }
        IncidentOutcome::Leveled {
            id,
            severity,
            report_due_before,
            report_due_after,
        } => say(
            T::IncUiDoneLeveled,
            &[
                ("id", &id.to_string()),
                ("level", &iw::severity(lang, severity)),
                ("before", &hm(*report_due_before)),
                ("after", &hm(*report_due_after)),
            ],
        ),
        IncidentOutcome::StatusChanged { id, status } => say(
            T::IncUiDoneStatus,
            &[
                ("id", &id.to_string()),
                ("status", iw::status(*status).get(lang)),
            ],
        ),
        IncidentOutcome::ReportSent { id, kind, to } => say(
            T::IncUiDoneReport,
            &[
                ("id", &id.to_string()),
                ("report", iw::report(*kind).get(lang)),
                ("to", &sanitize(to)),
            ],
        ),
        IncidentOutcome::FactsRecorded { id, .. } => {
            say(T::IncUiDoneFacts, &[("id", &id.to_string())])
        }
    }
}

/// An item's name and unit in `lang` (its id when the catalogue has it not).
pub fn item_words(config: &Config, item: &str, lang: Lang) -> (String, String) {
    match config.inventory.items.get(item) {
        Some(i) => (
            sanitize(iw::bilingual(lang, &i.name)),
            sanitize(iw::bilingual(lang, &i.unit)),
        ),
        None => (sanitize(item), String::new()),
    }
}
