//! roster.toml edited while a console runs (#11), in a real pseudo-terminal:
//! a file that does not validate is refused — the On-call screen says so
//! with file:line and keeps showing the roster in force — and a good one is
//! taken up within seconds, without a restart.

use std::time::Duration;

mod common;
use common::Room;
use common::pty::Pty;

/// Write `text` over `path` as an editor that saves safely does: a new
/// file renamed over the old, so the console never reads half of it.
fn save(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("toml.new");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// T01's row on the On-call screen at 200 columns from its name on: the
/// Name column is as wide as the longest grid name there (24 cells).
fn t01(primary: &str) -> String {
    format!("城关镇{}{primary}", " ".repeat(24 - 6 + 1))
}

#[test]
fn a_bad_roster_is_refused_with_its_line_and_a_good_one_taken_up_while_running() {
    let room = Room::new();
    let path = room.path("config/roster.toml");
    let shipped = std::fs::read_to_string(&path).unwrap();
    let mut pty = Pty::spawn(&room, &["--now=2026-12-01T17:30:00+08:00", "tui"], 200, 50);
    pty.wait_text("intake DOWN", Duration::from_secs(20));
    pty.keys("4");
    // T01's weekday day duty: O009 邓海燕 primary.
    pty.wait_text(&t01("邓海燕 13917874421"), Duration::from_secs(10));

    let line = shipped
        .lines()
        .position(|l| l == "primary = \"O009\"")
        .unwrap()
        + 1;
    save(
        &path,
        &shipped.replacen("primary = \"O009\"", "primary = \"O999\"", 1),
    );
    pty.wait_text("roster.toml refused", Duration::from_secs(10));
    let screen = pty.text();
    assert!(
        screen.contains(&format!(
            "roster.toml:{line}: officer 'O999' is not in officers.toml"
        )),
        "{screen}"
    );
    assert!(
        screen.contains(&t01("邓海燕 13917874421")),
        "the roster in force is kept:\n{screen}"
    );

    save(
        &path,
        &shipped.replacen("primary = \"O009\"", "primary = \"O012\"", 1),
    );
    pty.wait_text(&t01("郝晓明 13578061052"), Duration::from_secs(8));
    let screen = pty.text();
    assert!(!screen.contains("roster.toml refused"), "{screen}");
    pty.keys("q");
    pty.keys("y");
    let _ = pty.child.wait();
}

/// grids.geojson broken while a console runs (#12): the Map screen says it
/// was refused with file:line, and keeps drawing the boundaries in force.
#[test]
fn a_broken_grids_geojson_is_said_on_the_map_screen() {
    let room = Room::new();
    let path = room.path("config/grids.geojson");
    let shipped = std::fs::read_to_string(&path).unwrap();
    let mut pty = Pty::spawn(&room, &["--now=2026-12-01T17:30:00+08:00", "tui"], 200, 50);
    pty.wait_text("intake DOWN", Duration::from_secs(20));
    pty.keys("8");
    pty.wait_text("↑/↓ j/k", Duration::from_secs(10));
    save(
        &path,
        "{\"type\": \"FeatureCollection\",\n \"features\": [oops\n",
    );
    pty.wait_text("grids.geojson refused", Duration::from_secs(10));
    let screen = pty.text();
    assert!(
        screen.contains("grids.geojson:2") && screen.contains("column 15"),
        "{screen}"
    );
    assert!(!screen.contains("No grid boundaries"), "kept:\n{screen}");
    save(&path, &shipped);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while pty.text().contains("grids.geojson refused") {
        assert!(std::time::Instant::now() < deadline, "{}", pty.text());
        std::thread::yield_now();
    }
    pty.keys("q");
    pty.keys("y");
    let _ = pty.child.wait();
}
