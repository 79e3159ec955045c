//! The engine on virtual time: every boundary and cue lands exactly where the plan puts it, and the
//! controls shift later deadlines by exactly what they should.

use super::*;
use crate::plan::Plan;
use crate::routine::load::routine_from_text;

fn plan_of(text: &str) -> Plan {
    Plan::build(&routine_from_text(text))
}

/// About 30 minutes: sides, sets, rests, rounds and a tempo step.
const THIRTY_MINUTES: &str = r#"
name = "Thirty minutes"
kind = "strength"
rounds = 3
round_rest = "1m"
[defaults]
prepare = "10s"
rest = "20s"
[[steps]]
name = "Plank"
duration = "45s"
sets = 2
set_rest = "30s"
[[steps]]
name = "Side plank"
duration = "40s"
sides = "both"
[[steps]]
name = "Band row"
reps = 12
tempo = "3s"
sets = 3
set_rest = "40s"
[[steps]]
name = "Bird-dog"
duration = "1m"
sides = "both"
switch = "10s"
countdown = 5
"#;

/// The instant `since_start` milliseconds after the app started.
fn at(since_start: Millis) -> AppInstant {
    AppInstant::from_millis(since_start)
}

/// The cues among `events`, each with its time in milliseconds since the start (as a plan lists them).
fn cues_of(events: &[Event]) -> Vec<(Millis, Cue)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Cue { cue, at, .. } => Some((at.as_millis(), *cue)),
            _ => None,
        })
        .collect()
}

/// Plays to the end, waking only at the engine's own deadlines (as the app does).
fn play_by_deadlines(session: &mut Session, mut events: Vec<Event>) -> Vec<Event> {
    while let Some(deadline) = session.next_deadline() {
        events.extend(session.advance(deadline));
    }
    events
}

#[test]
fn thirty_minute_routine_plays_every_cue_at_its_planned_time() {
    let plan = plan_of(THIRTY_MINUTES);
    assert!(
        (25 * 60_000..=35 * 60_000).contains(&plan.total_ms()),
        "{}",
        plan.total_ms()
    );
    let expected = plan.cues();
    let (mut session, events) = Session::start(plan.clone(), at(0));
    let events = play_by_deadlines(&mut session, events);
    assert_eq!(cues_of(&events), expected);
    assert!(session.is_finished());
    assert_eq!(session.record().ended_at, Some(at(plan.total_ms())));
    assert_eq!(session.record().completed(), plan.segments.len());

    let starts: Vec<Millis> = events
        .iter()
        .filter_map(|e| match e {
            Event::SegmentStarted { at, .. } => Some(at.as_millis()),
            _ => None,
        })
        .collect();
    let planned: Vec<Millis> = plan.segments.iter().map(|s| s.start_ms).collect();
    assert_eq!(starts, planned);
}

#[test]
fn late_or_coarse_wake_ups_do_not_drift() {
    let plan = plan_of(THIRTY_MINUTES);
    let expected = plan.cues();
    let (mut session, mut events) = Session::start(plan.clone(), at(1_000));
    // Wake at odd, late moments: times still come from the deadlines, not from when we looked.
    let mut now = 1_000;
    while !session.is_finished() {
        now += 7_333;
        events.extend(session.advance(at(now)));
    }
    let shifted: Vec<(Millis, Cue)> = expected.iter().map(|(t, c)| (t + 1_000, *c)).collect();
    assert_eq!(cues_of(&events), shifted);
}

