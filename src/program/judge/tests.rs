//! The week judgement and level moves, as tables: each row a history and the status it gives.

use super::*;
use crate::calendar::{Calendar, day_number};
use crate::program::{Gate, Progress, Schedule, SessionPlan};
use jiff::civil::Weekday;

/// Monday 2026-03-02.
const START: DayNumber = 20_514;

fn plan(routine: &str, schedule: Schedule) -> SessionPlan {
    SessionPlan {
        routine: routine.to_owned(),
        schedule,
        first_week: 1,
        last_week: 4,
        progress: Progress::default(),
    }
}

/// Four weeks: `strength` 3 a week on any days, `mobility` on Tuesdays and Saturdays.
fn program() -> Program {
    Program {
        id: "fix".to_owned(),
        name: "Fix".to_owned(),
        description: None,
        tags: Vec::new(),
        weeks: 4,
        rest_routine: "rest".to_owned(),
        sessions: vec![
            plan("strength", Schedule::PerWeek(3)),
            plan(
                "mobility",
                Schedule::Days(vec![Weekday::Tuesday, Weekday::Saturday]),
            ),
        ],
        gate: Gate::default(),
        built_in: true,
        advance: crate::program::Advance::Calendar,
        max_weeks: 8,
        max_level: None,
        max_per_day: 2,
    }
}

fn session(day: DayNumber, routine: &str, pain: Option<u8>) -> SessionFact {
    SessionFact {
        at: UtcTime(day * 86_400 + 8 * 3600),
        day,
        routine: routine.to_owned(),
        program: Some("fix".to_owned()),
        level: None,
        pain,
        morning: None,
        played_ms: 600_000,
        finished: true,
        planned_ms: Some(600_000),
    }
}

fn check(day: DayNumber, level: Level) -> CheckFact {
    CheckFact {
        at: UtcTime(day * 86_400 + 3600),
        day,
        level,
    }
}

/// A full week done: strength Mon, Wed, Fri and mobility Tue, Sat, each with this pain.
fn full_week(week: i64, pain: u8) -> Vec<SessionFact> {
    let monday = START + 7 * (week - 1);
    vec![
        session(monday, "strength", Some(pain)),
        session(monday + 1, "mobility", Some(pain)),
        session(monday + 2, "strength", Some(pain)),
        session(monday + 4, "strength", Some(pain)),
        session(monday + 5, "mobility", Some(pain)),
    ]
}

fn facts(sessions: Vec<SessionFact>, checks: Vec<CheckFact>) -> Facts {
    Facts {
        sessions,
        checks,
        resumes: Vec::new(),
        spikes: Vec::new(),
    }
}

#[test]
fn weeks_are_judged_and_levels_move() {
    let mut worse = full_week(1, 1);
    worse[2].morning = Some(Morning::Worse);
    let half = full_week(1, 0)[..2].to_vec();
    let three_of_five = full_week(1, 0)[..3].to_vec();
    let mut unrelated = full_week(1, 9);
    for s in &mut unrelated {
        s.program = Some("another".to_owned());
    }
    // (what, history, week-1 verdict, level in week 2)
    let table: Vec<(&str, Facts, Verdict, u32)> = vec![
        (
            "all done, no pain",
            facts(full_week(1, 2), vec![]),
            Verdict::Green,
            1,
        ),
        (
            "pain at green",
            facts(full_week(1, 3), vec![]),
            Verdict::Green,
            1,
        ),
        (
            "pain above green",
            facts(full_week(1, 4), vec![]),
            Verdict::Amber,
            0,
        ),
        (
            "pain at amber",
            facts(full_week(1, 5), vec![]),
            Verdict::Amber,
            0,
        ),
        (
            "pain above amber",
            facts(full_week(1, 6), vec![]),
            Verdict::Red,
            0,
        ),
        (
            "worse next morning",
            facts(worse, vec![]),
            Verdict::Amber,
            0,
        ),
        (
            "self-care check",
            facts(full_week(1, 0), vec![check(START + 6, Level::SelfCare)]),
            Verdict::Amber,
            0,
        ),
        (
            "review check",
            facts(full_week(1, 0), vec![check(START + 6, Level::Review)]),
            Verdict::Red,
            0,
        ),
        ("missed: 2 of 5", facts(half, vec![]), Verdict::Amber, 0),
        (
            "3 of 5 is enough",
            facts(three_of_five, vec![]),
            Verdict::Green,
            1,
        ),
        ("nothing done", facts(vec![], vec![]), Verdict::Amber, 0),
        (
            "another program's sessions do not count",
            facts(unrelated, vec![]),
            Verdict::Amber,
            0,
        ),
    ];
    for (what, facts, verdict, level) in table {
        let status = status(&program(), START, &facts, START + 7);
        let last = status.last_week().expect("week 1 judged");
        assert_eq!(last.verdict, verdict, "{what}: {}", last.reason);
        assert_eq!(status.level, level, "{what}");
        assert_eq!(status.week, 2, "{what}");
    }
}

