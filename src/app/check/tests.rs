use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::*;
use crate::triage::Area;

fn code(key: &str) -> KeyCode {
    match key {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "right" => KeyCode::Right,
        "left" => KeyCode::Left,
        "down" => KeyCode::Down,
        "backspace" => KeyCode::Backspace,
        other => KeyCode::Char(other.chars().next().expect("a key")),
    }
}

/// A form whose clock starts at 0; `press` types one key a second, like a runner reading each
/// screen, and returns the answers if the last screen was answered.
pub(super) struct Typist {
    pub(super) form: CheckForm,
    now: AppInstant,
    pub(super) profile: Option<ProfileAnswer>,
}

impl Typist {
    /// A check with the profile known (nothing asked about it).
    pub(super) fn new() -> Self {
        Self::with(ProfileNeed::Known)
    }

    pub(super) fn with(need: ProfileNeed) -> Self {
        Self {
            form: CheckForm::new(AppInstant::START, need, vec!["age 70".to_owned()]),
            now: AppInstant::START,
            profile: None,
        }
    }

    pub(super) fn press(&mut self, keys: &str) -> Option<Answers> {
        let mut answered = None;
        for key in keys.split_whitespace() {
            self.now += READ_TIME_MS;
            if let Outcome::Answered(answers, profile) =
                self.form.handle_key(KeyEvent::from(code(key)), self.now)
            {
                answered = Some(answers);
                self.profile = Some(profile);
            }
        }
        answered
    }

    /// Keys arriving all at once, as a paste does.
    fn paste(&mut self, keys: &str) {
        self.now += READ_TIME_MS;
        for key in keys.chars() {
            let code = if key == '\r' {
                KeyCode::Enter
            } else {
                KeyCode::Char(key)
            };
            self.form.handle_key(KeyEvent::from(code), self.now);
        }
    }
}

pub(super) fn path(answers: &Answers, need: ProfileNeed) -> Path<'_> {
    Path {
        answers,
        pain_confirmed: true,
        profile: need,
        changing_profile: false,
    }
}

pub(super) fn pain(pain: u8) -> Answers {
    Answers {
        pain,
        areas: if pain > 0 {
            vec![Area::LowerBack]
        } else {
            Vec::new()
        },
        ..Answers::default()
    }
}

#[test]
fn typed_through_pain_0_reaches_the_result_in_three_screens() {
    let mut typist = Typist::new();
    let answers = typist.press("0 enter n n").expect("answered");
    assert_eq!(answers, Answers::default());
    assert_eq!(typist.form.previous.len(), 3, "three screens answered");
    assert_eq!(typist.profile, Some(ProfileAnswer::NotAsked));
    let mut typist = Typist::new();
    typist.press("2 enter 3 enter n n n 0 enter");
    assert_eq!(typist.form.question, Question::Trend);
    let answers = typist.press("s").expect("answered");
    assert_eq!(answers.pain, 2);
    assert_eq!(typist.form.previous.len(), 7, "seven screens answered");
}

#[test]
fn a_line_s_number_cycles_yes_not_sure_unmarked_and_enter_confirms() {
    let mut typist = Typist::new();
    typist.press("5 enter 3 enter");
    assert_eq!(typist.form.question, Question::Group(Group::Emergency));
    assert!(
        typist.form.marks.iter().all(|m| *m == Mark::Unmarked),
        "no preselection"
    );
    typist.press("5");
    assert_eq!(typist.form.marks[4], Mark::Yes);
    typist.press("5");
    assert_eq!(typist.form.marks[4], Mark::NotSure);
    typist.press("0 0 0");
    assert_eq!(
        typist.form.marks[9],
        Mark::Unmarked,
        "0 is line 10, cycled round"
    );
    // n does nothing while something is marked.
    typist.press("n");
    assert_eq!(typist.form.question, Question::Group(Group::Emergency));
    assert!(typist.form.notice.is_some_and(|n| n.contains("enter")));
    typist.press("enter");
    assert_eq!(typist.form.question, Question::Group(Group::Urgent));
    assert!(typist.form.answers.unsure.contains(&Symptom::ChestPain));
    // A not-sure about an emergency sign goes on (U5 is not an emergency).
    let answers = typist.press("n n 0 enter s d").expect("answered");
    assert_eq!(answers.unsure, [Symptom::ChestPain].into_iter().collect());
    assert_eq!(answers.onset, Some(Onset::DuringRun));
}

