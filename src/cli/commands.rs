//! One function per command. Each loads what it needs through the
//! [`Context`], calls the library, and prints.

use super::act::{act, parse_at};
use super::view::{complaint_json, json_text, list_table};
use super::{
    Command, Context, Failure, OutcomeArg, calendar, services, setup, show, spool, status,
};

use crate::domain::complaint::Outcome as Resolution;
use crate::domain::queries::duty_order;
use crate::domain::triage::{RejectReason, Rejection};
use crate::domain::{ArrivalRequest, ListFilter};
use crate::i18n::T;
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
        Command::Oncall { at, json } => super::oncall::run(&ctx, at.as_deref(), json),
        Command::Swap(args) => super::oncall::swap(&ctx, args),
        Command::Grids { json } => super::grids::run(&ctx, json),
        Command::Merge { id, into } => super::merge::run(&ctx, id, into),
        Command::Incident { action } => super::incident::run(&ctx, action),
        Command::Report(args) => super::report::run(&ctx, args),
        Command::Sources {
            action,
            overdue,
            json,
        } => super::sources::run(&ctx, action, overdue, json),
        Command::Inspect(a) => super::sources::inspect(&ctx, a),
        Command::Visit(a) => super::sources::visit(&ctx, a),
        Command::Water {
            action,
            from,
            to,
            json,
        } => super::water::run(&ctx, action, from, to, json),
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
