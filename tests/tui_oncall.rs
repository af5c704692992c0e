//! The On-call screen (4) without a terminal: snapshots in both languages
//! and sizes, a swap made with `s` through its form (the table and the
//! side panel follow it), a refusal in words, and a gap in red with its
//! symbol.

use chrono::{DateTime, Utc};
use gridwatch::i18n::Lang;
use gridwatch::tui::state::Mode;

mod common;
use common::Room;
use common::tui::{Console, screen_text, style_digest};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Tuesday 1 Dec 2026, half an hour before the day shift ends.
fn console(room: Room, lang: Lang) -> Console {
    Console::new(room, lang, at("2026-12-01T17:30:00+08:00"))
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

#[test]
fn snapshots_of_the_on_call_screen_and_the_swap_form() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(Room::new(), lang);
        c.press("4");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("oncall_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("<down>s");
        insta::assert_snapshot!(format!("swap_form_{name}_80x24"), snap(&c, 80, 24));
    }
}

#[test]
fn a_swap_at_the_console_is_shown_everywhere_who_is_on_call_is() {
    let mut c = console(Room::new(), Lang::En);
    c.press("4<down>");
    let before = c.text(200, 50);
    assert!(before.contains("邓海燕 13917874421"), "{before}");
    // `s` on T01: the replacement starts on the grid's first officer who is
    // not the primary now (O007), then the reason.
    c.press("s");
    let Mode::Form(form) = &c.state.mode else {
        panic!("no form: {:?}", c.state.mode)
    };
    assert_eq!(form.value(gridwatch::i18n::T::FieldGrid), "T01");
    c.press("<tab>sick leave<enter>");
    assert!(matches!(c.state.mode, Mode::Normal), "{:?}", c.state.mode);
    assert!(
        c.state
            .status
            .text
            .starts_with("swap #1: T01 day shift of 2026-12-01, primary: O007"),
        "{}",
        c.state.status.text
    );
    let after = c.text(200, 50);
    let t01 = after.lines().find(|l| l.starts_with(" T01 ")).unwrap();
    assert!(t01.contains("⇄ primary swapped: sick leave"), "{after}");
    assert!(!t01.contains("邓海燕"), "{t01}");
    // The dashboard's side panel shows the officer swapped in.
    c.press("1");
    let dash = c.text(200, 50);
    let name = &c.state.config.officers["O007"].name;
    assert!(dash.contains(name.as_str()), "{dash}");
    // The officer who holds the role already is refused, in words.
    c.press("4s<c-u>O007<tab>again<enter>");
    assert!(c.state.status.error, "{}", c.state.status.text);
    assert_eq!(
        c.state.status.text,
        "O007 (郭国栋 13908302983) already holds that role in that shift"
    );
}

