//! The library screen: routines grouped by kind; `/` filters them as you type.

use crossterm::event::{KeyCode, KeyEvent};

use crate::routine::{Library, Routine};

#[derive(Debug, Clone, Default)]
pub struct LibraryScreen {
    pub filter: String,
    /// Typing goes to the filter (after `/`, until enter or esc).
    pub filtering: bool,
    /// Index into [`LibraryScreen::visible`].
    pub selected: usize,
}

pub enum Action {
    None(bool),
    Preview(Box<Routine>),
    Help,
    PainCheck,
    History,
    Quit,
}

impl LibraryScreen {
    /// The routines shown, in display order: grouped by kind, then by name.
    pub fn visible<'a>(&self, library: &'a Library) -> Vec<&'a Routine> {
        let needle = self.filter.to_lowercase();
        let mut shown: Vec<&Routine> = library
            .routines
            .iter()
            .filter(|r| needle.is_empty() || matches_filter(r, &needle))
            .collect();
        shown.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
        shown
    }

    pub fn handle_key(&mut self, key: KeyEvent, library: &Library) -> Action {
        if self.filtering {
            if let Some(action) = self.filter_key(key) {
                return action;
            }
        }
        let count = self.visible(library).len();
        match key.code {
            KeyCode::Down | KeyCode::Tab | KeyCode::Char('j') => {
                if count > 0 {
                    self.selected = (self.selected + 1) % count;
                }
                Action::None(count > 1)
            }
            KeyCode::Up | KeyCode::BackTab | KeyCode::Char('k') => {
                if count > 0 {
                    self.selected = (self.selected + count - 1) % count;
                }
                Action::None(count > 1)
            }
            KeyCode::Enter => self
                .visible(library)
                .get(self.selected)
                .map_or(Action::None(false), |r| {
                    Action::Preview(Box::new((*r).clone()))
                }),
            KeyCode::Esc if !self.filter.is_empty() => {
                self.filter.clear();
                self.selected = 0;
                Action::None(true)
            }
            KeyCode::Esc | KeyCode::Char('q') => Action::Quit,
            KeyCode::Char('/') => {
                self.filtering = true;
                Action::None(true)
            }
            KeyCode::Char('c') => Action::PainCheck,
            KeyCode::Char('h') => Action::History,
            KeyCode::Char('?') => Action::Help,
            _ => Action::None(false),
        }
    }

    /// Keys while typing a filter; `None` for keys that keep their usual meaning (arrows, enter).
    fn filter_key(&mut self, key: KeyEvent) -> Option<Action> {
        let changed = match key.code {
            KeyCode::Esc => {
                self.filtering = false;
                self.filter.clear();
                true
            }
            KeyCode::Enter if self.filter.is_empty() => {
                self.filtering = false;
                true
            }
            KeyCode::Backspace => self.filter.pop().is_some(),
            KeyCode::Char(c) if !c.is_control() => {
                self.filter.push(c);
                true
            }
            _ => return None,
        };
        self.selected = 0;
        Some(Action::None(changed))
    }
}

fn matches_filter(routine: &Routine, needle: &str) -> bool {
    let haystacks = [
        routine.name.to_lowercase(),
        routine.id.clone(),
        routine.kind.as_str().to_owned(),
        routine.when.as_str().to_owned(),
    ];
    haystacks.iter().any(|h| h.contains(needle))
        || routine
            .tags
            .iter()
            .any(|t| t.to_lowercase().contains(needle))
        || routine
            .equipment
            .iter()
            .any(|e| e.to_lowercase().contains(needle))
}
