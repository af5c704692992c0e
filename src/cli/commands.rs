//! One function per command. Each loads what it needs through the
//! [`Context`], calls the library, and prints.

use chrono::{DateTime, NaiveTime, TimeZone, Utc};

use serde_json::json;

use super::view::{complaint_json, json_text, list_table, table, time};
use super::{
    Command, Context, Failure, OutcomeArg, calendar, services, setup, show, spool, status,
};
use crate::config::Config;
use crate::domain::complaint::Outcome as Resolution;
use crate::domain::queries::duty_order;
use crate::domain::triage::{RejectReason, Rejection};
use crate::domain::{ArrivalRequest, ListFilter};
use crate::i18n::{Lang, T, fill};
use crate::ops::{self, Target};
use crate::store::{Complaints, Durability};
use crate::text::sanitize;

pub fn run(ctx: Context, cmd: Command) -> Result<(), Failure> {
    match cmd {
        Command::Tui { officer } => services::tui(&ctx, officer),
        Command::Demo { start, speed } => super::drill::demo(&ctx, start, speed),
        Command::CheckConfig { strict } => setup::check_config(&ctx, strict),
        Command::Calendar { action } => calendar::run(&ctx, action),
        Command::Init => setup::init(&ctx),
        Command::Status { json } => status::run(&ctx, json),
        Command::Submit { files } => spool::submit(&ctx, &files),
        Command::Intake { once: true, .. } => spool::intake(&ctx),
        Command::Intake {
            once: false,
            bind,
            no_http,
            ..
        } => services::daemon(&ctx, bind, no_http),
        Command::List { open, json } => list(&ctx, open, json),
        Command::Show {
            id,
            json,
            reveal_phone,
        } => show::run(&ctx, id, json, reveal_phone),
        Command::Arrive {
            id,
            officer,
            at,
            note,
        } => arrive(&ctx, id, &officer, at.as_deref(), note),
        Command::Dispatch { id, officer } => act(&ctx, ops::Command::Dispatch { id, officer }),
        Command::Escalate { id, reason, to } => act(
            &ctx,
            ops::Command::Escalate {
                id,
                target: to.map_or(Target::OnCallLeader, Target::Officer),
                reason,
            },
        ),
        Command::Resolve { id, outcome, note } => {
            let outcome = match outcome {
                OutcomeArg::ViolationConfirmed => Resolution::ViolationConfirmed,
                OutcomeArg::Rectified => Resolution::Rectified,
                OutcomeArg::NoViolation => Resolution::NoViolation,
                OutcomeArg::Referred => Resolution::Referred,
                OutcomeArg::Other => Resolution::Other,
            };
            act(&ctx, ops::Command::Resolve { id, outcome, note })
        }
        Command::Assign { id, grid, reason } => {
            act(&ctx, ops::Command::Assign { id, grid, reason })
        }
        Command::Reject { id, reason, note } => act(
            &ctx,
            ops::Command::Reject {
                id,
                rejection: rejection(ctx.lang_guess(), &reason, note.as_deref())?,
            },
        ),
        Command::Reopen { id, reason } => act(&ctx, ops::Command::Reopen { id, reason }),
        Command::Oncall { json } => oncall(&ctx, json),
        Command::Incident { action } => super::incident::run(&ctx, action),
        Command::Handover {
            from,
            to,
            note,
            preview,
            output,
        } => super::handover::run(
            &ctx,
            super::handover::Args {
                from,
                to,
                note,
                preview,
                output,
            },
        ),
    }
}

/// `reject --reason`: a reason's id (`not-in-remit`, `insufficient-detail`,
/// `other` with `--note`), or words saying why, kept as `other`. A word
/// that looks like a mistyped id is refused rather than kept as words.
fn rejection(
    lang: crate::i18n::Lang,
    reason: &str,
    note: Option<&str>,
) -> Result<Rejection, Failure> {
    let text = reason.trim();
    let id = text.to_ascii_lowercase();
    let looks_like_id = id.contains(['-', '_'])
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_');
    let (kind, words) = match RejectReason::parse(&id) {
        Some(r) => (r, note.map(String::from)),
        None if looks_like_id => {
            return Err(Failure::User(crate::i18n::fill(
                T::CliUnknownRejectReason.get(lang),
                &[("reason", &sanitize(text))],
            )));
        }
        None => (
            RejectReason::Other,
            Some(match note {
                Some(n) if !n.trim().is_empty() => format!("{text} — {}", n.trim()),
                _ => text.to_string(),
            }),
        ),
    };
    Rejection::new(kind, words.as_deref())
        .map_err(|_| Failure::User(T::CliOtherNeedsWords.get(lang).into()))
}

