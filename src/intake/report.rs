//! What a pass over the spool says: what became of each entry of `new/`
//! ([`FileResult`]), the sum of a pass ([`SpoolReport`]), and why a pass or
//! a group stopped ([`PassError`]). `records` decides each entry's result,
//! `ingest` and the `writer` add them up.

use std::io;
use std::path::PathBuf;

use crate::store::StoreError;

/// What became of one entry of `new/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileResult {
    Ingested {
        new: usize,
        dup: usize,
    },
    /// Its content was committed before; it was only moved to `cur/`.
    AlreadyIngested,
    Quarantined(String),
    /// Another intake process took it first.
    Vanished,
    /// It could not be read for a passing reason (no descriptors left, an
    /// I/O error); it stays in `new/` for the next pass.
    Deferred(String),
    /// Another process still has it open for writing (it was written
    /// straight into `new/`): it is read when closed.
    Writing,
}

/// One entry's result, with its name as shown in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub name: String,
    pub result: FileResult,
}

/// The sum of one pass over `new/`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpoolReport {
    pub files_ingested: usize,
    pub files_already: usize,
    pub files_quarantined: usize,
    pub files_deferred: usize,
    /// Files still open for writing by another process (read when closed).
    pub files_writing: usize,
    pub complaints_new: usize,
    pub complaints_dup: usize,
    /// `(file name, reason)` of each quarantined file; names are inert (see `text::file_name`).
    pub quarantined: Vec<(String, String)>,
    /// `(file name, reason)` of each file left for the next pass.
    pub deferred: Vec<(String, String)>,
}

impl SpoolReport {
    pub fn add(&mut self, files: &[FileReport]) {
        for f in files {
            match &f.result {
                FileResult::Ingested { new, dup } => {
                    self.files_ingested += 1;
                    self.complaints_new += new;
                    self.complaints_dup += dup;
                }
                FileResult::AlreadyIngested => self.files_already += 1,
                FileResult::Quarantined(reason) => {
                    self.files_quarantined += 1;
                    self.quarantined.push((f.name.clone(), reason.clone()));
                }
                FileResult::Deferred(reason) => {
                    self.files_deferred += 1;
                    self.deferred.push((f.name.clone(), reason.clone()));
                }
                FileResult::Vanished => {}
                FileResult::Writing => self.files_writing += 1,
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.files_ingested + self.files_already + self.files_quarantined + self.files_deferred == 0
    }
}

/// Why a pass or a group stopped: the store, or the spool directory itself.
#[derive(Debug, thiserror::Error)]
pub enum PassError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("spool {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// Committed, but into the file that was at `path` until it was
    /// replaced: nobody sees it there, so it is not acknowledged.
    #[error(
        "committed to the database file that was at {} until it was replaced, where nobody sees it: not acknowledged (resend with the same external reference once the original is back or the daemon restarted)",
        path.display()
    )]
    Unseen { path: PathBuf },
}

impl PassError {
    pub(super) fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> PassError {
        let path = path.into();
        move |source| PassError::Io { path, source }
    }
}
