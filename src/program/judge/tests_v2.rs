//! Version 2's rules, each a table with the case that broke version 1: the paused week, the stopped
//! second, unknown pain, 9/10 on Monday, creeping pain, two red weeks, the same-day `ok`, the
//! pile-up after rest days, on-green repeats and `max_level`.

use super::words::{NOT_SETTLED, TWO_RED_WEEKS};
use super::*;
use crate::program::{Advance, Gate, Progress, Schedule, SessionPlan};
use jiff::civil::Weekday;

mod course;

/// Monday 2026-03-02.
const START: DayNumber = 20_514;
const HOUR: i64 = 3600;
/// Every session's planned time in these tables.
const PLANNED_MS: u64 = 600_000;

fn plan(routine: &str, schedule: Schedule, weeks: (u32, u32)) -> SessionPlan {
    SessionPlan {
        routine: routine.to_owned(),
        schedule,
        first_week: weeks.0,
        last_week: weeks.1,
        progress: Progress::default(),
    }
}

/// Six weeks: `strength` 3 a week on any days, `mobility` on Tuesdays and Saturdays.
fn program() -> Program {
    Program {
        id: "fix".to_owned(),
        name: "Fix".to_owned(),
        description: None,
        tags: Vec::new(),
        weeks: 6,
        rest_routine: "rest".to_owned(),
        sessions: vec![
            plan("strength", Schedule::PerWeek(3), (1, 6)),
            plan(
                "mobility",
                Schedule::Days(vec![Weekday::Tuesday, Weekday::Saturday]),
                (1, 6),
            ),
        ],
        gate: Gate::default(),
        built_in: true,
        advance: Advance::Calendar,
        max_weeks: 12,
        max_level: None,
        max_per_day: 2,
    }
}

/// A session played in full at 08:00 on `day`.
fn session(day: DayNumber, routine: &str, pain: Option<u8>) -> SessionFact {
    SessionFact {
        at: UtcTime(day * 86_400 + 8 * HOUR),
        day,
        routine: routine.to_owned(),
        program: Some("fix".to_owned()),
        level: None,
        pain,
        morning: None,
        played_ms: PLANNED_MS,
        finished: true,
        planned_ms: Some(PLANNED_MS),
    }
}

fn check_at(day: DayNumber, hour: i64, level: Level) -> CheckFact {
    CheckFact {
        at: UtcTime(day * 86_400 + hour * HOUR),
        day,
        level,
    }
}

/// A full week: strength Mon, Wed, Fri and mobility Tue, Sat, each with this pain.
fn full_week(week: i64, pain: Option<u8>) -> Vec<SessionFact> {
    let monday = START + 7 * (week - 1);
    vec![
        session(monday, "strength", pain),
        session(monday + 1, "mobility", pain),
        session(monday + 2, "strength", pain),
        session(monday + 4, "strength", pain),
        session(monday + 5, "mobility", pain),
    ]
}

/// Full weeks with these pains, from week 1.
fn weeks_of_pain(pains: &[u8]) -> Vec<SessionFact> {
    (1..)
        .zip(pains)
        .flat_map(|(week, pain)| full_week(week, Some(*pain)))
        .collect()
}

fn facts(sessions: Vec<SessionFact>, checks: Vec<CheckFact>) -> Facts {
    Facts {
        sessions,
        checks,
        resumes: Vec::new(),
        spikes: Vec::new(),
    }
}

fn monday_of(week: i64) -> DayNumber {
    START + 7 * (week - 1)
}

fn due(status: &Status) -> Vec<&str> {
    status.due.iter().map(|d| d.routine.as_str()).collect()
}

