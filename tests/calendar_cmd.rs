//! The holiday calendar must never run out silently: `calendar import` and
//! `calendar show`, the warning from 60 days before a year without a
//! calendar starts (status, check-config, the daemon's log, the header), and
//! a running daemon and console taking up an imported year without a
//! restart. Every clock is fixed with `--now`.

use std::time::Duration;

mod common;
use common::daemon::{post, start_with};
use common::pty::Pty;
use common::{Room, wait_for};
use gridwatch::config::{Config, ConfigSource};

/// The 2027 arrangement as a duty room would get it: extra columns, a BOM.
const Y2027: &str = "\u{feff}date,weekday,kind,holiday_name,source_paper\n\
    2027-01-01,Fri,holiday,元旦,https://example.gov.cn/2027\n\
    2027-01-02,Sat,holiday,元旦,https://example.gov.cn/2027\n\
    2027-01-03,Sun,holiday,元旦,https://example.gov.cn/2027\n\
    2027-02-06,Sat,makeup_work,春节,https://example.gov.cn/2027\n\
    2027-02-07,Sun,off,春节,https://example.gov.cn/2027\n";

fn calendar_files(room: &Room) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(room.path("config/calendar"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn import_checks_the_file_writes_each_year_and_says_which() {
    let room = Room::new();
    let csv = room.write("cn-2027.csv", Y2027);
    let out = room.ok(&["calendar", "import", csv.to_str().unwrap()]);
    let dir = room.path("config/calendar").canonicalize().unwrap();
    assert!(
        out.contains(&format!(
            "wrote {}/cn-2027.toml: 2027, 4 days off, 1 make-up working day",
            dir.display()
        )),
        "{out}"
    );
    assert!(out.contains("without a restart"), "{out}");
    assert_eq!(
        calendar_files(&room),
        ["cn-2025.toml", "cn-2026.toml", "cn-2027.toml"],
        "no temporary file left"
    );
    let config = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    assert_eq!(config.calendar.years(), [2025, 2026, 2027]);
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert!(config.calendar.day(day("2027-02-06")).kind.is_working());
    assert!(!config.calendar.day(day("2027-01-01")).kind.is_working());
    let shown = room.ok(&["calendar", "show", "2027"]);
    assert!(shown.starts_with("holiday calendar 2027 ("), "{shown}");
    assert!(
        shown.contains("2027-02-06  Sat  make-up working day  春节"),
        "{shown}"
    );
    assert!(
        shown.contains("4 days off, 1 make-up working day"),
        "{shown}"
    );
    // The published arrangement of 2025 and 2026 as CSV gives the shipped files' rules.
    let shipped = Config::load(ConfigSource::Dir(common::repo().join("config"))).unwrap();
    let csv = common::repo().join("tests/data/cn-holidays-2025-2026.csv");
    let out = room.ok(&["calendar", "import", csv.to_str().unwrap()]);
    assert!(
        out.contains("cn-2025.toml: 2025") && out.contains("(it replaces the earlier file)"),
        "{out}"
    );
    let again = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    for y in [2025, 2026] {
        assert_eq!(again.calendar.year(y), shipped.calendar.year(y), "{y}");
    }
}

#[test]
fn a_bad_file_names_each_line_and_writes_nothing() {
    let room = Room::new();
    let before: Vec<Vec<u8>> = calendar_files(&room)
        .iter()
        .map(|f| std::fs::read(room.path(&format!("config/calendar/{f}"))).unwrap())
        .collect();
    let csv = room.write(
        "bad.csv",
        "date,kind\n2027-01-01,holiday\n2027-02-30,holiday\n2027-03-01,festival\n2027-01-01,work\n2026-10-01,off\n",
    );
    let err = room.fails(1, &["calendar", "import", csv.to_str().unwrap()]);
    let shown = csv.display().to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{shown}:3: '2027-02-30' is not a date like 2027-01-01"),
            format!("{shown}:4: kind 'festival' is not holiday, off, work or makeup_work"),
            format!(
                "{shown}:5: 2027-01-01 is listed as a holiday on line 2 and as a make-up working day here: which is it?"
            ),
            format!("3 errors in {shown}; nothing was written"),
        ]
    );
    let after: Vec<Vec<u8>> = calendar_files(&room)
        .iter()
        .map(|f| std::fs::read(room.path(&format!("config/calendar/{f}"))).unwrap())
        .collect();
    assert_eq!(before, after, "2026 untouched, no 2027");
    let missing = room.fails(1, &["calendar", "import", "nosuch.csv"]);
    assert!(missing.contains("cannot read nosuch.csv"), "{missing}");
}

