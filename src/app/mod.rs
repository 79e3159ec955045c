//! The app's state, in one place, and how keys and time change it.
//!
//! Everything that happens comes in through [`update`] as a [`Msg`] and leaves as [`Effect`]s in one
//! list; rendering (in [`crate::ui`]) only reads.

mod ahead;
pub(crate) mod bindings;
pub(crate) mod check;
mod exercises;
pub(crate) mod figures;
mod history_view;
pub(crate) mod keymap;
pub mod morning;
mod prefs;
mod program_state;

mod library;
mod player;
mod preview;
pub mod records;
mod screen_keys;
pub(crate) mod scroll;
mod session;
pub(crate) mod session_pain;
mod today;
mod today_keys;
pub(crate) mod update;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::Settings;
use crate::engine::{AppInstant, Millis};
use crate::plan::Cue;
use crate::routine::{Library, Routine};
use crate::triage::Answers;

pub use crate::audio::Cued;
pub use check::CheckForm;
pub use check::result::CheckResult;
pub use exercises::{ExerciseScreen, routines_using};
pub use history_view::HistoryView;
pub use library::LibraryScreen;
pub use player::PlayerScreen;
pub use prefs::Prefs;
pub use preview::PreviewScreen;
pub use program_state::ProgramState;
pub use records::Record;
pub use scroll::Scroll;
pub use update::{Effect, Msg, update};

/// How long a cue's label stays on screen after it sounds.
pub const CUE_FLASH_MS: Millis = 2_000;

/// The screens of the app.
#[derive(Debug)]
pub enum Screen {
    Library(LibraryScreen),
    /// A routine's step list and total time, before starting it.
    Preview(Box<PreviewScreen>),
    Player(Box<PlayerScreen>),
    /// The summary after a routine ends or is quit.
    Done(Box<PlayerScreen>),
    /// The pain check's questions.
    Check(Box<CheckForm>),
    CheckResult(Box<CheckResult>),
    /// Sessions per week, pain by area, the latest check, streaks.
    History,
    /// The active program today: the home while one is active.
    Today,
    /// The imported runs: weeks of distance, spikes, the budget line, recent runs.
    Runs,
    /// Every exercise in the catalog: its figure, how to do it, where it is used.
    Exercises(Box<ExerciseScreen>),
}

/// Boxes drawn over the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    /// "How much did it hurt during this session?" after a program session.
    SessionPain,
    /// "Compared with before that session, your back this morning is…" on the day after one.
    Morning,
    /// "Compared with before that run, …" on the day after a spike run.
    RunMorning,
}

/// Where the app was started, which decides where "back" leads after a routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `limberup`: the library is home.
    Library,
    /// `limberup run ROUTINE`: the app ends after the routine (and its pain check).
    Run,
    /// `limberup check`: the app ends after the check.
    Check,
}

#[derive(Debug)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of one app, not states of one machine"
)]
pub struct App {
    screen: Screen,
    overlay: Option<Overlay>,
    library: Library,
    /// Where the app was started: where "back" leads, and whether it ends after a routine.
    entry: Entry,
    now: AppInstant,
    /// The app is leaving ([`Effect::Quit`] went out when this was set).
    should_quit: bool,
    /// The last cue and when it sounded, for the on-screen flash.
    last_cue: Option<(Cue, AppInstant)>,
    /// The history as loaded, plus what was recorded since.
    history: HistoryView,
    /// Answers for the pain check given up front (`snapshot --answers`): the check answers itself.
    preset_answers: Option<Answers>,
    /// Why sound does not work, shown in the footer while it lasts.
    sound_problem: Option<String>,
    /// The terminal's size (columns, rows) as last seen: whether a figure shows depends on it.
    size: (u16, u16),
    /// What to do about what happened since [`update`] last returned: sounds to play and
    /// prepare, records to save, the history to read again, suspending.
    outbox: Vec<Effect>,
    /// The active program and what is open about its sessions.
    program: ProgramState,
    /// Yesterday's spike run, while the morning question about it is open or waits its turn.
    awaiting_run_morning: Option<morning::RunMorningAsk>,
    /// The routine was paused because the help or "Quit?" opened over it: it goes on when the box
    /// closes (a routine the runner had paused stays paused).
    paused_for_overlay: bool,
    /// How it looks and sounds: the settings, mute toggled by `m`.
    prefs: Prefs,
}

