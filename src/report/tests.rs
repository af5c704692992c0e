//! The report drafts over hand-built incidents: every field in both
//! languages, missing ones marked, the deadline early and late.

use chrono::{DateTime, Utc};

use super::draft;
use crate::config::Config;
use crate::domain::incident::{
    Bilingual, Fact, IncidentDetail, IncidentRow, IncidentStatus, ItemRow, Level, PersonRow,
    PersonStatus, Question, Questions, ReportKind, ReportRow, Severity, StepRow, StepState,
};
use crate::i18n::{Lang, T};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn config() -> Config {
    Config::embedded().unwrap()
}

/// Opened from complaint 12 at 09:00 local, level III, initial report due 13:00.
fn bare() -> IncidentDetail {
    let plan = config().plans["water-pollution"].clone();
    let step = |n: i64, due: &str, state: StepState| StepRow {
        n,
        text: plan.steps[(n - 1) as usize].text.clone(),
        role: Some(plan.steps[(n - 1) as usize].role.clone()),
        due_at: at(due),
        state,
        ad_hoc: false,
    };
    IncidentDetail {
        row: IncidentRow {
            id: 7,
            plan: plan.id.clone(),
            kind: plan.kind.clone(),
            name: plan.name.clone(),
            level: "III".into(),
            severity: Severity::Known(Level::III),
            status: IncidentStatus::Active,
            drill: false,
            grid: "T01-V01".into(),
            place: None,
            complaint_id: Some(12),
            summary: None,
            discovered_at: at("2026-11-30T09:00:00+08:00"),
            opened_at: at("2026-11-30T09:10:00+08:00"),
            first_on_scene_at: None,
            closed_at: None,
            steps_total: 2,
            steps_settled: 0,
            next_step: Some(1),
            next_step_due_at: Some(at("2026-11-30T09:30:00+08:00")),
            initial_report_due_at: Some(at("2026-11-30T13:00:00+08:00")),
            initial_report_sent_at: None,
        },
        steps: vec![
            step(1, "2026-11-30T09:30:00+08:00", StepState::Open),
            step(5, "2026-11-30T11:00:00+08:00", StepState::Open),
        ],
        roles: plan.roles.clone(),
        personnel: Vec::new(),
        needs: plan.items.clone(),
        equipment: Vec::new(),
        reports: vec![ReportRow {
            kind: ReportKind::Initial,
            due_at: Some(at("2026-11-30T13:00:00+08:00")),
            sent_at: None,
            sent_by: None,
            to: None,
        }],
        facts: Vec::new(),
        timeline: Vec::new(),
    }
}

/// Everything recorded.
fn full() -> IncidentDetail {
    let mut d = bare();
    d.row.place = Some("东门村河段排口".into());
    d.steps[0].state = StepState::Done {
        at: at("2026-11-30T09:20:00+08:00"),
        by: "O005".into(),
        note: Some("市局值班室已接报".into()),
    };
    d.personnel = vec![PersonRow {
        officer: "O008".into(),
        role: "commander".into(),
        status: PersonStatus::OnScene,
        at: at("2026-11-30T09:50:00+08:00"),
        history: Vec::new(),
    }];
    d.equipment = vec![ItemRow {
        item: "sandbag".into(),
        depot: Some("D-T01".into()),
        required: 300,
        requested: 300,
        dispatched: 200,
        returned: 20,
    }];
    d.facts = vec![
        (Fact::Cause, "化工厂雨水排口偷排".into()),
        (Fact::Course, "09:00 群众举报河水发黑".into()),
        (Fact::Pollutants, "COD 约 2 吨".into()),
        (Fact::Monitoring, "排口下游 COD 85 mg/L".into()),
        (Fact::Casualties, "无".into()),
        (Fact::Impact, "下游 12 km 无取水口".into()),
        (Fact::Trend, "趋于稳定".into()),
    ];
    d
}

