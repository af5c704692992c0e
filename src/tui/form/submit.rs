//! What a form checks before it leaves the console, and the command it
//! sends. The store checks the same rules again inside its transaction;
//! checking here keeps the form open with the reason beside the field.

use chrono::{DateTime, NaiveTime, TimeZone, Utc};

use super::{Form, FormKind};
use crate::config::Config;
use crate::domain::ArrivalRequest;
use crate::domain::ComplaintRow;
use crate::domain::arrival::check_arrival_time;
use crate::domain::complaint::Outcome;
use crate::domain::triage::{RejectReason, Rejection, TriageError, check_assign};
use crate::i18n::{Lang, T, fill};
use crate::ops::{Command, Target};

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Something other than digits, spaces, hyphens and a leading `+86`.
    Chars,
    /// This many digits: not 7 to 15.
    Length(usize),
}

/// A caller's phone as a duty officer types it: digits, with spaces or
/// hyphens anywhere and `+86` in front; 7 to 15 digits (a local number to
/// the longest international one). Answers the number of digits.
pub fn check_phone(p: &str) -> Result<usize, PhoneProblem> {
    let p = p.trim();
    let rest = p.strip_prefix("+86").unwrap_or(p);
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    {
        return Err(PhoneProblem::Chars);
    }
    let digits = p.chars().filter(char::is_ascii_digit).count();
    if (7..=15).contains(&digits) {
        Ok(digits)
    } else {
        Err(PhoneProblem::Length(digits))
    }
}

impl Form {
    pub(super) fn officer(&self, config: &Config, lang: Lang) -> Result<String, String> {
        let id = self.value(T::FieldOfficer);
        if id.is_empty() {
            return Err(T::FormChooseOfficer.get(lang).into());
        }
        if !config.officers.contains_key(id) {
            return Err(fill(
                T::ErrNoSuchOfficer.get(lang),
                &[("officer", &crate::text::sanitize(id))],
            ));
        }
        Ok(id.to_string())
    }

