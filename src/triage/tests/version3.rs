//! What version 3 changed: the lifelong facts point at the spine, falls by bone risk and by whether
//! the runner can bear weight, U11, and each case that led to it; each with "not sure".

use super::rules::{aged, in_areas};
use super::*;
use Level::{Emergency, Ok, Review, SelfCare, Urgent};
use Symptom as S;

#[test]
fn spinal_rules_need_pain_in_a_spinal_area() {
    for area in [Area::Neck, Area::UpperBack, Area::MidBack, Area::LowerBack] {
        assert_eq!(
            triage(&in_areas(with(&[S::Fever], 2), &[area])),
            (Urgent, vec!["U1"]),
            "{area:?}"
        );
        assert_eq!(
            triage(&in_areas(with(&[S::CancerHistory], 2), &[area])),
            (Urgent, vec!["U2"]),
            "{area:?}"
        );
        assert_eq!(
            triage(&in_areas(with(&[S::InfectionRisk], 2), &[area])),
            (Review, vec!["R12"]),
            "{area:?}"
        );
    }
    for area in [Area::Shoulders, Area::Hips, Area::Legs, Area::Arms] {
        assert_eq!(
            triage(&in_areas(with(&[S::Fever], 2), &[area])),
            (SelfCare, vec!["S3"]),
            "{area:?}"
        );
        assert_eq!(
            triage(&in_areas(with(&[S::CancerHistory], 2), &[area])),
            (Ok, vec!["C1"]),
            "{area:?}"
        );
        assert_eq!(
            triage(&in_areas(with(&[S::InfectionRisk], 2), &[area])),
            (Ok, vec!["C1"]),
            "{area:?}"
        );
        assert_eq!(
            triage(&in_areas(with(&[S::BoneRisk, S::SuddenSharp], 2), &[area])),
            (Review, vec!["R3"]),
            "{area:?}"
        );
    }
    // Weight loss without trying needs no spinal pain.
    assert_eq!(
        triage(&in_areas(with(&[S::WeightLoss], 2), &[Area::Legs])),
        (Urgent, vec!["U2"])
    );
    // A fever with no pain at all: no running with a fever.
    assert_eq!(triage(&with(&[S::Fever], 0)), (SelfCare, vec!["S3"]));
    // Legs and the lower back: the spinal area counts.
    assert_eq!(
        triage(&in_areas(
            with(&[S::Fever], 2),
            &[Area::LowerBack, Area::Legs]
        )),
        (Urgent, vec!["U1"])
    );
}

#[test]
fn falls_bones_and_age() {
    let fall = |pain| with(&[S::MinorFall], pain);
    let cases: Vec<(Answers, Level, Vec<&str>)> = vec![
        // Cannot get up or walk on it: an emergency at any age.
        (
            aged(30, with(&[S::MinorFall, S::CannotBearWeight], 2)),
            Emergency,
            vec!["E9"],
        ),
        // Walking fine at 65 or over: a same-day X-ray, not an ambulance.
        (aged(65, fall(2)), Urgent, vec!["U10"]),
        (aged(64, fall(2)), Ok, vec!["C1"]),
        (
            Answers {
                symptoms: [S::MinorFall, S::BoneRisk].into_iter().collect(),
                ..aged(45, fall(2))
            },
            Urgent,
            vec!["U10"],
        ),
        (
            Answers {
                unsure: [S::BoneRisk].into_iter().collect(),
                ..aged(45, fall(2))
            },
            Urgent,
            vec!["U10"],
        ),
        // With bone risk and cannot bear weight: the emergency, with U10 not firing.
        (
            Answers {
                symptoms: [S::MinorFall, S::BoneRisk, S::CannotBearWeight]
                    .into_iter()
                    .collect(),
                ..aged(70, fall(5))
            },
            Emergency,
            vec!["E9", "R9", "S1"],
        ),
        (fall(4), Review, vec!["R9", "S1"]),
        // A fall with bone risk and a sudden sharp pain: U10, not U11 (which is without a fall).
        (
            with(&[S::MinorFall, S::BoneRisk, S::SuddenSharp], 2),
            Urgent,
            vec!["U10", "R3"],
        ),
    ];
    for (answers, level, rules) in cases {
        assert_eq!(triage(&answers), (level, rules), "{answers:?}");
    }
}

