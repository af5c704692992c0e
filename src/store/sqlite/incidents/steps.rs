//! The checklist: a step done (who, when, note), undone, skipped with a
//! reason, or added ad hoc with its own due time.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{log, open_head, role_name};
use crate::domain::Actor;
use crate::domain::incident::{IncidentError, StepChange};
use crate::store::Result;
use crate::store::sqlite::ms;

pub(super) fn change(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    n: i64,
    change: &StepChange,
) -> Result<()> {
    // A closed incident's checklist stays as it was closed.
    open_head(tx, id)?;
    let state: String = tx
        .prepare_cached("SELECT state FROM incident_step WHERE incident_id = :id AND n = :n")?
        .query_row(named_params! {":id": id, ":n": n}, |r| r.get(0))
        .optional()?
        .ok_or(IncidentError::NoSuchStep { id, n })?;
    let is = |state: &str| IncidentError::StepIs {
        id,
        n,
        state: match state {
            "done" => "done",
            "skipped" => "skipped",
            _ => "open",
        },
    };
    let (action, details) = match change {
        StepChange::Done { note } => {
            if state != "open" {
                return Err(is(&state).into());
            }
            tx.prepare_cached(
                "UPDATE incident_step SET state = 'done', done_at = :now, done_by = :by, note = :note
                 WHERE incident_id = :id AND n = :n",
            )?
            .execute(named_params! {":now": ms(now), ":by": actor.name, ":note": note, ":id": id, ":n": n})?;
            (
                "incident.step.done",
                serde_json::json!({"n": n, "note": note}),
            )
        }
        StepChange::Skip { reason } => {
            if reason.trim().is_empty() {
                return Err(IncidentError::Empty { field: "reason" }.into());
            }
            if state != "open" {
                return Err(is(&state).into());
            }
            tx.prepare_cached(
                "UPDATE incident_step SET state = 'skipped', done_at = :now, done_by = :by,
                    skipped_reason = :reason
                 WHERE incident_id = :id AND n = :n",
            )?
            .execute(named_params! {":now": ms(now), ":by": actor.name, ":reason": reason, ":id": id, ":n": n})?;
            (
                "incident.step.skip",
                serde_json::json!({"n": n, "reason": reason}),
            )
        }
        StepChange::Undone => {
            if state == "open" {
                return Err(is(&state).into());
            }
            tx.prepare_cached(
                "UPDATE incident_step SET state = 'open', done_at = NULL, done_by = NULL,
                    note = NULL, skipped_reason = NULL
                 WHERE incident_id = :id AND n = :n",
            )?
            .execute(named_params! {":id": id, ":n": n})?;
            (
                "incident.step.undone",
                serde_json::json!({"n": n, "was": state}),
            )
        }
    };
    log(tx, actor, now, action, id, details)
}

pub(super) fn add(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    text: &str,
    role: Option<&str>,
    due_at: DateTime<Utc>,
) -> Result<i64> {
    if text.trim().is_empty() {
        return Err(IncidentError::Empty { field: "text" }.into());
    }
    open_head(tx, id)?;
    let n: i64 = tx
        .prepare_cached(
            "SELECT COALESCE(MAX(n), 0) + 1 FROM incident_step WHERE incident_id = :id",
        )?
        .query_row(named_params! {":id": id}, |r| r.get(0))?;
    let role = role.map(str::trim).filter(|r| !r.is_empty());
    tx.prepare_cached(
        "INSERT INTO incident_step (incident_id, n, text_en, text_zh, role, due, due_at, ad_hoc)
         VALUES (:id, :n, :text, :text, :role, NULL, :due_at, 1)",
    )?
    .execute(named_params! {
        ":id": id, ":n": n, ":text": text.trim(), ":role": role, ":due_at": ms(due_at),
    })?;
    let name = match role {
        Some(r) => role_name(tx, id, r)?,
        None => serde_json::Value::Null,
    };
    log(
        tx,
        actor,
        now,
        "incident.step.add",
        id,
        serde_json::json!({
            "n": n, "text": text.trim(), "role": role, "role_name": name, "due_at": due_at,
        }),
    )?;
    Ok(n)
}
