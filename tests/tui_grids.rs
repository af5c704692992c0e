//! The Grids screen (5) and the `m` key (#11), on a console driven by key
//! strings over a real database: the tree with staffing and figures in both
//! languages and sizes (snapshots), and a duplicate merged by keys — the
//! picker offers its chain first, a confirm, then it is merged.

use chrono::{DateTime, Utc};
use gridwatch::board::Boards;
use gridwatch::i18n::Lang;
use gridwatch::tui::data::DataMsg;
use gridwatch::tui::state::Mode;
use gridwatch::tui::update::{Msg, update};
use serde_json::json;

mod common;
use common::tui::{Console, screen_text, style_digest};
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// #1 09:12 and #2 09:20 about E0102 (#2 a repeat of #1), #3 09:25 in T01-V02.
fn room() -> Room {
    let room = Room::new();
    let mut second = complaint("A2");
    second["received_at"] = json!("2026-11-30T09:20:00+08:00");
    let mut third = complaint("A3");
    third["received_at"] = json!("2026-11-30T09:25:00+08:00");
    third["category"] = json!("water");
    third.as_object_mut().unwrap().remove("enterprise");
    third["location"] = json!({"address": "城关镇西关村解放路12号"});
    let lines: String = [complaint("A1"), second, third]
        .iter()
        .map(|c| format!("{c}\n"))
        .collect();
    let p = room.write("three.jsonl", lines);
    room.ok(&[NOW, "submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room
}

/// A console at 10:30, with the boards read as the store thread reads them.
fn console(lang: Lang) -> Console {
    let mut c = Console::new(room(), lang, at("2026-11-30T10:30:00+08:00"));
    load_boards(&mut c);
    c
}

fn load_boards(c: &mut Console) {
    let boards = Boards::load(&c.store, &c.state.config, c.state.now).unwrap();
    update(&mut c.state, Msg::Data(DataMsg::Boards(Box::new(boards))));
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

#[test]
fn snapshots_of_the_grids_screen_in_both_languages_and_sizes() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(lang);
        c.press("5");
        // On T03 (class 1, two short): its people and phones below.
        c.press("<down><down><down><down><down><down><down><down><down><down>");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("grids_{name}_{w}x{h}"), snap(&c, w, h));
        }
    }
}

#[test]
fn the_grids_screen_marks_shortfalls_with_a_symbol_and_rolls_figures_up() {
    let mut c = console(Lang::En);
    c.press("5");
    let text = c.text(200, 50);
    let line = |id: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap_or_else(|| panic!("{id}\n{text}"))
            .to_string()
    };
    assert!(
        line("T03 ").contains("✗ 3/5") && line("T03 ").contains("2 short"),
        "{text}"
    );
    assert!(line("T04-V02-G01").contains("no leader"), "{text}");
    assert!(line("T01 ").contains("✓ 3/3"), "{text}");
    assert!(
        line("T01 ").contains("郭国栋"),
        "people by name at 200 cells: {text}"
    );
    // #1 and #2 are breached in T03-V01-G01; they count in T03 and the city too.
    let figures = |id: &str| -> Vec<String> {
        line(id)
            .split_whitespace()
            .rev()
            .take(4)
            .map(String::from)
            .collect()
    };
    assert_eq!(
        figures("T03-V01-G01")[2..],
        ["2", "2"],
        "open, breached: {text}"
    );
    assert_eq!(figures("T03 ")[2..], ["2", "2"], "{text}");
    assert_eq!(figures("C00")[2..], ["3", "3"], "#3 in T01-V02 too: {text}");
    assert_eq!(figures("T01 ")[2..], ["1", "1"], "{text}");
    assert!(
        text.contains("figures incl. sub-grids"),
        "the legend says the rule"
    );
    // ↑↓ move the selection, which shows that grid's people with phones.
    c.press("<down>");
    assert!(c.text(80, 24).contains("T01 城关镇"), "{}", c.text(80, 24));
    assert!(
        c.text(80, 24).contains("郭国栋 1"),
        "a phone: {}",
        c.text(80, 24)
    );
}

/// Move the selection onto complaint `id` with the arrow keys.
fn select(c: &mut Console, id: i64) {
    for key in ["<up>", "<down>"] {
        for _ in 0..5 {
            if c.state.selected_complaint().map(|x| x.id) == Some(id) {
                return;
            }
            c.press(key);
        }
    }
    assert_eq!(c.state.selected_complaint().map(|x| x.id), Some(id));
}

