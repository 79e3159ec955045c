//! What a key does on each screen, by that screen's table in [`super::bindings`]; each handler
//! returns whether anything visible changed. The footers and the help come from the same tables.

use crossterm::event::KeyEvent;

use super::bindings::{
    CONFIRM_QUIT, ConfirmKey, DONE, DoneKey, EXERCISES, ExerciseKey, FILTERING, FilterKey, HISTORY,
    HistoryKey, LIBRARY, LibraryKey, PLAYER, PREVIEW, PreviewKey, RESULT, RUNS, ResultKey, RunsKey,
};
use super::keymap::{Hint, action_for, footer_hints, help_hints};
use super::today_keys::TODAY;
use super::{App, Overlay, Screen, check, player};
use crate::engine::Millis;

impl App {
    pub(super) fn handle_overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> bool {
        match overlay {
            Overlay::Help => {
                // Any key closes help; it is never mistaken for a command.
                self.overlay = None;
                self.resume_after_overlay();
                true
            }
            Overlay::SessionPain => self.session_pain_key(key),
            Overlay::Morning => self.morning_key(key),
            Overlay::ConfirmQuit => match action_for(&CONFIRM_QUIT, self, key) {
                Some(ConfirmKey::Stop) => {
                    self.overlay = None;
                    self.stop_routine();
                    true
                }
                Some(ConfirmKey::KeepGoing) => {
                    self.overlay = None;
                    self.resume_after_overlay();
                    true
                }
                None => false,
            },
        }
    }

