//! The command line (DESIGN.md §4.1): clap definitions, and the dispatch that
//! turns each command into library calls. Errors end here as one line on
//! stderr and an exit code: 0 ok, 1 the user's to fix, 2 ours.

#[macro_use]
mod out;
mod act;
mod calendar;
mod commands;
mod context;
mod drill;
mod escalations;
mod failures;
mod grids;
mod handover;
mod incident;
mod logging;
mod merge;
mod oncall;
mod report;
mod services;
mod setup;
mod show;
mod sources;
mod sources_import;
mod spool;
mod status;
mod view;
mod water;
mod words;

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
    /// Configuration directory (default ./config, else the embedded demo county)
    #[arg(long, global = true, env = "GRIDWATCH_CONFIG", value_name = "DIR")]
    pub config: Option<PathBuf>,
    /// Database: a SQLite file, as a path or sqlite:PATH (default: database.path in gridwatch.toml)
    #[arg(long, global = true, env = "GRIDWATCH_DB", value_name = "PATH")]
    pub db: Option<String>,
    /// Set by [`parse`]: `--db` came from GRIDWATCH_DB, so a bad value names it.
    #[arg(skip)]
    pub db_from_env: bool,
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
    /// The duty-room dashboard (the default when no command is given)
    Tui {
        /// Your officer id, shown as the acting person
        #[arg(long)]
        officer: Option<String>,
    },
    /// Everything at once on a fresh demo database: daemon, simulated complaints and field, dashboard
    #[command(
        after_help = "--now TIME is taken as --start TIME (give one of them).\n--db PATH puts the drill's database at PATH: a new file, kept after the drill (an existing file is refused). Without --db the database is in a scratch directory, removed on quit."
    )]
    Demo {
        /// Start the drill clock at this time (RFC 3339; default: --now if given, else now)
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        start: Option<DateTime<Utc>>,
        /// Drill clock speed (1 = real time; 60 = one minute per second)
        #[arg(long, default_value_t = 1.0)]
        speed: f64,
    },
    /// Create or upgrade the database and load the configuration (idempotent)
    Init,
    /// Validate config/; print every error with file:line, exit 1 if any; warnings exit 0
    CheckConfig {
        /// Fail (exit 1) on warnings too, e.g. a calendar about to run out
        #[arg(long)]
        strict: bool,
    },
    /// The holiday calendar: import a year's arrangement, or print one
    Calendar {
        #[command(subcommand)]
        action: CalendarCommand,
    },
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
    /// The intake daemon: live spool, Open311 endpoint, heartbeat, automatic escalation, alert hook
    Intake {
        /// Process what is in spool/new once, then exit
        #[arg(long)]
        once: bool,
        /// Address of the Open311 endpoint (default: http.bind in gridwatch.toml; port 0 picks a free port)
        #[arg(long, value_name = "ADDR")]
        bind: Option<std::net::SocketAddr>,
        /// Run without the HTTP endpoint
        #[arg(long, conflicts_with = "bind")]
        no_http: bool,
        /// Log file (default: gridwatch-intake.log beside the database)
        #[arg(long, value_name = "PATH")]
        log_file: Option<PathBuf>,
    },
    /// Complaints with regime, deadline, time left and status: newest received
    /// first; with --open in the dashboard's order
    List {
        /// Only open complaints, in the dashboard's order: unassigned first,
        /// then those waiting for an arrival by deadline (soonest first), then
        /// those reached; ties by id
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
        /// Show the reporter's phone in clear (leaves an audit record)
        #[arg(long)]
        reveal_phone: bool,
    },
    /// Log a field officer's arrival on site
    Arrive {
        id: i64,
        /// Officer id (see `gridwatch oncall`)
        #[arg(long)]
        officer: String,
        /// Arrival time as reported from the field: RFC 3339, YYYY-MM-DD HH:MM (local) or HH:MM today (default: now)
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
    /// Triage: set the grid of a complaint (moving one that has a grid needs --reason)
    Assign {
        id: i64,
        /// Grid id (see `gridwatch oncall`)
        #[arg(long)]
        grid: String,
        /// Why: required to move a complaint out of the grid it has
        #[arg(long)]
        reason: Option<String>,
    },
    /// Triage: reject a complaint nobody has reached yet
    Reject {
        id: i64,
        /// not-in-remit, insufficient-detail, or other words saying why (kept as `other`)
        #[arg(long, value_name = "REASON")]
        reason: String,
        /// More words, kept with the reason
        #[arg(long)]
        note: Option<String>,
    },
    /// Reopen a closed or rejected complaint
    Reopen {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// The grid tree: responsible people, township class, staffing
    /// shortfalls, and per grid open complaints, breaches this month,
    /// overdue patrols and active incidents (sub-grids included)
    Grids {
        #[arg(long)]
        json: bool,
    },
    /// Merge a duplicate into an earlier complaint: it becomes `merged`,
    /// still counts as a repeat, and keeps its history
    Merge {
        id: i64,
        /// The earlier complaint it duplicates
        #[arg(long, value_name = "ID2")]
        into: i64,
    },
    /// Who is on call in every grid now and next, with names and phones (roster.toml and the swaps recorded)
    Oncall {
        /// Another instant: RFC 3339, YYYY-MM-DD HH:MM (local) or HH:MM today
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Swap who is on call: one role of one grid's shift (default: the shift running now)
    Swap(oncall::SwapArgs),
    /// The shift handover sheet of everything open (Markdown on stdout), recorded
    /// as confirmed by the incoming officer who types the command
    #[command(
        after_help = "The console it is recorded at is GRIDWATCH_CONSOLE, else the host name: a dashboard there shows the incoming officer on duty."
    )]
    Handover {
        /// The outgoing officer's id
        #[arg(long, value_name = "OFFICER")]
        from: String,
        /// The incoming officer's id (who confirms by typing this command)
        #[arg(long, value_name = "OFFICER")]
        to: String,
        /// What the incoming shift must know beyond the sheet
        #[arg(long)]
        note: Option<String>,
        /// Print the sheet without recording the handover
        #[arg(long)]
        preview: bool,
        /// Also write the sheet to FILE (a new file: never over an existing one)
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The assessment table (考核) per grid over a period: complaints, arrivals on time, escalations, incidents, patrols (md, csv or json)
    #[command(
        after_help = "Example: gridwatch report --from 2026-07-01 --to 2026-09-30 (the quarter, per township).\nThe definitions of every figure are printed with the report and in the README."
    )]
    Report(report::Args),
    /// Emergency incidents: open one from a plan, its checklist, people, equipment and reports
    Incident {
        #[command(subcommand)]
        action: incident::IncidentAction,
    },
    /// Pollution sources with their patrol status: most overdue first, then
    /// overdue per township and per linked leader; `sources import FILE.csv`
    #[command(args_conflicts_with_subcommands = true)]
    Sources {
        #[command(subcommand)]
        action: Option<sources::SourcesCommand>,
        /// Only the sources overdue for inspection
        #[arg(long)]
        overdue: bool,
        #[arg(long)]
        json: bool,
    },
    /// Log an on-site inspection of a pollution source
    Inspect(sources::InspectArgs),
    /// Log a township visit with its work-log entry
    Visit(sources::VisitArgs),
    /// Outflow-section water quality per month against each section's
    /// target (GB 3838-2002); `water add`, `water import FILE.csv`
    #[command(args_conflicts_with_subcommands = true)]
    Water {
        #[command(subcommand)]
        action: Option<water::WaterCommand>,
        /// First day of the period (YYYY-MM-DD; default: the three whole months before this one)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day of the period, included (YYYY-MM-DD; default: the end of last month)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Read a CSV (date,kind[,name]; kind holiday|off|work|makeup_work; other
    /// columns ignored), check it, and write config/calendar/cn-YYYY.toml for
    /// each year in it; running daemons and consoles take it up
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print one year's holidays and make-up working days
    Show { year: i32 },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutcomeArg {
    /// The console writes outcomes with underscores (`violation_confirmed`): both are taken.
    #[value(alias = "violation_confirmed")]
    ViolationConfirmed,
    Rectified,
    #[value(alias = "no_violation")]
    NoViolation,
    Referred,
    Other,
}

/// Parse the command line of this process; [`Cli::db_from_env`] says
/// whether `--db` was given or came from GRIDWATCH_DB.
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let matches = Cli::command().try_get_matches()?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    cli.db_from_env = matches.value_source("db") == Some(clap::parser::ValueSource::EnvVariable);
    Ok(cli)
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
    /// The output pipe closed (`gridwatch list | head -1`): stop quietly, exit 0.
    PipeClosed,
    /// A store failure, put into words by [`run`] where the database path is known.
    Store(crate::store::StoreError),
    /// An operation refused, put into words by [`run`] in the interface language.
    Op(crate::ops::OpError),
}

