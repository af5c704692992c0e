//! On call (#11) through the real binary on real files: `oncall` in text
//! and JSON with names, phones and the next shift; a swap recorded, audited
//! and winning over roster.toml everywhere (oncall, the escalator); every
//! refusal in words and exit 1; gaps warned by `check-config` (exit 0,
//! `--strict` exit 1) and filled by a swap.

use chrono::{DateTime, Utc};
use gridwatch::alert::escalator::evaluate;
use gridwatch::clock::ClockMode;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::Actor;
use gridwatch::store::{AuditLog, Complaints, Durability, SqliteStore};

mod common;
use common::{NOW, Room, complaint};

const TUE_1730: &str = "--now=2026-12-01T17:30:00+08:00";
/// Before the calendar warns of the next year (from 60 days before its end).
const TUE_OCT: &str = "--now=2026-10-27T17:30:00+08:00";

fn grid<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v.as_array()
        .unwrap()
        .iter()
        .find(|g| g["grid"] == id)
        .unwrap_or_else(|| panic!("{id} not in {v}"))
}

#[test]
fn oncall_gives_names_phones_and_the_next_shift_in_text_and_json() {
    let room = Room::new();
    let v = room.json(&[TUE_1730, "oncall", "--json"]);
    let t01 = grid(&v, "T01");
    assert_eq!(t01["name"], "城关镇");
    let now = &t01["on_call"];
    assert_eq!(now["shift"], "day");
    assert_eq!(now["shift_date"], "2026-12-01");
    assert_eq!(now["primary"]["id"], "O009");
    assert_eq!(now["primary"]["name"], "邓海燕");
    assert_eq!(now["primary"]["phone"], "13917874421");
    assert_eq!(now["leader"]["id"], "O008");
    // The next shift: Tuesday's night, T01's own duty every night.
    assert_eq!(t01["next"]["shift"], "night");
    assert_eq!(t01["next"]["primary"]["id"], "O011");
    // A village follows its township.
    assert_eq!(grid(&v, "T01-V02")["on_call"]["duty_grid"], "T01");
    assert_eq!(grid(&v, "T01-V02")["gaps"], serde_json::json!([]));
    // --at another time: Monday's night shift seen from Tuesday 01:00.
    let v = room.json(&[
        TUE_1730,
        "oncall",
        "--at",
        "2026-12-01T01:00:00+08:00",
        "--json",
    ]);
    assert_eq!(grid(&v, "C00")["on_call"]["shift_date"], "2026-11-30");
    assert_eq!(grid(&v, "C00")["on_call"]["primary"]["id"], "O006");

    let text = room.ok(&[TUE_1730, "oncall"]);
    assert!(
        text.starts_with("on call at 2026-12-01T17:30:00+08:00\n"),
        "{text}"
    );
    assert!(
        text.contains("day shift of 2026-12-01, until 18:00 · next: night shift from 12-01 18:00"),
        "{text}"
    );
    assert!(text.contains("O009 邓海燕 13917874421"), "{text}");
    assert!(text.contains("via T01"), "{text}");
    assert!(
        text.contains("someone is on call in every grid for the coming 7 days"),
        "the shipped roster has no gap: {text}"
    );
    let zh = room.ok(&[TUE_1730, "--lang", "zh", "oncall"]);
    assert!(
        zh.contains("2026-12-01 白班，至 18:00 · 下一班：夜班，12-01 18:00 起"),
        "{zh}"
    );
}

