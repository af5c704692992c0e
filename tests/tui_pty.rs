//! The dashboard end to end in a real pseudo-terminal (portable-pty, screen
//! decoded by vt100): see a complaint with its countdown, log an arrival with
//! `a` Enter and find it in `gridwatch show`, see a file submitted meanwhile
//! appear within a second, quit and find the terminal restored.

use std::time::{Duration, Instant};

mod common;
use common::pty::Pty;
use common::{NOW, Room, complaint, wait_for};

#[test]
fn arrival_by_keyboard_live_updates_and_a_clean_quit() {
    let room = Room::new();
    let p = room.write("c.json", complaint("PTY-1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut pty = Pty::spawn(&room, &[NOW, "tui"], 120, 40);
    pty.wait_text("● 12:00", Duration::from_secs(20));
    assert!(
        pty.screen.lock().unwrap().screen().alternate_screen(),
        "the dashboard uses the alternate screen"
    );
    // a, Enter: the on-call officer arrives now.
    pty.keys("a");
    pty.wait_text("Log arrival #1", Duration::from_secs(5));
    pty.keys("\r");
    pty.wait_text(
        "arrival of 汤国栋 (O019) at 09:30 logged",
        Duration::from_secs(5),
    );
    let show = room.json(&[NOW, "show", "1", "--json"]);
    assert_eq!(show["arrived_by"], "O019");
    assert_eq!(show["status"], "on_scene");
    assert_eq!(
        show["audit"].as_array().unwrap().last().unwrap()["actor"],
        "pty-tester"
    );
    // A file ingested while it runs appears within a second.
    let mut c = complaint("PTY-2");
    c["location"] = serde_json::json!({"address": "石桥镇白沙村渡口"});
    c.as_object_mut().unwrap().remove("enterprise");
    let p = room.write("d.json", c.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let committed = Instant::now();
    pty.wait_text("石桥镇白沙村渡口", Duration::from_secs(5));
    let delay = committed.elapsed();
    eprintln!("committed row to screen: {delay:?}");
    assert!(
        delay < Duration::from_secs(1),
        "spool to screen took {delay:?}"
    );
    // Quit asks first; then the terminal is restored.
    pty.keys("q");
    pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
    pty.keys("y");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = pty.child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the dashboard did not exit"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    wait_for(
        "the terminal to be restored",
        Duration::from_secs(5),
        || {
            let p = pty.screen.lock().unwrap();
            !p.screen().alternate_screen() && !p.screen().hide_cursor()
        },
    );
}

#[test]
fn without_a_terminal_the_dashboard_explains_and_exits_1() {
    let room = Room::new();
    let out = room
        .cmd(&["tui"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "gridwatch: the dashboard needs a terminal (stdin and stdout must be a TTY); use `gridwatch list` in scripts"
    );
    let out = room
        .cmd(&[])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "no command = the dashboard");
}

/// Budget: `demo --speed 1` between simulated events (minutes of drill time
/// apart) under 1 % of a core: the dashboard, the in-process daemon and the
/// simulated public and field all at rest, sleeping until the next event.
/// Before the fix its spool watch woke itself.
#[test]
fn the_demo_rests_between_simulated_events() {
    let room = Room::new();
    let start = "2026-11-30T09:00:00+08:00";
    let mut pty = Pty::spawn(&room, &["demo", "--start", start, "--speed", "1"], 80, 24);
    pty.wait_text("DRILL", Duration::from_secs(20));
    // The shift so far is in, and the field has caught up with it.
    pty.wait_text("open 10", Duration::from_secs(10));
    let pid = pty.child.process_id().expect("the demo's pid");
    let share = common::cpu_share(pid, Duration::from_secs(10));
    eprintln!("idle demo: {:.2} % of a core", share * 100.0);
    assert!(
        share < 0.01,
        "the idle demo used {:.1} % of a core",
        share * 100.0
    );
    pty.keys("q");
    pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
    pty.keys("y");
    wait_for("the demo to exit", Duration::from_secs(10), || {
        pty.child.try_wait().unwrap().is_some()
    });
}

/// The database file renamed away under a running console: it says so at
/// once and writes nothing into the file that is no longer at the path.
#[test]
fn a_console_says_when_its_database_was_replaced() {
    let room = Room::new();
    let p = room.write("c.json", complaint("PTY-R").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut pty = Pty::spawn(&room, &[NOW, "tui"], 200, 50);
    pty.wait_text("● 12:00", Duration::from_secs(20));
    std::fs::rename(room.db(), room.path("moved.db")).unwrap();
    pty.wait_text(
        "was replaced or removed while in use",
        Duration::from_secs(5),
    );
    pty.wait_text("DATABASE REPLACED", Duration::from_secs(5));
    pty.keys("a");
    pty.wait_text("Log arrival #1", Duration::from_secs(5));
    pty.keys("\r");
    wait_for(
        "the form to close with the error",
        Duration::from_secs(5),
        || {
            let t = pty.text();
            !t.contains("Log arrival #1") && t.contains("was replaced or removed while in use")
        },
    );
    // Moved back, the file shows that nothing was written into it meanwhile.
    std::fs::rename(room.path("moved.db"), room.db()).unwrap();
    let show = room.json(&[NOW, "show", "1", "--json"]);
    assert_eq!(show["arrived_by"], serde_json::Value::Null, "{show}");
    pty.keys("q");
    pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
    pty.keys("y");
    wait_for("the console to exit", Duration::from_secs(10), || {
        pty.child.try_wait().unwrap().is_some()
    });
}

/// `gridwatch` with no command opens the dashboard in a terminal.
#[test]
fn no_command_opens_the_dashboard() {
    let room = Room::new();
    let p = room.write("c.json", complaint("PTY-NC").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut pty = Pty::spawn(&room, &[NOW], 120, 40);
    pty.wait_text("● 12:00", Duration::from_secs(20));
    pty.keys("q");
    pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
    pty.keys("y");
}

/// Two consoles on one database: an escalation shows as a banner on both,
/// whole at 80 columns with how to acknowledge it; `x` at one records the
/// acknowledgement and the other drops the banner too (issue #9).
#[test]
fn an_alert_acknowledged_at_one_console_leaves_every_console() {
    let room = Room::new();
    let p = room.write("c.json", complaint("PTY-A").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut narrow = Pty::spawn(&room, &[NOW, "tui"], 80, 24);
    let mut wide = Pty::spawn(&room, &[NOW, "tui"], 160, 40);
    for pty in [&narrow, &wide] {
        pty.wait_text("● 12:00", Duration::from_secs(20));
    }
    room.ok(&[
        NOW,
        "escalate",
        "1",
        "--reason",
        "the caller says nobody came",
    ]);
    for pty in [&narrow, &wide] {
        pty.wait_text(
            "ALERT #1 escalated by hand by tester",
            Duration::from_secs(5),
        );
    }
    // At 80 columns the banner wraps; its last sentence is whole.
    let banner = |text: String| -> String {
        let rows: Vec<String> = text
            .lines()
            .skip(1)
            .take(3)
            .map(|l| l.trim().to_string())
            .collect();
        rows.join(" ")
    };
    let want = "ALERT #1 escalated by hand by tester (reason: the caller says nobody came). \
                Alert for 蒋国栋 13693817444, 09:30. Press x to acknowledge it for every console.";
    wait_for(
        "the whole banner at 80 columns",
        Duration::from_secs(5),
        || banner(narrow.text()).starts_with(want),
    );
    narrow.keys("x");
    narrow.wait_text(
        "Alert acknowledged for every console",
        Duration::from_secs(5),
    );
    wait_for(
        "the other console to drop the banner",
        Duration::from_secs(5),
        || !wide.text().contains("ALERT #1"),
    );
    assert!(!narrow.text().contains("ALERT #1"));
    let show = room.json(&[NOW, "show", "1", "--json"]);
    let e = &show["escalations"][0];
    assert_eq!(e["acknowledged"]["by"], "pty-tester", "{show}");
    assert_eq!(e["acknowledged"]["at"], "2026-11-30T09:30:00+08:00");
    for pty in [&mut narrow, &mut wide] {
        pty.keys("q");
        pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
        pty.keys("y");
        wait_for("the console to exit", Duration::from_secs(10), || {
            pty.child.try_wait().unwrap().is_some()
        });
    }
}

/// An emergency incident by keyboard in a real terminal (#10): `i` on a
/// complaint opens one, the side panel shows its next step counting down,
/// the Incidents screen lists it, Enter opens its view, `A` Enter assigns
/// the grid's on-call officer, Space ticks step 1 and the next step's
/// countdown shows; all of it in the database.
#[test]
fn an_incident_from_a_complaint_by_keyboard() {
    let room = Room::new();
    let mut c = complaint("PTY-I");
    c["category"] = serde_json::json!("water");
    let p = room.write("c.json", c.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut pty = Pty::spawn(&room, &[NOW, "tui"], 120, 40);
    pty.wait_text("● 12:00", Duration::from_secs(20));
    pty.keys("i");
    pty.wait_text("Open incident from complaint #1", Duration::from_secs(5));
    pty.keys("\r");
    pty.wait_text("Incident #1 opened", Duration::from_secs(5));
    // Its view at once; P: the initial report's draft; s saves it here.
    pty.wait_text("Checklist", Duration::from_secs(5));
    pty.keys("P");
    pty.wait_text("Report draft #1", Duration::from_secs(5));
    pty.keys("s");
    pty.wait_text("Draft saved (not sent yet):", Duration::from_secs(5));
    let saved = room.path("incident-1-initial-20261130-0930.md");
    wait_for("the draft file", Duration::from_secs(5), || saved.exists());
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .starts_with("# Initial report")
    );
    pty.keys("\x1b");
    wait_for("the draft closed", Duration::from_secs(5), || {
        !pty.text().contains("Report draft #1")
    });
    pty.keys("\x1b");
    // Beside the complaints: step 1, due 30 min after 09:12.
    pty.wait_text("Active incidents", Duration::from_secs(5));
    pty.wait_text("step 1 ● 12:00", Duration::from_secs(5));
    pty.keys("3");
    pty.wait_text("Incidents (1)", Duration::from_secs(5));
    pty.keys("\r");
    pty.wait_text("Checklist", Duration::from_secs(5));
    pty.keys("A");
    pty.wait_text("Assign #1", Duration::from_secs(5));
    pty.keys("\r");
    pty.wait_text(", requested", Duration::from_secs(5));
    pty.keys(" ");
    pty.wait_text("Incident #1: step 1 done", Duration::from_secs(5));
    // Step 2 is due 10:12: its countdown, in the view.
    pty.wait_text("10:12 ● 42:00", Duration::from_secs(5));
    let store =
        gridwatch::store::SqliteStore::open(&room.db(), gridwatch::store::Durability::Normal)
            .unwrap();
    let d = gridwatch::store::Incidents::incident(&store, 1).unwrap();
    assert_eq!(d.row.complaint_id, Some(1));
    assert_eq!(d.personnel.len(), 1);
    assert!(d.steps[0].state.is_settled());
    assert_eq!(d.timeline.last().unwrap().actor, "pty-tester");
    pty.keys("q");
    pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
    pty.keys("y");
    wait_for("the console to exit", Duration::from_secs(10), || {
        pty.child.try_wait().unwrap().is_some()
    });
}

/// A shift handover by keyboard in a real terminal (#11): the header shows
/// the officer of `--officer`; `h` opens the sheet, → picks the incoming
/// officer, Enter records it (in the database, with its audit record) and
/// the header shows the incoming officer on duty.
#[test]
fn a_shift_handover_by_keyboard() {
    let room = Room::new();
    let p = room.write("c.json", complaint("PTY-H").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut pty = Pty::spawn(&room, &[NOW, "tui", "--officer", "O005"], 120, 40);
    pty.wait_text("● 12:00", Duration::from_secs(20));
    // At 120 columns the header says it short.
    pty.wait_text("◉ 崔志强", Duration::from_secs(5));
    pty.keys("h");
    pty.wait_text("## Open complaints (1)", Duration::from_secs(5));
    pty.wait_text("Outgoing: 崔志强 (O005)", Duration::from_secs(5));
    pty.keys("\x1b[C");
    pty.wait_text("Incoming: 杜卫东 (O001)", Duration::from_secs(5));
    pty.keys("\r");
    pty.wait_text(
        "Handover #1 recorded: 崔志强 (O005) → 杜卫东 (O001), now on duty.",
        Duration::from_secs(5),
    );
    pty.wait_text("◉ 杜卫东", Duration::from_secs(5));
    let store =
        gridwatch::store::SqliteStore::open(&room.db(), gridwatch::store::Durability::Normal)
            .unwrap();
    let h = gridwatch::store::Handovers::latest_handovers(&store).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!((h[0].from.as_str(), h[0].to.as_str()), ("O005", "O001"));
    assert!(h[0].sheet.contains("## Open complaints (1)"));
    let trail = gridwatch::store::AuditLog::audit_of(&store, "handover:1").unwrap();
    assert_eq!(trail[0].actor, "O005");
    assert_eq!(trail[0].details["to_name"], "杜卫东");
    pty.keys("q");
    pty.wait_text("Quit gridwatch?", Duration::from_secs(5));
    pty.keys("y");
    wait_for("the console to exit", Duration::from_secs(10), || {
        pty.child.try_wait().unwrap().is_some()
    });
}
