//! `gridwatch sources [--overdue] [--json]`, `sources import|export`,
//! `inspect ENTERPRISE …` and `visit TOWNSHIP …` (#11): the register with
//! its patrol status, and the two patrol records, through the operations
//! layer like every write.

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};

use super::view::{json_text, table, time};
use super::{Context, Failure};
use crate::board::sources::{SourceBoard, SourceRow};
use crate::config::Config;
use crate::domain::inspection::{InspectionKind, InspectionResult, NewInspection, NewVisit};
use crate::i18n::{Lang, T, fill};
use crate::ops::{self, PatrolCommand};
use crate::store::Durability;
use crate::words::patrol as w;

#[derive(Debug, Subcommand)]
pub enum SourcesCommand {
    /// Read a CSV of the register (header: id,name,grid,control_level,address
    /// and any census columns), check every row, and merge it into
    /// config/enterprises.toml: its rows add new sources or replace the
    /// source of the same id, every other source is kept. The previous file
    /// is kept as enterprises.toml.bak; running daemons and consoles take the
    /// new one up
    Import {
        #[arg(value_name = "FILE.csv")]
        file: std::path::PathBuf,
        /// The CSV is the whole register: sources not in it are removed
        #[arg(long)]
        replace: bool,
    },
    /// Write the register as the CSV `sources import` reads (to stdout
    /// without FILE), to be edited and imported again
    Export {
        #[arg(value_name = "FILE.csv")]
        file: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Routine,
    Special,
    Complaint,
    Referral,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ResultArg {
    Ok,
    Problem,
}

/// `gridwatch inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Enterprise id (see `gridwatch sources`)
    pub enterprise: String,
    /// Officer id; repeat for each officer who inspected (the first logs it)
    #[arg(long = "officer", required = true, value_name = "O")]
    pub officers: Vec<String>,
    #[arg(long, value_enum)]
    pub result: ResultArg,
    #[arg(long, value_enum, default_value = "routine")]
    pub kind: KindArg,
    /// The complaint that caused it (with --kind complaint)
    #[arg(long, value_name = "ID")]
    pub complaint: Option<i64>,
    /// When it took place: RFC 3339, YYYY-MM-DD HH:MM (local) or HH:MM today (default: now)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Problems found (with --result problem)
    #[arg(long, value_name = "TEXT")]
    pub problems: Option<String>,
    /// Local date by which the problems must be rectified (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub rectify_by: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}

/// `gridwatch visit`.
#[derive(Debug, Args)]
pub struct VisitArgs {
    /// Township grid id (level 2)
    pub township: String,
    #[arg(long)]
    pub officer: String,
    /// The work-log entry: what was done
    #[arg(long)]
    pub note: String,
    /// When it took place: RFC 3339, YYYY-MM-DD HH:MM (local) or HH:MM today (default: now)
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

pub fn run(
    ctx: &Context,
    action: Option<SourcesCommand>,
    overdue: bool,
    as_json: bool,
) -> Result<(), Failure> {
    match action {
        Some(SourcesCommand::Import { file, replace }) => {
            super::sources_import::run(ctx, &file, replace)
        }
        Some(SourcesCommand::Export { file }) => {
            super::sources_import::export(ctx, file.as_deref())
        }
        None => list(ctx, overdue, as_json),
    }
}

fn list(ctx: &Context, overdue: bool, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let store = ctx.open_store(&config, Durability::Normal)?;
    let board = SourceBoard::load(&store, &config, ctx.now())?;
    let rows: Vec<&SourceRow> = board
        .sources
        .iter()
        .filter(|s| !overdue || s.overdue())
        .collect();
    let tz = config.settings.timezone;
    if as_json {
        let v: Vec<Value> = rows.iter().map(|s| source_json(s, &tz)).collect();
        outln!("{}", json_text(&v));
        return Ok(());
    }
    if rows.is_empty() {
        let t = if overdue {
            T::SrcNoneOverdue
        } else {
            T::SrcNoSources
        };
        outln!("{}", t.get(lang));
    } else {
        out!("{}", source_table(lang, &config, &rows));
        if let Some(legend) = w::shortened(lang, rows.iter().copied()) {
            outln!("{legend}");
        }
    }
    outln!();
    outln!("{}", T::SrcPerTownship.get(lang));
    for g in board.grids.iter().filter(|g| !overdue || g.overdue > 0) {
        outln!(
            "  {}",
            fill(
                T::SrcTownshipLine.get(lang),
                &[
                    ("grid", &g.grid),
                    ("name", &g.name),
                    ("overdue", &g.overdue.to_string()),
                    ("soon", &g.due_soon.to_string()),
                    ("n", &g.sources.to_string()),
                ],
            )
        );
    }
    outln!();
    outln!("{}", T::SrcPerLeader.get(lang));
    for l in board
        .leaders
        .iter()
        .filter(|l| !overdue || l.behind() + l.overdue_sources > 0)
    {
        outln!(
            "  {}",
            crate::text::sanitize(&fill(
                T::SrcLeaderLine.get(lang),
                &[
                    ("officer", &l.officer),
                    ("name", &l.name),
                    ("behind", &l.behind().to_string()),
                    ("todo", &l.to_do().to_string()),
                    (
                        "overdue",
                        &crate::i18n::count(T::SrcLeaderOverdue, lang, l.overdue_sources as i64),
                    ),
                ],
            ))
        );
        let behind: Vec<&str> = l
            .inspections
            .iter()
            .chain(&l.visits)
            .filter(|d| d.status.behind())
            .map(|d| d.target.as_str())
            .collect();
        if !behind.is_empty() {
            outln!(
                "  {}",
                fill(T::SrcLeaderBehind.get(lang), &[("what", &behind.join(" "))])
            );
        }
    }
    Ok(())
}

fn source_table(lang: Lang, config: &Config, rows: &[&SourceRow]) -> String {
    let tz = config.settings.timezone;
    let header = [
        T::SrcColSource,
        T::SrcColName,
        T::SrcColGrid,
        T::SrcColLevel,
        T::SrcColEvery,
        T::SrcColLast,
        T::SrcColDue,
        T::SrcColStatus,
    ]
    .map(|t| t.get(lang));
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.name.clone(),
                s.grid.clone(),
                w::level(s.control_level).get(lang).to_string(),
                w::every(s),
                s.last_inspected_at.map_or_else(
                    || "-".into(),
                    |t| t.with_timezone(&tz).format("%Y-%m-%d").to_string(),
                ),
                s.due_on.map_or_else(|| "-".into(), |d| d.to_string()),
                w::status(lang, s),
            ]
        })
        .collect();
    table(&header, &cells)
}

