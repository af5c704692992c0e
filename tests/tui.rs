//! The dashboard without a terminal: whole-screen snapshots driven by key
//! strings (text plus a digest of every cell's style, so colour changes are
//! caught), in English and Chinese, at 80×24 and 200×50; and the state
//! changes of every action, errors included.

use chrono::{DateTime, Utc};
use gridwatch::i18n::Lang;
use gridwatch::tui::screens::Screen;
use gridwatch::tui::state::Mode;
use gridwatch::tui::update::Effect;
use serde_json::json;

mod common;
use common::tui::{Console, screen_text, style_digest};
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Five open complaints around 09:30 on Mon 30 Nov 2026: green, yellow, red,
/// unassigned, and one with hostile text.
fn room() -> Room {
    let room = Room::new();
    let mut c2 = complaint("C2");
    c2["received_at"] = json!("2026-11-30T09:05:00+08:00");
    c2["category"] = json!("water");
    c2.as_object_mut().unwrap().remove("enterprise");
    c2["location"] = json!({"address": "城关镇西关村解放路12号"});
    let mut c3 = complaint("C3");
    c3["received_at"] = json!("2026-11-30T08:50:00+08:00");
    c3["category"] = json!("noise");
    c3["enterprise"] = json!("E0301");
    c3["location"] = json!({"address": "石桥镇枫树坳村1组"});
    let mut c4 = complaint("C4");
    c4["received_at"] = json!("2026-11-30T09:25:00+08:00");
    c4.as_object_mut().unwrap().remove("enterprise");
    c4["location"] = json!({"lat": 30.61234, "lon": 114.28765});
    let mut c5 = complaint("C5");
    c5["received_at"] = json!("2026-11-30T09:28:00+08:00");
    c5["location"] = json!({"address": "\u{1b}]0;pwned\u{7}河西\u{1b}[2J街道\r\u{202E}柳湾村"});
    c5["description"] = json!(format!(
        "\u{1b}]0;title\u{7}\u{1b}[2J\r\u{202E}{}",
        "污".repeat(500)
    ));
    c5.as_object_mut().unwrap().remove("enterprise");
    let lines: String = [complaint("C1"), c2, c3, c4, c5]
        .iter()
        .map(|c| format!("{c}\n"))
        .collect();
    let p = room.write("five.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room
}

fn console(lang: Lang) -> Console {
    Console::new(room(), lang, at("2026-11-30T09:30:00+08:00"))
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

#[test]
fn snapshots_of_every_screen_in_both_languages_and_sizes() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(lang);
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("dashboard_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("<down><down><enter>");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("detail_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("<enter>?");
        insta::assert_snapshot!(format!("help_{name}_80x24"), snap(&c, 80, 24));
        c.press("<esc>a");
        insta::assert_snapshot!(format!("arrive_form_{name}_80x24"), snap(&c, 80, 24));
        c.press("<esc>n");
        insta::assert_snapshot!(format!("new_complaint_form_{name}_80x24"), snap(&c, 80, 24));
        c.press("<esc>/T03<enter>");
        insta::assert_snapshot!(format!("filter_t03_{name}_200x50"), snap(&c, 200, 50));
        c.press("/<esc>2");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("complaints_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("9");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("audit_{name}_{w}x{h}"), snap(&c, w, h));
        }
    }
}

#[test]
fn unassigned_on_top_then_by_time_left_with_symbols() {
    let c = console(Lang::En);
    let screen = c.text(200, 50);
    let order: Vec<usize> = ["? UNASSIGNED", "✖ +10:00", "▲ 05:00", "● 12:00", "● 28:00"]
        .iter()
        .map(|needle| {
            screen
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} not on screen:\n{screen}"))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "rows out of order:\n{screen}"
    );
}

#[test]
fn hostile_text_renders_inert_and_aligned() {
    let mut c = console(Lang::En);
    for (w, h) in [(80, 24), (200, 50)] {
        let buf = c.render(w, h);
        for cell in buf.content() {
            let s = cell.symbol();
            assert!(
                !s.chars()
                    .any(|ch| ch.is_control() || ('\u{202A}'..='\u{202E}').contains(&ch)),
                "{s:?} reached the buffer"
            );
        }
        // The "Left" column starts at the same cell on every row, Chinese or not.
        let text = screen_text(&buf);
        let header = text.lines().find(|l| l.starts_with("ID")).unwrap();
        let col = unicode_width::UnicodeWidthStr::width(&header[..header.find("Left").unwrap()]);
        for line in text
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains(['●', '▲', '✖']))
        {
            let idx = line.find(['●', '▲', '✖']).unwrap();
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(&line[..idx]),
                col,
                "misaligned at {w}x{h}: {line}"
            );
        }
    }
    // The detail of the hostile complaint wraps 500 characters without escaping.
    let id = c
        .state
        .data
        .open
        .iter()
        .find(|r| r.external_ref == "C5")
        .unwrap()
        .id;
    let pos = c
        .state
        .dashboard
        .list
        .rows
        .iter()
        .position(|&i| c.state.data.open[i].id == id)
        .unwrap();
    c.state.dashboard.list.selected = pos;
    c.press("<enter>");
    let screen = c.text(200, 50);
    assert!(
        screen.contains("\u{FFFD}]0;title\u{FFFD}\u{FFFD}[2J"),
        "{screen}"
    );
    assert!(
        screen.contains(&"污".repeat(40)),
        "500 characters wrap inside the detail:\n{screen}"
    );
}

