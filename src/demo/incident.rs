//! The demo's drill incident: a river turned milky below 沙洲村, opened on
//! the water-pollution plan half an hour before the shift the demo opens
//! on, so the Incidents screen has something running. The first step is
//! done, the commander is on scene, monitoring is on its way, equipment has
//! left a depot; the field then works the checklist as time goes (most
//! steps a few minutes before they are due, one late, so a step escalation
//! shows too), the level becomes known (III: the initial report's deadline
//! moves from 2 h to 4 h, logged) and the initial report goes out.

use chrono::{DateTime, Duration, Utc};

use crate::config::Config;
use crate::domain::incident::{
    Fact, Level, Movement, PersonStatus, Question, Questions, ReportKind, Severity, StepChange,
};
use crate::ops::{Command, IncidentCommand, OpenIncident};

/// The plan the drill runs on, and where.
const PLAN: &str = "water-pollution";
const GRID: &str = "T02-V02";

/// Something the field does for the incident at a planned moment.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    Tick {
        n: i64,
    },
    Person {
        officer: String,
        role: String,
        status: PersonStatus,
    },
    /// Equipment leaves the nearest depot that holds it.
    Equip {
        item: &'static str,
        quantity: u32,
    },
    /// What happened so far, for the reports.
    Course(&'static str),
    /// The level becomes known.
    Level(Level),
    ReportSent,
}

impl Task {
    /// The command for incident `id`.
    pub fn command(&self, id: i64) -> Command {
        Command::Incident(match self.clone() {
            Task::Tick { n } => IncidentCommand::Step {
                id,
                n,
                change: StepChange::Done {
                    note: Some("现场报告已完成 / reported done from the scene".into()),
                },
            },
            Task::Person {
                officer,
                role,
                status,
            } => IncidentCommand::Assign {
                id,
                officer,
                role,
                status,
            },
            Task::Equip { item, quantity } => IncidentCommand::Equip {
                id,
                item: item.into(),
                depot: None,
                movement: Movement::Dispatched,
                quantity,
            },
            Task::Course(text) => IncidentCommand::Facts {
                id,
                facts: vec![(Fact::Course, text.into())],
            },
            Task::Level(l) => IncidentCommand::Level {
                id,
                severity: Severity::Known(l),
            },
            Task::ReportSent => IncidentCommand::ReportSent {
                id,
                kind: ReportKind::Initial,
                to: "临江市生态环境局、临江市人民政府".into(),
            },
        })
    }
}

/// When the drill incident was discovered: half an hour before the shift
/// the demo opens on.
pub fn discovered(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(30)
}

/// The drill incident's opening (performed three minutes after
/// `discovered`); `None` when the configuration has no water-pollution
/// plan or no such grid.
pub fn opening(config: &Config, discovered: DateTime<Utc>) -> Option<(DateTime<Utc>, Command)> {
    if !config.plans.contains_key(PLAN) || config.grids.get(GRID).is_none() {
        return None;
    }
    let open = Command::Incident(IncidentCommand::Open(Box::new(OpenIncident {
        plan: PLAN.into(),
        grid: Some(GRID.into()),
        severity: Severity::Unknown(Questions::new([Question::DrinkingWater])),
        place: Some("沙洲村清水河排口下游 200 米".into()),
        from_complaint: None,
        discovered_at: Some(discovered),
        drill: true,
        summary: Some("河水呈乳白色，有刺鼻气味 / the river runs milky with a sharp smell".into()),
        again: false,
    })));
    Some((discovered + Duration::minutes(3), open))
}

/// The incident's course after its opening, by minutes after discovery.
/// While the level is unknown (a drinking-water intake downstream: the
/// I/II deadlines) step 1 is due at 15 min and step 4 at 30; the level is
/// found to be III at 40 min, which moves the initial report from 2 h to
/// 4 h. Step 3 (the written report, due at 60) is done late, at 66.
pub fn course(config: &Config, discovered: DateTime<Utc>) -> Vec<(DateTime<Utc>, Task)> {
    let people = officers(config);
    let person = |i: usize, role: &str, status: PersonStatus| {
        people.get(i).map(|o| Task::Person {
            officer: o.clone(),
            role: role.into(),
            status,
        })
    };
    use PersonStatus::*;
    let plan: Vec<(i64, Option<Task>)> = vec![
        (5, person(0, "commander", Requested)),
        (12, Some(Task::Tick { n: 1 })),
        (14, person(1, "monitoring", Notified)),
        (20, person(1, "monitoring", EnRoute)),
        (24, person(3, "disposal", Requested)),
        (25, person(0, "commander", OnScene)),
        (26, Some(Task::Tick { n: 2 })),
        (
            27,
            Some(Task::Equip {
                item: "water_analyser",
                quantity: 1,
            }),
        ),
        (
            27,
            Some(Task::Equip {
                item: "sampling_kit",
                quantity: 2,
            }),
        ),
        (
            27,
            Some(Task::Equip {
                item: "sandbag",
                quantity: 80,
            }),
        ),
        (28, Some(Task::Tick { n: 4 })),
        (
            29,
            Some(Task::Course(
                "村民电话反映清水河沙洲村段河水发白；值班室核实后启动预案 / villagers phoned about white water at 沙洲村; the duty room verified it and started the plan",
            )),
        ),
        (32, person(2, "monitoring", Notified)),
        (36, person(2, "monitoring", EnRoute)),
        (40, Some(Task::Level(Level::III))),
        (42, person(1, "monitoring", OnScene)),
        (45, person(3, "disposal", EnRoute)),
        (54, person(2, "monitoring", OnScene)),
        (66, Some(Task::Tick { n: 3 })),
        (70, person(3, "disposal", OnScene)),
        (100, Some(Task::ReportSent)),
        (105, Some(Task::Tick { n: 5 })),
        (112, Some(Task::Tick { n: 6 })),
        (170, Some(Task::Tick { n: 7 })),
        (230, Some(Task::Tick { n: 8 })),
    ];
    plan.into_iter()
        .filter_map(|(m, t)| t.map(|t| (discovered + Duration::minutes(m), t)))
        .collect()
}

/// Officers of the incident's township and its villages, by id.
fn officers(config: &Config) -> Vec<String> {
    let town = GRID.split('-').next().unwrap_or(GRID);
    config
        .officers
        .values()
        .filter(|o| o.grid == town || o.grid.starts_with(&format!("{town}-")))
        .map(|o| o.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_county_has_what_the_drill_incident_needs() {
        let config = Config::embedded().unwrap();
        let now: DateTime<Utc> = "2026-11-30T02:00:00Z".parse().unwrap();
        let t0 = discovered(now);
        let (at, _) = opening(&config, t0).unwrap();
        let course = course(&config, t0);
        assert!(officers(&config).len() >= 4);
        assert_eq!(course.len(), 25, "every task has its officer");
        assert!(course.iter().all(|(t, _)| *t > at));
        assert!(course.windows(2).all(|w| w[0].0 <= w[1].0), "in order");
    }
}
