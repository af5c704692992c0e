//! `gridwatch incident …` as a duty officer and a script use it: the real
//! binary on a scratch room with the shipped plans and depots, on a fixed
//! clock (`--now`), in both languages.

mod common;
use common::{NOW, Room, complaint};
use serde_json::Value;

/// 09:30 local, 18 minutes after the complaint of [`complaint`] (09:12).
const AT: &str = NOW;

/// A room with one water complaint (received 09:12 local) and an incident
/// opened from it at level III.
fn room_with_incident() -> Room {
    let room = Room::new();
    let mut c = complaint("W1");
    c["category"] = "water".into();
    c["description"] = "河面漂浮油污，有刺鼻气味".into();
    let p = room.write("c.json", c.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[AT, "intake", "--once"]);
    let said = room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--level",
        "III",
        "--from-complaint",
        "1",
    ]);
    assert!(said.starts_with("incident 1 opened"), "{said}");
    // The first step is due 30 min after discovery, the report 4 h after.
    assert!(said.contains("11-30 09:42 (in 12:00)"), "{said}");
    assert!(said.contains("initial report due 11-30 13:12"), "{said}");
    room
}

fn incident(room: &Room, id: &str) -> Value {
    room.json(&[AT, "incident", "show", id, "--json"])
}

fn initial_due(v: &Value) -> String {
    v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "initial")
        .unwrap()["due_at"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The cells after `label` on the first line of `text` that starts with it.
fn cells(text: &str, label: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in:\n{text}"));
    line[label.len()..]
        .split_whitespace()
        .map(String::from)
        .collect()
}

fn one_line(err: &str) -> &str {
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    err.trim_end()
}

/// Opened from a complaint: discovered when the complaint was received, in
/// its grid; `list` and `show` in words and in the JSON of DESIGN §4.6.
#[test]
fn an_incident_opened_from_a_complaint_lists_and_shows_with_the_design_names() {
    let room = room_with_incident();
    let list = room.json(&[AT, "incident", "list", "--json"]);
    let row = &list[0];
    for key in [
        "id",
        "plan",
        "type",
        "level",
        "status",
        "drill",
        "grid",
        "discovered_at",
        "next_step_due_at",
    ] {
        assert!(row.get(key).is_some(), "list --json has no {key}: {row}");
    }
    assert_eq!(row["plan"], "water-pollution");
    assert_eq!(row["type"], "water_pollution");
    assert_eq!(row["level"], "III");
    assert_eq!(row["status"], "active");
    assert_eq!(row["drill"], false);
    assert_eq!(row["grid"], "T03-V01-G01");
    assert_eq!(row["complaint_id"], 1);
    assert_eq!(row["discovered_at"], "2026-11-30T09:12:00+08:00");
    assert_eq!(row["next_step_due_at"], "2026-11-30T09:42:00+08:00");

    let v = incident(&room, "1");
    let step = &v["steps"][0];
    for key in [
        "n",
        "text",
        "role",
        "due_at",
        "done_at",
        "done_by",
        "skipped_reason",
    ] {
        assert!(step.get(key).is_some(), "steps[] has no {key}: {step}");
    }
    assert_eq!(step["n"], 1);
    assert_eq!(step["due_at"], "2026-11-30T09:42:00+08:00");
    assert_eq!(initial_due(&v), "2026-11-30T13:12:00+08:00");
    for key in ["personnel", "equipment", "reports", "timeline"] {
        assert!(v[key].is_array(), "show --json has no {key} array");
    }
    let equipment = v["equipment"].as_array().unwrap();
    assert!(
        equipment
            .iter()
            .any(|e| e["item"] == "sandbag" && e["required"] == 300),
        "{equipment:?}"
    );
    let e = &equipment[0];
    for key in [
        "item",
        "depot",
        "required",
        "requested",
        "dispatched",
        "returned",
    ] {
        assert!(e.get(key).is_some(), "equipment[] has no {key}: {e}");
    }
    let r = &v["reports"][0];
    for key in ["kind", "due_at", "sent_at", "to"] {
        assert!(r.get(key).is_some(), "reports[] has no {key}: {r}");
    }
    assert_eq!(v["timeline"][0]["action"], "incident.open");

    let list = room.ok(&[AT, "incident", "list"]);
    assert!(
        list.contains("III (relatively serious)") && list.contains("0/"),
        "{list}"
    );
    let show = room.ok(&[AT, "incident", "show", "1"]);
    for want in [
        "III (relatively serious)",
        "active",
        "T03-V01-G01",
        "2026-11-30T09:12:00+08:00",
        "From complaint",
        "#1",
        "Checklist",
        "Verify the report and phone the city bureau",
        "12:00",
        "Personnel",
        "Emergency monitoring",
        "Equipment and materials",
        "300 bag",
        "Reports",
        "13:12",
        "Facts for the reports",
        "(not yet known)",
        "Timeline",
        "opened by plan water-pollution",
        "(from complaint #1)",
    ] {
        assert!(show.contains(want), "{want}:\n{show}");
    }
    assert!(!show.contains("DRILL"), "{show}");
    // Monitoring needs 3, nobody is engaged: 3 short.
    assert_eq!(cells(&show, "Emergency monitoring  "), ["3", "0", "0", "3"]);
}

/// Level III → II: the initial report is due 2 h after discovery instead of
/// 4 h, the command says so, and so does the timeline.
#[test]
fn level_iii_to_ii_moves_the_initial_report_from_four_hours_to_two() {
    let room = room_with_incident();
    assert_eq!(
        initial_due(&incident(&room, "1")),
        "2026-11-30T13:12:00+08:00"
    );
    let said = room.ok(&[AT, "incident", "level", "1", "II"]);
    assert!(
        said.contains("level now II (serious)")
            && said.contains("initial report now due 11-30 11:12")
            && said.contains("(was 11-30 13:12)"),
        "{said}"
    );
    let v = incident(&room, "1");
    assert_eq!(initial_due(&v), "2026-11-30T11:12:00+08:00");
    assert_eq!(v["level"], "II");
    // The steps that differ by level moved too: step 1 is due 15 min after.
    assert_eq!(v["steps"][0]["due_at"], "2026-11-30T09:27:00+08:00");
    let show = room.ok(&[AT, "incident", "show", "1"]);
    assert!(
        show.contains(
            "level III (relatively serious) → II (serious); initial report due 11-30 11:12 instead of 11-30 13:12"
        ),
        "{show}"
    );
    // Answers to the six questions belong to an unknown level only.
    let err = room.fails(
        1,
        &[AT, "incident", "level", "1", "III", "--drinking-water"],
    );
    assert!(
        one_line(&err).contains("--drinking-water") && err.contains("unknown"),
        "{err}"
    );
}

/// While the level is unknown, one yes to the six questions applies the
/// I/II deadlines: 2 h.
#[test]
fn an_unknown_level_with_heavy_metals_takes_two_hours() {
    let room = Room::new();
    let said = room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--grid",
        "T01",
        "--level",
        "unknown",
        "--heavy-metals",
        "--discovered",
        "2026-11-30 09:00",
    ]);
    assert!(said.contains("initial report due 11-30 11:00"), "{said}");
    let v = incident(&room, "1");
    assert_eq!(v["level"], "unknown");
    assert_eq!(v["discovered_at"], "2026-11-30T09:00:00+08:00");
    assert_eq!(initial_due(&v), "2026-11-30T11:00:00+08:00");
    let show = room.ok(&[AT, "incident", "show", "1"]);
    assert!(
        show.contains("level unknown, treated as I/II: heavy metals or metalloids"),
        "{show}"
    );
    // Without a yes, the III/IV deadline.
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--grid",
        "T01",
        "--level",
        "unknown",
        "--discovered",
        "09:00",
    ]);
    assert_eq!(
        initial_due(&incident(&room, "2")),
        "2026-11-30T13:00:00+08:00"
    );
    // A known level with a question is refused, saying why.
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "open",
            "--plan",
            "water-pollution",
            "--grid",
            "T01",
            "--level",
            "III",
            "--heavy-metals",
        ],
    );
    assert_eq!(
        one_line(&err),
        "gridwatch: --heavy-metals is asked only while the level is unknown, and the level given is III: give the level as unknown, or leave the question out"
    );
}

