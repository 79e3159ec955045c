//! After a program session ends, one question: how much did it hurt during it, 0-10. Digits then
//! `enter`, as in the pain check (`1` then `0` is 10); `esc` leaves it unknown. The session is
//! saved once, with the answer.

use crossterm::event::KeyCode::{self, Backspace, Char, Enter, Esc};
use crossterm::event::KeyEvent;

use super::keymap::{Binding, action_for};
use super::{App, Overlay, Record};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PainKey {
    Digit,
    Erase,
    Confirm,
    Skip,
}

const DIGITS: &[KeyCode] = &[
    Char('0'),
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
];

pub(crate) static SESSION_PAIN: [Binding<PainKey>; 4] = [
    Binding::new(
        DIGITS,
        "0-10",
        "type",
        "type how much it hurt during the session: 1 then 0 is 10",
        PainKey::Digit,
    ),
    Binding::new(
        &[Backspace],
        "backspace",
        "erase",
        "erase a digit",
        PainKey::Erase,
    )
    .help_only(),
    Binding::new(
        &[Enter],
        "enter",
        "confirm",
        "save the session with the number typed",
        PainKey::Confirm,
    ),
    Binding::new(
        &[Esc],
        "esc",
        "skip",
        "save the session with its pain unknown",
        PainKey::Skip,
    ),
];

impl App {
    /// A program session waits for its pain before it is saved.
    pub(super) fn ask_session_pain(&mut self, row: crate::history::SessionRow) {
        self.program.awaiting_pain = Some(row);
        self.program.pain_typed.clear();
        self.overlay = Some(Overlay::SessionPain);
    }

    /// The session pain typed so far, not yet confirmed.
    pub fn session_pain_typed(&self) -> &str {
        &self.program.pain_typed
    }

    pub(super) fn session_pain_key(&mut self, key: KeyEvent) {
        let Some(action) = action_for(&SESSION_PAIN, self, key) else {
            return;
        };
        match (action, key.code) {
            (PainKey::Digit, Char(digit)) => {
                // A digit that would pass 10 (or follow a 0) starts the number again.
                let longer = format!("{}{digit}", self.program.pain_typed);
                self.program.pain_typed = match longer.parse::<u8>() {
                    Ok(value) if value <= 10 && !self.program.pain_typed.starts_with('0') => {
                        value.to_string()
                    }
                    _ => digit.to_string(),
                };
            }
            (PainKey::Erase, _) => {
                self.program.pain_typed.pop();
            }
            (PainKey::Confirm, _) => {
                let Ok(pain) = self.program.pain_typed.parse::<u8>() else {
                    return; // nothing typed yet: enter alone decides nothing
                };
                self.overlay = None;
                self.save_awaiting(Some(pain));
            }
            (PainKey::Skip, _) => {
                self.overlay = None;
                self.save_awaiting(None);
            }
            (PainKey::Digit, _) => {}
        }
    }

    /// Saves the session waiting for its pain, with `pain` if given.
    pub(super) fn save_awaiting(&mut self, pain: Option<u8>) {
        self.program.pain_typed.clear();
        if let Some(mut row) = self.program.awaiting_pain.take() {
            row.pain = pain;
            self.history.sessions.push(row.clone());
            self.outbox.push(super::Effect::Save(Record::Session(row)));
        }
    }
}
