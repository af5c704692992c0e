//! Spool intake through the real binary on real files: what is accepted, what
//! is quarantined with which reason, and that nothing is lost or doubled.

use serde_json::json;

mod common;
use common::{NOW, Room, complaint};

fn reason(room: &Room, name_part: &str) -> String {
    let bad = room.spool("bad");
    let file = bad
        .iter()
        .find(|n| n.contains(name_part) && n.ends_with(".reason"))
        .unwrap_or_else(|| panic!("no reason file for {name_part} in {bad:?}"));
    std::fs::read_to_string(room.path("spool/bad").join(file)).unwrap()
}

#[test]
fn sample_file_becomes_a_listed_complaint_with_regime_deadline_and_reason() {
    let room = Room::new();
    let sample = room.write("sample.json", complaint("12369-2026-0001234").to_string());
    room.ok(&["submit", sample.to_str().unwrap()]);
    assert_eq!(room.spool("new").len(), 1);
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("1 file ingested (1 new complaint, 0 duplicates)"),
        "{out}"
    );
    assert!(room.spool("new").is_empty());
    assert_eq!(room.spool("cur").len(), 1);
    let table = room.ok(&[NOW, "list"]);
    assert!(table.contains("working hours"), "{table}");
    assert!(table.contains("09:42"), "deadline column: {table}");
    assert!(table.contains("12:00"), "12 minutes left at 09:30: {table}");
    assert!(
        table.contains("received Mon 30 Nov 09:12, working day, 30 min"),
        "{table}"
    );
    let list = room.json(&[NOW, "list", "--json"]);
    let c = &list[0];
    assert_eq!(c["regime"], "workday_day");
    assert_eq!(c["deadline_at"], "2026-11-30T09:42:00+08:00");
    assert_eq!(c["remaining_seconds"], 720);
    assert_eq!(
        c["grid"], "T03-V01-G01",
        "resolved through enterprise E0102"
    );
    assert_eq!(c["status"], "received");
    for key in [
        "id",
        "source",
        "external_ref",
        "received_at",
        "regime_reason",
        "category",
        "enterprise",
        "repeat_of",
        "arrived_at",
        "arrived_by",
    ] {
        assert!(c.get(key).is_some(), "list --json lacks {key}");
    }
}

#[test]
fn bad_files_are_quarantined_with_their_reason_and_good_ones_beside_them_ingested() {
    let room = Room::new();
    let mut no_category = complaint("A2");
    no_category.as_object_mut().unwrap().remove("category");
    let mut unknown_category = complaint("A3");
    unknown_category["category"] = json!("smell");
    let mut no_offset = complaint("A4");
    no_offset["received_at"] = json!("2026-11-30T09:12:00");
    let mut too_long = complaint("A5");
    too_long["description"] = json!("臭".repeat(4001));
    let mut controls = complaint("A6");
    controls["description"] = json!("\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{202E}黑烟");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("good.json", complaint("A1").to_string().into_bytes()),
        ("malformed.json", b"{\"source\": \"hotline\",".to_vec()),
        (
            "latin1.json",
            b"{\"source\": \"hotline\", \"description\": \"caf\xe9\"}".to_vec(),
        ),
        ("no-category.json", no_category.to_string().into_bytes()),
        (
            "unknown-category.json",
            unknown_category.to_string().into_bytes(),
        ),
        ("no-offset.json", no_offset.to_string().into_bytes()),
        ("too-long.json", too_long.to_string().into_bytes()),
        ("controls.json", controls.to_string().into_bytes()),
        (
            "bad-line.jsonl",
            format!("{}\n{}\nnot json\n", complaint("L1"), complaint("L2")).into_bytes(),
        ),
    ];
    for (name, bytes) in &cases {
        let p = room.write(name, bytes);
        room.deliver(&[&p]);
    }
    let out = room.run(&[NOW, "intake", "--once"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "2 files ingested (2 new complaints, 0 duplicates), 0 already ingested, 7 quarantined"
        ),
        "{stdout}"
    );
    let expectations = [
        (
            "malformed.json",
            "malformed JSON: EOF while parsing a value at line 1 column 21",
        ),
        ("latin1.json", "not valid UTF-8 (line 1, column 42)"),
        ("no-category.json", "missing field `category`"),
        (
            "unknown-category.json",
            "unknown category 'smell' (one of air|water|noise|solid_waste|radiation|ecology|other)",
        ),
        (
            "no-offset.json",
            "`received_at` '2026-11-30T09:12:00' has no UTC offset; write it like 2026-11-30T09:12:00+08:00",
        ),
        (
            "too-long.json",
            "`description` is 4001 characters, over the limit of 4000",
        ),
        (
            "bad-line.jsonl",
            "line 3: malformed JSON: expected ident at line 1 column 2",
        ),
    ];
    for (name, want) in expectations {
        assert_eq!(reason(&room, name).trim_end(), want, "{name}");
        assert!(
            room.spool("bad").iter().any(|n| n.ends_with(name)),
            "{name} kept in bad/"
        );
    }
    assert!(room.spool("new").is_empty());
    // The accepted one with control characters is stored exactly as received.
    let list = room.json(&[NOW, "list", "--json"]);
    let refs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["external_ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs.len(), 2);
    assert!(refs.contains(&"A1") && refs.contains(&"A6"), "{refs:?}");
    let a6 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["external_ref"] == "A6")
        .unwrap();
    assert_eq!(
        a6["description"],
        "\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{202E}黑烟"
    );
    // ...and the table shows it inert: no ESC reaches the terminal.
    let shown = room.ok(&[NOW, "show", &a6["id"].to_string()]);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{202E}') && !shown.contains('\r'),
        "{shown:?}"
    );
    // status counts the rejected files
    let status = room.json(&[NOW, "status", "--json"]);
    assert_eq!(status["counts"]["files_rejected"], 7);
    assert_eq!(status["spool"]["bad"], 7);
}