#[test]
fn enter_with_nothing_marked_only_points_at_n() {
    let mut typist = Typist::new();
    typist.press("0 enter enter");
    assert_eq!(typist.form.question, Question::Group(Group::Emergency));
    assert_eq!(
        typist.form.notice,
        Some("Nothing marked: press n if none of these is true, or a line's number.")
    );
}

#[test]
fn an_emergency_marked_yes_ends_the_questions() {
    for line in ["1", "3", "8", "0"] {
        let mut typist = Typist::with(ProfileNeed::Ask);
        let answers = typist
            .press(&format!("6 enter 3 enter {line} enter"))
            .expect("answered at once");
        assert_eq!(answers.symptoms.len(), 1, "{line}");
        assert_eq!(typist.profile, Some(ProfileAnswer::NotAsked));
    }
}

#[test]
fn a_fall_brings_its_one_follow_up() {
    let mut typist = Typist::new();
    typist.press("2 enter 3 enter n 9 enter");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::CannotBearWeight)
    );
    // Cannot stand on it: an emergency, the questions end.
    let answers = typist.press("y").expect("answered");
    assert!(answers.symptoms.contains(&Symptom::CannotBearWeight));
    let mut typist = Typist::new();
    typist.press("2 enter 3 enter n 9 9 enter s");
    assert_eq!(typist.form.question, Question::Group(Group::Other));
    let answers = typist.press("4 4 enter 0 enter s").expect("answered");
    assert!(answers.unsure.contains(&Symptom::MinorFall));
    assert!(answers.unsure.contains(&Symptom::CannotBearWeight));
    assert!(
        answers.limits_activity,
        "not sure whether it stops daily life counts as yes"
    );
}

#[test]
fn a_paste_answers_one_screen_at_most() {
    let mut typist = Typist::new();
    typist.press("5 enter 2 enter");
    assert_eq!(typist.form.question, Question::Group(Group::Emergency));
    typist.paste("nnnnnnnn");
    assert_eq!(typist.form.question, Question::Group(Group::Urgent));
    assert_eq!(
        typist.form.notice,
        Some("Too quick: read the question, then answer.")
    );
    // Marks and enter pasted within a screen's first second answer nothing.
    typist.press("n");
    typist.now -= READ_TIME_MS / 2;
    typist.paste("12\r\r\rn");
    assert_eq!(typist.form.question, Question::Group(Group::Other));
    assert_eq!(typist.form.marks, vec![Mark::Unmarked; 4]);
    // Later, the same paste answers its own screen and no more.
    typist.now += READ_TIME_MS;
    typist.paste("12\r\r\rn");
    assert_eq!(typist.form.question, Question::Days);
    assert!(typist.form.answers.symptoms.contains(&Symptom::Radiating));
}

/// The wait before a key may answer is a setting (tests of the real binary set none); the default
/// still refuses a key that comes at once.
#[test]
fn the_answer_guard_is_a_setting_and_by_default_refuses_a_key_at_once() {
    let keys = [KeyCode::Char('5'), KeyCode::Enter];
    let mut guarded = CheckForm::new(AppInstant::START, ProfileNeed::Known, Vec::new());
    let mut unguarded = guarded.clone();
    unguarded.set_read_time(0, AppInstant::START);
    for code in keys {
        let soon = AppInstant::from_millis(1);
        guarded.handle_key(KeyEvent::from(code), soon);
        unguarded.handle_key(KeyEvent::from(code), soon);
    }
    assert_eq!(guarded.question, Question::Pain);
    assert_eq!(
        guarded.notice,
        Some("Too quick: read the question, then answer.")
    );
    assert_eq!(unguarded.question, Question::Areas);
    assert_eq!(unguarded.notice, None);
}

#[test]
fn enter_spam_and_a_held_key_answer_nothing_beyond_their_screen() {
    let mut typist = Typist::new();
    typist.press("5 enter 2 enter");
    // enter every 50 ms for 5 seconds: nothing is marked, so nothing is answered.
    let mut now = typist.now;
    while now < typist.now + 5_000 {
        typist.form.handle_key(KeyEvent::from(KeyCode::Enter), now);
        now += 50;
    }
    assert_eq!(typist.form.question, Question::Group(Group::Emergency));
    // n held down: it answers the screen it was pressed on, and no more.
    typist.now = now + 2_000;
    let mut now = typist.now;
    while now < typist.now + 5_000 {
        typist.form.handle_key(
            KeyEvent::new_with_kind(KeyCode::Char('n'), KeyModifiers::NONE, KeyEventKind::Press),
            now,
        );
        now += 30;
    }
    assert_eq!(typist.form.question, Question::Group(Group::Urgent));
    // Terminals that report repeats as such: a repeat never answers, however late.
    let mut repeat =
        KeyEvent::new_with_kind(KeyCode::Char('n'), KeyModifiers::NONE, KeyEventKind::Repeat);
    repeat.state = KeyEventState::NONE;
    typist.form.handle_key(repeat, now + 10_000);
    assert_eq!(typist.form.question, Question::Group(Group::Urgent));
}

