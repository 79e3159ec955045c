//! The library screen: routines grouped by kind; `/` filters them as you type.
//!
//! A filter is words: a routine shows when every word is in its name, id, description, tags, kind,
//! when or equipment. Routines whose name has more of the words come first.

use crossterm::event::{KeyCode, KeyEvent};

use super::bindings::{FilterKey, LibraryKey};
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
    /// Acts on a key of the list (moving, filtering); a key only the app can act on (opening the
    /// preview, another screen, help, quitting) comes back as it was.
    pub fn act(&mut self, key: LibraryKey, library: &Library) -> Option<LibraryKey> {
        match key {
            LibraryKey::Next => {
                self.select(1, library);
                None
            }
            LibraryKey::Previous => {
                self.select(-1, library);
                None
            }
            LibraryKey::Filter => {
                self.filtering = true;
                None
            }
            LibraryKey::ClearFilter => {
                self.clear_filter();
                None
            }
            LibraryKey::Open
            | LibraryKey::PainCheck
            | LibraryKey::History
            | LibraryKey::Runs
            | LibraryKey::Exercises
            | LibraryKey::Help
            | LibraryKey::Quit
            | LibraryKey::Today => Some(key),
        }
    }

    /// Acts on a key while typing a filter (`event` is the key, for the letter typed).
    pub fn act_filtering(&mut self, key: FilterKey, event: KeyEvent, library: &Library) {
        match key {
            FilterKey::Type => {
                self.type_char(event);
            }
            FilterKey::Erase => {
                self.erase();
            }
            FilterKey::Done => self.filtering = false,
            FilterKey::Cancel => {
                self.filtering = false;
                self.clear_filter();
            }
            FilterKey::Next => {
                self.select(1, library);
            }
            FilterKey::Previous => {
                self.select(-1, library);
            }
        }
    }

    /// The routines shown, in display order: grouped by kind, then by name; with a filter, the
    /// routines whose names hold more of its words first.
    pub fn visible<'a>(&self, library: &'a Library) -> Vec<&'a Routine> {
        let lowered = self.filter.to_lowercase();
        let words: Vec<&str> = lowered.split_whitespace().collect();
        let mut shown: Vec<(usize, &Routine)> = library
            .routines
            .iter()
            .filter(|r| words.iter().all(|w| matches_word(r, w)))
            .map(|r| (name_matches(r, &words), r))
            .collect();
        shown.sort_by(|(a_rank, a), (b_rank, b)| {
            (b_rank, a.kind, &a.name).cmp(&(a_rank, b.kind, &b.name))
        });
        shown.into_iter().map(|(_, r)| r).collect()
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

/// Whether one lowercase word of the filter is anywhere a runner would look for it.
fn matches_word(routine: &Routine, word: &str) -> bool {
    let fields = [
        routine.name.as_str(),
        routine.id.as_str(),
        routine.description.as_deref().unwrap_or_default(),
        routine.kind.as_str(),
        routine.when.as_str(),
    ];
    fields
        .into_iter()
        .chain(routine.tags.iter().map(String::as_str))
        .chain(routine.equipment.iter().map(String::as_str))
        .any(|field| field.to_lowercase().contains(word))
}

/// How many of the words are in the routine's name.
fn name_matches(routine: &Routine, words: &[&str]) -> usize {
    let name = routine.name.to_lowercase();
    words.iter().filter(|w| name.contains(**w)).count()
}

#[cfg(test)]
mod tests;