#[test]
fn levels_climb_hold_and_step_back_never_below_zero() {
    // Weeks 1-2 green, week 3 red: levels 0, 1, 2 then 1 in week 4.
    let mut history = full_week(1, 0);
    history.extend(full_week(2, 1));
    history.extend(full_week(3, 7));
    let status = status(&program(), START, &facts(history, vec![]), START + 21);
    let moves: Vec<(u32, Verdict)> = status.judged.iter().map(|w| (w.level, w.verdict)).collect();
    assert_eq!(
        moves,
        [(0, Verdict::Green), (1, Verdict::Green), (2, Verdict::Red)]
    );
    assert_eq!(status.level, 1);
    assert_eq!(status.judged[2].reason, "a session hurt 7/10 (above 5)");

    let red_first = status_on(facts(full_week(1, 8), vec![]), START + 7);
    assert_eq!(red_first.level, 0, "not below 0");
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "tables build the facts inline"
)]
fn status_on(facts: Facts, today: DayNumber) -> Status {
    status(&program(), START, &facts, today)
}

#[test]
fn what_is_due_follows_days_and_counts() {
    let tuesday = START + 1;
    let due = |facts: Facts, day| -> Vec<String> {
        status_on(facts, day)
            .due
            .into_iter()
            .map(|d| d.routine)
            .collect()
    };
    assert_eq!(
        due(facts(vec![], vec![]), START),
        ["strength"],
        "Monday: the any-day session"
    );
    assert_eq!(
        due(facts(vec![], vec![]), tuesday),
        ["strength", "mobility"]
    );
    // Done today: no longer due today, at most once a day.
    let done_tuesday = vec![
        session(tuesday, "strength", None),
        session(tuesday, "mobility", None),
    ];
    assert!(due(facts(done_tuesday, vec![]), tuesday).is_empty());
    // Three strength sessions done this week: not due again until next week.
    let three = vec![
        session(START, "strength", None),
        session(START + 2, "strength", None),
        session(START + 3, "strength", None),
    ];
    assert!(due(facts(three.clone(), vec![]), START + 4).is_empty());
    assert_eq!(due(facts(three, vec![]), START + 7), ["strength"]);
    let week = status_on(facts(full_week(1, 0)[..1].to_vec(), vec![]), START + 2);
    assert_eq!((week.done_this_week, week.planned_this_week), (1, 5));
}

#[test]
fn a_self_care_check_gives_three_rest_days() {
    let wednesday = START + 2;
    let history = facts(vec![], vec![check(wednesday, Level::SelfCare)]);
    let table = [
        (wednesday - 1, State::Active),
        (wednesday, State::RestDays),
        (wednesday + 1, State::RestDays),
        (wednesday + 2, State::RestDays),
        (wednesday + 3, State::Active),
    ];
    for (day, state) in table {
        let status = status_on(history.clone(), day);
        assert_eq!(status.state, state, "day {}", day - START);
        if state == State::RestDays {
            let due: Vec<&str> = status.due.iter().map(|d| d.routine.as_str()).collect();
            assert_eq!(due, ["rest"], "the rest routine instead");
        }
    }
    // Rest days plan nothing: Wed-Fri lose no `days` session; the any-day one still fits in 4 days.
    let status = status_on(history.clone(), wednesday);
    assert_eq!(status.planned_this_week, 5);
    // A rest routine done today is no longer due.
    let rested = facts(vec![session(wednesday, "rest", None)], history.checks);
    assert!(status_on(rested, wednesday).due.is_empty());
}

