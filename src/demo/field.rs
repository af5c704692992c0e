//! The simulated field, planned per complaint: when it is dispatched,
//! whether and when the officer reaches the site, when it is resolved and
//! how. Most officers arrive in time, some late, a few never: the duty
//! officer then escalates by hand and sends the backup, who arrives well
//! after the deadline (so every automatic stage fires too).
//!
//! Pure: the complaint's times and a draw of numbers in, a plan out.

use chrono::{DateTime, Duration, Utc};

use super::rng::Rng;
use crate::domain::complaint::Outcome;

/// What becomes of the first officer sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fate {
    /// On site before the deadline.
    OnTime,
    /// On site after the deadline.
    Late,
    /// Never reports arriving: chased, escalated, the backup sent.
    Missing,
}

/// How often each fate is drawn, in percent (on time, late, missing).
const FATE_WEIGHTS: [u32; 3] = [74, 17, 9];

impl Fate {
    pub fn draw(rng: &mut Rng) -> Fate {
        [Fate::OnTime, Fate::Late, Fate::Missing][rng.weighted(&FATE_WEIGHTS)]
    }
}

/// The life of one complaint in the field.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub fate: Fate,
    pub dispatch_at: DateTime<Utc>,
    /// Missing: when the duty officer gives up on the first officer,
    /// escalates and sends the backup.
    pub chase_at: Option<DateTime<Utc>>,
    /// When an officer reaches the site (for `Missing`, the backup).
    pub arrive_at: DateTime<Utc>,
    /// When the arrival is radioed in and logged (a few minutes at most).
    pub logged_at: DateTime<Utc>,
    pub resolve_at: DateTime<Utc>,
    pub outcome: Outcome,
}

const OUTCOMES: [(Outcome, u32); 4] = [
    (Outcome::Rectified, 35),
    (Outcome::ViolationConfirmed, 25),
    (Outcome::NoViolation, 30),
    (Outcome::Referred, 10),
];

/// Plan a complaint received at `received_at` with its arrival deadline.
pub fn plan(
    rng: &mut Rng,
    received_at: DateTime<Utc>,
    deadline_at: DateTime<Utc>,
    fate: Fate,
) -> Plan {
    let window_min = ((deadline_at - received_at).num_seconds() as f64 / 60.0).max(10.0);
    let dispatch_at = received_at + rng.minutes(1.0, 4.0);
    let earliest = dispatch_at + Duration::minutes(3);
    let (chase_at, arrive_at) = match fate {
        Fate::OnTime => {
            let at = received_at + rng.minutes(0.35 * window_min, 0.9 * window_min);
            (
                None,
                at.max(earliest).min(deadline_at - Duration::seconds(30)),
            )
        }
        Fate::Late => (None, deadline_at + rng.minutes(2.0, 20.0)),
        Fate::Missing => {
            let chase = deadline_at + rng.minutes(8.0, 22.0);
            (Some(chase), chase + rng.minutes(15.0, 35.0))
        }
    };
    let logged_at = arrive_at + rng.minutes(0.0, 3.0);
    let resolve_at = logged_at + rng.minutes(12.0, 50.0);
    let weights: Vec<u32> = OUTCOMES.iter().map(|(_, w)| *w).collect();
    Plan {
        fate,
        dispatch_at,
        chase_at,
        arrive_at,
        logged_at,
        resolve_at,
        outcome: OUTCOMES[rng.weighted(&weights)].0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_fate_keeps_its_promise_and_the_order_of_events() {
        let received: DateTime<Utc> = "2026-11-30T01:00:00Z".parse().unwrap();
        let mut rng = Rng::new(9);
        for window in [30, 60] {
            let deadline = received + Duration::minutes(window);
            for fate in [Fate::OnTime, Fate::Late, Fate::Missing] {
                for _ in 0..200 {
                    let p = plan(&mut rng, received, deadline, fate);
                    assert!(p.dispatch_at > received && p.dispatch_at < p.arrive_at);
                    assert!(p.arrive_at <= p.logged_at);
                    assert!(p.logged_at - p.arrive_at <= Duration::minutes(3));
                    assert!(p.resolve_at > p.logged_at);
                    match fate {
                        Fate::OnTime => assert!(p.arrive_at < deadline, "{p:?}"),
                        Fate::Late => assert!(p.arrive_at > deadline, "{p:?}"),
                        Fate::Missing => {
                            let chase = p.chase_at.expect("a missing officer is chased");
                            assert!(chase > deadline && chase < p.arrive_at, "{p:?}");
                        }
                    }
                    assert_eq!(p.chase_at.is_some(), fate == Fate::Missing);
                }
            }
        }
    }
}
