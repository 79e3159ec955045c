//! The key tables of the library, its filter, the routine preview and the exercise browser.

use crossterm::event::KeyCode::{
    BackTab, Backspace, Char, Down, Enter, Esc, Left, PageDown, PageUp, Tab, Up,
};

use super::{HELP, home_is_library, home_is_today};
use crate::app::keymap::Binding;
use crate::app::{App, Screen};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryKey {
    Next,
    Previous,
    Open,
    Filter,
    ClearFilter,
    PainCheck,
    History,
    Runs,
    Exercises,
    Help,
    Quit,
    /// With a program active, the library is one step from home: back to Today.
    Today,
}

fn filter_set(app: &App) -> bool {
    matches!(&app.screen, Screen::Library(s) if !s.filter.is_empty())
}

pub(crate) static LIBRARY: [Binding<LibraryKey>; 12] = [
    Binding::new(
        &[Down, Tab, Char('j')],
        "↑↓",
        "choose",
        "choose a routine (also tab, j, k)",
        LibraryKey::Next,
    )
    .low(),
    Binding::new(
        &[Up, BackTab, Char('k')],
        "↑↓",
        "choose",
        "choose a routine (also tab, j, k)",
        LibraryKey::Previous,
    )
    .low(),
    Binding::new(
        &[Enter],
        "enter",
        "preview",
        "preview the routine; enter again starts it",
        LibraryKey::Open,
    )
    .low(),
    Binding::new(
        &[Char('/')],
        "/",
        "filter",
        "filter by words of names, descriptions, tags",
        LibraryKey::Filter,
    )
    .low(),
    Binding::new(
        &[Esc],
        "esc",
        "clear filter",
        "clear the filter",
        LibraryKey::ClearFilter,
    )
    .when(filter_set),
    Binding::new(
        &[Char('c')],
        "c",
        "pain check",
        "take the pain check",
        LibraryKey::PainCheck,
    ),
    Binding::new(
        &[Char('h')],
        "h",
        "history",
        "sessions, streaks and pain over time",
        LibraryKey::History,
    ),
    Binding::new(
        &[Char('r')],
        "r",
        "runs",
        "your runs: weeks of distance, long-run spikes",
        LibraryKey::Runs,
    ),
    Binding::new(
        &[Char('e')],
        "e",
        "exercises",
        "every exercise: how it moves, how to do it",
        LibraryKey::Exercises,
    ),
    Binding::new(HELP, "?", "help", "these keys", LibraryKey::Help),
    Binding::new(
        &[Char('q'), Esc],
        "q",
        "today",
        "back to Today (quit from there)",
        LibraryKey::Today,
    )
    .when(home_is_today),
    Binding::new(&[Char('q'), Esc], "q", "quit", "quit", LibraryKey::Quit).when(home_is_library),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKey {
    Type,
    Erase,
    Done,
    Cancel,
    Next,
    Previous,
}

/// While typing a filter: letters go to the filter.
/// `enter` keeps the filter and hands the keys back to the list (where `enter` previews).
pub(crate) static FILTERING: [Binding<FilterKey>; 7] = [
    Binding::new(&[], "a-z", "type", "type to filter", FilterKey::Type).any_text(),
    Binding::new(
        &[Backspace],
        "backspace",
        "erase",
        "erase a letter",
        FilterKey::Erase,
    ),
    Binding::new(
        &[Enter],
        "enter",
        "done",
        "keep the filter and choose from the matches",
        FilterKey::Done,
    ),
    Binding::new(
        &[Down, Tab],
        "↑↓",
        "choose",
        "choose a match",
        FilterKey::Next,
    ),
    Binding::new(
        &[Up, BackTab],
        "↑↓",
        "choose",
        "choose a match",
        FilterKey::Previous,
    ),
    Binding::new(
        &[Esc],
        "esc",
        "clear",
        "clear the filter and stop filtering",
        FilterKey::Cancel,
    ),
    // Listed so the help says where `?` went: it is a letter while filtering.
    Binding::new(
        &[],
        "?",
        "",
        "a letter while filtering: esc first for help",
        FilterKey::Type,
    )
    .help_only(),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewKey {
    Start,
    ScrollDown,
    ScrollUp,
    Help,
    Back,
}

pub(crate) static PREVIEW: [Binding<PreviewKey>; 5] = [
    Binding::new(
        &[Enter],
        "enter",
        "start",
        "start the routine",
        PreviewKey::Start,
    ),
    Binding::new(
        &[Down, Char('j'), PageDown],
        "↑↓",
        "scroll",
        "scroll (also j, k)",
        PreviewKey::ScrollDown,
    ),
    Binding::new(
        &[Up, Char('k'), PageUp],
        "↑↓",
        "scroll",
        "scroll (also j, k)",
        PreviewKey::ScrollUp,
    ),
    Binding::new(HELP, "?", "help", "these keys", PreviewKey::Help),
    Binding::new(
        &[Esc, Backspace, Left, Char('q')],
        "esc",
        "back",
        "back to the library",
        PreviewKey::Back,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExerciseKey {
    Next,
    Previous,
    ScrollDown,
    ScrollUp,
    NextArea,
    Type,
    Erase,
    Clear,
    Help,
    Back,
}

fn exercise_filter_set(app: &App) -> bool {
    matches!(&app.screen, Screen::Exercises(s) if !s.filter.is_empty() || s.area.is_some())
}

fn exercise_text_typed(app: &App) -> bool {
    matches!(&app.screen, Screen::Exercises(s) if !s.filter.is_empty())
}

fn exercise_scrolls(app: &App) -> bool {
    matches!(&app.screen, Screen::Exercises(s) if s.scroll.can_move())
}

/// The exercise browser. Letters always go to the filter, so every command is on a key that is not
/// one (`?` is in no exercise's name).
pub(crate) static EXERCISES: [Binding<ExerciseKey>; 10] = [
    Binding::new(
        &[Down],
        "↑↓",
        "choose",
        "choose an exercise",
        ExerciseKey::Next,
    ),
    Binding::new(
        &[Up],
        "↑↓",
        "choose",
        "choose an exercise",
        ExerciseKey::Previous,
    ),
    Binding::new(&[Char('?')], "?", "help", "these keys", ExerciseKey::Help),
    Binding::new(
        &[],
        "a-z",
        "filter",
        "type to filter by name or body area",
        ExerciseKey::Type,
    )
    .any_text(),
    Binding::new(
        &[Tab],
        "tab",
        "area",
        "one body area at a time; again for the next",
        ExerciseKey::NextArea,
    ),
    Binding::new(
        &[PageDown],
        "pgup/pgdn",
        "scroll",
        "scroll how to do it",
        ExerciseKey::ScrollDown,
    )
    .when(exercise_scrolls),
    Binding::new(
        &[PageUp],
        "pgup/pgdn",
        "scroll",
        "scroll how to do it",
        ExerciseKey::ScrollUp,
    )
    .when(exercise_scrolls),
    Binding::new(
        &[Backspace],
        "backspace",
        "erase",
        "erase a letter of the filter",
        ExerciseKey::Erase,
    )
    .when(exercise_text_typed)
    .help_only(),
    Binding::new(
        &[Esc],
        "esc",
        "clear filter",
        "clear the filter and the area",
        ExerciseKey::Clear,
    )
    .when(exercise_filter_set),
    Binding::new(
        &[Esc, Left],
        "esc",
        "back",
        "back to the library",
        ExerciseKey::Back,
    ),
];
