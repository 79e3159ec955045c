//! How long the check is: the screens for each pain and profile need, the honest counter, the
//! summary's promise, and the profile asked once and kept apart from the check's answers.

use super::tests::{Typist, pain, path};
use super::*;

#[test]
fn pain_0_is_three_screens_and_any_pain_at_most_eight() {
    use Question as Q;
    assert_eq!(
        Question::sequence(path(&pain(0), ProfileNeed::Known)),
        [Q::Pain, Q::Group(Group::Emergency), Q::Group(Group::Urgent)]
    );
    assert_eq!(
        Question::sequence(path(&pain(3), ProfileNeed::Known)),
        [
            Q::Pain,
            Q::Areas,
            Q::Group(Group::Emergency),
            Q::Group(Group::Urgent),
            Q::Group(Group::Other),
            Q::Days,
            Q::Trend,
        ]
    );
    for level in 1..=10 {
        let screens = Question::sequence(path(&pain(level), ProfileNeed::Known));
        assert!(screens.len() <= 8, "pain {level}: {screens:?}");
        assert_eq!(screens.contains(&Q::Onset), level >= 4, "pain {level}");
    }
    // The profile once: two screens on the first check, one to re-confirm.
    assert_eq!(
        Question::sequence(path(&pain(0), ProfileNeed::Ask))[3..],
        [Q::Age, Q::Group(Group::Profile)]
    );
    assert_eq!(
        Question::sequence(path(&pain(0), ProfileNeed::Reconfirm))[3..],
        [Q::Reconfirm]
    );
}

#[test]
fn the_counter_is_honest() {
    let mut typist = Typist::new();
    assert_eq!(
        typist.form.progress(),
        (1, 8),
        "before the pain, the longest path"
    );
    typist.press("3 enter");
    assert_eq!(typist.form.progress(), (2, 7));
    typist.press("3 enter n");
    assert_eq!(typist.form.progress(), (4, 7));
    // The fall adds its one follow-up.
    typist.press("9 enter");
    assert_eq!(typist.form.progress(), (5, 8));
    let mut typist = Typist::with(ProfileNeed::Reconfirm);
    assert_eq!(typist.form.progress(), (1, 9));
    typist.press("0 enter n n");
    assert_eq!(typist.form.progress(), (4, 4));
    typist.press("c");
    assert_eq!(
        typist.form.progress(),
        (5, 6),
        "changing adds the two profile screens"
    );
}

#[test]
fn the_profile_is_asked_once_and_kept_apart_from_the_check() {
    let mut typist = Typist::with(ProfileNeed::Ask);
    typist.press("0 enter n n");
    assert_eq!(typist.form.question, Question::Age);
    typist.press("enter");
    assert_eq!(
        typist.form.question,
        Question::Age,
        "an empty age is not an answer"
    );
    let answers = typist.press("6 2 enter 2 2 3 enter").expect("answered");
    assert!(
        answers.symptoms.is_empty(),
        "profile facts are the profile's"
    );
    assert_eq!(answers.age, None);
    let Some(ProfileAnswer::Answered { facts, age }) = typist.profile else {
        panic!("answered: {:?}", typist.profile);
    };
    assert_eq!(age, Some(62));
    assert_eq!(
        facts,
        [
            (Symptom::CancerHistory, Reply::No),
            (Symptom::BoneRisk, Reply::NotSure),
            (Symptom::InfectionRisk, Reply::Yes),
            (Symptom::BackHistory, Reply::No),
        ]
        .into_iter()
        .collect()
    );
    // Re-confirmed with y: nothing else asked.
    let mut typist = Typist::with(ProfileNeed::Reconfirm);
    typist.press("0 enter n n");
    assert_eq!(typist.form.question, Question::Reconfirm);
    assert!(typist.press("y").is_some());
    assert_eq!(typist.profile, Some(ProfileAnswer::Confirmed));
}

/// The summary's promise is the longest path there is, for each profile need.
#[test]
fn the_promised_length_is_true() {
    for need in [ProfileNeed::Known, ProfileNeed::Ask, ProfileNeed::Reconfirm] {
        let mut longest = 0;
        for level in 0..=10 {
            for fall in [None, Some(true), Some(false)] {
                for cannot_stand in [false, true] {
                    for emergency in [false, true] {
                        for changing_profile in [false, true] {
                            let mut answers = pain(level);
                            match fall {
                                Some(true) => {
                                    answers.symptoms.insert(Symptom::MinorFall);
                                }
                                Some(false) => {
                                    answers.unsure.insert(Symptom::MinorFall);
                                }
                                None => {}
                            }
                            if cannot_stand {
                                answers.symptoms.insert(Symptom::CannotBearWeight);
                            }
                            if emergency {
                                answers.symptoms.insert(Symptom::ChestPain);
                            }
                            let path = Path {
                                answers: &answers,
                                pain_confirmed: true,
                                profile: need,
                                changing_profile,
                            };
                            longest = longest.max(Question::sequence(path).len());
                        }
                    }
                }
            }
        }
        let promised = length_words(need);
        assert!(
            promised.contains(&format!("up to {longest} ")),
            "{need:?}: {promised}, longest {longest}"
        );
    }
}
