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
/// question, and returns the answers if the last question was answered.
struct Typist {
    form: CheckForm,
    now: Millis,
}

impl Typist {
    fn new() -> Self {
        Self {
            form: CheckForm::new(0),
            now: 0,
        }
    }

    fn press(&mut self, keys: &str) -> Option<Answers> {
        let mut answered = None;
        for key in keys.split_whitespace() {
            self.now += READ_TIME_MS;
            if let Outcome::Answered(answers) =
                self.form.handle_key(KeyEvent::from(code(key)), self.now)
            {
                answered = Some(answers);
            }
        }
        answered
    }

    /// Keys arriving all at once, as a paste does.
    fn paste(&mut self, keys: &str) {
        self.now += READ_TIME_MS;
        for key in keys.chars() {
            self.form
                .handle_key(KeyEvent::from(KeyCode::Char(key)), self.now);
        }
    }
}

fn yes(symptoms: &[Symptom]) -> Answers {
    Answers {
        pain: 5,
        areas: vec![Area::LowerBack],
        symptoms: symptoms.iter().copied().collect(),
        ..Answers::default()
    }
}

fn position(sequence: &[Question], symptom: Symptom) -> usize {
    sequence
        .iter()
        .position(|q| *q == Question::Symptom(symptom))
        .unwrap_or_else(|| panic!("{symptom:?} not asked"))
}

#[test]
fn emergency_signs_come_first_then_urgent_then_the_rest() {
    let plain = Question::sequence(&yes(&[]), true);
    assert_eq!(plain[..2], [Question::Pain, Question::Areas]);
    let emergency_last = Symptom::EMERGENCY
        .iter()
        .map(|s| position(&plain, *s))
        .max()
        .expect("asked");
    let urgent_first = Symptom::URGENT
        .iter()
        .map(|s| position(&plain, *s))
        .min()
        .expect("asked");
    let urgent_last = Symptom::URGENT
        .iter()
        .map(|s| position(&plain, *s))
        .max()
        .expect("asked");
    assert!(emergency_last < urgent_first);
    for other in [
        Symptom::NumbnessTingling,
        Symptom::Radiating,
        Symptom::InfectionRisk,
    ] {
        assert!(urgent_last < position(&plain, other), "{other:?}");
    }
    assert_eq!(
        plain[plain.len() - 3..],
        [Question::Days, Question::Trend, Question::LimitsActivity]
    );
    assert!(!plain.contains(&Question::Symptom(Symptom::BoneRisk)));
    assert!(!plain.contains(&Question::Age));
    assert_eq!(plain.len(), 30);
}

#[test]
fn with_no_pain_the_emergency_signs_and_the_always_asked_ones_are_still_asked() {
    let none = Question::sequence(&Answers::default(), true);
    let asked: Vec<Question> = Symptom::EMERGENCY
        .iter()
        .chain(&[
            Symptom::MinorFall,
            Symptom::ExertionPain,
            Symptom::HandSigns,
        ])
        .map(|s| Question::Symptom(*s))
        .collect();
    for question in &asked {
        assert!(none.contains(question), "{question:?}");
    }
    assert!(!none.contains(&Question::Areas));
    assert!(!none.contains(&Question::Symptom(Symptom::Fever)));
    assert_eq!(none.len(), 1 + asked.len());
}

#[test]
fn a_fall_brings_its_follow_ups_when_yes_or_not_sure() {
    for answers in [yes(&[Symptom::MinorFall]), {
        let mut unsure = yes(&[]);
        unsure.unsure.insert(Symptom::MinorFall);
        unsure
    }] {
        let sequence = Question::sequence(&answers, true);
        let at = position(&sequence, Symptom::MinorFall);
        assert_eq!(
            sequence[at + 1..at + 4],
            [
                Question::Symptom(Symptom::CannotBearWeight),
                Question::Symptom(Symptom::BoneRisk),
                Question::Age
            ]
        );
    }
    // A fall after which they cannot stand is an emergency at once.
    let sequence = Question::sequence(&yes(&[Symptom::MinorFall, Symptom::CannotBearWeight]), true);
    assert_eq!(
        sequence.last(),
        Some(&Question::Symptom(Symptom::CannotBearWeight))
    );
}

