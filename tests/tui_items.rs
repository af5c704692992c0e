//! The dashboard as a new user met it (issue #9), item by item: the trail
//! is the complaint's whole record with names; the filter takes the words
//! people type; one time format and an on-site badge that says "late";
//! errors fade; "N more below"; the help explains every symbol; "newest"
//! means newest received.

use chrono::{DateTime, Utc};
use gridwatch::i18n::Lang;
use gridwatch::tui::screens::Screen;
use gridwatch::tui::state::StatusLine;
use gridwatch::tui::update::{Msg, update};
use serde_json::json;

mod common;
use common::tui::Console;
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Complaints `(external_ref, received HH:MM, category, address)` taken in
/// on Mon 30 Nov 2026; the console at 09:30.
fn console_with(lang: Lang, rows: &[(&str, &str, &str, &str)]) -> Console {
    let room = Room::new();
    let lines: String = rows
        .iter()
        .map(|(r, received, category, address)| {
            let mut c = complaint(r);
            c["received_at"] = json!(format!("2026-11-30T{received}:00+08:00"));
            c["category"] = json!(category);
            c.as_object_mut().unwrap().remove("enterprise");
            c["location"] = json!({ "address": address });
            format!("{c}\n")
        })
        .collect();
    let p = room.write("in.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    Console::new(room, lang, at("2026-11-30T09:30:00+08:00"))
}

fn three(lang: Lang) -> Console {
    console_with(
        lang,
        &[
            ("A", "09:12", "air", "临江经济开发区化工园纬2路13号"), // due 09:42
            ("B", "08:50", "noise", "石桥镇枫树坳村1组"),           // breached 09:20
            ("C", "09:25", "water", "无名路口"),                    // unassigned, 09:55
        ],
    )
}

fn id_of(c: &Console, external_ref: &str) -> i64 {
    c.state
        .data
        .recent
        .iter()
        .find(|r| r.external_ref == external_ref)
        .unwrap()
        .id
}

fn select(c: &mut Console, id: i64) {
    c.state.selected = Some(id);
    c.state.derive();
    assert_eq!(c.state.selected_complaint().map(|r| r.id), Some(id));
}

fn listed(c: &Console) -> Vec<String> {
    c.state
        .dashboard
        .list
        .rows
        .iter()
        .map(|&i| c.state.data.open[i].external_ref.clone())
        .collect()
}

/// The detail's trail is the complaint's own audit record, every line of
/// it (as `show` has them), officers by name, notes and the resolution in.
#[test]
fn the_trail_is_the_whole_record_with_names() {
    let mut c = three(Lang::En);
    let a = id_of(&c, "A");
    select(&mut c, a);
    c.press("d<enter>");
    c.room.ok(&[
        "--now=2026-11-30T09:45:00+08:00",
        "arrive",
        &a.to_string(),
        "--officer",
        "O019",
        "--at",
        "2026-11-30T09:44:00+08:00",
        "--note",
        "堵车",
    ]);
    c.room.ok(&[
        "--now=2026-11-30T10:05:00+08:00",
        "resolve",
        &a.to_string(),
        "--outcome",
        "rectified",
        "--note",
        "已停产整改",
    ]);
    c.refresh();
    c.press("2");
    select(&mut c, a);
    c.press("<enter>");
    let screen = c.text(200, 50);
    for line in [
        "received (12369 hotline), on site by 09:42",
        "dispatched to 汤国栋",
        "汤国栋 on site at 09:44 — 堵车",
        "closed: rectified on the spot — 已停产整改",
    ] {
        assert!(
            screen.contains(line),
            "'{line}' not in the trail:\n{screen}"
        );
    }
    let c_row = c.state.selected_complaint().unwrap().clone();
    let lines = gridwatch::words::trail::lines(
        Lang::En,
        &c.state.config,
        Some(&c_row),
        c.state.trail_of(a).unwrap(),
    );
    assert!(
        lines.iter().all(|l| !l.contains("O019")),
        "names, not ids: {lines:?}"
    );
    // Every audit record of the complaint, as `show` lists them, is a line.
    let show = c.room.json(&[NOW, "show", &a.to_string(), "--json"]);
    let records = show["audit"].as_array().unwrap().len();
    assert_eq!(c.state.trail_of(a).map(<[_]>::len), Some(records));
    // The on-site badge says late, and by how much (09:44 for 09:42).
    assert!(screen.contains("✔ late 02:00"), "{screen}");
}

#[test]
fn the_filter_takes_the_words_people_type_in_either_language() {
    for (lang, words) in [
        (
            Lang::En,
            [
                ("breached", vec!["B"]),
                ("due", vec![]),
                ("unassigned", vec!["C"]),
                ("open", vec!["C", "B", "A"]),
                ("石桥镇", vec!["B"]),
                ("water", vec!["C"]),
            ],
        ),
        (
            Lang::Zh,
            [
                ("超时", vec!["B"]),
                ("将超时", vec![]),
                ("未分配", vec!["C"]),
                ("未结", vec!["C", "B", "A"]),
                ("临江经济开发区", vec!["A"]),
                ("噪声", vec!["B"]),
            ],
        ),
    ] {
        let mut c = three(lang);
        for (word, want) in words {
            c.press(&format!("/{word}<enter>"));
            assert_eq!(listed(&c), want, "{lang:?} /{word}");
            c.press("<esc>");
        }
        // `due` finds the one within 10 minutes of its deadline, and time moves it.
        c.tick(at("2026-11-30T09:33:00+08:00"));
        c.press("/due<enter>");
        assert_eq!(listed(&c), vec!["A"], "{lang:?}: 9 min left");
        c.tick(at("2026-11-30T09:43:00+08:00"));
        assert!(
            listed(&c).is_empty(),
            "A breached at 09:42 is no longer due"
        );
        c.press("<esc>/breached<enter>");
        assert_eq!(listed(&c), vec!["B", "A"]);
        c.press("<esc>");
        // An officer, by name: the one a complaint was dispatched to.
        let a = id_of(&c, "A");
        select(&mut c, a);
        c.press("d<enter>");
        c.press("/汤国栋<enter>");
        assert_eq!(listed(&c), vec!["A"], "{lang:?}");
        c.press("<esc>/closed<enter>");
        assert!(listed(&c).is_empty());
    }
}

/// An error (or a phone in clear) stays a few seconds of real time, or
/// until the next action, then the line says Ready again.
#[test]
fn errors_and_a_shown_phone_fade() {
    let mut c = three(Lang::En);
    let ready = StatusLine::ready(Lang::En);
    c.press("e<enter><esc>"); // nothing sent
    let b = id_of(&c, "B");
    select(&mut c, b);
    c.press("r<enter>");
    assert!(c.state.status.error, "{:?}", c.state.status);
    for _ in 1..StatusLine::FADE_SECONDS {
        let now = c.state.now;
        update(&mut c.state, Msg::Tick(now));
        assert!(c.state.status.error, "still shown");
    }
    let now = c.state.now;
    update(&mut c.state, Msg::Tick(now));
    assert_eq!(c.state.status, ready, "faded");
    // The next action clears it at once.
    c.press("r<enter>");
    assert!(c.state.status.error);
    c.press("j");
    assert_eq!(c.state.status, ready);
    // A phone shown in clear goes the same way.
    c.press("p");
    assert!(c.state.status.text.contains("13812345678"));
    for _ in 0..StatusLine::FADE_SECONDS {
        let now = c.state.now;
        update(&mut c.state, Msg::Tick(now));
    }
    assert!(!c.state.status.text.contains("13812345678"));
}

/// When rows do not fit, the table says how many more are below.
#[test]
fn rows_that_do_not_fit_are_counted() {
    let rows: Vec<(String, String)> = (0..30)
        .map(|i| (format!("R{i}"), format!("09:{:02}", i)))
        .collect();
    let rows: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|(r, t)| (r.as_str(), t.as_str(), "air", "城关镇西关村"))
        .collect();
    let c = console_with(Lang::En, &rows);
    let text = c.text(80, 24);
    let shown = text.lines().filter(|l| l.contains("T01-V02")).count();
    assert!(
        text.contains(&format!("… {} more below (↓)", 30 - shown)),
        "{shown} shown:\n{text}"
    );
    assert!(!c.text(200, 50).contains("more below"), "all fit at 200×50");
}

