//! Does a live intake daemon work on the files this command uses? Relative
//! paths in `gridwatch.toml` resolve against each process's working
//! directory, so a `submit` or a console started elsewhere can use another
//! spool or database than the daemon: say so, never silently.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::store::Heartbeat;

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

/// One line per problem; empty when a live daemon uses both files.
pub fn warnings(s: &Seen<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let live = s.heartbeat.filter(|h| s.now - h.at <= s.stale_after);
    match live {
        None => out.push(format!(
            "no live intake daemon writes to database {} (start `gridwatch intake` with this database)",
            s.db.display()
        )),
        Some(h) => {
            if let Some(theirs) = h.db_path.as_deref().map(PathBuf::from) {
                if !same(&theirs, s.db) {
                    out.push(format!(
                        "the live intake daemon (pid {}) writes to database {}, not to {}",
                        h.pid,
                        theirs.display(),
                        s.db.display()
                    ));
                }
            }
            if let Some(theirs) = h.spool_dir.as_deref().map(PathBuf::from) {
                if !same(&theirs, s.spool) {
                    out.push(format!(
                        "the live intake daemon (pid {}) watches spool {}, not {}: files delivered here wait for another daemon",
                        h.pid,
                        theirs.display(),
                        s.spool.display()
                    ));
                }
            }
        }
    }
    if s.spool_holder.is_none() {
        out.push(format!(
            "no intake daemon watches spool {} (files there wait for `gridwatch intake`, or run `gridwatch intake --once`)",
            s.spool.display()
        ));
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
    }
}
