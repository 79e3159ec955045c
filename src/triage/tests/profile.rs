//! The profile: facts filled in where the answers leave them open, the answers always winning, the
//! age counted on, and the 180-day re-confirm.

use super::*;
use crate::calendar::Calendar;
use crate::triage::profile::{AgeGiven, Dated, Profile, Reply, Used, apply};
use Symptom as S;

const DAY: i64 = 86_400;

fn profile(facts: &[(Symptom, Reply)], age: Option<AgeGiven>, at: UtcTime) -> Profile {
    Profile {
        facts: facts
            .iter()
            .map(|(fact, reply)| {
                (
                    *fact,
                    Dated {
                        value: *reply,
                        answered_at: at,
                    },
                )
            })
            .collect(),
        age: age.map(|value| Dated {
            value,
            answered_at: at,
        }),
    }
}

fn applied(mut answers: Answers, profile: &Profile) -> Answers {
    apply(&mut answers, profile, NOW, &Calendar::utc());
    answers
}

#[test]
fn the_profile_fills_in_what_the_answers_leave_open() {
    let saved = profile(
        &[
            (S::BoneRisk, Reply::Yes),
            (S::CancerHistory, Reply::No),
            (S::InfectionRisk, Reply::NotSure),
        ],
        Some(AgeGiven::Age(62)),
        NOW,
    );
    let answers = applied(
        Answers {
            areas: vec![Area::MidBack],
            ..with(&[S::SuddenSharp], 5)
        },
        &saved,
    );
    assert_eq!(answers.age, Some(62));
    assert!(answers.symptoms.contains(&S::BoneRisk));
    assert!(answers.unsure.contains(&S::InfectionRisk));
    assert!(!answers.symptoms.contains(&S::CancerHistory));
    assert_eq!(
        answers.from_profile,
        [
            Used::Age(62),
            Used::Fact(S::CancerHistory, Reply::No),
            Used::Fact(S::BoneRisk, Reply::Yes),
            Used::Fact(S::InfectionRisk, Reply::NotSure),
        ]
    );
    // The case: osteoporosis and a sudden sharp mid-back pain is urgent (U11).
    assert_eq!(triage(&answers), (Level::Urgent, vec!["U11", "R3", "S1"]));
    let report = crate::triage::report::report(
        &evaluate(&Facts {
            answers: &answers,
            at: NOW,
            day: 20_416,
            history: &[],
        }),
        &answers,
    );
    assert_eq!(
        report.from_profile,
        [
            "age 62",
            "cancer history: no",
            "bone risk: yes",
            "infection risk: not sure"
        ]
    );
}

#[test]
fn the_answers_override_the_profile_for_that_check_only() {
    let saved = profile(
        &[(S::BoneRisk, Reply::Yes), (S::BackHistory, Reply::Yes)],
        Some(AgeGiven::Age(70)),
        NOW,
    );
    // Their own age, a "no" to nothing but a not-sure about back history.
    let answers = applied(
        Answers {
            age: Some(40),
            unsure: [S::BackHistory].into_iter().collect(),
            ..answers(2)
        },
        &saved,
    );
    assert_eq!(answers.age, Some(40));
    assert!(answers.unsure.contains(&S::BackHistory));
    assert!(!answers.symptoms.contains(&S::BackHistory));
    assert_eq!(answers.from_profile, [Used::Fact(S::BoneRisk, Reply::Yes)]);
    // A `profile` list stands for all the facts: the saved ones are not used.
    let answers = applied(
        Answers {
            profile: Some([S::CancerHistory].into_iter().collect()),
            ..with(&[S::CancerHistory], 2)
        },
        &saved,
    );
    assert!(!answers.symptoms.contains(&S::BoneRisk));
    assert_eq!(answers.from_profile, [Used::Age(70)]);
}

#[test]
fn the_age_counts_on_and_is_never_less_than_the_true_age() {
    let utc = Calendar::utc();
    let answered = UtcTime::parse_instant("2026-06-01T10:00:00Z").expect("instant");
    let later = UtcTime::parse_instant("2027-01-02T10:00:00Z").expect("instant");
    let aged = profile(&[], Some(AgeGiven::Age(64)), answered);
    assert_eq!(aged.age_at(answered, &utc), Some(64));
    assert_eq!(aged.age_at(later, &utc), Some(65));
    let born = profile(&[], Some(AgeGiven::Born(1961)), answered);
    assert_eq!(born.age_at(answered, &utc), Some(65));
    assert_eq!(profile(&[], None, answered).age_at(later, &utc), None);
}

#[test]
fn after_180_days_it_asks_again_and_a_confirm_starts_the_count_anew() {
    let utc = Calendar::utc();
    let answered = UtcTime(NOW.0 - 181 * DAY);
    let mut saved = profile(
        &[(S::BoneRisk, Reply::No)],
        Some(AgeGiven::Age(64)),
        answered,
    );
    assert!(!saved.needs_reconfirming(UtcTime(answered.0 + 180 * DAY)));
    assert!(saved.needs_reconfirming(NOW));
    saved.confirm(NOW, &utc);
    assert!(!saved.needs_reconfirming(NOW));
    assert_eq!(saved.oldest_answer(), Some(NOW));
    assert_eq!(saved.age_at(NOW, &utc), Some(64));
    assert!(!Profile::default().needs_reconfirming(NOW));
}
