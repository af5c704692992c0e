//! What every write command shares: carrying one action out through the
//! operations layer and printing what it did, and reading `--at`.

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::{Context, Failure};
use crate::config::Config;
use crate::i18n::{Lang, T, fill};
use crate::ops;
use crate::store::Durability;
use crate::text::sanitize;

/// `--at`: RFC 3339, `YYYY-MM-DD HH:MM` (local time, as the incident
/// commands take it), or `HH:MM` on today's local date.
pub(super) fn parse_at(
    text: &str,
    config: &Config,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Failure> {
    let s = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let tz = config.settings.timezone;
    let local = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            NaiveTime::parse_from_str(s, "%H:%M")
                .ok()
                .map(|t| now.with_timezone(&tz).date_naive().and_time(t))
        })
        .ok_or_else(|| Failure::User(fill(T::CliAtBad.get(lang), &[("text", &sanitize(text))])))?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            Failure::User(fill(
                T::CliAtMissing.get(lang),
                &[("text", &sanitize(text)), ("tz", tz.name())],
            ))
        })
}

/// Carry out one action through the operations layer and print what it did.
pub(super) fn act(ctx: &Context, cmd: ops::Command) -> Result<(), Failure> {
    let config = ctx.config()?;
    let mut store = ctx.open_store(&config, Durability::Normal)?;
    let outcome = ops::perform(&mut store, &config, &ctx.actor(), ctx.now(), cmd)?;
    outln!(
        "{}",
        super::words::outcome(ctx.lang(&config), &config, &outcome)
    );
    Ok(())
}
