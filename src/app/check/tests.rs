use crossterm::event::{KeyCode, KeyEvent};

use super::*;

fn press(form: &mut CheckForm, keys: &str) -> Option<Answers> {
    let mut answered = None;
    for key in keys.split(' ') {
        let code = match key {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "space" => KeyCode::Char(' '),
            "right" => KeyCode::Right,
            "left" => KeyCode::Left,
            "down" => KeyCode::Down,
            "backspace" => KeyCode::Backspace,
            other => KeyCode::Char(other.chars().next().expect("a key")),
        };
        if let Outcome::Answered(answers) = form.handle_key(KeyEvent::from(code)) {
            answered = Some(answers);
        }
    }
    answered
}

fn yes(symptoms: &[Symptom]) -> Answers {
    Answers {
        pain: 5,
        areas: vec![Area::LowerBack],
        symptoms: symptoms.iter().copied().collect(),
        ..Answers::default()
    }
}

#[test]
fn the_sequence_asks_red_flags_first_and_follow_ups_only_after_yes() {
    let plain = Question::sequence(&yes(&[]));
    assert_eq!(plain[..2], [Question::Pain, Question::Areas]);
    let red_flags: Vec<Question> = Symptom::RED_FLAGS
        .iter()
        .map(|s| Question::Symptom(*s))
        .collect();
    assert_eq!(plain[2..10], red_flags[..]);
    assert_eq!(
        plain[plain.len() - 3..],
        [Question::Days, Question::Trend, Question::LimitsActivity]
    );
    assert!(!plain.contains(&Question::Symptom(Symptom::SevereHeadache)));
    assert!(!plain.contains(&Question::Symptom(Symptom::BoneRisk)));
    assert!(!plain.contains(&Question::Age));
    assert_eq!(plain.len(), 2 + 18 + 3);

    let fever = Question::sequence(&yes(&[Symptom::Fever]));
    let at = fever
        .iter()
        .position(|q| *q == Question::Symptom(Symptom::Fever));
    assert_eq!(
        fever.get(at.expect("fever asked") + 1),
        Some(&Question::Symptom(Symptom::SevereHeadache))
    );
    let fall = Question::sequence(&yes(&[Symptom::MinorFall]));
    let at = fall
        .iter()
        .position(|q| *q == Question::Symptom(Symptom::MinorFall));
    let at = at.expect("fall asked");
    assert_eq!(
        fall[at + 1..at + 3],
        [Question::Symptom(Symptom::BoneRisk), Question::Age]
    );
}

#[test]
fn a_red_flag_answered_yes_ends_the_questions() {
    for flag in Symptom::RED_FLAGS {
        let sequence = Question::sequence(&yes(&[flag]));
        assert_eq!(sequence.last(), Some(&Question::Symptom(flag)), "{flag:?}");
    }
    // "Not sure" goes on: U5 gives same-day advice, and the rest still matters.
    let mut unsure = yes(&[]);
    unsure.unsure.insert(Symptom::ChestPain);
    assert_eq!(Question::sequence(&unsure).len(), 23);
}

#[test]
fn zero_pain_ends_at_once() {
    let mut form = CheckForm::default();
    let answers = press(&mut form, "0").expect("answered at once");
    assert_eq!(answers.pain, 0);
    assert!(answers.areas.is_empty());
    // Enter on the 0 the form starts at does the same.
    let mut form = CheckForm::default();
    assert_eq!(press(&mut form, "enter").map(|a| a.pain), Some(0));
}

#[test]
fn every_answer_lands_where_the_rules_read_it() {
    let mut form = CheckForm::default();
    let keys = [
        "7 enter",         // pain 7
        "2 5 5 4 enter",   // shoulders and mid back (lower back ticked twice)
        "n n s n n n n n", // not sure about both legs
        "y n",             // fever, no severe headache
        "y y 7 0 enter",   // a fall, bone risk, age 70
        "n n n n n y n y", // radiating, back history
        "1 2 enter",       // 12 days
        "w",               // worse
        "y",               // limits activity
    ];
    let answers = press(&mut form, &keys.join(" ")).expect("answered");
    assert_eq!(answers.pain, 7);
    assert_eq!(answers.areas, vec![Area::Shoulders, Area::MidBack]);
    assert_eq!(answers.unsure, [Symptom::BothLegs].into_iter().collect());
    assert_eq!(
        answers.symptoms,
        [
            Symptom::Fever,
            Symptom::MinorFall,
            Symptom::BoneRisk,
            Symptom::Radiating,
            Symptom::BackHistory
        ]
        .into_iter()
        .collect()
    );
    assert_eq!(answers.age, Some(70));
    assert_eq!(answers.days, 12);
    assert_eq!(answers.trend, Trend::Worse);
    assert!(answers.limits_activity);
}

#[test]
fn esc_goes_back_and_a_changed_answer_drops_the_follow_up() {
    let mut form = CheckForm::default();
    // Pain 4, legs, eight noes, fever yes, severe headache yes: then back twice and fever no.
    press(&mut form, "4 enter 7 enter n n n n n n n n y y");
    assert_eq!(form.question, Question::Symptom(Symptom::MinorFall));
    press(&mut form, "esc esc");
    assert_eq!(form.question, Question::Symptom(Symptom::Fever));
    assert_eq!(form.cursor, 0, "the earlier yes is highlighted");
    let answers = press(&mut form, "n n n n n n n n n n n 0 enter s n").expect("answered");
    assert!(answers.symptoms.is_empty(), "{:?}", answers.symptoms);
}

#[test]
fn esc_on_the_first_question_leaves() {
    let mut form = CheckForm::default();
    assert!(matches!(
        form.handle_key(KeyEvent::from(KeyCode::Esc)),
        Outcome::Left
    ));
}

#[test]
fn areas_must_have_one_before_going_on() {
    let mut form = CheckForm::default();
    press(&mut form, "3 enter enter");
    assert_eq!(form.question, Question::Areas);
    assert!(form.notice.is_some());
    press(&mut form, "space enter");
    assert_eq!(form.question, Question::Symptom(Symptom::SaddleNumbness));
}

#[test]
fn numbers_are_bounded() {
    let mut form = CheckForm::default();
    // Pain goes no higher than 10, no lower than 0.
    press(&mut form, "9 right right right");
    assert_eq!(form.answers.pain, 10);
    press(
        &mut form,
        "left left left left left left left left left left left left",
    );
    assert_eq!(form.answers.pain, 0);
    // Days stop at the limit; an empty age is "rather not say".
    let mut form = CheckForm::default();
    press(&mut form, "3 enter 1 enter n n n n n n n n n y n");
    assert_eq!(form.question, Question::Age);
    assert!(form.typed.is_empty());
    press(&mut form, "enter n n n n n n n n 9 9 9 9 9");
    assert_eq!(form.question, Question::Days);
    assert_eq!(form.typed, "999");
    assert!(form.notice.is_some(), "a fifth 9 is refused");
    let answers = press(&mut form, "enter s n").expect("answered");
    assert_eq!(answers.age, None);
    assert_eq!(answers.days, 999);
}
