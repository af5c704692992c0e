//! Reading incidents back: the list with its computed fields (checklist
//! progress, next due step, the initial report's countdown) and one
//! incident whole (steps, people with their history, equipment per depot,
//! reports, latest facts, and its audit records as the timeline).
//! Equipment rows are summed in `equipment`.

use super::decode::bad;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, named_params};

use super::equipment::{equipment, item_move};
use super::severity_of;
use crate::domain::AuditEntry;
use crate::domain::incident::{
    Bilingual, Fact, IncidentDetail, IncidentError, IncidentFilter, IncidentRow, IncidentStatus,
    ItemMove, ItemNeed, PersonRow, PersonStatus, ReportKind, ReportRow, RoleNeed, StepRow,
    StepState,
};
use crate::store::Result;
use crate::store::sqlite::audit;
use crate::store::sqlite::from_ms;

/// An incident with the figures lists show.
const SELECT_ROW: &str = "SELECT i.*,
    (SELECT COUNT(*) FROM incident_step s WHERE s.incident_id = i.id) AS steps_total,
    (SELECT COUNT(*) FROM incident_step s WHERE s.incident_id = i.id AND s.state <> 'open') AS steps_settled,
    (SELECT s.n FROM incident_step s WHERE s.incident_id = i.id AND s.state = 'open'
        ORDER BY s.due_at, s.n LIMIT 1) AS next_n,
    (SELECT MIN(s.due_at) FROM incident_step s WHERE s.incident_id = i.id AND s.state = 'open') AS next_due,
    (SELECT r.due_at FROM incident_report r WHERE r.incident_id = i.id AND r.kind = 'initial') AS initial_due,
    (SELECT r.sent_at FROM incident_report r WHERE r.incident_id = i.id AND r.kind = 'initial') AS initial_sent
  FROM incident i";

