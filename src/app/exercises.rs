//! The exercise browser's state: every exercise in the catalog, filtered as you type (by name or body
//! area), one body area at a time with `tab`.

use crossterm::event::{KeyCode, KeyEvent};

use super::Scroll;
use super::bindings::ExerciseKey;
use crate::engine::AppInstant;
use crate::routine::Library;
use crate::routine::catalog::Exercise;

#[derive(Debug, Clone, Default)]
pub struct ExerciseScreen {
    /// Words that must all appear in the name, the id or the body areas.
    pub filter: String,
    /// Only exercises for this body area (`tab` goes through them), or all.
    pub area: Option<String>,
    /// Index into [`ExerciseScreen::visible`].
    pub selected: usize,
    /// When the chosen exercise began to show: its figure's movement starts there.
    pub shown_since: AppInstant,
    /// The chosen exercise's words.
    pub scroll: Scroll,
}

impl ExerciseScreen {
    /// Acts on a browser key (choosing, filtering, scrolling; `event` is the key, for a letter
    /// typed); a key only the app can act on (help, back home) comes back as it was.
    pub fn act(
        &mut self,
        key: ExerciseKey,
        event: KeyEvent,
        library: &Library,
        now: AppInstant,
    ) -> Option<ExerciseKey> {
        match key {
            ExerciseKey::Next => {
                self.select(1, library, now);
            }
            ExerciseKey::Previous => {
                self.select(-1, library, now);
            }
            ExerciseKey::ScrollDown => {
                self.scroll.down();
            }
            ExerciseKey::ScrollUp => {
                self.scroll.up();
            }
            ExerciseKey::NextArea => {
                self.next_area(library, now);
            }
            ExerciseKey::Type => {
                self.type_char(event, now);
            }
            ExerciseKey::Erase => {
                self.erase(now);
            }
            ExerciseKey::Clear => {
                self.clear(now);
            }
            ExerciseKey::Help | ExerciseKey::Back => return Some(key),
        }
        None
    }

    pub fn new(now: AppInstant) -> Self {
        Self {
            shown_since: now,
            ..Self::default()
        }
    }

    /// The exercises shown, by name.
    pub fn visible<'a>(&self, library: &'a Library) -> Vec<&'a Exercise> {
        let filter = self.filter.to_lowercase();
        let words: Vec<&str> = filter.split_whitespace().collect();
        let mut shown: Vec<&Exercise> = library
            .catalog
            .iter()
            .filter(|e| self.area.as_ref().is_none_or(|a| e.areas.contains(a)))
            .filter(|e| words.iter().all(|w| matches_word(e, w)))
            .collect();
        shown.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
        shown
    }

    pub fn selected_exercise<'a>(&self, library: &'a Library) -> Option<&'a Exercise> {
        self.visible(library).get(self.selected).copied()
    }

    /// Moves the highlight `step` rows, round the list; whether anything moved.
    pub fn select(&mut self, step: isize, library: &Library, now: AppInstant) -> bool {
        let count = self.visible(library).len();
        if count < 2 {
            return false;
        }
        self.selected = (self.selected + count).saturating_add_signed(step) % count;
        self.chosen(now);
        true
    }

    /// The next body area (after the last, all of them again).
    pub fn next_area(&mut self, library: &Library, now: AppInstant) -> bool {
        let areas = areas(library);
        if areas.is_empty() {
            return false;
        }
        self.area = match &self.area {
            None => areas.first().cloned(),
            Some(area) => areas
                .iter()
                .position(|a| a == area)
                .and_then(|i| areas.get(i + 1))
                .cloned(),
        };
        self.selected = 0;
        self.chosen(now);
        true
    }

    pub fn type_char(&mut self, key: KeyEvent, now: AppInstant) -> bool {
        let KeyCode::Char(c) = key.code else {
            return false;
        };
        self.filter.push(c);
        self.selected = 0;
        self.chosen(now);
        true
    }

    pub fn erase(&mut self, now: AppInstant) -> bool {
        let erased = self.filter.pop().is_some();
        if erased {
            self.selected = 0;
            self.chosen(now);
        }
        erased
    }

    /// Clears the filter and the area; whether there was any.
    pub fn clear(&mut self, now: AppInstant) -> bool {
        let had = !self.filter.is_empty() || self.area.is_some();
        self.filter.clear();
        self.area = None;
        self.selected = 0;
        self.chosen(now);
        had
    }

    /// Another exercise shows: its words from the top, its figure from the start of its movement.
    fn chosen(&mut self, now: AppInstant) {
        self.shown_since = now;
        self.scroll = Scroll::default();
    }
}

/// Every body area named in the catalog, sorted, once each.
pub(super) fn areas(library: &Library) -> Vec<String> {
    let mut areas: Vec<String> = library
        .catalog
        .iter()
        .flat_map(|e| e.areas.iter().cloned())
        .collect();
    areas.sort();
    areas.dedup();
    areas
}

fn matches_word(exercise: &Exercise, word: &str) -> bool {
    exercise.name.to_lowercase().contains(word)
        || exercise.id.contains(word)
        || exercise
            .areas
            .iter()
            .any(|a| a.to_lowercase().contains(word))
}

/// The ids of the routines with a step of exercise `id`, by routine name.
pub fn routines_using<'a>(library: &'a Library, id: &str) -> Vec<&'a str> {
    let mut names: Vec<&str> = library
        .routines
        .iter()
        .filter(|r| r.steps.iter().any(|s| s.exercise.as_deref() == Some(id)))
        .map(|r| r.name.as_str())
        .collect();
    names.sort_unstable();
    names
}
