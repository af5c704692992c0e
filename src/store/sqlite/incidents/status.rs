//! An incident's status (active ↔ stable, closed, reopened with a reason),
//! the facts the reports ask for, and reports sent upward.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{head, log};
use crate::domain::Actor;
use crate::domain::incident::{Fact, IncidentError, IncidentStatus, ReportKind};
use crate::store::Result;
use crate::store::sqlite::{from_ms, ms};

pub(super) fn set(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    to: IncidentStatus,
    reason: Option<&str>,
) -> Result<()> {
    let h = head(tx, id)?;
    if !h.status.can_become(to) {
        return Err(IncidentError::Status {
            id,
            from: h.status,
            to,
        }
        .into());
    }
    let reopen = h.status == IncidentStatus::Closed;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reopen && reason.is_none() {
        return Err(IncidentError::Empty { field: "reason" }.into());
    }
    let closing = to == IncidentStatus::Closed;
    tx.prepare_cached(
        "UPDATE incident SET status = :to,
            closed_at = CASE WHEN :closing THEN :now ELSE NULL END
         WHERE id = :id",
    )?
    .execute(named_params! {":to": to.id(), ":closing": closing, ":now": ms(now), ":id": id})?;
    // The final report counts down from the closing; a reopened incident's stops.
    let final_due = match (closing, h.final_after_close_minutes) {
        (true, Some(m)) => Some(now + Duration::minutes(m)),
        _ => None,
    };
    let unsent_final = tx
        .prepare_cached(
            "UPDATE incident_report SET due_at = :due
             WHERE incident_id = :id AND kind = 'final' AND sent_at IS NULL",
        )?
        .execute(named_params! {":due": final_due.map(ms), ":id": id})?;
    if unsent_final == 0 && final_due.is_some() {
        tx.prepare_cached(
            "INSERT INTO incident_report (incident_id, kind, due_at) VALUES (:id, 'final', :due)
             ON CONFLICT DO NOTHING",
        )?
        .execute(named_params! {":id": id, ":due": final_due.map(ms)})?;
    }
    let action = if closing {
        "incident.close"
    } else if reopen {
        "incident.reopen"
    } else {
        "incident.status"
    };
    log(
        tx,
        actor,
        now,
        action,
        id,
        serde_json::json!({
            "from": h.status.id(), "to": to.id(), "reason": reason, "final_report_due_at": final_due,
        }),
    )
}

pub(super) fn facts(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    facts: &[(Fact, String)],
) -> Result<()> {
    if facts.is_empty() || facts.iter().any(|(_, t)| t.trim().is_empty()) {
        return Err(IncidentError::Empty { field: "fact" }.into());
    }
    head(tx, id)?;
    let mut details = serde_json::Map::new();
    for (fact, text) in facts {
        let text = text.trim();
        tx.prepare_cached(
            "INSERT INTO incident_fact (incident_id, fact, text, at, by_actor)
             VALUES (:id, :fact, :text, :now, :by)",
        )?
        .execute(named_params! {
            ":id": id, ":fact": fact.id(), ":text": text, ":now": ms(now), ":by": actor.name,
        })?;
        details.insert(fact.id().to_string(), text.into());
    }
    log(
        tx,
        actor,
        now,
        "incident.facts",
        id,
        serde_json::Value::Object(details),
    )
}

pub(super) fn report_sent(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    kind: ReportKind,
    to: &str,
) -> Result<()> {
    let to = to.trim();
    if to.is_empty() {
        return Err(IncidentError::Empty { field: "to" }.into());
    }
    head(tx, id)?;
    // The initial and the final report are sent once; follow-ups as often as facts change.
    let existing: Option<(i64, Option<i64>, Option<i64>)> = match kind {
        ReportKind::FollowUp => None,
        _ => tx
            .prepare_cached(
                "SELECT id, due_at, sent_at FROM incident_report WHERE incident_id = :id AND kind = :kind",
            )?
            .query_row(named_params! {":id": id, ":kind": kind.id()}, |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?,
    };
    let due_at = match existing {
        Some((_, _, Some(sent))) => {
            return Err(IncidentError::ReportAlreadySent {
                id,
                kind,
                at: from_ms(sent),
            }
            .into());
        }
        Some((row, due, None)) => {
            tx.prepare_cached(
                "UPDATE incident_report SET sent_at = :now, sent_by = :by, sent_to = :to WHERE id = :row",
            )?
            .execute(named_params! {":now": ms(now), ":by": actor.name, ":to": to, ":row": row})?;
            due.map(from_ms)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO incident_report (incident_id, kind, due_at, sent_at, sent_by, sent_to)
                 VALUES (:id, :kind, NULL, :now, :by, :to)",
            )?
            .execute(named_params! {
                ":id": id, ":kind": kind.id(), ":now": ms(now), ":by": actor.name, ":to": to,
            })?;
            None
        }
    };
    log(
        tx,
        actor,
        now,
        "incident.report.sent",
        id,
        serde_json::json!({"kind": kind.id(), "to": to, "due_at": due_at}),
    )
}
