//! `gridwatch report` on a hand-built quarter (real binary, fixed clock):
//! every figure written here, checked in Markdown, CSV (parsed) and JSON.
//!
//! The dataset (Q3 2026, demo county, ids in intake order):
//!  1 Wed 07-01 10:00 T01-V01 air      arrived 10:20 (on time, 20 min); resolved, reopened
//!  2 Wed 07-01 10:05 T01-V02 air      arrived 10:50 (late, 45 min); manual escalation
//!  3 Sat 07-04 15:00 T02-V01 noise    arrived 15:40 (weekend: 60 min, on time, 40 min)
//!  4 Sun 07-05 10:00 T02-V01 noise    a repeat of 3, merged into it
//!  5 Fri 07-31 23:50 T01-V01 water    no arrival (night: missing); escalator: critical, warn+breach skipped
//!    (the same escalator pass fires critical for 1, reopened without a new arrival: warn+breach skipped)
//!  6 Sat 08-01 00:10 T01-V01 waste    arrived 00:40 (on time, 30 min) — across midnight and a month end
//!  7 Wed 08-05 14:00 T03-V01 other    rejected
//!  8 Mon 08-10 09:00 T03-V01 air      taken in late: warn skipped, breach fired; arrived 09:50 (late, 50)
//!  9 Wed 08-12 11:00 no grid air      arrived 11:10 (on time, 10)
//! 10 Sun 09-20 09:00 T01-V01 noise    make-up working day: 30 min; arrived 09:25 (on time, 25)
//! 11 Sat 09-26 11:00 T02-V01 water    Mid-Autumn holiday: 60 min; arrived 12:30 (late, 90)
//! 12 Wed 09-30 23:40 T03-V01 ecology  no arrival: pending at 23:50, missing by October
//! Incidents: a drill (IV, T01-V01) left out; a level III in T02-V01 whose
//! initial report was sent a day after discovery (late). Patrols: the
//! demo register (41 sources; dates on paper after the quarter do not
//! count), E0401 (T01) inspected on 15 August.
//! Water (demo sections; class per month, ✔ pass ✖ fail ? no data):
//!   S01 T01 target III: Jul II ✔, Aug III ✔, Sep II and NH3-N 1.8 (V) ✖ → fail
//!   S02 T02 target III: Jul II ✔, Aug ?, Sep III ✔ (劣V at 1 Oct 00:10 is October's) → incomplete
//!   S03 T02 target IV:  Jul IV ✔, Aug IV ✔ (1 Aug 00:10 local, 31 July in UTC), Sep III ✔ → pass
//!   S04 T03 target IV:  Jul III ✔, Aug IV ✔, Sep IV ✔ → pass
//!   S05, S06 T04: no readings → incomplete

use chrono::{DateTime, Utc};
use gridwatch::alert::escalator::evaluate;
use gridwatch::clock::ClockMode;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::Actor;
use gridwatch::store::{Durability, SqliteStore};
use serde_json::{Value, json};

mod common;
use common::Room;

const REPORT_NOW: &str = "--now=2026-10-10T12:00:00+08:00";

fn now(t: &str) -> String {
    format!("--now=2026-{t}:00+08:00")
}

fn take_in(room: &Room, n: usize, received: &str, grid: Option<&str>, category: &str) {
    let mut c = json!({
        "source": "hotline",
        "external_ref": format!("R{n}"),
        "received_at": format!("2026-{received}:00+08:00"),
        "category": category,
        "description": "report test",
        "location": {"address": "无名路1号"},
    });
    if let Some(g) = grid {
        c["grid"] = json!(g);
    }
    let p = room.write(&format!("c{n}.json"), c.to_string());
    let at = now(received);
    room.ok(&[&at, "submit", p.to_str().unwrap()]);
    room.ok(&[&at, "intake", "--once"]);
}

fn arrive(room: &Room, id: u32, at: &str) {
    let t = format!("2026-{at}:00+08:00");
    room.ok(&[
        &now(at),
        "arrive",
        &id.to_string(),
        "--officer",
        "O009",
        "--at",
        &t,
    ]);
}

