//! The command line as scripts and people use it: exit codes, one-line
//! messages, and the audit record every write leaves.

mod common;
use common::{NOW, Room, complaint};

fn room_with_one() -> Room {
    let room = Room::new();
    let p = room.write("c.json", complaint("C1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room
}

fn one_line(err: &str) -> &str {
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    err.trim_end()
}

#[test]
fn user_errors_exit_1_with_one_line() {
    let room = room_with_one();
    let cases: &[(&[&str], &str)] = &[
        (
            &["arrive", "42", "--officer", "O017"],
            "gridwatch: no complaint with id 42",
        ),
        (
            &["arrive", "1", "--officer", "O999"],
            "gridwatch: unknown officer 'O999'",
        ),
        (
            &["dispatch", "1", "--officer", "nobody"],
            "gridwatch: unknown officer 'nobody'",
        ),
        (
            &["resolve", "1", "--outcome", "rectified"],
            "gridwatch: complaint 1: cannot resolve: complaint is received (no arrival logged yet: log the arrival first, or reject it)",
        ),
        (
            &["arrive", "1", "--officer", "O017", "--at", "09:15"],
            "gridwatch: complaint 1: arrival backdated by 15 min needs a note saying why",
        ),
        (
            &["arrive", "1", "--officer", "O017", "--at", "9 o'clock"],
            "gridwatch: --at '9 o'clock' is not a time like 2026-12-01T09:30:00+08:00, 2026-12-01 09:30 or 09:30 (today)",
        ),
        (&["show", "7"], "gridwatch: no complaint with id 7"),
        (
            &["escalate", "1", "--reason", " "],
            "gridwatch: an escalation needs a reason",
        ),
    ];
    for (args, want) in cases {
        let mut full = vec![NOW];
        full.extend_from_slice(args);
        let err = room.fails(1, &full);
        assert_eq!(one_line(&err), *want, "{args:?}");
    }
    // A second arrival is an illegal transition.
    room.ok(&[NOW, "arrive", "1", "--officer", "O017"]);
    let err = room.fails(1, &[NOW, "arrive", "1", "--officer", "O017"]);
    assert_eq!(
        one_line(&err),
        "gridwatch: complaint 1: cannot log an arrival: complaint is on site (an arrival is already logged)"
    );
}

#[test]
fn every_write_leaves_an_audit_record_marked_with_its_clock() {
    let room = room_with_one();
    room.ok(&[NOW, "dispatch", "1", "--officer", "O017"]);
    room.ok(&[NOW, "escalate", "1", "--reason", "no answer from the field"]);
    let out = room.ok(&[
        NOW,
        "arrive",
        "1",
        "--officer",
        "O017",
        "--at",
        "09:20",
        "--note",
        "radio call at 09:20",
    ]);
    assert!(out.contains("22:00 before the deadline"), "{out}");
    room.ok(&[
        NOW,
        "resolve",
        "1",
        "--outcome",
        "violation-confirmed",
        "--note",
        "ordered to stop",
    ]);
    let show = room.json(&[NOW, "show", "1", "--json"]);
    let actions: Vec<&str> = show["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "intake.file",
            "complaint.dispatched",
            "complaint.escalated",
            "complaint.arrived",
            "complaint.resolved"
        ]
    );
    for a in &show["audit"].as_array().unwrap()[1..] {
        assert_eq!(a["clock"], "fixed", "--now writes are marked: {a}");
        assert_eq!(a["actor"], "tester");
    }
    assert_eq!(show["status"], "closed");
    assert_eq!(show["outcome"], "violation_confirmed");
    assert_eq!(show["arrived_at"], "2026-11-30T09:20:00+08:00");
    assert_eq!(show["arrived_by"], "O017");
    assert_eq!(show["remaining_seconds"], 22 * 60, "frozen at the arrival");
    let arrivals = show["arrivals"].as_array().unwrap();
    assert_eq!(arrivals.len(), 1);
    assert_eq!(arrivals[0]["logged_at"], "2026-11-30T09:30:00+08:00");
    assert_eq!(arrivals[0]["note"], "radio call at 09:20");
    let esc = &show["escalations"][0];
    assert_eq!(esc["stage"], "manual");
    assert_eq!(esc["reason"], "no answer from the field");
    assert_eq!(
        esc["target"], "O018",
        "the parent grid's leader on call by default"
    );
    assert_eq!(show["dispatches"][0]["officer"], "O017");
    assert_eq!(show["reporter"]["phone"], "138****5678");
    // Revealing the phone shows it once and is audited.
    let shown = room.json(&[NOW, "show", "1", "--json", "--reveal-phone"]);
    assert_eq!(shown["reporter"]["phone"], "13812345678");
    let last = shown["audit"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["action"].as_str(), last["actor"].as_str()),
        (Some("complaint.phone_revealed"), Some("tester"))
    );
}

