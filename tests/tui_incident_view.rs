//! The incident screens as a pure function of state (#10): an incident in
//! the middle of its work — steps done, skipped and added, people in every
//! status, equipment out with shortfalls — drawn from values, without a
//! database, at 80×24 and 200×50 in both languages; and the view's keys
//! (cursor, sections, space toggling, the advance key) as the effects they
//! return.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gridwatch::clock::ClockMode;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::incident::{
    IncidentDetail, IncidentRow, IncidentStatus, ItemRow, Level, PersonRow, PersonStatus,
    ReportKind, ReportRow, Severity, StepChange, StepRow, StepState,
};
use gridwatch::i18n::Lang;
use gridwatch::ops::{Command, IncidentCommand};
use gridwatch::tui::data::DataMsg;
use gridwatch::tui::screens::Screen;
use gridwatch::tui::screens::incidents::Section;
use gridwatch::tui::state::{IncidentData, Mode, Snapshot, State};
use gridwatch::tui::update::{Effect, Msg, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

mod common;
use common::tui::{keys, screen_text, style_digest};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn config() -> Arc<Config> {
    Arc::new(Config::load(ConfigSource::Dir(common::repo().join("config"))).unwrap())
}

/// Incident #2: water pollution at T03-V01, level III, discovered 09:05,
/// opened from complaint #1; steps 1 done, 2 skipped, one added; three
/// people; sandbags partly out. Incident #1: a closed drill.
fn incidents(config: &Config) -> (Vec<IncidentRow>, IncidentDetail) {
    let plan = &config.plans["water-pollution"];
    let found = at("2026-11-30T09:05:00+08:00");
    let severity = Severity::Known(Level::III);
    let mut steps: Vec<StepRow> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepRow {
            n: i as i64 + 1,
            text: s.text.clone(),
            role: Some(s.role.clone()),
            due_at: s.due.due_at(found, &severity),
            state: StepState::Open,
            ad_hoc: false,
        })
        .collect();
    steps[0].state = StepState::Done {
        at: at("2026-11-30T09:18:00+08:00"),
        by: "O019".into(),
        note: Some("已电话报告市局".into()),
    };
    steps[1].state = StepState::Skipped {
        at: at("2026-11-30T09:25:00+08:00"),
        by: "tester".into(),
        reason: "上游已断流".into(),
    };
    steps.push(StepRow {
        n: steps.len() as i64 + 1,
        text: gridwatch::domain::incident::Bilingual::new("", "通知下游村民停止取水"),
        role: None,
        due_at: at("2026-11-30T09:50:00+08:00"),
        state: StepState::Open,
        ad_hoc: true,
    });
    let settled = 2;
    let next = steps
        .iter()
        .filter(|s| !s.state.is_settled())
        .min_by_key(|s| s.due_at);
    let row = IncidentRow {
        id: 2,
        plan: plan.id.clone(),
        kind: plan.kind.clone(),
        name: plan.name.clone(),
        level: "III".into(),
        severity: severity.clone(),
        status: IncidentStatus::Active,
        drill: false,
        grid: "T03-V01".into(),
        place: Some("城关镇西关村解放路12号".into()),
        complaint_id: Some(1),
        summary: None,
        discovered_at: found,
        opened_at: at("2026-11-30T09:15:00+08:00"),
        first_on_scene_at: Some(at("2026-11-30T09:28:00+08:00")),
        closed_at: None,
        steps_total: steps.len() as u32,
        steps_settled: settled,
        next_step: next.map(|s| s.n),
        next_step_due_at: next.map(|s| s.due_at),
        initial_report_due_at: Some(plan.reports.initial.due_at(found, &severity)),
        initial_report_sent_at: None,
    };
    let person = |officer: &str, role: &str, status, t: &str| PersonRow {
        officer: officer.into(),
        role: role.into(),
        status,
        at: at(t),
        history: vec![],
    };
    let item = &plan.items[0];
    let detail = IncidentDetail {
        row: row.clone(),
        steps,
        roles: plan.roles.clone(),
        personnel: vec![
            person(
                "O019",
                &plan.roles[0].role,
                PersonStatus::OnScene,
                "2026-11-30T09:28:00+08:00",
            ),
            person(
                "O020",
                &plan.roles[1].role,
                PersonStatus::EnRoute,
                "2026-11-30T09:22:00+08:00",
            ),
            person(
                "O018",
                &plan.roles[1].role,
                PersonStatus::Requested,
                "2026-11-30T09:20:00+08:00",
            ),
        ],
        needs: plan.items.clone(),
        equipment: vec![ItemRow {
            item: item.item.clone(),
            depot: config.inventory.depots.keys().next().cloned(),
            required: item.quantity,
            requested: item.quantity,
            dispatched: 1,
            returned: 0,
        }],
        reports: vec![ReportRow {
            kind: ReportKind::Initial,
            due_at: row.initial_report_due_at,
            sent_at: None,
            sent_by: None,
            to: None,
        }],
        facts: vec![],
        timeline: vec![],
    };
    let drill = IncidentRow {
        id: 1,
        drill: true,
        status: IncidentStatus::Closed,
        closed_at: Some(at("2026-11-30T08:40:00+08:00")),
        steps_settled: row.steps_total,
        initial_report_sent_at: Some(at("2026-11-30T08:30:00+08:00")),
        severity: Severity::Unknown(Default::default()),
        level: "unknown".into(),
        grid: "T04".into(),
        complaint_id: None,
        ..row.clone()
    };
    (vec![row, drill], detail)
}

