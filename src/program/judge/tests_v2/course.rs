//! Version 2's course rules: pauses and how they end, the day's room, on-green, the ceiling, the
//! start and the end.

use super::*;

#[test]
fn two_red_weeks_in_a_row_pause_with_advice_until_resumed() {
    // Weeks 1-2 green (level 2), weeks 3-4 red (2 → 1 → 0): paused from week 5.
    let sessions = weeks_of_pain(&[0, 0, 7, 6]);
    let paused_on = monday_of(5);
    let with_resume = |day: DayNumber| Facts {
        sessions: sessions.clone(),
        checks: vec![],
        resumes: vec![ResumeFact {
            at: UtcTime(day * 86_400 + 9 * HOUR),
            day,
        }],
        spikes: vec![],
    };
    let paused = status(
        &program(),
        START,
        &facts(sessions.clone(), vec![]),
        paused_on,
    );
    assert_eq!(paused.state, State::Paused);
    assert!(paused.due.is_empty());
    assert!(matches!(
        paused.pause.as_ref().map(|p| &p.cause),
        Some(PauseCause::TwoRedWeeks)
    ));
    let advice = paused.advice.clone().unwrap_or_default();
    assert!(advice.starts_with(TWO_RED_WEEKS), "{advice}");
    // A week wholly paused stays paused, and is not judged.
    let later = status(
        &program(),
        START,
        &facts(sessions.clone(), vec![]),
        monday_of(6),
    );
    assert_eq!(later.state, State::Paused);
    assert!(!later.judged[4].judged);
    // `program resume` works 48 hours on; the level goes on one below the one that paused (1 → 0).
    // (what, resume day, state that day, level)
    let table = [
        ("the same day", paused_on, State::Paused, 0),
        ("the next day", paused_on + 1, State::Paused, 0),
        ("two days on", paused_on + 2, State::Active, 0),
    ];
    for (what, day, state, level) in table {
        let status = status(&program(), START, &with_resume(day), day);
        assert_eq!((status.state, status.level), (state, level), "{what}");
        if state == State::Active {
            let resumed = status.resumed.expect("resumed");
            assert_eq!((resumed.day, resumed.from_level), (day, 1), "{what}");
            assert!(
                status.reason.contains("one level lower"),
                "{}",
                status.reason
            );
        }
    }
    // Not red in a row: red, amber, red does not pause.
    let apart = facts(weeks_of_pain(&[7, 4, 7]), vec![]);
    assert_eq!(
        status(&program(), START, &apart, monday_of(4)).state,
        State::Active
    );
    // After the last week the program is finished whatever its judgement; the advice says so.
    let end = facts(weeks_of_pain(&[0, 0, 0, 0, 7, 7]), vec![]);
    let finished = status(&program(), START, &end, monday_of(7));
    assert_eq!(finished.state, State::Finished);
    assert!(finished.advice.unwrap_or_default().starts_with(NOT_SETTLED));
}

#[test]
fn a_pause_ends_only_a_later_day_and_48_hours_on_one_level_lower() {
    // Weeks 1-2 green (level 2 in week 3); a review check on Tuesday of week 3 at 10:00.
    let tuesday = monday_of(3) + 1;
    let sessions = weeks_of_pain(&[0, 0]);
    // (what, the later check, the day looked at, state, level)
    let table = [
        ("no later check", None, tuesday + 3, State::Paused, 2),
        (
            "the same-day ok",
            Some(check_at(tuesday, 18, Level::Ok)),
            tuesday,
            State::Paused,
            2,
        ),
        (
            "the same-day ok, days later",
            Some(check_at(tuesday, 18, Level::Ok)),
            tuesday + 3,
            State::Paused,
            2,
        ),
        (
            "ok the next day, 23h on",
            Some(check_at(tuesday + 1, 9, Level::Ok)),
            tuesday + 1,
            State::Paused,
            2,
        ),
        (
            "ok 47h on",
            Some(check_at(tuesday + 2, 9, Level::Ok)),
            tuesday + 2,
            State::Paused,
            2,
        ),
        (
            "ok 48h on",
            Some(check_at(tuesday + 2, 10, Level::Ok)),
            tuesday + 2,
            State::Active,
            1,
        ),
        (
            "self-care 48h on",
            Some(check_at(tuesday + 2, 10, Level::SelfCare)),
            tuesday + 2,
            State::RestDays,
            1,
        ),
        (
            "review again",
            Some(check_at(tuesday + 2, 10, Level::Review)),
            tuesday + 4,
            State::Paused,
            2,
        ),
    ];
    for (what, later, day, state, level) in table {
        let mut checks = vec![check_at(tuesday, 10, Level::Review)];
        checks.extend(later);
        let status = status(&program(), START, &facts(sessions.clone(), checks), day);
        assert_eq!((status.state, status.level), (state, level), "{what}");
        if state == State::Paused {
            let advice = status.advice.unwrap_or_default();
            assert!(advice.contains("48 hours"), "{what}: {advice}");
        }
    }
    // The week the pause began is red for its check; resuming does not step back twice.
    let checks = vec![
        check_at(tuesday, 10, Level::Review),
        check_at(tuesday + 2, 10, Level::Ok),
    ];
    let week4 = status(&program(), START, &facts(sessions, checks), monday_of(4));
    assert_eq!(week4.last_week().map(|w| w.verdict), Some(Verdict::Red));
    assert_eq!(week4.level, 0, "level 1 after the resume, red week: 0");
}

