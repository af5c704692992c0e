//! Reading one entry of `spool/new` into the open intake transaction — a
//! `.json` document parsed whole, a `.jsonl` file streamed in batches, the
//! content hashed through the same handle — and deciding what becomes of it;
//! and `check`, the same reading without a database, for `submit`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek};

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::parse::{self, ComplaintInput};
use super::report::{FileResult, PassError};
use super::spool::{Entry, Spool};
use crate::config::Config;
use crate::domain::FileOutcome;
use crate::ops::prepare::prepare;
use crate::store::{FileIntake, IntakeBatch, IntakeTx, StoreError};

/// How many parsed JSONL records are prepared before they are inserted.
const BATCH: usize = 1000;

/// What to do with an entry once the group is committed.
pub(super) enum After {
    Archive,
    Quarantine(String),
    Leave,
}

/// Is an error reading a file a passing condition (retry) rather than the file's fault?
fn passing(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EMFILE | libc::ENFILE | libc::ENOMEM | libc::EIO | libc::EINTR | libc::EAGAIN)
    )
}

/// Decide one entry inside the open transaction.
pub(super) fn file(
    tx: &mut IntakeTx<'_>,
    spool: &Spool,
    config: &Config,
    now: DateTime<Utc>,
    entry: &Entry,
) -> Result<(FileResult, After), PassError> {
    let name = entry.shown();
    let mut job = FileJob {
        config,
        now,
        name: &name,
        hash: String::new(),
        bytes: entry.bytes,
    };
    let refuse = |tx: &mut IntakeTx<'_>, job: &FileJob<'_>, reason: String| {
        tx.reject_file(job.name, &job.hash, job.bytes, &reason)?;
        Ok::<_, PassError>((
            FileResult::Quarantined(reason.clone()),
            After::Quarantine(reason),
        ))
    };
    if let Some(why) = entry.refusal() {
        return refuse(tx, &job, why);
    }
    let jsonl = is_jsonl(entry);
    let limits = &config.settings.limits;
    let (limit, kind) = if jsonl {
        (limits.max_jsonl_file_bytes, ".jsonl")
    } else {
        (limits.max_json_file_bytes, ".json")
    };
    if job.bytes > limit {
        let advice = if jsonl {
            "; split it"
        } else {
            "; split it or deliver it as .jsonl"
        };
        let reason = format!(
            "file is {:.1} MiB, over the {} MiB limit for {kind} files{advice}",
            job.bytes as f64 / 1048576.0,
            limit >> 20,
        );
        return refuse(tx, &job, reason);
    }
    // One open handle for hashing and reading: another intake process may
    // rename the file meanwhile; the open inode stays readable.
    let opened = spool.open(entry).and_then(|f| match f {
        None => Ok(None),
        Some(mut f) => {
            let hash = hash_reader(&mut f)?;
            f.rewind()?;
            Ok(Some((f, hash)))
        }
    });
    let f = match opened {
        Ok(Some((f, hash))) => {
            job.hash = hash;
            f
        }
        Ok(None) => return Ok((FileResult::Vanished, After::Leave)),
        Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
            return Ok((FileResult::Writing, After::Leave));
        }
        Err(e) if passing(&e) => {
            return Ok((
                FileResult::Deferred(format!("cannot read it now: {e}")),
                After::Leave,
            ));
        }
        Err(e) => return refuse(tx, &job, format!("cannot read it: {e}")),
    };
    let mut open = match tx.begin_file(job.name, &job.hash, job.bytes)? {
        Ok(open) => open,
        Err(_) => return Ok((FileResult::AlreadyIngested, After::Archive)),
    };
    let read = if jsonl {
        ingest_jsonl(tx, &mut open, &job, f)
    } else {
        ingest_json(tx, &mut open, &job, f)
    };
    match read {
        Ok(Ok(())) => match tx.finish_file(open)? {
            FileOutcome::Ingested { new, dup, .. } => {
                Ok((FileResult::Ingested { new, dup }, After::Archive))
            }
            FileOutcome::AlreadyIngested { .. } => {
                Ok((FileResult::AlreadyIngested, After::Archive))
            }
        },
        Ok(Err(reason)) => {
            tx.abandon_file(open)?;
            refuse(tx, &job, reason)
        }
        Err(ReadError::Store(e)) if e.is_constraint() => {
            tx.abandon_file(open)?;
            refuse(tx, &job, format!("the database refused a record: {e}"))
        }
        Err(ReadError::Store(e)) => Err(e.into()),
        Err(ReadError::Io(e)) => {
            tx.abandon_file(open)?;
            if passing(&e) {
                Ok((
                    FileResult::Deferred(format!("reading it failed: {e}")),
                    After::Leave,
                ))
            } else {
                refuse(tx, &job, format!("reading it failed: {e}"))
            }
        }
    }
}

fn is_jsonl(entry: &Entry) -> bool {
    jsonl_path(&entry.path)
}

