//! A drill rehearses the dispatch but never takes what a real incident
//! needs: its movements are recorded and shown, not counted against the
//! depots (a stranger saw a closed drill keep 100 m of oil boom out, and a
//! real oil spill refused).

mod common;
use common::{NOW, Room};

fn open(room: &Room, extra: &[&str]) {
    let mut args = vec![
        NOW,
        "incident",
        "open",
        "--plan",
        "oil-spill",
        "--grid",
        "T02",
        "--level",
        "IV",
    ];
    args.extend_from_slice(extra);
    room.ok(&args);
}

#[test]
fn a_drill_dispatch_leaves_the_stock_to_real_incidents() {
    let room = Room::new();
    open(&room, &["--drill"]);
    open(&room, &[]);
    // The drill takes 150 m of the 200 at D-T02, and never returns them.
    let said = room.ok(&[
        NOW,
        "incident",
        "equip",
        "1",
        "oil_boom",
        "--dispatched",
        "150",
        "--depot",
        "D-T02",
    ]);
    assert!(said.contains("150"), "{said}");
    room.ok(&[NOW, "incident", "close", "1"]);
    // The real spill still has all 200.
    room.ok(&[
        NOW,
        "incident",
        "equip",
        "2",
        "oil_boom",
        "--dispatched",
        "200",
        "--depot",
        "D-T02",
    ]);
    // The drill's movement is still on its record.
    let v = room.json(&[NOW, "incident", "show", "1", "--json"]);
    let rows = v["equipment"].as_array().unwrap();
    assert!(
        rows.iter()
            .any(|r| r["item"] == "oil_boom" && r["dispatched"] == 150),
        "{rows:?}"
    );
    // And now a real dispatch over what is left is refused.
    let err = room.fails(
        1,
        &[
            NOW,
            "incident",
            "equip",
            "2",
            "oil_boom",
            "--dispatched",
            "1",
            "--depot",
            "D-T02",
        ],
    );
    assert!(err.contains("D-T02"), "{err}");
}
