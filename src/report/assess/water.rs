//! The outflow sections' water quality in the report (出境断面水质, #12):
//! a row's month counts ([`WaterCounts`], summed over the sections of its
//! subtree's townships like every other figure), the period's verdict
//! derived from them, and the table of sections with their months that
//! Markdown prints and JSON lists. The months and verdicts themselves are
//! `domain::water::months` (built by `board::water`); this only counts them.

use serde_json::{Value, json};

use super::Report;
use crate::domain::water::months::SectionRow;
use crate::domain::water::{Class, MonthVerdict, PeriodVerdict};
use crate::i18n::{Lang, T, fill};
use crate::report::draft::md as inert;

/// The water figures of one row: its sections and their months.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WaterCounts {
    pub sections: u64,
    pub months_passed: u64,
    pub months_failed: u64,
    pub months_without_data: u64,
}

impl WaterCounts {
    /// One section's months.
    pub fn add(&mut self, s: &SectionRow) {
        self.sections += 1;
        for m in &s.months {
            match m.verdict {
                MonthVerdict::Pass => self.months_passed += 1,
                MonthVerdict::Fail => self.months_failed += 1,
                MonthVerdict::NoData => self.months_without_data += 1,
            }
        }
    }

    pub fn absorb(&mut self, o: &WaterCounts) {
        self.sections += o.sections;
        self.months_passed += o.months_passed;
        self.months_failed += o.months_failed;
        self.months_without_data += o.months_without_data;
    }

    /// Fail if any month failed, else pass if every month had data, else
    /// incomplete; `None` without a section. Over several sections the
    /// same as theirs rolled up: fail if any failed, pass if all passed.
    pub fn verdict(&self) -> Option<PeriodVerdict> {
        if self.sections == 0 {
            None
        } else if self.months_failed > 0 {
            Some(PeriodVerdict::Fail)
        } else if self.months_without_data == 0 && self.months_passed > 0 {
            Some(PeriodVerdict::Pass)
        } else {
            Some(PeriodVerdict::Incomplete)
        }
    }
}

/// `pass`, `fail`, `incomplete`: the JSON value.
pub fn verdict_key(v: PeriodVerdict) -> &'static str {
    match v {
        PeriodVerdict::Pass => "pass",
        PeriodVerdict::Fail => "fail",
        PeriodVerdict::Incomplete => "incomplete",
    }
}

/// The verdict in the reader's language, without a symbol (CSV).
pub fn verdict_word(lang: Lang, v: PeriodVerdict) -> &'static str {
    match v {
        PeriodVerdict::Pass => T::RepWaterPass,
        PeriodVerdict::Fail => T::RepWaterFail,
        PeriodVerdict::Incomplete => T::RepWaterIncomplete,
    }
    .get(lang)
}

/// The verdict with its symbol (Markdown): ✔ pass, ✖ fail, ? incomplete.
pub fn verdict_marked(lang: Lang, v: PeriodVerdict) -> String {
    let sym = match v {
        PeriodVerdict::Pass => "✔",
        PeriodVerdict::Fail => "✖",
        PeriodVerdict::Incomplete => "?",
    };
    format!("{sym} {}", verdict_word(lang, v))
}

fn class_words(lang: Lang, c: Class) -> &'static str {
    match lang {
        Lang::Zh => c.zh(),
        Lang::En => c.roman(),
    }
}

/// The sections table under the report's tables: one line per section,
/// each month's worst class with ✔/✖/?, the verdict; then the legend.
pub fn markdown_sections(out: &mut String, lang: Lang, report: &Report) {
    let w = &report.water;
    if w.sections.is_empty() {
        out.push_str(&format!("\n{}\n", T::RepWaterNoSections.get(lang)));
        return;
    }
    let mut head = format!(
        "\n| {} | {} | {} | {} |",
        T::RepWaterSection.get(lang),
        T::RepNameCol.get(lang),
        T::RepWaterTownship.get(lang),
        T::RepWaterTarget.get(lang)
    );
    let mut rule = String::from("|---|---|---|---|");
    for m in &w.months {
        head.push_str(&format!(" {m} |"));
        rule.push_str("---|");
    }
    head.push_str(&format!(" {} |", T::RepWaterVerdict.get(lang)));
    rule.push_str("---|");
    out.push_str(&format!("{head}\n{rule}\n"));
    for s in &w.sections {
        let mut line = format!(
            "| {} | {} | {} {} | {} |",
            inert(&s.id),
            inert(&s.name),
            inert(&s.grid),
            inert(&s.grid_name),
            class_words(lang, s.target)
        );
        for m in &s.months {
            let class = m.class.map_or("—", |c| class_words(lang, c));
            let sym = match m.verdict {
                MonthVerdict::Pass => "✔",
                MonthVerdict::Fail => "✖",
                MonthVerdict::NoData => "?",
            };
            line.push_str(&format!(" {class} {sym} |"));
        }
        line.push_str(&format!(" {} |\n", verdict_marked(lang, s.verdict)));
        out.push_str(&line);
    }
    out.push_str(&format!("\n{}\n", T::RepWaterLegend.get(lang)));
}

/// A row's `water` object.
pub fn json_counts(c: &WaterCounts) -> Value {
    json!({
        "sections": c.sections,
        "months_passed": c.months_passed,
        "months_failed": c.months_failed,
        "months_without_data": c.months_without_data,
        "verdict": c.verdict().map(verdict_key),
    })
}

/// The top-level `sections` list: each section with its months.
pub fn json_sections(report: &Report) -> Value {
    let sections: Vec<Value> = report
        .water
        .sections
        .iter()
        .map(|s| {
            let mut c = WaterCounts::default();
            c.add(s);
            let months: Vec<Value> = s
                .months
                .iter()
                .map(|m| {
                    json!({
                        "month": m.month.to_string(),
                        "class": m.class.map(Class::roman),
                        "worst": m.worst.as_deref().map(crate::text::sanitize),
                        "readings": m.readings,
                        "verdict": m.verdict,
                    })
                })
                .collect();
            json!({
                "id": crate::text::sanitize(&s.id),
                "name": crate::text::sanitize(&s.name),
                "river": crate::text::sanitize(&s.river),
                "grid": crate::text::sanitize(&s.grid),
                "grid_name": crate::text::sanitize(&s.grid_name),
                "target": s.target.roman(),
                "months": months,
                "months_passed": c.months_passed,
                "months_failed": c.months_failed,
                "months_without_data": c.months_without_data,
                "verdict": verdict_key(s.verdict),
            })
        })
        .collect();
    Value::Array(sections)
}

/// "3 sections: 1 pass, 1 fail, 1 incomplete" for the Markdown.
pub fn summary(lang: Lang, report: &Report) -> String {
    let (pass, fail, incomplete) = report.water.counts();
    fill(
        T::RepWaterSummary.get(lang),
        &[
            ("n", &report.water.sections.len().to_string()),
            ("pass", &pass.to_string()),
            ("fail", &fail.to_string()),
            ("incomplete", &incomplete.to_string()),
        ],
    )
}
