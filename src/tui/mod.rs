//! The duty-room dashboard.
//!
//! Owns: the event loop (`tokio::select!` over terminal events, a 1 s
//! countdown tick, store messages and notification reports), the terminal's
//! setup and its restoration on quit, error and panic. The loop only performs
//! effects and redraws when something changed.
//!
//! The modules:
//! - `state`: what the console knows and shows, one state per screen inside;
//! - `screens`: one module per screen (Dashboard, Complaints, Audit) with its
//!   state and how it derives its rows; `Screen::ALL` lists them (Incidents
//!   also holds the incident view's section and cursors);
//! - `keymap`: the `Action`s and the one key table that both key resolution
//!   and the help read;
//! - `update`: events into state changes and effects, no IO;
//! - `view`: drawing as a pure function of the state: the frame around the
//!   screens, each screen's body (`view::screens`), overlays, and the regions
//!   the screens draw with;
//! - `form`: the action forms;
//! - `incident`: the incident view's data and the incident actions (#10);
//! - `report`: the report draft overlay and saving a draft to a file;
//! - `handover`: the shift handover overlay and who is on duty here (#11);
//! - `alerts`: escalations and new complaints as banners, and their words;
//! - `data`: the thread that owns the database;
//! - `notify`: desktop notifications, off the UI task.

pub mod alerts;
pub mod data;
pub mod duty;
pub mod effect;
mod error;
pub mod form;
pub mod handover;
pub mod incident;
mod incident_words;
pub mod keymap;
pub mod notify;
pub mod report;
pub mod screens;
pub mod sources;
pub mod state;
pub mod update;
pub mod view;
pub mod words;

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{Event, EventStream, KeyEventKind};
use futures::StreamExt;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::clock::SharedClock;
use crate::config::Config;
use crate::domain::Actor;
use crate::i18n::Lang;
use crate::store::SqliteStore;
pub use error::TuiError;
use state::State;
use update::{Effect, Msg, update};

/// Everything a console needs from outside.
pub struct Console {
    pub config: Arc<Config>,
    pub store: SqliteStore,
    pub clock: SharedClock,
    pub actor: Actor,
    pub lang: Lang,
    pub officer: Option<String>,
    /// This console's name for shift handovers (`GRIDWATCH_CONSOLE`, else the host).
    pub station: String,
    pub show: notify::ShowFn,
}

/// Run the dashboard until the user quits or `shutdown` is cancelled.
pub async fn run(console: Console, shutdown: CancellationToken) -> Result<(), TuiError> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(TuiError::NoTerminal);
    }
    let Console {
        config,
        store,
        clock,
        actor,
        lang,
        officer,
        station,
        show,
    } = console;
    let database = store.path().to_path_buf();
    let (data_tx, mut data_rx) = mpsc::unbounded_channel();
    let commands = data::spawn(
        store,
        config.clone(),
        clock.clone(),
        actor,
        config.settings.poll_interval,
        data_tx,
    )
    .map_err(TuiError::StoreThread)?;
    let (fail_tx, mut fail_rx) = mpsc::unbounded_channel();
    let notifier = notify::Notifier::new(show, Duration::from_secs(3), fail_tx);
    let mut state = State::new(config.clone(), lang, clock.mode(), clock.now(), officer);
    state.database = Some(database);
    state.clock_speed = clock.speed();
    state.duty.station = station;

    let mut terminal = ratatui::try_init().map_err(TuiError::Setup)?;
    let result = async {
        let mut events = EventStream::new();
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut dirty = true;
        let mut watching = None;
        let mut watching_incident = None;
        loop {
            if dirty {
                terminal
                    .draw(|f| f.render_widget(&state, f.area()))
                    .map_err(TuiError::Draw)?;
                dirty = false;
            }
            let msg = tokio::select! {
                _ = shutdown.cancelled() => break,
                ev = events.next() => match ev {
                    Some(Ok(Event::Key(k))) if k.kind != KeyEventKind::Release => Msg::Key(k),
                    Some(Ok(Event::Resize(..))) => { dirty = true; continue }
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => return Err(TuiError::Read(e)),
                    None => break,
                },
                _ = tick.tick() => Msg::Tick(clock.now()),
                Some(m) = data_rx.recv() => Msg::Data(m),
                Some(why) = fail_rx.recv() => Msg::NotifyUnavailable(why),
            };
            let mut effects = update(&mut state, msg);
            // Coalesce a burst of store messages into one redraw.
            while let Ok(m) = data_rx.try_recv() {
                effects.extend(update(&mut state, Msg::Data(m)));
            }
            for e in effects {
                match e {
                    Effect::Write(cmd) => {
                        if commands.send(data::Request::Perform(cmd)).is_err() {
                            return Err(TuiError::StoreStopped);
                        }
                    }
                    Effect::ActAs(name) => {
                        if commands.send(data::Request::ActAs(name)).is_err() {
                            return Err(TuiError::StoreStopped);
                        }
                    }
                    Effect::Bell => {
                        let _ = std::io::stdout().write_all(b"\x07");
                        let _ = std::io::stdout().flush();
                    }
                    Effect::Notify { title, body } => notifier.notify(title, body),
                    // A draft saved here, in the console's working directory.
                    Effect::SaveDraft { name, text } => {
                        let (dir, result) = match std::env::current_dir() {
                            Ok(dir) => {
                                let r = report::save(&dir, &name, &text);
                                (dir, r)
                            }
                            Err(e) => (std::path::PathBuf::from("."), Err(e)),
                        };
                        update(&mut state, Msg::DraftSaved { dir, result });
                    }
                }
            }
            // The open detail's trail is kept fresh by the store task.
            if state.watching() != watching {
                watching = state.watching();
                if commands.send(data::Request::Watch(watching)).is_err() {
                    return Err(TuiError::StoreStopped);
                }
            }
            // So is the open incident's detail.
            if state.watching_incident() != watching_incident {
                watching_incident = state.watching_incident();
                let ask = data::Request::WatchIncident(watching_incident);
                if commands.send(ask).is_err() {
                    return Err(TuiError::StoreStopped);
                }
            }
            dirty = true;
            if state.quit {
                break;
            }
        }
        Ok(())
    }
    .await;
    // A terminal that is gone (a closed window, a dropped SSH session)
    // cannot be restored, and ratatui says so with `eprintln!`, which panics
    // on the dead terminal; the panic hook's second try aborts, before
    // `demo` removes its scratch directory. Restore quietly, or let go.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
    let _ = ratatui::try_restore();
    result
}
