//! Automatic escalation of overdue steps: the candidates (open steps of
//! open incidents) and one stage recorded exactly once per (step, stage) —
//! the schema's partial unique index, as for complaints — queued for the
//! same sinks and audited on the incident's timeline.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, named_params};

use super::log;
use crate::domain::incident::Bilingual;
use crate::domain::{Actor, StepCandidate, StepEscalation, StepStageRecord};
use crate::store::Result;
use crate::store::sqlite::outbox::{Stage, Subject, outbox_state, record_once};
use crate::store::sqlite::{from_ms, ms};

pub(crate) fn candidates(
    conn: &Connection,
    due_before: DateTime<Utc>,
    n_stages: usize,
) -> Result<Vec<StepCandidate>> {
    let mut st = conn.prepare_cached(
        "SELECT s.id, s.incident_id, s.n, s.text_en, s.text_zh, i.grid_id, s.due_at, i.drill,
                (SELECT group_concat(e.stage) FROM escalation e WHERE e.step_id = s.id AND e.automatic = 1)
         FROM incident_step s JOIN incident i ON i.id = s.incident_id
         WHERE s.state = 'open' AND s.due_at <= :before AND i.status <> 'closed'
           AND (SELECT COUNT(*) FROM escalation e WHERE e.step_id = s.id AND e.automatic = 1) < :n
         ORDER BY s.due_at, s.id",
    )?;
    let rows = st.query_map(
        named_params! {":before": ms(due_before), ":n": n_stages as i64},
        |r| {
            let fired: Option<String> = r.get(8)?;
            Ok(StepCandidate {
                step_id: r.get(0)?,
                incident_id: r.get(1)?,
                n: r.get(2)?,
                text: Bilingual::new(r.get::<_, String>(3)?, r.get::<_, String>(4)?),
                grid: r.get(5)?,
                due_at: from_ms(r.get(6)?),
                drill: r.get(7)?,
                fired: fired
                    .map(|f| f.split(',').map(String::from).collect())
                    .unwrap_or_default(),
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn record(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    rec: StepStageRecord<'_>,
) -> Result<Option<i64>> {
    // Still open, of an open incident: a step ticked meanwhile never escalates.
    let open: Option<(i64, i64)> = rusqlite::OptionalExtension::optional(
        tx.prepare_cached(
            "SELECT s.incident_id, s.n FROM incident_step s JOIN incident i ON i.id = s.incident_id
             WHERE s.id = :step AND s.state = 'open' AND i.status <> 'closed'",
        )?
        .query_row(named_params! {":step": rec.step_id}, |r| {
            Ok((r.get(0)?, r.get(1)?))
        }),
    )?;
    let Some((incident, n)) = open else {
        return Ok(None);
    };
    let stage = Stage {
        stage: rec.stage,
        skipped: rec.skipped,
        target: rec.target,
        reason: rec.reason,
        sinks: rec.sinks,
    };
    let Some((id, skipped)) = record_once(tx, actor, now, Subject::Step(rec.step_id), &stage)?
    else {
        return Ok(None);
    };
    for (stage, esc) in skipped {
        log(
            tx,
            actor,
            now,
            "incident.step.escalation_skipped",
            incident,
            serde_json::json!({"n": n, "stage": stage, "because": rec.stage, "escalation": esc}),
        )?;
    }
    log(
        tx,
        actor,
        now,
        "incident.step.escalated",
        incident,
        serde_json::json!({
            "n": n, "stage": rec.stage, "automatic": true, "target": rec.target,
            "reason": rec.reason, "escalation": id,
        }),
    )?;
    Ok(Some(id))
}

/// The escalations of incident `id`'s steps, oldest first, each with its outbox rows.
pub(crate) fn of_incident(conn: &Connection, id: i64) -> Result<Vec<StepEscalation>> {
    let mut st = conn.prepare_cached(
        "SELECT e.id, s.n, e.stage, e.skipped, e.target_officer_id, e.at, e.by_actor, e.reason
         FROM escalation e JOIN incident_step s ON s.id = e.step_id
         WHERE s.incident_id = :id ORDER BY e.id",
    )?;
    let rows = st.query_map(named_params! {":id": id}, |r| {
        Ok(StepEscalation {
            id: r.get(0)?,
            n: r.get(1)?,
            stage: r.get(2)?,
            skipped: r.get(3)?,
            target: r.get(4)?,
            at: from_ms(r.get(5)?),
            by: r.get(6)?,
            reason: r.get(7)?,
            outbox: Vec::new(),
        })
    })?;
    let mut out: Vec<StepEscalation> = rows.collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT o.* FROM outbox o JOIN escalation e ON e.id = o.escalation_id
         JOIN incident_step s ON s.id = e.step_id
         WHERE s.incident_id = :id ORDER BY o.escalation_id, o.sink",
    )?;
    let rows = st.query_map(named_params! {":id": id}, outbox_state)?;
    for o in rows {
        let o = o?;
        if let Some(e) = out.iter_mut().find(|e| e.id == o.escalation_id) {
            e.outbox.push(o);
        }
    }
    Ok(out)
}
