//! Every screen's key table, in this folder. The handlers in [`super::screen_keys`] act on these
//! actions; the footers and the help are made from these tables. The library's and the browsers'
//! tables are in `browse.rs`, the pain check's in `check.rs`; the player's, the end of a routine, the
//! result, the history and the quit question are here.

use crossterm::event::KeyCode;
use crossterm::event::KeyCode::{
    BackTab, Backspace, Char, Down, Enter, Esc, Left, PageDown, PageUp, Right, Tab, Up,
};

use super::check::ProfileNeed;
use super::keymap::Binding;
use super::{App, Screen};

mod browse;
mod check;
pub(crate) use browse::{
    EXERCISES, ExerciseKey, FILTERING, FilterKey, LIBRARY, LibraryKey, PREVIEW, PreviewKey,
};
pub(crate) use check::{
    CHECK_AREAS, CHECK_GROUP, CHECK_NUMBER, CHECK_ONSET, CHECK_PAIN, CHECK_RECONFIRM, CHECK_TREND,
    CHECK_YES_NO_UNSURE, CheckKey,
};

const HELP: &[KeyCode] = &[Char('?')];

/// Today is home (the full app with a program active): "back" and the library's `q` lead there.
pub(crate) fn home_is_today(app: &App) -> bool {
    app.entry == super::Entry::Library && app.standing().is_some()
}

fn home_is_library(app: &App) -> bool {
    !home_is_today(app)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlayerKey {
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
    app.muted()
}

fn timed(app: &App) -> bool {
    matches!(&app.screen, Screen::Player(p) if p.session.length().is_some())
}

fn open_ended(app: &App) -> bool {
    matches!(&app.screen, Screen::Player(p) if p.session.length().is_none())
}

pub(crate) static PLAYER: [Binding<PlayerKey>; 9] = [
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
pub(crate) enum DoneKey {
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

/// What the next check will do about the profile, so the summary promises its true length.
fn asks_for_check_with(app: &App, need: ProfileNeed) -> bool {
    asks_for_check(app) && app.profile_need() == need
}

fn asks_for_check_known(app: &App) -> bool {
    asks_for_check_with(app, ProfileNeed::Known)
}

fn asks_for_check_first(app: &App) -> bool {
    asks_for_check_with(app, ProfileNeed::Ask)
}

fn asks_for_check_reconfirm(app: &App) -> bool {
    asks_for_check_with(app, ProfileNeed::Reconfirm)
}

pub(crate) static DONE: [Binding<DoneKey>; 9] = [
    Binding::new(
        &[Enter],
        "enter",
        super::check::length_words(ProfileNeed::Known),
        "go on to the pain check",
        DoneKey::PainCheck,
    )
    .when(asks_for_check_known),
    Binding::new(
        &[Enter],
        "enter",
        super::check::length_words(ProfileNeed::Ask),
        "go on to the pain check (first: your profile)",
        DoneKey::PainCheck,
    )
    .when(asks_for_check_first),
    Binding::new(
        &[Enter],
        "enter",
        super::check::length_words(ProfileNeed::Reconfirm),
        "go on to the pain check (profile re-confirm)",
        DoneKey::PainCheck,
    )
    .when(asks_for_check_reconfirm),
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
pub(crate) static RESULT: [Binding<ResultKey>; 7] = [
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
pub(crate) enum RunsKey {
    Help,
    Back,
}

pub(crate) static RUNS: [Binding<RunsKey>; 2] = [
    Binding::new(HELP, "?", "help", "these keys", RunsKey::Help),
    Binding::new(
        &[Esc, Enter, Backspace, Char('q'), Char('r')],
        "esc",
        "back",
        "back",
        RunsKey::Back,
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HistoryKey {
    PainCheck,
    Help,
    Back,
}

pub(crate) static HISTORY: [Binding<HistoryKey>; 3] = [
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
pub(crate) enum ConfirmKey {
    Stop,
    KeepGoing,
}

pub(crate) static CONFIRM_QUIT: [Binding<ConfirmKey>; 2] = [
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