#[test]
fn a_review_check_pauses_until_a_later_ok_or_self_care() {
    let history = |later: Option<Level>| {
        let mut checks = vec![check(START + 1, Level::Review)];
        checks.extend(later.map(|level| check(START + 4, level)));
        facts(vec![], checks)
    };
    let table = [
        (None, START, State::Active),
        (None, START + 1, State::Paused),
        (None, START + 10, State::Paused),
        (Some(Level::Urgent), START + 5, State::Paused),
        (Some(Level::Ok), START + 3, State::Paused),
        (Some(Level::Ok), START + 4, State::Active),
        (Some(Level::SelfCare), START + 4, State::RestDays),
        (Some(Level::SelfCare), START + 7, State::Active),
    ];
    for (later, day, state) in table {
        let status = status_on(history(later), day);
        assert_eq!(status.state, state, "{later:?} on day {}", day - START);
        if state == State::Paused {
            assert!(status.due.is_empty());
            assert!(status.pause.is_some_and(
                |p| matches!(p.cause, PauseCause::Check(c) if c.level >= Level::Review)
            ));
        }
    }
    // Paused days plan nothing: paused from Tuesday, only Monday's share is planned.
    assert_eq!(status_on(history(None), START + 1).planned_this_week, 1);
    // The paused week is red for the check, and its level steps back (from 0 it stays 0).
    assert_eq!(
        status_on(history(None), START + 7)
            .last_week()
            .map(|w| w.verdict),
        Some(Verdict::Red)
    );
}

#[test]
fn a_program_finishes_after_its_last_week() {
    let mut history = Vec::new();
    for week in 1..=4 {
        history.extend(full_week(week, 0));
    }
    let last_day = status_on(facts(history.clone(), vec![]), START + 27);
    assert_eq!(
        (last_day.state, last_day.week, last_day.level),
        (State::Active, 4, 3)
    );
    let after = status_on(facts(history, vec![]), START + 28);
    assert_eq!(
        (after.state, after.week, after.level),
        (State::Finished, 4, 3)
    );
    assert!(after.due.is_empty());
    let before = status_on(facts(vec![], vec![]), START - 1);
    assert!(before.state == State::Scheduled && before.due.is_empty());
}

/// The week of 2026-03-23 in Paris holds the change to summer time (Sunday 29 March); its days are
/// still 7 local days, and a session late on that Sunday evening still counts for that week.
#[test]
fn a_week_across_a_daylight_saving_change_is_seven_local_days() {
    let paris = Calendar::named("Europe/Paris").expect("zone");
    let day = |text: &str| paris.day(paris.parse_any(text).expect("a local time"));
    let start = day_number("2026-03-23".parse().expect("date"));
    let sunday_evening = day("2026-03-29T23:30:00");
    let next_monday_early = day("2026-03-30T00:30:00");
    assert_eq!(week_of(start, sunday_evening), 1);
    assert_eq!(week_of(start, next_monday_early), 2);
    let sessions = vec![
        session(day("2026-03-23T07:00:00"), "strength", Some(1)),
        session(day("2026-03-24T07:00:00"), "mobility", Some(1)),
        session(day("2026-03-28T07:00:00"), "mobility", Some(1)),
        session(sunday_evening, "strength", Some(1)),
        session(next_monday_early, "strength", Some(9)),
    ];
    let status = status(
        &program(),
        start,
        &facts(sessions, vec![]),
        next_monday_early,
    );
    let week1 = status.last_week().expect("judged");
    assert_eq!(
        (week1.verdict, week1.done, week1.planned),
        (Verdict::Green, 4, 5)
    );
    assert_eq!(
        (status.week, status.level, status.done_this_week),
        (2, 1, 1)
    );
}

fn with_spike(mut facts: Facts, day: DayNumber, percent: i64) -> Facts {
    facts.spikes.push(super::SpikeFact {
        day,
        percent,
        morning: None,
    });
    facts
}