/// The help explains every symbol the table uses, in both languages, when
/// scrolled through at 80×24.
#[test]
fn the_help_explains_every_symbol() {
    for (lang, words) in [
        (
            Lang::En,
            [
                "time left",
                "due within 10 min",
                "past the deadline",
                "on site",
                "no grid yet",
                "same thing",
                "repeats complaint #5",
            ],
        ),
        (
            Lang::Zh,
            [
                "剩余时间",
                "10 分钟内到期",
                "已超过到场时限",
                "人员已到场",
                "尚未分配网格",
                "同一事项",
                "重复举报",
            ],
        ),
    ] {
        let mut c = three(lang);
        c.press("?");
        // Everything the help says, scrolled through at 80×24.
        let mut text = c.text(80, 24);
        for _ in 0..80 {
            c.press("j");
            text.push_str(&c.text(80, 24));
        }
        for w in words {
            assert!(text.contains(w), "{lang:?}: '{w}' not explained:\n{text}");
        }
        for sym in ["●", "▲", "✖", "✔", "×2", "↻5"] {
            assert!(text.contains(sym), "{lang:?}: {sym}");
        }
    }
}

/// "Newest" is by received time, not by id: a complaint taken in later but
/// received earlier (a late referral) sorts below.
#[test]
fn newest_means_newest_received() {
    let mut c = console_with(Lang::En, &[("LATE", "09:20", "air", "城关镇")]);
    let p = c.room.write("early.json", {
        let mut x = complaint("EARLY");
        x["received_at"] = json!("2026-11-30T08:10:00+08:00");
        x.to_string()
    });
    c.room.ok(&["submit", p.to_str().unwrap()]);
    c.room.ok(&[NOW, "intake", "--once"]);
    c.refresh();
    assert!(id_of(&c, "EARLY") > id_of(&c, "LATE"));
    c.press("2");
    assert_eq!(c.state.screen, Screen::Complaints);
    let order: Vec<String> = c
        .state
        .complaints
        .list
        .rows
        .iter()
        .map(|&i| c.state.data.recent[i].external_ref.clone())
        .collect();
    assert_eq!(order, vec!["LATE", "EARLY"]);
}

