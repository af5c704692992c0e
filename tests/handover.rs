//! The shift handover (#11) on the command line: the sheet of everything
//! open from a fixed dataset (a breached complaint, one with time left, a
//! running incident with its next step, a drill, an unacknowledged alert,
//! the calendar running out, a stale daemon) in English and Chinese; the
//! handover recorded with its audit record, `--preview` recording nothing,
//! `--output` never overwriting, and the refusals.

mod common;
use chrono::{DateTime, Utc};
use common::{NOW, Room, complaint};
use gridwatch::domain::Beat;
use gridwatch::store::{Durability, Heartbeats, SqliteStore};

/// 09:30 local (01:30 UTC).
const AT: &str = NOW;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The dataset: complaint 1 (09:12, 12 min left at 09:30) with a level III
/// incident opened from it; complaint 2 (08:40, breached 20 min at 09:30)
/// escalated by hand to 吕芳 and not acknowledged; a drill incident in T02;
/// the intake daemon's last beat at 09:20 (stale at 09:30).
fn room() -> Room {
    let room = Room::new();
    let mut water = complaint("W1");
    water["category"] = "water".into();
    let mut late = complaint("A2");
    late["received_at"] = "2026-11-30T08:40:00+08:00".into();
    late.as_object_mut().unwrap().remove("enterprise");
    late["location"]["address"] = "城关镇东街".into();
    let p = room.write("c.json", serde_json::json!([water, late]).to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&["--now=2026-11-30T09:15:00+08:00", "intake", "--once"]);
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "water-pollution",
        "--level",
        "III",
        "--from-complaint",
        "1",
    ]);
    room.ok(&[
        AT,
        "incident",
        "open",
        "--plan",
        "oil-spill",
        "--grid",
        "T02",
        "--level",
        "IV",
        "--drill",
    ]);
    room.ok(&[
        AT,
        "escalate",
        "2",
        "--reason",
        "no answer from the village",
        "--to",
        "O003",
    ]);
    let mut store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let beat = Beat {
        component: "intake".into(),
        pid: 4242,
        host: "duty".into(),
        started_at: at("2026-11-30T08:00:00+08:00"),
        db_path: room.db().display().to_string(),
        spool_dir: room.path("spool").display().to_string(),
    };
    store.beat(&beat, at("2026-11-30T09:20:00+08:00")).unwrap();
    room
}

fn has(sheet: &str, line: &str) {
    assert!(
        sheet.lines().any(|l| l == line),
        "no line\n{line}\nin the sheet:\n{sheet}"
    );
}

#[test]
fn the_sheet_lists_everything_open_in_english() {
    let room = room();
    let out = room.run(&[
        AT,
        "handover",
        "--from",
        "O005",
        "--to",
        "O004",
        "--preview",
    ]);
    assert!(out.status.success());
    let sheet = String::from_utf8(out.stdout).unwrap();
    for line in [
        "# Shift handover · 2026-11-30 09:30 Mon",
        "- **Outgoing**: 崔志强 (O005)",
        "- **Incoming**: 冯海燕 (O004)",
        "- **Note**: none",
        "## Open complaints (2)",
        // Breached first, with the overrun; then the one with time left.
        "- #2 · T01 城关镇 · air · 城关镇东街 — ✖ breached +20:00 (deadline 09:10) · received",
        "## Running incidents (2)",
        "## Unacknowledged alerts (1)",
        "- #2 · escalated by hand at 11-30 09:30 to 吕芳",
        // From the pollution-source register (board::sources).
        // The complaint about E0102 today shortened its interval, but makes
        // it due today, not overdue retroactively: not listed.
        "## Overdue patrols (4)",
        "- E0311 枫树坳矿粉加工厂 · T04-V02-G01 枫树坳建材企业网格小组 · due 2026-11-13, 17 days overdue",
        "## Calendar (1)",
        "- no calendar for 2027, which starts in 32 days: import it before then",
        "## Intake daemon (1)",
        "- STALE: last heartbeat 10 min ago",
    ] {
        has(&sheet, line);
    }
    assert!(!sheet.contains("- E0102"), "{sheet}");
    let complaints: Vec<&str> = sheet.lines().filter(|l| l.starts_with("- #")).collect();
    assert!(complaints[0].starts_with("- #2 "), "{sheet}");
    assert!(
        complaints[1].starts_with("- #1 ") && complaints[1].contains("12:00 left (deadline 09:42)"),
        "{sheet}"
    );
    // The real incident first, with its next step and the initial report;
    // the drill marked.
    let real = sheet
        .lines()
        .position(|l| l.starts_with("- #1 ") && l.contains("III"))
        .unwrap();
    let drill = sheet
        .lines()
        .position(|l| l.starts_with("- #2 **DRILL**"))
        .unwrap();
    assert!(real < drill, "{sheet}");
    let next = sheet.lines().nth(real + 1).unwrap();
    assert!(next.starts_with("  - next: step 1 "), "{next}");
    assert!(next.ends_with("— due 11-30 09:42 (12:00)"), "{next}");
    assert!(
        sheet.contains("  - initial report due 11-30 13:12 (3:42:00)"),
        "{sheet}"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("(preview: nothing recorded)")
    );
}