#[test]
fn a_enter_logs_an_arrival_now_by_the_on_call_officer() {
    let mut c = console(Lang::En);
    // Row 3 (after unassigned, breached, yellow) is C1, due 09:42, grid T03-V01-G01.
    c.press("<down><down><down>");
    let sel = c.state.selected_complaint().unwrap().clone();
    assert_eq!(sel.external_ref, "C1");
    c.press("a<enter>");
    assert!(
        c.state
            .status
            .text
            .contains("arrival of 汤国栋 (O019) at 09:30 logged (12:00 before the deadline)"),
        "{:?}",
        c.state.status
    );
    let show = c.room.json(&[NOW, "show", &sel.id.to_string(), "--json"]);
    assert_eq!(show["arrived_by"], "O019");
    assert_eq!(show["arrived_at"], "2026-11-30T09:30:00+08:00");
    assert_eq!(
        show["audit"].as_array().unwrap().last().unwrap()["console"],
        "tui:test"
    );
    // The row now shows ✔ and sorts after the waiting ones.
    assert!(c.text(200, 50).contains("✔ in time"));
}

#[test]
fn every_action_and_its_errors() {
    let mut c = console(Lang::En);
    c.press("<down><down><down>"); // C1
    let id = c.state.selected_complaint().unwrap().id;
    // A backdated arrival without a note is refused in the form, with the reason.
    c.press("a<tab><bs><bs><bs><bs><bs>09:10<enter>");
    let Mode::Form(f) = &c.state.mode else {
        panic!("form stays open")
    };
    assert_eq!(
        f.error.as_deref(),
        Some(
            "#1: the arrival time 11-30 09:10 is before the complaint was received (11-30 09:12)."
        )
    );
    c.press("<bs><bs>20<enter>");
    let Mode::Form(f) = &c.state.mode else {
        panic!("form stays open")
    };
    assert_eq!(
        f.error.as_deref(),
        Some("#1: an arrival 10 min in the past needs a note saying why.")
    );
    c.press("<esc>");
    // An unknown officer.
    c.press("d<bs><bs><bs><bs>O999<enter>");
    let Mode::Form(f) = &c.state.mode else {
        panic!("form stays open")
    };
    assert_eq!(
        f.error.as_deref(),
        Some("There is no officer “O999” in officers.toml.")
    );
    c.press("<esc>");
    // Dispatch to the on-call backup (Down cycles the on-call list).
    c.press("d<down><enter>");
    assert!(
        c.state
            .status
            .text
            .contains(&format!("#{id}: dispatched to 蒋敏 (O020)")),
        "{:?}",
        c.state.status
    );
    // Escalation needs a reason; then goes to the parent grid's leader.
    c.press("e<enter>");
    assert!(
        matches!(&c.state.mode, Mode::Form(f) if f.error.as_deref() == Some("An escalation needs a reason."))
    );
    c.press("no answer from O019<enter>");
    assert!(
        c.state
            .status
            .text
            .contains(&format!("#{id}: escalated to 蒋国栋 (O018)")),
        "{:?}",
        c.state.status
    );
    // Resolve before an arrival: the store refuses, the status line says why.
    c.press("r<enter>");
    assert!(c.state.status.error);
    assert!(
        c.state
            .status
            .text
            .contains("cannot resolve: the complaint is dispatched (no arrival logged yet"),
        "{:?}",
        c.state.status
    );
    c.press("a<tab><bs><bs><bs><bs><bs>09:20<tab>radio call<enter>");
    assert!(
        c.state.status.text.contains("logged"),
        "{:?}",
        c.state.status
    );
    c.press("r<down><down><enter>");
    assert!(
        c.state
            .status
            .text
            .contains(&format!("#{id}: closed (no violation found)")),
        "{:?}",
        c.state.status
    );
    assert!(
        c.state.data.open.iter().all(|r| r.id != id),
        "closed complaints leave the dashboard"
    );
    // An arrival on a closed complaint (from the Complaints screen).
    c.press("2");
    let pos = c
        .state
        .complaints
        .list
        .rows
        .iter()
        .position(|&i| c.state.data.recent[i].id == id)
        .unwrap();
    c.state.complaints.list.selected = pos;
    c.press("a<enter>");
    assert!(c.state.status.error);
    assert!(
        c.state
            .status
            .text
            .contains("cannot log an arrival: the complaint is closed (reopen it first)"),
        "{:?}",
        c.state.status
    );
    // A new complaint from a phone call shows its deadline before saving.
    c.press("1n");
    let Mode::Form(f) = &c.state.mode else {
        panic!("new form")
    };
    assert_eq!(
        f.preview(&c.state.config, c.state.lang, c.state.now)
            .unwrap(),
        "10:00 — received Mon 30 Nov 09:30, working day, 30 min"
    );
    c.press("<tab>石桥镇白沙村<enter>");
    let Mode::Form(f) = &c.state.mode else {
        panic!("form stays open")
    };
    assert_eq!(
        f.error.as_deref(),
        Some("Say what the caller reports (Description).")
    );
    c.press("<tab>河边有人焚烧垃圾<tab>13912345678<enter>");
    assert!(
        c.state
            .status
            .text
            .contains("new complaint saved, on site by 10:00"),
        "{:?}",
        c.state.status
    );
    let new = c
        .state
        .data
        .open
        .iter()
        .find(|r| r.description == "河边有人焚烧垃圾")
        .expect("on the dashboard");
    assert_eq!(new.grid.as_deref(), Some("T04-V03"), "address alias 白沙村");
    // The reporter's phone, in clear once, audited.
    c.press("p");
    assert!(
        c.state
            .status
            .text
            .contains("reporter phone 13812345678 (shown once, audited)"),
        "{:?}",
        c.state.status
    );
    // Filter, screens, help, quit with confirmation.
    c.press("/noise<enter>");
    assert_eq!(c.state.dashboard.list.rows.len(), 1);
    c.press("/<esc>");
    assert!(c.state.filter.is_empty());
    c.press("<tab>");
    assert_eq!(c.state.screen, Screen::Complaints);
    c.press("ss");
    let grids: Vec<Option<String>> = c
        .state
        .complaints
        .list
        .rows
        .iter()
        .map(|&i| c.state.data.recent[i].grid.clone())
        .collect();
    assert!(
        grids.windows(2).all(|w| w[0] <= w[1]),
        "sorted by grid: {grids:?}"
    );
    assert!(c.state.status.text.contains("sorted by grid"));
    c.press("q");
    assert_eq!(c.state.mode, Mode::ConfirmQuit);
    c.press("n");
    assert!(!c.state.quit);
    c.press("qy");
    assert!(c.state.quit);
}

