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
}

pub enum Action {
    None(bool),
    /// Start this routine.
    Start(String),
    Leave,
}

impl CheckResult {
    pub fn handle_key(&mut self, key: KeyEvent) -> Action {
        let count = self.routines.len();
        match key.code {
            KeyCode::Down | KeyCode::Tab if count > 1 => {
                self.selected = (self.selected + 1) % count;
                Action::None(true)
            }
            KeyCode::Up | KeyCode::BackTab if count > 1 => {
                self.selected = (self.selected + count - 1) % count;
                Action::None(true)
            }
            KeyCode::PageDown | KeyCode::Char('j' | ' ') => {
                self.scroll = self.scroll.saturating_add(1);
                Action::None(true)
            }
            KeyCode::PageUp | KeyCode::Char('k') => {
                let before = self.scroll;
                self.scroll = self.scroll.saturating_sub(1);
                Action::None(before != self.scroll)
            }
            KeyCode::Enter => self
                .routines
                .get(self.selected)
                .map_or(Action::Leave, |id| Action::Start(id.clone())),
            KeyCode::Esc | KeyCode::Char('q') => Action::Leave,
            _ => Action::None(false),
        }
    }
}
