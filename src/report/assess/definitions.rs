//! How the report counts, in words: printed in every report (Markdown
//! section, CSV rows after a blank line, JSON `definitions`) and, in
//! English, word for word in the README ("How the report counts").
//! Keep them in agreement with `domain::assess`'s module doc.

use crate::i18n::{Lang, T};

/// `(key, term, text)` in the order printed.
pub const DEFINITIONS: [(&str, T, T); 15] = [
    ("rows", T::RepDefRowsT, T::RepDefRows),
    ("received", T::RepDefReceivedT, T::RepDefReceived),
    ("due", T::RepDefDueT, T::RepDefDue),
    ("on_time", T::RepDefOnTimeT, T::RepDefOnTime),
    ("missing", T::RepDefMissingT, T::RepDefMissing),
    ("on_time_rate", T::RepDefRateT, T::RepDefRate),
    ("minutes", T::RepDefMinutesT, T::RepDefMinutes),
    ("escalations", T::RepDefEscalationsT, T::RepDefEscalations),
    ("repeats", T::RepDefRepeatsT, T::RepDefRepeats),
    ("merged", T::RepDefMergedT, T::RepDefMerged),
    ("rejected", T::RepDefRejectedT, T::RepDefRejected),
    ("reopened", T::RepDefReopenedT, T::RepDefReopened),
    ("incidents", T::RepDefIncidentsT, T::RepDefIncidents),
    ("patrols", T::RepDefPatrolsT, T::RepDefPatrols),
    ("water", T::RepDefWaterT, T::RepDefWater),
];

/// `(key, term, text)` in `lang`.
pub fn definitions(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    DEFINITIONS
        .iter()
        .map(move |(k, term, text)| (*k, term.get(lang), text.get(lang)))
}