fn state(lang: Lang) -> State {
    let config = config();
    let (rows, detail) = incidents(&config);
    let data = IncidentData::new(&config, detail, &[]);
    let mut s = State::new(
        config,
        lang,
        ClockMode::Fixed,
        at("2026-11-30T09:30:00+08:00"),
        None,
    );
    let snap = Snapshot {
        incidents: rows,
        ..Default::default()
    };
    update(&mut s, Msg::Data(DataMsg::Snapshot(Box::new(snap))));
    update(&mut s, Msg::Data(DataMsg::Incident(Box::new(data))));
    s
}

fn press(s: &mut State, k: &str) -> Vec<Effect> {
    keys(k)
        .into_iter()
        .flat_map(|k| update(s, Msg::Key(k)))
        .collect()
}

fn arrow(s: &mut State, code: KeyCode) {
    update(s, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn snap(s: &State, w: u16, h: u16) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    s.render(buf.area, &mut buf);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

#[test]
fn snapshots_of_the_incidents_screen_and_the_incident_view() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut s = state(lang);
        press(&mut s, "3");
        assert_eq!(s.screen, Screen::Incidents);
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("incidents_{name}_{w}x{h}"), snap(&s, w, h));
        }
        press(&mut s, "<enter>");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("incident_view_{name}_{w}x{h}"), snap(&s, w, h));
        }
        arrow(&mut s, KeyCode::Right);
        insta::assert_snapshot!(format!("incident_people_{name}_80x24"), snap(&s, 80, 24));
        arrow(&mut s, KeyCode::Right);
        insta::assert_snapshot!(format!("incident_equipment_{name}_80x24"), snap(&s, 80, 24));
        press(&mut s, "A");
        insta::assert_snapshot!(
            format!("incident_assign_form_{name}_80x24"),
            snap(&s, 80, 24)
        );
        press(&mut s, "<esc>1");
        assert!(s.incident_view.is_none(), "a screen key closes the view");
        insta::assert_snapshot!(
            format!("dashboard_incidents_{name}_200x50"),
            snap(&s, 200, 50)
        );
        insta::assert_snapshot!(
            format!("dashboard_incidents_{name}_80x24"),
            snap(&s, 80, 24)
        );
    }
}

