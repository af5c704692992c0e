//! Intake transactions. One [`IntakeTx`] holds any number of spool files and
//! single complaints (HTTP, phone entry), each inside its own savepoint, and
//! commits them together: one fsync for a burst, and a refused item is rolled
//! back alone. A file's content hash is recorded with its rows, so a file read
//! again after a crash between commit and rename is recognised.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::complaints::insert;
use super::{SqliteStore, audit, ms};
use crate::domain::{Actor, FileOutcome, Inserted, NewComplaint};
use crate::store::{Intake, IntakeBatch, Result};

/// A spool file being added inside an [`IntakeTx`].
#[derive(Debug)]
pub struct FileIntake {
    file_id: i64,
    new: usize,
    dup: usize,
    first_id: Option<i64>,
    last_id: Option<i64>,
}

/// One write transaction of intake. Nothing is visible to others before
/// [`IntakeTx::commit`]; dropping it rolls everything back.
pub struct IntakeTx<'a> {
    tx: Transaction<'a>,
    actor: Actor,
    now: DateTime<Utc>,
    repeat_window: chrono::Duration,
}

const SAVEPOINT: &str = "SAVEPOINT item";
const RELEASE: &str = "RELEASE item";
const UNDO: &str = "ROLLBACK TO item; RELEASE item";

impl Intake for SqliteStore {
    type Batch<'a> = IntakeTx<'a>;

    /// Begin an intake transaction (`BEGIN IMMEDIATE`).
    fn intake(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        repeat_window: chrono::Duration,
    ) -> Result<IntakeTx<'_>> {
        Ok(IntakeTx {
            tx: self.write()?,
            actor: actor.clone(),
            now,
            repeat_window,
        })
    }
}

impl IntakeBatch for IntakeTx<'_> {
    /// Open a file's savepoint; `Err(file_id)` when its content was committed before.
    fn begin_file(
        &mut self,
        name: &str,
        content_hash: &str,
        bytes: u64,
    ) -> Result<std::result::Result<FileIntake, i64>> {
        let known: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM intake_file WHERE content_hash = :h AND result = 'ok'")?
            .query_row(named_params! {":h": content_hash}, |r| r.get(0))
            .optional()?;
        if let Some(id) = known {
            return Ok(Err(id));
        }
        self.tx.execute_batch(SAVEPOINT)?;
        self.tx
            .prepare_cached(
                "INSERT INTO intake_file (name, content_hash, bytes, result, at) VALUES (:name, :h, :bytes, 'ok', :at)",
            )?
            .execute(named_params! {":name": name, ":h": content_hash, ":bytes": bytes as i64, ":at": ms(self.now)})?;
        Ok(Ok(FileIntake {
            file_id: self.tx.last_insert_rowid(),
            new: 0,
            dup: 0,
            first_id: None,
            last_id: None,
        }))
    }

    /// Add one complaint of the open file.
    fn add(&mut self, file: &mut FileIntake, c: &NewComplaint) -> Result<Inserted> {
        let r = insert(
            &self.tx,
            c,
            Some(file.file_id),
            &self.actor,
            self.now,
            self.repeat_window,
        )?;
        match r {
            Inserted::New(id) => {
                file.new += 1;
                file.first_id.get_or_insert(id);
                file.last_id = Some(id);
            }
            Inserted::Duplicate(_) => file.dup += 1,
        }
        Ok(r)
    }

    /// Keep the file: its counts and its one audit record, then release its savepoint.
    fn finish_file(&mut self, file: FileIntake) -> Result<FileOutcome> {
        self.tx
            .prepare_cached("UPDATE intake_file SET rows_new = :n, rows_dup = :d WHERE id = :id")?
            .execute(
                named_params! {":n": file.new as i64, ":d": file.dup as i64, ":id": file.file_id},
            )?;
        audit::record(
            &self.tx,
            &self.actor,
            self.now,
            "intake.file",
            &format!("intake_file:{}", file.file_id),
            serde_json::json!({
                "new": file.new, "duplicates": file.dup,
                "first_complaint": file.first_id, "last_complaint": file.last_id,
            }),
        )?;
        self.tx.execute_batch(RELEASE)?;
        Ok(FileOutcome::Ingested {
            file_id: file.file_id,
            new: file.new,
            dup: file.dup,
        })
    }

    /// Drop everything the open file added.
    fn abandon_file(&mut self, _file: FileIntake) -> Result<()> {
        self.tx.execute_batch(UNDO)?;
        Ok(())
    }

    /// Record a quarantined file (its reason is also beside it in `bad/`).
    fn reject_file(
        &mut self,
        name: &str,
        content_hash: &str,
        bytes: u64,
        reason: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO intake_file (name, content_hash, bytes, result, reason, at)
                 VALUES (:name, :h, :bytes, 'rejected', :reason, :at)",
            )?
            .execute(named_params! {":name": name, ":h": content_hash, ":bytes": bytes as i64, ":reason": reason, ":at": ms(self.now)})?;
        let id = self.tx.last_insert_rowid();
        audit::record(
            &self.tx,
            &self.actor,
            self.now,
            "intake.rejected",
            &format!("intake_file:{id}"),
            serde_json::json!({"file": name, "reason": reason}),
        )?;
        Ok(())
    }

    /// One complaint on its own (HTTP, phone entry), audited by itself. When
    /// the schema refuses it, only it is rolled back.
    fn complaint(&mut self, c: &NewComplaint) -> Result<Inserted> {
        self.tx.execute_batch(SAVEPOINT)?;
        match insert(&self.tx, c, None, &self.actor, self.now, self.repeat_window) {
            Ok(r) => {
                self.tx.execute_batch(RELEASE)?;
                Ok(r)
            }
            Err(e) => {
                self.tx.execute_batch(UNDO)?;
                Err(e)
            }
        }
    }

    /// Commit everything added. With `synchronous=FULL` this is the one fsync.
    fn commit(self) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}
