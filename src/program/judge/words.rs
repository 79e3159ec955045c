//! The status in words: why the level or the state is what it is, and what to do when the state
//! calls for it (a pause, the end).

use super::{PauseCause, RestCause, State, Status, Verdict};
use crate::calendar::{DayNumber, date_of};
use crate::program::Program;

/// The program a finished one hands on to after a green last week.
pub const MAINTENANCE_PROGRAM: &str = "runner-maintenance";
/// The advice of two red weeks in a row.
pub const TWO_RED_WEEKS: &str = "Two weeks of pain: see a physiotherapist before going on";
/// The advice of a program finished after an amber or red week.
pub const NOT_SETTLED: &str = "If the pain has not settled, see a physiotherapist";

/// "Mon 2 Mar".
pub fn day_words(day: DayNumber) -> String {
    date_of(day).strftime("%a %-d %b").to_string()
}

/// Fills in `reason` and `advice`.
pub(super) fn explain(status: &mut Status, program: &Program) {
    status.reason = reason(status, program);
    status.advice = advice(status, program);
}

fn reason(status: &Status, program: &Program) -> String {
    match status.state {
        State::Scheduled => return format!("starts on {}", day_words(status.starts_on)),
        State::Finished => {
            return status.last_week().map_or_else(
                || "finished".to_owned(),
                |last| format!("finished; the last week: {}", judged_words(last)),
            );
        }
        State::Paused => {
            if let Some(pause) = &status.pause {
                return match &pause.cause {
                    PauseCause::Check(check) => format!(
                        "paused: the pain check on {} said {}",
                        day_words(check.day),
                        check.level.as_str()
                    ),
                    PauseCause::TwoRedWeeks => "paused: two red weeks in a row".to_owned(),
                    PauseCause::TooLong => format!(
                        "paused: {} weeks went by without {} green weeks",
                        weeks_since(status, pause.since),
                        program.weeks
                    ),
                };
            }
        }
        State::RestDays => match &status.rest {
            Some(RestCause::SessionPain { day, pain }) => {
                return format!(
                    "a rest day: the session on {} hurt {pain}/10",
                    day_words(*day)
                );
            }
            Some(RestCause::Check(check)) => {
                return format!(
                    "rest days after the self-care check on {}",
                    day_words(check.day)
                );
            }
            None => {}
        },
        State::Active => {}
    }
    level_reason(status)
}

/// Why the level is what it is: the starting level, a resume, or last week's judgement.
pub fn level_reason(status: &Status) -> String {
    if status.state == State::Finished {
        return status.last_week().map_or_else(
            || "the starting level".to_owned(),
            |last| format!("the last week: {}", judged_words(last)),
        );
    }
    if let Some(resumed) = &status.resumed {
        return format!(
            "resumed on {} one level lower, at level {} (level {} when it paused)",
            day_words(resumed.day),
            resumed.level,
            resumed.from_level
        );
    }
    match status.last_week() {
        None => "the starting level".to_owned(),
        Some(last) if !last.judged => last.reason.clone(),
        Some(last) => {
            let moved = match last.verdict {
                Verdict::Green if status.level > last.level => "up",
                Verdict::Green => "held at its highest",
                Verdict::Amber => "held",
                Verdict::Red if last.level == 0 => "held at the lowest",
                Verdict::Red => "down",
            };
            format!(
                "{moved}: last week {}, {}",
                last.verdict.as_str(),
                last.reason
            )
        }
    }
}

/// "green, 5 of 5 sessions done…", or for a week not judged, why not.
fn judged_words(week: &super::WeekResult) -> String {
    if week.judged {
        format!("{}, {}", week.verdict.as_str(), week.reason)
    } else {
        week.reason.clone()
    }
}

fn weeks_since(status: &Status, since: DayNumber) -> i64 {
    (since - status.starts_on) / 7
}

fn advice(status: &Status, program: &Program) -> Option<String> {
    match status.state {
        State::Paused => status.pause.as_ref().map(|pause| match &pause.cause {
            PauseCause::Check(check) => format!(
                "Follow the pain check's advice. From {} (48 hours after it), a check that says ok or self-care resumes the program one level lower.",
                day_words(check.day + 2)
            ),
            PauseCause::TwoRedWeeks => format!(
                "{TWO_RED_WEEKS}. From {}, `limberup program resume` (or a check that says ok or self-care) goes on one level lower.",
                day_words(pause.since + 2)
            ),
            PauseCause::TooLong => format!(
                "{} weeks without finishing: see a physiotherapist before going on; `limberup program start {}` begins it again.",
                weeks_since(status, pause.since),
                program.id
            ),
        }),
        State::Finished => Some(match status.last_week().map(|w| (w.verdict, w.judged)) {
            Some((Verdict::Green, true)) if program.id == MAINTENANCE_PROGRAM => {
                "Well done. Keep it up: start it again to keep your back strong.".to_owned()
            }
            Some((Verdict::Green, true)) => format!(
                "Well done. Keep it up with a maintenance program: `limberup program start {MAINTENANCE_PROGRAM}`."
            ),
            _ => format!("{NOT_SETTLED}."),
        }),
        State::Scheduled | State::Active | State::RestDays => None,
    }
}
