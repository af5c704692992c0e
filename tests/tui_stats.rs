//! The Statistics screen (7) on a real database (#12): a hand-made Monday
//! with known figures (on-time rate, breaches, the repeated enterprise) on
//! screen, `w` switching today / 7 / 30 days, an empty database, the
//! incremental refresh equal to a full recount after changes on older
//! days, midnight; snapshots at 80×24 and 200×50 in both languages.

use chrono::{DateTime, Utc};
use gridwatch::board::stats::{StatsBoard, Window};
use gridwatch::board::stats_days::DayTallies;
use gridwatch::i18n::Lang;
use gridwatch::tui::screens::Screen;
use serde_json::json;

mod common;
use common::tui::{Console, screen_text, style_digest};
use common::{Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

const MONDAY_11: &str = "2026-11-30T11:00:00+08:00";

/// (ref, received, grid, enterprise)
const COMPLAINTS: &[(&str, &str, &str, Option<&str>)] = &[
    ("OLD1", "2026-11-01T10:00:00+08:00", "T04", None),
    ("FRI1", "2026-11-27T10:00:00+08:00", "T01", None),
    ("FRI2", "2026-11-27T10:30:00+08:00", "T02", None),
    ("A", "2026-11-30T09:00:00+08:00", "T01", None),
    ("B", "2026-11-30T09:05:00+08:00", "T01", None),
    ("C", "2026-11-30T09:10:00+08:00", "T02", None),
    ("D", "2026-11-30T10:50:00+08:00", "T02", None),
    ("E", "2026-11-30T08:30:00+08:00", "T03", Some("E0102")),
    ("F", "2026-11-30T09:40:00+08:00", "T03", Some("E0102")),
    ("G", "2026-11-30T10:00:00+08:00", "T04", None),
    ("H", "2026-11-30T09:30:00+08:00", "T01", None),
];

fn id(room: &Room, r: &str) -> String {
    let list = room.json(&["--now", MONDAY_11, "list", "--json"]);
    let found = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["external_ref"] == r);
    found.unwrap()["id"].to_string()
}

fn arrive(room: &Room, r: &str, when: &str) {
    let id = id(room, r);
    room.ok(&["--now", when, "arrive", &id, "--officer", "O009"]);
}

