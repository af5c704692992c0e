//! `oncall [--at TIME] [--json]`: who is on call in every grid now and in
//! the next shift, with names and phones (roster.toml merged with the swaps
//! of the database), and the gaps of the coming 7 days; `swap`: record a
//! swap; the gap warnings of `check-config`.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Value, json};

use super::view::{json_text, table, time};
use super::{Context, Failure};
use crate::board::oncall::{OnCallBoard, Person};
use crate::config::Config;
use crate::domain::roster::OnCall;
use crate::domain::roster_swap::{Role, Swap};
use crate::i18n::{Lang, T, fill};
use crate::ops::{self, ShiftPick, SwapRequest};
use crate::store::{Durability, Rosters, StoreError};
use crate::text::sanitize;

/// `gridwatch swap`.
#[derive(Debug, clap::Args)]
pub struct SwapArgs {
    /// The grid (see `gridwatch oncall`)
    pub grid: String,
    /// The role handed over
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// The replacement officer's id
    #[arg(long, value_name = "OFFICER")]
    pub to: String,
    /// Why (required; kept in the audit log)
    #[arg(long)]
    pub reason: String,
    /// A named shift of roster.toml (with --date); default: the shift running now
    #[arg(long, requires = "date", conflicts_with = "next")]
    pub shift: Option<String>,
    /// The local date the shift starts on (YYYY-MM-DD)
    #[arg(long, requires = "shift")]
    pub date: Option<String>,
    /// The shift after the one running now
    #[arg(long)]
    pub next: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RoleArg {
    Primary,
    Backup,
    Leader,
}

pub fn swap(ctx: &Context, args: SwapArgs) -> Result<(), Failure> {
    let lang = ctx.lang_guess();
    let when = match (args.shift, args.date, args.next) {
        (Some(shift), Some(date), _) => ShiftPick::On {
            shift,
            date: NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| {
                Failure::User(fill(
                    T::OnCallErrBadDate.get(lang),
                    &[("text", &sanitize(&date))],
                ))
            })?,
        },
        (_, _, true) => ShiftPick::Next,
        _ => ShiftPick::Now,
    };
    let role = match args.role {
        RoleArg::Primary => Role::Primary,
        RoleArg::Backup => Role::Backup,
        RoleArg::Leader => Role::Leader,
    };
    super::act::act(
        ctx,
        ops::Command::Swap(SwapRequest {
            grid: args.grid,
            when,
            role,
            officer: args.to,
            reason: args.reason,
        }),
    )
}

