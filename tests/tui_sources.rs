//! The Sources screen (6) on a real database (#11): the sources most
//! overdue first, the census of the selected one, overdue per township and
//! the leaders' duties; `c` logs an inspection of the selected source and
//! `v` a township visit, through `ops::perform`, refused in words with the
//! form kept; snapshots at 80×24 and 200×50 in both languages.

use chrono::{DateTime, Utc};
use gridwatch::board::Boards;
use gridwatch::i18n::Lang;
use gridwatch::tui::data::DataMsg;
use gridwatch::tui::screens::Screen;
use gridwatch::tui::state::Mode;
use gridwatch::tui::update::{Msg, update};

mod common;
use common::Room;
use common::tui::{Console, screen_text, style_digest};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Read the boards, as the console's store thread does after a write.
fn boards(c: &mut Console) {
    let b = Boards::load(&c.store, &c.state.config, c.state.now).unwrap();
    update(&mut c.state, Msg::Data(DataMsg::Boards(Box::new(b))));
}

fn console(lang: Lang) -> Console {
    let mut c = Console::new(Room::new(), lang, at("2026-11-30T10:00:00+08:00"));
    boards(&mut c);
    c.press("6");
    assert_eq!(c.state.screen, Screen::Sources);
    c
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

#[test]
fn the_sources_screen_lists_the_most_overdue_first_with_its_panels() {
    let c = console(Lang::En);
    let text = c.text(200, 50);
    let first = text.lines().find(|l| l.contains("E0")).unwrap();
    assert!(
        first.contains("E0311") && first.contains("! +17d"),
        "{text}"
    );
    assert!(text.contains("41 sources"), "{text}");
    assert!(text.contains("4 overdue"), "{text}");
    assert!(text.contains("Overdue by township"), "{text}");
    assert!(text.contains("O001 杜卫东"), "{text}");
    // The selected (first) source's census: no EIA, so marked.
    assert!(text.contains("! 矿粉加工 · EIA none"), "{text}");
    let small = c.text(80, 24);
    assert!(
        small.contains("E0311") && small.contains("Overdue by township"),
        "{small}"
    );
}

#[test]
fn c_logs_an_inspection_of_the_selected_source_and_it_is_no_longer_overdue() {
    let mut c = console(Lang::En);
    c.press("j");
    let second = gridwatch::tui::sources::selected(&c.state)
        .unwrap()
        .id
        .clone();
    assert_eq!(second, "E0402");
    // A problem without the problems found is refused at once, the form kept.
    c.press("c<tab><tab><tab><down><enter>");
    assert!(
        matches!(c.state.mode, Mode::Form(_)),
        "{:?}",
        c.state.status
    );
    assert!(
        c.state.status.text.contains("needs the problems found")
            && !c.state.status.text.contains("--problems"),
        "{:?}",
        c.state.status
    );
    c.press("<tab><tab><tab>粪污直排陈家溪<tab>2026-12-15<enter>");
    assert_eq!(c.state.mode, Mode::Normal, "{:?}", c.state.status);
    assert!(
        c.state
            .status
            .text
            .contains("Inspection 1 of E0402 河西陈家生猪养殖场 logged: problem found"),
        "{:?}",
        c.state.status
    );
    boards(&mut c);
    let s = c.state.boards.sources.source("E0402").unwrap();
    assert!(!s.overdue() && s.signals.violation, "{s:?}");
    assert_eq!(s.interval_days, 45, "a violation halves the 90 days");
}

#[test]
fn v_logs_a_township_visit_and_an_empty_work_log_is_refused() {
    let mut c = console(Lang::Zh);
    c.press("v<enter>");
    assert!(matches!(c.state.mode, Mode::Form(_)));
    assert!(
        c.state.status.text.contains("走访须填写工作日志"),
        "{:?}",
        c.state.status
    );
    c.press("<tab><tab><tab>检查城关镇网格巡查台账<enter>");
    assert_eq!(c.state.mode, Mode::Normal, "{:?}", c.state.status);
    assert!(
        c.state.status.text.contains("走访 T01 城关镇"),
        "{:?}",
        c.state.status
    );
}

#[test]
fn snapshots_of_the_sources_screen_and_its_forms() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(lang);
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("sources_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("c");
        insta::assert_snapshot!(
            format!("sources_inspect_form_{name}_80x24"),
            snap(&c, 80, 24)
        );
        c.press("<esc>v");
        insta::assert_snapshot!(format!("sources_visit_form_{name}_80x24"), snap(&c, 80, 24));
        c.press("<esc>");
    }
}

#[test]
fn c_without_a_source_says_where_to_pick_one() {
    let mut c = Console::new(Room::new(), Lang::En, at("2026-11-30T10:00:00+08:00"));
    c.press("c");
    assert_eq!(c.state.mode, Mode::Normal);
    assert!(
        c.state.status.text.contains("Sources screen (6)"),
        "{:?}",
        c.state.status
    );
}

