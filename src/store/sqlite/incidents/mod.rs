//! Emergency incidents in SQLite: opening with a frozen copy of the plan,
//! the checklist, people, equipment, level, status, facts and reports, and
//! the reads the lists and the incident view need.
//!
//! Every write is one `BEGIN IMMEDIATE` transaction that checks the rule on
//! the rows as they are inside it (a second console sees the first one's
//! change) and appends its audit record under `incident:ID`.

mod decode;
mod equipment;
pub(crate) mod escalate;
mod items;
mod open;
mod people;
mod read;
mod status;
mod steps;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{SqliteStore, audit, from_ms};
use crate::domain::incident::{
    DueOffsets, Fact, IncidentDetail, IncidentError, IncidentFilter, IncidentRow, IncidentStatus,
    ItemMove, ItemMoveRequest, Level, LevelChange, NewIncident, PersonStatus, Question, Questions,
    ReportKind, Severity, StepChange,
};
use crate::domain::{Actor, Entity, kind};
use crate::store::{Incidents, Result, StoreError};

pub(crate) use equipment::moves;

/// The audit subject of incident `id`.
fn subject(id: i64) -> String {
    Entity::subject(kind::INCIDENT, id)
}

/// Append the audit record of a change to incident `id`.
fn log(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    action: &str,
    id: i64,
    details: serde_json::Value,
) -> Result<()> {
    audit::record(tx, actor, now, action, &subject(id), details)
}

/// The columns of the six answers, in [`Question::ALL`] order.
const QUESTION_COLUMNS: [&str; 6] = [
    "q_drinking_water",
    "q_sensitive_people",
    "q_heavy_metals",
    "q_cross_border",
    "q_mass_impact",
    "q_bureau_decides",
];

/// The level column and the six answers (0/1) of a severity.
/// The name the incident's frozen plan gives `role`, for the timeline
/// (`{"en": …, "zh": …}`), or null for a role the plan does not have.
fn role_name(tx: &Transaction<'_>, id: i64, role: &str) -> Result<serde_json::Value> {
    let name: Option<(String, String)> = tx
        .prepare_cached(
            "SELECT name_en, name_zh FROM incident_role WHERE incident_id = :id AND role = :role",
        )?
        .query_row(named_params! {":id": id, ":role": role}, |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(name.map_or(
        serde_json::Value::Null,
        |(en, zh)| serde_json::json!({"en": en, "zh": zh}),
    ))
}

fn severity_columns(s: &Severity) -> (&'static str, [i64; 6]) {
    let mut yes = [0; 6];
    if let Severity::Unknown(q) = s {
        for (i, question) in Question::ALL.iter().enumerate() {
            yes[i] = i64::from(q.has(*question));
        }
    }
    (s.id(), yes)
}

/// The severity of an `incident` row.
fn severity_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Severity> {
    let level: String = r.get("level")?;
    if let Some(l) = Level::parse(&level) {
        return Ok(Severity::Known(l));
    }
    let mut yes = Vec::new();
    for (q, col) in Question::ALL.iter().zip(QUESTION_COLUMNS) {
        if r.get::<_, i64>(col)? == 1 {
            yes.push(*q);
        }
    }
    Ok(Severity::Unknown(Questions::new(yes)))
}

/// What a write needs to know of an incident.
struct Head {
    status: IncidentStatus,
    severity: Severity,
    discovered_at: DateTime<Utc>,
    report_initial: DueOffsets,
    final_after_close_minutes: Option<i64>,
}

fn head(tx: &Transaction<'_>, id: i64) -> Result<Head> {
    let found = tx
        .prepare_cached("SELECT * FROM incident WHERE id = :id")?
        .query_row(named_params! {":id": id}, |r| {
            Ok((
                r.get::<_, String>("status")?,
                severity_of(r)?,
                r.get::<_, i64>("discovered_at")?,
                r.get::<_, String>("report_initial")?,
                r.get::<_, Option<i64>>("report_final_after_close_minutes")?,
            ))
        })
        .optional()?;
    let (status, severity, discovered, initial, final_after) =
        found.ok_or(IncidentError::NoSuchIncident(id))?;
    let status = IncidentStatus::parse(&status)
        .ok_or_else(|| StoreError::Corrupt(format!("incident {id} has status '{status}'")))?;
    let report_initial = serde_json::from_str(&initial)
        .map_err(|e| StoreError::Corrupt(format!("incident {id} report rules: {e}")))?;
    Ok(Head {
        status,
        severity,
        discovered_at: from_ms(discovered),
        report_initial,
        final_after_close_minutes: final_after,
    })
}

/// The head of an incident that must not be closed.
fn open_head(tx: &Transaction<'_>, id: i64) -> Result<Head> {
    let h = head(tx, id)?;
    if !h.status.is_open() {
        return Err(IncidentError::Closed(id).into());
    }
    Ok(h)
}

impl Incidents for SqliteStore {
    fn incidents(&self, filter: IncidentFilter) -> Result<Vec<IncidentRow>> {
        read::incidents(&self.conn, filter)
    }

    fn incident(&self, id: i64) -> Result<IncidentDetail> {
        read::incident(&self.conn, id)
    }

    fn item_moves(&self) -> Result<Vec<ItemMove>> {
        moves(&self.conn)
    }

    fn step_escalations(&self, id: i64) -> Result<Vec<crate::domain::StepEscalation>> {
        escalate::of_incident(&self.conn, id)
    }

    fn open_incident(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        new: &NewIncident,
    ) -> Result<i64> {
        let tx = self.write()?;
        let id = open::open(&tx, actor, now, new)?;
        tx.commit()?;
        Ok(id)
    }

    fn change_step(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        n: i64,
        change: &StepChange,
    ) -> Result<()> {
        let tx = self.write()?;
        steps::change(&tx, actor, now, id, n, change)?;
        tx.commit()?;
        Ok(())
    }

    fn add_step(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        text: &str,
        role: Option<&str>,
        due_at: DateTime<Utc>,
    ) -> Result<i64> {
        let tx = self.write()?;
        let n = steps::add(&tx, actor, now, id, text, role, due_at)?;
        tx.commit()?;
        Ok(n)
    }

    fn assign_person(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        officer: &str,
        role: &str,
        status: PersonStatus,
    ) -> Result<bool> {
        let tx = self.write()?;
        let first = people::assign(&tx, actor, now, id, officer, role, status)?;
        tx.commit()?;
        Ok(first)
    }

    fn move_item(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        request: ItemMoveRequest<'_>,
    ) -> Result<()> {
        let tx = self.write()?;
        items::record(&tx, actor, now, id, request)?;
        tx.commit()?;
        Ok(())
    }

    fn set_level(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        severity: &Severity,
    ) -> Result<LevelChange> {
        let tx = self.write()?;
        let change = open::set_level(&tx, actor, now, id, severity)?;
        tx.commit()?;
        Ok(change)
    }

    fn set_incident_status(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        to: IncidentStatus,
        reason: Option<&str>,
    ) -> Result<()> {
        let tx = self.write()?;
        status::set(&tx, actor, now, id, to, reason)?;
        tx.commit()?;
        Ok(())
    }

    fn record_facts(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        facts: &[(Fact, String)],
    ) -> Result<()> {
        let tx = self.write()?;
        status::facts(&tx, actor, now, id, facts)?;
        tx.commit()?;
        Ok(())
    }

    fn report_sent(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        kind: ReportKind,
        to: &str,
    ) -> Result<()> {
        let tx = self.write()?;
        status::report_sent(&tx, actor, now, id, kind, to)?;
        tx.commit()?;
        Ok(())
    }
}
