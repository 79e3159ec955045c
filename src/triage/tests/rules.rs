use super::*;
use Level::{Emergency, Ok, Review, SelfCare, Urgent};
use Symptom as S;

#[test]
fn every_symptom_rule_alone() {
    // (symptoms, level, fired rules) at pain 2, so only the rule under test fires.
    let cases: &[(&[Symptom], Level, &[&str])] = &[
        (&[S::SaddleNumbness], Emergency, &["E1"]),
        (&[S::BladderBowel], Emergency, &["E2"]),
        (&[S::BothLegs], Emergency, &["E3"]),
        (&[S::Weakness], Emergency, &["E4"]),
        (&[S::ChestPain], Emergency, &["E5"]),
        (&[S::TearingPain], Emergency, &["E6"]),
        (&[S::SeriousInjury], Emergency, &["E7"]),
        (&[S::NeuroSigns], Emergency, &["E8"]),
        (&[S::MinorFall, S::BoneRisk], Emergency, &["E9"]),
        (&[S::SevereHeadache], Emergency, &["E10"]),
        (&[S::DarkUrine], Emergency, &["E11"]),
        (&[S::Fever], Urgent, &["U1"]),
        (&[S::CancerHistory], Urgent, &["U2"]),
        (&[S::WeightLoss], Urgent, &["U2"]),
        (&[S::NightPain], Urgent, &["U3"]),
        (&[S::Swelling], Urgent, &["U4"]),
        (&[S::ExertionPain], Urgent, &["U6"]),
        (&[S::HandSigns], Urgent, &["U7"]),
        (&[S::ConstantPain], Urgent, &["U8"]),
        (&[S::NumbnessTingling], Review, &["R1"]),
        (&[S::Radiating], Review, &["R2"]),
        (&[S::SuddenSharp], Review, &["R3"]),
        (&[S::InfectionRisk], Review, &["R12"]),
        // Alone, these change nothing at pain 2.
        (&[S::MinorFall], Ok, &["C1"]),
        (&[S::BoneRisk], Ok, &["C1"]),
        (&[S::BackHistory], Ok, &["C1"]),
    ];
    for (symptoms, level, rules) in cases {
        assert_eq!(
            triage(&with(symptoms, 2)),
            (*level, rules.to_vec()),
            "{symptoms:?}"
        );
    }
}

#[test]
fn emergency_signs_fire_with_no_pain_at_all() {
    // Cauda equina can come with little pain: pain 0 does not silence a warning sign.
    for symptom in Symptom::EMERGENCY {
        assert_eq!(triage(&with(&[symptom], 0)).0, Emergency, "{symptom:?}");
    }
    assert_eq!(triage(&with(&[S::ExertionPain], 0)), (Urgent, vec!["U6"]));
    assert_eq!(triage(&with(&[S::HandSigns], 0)), (Urgent, vec!["U7"]));
}

#[test]
fn not_sure_about_an_emergency_sign_means_medical_advice_today() {
    for symptom in Symptom::EMERGENCY {
        assert_eq!(
            triage(&unsure(&[symptom], 2)),
            (Urgent, vec!["U5"]),
            "{symptom:?}"
        );
    }
    // After a fall: unsure about bone risk, or unsure about the fall with a bone risk.
    let fall_unsure_bones = Answers {
        unsure: [S::BoneRisk].into_iter().collect(),
        ..with(&[S::MinorFall], 3)
    };
    assert_eq!(triage(&fall_unsure_bones), (Urgent, vec!["U5"]));
    let unsure_fall_at_70 = Answers {
        age: Some(70),
        ..unsure(&[S::MinorFall], 2)
    };
    assert_eq!(triage(&unsure_fall_at_70), (Urgent, vec!["U5"]));
    let unsure_fall_with_osteoporosis = Answers {
        symptoms: [S::BoneRisk].into_iter().collect(),
        ..unsure(&[S::MinorFall], 2)
    };
    assert_eq!(triage(&unsure_fall_with_osteoporosis), (Urgent, vec!["U5"]));
    // Unsure about a fall at 40 with no bone risk: nothing more.
    let unsure_fall_at_40 = Answers {
        age: Some(40),
        ..unsure(&[S::MinorFall], 2)
    };
    assert_eq!(triage(&unsure_fall_at_40), (Ok, vec!["C1"]));
}

#[test]
fn not_sure_about_an_urgent_sign_means_a_professional_look() {
    for symptom in Symptom::URGENT {
        assert_eq!(
            triage(&unsure(&[symptom], 2)),
            (Review, vec!["R13"]),
            "{symptom:?}"
        );
    }
    // Unsure about something that is neither changes nothing.
    for symptom in [
        S::BackHistory,
        S::NumbnessTingling,
        S::Radiating,
        S::InfectionRisk,
    ] {
        assert_eq!(
            triage(&unsure(&[symptom], 2)),
            (Ok, vec!["C1"]),
            "{symptom:?}"
        );
    }
}

