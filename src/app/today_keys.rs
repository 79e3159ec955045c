//! The Today screen's one key table and what its keys do: start what is due, or go to the library,
//! the history, the runs or the pain check.

use crossterm::event::KeyCode::{Char, Enter, Esc};

use super::keymap::Binding;
use super::{App, LibraryScreen, Screen};
use crate::history::InProgram;
use crate::program::progress::progressed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TodayKey {
    Start,
    Library,
    History,
    Runs,
    PainCheck,
    Help,
    Quit,
}

fn something_due(app: &App) -> bool {
    app.standing().is_some_and(|s| !s.due.is_empty())
}

pub(super) static TODAY: [Binding<TodayKey>; 7] = [
    Binding::new(
        &[Enter],
        "enter",
        "start",
        "start what is due today, at the program's level",
        TodayKey::Start,
    )
    .when(something_due),
    Binding::new(
        &[Char('l')],
        "l",
        "library",
        "all the routines",
        TodayKey::Library,
    ),
    Binding::new(
        &[Char('h')],
        "h",
        "history",
        "sessions, streaks and pain over time",
        TodayKey::History,
    ),
    Binding::new(
        &[Char('r')],
        "r",
        "runs",
        "your runs: weeks of distance, long-run spikes",
        TodayKey::Runs,
    ),
    Binding::new(
        &[Char('c')],
        "c",
        "pain check",
        "take the pain check",
        TodayKey::PainCheck,
    ),
    Binding::new(&[Char('?')], "?", "help", "these keys", TodayKey::Help),
    Binding::new(&[Char('q'), Esc], "q", "quit", "quit", TodayKey::Quit),
];

impl App {
    pub(super) fn today_action(&mut self, action: TodayKey) {
        match action {
            TodayKey::Start => self.start_due(),
            TodayKey::Library => self.screen = Screen::Library(LibraryScreen::default()),
            TodayKey::History => self.open_history(),
            TodayKey::Runs => self.open_runs(),
            TodayKey::PainCheck => self.start_check(),
            TodayKey::Help => {
                self.overlay = Some(super::Overlay::Help);
            }
            TodayKey::Quit => self.should_quit = true,
        }
    }

    /// Plays the first routine due today, grown to its level; the session carries the program and
    /// that level.
    fn start_due(&mut self) {
        let Some(standing) = &self.program.standing else {
            return;
        };
        let Some(due) = standing.due.first() else {
            return;
        };
        let Some(routine) = self.library.find(&due.routine) else {
            return;
        };
        let grown = progressed(
            routine,
            standing.program.progress_of(&routine.id),
            due.level,
        );
        let mark = InProgram {
            id: standing.program.id.clone(),
            level: due.level,
        };
        self.start(grown);
        self.program.playing = Some(mark);
    }
}
