//! A new complaint on the Statistics screen with 1 000 000 complaints in the
//! database (#12 item 5: ≤ 300 ms, without a full rescan).
//!
//! On a copy of the seeded database (`seed/`, cached under
//! target/bench-seed/): the store thread's `StatsFeed` is brought up once
//! (30 days read), then each sample commits one new complaint through
//! `ops::perform` (as the intake daemon or a console would) and times the
//! incremental refresh: `facts_changed`, today's day read again, the three
//! windows folded. The console notices the commit at its next poll
//! (`[refresh] poll_interval_ms`, 100 ms by default), so the end-to-end
//! bound is poll interval + this refresh; both are printed.
//!
//! Run: `cargo bench --bench stats_latency`.

#[path = "seed/mod.rs"]
mod seed;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gridwatch::board::stats_feed::StatsFeed;
use gridwatch::clock::ClockMode;
use gridwatch::domain::Actor;
use gridwatch::ops::{Command, perform};
use gridwatch::store::{Durability, SqliteStore};

const BUDGET: Duration = Duration::from_millis(300);

fn latency(c: &mut Criterion) {
    let seeded = seed::database(seed::MILLION);
    let dir = tempfile::tempdir().expect("a scratch directory");
    let path = dir.path().join("stats.db");
    std::fs::copy(&seeded, &path).expect("copy the seeded database");
    let config = seed::config();
    let mut store = SqliteStore::open(&path, Durability::Normal).expect("open the copy");
    // The last seeded day, in the afternoon: today holds its share of the year.
    let mut now = seed::end() - chrono::Duration::hours(9);
    let mut feed = StatsFeed::new(&config);
    let t = Instant::now();
    feed.refresh(&store, &config, now).expect("first read");
    eprintln!("first read of 30 days: {:.1?}", t.elapsed());
    let actor = Actor::new("bench", "bench", ClockMode::Fixed);
    let mut n = 0u64;
    let mut commit = |store: &mut SqliteStore, now: chrono::DateTime<chrono::Utc>| {
        n += 1;
        let raw = serde_json::json!({
            "source": "hotline",
            "external_ref": format!("bench-stats-{n}"),
            "received_at": now.to_rfc3339(),
            "category": "air",
            "description": "bench",
            "location": {"address": "城关镇"},
            "grid": "T01",
        });
        let text = raw.to_string();
        let input = gridwatch::ops::input::record(&raw, &text, &config.settings.limits)
            .expect("a valid record");
        let c = gridwatch::ops::prepare::prepare(input, &config, now, || text.clone())
            .expect("prepared");
        perform(store, &config, &actor, now, Command::New(Box::new(c))).expect("committed");
    };
    let mut worst = Duration::ZERO;
    c.bench_function("commit one complaint, statistics refreshed (1M)", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                now += chrono::Duration::seconds(1);
                commit(&mut store, now);
                let t = Instant::now();
                let board = feed.refresh(&store, &config, now).expect("refresh");
                let took = t.elapsed();
                assert!(board.is_some(), "the new complaint changed the board");
                assert!(feed.days().days_read <= 1, "only today is read again");
                worst = worst.max(took);
                total += took;
            }
            total
        })
    });
    let poll = config.settings.poll_interval;
    eprintln!(
        "worst refresh {worst:.1?}; console poll every {poll:?}: end-to-end bound {:.1?} (budget {BUDGET:?})",
        poll + worst
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = latency
}
criterion_main!(benches);