#[test]
fn the_issue_s_cases() {
    // Pain 3 after a fall at 60, unsure about osteoporosis: not "ok".
    let fall_at_60 = Answers {
        age: Some(60),
        unsure: [S::BoneRisk].into_iter().collect(),
        ..with(&[S::MinorFall], 3)
    };
    assert_eq!(triage(&fall_at_60), (Urgent, vec!["U5"]));
    // Pain 10 alone is never "ok".
    assert_eq!(triage(&answers(10)), (Review, vec!["R7"]));
    // Eleven "not sure" answers are never "ok".
    let many = unsure(&[S::Fever, S::NightPain, S::Swelling, S::CancerHistory], 1);
    assert_eq!(triage(&many), (Review, vec!["R13"]));
}

#[test]
fn rules_on_pain_days_trend_age_and_activity() {
    let base = answers(2);
    let cases: Vec<(Answers, Level, Vec<&str>)> = vec![
        (answers(0), Ok, vec!["C1"]),
        (answers(3), Ok, vec!["C1"]),
        (answers(4), SelfCare, vec!["S1"]),
        (answers(7), SelfCare, vec!["S1"]),
        (answers(8), Review, vec!["R7"]),
        (answers(10), Review, vec!["R7"]),
        (
            Answers {
                trend: Trend::Worse,
                ..answers(1)
            },
            SelfCare,
            vec!["S2"],
        ),
        (
            Answers {
                trend: Trend::Worse,
                days: 3,
                ..base.clone()
            },
            Review,
            vec!["R5", "S2"],
        ),
        (
            Answers {
                days: 14,
                ..base.clone()
            },
            Review,
            vec!["R4"],
        ),
        (
            Answers {
                days: 14,
                trend: Trend::Better,
                ..base.clone()
            },
            Ok,
            vec!["C1"],
        ),
        (
            Answers {
                days: 13,
                ..base.clone()
            },
            Ok,
            vec!["C1"],
        ),
        (
            Answers {
                limits_activity: true,
                ..base.clone()
            },
            Review,
            vec!["R6"],
        ),
        (
            Answers {
                age: Some(65),
                ..with(&[S::MinorFall], 2)
            },
            Emergency,
            vec!["E9"],
        ),
        (
            Answers {
                age: Some(64),
                ..with(&[S::MinorFall], 2)
            },
            Ok,
            vec!["C1"],
        ),
        (with(&[S::MinorFall], 4), Review, vec!["R9", "S1"]),
        (with(&[S::BackHistory], 4), Review, vec!["R8", "S1"]),
        (with(&[S::BackHistory], 3), Ok, vec!["C1"]),
    ];
    for (answers, level, rules) in cases {
        assert_eq!(triage(&answers), (level, rules), "{answers:?}");
    }
}

#[test]
fn the_highest_level_wins_and_every_fired_rule_is_listed() {
    let answers = Answers {
        limits_activity: true,
        days: 20,
        ..with(&[S::ChestPain, S::NightPain, S::Radiating], 9)
    };
    assert_eq!(
        triage(&answers),
        (Emergency, vec!["E5", "U3", "R2", "R4", "R6", "R7"])
    );
    // Saddle numbness and bladder trouble with severe pain.
    assert_eq!(
        triage(&with(&[S::SaddleNumbness, S::BladderBowel], 9)),
        (Emergency, vec!["E1", "E2", "R7"])
    );
}

#[test]
fn the_table_is_complete_and_every_rule_names_its_guidance() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let mut expected: Vec<String> = (1..=11).map(|n| format!("E{n}")).collect();
    expected.extend((1..=8).map(|n| format!("U{n}")));
    expected.extend((1..=13).map(|n| format!("R{n}")));
    expected.extend(["S1", "S2", "C1"].map(str::to_owned));
    assert_eq!(ids, expected);
    let guidance = [
        "NHS",
        "NICE",
        "ACC/AHA",
        "ACSM",
        "Cochrane",
        "GIRFT",
        "product safety margin",
    ];
    for rule in &RULES {
        assert!(!rule.reason.is_empty(), "{}", rule.id);
        assert!(
            guidance.iter().any(|g| rule.source.contains(g)),
            "{} cites no guidance: {}",
            rule.id,
            rule.source
        );
        let expected_level = match &rule.id[..1] {
            "E" => Emergency,
            "U" => Urgent,
            "R" => Review,
            "S" => SelfCare,
            _ => Ok,
        };
        assert_eq!(rule.level, expected_level, "{}", rule.id);
    }
}
