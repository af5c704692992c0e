//! Domain values in the reader's language: statuses, categories, sources,
//! outcomes, stages, day kinds, the regime reason and how a grid was decided.
//!
//! Owns: the mapping from a domain value to its key in the string table, and
//! the few sentences composed from several values. Every front end (the
//! dashboard, the command line) words domain values through here; identifiers
//! (`on_scene`, `solid_waste`) stay in JSON, the audit log and the database.

pub mod grids;
pub mod handover;
pub mod incident;
pub mod incident_named;
pub mod incident_ops;
pub mod merge;
pub mod oncall;
pub mod patrol;
pub mod patrol_trail;
pub mod trail;

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::domain::ComplaintRow;
use crate::domain::calendar::{DayKind, Regime};
use crate::domain::complaint::{Category, Hint, Outcome, Source, Status};
use crate::i18n::{Lang, T, fill};

pub fn status(s: Status) -> T {
    match s {
        Status::Received => T::StReceived,
        Status::Dispatched => T::StDispatched,
        Status::EnRoute => T::StEnRoute,
        Status::OnScene => T::StOnScene,
        Status::Handling => T::StHandling,
        Status::Closed => T::StClosed,
        Status::Reopened => T::StReopened,
        Status::Merged => T::StMerged,
        Status::Rejected => T::StRejected,
    }
}

pub fn category(c: Category) -> T {
    match c {
        Category::Air => T::CatAir,
        Category::Water => T::CatWater,
        Category::Noise => T::CatNoise,
        Category::SolidWaste => T::CatSolidWaste,
        Category::Radiation => T::CatRadiation,
        Category::Ecology => T::CatEcology,
        Category::Other => T::CatOther,
    }
}

pub fn source(s: Source) -> T {
    match s {
        Source::Hotline => T::SrcHotline,
        Source::Phone => T::SrcPhone,
        Source::Web => T::SrcWeb,
        Source::Wechat => T::SrcWechat,
        Source::Letter => T::SrcLetter,
        Source::Visit => T::SrcVisit,
        Source::Referral => T::SrcReferral,
        Source::Media => T::SrcMedia,
        Source::SelfFound => T::SrcSelf,
        Source::Monitoring => T::SrcMonitoring,
    }
}

pub fn outcome(o: Outcome) -> T {
    match o {
        Outcome::ViolationConfirmed => T::OutViolationConfirmed,
        Outcome::Rectified => T::OutRectified,
        Outcome::NoViolation => T::OutNoViolation,
        Outcome::Referred => T::OutReferred,
        Outcome::Other => T::OutOther,
    }
}

/// An escalation stage's name in words. Stages are configurable: a name
/// this build does not know is the operator's own word and shown as it is.
pub fn stage(lang: Lang, name: &str) -> String {
    match name {
        "warn" => T::StageWarn.get(lang).into(),
        "breach" => T::StageBreach.get(lang).into(),
        "critical" => T::StageCritical.get(lang).into(),
        "manual" => T::StageManual.get(lang).into(),
        other => crate::text::sanitize(other),
    }
}

/// A reason for a rejection in words.
pub fn reject_reason(r: crate::domain::triage::RejectReason) -> T {
    use crate::domain::triage::RejectReason;
    match r {
        RejectReason::NotInRemit => T::RejectNotInRemit,
        RejectReason::InsufficientDetail => T::RejectInsufficientDetail,
        RejectReason::Other => T::RejectOther,
    }
}

/// The words of a domain action's name as the status machine gives it.
pub fn step(lang: Lang, name: &str) -> String {
    let t = match name {
        "dispatch" => T::ActDispatch,
        "set off" => T::ActSetOff,
        "log an arrival" => T::ActArrive,
        "start handling" => T::ActHandle,
        "resolve" => T::ActResolve,
        "reopen" => T::ActReopen,
        "merge" => T::ActMerge,
        "reject" => T::ActReject,
        other => return crate::text::sanitize(other),
    };
    t.get(lang).to_string()
}

