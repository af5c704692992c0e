//! Broken configurations (tests/fixtures/broken-config/CASE/) overlaid on a
//! minimal valid one: `check-config` must exit 1 and print every error with
//! file:line, exactly as in CASE/expected.txt (paths shown under `config/`).
//! Set GRIDWATCH_BLESS=1 to rewrite expected.txt after a deliberate change.

use std::path::Path;

mod common;
use common::{BIN, copy_dir, repo};

fn check(case: &Path) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config");
    copy_dir(&repo().join("tests/fixtures/config-min"), &cfg);
    copy_dir(case, &cfg);
    let _ = std::fs::remove_file(cfg.join("expected.txt"));
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .arg("check-config")
        .output()
        .unwrap();
    let prefix = format!("{}/", cfg.display());
    let stderr = String::from_utf8_lossy(&out.stderr)
        .replace(&prefix, "config/")
        .replace(&cfg.display().to_string(), "config");
    (out.status.code(), stderr)
}

#[test]
fn the_minimal_fixture_is_valid() {
    let dir = repo().join("tests/fixtures/config-min");
    let out = std::process::Command::new(BIN)
        .arg("--config")
        .arg(&dir)
        .arg("check-config")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_broken_config_names_file_and_line() {
    let root = repo().join("tests/fixtures/broken-config");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 7);
    let bless = std::env::var_os("GRIDWATCH_BLESS").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let (code, stderr) = check(&case);
        assert_eq!(code, Some(1), "{}: exit code\n{stderr}", case.display());
        let expected_path = case.join("expected.txt");
        if bless {
            std::fs::write(&expected_path, &stderr).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != stderr {
            failures.push(format!(
                "== {}\n-- expected\n{expected}-- got\n{stderr}",
                case.display()
            ));
        }
        for line in stderr.lines().filter(|l| !l.contains(" error")) {
            assert!(
                line.starts_with("config/"),
                "{}: every line names its file: {line}",
                case.display()
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A FIFO put where enterprises.toml was (a botched edit, an attack) is
/// refused unread when the register is read again while running: reading
/// it would block the daemon's job (and its shutdown) for ever.
#[test]
fn a_fifo_named_enterprises_toml_is_refused_unread_on_reload() {
    use gridwatch::config::{Config, ConfigSource, register};
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config");
    common::copy_dir(&common::repo().join("config"), &cfg);
    let config = Config::load(ConfigSource::Dir(cfg.clone())).unwrap();
    let file = cfg.join("enterprises.toml");
    std::fs::remove_file(&file).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(register::read(&config).map(|r| r.len()));
    });
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("reading the register returned");
    let errors = got.expect_err("a FIFO is refused");
    assert!(
        errors[0].to_string().contains("not a regular file"),
        "{errors:?}"
    );
}
