//! What the result says: one title, the level's own advice, "also noted", the uncertain sign named.

use super::*;
use crate::triage::report::report;
use Symptom as S;

fn shown(answers: &Answers) -> crate::triage::report::Report {
    let triage = evaluate(&Facts {
        answers,
        at: NOW,
        day: 20_416,
        history: &[],
    });
    report(&triage, answers)
}

#[test]
fn an_emergency_gives_its_own_advice_and_notes_the_rest() {
    let result = shown(&with(&[S::SaddleNumbness], 6));
    assert_eq!(result.title, "EMERGENCY · call for help now");
    assert_eq!(result.why.iter().map(|r| r.id).collect::<Vec<_>>(), ["E1"]);
    assert_eq!(
        result.also_noted.iter().map(|r| r.id).collect::<Vec<_>>(),
        ["S1"]
    );
    assert!(
        result.advice.iter().all(|line| !line.contains("2-3 days")),
        "self-care advice beside an emergency: {:?}",
        result.advice
    );
}

/// Under urgent and emergency, "also noted" says what was found, never a lower level's advice.
#[test]
fn also_noted_is_plain_facts() {
    let result = shown(&Answers {
        days: 5,
        trend: Trend::Worse,
        limits_activity: true,
        ..with(&[S::ChestPain, S::NightPain, S::Radiating], 6)
    });
    let noted: Vec<(&str, &str)> = result
        .also_noted
        .iter()
        .map(|r| (r.id, r.text.as_str()))
        .collect();
    assert_eq!(
        noted,
        [
            ("U3", "pain at rest or at night"),
            ("R2", "pain spreading down an arm or leg"),
            ("R5", "pain for 5 days, getting worse"),
            ("R6", "it stops daily activities or makes you limp"),
            ("S1", "pain 6/10"),
        ]
    );
    let advice_words = [
        "rest from",
        "days of rest",
        "doctor",
        "physio",
        "today",
        "look",
        "should",
        "needs",
        "call",
    ];
    for rule in &RULES {
        for word in advice_words {
            assert!(
                !rule.fact.contains(word),
                "{}'s fact gives advice ({word}): {}",
                rule.id,
                rule.fact
            );
        }
    }
    // An urgent result notes a not-sure emergency-level-lower sign by name.
    let urgent = shown(&Answers {
        unsure: [S::Swelling].into_iter().collect(),
        ..with(&[S::Fever], 5)
    });
    let texts: Vec<&str> = urgent.also_noted.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "not sure about: a lump or swelling on the back",
            "pain 5/10"
        ]
    );
}

#[test]
fn cauda_equina_sends_to_an_emergency_department() {
    const DEPARTMENT: &str =
        "Go to an emergency department now, or call your local emergency number.";
    for sign in [S::SaddleNumbness, S::BladderBowel, S::BothLegs] {
        let result = shown(&with(&[sign], 3));
        assert_eq!(result.headline, DEPARTMENT, "{sign:?}");
        assert_eq!(result.advice[0], DEPARTMENT, "{sign:?}");
    }
    for sign in [S::ChestPain, S::DarkUrine] {
        let result = shown(&with(&[sign], 3));
        assert_ne!(result.headline, DEPARTMENT, "{sign:?}");
        assert!(result.headline.contains("emergency number now"), "{sign:?}");
    }
}

#[test]
fn a_not_sure_about_a_sign_that_may_be_happening_now_says_now_and_15_minutes() {
    const NOW: &str = "Call a medical helpline now; call the emergency number if it lasts more than 15 minutes or gets worse.";
    for sign in Symptom::HAPPENING_NOW {
        let result = shown(&unsure(&[sign], 0));
        assert_eq!(result.level, Level::Urgent, "{sign:?}");
        assert_eq!(result.headline, NOW, "{sign:?}");
        assert_eq!(result.advice[0], NOW, "{sign:?}");
        assert!(
            !result.advice.iter().any(|a| a.contains("today")),
            "{sign:?}"
        );
    }
    // Other "not sure" emergency signs, and urgent signs: today.
    for sign in [
        S::SaddleNumbness,
        S::SevereHeadache,
        S::DarkUrine,
        S::SeriousInjury,
    ] {
        let result = shown(&unsure(&[sign], 0));
        assert!(result.headline.contains("today"), "{sign:?}");
        assert_ne!(result.headline, NOW, "{sign:?}");
    }
    // A yes to an urgent sign with the not-sure: still the sooner words.
    let result = shown(&Answers {
        unsure: [S::ChestPain].into_iter().collect(),
        ..with(&[S::NightPain], 2)
    });
    assert_eq!(result.headline, NOW);
}

