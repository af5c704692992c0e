//! The shift handover sheet (交接班记录) as printable Markdown, in the
//! reader's language: who hands over to whom, where and when, the note,
//! then one section per kind of open matter, each titled with its count,
//! an empty one saying "none" — so the incoming officer sees that it was
//! looked at, not left out. Signature lines close it for the paper copy.
//!
//! Pure: the sheet (`domain::handover::Sheet`) and the configuration in,
//! text out; every value from outside made inert for a terminal and for
//! Markdown.

use chrono::{DateTime, Utc};

use super::draft::md;
use crate::config::Config;
use crate::domain::ComplaintRow;
use crate::domain::handover::{
    CalendarWarning, DaemonWarning, OverduePatrol, PendingAlert, RunningIncident, Sheet, Standing,
    standing,
};
use crate::domain::roster_swap::Swap;
use crate::i18n::{Lang, T, count, fill};
use crate::text::countdown;
use crate::words::incident as iw;
use crate::words::{colon, paren};

/// The sheet as Markdown.
pub fn markdown(lang: Lang, config: &Config, sheet: &Sheet) -> String {
    let w = Words { lang, config };
    let h = &sheet.head;
    let mut out = format!("# {} · {}\n\n", w.t(T::HandTitle), w.date_time(h.at));
    w.field(&mut out, T::HandOutgoing, &w.officer(&h.from));
    w.field(&mut out, T::HandIncoming, &w.officer(&h.to));
    w.field(&mut out, T::HandConsole, &md(&h.station));
    w.field(&mut out, T::HandTime, &w.date_time(h.at));
    let note = h
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map_or_else(|| w.t(T::HandNone).to_string(), md_line);
    w.field(&mut out, T::HandNote, &note);
    let o = &sheet.open;
    let now = h.at;
    w.section(&mut out, T::HandComplaints, &o.complaints, |c| {
        w.complaint(c, now)
    });
    w.section(&mut out, T::HandIncidents, &o.incidents, |i| {
        w.incident(i, now)
    });
    w.section(&mut out, T::HandAlerts, &o.alerts, |a| w.alert(a));
    match &o.patrols {
        Some(p) => w.section(&mut out, T::HandPatrols, p, |p| w.patrol(p)),
        None => {
            out.push_str(&format!("\n## {}\n\n", w.t(T::HandPatrolsUnknown)));
            out.push_str(&format!("- {}\n", w.t(T::HandNotAvailable)));
        }
    }
    w.section(&mut out, T::HandCalendar, &o.calendar, |c| w.calendar(c));
    let daemon: Vec<&DaemonWarning> = o.daemon.iter().collect();
    w.section(&mut out, T::HandDaemon, &daemon, |d| w.daemon(d));
    w.section(&mut out, T::HandSwaps, &o.swaps, |s| w.swap(s));
    out.push_str(&format!(
        "\n## {}\n\n{}\n",
        w.t(T::HandSignatures),
        w.t(T::HandSignLine)
    ));
    out
}

