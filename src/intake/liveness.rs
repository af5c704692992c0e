//! Does a live intake daemon work on the files this command or console uses? Relative
//! paths in `gridwatch.toml` resolve against each process's working
//! directory, so a `submit` or a console started elsewhere can use another
//! spool or database than the daemon: say so, never silently.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::domain::Heartbeat;

/// What is known about the daemon, as seen from this command.
pub struct Seen<'a> {
    /// The heartbeat in this command's database, if it could be read.
    pub heartbeat: Option<&'a Heartbeat>,
    pub now: DateTime<Utc>,
    pub stale_after: chrono::Duration,
    /// Who holds this spool's lock (`pid N`), if anyone.
    pub spool_holder: Option<String>,
    pub db: &'a Path,
    pub spool: &'a Path,
}

fn same(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    canon(a) == canon(b)
}

/// The intake daemon as seen from a database's heartbeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DaemonState {
    /// Beating, on this database file.
    Live { pid: i64, age_seconds: i64 },
    /// Its last beat is older than the stale limit.
    Stale { pid: i64, age_seconds: i64 },
    /// It stopped cleanly (and said so).
    Stopped { pid: i64, at: DateTime<Utc> },
    /// It beats, but names another database file (this one is a copy).
    Elsewhere { pid: i64, db: PathBuf },
    /// No heartbeat was ever written here.
    Never,
}

impl DaemonState {
    pub fn is_live(&self) -> bool {
        matches!(self, DaemonState::Live { .. })
    }
}

/// Which state the heartbeat in the database at `db` says the daemon is in.
pub fn state(
    heartbeat: Option<&Heartbeat>,
    now: DateTime<Utc>,
    stale_after: chrono::Duration,
    db: &Path,
) -> DaemonState {
    let Some(h) = heartbeat else {
        return DaemonState::Never;
    };
    let age_seconds = (now - h.at).num_seconds().max(0);
    if let Some(at) = h.stopped_at.filter(|s| *s >= h.at) {
        return DaemonState::Stopped { pid: h.pid, at };
    }
    if now - h.at > stale_after {
        return DaemonState::Stale {
            pid: h.pid,
            age_seconds,
        };
    }
    match h.db_path.as_deref().map(PathBuf::from) {
        // (An empty `db`: the caller does not know its file; no comparison.)
        Some(theirs) if !db.as_os_str().is_empty() && !same(&theirs, db) => {
            DaemonState::Elsewhere {
                pid: h.pid,
                db: theirs,
            }
        }
        _ => DaemonState::Live {
            pid: h.pid,
            age_seconds,
        },
    }
}

/// A reason to think complaints delivered here may wait: each front end
/// puts it into words (`Display` is the English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// No live daemon writes to this database.
    NoLiveDaemon { db: PathBuf },
    /// The daemon of this database stopped at `at`.
    Stopped {
        pid: i64,
        db: PathBuf,
        at: DateTime<Utc>,
    },
    /// The live daemon writes to another database file.
    OtherDatabase {
        pid: i64,
        theirs: PathBuf,
        db: PathBuf,
    },
    /// The live daemon watches another spool.
    OtherSpool {
        pid: i64,
        theirs: PathBuf,
        spool: PathBuf,
    },
    /// Nobody holds this spool's lock.
    NoSpoolWatcher { spool: PathBuf },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::NoLiveDaemon { db } => write!(
                f,
                "no live intake daemon writes to database {} (start `gridwatch intake` with this database)",
                db.display()
            ),
            Warning::Stopped { pid, db, at } => write!(
                f,
                "the intake daemon (pid {pid}) writing to database {} stopped at {}; start `gridwatch intake` again",
                db.display(),
                at.format("%Y-%m-%d %H:%M:%S UTC")
            ),
            Warning::OtherDatabase { pid, theirs, db } => write!(
                f,
                "the live intake daemon (pid {pid}) writes to database {}, not to {}",
                theirs.display(),
                db.display()
            ),
            Warning::OtherSpool { pid, theirs, spool } => write!(
                f,
                "the live intake daemon (pid {pid}) watches spool {}, not {}: files delivered here wait for another daemon",
                theirs.display(),
                spool.display()
            ),
            Warning::NoSpoolWatcher { spool } => write!(
                f,
                "no intake daemon watches spool {} (files there wait for `gridwatch intake`, or run `gridwatch intake --once`)",
                spool.display()
            ),
        }
    }
}