impl From<crate::daemon::DaemonError> for Failure {
    fn from(e: crate::daemon::DaemonError) -> Self {
        match e {
            crate::daemon::DaemonError::Store(e) => Failure::Store(e),
            other if other.is_user_error() => Failure::User(other.to_string()),
            other => Failure::Internal(other.to_string()),
        }
    }
}

impl From<crate::tui::TuiError> for Failure {
    fn from(e: crate::tui::TuiError) -> Self {
        if e.is_user_error() {
            Failure::User(e.to_string())
        } else {
            Failure::Internal(e.to_string())
        }
    }
}

impl From<crate::ops::OpError> for Failure {
    fn from(e: crate::ops::OpError) -> Self {
        match e {
            crate::ops::OpError::Store(e) => Failure::Store(e),
            other => Failure::Op(other),
        }
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        Failure::Store(e)
    }
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::User(_) | Failure::Reported => 1,
            Failure::Internal(_) => 2,
            Failure::PipeClosed => 0,
            Failure::Op(e) => {
                if e.is_user_error() {
                    1
                } else {
                    2
                }
            }
            Failure::Store(e) => {
                if e.is_user_error() {
                    1
                } else {
                    2
                }
            }
        }
    }

    /// The one line to print on stderr, if any ([`run`] has put it into words).
    pub fn message(&self) -> Option<String> {
        match self {
            Failure::User(msg) | Failure::Internal(msg) => Some(msg.clone()),
            Failure::Store(e) => Some(e.to_string()),
            Failure::Op(e) => Some(e.to_string()),
            Failure::Reported | Failure::PipeClosed => None,
        }
    }
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let db = context::db_location(&cli)?;
    let _log_guard = logging::init(&cli, db.as_deref());
    let ctx = Context::new(&cli, db);
    // No command: the dashboard, as `--help` and the README say.
    let cmd = cli.command.unwrap_or(Command::Tui { officer: None });
    commands::run(ctx.clone(), cmd).map_err(|f| failures::worded(&ctx, f))
}
