//! Column widths on wide screens (#11 fixes): names take the spare width
//! on the Grids and On-call screens instead of being cut, the complaints
//! table's Place column leaves the other columns near it, and its widths
//! do not depend on how many rows are in view (a banner taking lines, a
//! shorter terminal).

use chrono::{DateTime, Utc};
use gridwatch::board::Boards;
use gridwatch::i18n::Lang;
use gridwatch::tui::data::DataMsg;
use gridwatch::tui::update::{Msg, update};
use serde_json::json;

mod common;
use common::tui::Console;
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// A grid name longer than the tree column used to allow (48 cells).
const LONG: &str = "临江经济开发区化工园片区东区第二工业组团";

/// The shipped config with T03-V01 renamed to [`LONG`]; 12 complaints, the
/// oldest (listed last) of a category wider than its header.
fn room() -> Room {
    let room = Room::bare();
    let grids = std::fs::read_to_string(room.path("config/grids.toml")).unwrap();
    room.write(
        "config/grids.toml",
        grids.replace("\"临江经济开发区化工园片区\"", &format!("\"{LONG}\"")),
    );
    room.ok(&["init"]);
    let lines: String = (0..12)
        .map(|i| {
            let mut c = complaint(&format!("W{i:02}"));
            c["received_at"] = json!(format!("2026-11-30T09:{:02}:00+08:00", 10 + i));
            if i == 0 {
                c["category"] = json!("solid_waste");
            }
            format!("{c}\n")
        })
        .collect();
    let p = room.write("twelve.jsonl", lines);
    room.ok(&[NOW, "submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room
}

fn console(lang: Lang) -> Console {
    let mut c = Console::new(room(), lang, at("2026-11-30T09:30:00+08:00"));
    let boards = Boards::load(&c.store, &c.state.config, c.state.now).unwrap();
    update(&mut c.state, Msg::Data(DataMsg::Boards(Box::new(boards))));
    c
}

/// The header line of the table (the one naming `first`).
fn header(text: &str, first: &str) -> String {
    text.lines()
        .find(|l| l.starts_with(first))
        .unwrap_or_else(|| panic!("{first}: {text}"))
        .to_string()
}

#[test]
fn grid_names_take_the_spare_width_on_the_grids_and_on_call_screens() {
    for lang in [Lang::En, Lang::Zh] {
        let mut c = console(lang);
        c.press("5");
        let text = c.text(200, 50);
        assert!(text.contains(&format!("T03-V01 {LONG}")), "{text}");
        c.press("4");
        let text = c.text(200, 50);
        // Every village's name whole, the long one too.
        assert!(text.contains(LONG), "{text}");
        assert!(text.contains("临江经济开发区北园村"), "{text}");
        assert!(!text.contains('…'), "nothing cut at 200 cells: {text}");
    }
}

#[test]
fn the_complaints_table_keeps_its_widths_whatever_rows_are_in_view() {
    for (lang, first) in [(Lang::En, "ID "), (Lang::Zh, "编号 ")] {
        let mut c = console(lang);
        // The newest selected: the oldest, listed last, scrolls out of view.
        c.press("2kkkkkkkkkkkk");
        let all = c.text(200, 50);
        assert!(
            all.contains(match lang {
                Lang::En => "solid waste",
                Lang::Zh => "固废",
            }),
            "{all}"
        );
        // Eight lines: the oldest (solid waste, listed last) is not in view.
        let few = c.text(200, 8);
        assert_eq!(header(&few, first), header(&all, first), "{few}\n{all}");
        assert_eq!(
            header(&c.text(80, 8), first),
            header(&c.text(80, 24), first)
        );
        // The place leaves the other columns near it at 200 cells.
        let head = header(&all, first);
        let recv = head
            .find(match lang {
                Lang::En => "Recv",
                Lang::Zh => "受理",
            })
            .unwrap();
        assert!(
            gridwatch::text::width(&head[..recv]) <= 100,
            "the place takes at most three tenths: {head}"
        );
    }
}
