//! `gridwatch report` over 1 000 000 complaints (#12 item 5: < 1 s).
//!
//! In process: the report of the whole seeded year (every complaint, per
//! township) loaded from the store and written as Markdown, CSV and JSON;
//! and the scan alone. As a process: `target/release/gridwatch --db …
//! report …` timed end to end (start, config, scan, output), five runs.
//!
//! Run: `cargo bench --bench report` (the first run seeds the database,
//! cached under target/bench-seed/: see benches/seed/mod.rs).

#[path = "seed/mod.rs"]
mod seed;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gridwatch::domain::assess::Tally;
use gridwatch::i18n::Lang;
use gridwatch::report::assess::{Period, csv, json, md};
use gridwatch::store::{Assessment, Durability, SqliteStore};

const BUDGET: Duration = Duration::from_secs(1);

fn year() -> Period {
    let d = |s: &str| s.parse().expect("a date");
    Period::new(d("2025-10-01"), d("2026-09-30"), chrono_tz::Asia::Shanghai).expect("a period")
}

fn in_process(c: &mut Criterion) {
    let path = seed::database(seed::MILLION);
    let config = seed::config();
    let store = SqliteStore::open(&path, Durability::Normal).expect("open the seeded database");
    let now = seed::end();
    let tz = config.settings.timezone;
    let r = gridwatch::board::report::load(&store, &config, year(), 2, now).expect("report");
    assert_eq!(r.totals.figures.tally.received, seed::MILLION as u64);
    c.bench_function("facts scan of 1M into one Tally", |b| {
        b.iter(|| {
            let mut t = Tally::default();
            store
                .facts(seed::start(), seed::end(), &mut |f| t.add(f, now))
                .expect("scan");
            t.received
        })
    });
    c.bench_function("report of 1M per township, md+csv+json", |b| {
        b.iter(|| {
            let r =
                gridwatch::board::report::load(&store, &config, year(), 2, now).expect("report");
            let a = md::markdown(Lang::En, tz, &r).len();
            let b2 = csv::csv(Lang::Zh, tz, &r, true).len();
            let c2 = json::json(Lang::En, tz, &r).to_string().len();
            a + b2 + c2
        })
    });
}

fn as_process(_: &mut Criterion) {
    let path = seed::database(seed::MILLION);
    let bin = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/gridwatch");
    if !std::path::Path::new(bin).exists() {
        eprintln!("skipped the process run: build target/release/gridwatch first");
        return;
    }
    let mut times = Vec::new();
    for format in ["md", "csv", "json", "md", "md"] {
        let t = Instant::now();
        let out = std::process::Command::new(bin)
            .args([
                "--db",
                path.to_str().expect("a UTF-8 path"),
                "--now",
                "2026-10-01T00:00:00+08:00",
            ])
            .args([
                "report",
                "--from",
                "2025-10-01",
                "--to",
                "2026-09-30",
                "--format",
                format,
            ])
            .env_remove("GRIDWATCH_CONFIG")
            .current_dir(std::env::temp_dir())
            .output()
            .expect("run gridwatch report");
        let took = t.elapsed();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        times.push(took);
    }
    times.sort();
    eprintln!(
        "gridwatch report (process, 1M complaints, whole year, per township): min {:?} median {:?} max {:?} (budget {:?})",
        times[0], times[2], times[4], BUDGET
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = in_process, as_process
}
criterion_main!(benches);
