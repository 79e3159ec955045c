//! A long-run spike in the days before a pain check, listed under "also noted". It is added to the
//! report after the check's rules have judged it, so it never changes the level, its reasons or
//! its advice: a run is context for the runner, not a sign.

use super::run_view::{RunView, recent_spike};
use crate::calendar::DayNumber;
use crate::runs::warning::{LONG_RUN, words};
use crate::triage::report::{Reason, Report};

/// `report` with the latest spike of the 7 days up to the check's local `day` (if any) under
/// "also noted".
pub fn with_recent_spike(mut report: Report, runs: &[RunView], day: DayNumber) -> Report {
    let spike = recent_spike(runs, day);
    if let Some((spike, warning)) = spike.and_then(|s| Some((s, s.warning.as_ref()?))) {
        report.also_noted.push(Reason {
            id: LONG_RUN.id,
            text: words::headline(
                warning,
                spike.local.date(),
                spike.row.activity.distance_m.unwrap_or(0.0),
            ),
        });
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Calendar, UtcTime};
    use crate::history::RunRow;
    use crate::history::run_view::fixtures::run;
    use crate::history::run_view::views;
    use crate::triage::report::report;
    use crate::triage::{Answers, Facts, Level, evaluate};

    /// The answers fixtures are dated Friday 20 November 2026 (this day number).
    const CHECK_DAY: i64 = 20_777;

    /// 10 km every fifth day for 40 days, then 14 km (40% more) two days before the check.
    fn spike_before_the_check() -> Vec<RunView> {
        let first = CHECK_DAY - 42;
        let mut rows: Vec<RunRow> = (0..8).map(|i| run(i, first + i * 5, 10.0)).collect();
        rows.push(run(8, CHECK_DAY - 2, 14.0));
        views(rows, &Calendar::utc())
    }

    fn answers_for(level: Level) -> Answers {
        let text = match level {
            Level::Ok => include_str!("../../tests/fixtures/answers/ok.toml"),
            Level::SelfCare => include_str!("../../tests/fixtures/answers/self-care.toml"),
            Level::Review => include_str!("../../tests/fixtures/answers/review.toml"),
            Level::Urgent => include_str!("../../tests/fixtures/answers/urgent.toml"),
            Level::Emergency => include_str!("../../tests/fixtures/answers/emergency.toml"),
        };
        let source = crate::diag::SourceText::new("answers.toml", text.to_owned());
        let when = crate::triage::answers::DateContext {
            now: UtcTime((CHECK_DAY + 1) * 86_400),
            calendar: Calendar::utc(),
        };
        crate::triage::parse_answers(&source, &when).expect("a fixture's answers")
    }

    /// At every level, a spike two days before the check adds one line under "also noted" and
    /// leaves the level, its reasons and its advice exactly as they were.
    #[test]
    fn a_spike_is_noted_and_never_changes_the_level() {
        let runs = spike_before_the_check();
        let day = CHECK_DAY;
        for level in [
            Level::Ok,
            Level::SelfCare,
            Level::Review,
            Level::Urgent,
            Level::Emergency,
        ] {
            let answers = answers_for(level);
            let triage = evaluate(&Facts {
                answers: &answers,
                at: UtcTime(day * 86_400 + 9 * 3_600),
                day,
                history: &[],
            });
            assert_eq!(triage.level, level, "the fixture's own level");
            let without = report(&triage, &answers);
            let with = with_recent_spike(without.clone(), &runs, day);
            assert_eq!(with.level, without.level, "{level:?}");
            assert_eq!(with.why, without.why, "{level:?}");
            assert_eq!(with.advice, without.advice, "{level:?}");
            assert_eq!(with.headline, without.headline, "{level:?}");
            assert_eq!(with.also_noted.len(), without.also_noted.len() + 1);
            let noted = with.also_noted.last().expect("the spike");
            assert!(noted.text.contains("40% longer"), "{}", noted.text);
            assert_eq!(
                with_recent_spike(without.clone(), &runs, CHECK_DAY + 6),
                without,
                "{level:?}: eight days after, nothing is added"
            );
        }
    }
}
