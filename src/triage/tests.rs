//! Every rule alone, combinations, "not sure" on each red flag, and the history rules with dates.

use super::*;

fn answers(pain: u8) -> Answers {
    Answers {
        pain,
        areas: if pain > 0 {
            vec![Area::UpperBack]
        } else {
            Vec::new()
        },
        ..Answers::default()
    }
}

fn with(symptoms: &[Symptom], pain: u8) -> Answers {
    Answers {
        symptoms: symptoms.iter().copied().collect(),
        ..answers(pain)
    }
}

fn triage(answers: &Answers) -> (Level, Vec<&'static str>) {
    let result = evaluate(&Facts {
        answers,
        day: 20_000,
        history: &[],
    });
    (result.level, result.rule_ids())
}

#[test]
fn every_symptom_rule_alone() {
    use Level::{Emergency, Review, Urgent};
    use Symptom as S;
    // (symptoms, pain, level, fired rules): pain 2 so that only the rule under test fires.
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
        (&[S::Fever, S::SevereHeadache], Emergency, &["E10", "U1"]),
        (&[S::Fever], Urgent, &["U1"]),
        (&[S::CancerHistory], Urgent, &["U2"]),
        (&[S::WeightLoss], Urgent, &["U2"]),
        (&[S::NightPain], Urgent, &["U3"]),
        (&[S::Swelling], Urgent, &["U4"]),
        (&[S::NumbnessTingling], Review, &["R1"]),
        (&[S::Radiating], Review, &["R2"]),
        (&[S::SuddenSharp], Review, &["R3"]),
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
fn rules_on_pain_days_trend_age_and_activity() {
    use Level::{Emergency, Ok, Review, SelfCare};
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
                ..with(&[Symptom::MinorFall], 2)
            },
            Emergency,
            vec!["E9"],
        ),
        (
            Answers {
                age: Some(64),
                ..with(&[Symptom::MinorFall], 2)
            },
            Ok,
            vec!["C1"],
        ),
        (with(&[Symptom::MinorFall], 4), Review, vec!["R9", "S1"]),
        (with(&[Symptom::BackHistory], 4), Review, vec!["R8", "S1"]),
        (with(&[Symptom::BackHistory], 3), Ok, vec!["C1"]),
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
        ..with(
            &[Symptom::ChestPain, Symptom::NightPain, Symptom::Radiating],
            9,
        )
    };
    assert_eq!(
        triage(&answers),
        (Level::Emergency, vec!["E5", "U3", "R2", "R4", "R6", "R7"])
    );
}

#[test]
fn not_sure_on_any_red_flag_means_urgent() {
    for flag in Symptom::RED_FLAGS {
        let answers = Answers {
            unsure: [flag].into_iter().collect(),
            ..answers(2)
        };
        assert_eq!(triage(&answers), (Level::Urgent, vec!["U5"]), "{flag:?}");
    }
    // Unsure about something that is not a red flag changes nothing.
    let answers = Answers {
        unsure: [Symptom::BackHistory].into_iter().collect(),
        ..answers(2)
    };
    assert_eq!(triage(&answers), (Level::Ok, vec!["C1"]));
}

fn past(day: i64, pain: u8, areas: &[Area]) -> PastCheck {
    PastCheck {
        day,
        pain,
        areas: areas.to_vec(),
    }
}

/// The rules fired for `pain` in `area` on `today`, after `history`.
fn with_history(area: Area, pain: u8, today: i64, history: &[PastCheck]) -> Vec<&'static str> {
    let answers = Answers {
        pain,
        areas: vec![area],
        ..Answers::default()
    };
    evaluate(&Facts {
        answers: &answers,
        day: today,
        history,
    })
    .rule_ids()
}

#[test]
fn same_area_on_three_days_in_two_weeks() {
    let today = 20_000;
    let run = |history: &[PastCheck], pain: u8| with_history(Area::LowerBack, pain, today, history);
    let low = [Area::LowerBack];
    assert_eq!(
        run(&[past(today - 3, 5, &low), past(today - 10, 4, &low)], 4),
        vec!["R10", "S1"]
    );
    // Two checks on the same day count as one day.
    assert_eq!(
        run(&[past(today - 3, 5, &low), past(today - 3, 6, &low)], 4),
        vec!["S1"]
    );
    // 14 days ago is outside the window; 13 is inside.
    assert_eq!(
        run(&[past(today - 3, 5, &low), past(today - 14, 4, &low)], 4),
        vec!["S1"]
    );
    assert_eq!(
        run(&[past(today - 3, 5, &low), past(today - 13, 4, &low)], 4),
        vec!["R10", "S1"]
    );
    // Another area, or pain under 4, does not count.
    assert_eq!(
        run(
            &[past(today - 3, 5, &[Area::Neck]), past(today - 5, 4, &low)],
            4
        ),
        vec!["S1"]
    );
    assert_eq!(
        run(&[past(today - 3, 3, &low), past(today - 5, 4, &low)], 4),
        vec!["S1"]
    );
}

