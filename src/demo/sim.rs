//! The demo's world on one agenda: the public calling in complaints, and
//! the field answering them — dispatched, on site (most in time, some late,
//! a few never), resolved. Everything the field does goes through the
//! operations layer as the actor `demo-field`, so the audit log reads like
//! a duty officer's shift; complaints go through the spool like any other.
//!
//! Deterministic under a seed: [`Sim::step`] acts on what is due at `now`
//! and nothing else, and [`Sim::next_due`] says when to call it again, so a
//! test steps it on a fixed clock and the demo sleeps until then.
//!
//! A person at a console may act first: each step looks at the complaint as
//! it is and leaves alone what was already done (a dispatch, an arrival).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::calls::Caller;
use super::duty::{self, Event};
use super::field::{Fate, Plan, plan};
use super::rng::Rng;
use crate::clock::ClockMode;
use crate::config::Config;
use crate::domain::{Actor, ComplaintRow, ListFilter};
use crate::intake::Spool;
use crate::ops::{OpError, perform};
use crate::store::{
    Actions, Alerts, Complaints, Handovers, Incidents, Merges, Patrols, Rosters, StoreError,
};

/// The name the simulated field acts under (audit log, trail).
pub const FIELD_ACTOR: &str = "demo-field";

/// Open complaints the feed aims for.
const TARGET_OPEN: f64 = 13.0;