/// A step done (with a note), another skipped (with a reason), one added.
#[test]
fn steps_are_done_skipped_and_added() {
    let room = room_with_incident();
    let planned = incident(&room, "1")["steps"].as_array().unwrap().len();
    let said = room.ok(&[
        AT,
        "incident",
        "step",
        "1",
        "1",
        "--done",
        "--note",
        "市局值班室已接报",
    ]);
    assert_eq!(said.trim(), "incident 1: step 1 done");
    let said = room.ok(&[
        AT,
        "incident",
        "step",
        "1",
        "2",
        "--skip",
        "commander already there",
    ]);
    assert_eq!(
        said.trim(),
        "incident 1: step 2 skipped: commander already there"
    );
    let said = room.ok(&[
        AT,
        "incident",
        "step",
        "1",
        "add",
        "Close the sluice at 马家闸",
        "--due",
        "10:30",
        "--role",
        "disposal",
    ]);
    let n = planned + 1;
    assert_eq!(
        said.trim(),
        format!("incident 1: step {n} added, due 11-30 10:30 (in 1:00:00)")
    );
    let v = incident(&room, "1");
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), n);
    assert_eq!(steps[0]["done_by"], "tester");
    assert_eq!(steps[0]["done_at"], "2026-11-30T09:30:00+08:00");
    assert_eq!(steps[1]["skipped_reason"], "commander already there");
    assert_eq!(steps[n - 1]["due_at"], "2026-11-30T10:30:00+08:00");
    assert_eq!(steps[n - 1]["role"], "disposal");
    assert_eq!(v["steps_settled"], 2);
    // The next step due is now step 3.
    assert_eq!(v["next_step"], 3);
    let show = room.ok(&[AT, "incident", "show", "1"]);
    for want in [
        "2 of",
        "done",
        "市局值班室已接报",
        "skipped",
        "Close the sluice at 马家闸 (added)",
        "step 1 done: 市局值班室已接报",
        "step 2 skipped: commander already there",
    ] {
        assert!(show.contains(want), "{want}:\n{show}");
    }
    // Undo reopens it; a second undo is refused.
    room.ok(&[AT, "incident", "step", "1", "1", "--undo"]);
    room.fails(1, &[AT, "incident", "step", "1", "1", "--undo"]);
}

