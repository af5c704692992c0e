//! Mirror of the reference data of `config/` (grids, officers, enterprises),
//! so that rows pointing at them keep foreign keys. Rows are upserted and
//! never deleted: an officer who left keeps their history, marked inactive.

use rusqlite::named_params;

use super::SqliteStore;
use crate::config::Config;
use crate::store::Result;

/// What a reference sync changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SyncCounts {
    pub grids: usize,
    pub officers: usize,
    pub enterprises: usize,
}

impl SqliteStore {
    pub fn sync_reference(&mut self, config: &Config) -> Result<SyncCounts> {
        let tx = self.write()?;
        tx.execute_batch("UPDATE grid SET active = 0; UPDATE officer SET active = 0; UPDATE enterprise SET active = 0;")?;
        let mut counts = SyncCounts::default();
        {
            let mut st = tx.prepare(
                "INSERT INTO grid (id, name, level, parent_id, active) VALUES (:id, :name, :level, :parent, 1)
                 ON CONFLICT(id) DO UPDATE SET name = excluded.name, level = excluded.level,
                   parent_id = excluded.parent_id, active = 1",
            )?;
            for g in config.grids.iter() {
                counts.grids += st.execute(named_params! {":id": g.id, ":name": g.name, ":level": g.level, ":parent": g.parent})?;
            }
            let mut st = tx.prepare(
                "INSERT INTO officer (id, name, phone, role, grid_id, active) VALUES (:id, :name, :phone, :role, :grid, 1)
                 ON CONFLICT(id) DO UPDATE SET name = excluded.name, phone = excluded.phone, role = excluded.role,
                   grid_id = excluded.grid_id, active = 1",
            )?;
            for o in config.officers.values() {
                counts.officers +=
                    st.execute(named_params! {":id": o.id, ":name": o.name, ":phone": o.phone, ":role": o.role, ":grid": o.grid})?;
            }
            let mut st = tx.prepare(
                "INSERT INTO enterprise (id, name, grid_id, control_level, address, active)
                 VALUES (:id, :name, :grid, :level, :address, 1)
                 ON CONFLICT(id) DO UPDATE SET name = excluded.name, grid_id = excluded.grid_id,
                   control_level = excluded.control_level, address = excluded.address, active = 1",
            )?;
            for e in config.enterprises.current().values() {
                counts.enterprises += st.execute(named_params! {
                    ":id": e.id, ":name": e.name, ":grid": e.grid,
                    ":level": e.control_level.as_str(), ":address": e.address,
                })?;
            }
        }
        tx.commit()?;
        Ok(counts)
    }

    /// Whether an officer id exists in the mirror (active or not).
    pub fn officer_exists(&self, id: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM officer WHERE id = :id AND active = 1)",
            named_params! {":id": id},
            |r| r.get(0),
        )?)
    }
}
