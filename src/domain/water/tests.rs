use rstest::rstest;

use super::*;

fn class(code: &str, value: f64) -> Class {
    class_of(gb3838::find(code).unwrap(), value)
}

fn read(given: &[(&str, f64)]) -> Result<Option<Classed>, WaterError> {
    let given: Vec<(String, f64)> = given.iter().map(|(c, v)| (c.to_string(), *v)).collect();
    Ok(classify(&parameters(&given)?))
}

#[rstest]
// Ammonia nitrogen: each limit belongs to its class, a hair above to the next.
#[case("NH3-N", 0.0, Class::I)]
#[case("NH3-N", 0.15, Class::I)]
#[case("NH3-N", 0.16, Class::II)]
#[case("NH3-N", 0.5, Class::II)]
#[case("NH3-N", 0.51, Class::III)]
#[case("NH3-N", 1.0, Class::III)]
#[case("NH3-N", 1.2, Class::IV)]
#[case("NH3-N", 1.5, Class::IV)]
#[case("NH3-N", 2.0, Class::V)]
#[case("NH3-N", 2.01, Class::WorseThanV)]
// COD: I and II share 15.
#[case("COD", 15.0, Class::I)]
#[case("COD", 15.5, Class::III)]
#[case("COD", 20.0, Class::III)]
#[case("COD", 30.0, Class::IV)]
#[case("COD", 40.0, Class::V)]
#[case("COD", 40.1, Class::WorseThanV)]
// Dissolved oxygen: higher is better, the limit belongs to the better class.
#[case("DO", 9.0, Class::I)]
#[case("DO", 7.5, Class::I)]
#[case("DO", 7.4, Class::II)]
#[case("DO", 6.0, Class::II)]
#[case("DO", 5.9, Class::III)]
#[case("DO", 5.0, Class::III)]
#[case("DO", 3.0, Class::IV)]
#[case("DO", 2.0, Class::V)]
#[case("DO", 1.9, Class::WorseThanV)]
// pH: 6–9 whatever the class, outside is worse than V.
#[case("pH", 6.0, Class::I)]
#[case("pH", 7.4, Class::I)]
#[case("pH", 9.0, Class::I)]
#[case("pH", 5.9, Class::WorseThanV)]
#[case("pH", 9.1, Class::WorseThanV)]
// Total phosphorus (rivers), mercury, fecal coliform per litre.
#[case("TP", 0.02, Class::I)]
#[case("TP", 0.2, Class::III)]
#[case("TP", 0.41, Class::WorseThanV)]
#[case("Hg", 0.00005, Class::I)]
#[case("Hg", 0.0001, Class::III)]
#[case("Hg", 0.0011, Class::WorseThanV)]
#[case("FC", 2000.0, Class::II)]
#[case("FC", 40000.0, Class::V)]
#[case("CODMn", 6.0, Class::III)]
#[case("BOD5", 3.0, Class::I)]
#[case("Cu", 0.5, Class::II)]
fn each_class_boundary(#[case] code: &str, #[case] value: f64, #[case] expected: Class) {
    assert_eq!(class(code, value), expected, "{code} = {value}");
}

#[test]
fn the_worst_parameter_sets_the_class_and_is_kept() {
    let c = read(&[("pH", 7.2), ("DO", 6.5), ("NH3-N", 1.2), ("COD", 18.0)])
        .unwrap()
        .unwrap();
    assert_eq!(c.class, Class::IV);
    assert_eq!(c.worst, Some("NH3-N"));
    // Equals: the first in the standard's order (COD before NH3-N).
    let c = read(&[("NH3-N", 0.9), ("COD", 19.0)]).unwrap().unwrap();
    assert_eq!((c.class, c.worst), (Class::III, Some("COD")));
    // All class I: no parameter is named.
    let c = read(&[("DO", 8.0), ("NH3-N", 0.1)]).unwrap().unwrap();
    assert_eq!((c.class, c.worst), (Class::I, None));
    // pH out of range makes any reading worse than V.
    let c = read(&[("DO", 8.0), ("pH", 10.0)]).unwrap().unwrap();
    assert_eq!((c.class, c.worst), (Class::WorseThanV, Some("pH")));
}

#[test]
fn codes_are_read_in_any_ascii_case_or_by_chinese_name() {
    let c = read(&[("nh3-n", 1.2), ("化学需氧量", 25.0)])
        .unwrap()
        .unwrap();
    assert_eq!((c.class, c.worst), (Class::IV, Some("COD")));
}