#[test]
fn nothing_piles_up_after_rest_days() {
    // Three any-day sessions and a Tuesday one; a self-care check on Monday rests Mon-Wed.
    let mut busy = program();
    busy.sessions = vec![
        plan("strength", Schedule::PerWeek(3), (1, 6)),
        plan("core", Schedule::PerWeek(2), (1, 6)),
        plan("stretch", Schedule::PerWeek(2), (1, 6)),
        plan("mobility", Schedule::Days(vec![Weekday::Thursday]), (1, 6)),
    ];
    let history = facts(vec![], vec![check_at(START, 7, Level::SelfCare)]);
    let thursday = status(&busy, START, &history, START + 3);
    assert_eq!(thursday.state, State::Active);
    assert_eq!(
        due(&thursday),
        ["strength", "mobility"],
        "at most two, the fixed day first"
    );
    // Four open days at two a day: eight, not the eleven of a full week.
    assert_eq!(thursday.planned_this_week, 8);
    // Two done today: nothing more is due today.
    let done = facts(
        vec![
            session(START + 3, "strength", Some(0)),
            session(START + 3, "mobility", Some(0)),
        ],
        history.checks.clone(),
    );
    assert!(status(&busy, START, &done, START + 3).due.is_empty());
    // A per-week session not done in its week is missed, not carried over.
    let one_done = facts(vec![session(START, "strength", Some(0))], vec![]);
    let next_monday = status(&program(), START, &one_done, monday_of(2));
    assert_eq!(due(&next_monday), ["strength"]);
    assert_eq!(next_monday.planned_this_week, 5);
}

/// The back-to-running shape: gentle sessions in week 1 only, the warm-up in week 2 only.
fn on_green() -> Program {
    let mut program = program();
    program.weeks = 2;
    program.max_weeks = 4;
    program.advance = Advance::OnGreen;
    program.gate = Gate { green: 2, amber: 4 };
    program.sessions = vec![
        plan("gentle", Schedule::PerWeek(5), (1, 1)),
        plan("stretch", Schedule::PerWeek(2), (1, 2)),
        plan("warm-up", Schedule::PerWeek(3), (2, 2)),
    ];
    program
}

/// A week of `gentle` and `stretch` (week 1's sessions) with this pain.
fn gentle_week(week: i64, pain: u8) -> Vec<SessionFact> {
    let monday = monday_of(week);
    (0..5)
        .map(|d| session(monday + d, "gentle", Some(pain)))
        .chain((0..2).map(|d| session(monday + d, "stretch", Some(pain))))
        .collect()
}