    pub(super) fn screen_key(&mut self, key: KeyEvent, now: Millis) -> bool {
        match &self.screen {
            Screen::Library(screen) if screen.filtering => action_for(&FILTERING, self, key)
                .is_some_and(|action| self.filter_action(action, key)),
            Screen::Library(_) => {
                action_for(&LIBRARY, self, key).is_some_and(|action| self.library_action(action))
            }
            Screen::Preview { .. } => {
                action_for(&PREVIEW, self, key).is_some_and(|action| self.preview_action(action))
            }
            Screen::Player(_) => {
                let Some(action) = action_for(&PLAYER, self, key) else {
                    return false;
                };
                let Screen::Player(screen) = &mut self.screen else {
                    return false;
                };
                let outcome = player::act(screen, action, now);
                self.player_action(outcome)
            }
            Screen::Done(_) => {
                action_for(&DONE, self, key).is_some_and(|action| self.done_action(action))
            }
            Screen::Check(_) => self.check_key(key, now),
            Screen::CheckResult(_) => {
                if let Some(action) = action_for(&RESULT, self, key) {
                    return self.result_action(action);
                }
                if let Screen::CheckResult(result) = &mut self.screen {
                    result.point_at_the_keys();
                }
                true
            }
            Screen::History => {
                action_for(&HISTORY, self, key).is_some_and(|action| self.history_action(action))
            }
            Screen::Runs => {
                action_for(&RUNS, self, key).is_some_and(|action| self.runs_action(action))
            }
            Screen::Today => {
                action_for(&TODAY, self, key).is_some_and(|action| self.today_action(action))
            }
            Screen::Exercises(_) => action_for(&EXERCISES, self, key)
                .is_some_and(|action| self.exercise_action(action, key, now)),
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
            Some(Overlay::Help) | None => {}
        }
        match &self.screen {
            Screen::Library(screen) if screen.filtering => footer_hints(&FILTERING, self),
            Screen::Library(_) => footer_hints(&LIBRARY, self),
            Screen::Preview { .. } => footer_hints(&PREVIEW, self),
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
            Screen::Preview { .. } => help_hints(&PREVIEW, self),
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

    fn help(&mut self) -> bool {
        self.overlay = Some(Overlay::Help);
        true
    }

    fn library_action(&mut self, action: LibraryKey) -> bool {
        let Screen::Library(screen) = &mut self.screen else {
            return false;
        };
        match action {
            LibraryKey::Next => return screen.select(1, &self.library),
            LibraryKey::Previous => return screen.select(-1, &self.library),
            LibraryKey::Open => return self.open_selected(),
            LibraryKey::Filter => screen.filtering = true,
            LibraryKey::ClearFilter => screen.clear_filter(),
            LibraryKey::PainCheck => self.start_check(),
            LibraryKey::History => self.open_history(),
            LibraryKey::Runs => self.open_runs(),
            LibraryKey::Exercises => {
                self.screen = Screen::Exercises(Box::new(super::ExerciseScreen::new(self.now)));
            }
            LibraryKey::Help => return self.help(),
            LibraryKey::Quit => self.should_quit = true,
            LibraryKey::Today => self.go_home(),
        }
        true
    }

    fn filter_action(&mut self, action: FilterKey, key: KeyEvent) -> bool {
        let Screen::Library(screen) = &mut self.screen else {
            return false;
        };
        match action {
            FilterKey::Type => screen.type_char(key),
            FilterKey::Erase => screen.erase(),
            FilterKey::Done => {
                screen.filtering = false;
                true
            }
            FilterKey::Cancel => {
                screen.filtering = false;
                screen.clear_filter();
                true
            }
            FilterKey::Next => screen.select(1, &self.library),
            FilterKey::Previous => screen.select(-1, &self.library),
        }
    }

    /// The preview of the highlighted routine.
    fn open_selected(&mut self) -> bool {
        let Screen::Library(screen) = &self.screen else {
            return false;
        };
        let Some(routine) = screen.selected_routine(&self.library).cloned() else {
            return false;
        };
        // The library comes back as it was left: its filter and the highlighted routine.
        let library = Box::new(screen.clone());
        self.screen = Screen::Preview {
            routine: Box::new(routine),
            scroll: super::Scroll::default(),
            library,
        };
        true
    }

    fn preview_action(&mut self, action: PreviewKey) -> bool {
        let Screen::Preview {
            routine,
            scroll,
            library,
        } = &mut self.screen
        else {
            return false;
        };
        match action {
            PreviewKey::Start => {
                let routine = routine.as_ref().clone();
                self.start(routine);
                true
            }
            PreviewKey::ScrollDown => scroll.down(),
            PreviewKey::ScrollUp => scroll.up(),
            PreviewKey::Help => self.help(),
            PreviewKey::Back => {
                let library = std::mem::take(library.as_mut());
                self.overlay = None;
                self.screen = Screen::Library(library);
                true
            }
        }
    }

    fn player_action(&mut self, action: player::Action) -> bool {
        match action {
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
                self.pause_for_overlay();
                self.help()
            }
            player::Action::AskQuit => {
                self.pause_for_overlay();
                self.overlay = Some(Overlay::ConfirmQuit);
                true
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

    fn done_action(&mut self, action: DoneKey) -> bool {
        match action {
            DoneKey::PainCheck => self.start_check(),
            DoneKey::Continue | DoneKey::Back => self.go_home(),
            DoneKey::Help => return self.help(),
        }
        true
    }

    fn check_key(&mut self, key: KeyEvent, now: Millis) -> bool {
        let Screen::Check(form) = &mut self.screen else {
            return false;
        };
        match form.handle_key(key, now) {
            check::Outcome::Asking(changed) => changed,
            check::Outcome::Left => {
                self.go_home();
                true
            }
            check::Outcome::Answered(answers, profile) => {
                self.show_result_with(answers, profile);
                true
            }
        }
    }

    fn result_action(&mut self, action: ResultKey) -> bool {
        let Screen::CheckResult(result) = &mut self.screen else {
            return false;
        };
        result.notice = None;
        match action {
            ResultKey::NextRoutine => result.choose(1),
            ResultKey::PreviousRoutine => result.choose(-1),
            ResultKey::ScrollDown => result.scroll.down(),
            ResultKey::ScrollUp => result.scroll.up(),
            ResultKey::Help => self.help(),
            ResultKey::Start => {
                match result
                    .chosen()
                    .and_then(|id| self.library.find(id))
                    .cloned()
                {
                    Some(routine) => self.start(routine),
                    None => self.go_home(),
                }
                true
            }
            ResultKey::Close => {
                self.go_home();
                true
            }
        }
    }

    fn exercise_action(&mut self, action: ExerciseKey, key: KeyEvent, now: Millis) -> bool {
        let Screen::Exercises(browser) = &mut self.screen else {
            return false;
        };
        match action {
            ExerciseKey::Next => browser.select(1, &self.library, now),
            ExerciseKey::Previous => browser.select(-1, &self.library, now),
            ExerciseKey::ScrollDown => browser.scroll.down(),
            ExerciseKey::ScrollUp => browser.scroll.up(),
            ExerciseKey::NextArea => browser.next_area(&self.library, now),
            ExerciseKey::Type => browser.type_char(key, now),
            ExerciseKey::Erase => browser.erase(now),
            ExerciseKey::Clear => browser.clear(now),
            ExerciseKey::Help => self.help(),
            ExerciseKey::Back => {
                self.go_home();
                true
            }
        }
    }

    fn history_action(&mut self, action: HistoryKey) -> bool {
        match action {
            HistoryKey::PainCheck => self.start_check(),
            HistoryKey::Help => return self.help(),
            HistoryKey::Back => self.go_home(),
        }
        true
    }

    fn runs_action(&mut self, action: RunsKey) -> bool {
        match action {
            RunsKey::Help => return self.help(),
            RunsKey::Back => self.go_home(),
        }
        true
    }
}
