//! Emergency incidents on a real database through `ops::perform`: opening
//! from a complaint with a frozen copy of the plan, due times on a fixed
//! clock, level changes that move deadlines (logged), the people and
//! equipment state machines, reopening with a reason, and an audit record
//! for every change. Plans are built here directly (the shipped ones come
//! with the configuration).

use chrono::{DateTime, Duration, Utc};
use gridwatch::clock::ClockMode;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::incident::resources::depot_stock;
use gridwatch::domain::incident::{
    Bilingual, DueOffsets, Fact, IncidentError, IncidentFilter, IncidentStatus, Level, Movement,
    PersonStatus, Question, Questions, ReportKind, Severity, StepChange, StepState,
};
use gridwatch::domain::{Actor, Entity};
use gridwatch::ops::{
    Command, IncidentCommand, IncidentOutcome, OpError, OpenIncident, Outcome, perform,
};
use gridwatch::store::{AuditLog, Durability, Incidents, SqliteStore};

mod common;
use common::incident::stocked;
use common::{NOW, Room, complaint};

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Complaint 1 was received Mon 30 Nov 09:12 (+08:00) in T03-V01-G01.
const RECEIVED: &str = "2026-11-30T09:12:00+08:00";
const NOW_AT: &str = "2026-11-30T09:30:00+08:00";

fn setup() -> (Room, Config, SqliteStore) {
    let room = Room::new();
    let p = room.write("c.json", complaint("E1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let config = stocked(Config::load(ConfigSource::Dir(room.path("config"))).unwrap());
    let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    (room, config, store)
}

fn duty() -> Actor {
    Actor::new("duty", "console-1", ClockMode::Fixed)
}

fn run(
    s: &mut SqliteStore,
    c: &Config,
    now: DateTime<Utc>,
    cmd: IncidentCommand,
) -> Result<IncidentOutcome, OpError> {
    perform(s, c, &duty(), now, Command::Incident(cmd)).map(|o| match o {
        Outcome::Incident(i) => i,
        other => panic!("not an incident outcome: {other:?}"),
    })
}

fn open_cmd(severity: Severity) -> IncidentCommand {
    IncidentCommand::Open(Box::new(OpenIncident {
        plan: "water-pollution".into(),
        grid: None,
        severity,
        place: None,
        from_complaint: Some(1),
        discovered_at: None,
        drill: false,
        summary: Some("oil sheen on the river".into()),
        again: false,
    }))
}

/// Open one more incident from complaint 1 (on purpose: `again`).
fn open(s: &mut SqliteStore, c: &Config, severity: Severity) -> i64 {
    let mut cmd = open_cmd(severity);
    if let IncidentCommand::Open(o) = &mut cmd {
        o.again = true;
    }
    match run(s, c, t(NOW_AT), cmd).unwrap() {
        IncidentOutcome::Opened { id, .. } => id,
        other => panic!("{other:?}"),
    }
}

fn refused(r: Result<IncidentOutcome, OpError>) -> IncidentError {
    match r {
        Err(OpError::Incident(e)) => e,
        other => panic!("expected an incident refusal, got {other:?}"),
    }
}

fn actions(s: &SqliteStore, id: i64) -> Vec<String> {
    s.incident(id)
        .unwrap()
        .timeline
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[test]
fn an_incident_opened_from_a_complaint_keeps_its_frozen_plan() {
    let (_room, mut config, mut s) = setup();
    let got = run(
        &mut s,
        &config,
        t(NOW_AT),
        open_cmd(Severity::Known(Level::III)),
    )
    .unwrap();
    let received = t(RECEIVED);
    assert_eq!(
        got,
        IncidentOutcome::Opened {
            id: 1,
            next_due_at: Some(received + Duration::minutes(30)),
            report_due_at: Some(received + Duration::hours(4)),
        }
    );
    // A second incident from the same complaint only on purpose.
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            t(NOW_AT),
            open_cmd(Severity::Known(Level::III)),
        )),
        IncidentError::ComplaintHasIncident {
            complaint: 1,
            incident: 1
        }
    );
    let d = s.incident(1).unwrap();
    assert_eq!(d.row.grid, "T03-V01-G01", "the complaint's grid");
    assert_eq!(d.row.discovered_at, received, "the complaint's received_at");
    assert_eq!(d.row.opened_at, t(NOW_AT));
    assert_eq!(d.row.complaint_id, Some(1));
    assert_eq!(
        d.row.place.as_deref(),
        Some("临江经济开发区化工园纬2路13号")
    );
    assert_eq!(d.row.level, "III");
    assert_eq!(d.row.status, IncidentStatus::Active);
    let due: Vec<(i64, DateTime<Utc>)> = d.steps.iter().map(|s| (s.n, s.due_at)).collect();
    assert_eq!(
        due,
        [
            (1, received + Duration::minutes(30)),
            (2, received + Duration::minutes(60)),
            (3, received + Duration::hours(4)),
            (4, received + Duration::minutes(90)),
        ]
    );
    assert_eq!(d.roles.len(), 2);
    assert_eq!(d.needs.len(), 2);
    assert_eq!(
        d.equipment.len(),
        2,
        "a row per needed item: {:?}",
        d.equipment
    );
    assert_eq!(d.reports.len(), 1);
    assert_eq!(d.reports[0].kind, ReportKind::Initial);
    assert_eq!(d.reports[0].due_at, Some(received + Duration::hours(4)));
    assert_eq!(d.row.steps_total, 4);
    assert_eq!(d.row.steps_settled, 0);
    assert_eq!(d.row.next_step, Some(1));
    assert_eq!(
        d.row.initial_report_due_at,
        Some(received + Duration::hours(4))
    );

    // The plan is edited afterwards: the running incident does not change.
    let plan = config.plans.get_mut("water-pollution").unwrap();
    plan.name = Bilingual::new("Renamed", "改名");
    plan.steps.truncate(1);
    plan.steps[0].due = DueOffsets::flat(5);
    plan.roles.clear();
    plan.items.clear();
    plan.reports.initial = DueOffsets::flat(10);
    let after = s.incident(1).unwrap();
    assert_eq!(after, d);
    assert_eq!(after.row.name.en, "River or water pollution");
    // …and a level change still follows the frozen offsets, not the edited plan.
    run(
        &mut s,
        &config,
        t(NOW_AT),
        IncidentCommand::Level {
            id: 1,
            severity: Severity::Known(Level::IV),
        },
    )
    .unwrap();
    let d = s.incident(1).unwrap();
    assert_eq!(d.steps.len(), 4);
    assert_eq!(d.steps[0].due_at, received + Duration::minutes(30));
    assert_eq!(d.reports[0].due_at, Some(received + Duration::hours(4)));
}

