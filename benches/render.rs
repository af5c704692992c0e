//! Console budgets (DESIGN.md §7) with 100 000 complaints in the database,
//! 10 000 of them open: startup to first frame, one frame's render time,
//! the derive step after new data, and the console's memory.
//!
//! Run: `cargo bench --bench render`

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};
use gridwatch::clock::ClockMode;
use gridwatch::config::Config;
use gridwatch::domain::Actor;
use gridwatch::i18n::Lang;
use gridwatch::intake::Spool;
use gridwatch::store::{AuditLog, Complaints, Durability, Figures, SqliteStore};
use gridwatch::tui::data::Reader;
use gridwatch::tui::state::State;
use gridwatch::tui::update::{Msg, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn main() {
    let total: usize = std::env::var("GRIDWATCH_BENCH_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let open = total / 10;
    let config = Arc::new(Config::embedded().unwrap());
    let now: DateTime<Utc> = "2026-11-30T12:00:00+08:00".parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gw.db");
    {
        let mut store = SqliteStore::init(&db).unwrap();
        store.sync_reference(&config).unwrap();
        drop(store);
        let mut store = SqliteStore::open(&db, Durability::Full).unwrap();
        let grids: Vec<String> = config.grids.iter().map(|g| g.id.clone()).collect();
        let mut jsonl = String::new();
        for i in 0..total {
            let minutes_ago = if i < total - open {
                60 * 24 * 10 + i % 1000
            } else {
                i % 50
            };
            let at = now - chrono::Duration::minutes(minutes_ago as i64);
            let category = ["air", "water", "noise"][i % 3];
            jsonl.push_str(
                &serde_json::json!({
                    "source": "hotline", "external_ref": format!("R{i}"),
                    "received_at": at.to_rfc3339(), "category": category,
                    "description": "夜间烟囱冒黑烟，气味刺鼻", "grid": grids[i % grids.len()],
                    "location": {"address": "临江经济开发区化工园纬2路13号"},
                })
                .to_string(),
            );
            jsonl.push('\n');
        }
        let spool = Spool::new(dir.path().join("spool"));
        spool.submit_bytes("bulk.jsonl", jsonl.as_bytes()).unwrap();
        let actor = Actor::new("bench", "bench", ClockMode::Fixed);
        gridwatch::intake::ingest::pass(&mut store, &spool, &config, &actor, &|| now, &|| false)
            .unwrap();
        // All but the newest `open` are closed.
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute(
            "UPDATE complaint SET status = 'closed', outcome = 'other' WHERE id <= ?1",
            [(total - open) as i64],
        )
        .unwrap();
    }
    {
        let store = SqliteStore::open(&db, Durability::Normal).unwrap();
        let time = |what: &str, f: &dyn Fn()| {
            let t = Instant::now();
            f();
            println!(
                "  (startup part) {what:<24} {:>7.1} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
        };
        time("list open", &|| {
            drop(
                store
                    .list(gridwatch::domain::ListFilter {
                        open_only: true,
                        limit: None,
                    })
                    .unwrap(),
            )
        });
        time("list recent 500", &|| {
            drop(
                store
                    .list(gridwatch::domain::ListFilter {
                        open_only: false,
                        limit: Some(500),
                    })
                    .unwrap(),
            )
        });
        time("counts", &|| {
            drop(store.counts(now, chrono::Duration::minutes(10)).unwrap())
        });
        time("audit 200", &|| drop(store.audit_recent(200).unwrap()));
        time("arrivals/hour", &|| {
            drop(store.arrivals_per_hour(now, 24).unwrap())
        });
    }
    let rss_before = rss_mb();
    let t0 = Instant::now();
    let store = SqliteStore::open(&db, Durability::Normal).unwrap();
    let mut reader = Reader::new();
    let (snap, _) = reader.refresh(&store, &config, now, true).unwrap().unwrap();
    let mut state = State::new(config.clone(), Lang::Zh, ClockMode::Fixed, now, None);
    update(
        &mut state,
        Msg::Data(gridwatch::tui::data::DataMsg::Snapshot(Box::new(snap))),
    );
    let mut buf = Buffer::empty(Rect::new(0, 0, 200, 50));
    (&state).render(buf.area, &mut buf);
    let startup = t0.elapsed();
    assert_eq!(state.data.open.len(), open);
    let mut frames = Vec::new();
    for (w, h) in [(200u16, 50u16), (80, 24)] {
        let mut times = Vec::new();
        for i in 0..300 {
            state.now = now + chrono::Duration::seconds(i);
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            let t = Instant::now();
            (&state).render(buf.area, &mut buf);
            times.push(t.elapsed());
        }
        times.sort();
        frames.push((w, h, times[times.len() / 2], times[times.len() * 99 / 100]));
    }
    let t = Instant::now();
    for _ in 0..20 {
        state.derive();
    }
    let derive = t.elapsed() / 20;
    // An idle poll: nothing changed.
    let t = Instant::now();
    for _ in 0..1000 {
        assert!(
            reader
                .refresh(&store, &config, now, false)
                .unwrap()
                .is_none()
        );
    }
    let idle_poll = t.elapsed() / 1000;
    println!("console with {total} complaints in the database, {open} open");
    println!(
        "  startup to first frame      {:>8.1} ms  (budget 300 ms)",
        startup.as_secs_f64() * 1e3
    );
    for (w, h, p50, p99) in frames {
        println!(
            "  frame {w}x{h:<3}              p50 {:>6.3} ms  p99 {:>6.3} ms  (budget 2 ms)",
            p50.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3
        );
    }
    println!(
        "  derive (sort+filter)        {:>8.3} ms  (on new data only)",
        derive.as_secs_f64() * 1e3
    );
    println!(
        "  idle poll (feed mark)       {:>8.1} µs",
        idle_poll.as_secs_f64() * 1e6
    );
    println!(
        "  RSS                         {:>8.1} MB  (budget 100 MB; {:.1} MB before the console started)",
        rss_mb(),
        rss_before
    );
}
