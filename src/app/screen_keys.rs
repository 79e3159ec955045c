//! What a key does on each screen, by that screen's table in [`super::bindings`]. Whether the screen
//! is drawn again is not theirs to say: [`super::update`] decides that for every message. The
//! footers and the help come from the same tables.

use crossterm::event::KeyEvent;

use super::bindings::{
    CONFIRM_QUIT, ConfirmKey, DONE, DoneKey, EXERCISES, ExerciseKey, FILTERING, FilterKey, HISTORY,
    HistoryKey, LIBRARY, LibraryKey, PLAYER, PREVIEW, PreviewKey, RESULT, RUNS, ResultKey, RunsKey,
};
use super::keymap::{Hint, action_for, footer_hints, help_hints};
use super::today_keys::TODAY;
use super::{App, LibraryScreen, Overlay, PreviewScreen, Screen, check, player};
use crate::engine::AppInstant;

impl App {
    pub(super) fn handle_overlay_key(&mut self, overlay: Overlay, key: KeyEvent) {
        match overlay {
            Overlay::Help => {
                // Any key closes help; it is never mistaken for a command.
                self.overlay = None;
                self.resume_after_overlay();
            }
            Overlay::SessionPain => self.session_pain_key(key),
            Overlay::Morning => self.morning_key(key),
            Overlay::RunMorning => self.run_morning_key(key),
            Overlay::ConfirmQuit => match action_for(&CONFIRM_QUIT, self, key) {
                Some(ConfirmKey::Stop) => {
                    self.overlay = None;
                    self.stop_routine();
                }
                Some(ConfirmKey::KeepGoing) => {
                    self.overlay = None;
                    self.resume_after_overlay();
                }
                None => {}
            },
        }
    }

    pub(super) fn screen_key(&mut self, key: KeyEvent, now: AppInstant) {
        match &self.screen {
            Screen::Library(screen) if screen.filtering => {
                if let Some(action) = action_for(&FILTERING, self, key) {
                    self.filter_action(action, key);
                }
            }
            Screen::Library(_) => {
                if let Some(action) = action_for(&LIBRARY, self, key) {
                    self.library_action(action);
                }
            }
            Screen::Preview(_) => {
                if let Some(action) = action_for(&PREVIEW, self, key) {
                    self.preview_action(action);
                }
            }
            Screen::Player(_) => {
                let Some(action) = action_for(&PLAYER, self, key) else {
                    return;
                };
                let Screen::Player(screen) = &mut self.screen else {
                    return;
                };
                let outcome = player::act(screen, action, now);
                self.player_action(outcome);
            }
            Screen::Done(_) => {
                if let Some(action) = action_for(&DONE, self, key) {
                    self.done_action(action);
                }
            }
            Screen::Check(_) => self.check_key(key, now),
            Screen::CheckResult(_) => {
                if let Some(action) = action_for(&RESULT, self, key) {
                    self.result_action(action);
                } else if let Screen::CheckResult(result) = &mut self.screen {
                    result.point_at_the_keys();
                }
            }
            Screen::History => {
                if let Some(action) = action_for(&HISTORY, self, key) {
                    self.history_action(action);
                }
            }
            Screen::Runs => {
                if let Some(action) = action_for(&RUNS, self, key) {
                    self.runs_action(action);
                }
            }
            Screen::Today => {
                if let Some(action) = action_for(&TODAY, self, key) {
                    self.today_action(action);
                }
            }
            Screen::Exercises(_) => {
                if let Some(action) = action_for(&EXERCISES, self, key) {
                    self.exercise_action(action, key, now);
                }
            }
        }
    }

