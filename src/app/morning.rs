//! The morning after a program session, one question the first time the app opens: compared with
//! before that session, the back this morning is better, the same or worse. One key (`b`, `s`,
//! `w`), `esc` skips; the answer is saved with that session.
//!
//! The morning after a spike run (a run more than 10% longer than the longest of the 30 days before
//! it), the same question about that run; its answer is saved with the run, and `esc` is saved too
//! (as skipped), so it is asked once. When both are due, the session's comes first: it is the
//! question a runner on a program already knows, and the program's week turns on it; the run's
//! follows at once, never in the same box.

use crossterm::event::KeyCode::{Char, Esc};
use crossterm::event::KeyEvent;

use super::keymap::{Binding, action_for};
use super::{App, Entry, Overlay, Record};
pub use crate::history::MorningAsk;
use crate::history::RunMorning;
pub use crate::history::run_view::RunMorningAsk;
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

/// The same keys, about a spike run.
pub static RUN_MORNING: [Binding<MorningKey>; 4] = [
    Binding::new(
        &[Char('b')],
        "b",
        "better",
        "better than before that run",
        MorningKey::Answer(Morning::Better),
    ),
    Binding::new(
        &[Char('s')],
        "s",
        "the same",
        "the same as before that run",
        MorningKey::Answer(Morning::Same),
    ),
    Binding::new(
        &[Char('w')],
        "w",
        "worse",
        "worse than before that run (a program holds its level that week)",
        MorningKey::Answer(Morning::Worse),
    ),
    Binding::new(
        &[Esc],
        "esc",
        "skip",
        "skip the question (it is not asked again)",
        MorningKey::Skip,
    ),
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

    /// Asks the morning question about yesterday's spike run, when the full app opens on the day
    /// after it: at once, or right after the question about a program session.
    #[must_use]
    pub fn with_run_morning_question(mut self, ask: Option<RunMorningAsk>) -> Self {
        if self.entry == Entry::Library && ask.is_some() {
            self.awaiting_run_morning = ask;
            if self.overlay.is_none() {
                self.overlay = Some(Overlay::RunMorning);
            }
        }
        self
    }

    /// The session the morning question is about, while it is asked.
    pub fn morning_asked(&self) -> Option<&MorningAsk> {
        self.program.awaiting_morning.as_ref()
    }

    /// The spike run the morning question is about, while it is asked or waits its turn.
    pub fn run_morning_asked(&self) -> Option<&RunMorningAsk> {
        self.awaiting_run_morning.as_ref()
    }

    /// After the session's question, the run's, if one waits.
    fn next_morning_question(&mut self) {
        self.overlay = self
            .awaiting_run_morning
            .is_some()
            .then_some(Overlay::RunMorning);
    }

    pub(super) fn run_morning_key(&mut self, key: KeyEvent) {
        let Some(action) = action_for(&RUN_MORNING, self, key) else {
            return;
        };
        self.overlay = None;
        let Some(ask) = self.awaiting_run_morning.take() else {
            return;
        };
        let said = match action {
            MorningKey::Answer(answer) => RunMorning::Answered(answer),
            MorningKey::Skip => RunMorning::Skipped,
        };
        if let Some(run) = self.history.runs.iter_mut().find(|r| r.id() == ask.run_id) {
            run.row.morning = Some(said);
        }
        self.outbox.push(super::Effect::Save(Record::RunMorning {
            run_id: ask.run_id,
            answer: said,
        }));
        self.refresh_program();
    }

    pub(super) fn morning_key(&mut self, key: KeyEvent) {
        let Some(action) = action_for(&MORNING, self, key) else {
            return;
        };
        self.next_morning_question();
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