    /// The form as a command, or what is wrong with it (in `lang`).
    pub(super) fn submit(
        &self,
        config: &Config,
        about: Option<&ComplaintRow>,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<Command, String> {
        let id = self.complaint_id().unwrap_or(0);
        let note = Some(self.value(T::FieldNote).to_string()).filter(|n| !n.is_empty());
        let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
        match self.kind {
            FormKind::Arrive => {
                let officer = self.officer(config, lang)?;
                let tz = config.settings.timezone;
                let text = self.value(T::FieldTime);
                let t = NaiveTime::parse_from_str(text, "%H:%M")
                    .map_err(|_| say(T::FormNotATime, &[("text", &crate::text::sanitize(text))]))?;
                let local = now.with_timezone(&tz).date_naive().and_time(t);
                let arrived_at = tz
                    .from_local_datetime(&local)
                    .earliest()
                    .map(|t| t.with_timezone(&Utc))
                    .ok_or_else(|| say(T::FormNoSuchTimeToday, &[("text", text)]))?;
                // Same check as the store makes, so the form says it before leaving.
                // The current minute means now, to the second.
                let arrived_at =
                    if arrived_at <= now && now - arrived_at < chrono::Duration::minutes(1) {
                        now
                    } else {
                        arrived_at
                    };
                if let Some(c) = about {
                    check_arrival_time(c.received_at, arrived_at, now, note.as_deref()).map_err(
                        |source| {
                            let e =
                                crate::ops::OpError::Store(crate::store::StoreError::ArrivalTime {
                                    id,
                                    source,
                                });
                            crate::tui::words::error(lang, config, None, &e)
                        },
                    )?;
                }
                Ok(Command::Arrive(ArrivalRequest {
                    complaint_id: id,
                    officer,
                    arrived_at,
                    note,
                }))
            }
            FormKind::Dispatch => Ok(Command::Dispatch {
                id,
                officer: self.officer(config, lang)?,
            }),
            FormKind::Escalate => {
                let reason = self.value(T::FieldReason);
                if reason.is_empty() {
                    return Err(T::ErrNoReason.get(lang).into());
                }
                let target = match self.value(T::FieldTarget) {
                    "" => Target::Nobody,
                    t if !config.officers.contains_key(t) => {
                        return Err(fill(
                            T::ErrNoSuchOfficer.get(lang),
                            &[("officer", &crate::text::sanitize(t))],
                        ));
                    }
                    t => Target::Officer(t.to_string()),
                };
                Ok(Command::Escalate {
                    id,
                    target,
                    reason: reason.to_string(),
                })
            }
            FormKind::Resolve => {
                let outcome = Outcome::parse(self.value(T::FieldOutcome))
                    .ok_or("choose an outcome (Up/Down)")?;
                Ok(Command::Resolve { id, outcome, note })
            }
            FormKind::New => {
                let phone = self.value(T::FieldPhone);
                if !phone.is_empty() {
                    match check_phone(phone) {
                        Ok(_) => {}
                        Err(PhoneProblem::Chars) => {
                            return Err(say(T::ErrPhoneChars, &[("phone", phone)]));
                        }
                        Err(PhoneProblem::Length(n)) => {
                            return Err(say(
                                T::ErrPhoneLength,
                                &[("phone", phone), ("n", &n.to_string())],
                            ));
                        }
                    }
                }
                let (grid, enterprise) = self.named(config, lang)?;
                if self.value(T::FieldDescription).trim().is_empty() {
                    return Err(say(T::FormNoDescription, &[]));
                }
                let v = serde_json::json!({
                    "source": "phone",
                    "category": self.value(T::FieldCategory),
                    "description": self.value(T::FieldDescription),
                    "location": {"address": self.value(T::FieldAddress)},
                    "grid": grid,
                    "enterprise": enterprise,
                    "reporter": {"phone": Some(phone).filter(|p| !p.is_empty())},
                });
                let raw = v.to_string();
                // What intake would refuse (a field too long), in its own words.
                let refused =
                    |e: String| say(T::FormRefused, &[("detail", &crate::text::sanitize(&e))]);
                let input = crate::ops::input::record(&v, &raw, &config.settings.limits)
                    .map_err(|e| refused(e.to_string()))?;
                let stamp = format!("console:{}:{}", now.timestamp_millis(), std::process::id());
                let c = crate::ops::prepare::prepare(input, config, now, || stamp)
                    .map_err(|e| refused(e.to_string()))?;
                Ok(Command::New(Box::new(c)))
            }
            FormKind::Assign => {
                let grid = self.value(T::FieldGrid);
                if grid.is_empty() {
                    return Err(say(T::ErrChooseGrid, &[]));
                }
                if config.grids.get(grid).is_none() {
                    return Err(say(T::ErrUnknownGrid, &[("grid", grid)]));
                }
                let reason = Some(self.value(T::FieldReason)).filter(|r| !r.is_empty());
                if let Some(c) = about {
                    check_assign(c.status, c.grid.as_deref(), grid, reason).map_err(|e| {
                        let id = id.to_string();
                        match e {
                            TriageError::SameGrid(g) => {
                                say(T::ErrSameGrid, &[("id", &id), ("grid", &g)])
                            }
                            TriageError::ReasonToMove(g) => {
                                say(T::ErrReasonToMove, &[("id", &id), ("grid", &g)])
                            }
                            _ => say(T::AssignNotOpen, &[("id", &id)]),
                        }
                    })?;
                }
                Ok(Command::Assign {
                    id,
                    grid: grid.to_string(),
                    reason: reason.map(String::from),
                })
            }
            FormKind::Reject => {
                let reason = RejectReason::parse(self.value(T::FieldReason))
                    .ok_or("choose a reason (Up/Down)")?;
                let details = Some(self.value(T::FieldDetails));
                let rejection =
                    Rejection::new(reason, details).map_err(|_| say(T::ErrOtherNeedsWords, &[]))?;
                Ok(Command::Reject { id, rejection })
            }
            FormKind::Merge => {
                let text = self.value(T::MergeFieldInto).trim_start_matches('#');
                if text.is_empty() {
                    return Err(say(T::MergeErrNoId, &[]));
                }
                let into = text.parse::<i64>().map_err(|_| {
                    say(
                        T::ErrNoSuchComplaint,
                        &[("id", &crate::text::sanitize(text))],
                    )
                })?;
                Ok(Command::Merge { id, into })
            }
            FormKind::Reopen => {
                let reason = self.value(T::FieldReason);
                if reason.is_empty() {
                    return Err(say(T::ErrReopenReason, &[]));
                }
                Ok(Command::Reopen {
                    id,
                    reason: reason.to_string(),
                })
            }
            FormKind::Swap => self.submit_swap(config, lang),
            FormKind::SrcInspect | FormKind::SrcVisit => {
                self.submit_patrol(config, now, lang).map(Command::Patrol)
            }
            _ => self
                .submit_incident(config, now, lang)
                .map(Command::Incident),
        }
    }

    /// The grid and enterprise a new complaint names, if any; an id the
    /// configuration does not know is a typing mistake here (intake would
    /// keep it visible; a console can ask at once).
    pub(super) fn named(
        &self,
        config: &Config,
        lang: Lang,
    ) -> Result<(Option<String>, Option<String>), String> {
        let grid = Some(self.value(T::FieldGrid)).filter(|g| !g.is_empty());
        let enterprise = Some(self.value(T::FieldEnterprise)).filter(|e| !e.is_empty());
        if let Some(g) = grid.filter(|g| config.grids.get(g).is_none()) {
            return Err(fill(T::ErrUnknownGrid.get(lang), &[("grid", g)]));
        }
        if let Some(e) = enterprise.filter(|e| !config.enterprises.current().contains_key(*e)) {
            return Err(fill(
                T::ErrUnknownEnterprise.get(lang),
                &[("enterprise", e)],
            ));
        }
        Ok((grid.map(String::from), enterprise.map(String::from)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::mobile("13912345678", Ok(11))]
    #[case::international("+86 139 1234 5678", Ok(13))]
    #[case::landline("0731-8888 1234", Ok(12))]
    #[case::short_local("8888123", Ok(7))]
    #[case::too_short("12345", Err(PhoneProblem::Length(5)))]
    #[case::too_long("1391234567812345", Err(PhoneProblem::Length(16)))]
    #[case::letters("139abc45678", Err(PhoneProblem::Chars))]
    #[case::other_country("+1 555 123 4567", Err(PhoneProblem::Chars))]
    #[case::plus_inside("139+12345678", Err(PhoneProblem::Chars))]
    fn phones(#[case] p: &str, #[case] want: Result<usize, PhoneProblem>) {
        assert_eq!(check_phone(p), want);
    }
}
