//! Table tests of the long-run rule: its edges, coverage, duplicates and hidden runs.

use super::words;
use super::{Budget, LONG_RUN, LongRun, RunFacts, budget, long_run};
use crate::calendar::UtcTime;

const DAY: i64 = 24 * 3600;
/// 2026-09-01T07:00:00Z.
const T0: i64 = 1_788_246_000;

fn run(day: i64, km: f64) -> RunFacts {
    RunFacts {
        start: UtcTime(T0 + day * DAY),
        distance_m: Some(km * 1000.0),
        counted: true,
    }
}

/// A history starting 40 days before day 0 (so coverage holds), with `longest` km on day −5, and
/// the run under test on day 0.
fn against(longest_m: f64, run_m: f64) -> Option<LongRun> {
    let history = vec![
        run(-40, 3.0),
        RunFacts {
            distance_m: Some(longest_m),
            ..run(-5, 0.0)
        },
    ];
    let this = RunFacts {
        distance_m: Some(run_m),
        ..run(0, 0.0)
    };
    long_run(&this, &history)
}

#[test]
fn exactly_10_percent_is_nothing_and_10_01_is_a_spike() {
    assert_eq!(against(10_000.0, 11_000.0), None);
    assert_eq!(
        against(10_000.0, 11_001.0),
        Some(LongRun::Spike {
            percent: 10,
            longest_before_m: 10_000.0
        })
    );
    assert_eq!(against(14_000.0, 18_400.0).map(|w| w.kind()), Some("spike"));
}

#[test]
fn exactly_100_percent_is_a_spike_and_100_01_is_more_than_twice() {
    assert_eq!(
        against(10_000.0, 20_000.0),
        Some(LongRun::Spike {
            percent: 100,
            longest_before_m: 10_000.0
        })
    );
    assert_eq!(
        against(10_000.0, 20_001.0),
        Some(LongRun::MoreThanTwice {
            percent: 100,
            longest_before_m: 10_000.0
        })
    );
}

#[test]
fn the_percent_is_rounded_to_whole() {
    let percent = |w: Option<LongRun>| match w {
        Some(LongRun::Spike { percent, .. }) => percent,
        other => panic!("{other:?}"),
    };
    assert_eq!(percent(against(14_000.0, 18_400.0)), 31);
    assert_eq!(percent(against(10_000.0, 11_250.0)), 13);
    assert_eq!(percent(against(10_000.0, 11_249.0)), 12);
}

#[test]
fn the_window_is_exactly_30_times_24_hours() {
    let history = [run(-60, 3.0), run(-30, 20.0)];
    // Exactly 720 h before: inside the window.
    assert_eq!(long_run(&run(0, 21.0), &history), None);
    // One second later the 20 km run is out of the window: first in 30 days.
    let later = RunFacts {
        start: UtcTime(T0 + 1),
        ..run(0, 21.0)
    };
    assert_eq!(long_run(&later, &history), Some(LongRun::FirstInThirtyDays));
}

#[test]
fn no_warning_without_30_days_of_history() {
    let history = [run(-29, 2.0), run(-10, 3.0)];
    assert_eq!(long_run(&run(0, 30.0), &history), None);
    let history = [run(-30, 2.0), run(-10, 3.0)];
    assert!(long_run(&run(0, 30.0), &history).is_some());
    assert_eq!(long_run(&run(0, 30.0), &[]), None, "an empty history");
}

#[test]
fn an_empty_window_is_first_in_30_days() {
    let history = [run(-90, 10.0)];
    assert_eq!(
        long_run(&run(0, 5.0), &history),
        Some(LongRun::FirstInThirtyDays)
    );
}

#[test]
fn hidden_and_duplicate_runs_do_not_count_either_way() {
    let hidden_long = RunFacts {
        counted: false,
        ..run(-3, 30.0)
    };
    let history = [run(-40, 3.0), run(-5, 10.0), hidden_long];
    // The hidden 30 km is not the month's longest.
    assert!(matches!(
        long_run(&run(0, 15.0), &history),
        Some(LongRun::Spike { percent: 50, .. })
    ));
    // A run that is itself hidden or a duplicate gets nothing.
    let duplicate = RunFacts {
        counted: false,
        ..run(0, 25.0)
    };
    assert_eq!(long_run(&duplicate, &history), None);
}

