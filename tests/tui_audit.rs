//! The Audit screen (7) over many entries: what each is about in words
//! (a swap, an inspection), the About column as wide as the longest, and scrolling
//! over every entry held with ↑↓ j k PgUp PgDn Home End at 80×24, the title
//! saying which entries are shown. Snapshots in both languages and sizes.

use chrono::{DateTime, Utc};
use gridwatch::i18n::Lang;
use serde_json::json;

mod common;
use common::tui::{Console, screen_text, style_digest};
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// 30 spool files of one complaint each (30 entries `file N`), then an
/// inspection and a swap: 32 entries, the newest a swap.
fn room() -> Room {
    let room = Room::new();
    let paths: Vec<_> = (1..=30)
        .map(|i| {
            let mut c = complaint(&format!("L{i:02}"));
            c["received_at"] = json!(format!("2026-11-30T08:{:02}:00+08:00", i));
            room.write(&format!("in/{i:02}.json"), c.to_string())
        })
        .collect();
    room.deliver(&paths.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    room.ok(&[NOW, "intake", "--once"]);
    room.ok(&[
        NOW,
        "inspect",
        "E0104",
        "--officer",
        "O018",
        "--result",
        "ok",
        "--at",
        "09:00",
    ]);
    room.ok(&[
        NOW,
        "swap",
        "T01",
        "--role",
        "primary",
        "--to",
        "O012",
        "--reason",
        "sick leave",
    ]);
    room
}

fn console(lang: Lang) -> Console {
    let mut c = Console::new(room(), lang, at("2026-11-30T09:30:00+08:00"));
    c.press("9");
    c
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

#[test]
fn snapshots_of_the_audit_screen_scrolled_in_both_languages_and_sizes() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(lang);
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("audit_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("<pgdn><pgdn>jj");
        insta::assert_snapshot!(format!("audit_scrolled_{name}_80x24"), snap(&c, 80, 24));
    }
}

/// The line of the entry about `about`, if shown.
fn line<'a>(text: &'a str, about: &str) -> Option<&'a str> {
    text.lines().find(|l| l.contains(about))
}

#[test]
fn the_about_column_is_as_wide_as_the_longest_subject() {
    let c = console(Lang::En);
    let text = c.text(200, 50);
    let swap = line(&text, "swap 1").unwrap_or_else(|| panic!("{text}"));
    let inspection = line(&text, "inspection 1").unwrap_or_else(|| panic!("{text}"));
    let file = line(&text, "file 30 ").unwrap_or_else(|| panic!("{text}"));
    // The details start in one column, right after the longest subject
    // (the lines are ASCII up to there: bytes are cells).
    let at = |l: &str, word: &str| l.find(word).unwrap_or_else(|| panic!("{word}: {l}"));
    let column = at(inspection, "inspection 1") + "inspection 1".len() + 1;
    for l in [swap, inspection, file] {
        assert!(
            l[column..].starts_with(|ch: char| ch != ' ') && l[column - 1..].starts_with(' '),
            "the details start at {column}: {text}"
        );
    }
}

#[test]
fn the_audit_screen_scrolls_over_every_entry_held() {
    let mut c = console(Lang::En);
    let title = |c: &Console| -> String {
        c.text(80, 24)
            .lines()
            .find(|l| l.contains("Audit log"))
            .unwrap()
            .to_string()
    };
    // 32 entries; 21 lines below the header at 80×24 (status lines aside).
    assert!(title(&c).contains("1–"), "{}", title(&c));
    assert!(title(&c).contains("of 32"), "{}", title(&c));
    assert!(line(&c.text(80, 24), "file 1 ").is_none());
    // End: the oldest entry (file 1) is shown; Home: back to the newest.
    c.press("<end>");
    assert!(
        line(&c.text(80, 24), "file 1 ").is_some(),
        "{}",
        c.text(80, 24)
    );
    assert!(title(&c).contains("–32 of 32"), "{}", title(&c));
    c.press("<home>");
    assert!(line(&c.text(80, 24), "swap 1").is_some());
    // PgDn: ten entries at a time; j and ↓ one; k and ↑ back.
    c.press("<pgdn><pgdn><pgdn>");
    assert_eq!(c.state.audit.at, 30);
    assert!(
        line(&c.text(80, 24), "file 1 ").is_none(),
        "{}",
        c.text(80, 24)
    );
    c.press("j<down>");
    assert_eq!(c.state.audit.at, 31, "stops at the oldest");
    assert!(
        line(&c.text(80, 24), "file 1 ").is_some(),
        "{}",
        c.text(80, 24)
    );
    c.press("k<up><pgup>");
    assert_eq!(c.state.audit.at, 19);
    let text = c.text(80, 24);
    // Nineteen one-line entries fit at 80×24; the window ends where the
    // selection left it.
    assert!(text.contains("3–21 of 32"), "{text}");
    assert!(line(&text, "file 13 ").is_some(), "{text}");
    assert!(line(&text, "file 11 ").is_none(), "{text}");
}
