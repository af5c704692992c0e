//! Shift handovers (#11): one row per handover confirmed by the incoming
//! officer, written with its audit record (`handover:N`, both officers by
//! id and name and the whole sheet) in one transaction; triggers refuse
//! any change or removal.

use chrono::{DateTime, Utc};
use rusqlite::named_params;
use serde_json::json;

use super::{SqliteStore, audit, from_ms, ms};
use crate::domain::handover::{HandoverRow, NewHandover};
use crate::domain::{Actor, kind};
use crate::store::{Handovers, Result};

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HandoverRow> {
    Ok(HandoverRow {
        id: r.get("id")?,
        from: r.get("from_officer")?,
        to: r.get("to_officer")?,
        at: from_ms(r.get("at")?),
        station: r.get("console")?,
        note: r.get("note")?,
        sheet: r.get("sheet")?,
        by: r.get("by_actor")?,
    })
}

impl Handovers for SqliteStore {
    fn record_handover(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        h: &NewHandover,
    ) -> Result<i64> {
        let tx = self.write()?;
        tx.prepare_cached(
            "INSERT INTO handover (from_officer, to_officer, at, console, note, sheet, by_actor)
             VALUES (:from, :to, :at, :console, :note, :sheet, :by)",
        )?
        .execute(named_params! {
            ":from": h.from, ":to": h.to, ":at": ms(now), ":console": h.station,
            ":note": h.note, ":sheet": h.sheet, ":by": actor.name,
        })?;
        let id = tx.last_insert_rowid();
        audit::record(
            &tx,
            actor,
            now,
            "handover.recorded",
            &format!("{}:{id}", kind::HANDOVER),
            json!({
                "from": h.from, "from_name": h.from_name,
                "to": h.to, "to_name": h.to_name,
                "station": h.station, "note": h.note, "sheet": h.sheet,
            }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    fn latest_handovers(&self) -> Result<Vec<HandoverRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT * FROM handover
             WHERE id IN (SELECT MAX(id) FROM handover GROUP BY console)
             ORDER BY id DESC",
        )?;
        let rows = st.query_map([], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
