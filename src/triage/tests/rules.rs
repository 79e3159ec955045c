use super::*;
use Level::{Emergency, Ok, Review, SelfCare, Urgent};
use Symptom as S;

/// The same answers with the pain in `areas` instead of the upper back.
pub(super) fn in_areas(answers: Answers, areas: &[Area]) -> Answers {
    Answers {
        areas: areas.to_vec(),
        ..answers
    }
}

pub(super) fn aged(age: u32, answers: Answers) -> Answers {
    Answers {
        age: Some(age),
        ..answers
    }
}

#[test]
fn every_symptom_rule_alone() {
    // (symptoms, level, fired rules) at pain 2 in the upper back (a spinal area), so only the rule
    // under test fires.
    let cases: &[(&[Symptom], Level, &[&str])] = &[
        (&[S::SaddleNumbness], Emergency, &["E1"]),
        (&[S::BladderBowel], Emergency, &["E2"]),
        (&[S::BothLegs], Emergency, &["E3"]),
        (&[S::Weakness], Emergency, &["E4"]),
        (&[S::ChestPain], Emergency, &["E5"]),
        (&[S::TearingPain], Emergency, &["E6"]),
        (&[S::SeriousInjury], Emergency, &["E7"]),
        (&[S::NeuroSigns], Emergency, &["E8"]),
        (&[S::MinorFall, S::CannotBearWeight], Emergency, &["E9"]),
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
        (&[S::VeryUnwell], Urgent, &["U9"]),
        (&[S::BoneRisk, S::SuddenSharp], Urgent, &["U11", "R3"]),
        (&[S::NumbnessTingling], Review, &["R1"]),
        (&[S::Radiating], Review, &["R2"]),
        (&[S::SuddenSharp], Review, &["R3"]),
        (&[S::InfectionRisk], Review, &["R12"]),
        // Alone, these change nothing at pain 2.
        (&[S::MinorFall], Ok, &["C1"]),
        (&[S::BoneRisk], Ok, &["C1"]),
        (&[S::BackHistory], Ok, &["C1"]),
        (&[S::CannotBearWeight], Ok, &["C1"]),
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
    assert_eq!(triage(&with(&[S::VeryUnwell], 0)), (Urgent, vec!["U9"]));
}

#[test]
fn not_sure_about_an_emergency_sign_means_medical_advice_today() {
    for symptom in Symptom::EMERGENCY {
        assert_eq!(
            triage(&unsure(&[symptom], 2)),
            (Urgent, vec!["U5"]),
            "{symptom:?}"
        );
        assert_eq!(
            triage(&unsure(&[symptom], 0)),
            (Urgent, vec!["U5"]),
            "{symptom:?} at pain 0"
        );
    }
    // Not sure whether they can bear weight after a minor fall.
    let fall = Answers {
        unsure: [S::CannotBearWeight].into_iter().collect(),
        ..with(&[S::MinorFall], 2)
    };
    assert_eq!(triage(&fall), (Urgent, vec!["U5"]));
    // Without a fall the weight question means nothing.
    assert_eq!(triage(&unsure(&[S::CannotBearWeight], 2)), (Ok, vec!["C1"]));
}

#[test]
fn not_sure_about_an_urgent_sign_means_a_professional_look() {
    for symptom in [
        S::Fever,
        S::WeightLoss,
        S::NightPain,
        S::Swelling,
        S::ExertionPain,
        S::HandSigns,
        S::ConstantPain,
        S::VeryUnwell,
        S::CancerHistory,
    ] {
        assert_eq!(
            triage(&unsure(&[symptom], 2)),
            (Review, vec!["R13"]),
            "{symptom:?}"
        );
    }
    // A history of cancer counts only with spinal pain, so a "not sure" about it does too.
    assert_eq!(
        triage(&in_areas(unsure(&[S::CancerHistory], 1), &[Area::Legs])),
        (Ok, vec!["C1"])
    );
    assert_eq!(triage(&unsure(&[S::CancerHistory], 0)), (Ok, vec!["C1"]));
    // Unsure about something that is neither changes nothing.
    for symptom in [
        S::BackHistory,
        S::NumbnessTingling,
        S::Radiating,
        S::InfectionRisk,
        S::MinorFall,
        S::BoneRisk,
    ] {
        assert_eq!(
            triage(&unsure(&[symptom], 2)),
            (Ok, vec!["C1"]),
            "{symptom:?}"
        );
    }
}

#[test]
fn rules_on_pain_days_trend_and_activity() {
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
    assert_eq!(
        triage(&with(&[S::SaddleNumbness, S::BladderBowel], 9)),
        (Emergency, vec!["E1", "E2", "R7"])
    );
    // A fever in the back and feeling very unwell: both urgent rules listed.
    assert_eq!(
        triage(&with(&[S::Fever, S::VeryUnwell], 5)),
        (Urgent, vec!["U1", "U9", "S1"])
    );
    // A not-sure emergency sign with a yes urgent sign and a not-sure urgent sign.
    let mixed = Answers {
        unsure: [S::Weakness, S::Swelling].into_iter().collect(),
        ..with(&[S::HandSigns], 2)
    };
    assert_eq!(triage(&mixed), (Urgent, vec!["U5", "U7", "R13"]));
}

#[test]
fn the_table_is_complete_and_every_rule_names_its_guidance() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let mut expected: Vec<String> = (1..=11).map(|n| format!("E{n}")).collect();
    expected.extend((1..=11).map(|n| format!("U{n}")));
    expected.extend((1..=13).map(|n| format!("R{n}")));
    expected.extend(["S1", "S2", "S3", "C1"].map(str::to_owned));
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
        assert!(!rule.fact.is_empty(), "{}", rule.id);
        assert!(
            guidance.iter().any(|g| rule.source.contains(g)),
            "{} cites no guidance: {}",
            rule.id,
            rule.source
        );
        assert!(
            !rule.source.contains("CG75"),
            "{}: NG234 replaced CG75",
            rule.id
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
    let u2 = RULES.iter().find(|r| r.id == "U2").expect("U2");
    assert!(u2.source.contains("NG234"), "{}", u2.source);
    // Lhermitte's sign is a myelopathy sign (U7), not a stroke sign (E8).
    assert!(S::HandSigns.question().contains("electric-shock"));
    assert!(!S::NeuroSigns.question().contains("electric"));
    // U6 asks for pressure or tightness, not an ache.
    assert!(S::ExertionPain.question().contains("pressure"));
    assert!(S::ExertionPain.question().contains("not a muscle ache"));
}