/// One warning per problem; empty when a live daemon uses both files.
pub fn warnings(s: &Seen<'_>) -> Vec<Warning> {
    let mut out = Vec::new();
    let db = s.db.to_path_buf();
    match state(s.heartbeat, s.now, s.stale_after, s.db) {
        DaemonState::Never | DaemonState::Stale { .. } => out.push(Warning::NoLiveDaemon { db }),
        DaemonState::Stopped { pid, at } => out.push(Warning::Stopped { pid, db, at }),
        DaemonState::Elsewhere { pid, db: theirs } => {
            out.push(Warning::OtherDatabase { pid, theirs, db })
        }
        DaemonState::Live { pid, .. } => {
            let theirs = s
                .heartbeat
                .and_then(|h| h.spool_dir.as_deref())
                .map(PathBuf::from);
            if let Some(theirs) = theirs.filter(|t| !same(t, s.spool)) {
                out.push(Warning::OtherSpool {
                    pid,
                    theirs,
                    spool: s.spool.to_path_buf(),
                });
            }
        }
    }
    if s.spool_holder.is_none() {
        out.push(Warning::NoSpoolWatcher {
            spool: s.spool.to_path_buf(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beat(at: &str, db: &str, spool: &str) -> Heartbeat {
        let at: DateTime<Utc> = at.parse().unwrap();
        Heartbeat {
            component: "intake".into(),
            pid: 42,
            host: "duty".into(),
            at,
            started_at: at,
            db_path: Some(db.into()),
            spool_dir: Some(spool.into()),
            stopped_at: None,
        }
    }

    #[test]
    fn each_mismatch_is_named() {
        let now: DateTime<Utc> = "2026-11-30T10:00:00Z".parse().unwrap();
        let (db, spool) = (Path::new("/srv/gw.db"), Path::new("/srv/spool"));
        fn seen<'a>(
            h: Option<&'a Heartbeat>,
            holder: Option<&str>,
            now: DateTime<Utc>,
            db: &'a Path,
            spool: &'a Path,
        ) -> Seen<'a> {
            Seen {
                heartbeat: h,
                now,
                stale_after: chrono::Duration::seconds(30),
                spool_holder: holder.map(String::from),
                db,
                spool,
            }
        }
        let warnings = |s: &Seen<'_>| -> Vec<String> {
            super::warnings(s).iter().map(ToString::to_string).collect()
        };
        let seen = |h, holder| seen(h, holder, now, db, spool);
        let good = beat("2026-11-30T09:59:55Z", "/srv/gw.db", "/srv/spool");
        assert!(warnings(&seen(Some(&good), Some("pid 42"))).is_empty());
        let old = beat("2026-11-30T09:50:00Z", "/srv/gw.db", "/srv/spool");
        let w = warnings(&seen(Some(&old), None));
        assert_eq!(w.len(), 2);
        assert!(w[0].starts_with("no live intake daemon writes to database /srv/gw.db"));
        assert!(w[1].starts_with("no intake daemon watches spool /srv/spool"));
        let elsewhere = beat("2026-11-30T09:59:55Z", "/srv/gw.db", "/home/duty/spool");
        let w = warnings(&seen(Some(&elsewhere), None));
        assert!(
            w[0].contains("watches spool /home/duty/spool, not /srv/spool"),
            "{w:?}"
        );
        let other_db = beat("2026-11-30T09:59:55Z", "/old/gw.db", "/srv/spool");
        let w = warnings(&seen(Some(&other_db), Some("pid 42")));
        assert_eq!(
            w,
            ["the live intake daemon (pid 42) writes to database /old/gw.db, not to /srv/gw.db"]
        );
        assert_eq!(warnings(&seen(None, Some("pid 42"))).len(), 1);
        let mut stopped = beat("2026-11-30T09:59:55Z", "/srv/gw.db", "/srv/spool");
        stopped.stopped_at = Some("2026-11-30T09:59:58Z".parse().unwrap());
        let w = warnings(&seen(Some(&stopped), None));
        assert!(
            w[0].contains(
                "(pid 42) writing to database /srv/gw.db stopped at 2026-11-30 09:59:58 UTC"
            ),
            "{w:?}"
        );
        assert_eq!(
            state(Some(&stopped), now, chrono::Duration::seconds(30), db),
            DaemonState::Stopped {
                pid: 42,
                at: "2026-11-30T09:59:58Z".parse().unwrap()
            }
        );
        // A beat after a stop is a new start.
        stopped.at = "2026-11-30T09:59:59Z".parse().unwrap();
        assert!(state(Some(&stopped), now, chrono::Duration::seconds(30), db).is_live());
    }
}