#[test]
fn the_view_cursor_space_and_the_advance_key_act_on_the_row_under_the_cursor() {
    let mut s = state(Lang::En);
    // `I` from the dashboard opens the most urgent active incident.
    press(&mut s, "I");
    assert_eq!(s.incident_view.as_ref().map(|v| v.id), Some(2));
    // Space on step 1 (done) asks first, naming who ticked it and when;
    // `y` opens it again. On step 3 (open) Space ticks it.
    assert!(press(&mut s, " ").is_empty());
    assert!(
        matches!(&s.mode, Mode::Confirm { question, .. } if question.contains("Open step 1 again?") && question.contains("ticked it done at 09:18") && question.contains("汤国栋")),
        "{:?}",
        s.mode
    );
    let fx = press(&mut s, "y");
    assert_eq!(
        fx,
        vec![Effect::Write(Command::Incident(IncidentCommand::Step {
            id: 2,
            n: 1,
            change: StepChange::Undone
        }))]
    );
    press(&mut s, "jj");
    assert_eq!(s.incident_view.as_ref().unwrap().at(), 2);
    let fx = press(&mut s, " ");
    assert_eq!(
        fx,
        vec![Effect::Write(Command::Incident(IncidentCommand::Step {
            id: 2,
            n: 3,
            change: StepChange::Done { note: None }
        }))]
    );
    // Skipping a settled step is refused in words; an open one asks why.
    press(&mut s, "kS");
    assert!(s.status.error && s.status.text.contains("Step 2 is settled already"));
    press(&mut s, "jS");
    assert!(matches!(&s.mode, Mode::Form(f) if f.value(gridwatch::i18n::T::IncUiFieldStep) == "3"));
    let fx = press(&mut s, "<enter>");
    assert!(fx.is_empty(), "a skip needs a reason");
    let fx = press(&mut s, "no boat<enter>");
    assert!(matches!(
        &fx[..],
        [Effect::Write(Command::Incident(IncidentCommand::Step { n: 3, change: StepChange::Skip { reason }, .. }))] if reason == "no boat"
    ));
    // `>` moves the person under the people cursor on, and gives that section the cursor.
    press(&mut s, "j");
    let fx = press(&mut s, ">");
    assert_eq!(s.incident_view.as_ref().unwrap().section, Section::People);
    assert!(matches!(
        &fx[..],
        [Effect::Write(Command::Incident(IncidentCommand::Assign { officer, status: PersonStatus::Released, .. }))] if officer == "O019"
    ));
    press(&mut s, "j");
    let fx = press(&mut s, ">");
    assert!(matches!(
        &fx[..],
        [Effect::Write(Command::Incident(IncidentCommand::Assign { officer, status: PersonStatus::OnScene, .. }))] if officer == "O020"
    ));
    // Close asks first; `n` keeps it open, `y` sends it.
    press(&mut s, "C");
    assert!(
        matches!(&s.mode, Mode::Confirm { question, .. } if question.contains("Close incident #2") && question.contains("steps still open"))
    );
    assert!(press(&mut s, "n").is_empty());
    press(&mut s, "C");
    assert_eq!(
        press(&mut s, "y"),
        vec![Effect::Write(Command::Incident(IncidentCommand::Close {
            id: 2
        }))]
    );
    // `t`: active to stable; reopen is refused while it is open.
    assert_eq!(
        press(&mut s, "t"),
        vec![Effect::Write(Command::Incident(IncidentCommand::Status {
            id: 2,
            status: IncidentStatus::Stable
        }))]
    );
    press(&mut s, "O");
    assert!(s.status.error && s.status.text.contains("is not closed"));
    // Esc closes the view; actions of the view then say where to go.
    press(&mut s, "<esc>");
    assert!(s.incident_view.is_none());
    press(&mut s, " ");
    assert!(s.status.error && s.status.text.contains("Open an incident first"));
}

