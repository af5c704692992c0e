//! The shift handover at the console (#11): `h` opens the overlay with the
//! sheet of what the console holds and the officer on duty as outgoing;
//! the incoming officer is picked and confirms; the handover is recorded
//! as the command line records it, and the header shows the incoming
//! officer — at once here, and at any console of the same name that
//! starts later. Snapshots at 80×24 and 200×50 in both languages.

use chrono::{DateTime, Utc};
use gridwatch::board::Boards;
use gridwatch::i18n::Lang;
use gridwatch::store::Handovers;
use gridwatch::tui::data::DataMsg;
use gridwatch::tui::state::Mode;
use gridwatch::tui::update::{Effect, Msg, update};
use serde_json::json;

mod common;
use common::tui::{Console, screen_text, style_digest};
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Two open complaints at 09:30 (one breached), the console named `desk-1`
/// with 崔志强 (O005) on duty.
fn console(lang: Lang) -> Console {
    let room = Room::new();
    let mut late = complaint("L1");
    late["received_at"] = json!("2026-11-30T08:40:00+08:00");
    let p = room.write("c.jsonl", format!("{}\n{late}\n", complaint("C1")));
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut c = Console::new(room, lang, at("2026-11-30T09:30:00+08:00"));
    c.state.duty.station = "desk-1".into();
    c.state.officer = Some("O005".into());
    load_boards(&mut c);
    c
}

/// Read the boards, as the store thread does after a write.
fn load_boards(c: &mut Console) {
    let boards = Boards::load(&c.store, &c.state.config, c.state.now).unwrap();
    update(&mut c.state, Msg::Data(DataMsg::Boards(Box::new(boards))));
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

fn header(c: &Console, w: u16) -> String {
    c.text(w, 24).lines().next().unwrap().to_string()
}

#[test]
fn snapshots_of_the_handover_overlay_in_both_languages_and_sizes() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(lang);
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("dashboard_on_duty_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("h<right>");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("handover_{name}_{w}x{h}"), snap(&c, w, h));
        }
    }
}

#[test]
fn h_shows_the_sheet_with_the_officer_on_duty_outgoing() {
    let mut c = console(Lang::En);
    c.press("h");
    let Mode::Handover(o) = &c.state.mode else {
        panic!("h opens the handover overlay: {:?}", c.state.mode);
    };
    assert_eq!(o.from.as_deref(), Some("O005"));
    assert_eq!(o.to, None);
    let text = c.text(200, 50);
    assert!(text.contains("Shift handover · desk-1"), "{text}");
    assert!(
        text.contains("▸Incoming: Choose the incoming officer"),
        "{text}"
    );
    assert!(text.contains("Outgoing: 崔志强 (O005)"), "{text}");
    assert!(text.contains("## Open complaints (2)"), "{text}");
    assert!(text.contains("✖ breached +20:00"), "{text}");
    // Nobody picked: Enter is refused in words, nothing written.
    c.press("<enter>");
    assert!(c.state.status.error);
    assert_eq!(c.state.status.text, "Choose the incoming officer (←→).");
    assert!(matches!(c.state.mode, Mode::Handover(_)));
    // The picker leaves out the outgoing officer; ← goes round to the last.
    c.press("<right>");
    let Mode::Handover(o) = &c.state.mode else {
        panic!()
    };
    assert_eq!(o.to.as_deref(), Some("O001"));
    // `s` saves the sheet (an effect the event loop performs).
    c.press("s");
    let saved = c.effects.iter().find_map(|e| match e {
        Effect::SaveDraft { name, text } => Some((name.clone(), text.clone())),
        _ => None,
    });
    let (name, sheet) = saved.expect("s saves the sheet");
    assert_eq!(name, "handover-20261130-0930.md");
    assert!(sheet.starts_with("# Shift handover · 2026-11-30 09:30 Mon"));
    assert!(sheet.contains("- **Incoming**: 杜卫东 (O001)"), "{sheet}");
    // In the note, y and s are letters.
    c.press("<tab><tab>says yes");
    let Mode::Handover(o) = &c.state.mode else {
        panic!()
    };
    assert_eq!(o.note, "says yes");
    c.press("<esc>");
    assert_eq!(c.state.mode, Mode::Normal);
    assert!(
        c.store.latest_handovers().unwrap().is_empty(),
        "nothing recorded without a confirmation"
    );
}

