//! The append-only audit log: who did what, where and when. Inserts happen
//! inside the transaction of the change they describe; triggers in the schema
//! refuse UPDATE and DELETE.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, named_params};

use super::{SqliteStore, from_ms, ms};
use crate::domain::{Actor, AuditEntry, Entity};
use crate::store::{AuditLog, Result};

pub(crate) fn record(
    tx: &Transaction<'_>,
    actor: &Actor,
    at: DateTime<Utc>,
    action: &str,
    subject: &str,
    details: serde_json::Value,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit (at, clock, actor, console, action, subject, details)
         VALUES (:at, :clock, :actor, :console, :action, :subject, :details)",
    )?
    .execute(named_params! {
        ":at": ms(at),
        ":clock": actor.clock.as_str(),
        ":actor": actor.name,
        ":console": actor.console,
        ":action": action,
        ":subject": subject,
        ":details": details.to_string(),
    })?;
    Ok(())
}

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let details: String = r.get("details")?;
    Ok(AuditEntry {
        seq: r.get("seq")?,
        at: from_ms(r.get("at")?),
        clock: r.get("clock")?,
        actor: r.get("actor")?,
        console: r.get("console")?,
        action: r.get("action")?,
        subject: r.get("subject")?,
        details: serde_json::from_str(&details).unwrap_or(serde_json::Value::String(details)),
    })
}

/// The records of one subject, oldest first.
pub(crate) fn of_subject(conn: &Connection, subject: &str) -> Result<Vec<AuditEntry>> {
    let mut st = conn.prepare_cached("SELECT * FROM audit WHERE subject = :s ORDER BY seq")?;
    let rows = st.query_map(named_params! {":s": subject}, entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl AuditLog for SqliteStore {
    fn audit_of(&self, subject: &str) -> Result<Vec<AuditEntry>> {
        of_subject(&self.conn, subject)
    }

    fn audit_of_complaint(&self, id: i64) -> Result<Vec<AuditEntry>> {
        let mut st = self.conn.prepare_cached(
            "SELECT * FROM audit WHERE subject = 'complaint:' || :id
                OR subject = (SELECT 'intake_file:' || intake_file_id FROM complaint WHERE id = :id)
             ORDER BY seq",
        )?;
        let rows = st.query_map(named_params! {":id": id}, entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn audit_recent(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM audit ORDER BY seq DESC LIMIT :n")?;
        let rows = st.query_map(named_params! {":n": limit as i64}, entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn feed_mark(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM audit")?
            .query_row([], |r| r.get(0))?)
    }

    fn changes_since(&self, mark: i64) -> Result<(Vec<Entity>, i64)> {
        let mut st = self
            .conn
            .prepare_cached("SELECT seq, subject FROM audit WHERE seq > :s ORDER BY seq")?;
        let mut changes = Vec::new();
        let mut last = mark;
        let rows = st.query_map(named_params! {":s": mark}, |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (seq, subject) = row?;
            last = seq;
            changes.extend(Entity::parse(&subject));
        }
        changes.sort_unstable();
        changes.dedup();
        Ok((changes, last))
    }
}