#[test]
fn alerts_ring_the_bell_notify_and_stay_until_acknowledged() {
    let mut c = console(Lang::En);
    let p = c.room.write("late.json", complaint("LATE").to_string());
    c.room.ok(&["submit", p.to_str().unwrap()]);
    c.room.ok(&[NOW, "intake", "--once"]);
    c.refresh();
    assert_eq!(c.state.banners.len(), 1);
    assert!(c.effects.contains(&Effect::Bell));
    assert!(
        c.effects.iter().any(
            |e| matches!(e, Effect::Notify { title, .. } if title.starts_with("New complaint"))
        )
    );
    c.tick(at("2026-11-30T09:31:00+08:00"));
    assert_eq!(
        c.state.banners.len(),
        1,
        "a banner stays until acknowledged"
    );
    assert!(c.text(80, 24).contains("ALERT"));
    c.press("x");
    assert!(c.state.banners.is_empty());
}

/// The selection is a complaint, not a row: it follows the complaint across
/// screens, sorting, filtering and new data (issue #9, 3).
#[test]
fn the_selection_follows_the_complaint() {
    let mut c = console(Lang::En);
    let sel = |c: &Console| c.state.selected_complaint().map(|x| x.id);
    c.press("<down><down>");
    let id = sel(&c).expect("a complaint is selected");
    // To the Complaints screen and back.
    c.press("2");
    assert_eq!(sel(&c), Some(id), "on the Complaints screen");
    c.press("s");
    assert_eq!(sel(&c), Some(id), "after sorting");
    c.press("9");
    assert_eq!(sel(&c), None, "the Audit screen selects nothing");
    c.press("1");
    assert_eq!(sel(&c), Some(id), "back on the Dashboard");
    // A new complaint that sorts above it does not move the selection.
    let mut n = complaint("C6");
    n["received_at"] = json!("2026-11-30T08:40:00+08:00");
    n.as_object_mut().unwrap().remove("enterprise");
    n["location"] = json!({"address": "城关镇西关村解放路14号"});
    let p = c.room.write("six.json", n.to_string());
    c.room.ok(&["submit", p.to_str().unwrap()]);
    c.room.ok(&[NOW, "intake", "--once"]);
    c.refresh();
    assert_eq!(sel(&c), Some(id), "after new data");
    // A filter that still lists it keeps it; clearing the filter too.
    c.press(&format!("/{id}<enter>"));
    assert_eq!(sel(&c), Some(id), "filtered to it");
    c.press("/<esc>");
    assert_eq!(sel(&c), Some(id), "filter cleared");
}