#[test]
fn level_iii_to_ii_moves_the_initial_report_from_4_h_to_2_h_and_logs_it() {
    let (_room, config, mut s) = setup();
    let id = open(&mut s, &config, Severity::Known(Level::III));
    let received = t(RECEIVED);
    let got = run(
        &mut s,
        &config,
        t("2026-11-30T10:00:00+08:00"),
        IncidentCommand::Level {
            id,
            severity: Severity::Known(Level::II),
        },
    )
    .unwrap();
    assert_eq!(
        got,
        IncidentOutcome::Leveled {
            id,
            severity: Severity::Known(Level::II),
            report_due_before: Some(received + Duration::hours(4)),
            report_due_after: Some(received + Duration::hours(2)),
        }
    );
    let d = s.incident(id).unwrap();
    assert_eq!(d.row.level, "II");
    assert_eq!(d.reports[0].due_at, Some(received + Duration::hours(2)));
    assert_eq!(
        d.steps[2].due_at,
        received + Duration::hours(2),
        "upward report step"
    );
    assert_eq!(
        d.steps[0].due_at,
        received + Duration::minutes(30),
        "flat offsets stay"
    );
    let logged = d.timeline.last().unwrap();
    assert_eq!(logged.action, "incident.level");
    assert_eq!(logged.subject, format!("incident:{id}"));
    assert_eq!(logged.details["from"], "III");
    assert_eq!(logged.details["to"], "II");
    assert_eq!(
        logged.details["report_due_before"],
        serde_json::json!(received + Duration::hours(4))
    );
    assert_eq!(
        logged.details["report_due_after"],
        serde_json::json!(received + Duration::hours(2))
    );
    // The same level again is refused; a sent report's deadline stays put.
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            t(NOW_AT),
            IncidentCommand::Level {
                id,
                severity: Severity::Known(Level::II)
            }
        )),
        IncidentError::SameLevel(id)
    );
    run(
        &mut s,
        &config,
        t("2026-11-30T10:30:00+08:00"),
        IncidentCommand::ReportSent {
            id,
            kind: ReportKind::Initial,
            to: "市生态环境局".into(),
        },
    )
    .unwrap();
    run(
        &mut s,
        &config,
        t("2026-11-30T10:40:00+08:00"),
        IncidentCommand::Level {
            id,
            severity: Severity::Known(Level::IV),
        },
    )
    .unwrap();
    let d = s.incident(id).unwrap();
    assert_eq!(d.reports[0].due_at, Some(received + Duration::hours(2)));
    assert_eq!(d.row.initial_report_due_at, None, "sent: no countdown");
    assert_eq!(
        d.row.initial_report_sent_at,
        Some(t("2026-11-30T10:30:00+08:00"))
    );
}