#[test]
fn a_pause_shifts_every_later_deadline_by_its_length() {
    let plan = plan_of(THIRTY_MINUTES);
    let expected = plan.cues();
    let (mut session, mut events) = Session::start(plan, at(0));
    events.extend(session.advance(at(12_345)));
    events.extend(session.toggle_pause(at(12_345)));
    assert!(session.is_paused());
    assert_eq!(session.next_deadline(), None, "nothing is due while paused");
    assert!(session.advance(at(500_000)).is_empty());
    events.extend(session.toggle_pause(at(72_345)));
    let events = play_by_deadlines(&mut session, events);
    let want: Vec<(Millis, Cue)> = expected
        .iter()
        .map(|&(t, c)| if t <= 12_345 { (t, c) } else { (t + 60_000, c) })
        .collect();
    assert_eq!(cues_of(&events), want);
    assert_eq!(session.record().pauses, 1);
    assert_eq!(session.record().paused_ms, 60_000);
}

#[test]
fn skip_starts_the_next_segment_now_and_shifts_the_rest() {
    let plan = plan_of(THIRTY_MINUTES);
    // Segment 1 is the first plank (10 s to 55 s); skip it at 20 s.
    let (mut session, mut events) = Session::start(plan.clone(), at(0));
    events.extend(session.advance(at(20_000)));
    events.extend(session.skip(at(20_000)));
    let events = play_by_deadlines(&mut session, events);
    let saved = plan.segments[2].start_ms - 20_000;
    let want: Vec<(Millis, Cue)> = plan
        .cues()
        .into_iter()
        .filter(|&(t, _)| t <= 20_000 || t >= plan.segments[2].start_ms)
        .map(|(t, c)| if t <= 20_000 { (t, c) } else { (t - saved, c) })
        .collect();
    assert_eq!(cues_of(&events), want);
    assert_eq!(session.record().skipped(), 1);
    assert_eq!(session.record().segments[1], (1, SegmentOutcome::Skipped));
}

#[test]
fn back_replays_the_previous_segment_from_its_start() {
    let plan = plan_of(THIRTY_MINUTES);
    let plank_start = plan.segments[1].start_ms;
    let rest_start = plan.segments[2].start_ms; // the set rest after the first plank
    let (mut session, _) = Session::start(plan.clone(), at(0));
    session.advance(at(rest_start + 4_000));
    assert_eq!(session.current_index(), 2);
    let events = session.back(at(rest_start + 4_000));
    assert_eq!(session.current_index(), 1);
    assert_eq!(
        cues_of(&events),
        vec![(rest_start + 4_000, Cue::Start)],
        "the plank's start cue sounds again, once"
    );
    // The plank now ends a full 45 s later.
    let length = plan.segments[1].length_ms.expect("timed");
    assert_eq!(
        session.remaining_in_segment(at(rest_start + 4_000)),
        Some(length)
    );
    assert_eq!(rest_start - plank_start, length);
}

#[test]
fn extend_moves_the_end_and_the_countdown_but_never_repeats_halfway() {
    let plan = plan_of(THIRTY_MINUTES);
    let start = plan.segments[1].start_ms; // plank, 45 s
    let (mut session, _) = Session::start(plan.clone(), at(0));
    let events = session.advance(at(start + 30_000));
    assert!(cues_of(&events).contains(&(start + 22_500, Cue::Halfway)));
    let events = session.adjust(at(start + 30_000), ADJUST_STEP_MS);
    assert!(events.is_empty());
    assert_eq!(
        session.remaining_in_segment(at(start + 30_000)),
        Some(25_000)
    );
    let mut rest = Vec::new();
    while session.current_index() == 1 {
        let deadline = session.next_deadline().expect("running");
        rest.extend(session.advance(deadline));
    }
    let cues = cues_of(&rest);
    assert_eq!(
        cues,
        vec![
            (start + 52_000, Cue::Tick),
            (start + 53_000, Cue::Tick),
            (start + 54_000, Cue::Tick),
            (start + 55_000, Cue::Rest),
        ]
    );
    assert_eq!(session.record().adjustments, vec![(1, 10)]);
}

#[test]
fn shortening_keeps_at_least_a_second() {
    let plan = plan_of(THIRTY_MINUTES);
    let start = plan.segments[1].start_ms;
    let (mut session, _) = Session::start(plan, at(0));
    session.advance(at(start + 40_000));
    session.adjust(at(start + 40_000), -ADJUST_STEP_MS);
    assert_eq!(
        session.remaining_in_segment(at(start + 40_000)),
        Some(1_000)
    );
    assert_eq!(session.record().adjustments, vec![(1, -4)]);
}