impl App {
    /// The full-screen app on the routine library.
    pub fn with_library(library: Library, settings: &Settings) -> Self {
        let screen = Screen::Library(LibraryScreen::default());
        Self::new(screen, library, Entry::Library, settings)
    }

    /// Straight into a routine (`limberup run`).
    pub fn run_routine(
        library: Library,
        routine: Routine,
        settings: &Settings,
        now: AppInstant,
    ) -> Self {
        let mut app = Self::new(
            Screen::Library(LibraryScreen::default()),
            library,
            Entry::Run,
            settings,
        );
        app.now = now;
        app.start(routine);
        app
    }

    /// Straight into the pain check (`limberup check`).
    pub fn pain_check(library: Library, settings: &Settings) -> Self {
        let screen = Screen::Check(Box::new(CheckForm::new(
            AppInstant::START,
            check::ProfileNeed::Ask,
            Vec::new(),
        )));
        Self::new(screen, library, Entry::Check, settings)
    }

    /// The history as loaded. A check not yet begun is set up again, as what it asks about the
    /// profile depends on the saved one.
    pub fn set_history(&mut self, history: HistoryView) {
        self.history = history;
        if let Screen::Check(form) = &self.screen {
            if form.progress().0 == 1 && form.typed.is_empty() {
                self.screen = Screen::Check(Box::new(self.new_check_form()));
            }
        }
    }

    /// The history as loaded, plus what was recorded since.
    pub fn history(&self) -> &HistoryView {
        &self.history
    }

    /// The screen showing (under the overlay, if one is open).
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The box open over the screen, if any.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The routines and exercises the app was started with.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The app's time as of the last message.
    pub fn now(&self) -> AppInstant {
        self.now
    }

    /// The last cue and when it sounded, for the on-screen flash.
    pub fn last_cue(&self) -> Option<(Cue, AppInstant)> {
        self.last_cue
    }

    /// Why sound does not work, while it lasts.
    pub fn sound_problem(&self) -> Option<&str> {
        self.sound_problem.as_deref()
    }

