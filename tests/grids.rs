//! `gridwatch grids [--json]` (#11): the tree with people by name, class,
//! staffing against the plan, and figures per grid rolled up the tree —
//! open, breached this month, overdue patrols, active incidents (drills
//! apart) — on a real database and the shipped demo county.

use serde_json::{Value, json};

mod common;
use common::{Room, complaint};

const AT: &str = "--now=2026-12-01T10:30:00+08:00";

/// On 1 Dec 2026: #1 last month in T03-V01-G01 (breached, but in November),
/// #2 this morning in T03-V01-G01 (breached: nobody came), #3 this morning
/// in T03-V01-G01 reached in time, #4 in T01-V02 still in time; an incident
/// in T03-V01 and a drill in T01.
fn room() -> Room {
    let room = Room::new();
    let c = |r: &str, at: &str| {
        let mut v = complaint(r);
        v["received_at"] = json!(at);
        v
    };
    let mut village = c("V4", "2026-12-01T10:10:00+08:00");
    village["category"] = json!("water");
    village.as_object_mut().unwrap().remove("enterprise");
    village["location"] = json!({"address": "城关镇西关村解放路12号"});
    let lines: String = [
        c("N1", "2026-11-30T09:12:00+08:00"),
        c("D2", "2026-12-01T09:00:00+08:00"),
        c("D3", "2026-12-01T09:05:00+08:00"),
        village,
    ]
    .iter()
    .map(|c| format!("{c}\n"))
    .collect();
    let p = room.write("four.jsonl", lines);
    room.ok(&[AT, "submit", p.to_str().unwrap()]);
    room.ok(&[AT, "intake", "--once"]);
    room.ok(&[
        AT,
        "arrive",
        "3",
        "--officer",
        "O019",
        "--at",
        "09:20",
        "--note",
        "radio log",
    ]);
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "chemical-spill",
        "--grid",
        "T03-V01",
        "--level",
        "IV",
    ]);
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "chemical-spill",
        "--grid",
        "T01",
        "--level",
        "IV",
        "--drill",
    ]);
    room
}

fn grid<'a>(all: &'a Value, id: &str) -> &'a Value {
    all.as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap()
}

#[test]
fn grids_json_has_people_staffing_and_figures_rolled_up() {
    let room = room();
    let all = room.json(&[AT, "grids", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 22);
    let g = grid(&all, "T03-V01-G01");
    assert_eq!(
        (g["open"].clone(), g["breached"].clone()),
        (json!(3), json!(1))
    );
    assert_eq!(g["active_incidents"], 0);
    assert_eq!(g["level"], 4);
    assert_eq!(g["parent"], "T03-V01");
    assert_eq!(
        (g["staff"].clone(), g["staff_unit"].clone()),
        (json!(14), json!("enterprises"))
    );
    assert_eq!(
        (g["staff_minimum"].clone(), g["staff_maximum"].clone()),
        (json!(10), json!(15))
    );
    assert_eq!(g["group_leader"]["name"], "汤国栋");
    // A township counts its villages and their groups; the city everything.
    let t03 = grid(&all, "T03");
    assert_eq!(
        (
            t03["open"].clone(),
            t03["breached"].clone(),
            t03["active_incidents"].clone()
        ),
        (json!(3), json!(1), json!(1))
    );
    assert_eq!(t03["class"], 1);
    assert_eq!(
        t03["first_responsible"],
        json!({"id": "O017", "name": "金芳", "phone": t03["first_responsible"]["phone"]})
    );
    assert_eq!(t03["specific_responsible"].as_array().unwrap().len(), 3);
    assert_eq!(
        (
            t03["staff"].clone(),
            t03["staff_minimum"].clone(),
            t03["shortfall"].clone()
        ),
        (json!(3), json!(5), json!(2))
    );
    assert_eq!(t03["problems"], json!(["below_minimum"]));
    let t01 = grid(&all, "T01");
    assert_eq!(
        (t01["open"].clone(), t01["breached"].clone()),
        (json!(1), json!(0))
    );
    assert_eq!(
        t01["active_incidents"], 0,
        "a drill is not an active incident"
    );
    let city = grid(&all, "C00");
    assert_eq!(
        (
            city["open"].clone(),
            city["breached"].clone(),
            city["active_incidents"].clone()
        ),
        (json!(4), json!(1), json!(1))
    );
    assert!(
        city["overdue_patrols"].as_i64().unwrap()
            >= grid(&all, "T03")["overdue_patrols"].as_i64().unwrap()
    );
    assert_eq!(
        grid(&all, "T04-V02-G01")["problems"],
        json!(["no_group_leader"])
    );
    assert_eq!(grid(&all, "T01-V03")["shortfall"], 1);
    // A month later last month's breach is not counted, this month's is.
    let before = room.json(&["--now=2026-11-30T10:30:00+08:00", "grids", "--json"]);
    assert_eq!(grid(&before, "C00")["breached"], 1, "#1, in November");
}

#[test]
fn grids_text_names_people_and_marks_shortfalls_in_both_languages() {
    let room = room();
    let en = room.ok(&[AT, "grids"]);
    let line = |text: &str, id: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap()
            .to_string()
    };
    let t03 = line(&en, "T03 ");
    assert!(
        t03.contains("金芳") && t03.contains("3/5") && t03.contains("✗ 2 short"),
        "{t03}"
    );
    assert!(line(&en, "T04-V02-G01").contains("✗ no leader"), "{en}");
    assert!(
        line(&en, "T01-V01").starts_with("    T01-V01"),
        "indented by depth"
    );
    assert!(en.contains("Figures include sub-grids"), "{en}");
    let zh = room.ok(&[AT, "--lang", "zh", "grids"]);
    assert!(line(&zh, "T03 ").contains("缺 2"), "{zh}");
    assert!(
        zh.contains("第一责任人") && zh.contains("具体责任人"),
        "{zh}"
    );
}

/// "Breached this month" counts each complaint once: not a duplicate merged
/// into another (the earlier one carries the breach), and a breached one
/// reopened (two late arrivals, two rounds) once.
#[test]
fn breached_this_month_skips_merged_duplicates_and_counts_a_reopened_one_once() {
    let room = room();
    let mut dup = complaint("D5");
    dup["received_at"] = json!("2026-12-01T09:10:00+08:00");
    let p = room.write("dup.jsonl", format!("{dup}\n"));
    room.ok(&[AT, "submit", p.to_str().unwrap()]);
    room.ok(&[AT, "intake", "--once"]);
    let breached = |id: &str| grid(&room.json(&[AT, "grids", "--json"]), id)["breached"].clone();
    assert_eq!(breached("T03-V01-G01"), 2, "#2 and #5, nobody came");
    room.ok(&[AT, "merge", "5", "--into", "2"]);
    assert_eq!(breached("T03-V01-G01"), 1, "#5 merged into #2");
    // #2: reached late, resolved, reopened, reached late again.
    room.ok(&[
        AT,
        "arrive",
        "2",
        "--officer",
        "O019",
        "--at",
        "10:00",
        "--note",
        "late",
    ]);
    room.ok(&[AT, "resolve", "2", "--outcome", "rectified"]);
    room.ok(&[AT, "reopen", "2", "--reason", "smoke again"]);
    room.ok(&[
        AT,
        "arrive",
        "2",
        "--officer",
        "O019",
        "--at",
        "10:25",
        "--note",
        "again",
    ]);
    assert_eq!(
        room.json(&[AT, "show", "2", "--json"])["arrivals"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(breached("T03-V01-G01"), 1, "#2 once");
    assert_eq!(breached("T03"), 1);
    assert_eq!(breached("C00"), 1);
}
