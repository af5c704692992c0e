//! What the report says about itself (#12 fixes): the CSV names its period
//! on every row, the escalation headers speak the interface language, the
//! JSON's special rows carry their words and a `kind`, and implausible
//! periods or a BOM outside CSV are refused in one line.

mod common;
use common::Room;
use serde_json::json;

const NOW: &str = "--now=2026-10-10T12:00:00+08:00";
const PERIOD: [&str; 4] = ["--from", "2026-07-01", "--to", "2026-09-30"];

fn report(room: &Room, args: &[&str]) -> String {
    let mut all = vec![NOW, "report"];
    all.extend_from_slice(&PERIOD);
    all.extend_from_slice(args);
    room.ok(&all)
}

/// One complaint with no grid, received 5 August.
fn room_with_one_unassigned() -> Room {
    let room = Room::new();
    let c = json!({
        "source": "hotline",
        "external_ref": "R1",
        "received_at": "2026-08-05T10:00:00+08:00",
        "category": "noise",
        "description": "report test",
        "location": {"address": "无名路1号"},
    });
    let p = room.write("c1.json", c.to_string());
    let at = "--now=2026-08-05T10:00:00+08:00";
    room.ok(&[at, "submit", p.to_str().unwrap()]);
    room.ok(&[at, "intake", "--once"]);
    room
}

#[test]
fn every_csv_row_names_the_period_and_when_it_was_counted() {
    let room = Room::new();
    for (lang, head) in [
        ("en", "period_from,period_to,counted_at"),
        ("zh", "时段起,时段止,统计时刻"),
    ] {
        let out = report(&room, &["--lang", lang, "--format", "csv"]);
        let mut lines = out.split("\r\n").take_while(|l| !l.is_empty());
        let header = lines.next().unwrap();
        assert!(header.ends_with(head), "{lang}: {header}");
        let rows: Vec<&str> = lines.collect();
        assert!(!rows.is_empty());
        for r in rows {
            assert!(
                r.ends_with(",2026-07-01,2026-09-30,2026-10-10T12:00:00+08:00"),
                "{lang}: {r}"
            );
        }
    }
}

#[test]
fn escalation_headers_are_in_the_interface_language() {
    let room = Room::new();
    let md = report(&room, &["--lang", "zh"]);
    assert!(
        md.contains("预警：已督办") && md.contains("超时：跳过"),
        "{md}"
    );
    let csv = report(&room, &["--lang", "zh", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    for english in ["warn", "breach", "critical"] {
        assert!(!header.contains(english), "{header}");
        assert!(!md.contains(&format!("{english} ")), "{english} in {md}");
    }
    // The English CSV keeps its stable keys.
    let en = report(&room, &["--format", "csv"]);
    assert!(
        en.lines()
            .next()
            .unwrap()
            .contains("warn_fired,warn_skipped"),
        "{en}"
    );
    assert!(report(&room, &[]).contains("warning: fired"));
}

#[test]
fn json_rows_other_than_grids_have_their_words_and_a_kind() {
    let room = room_with_one_unassigned();
    for (lang, no_grid, total) in [("en", "(no grid)", "Total"), ("zh", "（未定网格）", "合计")]
    {
        let v: serde_json::Value =
            serde_json::from_str(&report(&room, &["--lang", lang, "--format", "json"])).unwrap();
        assert_eq!(v["unassigned"]["name"], no_grid, "{v}");
        assert_eq!(v["unassigned"]["kind"], "unassigned");
        assert_eq!(v["unassigned"]["received"], 1);
        assert_eq!(v["totals"]["name"], total);
        assert_eq!(v["totals"]["kind"], "totals");
        assert_eq!(v["grids"][0]["kind"], "grid");
        assert_eq!(v["grids"][0]["name"], "城关镇");
    }
}

#[test]
fn implausible_periods_and_a_bom_outside_csv_are_refused() {
    let room = Room::new();
    for (from, to) in [("2026-07-01", "9999-12-31"), ("1999-12-31", "2026-01-31")] {
        let e = room.fails(1, &[NOW, "report", "--from", from, "--to", to]);
        assert!(e.contains("not within the years 2000 to 2099"), "{e}");
        assert_eq!(e.trim().lines().count(), 1, "{e}");
    }
    for format in ["md", "json"] {
        let mut args = vec![NOW, "report"];
        args.extend_from_slice(&PERIOD);
        args.extend_from_slice(&["--format", format, "--bom"]);
        let e = room.fails(1, &args);
        assert!(e.contains("--bom is for --format csv"), "{e}");
    }
    report(&room, &["--format", "csv", "--bom"]);
}
