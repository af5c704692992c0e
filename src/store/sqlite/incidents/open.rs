//! Opening an incident (the plan copied, frozen) and changing its level
//! (open plan steps and the unsent initial report due anew).

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, named_params};

use super::{log, open_head, severity_columns};
use crate::domain::Actor;
use crate::domain::incident::{DueOffsets, IncidentError, LevelChange, NewIncident, Severity};
use crate::store::sqlite::{from_ms, ms};
use crate::store::{Result, StoreError};

fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Internal(format!("incident JSON: {e}")))
}

pub(super) fn open(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    new: &NewIncident,
) -> Result<i64> {
    let grid_known: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM grid WHERE id = :g)")?
        .query_row(named_params! {":g": new.grid}, |r| r.get(0))?;
    if !grid_known {
        return Err(StoreError::NoSuchGrid(new.grid.clone()));
    }
    if let Some(c) = new.complaint_id {
        let known: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM complaint WHERE id = :c)")?
            .query_row(named_params! {":c": c}, |r| r.get(0))?;
        if !known {
            return Err(StoreError::NoSuchComplaint(c));
        }
    }
    let plan = &new.plan;
    let (level, q) = severity_columns(&new.severity);
    tx.prepare_cached(
        "INSERT INTO incident (plan_id, kind, name_en, name_zh, level,
            q_drinking_water, q_sensitive_people, q_heavy_metals, q_cross_border, q_mass_impact, q_bureau_decides,
            drill, grid_id, place, complaint_id, summary, discovered_at, opened_at,
            report_initial, report_final_after_close_minutes)
         VALUES (:plan, :kind, :en, :zh, :level, :q0, :q1, :q2, :q3, :q4, :q5,
            :drill, :grid, :place, :complaint, :summary, :discovered, :now, :initial, :final)",
    )?
    .execute(named_params! {
        ":plan": plan.id, ":kind": plan.kind, ":en": plan.name.en, ":zh": plan.name.zh,
        ":level": level, ":q0": q[0], ":q1": q[1], ":q2": q[2], ":q3": q[3], ":q4": q[4], ":q5": q[5],
        ":drill": new.drill, ":grid": new.grid, ":place": new.place, ":complaint": new.complaint_id,
        ":summary": new.summary, ":discovered": ms(new.discovered_at), ":now": ms(now),
        ":initial": json(&plan.reports.initial)?,
        ":final": plan.reports.final_after_close_minutes,
    })?;
    let id = tx.last_insert_rowid();
    for (i, step) in plan.steps.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO incident_step (incident_id, n, text_en, text_zh, role, due, due_at, ad_hoc)
             VALUES (:id, :n, :en, :zh, :role, :due, :due_at, 0)",
        )?
        .execute(named_params! {
            ":id": id, ":n": i as i64 + 1, ":en": step.text.en, ":zh": step.text.zh,
            ":role": step.role, ":due": json(&step.due)?,
            ":due_at": ms(step.due.due_at(new.discovered_at, &new.severity)),
        })?;
    }
    for (i, role) in plan.roles.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO incident_role (incident_id, position, role, name_en, name_zh, count)
             VALUES (:id, :pos, :role, :en, :zh, :count)",
        )?
        .execute(named_params! {
            ":id": id, ":pos": i as i64, ":role": role.role, ":en": role.name.en,
            ":zh": role.name.zh, ":count": role.count,
        })?;
    }
    for (i, need) in plan.items.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO incident_item_need (incident_id, position, item, quantity)
             VALUES (:id, :pos, :item, :q)",
        )?
        .execute(
            named_params! {":id": id, ":pos": i as i64, ":item": need.item, ":q": need.quantity},
        )?;
    }
    let report_due = plan
        .reports
        .initial
        .due_at(new.discovered_at, &new.severity);
    tx.prepare_cached(
        "INSERT INTO incident_report (incident_id, kind, due_at) VALUES (:id, 'initial', :due)",
    )?
    .execute(named_params! {":id": id, ":due": ms(report_due)})?;
    log(
        tx,
        actor,
        now,
        "incident.open",
        id,
        serde_json::json!({
            "plan": plan.id, "type": plan.kind, "level": new.severity.id(),
            "answers": answers(&new.severity), "grid": new.grid, "place": new.place,
            "complaint": new.complaint_id, "drill": new.drill,
            "discovered_at": new.discovered_at, "steps": plan.steps.len(),
            "report_due_at": report_due,
        }),
    )?;
    Ok(id)
}