fn escalate_at(room: &Room, at: &str) {
    let config = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let t: DateTime<Utc> = format!("2026-{at}:00+08:00").parse().unwrap();
    evaluate(
        &mut s,
        &config,
        &Actor::new("escalator", "escalator", ClockMode::Fixed),
        t,
    )
    .unwrap();
}

fn quarter() -> Room {
    let room = Room::new();
    take_in(&room, 1, "07-01T10:00", Some("T01-V01"), "air");
    arrive(&room, 1, "07-01T10:20");
    take_in(&room, 2, "07-01T10:05", Some("T01-V02"), "air");
    room.ok(&[
        &now("07-01T10:10"),
        "escalate",
        "2",
        "--reason",
        "caller rang again",
    ]);
    arrive(&room, 2, "07-01T10:50");
    room.ok(&[
        &now("07-01T12:00"),
        "resolve",
        "1",
        "--outcome",
        "rectified",
    ]);
    room.ok(&[
        &now("07-02T09:00"),
        "reopen",
        "1",
        "--reason",
        "smoke again",
    ]);
    take_in(&room, 3, "07-04T15:00", Some("T02-V01"), "noise");
    arrive(&room, 3, "07-04T15:40");
    take_in(&room, 4, "07-05T10:00", Some("T02-V01"), "noise");
    room.ok(&[&now("07-05T10:05"), "merge", "4", "--into", "3"]);
    take_in(&room, 5, "07-31T23:50", Some("T01-V01"), "water");
    take_in(&room, 6, "08-01T00:10", Some("T01-V01"), "solid_waste");
    arrive(&room, 6, "08-01T00:40");
    take_in(&room, 7, "08-05T14:00", Some("T03-V01"), "other");
    room.ok(&[
        &now("08-05T14:05"),
        "reject",
        "7",
        "--reason",
        "not-in-remit",
    ]);
    take_in(&room, 8, "08-10T09:00", Some("T03-V01"), "air");
    room.ok(&[&now("08-10T09:40"), "intake", "--once"]);
    escalate_at(&room, "08-10T09:40");
    arrive(&room, 8, "08-10T09:50");
    take_in(&room, 9, "08-12T11:00", None, "air");
    arrive(&room, 9, "08-12T11:10");
    take_in(&room, 10, "09-20T09:00", Some("T01-V01"), "noise");
    arrive(&room, 10, "09-20T09:25");
    take_in(&room, 11, "09-26T11:00", Some("T02-V01"), "water");
    arrive(&room, 11, "09-26T12:30");
    take_in(&room, 12, "09-30T23:40", Some("T03-V01"), "ecology");
    room.ok(&[
        &now("08-20T10:05"),
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--grid",
        "T01-V01",
        "--level",
        "IV",
        "--discovered",
        "2026-08-20T10:00:00+08:00",
        "--drill",
    ]);
    room.ok(&[
        &now("08-21T10:05"),
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--grid",
        "T02-V01",
        "--level",
        "III",
        "--discovered",
        "2026-08-21T10:00:00+08:00",
    ]);
    room.ok(&[
        &now("08-15T16:00"),
        "inspect",
        "E0401",
        "--officer",
        "O009",
        "--result",
        "ok",
        "--at",
        "2026-08-15 15:00",
    ]);
    room.ok(&[
        &now("08-22T10:00"),
        "incident",
        "report",
        "2",
        "--kind",
        "initial",
        "--sent",
        "--to",
        "市生态环境局",
    ]);
    water(&room);
    room
}

