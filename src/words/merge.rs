//! Merges in words (#11): what a merge did, why one was refused, the
//! earlier complaint's trail line, and a complaint's place in its repeat
//! chain — shared by the command line and the consoles, in either language.

use crate::domain::ComplaintRow;
use crate::domain::merge::MergeError;
use crate::i18n::{Lang, T, fill};

/// "#12 merged into #7, a repeat of #3; its history is kept".
pub fn done(lang: Lang, id: i64, into: i64, repeat_of: i64) -> String {
    fill(
        T::MergeDone.get(lang),
        &[
            ("id", &id.to_string()),
            ("into", &into.to_string()),
            ("first", &repeat_of.to_string()),
        ],
    )
}

/// Why a merge was refused, naming the complaint to use where there is one.
pub fn refusal(lang: Lang, e: &MergeError) -> String {
    let n = |v: &i64| v.to_string();
    match e {
        MergeError::IntoItself { id } => fill(T::MergeErrSelf.get(lang), &[("id", &n(id))]),
        MergeError::NotOpen { id, status } => fill(
            T::MergeErrNotOpen.get(lang),
            &[("id", &n(id)), ("status", super::status(*status).get(lang))],
        ),
        MergeError::NotEarlier { id, into } => fill(
            T::MergeErrNotEarlier.get(lang),
            &[("id", &n(id)), ("into", &n(into))],
        ),
        MergeError::IntoMerged { into, first } => fill(
            T::MergeErrIntoMerged.get(lang),
            &[("into", &n(into)), ("first", &n(first))],
        ),
        MergeError::IntoRejected { id, into } => fill(
            T::MergeErrIntoRejected.get(lang),
            &[("id", &n(id)), ("into", &n(into))],
        ),
    }
}

/// A complaint's place in its repeat chain, labelled: "Repeat of #3" when
/// it repeats an earlier one, "Repeats 2 later complaints repeat this one"
/// when later ones repeat it, nothing when neither.
pub fn repeats(lang: Lang, c: &ComplaintRow) -> Option<(T, String)> {
    match (c.repeat_of, c.repeat_count) {
        (Some(of), _) => Some((T::Repeats, format!("#{of}"))),
        (None, 0) => None,
        (None, n) => Some((
            T::RepeatsLater,
            crate::i18n::count(T::RepeatedByLater, lang, n),
        )),
    }
}

/// The earlier complaint's trail line for `complaint.merged_in`.
pub fn merged_in(lang: Lang, details: &serde_json::Value) -> String {
    let from = details
        .get("from")
        .map(serde_json::Value::to_string)
        .unwrap_or_default();
    fill(T::MergeTrailIn.get(lang), &[("from", &from)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_names_the_complaints_in_both_languages() {
        let cases = [
            MergeError::IntoItself { id: 4 },
            MergeError::NotOpen {
                id: 4,
                status: crate::domain::complaint::Status::Closed,
            },
            MergeError::NotEarlier { id: 4, into: 9 },
            MergeError::IntoMerged { into: 2, first: 1 },
            MergeError::IntoRejected { id: 4, into: 2 },
        ];
        for lang in [Lang::En, Lang::Zh] {
            for e in &cases {
                let s = refusal(lang, e);
                assert!(s.contains('#') && !s.contains('{'), "{s}");
            }
        }
        assert!(refusal(Lang::En, &cases[3]).ends_with("merge into #1"));
    }
}
