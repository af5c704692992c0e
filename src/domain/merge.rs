//! Merging a duplicate into an earlier complaint (DESIGN.md §5): which
//! merges are allowed, and how the two complaints' repeat chains read
//! afterwards. Pure; the store checks it inside its write transaction.
//!
//! The rule:
//! - the complaint merged (the duplicate) must be open;
//! - the one it goes into must be another complaint, received before it
//!   (the same instant counts when its id is lower: it was stored first);
//! - the one it goes into must not be merged itself: the refusal names the
//!   complaint at the end of that merge chain, to use instead (a chain of
//!   merges would make "where did this go" a walk);
//! - the one it goes into must not be rejected: the duplicate, open,
//!   would leave every list and be attended by nobody;
//! - nothing is deleted: the duplicate becomes `merged` with `merged_into`
//!   set, keeps its arrivals and escalations, and keeps (or gains) its
//!   `repeat_of`, so it still counts as a repeat.

use chrono::{DateTime, Utc};

use super::complaint::Status;
use super::records::ComplaintRow;

/// The facts of one complaint that the rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeSide {
    pub id: i64,
    pub received_at: DateTime<Utc>,
    pub status: Status,
    pub repeat_of: Option<i64>,
    pub merged_into: Option<i64>,
}

impl From<&ComplaintRow> for MergeSide {
    fn from(c: &ComplaintRow) -> Self {
        MergeSide {
            id: c.id,
            received_at: c.received_at,
            status: c.status,
            repeat_of: c.repeat_of,
            merged_into: c.merged_into,
        }
    }
}

/// Why a merge is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("#{id} cannot be merged into itself")]
    IntoItself { id: i64 },
    #[error("#{id} is {status}, not open: only an open complaint is merged")]
    NotOpen { id: i64, status: Status },
    #[error("#{into} was received after #{id}: a duplicate is merged into an earlier complaint")]
    NotEarlier { id: i64, into: i64 },
    #[error("#{into} was itself merged into #{first}: merge into #{first}")]
    IntoMerged { into: i64, first: i64 },
    /// An open complaint merged into a rejected one would be attended by
    /// nobody: the earlier one is reopened first, or this one rejected.
    #[error("#{into} was rejected: reopen #{into} first, or reject #{id} on its own")]
    IntoRejected { id: i64, into: i64 },
}

/// Whether `dup` may be merged into `into`. `end_of_chain` is where
/// `into`'s own merges lead (the complaint to name instead), when it is merged.
pub fn check_merge(dup: &MergeSide, into: &MergeSide, end_of_chain: i64) -> Result<(), MergeError> {
    if dup.id == into.id {
        return Err(MergeError::IntoItself { id: dup.id });
    }
    if !dup.status.is_open() {
        return Err(MergeError::NotOpen {
            id: dup.id,
            status: dup.status,
        });
    }
    if into.status == Status::Merged || into.merged_into.is_some() {
        return Err(MergeError::IntoMerged {
            into: into.id,
            first: end_of_chain,
        });
    }
    if into.status == Status::Rejected {
        return Err(MergeError::IntoRejected {
            id: dup.id,
            into: into.id,
        });
    }
    if (into.received_at, into.id) >= (dup.received_at, dup.id) {
        return Err(MergeError::NotEarlier {
            id: dup.id,
            into: into.id,
        });
    }
    Ok(())
}

/// The `repeat_of` the duplicate has after the merge: its own if it had
/// one, else the first of `into`'s chain (so it still counts as a repeat).
pub fn repeat_after_merge(dup: &MergeSide, into: &MergeSide) -> i64 {
    dup.repeat_of
        .unwrap_or_else(|| into.repeat_of.unwrap_or(into.id))
}

/// Where a complaint's chain stands, as its detail lists it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Related<'a> {
    /// The earlier complaints of its repeat chain, oldest first.
    pub earlier: Vec<&'a ComplaintRow>,
    /// The complaints merged into it, oldest first.
    pub merged_in: Vec<&'a ComplaintRow>,
}