/// The quarter's water readings: the plain classes imported, the rest
/// typed (a class by parameters, the month boundaries).
fn water(room: &Room) {
    let csv = "section,sampled_at,class\n\
               S01,2026-07-10 09:00,II\nS01,2026-08-10 09:00,III\nS01,2026-09-03 09:00,II\n\
               S02,2026-07-10 09:00,II\nS02,2026-09-15 09:00,III\n\
               S03,2026-07-10 09:00,IV\nS03,2026-09-15 09:00,III\n\
               S04,2026-07-10 09:00,III\nS04,2026-08-10 09:00,IV\nS04,2026-09-15 09:00,IV\n";
    let p = room.write("water.csv", csv);
    room.ok(&[&now("09-20T09:00"), "water", "import", p.to_str().unwrap()]);
    let add = |at: &str, section: &str, what: &[&str]| {
        let t = format!("2026-{at}:00+08:00");
        let mut args = vec![now(at), "water".into(), "add".into(), section.into()];
        args.extend(["--at".to_string(), t]);
        args.extend(what.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        room.ok(&args);
    };
    add(
        "09-17T10:00",
        "S01",
        &["--param", "NH3-N=1.8", "--param", "pH=7.2"],
    );
    add("08-01T00:10", "S03", &["--class", "IV"]);
    add("10-01T00:10", "S02", &["--class", "劣V"]);
}

fn report(room: &Room, args: &[&str]) -> String {
    let mut all = vec![
        REPORT_NOW,
        "report",
        "--from",
        "2026-07-01",
        "--to",
        "2026-09-30",
    ];
    all.extend_from_slice(args);
    room.ok(&all)
}

/// A parsed CSV (RFC 4180, no embedded newlines in this data): the table
/// up to the first blank line, then the definitions.
fn parse_csv(text: &str) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut table = Vec::new();
    let mut defs = Vec::new();
    let mut in_defs = false;
    for line in text.split("\r\n") {
        if line.is_empty() {
            in_defs = true;
            continue;
        }
        let mut cells = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => cells.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        cells.push(cur);
        if in_defs {
            defs.push(cells)
        } else {
            table.push(cells)
        }
    }
    (table, defs)
}

/// The CSV cell of row `name` (grid id, or the row's name) and column `key`.
fn cell<'a>(table: &'a [Vec<String>], row: &str, key: &str) -> &'a str {
    let col = table[0]
        .iter()
        .position(|h| h == key)
        .unwrap_or_else(|| panic!("no column {key}"));
    let r = table
        .iter()
        .find(|r| r[0] == row || (r[0].is_empty() && r[1] == row))
        .unwrap_or_else(|| panic!("no row {row}"));
    &r[col]
}

