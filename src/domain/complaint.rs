//! The complaint and its status machine.
//!
//! Owns: the statuses of DESIGN.md §5 and which moves between them are legal.
//! An illegal move is an error value naming both ends, never a panic.

use std::fmt;

use serde::{Deserialize, Serialize};

// The arrival-time rule has its own file; its callers in `store` and `tui`
// still name it by this path.

/// Where a complaint came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Hotline,
    Phone,
    Web,
    Wechat,
    Letter,
    Visit,
    Referral,
    Media,
    #[serde(rename = "self")]
    SelfFound,
    Monitoring,
}

impl Source {
    pub const ALL: [Source; 10] = [
        Source::Hotline,
        Source::Phone,
        Source::Web,
        Source::Wechat,
        Source::Letter,
        Source::Visit,
        Source::Referral,
        Source::Media,
        Source::SelfFound,
        Source::Monitoring,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Hotline => "hotline",
            Source::Phone => "phone",
            Source::Web => "web",
            Source::Wechat => "wechat",
            Source::Letter => "letter",
            Source::Visit => "visit",
            Source::Referral => "referral",
            Source::Media => "media",
            Source::SelfFound => "self",
            Source::Monitoring => "monitoring",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What the pollution is about; the Open311 services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Air,
    Water,
    Noise,
    SolidWaste,
    Radiation,
    Ecology,
    Other,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Air,
        Category::Water,
        Category::Noise,
        Category::SolidWaste,
        Category::Radiation,
        Category::Ecology,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Air => "air",
            Category::Water => "water",
            Category::Noise => "noise",
            Category::SolidWaste => "solid_waste",
            Category::Radiation => "radiation",
            Category::Ecology => "ecology",
            Category::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn list() -> String {
        Self::ALL.map(Category::as_str).join("|")
    }
}

/// How a closed complaint ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A violation was found and the enterprise ordered to correct it.
    ViolationConfirmed,
    /// Found, and corrected on the spot.
    Rectified,
    /// Nothing found on site.
    NoViolation,
    /// Handed to another authority.
    Referred,
    Other,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::ViolationConfirmed,
        Outcome::Rectified,
        Outcome::NoViolation,
        Outcome::Referred,
        Outcome::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::ViolationConfirmed => "violation_confirmed",
            Outcome::Rectified => "rectified",
            Outcome::NoViolation => "no_violation",
            Outcome::Referred => "referred",
            Outcome::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The life of a complaint (DESIGN.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Dispatched,
    EnRoute,
    OnScene,
    Handling,
    Closed,
    Reopened,
    Merged,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Received,
        Status::Dispatched,
        Status::EnRoute,
        Status::OnScene,
        Status::Handling,
        Status::Closed,
        Status::Reopened,
        Status::Merged,
        Status::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Dispatched => "dispatched",
            Status::EnRoute => "en_route",
            Status::OnScene => "on_scene",
            Status::Handling => "handling",
            Status::Closed => "closed",
            Status::Reopened => "reopened",
            Status::Merged => "merged",
            Status::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Open: the complaint still needs someone (the countdown may still run).
    /// Every query of open complaints is derived from this set.
    pub const OPEN: [Status; 6] = [
        Status::Received,
        Status::Dispatched,
        Status::EnRoute,
        Status::OnScene,
        Status::Handling,
        Status::Reopened,
    ];

    /// Open and nobody on site yet: the arrival countdown runs, and
    /// automatic escalation may fire.
    pub const AWAITING_ARRIVAL: [Status; 4] = [
        Status::Received,
        Status::Dispatched,
        Status::EnRoute,
        Status::Reopened,
    ];

    pub fn is_open(self) -> bool {
        Status::OPEN.contains(&self)
    }

    /// Someone is on site: the arrival deadline is met or missed, no longer running.
    pub fn has_arrival(self) -> bool {
        matches!(self, Status::OnScene | Status::Handling)
    }

    /// Open and nobody on site yet.
    pub fn awaits_arrival(self) -> bool {
        Status::AWAITING_ARRIVAL.contains(&self)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A requested change of status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transition {
    Dispatch,
    SetOff,
    Arrive,
    StartHandling,
    Resolve(Outcome),
    Reopen,
    Merge { into: i64 },
    Reject { reason: String },
}

impl Transition {
    pub fn name(&self) -> &'static str {
        match self {
            Transition::Dispatch => "dispatch",
            Transition::SetOff => "set off",
            Transition::Arrive => "log an arrival",
            Transition::StartHandling => "start handling",
            Transition::Resolve(_) => "resolve",
            Transition::Reopen => "reopen",
            Transition::Merge { .. } => "merge",
            Transition::Reject { .. } => "reject",
        }
    }
}

/// What the duty officer can do about a refused move, as a value so each
/// front end words it in its language (English here, for logs and the CLI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    None,
    AlreadyOnSite,
    ReopenFirst,
    WasMerged,
    ArrivalLogged,
    OnlyAfterArrival,
    LogArrivalFirst,
    OnlyClosedReopen,
    ResolveInstead,
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Hint::None => "",
            Hint::AlreadyOnSite => " (an officer is already on site)",
            Hint::ReopenFirst => " (reopen it first)",
            Hint::WasMerged => " (it was merged into another complaint)",
            Hint::ArrivalLogged => " (an arrival is already logged)",
            Hint::OnlyAfterArrival => " (only after an arrival)",
            Hint::LogArrivalFirst => {
                " (no arrival logged yet: log the arrival first, or reject it)"
            }
            Hint::OnlyClosedReopen => " (only closed or rejected complaints reopen)",
            Hint::ResolveInstead => " (an officer is on site: resolve it instead)",
        })
    }
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("cannot {action}: complaint is {from}{hint}")]
    Illegal {
        action: &'static str,
        from: Status,
        hint: Hint,
    },
    #[error("cannot merge a complaint into itself")]
    MergeIntoSelf,
    #[error("a reason is needed to {0}")]
    EmptyReason(&'static str),
}

