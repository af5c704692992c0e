//! Outflow-section water quality (#12) on the real binary with the shipped
//! county and a fixed clock: `water add` by class and by parameters,
//! `water import` of good, bad, repeated and conflicting files, month
//! verdicts across a month end, no-data months, JSON, the audit trail, and
//! a broken sections.toml costing only the water figures.

mod common;
use common::Room;

const NOW: &str = "--now=2026-12-01T09:00:00+08:00";

fn write(room: &Room, name: &str, text: &str) -> String {
    let p = room.path(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn section<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
}

#[test]
fn add_by_class_and_by_parameters_and_month_verdicts_across_a_month_end() {
    let room = Room::new();
    // 1 November 00:20 in Shanghai is 31 October in UTC: November's.
    let out = room.ok(&[
        NOW,
        "water",
        "add",
        "S04",
        "--at",
        "2026-11-01 00:20",
        "--param",
        "NH3-N=1.8",
        "--param",
        "COD=25",
        "--param",
        "DO=6.2",
    ]);
    assert!(out.contains("class V (NH3-N); target IV ✖"), "{out}");
    room.ok(&[
        NOW,
        "water",
        "add",
        "S04",
        "--at",
        "2026-10-31 23:50",
        "--class",
        "Ⅲ类",
    ]);
    room.ok(&[
        NOW,
        "water",
        "add",
        "S01",
        "--at",
        "2026-10-15 10:00",
        "--class",
        "II",
    ]);
    // A value exactly at the class III limit is class III.
    let out = room.ok(&[
        NOW,
        "water",
        "add",
        "S01",
        "--at",
        "2026-11-15 10:00",
        "--param",
        "NH3-N=1.0",
    ]);
    assert!(out.contains("class III (NH3-N); target III ✔"), "{out}");

    let v = room.json(&[
        NOW,
        "water",
        "--from",
        "2026-09-01",
        "--to",
        "2026-11-30",
        "--json",
    ]);
    assert_eq!(
        v["months"],
        serde_json::json!(["2026-09", "2026-10", "2026-11"])
    );
    let s4 = section(&v, "S04");
    assert_eq!(s4["target"], "IV");
    assert_eq!(s4["grid"], "T03");
    let m = &s4["months"];
    assert_eq!(
        (m[0]["verdict"].as_str(), m[0]["class"].as_str()),
        (Some("no_data"), None)
    );
    assert_eq!(
        (m[1]["verdict"].as_str(), m[1]["class"].as_str()),
        (Some("pass"), Some("III"))
    );
    assert_eq!(
        (m[2]["verdict"].as_str(), m[2]["class"].as_str()),
        (Some("fail"), Some("V"))
    );
    assert_eq!(m[2]["worst"], "NH3-N");
    assert_eq!(s4["verdict"], "fail");
    let s1 = section(&v, "S01");
    assert_eq!(s1["months"][0]["verdict"], "no_data");
    assert_eq!(s1["verdict"], "incomplete");
    // October and November only: S01 passes both.
    let v = room.json(&[
        NOW,
        "water",
        "--from",
        "2026-10-01",
        "--to",
        "2026-11-30",
        "--json",
    ]);
    assert_eq!(section(&v, "S01")["verdict"], "pass");
    let t03 = v["townships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["grid"] == "T03")
        .unwrap();
    assert_eq!(t03["verdict"], "fail");

    // The table: symbol and word, per month; in Chinese too.
    let text = room.ok(&[NOW, "water", "--from", "2026-10-01", "--to", "2026-11-30"]);
    assert!(
        text.contains("S04 新港出境断面 — 临江, 临江经济开发区; target IV: ✖ fail"),
        "{text}"
    );
    assert!(text.contains("  2026-11  V (NH3-N)  ✖ fail"), "{text}");
    assert!(text.contains("  2026-10  II  ✔ pass"), "{text}");
    assert!(text.contains("  2026-10  —  ○ no data"), "{text}");
    let zh = room.ok(&[
        NOW,
        "--lang",
        "zh",
        "water",
        "--from",
        "2026-10-01",
        "--to",
        "2026-11-30",
    ]);
    assert!(zh.contains("目标 Ⅳ类：✖ 未达标"), "{zh}");
    assert!(zh.contains("2026-11  Ⅴ类 (NH3-N)  ✖ 未达标"), "{zh}");

    // The default period: the three whole months before this one.
    let v = room.json(&[NOW, "water", "--json"]);
    assert_eq!(v["from"], "2026-09-01");
    assert_eq!(v["to"], "2026-11-30");
}

#[test]
fn wrong_additions_are_refused_with_what_to_fix() {
    let room = Room::new();
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S99",
            "--at",
            "2026-11-01 10:00",
            "--class",
            "II",
        ],
    );
    assert!(
        e.contains("no section 'S99'") && e.contains("S01, S02"),
        "{e}"
    );
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S01",
            "--at",
            "2026-11-01 10:00",
            "--param",
            "NH4=1",
        ],
    );
    assert!(
        e.contains("unknown parameter 'NH4'") && e.contains("NH3-N"),
        "{e}"
    );
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S01",
            "--at",
            "2026-11-01 10:00",
            "--param",
            "NH3-N",
        ],
    );
    assert!(e.contains("is not CODE=VALUE"), "{e}");
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S01",
            "--at",
            "2026-11-01 10:00",
            "--class",
            "VI",
        ],
    );
    assert!(e.contains("'VI' is not a class"), "{e}");
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S01",
            "--at",
            "2026-12-02 10:00",
            "--class",
            "II",
        ],
    );
    assert!(e.contains("in the future"), "{e}");
    let e = room.fails(1, &[NOW, "water", "add", "S01", "--at", "2026-11-01 10:00"]);
    assert!(e.contains("--param"), "{e}");
    let e = room.fails(
        1,
        &[NOW, "water", "--from", "2026-11-01", "--to", "2026-10-01"],
    );
    assert!(e.contains("the period starts after it ends"), "{e}");
    let e = room.fails(
        1,
        &[NOW, "water", "--from", "2010-01-01", "--to", "2026-10-01"],
    );
    assert!(e.contains("is not 1 to 120 months"), "{e}");
    // The same reading twice is one; other values for it are refused.
    let add = [
        NOW,
        "water",
        "add",
        "S02",
        "--at",
        "2026-11-03 10:00",
        "--class",
        "III",
    ];
    room.ok(&add);
    assert!(room.ok(&add).contains("already recorded as reading 1"));
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S02",
            "--at",
            "2026-11-03 10:00",
            "--class",
            "II",
        ],
    );
    assert!(
        e.contains("has reading 1 already, with other values (class III)"),
        "{e}"
    );
}