#[test]
fn an_unknown_level_with_one_yes_takes_2_h_and_none_takes_4_h() {
    let (_room, config, mut s) = setup();
    let received = t(RECEIVED);
    let grave = open(
        &mut s,
        &config,
        Severity::Unknown(Questions::new([Question::DrinkingWater])),
    );
    let plain = open(&mut s, &config, Severity::Unknown(Questions::default()));
    let g = s.incident(grave).unwrap();
    assert_eq!(g.row.level, "unknown");
    assert_eq!(
        g.row.severity,
        Severity::Unknown(Questions::new([Question::DrinkingWater]))
    );
    assert_eq!(g.reports[0].due_at, Some(received + Duration::hours(2)));
    assert_eq!(g.steps[2].due_at, received + Duration::hours(2));
    let p = s.incident(plain).unwrap();
    assert_eq!(p.reports[0].due_at, Some(received + Duration::hours(4)));
    // A second yes answer changes nothing further; the answers are kept.
    run(
        &mut s,
        &config,
        t(NOW_AT),
        IncidentCommand::Level {
            id: plain,
            severity: Severity::Unknown(Questions::new([Question::HeavyMetals])),
        },
    )
    .unwrap();
    let p = s.incident(plain).unwrap();
    assert_eq!(p.reports[0].due_at, Some(received + Duration::hours(2)));
    assert_eq!(
        p.timeline.last().unwrap().details["answers"][0],
        "heavy_metals"
    );
}

