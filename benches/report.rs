//! `gridwatch report` over 1 000 000 complaints (#12 item 5: < 1 s).
//!
//! Run: `cargo bench --bench report` (the first run seeds the database,
//! cached under target/bench-seed/).

#[path = "seed/mod.rs"]
mod seed;

use criterion::{Criterion, criterion_group, criterion_main};
use gridwatch::domain::assess::Tally;
use gridwatch::store::{Assessment, Durability, SqliteStore};

fn scan(c: &mut Criterion) {
    let path = seed::database(seed::MILLION);
    let store = SqliteStore::open(&path, Durability::Normal).expect("open the seeded database");
    let now = seed::end();
    c.bench_function("facts scan of 1M into one Tally", |b| {
        b.iter(|| {
            let mut t = Tally::default();
            store
                .facts(seed::start(), seed::end(), &mut |f| t.add(f, now))
                .expect("scan");
            t.received
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = scan
}
criterion_main!(benches);
