//! The lists of a report draft: measures taken and planned (the
//! checklist), personnel and equipment dispatched.

use crate::domain::escalation::{Standing, standing};
use crate::domain::incident::StepState;
use crate::i18n::{T, fill};
use crate::words::incident as w;
use crate::words::trail::{officer, who};
use crate::words::{colon, paren};

use super::draft::{Draft, md};

impl Draft<'_> {
    fn role(&self, id: &str) -> String {
        match self.d.roles.iter().find(|r| r.role == id) {
            Some(r) => md(w::bilingual(self.lang, &r.name)),
            None => md(id),
        }
    }

    pub(super) fn measures(&self, out: &mut String) {
        let mut steps: Vec<_> = self.d.steps.iter().collect();
        steps.sort_by_key(|s| s.n);
        let taken: Vec<String> = steps
            .iter()
            .filter_map(|s| {
                let text = md(w::bilingual(self.lang, &s.text));
                let by = |b: &str| md(&who(self.lang, self.config, b));
                let how = match &s.state {
                    StepState::Open => return None,
                    StepState::Done { at, by: b, note } => {
                        let done = fill(
                            self.t(T::IncCfgRepDone),
                            &[("at", &self.local(*at)), ("by", &by(b))],
                        );
                        match note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                            Some(n) => format!("{done}{}", paren(self.lang, &md(n))),
                            None => done,
                        }
                    }
                    StepState::Skipped { at, by: b, reason } => fill(
                        self.t(T::IncCfgRepSkipped),
                        &[
                            ("at", &self.local(*at)),
                            ("by", &by(b)),
                            ("reason", &md(reason)),
                        ],
                    ),
                };
                Some(format!("{text} — {how}"))
            })
            .collect();
        self.list(out, T::IncCfgRepTaken, &taken);
        let mut open: Vec<_> = steps
            .into_iter()
            .filter(|s| !s.state.is_settled())
            .collect();
        open.sort_by_key(|s| (s.due_at, s.n));
        let planned: Vec<String> = open
            .iter()
            .map(|s| {
                let text = md(w::bilingual(self.lang, &s.text));
                let role = s.role.as_deref().map(|r| paren(self.lang, &self.role(r)));
                let at = self.local(s.due_at);
                let due = match standing(s.due_at, self.now) {
                    Standing::After(m) => fill(
                        self.t(T::IncCfgRepStepLate),
                        &[("at", &at), ("late", &self.span(m))],
                    ),
                    _ => fill(self.t(T::IncCfgRepStepDue), &[("at", &at)]),
                };
                format!("{text}{} — {due}", role.unwrap_or_default())
            })
            .collect();
        self.list(out, T::IncCfgRepPlanned, &planned);
    }

    pub(super) fn resources(&self, out: &mut String) {
        let lang = self.lang;
        let people: Vec<String> = self
            .d
            .personnel
            .iter()
            .map(|p| {
                let since = fill(
                    self.t(T::IncCfgRepSince),
                    &[
                        ("status", w::person(p.status).get(lang)),
                        ("at", &self.local(p.at)),
                    ],
                );
                format!(
                    "{} — {} — {since}",
                    md(&officer(self.config, &p.officer)),
                    self.role(&p.role)
                )
            })
            .collect();
        self.list(out, T::IncCfgRepPersonnel, &people);
        let items: Vec<String> = self
            .d
            .equipment
            .iter()
            .filter(|e| e.dispatched > 0)
            .map(|e| {
                let (name, unit) = match self.config.inventory.items.get(&e.item) {
                    Some(i) => (
                        md(w::bilingual(lang, &i.name)),
                        md(w::bilingual(lang, &i.unit)),
                    ),
                    None => (md(&e.item), String::new()),
                };
                let qty = |n: u32| format!("{n} {unit}").trim_end().to_string();
                let mut line = format!("{name}{}{}", colon(lang), qty(e.dispatched));
                if let Some(depot) = &e.depot {
                    let depot = match self.config.inventory.depots.get(depot) {
                        Some(d) => md(&d.name),
                        None => md(depot),
                    };
                    line.push_str(&paren(
                        lang,
                        &fill(self.t(T::IncCfgRepFrom), &[("depot", &depot)]),
                    ));
                }
                if e.returned > 0 {
                    let n = qty(e.returned);
                    line.push_str(&paren(
                        lang,
                        &fill(self.t(T::IncCfgRepReturned), &[("n", &n)]),
                    ));
                }
                line
            })
            .collect();
        self.list(out, T::IncCfgRepEquipment, &items);
    }
}