#[test]
fn the_level_form_sends_unknown_with_the_answers_and_a_known_level_without() {
    let mut s = state(Lang::En);
    press(&mut s, "I");
    press(&mut s, "L");
    // From III up to "unknown" (the first choice), then yes to heavy metals.
    let fx = press(&mut s, "<up><up><up><tab><tab><tab> <enter>");
    let [Effect::Write(Command::Incident(IncidentCommand::Level { severity, .. }))] = &fx[..]
    else {
        panic!("{fx:?} {:?}", s.mode)
    };
    assert_eq!(
        severity,
        &Severity::Unknown(gridwatch::domain::incident::Questions::new([
            gridwatch::domain::incident::Question::HeavyMetals
        ]))
    );
    assert!(severity.is_grave());
    press(&mut s, "L");
    let fx = press(&mut s, "<up><enter>");
    assert!(matches!(
        &fx[..],
        [Effect::Write(Command::Incident(IncidentCommand::Level {
            severity: Severity::Known(Level::II),
            ..
        }))]
    ));
    // The next report and its countdown in the view: III, 4 h from 09:05.
    let text = snap(&s, 200, 50);
    assert!(
        text.contains("initial report due 11-30 13:05 ● 3:35:00"),
        "{text}"
    );
}

#[test]
fn a_yes_to_the_six_questions_beside_a_known_level_is_refused_in_words() {
    let mut s = state(Lang::En);
    press(&mut s, "I");
    // The level form on III: yes to heavy metals is refused, the form stays.
    press(&mut s, "L");
    let fx = press(&mut s, "<tab><tab><tab> <enter>");
    assert!(fx.is_empty(), "{fx:?}");
    let Mode::Form(f) = &s.mode else {
        panic!("the level form stays open: {:?}", s.mode)
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiQHeavyMetals), "yes");
    assert!(s.status.error && s.status.text.contains("for an unknown level only"));
    // No again: the known level goes.
    let fx = press(&mut s, " <enter>");
    assert!(matches!(
        &fx[..],
        [Effect::Write(Command::Incident(IncidentCommand::Level {
            severity: Severity::Known(Level::III),
            ..
        }))]
    ));
}

#[test]
fn a_step_ticked_after_its_due_time_shows_late_and_n_keeps_a_done_step_done() {
    let mut s = state(Lang::En);
    press(&mut s, "I");
    assert!(press(&mut s, " n").is_empty(), "n keeps step 1 done");
    assert!(matches!(s.mode, Mode::Normal));
    // Step 1 ticked 7 minutes after it was due.
    let mut data = s.incident.clone().unwrap();
    let due = data.detail.steps[0].due_at;
    data.detail.steps[0].state = StepState::Done {
        at: due + chrono::Duration::minutes(7),
        by: "O019".into(),
        note: None,
    };
    update(&mut s, Msg::Data(DataMsg::Incident(data)));
    let text = snap(&s, 200, 50);
    let line = text.lines().find(|l| l.contains("[✔]  1")).unwrap();
    assert!(line.contains("✔ late 07:00"), "{line}");
    // The skipped step asks too, naming who skipped it.
    press(&mut s, "j ");
    assert!(
        matches!(&s.mode, Mode::Confirm { question, .. } if question.contains("skipped it at 09:25")),
        "{:?}",
        s.mode
    );
}

#[test]
fn text_is_not_cut_where_there_is_room_and_the_list_tells_places_apart() {
    let mut s = state(Lang::En);
    press(&mut s, "3");
    // 80 columns: the place under the type.
    let text = snap(&s, 80, 24);
    assert!(text.contains("城关镇西关村解放路12号"), "{text}");
    press(&mut s, "<enter>");
    // 200 columns: role names whole, a long step on a second line.
    let text = snap(&s, 200, 50);
    for whole in [
        "Liaison and reporting 09:35",
        "On-scene commander    10:05",
        "On-scene commander    on scene 09:28",
        "Sample upstream, at the outfall and downstream; send the",
        "       first results",
    ] {
        assert!(text.contains(whole), "{whole}: {text}");
    }
    assert!(!text.contains("a… "), "{text}");
}

