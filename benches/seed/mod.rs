//! A database of many complaints for the benchmarks of #12 (`report`, the
//! Statistics screen): built once and cached under
//! `target/bench-seed/complaints-<n>-v<schema>-s<SEED_VERSION>.db`, so a
//! second run starts at once and a schema change builds a new file.
//!
//! The mix is the demo county's (embedded config): complaints on its
//! villages and enterprise groups (a few on townships, 1 % unassigned),
//! spread over the year ending [`END`] with more by day than by night, the
//! regime decided by the real calendar (both regimes, holidays, make-up
//! working days); ~90 % with an arrival (most on time), escalations for the
//! late and missing ones (a few stages skipped, a few manual), 8 % repeats
//! of an earlier complaint (some merged into it), 2 % rejected, 1 %
//! reopened. Written through rusqlite directly in one transaction with the
//! `complaint_fact` triggers set aside, the fact table filled in one
//! statement from `complaint_fact_source`, and the triggers put back: the
//! file is a normal database afterwards (every later write keeps the facts).
//!
//! Use: `#[path = "seed/mod.rs"] mod seed;` then `seed::database(seed::MILLION)`.

#![allow(dead_code)]

use std::path::PathBuf;

use chrono::{DateTime, Duration, TimeZone, Utc};
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::calendar::decide;
use gridwatch::store::SqliteStore;
use gridwatch::store::sqlite::LATEST_VERSION;
use rusqlite::{Connection, params};

pub const MILLION: usize = 1_000_000;
/// Bump when the mix changes: cached files of another mix are not reused.
pub const SEED_VERSION: u32 = 1;
/// The seeded year ends here (2026-10-01 00:00 Beijing time): a report
/// `--from 2025-10-01 --to 2026-09-30` covers every complaint.
pub fn end() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 30, 16, 0, 0)
        .single()
        .expect("a valid instant")
}
pub fn start() -> DateTime<Utc> {
    end() - Duration::days(365)
}

/// The demo county's configuration, as the seeded file knows it.
pub fn config() -> Config {
    Config::load(ConfigSource::Embedded).expect("the embedded demo county loads")
}

/// The path of a database with `n` complaints, built if not cached yet.
pub fn database(n: usize) -> PathBuf {
    let dir = PathBuf::from(
        std::env::var("CARGO_TARGET_DIR")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").to_string()),
    )
    .join("bench-seed");
    std::fs::create_dir_all(&dir).expect("create target/bench-seed");
    let path = dir.join(format!(
        "complaints-{n}-v{LATEST_VERSION}-s{SEED_VERSION}.db"
    ));
    if path.exists() {
        return path;
    }
    let tmp = dir.join(format!("building-{n}-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let t = std::time::Instant::now();
    build(&tmp, n);
    std::fs::rename(&tmp, &path).expect("move the seeded database in place");
    eprintln!(
        "seeded {n} complaints in {:.1?}: {}",
        t.elapsed(),
        path.display()
    );
    path
}

/// A small deterministic generator (xorshift64*): the same file every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with `percent` % probability (tenths allowed: 0.5).
    fn chance(&mut self, percent: f64) -> bool {
        (self.below(10_000) as f64) < percent * 100.0
    }
}

const SOURCES: [(&str, u64); 6] = [
    ("hotline", 55),
    ("wechat", 15),
    ("web", 12),
    ("phone", 10),
    ("visit", 5),
    ("referral", 3),
];
const CATEGORIES: [&str; 6] = ["air", "noise", "water", "solid_waste", "ecology", "other"];
const OUTCOMES: [&str; 4] = [
    "rectified",
    "violation_confirmed",
    "no_violation",
    "referred",
];

fn pick_source(rng: &mut Rng) -> &'static str {
    let mut r = rng.below(100);
    for (s, w) in SOURCES {
        if r < w {
            return s;
        }
        r -= w;
    }
    "hotline"
}

