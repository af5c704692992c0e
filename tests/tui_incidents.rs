//! Emergency incidents in the dashboard on a real database (#10): `i` on a
//! complaint opens one with the plan that fits it, the Incidents screen
//! lists it, the incident view runs it by keyboard — assign, move on, tick,
//! skip, add a step, dispatch and return equipment, level, report, status,
//! close and reopen — each through `ops::perform` with its words in the
//! status line; snapshots of the `i` form and of the view with its real
//! timeline, at 80×24 and 200×50 in both languages.

use chrono::{DateTime, Utc};
use gridwatch::domain::incident::{IncidentStatus, PersonStatus, Severity, StepState};
use gridwatch::i18n::Lang;
use gridwatch::tui::screens::Screen;
use gridwatch::tui::state::Mode;
use serde_json::json;

mod common;
use common::tui::{Console, screen_text, style_digest};
use common::{NOW, Room, complaint};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// One water complaint received 09:05 at T03-V01 (an address alias), the
/// console at 09:30.
fn console(lang: Lang) -> Console {
    let room = Room::new();
    let mut c = complaint("W1");
    c["received_at"] = json!("2026-11-30T09:05:00+08:00");
    c["category"] = json!("water");
    c.as_object_mut().unwrap().remove("enterprise");
    c["location"] = json!({"address": "城关镇西关村解放路12号"});
    let p = room.write("w.json", c.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    Console::new(room, lang, at("2026-11-30T09:30:00+08:00"))
}

fn snap(c: &Console, w: u16, h: u16) -> String {
    let buf = c.render(w, h);
    format!("{}style {}\n", screen_text(&buf), style_digest(&buf))
}

fn said(c: &Console, words: &str) {
    assert!(
        c.state.status.text.contains(words),
        "status line {:?}, wanted “{words}”",
        c.state.status
    );
}

#[test]
fn i_opens_an_incident_from_a_complaint_and_the_view_runs_it() {
    let mut c = console(Lang::En);
    c.press("i");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the i form")
    };
    // The water plan first, discovery at the complaint's received time.
    assert_eq!(
        f.value(gridwatch::i18n::T::IncUiFieldPlan),
        "water-pollution"
    );
    assert_eq!(
        f.value(gridwatch::i18n::T::IncUiFieldDiscovered),
        "11-30 09:05"
    );
    assert_eq!(f.value(gridwatch::i18n::T::IncUiFieldDrill), "no");
    c.press("<enter>");
    said(&c, "Incident #1 opened; next step due");
    let inc = &c.state.data.incidents[0];
    assert_eq!(inc.complaint_id, Some(1));
    assert_eq!(inc.discovered_at, at("2026-11-30T09:05:00+08:00"));
    assert!(matches!(inc.severity, Severity::Unknown(_)));
    // Shown at once, to be worked: its view, read in full.
    assert_eq!(c.state.incident_view.as_ref().map(|v| v.id), Some(1));
    assert_eq!(c.state.open_incident().map(|d| d.detail.row.id), Some(1));
    // Esc: on the dashboard beside the complaints (one line at 80 columns).
    c.press("<esc>");
    assert!(c.text(80, 24).contains("⚑ #1 ?"), "{}", c.text(80, 24));
    // The Incidents screen lists it; Enter opens its view.
    c.press("3");
    assert_eq!(c.state.screen, Screen::Incidents);
    c.press("<enter>");
    assert!(
        c.state.open_incident().is_some(),
        "the view has its incident"
    );
    // A: the on-call officer of the grid, in the first role short of people.
    c.press("A<enter>");
    said(&c, "Incident #1: ");
    said(&c, ", requested");
    let d = &c.state.open_incident().unwrap().detail;
    assert_eq!(d.personnel.len(), 1);
    let officer = d.personnel[0].officer.clone();
    // `>` moves them on, twice: notified, en route; then on scene.
    c.press(">>>");
    said(&c, "first on scene");
    let d = &c.state.open_incident().unwrap().detail;
    assert_eq!(d.personnel[0].status, PersonStatus::OnScene);
    assert_eq!(d.personnel[0].officer, officer);
    // Space ticks step 1; again asks, `y` opens it; again ticks it.
    c.press(" ");
    said(&c, "step 1 done");
    c.press(" y ");
    let d = &c.state.open_incident().unwrap().detail;
    assert!(matches!(d.steps[0].state, StepState::Done { ref by, .. } if by == "tester"));
    // S skips step 2 with a reason; + adds a step due 10:15.
    c.press("jS<enter>");
    assert!(
        matches!(&c.state.mode, Mode::Form(f) if f.error.as_deref() == Some("Skipping a step needs a reason."))
    );
    c.press("upstream dry<enter>");
    said(&c, "step 2 skipped");
    c.press("+notify the villages<tab><bs><bs><bs><bs><bs>10:15<enter>");
    said(&c, "added");
    let d = &c.state.open_incident().unwrap().detail;
    let added = d.steps.last().unwrap();
    assert!(added.ad_hoc && added.due_at == at("2026-11-30T10:15:00+08:00"));
    // D dispatches the first item from the fullest depot; B returns one.
    c.press("D<enter>");
    said(&c, "dispatched");
    c.press("B<tab><bs><bs><bs>1<enter>");
    said(&c, "returned");
    // L: level III; the initial report's deadline follows it.
    c.press("L<down><down><down><enter>");
    said(&c, "III (relatively serious); initial report due");
    // u: the initial report sent to the city bureau.
    c.press("u<enter>");
    assert!(matches!(&c.state.mode, Mode::Form(f) if f.error.is_some()));
    c.press("city bureau<enter>");
    said(&c, "initial report sent to city bureau");
    assert!(c.state.data.incidents[0].initial_report_sent_at.is_some());
    // t: stable; C closes after asking; O reopens with a reason.
    c.press("t");
    said(&c, "stable");
    c.press("Cn");
    assert_eq!(c.state.data.incidents[0].status, IncidentStatus::Stable);
    c.press("Cy");
    assert_eq!(c.state.data.incidents[0].status, IncidentStatus::Closed);
    c.press("t");
    assert!(c.state.status.error);
    said(&c, "is closed: O reopens it");
    c.press("Omore found downstream<enter>");
    assert_eq!(c.state.data.incidents[0].status, IncidentStatus::Active);
    // Everything is in the database, as any other console or command reads it.
    let d = gridwatch::store::Incidents::incident(&c.store, 1).unwrap();
    assert_eq!(d.row.level, "III");
    assert_eq!(d.personnel[0].status, PersonStatus::OnScene);
    assert!(d.row.first_on_scene_at.is_some());
    assert_eq!(d.reports[0].to.as_deref(), Some("city bureau"));
    assert!(d.timeline.iter().all(|e| e.console == "tui:test"));
    // The timeline in words, newest last, in the view.
    c.press("<left>");
    let text = c.text(200, 50);
    assert!(text.contains("tester"), "{text}");
}

