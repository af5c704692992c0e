//! Incident actions in words (#10): why one was refused
//! ([`IncidentError`]) and what one did ([`IncidentOutcome`]), in the
//! reader's language. The command line and the dashboard both word them
//! here, so neither prints a Rust debug form.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::incident::{movement, person, report, status};
use crate::domain::incident::{IncidentError, StepChange};
use crate::i18n::{Lang, T, fill};
use crate::ops::IncidentOutcome;
use crate::text::sanitize;

fn time(tz: &Tz, t: DateTime<Utc>) -> String {
    t.with_timezone(tz).format("%m-%d %H:%M").to_string()
}

fn maybe_time(lang: Lang, tz: &Tz, t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(|| T::IncOpNoTime.get(lang).to_string(), |t| time(tz, t))
}

/// Why an incident action was refused.
pub fn error(lang: Lang, tz: &Tz, e: &IncidentError) -> String {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let s = |v: &str| sanitize(v);
    match e {
        IncidentError::NoSuchIncident(id) => {
            say(T::IncOpNoSuchIncident, &[("id", &id.to_string())])
        }
        IncidentError::NoSuchPlan(p) => say(T::IncOpNoSuchPlan, &[("plan", &s(p))]),
        IncidentError::NoSuchItem(i) => say(T::IncOpNoSuchItem, &[("item", &s(i))]),
        IncidentError::NoSuchDepot(d) => say(T::IncOpNoSuchDepot, &[("depot", &s(d))]),
        IncidentError::NoGrid(c) => say(T::IncOpNoGrid, &[("id", &c.to_string())]),
        IncidentError::GridNeeded => say(T::IncOpGridNeeded, &[]),
        IncidentError::ComplaintHasIncident {
            complaint,
            incident,
        } => say(
            T::IncFixComplaintHasIncident,
            &[
                ("complaint", &complaint.to_string()),
                ("incident", &incident.to_string()),
            ],
        ),
        IncidentError::DiscoveredInFuture { minutes } => {
            say(T::IncOpDiscoveredInFuture, &[("m", &minutes.to_string())])
        }
        IncidentError::DiscoveredLongAgo { days, max } => say(
            T::IncOpDiscoveredLongAgo,
            &[("days", &days.to_string()), ("max", &max.to_string())],
        ),
        IncidentError::DueTooFar { due_at, max_days } => say(
            T::IncOpDueTooFar,
            &[("due", &time(tz, *due_at)), ("max", &max_days.to_string())],
        ),
        IncidentError::QuantityTooLarge { asked, max } => say(
            T::IncOpQuantityTooLarge,
            &[("asked", &asked.to_string()), ("max", &max.to_string())],
        ),
        IncidentError::DueBeforeNow { due_at, now } => say(
            T::IncFixDueBeforeNow,
            &[("due", &time(tz, *due_at)), ("now", &time(tz, *now))],
        ),
        IncidentError::NoSuchStep { id, n } => say(
            T::IncOpNoSuchStep,
            &[("id", &id.to_string()), ("n", &n.to_string())],
        ),
        IncidentError::StepIs { id, n, state } => say(
            match *state {
                "done" => T::IncOpStepIsDone,
                "skipped" => T::IncOpStepIsSkipped,
                _ => T::IncOpStepIsOpen,
            },
            &[("id", &id.to_string()), ("n", &n.to_string())],
        ),
        IncidentError::Closed(id) => say(T::IncOpClosed, &[("id", &id.to_string())]),
        IncidentError::Empty { field } => say(
            match *field {
                "reason" => T::IncOpEmptyReason,
                "text" => T::IncOpEmptyText,
                "role" => T::IncOpEmptyRole,
                "to" => T::IncOpEmptyTo,
                _ => T::IncOpEmptyFact,
            },
            &[],
        ),
        IncidentError::PersonMove {
            id,
            officer,
            role,
            from,
            to,
        } => say(
            T::IncOpPersonMove,
            &[
                ("id", &id.to_string()),
                ("officer", &s(officer)),
                ("role", &s(role)),
                ("from", person(*from).get(lang)),
                ("to", person(*to).get(lang)),
            ],
        ),
        IncidentError::Status { id, from, to } if from == to => say(
            T::IncFixAlreadyStatus,
            &[("id", &id.to_string()), ("status", status(*to).get(lang))],
        ),
        IncidentError::Status { id, from, to } => say(
            T::IncOpStatus,
            &[
                ("id", &id.to_string()),
                ("from", status(*from).get(lang)),
                ("to", status(*to).get(lang)),
            ],
        ),
        IncidentError::NoSuchRole { id, role, roles } => {
            let names: Vec<String> = roles
                .iter()
                .map(|r| {
                    let name = sanitize(super::incident::bilingual(lang, &r.name));
                    match lang {
                        Lang::Zh => format!("{}（{name}）", sanitize(&r.role)),
                        Lang::En => format!("{} ({name})", sanitize(&r.role)),
                    }
                })
                .collect();
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            say(
                T::IncFixNoSuchRole,
                &[
                    ("id", &id.to_string()),
                    ("role", &s(role)),
                    ("roles", &names.join(sep)),
                ],
            )
        }
        IncidentError::SameLevel(id) => say(T::IncOpSameLevel, &[("id", &id.to_string())]),
        IncidentError::ZeroQuantity => say(T::IncOpZeroQuantity, &[]),
        IncidentError::OverStock {
            item,
            depot,
            asked,
            held,
        } => say(
            T::IncOpOverStock,
            &[
                ("item", &s(item)),
                ("depot", &s(depot)),
                ("asked", &asked.to_string()),
                ("held", &held.to_string()),
            ],
        ),
        IncidentError::OverReturn {
            id,
            item,
            depot,
            asked,
            out,
        } => say(
            T::IncOpOverReturn,
            &[
                ("id", &id.to_string()),
                ("item", &s(item)),
                ("depot", &s(depot)),
                ("asked", &asked.to_string()),
                ("out", &out.to_string()),
            ],
        ),
        IncidentError::NoDepotHolds { item, asked } => say(
            T::IncOpNoDepotHolds,
            &[("item", &s(item)), ("asked", &asked.to_string())],
        ),
        IncidentError::DepotNeeded { item } => say(T::IncOpDepotNeeded, &[("item", &s(item))]),
        IncidentError::NothingOut { id, item } => say(
            T::IncOpNothingOut,
            &[("id", &id.to_string()), ("item", &s(item))],
        ),
        IncidentError::ReportAlreadySent { id, kind, at } => say(
            T::IncOpReportAlreadySent,
            &[
                ("id", &id.to_string()),
                ("kind", report(*kind).get(lang)),
                ("at", &time(tz, *at)),
            ],
        ),
    }
}