/// One source as `sources --json` prints it (DESIGN.md §4.6, and the census).
pub fn source_json(s: &SourceRow, tz: &chrono_tz::Tz) -> Value {
    let c = &s.census;
    json!({
        "id": s.id,
        "name": s.name,
        "grid": s.grid,
        "control_level": s.control_level,
        "interval_days": s.interval_days,
        "base_interval_days": s.base_days,
        "shortened_by": s.signals,
        "last_inspected_at": s.last_inspected_at.map(|t| time(t, tz)),
        "last_result": s.last_result,
        "due_on": s.due_on.map(|d| d.to_string()),
        "due_at": s.due_at.map(|t| time(t, tz)),
        "overdue_days": s.overdue_days,
        "days_left": s.days_left,
        "overdue": s.overdue(),
        "never_inspected": s.never(),
        "industry": c.industry,
        "eia": c.eia,
        "three_simultaneities": c.three_simultaneities,
        "permit": c.permit.as_ref().map(|p| p.as_str()),
        "pollutants": c.pollutants,
        "discharge_to": c.discharge_to,
        "receptors": c.receptors,
        "registered": c.registered.map(|d| d.to_string()),
    })
}

pub fn inspect(ctx: &Context, a: InspectArgs) -> Result<(), Failure> {
    let config = ctx.config()?;
    let (lang, now) = (ctx.lang(&config), ctx.now());
    let at = match a.at.as_deref() {
        Some(text) => super::act::parse_at(text, &config, lang, now)?,
        None => now,
    };
    let rectify_by = a
        .rectify_by
        .as_deref()
        .map(|t| {
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                .map_err(|_| Failure::User(fill(T::SrcErrBadDate.get(lang), &[("text", t)])))
        })
        .transpose()?;
    let new = NewInspection {
        enterprise: a.enterprise,
        officers: a.officers,
        at,
        kind: match a.kind {
            KindArg::Routine => InspectionKind::Routine,
            KindArg::Special => InspectionKind::Special,
            KindArg::Complaint => InspectionKind::Complaint,
            KindArg::Referral => InspectionKind::Referral,
        },
        complaint: a.complaint,
        result: match a.result {
            ResultArg::Ok => InspectionResult::Ok,
            ResultArg::Problem => InspectionResult::Problem,
        },
        problems: a.problems.filter(|p| !p.trim().is_empty()),
        rectify_by,
        note: a.note.filter(|n| !n.trim().is_empty()),
    };
    // The console's form says it without the flag; here the flag is the way.
    if new.result == InspectionResult::Problem && new.problems.is_none() {
        return Err(Failure::User(T::SrcErrProblemsFlag.get(lang).into()));
    }
    super::act::act(ctx, ops::Command::Patrol(PatrolCommand::Inspect(new)))
}

pub fn visit(ctx: &Context, a: VisitArgs) -> Result<(), Failure> {
    let config = ctx.config()?;
    let (lang, now) = (ctx.lang(&config), ctx.now());
    let at = match a.at.as_deref() {
        Some(text) => super::act::parse_at(text, &config, lang, now)?,
        None => now,
    };
    let new = NewVisit {
        township: a.township,
        officer: a.officer,
        at,
        note: a.note,
    };
    super::act::act(ctx, ops::Command::Patrol(PatrolCommand::Visit(new)))
}
