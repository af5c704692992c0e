//! The report's columns, shared by every format: what each is called (a
//! stable key for CSV/JSON readers, a header in the reader's language),
//! which topic it belongs to, and its value in a row. One list, so the
//! same numbers come out of Markdown, CSV and JSON.

use super::{Figures, INCIDENT_LEVELS, Report, water};
use crate::domain::assess::Arrivals;
use crate::domain::complaint::{Category, Source};
use crate::domain::water::PeriodVerdict;
use crate::i18n::{Lang, T, fill};
use crate::words;

/// A group of columns: one table in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Received,
    Arrivals,
    Escalations,
    Complaints,
    Incidents,
    Patrols,
    Water,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Topic::Received,
        Topic::Arrivals,
        Topic::Escalations,
        Topic::Complaints,
        Topic::Incidents,
        Topic::Patrols,
        Topic::Water,
    ];

    pub fn title(self) -> T {
        match self {
            Topic::Received => T::RepTopicReceived,
            Topic::Arrivals => T::RepTopicArrivals,
            Topic::Escalations => T::RepTopicEscalations,
            Topic::Complaints => T::RepTopicComplaints,
            Topic::Incidents => T::RepTopicIncidents,
            Topic::Patrols => T::RepTopicPatrols,
            Topic::Water => T::RepTopicWater,
        }
    }
}

/// Which arrivals: one regime or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regimes {
    Workday,
    OffHours,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrivalField {
    OnTime,
    Late,
    Missing,
    Pending,
    Rate,
}

/// What a column reads from a row's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Get {
    Received,
    Source(Source),
    Category(Category),
    Arrivals(Regimes, ArrivalField),
    Median,
    P90,
    Stage(String, bool),
    Repeats,
    Merged,
    Rejected,
    Reopened,
    IncidentLevel(&'static str),
    IncidentUnknown,
    ReportsOnTime,
    ReportsLate,
    ReportsOverdue,
    ReportsPending,
    Sources,
    Due,
    Done,
    Overdue,
    WaterSections,
    WaterPassed,
    WaterFailed,
    WaterWithoutData,
    WaterVerdict,
}

/// A value: a count, a percentage (none when nothing was due), minutes,
/// or a water verdict (none without a section).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Count(u64),
    Percent(Option<f64>),
    Minutes(Option<f64>),
    Verdict(Option<PeriodVerdict>),
}

impl Value {
    /// As every format writes it: counts whole, percentages and minutes to
    /// a tenth, a verdict as a word in `lang` (with its symbol when
    /// `marked`), none as `none`.
    pub fn text(self, lang: Lang, marked: bool, none: &str) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Percent(Some(p)) | Value::Minutes(Some(p)) => format!("{p:.1}"),
            Value::Verdict(Some(v)) if marked => water::verdict_marked(lang, v),
            Value::Verdict(Some(v)) => water::verdict_word(lang, v).to_string(),
            Value::Percent(None) | Value::Minutes(None) | Value::Verdict(None) => none.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub topic: Topic,
    /// Stable, ASCII: the CSV header in English.
    pub key: String,
    /// In the reader's language.
    pub header: String,
    pub get: Get,
}