#[test]
fn the_embedded_county_is_not_written_to() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("y.csv");
    std::fs::write(&csv, Y2027).unwrap();
    let out = std::process::Command::new(common::BIN)
        .current_dir(dir.path())
        .env_remove("GRIDWATCH_CONFIG")
        .args(["calendar", "import", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the embedded demo county's calendar cannot be changed")
            && err.contains("--config DIR"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn a_missing_next_year_is_a_warning_from_60_days_before() {
    let room = Room::new();
    let at = |t: &str| format!("--now={t}");
    let quiet = room.run(&[&at("2026-11-01T10:00:00+08:00"), "check-config", "--strict"]);
    assert!(quiet.status.success(), "61 days before: no warning");
    assert!(String::from_utf8_lossy(&quiet.stderr).is_empty());
    let early = at("2026-11-02T10:00:00+08:00");
    let out = room.run(&[&early, "check-config"]);
    assert!(
        out.status.success(),
        "a warning never stops the daemon's start"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: no holiday calendar for 2027 yet: from 1 January, 60 days from now, Mon-Fri would be assumed"),
        "{err}"
    );
    let strict = room.fails(1, &[&early, "check-config", "--strict"]);
    assert!(
        strict.contains("1 warning, and --strict fails on warnings"),
        "{strict}"
    );
    let status = room.ok(&[&at("2026-12-31T10:00:00+08:00"), "status"]);
    assert!(
        status.contains(
            "WARNING    no holiday calendar for 2027 yet: from 1 January, 1 day from now"
        ),
        "{status}"
    );
    let csv = room.write("y.csv", Y2027);
    room.ok(&["calendar", "import", csv.to_str().unwrap()]);
    let status = room.ok(&[&at("2026-12-31T10:00:00+08:00"), "status"]);
    assert!(!status.contains("calendar for 2027"), "{status}");
    room.ok(&[&early, "check-config", "--strict"]);
}

/// The daemon says in its log (stamped in local time) that the calendar
/// is missing, and a calendar imported while it runs decides the next
/// complaint's regime.
#[test]
fn a_running_daemon_takes_up_an_imported_calendar() {
    let room = Room::new();
    let d = start_with(&room, |c| {
        c.arg("--now=2027-01-01T10:00:00+08:00");
    });
    // The calendar job may speak before the daemon says where it listens.
    let mut seen = d.before.clone();
    let saw = |what: &str, seen: &mut Vec<String>| {
        wait_for(what, Duration::from_secs(20), || {
            seen.extend(d.lines.try_iter());
            seen.iter().any(|l| l.contains(what))
        });
        seen.iter().find(|l| l.contains(what)).cloned().unwrap()
    };
    let line = saw(
        "no holiday calendar for 2027: Mon-Fri is assumed now",
        &mut seen,
    );
    let stamp = line.split_whitespace().next().unwrap();
    assert!(
        stamp.ends_with("+08:00") && chrono::DateTime::parse_from_rfc3339(stamp).is_ok(),
        "log times are local, like everything else: {line}"
    );
    let regime = |ext: &str| {
        let (st, body) = post(d.addr, ext).unwrap();
        assert_eq!(st, 201, "{body}");
        let id: serde_json::Value = serde_json::from_str(&body).unwrap();
        let id = id[0]["service_request_id"].as_str().unwrap().to_string();
        let c = room.json(&["show", &id, "--json"]);
        (c["regime"].clone(), c["regime_reason"].clone())
    };
    let (before, why) = regime("BEFORE");
    assert_eq!(before, "workday_day", "{why}");
    assert!(
        why.as_str().unwrap().contains("no calendar for 2027"),
        "{why}"
    );
    let csv = room.write("y.csv", Y2027);
    room.ok(&["calendar", "import", csv.to_str().unwrap()]);
    saw("calendar files changed", &mut seen);
    let (after, why) = regime("AFTER");
    assert_eq!(after, "off_hours", "{why}");
    assert!(why.as_str().unwrap().contains("holiday (元旦)"), "{why}");
    d.stop();
}

/// The header says next year's calendar is missing; an import while the
/// console runs clears it.
#[test]
fn the_header_warns_until_the_calendar_is_imported() {
    let room = Room::new();
    let mut pty = Pty::spawn(&room, &["--now=2026-12-20T10:00:00+08:00", "tui"], 160, 40);
    pty.wait_text("NO 2027 CALENDAR", Duration::from_secs(20));
    let csv = room.write("y.csv", Y2027);
    room.ok(&["calendar", "import", csv.to_str().unwrap()]);
    wait_for(
        "the header to take up 2027",
        Duration::from_secs(20),
        || !pty.text().contains("NO 2027 CALENDAR"),
    );
    pty.keys("q");
    pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
    pty.keys("y");
    let _ = pty.child.wait();
}

/// A broken calendar file costs its year, not the duty room: every command
/// goes on (saying which file and line, and that the year falls back to
/// Mon–Fri), a complaint is still taken in and escalated; `check-config`
/// still fails on it (an attacker's finding: one bad file stopped `submit`
/// and `escalate`).
#[test]
fn a_broken_calendar_file_costs_its_year_not_every_command() {
    let room = Room::new();
    room.ok(&["init"]);
    room.write(
        "config/calendar/cn-2026.toml",
        "year = 2026\n[[holiday]\nname = \"broken",
    );
    let p = room.write("c.json", common::complaint("B-1").to_string());
    let out = room.run(&["submit", p.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cn-2026.toml:2") && err.contains("falls back to Mon–Fri"),
        "{err}"
    );
    room.ok(&["--now=2026-11-30T09:30:00+08:00", "intake", "--once"]);
    let listed = room.json(&["list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert!(
        listed[0]["regime_reason"]
            .as_str()
            .unwrap()
            .contains("no calendar for 2026"),
        "{listed}"
    );
    room.ok(&[
        "escalate",
        "1",
        "--reason",
        "the calendar is broken, we are not",
    ]);
    let err = room.fails(1, &["check-config"]);
    assert!(err.contains("cn-2026.toml:2"), "{err}");
}

/// What an attacker fed `calendar import`: a GBK file (Excel's default), a
/// pipe, a file too big, a year 9999 — each refused with exit 1 and a
/// reason, nothing written; a million bad lines are told in a screenful.
#[test]
fn import_refuses_what_is_not_a_holiday_csv() {
    let room = Room::new();
    let written = || {
        std::fs::read_dir(room.path("config/calendar"))
            .unwrap()
            .count()
    };
    let before = written();
    // 春节 in GBK.
    let gbk = room.write(
        "gbk.csv",
        b"date,kind,name\n2030-02-03,holiday,\xb4\xba\xbd\xda\n",
    );
    let err = room.fails(1, &["calendar", "import", gbk.to_str().unwrap()]);
    assert!(
        err.contains("not UTF-8") && err.contains("CSV UTF-8"),
        "{err}"
    );
    let far = room.write(
        "far.csv",
        "date,kind\n9999-12-31,holiday\n0001-01-01,holiday\n",
    );
    let err = room.fails(1, &["calendar", "import", far.to_str().unwrap()]);
    assert!(
        err.contains("far.csv:2") && err.contains("outside the years 2000–2100"),
        "{err}"
    );
    let big = room.write("big.csv", "x".repeat(2 << 20));
    let err = room.fails(1, &["calendar", "import", big.to_str().unwrap()]);
    assert!(err.contains("at most 1048576"), "{err}");
    let fifo = room.path("fifo.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let err = room.fails(1, &["calendar", "import", fifo.to_str().unwrap()]);
    assert!(err.contains("not a regular file"), "{err}");
    let many: String = std::iter::once("date,kind\n".to_string())
        .chain((0..5000).map(|_| "2030-01-01,nope\n".to_string()))
        .collect();
    let many = room.write("many.csv", many);
    let err = room.fails(1, &["calendar", "import", many.to_str().unwrap()]);
    assert!(err.lines().count() < 30, "{} lines", err.lines().count());
    assert!(err.contains("… and 4980 more"), "{err}");
    assert_eq!(written(), before, "nothing written");
}

/// An import that fails part-way (one year written, the next not) is a
/// failure part-way: exit 2, naming the file it could not write.
#[test]
fn an_import_that_fails_part_way_exits_2() {
    let room = Room::new();
    // A directory where the second year's file must go: its rename fails.
    std::fs::create_dir(room.path("config/calendar/cn-2035.toml")).unwrap();
    let csv = room.write(
        "two.csv",
        "date,kind\n2034-01-02,holiday\n2035-01-01,holiday\n",
    );
    let err = room.fails(2, &["calendar", "import", csv.to_str().unwrap()]);
    assert!(err.contains("cn-2035.toml"), "{err}");
    assert!(room.path("config/calendar/cn-2034.toml").is_file());
}