#[test]
fn people_move_forward_only_and_the_first_on_scene_is_recorded() {
    let (_room, config, mut s) = setup();
    let id = open(&mut s, &config, Severity::Known(Level::III));
    let at = |m: i64| t(NOW_AT) + Duration::minutes(m);
    let assign = |officer: &str, role: &str, status| IncidentCommand::Assign {
        id,
        officer: officer.into(),
        role: role.into(),
        status,
    };
    let mut go = |officer: &str, role: &str, status, m| {
        run(&mut s, &config, at(m), assign(officer, role, status))
    };
    assert!(go("O019", "monitoring", PersonStatus::Requested, 0).is_ok());
    assert!(go("O019", "monitoring", PersonStatus::Notified, 1).is_ok());
    assert_eq!(
        refused(go("O019", "monitoring", PersonStatus::Requested, 2)),
        IncidentError::PersonMove {
            id,
            officer: "O019".into(),
            role: "monitoring".into(),
            from: PersonStatus::Notified,
            to: PersonStatus::Requested,
        }
    );
    assert!(
        go("O019", "monitoring", PersonStatus::Notified, 2).is_err(),
        "not to itself"
    );
    match go("O019", "monitoring", PersonStatus::OnScene, 20).unwrap() {
        IncidentOutcome::Assigned { first_on_scene, .. } => assert!(first_on_scene),
        other => panic!("{other:?}"),
    }
    // Assigned straight on scene (skipping forward is allowed): not the first.
    match go("O018", "commander", PersonStatus::OnScene, 25).unwrap() {
        IncidentOutcome::Assigned { first_on_scene, .. } => assert!(!first_on_scene),
        other => panic!("{other:?}"),
    }
    assert!(go("O019", "monitoring", PersonStatus::Released, 60).is_ok());
    assert!(
        go("O019", "monitoring", PersonStatus::OnScene, 61).is_err(),
        "released is final"
    );
    // The same officer in another role is another assignment.
    assert!(go("O019", "commander", PersonStatus::Requested, 62).is_ok());
    // A role the incident's plan does not have is refused, naming the ones it has.
    match refused(go("O019", "pilot", PersonStatus::Requested, 62)) {
        IncidentError::NoSuchRole { role, roles, .. } => {
            assert_eq!(role, "pilot");
            assert!(roles.iter().any(|r| r.role == "monitoring"), "{roles:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        go("O999", "monitoring", PersonStatus::Requested, 63),
        Err(OpError::Store(gridwatch::store::StoreError::NoSuchOfficer(
            _
        )))
    ));
    assert_eq!(
        refused(go("O017", "  ", PersonStatus::Requested, 63)),
        IncidentError::Empty { field: "role" }
    );

    let d = s.incident(id).unwrap();
    assert_eq!(d.row.first_on_scene_at, Some(at(20)));
    let o19 = &d.personnel[0];
    assert_eq!(
        (o19.officer.as_str(), o19.role.as_str()),
        ("O019", "monitoring")
    );
    assert_eq!(o19.status, PersonStatus::Released);
    assert_eq!(o19.at, at(60));
    assert_eq!(
        o19.history,
        [
            (PersonStatus::Requested, at(0)),
            (PersonStatus::Notified, at(1)),
            (PersonStatus::OnScene, at(20)),
            (PersonStatus::Released, at(60)),
        ]
    );
    assert_eq!(d.personnel.len(), 3);
    let staffing = gridwatch::domain::incident::resources::staffing(&d.roles, &d.personnel);
    let monitoring = staffing.iter().find(|r| r.role == "monitoring").unwrap();
    assert_eq!((monitoring.engaged, monitoring.short), (0, 2));
}

#[test]
fn equipment_leaves_a_depot_no_faster_than_it_holds_and_comes_back() {
    let (_room, config, mut s) = setup();
    let id = open(&mut s, &config, Severity::Known(Level::III));
    let other = open(&mut s, &config, Severity::Known(Level::IV));
    let equip = |id: i64, depot: Option<&str>, movement, quantity| IncidentCommand::Equip {
        id,
        item: "sandbag".into(),
        depot: depot.map(String::from),
        movement,
        quantity,
    };
    let now = t(NOW_AT);
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            equip(id, Some("D1"), Movement::Dispatched, 130)
        )),
        IncidentError::OverStock {
            item: "sandbag".into(),
            depot: "D1".into(),
            asked: 130,
            held: 120
        }
    );
    run(
        &mut s,
        &config,
        now,
        equip(id, None, Movement::Requested, 100),
    )
    .unwrap();
    run(
        &mut s,
        &config,
        now,
        equip(id, Some("D1"), Movement::Dispatched, 100),
    )
    .unwrap();
    let stock = |s: &SqliteStore| {
        depot_stock(&config.inventory.depots, &s.item_moves().unwrap())
            [&("D1".to_string(), "sandbag".to_string())]
    };
    assert_eq!(stock(&s), 20, "the inventory follows the movements");
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            equip(other, Some("D1"), Movement::Dispatched, 30)
        )),
        IncidentError::OverStock {
            item: "sandbag".into(),
            depot: "D1".into(),
            asked: 30,
            held: 20
        }
    );
    // Without a depot: one that holds enough (D2 holds 50).
    match run(
        &mut s,
        &config,
        now,
        equip(other, None, Movement::Dispatched, 30),
    )
    .unwrap()
    {
        IncidentOutcome::Equipped { depot, .. } => assert_eq!(depot.as_deref(), Some("D2")),
        o => panic!("{o:?}"),
    }
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            equip(id, Some("D1"), Movement::Returned, 120)
        )),
        IncidentError::OverReturn {
            id,
            item: "sandbag".into(),
            depot: "D1".into(),
            asked: 120,
            out: 100
        }
    );
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            equip(id, Some("D2"), Movement::Returned, 1)
        )),
        IncidentError::OverReturn {
            id,
            item: "sandbag".into(),
            depot: "D2".into(),
            asked: 1,
            out: 0
        }
    );
    // A return without a depot goes back where it came from.
    run(
        &mut s,
        &config,
        now,
        equip(id, None, Movement::Returned, 40),
    )
    .unwrap();
    assert_eq!(stock(&s), 60);
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            equip(id, Some("D1"), Movement::Dispatched, 0)
        )),
        IncidentError::ZeroQuantity
    );
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            IncidentCommand::Equip {
                id,
                item: "unobtainium".into(),
                depot: None,
                movement: Movement::Requested,
                quantity: 1
            }
        )),
        IncidentError::NoSuchItem("unobtainium".into())
    );
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            equip(id, Some("D9"), Movement::Dispatched, 1)
        )),
        IncidentError::NoSuchDepot("D9".into())
    );
    let d = s.incident(id).unwrap();
    let rows: Vec<(String, Option<String>, u32, u32, u32, u32)> = d
        .equipment
        .iter()
        .map(|r| {
            (
                r.item.clone(),
                r.depot.clone(),
                r.required,
                r.requested,
                r.dispatched,
                r.returned,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("sandbag".into(), None, 100, 100, 0, 0),
            ("sandbag".into(), Some("D1".into()), 100, 0, 100, 40),
            ("water_analyser".into(), None, 1, 0, 0, 0),
        ]
    );
}