/// What the simulation did so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub calls: usize,
    /// Calls meant as a repeat of an earlier report.
    pub repeats_meant: usize,
    pub planned: HashMap<Fate, usize>,
    pub dispatched: usize,
    /// Missing officers chased: escalated by hand and the backup sent.
    pub chased: usize,
    pub arrived: usize,
    pub resolved: usize,
    /// Steps a person had already taken, or that no longer applied.
    pub left_alone: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum StepError {
    #[error("reading the database: {0}")]
    Store(#[from] StoreError),
    #[error(transparent)]
    Op(#[from] OpError),
    #[error("delivering a complaint into the spool: {0}")]
    Spool(#[from] std::io::Error),
}

pub struct Sim {
    config: Arc<Config>,
    actor: Actor,
    caller: Caller,
    rng: Rng,
    agenda: BTreeMap<(DateTime<Utc>, u64), Event>,
    seq: u64,
    /// The newest complaint id planned for.
    seen: i64,
    /// Fates chosen in advance (the seed), by external reference.
    forced: HashMap<String, Fate>,
    tally: Tally,
    /// The language the drill's people speak (`None`: both halves).
    lang: Option<crate::i18n::Lang>,
}

impl Sim {
    /// A world starting at `start`; its first call comes within two minutes.
    pub fn new(config: Arc<Config>, seed: u64, clock: ClockMode, start: DateTime<Utc>) -> Sim {
        let mut sim = Sim {
            config,
            actor: Actor::new(FIELD_ACTOR, "demo", clock),
            caller: Caller::new(seed.wrapping_add(1)),
            rng: Rng::new(seed),
            agenda: BTreeMap::new(),
            seq: 0,
            seen: 0,
            forced: HashMap::new(),
            tally: Tally::default(),
            lang: None,
        };
        let first = sim.rng.minutes(0.5, 2.0);
        sim.schedule(start + first, Event::Call);
        sim
    }

    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// When something is next due, if anything is planned.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        self.agenda.keys().next().map(|(at, _)| *at)
    }

    fn schedule(&mut self, at: DateTime<Utc>, e: Event) {
        self.seq += 1;
        self.agenda.insert((at, self.seq), e);
    }

    /// Speak `lang` only: descriptions, notes and reasons lose the other half.
    pub fn speak(&mut self, lang: crate::i18n::Lang) {
        self.lang = Some(lang);
    }

    /// A call's record in the drill's language.
    fn in_lang(&self, mut record: serde_json::Value) -> serde_json::Value {
        if let Some(d) = record["description"].as_str() {
            record["description"] = super::said(d, self.lang).into();
        }
        record
    }

    /// Deliver `calls` as one spool file, remembering the fates they must meet.
    pub(super) fn deliver_seed(
        &mut self,
        spool: &Spool,
        calls: Vec<(DateTime<Utc>, Fate)>,
    ) -> std::io::Result<usize> {
        let mut lines = String::new();
        for (at, fate) in &calls {
            let call = self.caller.call(&self.config, *at);
            self.forced.insert(call.external_ref, *fate);
            lines.push_str(&format!("{}\n", self.in_lang(call.record)));
        }
        spool.submit_bytes("demo-seed.jsonl", lines.as_bytes())?;
        Ok(calls.len())
    }

    /// Plan every complaint new since the last step, then do what is due at `now`.
    pub fn step<
        S: Actions + Complaints + Alerts + Incidents + Rosters + Merges + Patrols + Handovers,
    >(
        &mut self,
        store: &mut S,
        spool: &Spool,
        now: DateTime<Utc>,
    ) -> Result<(), StepError> {
        for row in store.complaints_after(self.seen)? {
            self.seen = self.seen.max(row.id);
            if row.status.is_open() {
                self.learn(&row);
            }
        }
        while let Some(entry) = self.agenda.first_entry() {
            if entry.key().0 > now {
                break;
            }
            let ((at, _), event) = entry.remove_entry();
            self.act(store, spool, at, now, event)?;
        }
        Ok(())
    }

    fn learn(&mut self, row: &ComplaintRow) {
        let fate = self
            .forced
            .remove(&row.external_ref)
            .unwrap_or_else(|| Fate::draw(&mut self.rng));
        let p: Plan = plan(&mut self.rng, row.received_at, row.deadline_at, fate);
        *self.tally.planned.entry(fate).or_default() += 1;
        let id = row.id;
        self.schedule(p.dispatch_at, Event::Dispatch { id });
        if let Some(at) = p.chase_at {
            self.schedule(at, Event::Chase { id });
        }
        self.schedule(
            p.logged_at,
            Event::Arrive {
                id,
                at: p.arrive_at,
            },
        );
        let outcome = p.outcome;
        self.schedule(p.resolve_at, Event::Resolve { id, outcome });
    }

    fn act<
        S: Actions + Complaints + Alerts + Incidents + Rosters + Merges + Patrols + Handovers,
    >(
        &mut self,
        store: &mut S,
        spool: &Spool,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
        event: Event,
    ) -> Result<(), StepError> {
        let cmds = match event {
            Event::Call => {
                // After a long pause (a suspended laptop) the public starts again now.
                let at = if now - due > Duration::minutes(10) {
                    now
                } else {
                    due
                };
                let call = self.caller.call(&self.config, at);
                self.tally.calls += 1;
                self.tally.repeats_meant += usize::from(call.repeat);
                let record = self.in_lang(call.record);
                spool.submit_bytes("demo-call.json", record.to_string().as_bytes())?;
                let open = store
                    .list(ListFilter {
                        open_only: true,
                        limit: None,
                    })?
                    .len();
                let gap = self.gap(open, now);
                self.schedule(now + gap, Event::Call);
                return Ok(());
            }
            Event::Incident { id, ref task } => vec![task.command(id)],
            Event::Dispatch { id }
            | Event::Chase { id }
            | Event::Arrive { id, .. }
            | Event::Resolve { id, .. } => {
                let row = store.complaint(id)?;
                // The field follows the roster merged with the swaps recorded.
                let day = now
                    .with_timezone(&self.config.settings.timezone)
                    .date_naive();
                let swaps = store.swaps_around(day)?;
                duty::commands(&self.config, &swaps, &event, &row, now)
            }
        };
        if cmds.is_empty() {
            self.tally.left_alone += 1;
        }
        for cmd in cmds {
            let cmd = super::duty::in_lang(cmd, self.lang);
            match perform(store, &self.config, &self.actor, now, cmd) {
                Ok(outcome) => self.count(&outcome),
                // A person acted in between: theirs stands.
                Err(e) if e.is_user_error() => {
                    tracing::debug!(error = %e, "demo field: left alone");
                    self.tally.left_alone += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// Open the drill incident of the demo and bring it to where it stands
    /// at `now`; its later course goes on the agenda. `None` when the
    /// configuration has no plan for it.
    pub fn open_incident<
        S: Actions + Complaints + Alerts + Incidents + Rosters + Merges + Patrols + Handovers,
    >(
        &mut self,
        store: &mut S,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, StepError> {
        use crate::ops::{IncidentOutcome, Outcome};
        let t0 = super::incident::discovered(now);
        let Some((at, open)) = super::incident::opening(&self.config, t0) else {
            return Ok(None);
        };
        let open = super::duty::in_lang(open, self.lang);
        let id = match perform(store, &self.config, &self.actor, at, open)? {
            Outcome::Incident(IncidentOutcome::Opened { id, .. }) => id,
            _ => return Ok(None),
        };
        // What happened before the shift opens is done at its own instant;
        // the rest goes on the agenda.
        for (at, task) in super::incident::course(&self.config, t0) {
            if at > now {
                self.schedule(at, Event::Incident { id, task });
                continue;
            }
            let cmd = super::duty::in_lang(task.command(id), self.lang);
            if let Err(e) = perform(store, &self.config, &self.actor, at, cmd) {
                if !e.is_user_error() {
                    return Err(e.into());
                }
                tracing::debug!(error = %e, "demo incident: left out");
            }
        }
        Ok(Some(id))
    }

    fn count(&mut self, outcome: &crate::ops::Outcome) {
        use crate::ops::Outcome as O;
        match outcome {
            O::Dispatched { .. } => self.tally.dispatched += 1,
            O::Escalated { .. } => self.tally.chased += 1,
            O::Arrived { .. } => self.tally.arrived += 1,
            O::Resolved { .. } => self.tally.resolved += 1,
            _ => {}
        }
    }

    /// Time to the next call: about one every five minutes by day and every
    /// seven at night (a deadline's length plus half an hour, over the open
    /// count aimed for: Little's law), sooner when the room is quiet and
    /// later when it is full.
    fn gap(&mut self, open: usize, now: DateTime<Utc>) -> Duration {
        let s = &self.config.settings;
        let window =
            crate::domain::calendar::decide(&self.config.calendar, &s.deadlines, &s.timezone, now)
                .minutes as f64;
        let mean = (window + 30.0) / TARGET_OPEN;
        let pace = match open {
            0..=6 => 0.4,
            7..=9 => 0.7,
            10..=15 => 1.0,
            16..=19 => 1.5,
            _ => 2.5,
        };
        self.rng
            .minutes(0.4 * mean * pace, 1.6 * mean * pace)
            .max(Duration::seconds(30))
    }
}