#[test]
fn pain_rising_at_each_of_the_last_three_checks() {
    let today = 20_000;
    let neck = [Area::Neck];
    let run = |history: &[PastCheck], pain: u8| with_history(Area::Neck, pain, today, history);
    assert_eq!(
        run(&[past(today - 2, 1, &neck), past(today - 1, 2, &neck)], 3),
        vec!["R11"]
    );
    assert_eq!(
        run(&[past(today - 2, 1, &neck), past(today - 1, 3, &neck)], 3),
        vec!["C1"]
    );
    // History in any order is sorted by date first.
    assert_eq!(
        run(&[past(today - 1, 2, &neck), past(today - 2, 1, &neck)], 3),
        vec!["R11"]
    );
    // Only two checks so far: not enough.
    assert_eq!(run(&[past(today - 1, 2, &neck)], 3), vec!["C1"]);
}

#[test]
fn the_table_is_complete_and_every_rule_has_a_reason_and_a_source() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let mut expected: Vec<String> = (1..=10).map(|n| format!("E{n}")).collect();
    expected.extend((1..=5).map(|n| format!("U{n}")));
    expected.extend((1..=11).map(|n| format!("R{n}")));
    expected.extend(["S1", "S2", "C1"].map(str::to_owned));
    assert_eq!(ids, expected);
    for rule in &RULES {
        assert!(
            !rule.reason.is_empty() && !rule.source.is_empty(),
            "{}",
            rule.id
        );
        let expected_level = match &rule.id[..1] {
            "E" => Level::Emergency,
            "U" => Level::Urgent,
            "R" => Level::Review,
            "S" => Level::SelfCare,
            _ => Level::Ok,
        };
        assert_eq!(rule.level, expected_level, "{}", rule.id);
    }
}

#[test]
fn answers_files_are_checked_with_positions() {
    let source = crate::diag::SourceText::new(
        "a.toml",
        "pain = 11\nareas = [\"upper-bak\"]\ntrend = \"worst\"\nsymptom = []\ndate = \"yesterday\"\n",
    );
    let problems: Vec<String> = parse_answers(&source)
        .expect_err("invalid")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "a.toml:1:8: error: `pain` must be from 0 to 10, found 11",
            "a.toml:2:10: error: unknown id \"upper-bak\" in `areas` (did you mean `upper-back`?)",
            "a.toml:3:9: error: `trend` must be one of better, same, worse, found \"worst\" (did you mean `worse`?)",
            "a.toml:4:1: error: unknown key `symptom` (did you mean `symptoms`?)",
            "a.toml:5:8: error: `date` must be a TOML date or date-time, like 2026-11-20T08:00:00Z (no quotes)",
        ]
    );
    let missing_area = crate::diag::SourceText::new("b.toml", "pain = 3\n");
    let problems = parse_answers(&missing_area).expect_err("areas missing");
    assert_eq!(
        problems[0].to_string(),
        "b.toml:1:8: error: `areas` is required when `pain` is above 0: say where it hurts"
    );
    let good = crate::diag::SourceText::new(
        "c.toml",
        "pain = 6\nareas = [\"upper-back\"]\nonset = \"after-run\"\ndays = 3\ntrend = \"same\"\nsymptoms = [\"radiating\"]\nage = 42\ndate = 2026-11-20T08:00:00Z\n",
    );
    let answers = parse_answers(&good).expect("valid");
    assert_eq!(answers.pain, 6);
    assert_eq!(
        answers.date.map(|(_, day)| day),
        Some(answers::days_from_civil(2026, 11, 20))
    );
    assert_eq!(answers::days_from_civil(1970, 1, 1), 0);
    assert_eq!(answers::days_from_civil(2000, 3, 1), 11_017);
}