#[test]
fn missing_database_and_broken_config_are_explained() {
    let room = Room::bare();
    let err = room.fails(1, &["list"]);
    // The path is absolute: which file is meant, wherever the message is read.
    let dir = room.dir.path().canonicalize().unwrap();
    assert_eq!(
        one_line(&err),
        format!(
            "gridwatch: no database at {}/gridwatch.db: `gridwatch init` creates one there; if the daemon uses another, run from its working directory or give it with --db (GRIDWATCH_DB)",
            dir.display()
        )
    );
    assert!(!room.db().exists(), "a read does not create the file");
    // An empty file is an empty database, and a read leaves it empty.
    room.write("empty.db", "");
    let err = room.fails(1, &["--db", "empty.db", "list"]);
    assert!(
        err.contains("empty.db is not initialised (schema version 0)"),
        "{err}"
    );
    assert_eq!(std::fs::metadata(room.path("empty.db")).unwrap().len(), 0);
    // A config directory that is not there is named as such.
    let err = room.fails(1, &["--config", "nosuch", "list"]);
    assert!(
        err.contains(&format!(
            "{}/nosuch: no such config directory",
            dir.display()
        )),
        "{err}"
    );
    room.write("config/officers.toml", "[[officer]]\nid = \"O1\"\n");
    let err = room.fails(1, &["list"]);
    assert!(
        one_line(&err).starts_with("gridwatch: broken configuration: ")
            && err.contains("errors in all; `gridwatch check-config` lists them"),
        "{err}"
    );
    // The broken officer and every reference to the officers it lacks.
    let all = room.fails(1, &["check-config"]);
    assert!(
        all.contains("officers.toml:1: missing field `name`")
            && all.contains("roster.toml:")
            && all.contains("is not in officers.toml"),
        "{all}"
    );
    // A mistyped command line is the user's to fix: exit 1, not 2.
    let err = room.fails(1, &["--now", "yesterday", "list"]);
    assert!(err.contains("'yesterday' is not an RFC 3339 time"), "{err}");
    room.fails(1, &["resolve", "1", "--outcome", "fixed"]);
    assert!(room.ok(&["--help"]).contains("Usage: gridwatch"));
}

#[test]
fn without_a_config_directory_the_embedded_demo_county_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(common::BIN)
            .current_dir(dir.path())
            .env_remove("GRIDWATCH_CONFIG")
            .env_remove("GRIDWATCH_DB")
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["check-config"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("config OK (the embedded demo county): 22 grids,"),
        "one pair of brackets: {said}"
    );
    let out = run(&["init"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("gridwatch.db").exists());
    let out = run(&["oncall", "--now", "2026-11-30T09:30:00+08:00"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("临江市本级") && text.contains("day shift of 2026-11-30"),
        "{text}"
    );
}

#[test]
fn oncall_follows_the_roster_and_walks_up_the_tree() {
    let room = Room::new();
    let v = room.json(&["--now=2026-12-01T01:00:00+08:00", "oncall", "--json"]);
    let grid = |id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|g| g["grid"] == id)
            .unwrap()["on_call"]
            .clone()
    };
    // Tue 01:00 is Monday's night shift.
    assert_eq!(grid("C00")["shift"], "night");
    assert_eq!(grid("C00")["shift_date"], "2026-11-30");
    assert_eq!(grid("C00")["primary"]["id"], "O006");
    assert_eq!(grid("T01-V01")["duty_grid"], "T01");
    // The dated override for New Year's Eve night in T03.
    let v = room.json(&["--now=2026-12-31T23:00:00+08:00", "oncall", "--json"]);
    let t03 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["grid"] == "T03")
        .unwrap()["on_call"]
        .clone();
    assert!(
        t03["override_reason"].as_str().unwrap().contains("元旦"),
        "{t03}"
    );
}