#[test]
fn a_session_counts_only_when_half_of_it_was_played() {
    let played = |ms: u64, finished: bool| {
        let mut s = session(START, "strength", Some(0));
        s.played_ms = ms;
        s.finished = finished;
        s
    };
    let mut unknown_routine_stopped = played(1_000, false);
    unknown_routine_stopped.planned_ms = None;
    let mut unknown_routine_finished = played(1_000, true);
    unknown_routine_finished.planned_ms = None;
    // (what, the session, counts)
    let table = [
        ("q y in the first second", played(1_000, false), false),
        ("just under half", played(PLANNED_MS / 2 - 1, false), false),
        ("half", played(PLANNED_MS / 2, false), true),
        ("all of it", played(PLANNED_MS, true), true),
        ("routine gone, stopped", unknown_routine_stopped, false),
        ("routine gone, finished", unknown_routine_finished, true),
    ];
    for (what, fact, counts) in table {
        assert_eq!(fact.counts(), counts, "{what}");
        let monday = status(&program(), START, &facts(vec![fact], vec![]), START);
        assert_eq!(
            monday.done_this_week,
            u32::from(counts),
            "{what}: done this week"
        );
        let still_due = due(&monday).contains(&"strength");
        assert_eq!(still_due, !counts, "{what}: still due today");
    }
    // A week of stopped seconds is not green.
    let mut stopped = full_week(1, Some(0));
    for s in &mut stopped {
        s.played_ms = 1_000;
        s.finished = false;
    }
    let week2 = status(&program(), START, &facts(stopped, vec![]), monday_of(2));
    let last = week2.last_week().expect("judged");
    assert_eq!(
        (last.verdict, last.done),
        (Verdict::Amber, 0),
        "{}",
        last.reason
    );
    assert_eq!(week2.level, 0);
}

#[test]
fn unknown_pain_is_not_zero() {
    let with_unknown = |unknown: usize| {
        let mut week = full_week(1, Some(1));
        for s in week.iter_mut().take(unknown) {
            s.pain = None;
        }
        week
    };
    // (what, week 1, verdict, level in week 2)
    let table = [
        ("all unknown", with_unknown(5), Verdict::Amber, 0),
        ("3 of 5 unknown", with_unknown(3), Verdict::Amber, 0),
        ("2 of 5 unknown", with_unknown(2), Verdict::Green, 1),
        ("all known", with_unknown(0), Verdict::Green, 1),
    ];
    for (what, week, verdict, level) in table {
        let status = status(&program(), START, &facts(week, vec![]), monday_of(2));
        let last = status.last_week().expect("judged");
        assert_eq!(last.verdict, verdict, "{what}: {}", last.reason);
        assert_eq!(status.level, level, "{what}");
        if verdict == Verdict::Amber {
            assert!(
                last.reason.contains("pain not known"),
                "{what}: {}",
                last.reason
            );
        }
    }
}

#[test]
fn a_week_with_nothing_planned_is_not_judged_and_never_raises_the_level() {
    // Week 1 green (level 1 in week 2); a review check on Sunday of week 2 pauses until an ok check
    // on Wednesday of week 4: week 3 is wholly paused. Version 1 judged it green and raised the level.
    let mut sessions = weeks_of_pain(&[0, 0]);
    sessions.extend(full_week(4, Some(0)).into_iter().skip(3));
    let checks = vec![
        check_at(monday_of(2) + 6, 20, Level::Review),
        check_at(monday_of(4) + 2, 9, Level::Ok),
    ];
    let history = facts(sessions, checks);
    let week3 = status(&program(), START, &history, monday_of(3) + 3);
    assert_eq!(week3.state, State::Paused);
    assert_eq!(week3.planned_this_week, 0, "paused days plan nothing");
    let week4 = status(&program(), START, &history, monday_of(4));
    let paused_week = &week4.judged[2];
    assert!(!paused_week.judged, "{}", paused_week.reason);
    assert_ne!(paused_week.verdict, Verdict::Green);
    assert!(
        paused_week.reason.contains("not judged"),
        "{}",
        paused_week.reason
    );
    // Week 2 was red for its check (1 → 0); the paused week held at 0; the resume cannot go lower.
    assert_eq!(week4.judged[1].verdict, Verdict::Red);
    assert_eq!((paused_week.level, week4.level), (0, 0));
    let resumed = week4.resumed.clone();
    assert!(
        resumed.is_none(),
        "Monday of week 4 is still paused: {resumed:?}"
    );
    assert_eq!(week4.state, State::Paused);
    // A week on rest days throughout (self-care checks every third day) is not judged either.
    let resting = facts(
        vec![],
        vec![
            check_at(START, 7, Level::SelfCare),
            check_at(START + 3, 7, Level::Ok),
            check_at(START + 3, 8, Level::SelfCare),
            check_at(START + 6, 8, Level::SelfCare),
        ],
    );
    let after = status(&program(), START, &resting, monday_of(2));
    let week1 = after.last_week().expect("judged");
    assert_eq!(week1.planned, 0);
    // The self-care checks themselves hold the level; either way it is not green.
    assert_eq!((week1.verdict, after.level), (Verdict::Amber, 0));
}