/// `a` offers the officer who was sent first, so `a` `Enter` logs the one
/// on the way, not whoever is on call now (issue #9, a stranger's drill).
#[test]
fn the_arrival_form_offers_the_officer_who_was_sent() {
    let mut c = three(Lang::En);
    let a = id_of(&c, "A");
    select(&mut c, a);
    c.press("d<down><enter>"); // the backup
    let sent = c.state.selected_complaint().unwrap().dispatched_to.clone();
    assert_eq!(sent.as_deref(), Some("O020"));
    c.press("a");
    let gridwatch::tui::state::Mode::Form(f) = &c.state.mode else {
        panic!("arrival form")
    };
    assert_eq!(f.value(gridwatch::i18n::T::FieldOfficer), "O020");
    let screen = c.text(200, 50);
    assert!(screen.contains("O020 蒋敏 13846100526 · sent"), "{screen}");
    c.press("<enter>");
    assert_eq!(
        c.state.selected_complaint().unwrap().arrived_by.as_deref(),
        Some("O020")
    );
}

/// At 80×24 the detail still shows the trail: it takes the bottom panels'
/// rows and leaves out fields with nothing to say (the issue: "detail hides
/// trail at 80×24").
#[test]
fn the_detail_shows_its_trail_at_80_by_24() {
    for (lang, dispatched) in [
        (Lang::En, "dispatched to 汤国栋"),
        (Lang::Zh, "派给 汤国栋"),
    ] {
        let mut c = three(lang);
        let a = id_of(&c, "A");
        select(&mut c, a);
        c.press("d<enter>a<enter><enter>");
        let screen = c.text(80, 24);
        assert!(screen.contains(dispatched), "{lang:?}:\n{screen}");
        assert!(
            screen.contains("汤国栋 09:30") || screen.contains("汤国栋 on site at 09:30"),
            "{lang:?}:\n{screen}"
        );
    }
}

/// At 80 columns the Audit screen wraps a long entry in its column rather
/// than stop mid-sentence.
#[test]
fn the_audit_screen_wraps_long_entries_at_80_columns() {
    let mut c = three(Lang::En);
    let b = id_of(&c, "B");
    select(&mut c, b);
    c.press("ethe caller rang three times and says the smoke is getting worse by the minute ENDWORD<enter>");
    assert!(!c.state.status.error, "{:?}", c.state.status);
    assert!(matches!(c.state.mode, gridwatch::tui::state::Mode::Normal));
    c.press("9");
    let text = c.text(80, 24);
    assert!(text.contains("ENDWORD"), "{text}");
}

/// `o` on an open complaint on the Complaints screen does not send the
/// officer to the screen they are on (a stranger's finding).
#[test]
fn reopen_refused_on_screen_2_does_not_point_at_screen_2() {
    let mut c = three(Lang::En);
    c.press("2");
    let a = id_of(&c, "A");
    select(&mut c, a);
    c.press("o");
    assert!(c.state.status.error);
    assert!(
        c.state
            .status
            .text
            .ends_with("only closed or rejected complaints reopen"),
        "{:?}",
        c.state.status
    );
    c.press("1");
    select(&mut c, a);
    c.press("o");
    assert!(c.state.status.text.contains("(find them on screen 2)"));
}

/// The help explains the symbols of the On call, Grids and Sources screens
/// (#11) too, in both languages.
#[test]
fn the_help_explains_the_symbols_of_the_grid_at_work() {
    for (lang, words) in [
        (
            Lang::En,
            [
                " ⇄          a role swapped at a console",
                " ✎          a dated override of roster.toml",
                " via T01    the duty of an ancestor grid",
                " ✖          nobody on call",
                " ✓ 3/3      staff within the plan",
                " ✗ 1/2–3    short of staff",
                " ▲          over the maximum",
                " ?          a township without a class",
                " ! +11d     inspection overdue",
                " ~ 3d       inspection due within 7 days",
                " 15*        interval in days, shortened",
            ],
        ),
        (
            Lang::Zh,
            [
                " ⇄          该角色已在控制台调班",
                " ✎          roster.toml 中按日期的调整",
                " 沿用 T01   本网格无值班安排",
                " ✖          当前、下一班或未来 7 天内",
                " ✓ 3/3      人员符合配置",
                " ✗ 1/2–3    缺员",
                " ▲          超编",
                " ?          乡镇未定类别",
                " ! 逾11天   逾期未检",
                " ~ 3天      7 天内应检",
                " 15*        检查频次",
            ],
        ),
    ] {
        let mut c = three(lang);
        c.press("?");
        let text = c.text(80, 120);
        for w in words {
            assert!(text.contains(w), "{lang:?}: '{w}' not explained:\n{text}");
        }
    }
}