#[test]
fn a_duplicate_of_the_same_run_is_not_compared_with_itself() {
    // The counted copy and its duplicate start within seconds: the duplicate (not counted) is no
    // "longest before".
    let copy = RunFacts {
        start: UtcTime(T0 - 5),
        counted: false,
        ..run(0, 15.0)
    };
    let history = [run(-40, 3.0), run(-5, 10.0), copy, run(0, 15.0)];
    assert!(matches!(
        long_run(&run(0, 15.0), &history),
        Some(LongRun::Spike { percent: 50, .. })
    ));
}

#[test]
fn treadmill_runs_count_like_any_run_and_short_runs_are_not_compared() {
    // A treadmill run is running: its distance is the device's, and it counts (RunFacts carries no
    // sub-sport because the rule does not look at one).
    let history = [run(-40, 3.0), run(-5, 10.0)];
    assert!(long_run(&run(0, 12.0), &history).is_some());
    assert_eq!(long_run(&run(0, 0.9), &[run(-40, 0.1)]), None, "under 1 km");
    let unknown = RunFacts {
        distance_m: None,
        ..run(0, 0.0)
    };
    assert_eq!(long_run(&unknown, &history), None);
}

#[test]
fn the_words_are_the_specs() {
    let date = jiff::civil::date(2024, 10, 12);
    let spike = LongRun::Spike {
        percent: 31,
        longest_before_m: 14_000.0,
    };
    assert_eq!(
        words::warning(&spike, date, 18_400.0),
        "Your run on Sat 12 Oct (18.4 km) was 31% longer than your longest run in the 30 days \
         before it (14.0 km). In a study of 5,200 runners, runs more than 10% longer than the past \
         month's longest were followed by more overuse injuries than runs within 10%. This is a \
         pattern in a group, not a forecast for you. Easy, shorter runs for the next few days are \
         a simple precaution; take the pain check if anything hurts."
    );
    assert_eq!(
        words::warning(&LongRun::FirstInThirtyDays, date, 5000.0),
        "First run in over 30 days: build back gradually."
    );
    let line = words::budget(&budget(&[run(-3, 18.4)], UtcTime(T0)).expect("a run in the window"));
    assert_eq!(
        line,
        "Longest run in the last 30 days: 18.4 km. A run up to 20.2 km stays within 10% of it."
    );
}

#[test]
fn no_word_the_spec_rules_out_appears() {
    let date = jiff::civil::date(2024, 10, 12);
    let all = [
        LongRun::Spike {
            percent: 31,
            longest_before_m: 14_000.0,
        },
        LongRun::MoreThanTwice {
            percent: 150,
            longest_before_m: 4_000.0,
        },
        LongRun::FirstInThirtyDays,
    ];
    for warning in &all {
        let text = words::warning(warning, date, 10_000.0).to_lowercase();
        for banned in [
            "danger zone",
            "sweet spot",
            "overtraining",
            "don't run",
            "do not run",
            "probability",
            "acute",
            "chronic",
            "per week",
            "a week",
        ] {
            assert!(!text.contains(banned), "{banned:?} in {text}");
        }
    }
}

#[test]
fn the_budget_needs_a_run_in_the_window() {
    assert_eq!(budget(&[run(-31, 10.0)], UtcTime(T0)), None);
    assert_eq!(
        budget(&[run(-1, 10.0)], UtcTime(T0)),
        Some(Budget {
            longest_m: 10_000.0,
            within_m: 11_000.0
        })
    );
}

#[test]
fn the_rule_keeps_its_source() {
    assert!(
        LONG_RUN
            .source
            .contains("Br J Sports Med 2025;59(17):1203-1210")
    );
    assert_eq!(LONG_RUN.hazard_rate_ratios.len(), 3);
}
