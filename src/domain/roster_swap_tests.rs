//! Who is on call, across shift boundaries, midnight, the week's wrap, an
//! override, a holiday and the swaps of the database.

use chrono::{NaiveDate, Weekday};

use super::*;
use crate::domain::roster::tests::{at, g, roster};
use crate::domain::roster::{Days, Duty, Override};

fn tree() -> GridTree {
    GridTree::new([
        g("C00", None),
        g("T01", Some("C00")),
        g("T02", Some("C00")),
        g("T02-V01", Some("T02")),
    ])
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The test roster, with T02 held by day on weekdays by "WD", on Sunday
/// nights by "SUN" and on Monday nights by "MON".
fn week() -> Roster {
    let mut r = roster();
    let duty = |days: &[Weekday], shift: &str, who: &str| Duty {
        grid: "T02".into(),
        days: days.iter().copied().collect::<Days>(),
        shift: shift.into(),
        primary: who.into(),
        backup: Some(format!("{who}-B")),
        leader: Some(format!("{who}-L")),
    };
    use Weekday::*;
    r.duties.push(duty(&[Mon, Tue, Wed, Thu, Fri], "day", "WD"));
    r.duties.push(duty(&[Sun], "night", "SUN"));
    r.duties.push(duty(&[Mon], "night", "MON"));
    r
}

fn swap(id: i64, grid: &str, shift: &str, d: &str, role: Role, who: &str) -> Swap {
    Swap {
        id,
        grid: grid.into(),
        shift: shift.into(),
        shift_date: date(d),
        role,
        officer: who.into(),
        replaces: None,
        reason: format!("swap {id}"),
    }
}

fn primary(r: &Roster, swaps: &[Swap], grid: &str, when: &str) -> Option<String> {
    r.on_call(&tree(), swaps, grid, at(when))
        .map(|oc| oc.primary)
}

#[test]
fn the_shift_changes_at_its_boundary_to_the_minute() {
    let r = week();
    // Tue 2026-12-01: day until 18:00, then T02 has no Tuesday night: the city's.
    assert_eq!(
        primary(&r, &[], "T02", "2026-12-01 17:59").as_deref(),
        Some("WD")
    );
    assert_eq!(
        primary(&r, &[], "T02", "2026-12-01 18:00").as_deref(),
        Some("O2")
    );
    let oc = r
        .on_call(&tree(), &[], "T02", at("2026-12-01 18:00"))
        .unwrap();
    assert_eq!((oc.duty_grid.as_str(), oc.shift.as_str()), ("C00", "night"));
}

#[test]
fn a_night_shift_runs_past_midnight_on_the_date_it_started() {
    let r = week();
    // Mon 30 Nov 23:59 and Tue 1 Dec 00:00 and 07:59: Monday's night.
    for t in ["2026-11-30 23:59", "2026-12-01 00:00", "2026-12-01 07:59"] {
        let oc = r.on_call(&tree(), &[], "T02", at(t)).unwrap();
        assert_eq!(oc.primary, "MON", "{t}");
        assert_eq!(oc.shift_date, date("2026-11-30"), "{t}");
    }
    assert_eq!(
        primary(&r, &[], "T02", "2026-12-01 08:00").as_deref(),
        Some("WD")
    );
}

#[test]
fn sunday_night_wraps_into_monday_morning() {
    let r = week();
    // Sun 6 Dec 22:00 → Mon 7 Dec 07:59 is Sunday's night; Mon 08:00 the week's first day.
    assert_eq!(
        primary(&r, &[], "T02", "2026-12-06 22:00").as_deref(),
        Some("SUN")
    );
    let oc = r
        .on_call(&tree(), &[], "T02", at("2026-12-07 07:59"))
        .unwrap();
    assert_eq!(
        (oc.primary.as_str(), oc.shift_date),
        ("SUN", date("2026-12-06"))
    );
    assert_eq!(
        primary(&r, &[], "T02", "2026-12-07 08:00").as_deref(),
        Some("WD")
    );
    // The next shift after Sunday's night is Monday's day.
    let next = r.slot_after(at("2026-12-07 03:00")).unwrap();
    assert_eq!(
        (next.shift.as_str(), next.date),
        ("day", date("2026-12-07"))
    );
    assert_eq!(next.start, at("2026-12-07 08:00"));
}

#[test]
fn an_override_of_roster_toml_applies_to_its_shift_only() {
    let r = roster();
    let oc = r
        .on_call(&tree(), &[], "T01", at("2026-12-07 20:00"))
        .unwrap();
    assert_eq!(oc.primary, "O9");
    assert_eq!(oc.override_reason.as_deref(), Some("swap"));
    let oc = r
        .on_call(&tree(), &[], "T01", at("2026-12-14 20:00"))
        .unwrap();
    assert_eq!((oc.primary.as_str(), oc.override_reason), ("O3", None));
}

#[test]
fn a_holiday_changes_nothing_unless_an_override_says_so() {
    // 1 Oct 2026 (National Day) is a Thursday: the roster follows the
    // weekday, whatever the holiday calendar says of the day.
    let mut r = week();
    let holiday = primary(&r, &[], "T02", "2026-10-01 10:00");
    let thursday = primary(&r, &[], "T02", "2026-10-08 10:00");
    assert_eq!(
        (holiday.as_deref(), thursday.as_deref()),
        (Some("WD"), Some("WD"))
    );
    r.overrides.push(Override {
        grid: "T02".into(),
        date: date("2026-10-01"),
        shift: "day".into(),
        primary: Some("HOL".into()),
        backup: None,
        leader: None,
        reason: "National Day duty".into(),
    });
    assert_eq!(
        primary(&r, &[], "T02", "2026-10-01 10:00").as_deref(),
        Some("HOL")
    );
    assert_eq!(
        primary(&r, &[], "T02", "2026-10-08 10:00").as_deref(),
        Some("WD")
    );
}

#[test]
fn a_swap_of_the_database_wins_over_roster_toml_and_the_latest_wins() {
    let r = roster();
    // Over an override of roster.toml (T01, Mon 7 Dec night: O9).
    let swaps = [
        swap(1, "T01", "night", "2026-12-07", Role::Primary, "S1"),
        swap(2, "T01", "night", "2026-12-07", Role::Primary, "S2"),
        swap(3, "T01", "night", "2026-12-08", Role::Primary, "OTHER-DAY"),
    ];
    let oc = r
        .on_call(&tree(), &swaps, "T01", at("2026-12-08 02:00"))
        .unwrap();
    assert_eq!(oc.primary, "S2");
    assert_eq!(
        oc.backup.as_deref(),
        Some("O4"),
        "only the role swapped changes"
    );
    assert_eq!(oc.swaps.len(), 1);
    assert_eq!((oc.swaps[0].id, oc.swaps[0].reason.as_str()), (2, "swap 2"));
    // A swap back is a new row: the latest wins.
    let mut more = swaps.to_vec();
    more.push(swap(4, "T01", "night", "2026-12-07", Role::Primary, "O9"));
    assert_eq!(
        primary(&r, &more, "T01", "2026-12-07 20:00").as_deref(),
        Some("O9")
    );
}

#[test]
fn a_swap_covers_the_grids_below_it_up_to_the_duty_grid() {
    let r = week();
    // T02-V01 has no duty: T02's applies (WD). A swap on T02 reaches the
    // village; a swap on the village stays there; a swap on the city does
    // not reach T02, which has its own duty.
    let on_t02 = [swap(1, "T02", "day", "2026-12-01", Role::Leader, "L-NEW")];
    let oc = r
        .on_call(&tree(), &on_t02, "T02-V01", at("2026-12-01 10:00"))
        .unwrap();
    assert_eq!(
        (oc.duty_grid.as_str(), oc.leader.as_deref()),
        ("T02", Some("L-NEW"))
    );
    let on_v01 = [swap(2, "T02-V01", "day", "2026-12-01", Role::Primary, "V")];
    assert_eq!(
        primary(&r, &on_v01, "T02-V01", "2026-12-01 10:00").as_deref(),
        Some("V")
    );
    assert_eq!(
        primary(&r, &on_v01, "T02", "2026-12-01 10:00").as_deref(),
        Some("WD")
    );
    let on_city = [swap(3, "C00", "day", "2026-12-01", Role::Primary, "CITY")];
    assert_eq!(
        primary(&r, &on_city, "T02", "2026-12-01 10:00").as_deref(),
        Some("WD")
    );
    assert_eq!(
        primary(&r, &on_city, "T01", "2026-12-01 10:00").as_deref(),
        Some("CITY")
    );
}

#[test]
fn gaps_are_every_grid_and_slot_with_nobody_and_a_swap_fills_one() {
    // Only T02 has duties: the city and T01 have nobody on Tuesday night.
    let mut r = week();
    r.duties.retain(|d| d.grid == "T02");
    let (from, to) = (at("2026-12-01 09:00"), at("2026-12-02 09:00"));
    let gaps = r.gaps(&tree(), &[], from, to);
    let named: Vec<(&str, &str, NaiveDate)> = gaps
        .iter()
        .map(|g| (g.grid.as_str(), g.shift.as_str(), g.date))
        .collect();
    let tue = date("2026-12-01");
    let wed = date("2026-12-02");
    assert_eq!(
        named,
        [
            ("C00", "day", tue),
            ("T01", "day", tue),
            ("C00", "night", tue),
            ("T01", "night", tue),
            ("T02", "night", tue),
            ("T02-V01", "night", tue),
            ("C00", "day", wed),
            ("T01", "day", wed),
        ]
    );
    assert_eq!(gaps[0].start, from, "the running shift's gap starts now");
    let filled = [swap(1, "C00", "night", "2026-12-01", Role::Primary, "X")];
    let gaps = r.gaps(&tree(), &filled, from, to);
    assert!(!gaps.iter().any(|g| g.shift == "night"), "{gaps:?}");
    let oc = r
        .on_call(&tree(), &filled, "T02-V01", at("2026-12-01 23:00"))
        .unwrap();
    assert_eq!((oc.primary.as_str(), oc.duty_grid.as_str()), ("X", "C00"));
}