#[test]
fn an_emergency_answered_yes_ends_the_questions() {
    for flag in Symptom::EMERGENCY {
        let sequence = Question::sequence(&yes(&[flag]), true);
        assert_eq!(sequence.last(), Some(&Question::Symptom(flag)), "{flag:?}");
    }
    // "Not sure" goes on: U5 gives same-day advice, and the rest still matters.
    let mut unsure = yes(&[]);
    unsure.unsure.insert(Symptom::ChestPain);
    assert_eq!(Question::sequence(&unsure, true).len(), 30);
}

#[test]
fn the_counter_is_honest() {
    let mut typist = Typist::new();
    assert_eq!(
        typist.form.progress(),
        (1, 30),
        "before the pain is known, the whole path"
    );
    typist.press("3 enter");
    assert_eq!(typist.form.progress(), (2, 30));
    typist.press("4 enter");
    for _ in 0..10 {
        let (_, before) = typist.form.progress();
        typist.press("n");
        let (_, after) = typist.form.progress();
        assert!(after <= before, "grew from {before} to {after}");
    }
    // The fall: its three follow-ups are all it adds.
    typist.press("y");
    assert_eq!(typist.form.progress(), (14, 33));
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
    // A digit that would pass 10 starts the number again.
    let mut typist = Typist::new();
    typist.press("7 7");
    assert_eq!(typist.form.pain_typed(), Some(7));
    typist.press("1 1");
    assert_eq!(typist.form.pain_typed(), Some(1));
}

#[test]
fn zero_needs_enter_too_and_still_asks_the_emergency_signs() {
    let mut typist = Typist::new();
    typist.press("0");
    assert_eq!(typist.form.question, Question::Pain);
    typist.press("enter");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::SaddleNumbness)
    );
    let answers = typist.press(&["n"; 13].join(" ")).expect("answered");
    assert_eq!(answers.pain, 0);
    assert!(answers.areas.is_empty());
}

#[test]
fn enter_with_nothing_typed_or_chosen_answers_nothing() {
    let mut typist = Typist::new();
    typist.press("enter");
    assert_eq!(typist.form.question, Question::Pain);
    assert!(typist.form.notice.is_some());
    typist.press("5 enter 2 enter enter enter enter");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::SaddleNumbness)
    );
    assert_eq!(typist.form.cursor, None, "no answer is preselected");
    assert_eq!(
        typist.form.notice,
        Some("Nothing chosen: press y (yes), n (no) or s (not sure).")
    );
    // A choice made with the arrows, then enter, answers.
    typist.press("right right right enter");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::BladderBowel)
    );
    assert!(
        typist
            .form
            .answers
            .unsure
            .contains(&Symptom::SaddleNumbness)
    );
}

#[test]
fn a_paste_answers_one_question_at_most() {
    let mut typist = Typist::new();
    typist.press("5 enter 2 enter");
    typist.paste("nnnnnnnn");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::BladderBowel)
    );
    assert_eq!(
        typist.form.notice,
        Some("Too quick: read the question, then answer.")
    );
    // The next key, a second later, is read again.
    typist.press("n");
    assert_eq!(typist.form.question, Question::Symptom(Symptom::BothLegs));
}

#[test]
fn a_held_key_answers_only_the_question_it_was_pressed_on() {
    let mut typist = Typist::new();
    typist.press("5 enter 2 enter n");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::BladderBowel)
    );
    // The terminal repeats the key every 30 ms after a 500 ms delay, for 5 seconds.
    let held = |kind| KeyEvent::new_with_kind(KeyCode::Char('n'), KeyModifiers::NONE, kind);
    let mut now = typist.now + 500;
    while now < typist.now + 5_000 {
        typist.form.handle_key(held(KeyEventKind::Press), now);
        now += 30;
    }
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::BladderBowel)
    );
    // Terminals that report repeats as such: a repeat never answers, however late.
    let mut repeat = held(KeyEventKind::Repeat);
    repeat.state = KeyEventState::NONE;
    typist.form.handle_key(repeat, now + 10_000);
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::BladderBowel)
    );
}

