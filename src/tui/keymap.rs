//! One vocabulary for intent: the [`Action`]s a duty officer can take, and
//! one table, [`BINDINGS`], of the keys bound to them with a description
//! each. The pure function that resolves a key in the normal mode and the
//! help overlay both read that table, so they can never disagree. The screen
//! digits come from `Screen::ALL`.

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Serialize;

use super::screens::Screen;
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
    /// Triage: set the grid (`g`), reject (`R`), reopen (`o`).
    Assign,
    Reject,
    Reopen,
    Filter,
    Sort,
    RevealPhone,
    /// Acknowledge the top banner's alert, for every console.
    Ack,
    /// Acknowledge every banner's alert, for every console.
    AckAll,
    NextScreen,
    Screen(u8),
    Help,
    /// Close the detail, else clear the filter; never quits.
    Back,
    Quit,
    // Emergency incidents (#10): `i` on a complaint or the Incidents
    // screen; the rest act in the incident view.
    OpenIncident,
    /// The incident view of the most urgent active incident (again: the next).
    ShowIncident,
    SectionNext,
    SectionPrevious,
    ToggleStep,
    SkipStep,
    AddStep,
    AssignPerson,
    AdvancePerson,
    DispatchItem,
    ReturnItem,
    SetLevel,
    StableActive,
    CloseIncident,
    ReopenIncident,
    ReportSent,
    /// The report draft overlay of the incident in view.
    ReportDraft,
    /// Merge the selected complaint into an earlier one (#11).
    Merge,
    // Patrols (#11): inspect the selected source, log a township visit.
    Inspect,
    Visit,
    /// The shift handover overlay (#11).
    Handover,
    // Scrolling the Audit screen by pages and to its ends (#11 fixes).
    PageUp,
    PageDown,
    First,
    Last,
    /// The Statistics screen's window: today, 7 days, 30 days (#12).
    StatWindow,
}

/// A key a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key without Ctrl; other modifiers do not matter (terminals
    /// disagree on reporting Shift).
    Plain(KeyCode),
    /// This key with Ctrl held.
    Ctrl(KeyCode),
    /// The digit `n` of a screen, 1 ..= `Screen::ALL.len()`: `Action::Screen(n)`.
    ScreenDigit,
}

/// How the help names a binding's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Text(&'static str),
    /// The digits of every screen in [`Screen::ALL`], as `1…9`.
    ScreenDigits,
}

/// Keys, what they do, and how the help shows them.
pub struct Binding {
    pub keys: &'static [Key],
    pub label: Label,
    /// For [`Key::ScreenDigit`], the digit `n` gives `Screen(n)` instead.
    pub action: Action,
    pub help: T,
}

impl Binding {
    /// The keys as the help lists them.
    pub fn label(&self) -> Cow<'static, str> {
        match self.label {
            Label::Text(s) => Cow::Borrowed(s),
            // "1…9": nine digits in a row do not fit the key column.
            Label::ScreenDigits => format!("1…{}", Screen::ALL.len()).into(),
        }
    }

    /// What this binding does for `key`, if `key` is one of its keys.
    pub fn answer(&self, key: KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        self.keys.iter().find_map(|k| match *k {
            Key::Plain(code) if !ctrl && code == key.code => Some(self.action),
            Key::Ctrl(code) if ctrl && code == key.code => Some(self.action),
            Key::ScreenDigit if !ctrl => screen_digit(key.code).map(Action::Screen),
            _ => None,
        })
    }
}

/// The screen number `n` a digit key names, if there is an `n`-th screen.
fn screen_digit(code: KeyCode) -> Option<u8> {
    let KeyCode::Char(c) = code else {
        return None;
    };
    let n = u8::try_from(c.to_digit(10)?).ok()?;
    Screen::nth(n).map(|_| n)
}

/// A character key.
const fn ch(c: char) -> Key {
    Key::Plain(KeyCode::Char(c))
}

const fn bind(keys: &'static [Key], label: &'static str, action: Action, help: T) -> Binding {
    Binding {
        keys,
        label: Label::Text(label),
        action,
        help,
    }
}

