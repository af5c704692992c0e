//! `gridwatch demo`: a living duty room in one command. A fresh database from
//! the shipped county in a scratch directory, the intake daemon in-process
//! with its HTTP endpoint on a free loopback port, a simulated feed of
//! realistic complaints (some already close to their deadline, so an
//! escalation fires within the first minute), and the dashboard. Runs on a
//! drill clock, marked DRILL on screen and in the audit log. Quitting stops
//! everything and removes the scratch directory.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;
use tokio_util::sync::CancellationToken;

use crate::clock::{Clock, SharedClock};
use crate::config::Config;
use crate::intake::Spool;

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "air",
        "烟囱冒黑烟，气味刺鼻 / black smoke from the stack, acrid smell",
    ),
    (
        "air",
        "夜间偷排废气，附近居民咳嗽 / waste gas vented at night",
    ),
    (
        "water",
        "排污口流出黄色污水进入河道 / yellow effluent into the river",
    ),
    ("water", "河面出现大量死鱼 / many dead fish on the river"),
    ("noise", "夜间施工噪声扰民 / construction noise after 22:00"),
    (
        "noise",
        "厂区设备轰鸣影响休息 / machinery roaring all night",
    ),
    (
        "solid_waste",
        "路边倾倒工业固废 / industrial waste dumped by the road",
    ),
    (
        "ecology",
        "山体被挖，植被破坏 / hillside dug up, vegetation destroyed",
    ),
    ("other", "不明气味弥漫村庄 / unknown odour over the village"),
];

/// A small deterministic generator (the feed looks random, runs the same each time).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// One simulated complaint received at `received_at`.
fn complaint(
    config: &Config,
    rng: &mut Lcg,
    n: usize,
    received_at: DateTime<Utc>,
) -> serde_json::Value {
    let (cat, text) = DESCRIPTIONS[rng.next(DESCRIPTIONS.len())];
    let sources = [
        "hotline", "hotline", "hotline", "phone", "web", "wechat", "referral", "media",
    ];
    let names = ["王先生", "李女士", "张师傅", "刘阿姨"];
    let name = names[rng.next(names.len())];
    let phone = format!("139{:08}", rng.next(100_000_000));
    let mut v = json!({
        "source": sources[rng.next(sources.len())],
        "external_ref": format!("DEMO-{n:05}"),
        "received_at": received_at.with_timezone(&config.settings.timezone).to_rfc3339(),
        "category": cat,
        "description": text,
        "reporter": {"name": name, "phone": phone},
    });
    let ents: Vec<_> = config.enterprises.values().collect();
    if !ents.is_empty() && rng.next(3) > 0 {
        let e = ents[rng.next(ents.len())];
        v["enterprise"] = json!(e.id);
        v["location"] = json!({"address": e.address});
    } else {
        let grids: Vec<_> = config.grids.iter().filter(|g| g.level == 3).collect();
        let place = grids
            .get(rng.next(grids.len().max(1)))
            .map(|g| g.name.clone())
            .unwrap_or_else(|| "城区".into());
        v["location"] = json!({"address": format!("{place}{}号附近", 1 + rng.next(120))});
    }
    v
}

/// Seed the demo: complaints received earlier so that deadlines fall due
/// soon — one reaches its `warn` stage about 30 s (drill time) after start.
pub fn seed(config: &Config, spool: &Spool, now: DateTime<Utc>) -> std::io::Result<usize> {
    let mut rng = Lcg(7);
    let s = &config.settings;
    let minutes = |t: DateTime<Utc>| {
        crate::domain::calendar::decide(&config.calendar, &s.deadlines, &s.timezone, t).minutes
            as i64
    };
    let warn = s.warn_before.num_seconds();
    let mut records = Vec::new();
    // Its deadline is warn + 30 s away: the warn stage fires 30 s in.
    let first =
        now - chrono::Duration::minutes(minutes(now)) + chrono::Duration::seconds(warn + 30);
    records.push(complaint(config, &mut rng, 1, first));
    for (i, ago) in [3, 7, 12, 18, 25, 33, 41, 50].into_iter().enumerate() {
        records.push(complaint(
            config,
            &mut rng,
            i + 2,
            now - chrono::Duration::minutes(ago),
        ));
    }
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    spool.submit_bytes("demo-seed.jsonl", lines.as_bytes())?;
    Ok(records.len())
}

/// Every 20–60 s of drill time, a new complaint arrives in the spool.
pub async fn feed(
    config: Arc<Config>,
    spool: Spool,
    clock: SharedClock,
    speed: f64,
    shutdown: CancellationToken,
) {
    let mut rng = Lcg(2026);
    let mut n = 100;
    loop {
        let drill_secs = 20 + rng.next(40) as u64;
        let wait = Duration::from_secs_f64(drill_secs as f64 / speed.max(0.01));
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(wait) => {}
        }
        n += 1;
        let c = complaint(&config, &mut rng, n, clock.now());
        if let Err(e) = spool.submit_bytes("demo-feed.json", c.to_string().as_bytes()) {
            tracing::error!(error = %e, "demo feed");
        }
    }
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