#[test]
fn every_answer_lands_where_the_rules_read_it() {
    let mut typist = Typist::new();
    let keys = [
        "7 enter",             // pain 7
        "2 5 5 4 enter",       // shoulders and mid back (lower back ticked twice)
        "n n s n n n n n n n", // not sure about both legs
        "y y",                 // a fall, cannot stand on it: an emergency (E9), so it ends
    ];
    let answers = typist.press(&keys.join(" ")).expect("answered");
    assert_eq!(answers.pain, 7);
    assert_eq!(answers.areas, vec![Area::Shoulders, Area::MidBack]);
    assert_eq!(answers.unsure, [Symptom::BothLegs].into_iter().collect());
    assert_eq!(
        answers.symptoms,
        [Symptom::MinorFall, Symptom::CannotBearWeight]
            .into_iter()
            .collect()
    );

    let mut typist = Typist::new();
    let keys = [
        "7 enter",             // pain 7
        "3 enter",             // upper back
        "n n n n n n n n n n", // no emergency sign
        "s n n 4 0 enter",     // not sure about a fall, can stand, no bone risk, age 40
        "n y",                 // exertion pain no, hand signs yes
        "y n n n n n s",       // fever; not sure about constant pain
        "n y n y y",           // radiating, back history, infection risk
        "1 2 enter",           // 12 days
        "w",                   // worse
        "y",                   // limits activity
    ];
    let answers = typist.press(&keys.join(" ")).expect("answered");
    assert_eq!(
        answers.unsure,
        [Symptom::MinorFall, Symptom::ConstantPain]
            .into_iter()
            .collect()
    );
    assert_eq!(
        answers.symptoms,
        [
            Symptom::Fever,
            Symptom::HandSigns,
            Symptom::Radiating,
            Symptom::BackHistory,
            Symptom::InfectionRisk
        ]
        .into_iter()
        .collect()
    );
    assert_eq!(answers.age, Some(40));
    assert_eq!(answers.days, 12);
    assert_eq!(answers.trend, Trend::Worse);
    assert!(answers.limits_activity);
}

#[test]
fn esc_goes_back_and_a_changed_answer_drops_the_follow_up() {
    let mut typist = Typist::new();
    // Pain 4, legs, ten noes, a fall: then back and no fall.
    typist.press("4 enter 7 enter n n n n n n n n n n y");
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::CannotBearWeight)
    );
    typist.press("esc");
    assert_eq!(typist.form.question, Question::Symptom(Symptom::MinorFall));
    assert_eq!(typist.form.cursor, Some(0), "the earlier yes is marked");
    typist.press("esc");
    assert_eq!(typist.form.cursor, Some(1), "the earlier no is marked");
    let answers = typist
        .press(&format!("n n {} 0 enter s n", ["n"; 14].join(" ")))
        .expect("answered");
    assert!(answers.symptoms.is_empty(), "{:?}", answers.symptoms);
    assert_eq!(answers.age, None);
}

#[test]
fn esc_on_the_first_question_leaves() {
    let mut form = CheckForm::new(0);
    assert!(matches!(
        form.handle_key(KeyEvent::from(KeyCode::Esc), 5_000),
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
    assert_eq!(
        typist.form.question,
        Question::Symptom(Symptom::SaddleNumbness)
    );
}

#[test]
fn numbers_are_bounded_and_the_age_is_needed_after_a_fall() {
    let mut typist = Typist::new();
    typist.press("9 right right right");
    assert_eq!(typist.form.pain_typed(), Some(10));
    typist.press(&["left"; 12].join(" "));
    assert_eq!(typist.form.pain_typed(), Some(0));
    let mut typist = Typist::new();
    typist.press("3 enter 1 enter n n n n n n n n n n y n n");
    assert_eq!(typist.form.question, Question::Age);
    assert!(typist.form.typed.is_empty());
    typist.press("enter");
    assert_eq!(
        typist.form.question,
        Question::Age,
        "an empty age is not an answer"
    );
    typist.press("1 2 0 0");
    assert_eq!(typist.form.typed, "120");
    assert!(typist.form.notice.is_some(), "121 and more are refused");
}
