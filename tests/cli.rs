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
            "gridwatch: complaint 1: cannot resolve: complaint is received (no arrival logged yet; log the arrival or reject it)",
        ),
        (
            &["arrive", "1", "--officer", "O017", "--at", "09:15"],
            "gridwatch: complaint 1: arrival backdated by 15 min needs a note (--note) saying why",
        ),
        (
            &["arrive", "1", "--officer", "O017", "--at", "9 o'clock"],
            "gridwatch: --at '9 o'clock' is neither RFC 3339 nor HH:MM",
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
        "gridwatch: complaint 1: cannot log an arrival: complaint is on_scene (an arrival is already logged)"
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
            "gridwatch: database {}/gridwatch.db is not initialised (schema version 0); run `gridwatch init`",
            dir.display()
        )
    );
    room.write("config/officers.toml", "[[officer]]\nid = \"O1\"\n");
    let err = room.fails(1, &["list"]);
    assert!(
        one_line(&err).starts_with("gridwatch: broken configuration: ")
            && err.contains("officers.toml:1:")
            && err.contains("`gridwatch check-config`"),
        "{err}"
    );
    let err = room.fails(2, &["--now", "yesterday", "list"]);
    assert!(err.contains("'yesterday' is not an RFC 3339 time"), "{err}");
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
    assert!(String::from_utf8_lossy(&out.stdout).contains("(embedded demo county)"));
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
        text.contains("临江市本级") && text.contains("day 11-30"),
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
    assert_eq!(grid("C00")["primary"], "O006");
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