#[test]
fn a_50_mb_json_file_is_refused_but_a_50_mb_jsonl_file_is_streamed_in() {
    let room = Room::new();
    // ~60 KB records: unknown fields are kept, so a record can be large.
    let mut big = complaint("X");
    big["attachment_b64"] = json!("A".repeat(60_000));
    let mut jsonl = String::new();
    let mut n = 0;
    while jsonl.len() < 50 * 1024 * 1024 {
        big["external_ref"] = json!(format!("BULK-{n}"));
        jsonl.push_str(&big.to_string());
        jsonl.push('\n');
        n += 1;
    }
    let array = format!("[{}]", jsonl.trim_end().replace('\n', ","));
    let p1 = room.write("huge.json", &array);
    let p2 = room.write("huge.jsonl", &jsonl);
    room.deliver(&[&p1, &p2]);
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains(&format!("1 file ingested ({n} new complaints")),
        "{out}"
    );
    assert_eq!(
        reason(&room, "huge.json").trim_end(),
        format!(
            "file is {:.1} MiB, over the 16 MiB limit for .json files; split it or deliver it as .jsonl",
            array.len() as f64 / 1048576.0
        )
    );
    let status = room.json(&[NOW, "status", "--json"]);
    assert_eq!(status["counts"]["total"], n);
}

#[test]
fn a_record_over_the_size_limit_is_refused() {
    let room = Room::new();
    let mut big = complaint("X");
    big["attachment_b64"] = json!("A".repeat(70_000));
    let p = room.write("one-big.jsonl", format!("{}\n", big));
    room.deliver(&[&p]);
    room.ok(&[NOW, "intake", "--once"]);
    assert!(
        reason(&room, "one-big.jsonl").starts_with("line 1: over the record limit of 65536 bytes")
    );
}