/// People move forward only; the first on scene is recorded; a backward
/// move is refused with a clear reason.
#[test]
fn a_person_is_assigned_and_moves_forward_only() {
    let room = room_with_incident();
    let said = room.ok(&[
        AT,
        "incident",
        "assign",
        "1",
        "--officer",
        "O017",
        "--role",
        "monitoring",
    ]);
    assert!(
        said.contains("incident 1: O017") && said.contains("Emergency monitoring: requested"),
        "{said}"
    );
    let said = room.ok(&[
        AT,
        "incident",
        "assign",
        "1",
        "--officer",
        "O017",
        "--role",
        "monitoring",
        "--status",
        "on-scene",
    ]);
    assert!(
        said.contains("on scene") && said.contains("the first on scene"),
        "{said}"
    );
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "assign",
            "1",
            "--officer",
            "O017",
            "--role",
            "monitoring",
            "--status",
            "notified",
        ],
    );
    let err = one_line(&err);
    assert!(err.contains("O017") && err.contains("notified"), "{err}");
    let v = incident(&room, "1");
    assert_eq!(v["first_on_scene_at"], "2026-11-30T09:30:00+08:00");
    assert_eq!(v["personnel"][0]["officer"], "O017");
    assert_eq!(v["personnel"][0]["role"], "monitoring");
    assert_eq!(v["personnel"][0]["status"], "on_scene");
    assert_eq!(v["personnel"][0]["at"], "2026-11-30T09:30:00+08:00");
    let show = room.ok(&[AT, "incident", "show", "1"]);
    // Monitoring needs 3, one is on scene: 2 short.
    assert_eq!(cells(&show, "Emergency monitoring  "), ["3", "1", "1", "2"]);
    // An unknown status is a usage mistake.
    room.fails(
        1,
        &[
            AT,
            "incident",
            "assign",
            "1",
            "--officer",
            "O017",
            "--role",
            "monitoring",
            "--status",
            "arrived",
        ],
    );
}

/// A dispatch over what a depot holds is refused; after a dispatch the
/// depot shows less, in `show` and in `plans`.
#[test]
fn equipment_comes_from_a_depots_stock() {
    let room = room_with_incident();
    let before = room.ok(&[AT, "incident", "plans"]);
    assert!(
        before
            .lines()
            .any(|l| l.contains("D-T01") && l.contains("sandbag") && l.contains("500 bag")),
        "{before}"
    );
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "equip",
            "1",
            "sandbag",
            "--dispatched",
            "600",
            "--depot",
            "D-T01",
        ],
    );
    assert!(one_line(&err).contains("500"), "{err}");
    let said = room.ok(&[
        AT,
        "incident",
        "equip",
        "1",
        "sandbag",
        "--dispatched",
        "100",
        "--depot",
        "D-T01",
    ]);
    assert!(
        said.contains("100 bag Sandbag dispatched") && said.contains("400 bag left there"),
        "{said}"
    );
    let after = room.ok(&[AT, "incident", "plans"]);
    assert!(
        after
            .lines()
            .any(|l| l.contains("D-T01") && l.contains("sandbag") && l.contains("400 bag")),
        "{after}"
    );
    let v = incident(&room, "1");
    let row = v["equipment"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["item"] == "sandbag" && e["depot"] == "D-T01")
        .cloned()
        .unwrap();
    assert_eq!(row["dispatched"], 100);
    assert_eq!(row["required"], 300);
    let show = room.ok(&[AT, "incident", "show", "1"]);
    assert!(show.contains("D-T01 城关镇应急物资储备点"), "{show}");
    assert!(show.contains("100 bag Sandbag dispatched"), "{show}");
    // Exactly one movement, more than nothing.
    room.fails(
        1,
        &[AT, "incident", "equip", "1", "sandbag", "--depot", "D-T01"],
    );
    room.fails(
        1,
        &[
            AT,
            "incident",
            "equip",
            "1",
            "sandbag",
            "--returned",
            "0",
            "--depot",
            "D-T01",
        ],
    );
}

/// The draft answers a deadline and marks what is not known yet; sent, its
/// countdown stops.
#[test]
fn the_initial_report_is_drafted_then_sent() {
    let room = room_with_incident();
    room.ok(&[
        AT,
        "incident",
        "facts",
        "1",
        "--pollutants",
        "石油类，约 2 吨",
    ]);
    let draft = room.ok(&[AT, "incident", "report", "1", "--kind", "initial"]);
    assert!(draft.starts_with('#'), "Markdown:\n{draft}");
    assert!(draft.contains("13:12"), "the deadline it answers:\n{draft}");
    assert!(draft.contains("石油类，约 2 吨"), "{draft}");
    assert!(
        draft.to_lowercase().contains("missing") || draft.contains("not yet"),
        "missing fields marked:\n{draft}"
    );
    let said = room.ok(&[
        AT,
        "incident",
        "report",
        "1",
        "--kind",
        "initial",
        "--sent",
        "--to",
        "市生态环境局",
    ]);
    assert!(
        said.contains("incident 1: initial report recorded as sent to 市生态环境局"),
        "{said}"
    );
    let v = incident(&room, "1");
    let initial = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "initial")
        .cloned()
        .unwrap();
    assert_eq!(initial["sent_at"], "2026-11-30T09:30:00+08:00");
    assert_eq!(initial["to"], "市生态环境局");
    assert_eq!(v["initial_report_due_at"], Value::Null);
    let show = room.ok(&[AT, "incident", "show", "1"]);
    assert!(show.contains("sent 11-30 09:30"), "{show}");
    assert!(
        show.contains("initial report sent to 市生态环境局"),
        "{show}"
    );
    // --sent needs --to, and a known kind.
    room.fails(
        1,
        &[AT, "incident", "report", "1", "--kind", "initial", "--sent"],
    );
    room.fails(1, &[AT, "incident", "report", "1", "--kind", "first"]);
}

