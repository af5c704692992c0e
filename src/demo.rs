//! `gridwatch demo`: a living duty room in one command. A fresh database
//! from the shipped county (in a scratch directory, or at `--db`), the
//! intake daemon in-process with its HTTP endpoint on a free loopback port,
//! a simulated public calling in complaints and a simulated field answering
//! them, and the dashboard, all on a drill clock marked DRILL on screen and
//! in the audit log. Quitting stops everything and removes the scratch
//! directory.
//!
//! - `rng`: the seeded generator that makes every run the same.
//! - `calls`: the public — what complaints say, where, and how often again.
//! - `field`: per complaint, when the field is dispatched, arrives, resolves.
//! - `duty`: what each planned moment calls for, given the complaint as it is.
//! - `incident`: the drill incident the field works through its plan.
//! - `register`: the shipped register's patrol dates moved to the drill's start.
//! - `sim`: the public and the field on one agenda, acting through the
//!   operations layer.
//! - `water`: six months of outflow-section water readings (#12).
//! - `run`: the opening of the shift, and the loop that sleeps until the
//!   next simulated event.

mod calls;
mod duty;
mod field;
mod incident;
pub mod register;
mod rng;
mod run;
mod sim;
mod water;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

pub use field::Fate;
pub use run::{field_loop, open_shift, sleep_for};
pub use sim::{FIELD_ACTOR, Sim, StepError, Tally};

use crate::clock::{Clock, SharedClock};
use crate::config::Config;
use crate::intake::Spool;

/// What the simulated people say is written in both languages, `中文 /
/// English`; a drill in one language keeps only its half (`None`: both).
pub fn said(text: &str, lang: Option<crate::i18n::Lang>) -> String {
    match (lang, text.split_once(" / ")) {
        (Some(crate::i18n::Lang::Zh), Some((zh, _))) => zh.trim().to_string(),
        (Some(crate::i18n::Lang::En), Some((_, en))) => en.trim().to_string(),
        _ => text.to_string(),
    }
}

/// The seed of `gridwatch demo`: every drill from the same start runs alike.
pub const SEED: u64 = 2026;

/// Minutes before the start, and what becomes of each: a shift under way.
/// None was received 20–30 minutes before (by day its `warn` would be due at
/// the start unless it was reached): the first alert is the chased one's.
const SHIFT_SO_FAR: [(i64, Fate); 10] = [
    (2, Fate::OnTime),
    (5, Fate::OnTime),
    (9, Fate::Late),
    (13, Fate::OnTime),
    (17, Fate::OnTime),
    (31, Fate::OnTime),
    (36, Fate::OnTime),
    (42, Fate::OnTime),
    (47, Fate::OnTime),
    (58, Fate::OnTime),
];

/// Deliver the shift so far into the spool: complaints received in the hour
/// before `start`, and one whose officer never arrives, received so that
/// its `warn` stage fires 30 s (drill time) after the start.
pub fn seed(
    sim: &mut Sim,
    config: &Config,
    spool: &Spool,
    start: DateTime<Utc>,
) -> std::io::Result<usize> {
    let s = &config.settings;
    let window =
        crate::domain::calendar::decide(&config.calendar, &s.deadlines, &s.timezone, start).minutes;
    let first =
        start - Duration::minutes(i64::from(window)) + s.warn_before + Duration::seconds(30);
    let mut calls: Vec<(DateTime<Utc>, Fate)> = SHIFT_SO_FAR
        .iter()
        .map(|(ago, fate)| (start - Duration::minutes(*ago), *fate))
        .chain([(first, Fate::Missing)])
        .collect();
    calls.sort_by_key(|(at, _)| *at);
    sim.deliver_seed(spool, calls)
}

/// The scratch directory of one demo run.
pub fn scratch_dir() -> PathBuf {
    std::env::temp_dir().join(format!("gridwatch-demo-{}", std::process::id()))
}

/// The clock of a drill.
pub fn drill_clock(start: Option<DateTime<Utc>>, speed: f64) -> SharedClock {
    let start = start.unwrap_or_else(|| crate::clock::SystemClock.now());
    Arc::new(crate::clock::DrillClock::new(start, speed))
}

#[cfg(test)]
mod tests {
    use super::said;
    use crate::i18n::Lang;

    #[test]
    fn a_drill_in_one_language_keeps_its_half() {
        let t = "烟囱冒黑烟 / black smoke";
        assert_eq!(said(t, Some(Lang::Zh)), "烟囱冒黑烟");
        assert_eq!(said(t, Some(Lang::En)), "black smoke");
        assert_eq!(said(t, None), t);
        assert_eq!(said("只有中文", Some(Lang::En)), "只有中文");
    }
}
