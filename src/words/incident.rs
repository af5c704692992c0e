//! Incident values in words: levels, the six questions, statuses of an
//! incident and of a person, equipment movements, report kinds, and a
//! plan's bilingual texts in the reader's language.

use crate::domain::incident::{
    Bilingual, Fact, IncidentStatus, ItemKind, Level, Movement, PersonStatus, Question, ReportKind,
    Severity,
};
use crate::i18n::{Lang, T};

/// The level with its name: "III (relatively serious)" / "III 较大".
pub fn level(l: Level) -> T {
    match l {
        Level::I => T::IncLevelI,
        Level::II => T::IncLevelII,
        Level::III => T::IncLevelIII,
        Level::IV => T::IncLevelIV,
    }
}

/// The level, or "unknown" (the answers are worded by [`question`]).
pub fn severity(lang: Lang, s: &Severity) -> String {
    match s {
        Severity::Known(l) => level(*l).get(lang).to_string(),
        Severity::Unknown(q) if q.any() => T::IncLevelUnknownGrave.get(lang).to_string(),
        Severity::Unknown(_) => T::IncLevelUnknown.get(lang).to_string(),
    }
}

/// The level after the word "level" (`level now …`): "III (relatively
/// serious)", "unknown", "unknown, treated as I/II".
pub fn severity_short(lang: Lang, s: &Severity) -> String {
    match s {
        Severity::Known(l) => level(*l).get(lang).to_string(),
        Severity::Unknown(q) if q.any() => T::IncFixUnknownGraveShort.get(lang).to_string(),
        Severity::Unknown(_) => T::IncCliUnknownShort.get(lang).to_string(),
    }
}

pub fn question(q: Question) -> T {
    match q {
        Question::DrinkingWater => T::IncQDrinkingWater,
        Question::SensitivePeople => T::IncQSensitivePeople,
        Question::HeavyMetals => T::IncQHeavyMetals,
        Question::CrossBorder => T::IncQCrossBorder,
        Question::MassImpact => T::IncQMassImpact,
        Question::BureauDecides => T::IncQBureauDecides,
    }
}

pub fn status(s: IncidentStatus) -> T {
    match s {
        IncidentStatus::Active => T::IncStActive,
        IncidentStatus::Stable => T::IncStStable,
        IncidentStatus::Closed => T::IncStClosed,
    }
}

pub fn person(s: PersonStatus) -> T {
    match s {
        PersonStatus::Requested => T::IncPRequested,
        PersonStatus::Notified => T::IncPNotified,
        PersonStatus::EnRoute => T::IncPEnRoute,
        PersonStatus::OnScene => T::IncPOnScene,
        PersonStatus::Released => T::IncPReleased,
    }
}

pub fn movement(m: Movement) -> T {
    match m {
        Movement::Requested => T::IncMvRequested,
        Movement::Dispatched => T::IncMvDispatched,
        Movement::Returned => T::IncMvReturned,
    }
}

pub fn report(k: ReportKind) -> T {
    match k {
        ReportKind::Initial => T::IncRepInitial,
        ReportKind::FollowUp => T::IncRepFollowUp,
        ReportKind::Final => T::IncRepFinal,
    }
}

pub fn item_kind(k: ItemKind) -> T {
    match k {
        ItemKind::Equipment => T::IncItemEquipment,
        ItemKind::Material => T::IncItemMaterial,
    }
}

pub fn fact(f: Fact) -> T {
    match f {
        Fact::Cause => T::IncFactCause,
        Fact::Course => T::IncFactCourse,
        Fact::Pollutants => T::IncFactPollutants,
        Fact::Monitoring => T::IncFactMonitoring,
        Fact::Casualties => T::IncFactCasualties,
        Fact::Impact => T::IncFactImpact,
        Fact::Trend => T::IncFactTrend,
    }
}

/// A plan's text in the reader's language (the other when missing).
pub fn bilingual(lang: Lang, b: &Bilingual) -> &str {
    b.pick(lang == Lang::Zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_words_in_both_languages() {
        let mut all: Vec<T> = Level::ALL.into_iter().map(level).collect();
        all.extend(Question::ALL.map(question));
        all.extend(PersonStatus::ALL.map(person));
        all.extend(ReportKind::ALL.map(report));
        all.extend(Fact::ALL.map(fact));
        for t in all {
            assert!(!t.get(Lang::En).is_empty() && !t.get(Lang::Zh).is_empty());
            assert_ne!(t.get(Lang::En), t.get(Lang::Zh));
        }
        assert_eq!(
            severity(Lang::Zh, &Severity::Known(Level::III)),
            "III 级（较大）"
        );
    }
}
