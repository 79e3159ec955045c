//! The pain check's key tables: one per kind of question.

use crossterm::event::KeyCode;
use crossterm::event::KeyCode::{
    BackTab, Backspace, Char, Down, Enter, Esc, Left, PageDown, PageUp, Right, Tab, Up,
};

use crate::app::keymap::Binding;
use crate::app::{App, Screen};

/// On a group screen, enter and `n` work once its last line has been shown.
fn group_read_to_the_end(app: &App) -> bool {
    matches!(&app.screen, Screen::Check(form) if form.seen_end)
}

fn group_scrolls(app: &App) -> bool {
    matches!(&app.screen, Screen::Check(form) if form.scrolls())
}

/// What a key does on a pain-check question. Which keys mean what depends on the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKey {
    /// A digit of a number (its value is the key's).
    Digit,
    Increase,
    Decrease,
    Erase,
    /// Move to the next or previous choice or area.
    Next,
    Previous,
    /// Tick or untick the highlighted area; a digit ticks that area.
    Toggle,
    ToggleNumbered,
    /// Answer with this choice (0 is the first shown).
    Choose(usize),
    /// Take the highlighted choice, the number typed, or a group's marks.
    Confirm,
    /// Cycle a group line's mark: yes, not sure, unmarked (the key's digit names the line).
    Mark,
    /// "None of these", on a group with nothing marked.
    NoneOfThese,
    /// Scroll a group that does not fit.
    ScrollDown,
    ScrollUp,
    /// Back a question (leaves from the first).
    Back,
}

const DIGITS: &[KeyCode] = &[
    Char('0'),
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
];
const AREA_NUMBERS: &[KeyCode] = &[
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
];
const BACK: Binding<CheckKey> = Binding::new(
    &[Esc],
    "esc",
    "back",
    "back a question (from the first, leave)",
    CheckKey::Back,
);

/// Moving along the choices of a question; the footer shows the pair once as "← →".
const CHOOSE_NEXT: Binding<CheckKey> = Binding::new(
    &[Right, Down, Tab, Char('l'), Char('j')],
    "← →",
    "choose",
    "highlight a choice",
    CheckKey::Next,
);
const CHOOSE_PREVIOUS: Binding<CheckKey> = Binding::new(
    &[Left, Up, BackTab, Char('h'), Char('k')],
    "← →",
    "choose",
    "highlight a choice",
    CheckKey::Previous,
);
const ERASE: Binding<CheckKey> = Binding::new(
    &[Backspace],
    "backspace",
    "erase",
    "erase a digit",
    CheckKey::Erase,
)
.help_only();

pub(crate) static CHECK_PAIN: [Binding<CheckKey>; 6] = [
    Binding::new(
        DIGITS,
        "0-10",
        "type",
        "type the number: 1 then 0 is 10",
        CheckKey::Digit,
    ),
    Binding::new(
        &[Right, Up, Char('l'), Char('k'), Char('+')],
        "← →",
        "change",
        "change the number",
        CheckKey::Increase,
    ),
    Binding::new(
        &[Left, Down, Char('h'), Char('j'), Char('-')],
        "← →",
        "change",
        "change the number",
        CheckKey::Decrease,
    ),
    ERASE,
    Binding::new(
        &[Enter],
        "enter",
        "confirm",
        "confirm the number; nothing is decided before",
        CheckKey::Confirm,
    ),
    Binding::new(
        &[Esc],
        "esc",
        "leave",
        "leave the check; nothing is saved",
        CheckKey::Back,
    ),
];

pub(crate) static CHECK_AREAS: [Binding<CheckKey>; 6] = [
    Binding::new(
        &[Down, Tab, Char('j')],
        "↑↓",
        "move",
        "move between the areas",
        CheckKey::Next,
    ),
    Binding::new(
        &[Up, BackTab, Char('k')],
        "↑↓",
        "move",
        "move between the areas",
        CheckKey::Previous,
    ),
    Binding::new(
        &[Char(' '), Char('x')],
        "space",
        "tick",
        "tick or untick the area",
        CheckKey::Toggle,
    ),
    Binding::new(
        AREA_NUMBERS,
        "1-8",
        "tick",
        "tick or untick that area",
        CheckKey::ToggleNumbered,
    )
    .help_only(),
    Binding::new(
        &[Enter],
        "enter",
        "next",
        "go on (at least one area ticked)",
        CheckKey::Confirm,
    ),
    BACK,
];