#[test]
fn import_is_all_or_nothing_and_exactly_once() {
    let room = Room::new();
    let example = common::repo().join("examples/water-readings.csv");
    let example = example.to_str().unwrap();
    let out = room.ok(&[NOW, "water", "import", example]);
    assert!(
        out.contains("6 readings recorded, 0 already recorded"),
        "{out}"
    );
    let out = room.ok(&[NOW, "water", "import", example]);
    assert!(
        out.contains("0 readings recorded, 6 already recorded"),
        "{out}"
    );
    let v = room.json(&[
        NOW,
        "water",
        "--from",
        "2026-08-01",
        "--to",
        "2026-08-31",
        "--json",
    ]);
    assert!(
        v["sections"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["verdict"] == "pass"),
        "{v}"
    );
    assert_eq!(section(&v, "S03")["months"][0]["class"], "IV");

    // Every mistake at file:line:column; nothing of the file recorded.
    let bad = write(
        &room,
        "bad.csv",
        "section,sampled_at,NH3-N,COD\n\
         S01,2026-09-10 10:00,0.5,16\n\
         S99,2026-09-10 10:00,0.5,16\n\
         S02,2026-09-31 10:00,0.5,16\n\
         S03,2026-09-10 10:00,abc,16\n\
         S04,2026-09-10 10:00,-1,16\n\
         S05,2026-09-10 10:00,,\n\
         S01,2026-09-10 10:00,0.6,16\n",
    );
    let e = room.fails(1, &[NOW, "water", "import", &bad]);
    let lines: Vec<&str> = e.lines().collect();
    assert!(lines[0].ends_with("bad.csv:3:1: no section 'S99' in sections.toml (the sections are S01, S02, S03, S04, S05, S06)"), "{e}");
    assert!(
        lines[1].contains("bad.csv:4:2: '2026-09-31 10:00' is not a time"),
        "{e}"
    );
    assert!(
        lines[2].contains("bad.csv:5:3: NH3-N = 'abc' is not a number"),
        "{e}"
    );
    assert!(
        lines[3].contains("bad.csv:6:3: NH3-N = -1 is not a number of 0 or more"),
        "{e}"
    );
    assert!(
        lines[4].contains("bad.csv:7: a reading needs a class or parameter values"),
        "{e}"
    );
    assert!(
        lines[5].contains("bad.csv:8: section S01 at 2026-09-10 10:00 is read already on line 2"),
        "{e}"
    );
    assert!(
        lines[6].contains("6 errors in") && lines[6].contains("nothing recorded"),
        "{e}"
    );
    let v = room.json(&[
        NOW,
        "water",
        "--from",
        "2026-09-01",
        "--to",
        "2026-09-30",
        "--json",
    ]);
    assert_eq!(section(&v, "S01")["months"][0]["readings"], 0);

    // A header that names an unknown column or both ways of giving a reading.
    let head = write(
        &room,
        "head.csv",
        "section,sampled_at,class,NH3-N,ammonia\nS01,2026-09-10,III,,\n",
    );
    let e = room.fails(1, &[NOW, "water", "import", &head]);
    assert!(e.contains("head.csv:1:5: unknown column 'ammonia'"), "{e}");
    assert!(
        e.contains("head.csv:1: a file gives either a class column or parameter columns, not both"),
        "{e}"
    );

    // The same section and instant with other values: refused with the line.
    let other = write(
        &room,
        "other.csv",
        "断面,采样时间,水质类别\nS05,2026-09-09 09:00,II\nS01,2026-08-12 09:40,II\n",
    );
    let e = room.fails(1, &[NOW, "water", "import", &other]);
    assert!(e.contains("other.csv:3: S01 at 2026-08-12 09:40 has reading 1 already, with other values (class III)"), "{e}");
    let v = room.json(&[
        NOW,
        "water",
        "--from",
        "2026-09-01",
        "--to",
        "2026-09-30",
        "--json",
    ]);
    assert_eq!(
        section(&v, "S05")["months"][0]["readings"],
        0,
        "nothing of the file"
    );

    // Not a regular file, or too large.
    let e = room.fails(
        1,
        &[NOW, "water", "import", room.path("").to_str().unwrap()],
    );
    assert!(!e.is_empty());
    let big = room.path("big.csv");
    std::fs::write(&big, vec![b'a'; (4 << 20) + 1]).unwrap();
    let e = room.fails(1, &[NOW, "water", "import", big.to_str().unwrap()]);
    assert!(e.contains("big.csv"), "{e}");
}

