//! The Grids board in words (#11): staffing as "3/5", what a grid lacks,
//! a township's class — shared by `gridwatch grids` and the Grids screen.

use crate::domain::staffing::{Problem, Staffing, Unit};
use crate::i18n::{Lang, T, fill};

/// Staff against the plan: `3/5`, `2/2–3`, `14/10–15`, or `3` with no rule.
pub fn staff(s: &Staffing) -> String {
    let r = &s.requirement;
    match (r.minimum, r.maximum) {
        (Some(min), Some(max)) => format!("{}/{min}–{max}", s.staff),
        (Some(min), None) => format!("{}/{min}", s.staff),
        _ => s.staff.to_string(),
    }
}

/// The symbol marking a grid's staffing: `✓`, `✗` short (below the
/// minimum, no leader), `▲` over the maximum, `?` class not set.
pub fn mark(s: &Staffing) -> &'static str {
    if s.problems
        .iter()
        .any(|p| matches!(p, Problem::BelowMinimum | Problem::NoGroupLeader))
    {
        "✗"
    } else if s.problems.contains(&Problem::AboveMaximum) {
        "▲"
    } else if s.problems.contains(&Problem::NoClass) {
        "?"
    } else {
        "✓"
    }
}

/// What a grid lacks, in words: "2 short, no leader"; "ok" when nothing.
pub fn problems(lang: Lang, s: &Staffing) -> String {
    let words: Vec<String> = s
        .problems
        .iter()
        .map(|p| match p {
            Problem::BelowMinimum => {
                fill(T::GridShortBy.get(lang), &[("n", &s.shortfall.to_string())])
            }
            Problem::AboveMaximum => fill(
                T::GridOver.get(lang),
                &[("max", &s.requirement.maximum.unwrap_or(0).to_string())],
            ),
            Problem::NoGroupLeader => T::GridNoLeader.get(lang).to_string(),
            Problem::NoClass => T::GridNoClass.get(lang).to_string(),
        })
        .collect();
    if words.is_empty() {
        T::GridOk.get(lang).to_string()
    } else {
        words.join(if lang == Lang::Zh { "，" } else { ", " })
    }
}

/// A township's class, `-` for other grids, `?` for a township without one.
pub fn class(level: u8, class: Option<u8>) -> String {
    match (level, class) {
        (_, Some(c)) => c.to_string(),
        (2, None) => "?".into(),
        _ => "-".into(),
    }
}

/// What `staff` counts, for JSON: `people` or `enterprises`.
pub fn unit(s: &Staffing) -> &'static str {
    match s.requirement.unit {
        Unit::People => "people",
        Unit::Enterprises => "enterprises",
    }
}
