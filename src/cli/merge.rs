//! `gridwatch merge ID --into ID2` (#11), and what `show` adds about a
//! complaint's chain: the earlier complaints of its repeat chain and the
//! ones merged into it (ids, received, status), as text and as JSON.

use chrono_tz::Tz;
use serde_json::{Value, json};

use super::view::{table, time};
use super::{Context, Failure, words};
use crate::domain::ComplaintRow;
use crate::domain::merge::Related;
use crate::i18n::{Lang, T};

pub(super) fn run(ctx: &Context, id: i64, into: i64) -> Result<(), Failure> {
    super::act::act(ctx, crate::ops::Command::Merge { id, into })
}

fn rows_json(rows: &[&ComplaintRow], tz: &Tz) -> Value {
    rows.iter()
        .map(|c| json!({"id": c.id, "received_at": time(c.received_at, tz), "status": c.status}))
        .collect()
}

/// `earlier` and `merged_in` of `show --json` (`merged_into` is in every complaint's JSON).
pub(super) fn add_json(v: &mut Value, related: &Related<'_>, tz: &Tz) {
    v["earlier"] = rows_json(&related.earlier, tz);
    v["merged_in"] = rows_json(&related.merged_in, tz);
}

/// The chain as `show` prints it: a titled table per list that has rows.
pub(super) fn text(lang: Lang, related: &Related<'_>, tz: &Tz) -> String {
    let header = [T::CliColId, T::CliColReceived, T::CliColStatus].map(|t| t.get(lang));
    let mut out = String::new();
    for (title, rows) in [
        (T::MergeEarlier, &related.earlier),
        (T::MergeMergedIn, &related.merged_in),
    ] {
        if rows.is_empty() {
            continue;
        }
        let body: Vec<Vec<String>> = rows
            .iter()
            .map(|c| {
                vec![
                    format!("#{}", c.id),
                    time(c.received_at, tz),
                    words::status(lang, c.status).to_string(),
                ]
            })
            .collect();
        out.push_str(&format!("\n{}\n{}", title.get(lang), table(&header, &body)));
    }
    out
}
