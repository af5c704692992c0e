//! Spool files and single complaints into the store, in groups: one
//! transaction, one fsync, each item in its own savepoint. A file that is
//! refused is rolled back alone and quarantined with its reason; a store
//! failure rolls back the whole group and leaves every file in `new/`.
//!
//! Order of a group (nothing is lost or doubled at any crash point):
//! check the database file is still ours → insert → commit → check again →
//! only then move files to `cur/` or `bad/`. A file re-read after a crash
//! between commit and move is recognised by its content hash. The caller
//! checkpoints when it has a moment (see `Store::checkpoint`).

use chrono::{DateTime, Utc};

use super::records::{self, After};
use super::report::{FileReport, FileResult, PassError, SpoolReport};
use super::spool::{Entry, Spool};
use crate::config::Config;
use crate::domain::{Actor, Inserted, NewComplaint};
use crate::store::{Intake, IntakeBatch, SqliteStore, StoreError};

/// A group closes at this many files…
const GROUP_FILES: usize = 64;
/// …or at this many bytes (a bigger file is a group of its own).
const GROUP_BYTES: u64 = 4 << 20;

/// What one group was given, and what became of it.
#[derive(Debug, Default)]
pub struct Group {
    pub complaints: Vec<NewComplaint>,
    pub files: Vec<Entry>,
}

#[derive(Debug)]
pub struct GroupOutcome {
    /// One per complaint, in order: stored, or refused by the schema.
    pub complaints: Vec<Result<Inserted, StoreError>>,
    pub files: Vec<FileReport>,
}

/// Cut the entries of `new/` into groups of at most `GROUP_FILES` files and
/// about `GROUP_BYTES` bytes.
pub fn groups(entries: Vec<Entry>) -> Vec<Vec<Entry>> {
    let mut out: Vec<Vec<Entry>> = Vec::new();
    let mut bytes = 0;
    for e in entries {
        let full = out
            .last()
            .is_none_or(|g| g.len() >= GROUP_FILES || bytes + e.bytes > GROUP_BYTES);
        if full {
            out.push(Vec::new());
            bytes = 0;
        }
        bytes += e.bytes;
        if let Some(g) = out.last_mut() {
            g.push(e);
        }
    }
    out
}

/// One pass over `new/` with nothing else to commit (`intake --once`).
/// `stop` is asked between groups: a shutdown finishes the current group.
pub fn pass(
    store: &mut SqliteStore,
    spool: &Spool,
    config: &Config,
    actor: &Actor,
    now: &dyn Fn() -> DateTime<Utc>,
    stop: &dyn Fn() -> bool,
) -> Result<SpoolReport, PassError> {
    spool.ensure().map_err(PassError::io(&spool.root))?;
    let entries = spool.pending().map_err(PassError::io(spool.dir("new")))?;
    let mut report = SpoolReport::default();
    for files in groups(entries) {
        if stop() {
            break;
        }
        let group = Group {
            complaints: Vec::new(),
            files,
        };
        let outcome = commit_group(store, spool, config, actor, now(), group)?;
        report.add(&outcome.files);
    }
    // Into the database file itself, not only the WAL beside its path.
    store.empty_wal()?;
    Ok(report)
}

/// Commit one group; see the module comment for the order of steps.
pub fn commit_group(
    store: &mut SqliteStore,
    spool: &Spool,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    group: Group,
) -> Result<GroupOutcome, PassError> {
    store.verify_file()?;
    let mut complaints = Vec::with_capacity(group.complaints.len());
    let mut decided: Vec<(Entry, FileResult, After)> = Vec::with_capacity(group.files.len());
    {
        let mut tx = store.intake(actor, now, config.settings.repeat_window)?;
        for c in &group.complaints {
            match tx.complaint(c) {
                Err(e) if !e.is_constraint() => return Err(e.into()),
                r => complaints.push(r),
            }
        }
        for entry in group.files {
            let (result, after) = records::file(&mut tx, spool, config, now, &entry)?;
            decided.push((entry, result, after));
        }
        tx.commit()?;
    }
    // Committed into the file we opened: is it still the one at the path?
    // If not, what was committed is where nobody looks: not acknowledged.
    store.verify_file().map_err(|_| PassError::Unseen {
        path: store.path().to_path_buf(),
    })?;
    if !decided.is_empty() && std::env::var("GRIDWATCH_FAILPOINT").as_deref() == Ok("after-commit")
    {
        // Tests: die like `kill -9` between the commit and the moves.
        std::process::abort();
    }
    let mut files = Vec::with_capacity(decided.len());
    for (entry, mut result, after) in decided {
        let name = entry.shown();
        match after {
            // The group is committed: a move that fails now is the file's
            // (it stays in new/ and is recognised next time), never the
            // group's — the complaints beside it are stored and answered so.
            After::Archive => match spool.archive(&entry) {
                Ok(Some(_)) => match &result {
                    FileResult::Ingested { new, dup } => {
                        tracing::info!(file = %name, new, dup, "ingested")
                    }
                    _ => tracing::info!(file = %name, "already ingested; moved to cur/"),
                },
                Ok(None) => {}
                Err(e) => {
                    result =
                        FileResult::Deferred(format!("stored, but cannot move it to cur/: {e}"));
                }
            },
            After::Quarantine(reason) => match spool.quarantine(&entry, &reason) {
                Ok(Some(_)) => {
                    tracing::warn!(file = %name, reason = %crate::text::quote(&reason), "quarantined")
                }
                Ok(None) => result = FileResult::Vanished,
                Err(e) => {
                    result = FileResult::Deferred(format!(
                        "refused ({}), but cannot move it to bad/: {e}",
                        crate::text::quote(&reason)
                    ));
                }
            },
            After::Leave => {}
        }
        files.push(FileReport { name, result });
    }
    Ok(GroupOutcome { complaints, files })
}