#[test]
fn the_help_names_the_screens_and_the_incident_symbols_and_leaves_no_strays() {
    for lang in [Lang::En, Lang::Zh] {
        let mut s = state(lang);
        press(&mut s, "?");
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        s.render(buf.area, &mut buf);
        let text = screen_text(&buf);
        let screens = match lang {
            Lang::En => "1 Dashboard · 2 Complaints · 3 Incidents",
            Lang::Zh => "1 总览 · 2 举报 · 3 突发事件 · 4 值班",
        };
        assert!(text.contains(screens), "{text}");
        // Nothing of the screen under it beside the box: the last column is blank.
        for y in 0..24 {
            assert_eq!(buf[(79, y)].symbol(), " ", "row {y}:\n{text}");
        }
        // Scrolled through: the incident symbols.
        let mut text = String::new();
        for _ in 0..80 {
            press(&mut s, "j");
            text.push_str(&snap(&s, 80, 24));
        }
        let drill = if lang == Lang::En { "DRILL" } else { "演练" };
        for sym in [" ?! ", drill, "███░░ 3/5", "✖ 2"] {
            assert!(text.contains(sym), "{sym}:\n{text}");
        }
    }
}

#[test]
fn missing_items_the_depots_can_cover_are_not_shown_as_all_fine() {
    for (lang, cover) in [(Lang::En, "✔ from depots"), (Lang::Zh, "✔ 库存可补足")] {
        let mut s = state(lang);
        press(&mut s, "I");
        arrow(&mut s, KeyCode::Right);
        arrow(&mut s, KeyCode::Right);
        let text = snap(&s, 80, 24);
        // Sandbags: 300 missing, 1500 in the depots.
        let line = text.lines().find(|l| l.contains(" 300 ")).unwrap();
        assert!(line.contains(cover), "{line}\n{text}");
        assert!(
            !line.trim_end_matches('│').trim_end().ends_with(" ✔"),
            "{line}"
        );
    }
}

/// A closed incident whose initial report was never sent says so (an
/// attacker saw "every report due is sent" on a closed incident with
/// nothing sent).
#[test]
fn a_closed_incident_with_an_unsent_report_does_not_say_all_sent() {
    let mut s = state(Lang::En);
    press(&mut s, "I");
    let mut data = s.incident.clone().unwrap();
    data.detail.row.status = gridwatch::domain::incident::IncidentStatus::Closed;
    for r in &mut data.detail.reports {
        r.sent_at = None;
    }
    assert!(data.detail.reports.iter().any(|r| r.due_at.is_some()));
    update(&mut s, Msg::Data(DataMsg::Incident(data)));
    let text = snap(&s, 200, 50);
    assert!(!text.contains("every report due is sent"), "{text}");
    assert!(text.contains("report"), "{text}");
}

#[test]
fn snapshots_of_the_report_draft_overlay() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut s = state(lang);
        press(&mut s, "IP");
        let Mode::Report(o) = &s.mode else {
            panic!("P opens the draft: {:?}", s.mode)
        };
        // The initial report is not sent: it is the one shown.
        assert_eq!(o.kind, ReportKind::Initial);
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("report_draft_{name}_{w}x{h}"), snap(&s, w, h));
        }
        // The header: the kind and its deadline's countdown (level III: 4 h from 09:05).
        let text = snap(&s, 80, 24);
        let head = match lang {
            Lang::En => "initial report due 11-30 13:05 ● 3:35:00",
            Lang::Zh => "初报时限 11-30 13:05 ● 3:35:00",
        };
        assert!(text.lines().nth(1).unwrap().contains(head), "{text}");
        // Scrolled: the first lines go, the bar and the keys stay.
        press(&mut s, "<pgdn>");
        let scrolled = snap(&s, 80, 24);
        assert_ne!(scrolled, text);
        assert!(
            scrolled.contains("Tab") && scrolled.contains("Esc"),
            "{scrolled}"
        );
        press(&mut s, "<pgup>");
        assert_eq!(snap(&s, 80, 24), text);
        // Tab: a follow-up, which has no deadline yet.
        press(&mut s, "<tab>");
        let text = snap(&s, 80, 24);
        let none = match lang {
            Lang::En => "no deadline",
            Lang::Zh => "无时限",
        };
        assert!(text.lines().nth(1).unwrap().contains(none), "{text}");
        insta::assert_snapshot!(format!("report_draft_follow_up_{name}_80x24"), text);
        // Esc closes the overlay, not the view.
        press(&mut s, "<esc>");
        assert!(matches!(s.mode, Mode::Normal) && s.incident_view.is_some());
    }
}