#[test]
fn a_grid_with_a_gap_is_red_with_a_symbol() {
    let room = Room::new();
    let path = room.path("config/roster.toml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "days = [\"Thu\", \"Fri\", \"Sat\", \"Sun\"]\nshift = \"day\"",
        "days = [\"Thu\", \"Fri\", \"Sat\"]\nshift = \"day\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let mut c = console(room, Lang::En);
    c.press("4");
    let screen = c.text(200, 50);
    assert!(
        screen.contains("✖ 1 gap in the coming 7 days · nobody on call in C00"),
        "{screen}"
    );
    let c00 = screen.lines().find(|l| l.starts_with("C00 ")).unwrap();
    assert!(c00.contains("✖ 1 gap in the coming 7 days"), "{c00}");
    insta::assert_snapshot!("oncall_gap_en_80x24", snap(&c, 80, 24));
}

#[test]
fn complaints_dispatched_to_an_officer_swapped_out_still_name_them() {
    let room = Room::new();
    let p = room.write("c.json", common::complaint("E1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[common::NOW, "intake", "--once"]);
    let mut c = console(room, Lang::En);
    // Complaint 1 (T03-V01-G01) dispatched to T03's primary, 汤国栋 (O019).
    c.press("d<enter>");
    assert!(
        c.state.status.text.contains("O019"),
        "{}",
        c.state.status.text
    );
    let dash = c.text(200, 50);
    let row = dash
        .lines()
        .find(|l| l.contains("T03-V01-G01"))
        .expect(&dash);
    assert!(row.contains("→ 汤国栋"), "{row}");
    // T03's primary swapped: the status line says 汤国栋 still has it.
    c.press("4<down><down><down><down><down><down><down><down><down><down>s");
    let Mode::Form(form) = &c.state.mode else {
        panic!("no form: {:?}", c.state.mode)
    };
    assert_eq!(form.value(gridwatch::i18n::T::FieldGrid), "T03");
    c.press("<tab>hearing<enter>");
    assert!(
        c.state
            .status
            .text
            .ends_with(" · 汤国栋 still has 1 open complaint dispatched: #1 — re-dispatch it (d)"),
        "{}",
        c.state.status.text
    );
    // The dashboard still names the officer sent, not the one on call now.
    c.press("1");
    let dash = c.text(200, 50);
    let row = dash
        .lines()
        .find(|l| l.contains("T03-V01-G01"))
        .expect(&dash);
    assert!(row.contains("→ 汤国栋"), "{row}");
}

#[test]
fn the_swap_picker_marks_who_holds_the_role_chosen_now() {
    let mut c = console(Room::new(), Lang::En);
    // T01's day shift: primary O009 邓海燕, backup O010 于振华.
    c.press("4<down>s");
    let screen = c.text(80, 24);
    let marked: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("holds it now"))
        .collect();
    assert_eq!(marked.len(), 1, "{screen}");
    assert!(marked[0].contains("O009 邓海燕"), "{screen}");
    // On the holder, the value itself says so, before any reason is typed.
    c.press("<down><down>");
    let value = c.text(80, 24);
    let line = value.lines().find(|l| l.contains("▶ Replacement")).unwrap();
    assert!(
        line.contains("O009 邓海燕 13917874421 · home grid · holds it now"),
        "{line}"
    );
    // Another role: the mark follows it.
    c.press("<backtab><down><tab>");
    let Mode::Form(form) = &c.state.mode else {
        panic!("no form: {:?}", c.state.mode)
    };
    assert_eq!(form.value(gridwatch::i18n::T::OnCallFieldRole), "backup");
    let screen = c.text(80, 24);
    let marked: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("holds it now"))
        .collect();
    assert_eq!(marked.len(), 1, "{screen}");
    assert!(marked[0].contains("O010"), "{screen}");
    let zh = {
        let mut z = console(Room::new(), Lang::Zh);
        z.press("4<down>s");
        z.text(80, 24)
    };
    assert!(
        zh.contains("O009 邓海燕 13917874421 · 本网格 · 现任"),
        "{zh}"
    );
}

#[test]
fn at_80_columns_the_selected_grid_shows_every_role_now_and_next_and_its_swaps() {
    let mut c = console(Room::new(), Lang::En);
    // T01's leader swapped: the leader column is dropped at 80 columns.
    c.press("4<down>s<backtab><down><down><tab><c-u>O012<tab>meeting in town<enter>");
    assert!(!c.state.status.error, "{}", c.state.status.text);
    let screen = c.text(80, 24);
    assert!(
        !screen.contains("Leader "),
        "no leader column at 80:\n{screen}"
    );
    let after = |label: &str| -> String {
        screen
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label}:\n{screen}"))
            .to_string()
    };
    assert!(screen.contains(" T01 城关镇 "), "{screen}");
    assert!(
        after("          now: day shift of 12-01").contains("next: night shift of 12-01"),
        "{screen}"
    );
    assert!(after("primary ").contains("邓海燕 13917874421"), "{screen}");
    assert!(after("backup ").contains("于振华 13672569631"), "{screen}");
    let leader = after("leader ");
    assert!(
        leader.contains("郝晓明 13578061052"),
        "swapped in now: {leader}"
    );
    assert!(
        leader.contains("江芳 13806655764"),
        "next as roster.toml has it: {leader}"
    );
    assert!(
        screen.contains("⇄ now leader: 江芳 → 郝晓明 — meeting in town"),
        "{screen}"
    );
    let zh = {
        let mut z = console(Room::new(), Lang::Zh);
        z.press("4<down>");
        z.text(80, 24)
    };
    assert!(zh.contains("当班：12-01 白班"), "{zh}");
    assert!(zh.contains("下一班：12-01 夜班"), "{zh}");
}
