//! Heartbeats: who is alive, which files it works on, and a clean stop.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, named_params};

use super::{SqliteStore, from_ms, ms};
use crate::domain::{Beat, Heartbeat};
use crate::store::{Heartbeats, Result};

impl Heartbeats for SqliteStore {
    /// Record that a component is alive (one row per component, updated in place).
    fn beat(&mut self, b: &Beat, now: DateTime<Utc>) -> Result<()> {
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
    fn beat_stopped(&mut self, component: &str, pid: u32, now: DateTime<Utc>) -> Result<()> {
        let tx = self.write()?;
        tx.prepare_cached(
            "UPDATE heartbeat SET stopped_at = :now WHERE component = :c AND pid = :pid",
        )?
        .execute(named_params! {":now": ms(now), ":c": component, ":pid": pid})?;
        tx.commit()?;
        Ok(())
    }

    fn heartbeat(&self, component: &str) -> Result<Option<Heartbeat>> {
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