#[test]
fn the_same_file_twice_and_the_same_record_in_another_file_make_one_row_each() {
    let room = Room::new();
    let p = room.write("dup.json", complaint("D1").to_string());
    room.ok(&["submit", p.to_str().unwrap(), p.to_str().unwrap()]);
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("1 file ingested (1 new complaint, 0 duplicates), 1 already ingested"),
        "{out}"
    );
    // Same (source, external_ref), different bytes: a duplicate, not a new row.
    let mut again = complaint("D1");
    again["description"] = json!("resent by the hotline with other wording");
    let p = room.write("dup2.json", again.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("1 file ingested (0 new complaints, 1 duplicate)"),
        "{out}"
    );
    // Records without external_ref get one from the file's hash and line:
    // reading that file again still adds nothing.
    let mut anon = complaint("ignored");
    anon.as_object_mut().unwrap().remove("external_ref");
    let lines = format!("{anon}\n{anon}\n");
    let p = room.write("noref.jsonl", &lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let list = room.json(&[NOW, "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 3, "D1 + two distinct lines");
    assert_eq!(room.spool("cur").len(), 5);
}

#[test]
fn killed_between_commit_and_rename_then_restarted_gives_one_row() {
    let room = Room::new();
    let p = room.write("crash.json", complaint("K1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    let out = room
        .cmd(&[NOW, "intake", "--once"])
        .env("GRIDWATCH_FAILPOINT", "after-commit")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the failpoint kills the process");
    assert_eq!(
        room.spool("new").len(),
        1,
        "the file is still in new/ after the crash"
    );
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("0 files ingested (0 new complaints, 0 duplicates), 1 already ingested"),
        "{out}"
    );
    assert!(room.spool("new").is_empty());
    let list = room.json(&[NOW, "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn arrays_and_large_jsonl_files_in_batches() {
    let room = Room::new();
    let arr = json!([complaint("R1"), complaint("R2"), complaint("R3")]);
    let p1 = room.write("three.json", arr.to_string());
    let lines: String = (0..2500)
        .map(|i| format!("{}\n", complaint(&format!("J{i}"))))
        .collect();
    let p2 = room.write("many.jsonl", lines);
    room.ok(&["submit", p1.to_str().unwrap(), p2.to_str().unwrap()]);
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("2 files ingested (2503 new complaints, 0 duplicates)"),
        "{out}"
    );
    // A bad record late in a big file rolls the whole file back.
    let mut lines: String = (0..2500)
        .map(|i| format!("{}\n", complaint(&format!("Z{i}"))))
        .collect();
    lines.push_str("{\"source\":\"hotline\"}\n");
    let p3 = room.write("late-error.jsonl", lines);
    room.deliver(&[&p3]);
    room.ok(&[NOW, "intake", "--once"]);
    assert!(reason(&room, "late-error.jsonl").starts_with("line 2501: missing field `category`"));
    let status = room.json(&[NOW, "status", "--json"]);
    assert_eq!(
        status["counts"]["total"], 2503,
        "nothing of the refused file was kept"
    );
}

#[test]
fn grids_repeats_and_unassigned_complaints() {
    let room = Room::new();
    let first = complaint("P1");
    let mut second = complaint("P2");
    second["received_at"] = json!("2026-11-30T09:20:00+08:00");
    second["category"] = json!("water");
    let mut by_alias = complaint("P3");
    by_alias.as_object_mut().unwrap().remove("enterprise");
    by_alias["location"] = json!({"address": "石桥镇枫树坳村3组路口"});
    let mut nowhere = complaint("P4");
    nowhere.as_object_mut().unwrap().remove("enterprise");
    nowhere["location"] = json!({"lat": 30.1, "lon": 114.2});
    nowhere["grid"] = json!("T99");
    for (i, c) in [first, second, by_alias, nowhere].iter().enumerate() {
        let p = room.write(&format!("p{i}.json"), c.to_string());
        room.ok(&["submit", p.to_str().unwrap()]);
    }
    room.ok(&[NOW, "intake", "--once"]);
    let list = room.json(&[NOW, "list", "--json"]);
    let by_ref = |r: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["external_ref"] == r)
            .unwrap()
            .clone()
    };
    let p1 = by_ref("P1");
    assert_eq!(
        by_ref("P2")["repeat_of"],
        p1["id"],
        "same enterprise within 30 days"
    );
    assert_eq!(
        by_ref("P3")["grid"],
        "T04-V02",
        "longest alias 枫树坳村 wins over 石桥镇"
    );
    let p4 = by_ref("P4");
    assert_eq!(p4["grid"], serde_json::Value::Null);
    assert_eq!(p4["grid_source"], "unassigned (unknown grid 'T99' given)");
    let table = room.ok(&[NOW, "list"]);
    assert!(table.contains("UNASSIGNED"), "{table}");
}

#[test]
fn the_readme_walkthrough_works_on_the_shipped_example() {
    let room = Room::new();
    let sample = common::repo().join("examples/sample.json");
    room.ok(&["submit", sample.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let table = room.ok(&[NOW, "list"]);
    assert!(
        table.contains("received Mon 30 Nov 09:12, working day, 30 min"),
        "{table}"
    );
    let out = room.ok(&[NOW, "arrive", "1", "--officer", "O017"]);
    assert!(out.contains("12:00 before the deadline"), "{out}");
}

/// Raw names of a spool directory, bytes kept.
fn raw_names(room: &Room, sub: &str) -> Vec<Vec<u8>> {
    use std::os::unix::ffi::OsStringExt;
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(room.path("spool").join(sub))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_vec())
        .collect();
    v.sort();
    v
}

/// Put bytes into `new/` under exactly this name, as a careless writer would.
fn drop_in(room: &Room, name: &[u8], content: &[u8]) {
    use std::os::unix::ffi::OsStrExt;
    let p = room
        .path("spool/new")
        .join(std::ffi::OsStr::from_bytes(name));
    std::fs::write(p, content).unwrap();
}

#[test]
fn a_blank_external_ref_is_absent_and_never_swallows_another_complaint() {
    let room = Room::new();
    let mut a = complaint("");
    a["description"] = json!("黑烟 from the east stack");
    let mut b = complaint("   ");
    b["description"] = json!("污水 into the river, a different complaint");
    let pa = room.write("a.json", a.to_string());
    let pb = room.write("b.json", b.to_string());
    room.ok(&["submit", pa.to_str().unwrap(), pb.to_str().unwrap()]);
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("2 files ingested (2 new complaints, 0 duplicates)"),
        "{out}"
    );
    let refs = room.refs();
    assert_eq!(refs.len(), 2);
    assert!(refs.iter().all(|r| r.starts_with("file:")), "{refs:?}");
    assert_ne!(refs[0], refs[1]);
    // The same file read again is still exactly-once.
    room.ok(&["submit", pa.to_str().unwrap()]);
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(out.contains("1 already ingested"), "{out}");
    assert_eq!(
        room.json(&[NOW, "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn hostile_names_and_fields_reach_the_operator_inert() {
    let room = Room::new();
    drop_in(&room, b"\x1b]0;OWNED\x07 \x1b[2J x.json", b"not json");
    let mut evil = complaint("EVIL-1");
    evil["source"] = json!("\u{1b}]0;OWNED\u{7}");
    drop_in(&room, b"evil-source.json", evil.to_string().as_bytes());
    let out = room.run(&[NOW, "intake", "--once"]);
    assert!(out.status.success());
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !stream.iter().any(|b| *b == 0x1b || *b == 0x07),
            "a raw escape reached the terminal: {}",
            String::from_utf8_lossy(stream)
        );
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("quarantined \\u{1b}]0;OWNED\\u{7} \\u{1b}[2J x.json: malformed JSON"),
        "{err}"
    );
    assert!(
        err.contains("unknown source '\u{FFFD}]0;OWNED\u{FFFD}'"),
        "{err}"
    );
    // The evidence keeps its real name; its reason is plain text.
    assert!(raw_names(&room, "bad").contains(&b"\x1b]0;OWNED\x07 \x1b[2J x.json".to_vec()));
}

#[test]
fn quarantine_keeps_every_file_and_every_reason() {
    let room = Room::new();
    drop_in(&room, b"q.json", b"first, broken");
    room.ok(&[NOW, "intake", "--once"]);
    drop_in(&room, b"q.json", b"second, broken too");
    drop_in(&room, b"q.json.reason", b"a file named like a reason");
    drop_in(&room, b"\xff-bad.json", b"x");
    drop_in(&room, b"\xfe-bad.json", b"y");
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(out.contains("4 quarantined"), "{out}");
    let bad = raw_names(&room, "bad");
    let want: Vec<&[u8]> = vec![
        b"q.json",
        b"q.json.2",
        b"q.json.2.reason",
        b"q.json.reason",
        b"q.json.reason.file",
        b"q.json.reason.file.reason",
        b"\xfe-bad.json",
        b"\xfe-bad.json.reason",
        b"\xff-bad.json",
        b"\xff-bad.json.reason",
    ];
    assert_eq!(bad, want.iter().map(|b| b.to_vec()).collect::<Vec<_>>());
    let read = |n: &str| std::fs::read_to_string(room.path("spool/bad").join(n)).unwrap();
    assert_eq!(read("q.json"), "first, broken");
    assert_eq!(read("q.json.2"), "second, broken too");
    assert_eq!(read("q.json.reason.file"), "a file named like a reason");
    assert!(read("q.json.reason").starts_with("malformed JSON"));
    assert!(read("q.json.reason.file.reason").starts_with("malformed JSON"));
    // Every rejection is in the database under a name that tells them apart.
    let c = rusqlite::Connection::open(room.db()).unwrap();
    let names: Vec<String> = c
        .prepare("SELECT name FROM intake_file WHERE result = 'rejected' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(names.contains(&"\\xff-bad.json".to_string()), "{names:?}");
    assert!(names.contains(&"\\xfe-bad.json".to_string()), "{names:?}");
}

#[test]
fn links_fifos_and_directories_are_quarantined_never_followed() {
    let room = Room::new();
    let real = room.write("elsewhere/real.json", complaint("LINKED").to_string());
    std::os::unix::fs::symlink(&real, room.path("spool/new/link.json")).unwrap();
    std::fs::create_dir(room.path("spool/new/folder.json")).unwrap();
    let fifo = std::ffi::CString::new(
        room.path("spool/new/pipe.json")
            .to_str()
            .unwrap()
            .as_bytes(),
    )
    .unwrap();
    // SAFETY: a valid path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    room.ok(&[
        "submit",
        room.write("good.json", complaint("GOOD").to_string())
            .to_str()
            .unwrap(),
    ]);
    let status = room.json(&[NOW, "status", "--json"]);
    assert_eq!(status["spool"]["new"], 4);
    // Never blocks on the FIFO, never follows the link.
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains(
            "1 file ingested (1 new complaint, 0 duplicates), 0 already ingested, 3 quarantined"
        ),
        "{out}"
    );
    assert!(reason(&room, "link.json").starts_with("a symbolic link to "));
    assert!(reason(&room, "folder.json").starts_with("a directory, not a regular file"));
    assert!(reason(&room, "pipe.json").starts_with("a named pipe (FIFO), not a regular file"));
    let status = room.json(&[NOW, "status", "--json"]);
    assert_eq!(status["spool"]["new"], 0, "nothing is stuck");
    assert_eq!(status["spool"]["bad"], 3);
    assert_eq!(room.refs(), ["GOOD"], "the linked file was not read");
    assert!(real.exists());
}

#[test]
fn implausible_receipt_times_are_refused_with_the_field_named() {
    let room = Room::new();
    for (n, at) in [
        "0000-01-01T00:00:00+08:00",
        "0001-01-01T00:00:00+08:00",
        "1900-01-01T08:00:00+08:00",
        "1999-12-31T23:59:59+08:00",
        "2025-11-29T09:00:00+08:00",
    ]
    .iter()
    .enumerate()
    {
        let mut c = complaint(&format!("OLD-{n}"));
        c["received_at"] = json!(at);
        room.deliver(&[&room.write(&format!("old{n}.json"), c.to_string())]);
    }
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("0 files ingested") && out.contains("5 quarantined"),
        "{out}"
    );
    for n in 0..4 {
        let why = reason(&room, &format!("old{n}.json"));
        assert!(
            why.contains("is before 2000: not a plausible time of receipt"),
            "{why}"
        );
    }
    let why = reason(&room, "old4.json");
    assert!(why.contains("more than 365 days before now"), "{why}");
}