/// Expected figures per row: (row, [(csv key, value)]).
fn expected() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "T01",
            vec![
                ("received", "5"),
                ("source_hotline", "5"),
                ("category_air", "2"),
                ("category_water", "1"),
                ("category_noise", "1"),
                ("category_solid_waste", "1"),
                ("workday_on_time", "2"),
                ("workday_late", "1"),
                ("workday_missing", "0"),
                ("workday_on_time_rate_pct", "66.7"),
                ("off_hours_on_time", "1"),
                ("off_hours_missing", "1"),
                ("off_hours_on_time_rate_pct", "50.0"),
                ("all_on_time", "3"),
                ("all_late", "1"),
                ("all_missing", "1"),
                ("all_pending", "0"),
                ("all_on_time_rate_pct", "60.0"),
                ("median_minutes", "25.0"),
                ("p90_minutes", "45.0"),
                ("warn_fired", "0"),
                ("warn_skipped", "2"),
                ("breach_skipped", "2"),
                ("critical_fired", "2"),
                ("manual", "1"),
                ("repeats", "0"),
                ("merged", "0"),
                ("rejected", "0"),
                ("reopened", "1"),
                ("incidents_IV", "0"),
                ("reports_late", "0"),
                ("patrol_sources", "1"),
                ("patrol_due", "1"),
                ("patrol_done", "1"),
                ("patrol_overdue", "0"),
                ("water_sections", "1"),
                ("water_months_passed", "2"),
                ("water_months_failed", "1"),
                ("water_months_without_data", "0"),
                ("water_verdict", "fail"),
            ],
        ),
        (
            "T02",
            vec![
                ("received", "3"),
                ("category_noise", "2"),
                ("category_water", "1"),
                ("workday_on_time", "0"),
                ("off_hours_on_time", "1"),
                ("off_hours_late", "1"),
                ("all_on_time_rate_pct", "50.0"),
                ("median_minutes", "40.0"),
                ("p90_minutes", "90.0"),
                ("repeats", "1"),
                ("merged", "1"),
                ("incidents_III", "1"),
                ("incidents_IV", "0"),
                ("reports_late", "1"),
                ("reports_on_time", "0"),
                ("water_sections", "2"),
                ("water_months_passed", "5"),
                ("water_months_failed", "0"),
                ("water_months_without_data", "1"),
                ("water_verdict", "incomplete"),
            ],
        ),
        (
            "T03",
            vec![
                ("received", "3"),
                ("rejected", "1"),
                ("workday_late", "1"),
                ("off_hours_missing", "1"),
                ("all_on_time_rate_pct", "0.0"),
                ("median_minutes", "50.0"),
                ("p90_minutes", "50.0"),
                ("warn_skipped", "1"),
                ("breach_fired", "1"),
                ("breach_skipped", "0"),
                ("water_sections", "1"),
                ("water_months_passed", "3"),
                ("water_months_failed", "0"),
                ("water_months_without_data", "0"),
                ("water_verdict", "pass"),
            ],
        ),
        (
            "T04",
            vec![
                ("received", "0"),
                ("all_on_time_rate_pct", ""),
                ("median_minutes", ""),
                ("p90_minutes", ""),
                ("water_sections", "2"),
                ("water_months_passed", "0"),
                ("water_months_without_data", "6"),
                ("water_verdict", "incomplete"),
            ],
        ),
        (
            "(no grid)",
            vec![
                ("received", "1"),
                ("workday_on_time", "1"),
                ("median_minutes", "10.0"),
                ("water_sections", "0"),
                ("water_months_without_data", "0"),
                ("water_verdict", ""),
            ],
        ),
        (
            "Total",
            vec![
                ("received", "12"),
                ("workday_on_time", "3"),
                ("workday_late", "2"),
                ("workday_missing", "0"),
                ("off_hours_on_time", "2"),
                ("off_hours_late", "1"),
                ("off_hours_missing", "2"),
                ("all_on_time", "5"),
                ("all_late", "3"),
                ("all_missing", "2"),
                ("all_on_time_rate_pct", "50.0"),
                ("median_minutes", "30.0"),
                ("p90_minutes", "90.0"),
                ("merged", "1"),
                ("rejected", "1"),
                ("repeats", "1"),
                ("reopened", "1"),
                ("warn_skipped", "3"),
                ("breach_fired", "1"),
                ("breach_skipped", "2"),
                ("critical_fired", "2"),
                ("manual", "1"),
                ("incidents_III", "1"),
                ("incidents_IV", "0"),
                ("incidents_unknown", "0"),
                ("reports_late", "1"),
                ("patrol_sources", "41"),
                ("patrol_due", "40"),
                // The one inspected in the test, and four whose register
                // says they were inspected in the quarter (E0108 09-20,
                // E0213 09-28, E0303 09-10, E0311 08-15).
                ("patrol_done", "5"),
                ("patrol_overdue", "35"),
                ("water_sections", "6"),
                ("water_months_passed", "10"),
                ("water_months_failed", "1"),
                ("water_months_without_data", "7"),
                ("water_verdict", "fail"),
            ],
        ),
    ]
}

/// The JSON value of a CSV key in a row object.
fn json_value(row: &Value, key: &str) -> Value {
    let rate = |v: &Value| match v.as_f64() {
        Some(f) => json!(format!("{:.1}", f * 100.0)),
        None => json!(""),
    };
    let mins = |v: &Value| v.as_f64().map_or(json!(""), |f| json!(format!("{f:.1}")));
    let n = |v: &Value| json!(v.as_u64().map_or(String::new(), |n| n.to_string()));
    let reg = |r: &str, k: &str| &row["regimes"][r][k];
    match key {
        "median_minutes" | "p90_minutes" => mins(&row[key]),
        "all_on_time_rate_pct" => rate(&row["on_time_rate"]),
        k if k.starts_with("all_") => n(&row[&k[4..]]),
        k if k.starts_with("workday_") => match &k[8..] {
            "on_time_rate_pct" => rate(reg("workday_day", "on_time_rate")),
            f => n(reg("workday_day", f)),
        },
        k if k.starts_with("off_hours_") => match &k[10..] {
            "on_time_rate_pct" => rate(reg("off_hours", "on_time_rate")),
            f => n(reg("off_hours", f)),
        },
        k if k.starts_with("source_") => n(&row["by_source"][&k[7..]]),
        k if k.starts_with("category_") => n(&row["by_category"][&k[9..]]),
        "manual" => n(&row["escalations"]["manual"]),
        k if k.starts_with("patrol_") => n(&row["patrols"][&k[7..]]),
        k if k.ends_with("_fired") || k.ends_with("_skipped") => {
            let (stage, what) = k.rsplit_once('_').unwrap();
            n(&row["escalations"][stage][what])
        }
        "incidents_unknown" => n(&row["incidents"]["unknown"]),
        "water_verdict" => json!(row["water"]["verdict"].as_str().unwrap_or("")),
        k if k.starts_with("water_") => n(&row["water"][&k[6..]]),
        k if k.starts_with("incidents_") => n(&row["incidents"]["by_level"][&k[10..]]),
        k if k.starts_with("reports_") => n(&row["incidents"]["reports"][&k[8..]]),
        k => n(&row[k]),
    }
}

