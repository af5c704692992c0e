//! How complaints look on the command line: the JSON contract of DESIGN.md
//! §4.1 (times RFC 3339 in the configured offset) and the readable tables.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::{Value, json};

use super::words;
use crate::domain::complaint::Status;
use crate::domain::triage::Rejection;
use crate::domain::{ArrivalRow, AuditEntry, ComplaintRow, DispatchRow, EscalationRow};
use crate::i18n::{Lang, T};
use crate::text::{fit, mask_phone, sanitize, width};

/// JSON for scripts, inert on a terminal (C1 and bidi controls escaped).
pub fn json_text(v: &impl serde::Serialize) -> String {
    crate::text::json_inert(&serde_json::to_string_pretty(v).unwrap_or_default())
}

pub use super::words::{remaining_seconds, time};

pub fn complaint_json(c: &ComplaintRow, tz: &Tz, now: DateTime<Utc>) -> Value {
    json!({
        "id": c.id,
        "source": c.source,
        "external_ref": c.external_ref,
        "received_at": time(c.received_at, tz),
        "regime": c.regime,
        "regime_reason": c.regime_reason,
        "deadline_at": time(c.deadline_at, tz),
        "remaining_seconds": remaining_seconds(c, now),
        "status": c.status,
        "outcome": c.outcome,
        // `{reason, note}` of a rejected complaint: the reason's stable id.
        "rejection": (c.status == Status::Rejected)
            .then(|| c.status_note.as_deref().map(Rejection::from_stored))
            .flatten(),
        "grid": c.grid,
        "grid_source": c.grid_source,
        "category": c.category(),
        "categories": c.categories,
        "enterprise": c.enterprise,
        "repeat_of": c.repeat_of,
        "repeat_count": c.repeat_count,
        "merged_into": c.merged_into,
        "arrived_at": c.arrived_at.map(|t| time(t, tz)),
        "arrived_by": c.arrived_by,
        "dispatched_to": c.dispatched_to,
        "description": c.description,
        "location": {"address": c.address, "lat": c.lat, "lon": c.lon},
        "reporter": {
            "name": c.reporter_name,
            "phone": c.reporter_phone.as_deref().map(mask_phone),
            "anonymous": c.reporter_anonymous,
        },
    })
}

pub fn detail_json(
    c: &ComplaintRow,
    tz: &Tz,
    now: DateTime<Utc>,
    dispatches: &[DispatchRow],
    arrivals: &[ArrivalRow],
    escalations: &[EscalationRow],
    audit: &[AuditEntry],
) -> Value {
    let mut v = complaint_json(c, tz, now);
    v["dispatches"] = dispatches
        .iter()
        .map(|d| json!({"officer": d.officer, "at": time(d.at, tz), "console": d.console}))
        .collect();
    v["arrivals"] = arrivals
        .iter()
        .map(|a| {
            json!({"id": a.id, "round": a.round, "officer": a.officer, "arrived_at": time(a.arrived_at, tz),
                   "logged_at": time(a.logged_at, tz), "console": a.console, "note": a.note, "corrects": a.corrects})
        })
        .collect();
    v["escalations"] = escalations
        .iter()
        .map(|e| json!({"stage": e.stage, "automatic": e.automatic, "target": e.target, "at": time(e.at, tz), "by": e.by, "reason": e.reason}))
        .collect();
    v["audit"] = audit
        .iter()
        .map(|a| {
            json!({"seq": a.seq, "at": time(a.at, tz), "clock": a.clock, "actor": a.actor, "console": a.console,
                   "action": a.action, "details": a.details})
        })
        .collect();
    v
}

/// A plain text table: columns padded in terminal cells, text sanitised.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| sanitize(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(width(c).min(60));
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len() - 1;
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == last {
                    c.to_string()
                } else {
                    fit(c, widths[i])
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(header.to_vec());
    out.push('\n');
    for r in &rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// The `list` table, in the interface language.
pub fn list_table(
    lang: Lang,
    config: &crate::config::Config,
    rows: &[ComplaintRow],
    now: DateTime<Utc>,
) -> String {
    let tz = &config.settings.timezone;
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                c.received_at
                    .with_timezone(tz)
                    .format("%m-%d %H:%M")
                    .to_string(),
                words::source(lang, c.source).into(),
                c.grid
                    .clone()
                    .unwrap_or_else(|| T::CliUnassigned.get(lang).into()),
                words::categories(lang, &c.categories),
                words::regime(lang, c.regime).into(),
                c.deadline_at.with_timezone(tz).format("%H:%M").to_string(),
                words::left(lang, c, now),
                words::status(lang, c.status).into(),
                c.repeat_of.map(|r| format!("#{r}")).unwrap_or_default(),
                words::regime_reason(lang, config, c),
            ]
        })
        .collect();
    let header = [
        T::CliColId,
        T::CliColReceived,
        T::CliColSource,
        T::CliColGrid,
        T::CliColCategory,
        T::CliColRegime,
        T::CliColDeadline,
        T::CliColLeft,
        T::CliColStatus,
        T::CliColRepeat,
        T::CliColReason,
    ]
    .map(|t| t.get(lang));
    table(&header, &body)
}
