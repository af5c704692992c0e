//! The Chinese console is Chinese throughout: every screen, form and
//! overlay, drawn in `zh` at 80×24 and 200×50 with complaints in every
//! state (dispatched, on site, late, closed, rejected, escalated by stage
//! and by hand, acknowledged or not), shows none of the English words of
//! the string table (issue #9, item 7).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use gridwatch::i18n::{Lang, T};
use serde_json::json;

mod common;
use common::tui::Console;
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// ASCII words of three letters or more, lowercased, outside `{placeholders}`.
fn ascii_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut depth: u32 = 0;
    for c in text.chars().chain([' ']) {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if c.is_ascii_alphabetic() && depth == 0 => {
                word.push(c.to_ascii_lowercase());
                continue;
            }
            _ => {}
        }
        if word.len() >= 3 {
            words.push(std::mem::take(&mut word));
        }
        word.clear();
    }
    words
}

/// The English words of the table that its Chinese texts do not use too
/// (`gridwatch`, `officers.toml`, `Esc` are the same in both).
fn english_vocabulary() -> BTreeSet<String> {
    let zh: BTreeSet<String> = T::ALL
        .iter()
        .flat_map(|t| ascii_words(t.get(Lang::Zh)))
        .collect();
    // Keys are named as on the keyboard in both languages (`Enter`, `Tab`).
    let keys: BTreeSet<String> = gridwatch::tui::keymap::BINDINGS
        .iter()
        .flat_map(|b| ascii_words(&b.label()))
        .collect();
    T::ALL
        .iter()
        .flat_map(|t| ascii_words(t.get(Lang::En)))
        .filter(|w| !zh.contains(w) && !keys.contains(w))
        .collect()
}

