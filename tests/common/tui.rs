//! A console driven by key strings on a real database, on a fixed clock:
//! keys go through `update`, writes through the same store path as the CLI,
//! the store is re-read and the screen rendered into a buffer.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gridwatch::clock::ClockMode;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::Actor;
use gridwatch::i18n::Lang;
use gridwatch::ops::perform;
use gridwatch::store::{Durability, SqliteStore};
use gridwatch::tui::data::{DataMsg, Reader};
use gridwatch::tui::state::State;
use gridwatch::tui::update::{Effect, Msg, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::Room;

pub struct Console {
    /// Shared by every console of the same room (see [`Console::another`]).
    pub room: std::rc::Rc<Room>,
    /// Who this console's actions are recorded as.
    pub actor: Actor,
    pub store: SqliteStore,
    pub reader: Reader,
    pub state: State,
    pub effects: Vec<Effect>,
    /// The statistics' per-day tallies (#12), as the store thread keeps them.
    pub stats: gridwatch::board::stats_feed::StatsFeed,
}

/// Parse `"a<enter>/T03<enter><esc>"` into keys.
pub fn keys(s: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>') {
                let name = &rest[1..end];
                let code = match name {
                    "enter" => KeyCode::Enter,
                    "esc" => KeyCode::Esc,
                    "tab" => KeyCode::Tab,
                    "backtab" => KeyCode::BackTab,
                    "up" => KeyCode::Up,
                    "down" => KeyCode::Down,
                    "left" => KeyCode::Left,
                    "right" => KeyCode::Right,
                    "bs" => KeyCode::Backspace,
                    "pgup" => KeyCode::PageUp,
                    "pgdn" => KeyCode::PageDown,
                    "home" => KeyCode::Home,
                    "end" => KeyCode::End,
                    // Ctrl and a letter: `<c-u>`.
                    ctrl if ctrl.starts_with("c-") && ctrl.len() == 3 => {
                        let c = ctrl.chars().nth(2).unwrap();
                        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
                        rest = &rest[end + 1..];
                        continue;
                    }
                    other => panic!("unknown key <{other}>"),
                };
                out.push(KeyEvent::new(code, KeyModifiers::NONE));
                rest = &rest[end + 1..];
                continue;
            }
        }
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    out
}

impl Console {
    pub fn new(room: Room, lang: Lang, now: DateTime<Utc>) -> Console {
        Console::open(std::rc::Rc::new(room), "tester", "tui:test", lang, now)
    }

    /// A second console on the same room's database, as another duty officer.
    pub fn another(&self, actor: &str, lang: Lang) -> Console {
        let console = format!("tui:{actor}");
        Console::open(self.room.clone(), actor, &console, lang, self.state.now)
    }

    fn open(
        room: std::rc::Rc<Room>,
        actor: &str,
        console: &str,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Console {
        let config = Arc::new(Config::load(ConfigSource::Dir(room.path("config"))).unwrap());
        let store = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
        let stats = gridwatch::board::stats_feed::StatsFeed::new(&config);
        let state = State::new(config, lang, ClockMode::Fixed, now, None);
        let mut c = Console {
            room,
            actor: Actor::new(actor, console, ClockMode::Fixed),
            store,
            reader: Reader::new(),
            state,
            effects: Vec::new(),
            stats,
        };
        c.refresh();
        c
    }

    /// Re-read the store, as the store thread does after a commit.
    pub fn refresh(&mut self) {
        let now = self.state.now;
        // The boards of the grid at work (#11), as the store thread reads them.
        let boards = gridwatch::board::Boards::load(&self.store, &self.state.config, now).unwrap();
        self.stats.set_sources(&boards.sources);
        if let Some(b) = self
            .stats
            .refresh(&self.store, &self.state.config, now)
            .unwrap()
        {
            update(&mut self.state, Msg::Data(DataMsg::Stats(Box::new(b))));
        }
        update(
            &mut self.state,
            Msg::Data(DataMsg::Boards(Box::new(boards))),
        );
        if let Some((snap, news)) = self
            .reader
            .refresh(&self.store, &self.state.config, now, true)
            .unwrap()
        {
            update(
                &mut self.state,
                Msg::Data(DataMsg::Snapshot(Box::new(snap))),
            );
            for n in news {
                self.effects
                    .extend(update(&mut self.state, Msg::Data(DataMsg::News(n))));
            }
            self.sync_trail();
        }
    }

    /// Read the open detail's trail, as the store thread does when the
    /// watched complaint changes or the database did.
    pub fn sync_trail(&mut self) {
        if let Some(id) = self.state.watching() {
            let entries = gridwatch::store::AuditLog::audit_of_complaint(&self.store, id).unwrap();
            update(&mut self.state, Msg::Data(DataMsg::Trail { id, entries }));
        }
        // And the open incident's detail, as the store thread keeps it.
        if let Some(id) = self.state.watching_incident() {
            let data =
                gridwatch::tui::data::read_incident(&self.store, &self.state.config, id).unwrap();
            update(
                &mut self.state,
                Msg::Data(DataMsg::Incident(Box::new(data))),
            );
        }
    }

    /// Type keys; writes are executed and the store re-read after each key.
    pub fn press(&mut self, s: &str) {
        for k in keys(s) {
            let fx = update(&mut self.state, Msg::Key(k));
            for e in fx {
                match e {
                    Effect::Write(cmd) => {
                        let r = perform(
                            &mut self.store,
                            &self.state.config,
                            &self.actor,
                            self.state.now,
                            cmd,
                        );
                        for e in update(&mut self.state, Msg::Data(DataMsg::Done(r))) {
                            // As the store thread does: the console acts as
                            // the incoming officer of a handover from now on.
                            if let Effect::ActAs(name) = &e {
                                self.actor = self.actor.clone().with_name(name.clone());
                            }
                            self.effects.push(e);
                        }
                        self.refresh();
                    }
                    other => self.effects.push(other),
                }
            }
            self.sync_trail();
        }
    }

    pub fn tick(&mut self, now: DateTime<Utc>) {
        update(&mut self.state, Msg::Tick(now));
        self.refresh();
    }

    pub fn render(&self, w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        (&self.state).render(buf.area, &mut buf);
        buf
    }

    /// The screen as text, one line per row (wide characters once).
    pub fn text(&self, w: u16, h: u16) -> String {
        screen_text(&self.render(w, h))
    }
}

pub fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A stable digest of every cell's style (FNV-1a), so colour changes show in snapshots.
pub fn style_digest(buf: &Buffer) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            for b in format!("{:?}{:?}{:?}", c.fg, c.bg, c.modifier).bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x100000001b3);
            }
        }
    }
    format!("{h:016x}")
}