/// What an incident action did (the status line, the command's answer).
pub fn outcome(lang: Lang, tz: &Tz, o: &IncidentOutcome) -> String {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    match o {
        IncidentOutcome::Opened {
            id,
            next_due_at,
            report_due_at,
        } => say(
            T::IncOpOpened,
            &[
                ("id", &id.to_string()),
                ("next", &maybe_time(lang, tz, *next_due_at)),
                ("report", &maybe_time(lang, tz, *report_due_at)),
            ],
        ),
        IncidentOutcome::StepChanged { id, n, change } => say(
            match change {
                StepChange::Done { .. } => T::IncOpStepDone,
                StepChange::Undone => T::IncOpStepUndone,
                StepChange::Skip { .. } => T::IncOpStepSkipped,
            },
            &[("id", &id.to_string()), ("n", &n.to_string())],
        ),
        IncidentOutcome::StepAdded { id, n } => say(
            T::IncOpStepAdded,
            &[("id", &id.to_string()), ("n", &n.to_string())],
        ),
        IncidentOutcome::Assigned {
            id,
            officer,
            role,
            status: st,
            first_on_scene,
        } => {
            let mut line = say(
                T::IncOpAssigned,
                &[
                    ("id", &id.to_string()),
                    ("officer", &sanitize(officer)),
                    ("role", &sanitize(role)),
                    ("status", person(*st).get(lang)),
                ],
            );
            if *first_on_scene {
                line.push_str(T::IncOpFirstOnScene.get(lang));
            }
            line
        }
        IncidentOutcome::Equipped {
            id,
            item,
            depot,
            movement: m,
            quantity,
        } => say(
            T::IncOpEquipped,
            &[
                ("id", &id.to_string()),
                ("item", &sanitize(item)),
                ("quantity", &quantity.to_string()),
                ("movement", movement(*m).get(lang)),
                (
                    "depot",
                    &depot.as_deref().map_or_else(String::new, |d| {
                        fill(T::IncOpAtDepot.get(lang), &[("depot", &sanitize(d))])
                    }),
                ),
            ],
        ),
        IncidentOutcome::Leveled {
            id,
            severity: sev,
            report_due_before,
            report_due_after,
        } => say(
            T::IncOpLeveled,
            &[
                ("id", &id.to_string()),
                ("level", &super::incident::severity_short(lang, sev)),
                ("before", &maybe_time(lang, tz, *report_due_before)),
                ("after", &maybe_time(lang, tz, *report_due_after)),
            ],
        ),
        IncidentOutcome::StatusChanged { id, status: st } => say(
            T::IncOpStatusChanged,
            &[("id", &id.to_string()), ("status", status(*st).get(lang))],
        ),
        IncidentOutcome::ReportSent { id, kind, to } => say(
            T::IncOpReportSent,
            &[
                ("id", &id.to_string()),
                ("kind", report(*kind).get(lang)),
                ("to", &sanitize(to)),
            ],
        ),
        IncidentOutcome::FactsRecorded { id, facts } => {
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            let names: Vec<&str> = facts
                .iter()
                .map(|f| super::incident::fact(*f).get(lang))
                .collect();
            say(
                T::IncOpFactsRecorded,
                &[("id", &id.to_string()), ("facts", &names.join(sep))],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::incident::{PersonStatus, ReportKind};

    #[test]
    fn refusals_read_as_sentences_in_both_languages() {
        let tz = Tz::Asia__Shanghai;
        let e = IncidentError::PersonMove {
            id: 3,
            officer: "O019".into(),
            role: "monitoring".into(),
            from: PersonStatus::OnScene,
            to: PersonStatus::Notified,
        };
        let en = error(Lang::En, &tz, &e);
        assert!(en.contains("on scene") && en.contains("notified"), "{en}");
        assert!(!en.contains("OnScene"), "no debug text: {en}");
        let zh = error(Lang::Zh, &tz, &e);
        assert!(zh.contains("已到场") && zh.contains("已通知"), "{zh}");
        let sent = IncidentError::ReportAlreadySent {
            id: 3,
            kind: ReportKind::Initial,
            at: "2026-11-30T02:00:00Z".parse().unwrap(),
        };
        assert_eq!(
            error(Lang::Zh, &tz, &sent),
            "事件 3：初报已于 11-30 10:00 报送"
        );
        let over = IncidentError::OverStock {
            item: "sandbag".into(),
            depot: "D1".into(),
            asked: 300,
            held: 120,
        };
        assert_eq!(
            error(Lang::En, &tz, &over),
            "depot D1 holds 120 of sandbag, not 300"
        );
        // The dashboard's and the command line's error words come from here,
        // whether the refusal came from the operation or from the store.
        let op = crate::ops::OpError::Incident(over.clone());
        assert_eq!(
            crate::tui::words::error_plain(Lang::Zh, &tz, &op),
            error(Lang::Zh, &tz, &over)
        );
        let store = crate::store::StoreError::Incident(over.clone());
        assert_eq!(
            crate::tui::words::store_error(Lang::Zh, &tz, &store),
            error(Lang::Zh, &tz, &over)
        );
        assert!(!e.to_string().contains("OnScene"), "{e}");
    }
}