const NOW: &str = "2026-11-30T11:40:00+08:00";

#[test]
fn every_field_is_there_in_both_languages() {
    let c = config();
    for lang in [Lang::En, Lang::Zh] {
        let text = draft(
            lang,
            &c,
            &full(),
            ReportKind::Initial,
            at(NOW),
            Some("黄志强"),
        );
        for t in [
            T::IncCfgRepDeadline,
            T::IncCfgRepTime,
            T::IncCfgRepPlace,
            T::IncCfgRepSource,
            T::IncCfgRepLevel,
            T::IncCfgRepTaken,
            T::IncCfgRepPlanned,
            T::IncCfgRepPersonnel,
            T::IncCfgRepEquipment,
            T::IncCfgRepUnit,
            T::IncCfgRepSigner,
            T::IncCfgRepContact,
        ] {
            assert!(
                text.contains(&format!("**{}**", t.get(lang))),
                "{t:?}\n{text}"
            );
        }
        for (_, fact) in &full().facts {
            assert!(text.contains(fact.as_str()), "{fact}\n{text}");
        }
        assert!(!text.contains(T::IncCfgRepMissing.get(lang)), "{text}");
        assert!(!text.contains(T::IncCfgRepNoneYet.get(lang)), "{text}");
        for value in [
            "2026-11-30 09:00",
            "东门村河段排口",
            "城关镇东门村",
            "#12",
            &c.officers["O005"].name, // did the first step
            &c.officers["O008"].name, // on scene
        ] {
            assert!(text.contains(value), "{value}\n{text}");
        }
        assert!(text.contains("黄志强") && text.contains("0730-8812369"));
        assert!(text.contains("城关镇应急物资储备点"), "{text}");
    }
    let zh = draft(Lang::Zh, &c, &full(), ReportKind::Initial, at(NOW), None);
    assert!(
        zh.starts_with("# 初报——突发环境事件 #7：河流湖库水污染事件\n"),
        "{zh}"
    );
    assert!(
        zh.contains("- **起因和性质**：化工厂雨水排口偷排\n"),
        "{zh}"
    );
    assert!(
        zh.contains("  - 沙袋：200 袋（调自城关镇应急物资储备点）（已归还 20 袋）\n"),
        "{zh}"
    );
    assert!(zh.contains("- **报告单位**：临江市生态环境局\n"), "{zh}");
    assert!(zh.contains("- **签发人**：________________\n"), "{zh}");
    let en = draft(Lang::En, &c, &full(), ReportKind::Initial, at(NOW), None);
    assert!(
        en.starts_with("# Initial report — incident #7: River or lake water pollution\n"),
        "{en}"
    );
    assert!(
        en.contains("  - Verify the report and phone the city bureau — done 2026-11-30 09:20 by 崔志强 (市局值班室已接报)\n"),
        "{en}"
    );
    assert!(
        en.contains("- **Level**: III (relatively serious)\n"),
        "{en}"
    );
}

#[test]
fn what_is_not_recorded_is_marked_not_left_out() {
    let c = config();
    for lang in [Lang::En, Lang::Zh] {
        let text = draft(lang, &c, &bare(), ReportKind::Initial, at(NOW), None);
        let missing = T::IncCfgRepMissing.get(lang);
        // The seven facts.
        assert_eq!(text.matches(missing).count(), 7, "{text}");
        // Measures taken, personnel, equipment.
        assert_eq!(
            text.matches(T::IncCfgRepNoneYet.get(lang)).count(),
            3,
            "{text}"
        );
        assert!(
            text.contains(
                T::IncCfgRepSourceComplaint
                    .get(lang)
                    .replace("{id}", "12")
                    .as_str()
            )
        );
    }
    let mut d = bare();
    d.row.complaint_id = None;
    let text = draft(Lang::En, &c, &d, ReportKind::Initial, at(NOW), None);
    assert!(
        text.contains("- **Information source**: duty room\n"),
        "{text}"
    );
}