fn list(ctx: &Context, open: bool, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let store = ctx.open_store(&config, Durability::Normal)?;
    let mut rows = store.list(ListFilter {
        open_only: open,
        limit: None,
    })?;
    // The documented orders (README, --help): all newest received first
    // (as the store lists them); open ones as the dashboard shows them.
    if open {
        rows.sort_by_key(duty_order);
    }
    let (tz, now) = (config.settings.timezone, ctx.now());
    if as_json {
        let v: Vec<_> = rows.iter().map(|c| complaint_json(c, &tz, now)).collect();
        outln!("{}", json_text(&v));
    } else if rows.is_empty() {
        let t = if open {
            T::CliNoOpenComplaints
        } else {
            T::CliNoComplaints
        };
        outln!("{}", t.get(lang));
    } else {
        out!("{}", list_table(lang, &config, &rows, now));
    }
    Ok(())
}

/// `--at`: RFC 3339, or `HH:MM` on today's local date.
fn parse_at(
    text: &str,
    config: &Config,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Failure> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let tz = config.settings.timezone;
    let t = NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| Failure::User(fill(T::CliAtBad.get(lang), &[("text", text)])))?;
    let local = now.with_timezone(&tz).date_naive().and_time(t);
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            Failure::User(fill(
                T::CliAtMissing.get(lang),
                &[("text", text), ("tz", tz.name())],
            ))
        })
}

fn arrive(
    ctx: &Context,
    id: i64,
    officer: &str,
    at: Option<&str>,
    note: Option<String>,
) -> Result<(), Failure> {
    let config = ctx.config()?;
    let now = ctx.now();
    let arrived_at = match at {
        Some(text) => parse_at(text, &config, ctx.lang(&config), now)?,
        None => now,
    };
    let req = ArrivalRequest {
        complaint_id: id,
        officer: officer.to_string(),
        arrived_at,
        note,
    };
    act(ctx, ops::Command::Arrive(req))
}

/// Carry out one action through the operations layer and print what it did.
fn act(ctx: &Context, cmd: ops::Command) -> Result<(), Failure> {
    let config = ctx.config()?;
    let mut store = ctx.open_store(&config, Durability::Normal)?;
    let outcome = ops::perform(&mut store, &config, &ctx.actor(), ctx.now(), cmd)?;
    outln!(
        "{}",
        super::words::outcome(ctx.lang(&config), &config, &outcome)
    );
    Ok(())
}

fn oncall(ctx: &Context, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let now = ctx.now();
    let local = now.with_timezone(&config.settings.timezone).naive_local();
    let mut rows = Vec::new();
    let mut out = Vec::new();
    for g in config.grids.iter() {
        let oc = config.roster.on_call(&config.grids, &g.id, local);
        let person = |id: Option<&String>| -> String {
            id.map(|i| match config.officers.get(i) {
                Some(o) => format!("{} {} {}", i, o.name, o.phone),
                None => i.clone(),
            })
            .unwrap_or_else(|| "-".into())
        };
        rows.push(vec![
            g.id.clone(),
            g.name.clone(),
            oc.as_ref()
                .map(|o| format!("{} {}", o.shift, o.shift_date.format("%m-%d")))
                .unwrap_or_else(|| "-".into()),
            person(oc.as_ref().map(|o| &o.primary)),
            person(oc.as_ref().and_then(|o| o.backup.as_ref())),
            person(oc.as_ref().and_then(|o| o.leader.as_ref())),
            oc.as_ref()
                .map(|o| {
                    if o.duty_grid == g.id {
                        String::new()
                    } else {
                        fill(T::CliVia.get(lang), &[("grid", &o.duty_grid)])
                    }
                })
                .unwrap_or_default(),
        ]);
        out.push(json!({"grid": g.id, "name": g.name, "on_call": oc}));
    }
    if as_json {
        outln!("{}", json_text(&out));
    } else {
        let at = time(now, &config.settings.timezone);
        outln!("{}", fill(T::CliOnCallAt.get(lang), &[("time", &at)]));
        let header = [
            T::CliColGrid,
            T::CliColName,
            T::CliColShift,
            T::CliColPrimary,
            T::CliColBackup,
            T::CliColLeader,
            T::CliColFrom,
        ]
        .map(|t| t.get(lang));
        out!("{}", table(&header, &rows));
    }
    Ok(())
}