#[test]
fn the_checklist_ticks_skips_and_grows_and_a_closed_incident_reopens_with_a_reason() {
    let (_room, config, mut s) = setup();
    let id = open(&mut s, &config, Severity::Known(Level::III));
    let now = t(NOW_AT);
    let step = |n, change| IncidentCommand::Step { id, n, change };
    run(
        &mut s,
        &config,
        now,
        step(
            1,
            StepChange::Done {
                note: Some("called 王科长".into()),
            },
        ),
    )
    .unwrap();
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            step(1, StepChange::Done { note: None })
        )),
        IncidentError::StepIs {
            id,
            n: 1,
            state: "done"
        }
    );
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            step(2, StepChange::Skip { reason: " ".into() })
        )),
        IncidentError::Empty { field: "reason" }
    );
    run(
        &mut s,
        &config,
        now,
        step(
            2,
            StepChange::Skip {
                reason: "phoned instead".into(),
            },
        ),
    )
    .unwrap();
    assert_eq!(
        refused(run(&mut s, &config, now, step(9, StepChange::Undone))),
        IncidentError::NoSuchStep { id, n: 9 }
    );
    run(&mut s, &config, now, step(2, StepChange::Undone)).unwrap();
    let due = t("2026-11-30T12:00:00+08:00");
    match run(
        &mut s,
        &config,
        now,
        IncidentCommand::AddStep {
            id,
            text: "Close the sluice at 李家闸".into(),
            role: None,
            due_at: due,
        },
    )
    .unwrap()
    {
        IncidentOutcome::StepAdded { n, .. } => assert_eq!(n, 5),
        o => panic!("{o:?}"),
    }
    let d = s.incident(id).unwrap();
    assert!(
        matches!(&d.steps[0].state, StepState::Done { by, note: Some(n), .. } if by == "duty" && n == "called 王科长")
    );
    assert_eq!(d.steps[1].state, StepState::Open);
    assert!(d.steps[4].ad_hoc && d.steps[4].due_at == due);
    assert_eq!((d.row.steps_total, d.row.steps_settled), (5, 1));
    assert_eq!(
        d.row.next_step,
        Some(2),
        "step 1 is done: step 2 is due next"
    );

    // Stable, then closed: the checklist is frozen until reopened with a reason.
    run(
        &mut s,
        &config,
        now,
        IncidentCommand::Status {
            id,
            status: IncidentStatus::Stable,
        },
    )
    .unwrap();
    run(&mut s, &config, now, IncidentCommand::Close { id }).unwrap();
    assert_eq!(
        refused(run(&mut s, &config, now, step(1, StepChange::Undone))),
        IncidentError::Closed(id)
    );
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            IncidentCommand::Status {
                id,
                status: IncidentStatus::Stable
            }
        )),
        IncidentError::Status {
            id,
            from: IncidentStatus::Closed,
            to: IncidentStatus::Stable
        }
    );
    let d = s.incident(id).unwrap();
    assert_eq!(d.row.closed_at, Some(now));
    let fin = d
        .reports
        .iter()
        .find(|r| r.kind == ReportKind::Final)
        .unwrap();
    assert_eq!(fin.due_at, Some(now + Duration::days(7)));
    assert!(
        s.incidents(IncidentFilter {
            open_only: true,
            no_drills: false
        })
        .unwrap()
        .is_empty()
    );
    assert_eq!(
        refused(run(
            &mut s,
            &config,
            now,
            IncidentCommand::Reopen {
                id,
                reason: "".into()
            }
        )),
        IncidentError::Empty { field: "reason" }
    );
    run(
        &mut s,
        &config,
        now,
        IncidentCommand::Reopen {
            id,
            reason: "sheen seen again downstream".into(),
        },
    )
    .unwrap();
    let d = s.incident(id).unwrap();
    assert_eq!(d.row.status, IncidentStatus::Active);
    assert_eq!(d.row.closed_at, None);
    let last = d.timeline.last().unwrap();
    assert_eq!(last.action, "incident.reopen");
    assert_eq!(last.details["reason"], "sheen seen again downstream");
}

