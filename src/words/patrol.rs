//! Patrols in the reader's language (#11): control levels, inspection kinds
//! and results, census values, a source's patrol status, what an
//! inspection or visit did and why one was refused — the same words for the
//! command line and the console.

use crate::board::sources::SourceRow;
use crate::config::Config;
use crate::domain::census::{Eia, Permit, ThreeSimultaneities};
use crate::domain::grid::ControlLevel;
use crate::domain::inspection::{InspectionKind, InspectionResult};
use crate::domain::patrol::Signals;
use crate::i18n::{Lang, T, fill};
use crate::ops::{PatrolError, PatrolOutcome};
use crate::text::sanitize;

pub fn level(l: ControlLevel) -> T {
    match l {
        ControlLevel::National => T::SrcLevelNational,
        ControlLevel::Provincial => T::SrcLevelProvincial,
        ControlLevel::ProvincialEnvSafety => T::SrcLevelEnvSafety,
        ControlLevel::City => T::SrcLevelCity,
        ControlLevel::County => T::SrcLevelCounty,
        ControlLevel::General => T::SrcLevelGeneral,
    }
}

pub fn kind(k: InspectionKind) -> T {
    match k {
        InspectionKind::Routine => T::SrcKindRoutine,
        InspectionKind::Special => T::SrcKindSpecial,
        InspectionKind::Complaint => T::SrcKindComplaint,
        InspectionKind::Referral => T::SrcKindReferral,
    }
}

pub fn result(r: InspectionResult) -> T {
    match r {
        InspectionResult::Ok => T::SrcResultOk,
        InspectionResult::Problem => T::SrcResultProblem,
    }
}

pub fn eia(e: Option<Eia>) -> T {
    match e {
        Some(Eia::Approved) => T::SrcEiaApproved,
        Some(Eia::Pending) => T::SrcEiaPending,
        Some(Eia::None) => T::SrcEiaNone,
        None => T::SrcUnknown,
    }
}

pub fn three(t: Option<ThreeSimultaneities>) -> T {
    match t {
        Some(ThreeSimultaneities::Complete) => T::SrcThreeComplete,
        Some(ThreeSimultaneities::Partial) => T::SrcThreePartial,
        Some(ThreeSimultaneities::None) => T::SrcThreeNone,
        None => T::SrcUnknown,
    }
}

pub fn permit(lang: Lang, p: Option<&Permit>) -> String {
    match p {
        Some(Permit::Number(n)) => sanitize(n),
        Some(Permit::None) => T::SrcPermitNone.get(lang).into(),
        None => T::SrcUnknown.get(lang).into(),
    }
}

/// Why an interval is shortened: "complaint, repeat"; empty when it is not.
pub fn why(lang: Lang, s: Signals) -> String {
    let mut out: Vec<&str> = Vec::new();
    if s.complaint {
        out.push(T::SrcWhyComplaint.get(lang));
    }
    if s.violation {
        out.push(T::SrcWhyViolation.get(lang));
    }
    if s.repeat {
        out.push(T::SrcWhyRepeat.get(lang));
    }
    out.join(if lang == Lang::Zh { "、" } else { ", " })
}

/// A source's patrol status for the command line: overdue (with its
/// symbol), due today, due in N days, never inspected.
pub fn status(lang: Lang, s: &SourceRow) -> String {
    let n = |t: T, v: i64| fill(t.get(lang), &[("n", &v.to_string())]);
    if s.never() {
        T::SrcNever.get(lang).into()
    } else if s.overdue_days > 0 {
        n(T::SrcOverdueDays, s.overdue_days)
    } else if s.days_left == 0 {
        T::SrcDueToday.get(lang).into()
    } else {
        n(T::SrcDueIn, s.days_left)
    }
}

/// The interval as the Sources screen shows it: "30", or "15*" when a
/// recent signal shortened it (the reasons: [`shortened`]).
pub fn every(s: &SourceRow) -> String {
    if s.interval_days < s.base_days {
        format!("{}*", s.interval_days)
    } else {
        s.interval_days.to_string()
    }
}

/// The legend of `*` under a table of sources: each shortened one with
/// why — "* shortened: E0107 complaint, repeat · E0402 problem found";
/// `None` when none is.
pub fn shortened<'a>(lang: Lang, rows: impl IntoIterator<Item = &'a SourceRow>) -> Option<String> {
    let list: Vec<String> = rows
        .into_iter()
        .filter(|s| s.interval_days < s.base_days)
        .map(|s| format!("{} {}", sanitize(&s.id), why(lang, s.signals)))
        .collect();
    (!list.is_empty()).then(|| {
        fill(
            T::SrcShortenedLegend.get(lang),
            &[("list", &list.join(" · "))],
        )
    })
}

