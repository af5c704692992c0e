//! Setting a complaint's grid by hand (triage), one transaction with its
//! audit record. The rule is the domain's (`triage::check_assign`), checked
//! inside the write lock so two consoles cannot both move the same complaint.
//!
//! The row keeps no on-call context of its own: who is on call, whom a stage
//! alerts and whom the dispatch list offers are read from the grid when
//! needed, so the grid (and `grid_source = 'assigned'`) is all that changes.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, named_params};

use super::{SqliteStore, audit, ms};
use crate::domain::Actor;
use crate::domain::complaint::Status;
use crate::domain::triage::{ASSIGNED, Assignment, check_assign};
use crate::store::{Result, StoreError};

pub(super) fn assign(
    store: &mut SqliteStore,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    grid: &str,
    reason: Option<&str>,
) -> Result<Assignment> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let tx = store.write()?;
    let (status, from, was): (String, Option<String>, String) = tx
        .prepare_cached("SELECT status, grid_id, grid_source FROM complaint WHERE id = :id")?
        .query_row(named_params! {":id": id}, |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?
        .ok_or(StoreError::NoSuchComplaint(id))?;
    let status = Status::parse(&status)
        .ok_or_else(|| StoreError::Corrupt(format!("complaint {id} has status '{status}'")))?;
    let known: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM grid WHERE id = :g AND active = 1)")?
        .query_row(named_params! {":g": grid}, |r| r.get(0))?;
    if !known {
        return Err(StoreError::NoSuchGrid(grid.to_string()));
    }
    check_assign(status, from.as_deref(), grid, reason)
        .map_err(|source| StoreError::Triage { id, source })?;
    tx.prepare_cached(
        "UPDATE complaint SET grid_id = :g, grid_source = :source, updated_at = :now WHERE id = :id",
    )?
    .execute(named_params! {":g": grid, ":source": ASSIGNED, ":now": ms(now), ":id": id})?;
    audit::record(
        &tx,
        actor,
        now,
        "complaint.assigned",
        &format!("complaint:{id}"),
        serde_json::json!({"grid": grid, "from": from, "was": was, "reason": reason}),
    )?;
    tx.commit()?;
    Ok(Assignment { from, was })
}
