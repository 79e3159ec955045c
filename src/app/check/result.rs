//! The result of a pain check: level, reasons, advice, routines that may help.

use crossterm::event::{KeyCode, KeyEvent};

use crate::app::records::CheckRecord;

#[derive(Debug, Clone)]
pub struct CheckResult {
    pub record: CheckRecord,
    /// Ids of the suggested routines.
    pub routines: Vec<String>,
    pub selected: usize,
    /// Lines scrolled down in the advice, for small terminals.
    pub scroll: u16,
    /// A one-line hint after a key that does nothing here.
    pub notice: Option<&'static str>,
}

/// The key that starts the chosen routine: a letter no question uses, so a key held or typed
/// ahead from the questions never acts on the result.
pub const START_KEY: char = 'r';

pub enum Action {
    None(bool),
    /// Start this routine.
    Start(String),
    Leave,
}

impl CheckResult {
    /// Only keys of its own act here: `enter`, `y`, `n`, digits and the other answering keys do
    /// nothing but point at the keys that work.
    pub fn handle_key(&mut self, key: KeyEvent) -> Action {
        let count = self.routines.len();
        let had_notice = self.notice.take().is_some();
        match key.code {
            KeyCode::Down | KeyCode::Tab if count > 1 => {
                self.selected = (self.selected + 1) % count;
                Action::None(true)
            }
            KeyCode::Up | KeyCode::BackTab if count > 1 => {
                self.selected = (self.selected + count - 1) % count;
                Action::None(true)
            }
            KeyCode::PageDown | KeyCode::Char('j') => {
                self.scroll = self.scroll.saturating_add(1);
                Action::None(true)
            }
            KeyCode::PageUp | KeyCode::Char('k') => {
                let before = self.scroll;
                self.scroll = self.scroll.saturating_sub(1);
                Action::None(before != self.scroll)
            }
            KeyCode::Char(START_KEY) if count > 0 => self
                .routines
                .get(self.selected)
                .map_or(Action::None(false), |id| Action::Start(id.clone())),
            KeyCode::Esc | KeyCode::Char('q') => Action::Leave,
            KeyCode::Enter | KeyCode::Char(_) => {
                self.notice = Some(if count > 0 {
                    "This is your result. Press r to start the chosen routine, or esc to close."
                } else {
                    "This is your result. Press esc to close."
                });
                Action::None(true)
            }
            _ => Action::None(had_notice),
        }
    }
}
