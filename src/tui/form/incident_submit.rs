//! What an incident form checks before it leaves the console, and the
//! incident command it sends. The store checks again inside its
//! transaction (a step already ticked, a person moved backwards).

use chrono::{DateTime, Datelike, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::incident::question_label;
use super::{Form, FormKind};
use crate::config::Config;
use crate::domain::incident::{
    Level, Movement, PersonStatus, Question, Questions, ReportKind, Severity,
};
use crate::i18n::{Lang, T, fill};
use crate::ops::{IncidentCommand, OpenIncident};
use crate::text::sanitize;

/// A time as typed: `HH:MM` (today), `MM-DD HH:MM` (this year),
/// `YYYY-MM-DD HH:MM`, all in the configured zone, or `+N` minutes from now.
pub fn parse_when(text: &str, config: &Config, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let t = text.trim();
    if let Some(m) = t.strip_prefix('+') {
        let m: i64 = m.trim().parse().ok()?;
        return (0..=7 * 24 * 60)
            .contains(&m)
            .then(|| now + chrono::Duration::minutes(m));
    }
    let tz = config.settings.timezone;
    let today = now.with_timezone(&tz);
    let naive = NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M")
        .or_else(|_| {
            NaiveDateTime::parse_from_str(&format!("{}-{t}", today.year()), "%Y-%m-%d %H:%M")
        })
        .ok()
        .or_else(|| {
            NaiveTime::parse_from_str(t, "%H:%M")
                .ok()
                .map(|h| today.date_naive().and_time(h))
        })?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

impl Form {
    /// The incident this form is about.
    fn incident_id(&self) -> i64 {
        self.about
            .as_ref()
            .filter(|e| e.is(crate::domain::kind::INCIDENT))
            .map_or(0, |e| e.id)
    }

    fn yes(&self, label: T) -> bool {
        self.value(label) == "yes"
    }

    /// The level picked, or unknown with the questions answered yes.
    fn severity(&self, lang: Lang) -> Result<Severity, String> {
        match self.value(T::IncUiFieldLevel) {
            "unknown" => Ok(Severity::Unknown(Questions::new(
                Question::ALL
                    .into_iter()
                    .filter(|q| self.yes(question_label(*q))),
            ))),
            // The answers only weigh on an unknown level: a yes beside a
            // known one would be dropped without a word, so it is refused.
            _ if Question::ALL
                .into_iter()
                .any(|q| self.yes(question_label(q))) =>
            {
                Err(T::IncUiQuestionsNeedUnknown.get(lang).to_string())
            }
            l => Level::parse(l)
                .map(Severity::Known)
                .ok_or_else(|| T::IncUiChooseLevel.get(lang).to_string()),
        }
    }

    fn quantity(&self, lang: Lang) -> Result<u32, String> {
        let q = self.value(T::IncUiFieldQuantity);
        q.parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| fill(T::IncUiNotAQuantity.get(lang), &[("text", &sanitize(q))]))
    }

    fn time(
        &self,
        label: T,
        config: &Config,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<DateTime<Utc>, String> {
        let text = self.value(label);
        parse_when(text, config, now)
            .ok_or_else(|| fill(T::IncUiNotATime.get(lang), &[("text", &sanitize(text))]))
    }

    /// An incident form as its command, or what is wrong with it (in `lang`).
    pub(super) fn submit_incident(
        &self,
        config: &Config,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<IncidentCommand, String> {
        let id = self.incident_id();
        let say = |t: T| t.get(lang).to_string();
        let text = |label: T| Some(self.value(label).to_string()).filter(|v| !v.is_empty());
        Ok(match self.kind {
            FormKind::IncOpen => {
                let plan = self.value(T::IncUiFieldPlan);
                if !config.plans.contains_key(plan) {
                    return Err(say(T::IncUiChoosePlan));
                }
                let grid = text(T::FieldGrid);
                if let Some(g) = grid.as_deref().filter(|g| config.grids.get(g).is_none()) {
                    return Err(fill(T::ErrUnknownGrid.get(lang), &[("grid", &sanitize(g))]));
                }
                let from_complaint = self.complaint_id();
                if grid.is_none() && self.fields.iter().any(|f| f.label == T::FieldGrid) {
                    return Err(say(T::ErrChooseGrid));
                }
                let discovered = self.time(T::IncUiFieldDiscovered, config, now, lang)?;
                if discovered > now {
                    return Err(say(T::IncUiDiscoveredLater));
                }
                IncidentCommand::Open(Box::new(OpenIncident {
                    plan: plan.to_string(),
                    grid,
                    severity: self.severity(lang)?,
                    place: text(T::IncUiFieldPlace),
                    from_complaint,
                    discovered_at: Some(discovered),
                    drill: self.yes(T::IncUiFieldDrill),
                    summary: None,
                    again: false,
                }))
            }
            FormKind::IncSkip => {
                let reason = self.value(T::FieldReason);
                if reason.is_empty() {
                    return Err(say(T::IncUiSkipNeedsReason));
                }
                IncidentCommand::Step {
                    id,
                    n: self.value(T::IncUiFieldStep).parse().unwrap_or(0),
                    change: crate::domain::incident::StepChange::Skip {
                        reason: reason.to_string(),
                    },
                }
            }
            FormKind::IncAddStep => {
                let Some(what) = text(T::IncUiFieldText) else {
                    return Err(say(T::IncUiStepNeedsText));
                };
                IncidentCommand::AddStep {
                    id,
                    text: what,
                    role: text(T::IncUiFieldRole),
                    due_at: self.time(T::IncUiFieldDue, config, now, lang)?,
                }
            }
            FormKind::IncAssign => {
                let officer = self.officer(config, lang)?;
                let status = PersonStatus::parse(self.value(T::IncUiFieldStatus))
                    .unwrap_or(PersonStatus::Requested);
                let Some(role) = text(T::IncUiFieldRole) else {
                    return Err(say(T::IncUiChooseRole));
                };
                IncidentCommand::Assign {
                    id,
                    officer,
                    role,
                    status,
                }
            }
            FormKind::IncDispatch | FormKind::IncReturn => {
                let Some(depot) = text(T::IncUiFieldDepot) else {
                    return Err(say(T::IncUiChooseDepot));
                };
                if !config.inventory.depots.contains_key(&depot) {
                    return Err(fill(
                        T::IncUiNoSuchDepot.get(lang),
                        &[("depot", &sanitize(&depot))],
                    ));
                }
                IncidentCommand::Equip {
                    id,
                    item: self.value(T::IncUiFieldItem).to_string(),
                    depot: Some(depot),
                    movement: if self.kind == FormKind::IncDispatch {
                        Movement::Dispatched
                    } else {
                        Movement::Returned
                    },
                    quantity: self.quantity(lang)?,
                }
            }
            FormKind::IncLevel => IncidentCommand::Level {
                id,
                severity: self.severity(lang)?,
            },
            FormKind::IncReopen => {
                let Some(reason) = text(T::FieldReason) else {
                    return Err(say(T::ErrReopenReason));
                };
                IncidentCommand::Reopen { id, reason }
            }
            FormKind::IncReport => {
                let kind = ReportKind::parse(self.value(T::IncUiFieldReport))
                    .ok_or_else(|| say(T::IncUiChooseReport))?;
                let Some(to) = text(T::IncUiFieldTo) else {
                    return Err(say(T::IncUiReportNeedsTo));
                };
                IncidentCommand::ReportSent { id, kind, to }
            }
            // The complaint forms are checked in `submit`.
            _ => return Err(say(T::IncUiChoosePlan)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_typed_as_people_say_them() {
        let config = crate::config::Config::load(crate::config::ConfigSource::Dir(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("config"),
        ))
        .unwrap();
        let now: DateTime<Utc> = "2026-11-30T01:30:00Z".parse().unwrap(); // 09:30 +08
        let at = |s: &str| parse_when(s, &config, now).map(|t| t.to_rfc3339());
        assert_eq!(at("09:12").as_deref(), Some("2026-11-30T01:12:00+00:00"));
        assert_eq!(
            at("11-29 23:00").as_deref(),
            Some("2026-11-29T15:00:00+00:00")
        );
        assert_eq!(
            at("2026-11-30 10:00").as_deref(),
            Some("2026-11-30T02:00:00+00:00")
        );
        assert_eq!(at("+30").as_deref(), Some("2026-11-30T02:00:00+00:00"));
        assert_eq!(at("soon"), None);
        assert_eq!(at("25:00"), None);
        assert_eq!(at("+-5"), None);
    }
}