#[test]
fn snapshots_of_the_i_form_and_of_an_incident_in_its_view() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut c = console(lang);
        c.press("i");
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("incident_form_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("<enter>3<enter>A<enter>> j");
        c.tick(at("2026-11-30T09:40:00+08:00"));
        for (w, h) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(format!("incident_run_{name}_{w}x{h}"), snap(&c, w, h));
        }
        c.press("<left>");
        insta::assert_snapshot!(format!("incident_timeline_{name}_80x24"), snap(&c, 80, 24));
        c.press("<esc>i");
        insta::assert_snapshot!(
            format!("incident_form_alone_{name}_80x24"),
            snap(&c, 80, 24)
        );
    }
}

#[test]
fn a_drill_clock_presets_the_drill_flag_and_i_without_a_selection_says_so() {
    let mut c = console(Lang::En);
    c.state.clock = gridwatch::clock::ClockMode::Drill;
    c.press("i");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the i form")
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiFieldDrill), "yes");
    c.press("<esc>4i");
    assert!(c.state.status.error, "nothing selected on the Audit screen");
    // On the Incidents screen: one on its own, the grid asked.
    c.press("3i");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the i form")
    };
    assert!(f.complaint_id().is_none());
    c.press("<enter>");
    said(&c, "Incident #1 opened");
    assert!(c.state.data.incidents[0].drill);
    assert_eq!(c.state.data.incidents[0].complaint_id, None);
}

#[test]
fn the_incidents_screen_selects_the_incident_just_opened() {
    let mut c = console(Lang::En);
    // #1 on its own from the Incidents screen, which selects it.
    c.press("3i<enter>");
    said(&c, "Incident #1 opened");
    // #2 from the complaint on the dashboard; Enter on screen 3 shows #2.
    c.press("1i<enter>");
    said(&c, "Incident #2 opened");
    c.press("3<enter>");
    assert_eq!(c.state.incident_view.as_ref().map(|v| v.id), Some(2));
    assert_eq!(c.state.open_incident().map(|d| d.detail.row.id), Some(2));
}

