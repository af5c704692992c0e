//! Pollution sources and patrols on the command line (#11): `sources` as
//! text and JSON, the shortening by a complaint, a violation and a repeat,
//! `inspect` and `visit` audited and refused in words, and `sources import`
//! — a good file taken up by a running daemon, a bad one refused with
//! line:column and nothing written.

use std::time::Duration;

use gridwatch::store::{AuditLog, Durability, SqliteStore};
use serde_json::{Value, json};

mod common;
use common::daemon::start_with;
use common::{Room, complaint, wait_for};

const AT: &str = "--now=2026-11-30T10:00:00+08:00";

fn source<'a>(all: &'a Value, id: &str) -> &'a Value {
    all.as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id} not listed"))
}

#[test]
fn sources_lists_most_overdue_first_with_the_panels_below() {
    let room = Room::new();
    let out = room.ok(&[AT, "sources"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("source"), "{out}");
    assert!(
        lines[1].starts_with("E0311") && lines[1].contains("! 17 d overdue"),
        "{out}"
    );
    assert!(out.contains("E0101") && out.contains("due in 3 d"), "{out}");
    assert!(out.contains("Overdue per township"), "{out}");
    assert!(out.contains("T04 石桥镇: 2 overdue"), "{out}");
    assert!(
        out.contains("O001 杜卫东: 0 behind, 4 to do this period, 1 linked source overdue"),
        "{out}"
    );
    let zh = room.ok(&[AT, "--lang", "zh", "sources", "--overdue"]);
    assert!(
        zh.contains("! 逾期 17 天") && !zh.contains("due in"),
        "{zh}"
    );
    assert_eq!(zh.lines().filter(|l| l.starts_with('E')).count(), 4, "{zh}");
}

#[test]
fn sources_json_has_the_documented_fields_and_the_census() {
    let room = Room::new();
    let all = room.json(&[AT, "sources", "--json"]);
    let e = source(&all, "E0206");
    for key in [
        "id",
        "name",
        "grid",
        "control_level",
        "interval_days",
        "last_inspected_at",
        "due_at",
        "overdue_days",
        "industry",
        "eia",
        "three_simultaneities",
        "permit",
        "pollutants",
        "discharge_to",
        "receptors",
    ] {
        assert!(e.get(key).is_some(), "{key} missing: {e}");
    }
    assert_eq!(e["control_level"], "national");
    assert_eq!(e["interval_days"], 30);
    assert_eq!(e["last_inspected_at"], "2026-10-20T00:00:00+08:00");
    assert_eq!(e["due_on"], "2026-11-19");
    assert_eq!(e["due_at"], "2026-11-20T00:00:00+08:00");
    assert_eq!(e["overdue_days"], 11);
    assert_eq!(e["pollutants"], json!(["二噁英", "重金属", "酸性气体"]));
    let overdue = room.json(&[AT, "sources", "--overdue", "--json"]);
    assert!(
        overdue
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["overdue"] == true)
    );
}

