//! People of an incident: an officer assigned to a role moves requested →
//! notified → en route → on scene → released, forward only, each status
//! with its time; the first arrival on scene is recorded on the incident.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{head, log, role_name};
use crate::domain::Actor;
use crate::domain::incident::{IncidentError, PersonStatus};
use crate::store::sqlite::ms;
use crate::store::{Result, StoreError};

pub(super) fn assign(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    officer: &str,
    role: &str,
    to: PersonStatus,
) -> Result<bool> {
    let role = role.trim();
    if role.is_empty() {
        return Err(IncidentError::Empty { field: "role" }.into());
    }
    let h = head(tx, id)?;
    // People are still released after the incident closed; nothing else changes then.
    if !h.status.is_open() && to != PersonStatus::Released {
        return Err(IncidentError::Closed(id).into());
    }
    let known: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM officer WHERE id = :o AND active = 1)")?
        .query_row(named_params! {":o": officer}, |r| r.get(0))?;
    if !known {
        return Err(StoreError::NoSuchOfficer(officer.to_string()));
    }
    let current: Option<(i64, String)> = tx
        .prepare_cached(
            "SELECT id, status FROM incident_person
             WHERE incident_id = :id AND officer_id = :o AND role = :role",
        )?
        .query_row(
            named_params! {":id": id, ":o": officer, ":role": role},
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (person, from) = match current {
        Some((person, from)) => {
            let from = PersonStatus::parse(&from).ok_or_else(|| {
                StoreError::Corrupt(format!("incident {id} person {person} status '{from}'"))
            })?;
            if !from.can_become(to) {
                return Err(IncidentError::PersonMove {
                    id,
                    officer: officer.to_string(),
                    role: role.to_string(),
                    from,
                    to,
                }
                .into());
            }
            tx.prepare_cached("UPDATE incident_person SET status = :s, at = :now WHERE id = :p")?
                .execute(named_params! {":s": to.id(), ":now": ms(now), ":p": person})?;
            (person, Some(from))
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO incident_person (incident_id, officer_id, role, status, at)
                 VALUES (:id, :o, :role, :s, :now)",
            )?
            .execute(named_params! {":id": id, ":o": officer, ":role": role, ":s": to.id(), ":now": ms(now)})?;
            (tx.last_insert_rowid(), None)
        }
    };
    tx.prepare_cached(
        "INSERT INTO incident_person_status (person_id, status, at, by_actor) VALUES (:p, :s, :now, :by)",
    )?
    .execute(named_params! {":p": person, ":s": to.id(), ":now": ms(now), ":by": actor.name})?;
    let first_on_scene = to == PersonStatus::OnScene
        && tx
            .prepare_cached(
                "UPDATE incident SET first_on_scene_at = :now WHERE id = :id AND first_on_scene_at IS NULL",
            )?
            .execute(named_params! {":now": ms(now), ":id": id})?
            == 1;
    let name = role_name(tx, id, role)?;
    log(
        tx,
        actor,
        now,
        "incident.assign",
        id,
        serde_json::json!({
            "officer": officer, "role": role, "role_name": name, "from": from.map(PersonStatus::id), "to": to.id(),
            "first_on_scene": first_on_scene,
        }),
    )?;
    Ok(first_on_scene)
}
