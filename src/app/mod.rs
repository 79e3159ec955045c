//! The app's state, in one place, and how keys and time change it.
//!
//! Input handlers return whether anything visible changed; rendering (in [`crate::ui`]) only reads.

pub mod event_loop;
pub mod keys;
mod library;
mod player;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::engine::{Event, Millis};
use crate::plan::Cue;
use crate::routine::{Library, Routine};

pub use library::LibraryScreen;
pub use player::PlayerScreen;

/// How long a cue's label stays on screen after it sounds.
pub const CUE_FLASH_MS: Millis = 2_000;

/// The screens of the app.
#[derive(Debug)]
pub enum Screen {
    Library(LibraryScreen),
    /// A routine's step list and total time, before starting it.
    Preview {
        routine: Box<Routine>,
        scroll: u16,
    },
    Player(Box<PlayerScreen>),
    /// The summary after a routine ends or is quit.
    Done(Box<PlayerScreen>),
}

/// Boxes drawn over the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
}

/// Where the app was started, which decides where "back" leads after a routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `limberup`: the library is home.
    Library,
    /// `limberup run ROUTINE`: the app ends after the routine.
    Run,
}

#[derive(Debug)]
pub struct App {
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub library: Library,
    pub entry: Entry,
    pub muted: bool,
    pub now: Millis,
    pub should_quit: bool,
    /// Set by ctrl-z; the event loop suspends the process and clears it.
    pub suspend_requested: bool,
    /// The last cue and when it sounded, for the on-screen flash.
    pub last_cue: Option<(Cue, Millis)>,
    /// Engine events not yet handed to the sound player.
    pending: Vec<Event>,
    /// Sessions that ended (finished or stopped), not yet saved to the history.
    ended: Vec<EndedSession>,
}

/// A played session, ready for the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndedSession {
    pub routine_id: String,
    pub routine_hash: String,
    pub record: crate::engine::SessionRecord,
}

impl EndedSession {
    fn of(player: &PlayerScreen) -> Self {
        Self {
            routine_id: player.routine.id.clone(),
            routine_hash: player.routine.content_hash.clone(),
            record: player.session.record().clone(),
        }
    }
}

impl App {
    /// The full-screen app on the routine library.
    pub fn with_library(library: Library, muted: bool) -> Self {
        let screen = Screen::Library(LibraryScreen::default());
        Self::new(screen, library, Entry::Library, muted)
    }

    /// Straight into a routine (`limberup run`).
    pub fn run_routine(library: Library, routine: Routine, muted: bool, now: Millis) -> Self {
        let mut app = Self::new(
            Screen::Library(LibraryScreen::default()),
            library,
            Entry::Run,
            muted,
        );
        app.now = now;
        app.start(routine);
        app
    }

    fn new(screen: Screen, library: Library, entry: Entry, muted: bool) -> Self {
        Self {
            screen,
            overlay: None,
            library,
            entry,
            muted,
            now: 0,
            should_quit: false,
            suspend_requested: false,
            last_cue: None,
            pending: Vec::new(),
            ended: Vec::new(),
        }
    }

    /// Sessions ended since the last call, for the history.
    pub fn take_ended_sessions(&mut self) -> Vec<EndedSession> {
        std::mem::take(&mut self.ended)
    }

    fn remember_ended(&mut self, player: &PlayerScreen) {
        self.ended.push(EndedSession::of(player));
    }