#[test]
fn open_ended_steps_wait_for_done() {
    let plan = plan_of(
        "name = \"Open\"\nkind = \"stretch\"\n[defaults]\nprepare = 0\n[[steps]]\nname = \"Chin tucks\"\nreps = 10\n[[steps]]\nname = \"Hold\"\nduration = 20\n",
    );
    let (mut session, events) = Session::start(plan, at(0));
    assert_eq!(cues_of(&events), vec![(0, Cue::Start)]);
    assert_eq!(
        session.next_deadline(),
        None,
        "nothing is due until the runner says done"
    );
    assert!(session.advance(at(600_000)).is_empty());
    assert_eq!(session.next_display_change(at(600_500)), Some(at(601_000)));
    let events = session.done(at(601_234));
    assert_eq!(cues_of(&events), vec![(601_234, Cue::Start)]);
    let events = play_by_deadlines(&mut session, Vec::new());
    assert_eq!(cues_of(&events).last(), Some(&(621_234, Cue::Done)));
    assert!(session.record().finished);
}

#[test]
fn the_display_changes_on_whole_seconds_of_the_countdown() {
    let plan = plan_of(
        "name = \"T\"\nkind = \"stretch\"\n[defaults]\nprepare = 0\n[[steps]]\nname = \"Hold\"\nduration = 10\n",
    );
    let (session, _) = Session::start(plan, at(0));
    // The countdown shows whole seconds rounded up: "10" until a full second has passed, then "9".
    assert_eq!(session.next_display_change(at(0)), Some(at(1_000)));
    assert_eq!(session.next_display_change(at(999)), Some(at(1_000)));
    assert_eq!(session.next_display_change(at(1_000)), Some(at(2_000)));
    assert_eq!(session.remaining_in_segment(at(1_500)), Some(8_500));
}

#[test]
fn quitting_records_an_unfinished_session() {
    let plan = plan_of(THIRTY_MINUTES);
    let (mut session, _) = Session::start(plan, at(0));
    session.advance(at(100_000));
    session.toggle_pause(at(100_000));
    session.quit(at(130_000));
    let record = session.record();
    assert!(!record.finished);
    assert_eq!(record.ended_at, Some(at(130_000)));
    assert_eq!(record.paused_ms, 30_000);
    assert_eq!(record.active_ms(), 100_000);
}

/// Going back and skipping again counts one skip; skipping every exercise to the end is a stop.
#[test]
fn the_summary_counts_each_segment_once_by_its_final_state() {
    let plan = plan_of(
        "name = \"Two\"\nkind = \"stretch\"\n[defaults]\nprepare = \"5s\"\nrest = \"10s\"\n\
         [[steps]]\nname = \"A\"\nduration = \"20s\"\n[[steps]]\nname = \"B\"\nduration = \"20s\"\n",
    );
    let segments = plan.segments.len();
    let (mut session, _) = Session::start(plan.clone(), at(0));
    // Skip get-ready and A, back to A, skip A again, then play the rest out.
    session.skip(at(1_000));
    session.skip(at(2_000));
    session.back(at(3_000));
    session.skip(at(4_000));
    session.advance(at(600_000));
    let summary = Summary::of(session.record(), &plan);
    assert_eq!(summary.skipped, 2, "get-ready and A, once each");
    assert_eq!(summary.completed + summary.skipped, segments);
    assert_eq!(summary.exercises_skipped, 1);
    assert_eq!(summary.steps_done, 1);
    assert!(summary.finished);

    let (mut session, _) = Session::start(plan.clone(), at(0));
    for t in 1..=segments {
        session.skip(at(u64::try_from(t).expect("small") * 1_000));
    }
    let summary = Summary::of(session.record(), &plan);
    assert_eq!(summary.skipped, segments);
    assert!(
        !summary.finished,
        "every exercise skipped is a stop, not a finish"
    );
}

