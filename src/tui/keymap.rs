//! One vocabulary for intent: the [`Action`]s a duty officer can take, the
//! keys bound to them with a description each, and the pure function that
//! resolves a key in the normal mode. The help overlay is generated from the
//! same table, so it can never disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Serialize;

use crate::i18n::T;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Up,
    Down,
    ToggleDetail,
    Arrive,
    Dispatch,
    Escalate,
    NewComplaint,
    Resolve,
    Filter,
    Sort,
    RevealPhone,
    Ack,
    NextScreen,
    Screen(u8),
    Help,
    Quit,
}

/// A key as the help shows it, and what it does.
pub struct Binding {
    pub keys: &'static str,
    pub action: Action,
    pub help: T,
}

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: "↑ k",
        action: Action::Up,
        help: T::KeyUp,
    },
    Binding {
        keys: "↓ j",
        action: Action::Down,
        help: T::KeyDown,
    },
    Binding {
        keys: "Enter",
        action: Action::ToggleDetail,
        help: T::KeyDetail,
    },
    Binding {
        keys: "a",
        action: Action::Arrive,
        help: T::KeyArrive,
    },
    Binding {
        keys: "d",
        action: Action::Dispatch,
        help: T::KeyDispatch,
    },
    Binding {
        keys: "e",
        action: Action::Escalate,
        help: T::KeyEscalate,
    },
    Binding {
        keys: "n",
        action: Action::NewComplaint,
        help: T::KeyNew,
    },
    Binding {
        keys: "r",
        action: Action::Resolve,
        help: T::KeyResolve,
    },
    Binding {
        keys: "/",
        action: Action::Filter,
        help: T::KeyFilter,
    },
    Binding {
        keys: "p",
        action: Action::RevealPhone,
        help: T::KeyReveal,
    },
    Binding {
        keys: "s",
        action: Action::Sort,
        help: T::KeySort,
    },
    Binding {
        keys: "x",
        action: Action::Ack,
        help: T::KeyAck,
    },
    Binding {
        keys: "Tab",
        action: Action::NextScreen,
        help: T::KeyNextScreen,
    },
    Binding {
        keys: "1 2 3",
        action: Action::Screen(1),
        help: T::KeyScreen,
    },
    Binding {
        keys: "?",
        action: Action::Help,
        help: T::KeyHelp,
    },
    Binding {
        keys: "q",
        action: Action::Quit,
        help: T::KeyQuit,
    },
];

/// The action of a key in the normal mode (forms and prompts read keys themselves).
pub fn resolve(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Enter => Action::ToggleDetail,
        KeyCode::Char('a') => Action::Arrive,
        KeyCode::Char('d') => Action::Dispatch,
        KeyCode::Char('e') => Action::Escalate,
        KeyCode::Char('n') => Action::NewComplaint,
        KeyCode::Char('r') => Action::Resolve,
        KeyCode::Char('/') => Action::Filter,
        KeyCode::Char('s') => Action::Sort,
        KeyCode::Char('p') => Action::RevealPhone,
        KeyCode::Char('x') => Action::Ack,
        KeyCode::Tab => Action::NextScreen,
        KeyCode::Char(c @ '1'..='3') => Action::Screen(c as u8 - b'0'),
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_binding_in_the_help() {
        use Action::*;
        let all = [
            Up,
            Down,
            ToggleDetail,
            Arrive,
            Dispatch,
            Escalate,
            NewComplaint,
            Resolve,
            Filter,
            Sort,
            RevealPhone,
            Ack,
            NextScreen,
            Screen(1),
            Help,
            Quit,
        ];
        for a in all {
            assert!(
                BINDINGS.iter().any(|b| b.action == a),
                "{a:?} has no binding, so `?` would not show it"
            );
        }
    }

    #[test]
    fn every_binding_resolves_to_its_action() {
        for b in BINDINGS {
            let first = b.keys.split_whitespace().next().unwrap();
            let code = match first {
                "↑" => KeyCode::Up,
                "↓" => KeyCode::Down,
                "Enter" => KeyCode::Enter,
                "Tab" => KeyCode::Tab,
                s => KeyCode::Char(s.chars().next().unwrap()),
            };
            assert_eq!(
                resolve(KeyEvent::new(code, KeyModifiers::NONE)),
                Some(b.action),
                "{}",
                b.keys
            );
        }
    }
}