/// Mistakes of the command line: exit 1 with one line saying what is taken.
#[test]
fn usage_mistakes_exit_1_with_one_line() {
    let room = room_with_incident();
    let cases: &[(&[&str], &str)] = &[
        (
            &["incident", "step", "1", "1"],
            "gridwatch: say what became of the step: --done, --undo or --skip REASON",
        ),
        (
            &["incident", "step", "1", "first", "--done"],
            "gridwatch: 'first' is neither a step number (1, 2, …) nor `add`",
        ),
        (
            &["incident", "step", "1", "add", "Call the water plant"],
            "gridwatch: an added step needs its text and a due time: `gridwatch incident step ID add TEXT --due TIME`",
        ),
        (
            &["incident", "step", "1", "add", "x", "--due", "soon"],
            "gridwatch: --due 'soon' is not a time: RFC 3339, YYYY-MM-DD HH:MM, HH:MM, +30 or +2h (local time)",
        ),
        (
            &["incident", "step", "1", "1", "--skip", " "],
            "gridwatch: a skipped step needs a reason",
        ),
        (
            &["incident", "status", "1", "closed"],
            "gridwatch: an incident is closed with `gridwatch incident close ID`",
        ),
        (
            &["incident", "status", "1", "calm"],
            "gridwatch: 'calm' is not a status to set: stable or active",
        ),
        (
            &["incident", "level", "1", "V"],
            "gridwatch: 'V' is not a level: I, II, III, IV or unknown",
        ),
        (
            &["incident", "report", "1", "--kind", "first"],
            "gridwatch: 'first' is not a kind of report: initial, follow-up or final",
        ),
        (
            &["incident", "facts", "1"],
            "gridwatch: give at least one fact: --cause, --course, --pollutants, --monitoring, --casualties, --impact or --trend",
        ),
    ];
    for (args, want) in cases {
        let mut full = vec![AT];
        full.extend_from_slice(args);
        let err = room.fails(1, &full);
        assert_eq!(one_line(&err), *want, "{args:?}");
    }
    // Refusals of the store, in one line too.
    for args in [
        &["incident", "show", "42"][..],
        &["incident", "step", "1", "99", "--done"],
        &[
            "incident", "open", "--plan", "volcano", "--grid", "T01", "--level", "IV",
        ],
        &["incident", "equip", "1", "unobtainium", "--requested", "1"],
    ] {
        let mut full = vec![AT];
        full.extend_from_slice(args);
        one_line(&room.fails(1, &full));
    }
    // clap's own mistakes exit 1 as well.
    room.fails(
        1,
        &[
            AT,
            "incident",
            "equip",
            "1",
            "sandbag",
            "--dispatched",
            "3",
            "--returned",
            "1",
        ],
    );
    room.fails(1, &[AT, "incident", "step", "1", "1", "--done", "--undo"]);
}

/// Status, close and reopen, each said in words.
#[test]
fn an_incident_becomes_stable_closes_and_reopens() {
    let room = room_with_incident();
    assert_eq!(
        room.ok(&[AT, "incident", "status", "1", "stable"]).trim(),
        "incident 1 is now stable"
    );
    assert_eq!(
        room.ok(&[AT, "incident", "close", "1"]).trim(),
        "incident 1 is now closed"
    );
    assert_eq!(
        room.json(&[AT, "incident", "list", "--open", "--json"]),
        serde_json::json!([])
    );
    assert_eq!(
        room.ok(&[AT, "incident", "list", "--open"]).trim(),
        "no open incidents"
    );
    room.ok(&[
        AT,
        "incident",
        "reopen",
        "1",
        "--reason",
        "oil seen again downstream",
    ]);
    let v = incident(&room, "1");
    assert_eq!(v["status"], "active");
    let show = room.ok(&[AT, "incident", "show", "1"]);
    assert!(
        show.contains("incident reopened: oil seen again downstream"),
        "{show}"
    );
}