/// Five complaints around 09:30 on Mon 30 Nov 2026 in different states,
/// the clock at 09:37:30 after automatic escalation.
fn console() -> Console {
    let room = Room::new();
    let mut lines = String::new();
    for (i, (received, category, address)) in [
        ("09:12", "air", "临江经济开发区化工园纬2路13号"),
        ("09:05", "water", "城关镇西关村解放路12号"),
        ("08:50", "noise", "石桥镇枫树坳村1组"),
        ("09:25", "solid_waste", "无名路口"),
        ("09:28", "ecology", "河西街道柳湾村"),
        ("09:20", "radiation", "城关镇西关村"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut c = complaint(&format!("C{}", i + 1));
        c["received_at"] = json!(format!("2026-11-30T{received}:00+08:00"));
        c["category"] = json!(category);
        c.as_object_mut().unwrap().remove("enterprise");
        c["location"] = json!({ "address": address });
        if i == 1 {
            // A point for the map (#12): in 西关村, as its address says.
            let config = gridwatch::config::Config::embedded().unwrap();
            let p = config.map.get("T01-V02").unwrap().shape.centroid().unwrap();
            c["location"] = json!({ "address": address, "lat": p.lat, "lon": p.lon });
        }
        if i == 4 {
            c["reporter"] = json!({"anonymous": true});
        }
        lines.push_str(&format!("{c}\n"));
    }
    let p = room.write("six.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut c = Console::new(room, Lang::Zh, at("2026-11-30T09:30:00+08:00"));
    // #1 dispatched and on site, #6 on site late then closed, #5 rejected,
    // #3 escalated by hand; then automatic escalation at 09:37:30.
    let id = |c: &Console, r: &str| {
        c.state
            .data
            .open
            .iter()
            .find(|x| x.external_ref == r)
            .unwrap()
            .id
    };
    for (r, keys) in [("C1", "d<enter>a<enter>"), ("C3", "e无人接听<enter>")] {
        let target = id(&c, r);
        select(&mut c, target);
        c.press(keys);
        assert!(!c.state.status.error, "{keys}: {:?}", c.state.status);
        assert_eq!(c.state.mode, gridwatch::tui::state::Mode::Normal, "{keys}");
    }
    let six = id(&c, "C6");
    c.room.ok(&[
        "--now=2026-11-30T10:30:00+08:00",
        "arrive",
        &six.to_string(),
        "--officer",
        "O009",
    ]);
    c.room.ok(&[
        "--now=2026-11-30T10:40:00+08:00",
        "resolve",
        &six.to_string(),
        "--outcome",
        "rectified",
        "--note",
        "已整改",
    ]);
    let five = id(&c, "C5");
    c.room
        .ok(&[NOW, "reject", &five.to_string(), "--reason", "not-in-remit"]);
    let now = at("2026-11-30T09:37:30+08:00");
    let config = c.state.config.clone();
    let actor =
        gridwatch::domain::Actor::new("escalator", "daemon", gridwatch::clock::ClockMode::Fixed);
    gridwatch::alert::escalator::evaluate(&mut c.store, &config, &actor, now).unwrap();
    c.tick(now);
    c
}

fn select(c: &mut Console, id: i64) {
    c.state.selected = Some(id);
    c.state.derive();
    assert_eq!(c.state.selected_complaint().map(|x| x.id), Some(id));
}

/// The English words found on the screen, with the line they are on.
fn english_on(text: &str, vocabulary: &BTreeSet<String>) -> Vec<String> {
    text.lines()
        .flat_map(|line| {
            ascii_words(line)
                .into_iter()
                .filter(|w| vocabulary.contains(w))
                .map(move |w| format!("'{w}' in: {}", line.trim()))
        })
        .collect()
}

#[test]
fn every_screen_form_and_overlay_in_chinese_has_no_english_word() {
    let vocabulary = english_vocabulary();
    assert!(
        [
            "breached",
            "received",
            // (not "dispatched": the Chinese of `incident equip` names its --dispatched flag)
            "escalated",
            "acknowledge",
            "deadline",
            "min"
        ]
        .iter()
        .all(|w| vocabulary.contains(*w)),
        "the vocabulary is the English of the table"
    );
    let mut c = console();
    let mut seen: Vec<(String, String)> = Vec::new();
    fn look_at(seen: &mut Vec<(String, String)>, c: &Console, what: &str) {
        for (w, h) in [(80, 24), (200, 50)] {
            seen.push((format!("{what} {w}x{h}"), c.text(w, h)));
        }
    }
    macro_rules! look {
        ($c:expr, $what:expr) => {
            look_at(&mut seen, $c, $what)
        };
    }
    look!(&c, "dashboard with banners");
    c.press("X");
    look!(&c, "dashboard after X");
    // Each open complaint's detail, and each form on it.
    let open: Vec<i64> = c.state.data.open.iter().map(|x| x.id).collect();
    for id in open {
        select(&mut c, id);
        c.press("<enter>");
        look!(&c, &format!("detail #{id}"));
        c.press("<enter>");
    }
    for keys in ["a", "d", "e", "r", "n", "n<enter>", "g", "R", "/", "q", "m"] {
        c.press(keys);
        look!(&c, &format!("form {keys}"));
        c.press("<esc>");
    }
    c.press("r<enter>");
    look!(&c, "an error in the status line");
    c.press("?");
    look!(&c, "help");
    for _ in 0..40 {
        c.press("j");
    }
    look!(&c, "help scrolled to its end");
    c.press("<esc>/不存在的词<enter>");
    look!(&c, "a filter that hides everything");
    c.press("<esc>2");
    for s in 0..4 {
        look!(&c, &format!("complaints, sort {s}"));
        c.press("s");
    }
    // The closed and the rejected complaint: detail and reopen form.
    let closed: Vec<i64> = c
        .state
        .data
        .recent
        .iter()
        .filter(|x| !x.status.is_open())
        .map(|x| x.id)
        .collect();
    assert_eq!(closed.len(), 2);
    for id in closed {
        select(&mut c, id);
        c.press("<enter>");
        look!(&c, &format!("detail of closed #{id}"));
        c.press("<esc>o");
        look!(&c, &format!("reopen form #{id}"));
        c.press("<esc>");
    }
    // The Grids screen (#11), its boards read as the store thread reads them.
    let boards = gridwatch::board::Boards::load(&c.store, &c.state.config, c.state.now).unwrap();
    let msg = gridwatch::tui::data::DataMsg::Boards(Box::new(boards));
    gridwatch::tui::update::update(&mut c.state, gridwatch::tui::update::Msg::Data(msg));
    c.press("5");
    look!(&c, "grids");
    c.press("<down><down><down><down><down><down><down><down><down><down><down><down><down><down><down><down><down><down><down>");
    look!(&c, "grids, an enterprise group selected");
    // The shift handover (#11): the overlay, a refusal, the note; after a
    // handover, the header here (and its record on the audit screen).
    c.state.duty.station = "值班台一".into();
    c.press("h");
    look!(&c, "handover overlay");
    c.press("<enter>");
    look!(&c, "handover refused");
    c.press("<right><tab><tab>注意河面");
    look!(&c, "handover note");
    c.press("<esc>h<right><tab><right><enter>");
    assert!(!c.state.status.error, "{:?}", c.state.status);
    look!(&c, "after a handover");
    c.press("9");
    look!(&c, "audit");
    // The map (#12): boundaries, markers, the selected complaint, the legend.
    c.press("8");
    look!(&c, "map");
    // On call (#11): the screen, the swap form, a swap, a refusal, its trail.
    c.press("4");
    look!(&c, "on call");
    c.press("<down>s");
    look!(&c, "swap form");
    c.press("<tab>病假<enter>");
    assert!(!c.state.status.error, "{:?}", c.state.status);
    look!(&c, "on call after a swap");
    c.press("s<c-u>O007<tab>再次<enter>");
    assert!(c.state.status.error, "{:?}", c.state.status);
    look!(&c, "a swap refused");
    c.press("9");
    look!(&c, "audit with a swap");
    // The Statistics screen (#12) in each window, its figures as the store
    // thread folds them.
    c.refresh();
    c.press("7");
    look!(&c, "statistics today");
    c.press("w");
    look!(&c, "statistics 7 days");
    c.press("w");
    look!(&c, "statistics 30 days");
    let mut found = Vec::new();
    for (what, text) in &seen {
        for hit in english_on(text, &vocabulary) {
            found.push(format!("{what}: {hit}"));
        }
    }
    assert!(
        found.is_empty(),
        "English on the Chinese console:\n{}",
        found.join("\n")
    );
}

/// The incident screens in Chinese (#10): the dashboard with an active
/// incident (side panel and the 80-column line), the Incidents screen, the
/// incident view in each section with steps done and skipped, people,
/// equipment out, a report sent and its timeline, every incident form and
/// question — none shows an English word of the table.
#[test]
fn the_incident_screens_in_chinese_have_no_english_word() {
    let vocabulary = english_vocabulary();
    let mut c = console();
    c.press("X");
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut look = |c: &Console, what: &str| {
        for (w, h) in [(80, 24), (200, 50)] {
            seen.push((format!("{what} {w}x{h}"), c.text(w, h)));
        }
    };
    // `i` on the water complaint (C2), drill and level questions answered.
    let water = c
        .state
        .data
        .open
        .iter()
        .find(|x| x.external_ref == "C2")
        .unwrap()
        .id;
    select(&mut c, water);
    c.press("i");
    look(&c, "form i");
    c.press("<tab><tab> <tab><tab><tab><tab><tab><tab> <enter>");
    assert!(
        c.state.mode == gridwatch::tui::state::Mode::Normal && !c.state.status.error,
        "{:?} {:?}",
        c.state.status,
        c.state.mode
    );
    look(&c, "status after opening");
    // Opened here, its view is shown at once; Esc: the dashboard.
    assert!(c.state.incident_view.is_some());
    c.press("<esc>");
    look(&c, "dashboard with an incident");
    c.press("3");
    look(&c, "incidents screen");
    c.press("<enter>");
    for keys in ["A", "+", "S", "L", "u", "D"] {
        c.press(keys);
        look(&c, &format!("incident form {keys}"));
        c.press("<esc>");
    }
    // The report draft, each kind, scrolled; a save refused, in words.
    c.press("P");
    for kind in ["initial", "follow-up", "final"] {
        look(&c, &format!("report draft {kind}"));
        c.press("<pgdn>");
        look(&c, &format!("report draft {kind} scrolled"));
        c.press("<tab>");
    }
    c.press("s");
    assert!(matches!(
        c.effects.pop(),
        Some(gridwatch::tui::update::Effect::SaveDraft { .. })
    ));
    gridwatch::tui::update::update(
        &mut c.state,
        gridwatch::tui::update::Msg::DraftSaved {
            dir: "/srv/zhiban".into(),
            result: Err(std::io::ErrorKind::PermissionDenied.into()),
        },
    );
    assert!(
        c.state.status.text.contains("无权写入"),
        "{:?}",
        c.state.status
    );
    look(&c, "report draft not saved");
    c.press("u");
    look(&c, "sent form from the draft");
    c.press("<esc>");
    c.press("A<enter>>> j");
    c.press("S上游已断流<enter>");
    c.press("D<enter>");
    c.press("u市生态环境局<enter>");
    // Level III: the drinking-water answer (yes), for an unknown level
    // only, turns no by itself as the level is chosen.
    c.press("L<down><down><down>");
    look(&c, "level form, III chosen");
    c.press("<enter>");
    assert!(!c.state.status.error, "{:?}", c.state.status);
    for section in ["checklist", "people", "equipment", "timeline"] {
        look(&c, &format!("incident view, {section}"));
        c.press("<right>");
    }
    assert_eq!(c.state.data.incidents.len(), 1);
    let d = &c.state.open_incident().expect("the view is open").detail;
    assert!(d.row.drill && d.row.initial_report_sent_at.is_some());
    assert!(d.steps[1].state.is_settled() && !d.personnel.is_empty());
    assert!(!d.equipment.is_empty(), "equipment dispatched");
    c.press("B");
    look(&c, "incident form B");
    c.press("<esc>C");
    look(&c, "close question");
    c.press("y");
    look(&c, "closed incident");
    c.press("t");
    look(&c, "an error on a closed incident");
    c.press("O");
    look(&c, "incident form O");
    c.press("<esc><esc>");
    look(&c, "incidents screen with a closed one");
    c.press("?");
    for _ in 0..60 {
        c.press("j");
    }
    look(&c, "help scrolled to the incident keys");
    let mut found = Vec::new();
    for (what, text) in &seen {
        for hit in english_on(text, &vocabulary) {
            found.push(format!("{what}: {hit}"));
        }
    }
    assert!(
        found.is_empty(),
        "English on the Chinese console:\n{}",
        found.join("\n")
    );
}

/// The Sources screen in Chinese (#11): the list with its census line and
/// panels, the inspection and visit forms, a refusal in the status line.
#[test]
fn the_sources_screen_in_chinese_has_no_english_word() {
    let vocabulary = english_vocabulary();
    let mut c = console();
    c.press("X");
    let b = gridwatch::board::Boards::load(&c.store, &c.state.config, c.state.now).unwrap();
    gridwatch::tui::update::update(
        &mut c.state,
        gridwatch::tui::update::Msg::Data(gridwatch::tui::data::DataMsg::Boards(Box::new(b))),
    );
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut look = |c: &Console, what: &str| {
        for (w, h) in [(80, 24), (200, 50)] {
            seen.push((format!("{what} {w}x{h}"), c.text(w, h)));
        }
    };
    c.press("6");
    look(&c, "sources");
    c.press("jjj");
    look(&c, "sources, fourth selected");
    c.press("c");
    look(&c, "form c");
    c.press("<tab><tab><tab><down><enter>");
    look(&c, "form c refused");
    c.press("<esc>v");
    look(&c, "form v");
    c.press("<enter>");
    look(&c, "form v refused");
    c.press("<esc>");
    let mut found = Vec::new();
    for (what, text) in &seen {
        for hit in english_on(text, &vocabulary) {
            found.push(format!("{what}: {hit}"));
        }
    }
    assert!(
        found.is_empty(),
        "English on the Chinese console:\n{}",
        found.join("\n")
    );
}