#[test]
fn a_swap_wins_over_roster_toml_and_is_audited_with_whom_it_replaced() {
    let room = Room::new();
    let said = room.ok(&[
        TUE_1730,
        "swap",
        "T01",
        "--role",
        "primary",
        "--to",
        "O012",
        "--reason",
        "病假 sick leave",
    ]);
    assert_eq!(
        said.trim(),
        "swap #1: T01 day shift of 2026-12-01, primary: O012 (郝晓明 13578061052) in place of O009 (邓海燕 13917874421)"
    );
    let v = room.json(&[TUE_1730, "oncall", "--json"]);
    let now = &grid(&v, "T01-V01")["on_call"];
    assert_eq!(now["primary"]["id"], "O012");
    assert_eq!(now["backup"]["id"], "O010", "only the role swapped changes");
    assert_eq!(now["swaps"][0]["reason"], "病假 sick leave");
    assert_eq!(now["swaps"][0]["replaces"], "O009");
    assert_eq!(
        grid(&v, "T01")["next"]["primary"]["id"],
        "O011",
        "the next shift is not swapped"
    );
    let text = room.ok(&[TUE_1730, "oncall"]);
    assert!(
        text.contains("⇄ primary swapped: 病假 sick leave"),
        "{text}"
    );
    // The next shift, then a named one.
    room.ok(&[
        TUE_1730, "swap", "T01", "--next", "--role", "leader", "--to", "O007", "--reason", "cover",
    ]);
    room.ok(&[
        TUE_1730,
        "swap",
        "T02",
        "--shift",
        "night",
        "--date",
        "2026-12-05",
        "--role",
        "backup",
        "--to",
        "O013",
        "--reason",
        "weekend cover",
    ]);
    let v = room.json(&[TUE_1730, "oncall", "--json"]);
    assert_eq!(grid(&v, "T01")["next"]["leader"]["id"], "O007");
    let sat = room.json(&[
        TUE_1730,
        "oncall",
        "--at",
        "2026-12-05T23:00:00+08:00",
        "--json",
    ]);
    assert_eq!(grid(&sat, "T02")["on_call"]["backup"]["id"], "O013");

    // The audit record of the first swap, as the store keeps it.
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let trail = store.audit_of("roster_override:1").unwrap();
    assert_eq!(trail.len(), 1, "{trail:?}");
    let a = &trail[0];
    assert_eq!(a.action, "roster_override.recorded");
    assert_eq!(a.clock, "fixed");
    assert_eq!(a.details["grid"], "T01");
    assert_eq!(a.details["shift"], "day");
    assert_eq!(a.details["shift_date"], "2026-12-01");
    assert_eq!(a.details["role"], "primary");
    assert_eq!(a.details["officer"], "O012");
    assert_eq!(a.details["replaces"], "O009");
    assert_eq!(a.details["reason"], "病假 sick leave");
    let config = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    let line = gridwatch::words::trail::sentence(gridwatch::i18n::Lang::En, &config, None, a);
    assert_eq!(
        line,
        "swap: T01 day shift of 2026-12-01, primary O012 (郝晓明 13578061052) in place of O009 (邓海燕 13917874421) — 病假 sick leave"
    );
}

#[test]
fn a_swap_is_refused_in_words_when_it_cannot_be_right() {
    let room = Room::new();
    let refused = |args: &[&str]| {
        let mut all = vec![TUE_1730, "swap"];
        all.extend_from_slice(args);
        room.fails(1, &all).trim().to_string()
    };
    let base = ["--role", "primary", "--reason", "r"];
    let with = |grid: &'static str, to: &'static str, more: &[&'static str]| {
        let mut v = vec![grid, "--to", to];
        v.extend_from_slice(&base);
        v.extend_from_slice(more);
        v
    };
    assert!(
        refused(&with("T99", "O012", &[])).contains("unknown grid 'T99'"),
        "grid"
    );
    assert!(refused(&with("T01", "O999", &[])).contains("unknown officer 'O999'"));
    assert!(
        refused(&with(
            "T01",
            "O012",
            &["--shift", "noon", "--date", "2026-12-02"]
        ))
        .contains("no shift named 'noon' in roster.toml")
    );
    assert!(
        refused(&with(
            "T01",
            "O012",
            &["--shift", "day", "--date", "2026-11-30"]
        ))
        .contains("the day shift of 2026-11-30 is already over")
    );
    assert!(
        refused(&with("T01", "O012", &["--shift", "day", "--date", "30/11"]))
            .contains("'30/11' is not a date like 2026-12-01")
    );
    assert!(
        refused(&with("T01", "O009", &[])).contains("O009 already holds that role in that shift")
    );
    let said = room.fails(
        1,
        &[
            TUE_1730, "swap", "T01", "--role", "primary", "--to", "O012", "--reason", "  ",
        ],
    );
    assert!(said.contains("a swap needs a reason"), "{said}");
    let zh = room.fails(
        1,
        &[
            TUE_1730, "--lang", "zh", "swap", "T01", "--role", "primary", "--to", "O009",
            "--reason", "x",
        ],
    );
    assert!(zh.contains("已在该班次担任此角色"), "{zh}");
    // Nothing was recorded.
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    assert!(store.audit_of("roster_override:1").unwrap().is_empty());
}