fn jsonl_path(path: &std::path::Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// What intake would say of the file at `path`, without a database: how
/// many complaints it holds, or why it would be quarantined. `submit` asks
/// before delivering, so a person typing learns it at once, not from `bad/`.
pub fn check(path: &std::path::Path, config: &Config, now: DateTime<Utc>) -> Result<usize, String> {
    let limits = &config.settings.limits;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("is a directory; give complaint files".into());
    }
    if !meta.is_file() {
        return Err(
            "is not a regular file (a device, a pipe or a socket); give complaint files".into(),
        );
    }
    let jsonl = jsonl_path(path);
    let limit = if jsonl {
        limits.max_jsonl_file_bytes
    } else {
        limits.max_json_file_bytes
    };
    if meta.len() > limit {
        return Err(format!(
            "file is {:.1} MiB, over the {} MiB limit for {} files",
            meta.len() as f64 / 1048576.0,
            limit >> 20,
            if jsonl { ".jsonl" } else { ".json" }
        ));
    }
    let ok =
        |input: ComplaintInput| prepare(input, config, now, String::new).map_err(|e| e.to_string());
    if !jsonl {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let inputs = parse::document(&bytes, limits)?;
        let many = inputs.len() > 1;
        let n = inputs.len();
        for (i, input) in inputs.into_iter().enumerate() {
            ok(input).map_err(|e| if many { format!("record {i}: {e}") } else { e })?;
        }
        return Ok(n);
    }
    let mut reader = BufReader::new(File::open(path).map_err(|e| e.to_string())?);
    let (mut line, mut number, mut records) = (Vec::new(), 0usize, 0usize);
    loop {
        line.clear();
        let n = (&mut reader)
            .take(limits.max_record_bytes as u64 + 2)
            .read_until(b'\n', &mut line)
            .map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        number += 1;
        if !line.ends_with(b"\n") && line.len() > limits.max_record_bytes {
            return Err(format!(
                "line {number}: over the record limit of {} bytes",
                limits.max_record_bytes
            ));
        }
        if let Some(input) = parse::jsonl_line(&line, number, limits)? {
            ok(input).map_err(|e| format!("line {number}: {e}"))?;
            records += 1;
        }
    }
    if records == 0 {
        return Err("the file holds no complaints".into());
    }
    Ok(records)
}

/// One file being read: what every step needs to know about it.
struct FileJob<'a> {
    config: &'a Config,
    now: DateTime<Utc>,
    /// The name as shown (inert).
    name: &'a str,
    /// SHA-256 of the content (empty before it is computed).
    hash: String,
    bytes: u64,
}

/// A failure while reading records: the store's, or the file's bytes.
enum ReadError {
    Store(StoreError),
    Io(io::Error),
}

impl From<StoreError> for ReadError {
    fn from(e: StoreError) -> Self {
        ReadError::Store(e)
    }
}

/// `Ok(Ok(()))` every record added, `Ok(Err(reason))` the file is refused.
type Ingest = Result<Result<(), String>, ReadError>;

impl FileJob<'_> {
    /// The reference of a record that has none: the file's hash and the record's place.
    fn fallback_ref(&self, pos: parse::Position) -> String {
        format!("file:{}#{}", &self.hash[..16], pos).replace(' ', "")
    }

    /// Prepare and insert one record; `Ok(Err(reason))` when the record is refused.
    fn add(
        &self,
        tx: &mut IntakeTx<'_>,
        open: &mut FileIntake,
        input: ComplaintInput,
        pos: parse::Position,
    ) -> Result<Result<(), String>, ReadError> {
        match prepare(input, self.config, self.now, || self.fallback_ref(pos)) {
            Ok(c) => {
                tx.add(open, &c)?;
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e.to_string())),
        }
    }
}

/// A `.json` file: one object or an array, parsed whole.
fn ingest_json(
    tx: &mut IntakeTx<'_>,
    open: &mut FileIntake,
    job: &FileJob<'_>,
    mut f: File,
) -> Ingest {
    let mut data = Vec::with_capacity(job.bytes as usize);
    f.read_to_end(&mut data).map_err(ReadError::Io)?;
    let inputs = match parse::document(&data, &job.config.settings.limits) {
        Ok(v) => v,
        Err(reason) => return Ok(Err(reason)),
    };
    let many = inputs.len() > 1;
    for (i, input) in inputs.into_iter().enumerate() {
        let pos = parse::Position::Index(i);
        if let Err(reason) = job.add(tx, open, input, pos)? {
            return Ok(Err(if many {
                format!("{pos}: {reason}")
            } else {
                reason
            }));
        }
    }
    Ok(Ok(()))
}

/// A `.jsonl` file: streamed line by line, inserted in batches.
fn ingest_jsonl(
    tx: &mut IntakeTx<'_>,
    open: &mut FileIntake,
    job: &FileJob<'_>,
    f: File,
) -> Ingest {
    let mut reader = BufReader::with_capacity(1 << 20, f);
    let limits = job.config.settings.limits;
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut pending: Vec<(usize, ComplaintInput)> = Vec::with_capacity(BATCH);
    let mut records = 0usize;
    loop {
        line.clear();
        // Bound the read so one endless line cannot take the memory.
        let n = (&mut reader)
            .take(limits.max_record_bytes as u64 + 2)
            .read_until(b'\n', &mut line)
            .map_err(ReadError::Io)?;
        let eof = n == 0;
        if !eof {
            number += 1;
            if !line.ends_with(b"\n") && line.len() > limits.max_record_bytes {
                return Ok(Err(format!(
                    "line {number}: over the record limit of {} bytes",
                    limits.max_record_bytes
                )));
            }
            match parse::jsonl_line(&line, number, &limits) {
                Ok(Some(input)) => pending.push((number, input)),
                Ok(None) => {}
                Err(reason) => return Ok(Err(reason)),
            }
        }
        if pending.len() >= BATCH || (eof && !pending.is_empty()) {
            records += pending.len();
            for (number, input) in pending.drain(..) {
                let pos = parse::Position::Line(number);
                if let Err(reason) = job.add(tx, open, input, pos)? {
                    return Ok(Err(format!("{pos}: {reason}")));
                }
            }
        }
        if eof {
            break;
        }
    }
    if records == 0 {
        return Ok(Err("the file holds no complaints".into()));
    }
    Ok(Ok(()))
}

/// SHA-256 of everything `f` yields, hex.
fn hash_reader(f: &mut impl Read) -> io::Result<String> {
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