#[test]
fn every_change_leaves_an_audit_record_and_the_change_feed_names_the_incident() {
    let (_room, config, mut s) = setup();
    let mark = s.feed_mark().unwrap();
    let id = open(&mut s, &config, Severity::Known(Level::III));
    let now = t(NOW_AT);
    let cmds = vec![
        IncidentCommand::Step {
            id,
            n: 1,
            change: StepChange::Done { note: None },
        },
        IncidentCommand::Step {
            id,
            n: 1,
            change: StepChange::Undone,
        },
        IncidentCommand::Step {
            id,
            n: 2,
            change: StepChange::Skip {
                reason: "done by phone".into(),
            },
        },
        IncidentCommand::AddStep {
            id,
            text: "extra".into(),
            role: Some("commander".into()),
            due_at: now,
        },
        IncidentCommand::Assign {
            id,
            officer: "O019".into(),
            role: "commander".into(),
            status: PersonStatus::Requested,
        },
        IncidentCommand::Equip {
            id,
            item: "sandbag".into(),
            depot: Some("D1".into()),
            movement: Movement::Dispatched,
            quantity: 10,
        },
        IncidentCommand::Level {
            id,
            severity: Severity::Known(Level::II),
        },
        IncidentCommand::Facts {
            id,
            facts: vec![
                (Fact::Cause, "pipe burst".into()),
                (Fact::Pollutants, "diesel, ~2 t".into()),
            ],
        },
        IncidentCommand::Facts {
            id,
            facts: vec![(Fact::Cause, "valve left open".into())],
        },
        IncidentCommand::ReportSent {
            id,
            kind: ReportKind::Initial,
            to: "市局值班室".into(),
        },
        IncidentCommand::ReportSent {
            id,
            kind: ReportKind::FollowUp,
            to: "市局值班室".into(),
        },
        IncidentCommand::Status {
            id,
            status: IncidentStatus::Stable,
        },
        IncidentCommand::Close { id },
        IncidentCommand::ReportSent {
            id,
            kind: ReportKind::Final,
            to: "市局".into(),
        },
    ];
    for c in cmds {
        run(&mut s, &config, now, c.clone()).unwrap_or_else(|e| panic!("{c:?}: {e}"));
    }
    // Refused changes leave nothing.
    assert!(
        run(
            &mut s,
            &config,
            now,
            IncidentCommand::ReportSent {
                id,
                kind: ReportKind::Initial,
                to: "again".into()
            }
        )
        .is_err()
    );
    assert_eq!(
        actions(&s, id),
        [
            "incident.open",
            "incident.step.done",
            "incident.step.undone",
            "incident.step.skip",
            "incident.step.add",
            "incident.assign",
            "incident.equip",
            "incident.level",
            "incident.facts",
            "incident.facts",
            "incident.report.sent",
            "incident.report.sent",
            "incident.status",
            "incident.close",
            "incident.report.sent",
        ]
    );
    let d = s.incident(id).unwrap();
    assert!(
        d.timeline
            .iter()
            .all(|e| e.actor == "duty" && e.console == "console-1")
    );
    assert_eq!(
        d.facts,
        [
            (Fact::Cause, "valve left open".to_string()),
            (Fact::Pollutants, "diesel, ~2 t".to_string())
        ]
    );
    let kinds: Vec<(ReportKind, bool)> = d
        .reports
        .iter()
        .map(|r| (r.kind, r.sent_at.is_some()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ReportKind::Initial, true),
            (ReportKind::FollowUp, true),
            (ReportKind::Final, true)
        ]
    );
    let (changed, _) = s.changes_since(mark).unwrap();
    assert_eq!(
        changed,
        [Entity {
            kind: "incident".into(),
            id
        }]
    );
}