/// roster.toml without the city's Sunday day shift: every grid without its
/// own Sunday day duty has nobody on call then.
fn gap_room() -> Room {
    let room = Room::new();
    let path = room.path("config/roster.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "days = [\"Thu\", \"Fri\", \"Sat\", \"Sun\"]\nshift = \"day\"",
        "days = [\"Thu\", \"Fri\", \"Sat\"]\nshift = \"day\"",
        1,
    );
    assert!(text.contains("[\"Thu\", \"Fri\", \"Sat\"]\nshift = \"day\""));
    std::fs::write(&path, text).unwrap();
    room
}

#[test]
fn check_config_warns_about_gaps_and_fails_only_with_strict_and_a_swap_fills_one() {
    let room = gap_room();
    let out = room.run(&[TUE_OCT, "check-config"]);
    assert!(out.status.success(), "warnings exit 0");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "nobody on call in C00 临江市本级: day shift of 2026-11-01 (from 11-01 08:00)"
        ),
        "{err}"
    );
    assert_eq!(err.matches("nobody on call in").count(), 1, "{err}");
    let said = room.fails(1, &[TUE_OCT, "check-config", "--strict"]);
    assert!(said.contains("nobody on call in C00"), "{said}");
    // oncall says it too, and the JSON names the gap.
    let v = room.json(&[TUE_OCT, "oncall", "--json"]);
    assert_eq!(
        grid(&v, "C00")["gaps"],
        serde_json::json!([{"shift": "day", "date": "2026-11-01"}])
    );
    // A swap in the database fills the gap: check-config counts it.
    room.ok(&[
        TUE_OCT,
        "swap",
        "C00",
        "--shift",
        "day",
        "--date",
        "2026-11-01",
        "--role",
        "primary",
        "--to",
        "O004",
        "--reason",
        "Sunday cover",
    ]);
    let out = room.run(&[TUE_OCT, "check-config", "--strict"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("nobody on call"), "{err}");
}

