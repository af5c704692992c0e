//! The spool directory, maildir discipline (DESIGN.md §4.3):
//! writers create a file in `tmp/`, fsync it and rename it into `new/`; intake
//! reads `new/`, commits each file in one transaction and only then renames it
//! into `cur/`; a file it cannot accept goes to `bad/` beside `NAME.reason`.
//! A crash between commit and rename is safe: the content hash is committed
//! with the rows, so the re-read file is recognised and only moved.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::parse::{self, ComplaintInput};
use super::prepare::prepare;
use crate::config::Config;
use crate::store::{Actor, FileOutcome, IntakeBatch, IntakeBegin, Store, StoreError};

/// How many parsed JSONL records are prepared before they are inserted.
const BATCH: usize = 1000;

#[derive(Debug, Clone)]
pub struct Spool {
    pub root: PathBuf,
}

/// What became of one file in `new/`.
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
}

/// The sum of one pass over `new/`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpoolReport {
    pub files_ingested: usize,
    pub files_already: usize,
    pub files_quarantined: usize,
    pub complaints_new: usize,
    pub complaints_dup: usize,
    /// `(file name, reason)` of each quarantined file.
    pub quarantined: Vec<(String, String)>,
}

static SEQ: AtomicU64 = AtomicU64::new(0);

fn host() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most buf.len() bytes into buf.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let name = if rc == 0 {
        let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        "localhost".to_string()
    };
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