/// Every binding of the normal mode, in the order the help lists them.
/// Ctrl-C quits too without being listed.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(&[Key::Plain(KeyCode::Up), ch('k')], "↑ k", Action::Up, T::KeyUp),
    bind(&[Key::Plain(KeyCode::Down), ch('j')], "↓ j", Action::Down, T::KeyDown),
    bind(&[Key::Plain(KeyCode::Enter)], "Enter", Action::ToggleDetail, T::KeyDetail),
    bind(&[ch('a')], "a", Action::Arrive, T::KeyArrive),
    bind(&[ch('d')], "d", Action::Dispatch, T::KeyDispatch),
    bind(&[ch('e')], "e", Action::Escalate, T::KeyEscalate),
    bind(&[ch('n')], "n", Action::NewComplaint, T::KeyNew),
    bind(&[ch('r')], "r", Action::Resolve, T::KeyResolve),
    bind(&[ch('g')], "g", Action::Assign, T::KeyAssign),
    bind(&[ch('R')], "R", Action::Reject, T::KeyReject),
    bind(&[ch('o')], "o", Action::Reopen, T::KeyReopen),
    bind(&[ch('/')], "/", Action::Filter, T::KeyFilter),
    bind(&[ch('p')], "p", Action::RevealPhone, T::KeyReveal),
    bind(&[ch('s')], "s", Action::Sort, T::OnCallKeySortOrSwap),
    bind(&[ch('x')], "x", Action::Ack, T::KeyAck),
    bind(&[ch('X')], "X", Action::AckAll, T::KeyAckAll),
    bind(&[Key::Plain(KeyCode::Tab)], "Tab", Action::NextScreen, T::KeyNextScreen),
    Binding { keys: &[Key::ScreenDigit], label: Label::ScreenDigits, action: Action::Screen(1), help: T::KeyScreen },
    bind(&[ch('?')], "?", Action::Help, T::KeyHelp),
    bind(&[Key::Plain(KeyCode::Esc)], "Esc", Action::Back, T::KeyBack),
    bind(&[ch('q'), Key::Ctrl(KeyCode::Char('c'))], "q", Action::Quit, T::KeyQuit),
    // --- incidents (#10) ---
    bind(&[ch('i')], "i", Action::OpenIncident, T::IncUiKeyOpen),
    bind(&[ch('I')], "I", Action::ShowIncident, T::IncUiKeyShow),
    bind(&[Key::Plain(KeyCode::Right)], "→", Action::SectionNext, T::IncUiKeySectionNext),
    bind(&[Key::Plain(KeyCode::Left)], "←", Action::SectionPrevious, T::IncUiKeySectionPrevious),
    bind(&[ch(' ')], "Space", Action::ToggleStep, T::IncUiKeyToggle),
    bind(&[ch('S')], "S", Action::SkipStep, T::IncUiKeySkip),
    bind(&[ch('+')], "+", Action::AddStep, T::IncUiKeyAddStep),
    bind(&[ch('A')], "A", Action::AssignPerson, T::IncUiKeyAssign),
    bind(&[ch('>')], ">", Action::AdvancePerson, T::IncUiKeyAdvance),
    bind(&[ch('D')], "D", Action::DispatchItem, T::IncUiKeyDispatch),
    bind(&[ch('B')], "B", Action::ReturnItem, T::IncUiKeyReturn),
    bind(&[ch('L')], "L", Action::SetLevel, T::IncUiKeyLevel),
    bind(&[ch('t')], "t", Action::StableActive, T::IncUiKeyStable),
    bind(&[ch('C')], "C", Action::CloseIncident, T::IncUiKeyClose),
    bind(&[ch('O')], "O", Action::ReopenIncident, T::IncUiKeyReopen),
    bind(&[ch('u')], "u", Action::ReportSent, T::IncUiKeyReport),
    bind(&[ch('P')], "P", Action::ReportDraft, T::IncUiKeyDraft),
    // --- merge (#11) ---
    bind(&[ch('m')], "m", Action::Merge, T::MergeKey),
    // --- patrols (#11) ---
    bind(&[ch('c')], "c", Action::Inspect, T::SrcKeyInspect),
    bind(&[ch('v')], "v", Action::Visit, T::SrcKeyVisit),
    // --- the grid at work (#11) ---
    bind(&[ch('h')], "h", Action::Handover, T::HandKey),
    // --- #11 fixes: the Audit screen scrolls ---
    bind(&[Key::Plain(KeyCode::PageUp)], "PgUp", Action::PageUp, T::AuditKeyPageUp),
    bind(&[Key::Plain(KeyCode::PageDown)], "PgDn", Action::PageDown, T::AuditKeyPageDown),
    bind(&[Key::Plain(KeyCode::Home)], "Home", Action::First, T::AuditKeyFirst),
    bind(&[Key::Plain(KeyCode::End)], "End", Action::Last, T::AuditKeyLast),
    // --- statistics (#12) ---
    bind(&[ch('w')], "w", Action::StatWindow, T::StatKeyWindow),
];

