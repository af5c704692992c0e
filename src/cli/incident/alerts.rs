//! `incident show`'s alerts: every escalation of an overdue step, whom it
//! alerted and what became of it outside the consoles — delivered,
//! pending, failed (an alert command interrupted by a daemon's stop says
//! so), skipped — as `show` says it for a complaint.

use chrono_tz::Tz;
use serde_json::{Value, json};

use crate::cli::escalations::{delivery_json, delivery_words};
use crate::cli::view::{table, time};
use crate::config::Config;
use crate::domain::{Delivery, OutboxState, StepEscalation};
use crate::i18n::{Lang, T};
use crate::tui::alerts::stage_name;

fn delivery(e: &StepEscalation) -> Delivery {
    let rows: Vec<&OutboxState> = e.outbox.iter().collect();
    Delivery::of(e.skipped, &rows)
}

/// The alerts as a table, or a line saying there are none.
pub fn text(lang: Lang, config: &Config, all: &[StepEscalation]) -> String {
    if all.is_empty() {
        return format!("{}\n", T::IncCliNoAlerts.get(lang));
    }
    let tz = &config.settings.timezone;
    let header = [
        T::IncCliAlertStep.get(lang),
        T::IncCliAlertStage.get(lang),
        T::IncCliAlertAt.get(lang),
        T::IncCliAlertTo.get(lang),
        T::IncCliAlertDelivery.get(lang),
    ];
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|e| {
            vec![
                e.n.to_string(),
                stage_name(lang, &e.stage).into_owned(),
                e.at.with_timezone(tz).format("%m-%d %H:%M").to_string(),
                e.target
                    .as_deref()
                    .map(|o| crate::words::trail::officer(config, o))
                    .unwrap_or_else(|| "-".into()),
                delivery_words(&delivery(e), lang, tz),
            ]
        })
        .collect();
    table(&header, &rows)
}

/// The `alerts` array of `incident show --json`.
pub fn json(all: &[StepEscalation], tz: &Tz) -> Value {
    all.iter()
        .map(|e| {
            json!({
                "id": e.id,
                "step": e.n,
                "stage": e.stage,
                "skipped": e.skipped,
                "target": e.target,
                "at": time(e.at, tz),
                "by": e.by,
                "reason": e.reason,
                "delivery": delivery_json(&delivery(e), tz),
            })
        })
        .collect()
}