fn fsync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned.trim_start_matches('.');
    if trimmed.is_empty() {
        "complaint.json".to_string()
    } else {
        trimmed.to_string()
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

impl Spool {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Spool { root: root.into() }
    }

    pub fn dir(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// Create `tmp/ new/ cur/ bad/` if missing.
    pub fn ensure(&self) -> io::Result<()> {
        for d in ["tmp", "new", "cur", "bad"] {
            fs::create_dir_all(self.dir(d))?;
        }
        Ok(())
    }

    /// Deliver `bytes` atomically: write into `tmp/`, fsync, rename into `new/`.
    /// The name keeps `hint`'s extension (`.jsonl` is streamed).
    pub fn submit_bytes(&self, hint: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        self.ensure()?;
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        let unique = format!(
            "{}.{:06}.P{}Q{}.{}.{}",
            now.as_secs(),
            now.subsec_micros(),
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed),
            host(),
            safe_name(hint)
        );
        let tmp = self.dir("tmp").join(&unique);
        let mut f = File::create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        let dest = self.dir("new").join(&unique);
        fs::rename(&tmp, &dest)?;
        fsync_dir(&self.dir("new"))?;
        Ok(dest)
    }

    /// Deliver a file from anywhere (the `submit` command).
    pub fn submit(&self, src: &Path) -> io::Result<PathBuf> {
        let bytes = fs::read(src)?;
        let hint = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.submit_bytes(&hint, &bytes)
    }

    /// Files waiting in `new/`, oldest name first.
    pub fn pending(&self) -> io::Result<Vec<PathBuf>> {
        let mut out: Vec<PathBuf> = fs::read_dir(self.dir("new"))?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        out.sort();
        Ok(out)
    }

    /// Files left in `tmp/` for longer than `age` (a writer died mid-delivery).
    pub fn stale_tmp(&self, age: Duration) -> Vec<PathBuf> {
        let cutoff = SystemTime::now()
            .checked_sub(age)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let Ok(entries) = fs::read_dir(self.dir("tmp")) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter(|e| {
                e.metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t < cutoff)
            })
            .map(|e| e.path())
            .collect()
    }

    /// Count the files in one of the spool's directories (`.reason` files excluded).
    pub fn count(&self, dir: &str) -> usize {
        fs::read_dir(self.dir(dir))
            .map(|it| {
                it.filter_map(Result::ok)
                    .filter(|e| !e.file_name().to_string_lossy().ends_with(".reason"))
                    .count()
            })
            .unwrap_or(0)
    }

    /// One pass over `new/`. Store failures that are not the file's fault stop
    /// the pass and leave the file in `new/` for the next one. `stop` is asked
    /// between files: a shutdown finishes the current file, never half of one.
    pub fn process_pending(
        &self,
        store: &mut Store,
        config: &Config,
        actor: &Actor,
        now: impl Fn() -> DateTime<Utc>,
        stop: &dyn Fn() -> bool,
    ) -> Result<SpoolReport, StoreError> {
        self.ensure()
            .map_err(|e| StoreError::Rule(format!("spool {}: {e}", self.root.display())))?;
        let mut report = SpoolReport::default();
        let files = self
            .pending()
            .map_err(|e| StoreError::Rule(format!("spool {}: {e}", self.root.display())))?;
        for path in files {
            if stop() {
                break;
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match self.process_file(store, config, actor, now(), &path)? {
                FileResult::Ingested { new, dup } => {
                    report.files_ingested += 1;
                    report.complaints_new += new;
                    report.complaints_dup += dup;
                }
                FileResult::AlreadyIngested => report.files_already += 1,
                FileResult::Quarantined(reason) => {
                    report.files_quarantined += 1;
                    report.quarantined.push((name, reason));
                }
                FileResult::Vanished => {}
            }
        }
        Ok(report)
    }

    /// Ingest one file of `new/`.
    pub fn process_file(
        &self,
        store: &mut Store,
        config: &Config,
        actor: &Actor,
        now: DateTime<Utc>,
        path: &Path,
    ) -> Result<FileResult, StoreError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let limits = &config.settings.limits;
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(FileResult::Vanished),
            Err(e) => return Err(StoreError::Rule(format!("{}: {e}", path.display()))),
        };
        let mut job = FileJob {
            config,
            actor,
            now,
            path,
            name,
            hash: String::new(),
            bytes: meta.len(),
        };
        let (limit, kind) = if is_jsonl(path) {
            (limits.max_jsonl_file_bytes, ".jsonl")
        } else {
            (limits.max_json_file_bytes, ".json")
        };
        if job.bytes > limit {
            let advice = if kind == ".json" {
                "; split it or deliver it as .jsonl"
            } else {
                "; split it"
            };
            let reason = format!(
                "file is {:.1} MiB, over the {} MiB limit for {kind} files{advice}",
                job.bytes as f64 / 1048576.0,
                limit >> 20,
            );
            return self.quarantine(store, &job, reason);
        }
        // One open handle for hashing and reading: another intake process may
        // rename the file meanwhile, the open inode stays readable.
        let opened = File::open(path).and_then(|mut f| {
            let hash = hash_reader(&mut f)?;
            f.rewind()?;
            Ok((f, hash))
        });
        let file = match opened {
            Ok((f, hash)) => {
                job.hash = hash;
                f
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(FileResult::Vanished),
            Err(e) => return Err(StoreError::Rule(format!("{}: {e}", path.display()))),
        };
        let outcome = if is_jsonl(path) {
            ingest_jsonl(store, &job, file)
        } else {
            ingest_json(store, &job, file)
        };
        match outcome {
            Ok(Ok(outcome)) => {
                if std::env::var("GRIDWATCH_FAILPOINT").as_deref() == Ok("after-commit") {
                    // Tests: die like `kill -9` between the commit and the rename.
                    std::process::abort();
                }
                self.move_to(path, "cur")?;
                Ok(match outcome {
                    FileOutcome::Ingested { new, dup, .. } => {
                        tracing::info!(file = %job.name, new, dup, "ingested");
                        FileResult::Ingested { new, dup }
                    }
                    FileOutcome::AlreadyIngested { .. } => {
                        tracing::info!(file = %job.name, "already ingested; moved to cur/");
                        FileResult::AlreadyIngested
                    }
                })
            }
            Ok(Err(reason)) => self.quarantine(store, &job, reason),
            Err(e) if e.is_constraint() => {
                let reason = format!("the database refused a record: {e}");
                self.quarantine(store, &job, reason)
            }
            Err(e) => Err(e),
        }
    }

    fn move_to(&self, path: &Path, dir: &str) -> Result<(), StoreError> {
        let Some(name) = path.file_name() else {
            return Ok(());
        };
        let dest = self.dir(dir).join(name);
        match fs::rename(path, &dest) {
            Ok(()) => fsync_dir(&self.dir(dir))
                .map_err(|e| StoreError::Rule(format!("{}: {e}", dest.display()))),
            // Another intake process moved it first: the commit is what counts.
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::Rule(format!(
                "cannot move {} to {dir}/: {e}",
                path.display()
            ))),
        }
    }

    fn quarantine(
        &self,
        store: &mut Store,
        job: &FileJob<'_>,
        reason: String,
    ) -> Result<FileResult, StoreError> {
        let reason = reason.replace(['\n', '\r'], " ");
        let name = &job.name;
        let io_err = |e: io::Error| StoreError::Rule(format!("cannot quarantine {name}: {e}"));
        let bad = self.dir("bad");
        let tmp = bad.join(format!(".{name}.reason.tmp"));
        let mut f = File::create(&tmp).map_err(io_err)?;
        f.write_all(format!("{reason}\n").as_bytes())
            .map_err(io_err)?;
        f.sync_all().map_err(io_err)?;
        fs::rename(&tmp, bad.join(format!("{name}.reason"))).map_err(io_err)?;
        match fs::rename(job.path, bad.join(name)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(FileResult::Vanished),
            Err(e) => return Err(io_err(e)),
        }
        fsync_dir(&bad).map_err(io_err)?;
        tracing::warn!(file = %name, %reason, "quarantined");
        store.record_rejected_file(job.actor, job.now, name, &job.hash, job.bytes, &reason)?;
        Ok(FileResult::Quarantined(reason))
    }
}