/// Apply `t` to a complaint in `from` with id `id`: the new status or why not.
pub fn transition(id: i64, from: Status, t: &Transition) -> Result<Status, TransitionError> {
    use Status::*;
    let illegal = |hint: Hint| TransitionError::Illegal {
        action: t.name(),
        from,
        hint,
    };
    match t {
        Transition::Dispatch => match from {
            Received | Dispatched | EnRoute | Reopened => Ok(Dispatched),
            OnScene | Handling => Err(illegal(Hint::AlreadyOnSite)),
            Closed | Rejected => Err(illegal(Hint::ReopenFirst)),
            _ => Err(illegal(Hint::WasMerged)),
        },
        Transition::SetOff => match from {
            Received | Dispatched | Reopened => Ok(EnRoute),
            _ => Err(illegal(Hint::None)),
        },
        Transition::Arrive => match from {
            Received | Dispatched | EnRoute | Reopened => Ok(OnScene),
            OnScene | Handling => Err(illegal(Hint::ArrivalLogged)),
            Closed | Rejected => Err(illegal(Hint::ReopenFirst)),
            _ => Err(illegal(Hint::WasMerged)),
        },
        Transition::StartHandling => match from {
            OnScene => Ok(Handling),
            _ => Err(illegal(Hint::OnlyAfterArrival)),
        },
        Transition::Resolve(_) => match from {
            OnScene | Handling => Ok(Closed),
            Received | Dispatched | EnRoute | Reopened => Err(illegal(Hint::LogArrivalFirst)),
            _ => Err(illegal(Hint::None)),
        },
        Transition::Reopen => match from {
            Closed | Rejected => Ok(Reopened),
            _ => Err(illegal(Hint::OnlyClosedReopen)),
        },
        Transition::Merge { into } => {
            if *into == id {
                return Err(TransitionError::MergeIntoSelf);
            }
            if from.is_open() {
                Ok(Merged)
            } else {
                Err(illegal(Hint::None))
            }
        }
        Transition::Reject { reason } => {
            if reason.trim().is_empty() {
                return Err(TransitionError::EmptyReason(t.name()));
            }
            match from {
                Received | Dispatched | EnRoute | Reopened => Ok(Rejected),
                OnScene | Handling => Err(illegal(Hint::ResolveInstead)),
                _ => Err(illegal(Hint::None)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status::*;
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::dispatch_new(Received, Transition::Dispatch, Dispatched)]
    #[case::redispatch(Dispatched, Transition::Dispatch, Dispatched)]
    #[case::dispatch_en_route(EnRoute, Transition::Dispatch, Dispatched)]
    #[case::dispatch_reopened(Reopened, Transition::Dispatch, Dispatched)]
    #[case::set_off(Dispatched, Transition::SetOff, EnRoute)]
    #[case::set_off_received(Received, Transition::SetOff, EnRoute)]
    #[case::set_off_reopened(Reopened, Transition::SetOff, EnRoute)]
    #[case::arrive_received(Received, Transition::Arrive, OnScene)]
    #[case::arrive_dispatched(Dispatched, Transition::Arrive, OnScene)]
    #[case::arrive_en_route(EnRoute, Transition::Arrive, OnScene)]
    #[case::arrive_reopened(Reopened, Transition::Arrive, OnScene)]
    #[case::handle(OnScene, Transition::StartHandling, Handling)]
    #[case::resolve_on_scene(OnScene, Transition::Resolve(Outcome::NoViolation), Closed)]
    #[case::resolve_handling(Handling, Transition::Resolve(Outcome::Rectified), Closed)]
    #[case::reopen_closed(Closed, Transition::Reopen, Reopened)]
    #[case::reopen_rejected(Rejected, Transition::Reopen, Reopened)]
    #[case::merge_received(Received, Transition::Merge { into: 2 }, Merged)]
    #[case::merge_handling(Handling, Transition::Merge { into: 2 }, Merged)]
    #[case::reject_received(Received, Transition::Reject { reason: "not ours".into() }, Rejected)]
    #[case::reject_dispatched(Dispatched, Transition::Reject { reason: "x".into() }, Rejected)]
    fn legal(#[case] from: Status, #[case] t: Transition, #[case] to: Status) {
        assert_eq!(transition(1, from, &t), Ok(to));
    }

    #[rstest]
    #[case::dispatch_closed(Closed, Transition::Dispatch)]
    #[case::dispatch_on_scene(OnScene, Transition::Dispatch)]
    #[case::dispatch_merged(Merged, Transition::Dispatch)]
    #[case::set_off_on_scene(OnScene, Transition::SetOff)]
    #[case::set_off_closed(Closed, Transition::SetOff)]
    #[case::arrive_twice(OnScene, Transition::Arrive)]
    #[case::arrive_handling(Handling, Transition::Arrive)]
    #[case::arrive_closed(Closed, Transition::Arrive)]
    #[case::arrive_rejected(Rejected, Transition::Arrive)]
    #[case::arrive_merged(Merged, Transition::Arrive)]
    #[case::handle_received(Received, Transition::StartHandling)]
    #[case::handle_closed(Closed, Transition::StartHandling)]
    #[case::resolve_received(Received, Transition::Resolve(Outcome::Other))]
    #[case::resolve_dispatched(Dispatched, Transition::Resolve(Outcome::Other))]
    #[case::resolve_closed(Closed, Transition::Resolve(Outcome::Other))]
    #[case::resolve_merged(Merged, Transition::Resolve(Outcome::Other))]
    #[case::reopen_open(Received, Transition::Reopen)]
    #[case::reopen_merged(Merged, Transition::Reopen)]
    #[case::merge_closed(Closed, Transition::Merge { into: 2 })]
    #[case::merge_self(Received, Transition::Merge { into: 1 })]
    #[case::reject_on_scene(OnScene, Transition::Reject { reason: "x".into() })]
    #[case::reject_closed(Closed, Transition::Reject { reason: "x".into() })]
    #[case::reject_without_reason(Received, Transition::Reject { reason: "  ".into() })]
    fn illegal(#[case] from: Status, #[case] t: Transition) {
        assert!(
            transition(1, from, &t).is_err(),
            "{from} --{}--> should be refused",
            t.name()
        );
    }

    #[test]
    fn illegal_message_names_both_ends() {
        let e = transition(1, Closed, &Transition::Arrive).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot log an arrival: complaint is closed (reopen it first)"
        );
    }

    #[test]
    fn every_status_round_trips_its_name() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        for s in Source::ALL {
            assert_eq!(Source::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn the_status_sets_agree_with_the_rules_they_name() {
        for s in Status::ALL {
            let closed = matches!(s, Status::Closed | Status::Merged | Status::Rejected);
            assert_eq!(s.is_open(), !closed, "{s}");
            assert_eq!(s.awaits_arrival(), s.is_open() && !s.has_arrival(), "{s}");
        }
    }
}