#[test]
fn the_escalator_alerts_the_officer_swapped_in() {
    // Complaint 1: Mon 30 Nov 09:12 in T03-V01-G01, deadline 09:42;
    // T03's weekday day duty has O019 as primary, swapped for O020.
    let room = Room::new();
    let p = room.write("c.json", complaint("E1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    // O020 is the backup: another backup first, then O020 steps up.
    room.ok(&[
        NOW,
        "swap",
        "T03",
        "--role",
        "backup",
        "--to",
        "O021",
        "--reason",
        "O020 steps up",
    ]);
    room.ok(&[
        NOW,
        "swap",
        "T03",
        "--role",
        "primary",
        "--to",
        "O020",
        "--reason",
        "O019 at a hearing",
    ]);
    let config = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let warn_at: DateTime<Utc> = "2026-11-30T09:32:00+08:00".parse().unwrap();
    let fired = evaluate(
        &mut s,
        &config,
        &Actor::new("escalator", "escalator", ClockMode::Fixed),
        warn_at,
    )
    .unwrap();
    assert_eq!(fired.len(), 1);
    let e = s.escalations(1).unwrap();
    assert_eq!(
        (e[0].stage.as_str(), e[0].target.as_deref()),
        ("warn", Some("O020"))
    );
}

/// A roster.toml half saved by an editor (an unclosed string) stops
/// nothing on duty: arrivals are logged and `status` answers, each saying
/// the roster is left out with its file:line; `check-config` still fails.
#[test]
fn a_half_saved_roster_costs_the_roster_not_the_duty_room() {
    let room = Room::new();
    let p = room.write("c.json", complaint("HALF").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    std::fs::write(room.path("config/roster.toml"), "[[shift]]\nname = \"day\n").unwrap();
    let err = room.fails(1, &["check-config"]);
    assert!(err.contains("roster.toml:"), "{err}");
    let out = room.run(&[NOW, "arrive", "1", "--officer", "O019"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("roster.toml:"), "{err}");
    assert!(err.contains("the roster is left out"), "{err}");
    let out = room.run(&["status"]);
    assert!(out.status.success());
}

#[test]
fn a_swap_says_when_the_officer_replaced_still_has_complaints_on_the_way() {
    // Complaints 1–3 in T03-V01-G01 (T03's duty: O019 primary on Monday's
    // day shift); 1 and 3 dispatched to O019, 2 to O020.
    let room = Room::new();
    for r in ["E1", "E2", "E3"] {
        let p = room.write(&format!("{r}.json"), complaint(r).to_string());
        room.ok(&["submit", p.to_str().unwrap()]);
    }
    room.ok(&[NOW, "intake", "--once"]);
    room.ok(&[NOW, "dispatch", "1", "--officer", "O019"]);
    room.ok(&[NOW, "dispatch", "2", "--officer", "O020"]);
    room.ok(&[NOW, "dispatch", "3", "--officer", "O019"]);
    let said = room.ok(&[
        NOW, "swap", "T03", "--role", "primary", "--to", "O021", "--reason", "hearing",
    ]);
    let lines: Vec<&str> = said.trim().lines().collect();
    assert_eq!(lines.len(), 2, "{said}");
    assert_eq!(
        lines[1],
        "汤国栋 still has 2 open complaints dispatched: #1 #3 — re-dispatch them (gridwatch dispatch ID --officer OFFICER)"
    );
    // Swapping the next shift says nothing of them: the officer is on duty
    // until then.
    let next = room.ok(&[
        NOW, "--lang", "zh", "swap", "T03", "--next", "--role", "primary", "--to", "O022",
        "--reason", "cover",
    ]);
    assert_eq!(next.trim().lines().count(), 1, "{next}");
    // The backup (O020) has one, said in the singular.
    let backup = room.ok(&[
        NOW, "swap", "T03", "--role", "backup", "--to", "O023", "--reason", "cover",
    ]);
    assert!(
        backup.ends_with(
            "\n蒋敏 still has 1 open complaint dispatched: #2 — re-dispatch it (gridwatch dispatch ID --officer OFFICER)\n"
        ),
        "{backup}"
    );
    // Nothing more when the officer replaced has none.
    let none = room.ok(&[
        NOW, "swap", "T03", "--role", "backup", "--to", "O024", "--reason", "cover",
    ]);
    assert_eq!(none.trim().lines().count(), 1, "{none}");
}

#[test]
fn shifts_are_named_as_people_say_them_in_both_languages() {
    let room = Room::new();
    let zh = room.ok(&[TUE_1730, "--lang", "zh", "oncall"]);
    assert!(zh.contains("下一班：夜班，"), "{zh}");
    assert!(!zh.contains("下一班：夜，"), "{zh}");
    // A shift of another name keeps it, with the word for a shift.
    let roster = room.path("config/roster.toml");
    let text = std::fs::read_to_string(&roster)
        .unwrap()
        .replace("\"night\"", "\"late\"");
    std::fs::write(&roster, text).unwrap();
    let en = room.ok(&[TUE_1730, "oncall"]);
    assert!(en.contains("next: late shift from 12-01 18:00"), "{en}");
    let zh = room.ok(&[TUE_1730, "--lang", "zh", "oncall"]);
    assert!(zh.contains("下一班：late班，12-01 18:00 起"), "{zh}");
}

#[test]
fn oncall_at_takes_a_local_date_and_time_and_names_a_holiday_or_make_up_day() {
    let room = Room::new();
    let rfc = room.json(&[
        TUE_1730,
        "oncall",
        "--at",
        "2026-10-02T09:00:00+08:00",
        "--json",
    ]);
    let local = room.json(&[TUE_1730, "oncall", "--at", "2026-10-02 09:00", "--json"]);
    assert_eq!(rfc, local);
    let text = room.ok(&[TUE_1730, "oncall", "--at", "2026-10-02 09:00"]);
    assert!(
        text.starts_with("on call at 2026-10-02T09:00:00+08:00\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\nholiday (国庆节): the roster follows the weekdays unless an override says otherwise\n"
        ),
        "{text}"
    );
    let zh = room.ok(&[
        TUE_1730,
        "--lang",
        "zh",
        "oncall",
        "--at",
        "2026-09-20 09:00",
    ]);
    assert!(
        zh.contains("调休工作日（国庆节）：值班表仍按星期排班（周日的值班）"),
        "{zh}"
    );
    // An ordinary day says nothing of it.
    let plain = room.ok(&[TUE_1730, "oncall"]);
    assert!(
        !plain.contains("the roster follows the weekdays"),
        "{plain}"
    );
    // A time it cannot read is refused with the forms it takes.
    let bad = room.fails(1, &[TUE_1730, "oncall", "--at", "2 Oct 9h"]);
    assert!(bad.contains("2026-12-01 09:30"), "{bad}");
}

/// Primary and backup of one shift are two people: a swap that would make
/// the backup the primary too is refused, saying so.
#[test]
fn a_swap_never_makes_one_officer_primary_and_backup() {
    // Mon 30 Nov 09:30: T01's weekday day shift is O009 primary, O010 backup.
    let room = Room::new();
    let err = room.fails(
        1,
        &[
            NOW, "swap", "T01", "--role", "primary", "--to", "O010", "--reason", "r",
        ],
    );
    assert!(err.contains("is already the backup of that shift"), "{err}");
    assert!(err.contains("name another backup first"), "{err}");
}

/// Consoles swapping the same role at the same instant: one swap is
/// recorded, every other is decided again on it and refused (the officer
/// already holds the role) — never two swaps "in place of" the same person.
#[test]
fn concurrent_swaps_of_one_role_record_one() {
    let room = Room::new();
    let children: Vec<_> = (0..8)
        .map(|_| {
            room.cmd(&[
                NOW, "swap", "T04", "--role", "leader", "--to", "O028", "--reason", "r",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
        })
        .collect();
    let ok = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status)
        .filter(|s| s.success())
        .count();
    assert_eq!(ok, 1);
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let trail: Vec<_> = (1..=8)
        .filter(|n| {
            !store
                .audit_of(&format!("roster_override:{n}"))
                .unwrap()
                .is_empty()
        })
        .collect();
    assert_eq!(trail, vec![1]);
}