#[test]
fn unknown_codes_bad_values_and_repeats_are_refused() {
    let e = read(&[("NH4", 1.0)]).unwrap_err();
    assert!(
        matches!(&e, WaterError::UnknownParam { code, known } if code == "NH4" && known.contains("NH3-N"))
    );
    assert!(e.to_string().contains("pH, DO, CODMn"), "{e}");
    assert!(matches!(
        read(&[("COD", -1.0)]),
        Err(WaterError::BadValue { .. })
    ));
    assert!(matches!(
        read(&[("COD", f64::NAN)]),
        Err(WaterError::BadValue { .. })
    ));
    assert!(matches!(
        read(&[("pH", 15.0)]),
        Err(WaterError::BadPh { .. })
    ));
    assert!(matches!(
        read(&[("COD", 1e308)]),
        Err(WaterError::TooHigh { .. })
    ));
    assert!(matches!(
        read(&[("FC", 2e10)]),
        Err(WaterError::TooHigh { .. })
    ));
    assert!(read(&[("COD", 1e5), ("FC", 1e9)]).is_ok());
    assert!(matches!(
        read(&[("COD", 1.0), ("cod", 2.0)]),
        Err(WaterError::Twice { .. })
    ));
    assert_eq!(read(&[]).unwrap(), None);
}

#[rstest]
#[case("III", Some(Class::III))]
#[case("Ⅲ", Some(Class::III))]
#[case("Ⅲ类", Some(Class::III))]
#[case("II类", Some(Class::II))]
#[case(" IV ", Some(Class::IV))]
#[case("劣V", Some(Class::WorseThanV))]
#[case("劣Ⅴ类", Some(Class::WorseThanV))]
#[case("劣IV", None)]
#[case("VI", None)]
#[case("iii", None)]
#[case("3", None)]
fn classes_are_written_as_roman_numerals(#[case] text: &str, #[case] expected: Option<Class>) {
    assert_eq!(Class::parse(text), expected);
}

#[test]
fn classes_display_both_ways_and_round_trip() {
    assert_eq!((Class::III.roman(), Class::III.zh()), ("III", "Ⅲ类"));
    assert_eq!(
        (Class::WorseThanV.roman(), Class::WorseThanV.zh()),
        ("劣V", "劣Ⅴ类")
    );
    for c in Class::ALL {
        assert_eq!(Class::parse(c.roman()), Some(c));
        assert_eq!(Class::parse(c.zh()), Some(c));
        assert_eq!(Class::from_number(i64::from(c.number())), Some(c));
    }
    assert_eq!(Class::from_number(0), None);
    assert_eq!(Class::from_number(7), None);
}

#[test]
fn months_pass_at_or_better_than_the_target_and_need_data() {
    assert_eq!(
        month_verdict(Some(Class::III), Class::III),
        MonthVerdict::Pass
    );
    assert_eq!(
        month_verdict(Some(Class::II), Class::III),
        MonthVerdict::Pass
    );
    assert_eq!(
        month_verdict(Some(Class::IV), Class::III),
        MonthVerdict::Fail
    );
    assert_eq!(
        month_verdict(Some(Class::WorseThanV), Class::V),
        MonthVerdict::Fail
    );
    assert_eq!(month_verdict(None, Class::III), MonthVerdict::NoData);
}

#[test]
fn a_period_fails_on_any_failed_month_and_is_incomplete_without_data() {
    use MonthVerdict::*;
    assert_eq!(period_verdict(&[Pass, Pass, Pass]), PeriodVerdict::Pass);
    assert_eq!(period_verdict(&[Pass, NoData, Fail]), PeriodVerdict::Fail);
    assert_eq!(
        period_verdict(&[Pass, NoData, Pass]),
        PeriodVerdict::Incomplete
    );
    assert_eq!(period_verdict(&[NoData]), PeriodVerdict::Incomplete);
    assert_eq!(period_verdict(&[]), PeriodVerdict::Incomplete);
}

/// The table as written: every parameter's limits run from better to
/// worse, and the values checked against the standard by hand.
#[test]
fn the_table_is_monotonic_and_has_the_basic_items() {
    use gb3838::Rule;
    assert_eq!(gb3838::TABLE.len(), 23);
    for p in gb3838::TABLE {
        match p.rule {
            Rule::AtMost(l) => assert!(l.windows(2).all(|w| w[0] <= w[1]), "{}", p.code),
            Rule::AtLeast(l) => assert!(l.windows(2).all(|w| w[0] >= w[1]), "{}", p.code),
            Rule::Range(a, b) => assert!(a < b),
        }
    }
    let limits = |code: &str| match gb3838::find(code).unwrap().rule {
        Rule::AtMost(l) | Rule::AtLeast(l) => l,
        Rule::Range(..) => [0.0; 5],
    };
    assert_eq!(limits("Cd"), [0.001, 0.005, 0.005, 0.005, 0.01]);
    assert_eq!(limits("CN"), [0.005, 0.05, 0.2, 0.2, 0.2]);
    assert_eq!(limits("S"), [0.05, 0.1, 0.2, 0.5, 1.0]);
    assert_eq!(limits("Pb"), [0.01, 0.01, 0.05, 0.05, 0.1]);
}
