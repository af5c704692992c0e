//! The swap form of the On-call screen (#11): for the selected grid, the
//! shift (running now or next), the role, the replacement (the officers of
//! the grid first, then everyone) and the reason. Sent as
//! `Command::Swap`; the operations layer checks it again.

use super::{Choice, Field, Form, FormKind};
use crate::board::oncall::OnCallBoard;
use crate::config::Config;
use crate::domain::roster_swap::Role;
use crate::i18n::{Lang, T, fill};
use crate::ops::{Command, ShiftPick, SwapRequest};

impl Form {
    /// The swap form for `grid`, on the primary of the shift running now.
    pub fn swap(config: &Config, board: &OnCallBoard, grid: &str) -> Form {
        let name = config.grids.get(grid).map_or("", |g| g.name.as_str());
        let grid_field = Field {
            fixed: true,
            ..Field::choice(
                T::FieldGrid,
                vec![Choice {
                    detail: name.to_string(),
                    ..Choice::id(grid)
                }],
                true,
            )
        };
        let shifts = vec![
            Choice::word("now", T::OnCallShiftNow),
            Choice::word("next", T::OnCallShiftNext),
        ];
        let roles = Role::ALL
            .iter()
            .map(|r| Choice::word(r.as_str(), crate::words::oncall::role(*r)))
            .collect();
        // The grid's own officers first (tagged), then everyone else; the
        // form starts on the first who is not the primary now.
        let holder = board
            .rows
            .iter()
            .find(|r| r.grid == grid)
            .and_then(|r| r.now.as_ref())
            .map(|oc| oc.primary.clone());
        let mut people: Vec<Choice> = config
            .officers
            .values()
            .filter(|o| o.grid == grid)
            .map(|o| Choice {
                tags: vec![T::OnCallHome],
                ..super::build::officer(config, &o.id)
            })
            .collect();
        people.extend(
            config
                .officers
                .values()
                .filter(|o| o.grid != grid)
                .map(|o| super::build::officer(config, &o.id)),
        );
        let start = people
            .iter()
            .find(|c| Some(&c.id) != holder.as_ref())
            .map(|c| c.id.clone())
            .unwrap_or_default();
        let to = Field {
            value: start,
            ..Field::choice(T::OnCallFieldTo, people, false)
        };
        Form {
            kind: FormKind::Swap,
            about: None,
            subject: format!("{grid} {name}"),
            fields: vec![
                grid_field,
                Field::choice(T::OnCallFieldShift, shifts, true),
                Field::choice(T::OnCallFieldRole, roles, true),
                to,
                Field::text(T::FieldReason, ""),
            ],
            focus: 3,
            error: None,
        }
    }

    /// Who holds the role chosen in the shift chosen now, by `board` (a
    /// swap form only): the picker marks them, so that the one choice the
    /// swap would refuse shows before a reason is typed.
    pub fn swap_holder(&self, board: &OnCallBoard) -> Option<String> {
        if self.kind != FormKind::Swap {
            return None;
        }
        let row = board
            .rows
            .iter()
            .find(|r| r.grid == self.value(T::FieldGrid))?;
        let oc = match self.value(T::OnCallFieldShift) {
            "next" => row.next.as_ref(),
            _ => row.now.as_ref(),
        }?;
        let role = Role::parse(self.value(T::OnCallFieldRole))?;
        role.of(oc).map(String::from)
    }

    /// The swap form as a command, or what is wrong with it.
    pub(super) fn submit_swap(&self, config: &Config, lang: Lang) -> Result<Command, String> {
        let officer = self.value(T::OnCallFieldTo);
        if !config.officers.contains_key(officer) {
            return Err(fill(
                T::OnCallErrUnknownOfficer.get(lang),
                &[("officer", &crate::text::sanitize(officer))],
            ));
        }
        let reason = self.value(T::FieldReason);
        if reason.is_empty() {
            return Err(T::OnCallErrNoReason.get(lang).to_string());
        }
        let when = match self.value(T::OnCallFieldShift) {
            "next" => ShiftPick::Next,
            _ => ShiftPick::Now,
        };
        let role = Role::parse(self.value(T::OnCallFieldRole)).unwrap_or(Role::Primary);
        Ok(Command::Swap(SwapRequest {
            grid: self.value(T::FieldGrid).to_string(),
            when,
            role,
            officer: officer.to_string(),
            reason: reason.to_string(),
        }))
    }
}
