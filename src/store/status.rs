//! Counts and heartbeats for `status` and the console header.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, named_params};

use super::{Result, Store, from_ms, ms};
use crate::domain::{Beat, Counts, Heartbeat};

impl Store {
    pub fn counts(&self, now: DateTime<Utc>, soon: chrono::Duration) -> Result<Counts> {
        let mut c = Counts::default();
        let q = |sql: &str, now_ms: i64, soon_ms: i64| -> rusqlite::Result<i64> {
            let mut st = self.conn.prepare_cached(sql)?;
            let n = st.parameter_count();
            match n {
                0 => st.query_row([], |r| r.get(0)),
                1 => st.query_row(named_params! {":now": now_ms}, |r| r.get(0)),
                _ => st.query_row(named_params! {":now": now_ms, ":soon": soon_ms}, |r| {
                    r.get(0)
                }),
            }
        };
        let (now_ms, soon_ms) = (ms(now), ms(now + soon));
        c.total = q("SELECT COUNT(*) FROM complaint", now_ms, soon_ms)?;
        c.open = q(
            "SELECT COUNT(*) FROM complaint WHERE status IN ('received', 'dispatched', 'en_route', 'on_scene', 'handling', 'reopened')",
            now_ms,
            soon_ms,
        )?;
        c.unassigned = q(
            "SELECT COUNT(*) FROM complaint WHERE grid_id IS NULL AND status IN ('received', 'dispatched', 'en_route', 'on_scene', 'handling', 'reopened')",
            now_ms,
            soon_ms,
        )?;
        c.breached = q(
            "SELECT COUNT(*) FROM complaint WHERE status IN ('received', 'dispatched', 'en_route', 'reopened') AND deadline_at <= :now",
            now_ms,
            soon_ms,
        )?;
        c.due_soon = q(
            "SELECT COUNT(*) FROM complaint WHERE status IN ('received', 'dispatched', 'en_route', 'reopened')
             AND deadline_at > :now AND deadline_at <= :soon",
            now_ms,
            soon_ms,
        )?;
        c.files_ok = q(
            "SELECT COUNT(*) FROM intake_file WHERE result = 'ok'",
            now_ms,
            soon_ms,
        )?;
        c.files_rejected = q(
            "SELECT COUNT(*) FROM intake_file WHERE result = 'rejected'",
            now_ms,
            soon_ms,
        )?;
        let mut st = self.conn.prepare_cached(
            "SELECT status, COUNT(*) FROM complaint GROUP BY status ORDER BY status",
        )?;
        c.by_status = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(c)
    }

    /// Record that a component is alive (one row per component, updated in place).
    pub fn beat(&mut self, b: &Beat, now: DateTime<Utc>) -> Result<()> {
        let tx = self.write()?;
        tx.prepare_cached(
            "INSERT INTO heartbeat (component, pid, host, at, started_at, db_path, spool_dir)
             VALUES (:c, :pid, :host, :at, :started, :db, :spool)
             ON CONFLICT(component) DO UPDATE SET pid = excluded.pid, host = excluded.host, at = excluded.at,
               started_at = excluded.started_at, db_path = excluded.db_path, spool_dir = excluded.spool_dir,
               stopped_at = NULL",
        )?
        .execute(named_params! {":c": b.component, ":pid": b.pid, ":host": b.host, ":at": ms(now),
            ":started": ms(b.started_at), ":db": b.db_path, ":spool": b.spool_dir})?;
        tx.commit()?;
        Ok(())
    }

    /// Record that a component stopped cleanly (only if it is still the one beating).
    pub fn beat_stopped(&mut self, component: &str, pid: u32, now: DateTime<Utc>) -> Result<()> {
        let tx = self.write()?;
        tx.prepare_cached(
            "UPDATE heartbeat SET stopped_at = :now WHERE component = :c AND pid = :pid",
        )?
        .execute(named_params! {":now": ms(now), ":c": component, ":pid": pid})?;
        tx.commit()?;
        Ok(())
    }

    pub fn heartbeat(&self, component: &str) -> Result<Option<Heartbeat>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT component, pid, host, at, started_at, db_path, spool_dir, stopped_at FROM heartbeat WHERE component = :c",
            )?
            .query_row(named_params! {":c": component}, |r| {
                Ok(Heartbeat {
                    component: r.get(0)?,
                    pid: r.get(1)?,
                    host: r.get(2)?,
                    at: from_ms(r.get(3)?),
                    started_at: from_ms(r.get(4)?),
                    db_path: r.get(5)?,
                    spool_dir: r.get(6)?,
                    stopped_at: r.get::<_, Option<i64>>(7)?.map(from_ms),
                })
            })
            .optional()?)
    }
}