#[test]
fn the_deadline_says_how_long_is_left_or_how_late() {
    let c = config();
    let d = bare();
    let early = draft(Lang::En, &c, &d, ReportKind::Initial, at(NOW), None);
    assert!(
        early.contains("- **Deadline**: **due 2026-11-30 13:00, 1 h 20 min left**\n"),
        "{early}"
    );
    let late = draft(
        Lang::Zh,
        &c,
        &d,
        ReportKind::Initial,
        at("2026-11-30T13:35:00+08:00"),
        None,
    );
    assert!(
        late.contains("- **报送时限**：**应于 2026-11-30 13:00 前报送，已超时 35 分钟**\n"),
        "{late}"
    );
    // An open step past its due time says so among the planned measures.
    assert!(late.contains("已超时 4 小时 5 分钟"), "{late}");

    let mut sent = bare();
    sent.reports[0].sent_at = Some(at("2026-11-30T12:10:00+08:00"));
    sent.reports[0].sent_by = Some("O005".into());
    sent.reports[0].to = Some("市生态环境局".into());
    let text = draft(
        Lang::En,
        &c,
        &sent,
        ReportKind::Initial,
        at("2026-11-30T15:00:00+08:00"),
        None,
    );
    assert!(
        text.contains(
            "**due 2026-11-30 13:00; sent 2026-11-30 12:10, 50 min before the deadline**"
        ),
        "{text}"
    );
    assert!(
        text.contains("- **Sent**: 2026-11-30 12:10 by 崔志强 to 市生态环境局\n"),
        "{text}"
    );
    assert!(
        text.contains("— due 2026-11-30 11:00, 4 h late\n"),
        "{text}"
    );

    // A follow-up nobody set a deadline for.
    let text = draft(Lang::En, &c, &d, ReportKind::FollowUp, at(NOW), None);
    assert!(
        text.starts_with("# Follow-up report — incident #7"),
        "{text}"
    );
    assert!(text.contains("- **Deadline**: no deadline\n"), "{text}");
}

#[test]
fn a_drill_is_marked_loudly_and_an_unknown_level_lists_the_six_answers() {
    let c = config();
    let mut d = bare();
    d.row.drill = true;
    d.row.severity = Severity::Unknown(Questions::new([Question::DrinkingWater]));
    for lang in [Lang::En, Lang::Zh] {
        let text = draft(lang, &c, &d, ReportKind::Final, at(NOW), None);
        let drill = T::Drill.get(lang);
        assert!(text.starts_with(&format!("# [{drill}] ")), "{text}");
        assert!(text.contains(&format!("> **{}**", T::IncCfgRepDrill.get(lang))));
        assert!(
            text.matches(T::IncCfgRepNo.get(lang)).count() >= 5,
            "{text}"
        );
    }
    let en = draft(Lang::En, &c, &d, ReportKind::Final, at(NOW), None);
    assert!(
        en.contains("    - drinking-water source affected or threatened: yes\n"),
        "{en}"
    );
    assert!(
        en.contains("    - heavy metals or metalloids: no\n"),
        "{en}"
    );
    assert!(en.contains("level unknown, treated as I/II"), "{en}");
}

#[test]
fn text_from_outside_cannot_break_the_markdown_or_the_terminal() {
    let c = config();
    let mut d = bare();
    d.row.name = Bilingual::new("x", "y");
    d.facts = vec![(Fact::Cause, "# heading *bold*\n\u{1b}[31mred".into())];
    let text = draft(
        Lang::En,
        &c,
        &d,
        ReportKind::Initial,
        at(NOW),
        Some("[me](http://x)"),
    );
    assert!(
        text.contains("\\# heading \\*bold\\* \u{fffd}\\[31mred"),
        "{text}"
    );
    assert!(text.contains("\\[me\\](http://x)"), "{text}");
    assert!(!text.contains('\u{1b}'));
}