/// Perform the save effects of `fx` in `dir`, telling the console, as the
/// event loop does; the paths written.
fn save_in(s: &mut State, dir: &std::path::Path, fx: Vec<Effect>) -> Vec<std::path::PathBuf> {
    let mut written = Vec::new();
    for e in fx {
        let Effect::SaveDraft { name, text } = e else {
            panic!("{e:?}")
        };
        let result = gridwatch::tui::report::save(dir, &name, &text);
        if let Ok(p) = &result {
            written.push(p.clone());
        }
        update(
            s,
            Msg::DraftSaved {
                dir: dir.to_path_buf(),
                result,
            },
        );
    }
    written
}

#[test]
fn s_saves_the_draft_as_the_command_line_prints_it_and_never_overwrites() {
    let mut s = state(Lang::En);
    press(&mut s, "IP");
    let fx = press(&mut s, "s");
    assert!(
        matches!(&fx[..], [Effect::SaveDraft { name, .. }] if name == "incident-2-initial-20261130-0930.md"),
        "{fx:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    let first = save_in(&mut s, dir.path(), fx);
    let detail = s.incident.as_ref().unwrap().detail.clone();
    let want = gridwatch::report::draft(
        Lang::En,
        &s.config,
        &detail,
        ReportKind::Initial,
        s.now,
        None,
    );
    assert_eq!(first.len(), 1);
    assert_eq!(std::fs::read_to_string(&first[0]).unwrap(), want);
    // The status line says where, in full; the overlay stays.
    let path = first[0].display().to_string();
    assert!(path.starts_with('/') && s.status.text.contains(&path) && !s.status.error);
    assert!(matches!(s.mode, Mode::Report(_)));
    // Saved again: a new file beside it; the first is untouched.
    let fx = press(&mut s, "s");
    let second = save_in(&mut s, dir.path(), fx);
    assert_eq!(
        second,
        vec![dir.path().join("incident-2-initial-20261130-0930-2.md")]
    );
    assert!(s.status.text.contains("-2.md"));
    assert_eq!(std::fs::read_to_string(&first[0]).unwrap(), want);
    // Where nothing can be written: said in words, nothing breaks.
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    let fx = press(&mut s, "<tab>s");
    assert!(save_in(&mut s, &file, fx).is_empty());
    assert!(s.status.error, "{:?}", s.status);
    assert!(
        s.status.text.contains("Draft not saved in") && s.status.text.contains("does not exist"),
        "{:?}",
        s.status
    );
    assert!(matches!(s.mode, Mode::Report(_)));
    // Saving is not sending: `u` opens the sent form on the kind shown.
    press(&mut s, "u");
    let Mode::Form(f) = &s.mode else {
        panic!("the sent form: {:?}", s.mode)
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiFieldReport), "follow_up");
    let fx = press(&mut s, "city bureau<enter>");
    assert!(matches!(
        &fx[..],
        [Effect::Write(Command::Incident(
            IncidentCommand::ReportSent {
                kind: ReportKind::FollowUp,
                ..
            }
        ))]
    ));
}