#[test]
fn a_group_that_does_not_fit_takes_enter_and_n_only_once_its_end_was_shown() {
    let mut typist = Typist::new();
    typist.form.resize((40, 12));
    typist.press("0 enter");
    assert!(typist.form.scrolls());
    assert!(!typist.form.seen_end);
    typist.press("n");
    assert_eq!(typist.form.question, Question::Group(Group::Emergency));
    assert!(typist.form.notice.is_some_and(|n| n.contains("scroll")));
    // Marks work meanwhile.
    typist.press("1");
    assert_eq!(typist.form.marks[0], Mark::Yes);
    typist.press("1 1");
    for _ in 0..40 {
        typist.press("j");
    }
    assert!(typist.form.seen_end);
    typist.press("k k k n");
    assert_eq!(typist.form.question, Question::Group(Group::Urgent));
    // At 80x24 the emergency group fits.
    let mut typist = Typist::new();
    typist.press("0 enter");
    assert!(!typist.form.scrolls());
    assert!(typist.form.seen_end);
}

#[test]
fn esc_goes_back_and_a_changed_answer_drops_the_follow_up() {
    let mut typist = Typist::new();
    typist.press("4 enter 7 enter n 9 enter");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::CannotBearWeight)
    );
    typist.press("esc");
    assert_eq!(typist.form.question, Question::Group(Group::Urgent));
    assert_eq!(typist.form.marks[8], Mark::Yes, "the earlier mark is shown");
    typist.press("9 9 n");
    let answers = typist.press("n 0 enter s a").expect("answered");
    assert!(answers.symptoms.is_empty(), "{:?}", answers.symptoms);
    assert_eq!(answers.onset, Some(Onset::AfterRun));
}

#[test]
fn typing_1_then_0_is_ten_and_waits_for_enter() {
    let mut typist = Typist::new();
    assert!(typist.press("1 0").is_none());
    assert_eq!(typist.form.question, Question::Pain);
    assert_eq!(typist.form.pain_typed(), Some(10));
    typist.press("enter");
    assert_eq!(typist.form.question, Question::Areas);
    assert_eq!(typist.form.answers.pain, 10);
    let mut typist = Typist::new();
    typist.press("7 7");
    assert_eq!(typist.form.pain_typed(), Some(7));
    typist.press("1 1");
    assert_eq!(typist.form.pain_typed(), Some(1));
}

#[test]
fn esc_on_the_first_question_leaves() {
    let mut form = CheckForm::new(AppInstant::START, ProfileNeed::Known, Vec::new());
    assert!(matches!(
        form.handle_key(KeyEvent::from(KeyCode::Esc), AppInstant::from_millis(5_000)),
        Outcome::Left
    ));
}

#[test]
fn areas_must_have_one_before_going_on() {
    let mut typist = Typist::new();
    typist.press("3 enter enter");
    assert_eq!(typist.form.question, Question::Areas);
    assert!(typist.form.notice.is_some());
    typist.press("space enter");
    assert_eq!(typist.form.question, Question::Group(Group::Emergency));
}

#[test]
fn numbers_are_bounded() {
    let mut typist = Typist::new();
    typist.press("9 right right right");
    assert_eq!(typist.form.pain_typed(), Some(10));
    typist.press(&["left"; 12].join(" "));
    assert_eq!(typist.form.pain_typed(), Some(0));
    let mut typist = Typist::with(ProfileNeed::Ask);
    typist.press("0 enter n n 1 2 0 0");
    assert_eq!(typist.form.typed, "120");
    assert!(typist.form.notice.is_some(), "121 and more are refused");
}

/// Every group screen fits at 80x24 without scrolling, whatever is marked.
#[test]
fn every_group_fits_at_80x24() {
    let (width, height) = group::viewport((80, 24));
    for group in [
        Group::Emergency,
        Group::Urgent,
        Group::Other,
        Group::Profile,
    ] {
        let marks = vec![Mark::NotSure; group.signs().len()];
        let rows = group::rows(group, &marks, FOOTNOTE, width);
        assert!(rows.len() <= height, "{group:?}: {} rows", rows.len());
        assert!(
            group.signs().iter().all(|s| !s.line().is_empty()),
            "{group:?}"
        );
    }
}