/// A complaint about a county source halves its 60 days; a repeat halves
/// them again; a violation found on inspection shortens a city source.
#[test]
fn a_complaint_and_a_repeat_shorten_the_interval() {
    let room = Room::new();
    let interval =
        |id: &str| source(&room.json(&[AT, "sources", "--json"]), id)["interval_days"].clone();
    assert_eq!(interval("E0107"), 60);
    let mut c = complaint("R1");
    c["enterprise"] = json!("E0107");
    let p = room.write("r1.json", c.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[AT, "intake", "--once"]);
    assert_eq!(interval("E0107"), 30);
    let mut c = complaint("R2");
    c["enterprise"] = json!("E0107");
    c["received_at"] = json!("2026-11-30T09:40:00+08:00");
    let p = room.write("r2.json", c.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[AT, "intake", "--once"]);
    let s = source(&room.json(&[AT, "sources", "--json"]), "E0107").clone();
    assert_eq!(
        s["shortened_by"],
        json!({"complaint": true, "violation": false, "repeat": true})
    );
    assert_eq!(s["interval_days"], 15);

    assert_eq!(interval("E0104"), 60);
    room.ok(&[
        AT,
        "inspect",
        "E0104",
        "--officer",
        "O018",
        "--result",
        "problem",
        "--problems",
        "喷涂车间废气未收集",
        "--rectify-by",
        "2026-12-15",
        "--at",
        "09:00",
    ]);
    let s = source(&room.json(&[AT, "sources", "--json"]), "E0104").clone();
    assert_eq!(
        (s["interval_days"].clone(), s["due_on"].clone()),
        (json!(30), json!("2026-12-30"))
    );
    assert_eq!(s["last_result"], "problem");
    // The table shows the interval as the Sources screen does ("30*"), and
    // why under it; the console's words, not "violation"/"有违法".
    let out = room.ok(&[AT, "sources"]);
    let row = out.lines().find(|l| l.starts_with("E0104")).unwrap();
    assert!(row.contains(" 30* "), "{out}");
    assert!(
        out.contains("* shortened: ") && out.contains("E0104 problem found"),
        "{out}"
    );
    assert!(out.contains("E0107 complaint, repeat"), "{out}");
    let zh = room.ok(&[AT, "--lang", "zh", "sources"]);
    assert!(
        zh.contains("E0104 检查发现问题") && !zh.contains("有违法"),
        "{zh}"
    );
    // On the command line the missing problems name the flag.
    let err = room.fails(
        1,
        &[
            AT,
            "inspect",
            "E0104",
            "--officer",
            "O018",
            "--result",
            "problem",
        ],
    );
    assert!(err.contains("(--problems TEXT)"), "{err}");
}

#[test]
fn inspect_and_visit_are_audited_and_refused_in_words() {
    let room = Room::new();
    let out = room.ok(&[
        AT,
        "inspect",
        "E0206",
        "--officer",
        "O001",
        "--officer",
        "O018",
        "--result",
        "ok",
        "--kind",
        "special",
        "--at",
        "2026-11-30T08:30:00+08:00",
        "--note",
        "危废库房台账齐全",
    ]);
    assert_eq!(
        out.trim(),
        "Inspection 1 of E0206 临江顺达危废处置有限公司 logged: no problem found"
    );
    let out = room.ok(&[
        AT,
        "--lang",
        "zh",
        "visit",
        "T03",
        "--officer",
        "O001",
        "--note",
        "督导园区网格巡查",
    ]);
    assert!(
        out.contains("已登记 杜卫东 O001 走访 T03 临江经济开发区"),
        "{out}"
    );
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let a = store.audit_of("inspection:1").unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].action.as_str(), a[0].actor.as_str()),
        ("inspection.logged", "tester")
    );
    assert_eq!(a[0].details["officers"], json!(["O001", "O018"]));
    assert_eq!(store.audit_of("visit:1").unwrap()[0].action, "visit.logged");
    let s = source(&room.json(&[AT, "sources", "--json"]), "E0206").clone();
    assert_eq!(
        (s["overdue_days"].clone(), s["due_on"].clone()),
        (json!(0), json!("2026-12-30"))
    );

    let refused = [
        (
            vec!["inspect", "E9999", "--officer", "O001", "--result", "ok"],
            "no enterprise 'E9999' in the register",
        ),
        (
            vec!["inspect", "E0101", "--officer", "O999", "--result", "ok"],
            "no officer 'O999'",
        ),
        (
            vec![
                "inspect",
                "E0101",
                "--officer",
                "O001",
                "--result",
                "problem",
            ],
            "needs the problems found",
        ),
        (
            vec![
                "inspect",
                "E0101",
                "--officer",
                "O001",
                "--result",
                "problem",
                "--problems",
                "x",
                "--rectify-by",
                "2026-11-01",
            ],
            "the rectification deadline 2026-11-01 is before the inspection (2026-11-30)",
        ),
        (
            vec![
                "inspect",
                "E0101",
                "--officer",
                "O001",
                "--result",
                "ok",
                "--problems",
                "leak at the outfall",
            ],
            "problems found go with the result problem, not ok",
        ),
        (
            vec![
                "inspect",
                "E0101",
                "--officer",
                "O001",
                "--result",
                "ok",
                "--kind",
                "complaint",
            ],
            "needs the complaint's id",
        ),
        (
            vec![
                "inspect",
                "E0101",
                "--officer",
                "O001",
                "--result",
                "ok",
                "--at",
                "2026-12-01T10:00:00+08:00",
            ],
            "minutes in the future",
        ),
        (
            vec![
                "inspect",
                "E0101",
                "--officer",
                "O001",
                "--result",
                "ok",
                "--at",
                "2025-01-01T10:00:00+08:00",
            ],
            "days ago",
        ),
        (
            vec!["visit", "T03-V01", "--officer", "O001", "--note", "x"],
            "T03-V01 is a level-3 grid, not a township",
        ),
        (
            vec!["visit", "T03", "--officer", "O001", "--note", "  "],
            "needs a work-log note",
        ),
        (
            vec!["visit", "T99", "--officer", "O001", "--note", "x"],
            "no grid 'T99'",
        ),
    ];
    for (args, words) in refused {
        let mut all = vec![AT];
        all.extend(args.iter().copied());
        let err = room.fails(1, &all);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    let zh = room.fails(
        1,
        &[
            AT,
            "--lang",
            "zh",
            "visit",
            "T03",
            "--officer",
            "O001",
            "--note",
            " ",
        ],
    );
    assert!(zh.contains("走访须填写工作日志"), "{zh}");
    assert_eq!(
        store.audit_of("inspection:2").unwrap().len(),
        0,
        "nothing refused was stored"
    );
}