/// The hand-made county at Mon 30 Nov 2026 11:00 (a working day, 30 min):
/// today A on time, B late, C missing, D pending (deadline 11:20), E and F
/// on time (F repeats E's enterprise E0102), G rejected, H merged into A;
/// on Friday FRI1 on time and FRI2 missing; OLD1 on 1 Nov, missing.
fn room() -> Room {
    let room = Room::new();
    let mut lines = String::new();
    for (r, received, grid, enterprise) in COMPLAINTS {
        let mut c = complaint(r);
        c["received_at"] = json!(received);
        c["grid"] = json!(grid);
        c["location"] = json!({ "address": "某路1号" });
        match enterprise {
            Some(e) => c["enterprise"] = json!(e),
            None => {
                c.as_object_mut().unwrap().remove("enterprise");
            }
        }
        lines.push_str(&format!("{c}\n"));
    }
    let p = room.write("day.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&["--now", MONDAY_11, "intake", "--once"]);
    arrive(&room, "FRI1", "2026-11-27T10:20:00+08:00");
    arrive(&room, "A", "2026-11-30T09:20:00+08:00");
    arrive(&room, "B", "2026-11-30T09:50:00+08:00");
    arrive(&room, "E", "2026-11-30T08:40:00+08:00");
    arrive(&room, "F", "2026-11-30T09:55:00+08:00");
    let g = id(&room, "G");
    room.ok(&["--now", MONDAY_11, "reject", &g, "--reason", "not-in-remit"]);
    let (h, a) = (id(&room, "H"), id(&room, "A"));
    room.ok(&["--now", MONDAY_11, "merge", &h, "--into", &a]);
    // November's outflow readings: S01 passes (III at target III), S04
    // fails (V against IV); the others have none.
    for (section, class) in [("S01", "III"), ("S04", "V")] {
        let at = "2026-11-10T09:00:00+08:00";
        room.ok(&[
            "--now", MONDAY_11, "water", "add", section, "--at", at, "--class", class,
        ]);
    }
    room
}

fn console(room: Room, lang: Lang, now: &str) -> Console {
    let mut c = Console::new(room, lang, at(now));
    c.press("7");
    assert_eq!(c.state.screen, Screen::Statistics);
    c
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

fn board(c: &Console) -> &StatsBoard {
    c.state.statistics.board.as_deref().unwrap()
}

#[test]
fn a_known_day_shows_its_rate_breaches_and_repeated_enterprise() {
    let c = console(room(), Lang::En, MONDAY_11);
    let today = board(&c).window(Window::Today).unwrap();
    let a = today.county.arrivals;
    // Due: A B C E F (D pending, G rejected, H merged).
    assert_eq!((today.county.received, a.due(), a.on_time), (8, 5, 3));
    assert_eq!((a.late, a.missing, a.pending), (1, 1, 1));
    assert_eq!((today.rejected, today.merged), (1, 1));
    let t01 = today.rows.iter().find(|r| r.grid == "T01").unwrap();
    assert_eq!((t01.arrivals.on_time, t01.arrivals.late), (1, 1));
    assert_eq!(today.top_repeats.len(), 1);
    assert_eq!(
        (today.top_repeats[0].id.as_str(), today.top_repeats[0].count),
        ("E0102", 1)
    );
    // Complaints per hour: 08:00 E, 09:00 A B C F H, 10:00 D G.
    assert_eq!(today.series, vec![0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 2, 0]);
    let text = c.text(200, 50);
    assert!(text.contains("Statistics · today since 00:00"), "{text}");
    assert!(text.contains("on time 3 (60.0%)"), "{text}");
    assert!(text.contains("breaches 2: late 1, missing 1"), "{text}");
    assert!(text.contains("1× "), "{text}");
    assert!(text.contains("(E0102)"), "{text}");
    // T01 50 %: below the target, marked, its breach counted beside it.
    let t01_line = text.lines().find(|l| l.contains("城关镇")).unwrap();
    assert!(t01_line.contains('▼'), "{text}");
    assert!(
        t01_line.contains("50.0%") && t01_line.contains("✖1"),
        "{text}"
    );
    assert!(text.contains("Complaints per hour, today"), "{text}");
    let small = c.text(80, 24);
    assert!(
        small.contains("60.0%") && small.contains("E0102"),
        "{small}"
    );
}

#[test]
fn w_switches_between_today_seven_and_thirty_days() {
    let mut c = console(room(), Lang::En, MONDAY_11);
    c.press("w");
    assert_eq!(c.state.statistics.window, Window::Week);
    let text = c.text(200, 50);
    // Friday adds FRI1 (on time) and FRI2 (missing).
    assert!(text.contains("7 days from 11-24"), "{text}");
    assert!(
        text.contains("Received 10 · deadline passed 7 · on time 4 (57.1%)"),
        "{text}"
    );
    assert!(text.contains("Complaints per day"), "{text}");
    c.press("w");
    let text = c.text(200, 50);
    assert!(text.contains("30 days from 11-01"), "{text}");
    assert!(
        text.contains("Received 11 · deadline passed 8 · on time 4 (50.0%)"),
        "{text}"
    );
    c.press("w");
    assert_eq!(c.state.statistics.window, Window::Today);
}

#[test]
fn an_empty_database_shows_no_rate_and_no_repeats() {
    let c = console(Room::new(), Lang::En, MONDAY_11);
    let text = c.text(200, 50);
    assert!(
        text.contains("Received 0 · deadline passed 0 · on time 0 (—)"),
        "{text}"
    );
    assert!(
        text.contains("No repeated complaint about an enterprise"),
        "{text}"
    );
    let all = text.lines().find(|l| l.contains("│All ")).unwrap();
    assert!(!all.contains('▼'), "{text}");
}

/// A fresh full read of the same database at the same instant.
fn recount(c: &Console) -> DayTallies {
    let mut full = DayTallies::new(&c.state.config);
    full.refresh(&c.store, c.state.now).unwrap();
    full
}

#[test]
fn the_incremental_refresh_equals_a_full_recount_after_changes_on_older_days() {
    let mut c = console(room(), Lang::En, MONDAY_11);
    assert_eq!(c.stats.days().days, recount(&c).days);
    let room = c.room.clone();
    // Friday's missing complaint gets a late arrival; an older one is
    // merged, a new one arrives on Friday and is rejected.
    arrive(&room, "FRI2", "2026-11-30T10:55:00+08:00");
    let mut late = complaint("FRI3");
    late["received_at"] = json!("2026-11-27T15:00:00+08:00");
    late["grid"] = json!("T02");
    late.as_object_mut().unwrap().remove("enterprise");
    let p = room.write("late.json", late.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&["--now", MONDAY_11, "intake", "--once"]);
    let fri3 = id(&room, "FRI3");
    room.ok(&[
        "--now",
        MONDAY_11,
        "reject",
        &fri3,
        "--reason",
        "not-in-remit",
    ]);
    c.refresh();
    // Only Friday was read again.
    assert_eq!(c.stats.days().days_read, 1);
    assert_eq!(c.stats.days().days, recount(&c).days);
    let week = board(&c).window(Window::Week).unwrap();
    assert_eq!(week.county.received, 11);
    assert_eq!((week.county.arrivals.late, week.rejected), (2, 2));
    // Time alone: D's deadline (11:20) passes, pending becomes missing.
    c.tick(at("2026-11-30T11:21:00+08:00"));
    assert_eq!(c.stats.days().days_read, 1);
    assert_eq!(c.stats.days().days, recount(&c).days);
    let today = board(&c).window(Window::Today).unwrap();
    assert_eq!(
        (today.county.arrivals.missing, today.county.arrivals.pending),
        (2, 0)
    );
    // Nothing changed: nothing is read.
    c.refresh();
    assert_eq!(c.stats.days().days_read, 0);
}

#[test]
fn at_midnight_the_oldest_day_is_dropped_and_the_new_day_read() {
    let mut c = console(room(), Lang::En, "2026-11-30T23:50:00+08:00");
    let month = board(&c).window(Window::Month).unwrap();
    assert_eq!(month.county.received, 11);
    c.tick(at("2026-12-01T00:10:00+08:00"));
    assert_eq!(c.stats.days().days_read, 1);
    assert_eq!(c.stats.days().days, recount(&c).days);
    let b = board(&c);
    // OLD1 (1 Nov) is out of the 30 days from 2 Nov; today is empty.
    assert_eq!(b.window(Window::Month).unwrap().county.received, 10);
    assert_eq!(b.window(Window::Today).unwrap().county.received, 0);
    assert_eq!(b.window(Window::Week).unwrap().county.received, 10);
}

#[test]
fn early_in_a_month_each_section_shows_its_latest_month_not_incomplete() {
    // 2 December: no reading yet this month; November's are the latest.
    let mut c = console(room(), Lang::En, "2026-12-02T11:00:00+08:00");
    let text = c.text(200, 50);
    let s04 = text.lines().find(|l| l.contains("S04 ")).unwrap();
    assert!(s04.contains("S04 2026-11 ✖ fail V"), "{text}");
    let s01 = text.lines().find(|l| l.contains("S01 ")).unwrap();
    assert!(s01.contains("S01 2026-11 ✔ pass III"), "{text}");
    // Today has no ended month: no window verdict, nothing "incomplete".
    assert!(!text.contains("incomplete"), "{text}");
    let small = c.text(80, 24);
    assert!(
        small.contains("✔ pass 1 · ✖ fail 1 S04 · ○ no reading"),
        "{small}"
    );
    // 30 days reach back into November, which has ended: judged on it.
    c.press("ww");
    let text = c.text(200, 50);
    let s04 = text.lines().find(|l| l.contains("S04 ")).unwrap();
    assert!(s04.contains("ended months: ✖ fail"), "{text}");
    let s02 = text.lines().find(|l| l.contains("S02 ")).unwrap();
    assert!(s02.contains("ended months: ○ incomplete"), "{text}");
}

#[test]
fn snapshots_in_both_languages_at_both_sizes() {
    for lang in [Lang::En, Lang::Zh] {
        let mut c = console(room(), lang, MONDAY_11);
        let l = if lang == Lang::En { "en" } else { "zh" };
        insta::assert_snapshot!(format!("stats_today_80x24_{l}"), snap(&c, 80, 24));
        insta::assert_snapshot!(format!("stats_today_200x50_{l}"), snap(&c, 200, 50));
        c.press("ww");
        insta::assert_snapshot!(format!("stats_month_80x24_{l}"), snap(&c, 80, 24));
        insta::assert_snapshot!(format!("stats_month_200x50_{l}"), snap(&c, 200, 50));
    }
}
