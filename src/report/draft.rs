//! The draft of an upward report of an incident, in Markdown: a title
//! (the kind of report, the incident, DRILL loudly when it is one), the
//! deadline it answers, then the fields the reporting rules ask for — time,
//! place, information source, cause and nature, course, pollutants,
//! monitoring, casualties, impact on drinking water and sensitive receptors,
//! trend, measures taken and planned, personnel, equipment, reporting unit,
//! signer, contact. A field with nothing recorded is marked, never left out,
//! so the reader sees what is still to be found.

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::domain::escalation::{Standing, standing};
use crate::domain::incident::{Fact, IncidentDetail, Question, ReportKind, ReportRow, Severity};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;
use crate::words::incident as w;
use crate::words::trail::who;
use crate::words::{colon, minutes, paren};

/// The draft of the `kind` report of incident `d` as of `now`. `signer`:
/// who signs it, else a line to sign on.
pub fn draft(
    lang: Lang,
    config: &Config,
    d: &IncidentDetail,
    kind: ReportKind,
    now: DateTime<Utc>,
    signer: Option<&str>,
) -> String {
    let r = Draft {
        lang,
        config,
        d,
        now,
    };
    let mut out = String::new();
    r.title(&mut out, kind);
    let row = answering(d, kind);
    r.field(&mut out, T::IncCfgRepDeadline, &r.deadline(kind, row));
    if let Some(sent) = row.and_then(|x| x.sent_at.map(|at| (x, at))) {
        r.field(&mut out, T::IncCfgRepSentTo, &r.sent(sent.0, sent.1));
    }
    out.push('\n');
    r.fields(&mut out);
    r.measures(&mut out);
    r.resources(&mut out);
    let unit = w::bilingual(lang, &config.settings.bureau.name);
    r.field(&mut out, T::IncCfgRepUnit, &md(unit));
    let signer = signer
        .map(|s| md(s.trim()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "________________".to_string());
    r.field(&mut out, T::IncCfgRepSigner, &signer);
    let phone = md(&config.settings.bureau.duty_phone);
    let contact = fill(T::IncCfgRepContactLine.get(lang), &[("phone", &phone)]);
    r.field(&mut out, T::IncCfgRepContact, &contact);
    r.field(&mut out, T::IncCfgRepDrafted, &r.local(now));
    out
}

/// The report row a draft of `kind` answers: for a follow-up the one still
/// to send (a new follow-up when all were sent); else the latest.
fn answering(d: &IncidentDetail, kind: ReportKind) -> Option<&ReportRow> {
    let mut rows = d.reports.iter().filter(|r| r.kind == kind);
    match kind {
        ReportKind::FollowUp => rows.find(|r| r.sent_at.is_none()),
        _ => rows.next_back(),
    }
}

/// A value from outside made inert for a terminal and for Markdown.
pub(super) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize(s).chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// English words from the value tables start a sentence with a capital.
pub(super) fn cap(lang: Lang, s: &str) -> String {
    let mut chars = s.chars();
    match (lang, chars.next()) {
        (Lang::En, Some(c)) => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

pub(super) struct Draft<'a> {
    pub(super) lang: Lang,
    pub(super) config: &'a Config,
    pub(super) d: &'a IncidentDetail,
    pub(super) now: DateTime<Utc>,
}

impl Draft<'_> {
    pub(super) fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }

    /// `- **Label**: value`
    pub(super) fn field(&self, out: &mut String, label: T, value: &str) {
        self.labelled(out, self.t(label), value);
    }

    pub(super) fn labelled(&self, out: &mut String, label: &str, value: &str) {
        out.push_str(&format!("- **{label}**{}{value}\n", colon(self.lang)));
    }

    /// A field of sub-items, or the "none yet" mark.
    pub(super) fn list(&self, out: &mut String, label: T, items: &[String]) {
        if items.is_empty() {
            self.field(out, label, self.t(T::IncCfgRepNoneYet));
            return;
        }
        out.push_str(&format!(
            "- **{}**{}\n",
            self.t(label),
            colon(self.lang).trim_end()
        ));
        for item in items {
            out.push_str(&format!("  - {item}\n"));
        }
    }

    /// A time in the configured zone, with the date.
    pub(super) fn local(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.config.settings.timezone)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// A span of minutes: "45 min", "2 h 5 min".
    pub(super) fn span(&self, m: i64) -> String {
        if m < 60 {
            minutes(self.lang, m)
        } else if m % 60 == 0 {
            fill(self.t(T::IncCfgRepHours), &[("h", &(m / 60).to_string())])
        } else {
            fill(
                self.t(T::IncCfgRepHoursMinutes),
                &[("h", &(m / 60).to_string()), ("m", &(m % 60).to_string())],
            )
        }
    }

    fn title(&self, out: &mut String, kind: ReportKind) {
        let row = &self.d.row;
        let heading = fill(
            self.t(T::IncCfgRepHeading),
            &[
                ("kind", &cap(self.lang, w::report(kind).get(self.lang))),
                ("id", &row.id.to_string()),
                ("name", &md(w::bilingual(self.lang, &row.name))),
            ],
        );
        if row.drill {
            out.push_str(&format!("# [{}] {heading}\n\n", self.t(T::Drill)));
            out.push_str(&format!("> **{}**\n\n", self.t(T::IncCfgRepDrill)));
        } else {
            out.push_str(&format!("# {heading}\n\n"));
        }
    }

    /// When the report is due and where that stands: at `now`, or when it
    /// was sent.
    fn deadline(&self, kind: ReportKind, row: Option<&ReportRow>) -> String {
        let due = row.and_then(|r| r.due_at).or(match kind {
            ReportKind::Initial => self.d.row.initial_report_due_at,
            _ => None,
        });
        let Some(due) = due else {
            return self.t(T::IncCfgRepNoDeadline).to_string();
        };
        let at = self.local(due);
        let sent = row.and_then(|r| r.sent_at);
        let (t, m) = match (standing(due, sent.unwrap_or(self.now)), sent.is_some()) {
            (Standing::Before(m), false) => (T::IncCfgRepDueLeft, m),
            (Standing::At, false) => (T::IncCfgRepDueNow, 0),
            (Standing::After(m), false) => (T::IncCfgRepDueLate, m),
            (Standing::Before(m), true) => (T::IncCfgRepSentEarly, m),
            (Standing::At, true) => (T::IncCfgRepSentEarly, 0),
            (Standing::After(m), true) => (T::IncCfgRepSentLate, m),
        };
        let text = fill(
            self.t(t),
            &[
                ("at", &at),
                ("left", &self.span(m)),
                ("late", &self.span(m)),
                ("sent", &sent.map(|s| self.local(s)).unwrap_or_default()),
            ],
        );
        format!("**{text}**")
    }

    fn sent(&self, row: &ReportRow, at: DateTime<Utc>) -> String {
        let missing = self.t(T::IncCfgRepMissing);
        let by = row
            .sent_by
            .as_deref()
            .map(|b| md(&who(self.lang, self.config, b)));
        fill(
            self.t(T::IncCfgRepSentLine),
            &[
                ("sent", &self.local(at)),
                ("by", by.as_deref().unwrap_or(missing)),
                (
                    "to",
                    &row.to.as_deref().map(md).unwrap_or(missing.to_string()),
                ),
            ],
        )
    }

    fn fact(&self, f: Fact) -> String {
        self.d
            .facts
            .iter()
            .rev()
            .find(|(k, text)| *k == f && !text.trim().is_empty())
            .map(|(_, text)| md(text.trim()))
            .unwrap_or_else(|| self.t(T::IncCfgRepMissing).to_string())
    }

    fn fields(&self, out: &mut String) {
        let (lang, row) = (self.lang, &self.d.row);
        self.field(out, T::IncCfgRepTime, &self.local(row.discovered_at));
        let grid = match self.config.grids.get(&row.grid) {
            Some(g) => format!("{}{}", md(&g.name), paren(lang, &md(&row.grid))),
            None => md(&row.grid),
        };
        let place = match row
            .place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            Some(p) => format!(
                "{}{}{grid}",
                md(p),
                if lang == Lang::Zh { "，" } else { ", " }
            ),
            None => grid,
        };
        self.field(out, T::IncCfgRepPlace, &place);
        let source = match row.complaint_id {
            Some(id) => fill(
                self.t(T::IncCfgRepSourceComplaint),
                &[("id", &id.to_string())],
            ),
            None => self.t(T::IncCfgRepSourceDutyRoom).to_string(),
        };
        self.field(out, T::IncCfgRepSource, &source);
        self.field(out, T::IncCfgRepLevel, &w::severity(lang, &row.severity));
        self.field(out, T::IncCfgRepStatus, w::status(row.status).get(lang));
        for f in Fact::ALL {
            let label = cap(lang, w::fact(f).get(lang));
            self.labelled(out, &label, &self.fact(f));
            if let (Fact::Impact, Severity::Unknown(answers)) = (f, &row.severity) {
                out.push_str(&format!(
                    "  - {}{}\n",
                    cap(lang, self.t(T::IncCfgRepQuestions)),
                    colon(lang).trim_end()
                ));
                for q in Question::ALL {
                    let yes = if answers.has(q) {
                        T::IncCfgRepYes
                    } else {
                        T::IncCfgRepNo
                    };
                    let q = w::question(q).get(lang);
                    out.push_str(&format!("    - {q}{}{}\n", colon(lang), self.t(yes)));
                }
            }
        }
    }
}