#[test]
fn p_shows_the_report_due_next_and_the_help_lists_it() {
    let mut s = state(Lang::En);
    // The initial report sent: a follow-up; the incident closed: the final one.
    let mut data = s.incident.clone().unwrap();
    data.detail.reports[0].sent_at = Some(at("2026-11-30T09:20:00+08:00"));
    data.detail.row.initial_report_sent_at = data.detail.reports[0].sent_at;
    update(&mut s, Msg::Data(DataMsg::Incident(data.clone())));
    press(&mut s, "IP");
    assert!(matches!(&s.mode, Mode::Report(o) if o.kind == ReportKind::FollowUp));
    // The initial one, sent, says when.
    press(&mut s, "<left>");
    let text = snap(&s, 80, 24);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains("initial report · sent 11-30 09:20"),
        "{text}"
    );
    press(&mut s, "<esc>");
    data.detail.row.status = IncidentStatus::Closed;
    update(&mut s, Msg::Data(DataMsg::Incident(data)));
    press(&mut s, "P");
    assert!(matches!(&s.mode, Mode::Report(o) if o.kind == ReportKind::Final));
    // Without a view, P says to open an incident first.
    press(&mut s, "<esc><esc>P");
    assert!(s.status.error && s.status.text.contains("Open an incident first"));
    // The help, from the key table.
    press(&mut s, "?");
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 80));
    s.render(buf.area, &mut buf);
    let text = screen_text(&buf);
    assert!(
        text.lines()
            .any(|l| l.contains(" P ") && l.contains("the next report's draft")),
        "{text}"
    );
}

/// The fixture's incident #2 (real) beside real #3 and drill #4, all due
/// the same minute; the store lists the newest first at equal due times.
fn three_due_together(s: &mut State) {
    let real = s.data.incidents[0].clone();
    let mut snap = s.data.clone();
    let drill = IncidentRow {
        id: 4,
        drill: true,
        ..real.clone()
    };
    let other = IncidentRow {
        id: 3,
        ..real.clone()
    };
    snap.incidents = vec![drill, other, real];
    update(s, Msg::Data(DataMsg::Snapshot(Box::new(snap))));
}

#[test]
fn real_incidents_come_before_drills_due_the_same_minute() {
    let mut s = state(Lang::En);
    three_due_together(&mut s);
    let order: Vec<i64> = s.active_incidents().map(|r| r.id).collect();
    assert_eq!(order, vec![3, 2, 4]);
    // The one line over the complaints at 80 columns: a real one.
    let text = snap(&s, 80, 24);
    let strip = text.lines().find(|l| l.contains('⚑')).unwrap();
    assert!(
        strip.contains("⚑ #3") && !strip.contains("DRILL"),
        "{strip}"
    );
    // The side panel: the drill last.
    let text = snap(&s, 200, 50);
    let at = |id: &str| {
        text.find(&format!("#{id} III"))
            .unwrap_or_else(|| panic!("{text}"))
    };
    assert!(at("3") < at("2") && at("2") < at("4"), "{text}");
    // `I` goes to the real ones first too.
    press(&mut s, "I");
    assert_eq!(s.incident_view.as_ref().map(|v| v.id), Some(3));
}

#[test]
fn a_known_level_chosen_in_the_level_form_answers_the_six_questions_no() {
    let mut s = state(Lang::En);
    let mut data = s.incident.clone().unwrap();
    let unknown = Severity::Unknown(gridwatch::domain::incident::Questions::new([
        gridwatch::domain::incident::Question::HeavyMetals,
    ]));
    data.detail.row.severity = unknown;
    update(&mut s, Msg::Data(DataMsg::Incident(data)));
    press(&mut s, "IL");
    let Mode::Form(f) = &s.mode else {
        panic!("{:?}", s.mode)
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiQHeavyMetals), "yes");
    // Unknown to I: the answers go to no, in the form.
    press(&mut s, "<down>");
    let Mode::Form(f) = &s.mode else {
        panic!("{:?}", s.mode)
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiQHeavyMetals), "no");
    assert!(!snap(&s, 80, 24).contains("yes"));
    let fx = press(&mut s, "<enter>");
    assert!(
        matches!(
            &fx[..],
            [Effect::Write(Command::Incident(IncidentCommand::Level {
                severity: Severity::Known(Level::I),
                ..
            }))]
        ),
        "{fx:?} {:?}",
        s.status
    );
}