#[test]
fn opening_refuses_an_unknown_plan_a_future_discovery_and_a_missing_grid() {
    let (_room, config, mut s) = setup();
    let now = t(NOW_AT);
    let mut o = OpenIncident {
        plan: "no-such".into(),
        grid: Some("T03".into()),
        severity: Severity::Known(Level::IV),
        place: None,
        from_complaint: None,
        discovered_at: None,
        drill: true,
        summary: None,
        again: false,
    };
    let mut go = |o: &OpenIncident| {
        run(
            &mut s,
            &config,
            now,
            IncidentCommand::Open(Box::new(o.clone())),
        )
    };
    assert_eq!(refused(go(&o)), IncidentError::NoSuchPlan("no-such".into()));
    o.plan = "water-pollution".into();
    o.discovered_at = Some(now + Duration::minutes(5));
    assert_eq!(
        refused(go(&o)),
        IncidentError::DiscoveredInFuture { minutes: 5 }
    );
    o.discovered_at = Some(now + Duration::seconds(30));
    assert!(go(&o).is_ok(), "a clock a little ahead is fine");
    o.grid = None;
    assert_eq!(refused(go(&o)), IncidentError::GridNeeded);
    o.grid = Some("T99".into());
    assert!(matches!(
        go(&o),
        Err(OpError::Store(gridwatch::store::StoreError::NoSuchGrid(_)))
    ));
    o.grid = Some("T03".into());
    o.discovered_at = None;
    match go(&o).unwrap() {
        IncidentOutcome::Opened { id, .. } => {
            let d = s.incident(id).unwrap();
            assert!(d.row.drill);
            assert_eq!(d.row.discovered_at, now, "on its own: discovered now");
            assert_eq!(d.row.complaint_id, None);
        }
        o => panic!("{o:?}"),
    }
    let listed = s
        .incidents(IncidentFilter {
            open_only: false,
            no_drills: true,
        })
        .unwrap();
    assert!(listed.is_empty(), "drills are kept out: {listed:?}");
    assert_eq!(s.incidents(IncidentFilter::default()).unwrap().len(), 2);
    assert_eq!(
        refused(run(&mut s, &config, now, IncidentCommand::Close { id: 99 })),
        IncidentError::NoSuchIncident(99)
    );
}