#[test]
fn the_issue_s_cases() {
    // A cancer survivor with sore calves at 1/10 is not urgent.
    assert_eq!(
        triage(&in_areas(with(&[S::CancerHistory], 1), &[Area::Legs])),
        (Ok, vec!["C1"])
    );
    // A fever with aching legs from a cold: no running, not "urgent with back pain".
    assert_eq!(
        triage(&in_areas(with(&[S::Fever], 3), &[Area::Legs])),
        (SelfCare, vec!["S3"])
    );
    // 62 with osteoporosis and a sudden sharp mid-back pain: a possible vertebral fracture.
    assert_eq!(
        triage(&aged(
            62,
            in_areas(with(&[S::BoneRisk, S::SuddenSharp], 5), &[Area::MidBack])
        )),
        (Urgent, vec!["U11", "R3", "S1"])
    );
    // A minor trip at 45 on long-term steroids, walking fine: same-day X-ray (urgent), not an
    // emergency.
    assert_eq!(
        triage(&aged(45, with(&[S::MinorFall, S::BoneRisk], 2))),
        (Urgent, vec!["U10"])
    );
    // "Not sure" whether chest tightness has settled: same-day at least (the words say now).
    assert_eq!(triage(&unsure(&[S::ChestPain], 0)), (Urgent, vec!["U5"]));
    // The upper back that aches on long runs is not angina: no exertion sign, ok at 3/10.
    assert_eq!(triage(&answers(3)), (Ok, vec!["C1"]));
    // Pain 10 alone is never "ok".
    assert_eq!(triage(&answers(10)), (Review, vec!["R7"]));
    // Many "not sure" answers are never "ok".
    let many = unsure(&[S::Fever, S::NightPain, S::Swelling, S::VeryUnwell], 1);
    assert_eq!(triage(&many), (Review, vec!["R13"]));
}

#[test]
fn version_3_rules_with_not_sure() {
    let cases: Vec<(Answers, Level, Vec<&str>)> = vec![
        // Not sure about a fever with aching legs: a professional's look (R13), never "ok".
        (
            in_areas(unsure(&[S::Fever], 2), &[Area::Legs]),
            Review,
            vec!["R13"],
        ),
        // Not sure about feeling very unwell.
        (unsure(&[S::VeryUnwell], 0), Review, vec!["R13"]),
        // Not sure about bone risk with a sudden sharp spinal pain: U11 asks for a yes; R3 stays.
        (
            Answers {
                unsure: [S::BoneRisk].into_iter().collect(),
                ..with(&[S::SuddenSharp], 3)
            },
            Review,
            vec!["R3"],
        ),
        // Bone risk with a not-sure sudden pain: nothing beyond "ok" at 3/10 (no sign was given).
        (
            Answers {
                unsure: [S::SuddenSharp].into_iter().collect(),
                ..with(&[S::BoneRisk], 3)
            },
            Ok,
            vec!["C1"],
        ),
        // Not sure about standing after a fall at 70: U5 and U10 both.
        (
            Answers {
                unsure: [S::CannotBearWeight].into_iter().collect(),
                ..aged(70, with(&[S::MinorFall], 2))
            },
            Urgent,
            vec!["U5", "U10"],
        ),
        // Not sure whether there was a fall, and cannot stand on it: E9 might hold, so U5.
        (
            Answers {
                unsure: [S::MinorFall].into_iter().collect(),
                ..with(&[S::CannotBearWeight], 2)
            },
            Urgent,
            vec!["U5"],
        ),
        (
            unsure(&[S::MinorFall, S::CannotBearWeight], 2),
            Urgent,
            vec!["U5"],
        ),
        // Not sure about a fall, standing fine, no bone risk: nothing more.
        (unsure(&[S::MinorFall], 2), Ok, vec!["C1"]),
        // Not sure about hand signs (U7, which now holds the electric-shock feeling).
        (unsure(&[S::HandSigns], 0), Review, vec!["R13"]),
        // Not sure about a neuro sign (E8): same-day at least.
        (unsure(&[S::NeuroSigns], 0), Urgent, vec!["U5"]),
        // A yes to the weight question without a fall changes nothing; with one, an emergency.
        (with(&[S::CannotBearWeight], 5), SelfCare, vec!["S1"]),
        (
            with(&[S::CannotBearWeight, S::MinorFall], 5),
            Emergency,
            vec!["E9", "R9", "S1"],
        ),
    ];
    for (answers, level, rules) in cases {
        assert_eq!(triage(&answers), (level, rules), "{answers:?}");
    }
}
