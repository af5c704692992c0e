//! Swaps of the on-call roster (#11): the rows of `roster_override`, each
//! written in one transaction with its audit record `roster_override:N`,
//! and read back by the dates their shifts start on. A row is never changed
//! (triggers): a swap back is a new row, and the latest row wins.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::named_params;

use super::{SqliteStore, audit, ms};
use crate::domain::roster_swap::{NewSwap, Role, Swap};
use crate::domain::{Actor, kind};
use crate::store::{Result, Rosters, StoreError};

const DAY: &str = "%Y-%m-%d";

impl Rosters for SqliteStore {
    fn swaps(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Swap>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, grid_id, shift, shift_date, role, officer_id, replaces, reason
             FROM roster_override WHERE shift_date BETWEEN :from AND :to ORDER BY id",
        )?;
        let rows = st.query_map(
            named_params! {
                ":from": from.format(DAY).to_string(),
                ":to": to.format(DAY).to_string(),
            },
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, grid, shift, date, role, officer, replaces, reason) = row?;
            let bad = |what: &str| StoreError::Corrupt(format!("roster override {id}: {what}"));
            out.push(Swap {
                id,
                grid,
                shift,
                shift_date: NaiveDate::parse_from_str(&date, DAY)
                    .map_err(|_| bad(&format!("shift date '{date}'")))?,
                role: Role::parse(&role).ok_or_else(|| bad(&format!("role '{role}'")))?,
                officer,
                replaces,
                reason,
            });
        }
        Ok(out)
    }

    fn record_swap(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        swap: &NewSwap,
    ) -> Result<Option<i64>> {
        let tx = self.write()?;
        let date = swap.shift_date.format(DAY).to_string();
        let newest: Option<i64> = tx.query_row(
            "SELECT max(id) FROM roster_override WHERE shift_date = :date",
            named_params! {":date": date},
            |r| r.get(0),
        )?;
        if newest != swap.seen {
            return Ok(None);
        }
        tx.prepare_cached(
            "INSERT INTO roster_override
                (grid_id, shift, shift_date, role, officer_id, replaces, reason, at, by_actor, console)
             VALUES (:grid, :shift, :date, :role, :officer, :replaces, :reason, :at, :by, :console)",
        )?
        .execute(named_params! {
            ":grid": swap.grid,
            ":shift": swap.shift,
            ":date": date,
            ":role": swap.role.as_str(),
            ":officer": swap.officer,
            ":replaces": swap.replaces,
            ":reason": swap.reason,
            ":at": ms(now),
            ":by": actor.name,
            ":console": actor.console,
        })?;
        let id = tx.last_insert_rowid();
        audit::record(
            &tx,
            actor,
            now,
            "roster_override.recorded",
            &format!("{}:{id}", kind::ROSTER_OVERRIDE),
            serde_json::json!({
                "grid": swap.grid,
                "shift": swap.shift,
                "shift_date": date,
                "role": swap.role.as_str(),
                "officer": swap.officer,
                "replaces": swap.replaces,
                "reason": swap.reason,
            }),
        )?;
        tx.commit()?;
        Ok(Some(id))
    }
}