    /// The keys the footer shows now.
    pub fn footer_hints(&self) -> Vec<Hint> {
        match self.overlay {
            Some(Overlay::ConfirmQuit) => return footer_hints(&CONFIRM_QUIT, self),
            Some(Overlay::SessionPain) => {
                return footer_hints(&super::session_pain::SESSION_PAIN, self);
            }
            Some(Overlay::Morning) => return footer_hints(&super::morning::MORNING, self),
            Some(Overlay::RunMorning) => return footer_hints(&super::morning::RUN_MORNING, self),
            Some(Overlay::Help) | None => {}
        }
        match &self.screen {
            Screen::Library(screen) if screen.filtering => footer_hints(&FILTERING, self),
            Screen::Library(_) => footer_hints(&LIBRARY, self),
            Screen::Preview(_) => footer_hints(&PREVIEW, self),
            Screen::Player(_) => footer_hints(&PLAYER, self),
            Screen::Done(_) => footer_hints(&DONE, self),
            Screen::Check(form) => footer_hints(form.bindings(), self),
            Screen::CheckResult(_) => footer_hints(&RESULT, self),
            Screen::History => footer_hints(&HISTORY, self),
            Screen::Runs => footer_hints(&RUNS, self),
            Screen::Today => footer_hints(&TODAY, self),
            Screen::Exercises(_) => footer_hints(&EXERCISES, self),
        }
    }

    /// Every key of the screen, for the help.
    pub fn help_hints(&self) -> Vec<Hint> {
        let mut hints = match &self.screen {
            Screen::Library(screen) if screen.filtering => help_hints(&FILTERING, self),
            Screen::Library(_) => help_hints(&LIBRARY, self),
            Screen::Preview(_) => help_hints(&PREVIEW, self),
            Screen::Player(_) => help_hints(&PLAYER, self),
            Screen::Done(_) => help_hints(&DONE, self),
            Screen::Check(form) => help_hints(form.bindings(), self),
            Screen::CheckResult(_) => help_hints(&RESULT, self),
            Screen::History => help_hints(&HISTORY, self),
            Screen::Runs => help_hints(&RUNS, self),
            Screen::Today => help_hints(&TODAY, self),
            Screen::Exercises(_) => help_hints(&EXERCISES, self),
        };
        hints.extend(super::keymap::GLOBAL_HELP);
        hints
    }

    /// Opens the help over the screen (the key tables' test opens it on every screen).
    pub(crate) fn help(&mut self) {
        self.overlay = Some(Overlay::Help);
    }

    fn library_action(&mut self, action: LibraryKey) {
        let Screen::Library(screen) = &mut self.screen else {
            return;
        };
        // What the screen did not act on itself is the app's to do.
        let Some(handed_back) = screen.act(action, &self.library) else {
            return;
        };
        match handed_back {
            LibraryKey::Open => self.open_selected(),
            LibraryKey::PainCheck => self.start_check(),
            LibraryKey::History => self.open_history(),
            LibraryKey::Runs => self.open_runs(),
            LibraryKey::Exercises => {
                self.screen = Screen::Exercises(Box::new(super::ExerciseScreen::new(self.now)));
            }
            LibraryKey::Help => self.help(),
            LibraryKey::Quit => self.should_quit = true,
            LibraryKey::Today => self.go_home(),
            LibraryKey::Next
            | LibraryKey::Previous
            | LibraryKey::Filter
            | LibraryKey::ClearFilter => {}
        }
    }

    fn filter_action(&mut self, action: FilterKey, key: KeyEvent) {
        if let Screen::Library(screen) = &mut self.screen {
            screen.act_filtering(action, key, &self.library);
        }
    }

    /// The preview of the highlighted routine.
    fn open_selected(&mut self) {
        let Screen::Library(screen) = &self.screen else {
            return;
        };
        let Some(routine) = screen.selected_routine(&self.library).cloned() else {
            return;
        };
        // The library comes back as it was left: its filter and the highlighted routine.
        let preview = PreviewScreen::new(routine, screen.clone());
        self.screen = Screen::Preview(Box::new(preview));
    }