/// The questions answered yes, by id (empty for a known level).
fn answers(s: &Severity) -> Vec<&'static str> {
    match s {
        Severity::Unknown(q) => q.yes.iter().map(|q| q.id()).collect(),
        Severity::Known(_) => Vec::new(),
    }
}

pub(super) fn set_level(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    severity: &Severity,
) -> Result<LevelChange> {
    let h = open_head(tx, id)?;
    if &h.severity == severity {
        return Err(IncidentError::SameLevel(id).into());
    }
    let (level, q) = severity_columns(severity);
    tx.prepare_cached(
        "UPDATE incident SET level = :level, q_drinking_water = :q0, q_sensitive_people = :q1,
            q_heavy_metals = :q2, q_cross_border = :q3, q_mass_impact = :q4, q_bureau_decides = :q5
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":level": level, ":q0": q[0], ":q1": q[1], ":q2": q[2], ":q3": q[3], ":q4": q[4], ":q5": q[5],
        ":id": id,
    })?;
    // Open plan steps follow the new level; done, skipped and ad hoc ones keep theirs.
    let open_steps: Vec<(i64, i64, String)> = tx
        .prepare_cached(
            "SELECT n, due_at, due FROM incident_step
             WHERE incident_id = :id AND state = 'open' AND ad_hoc = 0 ORDER BY n",
        )?
        .query_map(named_params! {":id": id}, |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut steps_moved = Vec::new();
    for (n, before, due) in open_steps {
        let due: DueOffsets = serde_json::from_str(&due)
            .map_err(|e| StoreError::Corrupt(format!("incident {id} step {n} due: {e}")))?;
        let after = due.due_at(h.discovered_at, severity);
        if ms(after) != before {
            tx.prepare_cached(
                "UPDATE incident_step SET due_at = :due WHERE incident_id = :id AND n = :n",
            )?
            .execute(named_params! {":due": ms(after), ":id": id, ":n": n})?;
            steps_moved.push((n, from_ms(before), after));
        }
    }
    let (report_before, sent): (Option<i64>, bool) = tx
        .prepare_cached(
            "SELECT due_at, sent_at IS NOT NULL FROM incident_report
             WHERE incident_id = :id AND kind = 'initial'",
        )?
        .query_row(named_params! {":id": id}, |r| Ok((r.get(0)?, r.get(1)?)))?;
    let report_due_before = report_before.map(from_ms);
    let report_due_after = if sent {
        report_due_before
    } else {
        let after = h.report_initial.due_at(h.discovered_at, severity);
        tx.prepare_cached(
            "UPDATE incident_report SET due_at = :due WHERE incident_id = :id AND kind = 'initial'",
        )?
        .execute(named_params! {":due": ms(after), ":id": id})?;
        Some(after)
    };
    log(
        tx,
        actor,
        now,
        "incident.level",
        id,
        serde_json::json!({
            "from": h.severity.id(), "to": severity.id(),
            "answers_before": answers(&h.severity), "answers": answers(severity),
            "report_due_before": report_due_before, "report_due_after": report_due_after,
            "steps": steps_moved.iter().map(|(n, b, a)| serde_json::json!({"n": n, "due_before": b, "due_after": a})).collect::<Vec<_>>(),
        }),
    )?;
    Ok(LevelChange {
        before: h.severity,
        report_due_before,
        report_due_after,
        steps_moved,
    })
}