pub fn outcome(lang: Lang, config: &Config, o: &PatrolOutcome) -> String {
    match o {
        PatrolOutcome::Inspected {
            id,
            enterprise,
            result: r,
        } => {
            let name = config
                .enterprises
                .current()
                .get(enterprise)
                .map(|e| sanitize(&e.name))
                .unwrap_or_default();
            fill(
                T::SrcDoneInspected.get(lang),
                &[
                    ("id", &id.to_string()),
                    ("enterprise", &sanitize(enterprise)),
                    ("name", &name),
                    ("result", result(*r).get(lang)),
                ],
            )
        }
        PatrolOutcome::Visited {
            id,
            township,
            officer,
            unlinked,
        } => {
            let who = config.officers.get(officer).map_or_else(
                || sanitize(officer),
                |o| format!("{} {}", sanitize(&o.name), sanitize(officer)),
            );
            let done = fill(
                T::SrcDoneVisited.get(lang),
                &[
                    ("id", &id.to_string()),
                    ("township", &sanitize(township)),
                    (
                        "name",
                        config.grids.get(township).map_or("", |g| g.name.as_str()),
                    ),
                    ("officer", &who),
                ],
            );
            if *unlinked {
                let note = fill(
                    T::SrcVisitUnlinked.get(lang),
                    &[
                        ("township", &sanitize(township)),
                        ("officer", &sanitize(officer)),
                    ],
                );
                format!("{done}{}{note}", if lang == Lang::Zh { "；" } else { "; " })
            } else {
                done
            }
        }
    }
}

pub fn error(lang: Lang, e: &PatrolError) -> String {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    match e {
        PatrolError::UnknownEnterprise(id) => {
            say(T::SrcErrUnknownEnterprise, &[("id", &sanitize(id))])
        }
        PatrolError::UnknownOfficer(id) => say(T::SrcErrUnknownOfficer, &[("id", &sanitize(id))]),
        PatrolError::NoOfficer => say(T::SrcErrNoOfficer, &[]),
        PatrolError::UnknownGrid(id) => say(T::SrcErrUnknownGrid, &[("id", &sanitize(id))]),
        PatrolError::NotTownship { grid, level } => say(
            T::SrcErrNotTownship,
            &[("id", &sanitize(grid)), ("level", &level.to_string())],
        ),
        PatrolError::NoteEmpty => say(T::SrcErrNoteEmpty, &[]),
        PatrolError::InFuture { minutes } => {
            say(T::SrcErrInFuture, &[("minutes", &minutes.to_string())])
        }
        PatrolError::TooOld { days } => say(
            T::SrcErrTooOld,
            &[
                ("days", &days.to_string()),
                ("max", &crate::ops::patrol::MAX_AGE_DAYS.to_string()),
            ],
        ),
        PatrolError::DeadlineBeforeInspection { rectify_by, on } => say(
            T::SrcErrDeadlineBefore,
            &[("by", &rectify_by.to_string()), ("on", &on.to_string())],
        ),
        PatrolError::DeadlineWithoutProblem => say(T::SrcErrDeadlineWithoutProblem, &[]),
        PatrolError::ProblemsWithOk => say(T::SrcErrProblemsWithOk, &[]),
        PatrolError::ProblemsMissing => say(T::SrcErrProblemsMissing, &[]),
        PatrolError::ComplaintMissing => say(T::SrcErrComplaintMissing, &[]),
        PatrolError::ComplaintWithoutKind => say(T::SrcErrComplaintWithoutKind, &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every refusal is worded in both languages, the English as the error says it.
    #[test]
    fn every_refusal_has_words_in_both_languages() {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let all = [
            PatrolError::UnknownEnterprise("E9".into()),
            PatrolError::UnknownOfficer("O9".into()),
            PatrolError::NoOfficer,
            PatrolError::UnknownGrid("X".into()),
            PatrolError::NotTownship {
                grid: "T03-V01".into(),
                level: 3,
            },
            PatrolError::NoteEmpty,
            PatrolError::InFuture { minutes: 30 },
            PatrolError::TooOld { days: 400 },
            PatrolError::DeadlineBeforeInspection {
                rectify_by: on.pred_opt().unwrap(),
                on,
            },
            PatrolError::DeadlineWithoutProblem,
            PatrolError::ProblemsWithOk,
            PatrolError::ProblemsMissing,
            PatrolError::ComplaintMissing,
            PatrolError::ComplaintWithoutKind,
        ];
        for e in all {
            let (en, zh) = (error(Lang::En, &e), error(Lang::Zh, &e));
            assert!(!en.contains('{') && !zh.contains('{'), "{en} / {zh}");
            assert_ne!(en, zh);
        }
    }
}
