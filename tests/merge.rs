//! Merging a duplicate into an earlier complaint (#11, DESIGN.md §5) on the
//! command line: both histories kept (trails on both, arrivals stay, still
//! a repeat), and every refusal exits 1 saying why.

use serde_json::{Value, json};

mod common;
use common::{NOW, Room, complaint};

/// #1 and #2 about enterprise E0102 (#2 a repeat of #1, reached at 09:30),
/// #3 about something else in another grid (no repeat).
fn room() -> Room {
    let room = Room::new();
    let mut second = complaint("A2");
    second["received_at"] = json!("2026-11-30T09:20:00+08:00");
    let mut third = complaint("A3");
    third["received_at"] = json!("2026-11-30T09:25:00+08:00");
    third["category"] = json!("noise");
    third.as_object_mut().unwrap().remove("enterprise");
    third["location"] = json!({"address": "城关镇西关村解放路12号"});
    let lines: String = [complaint("A1"), second, third]
        .iter()
        .map(|c| format!("{c}\n"))
        .collect();
    let p = room.write("three.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room.ok(&[NOW, "arrive", "2", "--officer", "O019"]);
    room
}

fn actions(v: &Value) -> Vec<String> {
    v["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_merge_keeps_both_histories_and_the_duplicate_stays_a_repeat() {
    let room = room();
    assert_eq!(room.json(&["show", "2", "--json"])["repeat_of"], 1);
    let said = room.ok(&[NOW, "merge", "2", "--into", "1"]);
    assert_eq!(
        said.trim(),
        "#2 merged into #1, a repeat of #1; its history is kept"
    );

    let dup = room.json(&["show", "2", "--json"]);
    assert_eq!(dup["status"], "merged");
    assert_eq!(dup["merged_into"], 1);
    assert_eq!(dup["repeat_of"], 1, "still counted as a repeat");
    assert_eq!(
        dup["arrivals"].as_array().unwrap().len(),
        1,
        "its arrival stays"
    );
    assert_eq!(dup["arrived_by"], "O019");
    assert!(actions(&dup).contains(&"complaint.arrived".into()));
    assert_eq!(actions(&dup).last().unwrap(), "complaint.merged");
    assert_eq!(dup["earlier"][0]["id"], 1);

    let first = room.json(&["show", "1", "--json"]);
    assert_eq!(first["status"], "received", "the earlier one is untouched");
    assert_eq!(actions(&first).last().unwrap(), "complaint.merged_in");
    assert_eq!(
        first["audit"].as_array().unwrap().last().unwrap()["details"]["from"],
        2
    );
    assert_eq!(first["merged_in"][0]["id"], 2);
    assert_eq!(first["repeat_count"], 1);
    // The earlier one's trail says what was merged into it, in words.
    let text = room.ok(&["show", "1"]);
    assert!(text.contains("#2 merged into this complaint"), "{text}");

    // A complaint that was no repeat joins the earlier one's chain.
    assert_eq!(
        room.json(&["show", "3", "--json"])["repeat_of"],
        Value::Null
    );
    room.ok(&[NOW, "merge", "3", "--into", "1"]);
    let third = room.json(&["show", "3", "--json"]);
    assert_eq!(
        (third["repeat_of"].clone(), third["merged_into"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(room.json(&["show", "1", "--json"])["repeat_count"], 2);
    // Nothing was deleted.
    assert_eq!(room.json(&["list", "--json"]).as_array().unwrap().len(), 3);
}

#[test]
fn merge_refusals_exit_1_and_say_which_complaint_to_use() {
    let room = room();
    let refused = |args: &[&str], says: &str| {
        let mut all = vec![NOW, "merge"];
        all.extend_from_slice(args);
        let err = room.fails(1, &all);
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("gridwatch:")).count(),
            1,
            "{err}"
        );
    };
    refused(&["1", "--into", "1"], "#1 cannot be merged into itself");
    refused(&["1", "--into", "2"], "#2 was received after #1");
    refused(&["2", "--into", "9"], "9");
    room.ok(&[NOW, "merge", "2", "--into", "1"]);
    refused(
        &["3", "--into", "2"],
        "#2 was itself merged into #1: merge into #1",
    );
    refused(
        &["2", "--into", "1"],
        "#2 is merged: only an open complaint can be merged",
    );
    room.ok(&[NOW, "reject", "3", "--reason", "not-in-remit"]);
    refused(&["3", "--into", "1"], "#3 is rejected");
    // An open complaint is never merged into a rejected one: it would
    // leave every list and be attended by nobody.
    room.ok(&[NOW, "reopen", "3", "--reason", "more detail came"]);
    room.ok(&[NOW, "reject", "1", "--reason", "not-in-remit"]);
    refused(
        &["3", "--into", "1"],
        "#1 was rejected: an open complaint merged into it would be attended by nobody",
    );
    // Refusals change nothing.
    assert_eq!(
        room.json(&["show", "3", "--json"])["merged_into"],
        Value::Null
    );
    assert_eq!(room.json(&["show", "3", "--json"])["status"], "reopened");
}

/// `show` labels a complaint's place in its chain: "Repeat of #1" on the
/// repeat, "Repeats" with the count of later ones on the original.
#[test]
fn show_says_repeat_of_on_a_repeat_and_repeats_on_the_original() {
    let room = room();
    let line = |out: &str, start: &str| -> String {
        out.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{start}: {out}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first = room.ok(&[NOW, "--lang", "en", "show", "1"]);
    assert_eq!(
        line(&first, "Repeats"),
        "Repeats 1 later complaint repeats this one"
    );
    assert!(!first.contains("Repeat of"), "{first}");
    let second = room.ok(&[NOW, "--lang", "en", "show", "2"]);
    assert_eq!(line(&second, "Repeat of"), "Repeat of #1");
    let third = room.ok(&[NOW, "--lang", "en", "show", "3"]);
    assert_eq!(line(&third, "Repeat of"), "Repeat of -");
    let first = room.ok(&[NOW, "--lang", "zh", "show", "1"]);
    assert_eq!(line(&first, "重复举报"), "重复举报 此后有 1 件重复举报");
    assert!(!first.contains("重复于"), "{first}");
    let second = room.ok(&[NOW, "--lang", "zh", "show", "2"]);
    assert_eq!(line(&second, "重复于"), "重复于 #1");
}