/// A drill is marked in the list, in show (first, loudly) and in every
/// outcome line, in both languages.
#[test]
fn a_drill_is_marked_everywhere() {
    let room = Room::new();
    let said = room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "oil-spill",
        "--grid",
        "T02",
        "--level",
        "IV",
        "--drill",
    ]);
    assert!(said.starts_with("DRILL incident 1 opened"), "{said}");
    let list = room.ok(&[AT, "incident", "list"]);
    assert!(list.lines().nth(1).unwrap().contains("DRILL"), "{list}");
    let show = room.ok(&[AT, "incident", "show", "1"]);
    assert!(show.starts_with("*** DRILL"), "{show}");
    assert!(show.contains("active — DRILL"), "{show}");
    let zh = room.ok(&["--lang", "zh", AT, "incident", "show", "1"]);
    assert!(zh.starts_with("*** 演练"), "{zh}");
    assert_eq!(
        room.json(&[AT, "incident", "list", "--json"])[0]["drill"],
        true
    );
    let said = room.ok(&[AT, "incident", "status", "1", "stable"]);
    assert!(said.starts_with("DRILL "), "{said}");
}

/// The pieces of two words or more of the incident command line's English
/// (keys `IncCli…`, the incident values `Inc…` and the refusals `IncOp…`).
fn english_of_incidents() -> Vec<String> {
    use gridwatch::i18n::{Lang, T};
    let mut out = Vec::new();
    for t in T::ALL.iter().filter(|t| {
        let name = format!("{t:?}");
        // The command line's, the values', and the refusals of the operations.
        name.starts_with("Inc") && !name.starts_with("IncCfg") && !name.starts_with("IncUi")
    }) {
        let mut text = t.get(Lang::En).replace('|', "\u{0}");
        while let (Some(a), Some(b)) = (text.find('{'), text.find('}')) {
            if b < a {
                break;
            }
            text.replace_range(a..=b, "\u{0}");
        }
        for (i, piece) in text.split('`').enumerate() {
            if i % 2 == 1 {
                continue;
            }
            for f in piece.split('\u{0}') {
                let f = f.trim_matches(|c: char| c.is_whitespace() || ",.;:()'—-*".contains(c));
                if f.split_whitespace().count() >= 2 && f.chars().any(|c| c.is_ascii_alphabetic()) {
                    out.push(f.to_string());
                }
            }
        }
    }
    out
}

/// Everything the incident commands print, stdout and stderr, in `lang`.
fn everything_said_in(lang: &str) -> String {
    let room = room_with_incident();
    let mut said = String::new();
    let mut run = |args: &[&str]| {
        let mut full = vec!["--lang", lang, AT, "incident"];
        full.extend_from_slice(args);
        let out = room.run(&full);
        said.push_str(&String::from_utf8_lossy(&out.stdout));
        said.push_str(&String::from_utf8_lossy(&out.stderr));
    };
    for args in [
        &[
            "open",
            "--plan",
            "oil-spill",
            "--grid",
            "T02",
            "--level",
            "unknown",
            "--drinking-water",
            "--drill",
        ][..],
        &[
            "open",
            "--plan",
            "oil-spill",
            "--grid",
            "T02",
            "--level",
            "IV",
            "--mass-impact",
        ],
        &["step", "1", "1", "--done", "--note", "已电话报告"],
        &["step", "1", "2", "--skip", "不适用"],
        &["step", "1", "3", "--done"],
        &["step", "1", "3", "--undo"],
        &[
            "step",
            "1",
            "add",
            "关闭闸门",
            "--due",
            "10:30",
            "--role",
            "disposal",
        ],
        &["step", "1", "1"],
        &["step", "1", "add", "x", "--due", "soon"],
        &["assign", "1", "--officer", "O017", "--role", "monitoring"],
        &[
            "assign",
            "1",
            "--officer",
            "O017",
            "--role",
            "monitoring",
            "--status",
            "on-scene",
        ],
        &[
            "assign",
            "1",
            "--officer",
            "O017",
            "--role",
            "monitoring",
            "--status",
            "notified",
        ],
        &[
            "assign",
            "1",
            "--officer",
            "O017",
            "--role",
            "monitoring",
            "--status",
            "gone",
        ],
        &[
            "equip",
            "1",
            "sandbag",
            "--dispatched",
            "100",
            "--depot",
            "D-T01",
        ],
        &[
            "equip",
            "1",
            "sandbag",
            "--returned",
            "20",
            "--depot",
            "D-T01",
        ],
        &["equip", "1", "sandbag", "--requested", "50"],
        &["equip", "1", "sandbag", "--depot", "D-T01"],
        &["level", "1", "II"],
        &["level", "1", "V"],
        &["level", "2", "III"],
        &[
            "facts",
            "1",
            "--cause",
            "管道破裂",
            "--pollutants",
            "石油类",
        ],
        &["facts", "1"],
        &[
            "report",
            "1",
            "--kind",
            "initial",
            "--sent",
            "--to",
            "市生态环境局",
        ],
        &["report", "1", "--kind", "later"],
        &["status", "1", "stable"],
        &["status", "1", "closed"],
        &["close", "1"],
        &["reopen", "1", "--reason", "再次发现油污"],
        &["list"],
        &["list", "--open"],
        &["show", "1"],
        &["show", "2"],
        &["plans"],
    ] {
        run(args);
    }
    said
}