#[test]
fn a_reading_leaves_an_audit_record_in_words() {
    let room = Room::new();
    room.ok(&[
        NOW,
        "water",
        "add",
        "S04",
        "--at",
        "2026-11-05 10:00",
        "--param",
        "NH3-N=1.2",
    ]);
    let subject = trail_of_reading_1(&room);
    assert_eq!(subject, "water_reading:1");
}

/// The audit subject of the reading, as the database holds it (read with
/// the library's store so the test needs no SQL).
fn trail_of_reading_1(room: &Room) -> String {
    use gridwatch::store::{AuditLog, Durability, SqliteStore};
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let trail = store.audit_of("water_reading:1").unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, "water_reading.recorded");
    assert_eq!(trail[0].actor, "tester");
    let config = gridwatch::config::Config::embedded().unwrap();
    let words =
        gridwatch::words::trail::sentence(gridwatch::i18n::Lang::En, &config, None, &trail[0]);
    assert_eq!(
        words,
        "water reading of S04 新港出境断面 sampled 11-05 10:00: class IV (NH3-N)"
    );
    let zh = gridwatch::words::trail::sentence(gridwatch::i18n::Lang::Zh, &config, None, &trail[0]);
    assert_eq!(
        zh,
        "S04 新港出境断面 水质数据，采样 11-05 10:00：Ⅳ类 (NH3-N)"
    );
    trail[0].subject.clone()
}

#[test]
fn a_broken_sections_toml_costs_only_the_water_figures() {
    let room = Room::new();
    std::fs::write(
        room.path("config/sections.toml"),
        "[[section]]\nid = \"S01\"\nname = \"x\"\nriver = \"y\"\ngrid = \"T09\"\ntarget = \"III\"\n",
    )
    .unwrap();
    let e = room.fails(1, &["check-config"]);
    assert!(
        e.contains("config/sections.toml:5: section S01: grid 'T09' is not in grids.toml"),
        "{e}"
    );
    // On duty: a warning, and no sections; other commands go on.
    let out = room.run(&[NOW, "water", "--from", "2026-11-01", "--to", "2026-11-30"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the outflow sections are left out"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("no outflow sections"));
    room.ok(&[NOW, "list"]);
}
