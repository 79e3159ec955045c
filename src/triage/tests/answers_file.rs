//! The answers file: every problem with its position, and dates as instants.

use super::*;
use crate::calendar::Calendar;
use crate::triage::answers::DateContext;

fn when(zone: &str) -> DateContext {
    DateContext {
        now: NOW,
        calendar: Calendar::named(zone).expect("zone"),
    }
}

fn parse(text: &str) -> Result<Answers, Vec<String>> {
    let source = crate::diag::SourceText::new("a.toml", text);
    parse_answers(&source, &when("UTC"))
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

#[test]
fn answers_files_are_checked_with_positions() {
    let problems = parse(
        "pain = 11\nareas = [\"upper-bak\"]\ntrend = \"worst\"\nsymptom = []\ndate = \"yesterday\"\n",
    )
    .expect_err("invalid");
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
    assert_eq!(
        parse("pain = 3\n").expect_err("areas missing")[0],
        "a.toml:1:8: error: `areas` is required when `pain` is above 0: say where it hurts"
    );
}

#[test]
fn the_new_ids_are_known() {
    let answers = parse(
        "pain = 2\nareas = [\"mid-back\"]\nsymptoms = [\"dark-urine\", \"exertion-pain\", \"hand-signs\", \"constant-pain\", \"infection-risk\"]\n",
    )
    .expect("valid");
    assert_eq!(answers.symptoms.len(), 5);
    assert_eq!(
        parse("pain = 2\nareas = [\"neck\"]\nunsure = [\"hand-sign\"]\n").expect_err("typo"),
        ["a.toml:3:11: error: unknown id \"hand-sign\" in `unsure` (did you mean `hand-signs`?)"]
    );
}

#[test]
fn a_date_more_than_a_day_ahead_is_an_error_at_its_position() {
    assert_eq!(
        parse("pain = 2\nareas = [\"neck\"]\ndate = 2062-11-20T08:00:00Z\n").expect_err("future"),
        [
            "a.toml:3:8: error: `date` 2062-11-20T08:00:00Z is more than a day in the future (it is now 2026-11-24T11:05:00Z): check the year and month"
        ]
    );
    // Within a day ahead is fine: it is already tomorrow somewhere.
    assert!(parse("pain = 0\ndate = 2026-11-25T10:00:00Z\n").is_ok());
}

/// A date with an offset is that instant; without one it is local; a date alone is local midnight.
#[test]
fn dates_are_instants() {
    let table = [
        (
            "UTC",
            "2026-11-20T23:00:00-14:00",
            "2026-11-21T13:00:00Z",
            "2026-11-21",
        ),
        (
            "Pacific/Kiritimati",
            "2026-11-20T23:00:00-14:00",
            "2026-11-21T13:00:00Z",
            "2026-11-22",
        ),
        (
            "Europe/Paris",
            "2026-11-20T08:00:00",
            "2026-11-20T07:00:00Z",
            "2026-11-20",
        ),
        (
            "Europe/Paris",
            "2026-11-20",
            "2026-11-19T23:00:00Z",
            "2026-11-20",
        ),
        (
            "UTC",
            "2026-11-20T08:00:00Z",
            "2026-11-20T08:00:00Z",
            "2026-11-20",
        ),
    ];
    for (zone, written, instant, local_day) in table {
        let source =
            crate::diag::SourceText::new("a.toml", format!("pain = 0\ndate = {written}\n"));
        let when = when(zone);
        let date = parse_answers(&source, &when)
            .expect("valid")
            .date
            .expect("dated");
        assert_eq!(date.rfc3339(), instant, "{zone} {written}");
        assert_eq!(
            when.calendar.date(date).to_string(),
            local_day,
            "{zone} {written}"
        );
    }
}

#[test]
fn version_3_ids_and_the_profile_field() {
    let answers = parse(
        "pain = 2\nareas = [\"mid-back\"]\nsymptoms = [\"very-unwell\", \"minor-fall\"]\nunsure = [\"cannot-bear-weight\"]\nprofile = [\"bone-risk\", \"cancer-history\"]\nage = 45\n",
    )
    .expect("valid");
    assert!(answers.symptoms.contains(&Symptom::VeryUnwell));
    assert!(answers.unsure.contains(&Symptom::CannotBearWeight));
    assert_eq!(
        answers.profile,
        Some(
            [Symptom::BoneRisk, Symptom::CancerHistory]
                .into_iter()
                .collect()
        )
    );
    // The profile's facts count for this check: a minor fall at 45 with bone risk (U10), cancer
    // with mid-back pain (U2), not sure about standing after the fall (U5), very unwell (U9).
    assert_eq!(
        triage(&answers),
        (Level::Urgent, vec!["U2", "U5", "U9", "U10"])
    );
    // Only profile facts belong in `profile`; a fact in both `profile` and `unsure` is an error.
    assert_eq!(
        parse("pain = 0\nprofile = [\"bone-risks\", \"fever\"]\n").expect_err("not profile ids"),
        [
            "a.toml:2:12: error: unknown id \"bone-risks\" in `profile` (did you mean `bone-risk`?)",
            "a.toml:2:26: error: unknown id \"fever\" in `profile`",
        ]
    );
    assert_eq!(
        parse("pain = 0\nprofile = [\"back-history\"]\nunsure = [\"back-history\"]\n")
            .expect_err("both"),
        ["a.toml:3:10: error: `back-history` is in both `profile` and `unsure`; keep one"]
    );
}