/// Under `--lang zh` the incident commands print none of their English
/// (and in English they do: the test can see it).
#[test]
fn under_lang_zh_the_incident_commands_print_no_english_of_their_table() {
    let table = english_of_incidents();
    let in_english = everything_said_in("en");
    let seen = table
        .iter()
        .filter(|f| in_english.contains(f.as_str()))
        .count();
    assert!(
        seen >= 30,
        "only {seen} of {} pieces seen in English:\n{in_english}",
        table.len()
    );
    let said = everything_said_in("zh");
    let english: Vec<&String> = table.iter().filter(|f| said.contains(f.as_str())).collect();
    assert!(
        english.is_empty(),
        "English under --lang zh: {english:?}\n{said}"
    );
    for zh in ["事件 1", "处置清单", "初报", "演练", "已到场", "该库尚余"] {
        assert!(said.contains(zh), "{zh}: {said}");
    }
}

/// The Chinese of the incident command line holds no ASCII word of its own:
/// flags and values as typed (`--dispatched`, `unknown`) fill its places
/// instead. Otherwise they would leave the vocabulary with which the
/// dashboard's Chinese screens are checked for English (`tests/tui_zh.rs`).
#[test]
fn the_chinese_of_the_incident_command_line_types_flags_through_its_places() {
    use gridwatch::i18n::{Lang, T};
    for t in T::ALL
        .iter()
        .filter(|t| format!("{t:?}").starts_with("IncCli"))
    {
        let mut depth = 0;
        let outside: String = t
            .get(Lang::Zh)
            .chars()
            .filter(|c| match c {
                '{' => {
                    depth += 1;
                    false
                }
                '}' => {
                    depth -= 1;
                    false
                }
                _ => depth == 0,
            })
            .collect();
        assert!(
            !outside.chars().any(|c| c.is_ascii_alphabetic()),
            "{t:?}: {}",
            t.get(Lang::Zh)
        );
    }
}

/// `status` counts real incidents and drills apart: a drill never inflates
/// the figures of the day, and an overdue step shows.
#[test]
fn status_counts_drills_apart_from_real_incidents() {
    let room = room_with_incident();
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "toxic-gas",
        "--grid",
        "T01",
        "--level",
        "IV",
        "--drill",
    ]);
    let v = room.json(&[AT, "status", "--json"]);
    assert_eq!(v["incidents"]["open"], 1, "{v}");
    assert_eq!(v["incidents"]["drills_open"], 1, "{v}");
    assert_eq!(v["incidents"]["overdue"], 0, "{v}");
    // Two hours on, the real incident's first step (due 09:42) is overdue.
    let later = "--now=2026-11-30T11:30:00+08:00";
    let v = room.json(&[later, "status", "--json"]);
    assert_eq!(v["incidents"]["overdue"], 1, "{v}");
    let human = room.ok(&[later, "status"]);
    assert!(
        human.contains("1 open, 1 with a step overdue; drills apart: 1 open"),
        "{human}"
    );
}

/// A role must be one of the incident's frozen plan roles, for an
/// assignment and an added step alike; the refusal lists them by id and name.
#[test]
fn an_unknown_role_is_refused_with_the_plans_roles() {
    let room = room_with_incident();
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "assign",
            "1",
            "--officer",
            "O008",
            "--role",
            "pilot",
        ],
    );
    let err = one_line(&err);
    assert!(
        err.contains("pilot") && err.contains("monitoring (Emergency monitoring)"),
        "{err}"
    );
    let err = room.fails(
        1,
        &[
            AT, "--lang", "zh", "incident", "step", "1", "add", "x", "--due", "10:30", "--role",
            "pilot",
        ],
    );
    let err = one_line(&err);
    assert!(
        err.contains("pilot") && err.contains("monitoring（"),
        "{err}"
    );
    assert!(!err.contains("Emergency monitoring"), "{err}");
    room.ok(&[
        AT, "incident", "step", "1", "add", "x", "--due", "10:30", "--role", "expert",
    ]);
}

/// `--due HH:MM` late in the evening is tomorrow's; `+30` / `+2h` count
/// from now; a date and time before now is refused with its reason.
#[test]
fn an_added_steps_due_time_is_never_in_the_past() {
    let room = room_with_incident();
    let late = "--now=2026-11-30T23:50:00+08:00";
    let said = room.ok(&[late, "incident", "step", "1", "add", "x", "--due", "00:30"]);
    assert!(said.contains("due 12-01 00:30 (in 40:00)"), "{said}");
    let said = room.ok(&[late, "incident", "step", "1", "add", "y", "--due", "+2h"]);
    assert!(said.contains("due 12-01 01:50 (in 2:00:00)"), "{said}");
    let said = room.ok(&[late, "incident", "step", "1", "add", "z", "--due", "+30"]);
    assert!(said.contains("due 12-01 00:20 (in 30:00)"), "{said}");
    let err = room.fails(
        1,
        &[
            late,
            "incident",
            "step",
            "1",
            "add",
            "w",
            "--due",
            "2026-11-30 08:00",
        ],
    );
    let err = one_line(&err);
    assert!(
        err.contains("due 11-30 08:00 is before now (11-30 23:50)"),
        "{err}"
    );
    let help = room.ok(&["incident", "step", "--help"]);
    assert!(help.contains("+2h") && help.contains("tomorrow"), "{help}");
}