/// The sheet as a screen shows it: the backslashes that keep values inert
/// for Markdown taken out (`\#2` reads `#2`); the recorded and saved
/// sheet keeps them.
pub fn shown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n) if "\\`*_[]<>#|".contains(n) => out.push(n),
                Some(n) => {
                    out.push(c);
                    out.push(n);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Free text on one line of a list: line breaks become spaces.
fn md_line(s: &str) -> String {
    md(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

struct Words<'a> {
    lang: Lang,
    config: &'a Config,
}

impl Words<'_> {
    fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }

    fn field(&self, out: &mut String, label: T, value: &str) {
        out.push_str(&format!(
            "- **{}**{}{value}\n",
            self.t(label),
            colon(self.lang)
        ));
    }

    /// `## Title (n)` and one item per line, or "none".
    fn section<I>(&self, out: &mut String, title: T, items: &[I], line: impl Fn(&I) -> String) {
        out.push_str(&format!(
            "\n## {}\n\n",
            count(title, self.lang, items.len() as i64)
        ));
        if items.is_empty() {
            out.push_str(&format!("- {}\n", self.t(T::HandNone)));
        }
        for i in items {
            out.push_str(&format!("- {}\n", line(i)));
        }
    }

    /// "崔志强 (O005)"; an id no longer in officers.toml as it is.
    fn officer(&self, id: &str) -> String {
        match self.config.officers.get(id) {
            Some(o) => format!("{}{}", md(&o.name), paren(self.lang, &md(id))),
            None => md(id),
        }
    }

    fn name(&self, id: &str) -> String {
        md(&crate::words::trail::officer(self.config, id))
    }

    fn hm(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.config.settings.timezone)
            .format("%H:%M")
            .to_string()
    }

    /// "11-30 09:05".
    fn when(&self, t: DateTime<Utc>) -> String {
        md(&crate::words::trail::when(self.config, t))
    }

    fn date_time(&self, t: DateTime<Utc>) -> String {
        let l = t.with_timezone(&self.config.settings.timezone);
        format!(
            "{} {}",
            l.format("%Y-%m-%d %H:%M"),
            self.t(crate::words::weekday(chrono::Datelike::weekday(&l)))
        )
    }

    fn grid(&self, id: Option<&str>) -> String {
        match id {
            Some(g) => {
                let name = self.config.grids.get(g).map_or("", |g| g.name.as_str());
                md(format!("{g} {name}").trim())
            }
            None => self.t(T::Unassigned).to_string(),
        }
    }

    /// "#12 · T03-V02 柳湾村 · air · 临江… — ✖ breached +12:00 (deadline 09:18) · dispatched to 王芳"
    fn complaint(&self, c: &ComplaintRow, now: DateTime<Utc>) -> String {
        let mut s = format!(
            "#{} · {} · {}",
            c.id,
            self.grid(c.grid.as_deref()),
            crate::words::categories(self.lang, &c.categories)
        );
        if let Some(place) = c.address.as_deref().filter(|a| !a.trim().is_empty()) {
            s.push_str(&format!(" · {}", md_line(place)));
        }
        let deadline = self.hm(c.deadline_at);
        let state = match standing(c, now) {
            Standing::Breached(secs) => fill(
                self.t(T::HandBreached),
                &[("over", &countdown(-secs)), ("deadline", &deadline)],
            ),
            Standing::Left(secs) => fill(
                self.t(T::HandLeft),
                &[("left", &countdown(secs)), ("deadline", &deadline)],
            ),
            Standing::Reached => match (c.arrived_at, c.arrived_by.as_deref()) {
                (Some(at), Some(by)) => fill(
                    self.t(T::HandReached),
                    &[("time", &self.hm(at)), ("officer", &self.name(by))],
                ),
                _ => self.t(T::HandReachedNoTime).to_string(),
            },
        };
        s.push_str(&format!(" — {state}"));
        s.push_str(&format!(" · {}", self.t(crate::words::status(c.status))));
        if let (Some(to), None) = (c.dispatched_to.as_deref(), c.arrived_at) {
            s.push_str(&format!(
                " · {}",
                fill(self.t(T::HandSentTo), &[("officer", &self.name(to))])
            ));
        }
        s
    }

    /// The incident, then its next steps and the initial report, indented.
    fn incident(&self, i: &RunningIncident, now: DateTime<Utc>) -> String {
        let r = &i.row;
        let mut s = format!("#{} ", r.id);
        if r.drill {
            s.push_str(&format!("**{}** ", self.t(T::Drill)));
        }
        s.push_str(&format!(
            "{} · {} · {} · {} · {}",
            md(iw::bilingual(self.lang, &r.name)),
            iw::severity_short(self.lang, &r.severity),
            self.grid(Some(&r.grid)),
            self.t(iw::status(r.status)),
            fill(
                self.t(T::HandStepsSettled),
                &[
                    ("done", &r.steps_settled.to_string()),
                    ("total", &r.steps_total.to_string())
                ]
            )
        ));
        if i.next_steps.is_empty() {
            s.push_str(&format!("\n  - {}", self.t(T::HandNoOpenStep)));
        }
        for step in &i.next_steps {
            s.push_str(&format!(
                "\n  - {}",
                fill(
                    self.t(T::HandNextStep),
                    &[
                        ("n", &step.n.to_string()),
                        ("text", &md_line(iw::bilingual(self.lang, &step.text))),
                        ("time", &self.when(step.due_at)),
                        ("left", &countdown((step.due_at - now).num_seconds())),
                    ],
                )
            ));
        }
        if let (Some(due), None) = (r.initial_report_due_at, r.initial_report_sent_at) {
            s.push_str(&format!(
                "\n  - {}",
                fill(
                    self.t(T::HandInitialReport),
                    &[
                        ("time", &self.when(due)),
                        ("left", &countdown((due - now).num_seconds())),
                    ],
                )
            ));
        }
        s
    }

    fn alert(&self, a: &PendingAlert) -> String {
        let what = match &a.stage {
            None => fill(self.t(T::HandAlertNew), &[("time", &self.when(a.at))]),
            Some(stage) => fill(
                self.t(T::HandAlertStage),
                &[
                    ("stage", &md(&crate::words::stage(self.lang, stage))),
                    ("time", &self.when(a.at)),
                    (
                        "officer",
                        &a.target.as_deref().map_or_else(
                            || self.t(T::HandAlertNobody).to_string(),
                            |o| self.name(o),
                        ),
                    ),
                ],
            ),
        };
        format!("#{} · {what}", a.complaint_id)
    }

    fn patrol(&self, p: &OverduePatrol) -> String {
        format!(
            "{} {} · {} · {}",
            md(&p.enterprise),
            md_line(&p.name),
            self.grid(Some(&p.grid)),
            match p.due {
                Some(due) => fill(
                    self.t(T::HandPatrolLine),
                    &[
                        ("due", &due.format("%Y-%m-%d").to_string()),
                        ("days", &p.overdue_days.to_string()),
                    ],
                ),
                None => self.t(T::HandPatrolNever).to_string(),
            }
        )
    }

    fn calendar(&self, c: &CalendarWarning) -> String {
        match c {
            CalendarWarning::ThisYear { year } => {
                fill(self.t(T::HandCalThisYear), &[("year", &year.to_string())])
            }
            CalendarWarning::NextYear { year, days_left } => fill(
                self.t(T::HandCalNextYear),
                &[
                    ("year", &year.to_string()),
                    ("days", &days_left.to_string()),
                ],
            ),
            CalendarWarning::LeftOut(e) => {
                fill(self.t(T::HandCalLeftOut), &[("error", &md_line(e))])
            }
        }
    }

    /// "T01 城关镇 · day shift of 2026-12-01 · primary: 邓海燕 (O009) →
    /// 郝晓明 (O012) — sick leave".
    fn swap(&self, s: &Swap) -> String {
        let shift = fill(
            self.t(T::HandSwapShift),
            &[
                (
                    "shift",
                    &md(&crate::words::oncall::shift(self.lang, &s.shift)),
                ),
                ("date", &s.shift_date.to_string()),
            ],
        );
        let from = s.replaces.as_deref().map_or_else(
            || self.t(T::OnCallNobodyBefore).to_string(),
            |o| self.officer(o),
        );
        format!(
            "{} · {shift} · {}{}{from} → {} — {}",
            self.grid(Some(&s.grid)),
            self.t(crate::words::oncall::role(s.role)),
            colon(self.lang),
            self.officer(&s.officer),
            md_line(&s.reason)
        )
    }

    fn daemon(&self, d: &DaemonWarning) -> String {
        match d {
            DaemonWarning::Never => self.t(T::HandDaemonNever).to_string(),
            DaemonWarning::Stale { age_seconds } => {
                let age = if *age_seconds < 120 {
                    fill(self.t(T::HandSeconds), &[("n", &age_seconds.to_string())])
                } else {
                    crate::words::minutes(self.lang, age_seconds / 60)
                };
                fill(self.t(T::HandDaemonStale), &[("age", &age)])
            }
            DaemonWarning::Stopped { at } => {
                fill(self.t(T::HandDaemonStopped), &[("time", &self.when(*at))])
            }
            DaemonWarning::Elsewhere { db } => {
                fill(self.t(T::HandDaemonElsewhere), &[("db", &md(db))])
            }
        }
    }
}