#[test]
fn a_painful_session_makes_the_next_day_a_rest_day_and_asks_for_a_check() {
    // (what, Monday's pain, Tuesday's state, check asked for)
    let table = [
        ("9/10 on Monday", Some(9), State::RestDays, Some(9)),
        ("6/10: above amber", Some(6), State::RestDays, Some(6)),
        ("5/10: at amber", Some(5), State::Active, None),
        ("no answer", None, State::Active, None),
    ];
    for (what, pain, tuesday_state, asked) in table {
        let history = facts(vec![session(START, "strength", pain)], vec![]);
        let monday = status(&program(), START, &history, START);
        assert_eq!(monday.ask_check, asked, "{what}: asked on the day");
        let tuesday = status(&program(), START, &history, START + 1);
        assert_eq!(tuesday.state, tuesday_state, "{what}");
        assert_eq!(tuesday.ask_check, asked, "{what}: asked the next day");
        if tuesday_state == State::RestDays {
            assert_eq!(
                due(&tuesday),
                ["rest"],
                "{what}: the rest routine, nothing else"
            );
            assert!(
                matches!(tuesday.rest, Some(RestCause::SessionPain { day, pain: p }) if day == START && Some(p) == pain),
                "{what}: {:?}",
                tuesday.rest
            );
        } else {
            assert_eq!(due(&tuesday), ["strength", "mobility"], "{what}");
        }
        let wednesday = status(&program(), START, &history, START + 2);
        assert_eq!(wednesday.state, State::Active, "{what}: one day only");
        assert_eq!(
            wednesday.ask_check, None,
            "{what}: asked on the rest day, not ever after"
        );
    }
    // A check taken after the session ends the asking.
    let checked = facts(
        vec![session(START, "strength", Some(9))],
        vec![check_at(START + 1, 9, Level::SelfCare)],
    );
    assert_eq!(
        status(&program(), START, &checked, START + 1).ask_check,
        None
    );
}

#[test]
fn creeping_pain_holds() {
    // 0, 1, 2, 3, 3, 3 across six weeks: each within the gate, yet rising two weeks running.
    let history = facts(weeks_of_pain(&[0, 1, 2, 3, 3, 3]), vec![]);
    let finished = status(&program(), START, &history, monday_of(7));
    let verdicts: Vec<Verdict> = finished.judged.iter().map(|w| w.verdict).collect();
    let (green, amber) = (Verdict::Green, Verdict::Amber);
    assert_eq!(verdicts, [green, green, amber, amber, green, green]);
    assert!(
        finished.judged[2].reason.contains("creeping"),
        "{}",
        finished.judged[2].reason
    );
    let levels: Vec<u32> = finished.judged.iter().map(|w| w.level).collect();
    assert_eq!(levels, [0, 1, 2, 2, 2, 3]);
    // A rise after a fall, or a rise from an unknown week, is not creeping.
    for (what, pains) in [("up, down, up", [0, 2, 1, 2]), ("flat", [2, 2, 2, 2])] {
        let history = facts(weeks_of_pain(&pains), vec![]);
        let status = status(&program(), START, &history, monday_of(5));
        assert!(
            status.judged.iter().all(|w| w.verdict == Verdict::Green),
            "{what}: {:?}",
            status.judged
        );
    }
}
