//! The command line (DESIGN.md §4.1): clap definitions, and the dispatch that
//! turns each command into library calls. Errors end here as one line on
//! stderr and an exit code: 0 ok, 1 the user's to fix, 2 ours.

mod commands;
mod context;
mod view;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

pub use context::Context;

#[derive(Debug, Parser)]
#[command(
    name = "gridwatch",
    version,
    about = "Duty-room console of the environmental bureau: complaints, arrival deadlines, escalation",
    after_help = "Defaults: config ./config (else the embedded demo county), database from config (gridwatch.db).\nExit codes: 0 ok, 1 input/user error, 2 internal error."
)]
pub struct Cli {
    /// Configuration directory [env: GRIDWATCH_CONFIG] (default ./config, else the embedded demo county)
    #[arg(long, global = true, env = "GRIDWATCH_CONFIG", value_name = "DIR")]
    pub config: Option<PathBuf>,
    /// SQLite database file [env: GRIDWATCH_DB] (default: [database] path of gridwatch.toml)
    #[arg(long, global = true, env = "GRIDWATCH_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of the interface (default: language of gridwatch.toml)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Fix the clock for this one command (RFC 3339, e.g. 2026-11-30T09:12:00+08:00); marked in the audit log
    #[arg(long, global = true, value_name = "TIME", value_parser = parse_time)]
    pub now: Option<DateTime<Utc>>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or upgrade the database and load the configuration (idempotent)
    Init,
    /// Validate config/; print every error with file:line, exit 1 if any
    CheckConfig,
    /// Daemon heartbeat, schema version, counts, calendar coverage, spool
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Deliver complaint files (JSON object, array, or .jsonl) into the spool atomically
    Submit {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Ingest complaints from the spool
    Intake {
        /// Process what is in spool/new once, then exit
        #[arg(long)]
        once: bool,
    },
    /// Complaints with regime, deadline, time left and status
    List {
        /// Only open complaints, soonest deadline first
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
    /// One complaint with its dispatches, arrivals, escalations and audit trail
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Log a field officer's arrival on site
    Arrive {
        id: i64,
        /// Officer id (see `gridwatch oncall`)
        #[arg(long)]
        officer: String,
        /// Arrival time as reported from the field: RFC 3339 or HH:MM today (default: now)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Why, when the arrival is logged more than 5 minutes after it happened
        #[arg(long)]
        note: Option<String>,
    },
    /// Dispatch a complaint to an officer
    Dispatch {
        id: i64,
        #[arg(long)]
        officer: String,
    },
    /// Escalate by hand (to the parent grid's leader on call unless --to)
    Escalate {
        id: i64,
        #[arg(long)]
        reason: String,
        /// Officer id to alert instead of the default
        #[arg(long)]
        to: Option<String>,
    },
    /// Close a complaint after the visit
    Resolve {
        id: i64,
        #[arg(long, value_enum)]
        outcome: OutcomeArg,
        #[arg(long)]
        note: Option<String>,
    },
    /// Who is on call now in every grid
    Oncall {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutcomeArg {
    ViolationConfirmed,
    Rectified,
    NoViolation,
    Referred,
    Other,
}

fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("'{s}' is not an RFC 3339 time like 2026-11-30T09:12:00+08:00"))
}

/// A command's failure: what to print, and whose fault it was.
#[derive(Debug)]
pub enum Failure {
    /// Exit 1: the input or the request was wrong; the message says how.
    User(String),
    /// Exit 2: something broke that the user did not cause.
    Internal(String),
    /// Exit 1 with several lines already printed (check-config).
    Reported,
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::User(_) | Failure::Reported => 1,
            Failure::Internal(_) => 2,
        }
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        if e.is_user_error() {
            Failure::User(e.to_string())
        } else {
            Failure::Internal(e.to_string())
        }
    }
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let ctx = Context::new(&cli);
    match cli.command {
        None => Err(Failure::User(
            "the dashboard (`gridwatch tui`) is not built yet; see `gridwatch --help`".into(),
        )),
        Some(cmd) => commands::run(ctx, cmd),
    }
}
