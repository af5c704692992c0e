//! Alerts acknowledged for every console. One row per alert (UNIQUE kind and
//! ref), written with its audit record in one transaction; consoles follow
//! the rows by id once the change feed says something was written.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{SqliteStore, audit, from_ms, ms};
use crate::domain::{AckRow, Actor, AlertRef};
use crate::store::{Alerts, Result, StoreError};

/// The complaint an alert is about; an error when there is no such alert.
fn complaint_of(tx: &Transaction<'_>, alert: AlertRef) -> Result<i64> {
    let found: Option<i64> = match alert {
        AlertRef::Escalation(id) => tx
            .prepare_cached(
                "SELECT complaint_id FROM escalation WHERE id = :id AND complaint_id IS NOT NULL",
            )?
            .query_row(named_params! {":id": id}, |r| r.get(0))
            .optional()?,
        AlertRef::NewComplaint(id) => tx
            .prepare_cached("SELECT id FROM complaint WHERE id = :id")?
            .query_row(named_params! {":id": id}, |r| r.get(0))
            .optional()?,
    };
    found.ok_or(match alert {
        AlertRef::Escalation(id) => StoreError::NoSuchEscalation(id),
        AlertRef::NewComplaint(id) => StoreError::NoSuchComplaint(id),
    })
}

fn ack_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AckRow> {
    let kind: String = r.get("kind")?;
    let ref_id: i64 = r.get("ref_id")?;
    let alert = AlertRef::parse(&kind, ref_id).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("alert kind '{kind}'").into(),
        )
    })?;
    Ok(AckRow {
        seq: r.get("id")?,
        alert,
        complaint_id: r.get("complaint_id")?,
        at: from_ms(r.get("at")?),
        by: r.get("by_actor")?,
        console: r.get("console")?,
    })
}

impl Alerts for SqliteStore {
    fn acknowledge(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        alerts: &[AlertRef],
    ) -> Result<Vec<AlertRef>> {
        let tx = self.write()?;
        let mut done = Vec::new();
        for &alert in alerts {
            let complaint = complaint_of(&tx, alert)?;
            let n = tx
                .prepare_cached(
                    "INSERT INTO alert_ack (kind, ref_id, complaint_id, at, by_actor, console)
                     VALUES (:kind, :ref, :c, :at, :by, :console)
                     ON CONFLICT (kind, ref_id) DO NOTHING",
                )?
                .execute(named_params! {
                    ":kind": alert.kind(), ":ref": alert.id(), ":c": complaint, ":at": ms(now),
                    ":by": actor.name, ":console": actor.console,
                })?;
            if n == 0 {
                continue;
            }
            audit::record(
                &tx,
                actor,
                now,
                "alert.acknowledged",
                &format!("complaint:{complaint}"),
                serde_json::json!({"alert": alert.kind(), "id": alert.id()}),
            )?;
            done.push(alert);
        }
        tx.commit()?;
        Ok(done)
    }

    fn acks_after(&self, after: i64, limit: usize) -> Result<Vec<AckRow>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM alert_ack WHERE id > :after ORDER BY id LIMIT :n")?;
        let rows = st.query_map(named_params! {":after": after, ":n": limit as i64}, ack_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn last_ack(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(id), 0) FROM alert_ack")?
            .query_row([], |r| r.get(0))?)
    }

    fn acks_of_complaint(&self, id: i64) -> Result<Vec<AckRow>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM alert_ack WHERE complaint_id = :id ORDER BY id")?;
        let rows = st.query_map(named_params! {":id": id}, ack_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