/// Every column of the report, topic by topic.
pub fn columns(lang: Lang, report: &Report) -> Vec<Column> {
    let mut out = Vec::new();
    let mut push = |topic, key: String, header: String, get| {
        out.push(Column {
            topic,
            key,
            header,
            get,
        })
    };
    let t = |k: T| k.get(lang).to_string();
    push(
        Topic::Received,
        "received".into(),
        t(T::RepReceived),
        Get::Received,
    );
    for s in Source::ALL {
        let header = words::source(s).get(lang).to_string();
        push(
            Topic::Received,
            format!("source_{}", s.as_str()),
            header,
            Get::Source(s),
        );
    }
    for c in Category::ALL {
        let header = words::category(c).get(lang).to_string();
        push(
            Topic::Received,
            format!("category_{}", c.as_str()),
            header,
            Get::Category(c),
        );
    }
    for (regime, key, name) in [
        (Regimes::Workday, "workday", T::RepWorkday),
        (Regimes::OffHours, "off_hours", T::RepOffHours),
        (Regimes::Both, "all", T::RepBothRegimes),
    ] {
        for (field, fkey, fname) in [
            (ArrivalField::OnTime, "on_time", T::RepOnTime),
            (ArrivalField::Late, "late", T::RepLate),
            (ArrivalField::Missing, "missing", T::RepMissing),
            (ArrivalField::Pending, "pending", T::RepPending),
            (ArrivalField::Rate, "on_time_rate_pct", T::RepRate),
        ] {
            let header = format!("{} {}", t(name), t(fname));
            push(
                Topic::Arrivals,
                format!("{key}_{fkey}"),
                header,
                Get::Arrivals(regime, field),
            );
        }
    }
    push(
        Topic::Arrivals,
        "median_minutes".into(),
        t(T::RepMedian),
        Get::Median,
    );
    push(
        Topic::Arrivals,
        "p90_minutes".into(),
        t(T::RepP90),
        Get::P90,
    );
    for stage in &report.stages {
        if stage == "manual" {
            push(
                Topic::Escalations,
                "manual".into(),
                t(T::RepManual),
                Get::Stage(stage.clone(), false),
            );
            continue;
        }
        for (skipped, key, name) in [
            (false, "fired", T::RepFired),
            (true, "skipped", T::RepSkipped),
        ] {
            let header = fill(
                name.get(lang),
                &[("stage", &crate::words::stage(lang, stage))],
            );
            push(
                Topic::Escalations,
                format!("{stage}_{key}"),
                header,
                Get::Stage(stage.clone(), skipped),
            );
        }
    }
    for (key, name, get) in [
        ("repeats", T::RepRepeats, Get::Repeats),
        ("merged", T::RepMerged, Get::Merged),
        ("rejected", T::RepRejected, Get::Rejected),
        ("reopened", T::RepReopened, Get::Reopened),
    ] {
        push(Topic::Complaints, key.into(), t(name), get);
    }
    for level in INCIDENT_LEVELS {
        let header = fill(T::RepIncidentLevel.get(lang), &[("level", level)]);
        push(
            Topic::Incidents,
            format!("incidents_{level}"),
            header,
            Get::IncidentLevel(level),
        );
    }
    for (key, name, get) in [
        (
            "incidents_unknown",
            T::RepIncidentUnknown,
            Get::IncidentUnknown,
        ),
        ("reports_on_time", T::RepReportsOnTime, Get::ReportsOnTime),
        ("reports_late", T::RepReportsLate, Get::ReportsLate),
        ("reports_overdue", T::RepReportsOverdue, Get::ReportsOverdue),
        ("reports_pending", T::RepReportsPending, Get::ReportsPending),
    ] {
        push(Topic::Incidents, key.into(), t(name), get);
    }
    for (key, name, get) in [
        ("patrol_sources", T::RepSources, Get::Sources),
        ("patrol_due", T::RepDue, Get::Due),
        ("patrol_done", T::RepDone, Get::Done),
        ("patrol_overdue", T::RepOverdue, Get::Overdue),
    ] {
        push(Topic::Patrols, key.into(), t(name), get);
    }
    for (key, name, get) in [
        ("water_sections", T::RepWaterSections, Get::WaterSections),
        ("water_months_passed", T::RepWaterPassed, Get::WaterPassed),
        ("water_months_failed", T::RepWaterFailed, Get::WaterFailed),
        (
            "water_months_without_data",
            T::RepWaterWithoutData,
            Get::WaterWithoutData,
        ),
        ("water_verdict", T::RepWaterVerdict, Get::WaterVerdict),
    ] {
        push(Topic::Water, key.into(), t(name), get);
    }
    out
}

fn regime(f: &Figures, r: Regimes) -> Arrivals {
    match r {
        Regimes::Workday => f.tally.workday,
        Regimes::OffHours => f.tally.off_hours,
        Regimes::Both => f.tally.arrivals(),
    }
}

/// On time / due as a percentage, none when nothing was due.
pub fn percent(a: &Arrivals) -> Option<f64> {
    a.on_time_rate().map(|r| (r * 1000.0).round() / 10.0)
}

/// A column's value in a row's figures.
pub fn value(get: &Get, f: &Figures) -> Value {
    let t = &f.tally;
    let c = Value::Count;
    match get {
        Get::Received => c(t.received),
        Get::Source(s) => c(t.source(*s)),
        Get::Category(k) => c(t.category(*k)),
        Get::Arrivals(r, field) => {
            let a = regime(f, *r);
            match field {
                ArrivalField::OnTime => c(a.on_time),
                ArrivalField::Late => c(a.late),
                ArrivalField::Missing => c(a.missing),
                ArrivalField::Pending => c(a.pending),
                ArrivalField::Rate => Value::Percent(percent(&a)),
            }
        }
        Get::Median => Value::Minutes(t.median_minutes()),
        Get::P90 => Value::Minutes(t.p90_minutes()),
        Get::Stage(s, skipped) => {
            let st = t.escalations.get(s).copied().unwrap_or_default();
            c(if *skipped { st.skipped } else { st.fired })
        }
        Get::Repeats => c(t.repeats),
        Get::Merged => c(t.merged),
        Get::Rejected => c(t.rejected),
        Get::Reopened => c(t.reopened),
        Get::IncidentLevel(l) => c(f.incidents.by_level.get(l).copied().unwrap_or(0)),
        Get::IncidentUnknown => c(f.incidents.unknown),
        Get::ReportsOnTime => c(f.incidents.reports_on_time),
        Get::ReportsLate => c(f.incidents.reports_late),
        Get::ReportsOverdue => c(f.incidents.reports_overdue),
        Get::ReportsPending => c(f.incidents.reports_pending),
        Get::Sources => c(f.patrols.sources),
        Get::Due => c(f.patrols.due),
        Get::Done => c(f.patrols.done),
        Get::Overdue => c(f.patrols.overdue),
        Get::WaterSections => c(f.water.sections),
        Get::WaterPassed => c(f.water.months_passed),
        Get::WaterFailed => c(f.water.months_failed),
        Get::WaterWithoutData => c(f.water.months_without_data),
        Get::WaterVerdict => Value::Verdict(f.water.verdict()),
    }
}