#[test]
fn form_titles_say_whose_number_is_whose() {
    let mut c = console(Lang::En);
    c.press("i");
    let text = c.text(80, 24);
    assert!(
        text.contains("Open incident from complaint #1 (T01-V02)"),
        "{text}"
    );
    c.press("<enter>3<enter>jS");
    let text = c.text(80, 24);
    assert!(text.contains("Skip step 2 of incident #1"), "{text}");
    let mut c = console(Lang::Zh);
    c.press("i");
    let text = c.text(80, 24);
    assert!(
        text.contains("启动突发事件（来自举报 #1，T01-V02）"),
        "{text}"
    );
}

#[test]
fn a_refused_dispatch_keeps_the_form_and_ctrl_u_clears_a_field() {
    let mut c = console(Lang::En);
    // Cordon tape (the last item): the county holds 20, the town T01 10.
    c.press("i<enter>3<enter><right><right>jjjjjjD");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the dispatch form: {:?}", c.state.mode)
    };
    // The depots of the incident's own town first (T01 for T01-V02), with stock.
    let depot = &f.fields[1];
    assert_eq!(depot.value, "D-T01", "{:?}", depot.choices);
    assert!(depot.choices[0].detail.starts_with("in stock "));
    // Ctrl-U clears the quantity (no 'u' typed); far more than the depot holds.
    c.press("<tab><c-u>");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the form")
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiFieldQuantity), "");
    c.press("99999<c-x><enter>");
    // Refused by the store: the form is back with the reason and what was typed.
    let Mode::Form(f) = &c.state.mode else {
        panic!("the form stays: {:?}", c.state.status)
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiFieldQuantity), "99999");
    assert!(
        f.error.is_some() && c.state.status.error,
        "{:?}",
        c.state.status
    );
    assert_eq!(f.error.as_deref(), Some(c.state.status.text.as_str()));
    // In names, as the picker showed them, not ids.
    let said = &c.state.status.text;
    assert!(
        said.contains("Cordon tape") && !said.contains("cordon_tape"),
        "{said}"
    );
    // Esc gives it up; the next refusal of another kind opens nothing.
    c.press("<esc>");
    assert!(matches!(c.state.mode, Mode::Normal));
    // The filter takes Ctrl-U too.
    c.press("/abc<c-u>d");
    assert!(
        matches!(&c.state.mode, Mode::Filter(t) if t == "d"),
        "{:?}",
        c.state.mode
    );
}

#[test]
fn the_i_form_refuses_a_yes_beside_a_known_level_and_stays_open() {
    let mut c = console(Lang::En);
    // Level I, then yes to drinking water: refused, nothing opened.
    c.press("i<tab><down><tab> <enter>");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the i form stays open: {:?}", c.state.status)
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiQDrinkingWater), "yes");
    said(&c, "for an unknown level only");
    assert!(c.state.data.incidents.is_empty());
    // No again: opened at level I.
    c.press(" <enter>");
    said(&c, "Incident #1 opened");
    assert_eq!(c.state.data.incidents[0].level, "I");
}

#[test]
fn a_known_level_chosen_in_the_i_form_answers_the_six_questions_no() {
    let mut c = console(Lang::En);
    // Yes to drinking water at an unknown level, then level I: answered no.
    c.press("i<tab><tab> ");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the i form")
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiQDrinkingWater), "yes");
    c.press("<backtab><down>");
    let Mode::Form(f) = &c.state.mode else {
        panic!("the i form")
    };
    assert_eq!(f.value(gridwatch::i18n::T::IncUiFieldLevel), "I");
    assert_eq!(f.value(gridwatch::i18n::T::IncUiQDrinkingWater), "no");
    c.press("<enter>");
    said(&c, "Incident #1 opened");
    assert_eq!(c.state.data.incidents[0].level, "I");
}

#[test]
fn the_draft_overlay_on_a_real_incident_saves_what_the_command_line_prints() {
    let mut c = console(Lang::En);
    c.press("i<enter>");
    c.press("P");
    let Mode::Report(o) = &c.state.mode else {
        panic!("the draft: {:?}", c.state.mode)
    };
    assert_eq!(o.kind, gridwatch::domain::incident::ReportKind::Initial);
    c.press("s");
    let Some(gridwatch::tui::update::Effect::SaveDraft { name, text }) = c.effects.pop() else {
        panic!("{:?}", c.effects)
    };
    assert_eq!(name, "incident-1-initial-20261130-0930.md");
    // The very text `gridwatch incident report 1 --kind initial` prints.
    let printed = c.room.ok(&[
        "--now",
        "2026-11-30T09:30:00+08:00",
        "--lang",
        "en",
        "incident",
        "report",
        "1",
        "--kind",
        "initial",
    ]);
    assert_eq!(text, printed);
}
