//! Forward-only schema migrations, numbered, kept in SQL files, versioned by
//! `PRAGMA user_version`. Pragmas live outside migrations (see `Store::connect`).
//! A migration, once released, is never edited: add the next one.

use rusqlite::TransactionBehavior;

use super::SqliteStore;
use crate::store::{Result, StoreError};

/// `(version, sql)`: applying `sql` takes the schema from `version - 1` to `version`.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/0001_core.sql")),
    (2, include_str!("migrations/0002_escalation.sql")),
    (3, include_str!("migrations/0003_console_indexes.sql")),
    (4, include_str!("migrations/0004_heartbeat_paths.sql")),
    (5, include_str!("migrations/0005_complaint_category.sql")),
    (
        6,
        include_str!("migrations/0006_skipped_stages_and_acks.sql"),
    ),
    (7, include_str!("migrations/0007_incidents.sql")),
    (8, include_str!("migrations/0008_grid_at_work.sql")),
    (9, include_str!("migrations/0009_assessment.sql")),
];

pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

impl SqliteStore {
    /// Bring the schema to [`LATEST_VERSION`]; a no-op when already there.
    pub fn migrate(&mut self) -> Result<i64> {
        self.migrate_to(LATEST_VERSION)
    }

    /// Bring the schema to `target` (tests build fixtures of earlier versions).
    pub fn migrate_to(&mut self, target: i64) -> Result<i64> {
        let found = self.schema_version()?;
        if found > LATEST_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
                supported: LATEST_VERSION,
            });
        }
        for (version, sql) in MIGRATIONS
            .iter()
            .filter(|(v, _)| *v > found && *v <= target)
        {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Re-check inside the lock: another process may have migrated meanwhile.
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now >= *version {
                continue;
            }
            // SQLite's one-line message only: rusqlite would print the whole script.
            let fail = |e: rusqlite::Error| StoreError::Migration {
                version: *version,
                message: match e {
                    rusqlite::Error::SqliteFailure(_, Some(m)) => m,
                    rusqlite::Error::SqlInputError { msg, .. } => msg,
                    other => other.to_string(),
                },
            };
            tx.execute_batch(sql).map_err(fail)?;
            tx.pragma_update(None, "user_version", version)
                .map_err(fail)?;
            tx.commit().map_err(fail)?;
        }
        self.schema_version()
    }
}
