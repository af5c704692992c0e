//! The demo's world in motion: the opening of the shift, before the daemon
//! starts, and the loop that drives the simulation on the drill clock. The
//! loop never polls: it sleeps until the next simulated event, or a minute
//! of drill time when nothing is planned (a complaint a person takes at a
//! console is answered by the field too), and wakes early only to stop.

use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;

use super::Sim;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::domain::Actor;
use crate::intake::Spool;
use crate::store::SqliteStore;

/// The longest the field sleeps, in drill time.
const LOOK_EVERY: chrono::Duration = chrono::Duration::minutes(1);
/// The shortest, in real time: at very high speeds the loop still rests.
const MIN_SLEEP: std::time::Duration = std::time::Duration::from_millis(50);

/// How long to sleep (real time) from `now` until `next_due`, at `speed`.
pub fn sleep_for(
    next_due: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    speed: f64,
) -> std::time::Duration {
    let until = next_due.map_or(now + LOOK_EVERY, |t| t.min(now + LOOK_EVERY));
    let drill = (until - now).to_std().unwrap_or_default();
    drill.div_f64(speed.max(0.01)).max(MIN_SLEEP)
}

/// Take in the seed as the daemon would (`intake --once`) and let the field
/// catch up with the shift so far, so the room opens mid-shift instead of
/// in a burst of alerts. Returns how many complaints are open.
pub fn open_shift(
    sim: &mut Sim,
    store: &mut SqliteStore,
    spool: &Spool,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<usize, String> {
    // The seed is taken in now; a file someone still holds open for writing
    // (a child process between fork and exec) is waited for, a few times.
    for _ in 0..1_000 {
        crate::intake::ingest::pass(store, spool, config, actor, &|| now, &|| false)
            .map_err(|e| e.to_string())?;
        if spool.count("new") == 0 {
            break;
        }
        std::thread::yield_now();
    }
    // Six months of water readings, as the monitoring station left them.
    super::water::seed(store, config, actor, now)?;
    sim.step(store, spool, now).map_err(|e| e.to_string())?;
    sim.open_incident(store, now).map_err(|e| e.to_string())?;
    use crate::store::Complaints;
    let open = store
        .list(crate::domain::ListFilter {
            open_only: true,
            limit: None,
        })
        .map_err(|e| e.to_string())?;
    Ok(open.len())
}

/// Step the simulation on `clock` until `shutdown`; each step on a blocking
/// thread (it reads and writes the database).
pub async fn field_loop(
    mut sim: Sim,
    mut store: SqliteStore,
    spool: Spool,
    clock: SharedClock,
    speed: f64,
    shutdown: CancellationToken,
) {
    loop {
        let now = clock.now();
        let spool = spool.clone();
        let done = tokio::task::spawn_blocking(move || {
            let r = sim.step(&mut store, &spool, now);
            (sim, store, r)
        })
        .await;
        let r;
        (sim, store, r) = match done {
            Ok(x) => x,
            Err(e) => {
                tracing::error!(error = %e, "demo field stopped");
                return;
            }
        };
        if let Err(e) = r {
            tracing::warn!(error = %e, "demo field");
        }
        let wait = sleep_for(sim.next_due(), clock.now(), speed);
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_sleeps_until_the_next_event_in_real_time() {
        let now: DateTime<Utc> = "2026-11-30T01:00:00Z".parse().unwrap();
        let s = |secs: i64| Some(now + chrono::Duration::seconds(secs));
        let real = std::time::Duration::from_secs;
        assert_eq!(sleep_for(s(30), now, 1.0), real(30));
        assert_eq!(
            sleep_for(s(30), now, 60.0),
            std::time::Duration::from_millis(500)
        );
        // Nothing planned, or the next event far off: a look a drill minute on.
        assert_eq!(sleep_for(None, now, 1.0), real(60));
        assert_eq!(sleep_for(s(3600), now, 60.0), real(1));
        // Due or overdue: a short rest, never a spin.
        assert_eq!(sleep_for(s(-5), now, 1.0), MIN_SLEEP);
        assert_eq!(sleep_for(s(1), now, 3600.0), MIN_SLEEP);
    }
}
