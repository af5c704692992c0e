//! The clap definitions of `gridwatch incident …` (DESIGN.md §4.1, issue #10
//! item 9). Only the shape of the command line: what the values mean and
//! which combinations are refused is decided in `parse`.

use clap::{Args, Subcommand};

/// `gridwatch incident <action>`.
#[derive(Debug, Subcommand)]
pub enum IncidentAction {
    /// Open an incident from a plan (see `gridwatch incident plans`), on its own or from a complaint
    #[command(
        after_help = "The six questions (--drinking-water … --bureau-decides) are asked only while the level is unknown: one yes applies the I/II deadlines."
    )]
    Open {
        /// Plan id (see `gridwatch incident plans`), e.g. water-pollution
        #[arg(long)]
        plan: String,
        /// Grid id (default: the complaint's grid with --from-complaint)
        #[arg(long)]
        grid: Option<String>,
        /// I, II, III, IV or unknown
        #[arg(long, value_name = "LEVEL")]
        level: String,
        /// The complaint it grew from: discovered at its received time, at its address
        #[arg(long, value_name = "ID")]
        from_complaint: Option<i64>,
        /// Open another incident from a complaint that already has one open
        /// (refused without it, naming that incident)
        #[arg(long, requires = "from_complaint")]
        again: bool,
        /// When it was discovered: RFC 3339, YYYY-MM-DD HH:MM or HH:MM today (local time; default: the complaint's received time, else now)
        #[arg(long, value_name = "TIME")]
        discovered: Option<String>,
        /// A drill: marked everywhere, kept out of statistics
        #[arg(long)]
        drill: bool,
        /// Where it is (default: the complaint's address)
        #[arg(long, value_name = "TEXT")]
        place: Option<String>,
        /// What is known so far
        #[arg(long, value_name = "TEXT")]
        summary: Option<String>,
        #[command(flatten)]
        questions: QuestionFlags,
    },
    /// Incidents: open ones first, the next step due soonest first
    List {
        /// Only active and stable ones
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
    /// One incident: checklist, personnel, equipment, reports, facts, timeline
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// A step of the checklist: `step ID N --done [--note T] | --undo | --skip REASON`,
    /// or `step ID add TEXT --due TIME [--role R]`
    Step {
        id: i64,
        /// The step's number, or `add`
        #[arg(value_name = "N|add")]
        what: String,
        /// The text of an added step
        #[arg(value_name = "TEXT")]
        text: Option<String>,
        /// Done (by you, now)
        #[arg(long, group = "change")]
        done: bool,
        /// A note with --done
        #[arg(long, value_name = "TEXT", requires = "done")]
        note: Option<String>,
        /// Ticked by mistake: open again
        #[arg(long, group = "change")]
        undo: bool,
        /// Not needed here, and why
        #[arg(long, value_name = "REASON", group = "change")]
        skip: Option<String>,
        /// When an added step is due: +30 / +30m (minutes from now), +2h (hours from now),
        /// HH:MM (its next occurrence: tomorrow if already past today), YYYY-MM-DD HH:MM or
        /// RFC 3339 (not before now)
        #[arg(long, value_name = "TIME")]
        due: Option<String>,
        /// Who does an added step: one of the plan's roles
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
    },
    /// Assign an officer to a role, or move an assignment on
    /// (requested → notified → en-route → on-scene → released; forward only)
    Assign {
        id: i64,
        /// Officer id (see `gridwatch oncall`)
        #[arg(long)]
        officer: String,
        /// One of the plan's roles (see `gridwatch incident plans`)
        #[arg(long)]
        role: String,
        /// requested, notified, en-route, on-scene or released (default: requested)
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
    },
    /// Equipment or materials: requested, dispatched from a depot, or returned to it
    Equip {
        id: i64,
        /// Item id (see `gridwatch incident plans`)
        item: String,
        #[arg(long, value_name = "N", group = "movement")]
        requested: Option<u32>,
        #[arg(long, value_name = "N", group = "movement")]
        dispatched: Option<u32>,
        #[arg(long, value_name = "N", group = "movement")]
        returned: Option<u32>,
        /// Depot id (see `gridwatch incident plans`). Without it, a dispatch takes a depot
        /// that holds enough, the nearest in the grid tree (the incident's grid, its township's,
        /// the city's), then by id; a return goes back to
        /// the one depot the item is out from. The answer says which depot was chosen.
        #[arg(long, value_name = "DEPOT")]
        depot: Option<String>,
    },
    /// The level changed or became known: due times follow it
    Level {
        id: i64,
        /// I, II, III, IV or unknown
        #[arg(value_name = "LEVEL")]
        level: String,
        #[command(flatten)]
        questions: QuestionFlags,
    },
    /// active ↔ stable
    Status {
        id: i64,
        /// stable or active
        #[arg(value_name = "stable|active")]
        status: String,
    },
    /// Close an incident (the final report's countdown starts)
    Close { id: i64 },
    /// Reopen a closed incident
    Reopen {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Facts for the reports, as they become known
    Facts {
        id: i64,
        /// Cause and nature
        #[arg(long, value_name = "TEXT")]
        cause: Option<String>,
        /// Course of events
        #[arg(long, value_name = "TEXT")]
        course: Option<String>,
        /// Main pollutants and quantities
        #[arg(long, value_name = "TEXT")]
        pollutants: Option<String>,
        /// Monitoring data
        #[arg(long, value_name = "TEXT")]
        monitoring: Option<String>,
        /// Casualties
        #[arg(long, value_name = "TEXT")]
        casualties: Option<String>,
        /// Impact on drinking water and sensitive receptors
        #[arg(long, value_name = "TEXT")]
        impact: Option<String>,
        /// Trend
        #[arg(long, value_name = "TEXT")]
        trend: Option<String>,
    },
    /// Print a report's draft (Markdown); with --sent --to, record it as sent
    Report {
        id: i64,
        /// initial, follow-up or final
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// Record that this report was sent (by you, now)
        #[arg(long, requires = "to")]
        sent: bool,
        /// To whom it was sent
        #[arg(long, value_name = "WHOM", requires = "sent")]
        to: Option<String>,
    },
    /// The plans (steps, roles, equipment) and the depots with their stock now
    Plans {
        #[arg(long)]
        json: bool,
    },
}

/// The six questions asked while the level is unknown.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct QuestionFlags {
    /// Unknown level: a drinking-water source affected or threatened
    #[arg(long)]
    pub drinking_water: bool,
    /// Unknown level: residents, schools, hospitals or other sensitive people involved
    #[arg(long)]
    pub sensitive_people: bool,
    /// Unknown level: heavy metals or metalloids
    #[arg(long)]
    pub heavy_metals: bool,
    /// Unknown level: may cross a provincial or national border
    #[arg(long)]
    pub cross_border: bool,
    /// Unknown level: a mass incident or a large public impact
    #[arg(long)]
    pub mass_impact: bool,
    /// Unknown level: the bureau decides to treat it as grave
    #[arg(long)]
    pub bureau_decides: bool,
}