#[test]
fn on_green_a_week_that_is_not_green_is_played_again() {
    let mut sessions = gentle_week(1, 3);
    let painful = status(
        &on_green(),
        START,
        &facts(sessions.clone(), vec![]),
        monday_of(2),
    );
    assert_eq!((painful.week, painful.repeat, painful.level), (1, true, 0));
    assert_eq!(
        due(&painful),
        ["gentle", "stretch"],
        "the warm-up is not due"
    );
    assert!(painful.reason.contains("amber"), "{}", painful.reason);
    sessions.extend(gentle_week(2, 0));
    let good = status(
        &on_green(),
        START,
        &facts(sessions.clone(), vec![]),
        monday_of(3),
    );
    assert_eq!((good.week, good.repeat, good.level), (2, false, 1));
    assert_eq!(due(&good), ["stretch", "warm-up"]);
    // Two green weeks finish it, with the maintenance advice.
    let monday = monday_of(3);
    sessions.extend([0, 2, 4].map(|d| session(monday + d, "warm-up", Some(0))));
    sessions.extend([1, 3].map(|d| session(monday + d, "stretch", Some(0))));
    let done = status(&on_green(), START, &facts(sessions, vec![]), monday_of(4));
    assert_eq!(done.state, State::Finished);
    assert!(done.advice.unwrap_or_default().contains("maintenance"));
    // Never green: paused with advice after `max_weeks`.
    let never: Vec<SessionFact> = (1..=4).flat_map(|w| gentle_week(w, 3)).collect();
    let stuck = status(&on_green(), START, &facts(never, vec![]), monday_of(5));
    assert_eq!((stuck.state, stuck.week), (State::Paused, 1));
    assert!(matches!(
        stuck.pause.as_ref().map(|p| &p.cause),
        Some(PauseCause::TooLong)
    ));
    assert_eq!(
        stuck.reason,
        "paused: 4 weeks went by without 2 green weeks"
    );
    let advice = stuck.advice.clone().unwrap_or_default();
    assert!(advice.contains("physiotherapist"), "{advice}");
    // Weeks later it still counts from when the pause began.
    let never: Vec<SessionFact> = (1..=4).flat_map(|w| gentle_week(w, 3)).collect();
    let later = status(&on_green(), START, &facts(never, vec![]), monday_of(9));
    assert_eq!((later.reason, later.advice), (stuck.reason, stuck.advice));
    assert_eq!(later.judged.len(), 4, "the weeks after it are not listed");
}

#[test]
fn max_level_caps_the_level() {
    let mut capped = program();
    capped.max_level = Some(1);
    let history = facts(weeks_of_pain(&[0, 0, 0, 0]), vec![]);
    let week5 = status(&capped, START, &history, monday_of(5));
    let levels: Vec<u32> = week5.judged.iter().map(|w| w.level).collect();
    assert_eq!((levels, week5.level), (vec![0, 1, 1, 1], 1));
    assert_eq!(capped.top_level(), 1);
    assert_eq!(program().top_level(), 5);
}

#[test]
fn a_program_not_begun_is_scheduled() {
    let before = status(&program(), START, &facts(vec![], vec![]), START - 3);
    assert_eq!(before.state, State::Scheduled);
    assert!(before.due.is_empty());
    assert!(
        before.reason.contains("starts on Mon 2 Mar"),
        "{}",
        before.reason
    );
    assert_eq!(
        status(&program(), START, &facts(vec![], vec![]), START).state,
        State::Active
    );
}

#[test]
fn a_finished_program_says_what_next() {
    let green = facts(weeks_of_pain(&[0, 0, 0, 0, 0, 0]), vec![]);
    let amber = facts(weeks_of_pain(&[0, 0, 0, 0, 0, 4]), vec![]);
    let after_green = status(&program(), START, &green, monday_of(7));
    assert_eq!((after_green.state, after_green.level), (State::Finished, 5));
    assert!(
        after_green
            .advice
            .unwrap_or_default()
            .contains("runner-maintenance")
    );
    let after_amber = status(&program(), START, &amber, monday_of(7));
    assert!(
        after_amber
            .advice
            .unwrap_or_default()
            .starts_with(NOT_SETTLED)
    );
}

#[test]
fn a_percentage_grows_each_step_by_its_own_size() {
    use crate::program::RepsStep;
    // (step, reps, added a level): a flat +2 doubles 6 → 12 over three levels; 15% adds about
    // the same share to every step, at least one rep.
    let table = [
        (RepsStep::Flat(2), 6, 2),
        (RepsStep::Flat(2), 20, 2),
        (RepsStep::Percent(15), 6, 1),
        (RepsStep::Percent(15), 10, 2),
        (RepsStep::Percent(15), 20, 3),
        (RepsStep::Percent(15), 2, 1),
        (RepsStep::Percent(50), 5, 3),
    ];
    for (step, reps, added) in table {
        assert_eq!(step.per_level(reps), added, "{step:?} of {reps}");
    }
}

#[test]
fn a_review_check_before_the_first_day_pauses_from_it() {
    // (what, checks, state on the first day)
    let table = [
        (
            "review the day before",
            vec![check_at(START - 1, 10, Level::Review)],
            State::Paused,
        ),
        (
            "review then ok 48 hours on, before the start",
            vec![
                check_at(START - 4, 10, Level::Review),
                check_at(START - 2, 10, Level::Ok),
            ],
            State::Active,
        ),
        (
            "ok the day before",
            vec![check_at(START - 1, 10, Level::Ok)],
            State::Active,
        ),
    ];
    for (what, checks, state) in table {
        let first_day = status(&program(), START, &facts(vec![], checks), START);
        assert_eq!(first_day.state, state, "{what}");
        assert_eq!(
            first_day.resumed, None,
            "{what}: nothing to say about a resume"
        );
    }
}