/// `+` never takes a segment past the format's hour (held down, it once grew a get-ready to 2 h 46 min);
/// a segment already longer than that (a long tempo step) is never shortened by `+`.
#[test]
fn plus_is_capped_at_the_formats_hour() {
    let hour = crate::format::limits::MAX_DURATION.millis();
    // (reps, tempo in s, presses of `+`, want length in ms)
    let table: &[(u32, u64, u32, Millis)] = &[
        (1, 10, 1, 20_000),
        (1, 10, 359, hour),
        (1, 10, 360, hour),
        (1, 10, 1_000, hour),
        (1, 3_595, 1, hour),
        (1, 3_600, 1, hour),
        (2, 3_600, 1, 7_200_000),
    ];
    for &(reps, secs, presses, want) in table {
        let plan = plan_of(&format!(
            "name = \"T\"\nkind = \"stretch\"\n[defaults]\nprepare = 0\n[[steps]]\nname = \"Hold\"\nreps = {reps}\ntempo = \"{secs}s\"\n"
        ));
        let (mut session, _) = Session::start(plan, at(0));
        for _ in 0..presses {
            session.adjust(at(1_000), ADJUST_STEP_MS);
        }
        assert_eq!(
            session.length(),
            Some(want),
            "{reps} x {secs} s and {presses} presses"
        );
    }
}

/// The elapsed/total line is one account: elapsed moves with pause-free time and never jumps, and the
/// total moves only when the runner changes the plan (`-10s`, skip, back), by exactly that change.
/// It once read `0:10 / 6:45`, then `0:37 / 7:05` 6.5 s later.
#[test]
fn elapsed_and_total_never_jump_after_a_control() {
    let plan = plan_of(THIRTY_MINUTES);
    let planned = plan.total_ms();
    let (mut session, _) = Session::start(plan, at(0));
    let mut last = session.routine_progress(at(0));
    assert_eq!(last, (0, planned));
    let mut now = 0;
    while now < 200_000 {
        now += 250;
        session.advance(at(now));
        let seen = session.routine_progress(at(now));
        assert_eq!(seen, (last.0 + 250, last.1), "at {now} ms");
        last = seen;
        let change: i64 = match now {
            // The get-ready (10 s) shortened to 6 s at 5 s: 4 s fewer.
            5_000 => {
                session.adjust(at(now), -ADJUST_STEP_MS);
                -4_000
            }
            // Skip the plank 10 s into it (it started at 6 s): its 35 s left go.
            16_000 => {
                session.skip(at(now));
                -35_000
            }
            // 10 s into the set rest, back to the plank: the rest's 10 s are spent and the whole
            // plank comes again before the rest.
            26_000 => {
                session.back(at(now));
                10_000 + 45_000
            }
            40_000 => {
                session.adjust(at(now), ADJUST_STEP_MS);
                10_000
            }
            _ => 0,
        };
        let after = session.routine_progress(at(now));
        assert_eq!(
            after.0, last.0,
            "a control never moves elapsed (at {now} ms)"
        );
        assert_eq!(
            i64::try_from(after.1).expect("small") - i64::try_from(last.1).expect("small"),
            change,
            "the total moves by the change (at {now} ms)"
        );
        last = after;
    }
    // A pause freezes both.
    session.toggle_pause(at(now));
    assert_eq!(session.routine_progress(at(now + 30_000)), last);
    session.toggle_pause(at(now + 30_000));
    // At the end elapsed meets the total, and both are the time played.
    while let Some(deadline) = session.next_deadline() {
        session.advance(deadline);
    }
    let end = session.routine_progress(at(u64::MAX / 2));
    assert_eq!(end.0, end.1);
    assert_eq!(end.1, last.1);
    assert_eq!(end.0, session.record().active_ms());
}
