//! One function per command. Each loads what it needs through the
//! [`Context`], calls the library, and prints.

use chrono::{DateTime, NaiveTime, TimeZone, Utc};

use serde_json::json;

use super::context::calendar_warnings;
use super::view::{complaint_json, detail_json, json_text, list_table, table, time};
use super::{Command, Context, Failure, OutcomeArg, services, spool};
use crate::config::Config;
use crate::domain::complaint::Outcome as Resolution;
use crate::domain::{ArrivalRequest, ListFilter};
use crate::intake::lock::SpoolLock;
use crate::ops::{self, Target};
use crate::store::{Actions, AuditLog, Complaints, Durability, SqliteStore, StoreError};
use crate::text::sanitize;

pub fn run(ctx: Context, cmd: Command) -> Result<(), Failure> {
    match cmd {
        Command::Tui { officer } => services::tui(&ctx, officer),
        Command::Demo { start, speed } => services::demo(&ctx, start, speed),
        Command::CheckConfig => check_config(&ctx),
        Command::Init => init(&ctx),
        Command::Status { json } => spool::status(&ctx, json),
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
        } => show(&ctx, id, json, reveal_phone),
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
        Command::Oncall { json } => oncall(&ctx, json),
    }
}

fn check_config(ctx: &Context) -> Result<(), Failure> {
    match Config::load(ctx.source.clone()) {
        Ok(config) => {
            for w in calendar_warnings(&config, ctx.now()) {
                warnln!("warning: {w}");
            }
            let years: Vec<String> = config
                .calendar
                .years()
                .iter()
                .map(|y| y.to_string())
                .collect();
            outln!(
                "config OK ({}): {} grids, {} officers, {} enterprises, {} duties, {} shifts, calendar {}",
                sanitize(&ctx.source.describe()),
                config.grids.len(),
                config.officers.len(),
                config.enterprises.len(),
                config.roster.duties.len(),
                config.roster.shifts.len(),
                if years.is_empty() {
                    "none".to_string()
                } else {
                    years.join(", ")
                }
            );
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                warnln!("{}", sanitize(&e.to_string()));
            }
            warnln!(
                "{} error{} in {}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                sanitize(&ctx.source.describe())
            );
            Err(Failure::Reported)
        }
    }
}

fn init(ctx: &Context) -> Result<(), Failure> {
    let config = ctx.config()?;
    let path = ctx.db_path(&config);
    let spool = ctx.spool(&config);
    let upgrade_from = match SqliteStore::open(&path, Durability::Normal) {
        Err(StoreError::NeedsUpgrade { found, .. }) => Some(found),
        _ => None,
    };
    // A running daemon of the older release would fail every write after
    // the upgrade (its statements name the old schema).
    if let Some(holder) = upgrade_from.and_then(|_| SpoolLock::holder_of(&spool.root)) {
        return Err(Failure::User(format!(
            "an intake daemon ({holder}) runs on spool {}: stop it before upgrading {} (it would fail every write afterwards); the systemd unit runs `gridwatch init` before it starts the daemon",
            spool.root.display(),
            super::context::absolute(&path).display()
        )));
    }
    let mut store = SqliteStore::init(&path)?;
    let counts = store.sync_reference(&config)?;
    spool
        .ensure()
        .map_err(|e| Failure::User(format!("cannot create spool {}: {e}", spool.root.display())))?;
    if let Some(found) = upgrade_from {
        outln!(
            "upgraded the schema from version {found} to {}",
            store.schema_version()?
        );
    }
    outln!(
        "database {} ready at schema {}; {} grids, {} officers, {} enterprises loaded from {}; spool {} ready",
        store.path().display(),
        store.schema_version()?,
        counts.grids,
        counts.officers,
        counts.enterprises,
        ctx.source.describe(),
        spool.root.display()
    );
    Ok(())
}

fn list(ctx: &Context, open: bool, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let store = ctx.open_store(&config, Durability::Normal)?;
    let rows = store.list(ListFilter {
        open_only: open,
        limit: None,
    })?;
    let (tz, now) = (config.settings.timezone, ctx.now());
    if as_json {
        let v: Vec<_> = rows.iter().map(|c| complaint_json(c, &tz, now)).collect();
        outln!("{}", json_text(&v));
    } else if rows.is_empty() {
        outln!("no {}complaints", if open { "open " } else { "" });
    } else {
        out!("{}", list_table(&rows, &tz, now));
    }
    Ok(())
}

fn show(ctx: &Context, id: i64, as_json: bool, reveal: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let mut store = ctx.open_store(&config, Durability::Normal)?;
    let c = store.complaint(id)?;
    let (tz, now) = (config.settings.timezone, ctx.now());
    let phone = if reveal {
        store.reveal_phone(&ctx.actor(), now, id)?
    } else {
        None
    };
    let mut v = detail_json(
        &c,
        &tz,
        now,
        &store.dispatches(id)?,
        &store.arrivals(id)?,
        &store.escalations(id)?,
        &store.audit_of_complaint(id)?,
    );
    if let Some(p) = phone {
        v["reporter"]["phone"] = p.into();
    }
    if as_json {
        outln!("{}", json_text(&v));
        return Ok(());
    }
    let s = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => sanitize(s),
        serde_json::Value::Null => "-".into(),
        other => sanitize(&other.to_string()),
    };
    for key in [
        "id",
        "status",
        "source",
        "external_ref",
        "received_at",
        "regime",
        "regime_reason",
        "deadline_at",
        "remaining_seconds",
        "grid",
        "grid_source",
        "categories",
        "enterprise",
        "repeat_of",
        "arrived_at",
        "arrived_by",
        "description",
    ] {
        outln!("{key:<16} {}", s(&v[key]));
    }
    outln!("{:<16} {}", "address", s(&v["location"]["address"]));
    outln!(
        "{:<16} {} {}",
        "reporter",
        s(&v["reporter"]["name"]),
        s(&v["reporter"]["phone"])
    );
    let trail: Vec<Vec<String>> = v["audit"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            vec![
                s(&a["at"]),
                s(&a["actor"]),
                s(&a["action"]),
                s(&a["details"]),
            ]
        })
        .collect();
    outln!("\n{}", table(&["AT", "ACTOR", "ACTION", "DETAILS"], &trail));
    Ok(())
}

/// `--at`: RFC 3339, or `HH:MM` on today's local date.
fn parse_at(text: &str, config: &Config, now: DateTime<Utc>) -> Result<DateTime<Utc>, Failure> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let tz = config.settings.timezone;
    let t = NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| Failure::User(format!("--at '{text}' is neither RFC 3339 nor HH:MM")))?;
    let local = now.with_timezone(&tz).date_naive().and_time(t);
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| Failure::User(format!("--at '{text}' does not exist today in {tz}")))
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
        Some(text) => parse_at(text, &config, now)?,
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
                        format!("via {}", o.duty_grid)
                    }
                })
                .unwrap_or_default(),
        ]);
        out.push(json!({"grid": g.id, "name": g.name, "on_call": oc}));
    }
    if as_json {
        outln!("{}", json_text(&out));
    } else {
        outln!("on call at {}", time(now, &config.settings.timezone));
        out!(
            "{}",
            table(
                &[
                    "GRID", "NAME", "SHIFT", "PRIMARY", "BACKUP", "LEADER", "FROM"
                ],
                &rows
            )
        );
    }
    Ok(())
}