#[test]
fn the_sheet_in_chinese() {
    let room = room();
    let sheet = room.ok(&[
        "--lang",
        "zh",
        AT,
        "handover",
        "--from",
        "O005",
        "--to",
        "O004",
        "--preview",
    ]);
    for line in [
        "# 交接班记录 · 2026-11-30 09:30 周一",
        "- **交班人**：崔志强（O005）",
        "- **接班人**：冯海燕（O004）",
        "- **交接事项**：无",
        "## 未结举报件（2）",
        "- #2 · T01 城关镇 · 大气 · 城关镇东街 — ✖ 已超时 +20:00（时限 09:10） · 已受理",
        "## 处置中的突发事件（2）",
        "## 未确认告警（1）",
        "## 逾期巡查（4）",
        "- E0311 枫树坳矿粉加工厂 · T04-V02-G01 枫树坳建材企业网格小组 · 应于 2026-11-13 巡查，已逾期 17 天",
        "## 节假日日历（1）",
        "- 缺少 2027 年日历（32 天后开始）：请提前导入",
        "## 接收程序（1）",
        "- 停滞：最后心跳在 10 分钟 前",
    ] {
        has(&sheet, line);
    }
    assert!(sheet.contains("- #2 **演练**"), "{sheet}");
    assert!(sheet.contains("剩余 12:00（时限 09:42）"), "{sheet}");
}

/// A sheet nobody could read is no handover: with stdout full, the command
/// fails and records nothing.
#[test]
fn a_sheet_that_cannot_be_printed_records_no_handover() {
    let room = room();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = room
        .cmd(&[AT, "handover", "--from", "O005", "--to", "O004"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("nothing was recorded"), "{said}");
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    assert!(
        gridwatch::store::Handovers::latest_handovers(&store)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_handover_is_recorded_with_both_names_and_the_sheet_in_its_audit_record() {
    let room = room();
    let out = room.run(&[
        AT,
        "handover",
        "--from",
        "O005",
        "--to",
        "O004",
        "--note",
        "call the water plant at 10:00",
    ]);
    assert!(out.status.success());
    let sheet = String::from_utf8(out.stdout).unwrap();
    has(&sheet, "- **Note**: call the water plant at 10:00");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("Handover #1 recorded: 崔志强 (O005) → 冯海燕 (O004), now on duty."),
        "{said}"
    );
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let trail = gridwatch::store::AuditLog::audit_of(&store, "handover:1").unwrap();
    assert_eq!(trail.len(), 1);
    let d = &trail[0].details;
    assert_eq!(trail[0].action, "handover.recorded");
    assert_eq!(d["from"], "O005");
    assert_eq!(d["from_name"], "崔志强");
    assert_eq!(d["to"], "O004");
    assert_eq!(d["to_name"], "冯海燕");
    assert_eq!(d["sheet"].as_str().unwrap(), sheet);
    let latest = gridwatch::store::Handovers::latest_handovers(&store).unwrap();
    assert_eq!(latest.len(), 1);
    assert_eq!(
        (latest[0].from.as_str(), latest[0].to.as_str()),
        ("O005", "O004")
    );
    assert_eq!(latest[0].sheet, sheet);
}

#[test]
fn a_preview_records_nothing() {
    let room = room();
    room.ok(&[
        AT,
        "handover",
        "--from",
        "O005",
        "--to",
        "O004",
        "--preview",
    ]);
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    assert!(
        gridwatch::store::Handovers::latest_handovers(&store)
            .unwrap()
            .is_empty()
    );
    assert!(
        gridwatch::store::AuditLog::audit_recent(&store, 50)
            .unwrap()
            .iter()
            .all(|e| !e.action.starts_with("handover"))
    );
}

#[test]
fn output_writes_a_new_file_and_never_overwrites_one() {
    let room = Room::new();
    let file = room.path("sheet.md");
    let f = file.to_str().unwrap();
    let sheet = room.ok(&[
        AT, "handover", "--from", "O005", "--to", "O004", "--output", f,
    ]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), sheet);
    // Taken: refused before anything is recorded, the file untouched.
    let err = room.fails(
        1,
        &[
            AT, "handover", "--from", "O004", "--to", "O005", "--output", f,
        ],
    );
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), sheet);
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let latest = gridwatch::store::Handovers::latest_handovers(&store).unwrap();
    assert_eq!(latest.len(), 1);
    assert_eq!(latest[0].to, "O004");
}