/// Split `rows` (any complaints; duplicates and `c` itself are ignored)
/// into `c`'s earlier repeats — the chain's first and every complaint of
/// the chain received before `c` — and the complaints merged into `c`.
pub fn related<'a>(
    c: &ComplaintRow,
    rows: impl IntoIterator<Item = &'a ComplaintRow>,
) -> Related<'a> {
    let first = c.repeat_of.unwrap_or(c.id);
    let mut out = Related::default();
    for r in rows {
        if r.id == c.id {
            continue;
        }
        let in_chain = r.id == first || r.repeat_of == Some(first);
        let before = (r.received_at, r.id) < (c.received_at, c.id);
        if in_chain && before && !out.earlier.iter().any(|e| e.id == r.id) {
            out.earlier.push(r);
        }
        if r.merged_into == Some(c.id) && !out.merged_in.iter().any(|e| e.id == r.id) {
            out.merged_in.push(r);
        }
    }
    out.earlier.sort_by_key(|r| (r.received_at, r.id));
    out.merged_in.sort_by_key(|r| (r.received_at, r.id));
    out
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn t(min: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_780_000_000 + min * 60, 0).unwrap()
    }

    fn side(id: i64, min: i64, status: Status) -> MergeSide {
        MergeSide {
            id,
            received_at: t(min),
            status,
            repeat_of: None,
            merged_into: None,
        }
    }

    #[rstest]
    #[case::earlier_open(side(2, 10, Status::Received), side(1, 0, Status::Received), Ok(()))]
    #[case::earlier_closed(side(2, 10, Status::Dispatched), side(1, 0, Status::Closed), Ok(()))]
    #[case::same_instant_lower_id(side(2, 0, Status::Received), side(1, 0, Status::Received), Ok(()))]
    #[case::itself(side(2, 10, Status::Received), side(2, 10, Status::Received), Err(MergeError::IntoItself { id: 2 }))]
    #[case::later(side(1, 0, Status::Received), side(2, 10, Status::Received), Err(MergeError::NotEarlier { id: 1, into: 2 }))]
    #[case::same_instant_higher_id(side(1, 0, Status::Received), side(2, 0, Status::Received), Err(MergeError::NotEarlier { id: 1, into: 2 }))]
    #[case::duplicate_closed(side(2, 10, Status::Closed), side(1, 0, Status::Received), Err(MergeError::NotOpen { id: 2, status: Status::Closed }))]
    #[case::duplicate_merged(side(2, 10, Status::Merged), side(1, 0, Status::Received), Err(MergeError::NotOpen { id: 2, status: Status::Merged }))]
    fn merge_rule(
        #[case] dup: MergeSide,
        #[case] into: MergeSide,
        #[case] want: Result<(), MergeError>,
    ) {
        assert_eq!(check_merge(&dup, &into, into.id), want);
    }

    #[test]
    fn a_merged_target_is_refused_naming_the_end_of_its_chain() {
        let mut into = side(2, 5, Status::Merged);
        into.merged_into = Some(1);
        let dup = side(3, 10, Status::Received);
        assert_eq!(
            check_merge(&dup, &into, 1),
            Err(MergeError::IntoMerged { into: 2, first: 1 })
        );
        assert_eq!(
            MergeError::IntoMerged { into: 2, first: 1 }.to_string(),
            "#2 was itself merged into #1: merge into #1"
        );
    }

    #[test]
    fn the_duplicate_keeps_its_repeat_or_joins_the_chain_of_the_earlier_one() {
        let mut dup = side(5, 10, Status::Received);
        let mut into = side(3, 5, Status::Received);
        assert_eq!(repeat_after_merge(&dup, &into), 3);
        into.repeat_of = Some(1);
        assert_eq!(repeat_after_merge(&dup, &into), 1);
        dup.repeat_of = Some(2);
        assert_eq!(repeat_after_merge(&dup, &into), 2);
    }
}