/// The officer ids a form field offers, in order, and its value.
fn picker(c: &Console, label: gridwatch::i18n::T) -> (String, Vec<String>) {
    let Mode::Form(f) = &c.state.mode else {
        panic!("no form: {:?}", c.state.status)
    };
    let field = f.fields.iter().find(|x| x.label == label).unwrap();
    let ids = field.choices.iter().map(|c| c.id.clone()).collect();
    (field.value.clone(), ids)
}

/// `c` no longer defaults to O001 (the director, first by id): the console's
/// officer leads, then the officers linked to the source, then the people
/// of its grid (E0402 is in T02-V03 of 河西街道), then the rest. Without
/// `--officer` the grid's people lead; after a handover here the incoming
/// officer does, in the visit form too.
#[test]
fn the_inspection_and_visit_forms_default_to_the_officer_on_duty() {
    use gridwatch::i18n::T;
    let mut c = console(Lang::En);
    c.press("j");
    c.press("c");
    let (value, ids) = picker(&c, T::SrcFieldOfficer);
    assert_eq!(value, "O016", "T02-V03's specific responsible: {ids:?}");
    assert_eq!(
        ids[..5],
        ["O016", "O015", "O013", "O012", "O014"].map(String::from),
        "the village's people, then the township's"
    );
    assert!(
        ids.iter().position(|i| i == "O001").unwrap() >= 5,
        "{ids:?}"
    );
    c.press("<esc>");
    c.state.officer = Some("O024".into());
    c.press("c");
    let (value, ids) = picker(&c, T::SrcFieldOfficer);
    assert_eq!(value, "O024");
    assert_eq!(ids[1], "O016", "{ids:?}");
    assert_eq!(ids.iter().filter(|i| *i == "O024").count(), 1, "{ids:?}");
    c.press("<esc>");
    c.state.duty.handed_over_here = Some("O022".into());
    c.press("c");
    assert_eq!(picker(&c, T::SrcFieldOfficer).0, "O022");
    c.press("<esc>v");
    assert_eq!(picker(&c, T::SrcFieldVisitor).0, "O022");
}

/// An inspection's and a visit's audit records read as sentences on the
/// Audit screen (names, local time), not their stored JSON with UTC times.
#[test]
fn the_audit_screen_words_inspections_and_visits() {
    for lang in [Lang::En, Lang::Zh] {
        let mut c = console(lang);
        c.press("j");
        c.press(
            "c<tab><tab><tab><down><tab><tab><tab>粪污直排陈家溪<tab>2026-12-15<tab>09:05<enter>",
        );
        assert_eq!(c.state.mode, Mode::Normal, "{:?}", c.state.status);
        c.press("v<tab><tab>09:30<tab>检查城关镇网格巡查台账<enter>");
        assert_eq!(c.state.mode, Mode::Normal, "{:?}", c.state.status);
        c.refresh();
        c.press("9");
        let text = c.text(200, 30);
        let want: &[&str] = match lang {
            Lang::En => &[
                "inspection 1",
                "inspection of E0402 河西陈家生猪养殖场 (routine) by 郝军, 11-30 09:05: problem found; problems: 粪污直排陈家溪; rectify by 2026-12-15",
                "visit 1",
                "township visit to T01 城关镇 by",
                "11-30 09:30 — 检查城关镇网格巡查台账",
            ],
            Lang::Zh => &[
                "检查 1",
                "检查 E0402 河西陈家生猪养殖场（例行检查），检查人员 郝军，11-30 09:05：发现问题；发现问题：粪污直排陈家溪；限 2026-12-15 前整改",
                "走访 T01 城关镇，11-30 09:30 — 检查城关镇网格巡查台账",
            ],
        };
        for w in want {
            assert!(text.contains(w), "wanted {w}\n{text}");
        }
        assert!(
            !text.contains("\"enterprise\"") && !text.contains("+00:00"),
            "{text}"
        );
    }
}

/// On 12-02 November's inspections were missed: the Leaders panel says
/// which sources each leader owes, not only how many.
#[test]
fn the_leaders_panel_names_what_each_behind_leader_owes() {
    let mut c = Console::new(Room::new(), Lang::En, at("2026-12-02T10:00:00+08:00"));
    boards(&mut c);
    c.press("6");
    let text = c.text(200, 50);
    for want in [
        "! O001 杜卫东",
        "owes E0101 E0206 E0207",
        "owes E0109 E0304 E0208",
        "owes E0312 E0102 E0110 E0305",
    ] {
        assert!(text.contains(want), "wanted {want}\n{text}");
    }
    let zh = {
        let mut z = Console::new(Room::new(), Lang::Zh, at("2026-12-02T10:00:00+08:00"));
        boards(&mut z);
        z.press("6");
        z.text(200, 50)
    };
    assert!(zh.contains("欠 E0101 E0206 E0207"), "{zh}");
    insta::assert_snapshot!("sources_leaders_behind_en_80x24", snap(&c, 80, 24));
    insta::assert_snapshot!("sources_leaders_behind_en_200x50", snap(&c, 200, 50));
}