#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    let room = room_with_one();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["status"],
        &["show", "1"],
    ] {
        let mut child = room
            .cmd(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the first line is written (`| head -0`).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

/// Run `gridwatch` as an unprivileged user (root passes every permission
/// check, so a read-only file would not be read-only to it).
fn as_nobody(room: &Room, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut c = room.cmd(args);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        c.pre_exec(|| {
            if libc::geteuid() == 0 && (libc::setgid(65534) != 0 || libc::setuid(65534) != 0) {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    c.output().unwrap()
}

fn chmod(p: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn database_troubles_name_the_file_the_cause_and_whose_it_is() {
    let room = room_with_one();
    let dir = room.dir.path().canonicalize().unwrap();
    let err = |out: std::process::Output| {
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim_end().to_string(),
        )
    };
    // Not a database at all.
    room.write("junk.db", "garbage ".repeat(1000));
    let (code, e) = err(room.run(&["--db", "junk.db", "list"]));
    assert_eq!(code, Some(1));
    assert_eq!(
        e,
        format!(
            "gridwatch: {}/junk.db is not a gridwatch database: it is not a SQLite database file (check --db or [database] path)",
            dir.display()
        )
    );
    // A schema version no gridwatch writes: one line, no SQL.
    let c = rusqlite::Connection::open(room.path("neg.db")).unwrap();
    c.execute_batch("PRAGMA user_version = -5; CREATE TABLE t(x);")
        .unwrap();
    drop(c);
    let (code, e) = err(room.run(&["--db", "neg.db", "init"]));
    assert_eq!(code, Some(1));
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.contains("its schema version is -5, which no gridwatch writes"),
        "{e}"
    );
    // Another program's database is not taken over by `init`.
    let c = rusqlite::Connection::open(room.path("other.db")).unwrap();
    c.execute_batch("CREATE TABLE invoices(x);").unwrap();
    drop(c);
    let (code, e) = err(room.run(&["--db", "other.db", "init"]));
    assert_eq!(code, Some(1));
    assert!(
        e.contains("holds tables of another program (invoices)"),
        "{e}"
    );

    // Permissions, as a user who lacks them.
    chmod(room.dir.path(), 0o755);
    chmod(&room.path("config"), 0o755);
    // A database in a directory this user cannot write: even `list` needs
    // to create the -wal and -shm files beside it.
    std::fs::create_dir(room.path("ro")).unwrap();
    room.ok(&["--db", "ro/gw.db", "init"]);
    for f in ["ro/gw.db-wal", "ro/gw.db-shm"] {
        let _ = std::fs::remove_file(room.path(f)); // left by a clean close or not
    }
    chmod(&room.path("ro/gw.db"), 0o666);
    chmod(&room.path("ro"), 0o755);
    let (code, e) = err(as_nobody(&room, &["--db", "ro/gw.db", "list"]));
    assert_eq!(code, Some(1), "{e}");
    assert_eq!(
        e,
        format!(
            "gridwatch: cannot open database {0}/ro/gw.db: the directory {0}/ro is not writable for this user; SQLite (WAL mode) must create gw.db-wal and gw.db-shm beside the database",
            dir.display()
        )
    );
    // A database file this user may read but not write: reading works,
    // writing is refused as the operator's to fix (exit 1), not a crash (2).
    chmod(&room.path("gridwatch.db"), 0o644);
    for f in ["gridwatch.db-wal", "gridwatch.db-shm"] {
        if room.path(f).exists() {
            chmod(&room.path(f), 0o666);
        }
    }
    chmod(room.dir.path(), 0o777);
    let (code, e) = err(as_nobody(&room, &[NOW, "arrive", "1", "--officer", "O017"]));
    assert_eq!(code, Some(1), "{e}");
    assert!(
        e.starts_with(&format!(
            "gridwatch: database {}/gridwatch.db: the file cannot be written",
            dir.display()
        )),
        "{e}"
    );
    chmod(room.dir.path(), 0o755);
}

#[test]
fn status_names_the_files_and_says_when_no_daemon_uses_them() {
    let room = room_with_one();
    let dir = room.dir.path().canonicalize().unwrap();
    let out = room.ok(&["status"]);
    assert!(
        out.contains(&format!(
            "database   {}/gridwatch.db (schema",
            dir.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("spool      {}/spool:", dir.display())),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "WARNING    no live intake daemon writes to database {}/gridwatch.db",
            dir.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "WARNING    no intake daemon watches spool {}/spool",
            dir.display()
        )),
        "{out}"
    );
    // `submit` delivers, and says that nobody will pick the file up.
    let p = room.write("later.json", complaint("LATER").to_string());
    let out = room.run(&["submit", p.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("-> {}/spool/new/", dir.display())),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "warning: no intake daemon watches spool {}/spool",
            dir.display()
        )),
        "{stderr}"
    );
}

/// A command that writes while another process holds the database (a
/// console) leaves nothing of its write only in the `-wal` beside the path:
/// a file renamed over the path would take those frames up as its own.
#[test]
fn a_write_leaves_the_wal_empty_while_another_process_holds_the_database() {
    let room = room_with_one();
    let console = rusqlite::Connection::open(room.db()).unwrap();
    let _: i64 = console
        .query_row("SELECT COUNT(*) FROM complaint", [], |r| r.get(0))
        .unwrap();
    room.ok(&[NOW, "dispatch", "1", "--officer", "O019"]);
    let wal = std::fs::metadata(room.path("gridwatch.db-wal"))
        .unwrap()
        .len();
    assert_eq!(
        wal, 0,
        "the dispatch is in the database file, not beside it"
    );
    drop(console);
}

/// Whatever a person types or names, nothing the command line prints can
/// drive the terminal: no ESC, BEL, C1 control or bidi override, raw.
#[test]
fn every_line_the_command_line_prints_is_inert() {
    let room = Room::new();
    let evil = "ok\u{1b}]0;OWNED\u{7}\u{202e}.json";
    let p = room.write(evil, complaint("EVIL-NAME").to_string());
    let raw = |out: &std::process::Output| {
        let mut all = out.stdout.clone();
        all.extend_from_slice(&out.stderr);
        let text = String::from_utf8_lossy(&all).into_owned();
        assert!(
            !text.chars().any(|c| c == '\u{1b}'
                || c == '\u{7}'
                || ('\u{80}'..='\u{9f}').contains(&c)
                || c == '\u{202e}'),
            "raw control in: {text:?}"
        );
        text
    };
    let text = raw(&room.run(&["submit", p.to_str().unwrap()]));
    assert!(
        text.contains("ok\u{FFFD}]0;OWNED\u{FFFD}.json ->"),
        "{text}"
    );
    raw(&room.run(&["bogus\u{9b}31m"]));
    raw(&room.run(&["show", "\u{9b}1"]));
    raw(&room.run(&["--config", "/tmp/\u{1b}]0;pwn\u{7}", "check-config"]));
    let text = raw(&room
        .cmd(&["status"])
        .env("GRIDWATCH_LOG", "\u{1b}[31m")
        .output()
        .unwrap());
    assert!(text.contains("GRIDWATCH_LOG"), "{text}");
}

/// `--db` takes a path or a `sqlite:` URL naming the same file; another
/// scheme is a usage error that says what this build opens.
#[test]
fn the_database_is_named_by_a_path_or_a_sqlite_url() {
    let room = Room::new();
    let url = format!("sqlite:{}", room.db().display());
    room.ok(&["--db", &url, "init"]);
    let p = room.write("one.json", complaint("URL-1").to_string());
    room.ok(&["--db", &url, "submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "--db", &url, "intake", "--once"]);
    let plain = room.json(&["--db", room.db().to_str().unwrap(), "list", "--json"]);
    assert_eq!(plain.as_array().map(Vec::len), Some(1), "{plain}");
    let e = room.fails(1, &["--db", "postgres://db.example/gw", "list"]);
    assert!(
        e.contains("'postgres:' databases are not supported") && e.contains("sqlite:PATH"),
        "{e}"
    );
}

/// `gridwatch` alone is the dashboard (README, `--help`): without a terminal
/// it says it needs one, as `gridwatch tui` does.
#[test]
fn no_command_is_the_dashboard() {
    let room = Room::new();
    let plain = room.fails(1, &[]);
    let tui = room.fails(1, &["tui"]);
    assert!(plain.contains("the dashboard needs a terminal"), "{plain}");
    assert_eq!(plain, tui);
}

/// The console and `show` write outcomes as `no_violation`; the command line
/// takes that spelling as well as `no-violation`.
#[test]
fn outcomes_are_taken_with_underscores_or_hyphens() {
    let room = Room::new();
    let lines = format!("{}\n{}\n", complaint("OU-1"), complaint("OU-2"));
    let p = room.write("two.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    for (id, spelling) in [("1", "no_violation"), ("2", "violation-confirmed")] {
        room.ok(&[NOW, "arrive", id, "--officer", "O019"]);
        room.ok(&[NOW, "resolve", id, "--outcome", spelling]);
    }
    assert_eq!(
        room.json(&[NOW, "show", "1", "--json"])["outcome"],
        "no_violation"
    );
    assert_eq!(
        room.json(&[NOW, "show", "2", "--json"])["outcome"],
        "violation_confirmed"
    );
}

/// `init` upgrades an older schema and says from which version, but not
/// while an intake daemon holds the spool: the older daemon would fail
/// every write after the upgrade.
#[test]
fn init_upgrades_but_not_under_a_running_daemon() {
    use gridwatch::store::{LATEST_VERSION, SqliteStore};
    let room = Room::bare();
    let mut s = SqliteStore::create_unmigrated(&room.db()).unwrap();
    s.migrate_to(4).unwrap();
    drop(s);
    let lock = gridwatch::intake::lock::SpoolLock::acquire(&room.path("spool")).unwrap();
    let e = room.fails(1, &["init"]);
    assert!(
        e.contains("an intake daemon") && e.contains("stop it before upgrading"),
        "{e}"
    );
    let c = rusqlite::Connection::open(room.db()).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 4, "nothing upgraded");
    drop(c);
    drop(lock);
    let out = room.ok(&["init"]);
    assert!(
        out.contains(&format!(
            "upgraded the schema from version 4 to {LATEST_VERSION}"
        )),
        "{out}"
    );
    let again = room.ok(&["init"]);
    assert!(!again.contains("upgraded"), "{again}");
}

/// A device is no database (exit 1, nothing written beside it); a damaged
/// database is a failure, not the operator's path (exit 2).
#[test]
fn a_device_is_refused_and_damage_is_a_failure() {
    let room = Room::new();
    let e = room.fails(1, &["--db", "/dev/null", "list"]);
    assert!(e.contains("it is not a regular file"), "{e}");
    let damaged = room.path("damaged.db");
    std::fs::copy(room.db(), &damaged).unwrap();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&damaged)
        .unwrap();
    f.set_len(20_000).unwrap();
    drop(f);
    let e = room.fails(2, &["--db", damaged.to_str().unwrap(), "list"]);
    assert!(e.contains("malformed"), "{e}");
}

/// A mistyped command line is the user's to fix: exit 1 with clap's message
/// and its suggestion; asking for help or the version is no failure.
#[test]
fn usage_mistakes_exit_1_with_a_suggestion_and_help_exits_0() {
    let room = Room::new();
    let cases: &[(&[&str], &str)] = &[
        (&["arive", "1"], "a similar subcommand exists: 'arrive'"),
        (
            &["arrive", "1", "--oficer", "O017"],
            "a similar argument exists: '--officer'",
        ),
        (&["show", "abc"], "invalid value 'abc' for '<ID>'"),
        (
            &["show"],
            "the following required arguments were not provided",
        ),
        (&["--lang", "fr", "list"], "[possible values: en, zh]"),
        (
            &["check-config", "--strickt"],
            "a similar argument exists: '--strict'",
        ),
        (&["calendar", "show", "next"], "invalid value 'next'"),
    ];
    for (args, want) in cases {
        let err = room.fails(1, args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    for args in [
        &["--help"][..],
        &["--version"],
        &["arrive", "--help"],
        &["calendar", "--help"],
    ] {
        room.ok(args);
    }
}

/// A bad database location names where it came from: the environment is
/// not `--db`.
#[test]
fn a_bad_gridwatch_db_names_the_variable() {
    let room = Room::new();
    let out = room
        .cmd(&["list"])
        .env("GRIDWATCH_DB", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        one_line(&err),
        "gridwatch: GRIDWATCH_DB '' (from the environment): the database location is empty; give a file path or sqlite:PATH"
    );
    let err = room.fails(1, &["--db", "", "list"]);
    assert!(one_line(&err).starts_with("gridwatch: --db '': "), "{err}");
}

/// `show` puts every value in one column, whatever the longest label and
/// in either language (cells, not bytes).
#[test]
fn show_lines_its_values_up() {
    let room = room_with_one();
    for lang in ["en", "zh"] {
        let out = room.ok(&[NOW, "--lang", lang, "show", "1"]);
        let columns: std::collections::BTreeSet<usize> = out
            .lines()
            .take_while(|l| !l.is_empty())
            .map(|l| {
                let gap = l.find("  ").expect("label and value");
                let start = gap + l[gap..].len() - l[gap..].trim_start().len();
                gridwatch::text::width(&l[..start])
            })
            .collect();
        assert_eq!(columns.len(), 1, "{lang}: {out}");
    }
}

/// `list` is newest received first; `list --open` is the dashboard's duty
/// order: unassigned first, then waiting for an arrival by deadline, then
/// those reached.
#[test]
fn list_orders_are_the_documented_ones() {
    let room = Room::new();
    let at = |r: &str, t: &str| {
        let mut c = complaint(r);
        c["received_at"] = t.into();
        c
    };
    let mut lost = at("UNASSIGNED", "2026-11-30T09:20:00+08:00");
    lost["location"] = serde_json::json!({"address": "nowhere known"});
    lost.as_object_mut().unwrap().remove("enterprise");
    let lines = [
        at("EARLY", "2026-11-30T09:00:00+08:00"),
        at("REACHED", "2026-11-30T08:50:00+08:00"),
        at("LATE", "2026-11-30T09:10:00+08:00"),
        lost,
    ]
    .map(|c| c.to_string())
    .join("\n");
    let p = room.write("four.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let id_of = |r: &str| {
        room.json(&["list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["external_ref"] == r)
            .unwrap()["id"]
            .to_string()
    };
    room.ok(&[NOW, "arrive", &id_of("REACHED"), "--officer", "O017"]);
    let order = |args: &[&str]| -> Vec<String> {
        let mut full = vec![NOW];
        full.extend_from_slice(args);
        room.json(&full)
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["external_ref"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        order(&["list", "--open", "--json"]),
        ["UNASSIGNED", "EARLY", "LATE", "REACHED"]
    );
    assert_eq!(
        order(&["list", "--json"]),
        ["UNASSIGNED", "LATE", "EARLY", "REACHED"]
    );
    let help = room.ok(&["list", "--help"]);
    assert!(
        help.contains("newest received") && help.contains("unassigned first"),
        "{help}"
    );
}

/// `init` makes the spool and says so; it does not make the directory a
/// database path names (a typo must not grow a tree).
#[test]
fn init_says_what_it_creates_and_refuses_a_missing_directory() {
    let room = Room::bare();
    let dir = room.dir.path().canonicalize().unwrap();
    let out = room.ok(&["init"]);
    assert!(
        out.contains(&format!("created {}/spool\n", dir.display()))
            && out.contains(&format!("spool directory {}/spool ready", dir.display())),
        "{out}"
    );
    assert!(!room.ok(&["init"]).contains("created"));
    let err = room.fails(1, &["--db", "typo/gw.db", "init"]);
    assert_eq!(
        one_line(&err),
        format!(
            "gridwatch: directory {0}/typo does not exist: create it first (mkdir -p {0}/typo) or give the database another place with --db; init makes the database file, not the directory it goes in",
            dir.display()
        )
    );
    assert!(!room.path("typo").exists());
}

/// Log lines carry the configured offset, like every other time shown.
#[test]
fn log_lines_are_stamped_in_local_time() {
    let room = Room::new();
    room.write("spool/new/broken.json", "{");
    let out = room
        .cmd(&[NOW, "intake", "--once"])
        .env("GRIDWATCH_LOG", "info")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("WARN"))
        .unwrap_or_else(|| panic!("a log line: {err}"));
    let stamp = line.split_whitespace().next().unwrap();
    assert!(
        stamp.ends_with("+08:00") && chrono::DateTime::parse_from_rfc3339(stamp).is_ok(),
        "{line}"
    );
    let reason = std::fs::read_to_string(room.path("spool/bad/broken.json.reason")).unwrap();
    assert!(
        reason.ends_with('\n') && reason.lines().count() == 1,
        "{reason:?}"
    );
}

/// The English sentences of the command line's part of the string table,
/// cut at their placeholders and at quoted commands (which read the same in
/// both languages); only pieces of two words or more, so data (a shift
/// called `day`, an audit detail `"outcome":"rectified"`) cannot match.
fn english_of_the_command_line() -> Vec<String> {
    use gridwatch::i18n::{Lang, T};
    let mut out = Vec::new();
    for t in T::ALL
        .iter()
        .filter(|t| format!("{t:?}").starts_with("Cli"))
    {
        let mut text = t.get(Lang::En).replace('|', "\u{0}");
        while let (Some(a), Some(b)) = (text.find('{'), text.find('}')) {
            if b < a {
                break;
            }
            text.replace_range(a..=b, "\u{0}");
        }
        for (i, piece) in text.split('`').enumerate() {
            if i % 2 == 1 {
                continue; // a command, the same in Chinese
            }
            for f in piece.split('\u{0}') {
                let f = f.trim_matches(|c: char| c.is_whitespace() || ",.;:()'—-".contains(c));
                if f.split_whitespace().count() >= 2 && f.chars().any(|c| c.is_ascii_alphabetic()) {
                    out.push(f.to_string());
                }
            }
        }
    }
    out
}

/// The main commands, their results and the refusals a duty officer meets,
/// in `lang` on a fresh room: everything they print, stdout and stderr.
fn everything_said_in(lang: &str) -> String {
    let room = Room::bare();
    let mut said = String::new();
    let mut run = |args: &[&str]| {
        let mut full = vec!["--lang", lang, "--now=2026-12-20T09:30:00+08:00"];
        full.extend_from_slice(args);
        let out = room.run(&full);
        said.push_str(&String::from_utf8_lossy(&out.stdout));
        said.push_str(&String::from_utf8_lossy(&out.stderr));
    };
    run(&["init"]);
    run(&["--db", "typo/gw.db", "init"]);
    let mut c = complaint("ZH-1");
    c["received_at"] = "2026-12-20T09:12:00+08:00".into();
    let p = room.write("c.json", c.to_string());
    run(&["submit", p.to_str().unwrap()]);
    run(&["submit", "nosuch.json"]);
    room.write("spool/new/broken.json", "{");
    run(&["intake", "--once"]);
    for args in [
        &["list"][..],
        &["list", "--open"],
        &["show", "1"],
        &["status"],
        &["oncall"],
        &["check-config"],
        &["check-config", "--strict"],
        &["calendar", "show", "2026"],
        &["calendar", "show", "2027"],
        &["show", "42"],
        &["arrive", "1", "--officer", "O999"],
        &["arrive", "1", "--officer", "O017", "--at", "09:15"],
        &["arrive", "1", "--officer", "O017", "--at", "nine"],
        &["resolve", "1", "--outcome", "rectified"],
        &["dispatch", "1", "--officer", "O017"],
        &["escalate", "1", "--reason", " "],
        &["escalate", "1", "--reason", "no answer"],
        &["arrive", "1", "--officer", "O017"],
        &["arrive", "1", "--officer", "O017"],
        &["resolve", "1", "--outcome", "no-violation"],
        &["escalate", "1", "--reason", "too late"],
        &["show", "1"],
        &["list"],
    ] {
        run(args);
    }
    let bad = room.write("bad.csv", "date,kind\n2027-02-30,holiday\n");
    run(&["calendar", "import", bad.to_str().unwrap()]);
    let good = room.write("good.csv", "date,kind,name\n2027-01-01,holiday,元旦\n");
    run(&["calendar", "import", good.to_str().unwrap()]);
    said
}

/// Under `--lang zh` the main commands, their results and the refusals a
/// duty officer meets print none of the command line's English (and in
/// English they do: the test can see it).
#[test]
fn under_lang_zh_the_command_line_prints_no_english_of_its_table() {
    let table = english_of_the_command_line();
    let in_english = everything_said_in("en");
    let seen = table
        .iter()
        .filter(|f| in_english.contains(f.as_str()))
        .count();
    assert!(
        seen >= 40,
        "only {seen} of {} pieces seen in English",
        table.len()
    );
    let said = everything_said_in("zh");
    let english: Vec<&String> = table.iter().filter(|f| said.contains(f.as_str())).collect();
    assert!(
        english.is_empty(),
        "English under --lang zh: {english:?}\n{said}"
    );
    for zh in [
        "举报 1 已办结：未发现违法",
        "没有编号为 42 的举报",
        "已受理",
        "警告",
        "已写入",
    ] {
        assert!(said.contains(zh), "{zh}: {said}");
    }
}
