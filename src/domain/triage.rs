//! Triage: what a duty officer decides about a complaint before (or instead
//! of) sending someone — its grid, and whether it is the bureau's at all.
//!
//! Owns: the reasons a complaint is rejected (stable ids for the audit log and
//! JSON; the consoles word them), how a rejection is kept in the complaint's
//! status note, and the rule for setting a complaint's grid. Reopening is a
//! status transition (`complaint::Transition::Reopen`) and needs a reason.
//! Pure: no IO, no clock.

use serde::Serialize;

use super::complaint::Status;

/// Why a complaint is rejected. Duplicates are merged, not rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Not the bureau's to handle (another authority's, a private dispute).
    NotInRemit,
    /// Too little to act on: no place, nothing that can be checked.
    InsufficientDetail,
    /// Anything else; the words saying why are required.
    Other,
}

impl RejectReason {
    pub const ALL: [RejectReason; 3] = [
        RejectReason::NotInRemit,
        RejectReason::InsufficientDetail,
        RejectReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::NotInRemit => "not_in_remit",
            RejectReason::InsufficientDetail => "insufficient_detail",
            RejectReason::Other => "other",
        }
    }

    /// The id, with `-` or `_` between words (`not-in-remit` as typed on a command line).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().replace('-', "_");
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A rejection: the reason and, for `other` necessarily, the words saying why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    pub reason: RejectReason,
    pub note: Option<String>,
}

/// Why a triage request was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TriageError {
    #[error("a rejection for another reason needs words saying why")]
    OtherNeedsWords,
    #[error("cannot set the grid: complaint is {0} (only an open complaint gets a grid)")]
    NotOpen(Status),
    #[error("it is already in grid {0}")]
    SameGrid(String),
    #[error("it is in grid {0} already: give a reason to move it")]
    ReasonToMove(String),
}

impl Rejection {
    /// A rejection; `other` without words is refused, blank words are none.
    pub fn new(reason: RejectReason, note: Option<&str>) -> Result<Rejection, TriageError> {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if reason == RejectReason::Other && note.is_none() {
            return Err(TriageError::OtherNeedsWords);
        }
        Ok(Rejection {
            reason,
            note: note.map(String::from),
        })
    }

    /// As the status note keeps it: `not_in_remit`, or `other: the words`.
    pub fn stored(&self) -> String {
        match &self.note {
            Some(n) => format!("{}: {n}", self.reason.as_str()),
            None => self.reason.as_str().to_string(),
        }
    }

    /// Read a status note written by [`Rejection::stored`]; a note of an
    /// older release (free text) reads as `other` with that text.
    pub fn from_stored(s: &str) -> Rejection {
        let (id, note) = match s.split_once(": ") {
            Some((id, note)) => (id, Some(note)),
            None => (s, None),
        };
        match RejectReason::parse(id).filter(|_| !id.contains(' ')) {
            Some(reason) => Rejection {
                reason,
                note: note.map(String::from),
            },
            None => Rejection {
                reason: RejectReason::Other,
                note: Some(s.to_string()),
            },
        }
    }
}

/// May a complaint in `status` get a grid at all? (Open ones only: the
/// grid decides who is alerted; a closed one is history.)
pub fn assignable(status: Status) -> Result<(), TriageError> {
    if status.is_open() {
        Ok(())
    } else {
        Err(TriageError::NotOpen(status))
    }
}

/// May a complaint in `status`, now in grid `current`, be put in grid `new`?
/// An unassigned one: yes. One with a grid: only elsewhere, with a reason
/// (an address alias can pick the wrong village; the move is audited).
pub fn check_assign(
    status: Status,
    current: Option<&str>,
    new: &str,
    reason: Option<&str>,
) -> Result<(), TriageError> {
    assignable(status)?;
    match current {
        None => Ok(()),
        Some(c) if c == new => Err(TriageError::SameGrid(c.to_string())),
        Some(c) if reason.is_none_or(|r| r.trim().is_empty()) => {
            Err(TriageError::ReasonToMove(c.to_string()))
        }
        Some(_) => Ok(()),
    }
}

/// What setting a complaint's grid replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assignment {
    /// The grid before (`None`: unassigned).
    pub from: Option<String>,
    /// How that grid had been decided (the stored grid source, e.g.
    /// `unassigned (unknown grid 'T99' given)`), i.e. why it was unassigned.
    pub was: String,
}

/// The grid source a complaint gets when a person sets its grid.
pub const ASSIGNED: &str = "assigned";

#[cfg(test)]
mod tests {
    use super::Status::*;
    use super::*;
    use rstest::rstest;

    #[test]
    fn reasons_round_trip_and_take_hyphens() {
        for r in RejectReason::ALL {
            assert_eq!(RejectReason::parse(r.as_str()), Some(r));
        }
        assert_eq!(
            RejectReason::parse("not-in-remit"),
            Some(RejectReason::NotInRemit)
        );
        assert_eq!(RejectReason::parse("duplicate"), None);
    }

    #[test]
    fn other_needs_words_and_the_stored_form_reads_back() {
        assert_eq!(
            Rejection::new(RejectReason::Other, Some("  ")),
            Err(TriageError::OtherNeedsWords)
        );
        for r in [
            Rejection::new(RejectReason::NotInRemit, None).unwrap(),
            Rejection::new(RejectReason::InsufficientDetail, Some("no address")).unwrap(),
            Rejection::new(RejectReason::Other, Some("a neighbours' quarrel: police")).unwrap(),
        ] {
            assert_eq!(Rejection::from_stored(&r.stored()), r);
        }
        // Free text of an older release is kept whole, as `other`.
        assert_eq!(
            Rejection::from_stored("duplicate of a 12369 ticket"),
            Rejection {
                reason: RejectReason::Other,
                note: Some("duplicate of a 12369 ticket".into())
            }
        );
    }

    #[rstest]
    #[case::unassigned(Received, None, "T03", None, Ok(()))]
    #[case::unassigned_dispatched(Dispatched, None, "T03", None, Ok(()))]
    #[case::move_with_reason(Received, Some("T01"), "T03", Some("caller corrected"), Ok(()))]
    #[case::move_without_reason(Received, Some("T01"), "T03", Some(" "), Err(TriageError::ReasonToMove("T01".into())))]
    #[case::same_grid(Received, Some("T03"), "T03", Some("x"), Err(TriageError::SameGrid("T03".into())))]
    #[case::closed(Closed, None, "T03", None, Err(TriageError::NotOpen(Closed)))]
    #[case::rejected(Rejected, None, "T03", None, Err(TriageError::NotOpen(Rejected)))]
    fn assigning(
        #[case] status: Status,
        #[case] current: Option<&str>,
        #[case] new: &str,
        #[case] reason: Option<&str>,
        #[case] want: Result<(), TriageError>,
    ) {
        assert_eq!(check_assign(status, current, new, reason), want);
    }
}