    fn preview_action(&mut self, action: PreviewKey) {
        let Screen::Preview(preview) = &mut self.screen else {
            return;
        };
        // What the screen did not act on itself is the app's to do.
        match preview.act(action) {
            Some(PreviewKey::Start) => {
                let routine = preview.routine.clone();
                self.start(routine);
            }
            Some(PreviewKey::Help) => self.help(),
            Some(PreviewKey::Back) => {
                let Screen::Preview(preview) =
                    std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::default()))
                else {
                    return;
                };
                self.overlay = None;
                self.screen = Screen::Library(preview.into_library());
            }
            Some(PreviewKey::ScrollDown | PreviewKey::ScrollUp) | None => {}
        }
    }

    fn player_action(&mut self, action: player::Action) {
        match action {
            player::Action::Events(events) => self.absorb(events),
            player::Action::ToggleMute => self.prefs.muted = !self.prefs.muted,
            player::Action::Help => {
                self.pause_for_overlay();
                self.help();
            }
            player::Action::AskQuit => {
                self.pause_for_overlay();
                self.overlay = Some(Overlay::ConfirmQuit);
            }
        }
    }

    /// A box over the player stops the clock: nothing counts down, moves on or sounds under it.
    fn pause_for_overlay(&mut self) {
        if let Screen::Player(player) = &mut self.screen {
            if !player.session.is_paused() {
                let events = player.session.toggle_hold(self.now);
                self.paused_for_overlay = true;
                self.absorb(events);
            }
        }
    }

    /// The box closed: a routine it paused goes on where it was.
    fn resume_after_overlay(&mut self) {
        if !std::mem::take(&mut self.paused_for_overlay) {
            return;
        }
        if let Screen::Player(player) = &mut self.screen {
            if player.session.is_paused() {
                let events = player.session.toggle_hold(self.now);
                self.absorb(events);
            }
        }
    }

    fn done_action(&mut self, action: DoneKey) {
        match action {
            DoneKey::PainCheck => self.start_check(),
            DoneKey::Continue | DoneKey::Back => self.go_home(),
            DoneKey::Help => self.help(),
        }
    }

    fn check_key(&mut self, key: KeyEvent, now: AppInstant) {
        let Screen::Check(form) = &mut self.screen else {
            return;
        };
        match form.handle_key(key, now) {
            check::Outcome::Asking => {}
            check::Outcome::Left => self.go_home(),
            check::Outcome::Answered(answers, profile) => self.show_result_with(answers, profile),
        }
    }

    fn result_action(&mut self, action: ResultKey) {
        let Screen::CheckResult(result) = &mut self.screen else {
            return;
        };
        match result.act(action) {
            Some(ResultKey::Help) => self.help(),
            Some(ResultKey::Start) => {
                match result
                    .chosen()
                    .and_then(|id| self.library.find(id))
                    .cloned()
                {
                    Some(routine) => self.start(routine),
                    None => self.go_home(),
                }
            }
            Some(ResultKey::Close) => self.go_home(),
            Some(
                ResultKey::NextRoutine
                | ResultKey::PreviousRoutine
                | ResultKey::ScrollDown
                | ResultKey::ScrollUp,
            )
            | None => {}
        }
    }

    fn exercise_action(&mut self, action: ExerciseKey, key: KeyEvent, now: AppInstant) {
        let Screen::Exercises(browser) = &mut self.screen else {
            return;
        };
        match browser.act(action, key, &self.library, now) {
            Some(ExerciseKey::Help) => self.help(),
            Some(ExerciseKey::Back) => self.go_home(),
            Some(
                ExerciseKey::Next
                | ExerciseKey::Previous
                | ExerciseKey::ScrollDown
                | ExerciseKey::ScrollUp
                | ExerciseKey::NextArea
                | ExerciseKey::Type
                | ExerciseKey::Erase
                | ExerciseKey::Clear,
            )
            | None => {}
        }
    }

    fn history_action(&mut self, action: HistoryKey) {
        match action {
            HistoryKey::PainCheck => self.start_check(),
            HistoryKey::Help => self.help(),
            HistoryKey::Back => self.go_home(),
        }
    }

    fn runs_action(&mut self, action: RunsKey) {
        match action {
            RunsKey::Help => self.help(),
            RunsKey::Back => self.go_home(),
        }
    }
}