/// The swaps around `now`, or none (with a warning) when there is no
/// database yet: the roster of roster.toml alone is still worth showing.
pub(super) fn swaps_if_any(
    ctx: &Context,
    config: &Config,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<Swap>, Failure> {
    let store = match ctx.open_store(config, Durability::Normal) {
        Ok(s) => s,
        Err(Failure::Store(StoreError::Missing { path }))
        | Err(Failure::Op(ops::OpError::Store(StoreError::Missing { path }))) => {
            warnln!(
                "{}",
                fill(
                    T::OnCallNoDatabase.get(lang),
                    &[("path", &path.display().to_string())]
                )
            );
            return Ok(Vec::new());
        }
        Err(e) => return Err(e),
    };
    let day = now.with_timezone(&config.settings.timezone).date_naive();
    Ok(store.swaps_around(day)?)
}

pub fn run(ctx: &Context, at: Option<&str>, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let now = match at {
        Some(text) => super::act::parse_at(text, &config, lang, ctx.now())?,
        None => ctx.now(),
    };
    let swaps = swaps_if_any(ctx, &config, lang, now)?;
    let board = OnCallBoard::build(&config, swaps, now);
    if as_json {
        outln!("{}", json_text(&board_json(&config, &board)));
        return Ok(());
    }
    let tz = &config.settings.timezone;
    outln!(
        "{}",
        fill(T::OnCallAt.get(lang), &[("time", &time(now, tz))])
    );
    outln!("{}", crate::words::oncall::shift_line(lang, &board));
    if let Some(day) = crate::words::oncall::day_note(lang, &config, now) {
        outln!("{day}");
    }
    let person = |id: Option<&str>| -> String {
        id.map(|i| {
            let p = Person::of(&config, i);
            format!("{} {} {}", p.id, p.name, p.phone)
                .trim()
                .to_string()
        })
        .unwrap_or_else(|| "-".into())
    };
    let rows: Vec<Vec<String>> = board
        .rows
        .iter()
        .map(|r| {
            let oc = r.now.as_ref();
            vec![
                r.grid.clone(),
                r.name.clone(),
                person(oc.map(|o| o.primary.as_str())),
                person(oc.and_then(|o| o.backup.as_deref())),
                person(oc.and_then(|o| o.leader.as_deref())),
                r.next
                    .as_ref()
                    .map(|n| person(Some(&n.primary)))
                    .unwrap_or_else(|| T::OnCallNobodyNext.get(lang).into()),
                crate::words::oncall::note(lang, &r.grid, oc),
            ]
        })
        .collect();
    let header = [
        T::CliColGrid,
        T::CliColName,
        T::CliColPrimary,
        T::CliColBackup,
        T::CliColLeader,
        T::OnCallColNext,
        T::OnCallColNote,
    ]
    .map(|t| t.get(lang));
    out!("{}", table(&header, &rows));
    if board.gaps.is_empty() {
        outln!("{}", T::OnCallNoGaps.get(lang));
    } else {
        for g in &board.gaps {
            outln!("{}", crate::words::oncall::gap(lang, &config, g));
        }
    }
    Ok(())
}

fn person_json(config: &Config, id: Option<&str>) -> Value {
    id.map_or(Value::Null, |i| json!(Person::of(config, i)))
}

fn on_call_json(config: &Config, oc: Option<&OnCall>) -> Value {
    let Some(oc) = oc else {
        return Value::Null;
    };
    json!({
        "primary": person_json(config, Some(&oc.primary)),
        "backup": person_json(config, oc.backup.as_deref()),
        "leader": person_json(config, oc.leader.as_deref()),
        "shift": oc.shift,
        "shift_date": oc.shift_date,
        "duty_grid": oc.duty_grid,
        "override_reason": oc.override_reason,
        "swaps": oc.swaps,
    })
}

/// DESIGN §4.6: `{grid, name, on_call: {primary, backup, leader}, next}`,
/// each person `{id, name, phone}`; `null` where nobody is on call.
pub fn board_json(config: &Config, board: &OnCallBoard) -> Value {
    let rows: Vec<Value> = board
        .rows
        .iter()
        .map(|r| {
            let gaps: Vec<Value> = board
                .gaps_of(&r.grid)
                .map(|g| json!({"shift": g.shift, "date": g.date}))
                .collect();
            json!({
                "grid": r.grid,
                "name": r.name,
                "level": r.level,
                "on_call": on_call_json(config, r.now.as_ref()),
                "next": on_call_json(config, r.next.as_ref()),
                "gaps": gaps,
            })
        })
        .collect();
    Value::Array(rows)
}

/// `check-config`: every grid with nobody on call at some instant of the
/// coming 7 days (grid, shift, date), counting the swaps of the database
/// when there is one at the path in force.
pub(super) fn gap_warnings(
    ctx: &Context,
    config: &Config,
    lang: Lang,
) -> Result<Vec<String>, Failure> {
    let now = ctx.now();
    let swaps = if ctx.db_path(config).exists() {
        swaps_if_any(ctx, config, lang, now)?
    } else {
        Vec::new()
    };
    let board = OnCallBoard::build(config, swaps, now);
    Ok(board
        .gaps
        .iter()
        .map(|g| crate::words::oncall::gap(lang, config, g))
        .collect())
}
