//! Intake throughput (DESIGN.md §7: batched intake ≥ 50% of a bulk sqlite3
//! import of the same rows).
//!
//! Builds a JSONL file of N complaints (default 100 000; `GRIDWATCH_BENCH_ROWS`),
//! runs the real spool path on it (read, hash, parse, validate, decide regime,
//! grid and repeats, insert with audit, one transaction, synchronous=FULL),
//! then inserts the very same prepared rows into a fresh database of the same
//! schema with one prepared statement in one transaction — what a bulk
//! `sqlite3` import costs — and prints both and their ratio.
//!
//! Run: `cargo bench --bench intake`

use std::time::Instant;

use chrono::{DateTime, Utc};
use gridwatch::clock::ClockMode;
use gridwatch::config::Config;
use gridwatch::domain::Actor;
use gridwatch::intake::parse;
use gridwatch::intake::{Spool, prepare};
use gridwatch::store::{Durability, SqliteStore};

fn main() {
    let rows: usize = std::env::var("GRIDWATCH_BENCH_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let config = Config::embedded().expect("embedded config");
    let now: DateTime<Utc> = "2026-11-30T12:00:00+08:00".parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let grids: Vec<String> = config.grids.iter().map(|g| g.id.clone()).collect();
    let ents: Vec<String> = config.enterprises.current().keys().cloned().collect();
    let cats = ["air", "water", "noise", "solid_waste", "other"];
    let mut jsonl = String::new();
    for i in 0..rows {
        let v = serde_json::json!({
            "source": "hotline",
            "external_ref": format!("12369-2026-{i:07}"),
            "received_at": format!("2026-11-{:02}T{:02}:{:02}:00+08:00", 1 + (i / 3000) % 29, (i / 60) % 24, i % 60),
            "category": cats[i % cats.len()],
            "description": "夜间烟囱冒黑烟，气味刺鼻，已持续两个小时 black smoke at night",
            "location": {"address": "临江经济开发区化工园纬2路13号", "lat": 30.5 + (i % 100) as f64 * 0.001, "lon": 114.3},
            "grid": if i % 3 == 0 { serde_json::Value::String(grids[i % grids.len()].clone()) } else { serde_json::Value::Null },
            "enterprise": if i % 3 == 1 { serde_json::Value::String(ents[i % ents.len()].clone()) } else { serde_json::Value::Null },
            "reporter": {"name": "张先生", "phone": "13812345678", "anonymous": false}
        });
        jsonl.push_str(&v.to_string());
        jsonl.push('\n');
    }
    let bytes = jsonl.len();

    let runs: usize = std::env::var("GRIDWATCH_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let mut ours_t = Vec::new();
    let mut base_t = Vec::new();
    for run in 0..runs {
        let dir = dir.path().join(format!("run{run}"));
        // gridwatch: the real path from spool/new to committed rows.
        let db = dir.join("gw.db");
        let mut store = SqliteStore::init(&db).unwrap();
        store.sync_reference(&config).unwrap();
        drop(store);
        let mut store = SqliteStore::open(&db, Durability::Full).unwrap();
        let spool = Spool::new(dir.join("spool"));
        spool.submit_bytes("bench.jsonl", jsonl.as_bytes()).unwrap();
        let actor = Actor::new("bench", "bench", ClockMode::Fixed);
        let t0 = Instant::now();
        let report =
            gridwatch::intake::ingest::pass(&mut store, &spool, &config, &actor, &|| now, &|| {
                false
            })
            .unwrap();
        let ours = t0.elapsed();
        assert_eq!(report.complaints_new, rows, "{report:?}");

        // Baseline: the same prepared rows, one statement, one transaction.
        let prepared: Vec<_> = jsonl
            .lines()
            .enumerate()
            .map(|(i, l)| {
                let input = parse::jsonl_line(l.as_bytes(), i + 1, &config.settings.limits)
                    .unwrap()
                    .unwrap();
                prepare(input, &config, now, || unreachable!()).unwrap()
            })
            .collect();
        let base_db = dir.join("base.db");
        let mut base = SqliteStore::init(&base_db).unwrap();
        base.sync_reference(&config).unwrap();
        drop(base);
        let mut conn = rusqlite::Connection::open(&base_db).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
            .unwrap();
        let t1 = Instant::now();
        let tx = conn.transaction().unwrap();
        {
            let mut st = tx
            .prepare(
                "INSERT INTO complaint (source, external_ref, received_at, regime, regime_reason, day_kind, deadline_at,
                grid_id, grid_source, enterprise_id, description, address, lat, lon,
                reporter_name, reporter_phone, reporter_anonymous, raw_json, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)",
            )
            .unwrap();
            let mut cat = tx
                .prepare("INSERT INTO complaint_category (complaint_id, position, category) VALUES (?1, ?2, ?3)")
                .unwrap();
            for c in &prepared {
                st.execute(rusqlite::params![
                    c.source.as_str(),
                    c.external_ref,
                    c.received_at.timestamp_millis(),
                    c.regime.as_str(),
                    c.regime_reason,
                    c.day_kind,
                    c.deadline_at.timestamp_millis(),
                    c.grid,
                    c.grid_source,
                    c.enterprise,
                    c.description,
                    c.address,
                    c.lat,
                    c.lon,
                    c.reporter_name,
                    c.reporter_phone,
                    c.reporter_anonymous,
                    c.raw_json,
                    now.timestamp_millis(),
                ])
                .unwrap();
                let id = tx.last_insert_rowid();
                for (p, k) in c.categories.iter().enumerate() {
                    cat.execute(rusqlite::params![id, p as i64, k.as_str()])
                        .unwrap();
                }
            }
        }
        tx.commit().unwrap();
        base_t.push(t1.elapsed());
        ours_t.push(ours);
    }
    ours_t.sort();
    base_t.sort();
    let (ours, baseline) = (ours_t[runs / 2], base_t[runs / 2]);

    let rate = |d: std::time::Duration| rows as f64 / d.as_secs_f64();
    println!(
        "intake of {rows} JSONL lines ({:.1} MB)",
        bytes as f64 / 1e6
    );
    println!(
        "  gridwatch spool path : {:>8.3} s  {:>9.0} rows/s",
        ours.as_secs_f64(),
        rate(ours)
    );
    println!(
        "  bulk insert baseline : {:>8.3} s  {:>9.0} rows/s",
        baseline.as_secs_f64(),
        rate(baseline)
    );
    println!(
        "  ratio                : {:>8.1} % of the bulk import (budget >= 50 %)",
        100.0 * rate(ours) / rate(baseline)
    );
}