#[test]
fn the_incoming_officer_confirms_and_the_header_shows_them_on_duty() {
    let mut c = console(Lang::En);
    assert!(
        header(&c, 200).contains("◉ on duty 崔志强"),
        "{}",
        header(&c, 200)
    );
    c.press("h<right><tab><tab>river patrol at 11<enter>");
    assert_eq!(c.state.mode, Mode::Normal);
    assert!(!c.state.status.error, "{:?}", c.state.status);
    assert_eq!(
        c.state.status.text,
        "Handover #1 recorded: 崔志强 (O005) → 杜卫东 (O001), now on duty."
    );
    let h = c.store.latest_handovers().unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].from.as_str(), h[0].to.as_str(), h[0].station.as_str()),
        ("O005", "O001", "desk-1")
    );
    assert_eq!(h[0].note.as_deref(), Some("river patrol at 11"));
    assert!(h[0].sheet.contains("- **Note**: river patrol at 11"));
    // From now on the console acts as the incoming officer: pickers are
    // preset to them and the audit log names them.
    assert_eq!(c.state.officer.as_deref(), Some("O001"));
    assert!(
        c.effects
            .iter()
            .any(|e| matches!(e, gridwatch::tui::effect::Effect::ActAs(o) if o == "O001")),
        "{:?}",
        c.effects
    );
    assert_eq!(c.actor.name, "O001");
    // The header: the incoming officer, at 200 and at 80 columns.
    assert!(
        header(&c, 200).contains("◉ on duty 杜卫东"),
        "{}",
        header(&c, 200)
    );
    // At 90 the name, said short; at 80 it gives way to the warning that
    // 2027 has no calendar (see the test below); the counts always show.
    let narrow = header(&c, 90);
    assert!(narrow.contains("◉ 杜卫东"), "{narrow}");
    assert!(narrow.contains("✖ 1"), "the counts still show: {narrow}");
    assert!(header(&c, 80).contains("✖ 1"));
    // A console started later at the same station shows the incoming
    // officer; one at another station does not.
    let mut later = c.another("desk", Lang::En);
    later.state.duty.station = "desk-1".into();
    load_boards(&mut later);
    assert!(header(&later, 200).contains("◉ on duty 杜卫东"));
    let mut elsewhere = c.another("desk2", Lang::En);
    elsewhere.state.duty.station = "desk-2".into();
    load_boards(&mut elsewhere);
    assert!(!header(&elsewhere, 200).contains("on duty"));
    // The audit screen words the record.
    c.press("9");
    assert!(
        c.text(200, 50)
            .contains("shift handed over: 崔志强 (O005) → 杜卫东 (O001) — river patrol at 11"),
        "{}",
        c.text(200, 50)
    );
}

#[test]
fn a_refused_handover_says_why() {
    let mut c = console(Lang::Zh);
    c.state.officer = None;
    c.press("h<right><enter>");
    assert!(c.state.status.error);
    assert_eq!(c.state.status.text, "请选择交班人（←→）。");
    // Outgoing picked by hand: then it is recorded.
    c.press("<tab><right><enter>");
    assert!(!c.state.status.error, "{:?}", c.state.status);
    assert_eq!(c.store.latest_handovers().unwrap().len(), 1);
}

#[test]
fn at_80_columns_the_calendar_warning_and_the_daemon_outlive_the_clock_and_the_label() {
    // 30 Nov 2026: no 2027 calendar yet, an officer on duty, a fixed clock.
    for (lang, calendar, daemon, weekday) in [
        (Lang::En, "NO 2027 CALENDAR", "intake DOWN", "Mon"),
        (Lang::Zh, "缺2027年日历", "接收 未运行", "周一"),
    ] {
        let c = console(lang);
        let wide = header(&c, 200);
        assert!(wide.contains(calendar) && wide.contains(weekday), "{wide}");
        let narrow = header(&c, 80);
        assert!(narrow.contains(calendar), "{narrow}");
        assert!(narrow.contains(daemon), "{narrow}");
        assert!(narrow.contains("✖ 1"), "the counts still show: {narrow}");
        assert!(!narrow.contains(weekday), "the weekday gave way: {narrow}");
        assert!(
            !narrow.contains("09:30:00"),
            "the seconds gave way: {narrow}"
        );
        assert!(!narrow.contains("on duty"), "the label gave way: {narrow}");
    }
}

#[test]
fn the_officer_pickers_take_a_typed_id_or_part_of_a_name_and_the_note_shows_unescaped() {
    let mut c = console(Lang::En);
    // The incoming picker is focused: part of a name, then an id.
    c.press("h冯");
    let Mode::Handover(o) = &c.state.mode else {
        panic!("{:?}", c.state.mode)
    };
    assert_eq!(o.to.as_deref(), Some("O004"));
    c.press("<tab>");
    c.press("<backtab>O001");
    let Mode::Handover(o) = &c.state.mode else {
        panic!("{:?}", c.state.mode)
    };
    assert_eq!(o.to.as_deref(), Some("O001"));
    // The outgoing one too (the incoming officer left out).
    c.press("<tab>杜");
    let Mode::Handover(o) = &c.state.mode else {
        panic!("{:?}", c.state.mode)
    };
    assert_eq!(
        o.from.as_deref(),
        Some("O005"),
        "杜卫东 is incoming: no change"
    );
    c.press("O006");
    let Mode::Handover(o) = &c.state.mode else {
        panic!("{:?}", c.state.mode)
    };
    assert_eq!(o.from.as_deref(), Some("O006"));
    // The note: shown as typed on the sheet, recorded escaped.
    c.press("<tab>call back #2 at 11_00");
    let screen = c.text(200, 50);
    assert!(
        screen.contains("- **Note**: call back #2 at 11_00"),
        "{screen}"
    );
    assert!(!screen.contains("\\#2"), "{screen}");
    c.press("<enter>");
    assert!(!c.state.status.error, "{:?}", c.state.status);
    let h = c.store.latest_handovers().unwrap();
    assert!(
        h[0].sheet.contains("- **Note**: call back \\#2 at 11\\_00"),
        "{}",
        h[0].sheet
    );
}