#[test]
fn the_quarter_per_township_in_every_format() {
    let room = quarter();
    let (table, defs) = parse_csv(&report(&room, &["--format", "csv"]));
    let doc: Value = serde_json::from_str(&report(&room, &["--format", "json"])).unwrap();
    let md = report(&room, &[]);
    assert_eq!(
        table.len(),
        1 + 4 + 1 + 1,
        "header, T01–T04, no grid, total"
    );
    assert!(
        table.iter().all(|r| r.len() == table[0].len()),
        "every row as wide as the header"
    );
    let json_row = |name: &str| -> Value {
        match name {
            "Total" => doc["totals"].clone(),
            "(no grid)" => doc["unassigned"].clone(),
            g => doc["grids"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["grid"] == g)
                .cloned()
                .unwrap(),
        }
    };
    let md_lines: Vec<&str> = md.lines().collect();
    for (row, figures) in expected() {
        for (key, want) in figures {
            assert_eq!(cell(&table, row, key), want, "csv {row} {key}");
            assert_eq!(
                json_value(&json_row(row), key),
                json!(want),
                "json {row} {key}"
            );
        }
    }
    // Markdown: the arrivals table's rows carry the same numbers.
    let t01 = md_lines
        .iter()
        .find(|l| l.starts_with("| T01 |") && l.contains("66.7"))
        .unwrap();
    assert!(t01.contains("| 60.0 | 25.0 | 45.0 |"), "{t01}");
    let t04 = md_lines
        .iter()
        .find(|l| l.starts_with("| T04 |") && l.contains("—"))
        .unwrap();
    assert!(t04.ends_with("| — | — | — |"), "{t04}");
    let total = md_lines
        .iter()
        .find(|l| l.contains("**Total**") && l.contains("50.0"))
        .unwrap();
    assert!(
        total.contains("| 5 | 3 | 2 | 0 | 50.0 | 30.0 | 90.0 |"),
        "{total}"
    );
    assert!(
        md.contains("| T01 | 城关镇 | 1 | 1 | 1 | 0 |"),
        "patrols of T01"
    );
    for (_, want) in [
        ("merged", "**Merged**"),
        ("reopened", "**Reopened**"),
        ("rejected", "**Rejected**"),
    ] {
        assert!(md.contains(want), "definitions in the report: {want}");
    }
    assert!(
        defs.iter()
            .any(|d| d[0] == "Merged" && d[1].contains("not due an arrival"))
    );
    assert_eq!(doc["definitions"]["on_time"]["term"], "On time / late");
    // The README defines the figures in the same words.
    let readme = std::fs::read_to_string(common::repo().join("README.md")).unwrap();
    for (key, d) in doc["definitions"].as_object().unwrap() {
        let line = format!(
            "- **{}**: {}",
            d["term"].as_str().unwrap(),
            d["text"].as_str().unwrap()
        );
        assert!(
            readme.contains(&line),
            "README lacks the definition of {key}: {line}"
        );
    }
    assert_eq!(doc["from"], "2026-07-01");
    assert_eq!(doc["level"], 2);
    assert_eq!(
        doc["grids"][3]["on_time_rate"],
        Value::Null,
        "T04: nothing due"
    );
    // Water: the rows' months in Markdown, then every section by month.
    for line in [
        "| T01 | 城关镇 | 1 | 2 | 1 | 0 | ✖ fail |",
        "| T02 | 河西街道 | 2 | 5 | 0 | 1 | ? incomplete |",
        "| T03 | 临江经济开发区 | 1 | 3 | 0 | 0 | ✔ pass |",
        "| T04 | 石桥镇 | 2 | 0 | 0 | 6 | ? incomplete |",
        "|  | (no grid) | 0 | 0 | 0 | 0 | — |",
        "|  | **Total** | 6 | 10 | 1 | 7 | ✖ fail |",
        "6 sections: 2 pass, 1 fail, 3 incomplete",
        "| section | name | township | target | 2026-07 | 2026-08 | 2026-09 | water verdict |",
        "| S01 | 城关南门出境断面 | T01 城关镇 | III | II ✔ | III ✔ | V ✖ | ✖ fail |",
        "| S02 | 柳湾出境断面 | T02 河西街道 | III | II ✔ | — ? | III ✔ | ? incomplete |",
        "| S03 | 沙洲闸出境断面 | T02 河西街道 | IV | IV ✔ | IV ✔ | III ✔ | ✔ pass |",
        "| S04 | 新港出境断面 | T03 临江经济开发区 | IV | III ✔ | IV ✔ | IV ✔ | ✔ pass |",
        "| S05 | 龙潭出境断面 | T04 石桥镇 | II | — ? | — ? | — ? | ? incomplete |",
    ] {
        assert!(md_lines.contains(&line), "md lacks {line}\n{md}");
    }
    let sections = doc["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 6);
    assert_eq!(
        sections[0]["months"][2],
        json!({"month": "2026-09", "class": "V", "worst": "NH3-N", "readings": 2, "verdict": "fail"})
    );
    assert_eq!(sections[0]["verdict"], "fail");
    assert_eq!(sections[1]["months"][1]["verdict"], "no_data");
    assert_eq!(
        sections[1]["months"][2]["class"], "III",
        "October's 劣V not in September"
    );
    assert_eq!(sections[2]["months"][1]["readings"], 1);
    assert_eq!(sections[3]["months_passed"], 3);
    assert_eq!(sections[5]["months_without_data"], 3);
    assert_eq!(doc["unassigned"]["water"]["verdict"], Value::Null);
}

#[test]
fn a_period_reaching_past_now_counts_what_is_known_then() {
    let room = quarter();
    let doc: Value = serde_json::from_str(&room.ok(&[
        &now("09-30T23:50"),
        "report",
        "--from",
        "2026-09-30",
        "--to",
        "2026-09-30",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(doc["totals"]["received"], 1);
    assert_eq!(doc["totals"]["pending"], 1, "complaint 12: deadline ahead");
    assert_eq!(doc["totals"]["missing"], 0);
    assert_eq!(doc["totals"]["on_time_rate"], Value::Null);
}

#[test]
fn days_are_local_across_midnight_month_end_and_a_holiday() {
    let room = quarter();
    let day = |from: &str, to: &str| -> Value {
        serde_json::from_str(&room.ok(&[
            REPORT_NOW, "report", "--from", from, "--to", to, "--format", "json",
        ]))
        .unwrap()
    };
    // 23:50 on 31 July is July's; 00:10 on 1 August is August's.
    assert_eq!(day("2026-07-31", "2026-07-31")["totals"]["received"], 1);
    assert_eq!(day("2026-07-31", "2026-07-31")["totals"]["missing"], 1);
    assert_eq!(day("2026-08-01", "2026-08-01")["totals"]["received"], 1);
    assert_eq!(day("2026-08-01", "2026-08-01")["totals"]["on_time"], 1);
    assert_eq!(day("2026-07-01", "2026-07-31")["totals"]["received"], 5);
    // The Mid-Autumn holiday: off hours, 60 minutes, late at 90.
    let holiday = day("2026-09-25", "2026-09-27");
    assert_eq!(holiday["totals"]["regimes"]["off_hours"]["late"], 1);
    assert_eq!(holiday["totals"]["regimes"]["workday_day"]["late"], 0);
    // The make-up working day (Sunday 20 Sept): 30 minutes.
    let makeup = day("2026-09-20", "2026-09-20");
    assert_eq!(makeup["totals"]["regimes"]["workday_day"]["on_time"], 1);
    // An empty period: every grid's row, all zero, no rate.
    let empty = day("2026-06-01", "2026-06-30");
    assert_eq!(empty["grids"].as_array().unwrap().len(), 4);
    assert_eq!(empty["totals"]["received"], 0);
    assert_eq!(empty["totals"]["on_time_rate"], Value::Null);
    assert_eq!(empty["unassigned"], Value::Null);
    assert_eq!(empty["totals"]["water"]["months_without_data"], 6);
    assert_eq!(empty["totals"]["water"]["verdict"], "incomplete");
    // Water months are local and judged whole: a report of 1 August
    // counts August's readings (S03's at 00:10 local, still 31 July in
    // UTC, among them); one of 31 July counts July's.
    let aug = &day("2026-08-01", "2026-08-01")["totals"]["water"];
    assert_eq!(
        (
            aug["months_passed"].clone(),
            aug["months_without_data"].clone()
        ),
        (json!(3), json!(3)),
        "{aug}"
    );
    let jul = &day("2026-07-31", "2026-07-31")["totals"]["water"];
    assert_eq!(jul["months_passed"], 4, "{jul}");
    assert_eq!(jul["verdict"], "incomplete");
}

#[test]
fn every_level_of_the_tree() {
    let room = quarter();
    let at = |level: &str| -> Value {
        serde_json::from_str(&report(&room, &["--format", "json", "--level", level])).unwrap()
    };
    let city = at("1");
    assert_eq!(city["grids"].as_array().unwrap().len(), 1);
    assert_eq!(city["grids"][0]["received"], 11, "everything with a grid");
    assert_eq!(city["grids"][0]["p90_minutes"], 90.0);
    assert_eq!(city["grids"][0]["water"], city["totals"]["water"]);
    assert_eq!(city["grids"][0]["water"]["months_failed"], 1);
    let villages = at("3");
    let v = |id: &str| {
        villages["grids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["grid"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(v("T01-V01")["received"], 4);
    assert_eq!(v("T01-V02")["received"], 1);
    assert_eq!(v("T01-V02")["parent"], "T01");
    assert_eq!(v("T03-V01")["received"], 3);
    assert_eq!(villages["totals"]["received"], 12);
    // Sections are the townships': below that level, above the rows.
    assert_eq!(v("T01-V01")["water"]["sections"], 0);
    assert_eq!(v("T01-V01")["water"]["verdict"], Value::Null);
    assert_eq!(villages["elsewhere"]["water"]["sections"], 6);
    assert_eq!(villages["totals"]["water"]["verdict"], "fail");
    let groups = at("4");
    assert!(!groups["grids"].as_array().unwrap().is_empty());
    assert_eq!(
        groups["elsewhere"]["received"], 11,
        "all on villages, above level 4"
    );
    assert_eq!(groups["totals"]["received"], 12);
}

#[test]
fn chinese_headers_and_a_bom_for_excel() {
    let room = quarter();
    let out = room.run(&[
        REPORT_NOW,
        "--lang",
        "zh",
        "report",
        "--from",
        "2026-07-01",
        "--to",
        "2026-09-30",
        "--format",
        "csv",
        "--bom",
    ]);
    assert!(out.status.success());
    assert!(
        out.stdout.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM first"
    );
    let (table, defs) = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(table[0][0], "网格");
    assert!(
        table[0].iter().any(|h| h == "合计 按时率%"),
        "{:?}",
        table[0]
    );
    assert_eq!(cell(&table, "T01", "合计 按时率%"), "60.0");
    assert_eq!(cell(&table, "合计", "受理数"), "12");
    assert_eq!(cell(&table, "T01", "未达标月数"), "1");
    assert_eq!(cell(&table, "T01", "水质结论"), "未达标");
    assert_eq!(cell(&table, "T02", "水质结论"), "数据不全");
    assert_eq!(cell(&table, "合计", "无数据月数"), "7");
    assert!(defs.iter().any(|d| d[0] == "合并"));
    let md = room.ok(&[
        REPORT_NOW,
        "report",
        "--from",
        "2026-07-01",
        "--to",
        "2026-09-30",
        "--lang",
        "zh",
    ]);
    assert!(
        md.starts_with("# 考核报表 2026-07-01 至 2026-09-30"),
        "{}",
        &md[..80]
    );
}

#[test]
fn bad_input_is_refused_in_one_line() {
    let room = Room::new();
    let e = room.fails(1, &["report", "--from", "2026-07-32", "--to", "2026-09-30"]);
    assert!(
        e.contains("--from '2026-07-32' is not a date like 2026-07-01"),
        "{e}"
    );
    let e = room.fails(1, &["report", "--from", "2026-09-30", "--to", "2026-07-01"]);
    assert!(
        e.contains("--from 2026-09-30 is after --to 2026-07-01"),
        "{e}"
    );
    let e = room.fails(
        1,
        &[
            "report",
            "--from",
            "2026-07-01",
            "--to",
            "2026-09-30",
            "--level",
            "5",
        ],
    );
    assert!(e.contains("5"), "{e}");
    let e = room.fails(
        1,
        &[
            "report",
            "--from",
            "2026-07-01",
            "--to",
            "2026-09-30",
            "--format",
            "xls",
        ],
    );
    assert!(e.contains("xls"), "{e}");
    let e = room.fails(1, &["report", "--to", "2026-09-30"]);
    assert!(e.contains("--from"), "{e}");
}

/// `complaint_fact` is kept by triggers: after inserts, arrivals, a
/// corrected arrival, escalations (automatic, skipped, manual), a merge, a
/// rejection, a reopening, a resolution, an assignment and a category
/// change, every row equals what the tables of record say
/// (`complaint_fact_source`), and nothing is missing either way.
#[test]
fn fact_rows_equal_their_source_after_every_kind_of_write() {
    let room = quarter();
    room.ok(&[
        &now("10-01T09:00"),
        "assign",
        "9",
        "--grid",
        "T04-V01",
        "--reason",
        "found the address",
    ]);
    {
        let c = rusqlite::Connection::open(room.db()).unwrap();
        // A corrected arrival (a later row that corrects the first), and a
        // category added and one removed.
        c.execute_batch(
            "INSERT INTO arrival (complaint_id, round, officer_id, arrived_at, logged_at, console, corrects)
               SELECT complaint_id, round, officer_id, arrived_at - 300000, logged_at, 'test', id
               FROM arrival WHERE complaint_id = 2;
             INSERT INTO complaint_category (complaint_id, position, category) VALUES (3, 1, 'air');
             DELETE FROM complaint_category WHERE complaint_id = 11;",
        )
        .unwrap();
    }
    let c = rusqlite::Connection::open(room.db()).unwrap();
    let cols = "received_at, id, grid_n, enterprise_n, source, regime, status, round, \
                deadline_in, arrived_in, repeat_of, categories, escalations";
    // Each way on its own: `A EXCEPT B UNION ALL C EXCEPT D` would be read
    // left to right.
    let count = |from: &str, less: &str| -> i64 {
        c.query_row(
            &format!(
                "SELECT COUNT(*) FROM (SELECT {cols} FROM {from} EXCEPT SELECT {cols} FROM {less})"
            ),
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let facts: i64 = c
        .query_row("SELECT COUNT(*) FROM complaint_fact", [], |r| r.get(0))
        .unwrap();
    assert!(facts > 5, "the writes above made complaints: {facts}");
    let differ = count("complaint_fact_source", "complaint_fact")
        + count("complaint_fact", "complaint_fact_source");
    assert_eq!(
        differ, 0,
        "complaint_fact differs from complaint_fact_source"
    );
    let n: i64 = c
        .query_row("SELECT COUNT(*) FROM complaint_fact", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 12);
    let (grid, arrived, cats): (String, i64, i64) = c
        .query_row(
            "SELECT (SELECT name FROM fact_name WHERE n = (SELECT grid_n FROM complaint_fact WHERE id = 9)),
                    (SELECT received_at + arrived_in FROM complaint_fact WHERE id = 2),
                    (SELECT categories FROM complaint_fact WHERE id = 3)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(grid, "T04-V01");
    let corrected: DateTime<Utc> = "2026-07-01T10:45:00+08:00".parse().unwrap();
    assert_eq!(
        arrived,
        corrected.timestamp_millis(),
        "the corrected arrival counts"
    );
    assert_eq!(cats, 4 | 1, "noise and air");
    // The report follows: complaint 2 is still late (10:45 > 10:35), 9 in T04.
    let doc: Value = serde_json::from_str(&report(&room, &["--format", "json"])).unwrap();
    assert_eq!(doc["grids"][3]["received"], 1);
    assert_eq!(doc["unassigned"], Value::Null);
}
