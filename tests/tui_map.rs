//! The Map screen (8, #12) on a console over a real database: the demo
//! county's boundaries, open complaints with a point as markers shaped and
//! coloured by time left, an incident, the selection moving over the
//! markers with ↑/↓ and the panel following it, complaints without a point
//! counted — snapshots at 80×24 and 200×50 in both languages.

use chrono::{DateTime, Utc};
use gridwatch::config::Config;
use gridwatch::i18n::Lang;
use serde_json::json;

mod common;
use common::tui::{Console, screen_text, style_digest};
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// The middle of a grid's boundary, (lat, lon).
fn middle(grid: &str) -> (f64, f64) {
    let c = Config::embedded().unwrap();
    let p = c.map.get(grid).unwrap().shape.centroid().unwrap();
    (p.lat, p.lon)
}

/// Five complaints with a point (received 08:50–09:29, so at 09:30 one is
/// late, one nearly), one with an address only, one far outside; an
/// incident in 龙潭村 without a complaint (drawn at the village's middle).
fn room() -> Room {
    let room = Room::new();
    let mut lines = String::new();
    for (i, (received, grid)) in [
        ("08:50", "T01-V02"),
        ("09:05", "T02-V04"),
        ("09:20", "T04-V03"),
        ("09:25", "T03-V03"),
        ("09:28", "T04-V02"),
    ]
    .into_iter()
    .enumerate()
    {
        let (lat, lon) = middle(grid);
        let mut c = complaint(&format!("M{}", i + 1));
        c.as_object_mut().unwrap().remove("enterprise");
        c["received_at"] = json!(format!("2026-11-30T{received}:00+08:00"));
        c["location"] = json!({"lat": lat, "lon": lon, "address": format!("{grid} 路口")});
        lines.push_str(&format!("{c}\n"));
    }
    let mut plain = complaint("M6");
    plain.as_object_mut().unwrap().remove("enterprise");
    plain["location"] = json!({"address": "城关镇西关村解放路12号"});
    plain["received_at"] = json!("2026-11-30T09:29:00+08:00");
    let mut far = complaint("M7");
    far["received_at"] = json!("2026-11-30T09:29:00+08:00");
    far.as_object_mut().unwrap().remove("enterprise");
    far["location"] = json!({"lat": 30.1, "lon": 114.2});
    lines.push_str(&format!("{plain}\n{far}\n"));
    let p = room.write("map.jsonl", lines);
    room.ok(&[NOW, "submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room.ok(&[
        NOW,
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--grid",
        "T04-V04",
        "--level",
        "IV",
        "--discovered",
        "09:10",
    ]);
    room
}

/// The console on the map, the selection on its first marker.
fn console(lang: Lang) -> Console {
    let mut c = Console::new(room(), lang, at("2026-11-30T09:30:00+08:00"));
    c.press("8<up><up><up><up><up><up><up><up>");
    c
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

#[test]
fn snapshots_of_the_map_in_both_languages_and_sizes() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let c = console(lang);
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("map_{name}_{w}x{h}"), snap(&c, w, h));
        }
    }
}

#[test]
fn the_selection_moves_over_the_markers_soonest_deadline_first() {
    let mut c = console(Lang::En);
    let text = c.text(200, 50);
    // The soonest deadline first: #1 (08:50, late by 09:30).
    assert!(text.contains("◉ #1 T01-V02"), "{text}");
    assert!(
        text.contains("✖ 10:00 overdue"),
        "late: shaped, not only red\n{text}"
    );
    assert!(text.contains('◆'), "the incident\n{text}");
    assert!(text.contains('▲'), "due within 10 min\n{text}");
    assert!(text.contains("1 without a location"), "{text}");
    assert!(text.contains("1 outside the boundaries"), "{text}");
    assert!(text.contains("5 on the map"), "{text}");
    for name in ["城关镇", "石桥镇"] {
        assert!(text.contains(name), "township label {name}\n{text}");
    }
    c.press("<down>");
    let text = c.text(200, 50);
    assert!(text.contains("◉ #2 T02-V04"), "{text}");
    assert!(
        text.contains(" left"),
        "time left, not a clock time\n{text}"
    );
    c.press("j");
    assert!(c.text(200, 50).contains("◉ #3 T04-V03"));
    c.press("k");
    assert_eq!(c.state.selected, Some(2), "the selection is the console's");
    // Only what is drawn is selected: #7, far outside, is counted, not walked.
    c.press("<down><down><down><down><down><down><down>");
    let text = c.text(200, 50);
    assert!(text.contains("◉ #5 T04-V02"), "{text}");
    assert!(!c.state.map.order.contains(&7), "{:?}", c.state.map.order);
    c.press("kkk");
    // The selected complaint stays selected on the dashboard.
    c.press("1");
    assert_eq!(c.state.selected_complaint().map(|x| x.id), Some(2));
}

#[test]
fn placement_by_point_put_each_complaint_in_its_village() {
    let c = console(Lang::En);
    let grid = |id: i64| c.state.complaint(id).and_then(|x| x.grid.clone());
    assert_eq!(grid(1).as_deref(), Some("T01-V02"));
    assert_eq!(grid(5).as_deref(), Some("T04-V02"));
}

/// A complaint at each township's middle, where its name is written: the
/// marker is drawn, and the name is left out whole, never cut through a
/// wide character (`临江✖ 济开● 区`).
#[test]
fn a_marker_never_cuts_a_township_name() {
    let room = Room::new();
    let mut lines = String::new();
    let towns = [
        ("T01", "城关镇"),
        ("T02", "河西街道"),
        ("T03", "临江经济开发区"),
        ("T04", "石桥镇"),
    ];
    for (i, (grid, _)) in towns.iter().enumerate() {
        let (lat, lon) = middle(grid);
        let mut c = complaint(&format!("L{i}"));
        c.as_object_mut().unwrap().remove("enterprise");
        c["received_at"] = json!("2026-11-30T09:00:00+08:00");
        c["location"] = json!({"lat": lat, "lon": lon});
        lines.push_str(&format!("{c}\n"));
    }
    let p = room.write("towns.jsonl", lines);
    room.ok(&[NOW, "submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut c = Console::new(room, Lang::Zh, at("2026-11-30T09:30:00+08:00"));
    c.press("8");
    for (w, h) in [(80, 24), (200, 50), (120, 40)] {
        let text = c.text(w, h);
        for row in text.lines() {
            for (_, name) in towns {
                let head: String = name.chars().take(2).collect();
                assert!(
                    !row.contains(&head) || row.contains(name),
                    "{name} cut at {w}×{h}:\n{text}"
                );
            }
        }
    }
}
