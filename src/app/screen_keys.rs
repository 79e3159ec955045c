//! What a key does on each screen; each returns whether anything visible changed.

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Overlay, Screen, check, library, player};
use crate::engine::Millis;

impl App {
    pub(super) fn screen_key(&mut self, key: KeyEvent, now: Millis) -> bool {
        match &mut self.screen {
            Screen::Library(screen) => {
                let action = screen.handle_key(key, &self.library);
                self.library_action(action)
            }
            Screen::Preview { .. } => self.preview_key(key),
            Screen::Player(screen) => {
                let action = player::handle_key(screen, key, now);
                self.player_action(action)
            }
            Screen::Done(_) => self.done_key(key),
            Screen::Check(form) => {
                let outcome = form.handle_key(key, now);
                self.check_outcome(outcome)
            }
            Screen::CheckResult(result) => {
                let action = result.handle_key(key);
                self.result_action(action)
            }
            Screen::History => self.history_key(key),
        }
    }

    fn help(&mut self) -> bool {
        self.overlay = Some(Overlay::Help);
        true
    }

    fn library_action(&mut self, action: library::Action) -> bool {
        match action {
            library::Action::None(changed) => return changed,
            library::Action::Preview(routine) => {
                self.screen = Screen::Preview { routine, scroll: 0 };
            }
            library::Action::Help => return self.help(),
            library::Action::PainCheck => self.start_check(),
            library::Action::History => self.screen = Screen::History,
            library::Action::Quit => self.should_quit = true,
        }
        true
    }

    fn preview_key(&mut self, key: KeyEvent) -> bool {
        let Screen::Preview { routine, scroll } = &mut self.screen else {
            return false;
        };
        match key.code {
            KeyCode::Enter => {
                let routine = routine.as_ref().clone();
                self.start(routine);
            }
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Left | KeyCode::Char('q') => {
                self.go_home();
            }
            KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => {
                let before = *scroll;
                *scroll = scroll.saturating_sub(1);
                return before != *scroll;
            }
            KeyCode::Char('?') => return self.help(),
            _ => return false,
        }
        true
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
            player::Action::Help => self.help(),
            player::Action::AskQuit => {
                self.overlay = Some(Overlay::ConfirmQuit);
                true
            }
        }
    }

    fn done_key(&mut self, key: KeyEvent) -> bool {
        let asks_for_check = matches!(&self.screen, Screen::Done(p) if p.routine.pain_check);
        match key.code {
            KeyCode::Enter if asks_for_check => self.start_check(),
            KeyCode::Char('c') => self.start_check(),
            KeyCode::Enter | KeyCode::Esc | KeyCode::Char('q') => self.go_home(),
            KeyCode::Char('?') => return self.help(),
            _ => return false,
        }
        true
    }

    fn check_outcome(&mut self, outcome: check::Outcome) -> bool {
        match outcome {
            check::Outcome::Asking(changed) => return changed,
            check::Outcome::Left => self.go_home(),
            check::Outcome::Answered(answers) => self.show_result(answers),
        }
        true
    }

    fn result_action(&mut self, action: check::result::Action) -> bool {
        match action {
            check::result::Action::None(changed) => return changed,
            check::result::Action::Start(id) => match self.library.find(&id).cloned() {
                Some(routine) => self.start(routine),
                None => self.go_home(),
            },
            check::result::Action::Leave => self.go_home(),
        }
        true
    }

    fn history_key(&mut self, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Backspace | KeyCode::Char('q' | 'h') => {
                self.go_home();
            }
            KeyCode::Char('c') => self.start_check(),
            KeyCode::Char('?') => return self.help(),
            _ => return false,
        }
        true
    }
}