    /// Engine events since the last call, for the sound player.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.pending)
    }

    /// The next moment the app must wake up by itself (a deadline, a clock change on screen, a cue
    /// label to clear); `None` when only a key can change anything.
    pub fn next_wake(&self) -> Option<Millis> {
        let Screen::Player(player) = &self.screen else {
            return None;
        };
        let flash_end = self
            .last_cue
            .map(|(_, at)| at + CUE_FLASH_MS)
            .filter(|&end| end > self.now);
        [
            player.session.next_deadline(),
            player.session.next_display_change(self.now),
            flash_end,
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Lets time pass; returns whether the screen changed.
    pub fn tick(&mut self, now: Millis) -> bool {
        let before = self.now;
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
            .is_some_and(|(_, at)| at + CUE_FLASH_MS > before && at + CUE_FLASH_MS <= now);
        self.finish_if_done();
        changed || flash_cleared
    }

    /// Handles one key; returns whether the screen changed.
    pub fn handle_key(&mut self, key: KeyEvent, now: Millis) -> bool {
        self.tick(now);
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            match key.code {
                KeyCode::Char('c') => {
                    self.quit_now();
                    return true;
                }
                KeyCode::Char('z') => {
                    self.suspend_requested = true;
                    return false;
                }
                _ => return false,
            }
        }
        if let Some(overlay) = self.overlay {
            return self.handle_overlay_key(overlay, key);
        }
        let changed = match &mut self.screen {
            Screen::Library(library_screen) => {
                match library_screen.handle_key(key, &self.library) {
                    library::Action::None(changed) => changed,
                    library::Action::Preview(routine) => {
                        self.screen = Screen::Preview { routine, scroll: 0 };
                        true
                    }
                    library::Action::Help => {
                        self.overlay = Some(Overlay::Help);
                        true
                    }
                    library::Action::Quit => {
                        self.should_quit = true;
                        true
                    }
                }
            }
            Screen::Preview { routine, scroll } => match key.code {
                KeyCode::Enter => {
                    let routine = routine.as_ref().clone();
                    self.start(routine);
                    true
                }
                KeyCode::Esc | KeyCode::Backspace | KeyCode::Left | KeyCode::Char('q') => {
                    self.go_home();
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = scroll.saturating_add(1);
                    true
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    let before = *scroll;
                    *scroll = scroll.saturating_sub(1);
                    before != *scroll
                }
                KeyCode::Char('?') => {
                    self.overlay = Some(Overlay::Help);
                    true
                }
                _ => false,
            },
            Screen::Player(player) => match player::handle_key(player, key, now) {
                player::Action::Events(events) => {
                    let changed = !events.is_empty();
                    self.absorb(events);
                    changed
                }
                player::Action::Changed => true,
                player::Action::Unchanged => false,
                player::Action::ToggleMute => {
                    self.muted = !self.muted;
                    true
                }
                player::Action::Help => {
                    self.overlay = Some(Overlay::Help);
                    true
                }
                player::Action::AskQuit => {
                    self.overlay = Some(Overlay::ConfirmQuit);
                    true
                }
            },
            Screen::Done(_) => match key.code {
                KeyCode::Enter | KeyCode::Esc | KeyCode::Char('q') => {
                    self.go_home();
                    true
                }
                KeyCode::Char('?') => {
                    self.overlay = Some(Overlay::Help);
                    true
                }
                _ => false,
            },
        };
        self.finish_if_done();
        changed
    }

    fn handle_overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> bool {
        match overlay {
            Overlay::Help => {
                // Any key closes help; it is never mistaken for a command.
                self.overlay = None;
                true
            }
            Overlay::ConfirmQuit => match key.code {
                KeyCode::Char('y' | 'q') | KeyCode::Enter => {
                    self.overlay = None;
                    self.stop_routine();
                    true
                }
                KeyCode::Char('n') | KeyCode::Esc => {
                    self.overlay = None;
                    true
                }
                _ => false,
            },
        }
    }

    fn start(&mut self, routine: Routine) {
        self.overlay = None;
        let (player, events) = PlayerScreen::start(routine, self.now);
        self.screen = Screen::Player(Box::new(player));
        self.absorb(events);
    }

    /// Ends the routine early and shows the summary.
    fn stop_routine(&mut self) {
        let screen = std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::default()));
        self.screen = match screen {
            Screen::Player(mut player) => {
                player.session.quit(self.now);
                self.remember_ended(&player);
                Screen::Done(player)
            }
            other => other,
        };
    }

    /// ctrl-c: leave at once, recording a running session as quit.
    fn quit_now(&mut self) {
        let mut ended = None;
        if let Screen::Player(player) = &mut self.screen {
            player.session.quit(self.now);
            ended = Some(EndedSession::of(player));
        }
        self.ended.extend(ended);
        self.should_quit = true;
    }

    fn go_home(&mut self) {
        self.overlay = None;
        match self.entry {
            Entry::Run => self.should_quit = true,
            Entry::Library => self.screen = Screen::Library(LibraryScreen::default()),
        }
    }

    fn finish_if_done(&mut self) {
        if matches!(&self.screen, Screen::Player(p) if p.session.is_finished()) {
            let screen =
                std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::default()));
            if let Screen::Player(player) = screen {
                self.remember_ended(&player);
                self.screen = Screen::Done(player);
                self.overlay = None;
            }
        }
    }

    fn absorb(&mut self, events: Vec<Event>) {
        for event in &events {
            if let Event::Cue { cue, at, .. } = event {
                self.last_cue = Some((*cue, *at));
            }
        }
        self.pending.extend(events);
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
    /// Before the process is suspended: a running routine pauses, so no cue sounds into the shell.
    pub fn pause_for_suspend(&mut self, now: Millis) {
        self.tick(now);
        if let Screen::Player(player) = &mut self.screen {
            if !player.session.is_paused() {
                let events = player.session.toggle_pause(now);
                self.absorb(events);
            }
        }
    }
}
