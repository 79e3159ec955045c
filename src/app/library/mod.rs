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

    /// Moves the highlight `step` rows, round the list; whether anything moved.
    pub fn select(&mut self, step: isize, library: &Library) -> bool {
        let count = self.visible(library).len();
        if count < 2 {
            return false;
        }
        self.selected = (self.selected + count).saturating_add_signed(step) % count;
        true
    }

    pub fn selected_routine<'a>(&self, library: &'a Library) -> Option<&'a Routine> {
        self.visible(library).get(self.selected).copied()
    }

    pub fn clear_filter(&mut self) {
        self.filter.clear();
        self.selected = 0;
    }

    /// A character typed into the filter.
    pub fn type_char(&mut self, key: KeyEvent) -> bool {
        let KeyCode::Char(c) = key.code else {
            return false;
        };
        self.filter.push(c);
        self.selected = 0;
        true
    }

    pub fn erase(&mut self) -> bool {
        self.selected = 0;
        self.filter.pop().is_some()
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