#[test]
fn m_merges_the_selected_duplicate_into_its_chain_after_a_confirm() {
    let mut c = console(Lang::En);
    c.press("2");
    select(&mut c, 2);
    c.press("m");
    let Mode::Form(form) = &c.state.mode else {
        panic!("m opens the merge picker: {:?}", c.state.status)
    };
    // Its chain first: #1; #3 (later, other grid) is not offered.
    let offered: Vec<&str> = form.fields[0]
        .choices
        .iter()
        .map(|ch| ch.id.as_str())
        .collect();
    assert_eq!(offered, ["1"]);
    assert!(c.text(80, 24).contains("#1"), "{}", c.text(80, 24));
    c.press("<enter>");
    assert!(
        matches!(c.state.mode, Mode::Confirm { .. }),
        "a merge asks first"
    );
    assert!(
        c.text(80, 24).contains("Merge #2 into #1?"),
        "{}",
        c.text(80, 24)
    );
    c.press("y");
    assert_eq!(
        c.state.status.text,
        "#2 merged into #1, a repeat of #1; its history is kept"
    );
    let merged = c.state.complaint(2).unwrap();
    assert_eq!((merged.merged_into, merged.repeat_of), (Some(1), Some(1)));
    // The earlier one's detail lists what was merged into it.
    select(&mut c, 1);
    c.press("<enter>");
    assert!(
        c.text(200, 50).contains("#2 11-30 09:20 merged"),
        "{}",
        c.text(200, 50)
    );
}

#[test]
fn m_without_a_candidate_opens_the_form_to_type_any_earlier_id_and_refusals_stay_in_it() {
    let mut c = console(Lang::En);
    c.press("2");
    // #1 is the earliest: nothing offered, the form opens all the same.
    select(&mut c, 1);
    c.press("m");
    let Mode::Form(form) = &c.state.mode else {
        panic!("m opens the merge form anyway: {:?}", c.state.status)
    };
    assert!(form.fields[0].choices.is_empty());
    let text = c.text(80, 24);
    assert!(
        text.contains("Into") && text.contains("type the id of any earlier complaint"),
        "{text}"
    );
    // Nothing typed; then a later one: refused in the form, which stays open.
    c.press("<enter>");
    assert!(matches!(c.state.mode, Mode::Form(_)));
    assert!(
        c.text(80, 24)
            .contains("Type the id of the earlier complaint")
    );
    c.press("3<enter>");
    let Mode::Form(form) = &c.state.mode else {
        panic!("a refusal keeps the form: {:?}", c.state.mode)
    };
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("#3 was received after #1")),
        "{:?}",
        form.error
    );
    assert!(c.text(80, 24).contains("#3 was received after #1"));
    c.press("<esc>");
    // #3 (other grid, other category) has no candidate; #1 is typed: merged.
    select(&mut c, 3);
    c.press("m");
    let Mode::Form(form) = &c.state.mode else {
        panic!("m opens the merge form anyway: {:?}", c.state.status)
    };
    assert!(form.fields[0].choices.is_empty());
    c.press("#1<enter>");
    assert!(
        c.text(80, 24).contains("Merge #3 into #1?"),
        "{}",
        c.text(80, 24)
    );
    c.press("y");
    assert_eq!(c.state.complaint(3).unwrap().merged_into, Some(1));
    // One this console does not hold: the store refuses, the form opens again.
    select(&mut c, 2);
    c.press("m<c-u>99<enter>y");
    let Mode::Form(form) = &c.state.mode else {
        panic!(
            "the store's refusal opens the form again: {:?}",
            c.state.mode
        )
    };
    assert_eq!(form.value(gridwatch::i18n::T::MergeFieldInto), "99");
    assert!(
        c.text(80, 24).contains("There is no complaint #99"),
        "{}",
        c.text(80, 24)
    );
}

#[test]
fn the_zh_merge_confirm_says_what_y_and_n_do() {
    let mut c = console(Lang::Zh);
    c.press("2");
    select(&mut c, 2);
    c.press("m<enter>");
    assert!(matches!(c.state.mode, Mode::Confirm { .. }));
    let Mode::Confirm { question, .. } = &c.state.mode else {
        unreachable!()
    };
    assert!(question.ends_with("（y 确认 / n 取消）"), "{question}");
}

/// The detail labels a complaint's place in its chain: "Repeat of #1" on
/// the repeat, "Repeats" with the count of later ones on the original.
#[test]
fn the_detail_says_repeat_of_on_a_repeat_and_repeats_on_the_original() {
    for (lang, of, later, count) in [
        (
            Lang::En,
            "Repeat of",
            "Repeats",
            "1 later complaint repeats this one",
        ),
        (Lang::Zh, "重复于", "重复举报", "此后有 1 件重复举报"),
    ] {
        let mut c = console(lang);
        c.press("2");
        select(&mut c, 1);
        c.press("<enter>");
        let text = c.text(200, 50);
        let line = |label: &str| {
            text.lines()
                .find(|l| l.trim_start_matches(['│', ' ']).starts_with(label))
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        let shown = line(later).unwrap_or_else(|| panic!("{text}"));
        assert!(shown.contains(&format!("{later} {count}")), "{shown}");
        assert!(line(of).is_none(), "the original repeats nothing: {text}");
        c.press("<esc>");
        select(&mut c, 2);
        c.press("<enter>");
        let text = c.text(200, 50);
        let shown = text
            .lines()
            .find(|l| l.contains(of))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(shown.contains(of) && shown.contains("#1"), "{shown}");
    }
}
