//! Intake transactions: one spool file = one transaction, however many
//! complaints it holds; single complaints (HTTP, phone entry) likewise.
//! The file's content hash is recorded in the same transaction, so a file read
//! again after a crash between commit and rename is recognised.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::actions::Actor;
use super::complaints::{Inserted, NewComplaint, insert};
use super::{Result, Store, audit, ms};

/// What became of one spool file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOutcome {
    /// Committed: `new` complaints stored, `dup` already known by (source, external_ref).
    Ingested {
        file_id: i64,
        new: usize,
        dup: usize,
    },
    /// The same content was committed before (crash between commit and rename).
    AlreadyIngested { file_id: i64 },
}

/// An open intake transaction for one file.
pub struct IntakeBatch<'a> {
    tx: Transaction<'a>,
    file_id: i64,
    new: usize,
    dup: usize,
    first_id: Option<i64>,
    last_id: Option<i64>,
    actor: Actor,
    now: DateTime<Utc>,
    repeat_window: chrono::Duration,
}

/// The start of a file's intake.
pub enum Begin<'a> {
    Started(IntakeBatch<'a>),
    AlreadyIngested(i64),
}

impl IntakeBatch<'_> {
    pub fn add(&mut self, c: &NewComplaint) -> Result<Inserted> {
        let r = insert(
            &self.tx,
            c,
            Some(self.file_id),
            &self.actor,
            self.now,
            self.repeat_window,
        )?;
        match r {
            Inserted::New(id) => {
                self.new += 1;
                self.first_id.get_or_insert(id);
                self.last_id = Some(id);
            }
            Inserted::Duplicate(_) => self.dup += 1,
        }
        Ok(r)
    }

    /// Commit the whole file. Nothing is visible to others before this.
    pub fn commit(self) -> Result<FileOutcome> {
        self.tx
            .prepare_cached("UPDATE intake_file SET rows_new = :n, rows_dup = :d WHERE id = :id")?
            .execute(
                named_params! {":n": self.new as i64, ":d": self.dup as i64, ":id": self.file_id},
            )?;
        audit::record(
            &self.tx,
            &self.actor,
            self.now,
            "intake.file",
            &format!("intake_file:{}", self.file_id),
            serde_json::json!({
                "new": self.new, "duplicates": self.dup,
                "first_complaint": self.first_id, "last_complaint": self.last_id,
            }),
        )?;
        self.tx.commit()?;
        Ok(FileOutcome::Ingested {
            file_id: self.file_id,
            new: self.new,
            dup: self.dup,
        })
    }
}

impl Store {
    /// Start the transaction for one spool file, unless its content was committed before.
    pub fn begin_intake(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        name: &str,
        content_hash: &str,
        bytes: u64,
        repeat_window: chrono::Duration,
    ) -> Result<Begin<'_>> {
        let tx = self.write()?;
        let known: Option<i64> = tx
            .prepare_cached("SELECT id FROM intake_file WHERE content_hash = :h AND result = 'ok'")?
            .query_row(named_params! {":h": content_hash}, |r| r.get(0))
            .optional()?;
        if let Some(id) = known {
            return Ok(Begin::AlreadyIngested(id));
        }
        tx.prepare_cached(
            "INSERT INTO intake_file (name, content_hash, bytes, result, at) VALUES (:name, :h, :bytes, 'ok', :at)",
        )?
        .execute(named_params! {":name": name, ":h": content_hash, ":bytes": bytes as i64, ":at": ms(now)})?;
        let file_id = tx.last_insert_rowid();
        Ok(Begin::Started(IntakeBatch {
            tx,
            file_id,
            new: 0,
            dup: 0,
            first_id: None,
            last_id: None,
            actor: actor.clone(),
            now,
            repeat_window,
        }))
    }

    /// Record a quarantined file (its reason is also beside it in `bad/`).
    pub fn record_rejected_file(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        name: &str,
        content_hash: &str,
        bytes: u64,
        reason: &str,
    ) -> Result<()> {
        let tx = self.write()?;
        tx.prepare_cached(
            "INSERT INTO intake_file (name, content_hash, bytes, result, reason, at)
             VALUES (:name, :h, :bytes, 'rejected', :reason, :at)",
        )?
        .execute(named_params! {":name": name, ":h": content_hash, ":bytes": bytes as i64, ":reason": reason, ":at": ms(now)})?;
        let id = tx.last_insert_rowid();
        audit::record(
            &tx,
            actor,
            now,
            "intake.rejected",
            &format!("intake_file:{id}"),
            serde_json::json!({"file": name, "reason": reason}),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Store one complaint in its own transaction (HTTP, phone entry).
    pub fn insert_complaint(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        c: &NewComplaint,
        repeat_window: chrono::Duration,
    ) -> Result<Inserted> {
        let tx = self.write()?;
        let r = insert(&tx, c, None, actor, now, repeat_window)?;
        tx.commit()?;
        Ok(r)
    }
}
