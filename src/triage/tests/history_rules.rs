//! R10 and R11 on the runner's local days.

use super::*;
use crate::calendar::Calendar;

fn at(text: &str) -> UtcTime {
    UtcTime::parse_instant(text).expect("an instant")
}

fn past_in(calendar: &Calendar, when: &str, pain: u8, areas: &[Area]) -> PastCheck {
    let at = at(when);
    PastCheck {
        at,
        day: calendar.day(at),
        pain,
        areas: areas.to_vec(),
    }
}

/// The rules fired for `pain` in `area`, taken at `when` in `calendar`'s zone, after `history`.
fn fired(
    calendar: &Calendar,
    when: &str,
    area: Area,
    pain: u8,
    history: &[PastCheck],
) -> Vec<&'static str> {
    let answers = Answers {
        pain,
        areas: vec![area],
        ..Answers::default()
    };
    let at = at(when);
    evaluate(&Facts {
        answers: &answers,
        at,
        day: calendar.day(at),
        history,
    })
    .rule_ids()
}

/// Days before 2026-11-24 at 10:00 UTC, as an instant.
fn days_ago(days: i64) -> String {
    UtcTime(at("2026-11-24T10:00:00Z").0 - days * 86_400).rfc3339()
}

const TODAY: &str = "2026-11-24T10:00:00Z";

#[test]
fn same_area_on_three_days_in_two_weeks() {
    let utc = Calendar::utc();
    let low = [Area::LowerBack];
    let past = |days: i64, pain: u8, areas: &[Area]| past_in(&utc, &days_ago(days), pain, areas);
    let run = |history: &[PastCheck]| fired(&utc, TODAY, Area::LowerBack, 4, history);
    assert_eq!(
        run(&[past(3, 5, &low), past(10, 4, &low)]),
        vec!["R10", "S1"]
    );
    // Two checks on the same day count as one day.
    assert_eq!(run(&[past(3, 5, &low), past(3, 6, &low)]), vec!["S1"]);
    // 14 days ago is outside the window; 13 is inside.
    assert_eq!(run(&[past(3, 5, &low), past(14, 4, &low)]), vec!["S1"]);
    assert_eq!(
        run(&[past(3, 5, &low), past(13, 4, &low)]),
        vec!["R10", "S1"]
    );
    // Another area, or pain under 4, does not count.
    assert_eq!(
        run(&[past(3, 5, &[Area::Neck]), past(5, 4, &low)]),
        vec!["S1"]
    );
    assert_eq!(run(&[past(3, 3, &low), past(5, 4, &low)]), vec!["S1"]);
    // A check dated after this one (a typo, or one logged late) is not part of its past.
    assert_eq!(run(&[past(3, 5, &low), past(-300, 9, &low)]), vec!["S1"]);
}

/// The same three checks: three local days at UTC+14, two UTC days.
#[test]
fn r10_counts_local_days_not_utc_days() {
    let checks = ["2026-11-20T09:00:00Z", "2026-11-20T11:00:00Z"];
    let this_one = "2026-11-21T11:00:00Z";
    let low = [Area::LowerBack];
    let table = [
        ("Pacific/Kiritimati", vec!["R10", "S1"]),
        ("UTC", vec!["S1"]),
    ];
    for (zone, expected) in table {
        let calendar = Calendar::named(zone).expect("zone");
        let history: Vec<PastCheck> = checks
            .iter()
            .map(|when| past_in(&calendar, when, 5, &low))
            .collect();
        assert_eq!(
            fired(&calendar, this_one, Area::LowerBack, 5, &history),
            expected,
            "{zone}"
        );
    }
}

#[test]
fn pain_rising_at_each_of_the_last_three_checks_within_two_weeks() {
    let utc = Calendar::utc();
    let neck = [Area::Neck];
    let past = |when: &str, pain: u8| past_in(&utc, when, pain, &neck);
    let run = |history: &[PastCheck]| fired(&utc, TODAY, Area::Neck, 3, history);
    assert_eq!(
        run(&[past(&days_ago(2), 1), past(&days_ago(1), 2)]),
        vec!["R11"]
    );
    assert_eq!(
        run(&[past(&days_ago(2), 1), past(&days_ago(1), 3)]),
        vec!["C1"]
    );
    // History in any order is sorted by time first.
    assert_eq!(
        run(&[past(&days_ago(1), 2), past(&days_ago(2), 1)]),
        vec!["R11"]
    );
    // Only two checks so far: not enough.
    assert_eq!(run(&[past(&days_ago(1), 2)]), vec!["C1"]);
    // Three checks over eight months are not a rise within two weeks.
    assert_eq!(
        run(&[past(&days_ago(240), 1), past(&days_ago(120), 2)]),
        vec!["C1"]
    );
    assert_eq!(
        run(&[past(&days_ago(14), 1), past(&days_ago(1), 2)]),
        vec!["C1"]
    );
    assert_eq!(
        run(&[past(&days_ago(13), 1), past(&days_ago(1), 2)]),
        vec!["R11"]
    );
    // Three checks twenty minutes apart are one day, not a trend.
    assert_eq!(
        run(&[
            past("2026-11-24T09:20:00Z", 1),
            past("2026-11-24T09:40:00Z", 2)
        ]),
        vec!["C1"]
    );
}

#[test]
fn a_typo_in_the_future_does_not_take_r11_away() {
    // The 2062 check is after this one, so the last three are still 1, 2, 3.
    let utc = Calendar::utc();
    let neck = [Area::Neck];
    let history = [
        past_in(&utc, &days_ago(2), 1, &neck),
        past_in(&utc, &days_ago(1), 2, &neck),
        past_in(&utc, "2062-11-20T08:00:00Z", 1, &neck),
    ];
    assert_eq!(fired(&utc, TODAY, Area::Neck, 3, &history), vec!["R11"]);
}
