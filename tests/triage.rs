//! Triage (issue #9): setting a complaint's grid, rejecting it with a
//! reason, reopening it — through the operations layer (the rules and their
//! audit records), on the command line (exit codes, words, JSON) and on the
//! dashboard (`g`, `R`, `o`); and the forms a duty officer fills: the pickers
//! say who and what (roles, outcome words), the new-complaint form shows its
//! grid and whole deadline before saving and checks the phone.

use chrono::{DateTime, Utc};
use gridwatch::clock::ClockMode;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::triage::{Assignment, RejectReason, Rejection};
use gridwatch::domain::{Actor, ListFilter};
use gridwatch::i18n::Lang;
use gridwatch::ops::{Command, OpError, Outcome, perform};
use gridwatch::store::{AuditLog, Complaints, Durability, Escalations, SqliteStore, StoreError};
use gridwatch::tui::state::Mode;
use serde_json::json;

mod common;
use common::tui::Console;
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// 09:30 on Mon 30 Nov 2026: #1 in T03-V01-G01 (its enterprise's grid),
/// #2 unassigned (a position only), #3 in T01-V02 (its address).
fn room() -> Room {
    let room = Room::new();
    let mut u = complaint("U1");
    u["received_at"] = json!("2026-11-30T09:25:00+08:00");
    u.as_object_mut().unwrap().remove("enterprise");
    u["location"] = json!({"lat": 30.61234, "lon": 114.28765});
    let mut w = complaint("W1");
    w["received_at"] = json!("2026-11-30T09:05:00+08:00");
    w["category"] = json!("water");
    w.as_object_mut().unwrap().remove("enterprise");
    w["location"] = json!({"address": "城关镇西关村解放路12号"});
    let lines: String = [complaint("C1"), u, w]
        .iter()
        .map(|c| format!("{c}\n"))
        .collect();
    let p = room.write("three.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room
}

struct Ops {
    store: SqliteStore,
    config: Config,
    actor: Actor,
    now: DateTime<Utc>,
    _room: Room,
}

impl Ops {
    fn new() -> Ops {
        let room = room();
        Ops {
            store: SqliteStore::open(&room.db(), Durability::Normal).unwrap(),
            config: Config::load(ConfigSource::Dir(room.path("config"))).unwrap(),
            actor: Actor::new("duty", "tui:test", ClockMode::Fixed),
            now: at("2026-11-30T09:30:00+08:00"),
            _room: room,
        }
    }

    fn run(&mut self, cmd: Command) -> Result<Outcome, OpError> {
        perform(&mut self.store, &self.config, &self.actor, self.now, cmd)
    }

    fn err(&mut self, cmd: Command) -> String {
        let e = self.run(cmd).expect_err("refused");
        assert!(e.is_user_error(), "{e} is the user's to fix (exit 1)");
        e.to_string()
    }

    fn last_audit(&self, id: i64) -> serde_json::Value {
        let a = self.store.audit_of_complaint(id).unwrap();
        let a = a.last().unwrap();
        json!({"action": a.action, "actor": a.actor, "console": a.console, "details": a.details})
    }
}

fn assign(id: i64, grid: &str, reason: Option<&str>) -> Command {
    Command::Assign {
        id,
        grid: grid.into(),
        reason: reason.map(String::from),
    }
}

fn reject(id: i64, reason: RejectReason, words: Option<&str>) -> Command {
    Command::Reject {
        id,
        rejection: Rejection::new(reason, words).unwrap(),
    }
}

fn reopen(id: i64, reason: &str) -> Command {
    Command::Reopen {
        id,
        reason: reason.into(),
    }
}

#[test]
fn assigning_sets_the_grid_audits_who_and_why_and_escalation_follows_the_grid() {
    let mut o = Ops::new();
    assert_eq!(o.store.complaint(2).unwrap().grid, None);
    let done = o.run(assign(2, "T04-V03", None)).unwrap();
    assert_eq!(
        done,
        Outcome::Assigned {
            id: 2,
            grid: "T04-V03".into(),
            before: Assignment {
                from: None,
                was: "unassigned".into()
            }
        }
    );
    let c = o.store.complaint(2).unwrap();
    assert_eq!(
        (c.grid.as_deref(), c.grid_source.as_str()),
        (Some("T04-V03"), "assigned")
    );
    assert_eq!(
        o.last_audit(2),
        json!({"action": "complaint.assigned", "actor": "duty", "console": "tui:test",
               "details": {"grid": "T04-V03", "from": null, "was": "unassigned", "reason": null}})
    );
    // Who is alerted is read from the grid when a stage fires: the row
    // keeps no on-call context of its own, so the new grid is what counts.
    let cands = o
        .store
        .escalation_candidates(at("2026-11-30T11:00:00+08:00"), 3)
        .unwrap();
    let cand = cands.iter().find(|c| c.complaint_id == 2).unwrap();
    assert_eq!(cand.grid.as_deref(), Some("T04-V03"));
}

#[test]
fn the_grid_rules_unknown_grids_moves_without_a_reason_and_closed_complaints_are_refused() {
    let mut o = Ops::new();
    assert_eq!(
        o.err(assign(2, "T99", None)),
        "unknown grid 'T99' (see `gridwatch oncall` for the grids)"
    );
    assert!(matches!(
        o.run(assign(2, "T99", None)),
        Err(OpError::Store(StoreError::NoSuchGrid(_)))
    ));
    assert_eq!(
        o.err(assign(1, "T04", None)),
        "complaint 1: it is in grid T03-V01-G01 already: give a reason to move it"
    );
    assert_eq!(
        o.err(assign(1, "T04", Some("  "))),
        "complaint 1: it is in grid T03-V01-G01 already: give a reason to move it"
    );
    assert_eq!(
        o.err(assign(1, "T03-V01-G01", Some("x"))),
        "complaint 1: it is already in grid T03-V01-G01"
    );
    o.run(assign(1, "T04", Some("the caller corrected the village")))
        .unwrap();
    assert_eq!(
        o.last_audit(1)["details"],
        json!({"grid": "T04", "from": "T03-V01-G01", "was": "enterprise:E0102",
               "reason": "the caller corrected the village"})
    );
    assert_eq!(o.err(assign(42, "T04", None)), "no complaint with id 42");
    o.run(reject(2, RejectReason::NotInRemit, None)).unwrap();
    assert_eq!(
        o.err(assign(2, "T04", None)),
        "complaint 2: cannot set the grid: complaint is rejected (only an open complaint gets a grid)"
    );
}

#[test]
fn a_rejection_keeps_its_reason_id_leaves_the_live_list_and_stops_escalating() {
    let mut o = Ops::new();
    let late = at("2026-11-30T11:00:00+08:00");
    let candidates = |o: &Ops| -> Vec<i64> {
        o.store
            .escalation_candidates(late, 3)
            .unwrap()
            .iter()
            .map(|c| c.complaint_id)
            .collect()
    };
    assert!(candidates(&o).contains(&2));
    let done = o.run(reject(2, RejectReason::NotInRemit, None)).unwrap();
    assert!(matches!(done, Outcome::Rejected { id: 2, .. }));
    assert_eq!(
        o.last_audit(2),
        json!({"action": "complaint.rejected", "actor": "duty", "console": "tui:test",
               "details": {"reason": "not_in_remit", "note": null, "from": "received", "to": "rejected"}})
    );
    let open = o
        .store
        .list(ListFilter {
            open_only: true,
            limit: None,
        })
        .unwrap();
    assert!(open.iter().all(|c| c.id != 2), "off the live list");
    assert!(!candidates(&o).contains(&2), "no more escalation stages");
    // Words for `other`, kept apart from the id.
    o.run(reject(
        3,
        RejectReason::Other,
        Some("a neighbours' quarrel"),
    ))
    .unwrap();
    assert_eq!(o.last_audit(3)["details"]["note"], "a neighbours' quarrel");
    assert_eq!(
        o.store.complaint(3).unwrap().status_note.as_deref(),
        Some("other: a neighbours' quarrel")
    );
}

#[test]
fn illegal_rejections_and_reopenings_are_errors() {
    let mut o = Ops::new();
    assert_eq!(
        o.err(reopen(1, "again")),
        "complaint 1: cannot reopen: complaint is received (only closed or rejected complaints reopen)"
    );
    o.run(Command::Arrive(gridwatch::domain::ArrivalRequest {
        complaint_id: 1,
        officer: "O019".into(),
        arrived_at: o.now,
        note: None,
    }))
    .unwrap();
    assert_eq!(
        o.err(reject(1, RejectReason::InsufficientDetail, None)),
        "complaint 1: cannot reject: complaint is on_scene (an officer is on site: resolve it instead)"
    );
    o.run(Command::Resolve {
        id: 1,
        outcome: gridwatch::domain::complaint::Outcome::NoViolation,
        note: None,
    })
    .unwrap();
    assert_eq!(
        o.err(reject(1, RejectReason::NotInRemit, None)),
        "complaint 1: cannot reject: complaint is closed"
    );
    assert_eq!(
        o.err(reopen(1, "  ")),
        "a reopened complaint needs a reason"
    );
    assert_eq!(
        gridwatch::store::Actions::reopen(&mut o.store, &o.actor, o.now, 1, " ")
            .unwrap_err()
            .to_string(),
        "complaint 1: a reason is needed to reopen",
        "the store refuses it too"
    );
    assert_eq!(
        o.run(reopen(1, "smoke again")).unwrap(),
        Outcome::Reopened { id: 1 }
    );
    let c = o.store.complaint(1).unwrap();
    assert_eq!(
        (c.status.as_str(), c.status_note.as_deref()),
        ("reopened", Some("smoke again"))
    );
    assert_eq!(
        o.last_audit(1)["details"],
        json!({"reason": "smoke again", "from": "closed", "to": "reopened"})
    );
    assert_eq!(
        Rejection::new(RejectReason::Other, None)
            .unwrap_err()
            .to_string(),
        "a rejection for another reason needs words saying why"
    );
}

// --- the command line ---

fn one_line(err: &str) -> &str {
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    err.trim_end()
}

#[test]
fn assign_reject_and_reopen_on_the_command_line() {
    let room = room();
    assert_eq!(
        room.ok(&[NOW, "assign", "2", "--grid", "T04-V03"]),
        "complaint 2 now in grid T04-V03 石桥镇白沙村 (was no grid matched)\n"
    );
    let refused: &[(&[&str], &str)] = &[
        (
            &["assign", "2", "--grid", "T99"],
            "gridwatch: unknown grid 'T99' (see `gridwatch oncall` for the grids)",
        ),
        (
            &["assign", "1", "--grid", "T04"],
            "gridwatch: #1 is in grid T03-V01-G01: give a reason to move it",
        ),
        (
            &["reject", "1", "--reason", "other"],
            "gridwatch: --reason other needs words saying why: give them with --note, or as the reason itself",
        ),
        (
            &["reject", "1", "--reason", "not-in-remt"],
            "gridwatch: unknown reason 'not-in-remt': not-in-remit, insufficient-detail, or words saying why",
        ),
        (
            &["reopen", "1", "--reason", "again"],
            "gridwatch: complaint 1: cannot reopen: complaint is received (only closed or rejected complaints reopen)",
        ),
    ];
    for (args, says) in refused {
        let mut full = vec![NOW];
        full.extend_from_slice(args);
        assert_eq!(one_line(&room.fails(1, &full)), *says, "{args:?}");
    }
    assert_eq!(
        room.ok(&[
            NOW,
            "assign",
            "1",
            "--grid",
            "T04",
            "--reason",
            "caller corrected the village",
        ]),
        "complaint 1 now in grid T04 石桥镇 (was T03-V01-G01, enterprise E0102)\n"
    );
    assert_eq!(
        room.ok(&[NOW, "reject", "2", "--reason", "not-in-remit"]),
        "complaint 2 rejected: not in our remit\n"
    );
    assert_eq!(
        one_line(&room.fails(1, &[NOW, "reject", "2", "--reason", "not_in_remit"])),
        "gridwatch: complaint 2: cannot reject: complaint is rejected"
    );
    assert_eq!(
        room.ok(&[
            NOW,
            "--lang",
            "zh",
            "reject",
            "3",
            "--reason",
            "邻里纠纷，已转派出所"
        ]),
        "举报 3 不予受理：其他：邻里纠纷，已转派出所\n"
    );
    let show = room.json(&[NOW, "show", "2", "--json"]);
    assert_eq!(show["status"], "rejected");
    assert_eq!(
        show["rejection"],
        json!({"reason": "not_in_remit", "note": null})
    );
    let show3 = room.json(&[NOW, "show", "3", "--json"]);
    assert_eq!(
        show3["rejection"],
        json!({"reason": "other", "note": "邻里纠纷，已转派出所"})
    );
    let open: Vec<i64> = room
        .json(&[NOW, "list", "--open", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(open, [1], "rejected complaints leave the open list");
    assert_eq!(
        room.ok(&[NOW, "reopen", "2", "--reason", "it is ours after all"]),
        "complaint 2 reopened\n"
    );
    let show = room.json(&[NOW, "show", "2", "--json"]);
    assert_eq!(show["status"], "reopened");
    assert_eq!(show["rejection"], json!(null));
    let trail: Vec<(String, serde_json::Value)> = show["audit"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|a| {
            assert_eq!(
                (a["actor"].as_str(), a["clock"].as_str()),
                (Some("tester"), Some("fixed"))
            );
            (
                a["action"].as_str().unwrap().to_string(),
                a["details"]["reason"].clone(),
            )
        })
        .collect();
    assert_eq!(
        trail,
        [
            ("complaint.assigned".to_string(), json!(null)),
            ("complaint.rejected".to_string(), json!("not_in_remit")),
            (
                "complaint.reopened".to_string(),
                json!("it is ours after all")
            ),
        ]
    );
}

// --- the dashboard ---

fn console(lang: Lang) -> Console {
    Console::new(room(), lang, at("2026-11-30T09:30:00+08:00"))
}

/// Select complaint `id` on the current screen, as `↑↓` would.
fn select(c: &mut Console, id: i64) {
    c.state.selected = Some(id);
    c.state.derive();
    assert_eq!(c.state.selected_complaint().map(|x| x.id), Some(id));
}

fn form(c: &Console) -> &gridwatch::tui::form::Form {
    match &c.state.mode {
        Mode::Form(f) => f,
        other => panic!("no form open: {other:?}"),
    }
}

fn status(c: &Console) -> (&str, bool) {
    (c.state.status.text.as_str(), c.state.status.error)
}

#[test]
fn g_picks_a_grid_by_name_and_moving_one_needs_a_reason() {
    let mut c = console(Lang::En);
    select(&mut c, 2);
    c.press("g");
    let screen = c.text(80, 24);
    assert!(screen.contains("Set grid #2"), "{screen}");
    assert!(
        screen.contains("C00 临江市本级"),
        "grids listed with names:\n{screen}"
    );
    c.press("T04-V03");
    assert!(c.text(80, 24).contains("T04-V03 石桥镇白沙村"));
    c.press("<enter>");
    assert_eq!(status(&c), ("#2: now in grid T04-V03 石桥镇白沙村", false));
    let row = c.state.data.open.iter().find(|r| r.id == 2).unwrap();
    assert_eq!(row.grid.as_deref(), Some("T04-V03"));
    // Again: the picker starts on its grid; another needs a reason.
    c.press("g");
    assert_eq!(form(&c).fields[0].value, "T04-V03");
    c.press("<down><enter>");
    assert_eq!(
        form(&c).error.as_deref(),
        Some("#2 is in grid T04-V03: give a reason to move it")
    );
    c.press("<tab>");
    assert!(
        form(&c).error.is_some(),
        "moving between fields changes nothing"
    );
    c.press("w");
    assert_eq!(form(&c).error, None, "the error goes when a value changes");
    c.press("rong village<enter>");
    assert_eq!(status(&c), ("#2: now in grid T04-V04 石桥镇龙潭村", false));
}

#[test]
fn r_upper_rejects_with_a_reason_in_words_and_the_complaint_leaves_the_dashboard() {
    let mut c = console(Lang::En);
    select(&mut c, 3);
    c.press("R");
    let screen = c.text(80, 24);
    for word in ["not in our remit", "insufficient detail", "other"] {
        assert!(screen.contains(word), "{word}:\n{screen}");
    }
    assert!(!screen.contains("not_in_remit"), "{screen}");
    c.press("<down><down><enter>");
    assert_eq!(
        form(&c).error.as_deref(),
        Some("say why in Details (needed for other)")
    );
    c.press("<tab>a neighbours' quarrel<enter>");
    assert_eq!(
        status(&c),
        ("#3: rejected (other: a neighbours' quarrel)", false)
    );
    assert!(c.state.data.open.iter().all(|r| r.id != 3));
    let show = c.room.json(&[NOW, "show", "3", "--json"]);
    assert_eq!(
        show["rejection"],
        json!({"reason": "other", "note": "a neighbours' quarrel"})
    );
    // In Chinese the reasons are Chinese words.
    let mut zh = console(Lang::Zh);
    select(&mut zh, 1);
    zh.press("R");
    let screen = zh.text(80, 24);
    assert!(
        screen.contains("不属于本局职责") && screen.contains("信息不足"),
        "{screen}"
    );
    // Someone on site: resolve instead; the key says so without a form.
    zh.press("<esc>a<enter>R");
    assert_eq!(zh.state.mode, Mode::Normal);
    assert_eq!(
        status(&zh),
        ("#1 不能不予受理：只有尚无人到场的未结举报可以", true)
    );
}

#[test]
fn o_reopens_from_the_complaints_screen_and_g_refuses_a_closed_complaint() {
    let mut c = console(Lang::En);
    select(&mut c, 2);
    c.press("o");
    assert_eq!(c.state.mode, Mode::Normal);
    assert_eq!(
        status(&c),
        (
            "#2 is still open: only closed or rejected complaints reopen (find them on screen 2)",
            true
        )
    );
    c.press("R<enter>");
    assert_eq!(status(&c), ("#2: rejected (not in our remit)", false));
    c.press("2");
    select(&mut c, 2);
    c.press("g");
    assert_eq!(
        status(&c),
        ("#2 is closed: only an open complaint gets a grid", true)
    );
    c.press("o<enter>");
    assert_eq!(
        form(&c).error.as_deref(),
        Some("a reopened complaint needs a reason")
    );
    c.press("the caller rang again<enter>");
    assert_eq!(status(&c), ("#2: reopened", false));
    assert!(
        c.state.data.open.iter().any(|r| r.id == 2),
        "back on the live list"
    );
}

#[test]
fn the_dispatch_picker_says_who_is_primary_backup_and_leader() {
    for (lang, roles) in [
        (Lang::En, ["primary", "backup", "leader"]),
        (Lang::Zh, ["主班", "副班", "带班"]),
    ] {
        let mut c = console(lang);
        select(&mut c, 1); // T03-V01-G01: O019, O020, O018 on call now
        c.press("d");
        let screen = c.text(80, 24);
        for (officer, role) in ["O019", "O020", "O018"].iter().zip(roles) {
            let line = screen
                .lines()
                .find(|l| l.contains(&format!("  {officer} ")))
                .unwrap_or_else(|| panic!("{officer} listed:\n{screen}"));
            assert!(line.contains(&format!("· {role}")), "{line}");
        }
    }
}

#[test]
fn the_resolve_picker_shows_outcomes_in_words() {
    for (lang, word) in [(Lang::En, "violation confirmed"), (Lang::Zh, "确认违法")] {
        let mut c = console(lang);
        select(&mut c, 1);
        c.press("r");
        let screen = c.text(80, 24);
        assert!(screen.contains(word), "{screen}");
        assert!(!screen.contains("violation_confirmed"), "{screen}");
        assert_eq!(
            form(&c).fields[0].value,
            "violation_confirmed",
            "the id is what is sent"
        );
    }
}

#[test]
fn the_new_complaint_form_shows_its_grid_and_why_before_saving() {
    let mut c = console(Lang::En);
    c.press("n");
    let preview = |c: &Console| form(c).grid_preview(&c.state.config, c.state.lang).unwrap();
    assert_eq!(
        preview(&c),
        "unassigned — no grid, enterprise or known place given; set it with g after saving"
    );
    c.press("<tab>石桥镇白沙村渡口");
    assert_eq!(
        preview(&c),
        "T04-V03 石桥镇白沙村 — the address names 白沙村"
    );
    c.press("<tab><tab><tab><tab>E0101");
    assert_eq!(
        preview(&c),
        "T03-V01-G01 化工园第一企业网格小组 — the grid of enterprise E0101 临江华盛化工有限公司"
    );
    c.press("<backtab>T02");
    assert_eq!(preview(&c), "T02 河西街道 — as given");
    c.press("9<enter>");
    assert_eq!(form(&c).error.as_deref(), Some("unknown grid 'T029'"));
    c.press("<bs><tab><tab><tab><tab>有人焚烧垃圾<enter>");
    assert!(
        status(&c).0.contains("new complaint saved"),
        "{:?}",
        status(&c)
    );
    let row = c
        .state
        .data
        .open
        .iter()
        .find(|r| r.description == "有人焚烧垃圾")
        .unwrap();
    assert_eq!(
        (
            row.grid.as_deref(),
            row.grid_source.as_str(),
            row.enterprise.as_deref()
        ),
        (Some("T02"), "explicit", Some("E0101")),
        "saved as previewed"
    );
    let mut zh = console(Lang::Zh);
    zh.press("n<tab>石桥镇白沙村");
    assert_eq!(preview(&zh), "T04-V03 石桥镇白沙村 — 地址含“白沙村”");
}

#[test]
fn the_new_complaint_form_shows_the_whole_deadline_at_80_columns() {
    for (lang, end) in [
        (Lang::En, "working day, 30 min"),
        (Lang::Zh, "工作日，30 分钟"),
    ] {
        let mut c = console(lang);
        c.press("n");
        let screen = c.text(80, 24);
        assert!(
            screen.contains(end),
            "the deadline's reason is read to its end:\n{screen}"
        );
    }
}

#[test]
fn the_new_complaint_form_checks_the_phone_and_a_fixed_field_clears_its_error() {
    let mut c = console(Lang::En);
    c.press("n<tab>城关镇西关村<tab>有人焚烧垃圾<tab>139abc<enter>");
    assert_eq!(
        form(&c).error.as_deref(),
        Some("phone '139abc': only digits, spaces, hyphens and a leading +86")
    );
    c.press("<bs>");
    assert_eq!(form(&c).error, None, "a fixed field's error goes at once");
    c.press("<bs><bs><enter>");
    assert_eq!(
        form(&c).error.as_deref(),
        Some("phone '139' has 3 digits; a phone number has 7 to 15")
    );
    c.press(" 1234 5678<enter>");
    assert!(
        status(&c).0.contains("new complaint saved"),
        "{:?}",
        status(&c)
    );
    let mut zh = console(Lang::Zh);
    zh.press("n<tab>城关镇西关村<tab>有人焚烧垃圾<tab>12345<enter>");
    assert_eq!(
        form(&zh).error.as_deref(),
        Some("电话“12345”有 5 位数字；电话号码应为 7 至 15 位")
    );
}

/// A reason or note is a paragraph, not a pasted file: over 1000
/// characters is refused with exit 1 and nothing changes; a reason id in
/// capitals is still the id (an attacker's findings).
#[test]
fn long_texts_are_refused_and_reason_ids_ignore_case() {
    let room = room();
    let long = "A".repeat(1001);
    let err = room.fails(1, &[NOW, "reject", "1", "--reason", &long]);
    assert!(err.contains("1001 characters"), "{err}");
    let err = room.fails(1, &[NOW, "escalate", "1", "--reason", &long]);
    assert!(err.contains("at most 1000"), "{err}");
    assert_eq!(room.json(&["show", "1", "--json"])["status"], "received");
    room.ok(&[NOW, "reject", "1", "--reason", "INSUFFICIENT-DETAIL"]);
    let v = room.json(&["show", "1", "--json"]);
    assert_eq!(v["rejection"]["reason"], "insufficient_detail", "{v}");
}
