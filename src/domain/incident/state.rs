//! States of an incident, of its steps and of the people assigned to it,
//! and the moves between them. An illegal move is an error, not a panic.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// active → stable → closed; stable → active; closed → active (reopen, with a reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    Active,
    Stable,
    Closed,
}

impl IncidentStatus {
    pub fn id(self) -> &'static str {
        match self {
            IncidentStatus::Active => "active",
            IncidentStatus::Stable => "stable",
            IncidentStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<IncidentStatus> {
        match s.trim().to_ascii_lowercase().as_str() {
            "active" => Some(IncidentStatus::Active),
            "stable" => Some(IncidentStatus::Stable),
            "closed" => Some(IncidentStatus::Closed),
            _ => None,
        }
    }

    pub fn is_open(self) -> bool {
        self != IncidentStatus::Closed
    }

    /// Whether `self → to` is allowed. Reopening (closed → active) is
    /// allowed here; the operation asks for its reason.
    pub fn can_become(self, to: IncidentStatus) -> bool {
        use IncidentStatus::*;
        matches!(
            (self, to),
            (Active, Stable)
                | (Stable, Active)
                | (Active, Closed)
                | (Stable, Closed)
                | (Closed, Active)
        )
    }
}

/// Where an assigned person is: requested → notified → en route → on scene
/// → released. Steps may be skipped forward (someone already on scene is
/// assigned "on scene"); never backward; released is the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonStatus {
    Requested,
    Notified,
    EnRoute,
    OnScene,
    Released,
}

impl PersonStatus {
    pub const ALL: [PersonStatus; 5] = [
        PersonStatus::Requested,
        PersonStatus::Notified,
        PersonStatus::EnRoute,
        PersonStatus::OnScene,
        PersonStatus::Released,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PersonStatus::Requested => "requested",
            PersonStatus::Notified => "notified",
            PersonStatus::EnRoute => "en_route",
            PersonStatus::OnScene => "on_scene",
            PersonStatus::Released => "released",
        }
    }

    /// The id, with `-` or `_` or a space between words, in any case.
    pub fn parse(s: &str) -> Option<PersonStatus> {
        let s = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        PersonStatus::ALL.into_iter().find(|p| p.id() == s)
    }

    /// Whether `self → to` is allowed: forward only, released is final.
    pub fn can_become(self, to: PersonStatus) -> bool {
        self != PersonStatus::Released && to > self
    }

    /// The next status in order (the dashboard's "advance" key).
    pub fn next(self) -> Option<PersonStatus> {
        PersonStatus::ALL.into_iter().find(|p| *p > self)
    }

    /// Counts toward the plan's staffing (not yet released).
    pub fn is_engaged(self) -> bool {
        self != PersonStatus::Released
    }
}

/// A step of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum StepState {
    Open,
    Done {
        at: DateTime<Utc>,
        by: String,
        note: Option<String>,
    },
    Skipped {
        at: DateTime<Utc>,
        by: String,
        reason: String,
    },
}

impl StepState {
    /// Done or skipped: nothing more to do, no countdown, no escalation.
    pub fn is_settled(&self) -> bool {
        !matches!(self, StepState::Open)
    }
}

/// What a duty officer does to a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepChange {
    Done {
        note: Option<String>,
    },
    /// Ticked by mistake: open again (audited).
    Undone,
    Skip {
        reason: String,
    },
}

/// A movement of equipment or materials for an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    Requested,
    Dispatched,
    Returned,
}

impl Movement {
    pub fn id(self) -> &'static str {
        match self {
            Movement::Requested => "requested",
            Movement::Dispatched => "dispatched",
            Movement::Returned => "returned",
        }
    }
}

/// An upward report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// 初报
    Initial,
    /// 续报, whenever the facts change.
    FollowUp,
    /// 处理结果报告
    Final,
}

impl ReportKind {
    pub const ALL: [ReportKind; 3] = [ReportKind::Initial, ReportKind::FollowUp, ReportKind::Final];

    pub fn id(self) -> &'static str {
        match self {
            ReportKind::Initial => "initial",
            ReportKind::FollowUp => "follow_up",
            ReportKind::Final => "final",
        }
    }

    /// `initial`, `follow-up` (or `follow_up`, `followup`), `final`.
    pub fn parse(s: &str) -> Option<ReportKind> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "initial" => Some(ReportKind::Initial),
            "follow_up" | "followup" => Some(ReportKind::FollowUp),
            "final" => Some(ReportKind::Final),
            _ => None,
        }
    }
}

/// A fact of the incident the reports ask for, recorded as it becomes
/// known (the latest text of each counts; earlier ones stay in the timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// Cause and nature (起因和性质).
    Cause,
    /// Course of events (事件经过).
    Course,
    /// Main pollutants and quantities (主要污染物和数量).
    Pollutants,
    /// Monitoring data (监测数据).
    Monitoring,
    /// Casualties (人员伤亡).
    Casualties,
    /// Impact on drinking water and sensitive receptors (对饮用水源地、敏感点的影响).
    Impact,
    /// Trend (发展趋势).
    Trend,
}

impl Fact {
    pub const ALL: [Fact; 7] = [
        Fact::Cause,
        Fact::Course,
        Fact::Pollutants,
        Fact::Monitoring,
        Fact::Casualties,
        Fact::Impact,
        Fact::Trend,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Fact::Cause => "cause",
            Fact::Course => "course",
            Fact::Pollutants => "pollutants",
            Fact::Monitoring => "monitoring",
            Fact::Casualties => "casualties",
            Fact::Impact => "impact",
            Fact::Trend => "trend",
        }
    }

    pub fn parse(s: &str) -> Option<Fact> {
        let s = s.trim().to_ascii_lowercase();
        Fact::ALL.into_iter().find(|f| f.id() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_move_forward_only_and_released_is_final() {
        use PersonStatus::*;
        assert!(Requested.can_become(Notified));
        assert!(Requested.can_become(OnScene));
        assert!(OnScene.can_become(Released));
        assert!(!OnScene.can_become(EnRoute));
        assert!(!Notified.can_become(Notified));
        assert!(!Released.can_become(Released));
        assert_eq!(EnRoute.next(), Some(OnScene));
        assert_eq!(Released.next(), None);
        assert_eq!(PersonStatus::parse("En-Route"), Some(EnRoute));
    }

    #[test]
    fn an_incident_reopens_only_to_active() {
        use IncidentStatus::*;
        assert!(Active.can_become(Stable) && Stable.can_become(Active));
        assert!(Closed.can_become(Active));
        assert!(!Closed.can_become(Stable));
        assert!(!Active.can_become(Active));
        assert!(!Closed.can_become(Closed));
    }

    #[test]
    fn report_kinds_take_the_spellings_people_type() {
        assert_eq!(ReportKind::parse("follow-up"), Some(ReportKind::FollowUp));
        assert_eq!(ReportKind::parse("FINAL"), Some(ReportKind::Final));
        assert_eq!(ReportKind::parse("first"), None);
    }
}
