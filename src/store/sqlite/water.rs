//! Outflow-section water readings (#12): a batch recorded in one
//! transaction, each reading with its audit record; readings by sampling
//! time (indexed). The table is append-only (triggers); one reading per
//! section and instant (a unique key), so a file imported twice records
//! nothing twice.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};
use serde_json::{Map, Value, json};

use super::{SqliteStore, audit, from_ms, ms};
use crate::domain::water::{Class, NewReading, ReadingRow, Recorded, Written};
use crate::domain::{Actor, Entity, kind};
use crate::store::{Result, StoreError, WaterReadings};

/// The parameters as stored: a JSON object in the table's order.
fn params_json(r: &NewReading) -> String {
    let mut m = Map::new();
    for (code, v) in &r.params {
        m.insert((*code).to_string(), json!(v));
    }
    Value::Object(m).to_string()
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReadingRow> {
    let class: i64 = r.get("class")?;
    let params: String = r.get("params")?;
    let params = match serde_json::from_str::<Value>(&params) {
        Ok(Value::Object(m)) => m
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_f64()?)))
            .collect(),
        _ => Vec::new(),
    };
    Ok(ReadingRow {
        id: r.get("id")?,
        section: r.get("section_id")?,
        sampled_at: from_ms(r.get("sampled_at")?),
        // The schema's CHECK keeps class within 1–6.
        class: Class::from_number(class).unwrap_or(Class::WorseThanV),
        params,
        worst: r.get("worst")?,
        origin: r.get("origin")?,
        at: from_ms(r.get("at")?),
        by: r.get("by_actor")?,
    })
}

/// The stored reading of `section` at `sampled_at`, with its parameters as
/// stored (for comparing).
fn stored(tx: &Transaction<'_>, r: &NewReading) -> Result<Option<(ReadingRow, String)>> {
    Ok(tx
        .prepare_cached("SELECT * FROM water_reading WHERE section_id = :s AND sampled_at = :t")?
        .query_row(
            named_params! {":s": r.section, ":t": ms(r.sampled_at)},
            |x| Ok((row(x)?, x.get::<_, String>("params")?)),
        )
        .optional()?)
}

impl WaterReadings for SqliteStore {
    fn record_readings(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        readings: &[NewReading],
    ) -> Result<Recorded> {
        let tx = self.write()?;
        let mut out = Vec::with_capacity(readings.len());
        for (index, r) in readings.iter().enumerate() {
            let params = params_json(r);
            if let Some((old, old_params)) = stored(&tx, r)? {
                if old.class == r.class && old_params == params {
                    out.push(Written::Same(old.id));
                    continue;
                }
                // Dropping the transaction rolls back what the batch wrote.
                return Ok(Recorded::Conflict { index, stored: old });
            }
            tx.prepare_cached(
                "INSERT INTO water_reading (section_id, sampled_at, class, params, worst, origin,
                                            at, by_actor, console)
                 VALUES (:section, :sampled_at, :class, :params, :worst, :origin, :at, :by, :console)",
            )?
            .execute(named_params! {
                ":section": r.section, ":sampled_at": ms(r.sampled_at),
                ":class": i64::from(r.class.number()), ":params": params, ":worst": r.worst,
                ":origin": r.origin, ":at": ms(now), ":by": actor.name, ":console": actor.console,
            })?;
            let id = tx.last_insert_rowid();
            let mut details = json!({
                "section": r.section,
                "sampled_at": r.sampled_at.to_rfc3339(),
                "class": r.class.roman(),
                "worst": r.worst,
                "origin": r.origin,
            });
            if !r.params.is_empty() {
                details["params"] = serde_json::from_str(&params).unwrap_or(Value::Null);
            }
            audit::record(
                &tx,
                actor,
                now,
                "water_reading.recorded",
                &Entity::subject(kind::WATER_READING, id),
                details,
            )?;
            out.push(Written::New(id));
        }
        tx.commit()?;
        Ok(Recorded::Done(out))
    }

    fn readings(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<ReadingRow>> {
        if from >= to {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(
            "SELECT * FROM water_reading WHERE sampled_at >= :from AND sampled_at < :to
             ORDER BY sampled_at, id",
        )?;
        let rows = st.query_map(named_params! {":from": ms(from), ":to": ms(to)}, row)?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(StoreError::from)
    }
}