fn opt_time(v: Option<i64>) -> Option<DateTime<Utc>> {
    v.map(from_ms)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<IncidentRow> {
    let id: i64 = r.get("id")?;
    let status: String = r.get("status")?;
    let severity = severity_of(r)?;
    let initial_sent = opt_time(r.get("initial_sent")?);
    let status = IncidentStatus::parse(&status)
        .ok_or_else(|| bad(format!("incident {id} status '{status}'")))?;
    // A closed incident has no next step: its open steps are left as closed.
    let open = status.is_open();
    Ok(IncidentRow {
        id,
        plan: r.get("plan_id")?,
        kind: r.get("kind")?,
        name: Bilingual::new(
            r.get::<_, String>("name_en")?,
            r.get::<_, String>("name_zh")?,
        ),
        level: severity.id().to_string(),
        severity,
        status,
        drill: r.get("drill")?,
        grid: r.get("grid_id")?,
        place: r.get("place")?,
        complaint_id: r.get("complaint_id")?,
        summary: r.get("summary")?,
        discovered_at: from_ms(r.get("discovered_at")?),
        opened_at: from_ms(r.get("opened_at")?),
        first_on_scene_at: opt_time(r.get("first_on_scene_at")?),
        closed_at: opt_time(r.get("closed_at")?),
        steps_total: r.get("steps_total")?,
        steps_settled: r.get("steps_settled")?,
        next_step: r.get::<_, Option<i64>>("next_n")?.filter(|_| open),
        next_step_due_at: opt_time(r.get("next_due")?).filter(|_| open),
        // The countdown runs until the report is sent.
        initial_report_due_at: if initial_sent.is_some() {
            None
        } else {
            opt_time(r.get("initial_due")?)
        },
        initial_report_sent_at: initial_sent,
    })
}

pub(super) fn incidents(conn: &Connection, f: IncidentFilter) -> Result<Vec<IncidentRow>> {
    let sql = format!(
        "{SELECT_ROW}
         WHERE (:open_only = 0 OR i.status <> 'closed') AND (:no_drills = 0 OR i.drill = 0)
         ORDER BY i.status = 'closed',
                  CASE WHEN i.status <> 'closed' THEN COALESCE(next_due, initial_due) END IS NULL,
                  CASE WHEN i.status <> 'closed' THEN COALESCE(next_due, initial_due) END,
                  i.closed_at DESC, i.id DESC"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(
        named_params! {":open_only": f.open_only, ":no_drills": f.no_drills},
        row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn step(r: &rusqlite::Row<'_>) -> rusqlite::Result<StepRow> {
    let n: i64 = r.get("n")?;
    let state: String = r.get("state")?;
    let at = || -> rusqlite::Result<DateTime<Utc>> { Ok(from_ms(r.get("done_at")?)) };
    let state = match state.as_str() {
        "open" => StepState::Open,
        "done" => StepState::Done {
            at: at()?,
            by: r.get("done_by")?,
            note: r.get("note")?,
        },
        "skipped" => StepState::Skipped {
            at: at()?,
            by: r.get("done_by")?,
            reason: r.get("skipped_reason")?,
        },
        other => return Err(bad(format!("step {n} state '{other}'"))),
    };
    Ok(StepRow {
        n,
        text: Bilingual::new(
            r.get::<_, String>("text_en")?,
            r.get::<_, String>("text_zh")?,
        ),
        role: r.get("role")?,
        due_at: from_ms(r.get("due_at")?),
        state,
        ad_hoc: r.get("ad_hoc")?,
    })
}

fn person_status(s: &str) -> rusqlite::Result<PersonStatus> {
    PersonStatus::parse(s).ok_or_else(|| bad(format!("person status '{s}'")))
}

fn report_kind(s: &str) -> rusqlite::Result<ReportKind> {
    ReportKind::parse(s).ok_or_else(|| bad(format!("report kind '{s}'")))
}

pub(super) fn incident(conn: &Connection, id: i64) -> Result<IncidentDetail> {
    let mut st = conn.prepare_cached(&format!("{SELECT_ROW} WHERE i.id = :id"))?;
    let mut found = st.query_map(named_params! {":id": id}, row)?;
    let row = found
        .next()
        .transpose()?
        .ok_or(IncidentError::NoSuchIncident(id))?;
    let p = named_params! {":id": id};
    let steps = conn
        .prepare_cached("SELECT * FROM incident_step WHERE incident_id = :id ORDER BY n")?
        .query_map(p, step)?
        .collect::<rusqlite::Result<_>>()?;
    let roles = conn
        .prepare_cached("SELECT * FROM incident_role WHERE incident_id = :id ORDER BY position")?
        .query_map(p, |r| {
            Ok(RoleNeed {
                role: r.get("role")?,
                name: Bilingual::new(
                    r.get::<_, String>("name_en")?,
                    r.get::<_, String>("name_zh")?,
                ),
                count: r.get("count")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut personnel: Vec<PersonRow> = conn
        .prepare_cached("SELECT * FROM incident_person WHERE incident_id = :id ORDER BY id")?
        .query_map(p, |r| {
            Ok(PersonRow {
                officer: r.get("officer_id")?,
                role: r.get("role")?,
                status: person_status(&r.get::<_, String>("status")?)?,
                at: from_ms(r.get("at")?),
                history: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let history: Vec<(String, String, PersonStatus, DateTime<Utc>)> = conn
        .prepare_cached(
            "SELECT p.officer_id, p.role, h.status, h.at FROM incident_person_status h
             JOIN incident_person p ON p.id = h.person_id
             WHERE p.incident_id = :id ORDER BY h.at, h.status",
        )?
        .query_map(p, |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                person_status(&r.get::<_, String>(2)?)?,
                from_ms(r.get(3)?),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (officer, role, status, at) in history {
        if let Some(person) = personnel
            .iter_mut()
            .find(|x| x.officer == officer && x.role == role)
        {
            person.history.push((status, at));
        }
    }
    for person in &mut personnel {
        person.history.sort_by_key(|(s, _)| *s);
    }
    let needs: Vec<ItemNeed> = conn
        .prepare_cached(
            "SELECT item, quantity FROM incident_item_need WHERE incident_id = :id ORDER BY position",
        )?
        .query_map(p, |r| {
            Ok(ItemNeed {
                item: r.get(0)?,
                quantity: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mine: Vec<ItemMove> = conn
        .prepare_cached(
            "SELECT m.*, i.drill FROM incident_item_move m JOIN incident i ON i.id = m.incident_id
             WHERE m.incident_id = :id ORDER BY m.id",
        )?
        .query_map(p, item_move)?
        .collect::<rusqlite::Result<_>>()?;
    let reports = conn
        .prepare_cached(
            "SELECT * FROM incident_report WHERE incident_id = :id
             ORDER BY CASE kind WHEN 'initial' THEN 0 WHEN 'follow_up' THEN 1 ELSE 2 END, id",
        )?
        .query_map(p, |r| {
            Ok(ReportRow {
                kind: report_kind(&r.get::<_, String>("kind")?)?,
                due_at: opt_time(r.get("due_at")?),
                sent_at: opt_time(r.get("sent_at")?),
                sent_by: r.get("sent_by")?,
                to: r.get("sent_to")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut facts: Vec<(Fact, String)> = Vec::new();
    let latest: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT fact, text FROM incident_fact f WHERE incident_id = :id
               AND id = (SELECT MAX(id) FROM incident_fact g WHERE g.incident_id = f.incident_id AND g.fact = f.fact)",
        )?
        .query_map(p, |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (fact, text) in latest {
        if let Some(f) = Fact::parse(&fact) {
            facts.push((f, text));
        }
    }
    facts.sort_by_key(|(f, _)| *f);
    let timeline: Vec<AuditEntry> = audit::of_subject(conn, &super::subject(id))?;
    Ok(IncidentDetail {
        row,
        steps,
        roles,
        equipment: equipment(&needs, &mine),
        needs,
        personnel,
        reports,
        facts,
        timeline,
    })
}