/// The timeline names a role as the incident's own plan does, not as
/// another plan names the same id (`expert` is "Hazardous chemicals
/// expert" in the chemical spill plan, "Expert" in the water plan).
#[test]
fn the_timeline_names_roles_from_the_incidents_own_plan() {
    let room = room_with_incident();
    room.ok(&[
        AT,
        "incident",
        "assign",
        "1",
        "--officer",
        "O017",
        "--role",
        "expert",
    ]);
    room.ok(&[
        AT,
        "incident",
        "step",
        "1",
        "add",
        "Ask the lab",
        "--due",
        "+30",
        "--role",
        "expert",
    ]);
    let show = room.ok(&[AT, "incident", "show", "1"]);
    let timeline = &show[show.rfind("Timeline").expect("a timeline")..];
    assert!(
        timeline.contains("assigned as Expert:") && timeline.contains("Ask the lab"),
        "{timeline}"
    );
    assert!(!timeline.contains("chemicals"), "{timeline}");
}

/// The words a stranger met: no doubled "level", "already closed", the
/// `--grid` flag, the plans that exist, days for a long countdown, and
/// names with units (not ids) in Chinese refusals.
#[test]
fn refusals_and_answers_read_plainly() {
    let room = room_with_incident();
    let said = room.ok(&[AT, "incident", "level", "1", "unknown", "--heavy-metals"]);
    assert!(
        said.contains("level now unknown, treated as I/II") && !said.contains("level now level"),
        "{said}"
    );
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "open",
            "--plan",
            "water-pollution",
            "--level",
            "III",
        ],
    );
    assert!(one_line(&err).contains("--grid"), "{err}");
    let err = room.fails(
        1,
        &[
            AT, "incident", "open", "--plan", "nope", "--level", "III", "--grid", "T01",
        ],
    );
    let err = one_line(&err);
    assert!(
        err.contains("'nope'") && err.contains("water-pollution") && err.contains("oil-spill"),
        "{err}"
    );
    let err = room.fails(
        1,
        &[
            AT,
            "--lang",
            "zh",
            "incident",
            "equip",
            "1",
            "sandbag",
            "--dispatched",
            "600",
            "--depot",
            "D-T01",
        ],
    );
    let err = one_line(&err);
    assert!(
        err.contains("500袋") && err.contains("城关镇应急物资储备点") && !err.contains("sandbag"),
        "{err}"
    );
    room.ok(&[AT, "incident", "close", "1"]);
    let err = room.fails(1, &[AT, "incident", "close", "1"]);
    assert_eq!(one_line(&err), "gridwatch: incident 1 is already closed");
    let show = room.ok(&[AT, "incident", "show", "1"]);
    assert!(!show.contains("359:"), "{show}");
    assert!(
        show.contains(" d 23:59") || show.contains(" d 00:00"),
        "{show}"
    );
}

