//! `show`'s escalations: each with what became of its alert outside the
//! consoles (delivered, pending, failed, skipped, or consoles only, with
//! when) and who acknowledged it at a console. JSON for scripts, a table
//! for people, in the interface language.

use chrono_tz::Tz;
use serde_json::{Value, json};

use super::view::{table, time};
use crate::config::Config;
use crate::domain::{AckRow, AlertRef, Delivery, EscalationRow, OutboxState};
use crate::i18n::{Lang, T, fill};
use crate::tui::alerts::stage_name;

/// One escalation's delivery and acknowledgement, read from the store.
pub struct Record<'a> {
    pub e: &'a EscalationRow,
    pub outbox: Vec<&'a OutboxState>,
    pub delivery: Delivery,
    pub ack: Option<&'a AckRow>,
}

/// Pair every escalation with its outbox rows and its acknowledgement.
pub fn records<'a>(
    escalations: &'a [EscalationRow],
    outbox: &'a [OutboxState],
    acks: &'a [AckRow],
) -> Vec<Record<'a>> {
    escalations
        .iter()
        .map(|e| {
            let rows: Vec<&OutboxState> =
                outbox.iter().filter(|o| o.escalation_id == e.id).collect();
            Record {
                delivery: Delivery::of(e.skipped, &rows),
                outbox: rows,
                ack: acks.iter().find(|a| a.alert == AlertRef::Escalation(e.id)),
                e,
            }
        })
        .collect()
}

pub(super) fn delivery_json(d: &Delivery, tz: &Tz) -> Value {
    match d {
        Delivery::Skipped => json!({"state": "skipped"}),
        Delivery::ConsolesOnly => json!({"state": "consoles_only"}),
        Delivery::Sending { attempts } => json!({"state": "sending", "attempts": attempts}),
        Delivery::Delivered { at, attempts } => {
            json!({"state": "delivered", "at": time(*at, tz), "attempts": attempts})
        }
        Delivery::Pending {
            attempts,
            next_at,
            error,
        } => {
            json!({"state": "pending", "next_attempt_at": time(*next_at, tz), "attempts": attempts, "error": error})
        }
        Delivery::Failed {
            at,
            attempts,
            error,
        } => json!({"state": "failed", "at": time(*at, tz), "attempts": attempts, "error": error}),
    }
}

/// The `escalations` array of `show --json`.
pub fn json(records: &[Record<'_>], tz: &Tz) -> Value {
    records
        .iter()
        .map(|r| {
            let e = r.e;
            json!({
                "id": e.id,
                "stage": e.stage,
                "automatic": e.automatic,
                "skipped": e.skipped,
                "target": e.target,
                "at": time(e.at, tz),
                "by": e.by,
                "reason": e.reason,
                "delivery": delivery_json(&r.delivery, tz),
                "deliveries": r.outbox.iter().map(|o| json!({
                    "sink": o.sink, "attempts": o.attempts,
                    "next_attempt_at": time(o.next_attempt_at, tz),
                    "delivered_at": o.delivered_at.map(|t| time(t, tz)),
                    "failed_at": o.failed_at.map(|t| time(t, tz)),
                    "last_error": o.last_error,
                })).collect::<Vec<_>>(),
                "acknowledged": r.ack.map(|a| json!({"by": a.by, "console": a.console, "at": time(a.at, tz)})),
            })
        })
        .collect()
}

/// The delivery in words.
pub(super) fn delivery_words(d: &Delivery, lang: Lang, tz: &Tz) -> String {
    let when =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(tz).format("%m-%d %H:%M:%S").to_string();
    let err = |e: &Option<String>| e.clone().unwrap_or_else(|| "-".into());
    match d {
        Delivery::Skipped => T::DeliverySkipped.get(lang).into(),
        Delivery::ConsolesOnly => T::DeliveryConsoles.get(lang).into(),
        Delivery::Sending { attempts } => fill(
            T::DeliverySending.get(lang),
            &[("attempts", &attempts.to_string())],
        ),
        Delivery::Delivered { at, .. } => {
            fill(T::DeliveryDelivered.get(lang), &[("at", &when(*at))])
        }
        Delivery::Pending {
            attempts: 0,
            next_at,
            ..
        } => fill(T::DeliveryPending.get(lang), &[("at", &when(*next_at))]),
        Delivery::Pending {
            attempts,
            next_at,
            error,
        } => fill(
            T::DeliveryRetrying.get(lang),
            &[
                ("attempts", &attempts.to_string()),
                ("at", &when(*next_at)),
                ("error", &err(error)),
            ],
        ),
        Delivery::Failed {
            at,
            attempts,
            error,
        } => fill(
            T::DeliveryFailed.get(lang),
            &[
                ("attempts", &attempts.to_string()),
                ("at", &when(*at)),
                ("error", &err(error)),
            ],
        ),
    }
}

/// The escalations table of `show`, with its heading; empty when there are none.
pub fn table_text(records: &[Record<'_>], config: &Config, lang: Lang) -> String {
    if records.is_empty() {
        return String::new();
    }
    let tz = &config.settings.timezone;
    let hm =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(tz).format("%m-%d %H:%M").to_string();
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            let e = r.e;
            let target = match e.target.as_deref() {
                Some(t) => match config.officers.get(t) {
                    Some(o) => format!("{t} {} {}", o.name, o.phone),
                    None => t.to_string(),
                },
                None => "-".into(),
            };
            vec![
                hm(e.at),
                stage_name(lang, &e.stage).into_owned(),
                target,
                crate::words::trail::who(lang, config, &e.by),
                delivery_words(&r.delivery, lang, tz),
                r.ack
                    .map(|a| {
                        format!(
                            "{} {}",
                            crate::words::trail::who(lang, config, &a.by),
                            hm(a.at)
                        )
                    })
                    .unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    let head = [
        T::ShowColAt,
        T::ShowColStage,
        T::ShowColTarget,
        T::ShowColBy,
        T::ShowColDelivery,
        T::ShowColAck,
    ]
    .map(|t| t.get(lang));
    format!("{}\n{}", T::ShowEscalations.get(lang), table(&head, &rows))
}