/// A 250-byte name (legal) has no room for `.reason` or `.2` beside it: it
/// must still find a place, and never hold up the files behind it.
#[test]
fn a_name_at_the_length_limit_never_wedges_the_spool() {
    let room = Room::new();
    let long = "A".repeat(250);
    drop_in(&room, long.as_bytes(), b"{bad");
    drop_in(
        &room,
        b"Z-good.json",
        complaint("BEHIND").to_string().as_bytes(),
    );
    let out = room.ok(&[NOW, "intake", "--once"]);
    assert!(
        out.contains("1 file ingested") && out.contains("1 quarantined"),
        "{out}"
    );
    assert!(room.spool("new").is_empty());
    assert_eq!(room.refs(), ["BEHIND"]);
    let why = reason(&room, "AAAA");
    assert!(why.contains("(name shortened; it was AAAA"), "{why}");
    // The same long name again, valid this time, delivered twice.
    for _ in 0..2 {
        drop_in(
            &room,
            long.as_bytes(),
            complaint("LONG").to_string().as_bytes(),
        );
        room.ok(&[NOW, "intake", "--once"]);
    }
    assert!(room.spool("new").is_empty());
    assert_eq!(room.spool("cur").len(), 3);
}

/// `submit` reads a file as intake will before delivering it: a person
/// typing learns at once what is wrong, and nothing is delivered.
#[test]
fn submit_refuses_a_file_intake_would_quarantine() {
    let room = Room::new();
    let good = room.write("good.json", complaint("OK-1").to_string());
    let bad = room.write(
        "bad.jsonl",
        format!("{}\n{{\"source\":\"hotline\"}}\n", complaint("L1")),
    );
    let err = room.fails(
        1,
        &["submit", good.to_str().unwrap(), bad.to_str().unwrap()],
    );
    assert!(
        err.contains(
            "bad.jsonl: not delivered: line 2: missing field `category` (nothing was delivered)"
        ),
        "{err}"
    );
    assert!(room.spool("new").is_empty(), "not even the good one");
    let err = room.fails(1, &["submit", room.path("config").to_str().unwrap()]);
    assert!(
        err.contains("config: not delivered: is a directory"),
        "{err}"
    );
    let err = room.fails(1, &["submit", "\u{1b}[31mnope.json"]);
    assert!(!err.contains('\u{1b}'), "inert: {err:?}");
    room.ok(&["submit", good.to_str().unwrap()]);
    assert_eq!(room.spool("new").len(), 1);
}
