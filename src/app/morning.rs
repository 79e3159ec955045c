//! The morning after a program session, one question the first time the app opens: compared with
//! before that session, the back this morning is better, the same or worse. One key (`b`, `s`,
//! `w`), `esc` skips; the answer is saved with that session.

use crossterm::event::KeyCode::{Char, Esc};
use crossterm::event::KeyEvent;

use super::keymap::{Binding, action_for};
use super::{App, Entry, Overlay, Record};
pub use crate::history::MorningAsk;
use crate::program::Morning;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MorningKey {
    Answer(Morning),
    Skip,
}

pub static MORNING: [Binding<MorningKey>; 4] = [
    Binding::new(
        &[Char('b')],
        "b",
        "better",
        "better than before that session",
        MorningKey::Answer(Morning::Better),
    ),
    Binding::new(
        &[Char('s')],
        "s",
        "the same",
        "the same as before that session",
        MorningKey::Answer(Morning::Same),
    ),
    Binding::new(
        &[Char('w')],
        "w",
        "worse",
        "worse than before that session (the program holds its level)",
        MorningKey::Answer(Morning::Worse),
    ),
    Binding::new(&[Esc], "esc", "skip", "skip the question", MorningKey::Skip),
];

impl App {
    /// Asks the morning question first, when the full app opens on the day after a program session.
    #[must_use]
    pub fn with_morning_question(mut self, ask: Option<MorningAsk>) -> Self {
        if self.entry == Entry::Library && ask.is_some() {
            self.program.awaiting_morning = ask;
            self.overlay = Some(Overlay::Morning);
        }
        self
    }

    /// The session the morning question is about, while it is asked.
    pub fn morning_asked(&self) -> Option<&MorningAsk> {
        self.program.awaiting_morning.as_ref()
    }

    pub(super) fn morning_key(&mut self, key: KeyEvent) {
        let Some(action) = action_for(&MORNING, self, key) else {
            return;
        };
        self.overlay = None;
        let ask = self.program.awaiting_morning.take();
        if let (MorningKey::Answer(answer), Some(ask)) = (action, ask) {
            if let Some(session) = self.history.sessions.iter_mut().rev().find(|s| {
                s.started_at == ask.started_at && s.routine_id == ask.routine && s.morning.is_none()
            }) {
                session.morning = Some(answer);
            }
            self.outbox.push(super::Effect::Save(Record::Morning {
                session_id: ask.session_id,
                answer,
            }));
            self.refresh_program();
        }
    }
}