/// One file of `new/` being ingested: what every step needs to know about it.
struct FileJob<'a> {
    config: &'a Config,
    actor: &'a Actor,
    now: DateTime<Utc>,
    path: &'a Path,
    name: String,
    /// SHA-256 of the content (empty before it is computed).
    hash: String,
    bytes: u64,
}

/// `Ok(Ok(..))` committed, `Ok(Err(reason))` the file is refused, `Err` a store failure.
type Ingest = Result<Result<FileOutcome, String>, StoreError>;

impl FileJob<'_> {
    /// The reference of a record that has none: the file's hash and the record's place.
    fn fallback_ref(&self, pos: parse::Position) -> String {
        format!("file:{}#{}", &self.hash[..16], pos).replace(' ', "")
    }

    /// Open the file's transaction, unless its content was committed before.
    fn begin<'s>(
        &self,
        store: &'s mut Store,
    ) -> Result<Result<IntakeBatch<'s>, FileOutcome>, StoreError> {
        let window = self.config.settings.repeat_window;
        Ok(
            match store.begin_intake(
                self.actor, self.now, &self.name, &self.hash, self.bytes, window,
            )? {
                IntakeBegin::Started(b) => Ok(b),
                IntakeBegin::AlreadyIngested(file_id) => {
                    Err(FileOutcome::AlreadyIngested { file_id })
                }
            },
        )
    }

    /// Prepare and insert one record; `Ok(Err(reason))` when the record is refused.
    fn add(
        &self,
        batch: &mut IntakeBatch<'_>,
        input: ComplaintInput,
        pos: parse::Position,
    ) -> Result<Result<(), String>, StoreError> {
        match prepare(input, self.config, self.now, || self.fallback_ref(pos)) {
            Ok(c) => {
                batch.add(&c)?;
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e.to_string())),
        }
    }
}

/// A `.json` file: one object or an array, parsed whole.
fn ingest_json(store: &mut Store, job: &FileJob<'_>, mut file: File) -> Ingest {
    let mut data = Vec::with_capacity(job.bytes as usize);
    file.read_to_end(&mut data)
        .map_err(|e| StoreError::Rule(format!("{}: {e}", job.path.display())))?;
    let inputs = match parse::document(&data, &job.config.settings.limits) {
        Ok(v) => v,
        Err(reason) => return Ok(Err(reason)),
    };
    let many = inputs.len() > 1;
    let mut batch = match job.begin(store)? {
        Ok(b) => b,
        Err(done) => return Ok(Ok(done)),
    };
    for (i, input) in inputs.into_iter().enumerate() {
        let pos = parse::Position::Index(i);
        if let Err(reason) = job.add(&mut batch, input, pos)? {
            return Ok(Err(if many {
                format!("{pos}: {reason}")
            } else {
                reason
            }));
        }
    }
    Ok(Ok(batch.commit()?))
}

/// A `.jsonl` file: streamed line by line, inserted in batches, one transaction.
fn ingest_jsonl(store: &mut Store, job: &FileJob<'_>, file: File) -> Ingest {
    let io_err = |e: io::Error| StoreError::Rule(format!("{}: {e}", job.path.display()));
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let limits = job.config.settings.limits;
    let mut batch = match job.begin(store)? {
        Ok(b) => b,
        Err(done) => return Ok(Ok(done)),
    };
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
            .map_err(io_err)?;
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
                if let Err(reason) = job.add(&mut batch, input, pos)? {
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
    Ok(Ok(batch.commit()?))
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
