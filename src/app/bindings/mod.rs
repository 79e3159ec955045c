//! Every screen's key table, in one place. The handlers in [`super::screen_keys`] act on these
//! actions; the footers and the help are made from these tables. The pain check's tables are in
//! [`check`].

use crossterm::event::KeyCode;
use crossterm::event::KeyCode::{
    BackTab, Backspace, Char, Down, Enter, Esc, Left, PageDown, PageUp, Right, Tab, Up,
};

use super::keymap::Binding;
use super::{App, Screen};

mod check;
pub use check::{
    CHECK_AREAS, CHECK_NUMBER, CHECK_PAIN, CHECK_TREND, CHECK_YES_NO, CHECK_YES_NO_UNSURE, CheckKey,
};

const HELP: &[KeyCode] = &[Char('?')];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryKey {
    Next,
    Previous,
    Open,
    Filter,
    ClearFilter,
    PainCheck,
    History,
    Exercises,
    Help,
    Quit,
    /// With a program active, the library is one step from home: back to Today.
    Today,
}

/// Today is home (the full app with a program active): "back" and the library's `q` lead there.
pub fn home_is_today(app: &App) -> bool {
    app.entry == super::Entry::Library && app.program.is_some()
}

fn home_is_library(app: &App) -> bool {
    !home_is_today(app)
}

fn filter_set(app: &App) -> bool {
    matches!(&app.screen, Screen::Library(s) if !s.filter.is_empty())
}

