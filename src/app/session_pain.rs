//! After a program session ends, one question: how much did it hurt during it, 0-10, one key
//! (`t` is 10), `esc` skips. The session is saved once, with the answer.

use crossterm::event::KeyCode::{self, Char, Esc};
use crossterm::event::KeyEvent;

use super::keymap::{Binding, action_for};
use super::{App, Overlay, Record};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainKey {
    Answer,
    Skip,
}

const PAIN_KEYS: &[KeyCode] = &[
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
    Char('t'),
];

pub static SESSION_PAIN: [Binding<PainKey>; 2] = [
    Binding::new(
        PAIN_KEYS,
        "0-9 t",
        "how much (t = 10)",
        "how much it hurt during the session, 0 to 9, t for 10",
        PainKey::Answer,
    ),
    Binding::new(&[Esc], "esc", "skip", "skip the question", PainKey::Skip),
];

impl App {
    /// A program session waits for its pain before it is saved.
    pub(super) fn ask_session_pain(&mut self, row: crate::history::SessionRow) {
        self.awaiting_pain = Some(row);
        self.overlay = Some(Overlay::SessionPain);
    }

    pub(super) fn session_pain_key(&mut self, key: KeyEvent) -> bool {
        let Some(action) = action_for(&SESSION_PAIN, self, key) else {
            return false;
        };
        let pain = match (action, key.code) {
            (PainKey::Answer, Char('t')) => Some(10),
            (PainKey::Answer, Char(digit)) => digit.to_digit(10).and_then(|d| u8::try_from(d).ok()),
            _ => None,
        };
        self.overlay = None;
        self.save_awaiting(pain);
        true
    }

    /// Saves the session waiting for its pain, with `pain` if given.
    pub(super) fn save_awaiting(&mut self, pain: Option<u8>) {
        if let Some(mut row) = self.awaiting_pain.take() {
            row.pain = pain;
            self.history.sessions.push(row.clone());
            self.records.push(Record::Session(row));
        }
    }
}