const HEADER: &str = "id,name,grid,control_level,address,industry,eia,three_simultaneities,permit,pollutants,discharge_to,receptors,registered,last_inspected";

/// The shipped register as CSV (id … address), plus `extra` rows.
fn register_csv(room: &Room, extra: &str) -> String {
    let all = room.json(&[AT, "sources", "--json"]);
    let mut out = format!("{HEADER}\n");
    for s in all.as_array().unwrap() {
        out.push_str(&format!(
            "{},{},{},{},addr,,,,,,,,,{}\n",
            s["id"].as_str().unwrap(),
            s["name"].as_str().unwrap(),
            s["grid"].as_str().unwrap(),
            s["control_level"].as_str().unwrap(),
            s["last_inspected_at"].as_str().map_or("", |t| &t[..10]),
        ));
    }
    out.push_str(extra);
    out
}

#[test]
fn a_bad_csv_is_refused_with_line_and_column_and_nothing_written() {
    let room = Room::new();
    let before = std::fs::read_to_string(room.path("config/enterprises.toml")).unwrap();
    let csv = format!(
        "{HEADER}\n\
         E0901,甲厂,T02-V01,federal,addr,,,,,,,,,\n\
         E0902,乙厂,T99,city,addr,,maybe,,,,,,,\n\
         E0903,丙厂,T02-V01,city,addr,,,,AB,,,,2026-02-30,\n\
         E0903,丁厂,T02-V01,县控,addr,,已批复,部分落实,无,COD；氨氮,,,,\n"
    );
    let p = room.write("bad.csv", csv);
    let err = room.fails(1, &[AT, "sources", "import", p.to_str().unwrap()]);
    let f = p.display().to_string();
    for want in [
        format!("{f}:2:4: control_level 'federal' is not one of national"),
        format!("{f}:3:3: grid 'T99' is not in grids.toml"),
        format!("{f}:3:7: eia 'maybe' is not one of approved | pending | none"),
        format!("{f}:4:9: permit 'AB' is not a permit number"),
        format!("{f}:4:13: registered '2026-02-30' is not a date"),
        format!("{f}:5:1: id E0903 is listed twice (also on line 4)"),
    ] {
        assert!(err.contains(&want), "wanted {want}\n{err}");
    }
    assert!(err.contains("nothing written"), "{err}");
    let after = std::fs::read_to_string(room.path("config/enterprises.toml")).unwrap();
    assert_eq!(before, after);
    room.ok(&["check-config"]);
    // Without a config directory (the embedded county) there is nothing to write.
    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(common::BIN)
        .current_dir(empty.path())
        .env_remove("GRIDWATCH_CONFIG")
        .env("GRIDWATCH_DB", room.db())
        .args(["sources", "import", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("embedded demo county cannot be changed")
    );
}

#[test]
fn an_imported_register_is_taken_up_by_a_running_daemon() {
    let room = Room::new();
    let d = start_with(&room, |c| {
        c.arg(AT);
    });
    let csv = register_csv(
        &room,
        "E0501,沙洲新建纸箱厂,T02-V02,county,河西街道沙洲村工业路1号,包装 packaging,approved,complete,none,颗粒物;VOCs,大气,沙洲村居民点、沙洲小学,2026-11-20,\n",
    );
    let p = room.write("register.csv", csv);
    let out = room.ok(&[AT, "sources", "import", p.to_str().unwrap()]);
    assert!(
        out.contains("42 sources written to")
            && out.contains("(added 1, updated 41, kept 0, removed 0)")
            && out.contains("added: E0501"),
        "{out}"
    );
    let toml = std::fs::read_to_string(room.path("config/enterprises.toml")).unwrap();
    assert!(
        toml.starts_with("# Pollution sources (污染源)"),
        "the comments are kept"
    );
    assert!(
        toml.contains("receptors = [\"沙洲村居民点\", \"沙洲小学\"]"),
        "{toml}"
    );
    room.ok(&["check-config"]);
    let mut seen = d.before.clone();
    wait_for(
        "the daemon to take up the register",
        Duration::from_secs(20),
        || {
            seen.extend(d.lines.try_iter());
            seen.iter().any(|l| l.contains("enterprises.toml changed"))
        },
    );
    let mut c = complaint("NEW1");
    c["enterprise"] = json!("E0501");
    c["location"] = json!({"address": "工业路1号"});
    let f = room.write("n.json", c.to_string());
    room.ok(&["submit", f.to_str().unwrap()]);
    wait_for(
        "the complaint to be ingested",
        Duration::from_secs(20),
        || common::daemon::count(&room) == 1,
    );
    let shown = room.json(&["show", "1", "--json"]);
    assert_eq!(shown["grid"], "T02-V02", "{shown}");
    let s = source(&room.json(&[AT, "sources", "--json"]), "E0501").clone();
    assert_eq!(
        s["due_on"], "2026-11-20",
        "never inspected: due since registered"
    );
    assert_eq!(s["interval_days"], 30, "a complaint shortened it");
    // A broken file is refused in the log; the register in force is kept.
    room.write("config/enterprises.toml", "[[enterprise]]\nid = \"E1\"\n");
    wait_for("the refusal in the log", Duration::from_secs(20), || {
        seen.extend(d.lines.try_iter());
        seen.iter()
            .any(|l| l.contains("enterprises.toml refused") && l.contains("enterprises.toml:"))
    });
    d.stop();
}

/// A wrong census value, a link out of order or to a village: check-config
/// names the file and line of each.
#[test]
fn check_config_names_every_wrong_census_value_and_link_with_its_line() {
    let room = Room::new();
    let ent = room.path("config/enterprises.toml");
    let text = std::fs::read_to_string(&ent).unwrap();
    let text = text
        .replacen("eia = \"approved\"", "eia = \"maybe\"", 1)
        .replacen(
            "registered = 2009-05-12",
            "registered = 2009-05-12T08:00:00",
            1,
        );
    std::fs::write(&ent, text).unwrap();
    let off = room.path("config/officers.toml");
    let text = std::fs::read_to_string(&off).unwrap().replacen(
        "enterprises = [\"E0109\", \"E0304\", \"E0208\"]\ntownships = [\"T04\", \"T02\"]",
        "enterprises = [\"E0208\", \"E0109\"]\ntownships = [\"T04-V01\"]",
        1,
    );
    std::fs::write(&off, text).unwrap();
    let gw = room.path("config/gridwatch.toml");
    let text = std::fs::read_to_string(&gw)
        .unwrap()
        .replace("shorten_percent = 50", "shorten_percent = 0");
    std::fs::write(&gw, text).unwrap();
    let err = room.fails(1, &["check-config"]);
    for want in [
        "enterprises.toml:22: enterprise E0101: eia 'maybe' is not approved | pending | none",
        "enterprises.toml:28: enterprise E0101: registered = 2009-05-12T08:00:00: give a date",
        "officers.toml:23: officer O002: national-control E0109 comes after E0208",
        "officers.toml:24: officer O002: T04-V01 is a level-3 grid, not a township",
        "gridwatch.toml:78: patrol shorten_percent = 0",
    ] {
        assert!(err.contains(want), "wanted {want}\n{err}");
    }
}

/// Import merges by default: a CSV of two rows adds one source and replaces
/// another, every other source (and its census) is kept, and the previous
/// file is kept as `enterprises.toml.bak`. `--replace` makes the CSV the
/// whole register — refused while officers are linked to the sources it
/// drops, each link named at its line of officers.toml, nothing written.
#[test]
fn import_merges_by_default_and_replace_is_checked_on_the_result() {
    let room = Room::new();
    let ent = room.path("config/enterprises.toml");
    let before = std::fs::read_to_string(&ent).unwrap();
    let csv = format!(
        "{HEADER}\n\
         E0501,沙洲新建纸箱厂,T02-V02,county,工业路1号,,,,,,,,2026-11-20,\n\
         E0101,新名字,T02-V01,national,新地址,,,,,,,,,\n"
    );
    let p = room.write("two.csv", csv);
    let out = room.ok(&[AT, "sources", "import", p.to_str().unwrap()]);
    assert!(
        out.contains("42 sources written to")
            && out.contains("(added 1, updated 1, kept 40, removed 0)")
            && out.contains("added: E0501")
            && out.contains("updated: E0101")
            && out.contains("enterprises.toml.bak"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(room.path("config/enterprises.toml.bak")).unwrap(),
        before
    );
    let all = room.json(&[AT, "sources", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 42);
    assert_eq!(source(&all, "E0101")["name"], "新名字");
    let kept = source(&all, "E0206");
    assert_eq!(kept["eia"], "approved", "the census of a kept source stays");
    assert!(!kept["pollutants"].as_array().unwrap().is_empty(), "{kept}");
    room.ok(&["check-config"]);

    // --replace with only these two: the officers' other links refuse it.
    let now = std::fs::read_to_string(&ent).unwrap();
    let err = room.fails(
        1,
        &[AT, "sources", "import", "--replace", p.to_str().unwrap()],
    );
    assert!(
        err.contains(
            "officers.toml:14: enterprise E0206 is missing, but officer O001 is linked to it"
        ) && err.contains("officers.toml:23: enterprise E0109 is missing, but officer O002"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(std::fs::read_to_string(&ent).unwrap(), now);

    // Export, drop the sources nobody is linked to but one, --replace.
    let officers = std::fs::read_to_string(room.path("config/officers.toml")).unwrap();
    let linked: Vec<&str> = officers
        .lines()
        .filter(|l| l.starts_with("enterprises = ["))
        .flat_map(|l| l.split('"').skip(1).step_by(2))
        .collect();
    let n = linked.len();
    assert!(n > 5 && n < 30, "{linked:?}");
    let exported = room.ok(&["sources", "export"]);
    assert!(exported.starts_with(HEADER), "{exported}");
    let mut kept_rows = String::new();
    for l in exported.lines() {
        if l.starts_with("id,") || linked.iter().any(|id| l.starts_with(&format!("{id},"))) {
            kept_rows.push_str(l);
            kept_rows.push('\n');
        }
    }
    let out_file = room.path("all.csv");
    let said = room.ok(&["sources", "export", out_file.to_str().unwrap()]);
    assert!(said.contains("42 sources written to"), "{said}");
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), exported);
    // The export imports again unchanged.
    let out = room.ok(&[AT, "sources", "import", out_file.to_str().unwrap()]);
    assert!(
        out.contains("(added 0, updated 0, kept 42, removed 0)"),
        "{out}"
    );
    let p = room.write("linked.csv", kept_rows);
    let out = room.ok(&[AT, "sources", "import", "--replace", p.to_str().unwrap()]);
    assert!(
        out.contains(&format!("{n} sources written to"))
            && out.contains(&format!(
                "(added 0, updated 0, kept {n}, removed {})",
                42 - n
            ))
            && out.contains("removed: E0104 "),
        "{out}"
    );
    room.ok(&["check-config"]);
    assert_eq!(
        room.json(&[AT, "sources", "--json"])
            .as_array()
            .unwrap()
            .len(),
        n
    );
}

/// The stranger's case: E0101 last inspected 11-03 every 30 d (due 12-03).
/// A complaint today shortens the interval to 15 d — 11-18, already past —
/// so the source is due today, not 12 days overdue; a repeat today too.
/// Two days later it is 2 days overdue.
#[test]
fn a_complaint_today_makes_a_source_due_today_not_overdue_retroactively() {
    let room = Room::new();
    let e = |at: &str| source(&room.json(&[at, "sources", "--json"]), "E0101").clone();
    assert_eq!(e(AT)["due_on"], "2026-12-03");
    for (n, r) in ["C1", "C2"].into_iter().enumerate() {
        let mut c = complaint(r);
        c["enterprise"] = json!("E0101");
        let p = room.write(&format!("{r}.json"), c.to_string());
        room.ok(&["submit", p.to_str().unwrap()]);
        room.ok(&[AT, "intake", "--once"]);
        let s = e(AT);
        assert_eq!(s["interval_days"], [15, 7][n], "{s}");
        assert_eq!(
            (s["due_on"].clone(), s["overdue_days"].clone()),
            (json!("2026-11-30"), json!(0)),
            "{s}"
        );
    }
    let later = e("--now=2026-12-02T10:00:00+08:00");
    assert_eq!(later["overdue_days"], 2, "{later}");
}

/// A visit to a township the officer is not linked to is recorded, and the
/// result line says so; one to a linked township says nothing more.
#[test]
fn a_visit_outside_the_officers_townships_is_recorded_and_said() {
    let room = Room::new();
    let out = room.ok(&[AT, "visit", "T04", "--officer", "O003", "--note", "巡查"]);
    assert!(
        out.contains("Visit 1 to T04")
            && out.contains("T04 is not among O003's linked townships; recorded anyway"),
        "{out}"
    );
    let zh = room.ok(&[
        AT,
        "--lang",
        "zh",
        "visit",
        "T04",
        "--officer",
        "O003",
        "--note",
        "巡查",
    ]);
    assert!(zh.contains("T04 不在 O003 的挂钩乡镇中；仍已登记"), "{zh}");
    let out = room.ok(&[AT, "visit", "T04", "--officer", "O002", "--note", "巡查"]);
    assert!(!out.contains("not among"), "{out}");
}

/// What `sources import` will not read or write: a pipe or a device (it
/// would block, or fill the memory of the host the daemon shares), a header
/// that names one field twice (the later column silently won), a register
/// over the 4 MiB every config file is held to (every command would then
/// refuse the config). Nothing is written in any case.
#[test]
fn import_refuses_devices_duplicate_columns_and_a_register_too_large() {
    let room = Room::new();
    let before = std::fs::read(room.path("config/enterprises.toml")).unwrap();
    let err = room.fails(1, &["sources", "import", "/dev/zero"]);
    assert!(err.contains("not a regular file"), "{err}");
    let csv = room.ok(&["sources", "export"]);
    let dup = csv.replacen(",industry,", ",name,", 1);
    let p = room.write("dup.csv", dup);
    let err = room.fails(1, &["sources", "import", p.to_str().unwrap()]);
    assert!(
        err.contains("dup.csv:1:6: column 'name' names the same field as column 2"),
        "{err}"
    );
    let mut big =
        String::from("id,name,grid,control_level,address,industry,pollutants,receptors\n");
    for i in 0..12_000 {
        big.push_str(&format!(
            "X{i:05},临江某某化工有限公司第{i}厂,T03-V01-G01,general,临江经济开发区化工园纬{i}路{i}号,化学原料和化学制品制造业,COD;氨氮;总磷;挥发性有机物,沙洲村;柳湾村;临江第一中学\n"
        ));
    }
    assert!(big.len() < 4 << 20, "the CSV itself is under the limit");
    let p = room.write("big.csv", big);
    let err = room.fails(1, &["sources", "import", p.to_str().unwrap()]);
    assert!(err.contains("config files are at most 4 MiB"), "{err}");
    // A CSV itself over the limit is refused before it is read, in the
    // register's words (it said "a holiday CSV").
    let p = room.write("huge.csv", "x".repeat((4 << 20) + 1));
    let err = room.fails(1, &["sources", "import", p.to_str().unwrap()]);
    assert!(err.contains("a register CSV is at most"), "{err}");
    assert_eq!(
        std::fs::read(room.path("config/enterprises.toml")).unwrap(),
        before
    );
}