/// A filter that hides every complaint says so (not "All quiet"), and Esc
/// clears it; Esc never quits (issue #9, 4).
#[test]
fn an_empty_filter_says_so_and_esc_goes_back_without_quitting() {
    for (lang, says) in [
        (Lang::En, "Nothing matches /zzz — Esc clears the filter"),
        (Lang::Zh, "没有符合 /zzz 的举报 — 按 Esc 清除筛选"),
    ] {
        let mut c = console(lang);
        c.press("/zzz<enter>");
        let text = c.text(200, 50);
        assert!(text.contains(says), "{text}");
        assert!(
            !text.contains("All quiet") && !text.contains("暂无未结举报"),
            "{text}"
        );
        c.press("<enter>");
        c.press("<esc>");
        assert!(c.state.filter.is_empty());
        assert!(!c.text(200, 50).contains(says));
        c.press("<down><enter>");
        assert!(c.state.detail);
        c.press("<esc>");
        assert!(!c.state.detail, "Esc closes the detail");
        c.press("<esc><esc>");
        assert!(!c.state.quit && c.state.mode == gridwatch::tui::state::Mode::Normal);
    }
}

/// Evaluate automatic escalation at 09:37:30 and let the console see it:
/// #1 (deadline 09:42) warns with 4½ minutes left; #2 and #3 are past their
/// deadlines and fire breach alone, warn skipped.
fn escalate_at_0937(c: &mut Console) {
    let now = at("2026-11-30T09:37:30+08:00");
    let config = c.state.config.clone();
    let actor =
        gridwatch::domain::Actor::new("escalator", "daemon", gridwatch::clock::ClockMode::Fixed);
    let fired = gridwatch::alert::escalator::evaluate(&mut c.store, &config, &actor, now).unwrap();
    assert_eq!(fired.len(), 3);
    c.tick(now);
}

/// The top lines of a screen joined, for reading a wrapped banner back.
fn banner_text(c: &Console, w: u16, h: u16, lang: Lang) -> String {
    let text = c.text(w, h);
    let rows: Vec<&str> = text.lines().skip(1).take(3).map(str::trim).collect();
    match lang {
        Lang::En => rows.join(" "),
        Lang::Zh => rows.concat(),
    }
}

/// Banners in plain words, whole at 80 and 200 columns in both languages:
/// what happened, to whom, since when, and how to acknowledge it; a warning
/// fired with 5 minutes left says 5 minutes; no unexplained `(+2)` (issue #9).
#[test]
fn banners_say_what_whom_and_since_when_and_never_cut_a_sentence() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(lang);
        escalate_at_0937(&mut c);
        assert_eq!(c.state.banners.len(), 3);
        let (what, whom, hint) = match lang {
            Lang::En => (
                "ALERT #1 warning: nobody is on site and the deadline 09:42 is 5 min away.",
                "13577097845, 09:37.",
                "2 more unacknowledged: x acknowledges this one, X all.",
            ),
            Lang::Zh => (
                "告警 #1 预警：尚无人到场，距到场时限 09:42 还有 5 分钟。",
                "（09:37）。",
                "另有 2 条未确认：x 确认此条，X 全部确认。",
            ),
        };
        let squeeze = |s: &str| s.replace(' ', "");
        for (w, h) in [(80, 24), (200, 50)] {
            let text = banner_text(&c, w, h, lang);
            for sentence in [what, whom, hint] {
                let found = match lang {
                    Lang::En => text.contains(sentence),
                    Lang::Zh => squeeze(&text).contains(&squeeze(sentence)),
                };
                assert!(found, "{w}x{h} {name}: '{sentence}' not whole in:\n{text}");
            }
            assert!(!text.contains("(+"), "{text}");
            insta::assert_snapshot!(format!("banners_{name}_{w}x{h}"), snap(&c, w, h));
        }
    }
}

