//! Merging a duplicate into an earlier complaint (#11): one transaction
//! that checks the rule (`domain::merge`) under the write lock, marks the
//! duplicate `merged` (with `merged_into`, and `repeat_of` when it had
//! none), and writes an audit record on both complaints. Nothing is
//! deleted: arrivals, dispatches and escalations stay where they are.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{SqliteStore, audit, from_ms};
use crate::domain::complaint::{Status, Transition};
use crate::domain::merge::{MergeSide, check_merge, repeat_after_merge};
use crate::domain::{Actor, ComplaintRow};
use crate::store::{Merges, Result, StoreError};

fn side(tx: &Transaction<'_>, id: i64) -> Result<MergeSide> {
    tx.prepare_cached(
        "SELECT status, received_at, repeat_of, merged_into FROM complaint WHERE id = :id",
    )?
    .query_row(named_params! {":id": id}, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })
    .optional()?
    .ok_or(StoreError::NoSuchComplaint(id))
    .and_then(|(status, received, repeat_of, merged_into)| {
        Ok(MergeSide {
            id,
            received_at: from_ms(received),
            status: Status::parse(&status).ok_or_else(|| {
                StoreError::Corrupt(format!("complaint {id} has status '{status}'"))
            })?,
            repeat_of,
            merged_into,
        })
    })
}

/// Where `start`'s merges lead: the first complaint of the chain that is
/// not merged into another (a cycle, which the rule prevents, stops).
fn end_of_chain(tx: &Transaction<'_>, start: &MergeSide) -> Result<i64> {
    let (mut at, mut next) = (start.id, start.merged_into);
    let mut seen = vec![at];
    while let Some(n) = next.filter(|n| !seen.contains(n)) {
        seen.push(n);
        at = n;
        next = side(tx, n)?.merged_into;
    }
    Ok(at)
}

impl Merges for SqliteStore {
    fn merge(&mut self, actor: &Actor, now: DateTime<Utc>, id: i64, into: i64) -> Result<i64> {
        let tx = self.write()?;
        let dup = side(&tx, id)?;
        let target = side(&tx, into)?;
        check_merge(&dup, &target, end_of_chain(&tx, &target)?)?;
        let repeat = repeat_after_merge(&dup, &target);
        tx.prepare_cached(
            "UPDATE complaint SET repeat_of = COALESCE(repeat_of, :repeat) WHERE id = :id",
        )?
        .execute(named_params! {":repeat": repeat, ":id": id})?;
        super::actions::apply(
            &tx,
            actor,
            now,
            id,
            &Transition::Merge { into },
            serde_json::json!({"into": into, "repeat_of": repeat, "was_repeat_of": dup.repeat_of}),
        )?;
        audit::record(
            &tx,
            actor,
            now,
            "complaint.merged_in",
            &format!("complaint:{into}"),
            serde_json::json!({"from": id}),
        )?;
        tx.commit()?;
        Ok(repeat)
    }

    fn related(&self, id: i64) -> Result<Vec<ComplaintRow>> {
        let first: Option<i64> = self
            .conn
            .prepare_cached("SELECT repeat_of FROM complaint WHERE id = :id")?
            .query_row(named_params! {":id": id}, |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoSuchComplaint(id))?;
        super::complaints::related(&self.conn, id, first.unwrap_or(id))
    }
}
