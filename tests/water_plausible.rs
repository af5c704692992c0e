//! What `gridwatch water` refuses as implausible, and what it says (#12
//! fixes): a period backwards or outside 2000–2099, a reading before 2000
//! or above a parameter's ceiling, an oversized CSV named as what it is,
//! every mistake of a row reported, quoted fields spanning lines, and the
//! township verdicts in the plain output.

mod common;
use common::Room;

const NOW: &str = "--now=2026-12-01T09:00:00+08:00";

fn write(room: &Room, name: &str, text: &str) -> String {
    let p = room.path(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn a_backwards_or_implausible_period_is_refused_as_report_refuses_it() {
    let room = Room::new();
    let e = room.fails(
        1,
        &[NOW, "water", "--from", "2026-11-30", "--to", "2026-11-01"],
    );
    assert!(
        e.contains("the period starts after it ends: --from 2026-11-30 is after --to 2026-11-01"),
        "{e}"
    );
    let e = room.fails(
        1,
        &[NOW, "water", "--from", "1999-12-01", "--to", "2000-01-31"],
    );
    assert!(e.contains("not within the years 2000 to 2099"), "{e}");
}

#[test]
fn a_reading_before_2000_or_absurdly_high_is_refused() {
    let room = Room::new();
    for at in ["0000-01-01 00:00", "1900-06-01 10:00"] {
        let e = room.fails(
            1,
            &[NOW, "water", "add", "S01", "--at", at, "--class", "II"],
        );
        assert!(e.contains("before 2000"), "{at}: {e}");
    }
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S01",
            "--at",
            "2026-11-01 10:00",
            "--param",
            "COD=1e308",
        ],
    );
    assert!(e.contains("COD = 1e308 is above 1e5 mg/L"), "{e}");
    let e = room.fails(
        1,
        &[
            NOW,
            "water",
            "add",
            "S01",
            "--at",
            "2026-12-02 10:00",
            "--class",
            "II",
        ],
    );
    assert!(e.contains("in the future"), "{e}");
}

#[test]
fn an_import_reports_every_mistake_and_takes_fields_over_two_lines() {
    let room = Room::new();
    let bad = write(&room, "bad.csv", "section,sampled_at,class\nS91,bad,VI\n");
    let e = room.fails(1, &[NOW, "water", "import", &bad]);
    assert!(e.contains("bad.csv:2:1: no section 'S91'"), "{e}");
    assert!(e.contains("bad.csv:2:2: 'bad' is not a time"), "{e}");
    assert!(e.contains("bad.csv:2:3: 'VI' is not a class"), "{e}");
    assert!(e.contains("3 errors in"), "{e}");

    // A quoted field may hold a line break (RFC 4180): the row is line 2.
    let two = write(
        &room,
        "two.csv",
        "section,sampled_at,class\n\"S01\n\",2026-11-05 10:00,II\nS02,2026-11-05 10:00,III\n",
    );
    let out = room.ok(&[NOW, "water", "import", &two]);
    assert!(out.contains("2 readings recorded"), "{out}");

    // An unclosed quote: one error, at the line that opened it.
    let open = write(
        &room,
        "open.csv",
        "section,sampled_at,class\n\"S01,2026-11-05 10:00,II\nS02,2026-11-05 10:00,III\n",
    );
    let e = room.fails(1, &[NOW, "water", "import", &open]);
    assert!(
        e.contains("open.csv:2: a quoted field is not closed"),
        "{e}"
    );
    assert!(e.contains("1 error in"), "{e}");

    // Over 4 MiB: named as what it is.
    let big = write(&room, "big.csv", &"x".repeat((4 << 20) + 1));
    let e = room.fails(1, &[NOW, "water", "import", &big]);
    assert!(e.contains("a water-readings CSV is at most"), "{e}");
}

#[test]
fn the_plain_output_gives_each_townships_verdict() {
    let room = Room::new();
    room.ok(&[
        NOW,
        "water",
        "add",
        "S01",
        "--at",
        "2026-11-05 10:00",
        "--class",
        "劣V",
    ]);
    let out = room.ok(&[NOW, "water", "--from", "2026-11-01", "--to", "2026-11-30"]);
    assert!(out.contains("Townships over the period"), "{out}");
    assert!(out.contains("  T01 城关镇: ✖ fail"), "{out}");
    let zh = room.ok(&[
        NOW,
        "--lang",
        "zh",
        "water",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
    ]);
    assert!(zh.contains("各乡镇本时段结论"), "{zh}");
    assert!(zh.contains("  T01 城关镇：✖ 未达标"), "{zh}");
}