/// A long-run spike makes a week at most amber, with the reason said; it never makes a week red
/// or lowers the level, and a spike in another week changes nothing.
#[test]
fn a_week_with_a_spike_is_at_most_amber() {
    // (what, history, week-1 verdict, level in week 2, words in the reason)
    let table: Vec<(&str, Facts, Verdict, u32, &str)> = vec![
        (
            "green week with a spike",
            with_spike(facts(full_week(1, 2), vec![]), START + 3, 31),
            Verdict::Amber,
            0,
            "a run 31% longer than the longest of the 30 days before it",
        ),
        (
            "amber week with a spike stays amber",
            with_spike(facts(full_week(1, 4), vec![]), START + 3, 31),
            Verdict::Amber,
            0,
            "a session hurt 4/10",
        ),
        (
            "red week with a spike stays red",
            with_spike(facts(full_week(1, 6), vec![]), START + 3, 150),
            Verdict::Red,
            0,
            "a session hurt 6/10",
        ),
        (
            "a spike the week after",
            with_spike(facts(full_week(1, 2), vec![]), START + 8, 31),
            Verdict::Green,
            1,
            "5 of 5 sessions done",
        ),
    ];
    for (what, facts, verdict, level, words) in table {
        let status = status(&program(), START, &facts, START + 7);
        let last = status.last_week().expect("week 1 judged");
        assert_eq!(last.verdict, verdict, "{what}: {}", last.reason);
        assert!(last.reason.contains(words), "{what}: {}", last.reason);
        assert_eq!(status.level, level, "{what}");
    }
}

fn with_spike_morning(
    mut facts: Facts,
    day: DayNumber,
    percent: i64,
    morning: Option<Morning>,
) -> Facts {
    facts.spikes.push(super::SpikeFact {
        day,
        percent,
        morning,
    });
    facts
}

/// A "worse" next morning after a spike run counts for the run's week as a worse morning after a
/// session does: the week is amber at least (the level holds, never rises), with that reason; a
/// better or same morning leaves the spike's own reason; pain above the gate still makes it red.
#[test]
fn a_worse_morning_after_a_spike_run_holds_the_level() {
    // (what, history, week-2 verdict, level in week 3, words in the reason)
    let two_weeks = |pain_week_2: u8| {
        let mut sessions = full_week(1, 1);
        sessions.extend(full_week(2, pain_week_2));
        facts(sessions, vec![])
    };
    let week_2 = START + 7;
    let table: Vec<(&str, Facts, Verdict, u32, &str)> = vec![
        (
            "worse after a spike: amber, the level holds at 1",
            with_spike_morning(two_weeks(1), week_2 + 2, 42, Some(Morning::Worse)),
            Verdict::Amber,
            1,
            "worse the morning after the long run on Wed 11 Mar",
        ),
        (
            "worse after a spike on the week's Sunday counts for that week",
            with_spike_morning(two_weeks(1), week_2 + 6, 42, Some(Morning::Worse)),
            Verdict::Amber,
            1,
            "worse the morning after the long run on Sun 15 Mar",
        ),
        (
            "the same after a spike: the spike's own reason",
            with_spike_morning(two_weeks(1), week_2 + 2, 42, Some(Morning::Same)),
            Verdict::Amber,
            1,
            "a run 42% longer than the longest of the 30 days before it",
        ),
        (
            "better after a spike: still amber for the spike",
            with_spike_morning(two_weeks(1), week_2 + 2, 150, Some(Morning::Better)),
            Verdict::Amber,
            1,
            "a run 150% longer",
        ),
        (
            "worse after a spike, and a session hurt 6/10: red",
            with_spike_morning(two_weeks(6), week_2 + 2, 42, Some(Morning::Worse)),
            Verdict::Red,
            0,
            "a session hurt 6/10",
        ),
        (
            "worse after a spike in week 1 (held at 0): week 2 is green",
            with_spike_morning(two_weeks(1), START + 3, 42, Some(Morning::Worse)),
            Verdict::Green,
            1,
            "5 of 5 sessions done",
        ),
    ];
    for (what, facts, verdict, level, words) in table {
        let status = status(&program(), START, &facts, START + 14);
        let last = status.last_week().expect("week 2 judged");
        assert_eq!(last.week, 2, "{what}");
        assert_eq!(last.verdict, verdict, "{what}: {}", last.reason);
        assert!(last.reason.contains(words), "{what}: {}", last.reason);
        // Week 1 green (level 1): after week 2 the level never rises past it.
        assert_eq!(status.level, level, "{what}");
    }
}