/// The status machine's hint, in words.
pub fn hint(lang: Lang, hint: Hint) -> &'static str {
    let t = match hint {
        Hint::None => return "",
        Hint::AlreadyOnSite => T::WhyOnSite,
        Hint::ReopenFirst => T::WhyReopenFirst,
        Hint::WasMerged => T::WhyMerged,
        Hint::ArrivalLogged => T::WhyArrivalLogged,
        Hint::OnlyAfterArrival => T::WhyOnlyAfterArrival,
        Hint::LogArrivalFirst => T::WhyLogArrivalFirst,
        Hint::OnlyClosedReopen => T::WhyOnlyClosedReopen,
        Hint::ResolveInstead => T::WhyResolveInstead,
    };
    t.get(lang)
}

/// Between a label and what it says: ": " in English, "：" in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// `text` in parentheses as the language writes them: " (…)" or "（…）".
pub fn paren(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!(" ({text})"),
        Lang::Zh => format!("（{text}）"),
    }
}

/// The categories of a complaint, joined.
pub fn categories(lang: Lang, cats: &[Category]) -> String {
    let sep = match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    };
    cats.iter()
        .map(|c| category(*c).get(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

pub use crate::i18n::weekday;

/// "Mon 30 Nov 09:05" / "11月30日 周一 09:05".
pub fn date_time(lang: Lang, t: DateTime<Utc>, tz: &Tz) -> String {
    let l = t.with_timezone(tz);
    let month = match lang {
        Lang::En => l.format("%b").to_string(),
        Lang::Zh => l.month().to_string(),
    };
    fill(
        T::DateTimeShort.get(lang),
        &[
            ("weekday", weekday(l.weekday()).get(lang)),
            ("day", &l.day().to_string()),
            ("month", &month),
            ("time", &l.format("%H:%M").to_string()),
        ],
    )
}

/// "30 min" / "30 分钟".
pub fn minutes(lang: Lang, n: i64) -> String {
    fill(T::Minutes.get(lang), &[("n", &n.to_string())])
}

/// Where an arrival deadline stood at `at` with nobody on site: "deadline
/// 09:35 in 5 min", "deadline 09:35 passed", "35 min past the deadline 09:35".
pub fn overdue(lang: Lang, config: &Config, deadline: DateTime<Utc>, at: DateTime<Utc>) -> String {
    let local = deadline
        .with_timezone(&config.settings.timezone)
        .format("%H:%M")
        .to_string();
    use crate::domain::escalation::{Standing, standing};
    let (t, m) = match standing(deadline, at) {
        Standing::Before(m) => (T::OverdueBefore, m),
        Standing::At => (T::OverduePassed, 0),
        Standing::After(m) => (T::OverduePast, m),
    };
    fill(t.get(lang), &[("deadline", &local), ("m", &m.to_string())])
}

/// The day kind as stored beside a complaint (`DayKind::code`), with the
/// holiday's name from the calendar when it knows one.
fn day_words(lang: Lang, code: &str, kind: Option<&DayKind>) -> String {
    // Inside a sentence: "received Mon 30 Nov 09:05, working day, 30 min".
    let word = |t: T| match lang {
        Lang::En => t.get(lang).to_lowercase(),
        Lang::Zh => t.get(lang).to_string(),
    };
    let named = |t: T, name: Option<&String>| match name {
        Some(n) => format!("{} ({})", word(t), crate::text::sanitize(n)),
        None => word(t),
    };
    match (code, kind) {
        ("makeup_workday", Some(DayKind::MakeupWorkday(n))) => named(T::MakeupDay, Some(n)),
        ("makeup_workday", _) => named(T::MakeupDay, None),
        ("holiday", Some(DayKind::Holiday(n))) => named(T::Holiday, Some(n)),
        ("holiday", _) => named(T::Holiday, None),
        ("weekend", _) => word(T::Weekend),
        _ => word(T::WorkingDay),
    }
}

/// Why a complaint has its deadline, in words: rebuilt from what was frozen
/// at intake (the receipt time, the kind of day, the regime, the minutes),
/// so both languages say the same thing as the stored English reason.
pub fn regime_reason(lang: Lang, config: &Config, c: &ComplaintRow) -> String {
    reason(
        lang,
        config,
        c.received_at,
        &c.day_kind,
        c.regime,
        (c.deadline_at - c.received_at).num_minutes(),
    )
}

/// The reason of a decision just made (the new-complaint form's preview).
pub fn decision_reason(
    lang: Lang,
    config: &Config,
    received_at: DateTime<Utc>,
    d: &crate::domain::calendar::RegimeDecision,
) -> String {
    reason(
        lang,
        config,
        received_at,
        d.day.kind.code(),
        d.regime,
        i64::from(d.minutes),
    )
}

fn reason(
    lang: Lang,
    config: &Config,
    received_at: DateTime<Utc>,
    day_kind: &str,
    regime: Regime,
    minutes_allowed: i64,
) -> String {
    let tz = config.settings.timezone;
    let local = received_at.with_timezone(&tz);
    let day = config.calendar.day(local.date_naive());
    let sep = match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    };
    let mut parts = vec![
        fill(
            T::ReasonReceived.get(lang),
            &[("when", &date_time(lang, received_at, &tz))],
        ),
        day_words(lang, day_kind, Some(&day.kind)),
    ];
    let working = matches!(day_kind, "workday" | "makeup_workday");
    if working && regime == Regime::OffHours {
        parts.push(fill(
            T::ReasonNight.get(lang),
            &[("window", &config.settings.deadlines.day_window.to_string())],
        ));
    }
    if let Some(year) = day.fallback_year {
        parts.push(fill(
            T::ReasonNoCalendar.get(lang),
            &[("year", &year.to_string())],
        ));
    }
    parts.push(minutes(lang, minutes_allowed));
    parts.join(sep)
}

/// How the grid was decided (`grid_source` as stored: `explicit`,
/// `enterprise:E`, `alias:TEXT`, `polygon`, `unassigned`, `assigned`).
pub fn grid_source(lang: Lang, stored: &str) -> String {
    // Intake keeps ids it did not know: "unassigned (unknown grid 'T99' given)".
    let (head, notes) = stored.split_once(" (").unwrap_or((stored, ""));
    let mut extra = String::new();
    for (marker, t) in [
        ("unknown grid '", T::GridUnknownGiven),
        ("unknown enterprise '", T::EnterpriseUnknownGiven),
    ] {
        if let Some(rest) = notes.split(marker).nth(1) {
            let id = rest.split('\'').next().unwrap_or("");
            extra.push_str(&format!(
                " ({})",
                fill(t.get(lang), &[("id", &crate::text::sanitize(id))])
            ));
        }
    }
    let (by, detail) = head.split_once(':').unwrap_or((head, ""));
    let detail = crate::text::sanitize(detail);
    let words: String = match by {
        "explicit" => T::GridGiven.get(lang).into(),
        "enterprise" => fill(T::GridByEnterprise.get(lang), &[("enterprise", &detail)]),
        "alias" => fill(T::GridByAlias.get(lang), &[("alias", &detail)]),
        "polygon" => T::GeoGridByPolygon.get(lang).into(),
        "unassigned" => T::GridNoMatch.get(lang).into(),
        "assigned" | "manual" => T::GridAssigned.get(lang).into(),
        other => crate::text::sanitize(other),
    };
    words + &extra
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_words_in_every_language_and_no_identifier_shows() {
        for lang in [Lang::En, Lang::Zh] {
            for s in Status::ALL {
                let w = status(s).get(lang);
                assert!(!w.is_empty() && !w.contains('_'), "{s:?} {lang:?}");
            }
            for c in Category::ALL {
                assert!(!category(c).get(lang).contains('_'));
            }
            for o in Outcome::ALL {
                assert!(!outcome(o).get(lang).contains('_'));
            }
            for s in Source::ALL {
                assert!(!source(s).get(lang).is_empty());
            }
        }
        assert_eq!(status(Status::OnScene).get(Lang::Zh), "已到场");
        assert_eq!(stage(Lang::Zh, "breach"), "超时");
        assert_eq!(stage(Lang::En, "own\u{1b}stage"), "own\u{FFFD}stage");
    }

    #[test]
    fn grid_source_words_name_the_rule() {
        assert_eq!(
            grid_source(Lang::En, "alias:西关村"),
            "address matches “西关村”"
        );
        assert_eq!(grid_source(Lang::Zh, "enterprise:E07"), "按企业 E07");
        assert_eq!(grid_source(Lang::Zh, "unassigned"), "未匹配到网格");
        assert_eq!(grid_source(Lang::Zh, "polygon"), "坐标位于网格边界内");
        assert_eq!(
            grid_source(Lang::En, "polygon"),
            "its point lies in the grid's boundary"
        );
        assert_eq!(
            grid_source(Lang::Zh, "unassigned (unknown grid 'T99' given)"),
            "未匹配到网格 (来件指定的网格“T99”不存在)"
        );
    }
}
