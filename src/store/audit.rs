//! The append-only audit log: who did what, where and when. Inserts happen
//! inside the transaction of the change they describe; triggers in the schema
//! refuse UPDATE and DELETE.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, named_params};

use super::{Result, Store, from_ms, ms};
use crate::domain::{Actor, AuditEntry};

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

impl Store {
    /// The audit trail of one subject (e.g. `complaint:12`), oldest first.
    pub fn audit_of(&self, subject: &str) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM audit WHERE subject = :s ORDER BY seq")?;
        let rows = st.query_map(named_params! {":s": subject}, entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The audit trail of a complaint, oldest first: its own records and the
    /// record of the spool file that created it.
    pub fn audit_of_complaint(&self, id: i64) -> Result<Vec<AuditEntry>> {
        let mut st = self.conn.prepare_cached(
            "SELECT * FROM audit WHERE subject = 'complaint:' || :id
                OR subject = (SELECT 'intake_file:' || intake_file_id FROM complaint WHERE id = :id)
             ORDER BY seq",
        )?;
        let rows = st.query_map(named_params! {":id": id}, entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest `limit` audit entries, newest first.
    pub fn audit_recent(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM audit ORDER BY seq DESC LIMIT :n")?;
        let rows = st.query_map(named_params! {":n": limit as i64}, entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Complaint ids named by audit records after `seq`, and the newest seq.
    /// The audit log is append-only, so this is an exact change feed.
    pub fn changed_since(&self, seq: i64) -> Result<(Vec<i64>, i64)> {
        let mut st = self
            .conn
            .prepare_cached("SELECT seq, subject FROM audit WHERE seq > :s ORDER BY seq")?;
        let mut ids = Vec::new();
        let mut last = seq;
        let rows = st.query_map(named_params! {":s": seq}, |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (s, subject) = row?;
            last = s;
            if let Some(id) = subject
                .strip_prefix("complaint:")
                .and_then(|i| i.parse().ok())
            {
                ids.push(id);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok((ids, last))
    }

    /// The newest audit seq and complaint id: where a change feed starts.
    pub fn high_water(&self) -> Result<(i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM audit), (SELECT COALESCE(MAX(id), 0) FROM complaint)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// Arrivals logged per hour for the `hours` hours ending at `now`, oldest first.
    pub fn arrivals_per_hour(&self, now: DateTime<Utc>, hours: usize) -> Result<Vec<u64>> {
        let start = ms(now) - (hours as i64) * 3_600_000;
        let mut st = self.conn.prepare_cached(
            "SELECT arrived_at FROM arrival WHERE arrived_at > :start AND arrived_at <= :now",
        )?;
        let mut buckets = vec![0u64; hours];
        let rows = st.query_map(named_params! {":start": start, ":now": ms(now)}, |r| {
            r.get::<_, i64>(0)
        })?;
        for t in rows {
            let i = ((t? - start - 1) / 3_600_000) as usize;
            if let Some(b) = buckets.get_mut(i) {
                *b += 1;
            }
        }
        Ok(buckets)
    }
}