#[test]
fn refusals_say_why_and_record_nothing() {
    let room = Room::new();
    let err = room.fails(1, &[AT, "handover", "--from", "O005", "--to", "O005"]);
    assert!(err.contains("O005 cannot hand over to themselves"), "{err}");
    let err = room.fails(1, &[AT, "handover", "--from", "O005", "--to", "O999"]);
    assert!(
        err.contains("There is no officer “O999” in officers.toml (the incoming officer)"),
        "{err}"
    );
    let err = room.fails(
        1,
        &[
            "--lang", "zh", AT, "handover", "--from", "X1", "--to", "O005",
        ],
    );
    assert!(err.contains("没有人员“X1”（交班人）"), "{err}");
    let long = "x".repeat(1001);
    let err = room.fails(
        1,
        &[
            AT, "handover", "--from", "O005", "--to", "O004", "--note", &long,
        ],
    );
    assert!(err.contains("1001"), "{err}");
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    assert!(
        gridwatch::store::Handovers::latest_handovers(&store)
            .unwrap()
            .is_empty()
    );
}

/// The latest handover is kept per console: another console's does not
/// hide this one's.
#[test]
fn the_latest_handover_is_read_per_console() {
    let room = Room::new();
    let run = |console: &str, from: &str, to: &str| {
        let out = room
            .cmd(&[AT, "handover", "--from", from, "--to", to])
            .env("GRIDWATCH_CONSOLE", console)
            .output()
            .unwrap();
        assert!(out.status.success());
    };
    run("desk-1", "O005", "O004");
    run("desk-2", "O006", "O007");
    run("desk-1", "O004", "O008");
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let latest = gridwatch::store::Handovers::latest_handovers(&store).unwrap();
    let pairs: Vec<_> = latest
        .iter()
        .map(|h| (h.station.as_str(), h.to.as_str()))
        .collect();
    assert_eq!(pairs, [("desk-1", "O008"), ("desk-2", "O007")]);
}

#[test]
fn the_sheet_lists_the_on_call_swaps_of_the_running_and_the_next_shift() {
    let room = room();
    let sheet = |lang: &str| {
        room.ok(&[
            "--lang",
            lang,
            AT,
            "handover",
            "--from",
            "O005",
            "--to",
            "O004",
            "--preview",
        ])
    };
    has(&sheet("en"), "## On-call swaps (0)");
    // One swap of the day shift running, one of the night to come, one of
    // a later shift (not on the sheet).
    room.ok(&[
        AT,
        "swap",
        "T03",
        "--role",
        "primary",
        "--to",
        "O021",
        "--reason",
        "O019 at a hearing",
    ]);
    room.ok(&[
        AT, "swap", "T01", "--next", "--role", "leader", "--to", "O007", "--reason", "cover",
    ]);
    room.ok(&[
        AT,
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
        "weekend",
    ]);
    let en = sheet("en");
    has(&en, "## On-call swaps (2)");
    has(
        &en,
        "- T03 临江经济开发区 · day shift of 2026-11-30 · primary: 汤国栋 (O019) → 覃静 (O021) — O019 at a hearing",
    );
    let swaps = en.split("## On-call swaps").nth(1).unwrap();
    assert!(
        swaps.contains("- T01 城关镇 · night shift of 2026-11-30 · leader: "),
        "{en}"
    );
    assert!(!swaps.contains("weekend"), "{en}");
    let zh = sheet("zh");
    has(&zh, "## 值班调班（2）");
    has(
        &zh,
        "- T03 临江经济开发区 · 2026-11-30 白班 · 主班：汤国栋（O019） → 覃静（O021） — O019 at a hearing",
    );
}