pub(crate) static CHECK_YES_NO_UNSURE: [Binding<CheckKey>; 7] = [
    Binding::new(&[Char('y')], "y", "yes", "yes", CheckKey::Choose(0)),
    Binding::new(&[Char('n')], "n", "no", "no", CheckKey::Choose(1)),
    Binding::new(
        &[Char('s'), Char('u')],
        "s",
        "not sure",
        "not sure (never taken as a no)",
        CheckKey::Choose(2),
    ),
    CHOOSE_NEXT,
    CHOOSE_PREVIOUS,
    Binding::new(
        &[Enter],
        "enter",
        "answer",
        "answer with the highlighted choice (none preset)",
        CheckKey::Confirm,
    )
    .help_only(),
    BACK,
];

pub(crate) static CHECK_NUMBER: [Binding<CheckKey>; 6] = [
    Binding::new(DIGITS, "0-9", "type", "type the number", CheckKey::Digit),
    Binding::new(
        &[Up, Right, Char('+'), Char('k')],
        "↑↓",
        "change",
        "change the number",
        CheckKey::Increase,
    ),
    Binding::new(
        &[Down, Left, Char('-'), Char('j')],
        "↑↓",
        "change",
        "change the number",
        CheckKey::Decrease,
    ),
    ERASE,
    Binding::new(
        &[Enter],
        "enter",
        "next",
        "take the number",
        CheckKey::Confirm,
    ),
    BACK,
];

pub(crate) static CHECK_TREND: [Binding<CheckKey>; 7] = [
    Binding::new(
        &[Char('b')],
        "b",
        "better",
        "getting better",
        CheckKey::Choose(0),
    ),
    Binding::new(&[Char('s')], "s", "same", "the same", CheckKey::Choose(1)),
    Binding::new(
        &[Char('w')],
        "w",
        "worse",
        "getting worse",
        CheckKey::Choose(2),
    ),
    CHOOSE_NEXT,
    CHOOSE_PREVIOUS,
    Binding::new(
        &[Enter],
        "enter",
        "answer",
        "answer with the highlighted choice",
        CheckKey::Confirm,
    )
    .help_only(),
    BACK,
];

/// A group of signs: numbers mark lines, enter confirms, n is "none of these".
pub(crate) static CHECK_GROUP: [Binding<CheckKey>; 6] = [
    Binding::new(
        DIGITS,
        "1-9 0",
        "mark",
        "cycle a line: yes, not sure, unmarked (0 is 10)",
        CheckKey::Mark,
    ),
    Binding::new(
        &[Enter],
        "enter",
        "confirm marks",
        "confirm the marked lines",
        CheckKey::Confirm,
    )
    .when(group_read_to_the_end),
    Binding::new(
        &[Char('n')],
        "n",
        "none of these",
        "none of these (only while nothing is marked)",
        CheckKey::NoneOfThese,
    )
    .when(group_read_to_the_end),
    Binding::new(
        &[Down, PageDown, Char('j')],
        "j k",
        "scroll",
        "scroll lines that do not fit",
        CheckKey::ScrollDown,
    )
    .when(group_scrolls),
    Binding::new(
        &[Up, PageUp, Char('k')],
        "j k",
        "scroll",
        "scroll lines that do not fit",
        CheckKey::ScrollUp,
    )
    .when(group_scrolls),
    BACK,
];

pub(crate) static CHECK_ONSET: [Binding<CheckKey>; 7] = [
    Binding::new(
        &[Char('b')],
        "b",
        "before",
        "it started before the run",
        CheckKey::Choose(0),
    ),
    Binding::new(
        &[Char('d')],
        "d",
        "during",
        "it started during the run",
        CheckKey::Choose(1),
    ),
    Binding::new(
        &[Char('a')],
        "a",
        "after",
        "it started after the run",
        CheckKey::Choose(2),
    ),
    CHOOSE_NEXT,
    CHOOSE_PREVIOUS,
    Binding::new(
        &[Enter],
        "enter",
        "answer",
        "answer with the highlighted choice (none preset)",
        CheckKey::Confirm,
    )
    .help_only(),
    BACK,
];

/// "Is this still right?" over a profile older than 180 days.
pub(crate) static CHECK_RECONFIRM: [Binding<CheckKey>; 3] = [
    Binding::new(
        &[Char('y')],
        "y",
        "still right",
        "yes, it is still right: keep it",
        CheckKey::Choose(0),
    ),
    Binding::new(
        &[Char('c')],
        "c",
        "change it",
        "change it: its questions are asked again",
        CheckKey::Choose(1),
    ),
    BACK,
];