/// `x` acknowledges the top banner and `X` all, for every console: the
/// store records who acknowledged which alert, and another console drops
/// the banner when it next reads the change feed (issue #9).
#[test]
fn an_acknowledgement_at_one_console_drops_the_banner_at_every_console() {
    let mut ma = console(Lang::En);
    let mut li = ma.another("li", Lang::Zh);
    escalate_at_0937(&mut ma);
    li.refresh();
    let keys = |c: &Console| -> Vec<_> { c.state.banners.iter().map(|b| b.alert.key()).collect() };
    assert_eq!(keys(&ma).len(), 3);
    assert_eq!(keys(&li), keys(&ma));
    let top = *keys(&ma).last().unwrap();
    ma.press("x");
    assert_eq!(ma.state.banners.len(), 2, "x acknowledges the top one only");
    assert_eq!(ma.state.status.text, "Alert acknowledged for every console");
    assert!(!ma.state.status.error);
    li.refresh();
    assert_eq!(keys(&li), keys(&ma), "the other console dropped it too");
    assert!(!keys(&li).contains(&top));
    // Who acknowledged which alert, and when, is on the record.
    let show = ma.room.json(&[NOW, "show", "1", "--json"]);
    let warn = &show["escalations"].as_array().unwrap()[0];
    assert_eq!(warn["stage"], "warn");
    assert_eq!(warn["acknowledged"]["by"], "tester");
    assert_eq!(warn["acknowledged"]["console"], "tui:test");
    assert_eq!(warn["acknowledged"]["at"], "2026-11-30T09:37:30+08:00");
    // X at the other console acknowledges the rest, everywhere.
    li.press("X");
    assert!(li.state.banners.is_empty());
    assert_eq!(li.state.status.text, "已确认 2 条告警（所有控制台同步）");
    ma.refresh();
    assert!(ma.state.banners.is_empty());
    ma.press("x");
    assert_eq!(ma.state.status.text, "No alert to acknowledge");
    // A console started later shows none of them, and none comes back.
    let mut late = ma.another("wang", Lang::En);
    late.refresh();
    assert!(late.state.banners.is_empty());
}

/// A console started (or restarted) after alerts fired shows the ones
/// nobody has acknowledged, without ringing again, and drops them when
/// someone acknowledges (an attacker's finding: a restarted console showed
/// none, though a banner "stays until someone acknowledges it").
#[test]
fn a_console_started_later_shows_the_alerts_nobody_acknowledged() {
    let mut ma = console(Lang::En);
    escalate_at_0937(&mut ma);
    let keys = |c: &Console| -> Vec<_> { c.state.banners.iter().map(|b| b.alert.key()).collect() };
    assert_eq!(keys(&ma).len(), 3);
    ma.press("x");
    let late = ma.another("late", Lang::Zh);
    let mut want = keys(&ma);
    let mut got = keys(&late);
    want.sort_by_key(|k| format!("{k:?}"));
    got.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(got, want, "the two nobody acknowledged");
    assert!(
        late.effects.is_empty(),
        "no bell for old news: {:?}",
        late.effects
    );
    let mut late = late;
    late.press("X");
    ma.refresh();
    assert!(ma.state.banners.is_empty());
}

#[test]
fn help_explains_the_statistics_and_map_symbols() {
    for lang in [Lang::En, Lang::Zh] {
        let mut c = console(lang);
        c.press("?");
        // Tall enough for the whole help.
        let help = c.text(100, 200);
        let statistics = help.rfind(" Statistics").or_else(|| help.rfind(" 统计"));
        let map = help.rfind(" Map").or_else(|| help.rfind(" 地图"));
        let (Some(statistics), Some(map)) = (statistics, map) else {
            panic!("{help}");
        };
        for sym in ["▼", "✖2", "○"] {
            assert!(help[statistics..map].contains(sym), "{sym}:\n{help}");
        }
        for sym in ["●", "▲", "◆", "◉"] {
            assert!(help[map..].contains(sym), "{sym}:\n{help}");
        }
    }
}