/// Closing with loose ends closes, then says what is still open or out;
/// a closed incident has no next step (no "overdue" in `show` or `list`).
#[test]
fn closing_says_what_is_still_open_or_out() {
    let room = room_with_incident();
    room.ok(&[
        AT,
        "incident",
        "assign",
        "1",
        "--officer",
        "O017",
        "--role",
        "monitoring",
        "--status",
        "on-scene",
    ]);
    room.ok(&[
        AT,
        "incident",
        "equip",
        "1",
        "sandbag",
        "--dispatched",
        "100",
        "--depot",
        "D-T01",
    ]);
    let out = room.run(&[AT, "incident", "close", "1"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("closed"), "{said}");
    for want in [
        "step(s) still open: 1, 2",
        "people not released: O017",
        "Emergency monitoring, on scene",
        "equipment still out: D-T01 城关镇应急物资储备点: 100 bag Sandbag",
    ] {
        assert!(warned.contains(want), "{want}:\n{warned}");
    }
    let zh = room.run(&[
        AT, "--lang", "zh", "incident", "reopen", "1", "--reason", "r",
    ]);
    assert!(zh.status.success());
    let zh = room.run(&[AT, "--lang", "zh", "incident", "close", "1"]);
    let warned = String::from_utf8_lossy(&zh.stderr);
    assert!(
        warned.contains("未撤离") && warned.contains("100袋"),
        "{warned}"
    );
    let later = "--now=2026-12-02T09:30:00+08:00";
    let list = room.json(&[later, "incident", "list", "--json"]);
    assert!(list[0]["next_step_due_at"].is_null(), "{list}");
    assert!(list[0]["next_step"].is_null(), "{list}");
    let show = room.ok(&[later, "incident", "show", "1"]);
    let listed = room.ok(&[later, "incident", "list"]);
    assert_eq!(cells(&show, "Next step"), ["-"], "{show}");
    assert!(!listed.contains("overdue"), "{listed}");
}

/// A step's text is never cut, even through a pipe: a long one wraps
/// within its column in `show` and in `plans`.
#[test]
fn long_step_texts_are_printed_whole() {
    let room = room_with_incident();
    let words: Vec<String> = (1..=25).map(|i| format!("w{i:02}")).collect();
    let text = format!("Sample {} end", words.join(" "));
    room.ok(&[AT, "incident", "step", "1", "add", &text, "--due", "+30"]);
    let show = room.ok(&[AT, "incident", "show", "1"]);
    for w in words.iter().chain([&"end".to_string()]) {
        assert!(show.contains(&format!(" {w}")), "{w}:\n{show}");
    }
    assert!(!show.contains('…'), "{show}");
    let plans = room.ok(&[AT, "incident", "plans"]);
    assert!(!plans.contains('…'), "{plans}");
}

/// A complaint with an open incident opens a second one only with
/// `--again`; the refusal names the incident that exists.
#[test]
fn a_second_incident_from_one_complaint_needs_again() {
    let room = room_with_incident();
    let open = [
        AT,
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--level",
        "III",
        "--from-complaint",
        "1",
    ];
    let err = room.fails(1, &open);
    let err = one_line(&err);
    assert!(
        err.contains("complaint 1 already has incident 1 open") && err.contains("--again"),
        "{err}"
    );
    let mut again = open.to_vec();
    again.push("--again");
    assert!(room.ok(&again).starts_with("incident 2 opened"));
    // Closed, it no longer stands in the way.
    room.ok(&[AT, "incident", "close", "1"]);
    room.ok(&[AT, "incident", "close", "2"]);
    assert!(room.ok(&open).starts_with("incident 3 opened"));
}

/// A dispatch without `--depot` says which depot it took and that it was
/// chosen (the nearest in the grid tree, then by id).
#[test]
fn a_dispatch_without_a_depot_says_which_it_took() {
    let room = room_with_incident();
    let said = room.ok(&[
        AT,
        "incident",
        "equip",
        "1",
        "sandbag",
        "--dispatched",
        "10",
    ]);
    assert!(said.contains("from depot D-"), "{said}");
    assert!(said.contains("chosen"), "{said}");
    let said = room.ok(&[AT, "incident", "equip", "1", "sandbag", "--returned", "10"]);
    assert!(said.contains("D-") && said.contains("chosen"), "{said}");
    let said = room.ok(&[
        AT,
        "incident",
        "equip",
        "1",
        "sandbag",
        "--dispatched",
        "10",
        "--depot",
        "D-T01",
    ]);
    assert!(!said.contains("chosen"), "{said}");
    let help = room.ok(&["incident", "equip", "--help"]);
    assert!(help.contains("the nearest in the grid tree"), "{help}");
}

/// Attacker's findings: a discovery in year 1, a step due in 9999 and
/// quantities that wrapped the totals at u32 were all taken.
#[test]
fn implausible_times_and_quantities_are_refused_with_the_bound() {
    let room = room_with_incident();
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "open",
            "--plan",
            "oil-spill",
            "--grid",
            "T02",
            "--level",
            "IV",
            "--discovered",
            "2020-01-01T00:00:00+08:00",
        ],
    );
    assert!(err.contains("days back (check the year)"), "{err}");
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "step",
            "1",
            "add",
            "x",
            "--due",
            "9999-01-01T00:00:00Z",
        ],
    );
    assert!(err.contains("more than 30 days ahead"), "{err}");
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "equip",
            "1",
            "sandbag",
            "--requested",
            "4294967295",
        ],
    );
    assert!(err.contains("is more than 1000000"), "{err}");
    room.ok(&[
        AT,
        "incident",
        "equip",
        "1",
        "sandbag",
        "--requested",
        "1000000",
    ]);
    room.ok(&[AT, "incident", "equip", "1", "sandbag", "--requested", "10"]);
    let v = incident(&room, "1");
    let requested: u64 = v["equipment"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["item"] == "sandbag")
        .map(|r| r["requested"].as_u64().unwrap())
        .sum();
    assert_eq!(requested, 1_000_010);
}

/// A dispatch without a depot takes the nearest one in the grid tree: a
/// village incident gets its township's depot, not another township's with
/// a smaller id (a stranger saw sandbags for 柳湾村 sent from 城关镇).
#[test]
fn a_dispatch_without_a_depot_takes_the_nearest_in_the_grid_tree() {
    let room = Room::new();
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--grid",
        "T02-V01",
        "--level",
        "IV",
    ]);
    let said = room.ok(&[
        AT,
        "incident",
        "equip",
        "1",
        "sandbag",
        "--dispatched",
        "10",
    ]);
    assert!(said.contains("D-T02"), "{said}");
}

/// A drill on a complaint never blocks the real incident from it (nor the
/// other way round); two of a kind still need --again.
#[test]
fn a_drill_and_a_real_incident_from_one_complaint_do_not_block_each_other() {
    let room = room_with_incident();
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "oil-spill",
        "--level",
        "IV",
        "--from-complaint",
        "1",
        "--drill",
    ]);
    let err = room.fails(
        1,
        &[
            AT,
            "incident",
            "open",
            "--plan",
            "oil-spill",
            "--level",
            "IV",
            "--from-complaint",
            "1",
            "--drill",
        ],
    );
    assert!(err.contains("already has incident 2 open"), "{err}");
}

/// A return of something never dispatched says so, not "name the depot".
#[test]
fn a_return_with_nothing_out_says_there_is_nothing_to_return() {
    let room = room_with_incident();
    let err = room.fails(
        1,
        &[AT, "incident", "equip", "1", "sandbag", "--returned", "10"],
    );
    assert!(
        err.contains("has no Sandbag out: nothing to return"),
        "{err}"
    );
}
