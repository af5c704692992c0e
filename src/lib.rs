//! # gridwatch — the duty-room console of a city environmental bureau
//!
//! ## Terms
//! - **grid** (网格): a node of the four-level tree (city, township/zone, village,
//!   enterprise group) with responsible people.
//! - **complaint** (举报件): one pollution report from any channel, with an
//!   arrival **deadline** frozen at intake from its **regime** (`workday_day`
//!   30 min, `off_hours` 60 min).
//! - **arrival** (到场): a field officer reached the site.
//! - **escalation**: someone above was alerted (automatic stage or manual);
//!   a stage already overtaken by a later one when first due is **skipped**.
//! - **alert**: an escalation or a new complaint as a console banner, until
//!   someone **acknowledges** it (once, for every console).
//! - **on call** (值班/带班): the officers a roster names for a grid at an instant.
//!
//! ## Crate map
//! ```text
//!   domain    pure rules and values: calendar/regime, status machine and its
//!             sets, grids, roster, repeats, escalation stages and targets;
//!             the records every layer passes (complaints, actors, audit
//!             entries, changes) — no IO, no clock reads
//!     ^
//!   config    load + validate config/ (every error with file:line) -> Config;
//!             where the database is (a path or sqlite:PATH)
//!     ^
//!   store     one trait per concern (Complaints, Figures, Actions, AuditLog
//!             and its change feed, Escalations, Alerts, Intake, Heartbeats) and one
//!             error type; `store::sqlite` the one backend, the only
//!             rusqlite user: schema, migrations, SQL
//!     ^
//!   ops       every action once: a complaint's input checked and prepared;
//!             Command -> perform -> typed Outcome, for every front end
//!     ^
//!   intake    the spool, the one writer that commits files and POSTs in
//!             groups, the Open311 endpoint (XML and JSON) and its listener
//!   alert     escalation evaluation, the command hook
//!   board     read models of the grid at work: on call, grids, sources and
//!             patrols, the handover sheet (loaded from store + config)
//!   report    reports made from the record: an incident's upward report
//!             drafts in Markdown (pure)
//!   tui       the dashboard: state, screens, update, view, keymap, store thread
//!     ^
//!   daemon    wires intake + alert into `gridwatch intake`; periodic jobs
//!   demo      scratch database + daemon + simulated public and field + dashboard
//!   cli       clap commands; main.rs only parses and exits
//! ```
//! Shared leaves: `clock` (real, fixed, drill, paused-tokio time), `text`
//! (the one sanitiser, cell widths, countdowns), `i18n` (every UI string in
//! English and Chinese), `health` (what is failing, said once; back-off),
//! `sys` (the few Linux calls std lacks: rename without replacing, flock,
//! descriptor limits, the host name). Dependencies point up this list only; `domain` takes
//! `now` as an argument and everything else takes a [`clock::Clock`].

pub mod alert;
pub mod board;
pub mod cli;
pub mod clock;
pub mod config;
pub mod daemon;
pub mod demo;
pub mod domain;
pub mod health;
pub mod i18n;
pub mod intake;
pub mod ops;
pub mod report;
pub mod store;
pub mod sys;
pub mod text;
pub mod tui;
pub mod words;