fn build(path: &std::path::Path, n: usize) {
    let config = config();
    {
        let mut store = SqliteStore::init(path).expect("create the database");
        store
            .sync_reference(&config)
            .expect("mirror the demo county");
    }
    let mut conn = Connection::open(path).expect("open the seeded database");
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;",
    )
    .expect("pragmas");
    let tx = conn.transaction().expect("begin");
    let triggers: Vec<(String, String)> = {
        let mut st = tx
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fact\\_%' ESCAPE '\\'")
            .expect("list the fact triggers");
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("read")
    };
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER {name}"))
            .expect("drop a trigger");
    }

    let leaves: Vec<String> = config
        .grids
        .iter()
        .filter(|g| g.level >= 3)
        .map(|g| g.id.clone())
        .collect();
    let townships: Vec<String> = config
        .grids
        .iter()
        .filter(|g| g.level == 2)
        .map(|g| g.id.clone())
        .collect();
    let enterprises: Vec<(String, String)> = config
        .enterprises
        .current()
        .values()
        .map(|e| (e.id.clone(), e.grid.clone()))
        .collect();
    let officers: Vec<String> = config.officers.keys().cloned().collect();
    let tz = config.settings.timezone;
    let rule = config.settings.deadlines;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let span_ms = (end() - start()).num_milliseconds() as u64;
    let t0 = start().timestamp_millis();
    // Receipt instants in order (ids grow with time as in life): n sorted
    // offsets, denser by day (08–22 local) than by night.
    let mut offsets: Vec<i64> = (0..n)
        .map(|_| {
            loop {
                let o = rng.below(span_ms) as i64;
                let hour = ((t0 + o) / 3_600_000 + 8).rem_euclid(24);
                if (8..22).contains(&hour) || rng.chance(30.0) {
                    break o;
                }
            }
        })
        .collect();
    offsets.sort_unstable();
    {
        let mut complaint = tx
            .prepare(
                "INSERT INTO complaint (id, source, external_ref, received_at, regime, regime_reason, day_kind,
                   deadline_at, status, outcome, round, grid_id, grid_source, enterprise_id, description,
                   repeat_of, merged_into, raw_json, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, '{}', ?4, ?18)",
            )
            .expect("prepare complaint");
        let mut category = tx
            .prepare("INSERT INTO complaint_category (complaint_id, position, category) VALUES (?1, ?2, ?3)")
            .expect("prepare category");
        let mut arrival = tx
            .prepare(
                "INSERT INTO arrival (complaint_id, round, officer_id, arrived_at, logged_at, console)
                 VALUES (?1, 1, ?2, ?3, ?3, 'seed')",
            )
            .expect("prepare arrival");
        let mut escalation = tx
            .prepare(
                "INSERT INTO escalation (complaint_id, stage, automatic, at, by_actor, console, reason, skipped)
                 VALUES (?1, ?2, ?3, ?4, 'seed', 'seed', ?5, ?6)",
            )
            .expect("prepare escalation");
        let end_ms = end().timestamp_millis();
        for (i, off) in offsets.iter().enumerate() {
            let id = i as i64 + 1;
            let received = t0 + off;
            let received_at = Utc
                .timestamp_millis_opt(received)
                .single()
                .expect("an instant");
            let d = decide(&config.calendar, &rule, &tz, received_at);
            let deadline = d.deadline_at.timestamp_millis();
            let minutes = i64::from(d.minutes);
            let (grid, enterprise, grid_source) = if rng.chance(1.0) {
                (None, None, "unassigned")
            } else if rng.chance(35.0) && !enterprises.is_empty() {
                let (e, g) = &enterprises[rng.below(enterprises.len() as u64) as usize];
                (Some(g.clone()), Some(e.clone()), "enterprise")
            } else if rng.chance(4.0) {
                (
                    Some(townships[rng.below(townships.len() as u64) as usize].clone()),
                    None,
                    "alias",
                )
            } else {
                (
                    Some(leaves[rng.below(leaves.len() as u64) as usize].clone()),
                    None,
                    "alias",
                )
            };
            let repeat_of = (id > 100 && rng.chance(8.0)).then(|| id - 1 - rng.below(50) as i64);
            let merged = repeat_of.is_some() && rng.chance(25.0);
            let rejected = !merged && rng.chance(2.0);
            let arrives = !merged && !rejected && rng.chance(90.0);
            // Minutes to arrival: most well inside the deadline, some late.
            let late = rng.chance(8.0);
            let arrived = arrives.then(|| {
                let secs = if late {
                    minutes * 60 + 60 + rng.below(minutes as u64 * 90) as i64
                } else {
                    120 + rng.below((minutes as u64 - 2) * 60) as i64
                };
                received + secs * 1000
            });
            let open = received > end_ms - 86_400_000 * 2;
            let reopened = arrives && !open && rng.chance(1.0);
            let (status, outcome) = if merged {
                ("merged", None)
            } else if rejected {
                ("rejected", None)
            } else if open {
                (if arrives { "on_scene" } else { "dispatched" }, None)
            } else if reopened {
                ("reopened", None)
            } else {
                (
                    "closed",
                    Some(OUTCOMES[rng.below(OUTCOMES.len() as u64) as usize]),
                )
            };
            complaint
                .execute(params![
                    id,
                    pick_source(&mut rng),
                    format!("S{id}"),
                    received,
                    d.regime.as_str(),
                    d.reason,
                    d.day.kind.code(),
                    deadline,
                    status,
                    outcome,
                    if reopened { 2 } else { 1 },
                    grid,
                    grid_source,
                    enterprise,
                    "seeded complaint",
                    repeat_of,
                    merged.then_some(repeat_of).flatten(),
                    arrived.unwrap_or(received) + 3_600_000,
                ])
                .expect("insert a complaint");
            let first = rng.below(CATEGORIES.len() as u64) as usize;
            category
                .execute(params![id, 0, CATEGORIES[first]])
                .expect("category");
            if rng.chance(15.0) {
                let second = (first + 1 + rng.below(CATEGORIES.len() as u64 - 1) as usize)
                    % CATEGORIES.len();
                category
                    .execute(params![id, 1, CATEGORIES[second]])
                    .expect("category");
            }
            if let Some(at) = arrived {
                let officer = &officers[rng.below(officers.len() as u64) as usize];
                arrival.execute(params![id, officer, at]).expect("arrival");
            }
            // Stages the escalator fired: warn 10 min before, breach at the
            // deadline, critical 30 min after, until the arrival; a complaint
            // taken in late skips the stages already past.
            if !merged && !rejected {
                let stop = arrived.unwrap_or(end_ms.min(deadline + 86_400_000));
                let skip_early = rng.chance(0.5);
                for (stage, at) in [
                    ("warn", deadline - 600_000),
                    ("breach", deadline),
                    ("critical", deadline + 1_800_000),
                ] {
                    if at < stop {
                        let skipped = skip_early && stage != "critical";
                        escalation
                            .execute(params![id, stage, 1, at, "automatic", skipped as i64])
                            .expect("escalation");
                    }
                }
                if rng.chance(0.5) {
                    escalation
                        .execute(params![
                            id,
                            "manual",
                            0,
                            received + 600_000,
                            "caller rang again",
                            0
                        ])
                        .expect("escalation");
                }
            }
        }
    }
    tx.execute_batch("INSERT INTO complaint_fact SELECT f.*, 0 FROM complaint_fact_source f;")
        .expect("fill complaint_fact");
    for (_, sql) in &triggers {
        tx.execute_batch(sql).expect("restore a trigger");
    }
    tx.commit().expect("commit the seed");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;")
        .expect("checkpoint");
}