/// The action of a key in the normal mode (forms and prompts read keys themselves).
pub fn resolve(key: KeyEvent) -> Option<Action> {
    BINDINGS.iter().find_map(|b| b.answer(key))
}

/// A key typed with Ctrl or Alt: a command, never a letter in a text.
pub fn is_control(key: KeyEvent) -> bool {
    key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
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
            Assign,
            Reject,
            Reopen,
            Filter,
            Sort,
            RevealPhone,
            Ack,
            AckAll,
            NextScreen,
            Screen(1),
            Help,
            Back,
            Quit,
            OpenIncident,
            ShowIncident,
            SectionNext,
            SectionPrevious,
            ToggleStep,
            SkipStep,
            AddStep,
            AssignPerson,
            AdvancePerson,
            DispatchItem,
            ReturnItem,
            SetLevel,
            StableActive,
            CloseIncident,
            ReopenIncident,
            ReportSent,
            ReportDraft,
            Merge,
            Inspect,
            Visit,
            Handover,
            PageUp,
            PageDown,
            First,
            Last,
            StatWindow,
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
            let label = b.label();
            let first = label.split_whitespace().next().unwrap();
            let code = match first {
                "↑" => KeyCode::Up,
                "↓" => KeyCode::Down,
                "Enter" => KeyCode::Enter,
                "Tab" => KeyCode::Tab,
                "Esc" => KeyCode::Esc,
                "Space" => KeyCode::Char(' '),
                "←" => KeyCode::Left,
                "→" => KeyCode::Right,
                "PgUp" => KeyCode::PageUp,
                "PgDn" => KeyCode::PageDown,
                "Home" => KeyCode::Home,
                "End" => KeyCode::End,
                s => KeyCode::Char(s.chars().next().unwrap()),
            };
            assert_eq!(
                resolve(KeyEvent::new(code, KeyModifiers::NONE)),
                Some(b.action),
                "{label}"
            );
        }
    }

    fn press(code: KeyCode) -> Option<Action> {
        resolve(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn every_key_resolves_to_its_own_binding_so_none_is_bound_twice() {
        for b in BINDINGS {
            for k in b.keys {
                let key = match *k {
                    Key::Plain(code) => KeyEvent::new(code, KeyModifiers::NONE),
                    Key::Ctrl(code) => KeyEvent::new(code, KeyModifiers::CONTROL),
                    Key::ScreenDigit => KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE),
                };
                assert_eq!(resolve(key), Some(b.action), "{k:?}");
            }
        }
    }

    #[test]
    fn a_digit_goes_to_its_screen_and_digits_past_the_last_screen_do_nothing() {
        let n = Screen::ALL.len();
        for d in 1..=n {
            let c = char::from_digit(d as u32, 10).unwrap();
            assert_eq!(press(KeyCode::Char(c)), Some(Action::Screen(d as u8)));
        }
        for d in (n + 1..=9).chain([0]) {
            let c = char::from_digit(d as u32, 10).unwrap();
            assert_eq!(press(KeyCode::Char(c)), None, "{c}");
        }
        // The help names the first and the last digit that work.
        let digits = BINDINGS.iter().find(|b| b.keys == [Key::ScreenDigit]);
        let label = digits.unwrap().label();
        assert_eq!(label, format!("1…{n}"));
        let last = label.chars().last().unwrap();
        assert_eq!(press(KeyCode::Char(last)), Some(Action::Screen(n as u8)));
    }

    #[test]
    fn esc_goes_back_ctrl_c_quits_and_ctrl_does_nothing_else() {
        assert_eq!(press(KeyCode::Esc), Some(Action::Back));
        let ctrl = |c| resolve(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        assert_eq!(ctrl('c'), Some(Action::Quit));
        assert_eq!(ctrl('q'), None);
        assert_eq!(ctrl('1'), None);
        assert_eq!(press(KeyCode::Char('Q')), None);
    }
}
