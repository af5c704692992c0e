//! Plans and the inventory as `check-config` and the duty commands see them:
//! the shipped county loads them and says how many; a directory without
//! plans or inventory is warned about (and `--strict` fails); a broken plan
//! stops `check-config` but costs only itself for a duty command. The
//! mistakes themselves are fixtures in tests/fixtures/broken-config/plan-*,
//! inventory-* and bureau-* (run by tests/config_errors.rs).

use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{BIN, copy_dir, repo};

fn run(config: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--config")
        .arg(config)
        .args(["--now", "2026-11-30T09:00:00+08:00"])
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn the_shipped_county_counts_its_plans_and_depots() {
    // (--strict would fail on the calendar for 2027 not yet imported.)
    let out = run(&repo().join("config"), &["check-config"]);
    let said = text(&out.stdout);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{said}{err}");
    assert!(said.contains(", 5 plans, 5 depots;"), "{said}");
    assert!(!err.contains("plan") && !err.contains("inventory"), "{err}");
}

#[test]
fn no_plans_and_no_inventory_are_warnings_that_strict_fails_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures/config-min"), dir.path());
    let out = run(dir.path(), &["check-config"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(text(&out.stdout).contains("0 plans, 0 depots"));
    assert!(
        err.contains("/plans: no plans (*.toml): emergency incidents cannot be opened"),
        "{err}"
    );
    assert!(
        err.contains("/inventory.toml is missing: no depots"),
        "{err}"
    );

    let out = run(dir.path(), &["check-config", "--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--strict fails on warnings"));

    // An empty plans/ says the same.
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let out = run(dir.path(), &["check-config"]);
    assert!(text(&out.stderr).contains("no plans (*.toml)"));
}

#[test]
fn a_broken_plan_fails_check_config_but_costs_duty_commands_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("config"), dir.path());
    let broken = dir.path().join("plans/oil-spill.toml");
    let good = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(
        &broken,
        good.replace("due_minutes = 90", "due_minutes = -90"),
    )
    .unwrap();

    let out = run(dir.path(), &["check-config"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("plans/oil-spill.toml:") && err.contains("due_minutes = -90"),
        "{err}"
    );

    let out = run(dir.path(), &["calendar", "show", "2026"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("oil-spill.toml") && err.contains("this plan is left out"),
        "{err}"
    );
}

#[test]
fn a_plan_needing_items_the_catalogue_lacks_is_an_error_but_without_a_catalogue_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("config"), dir.path());
    let inventory = dir.path().join("inventory.toml");
    let text_of = std::fs::read_to_string(&inventory).unwrap();
    std::fs::write(
        &inventory,
        text_of.replace("id = \"oil_skimmer\"", "id = \"skimmer\""),
    )
    .unwrap();
    let out = run(dir.path(), &["check-config"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("plans/oil-spill.toml:")
            && err.contains("item 'oil_skimmer' is not in the catalogue of inventory.toml"),
        "{err}"
    );
    assert!(err.contains("depot D-T02: item 'oil_skimmer' is not an [[item]] of this file"));

    // Without inventory.toml the plans' items cannot be checked: a warning.
    std::fs::remove_file(&inventory).unwrap();
    let out = run(dir.path(), &["check-config"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("5 plans, 0 depots"));
    let out = run(dir.path(), &["check-config", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
}

/// Attacker's findings: a device or FIFO named like a plan hung or ate all
/// memory; one badly named plan file hid the others' errors and stopped
/// complaint intake; a broken inventory stopped every command.
#[test]
fn odd_files_in_plans_are_refused_by_name_and_cost_only_themselves() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("config"), dir.path());
    let plans = dir.path().join("plans");
    std::os::unix::fs::symlink("/dev/zero", plans.join("zero.toml")).unwrap();
    let fifo = plans.join("fifo.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink(plans.join("gone"), plans.join("dangling.toml")).unwrap();
    std::fs::copy(plans.join("oil-spill.toml"), plans.join("Abc.toml")).unwrap();
    let bad_name = std::ffi::OsStr::from_bytes(b"\xff\xfe.toml");
    std::fs::copy(plans.join("oil-spill.toml"), plans.join(bad_name)).unwrap();

    let out = run(dir.path(), &["check-config"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for said in [
        "zero.toml: not a regular file",
        "fifo.toml: not a regular file",
        "dangling.toml: a symbolic link to nothing",
        "its file name is not valid UTF-8",
        "Abc.toml",
    ] {
        assert!(err.contains(said), "{said} in {err}");
    }

    // Duty commands go on without those plans, saying so.
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    let out = run(dir.path(), &["--db", db, "init"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("this plan is left out"), "{err}");
    let out = run(dir.path(), &["--db", db, "incident", "plans"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("water-pollution"));
}

#[test]
fn a_broken_inventory_costs_the_depots_not_the_duty_room() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("config"), dir.path());
    std::fs::write(dir.path().join("inventory.toml"), "[[depot]\nid = ").unwrap();
    let out = run(dir.path(), &["check-config"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("inventory.toml:"));
    let db = dir.path().join("x.db");
    let out = run(dir.path(), &["--db", db.to_str().unwrap(), "init"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("the inventory is left out"), "{err}");
}

/// A plan's name with terminal escapes and a bidi override prints defused
/// in `incident plans` (the one place an attacker saw them raw).
#[test]
fn a_plan_name_with_escapes_prints_defused() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("config"), dir.path());
    let p = dir.path().join("plans/oil-spill.toml");
    let toml = std::fs::read_to_string(&p).unwrap();
    let toml = toml.replacen(
        "name = \"",
        "name = \"Oil \\u001b[31mRED\\u001b[0m \\u202eREV\\u202c ",
        1,
    );
    std::fs::write(&p, toml).unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    assert!(run(dir.path(), &["--db", db, "init"]).status.success());
    let out = run(dir.path(), &["--db", db, "incident", "plans"]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(said.contains("RED"), "{said}");
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{202e}'),
        "{said:?}"
    );
}