#[test]
fn every_title_names_its_level_once() {
    for (word, level) in Level::ALL {
        let upper = word.to_uppercase();
        let title = level.title().to_lowercase();
        assert_eq!(title.matches(*word).count(), 1, "{word}: {title}");
        assert!(level.title().starts_with(&upper), "{word}");
    }
}

#[test]
fn a_not_sure_names_the_sign() {
    let result = shown(&unsure(&[S::BladderBowel, S::Fever], 2));
    assert_eq!(result.why[0].id, "U5");
    assert!(
        result.why[0]
            .text
            .ends_with("Not sure about: bladder or bowel trouble."),
        "{}",
        result.why[0].text
    );
    assert_eq!(result.also_noted[0].id, "R13");
    assert_eq!(result.also_noted[0].text, "not sure about: a fever");
}

#[test]
fn ok_and_self_care_say_when_to_come_back_and_what_means_calling() {
    for pain in [0, 2, 5] {
        let result = shown(&answers(pain));
        let advice = result.advice.join(" ");
        assert!(
            advice.contains("not improving within about two weeks"),
            "{pain}: {advice}"
        );
        assert!(
            advice.contains("Call your local emergency number"),
            "{pain}: {advice}"
        );
        assert!(
            advice.contains("bladder or bowels") && advice.contains("chest pain"),
            "{pain}"
        );
    }
    // And none of them claims there were no warning signs.
    for rule in &RULES {
        assert!(!rule.reason.contains("no warning signs"), "{}", rule.id);
    }
}

/// The questions are scoped so that ordinary post-run feelings do not read as emergencies.
#[test]
fn the_emergency_questions_are_scoped_to_what_is_new_and_now() {
    assert!(S::BothLegs.question().contains("NEW"));
    assert!(
        S::BothLegs
            .question()
            .contains("sore leg muscles do not count")
    );
    assert!(S::ChestPain.question().contains("at rest"));
    assert!(S::ChestPain.question().contains("not settled"));
    assert!(S::SaddleNumbness.question().contains("sexual function"));
    assert!(S::Weakness.question().contains("drags"));
    assert!(
        S::ExertionPain
            .question()
            .contains("eased within minutes of stopping")
    );
}

/// At review only routines made wholly of review-safe exercises are suggested: nothing loaded, no
/// roller, no end-range bending, no stretch that pulls on a nerve; one built-in routine is made for
/// it and covers every area.
#[test]
fn review_suggests_only_wholly_review_safe_routines() {
    use crate::triage::advice::{review_safe, suggested_routines};
    let library = crate::routine::Library::load(None).expect("the built-in library loads");
    let all_areas: Vec<Area> = Area::ALL.iter().map(|(_, a)| *a).collect();
    for (_, area) in Area::ALL {
        let suggested = suggested_routines(Level::Review, &[*area], &library);
        assert!(!suggested.is_empty(), "{area:?}");
        for id in &suggested {
            let routine = library.find(id).expect("a routine");
            assert!(review_safe(routine, &library.catalog), "{id}");
        }
    }
    // Nerve pain down an arm: not the desk reset, whose stretches pull on the nerve.
    let arm = suggested_routines(Level::Review, &[Area::Neck, Area::Arms], &library);
    assert!(!arm.contains(&"desk-posture-reset".to_owned()), "{arm:?}");
    assert!(arm.contains(&"gentle-while-waiting".to_owned()), "{arm:?}");
    let desk = library.find("desk-posture-reset").expect("built in");
    assert!(!review_safe(desk, &library.catalog));
    // No foam rolling, no stretch that pulls on a nerve, nothing loaded is marked review-safe.
    for exercise in library.catalog.iter().filter(|e| e.review_safe) {
        for unsafe_word in [
            "foam-roll",
            "roller",
            "stretch",
            "plank",
            "band",
            "superman",
            "bridge",
            "lunge",
            "childs-pose",
            "knee-to-chest",
            "cat-cow",
        ] {
            assert!(
                !exercise.id.contains(unsafe_word),
                "{} is review-safe",
                exercise.id
            );
        }
    }
    for id in ["belly-breathing", "easy-walk", "pelvic-tilt", "knee-rolls"] {
        assert!(library.catalog.get(id).expect(id).review_safe, "{id}");
    }
    assert!(suggested_routines(Level::Urgent, &all_areas, &library).is_empty());
    assert!(suggested_routines(Level::Emergency, &all_areas, &library).is_empty());
}
