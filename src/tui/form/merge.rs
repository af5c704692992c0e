//! The merge form (`m`, #11): a picker of the complaints the selected one
//! may duplicate, from what this console holds (every open complaint and
//! the newest ones): its repeat chain first, then the same enterprise, or
//! the same grid and an overlapping category within the repeat window —
//! newest first in each. Only earlier complaints not merged themselves are
//! offered; the picker also takes a typed id (the store checks the rule).
//! With no candidate here the form opens all the same, to type an id in.

use super::{Choice, Field, Form, FormKind};
use crate::config::Config;
use crate::domain::merge::{MergeError, MergeSide, check_merge};
use crate::domain::{ComplaintRow, Entity, kind};
use crate::i18n::{Lang, T, fill};

/// Why a complaint is offered, in the order the picker lists them.
fn reason(c: &ComplaintRow, other: &ComplaintRow, config: &Config) -> Option<T> {
    let first = c.repeat_of.unwrap_or(c.id);
    if other.id == first || other.repeat_of == Some(first) {
        return Some(T::MergeTagChain);
    }
    if c.received_at - other.received_at > config.settings.repeat_window {
        return None;
    }
    if c.enterprise.is_some() && other.enterprise == c.enterprise {
        return Some(T::MergeTagEnterprise);
    }
    let same_category = other.categories.iter().any(|k| c.categories.contains(k));
    (c.grid.is_some() && other.grid == c.grid && same_category).then_some(T::MergeTagGrid)
}

/// The complaints `c` may be merged into, best first, each with why.
pub fn candidates<'a>(
    config: &Config,
    c: &ComplaintRow,
    known: impl IntoIterator<Item = &'a ComplaintRow>,
) -> Vec<(&'a ComplaintRow, T)> {
    let me = MergeSide::from(c);
    let mut out: Vec<(&ComplaintRow, T)> = Vec::new();
    for other in known {
        if out.iter().any(|(o, _)| o.id == other.id) {
            continue;
        }
        let it = MergeSide::from(other);
        if check_merge(&me, &it, it.id).is_err() {
            continue;
        }
        if let Some(why) = reason(c, other, config) {
            out.push((other, why));
        }
    }
    let rank = |t: T| match t {
        T::MergeTagChain => 0,
        T::MergeTagEnterprise => 1,
        _ => 2,
    };
    out.sort_by_key(|(o, t)| (rank(*t), std::cmp::Reverse((o.received_at, o.id))));
    out
}

/// Why merging `dup` into `into` is refused, when this console holds
/// `into` and can tell (the store checks again, and decides for the rest).
pub fn refusal<'a>(
    dup: &ComplaintRow,
    into: i64,
    known: impl IntoIterator<Item = &'a ComplaintRow>,
) -> Option<MergeError> {
    let rows: Vec<&ComplaintRow> = known.into_iter().collect();
    let find = |id: i64| rows.iter().find(|c| c.id == id);
    let target = find(into)?;
    // Where its merges lead, as far as this console can follow them.
    let (mut end, mut seen) = (target.id, vec![target.id]);
    while let Some(next) = find(end)
        .and_then(|c| c.merged_into)
        .filter(|n| !seen.contains(n))
    {
        seen.push(next);
        end = next;
    }
    check_merge(&MergeSide::from(dup), &MergeSide::from(*target), end).err()
}

impl Form {
    /// The merge picker for `c` (empty when this console holds no
    /// candidate: an id is typed), or why `c` cannot be merged at all.
    pub fn merge<'a>(
        config: &Config,
        c: &ComplaintRow,
        known: impl IntoIterator<Item = &'a ComplaintRow>,
        lang: Lang,
    ) -> Result<Form, String> {
        let id = c.id.to_string();
        if !c.status.is_open() {
            return Err(fill(
                T::MergeErrNotOpen.get(lang),
                &[
                    ("id", &id),
                    ("status", crate::words::status(c.status).get(lang)),
                ],
            ));
        }
        let tz = config.settings.timezone;
        let choices: Vec<Choice> = candidates(config, c, known)
            .into_iter()
            .map(|(o, why)| Choice {
                label: Some(format!("#{}", o.id)),
                detail: format!(
                    "{} {} {}",
                    o.received_at.with_timezone(&tz).format("%m-%d %H:%M"),
                    crate::words::status(o.status).get(lang),
                    crate::text::truncate(&crate::text::sanitize(&o.description), 24),
                ),
                tags: vec![why],
                ..Choice::id(o.id.to_string())
            })
            .collect();
        Ok(Form {
            kind: FormKind::Merge,
            about: Some(Entity {
                kind: kind::COMPLAINT.to_string(),
                id: c.id,
            }),
            subject: format!("#{} {}", c.id, c.grid.as_deref().unwrap_or("—")),
            fields: vec![Field::choice(T::MergeFieldInto, choices, false)],
            focus: 0,
            error: None,
        })
    }
}

impl Form {
    /// What the merge form says under its field: that any earlier
    /// complaint's id may be typed, and why when nothing is offered.
    pub fn merge_note(&self, config: &Config, lang: Lang) -> Option<String> {
        if self.kind != FormKind::Merge {
            return None;
        }
        let offered = self.fields.first().is_some_and(|f| !f.choices.is_empty());
        Some(if offered {
            T::MergeTypeOther.get(lang).to_string()
        } else {
            let days = config.settings.repeat_window.num_days().to_string();
            fill(T::MergeTypeAny.get(lang), &[("days", &days)])
        })
    }
}