    /// The terminal's size (columns, rows) as last seen.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    fn new(screen: Screen, library: Library, entry: Entry, settings: &Settings) -> Self {
        Self {
            screen,
            overlay: None,
            library,
            entry,
            now: AppInstant::START,
            should_quit: false,
            last_cue: None,
            history: HistoryView::default(),
            preset_answers: None,
            sound_problem: None,
            size: (0, 0),
            outbox: Vec::new(),
            program: ProgramState::default(),
            awaiting_run_morning: None,
            paused_for_overlay: false,
            prefs: Prefs::from_settings(settings),
        }
    }

    /// Pain-check screens wait `guard` before a key may answer them (the check on screen too).
    #[must_use]
    pub fn with_answer_guard(mut self, guard: Millis) -> Self {
        self.prefs.answer_guard = guard;
        if let Screen::Check(form) = &mut self.screen {
            form.set_read_time(guard, self.now);
        }
        self
    }

    /// The pain check answers itself with `answers` (`snapshot --answers`).
    #[must_use]
    pub fn with_preset_answers(mut self, answers: Option<Answers>) -> Self {
        self.preset_answers = answers;
        self
    }

    /// With an active program, the app's home is Today (when it opened on the library).
    #[must_use]
    pub fn with_program(mut self, standing: Option<crate::program::standing::Standing>) -> Self {
        self.program.standing = standing;
        if self.program.standing.is_some() && matches!(self.screen, Screen::Library(_)) {
            self.screen = Screen::Today;
        }
        self
    }

    fn remember_session(&mut self, player: &PlayerScreen) {
        let mut row = records::session_row(player, &self.history);
        // Started from Today: at the due level. Otherwise one of the program's routines played at
        // its own length, level 0, still counts for the program.
        row.program = self.program.playing.take().or_else(|| {
            self.program
                .standing
                .as_ref()
                .filter(|s| s.program.involves(&row.routine_id))
                .map(|s| crate::history::InProgram {
                    id: s.program.id.clone(),
                    level: 0,
                })
        });
        if row.program.is_some() && !self.should_quit {
            self.ask_session_pain(row);
            return;
        }
        self.history.sessions.push(row.clone());
        self.outbox.push(Effect::Save(Record::Session(row)));
    }

    /// The next moment the app must wake up by itself (a deadline, a clock change on screen, a cue
    /// label to clear); `None` when only a key can change anything.
    pub fn next_wake(&self) -> Option<AppInstant> {
        if matches!(self.screen, Screen::History | Screen::Runs) {
            // Whether another limberup wrote to the history is asked now and then.
            let poll = records::HISTORY_POLL_MS;
            return Some(self.now.next_multiple_of(poll));
        }
        let Screen::Player(player) = &self.screen else {
            return self.next_figure_frame();
        };
        let flash_end = self
            .last_cue
            .map(|(_, at)| at.saturating_add(CUE_FLASH_MS))
            .filter(|&end| end > self.now);
        let wake = [
            player.session.next_deadline(),
            player.session.next_display_change(self.now),
            flash_end,
            self.next_figure_frame(),
        ]
        .into_iter()
        .flatten()
        .min();
        self.with_hand_ahead(wake)
    }

    /// The next moment the app changes by itself (a cue, a segment's end), leaving out what only
    /// changes the picture (a figure's frame, the clock's digits, a cue's flash, the history's
    /// poll): a run nobody watches between captures wakes only for these, so its cost does not
    /// grow with the time it covers.
    pub fn next_deadline(&self) -> Option<AppInstant> {
        match &self.screen {
            Screen::Player(player) => player.session.next_deadline(),
            _ => None,
        }
    }

    /// How long until the next moment a cue may sound, while a routine plays unmuted.
    pub fn next_cue_in(&self) -> Option<std::time::Duration> {
        let Screen::Player(player) = &self.screen else {
            return None;
        };
        if self.prefs.muted {
            return None;
        }
        let at = player.session.next_deadline()?;
        Some(std::time::Duration::from_millis(
            at.saturating_sub(self.now),
        ))
    }

    /// Lets time pass; returns whether the screen changed.
    pub fn tick(&mut self, now: AppInstant) -> bool {
        let before = self.now;
        let frame_due = self.next_figure_frame().is_some_and(|at| at <= now);
        let poll = records::HISTORY_POLL_MS;
        if matches!(self.screen, Screen::History | Screen::Runs)
            && now >= before.next_multiple_of(poll)
        {
            self.outbox.push(Effect::ReloadHistory);
        }
        self.now = now;
        let changed = match &mut self.screen {
            Screen::Player(player) => {
                let events = player.session.advance(now);
                let display_changed = player
                    .session
                    .next_display_change(before)
                    .is_some_and(|at| at <= now);
                let events_changed = !events.is_empty();
                self.absorb(events);
                events_changed || display_changed
            }
            _ => false,
        };
        let flash_cleared = self
            .last_cue
            .map(|(_, at)| at.saturating_add(CUE_FLASH_MS))
            .is_some_and(|end| end > before && end <= now);
        self.finish_if_done();
        changed || flash_cleared || frame_due
    }

    /// Handles one key (whether the screen is drawn again is [`update`]'s to decide).
    pub fn handle_key(&mut self, key: KeyEvent, now: AppInstant) {
        self.tick(now);
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            match key.code {
                KeyCode::Char('c') => self.quit_now(),
                KeyCode::Char('z') => self.suspend(now),
                _ => {}
            }
            return;
        }
        if let Some(overlay) = self.overlay {
            self.handle_overlay_key(overlay, key);
            return;
        }
        self.screen_key(key, now);
        self.finish_if_done();
    }

    /// The player, while a routine plays.
    pub fn player(&self) -> Option<&PlayerScreen> {
        match &self.screen {
            Screen::Player(player) | Screen::Done(player) => Some(player),
            _ => None,
        }
    }
}

impl App {
    /// ctrl-z or a stop signal: a running routine pauses, so no cue sounds into the shell, then the
    /// process is suspended.
    fn suspend(&mut self, now: AppInstant) {
        self.tick(now);
        if let Screen::Player(player) = &mut self.screen {
            if !player.session.is_paused() {
                let events = player.session.toggle_pause(now);
                self.absorb(events);
            }
        }
        self.outbox.push(Effect::Suspend);
    }
}