pub static LIBRARY: [Binding<LibraryKey>; 11] = [
    Binding::new(
        &[Down, Tab, Char('j')],
        "↑↓",
        "choose",
        "choose a routine (also tab, j, k)",
        LibraryKey::Next,
    ),
    Binding::new(
        &[Up, BackTab, Char('k')],
        "↑↓",
        "choose",
        "choose a routine (also tab, j, k)",
        LibraryKey::Previous,
    ),
    Binding::new(
        &[Enter],
        "enter",
        "preview",
        "preview the routine; enter again starts it",
        LibraryKey::Open,
    ),
    Binding::new(
        &[Char('/')],
        "/",
        "filter",
        "filter by words of names, descriptions, tags",
        LibraryKey::Filter,
    ),
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
pub static FILTERING: [Binding<FilterKey>; 7] = [
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

pub static PREVIEW: [Binding<PreviewKey>; 5] = [
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
pub static EXERCISES: [Binding<ExerciseKey>; 10] = [
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayerKey {
    Pause,
    Next,
    Back,
    More,
    Less,
    Done,
    Mute,
    Help,
    Quit,
}

fn paused(app: &App) -> bool {
    matches!(&app.screen, Screen::Player(p) if p.session.is_paused())
}

fn muted(app: &App) -> bool {
    app.muted
}

fn timed(app: &App) -> bool {
    matches!(&app.screen, Screen::Player(p) if p.session.length().is_some())
}

fn open_ended(app: &App) -> bool {
    matches!(&app.screen, Screen::Player(p) if p.session.length().is_none())
}

pub static PLAYER: [Binding<PlayerKey>; 9] = [
    Binding::new(
        &[Char(' ')],
        "space",
        "pause",
        "pause / resume",
        PlayerKey::Pause,
    )
    .says_instead(paused, "resume"),
    Binding::new(
        &[Enter],
        "enter",
        "done",
        "done: go on from a step without a timer",
        PlayerKey::Done,
    )
    .when(open_ended),
    Binding::new(
        &[Char('n'), Right],
        "n",
        "next",
        "next segment",
        PlayerKey::Next,
    ),
    Binding::new(
        &[Char('p'), Left],
        "p",
        "back",
        "previous segment",
        PlayerKey::Back,
    ),
    Binding::new(
        &[Char('+'), Char('=')],
        "+/-",
        "10s",
        "10 seconds more or less",
        PlayerKey::More,
    )
    .when(timed),
    Binding::new(
        &[Char('-'), Char('_')],
        "+/-",
        "10s",
        "10 seconds more or less",
        PlayerKey::Less,
    )
    .when(timed),
    Binding::new(&[Char('m')], "m", "mute", "mute / unmute", PlayerKey::Mute)
        .says_instead(muted, "unmute"),
    Binding::new(HELP, "?", "help", "these keys", PlayerKey::Help),
    Binding::new(
        &[Char('q'), Esc],
        "q",
        "quit",
        "stop the routine (asks first; progress is kept)",
        PlayerKey::Quit,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneKey {
    PainCheck,
    Continue,
    Help,
    Back,
}

fn asks_for_check(app: &App) -> bool {
    matches!(&app.screen, Screen::Done(p) if p.routine.pain_check)
}

/// Started as `limberup run` or `check`: the app ends where the library would be.
fn leaves(app: &App) -> bool {
    app.entry != super::Entry::Library
}

fn asks_no_check(app: &App) -> bool {
    !asks_for_check(app)
}

fn continues_to_library(app: &App) -> bool {
    asks_no_check(app) && !home_is_today(app)
}

fn continues_to_today(app: &App) -> bool {
    asks_no_check(app) && home_is_today(app)
}

pub static DONE: [Binding<DoneKey>; 7] = [
    Binding::new(
        &[Enter],
        "enter",
        "pain check (1 minute)",
        "go on to the pain check",
        DoneKey::PainCheck,
    )
    .when(asks_for_check),
    Binding::new(
        &[Enter],
        "enter",
        "back to the library",
        "continue (back to the library, or leave)",
        DoneKey::Continue,
    )
    .when(continues_to_library)
    .says_instead(leaves, "exit"),
    Binding::new(
        &[Enter],
        "enter",
        "back to today",
        "continue: back to Today",
        DoneKey::Continue,
    )
    .when(continues_to_today),
    Binding::new(
        &[Char('c')],
        "c",
        "pain check",
        "take the pain check",
        DoneKey::PainCheck,
    )
    .when(asks_no_check),
    Binding::new(HELP, "?", "help", "these keys", DoneKey::Help),
    Binding::new(
        &[Esc, Char('q')],
        "esc",
        "back to the library",
        "back to the library, or leave",
        DoneKey::Back,
    )
    .when(home_is_library)
    .says_instead(leaves, "exit"),
    Binding::new(
        &[Esc, Char('q')],
        "esc",
        "back to today",
        "back to Today",
        DoneKey::Back,
    )
    .when(home_is_today),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKey {
    NextRoutine,
    PreviousRoutine,
    Start,
    ScrollDown,
    ScrollUp,
    Help,
    Close,
}

fn routines_to_choose(app: &App) -> bool {
    matches!(&app.screen, Screen::CheckResult(r) if r.routines.len() > 1)
}

fn a_routine_suggested(app: &App) -> bool {
    matches!(&app.screen, Screen::CheckResult(r) if !r.routines.is_empty())
}

fn result_scrolls(app: &App) -> bool {
    matches!(&app.screen, Screen::CheckResult(r) if r.scroll.can_move())
}

/// No key that answers a question acts here: starting a routine takes its own key.
pub static RESULT: [Binding<ResultKey>; 7] = [
    Binding::new(
        &[Down, Tab],
        "↑↓",
        "choose",
        "choose a suggested routine",
        ResultKey::NextRoutine,
    )
    .when(routines_to_choose),
    Binding::new(
        &[Up, BackTab],
        "↑↓",
        "choose",
        "choose a suggested routine",
        ResultKey::PreviousRoutine,
    )
    .when(routines_to_choose),
    Binding::new(
        &[Char('r')],
        "r",
        "start routine",
        "start the chosen routine",
        ResultKey::Start,
    )
    .when(a_routine_suggested),
    Binding::new(
        &[Char('j'), PageDown],
        "j k",
        "scroll",
        "scroll the advice",
        ResultKey::ScrollDown,
    )
    .when(result_scrolls),
    Binding::new(
        &[Char('k'), PageUp],
        "j k",
        "scroll",
        "scroll the advice",
        ResultKey::ScrollUp,
    )
    .when(result_scrolls),
    Binding::new(HELP, "?", "help", "these keys", ResultKey::Help),
    Binding::new(
        &[Esc, Char('q')],
        "esc",
        "close",
        "close the result",
        ResultKey::Close,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryKey {
    PainCheck,
    Help,
    Back,
}

pub static HISTORY: [Binding<HistoryKey>; 3] = [
    Binding::new(
        &[Char('c')],
        "c",
        "pain check",
        "take the pain check",
        HistoryKey::PainCheck,
    ),
    Binding::new(HELP, "?", "help", "these keys", HistoryKey::Help),
    Binding::new(
        &[Esc, Enter, Backspace, Char('q'), Char('h')],
        "esc",
        "back",
        "back",
        HistoryKey::Back,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmKey {
    Stop,
    KeepGoing,
}

pub static CONFIRM_QUIT: [Binding<ConfirmKey>; 2] = [
    Binding::new(
        &[Char('y'), Char('q'), Enter],
        "y",
        "stop",
        "stop the routine",
        ConfirmKey::Stop,
    ),
    Binding::new(
        &[Char('n'), Esc],
        "n",
        "keep going",
        "keep going",
        ConfirmKey::KeepGoing,
    ),
];
