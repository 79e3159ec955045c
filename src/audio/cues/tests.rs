use std::sync::Arc;

use super::*;
use crate::routine::load::routine_from_text as routine;

const ROUTINE: &str = r#"
name = "Cues"
kind = "stretch"
[defaults]
prepare = "5s"
countdown = 3
[[steps]]
name = "Hold"
duration = "30s"
"#;

fn names(sounds: &[Sound]) -> Vec<&str> {
    sounds.iter().map(Sound::name).collect()
}

fn cue(cue: Cue, segment: usize, left: Option<u64>) -> Event {
    Event::Cue {
        cue,
        at: 0,
        segment,
        left,
        offset: 0,
    }
}

#[test]
fn every_cue_has_its_tone_and_words() {
    let routine = routine(ROUTINE);
    let plan = Plan::build(&routine);
    let table: &[(Event, bool, &[&str])] = &[
        (cue(Cue::Start, 1, Some(30_000)), false, &["start"]),
        (cue(Cue::Start, 1, Some(30_000)), true, &["start", "go"]),
        (
            cue(Cue::Halfway, 1, Some(15_000)),
            true,
            &["halfway", "halfway"],
        ),
        // The next segment has no side: the plain words.
        (
            cue(Cue::Switch, 1, Some(5_000)),
            true,
            &["switch", "switch sides"],
        ),
        (cue(Cue::Rest, 1, Some(5_000)), false, &["rest"]),
        // Nothing follows the last exercise: no "next".
        (cue(Cue::Rest, 1, Some(5_000)), true, &["rest", "rest"]),
        (cue(Cue::Done, 2, None), true, &["done", "well done"]),
        (cue(Cue::Tick, 1, Some(3_000)), false, &["tick"]),
        (cue(Cue::Tick, 1, Some(3_000)), true, &["three"]),
        (cue(Cue::Tick, 1, Some(2_000)), true, &["two"]),
        (cue(Cue::Tick, 1, Some(1_000)), true, &["one"]),
        (cue(Cue::Tick, 1, Some(5_000)), true, &["tick"]),
        // Not a tempo step: a rep cue has no number to say (see the transcripts for tempo steps).
        (cue(Cue::Rep, 1, Some(3_000)), false, &["tick"]),
        (cue(Cue::Rep, 1, Some(3_000)), true, &["tick"]),
        // A get-ready of 5 s has room for the name only.
        (
            Event::SegmentStarted { segment: 0, at: 0 },
            true,
            &["get ready", "next", "Hold"],
        ),
        (Event::SegmentStarted { segment: 0, at: 0 }, false, &[]),
        (
            Event::SegmentStarted {
                segment: 1,
                at: 5_000,
            },
            true,
            &[],
        ),
        (Event::Finished { at: 35_000 }, true, &[]),
    ];
    for (event, spoken, expected) in table {
        let sounds = sounds_for(event, &routine, &plan, *spoken);
        assert_eq!(names(&sounds), *expected, "{event:?} spoken={spoken}");
    }
}

/// A routine with everything a coach says: get-ready, sides with a switch, sets, a rest, a tempo step.
const COACHED: &str = r#"
name = "Coached"
kind = "stretch"
[defaults]
prepare = "10s"
countdown = 3
rest = "15s"
[[steps]]
name = "Doorway chest stretch"
duration = "45s"
sides = "both"
switch = "5s"
[[steps]]
name = "Bird-dog (opposite arm and leg)"
reps = 4
tempo = "3s"
sets = 2
set_rest = "20s"
[[steps]]
name = "Banded squat"
duration = "90s"
"#;

/// What is said through a whole routine played without a pause, one line per moment: `m:ss` and
/// the words, from the engine's events (the cue plan), never from audio.
fn transcript(text: &str) -> Vec<String> {
    let routine = routine(text);
    let plan = Plan::build(&routine);
    let (mut session, mut events) = crate::engine::Session::start(plan.clone(), 0);
    let mut lines = Vec::new();
    let mut now = 0;
    loop {
        for event in &events {
            let at = match *event {
                Event::Cue { at, .. }
                | Event::SegmentStarted { at, .. }
                | Event::Finished { at } => at,
            };
            let sounds = sounds_for(event, &routine, &plan, true);
            let words: Vec<&str> = sounds
                .iter()
                .filter(|s| matches!(s, Sound::Say(_)))
                .map(Sound::name)
                .collect();
            if !words.is_empty() {
                lines.push(format!(
                    "{}:{:02} {}",
                    at / 60_000,
                    at / 1000 % 60,
                    words.join(", ")
                ));
            }
        }
        if session.is_finished() {
            return lines;
        }
        now = session
            .next_deadline()
            .expect("a timed routine has a next deadline")
            .max(now);
        events = session.advance(now);
    }
}

#[test]
fn the_coach_names_each_exercise_side_and_set_at_the_right_time() {
    let said = transcript(COACHED);
    let expected = [
        "0:00 get ready, next, Doorway chest stretch, forty, five, seconds, left side first",
        "0:07 three",
        "0:08 two",
        "0:09 one",
        "0:10 go",
        "0:32 halfway",
        "0:52 three",
        "0:53 two",
        "0:54 one",
        "0:55 right side",
        "0:57 three",
        "0:58 two",
        "0:59 one",
        "1:00 go",
        "1:22 halfway",
        "1:42 three",
        "1:43 two",
        "1:44 one",
        "1:45 rest, next, Bird-dog, four, reps, set, one, of, two",
        "1:57 three",
        "1:58 two",
        "1:59 one",
        "2:00 go",
        "2:03 two",
        "2:06 three",
        "2:09 four",
        "2:12 rest, next, set, two, of, two",
        "2:29 three",
        "2:30 two",
        "2:31 one",
        "2:32 set, two, of, two",
        "2:35 two",
        "2:38 three",
        "2:41 four",
        "2:44 rest, next, Banded squat, one, minute, thirty, seconds",
        "2:56 three",
        "2:57 two",
        "2:58 one",
        "2:59 go",
        "3:44 halfway",
        "4:26 three",
        "4:27 two",
        "4:28 one",
        "4:29 well done",
    ];
    assert_eq!(said, expected, "{said:#?}");
}

#[test]
fn without_rests_each_exercise_is_named_as_it_starts() {
    let said = transcript(
        r#"
name = "Flow"
kind = "mobility"
[defaults]
prepare = "0s"
countdown = 0
rest = "0s"
[[steps]]
name = "Cat-cow"
duration = "10s"
[[steps]]
name = "Open book"
duration = "10s"
sides = "left"
"#,
    );
    assert_eq!(
        said,
        [
            "0:00 Cat-cow",
            "0:10 Open book, left side",
            "0:20 well done"
        ],
        "{said:#?}"
    );
}

#[test]
fn only_spoken_cues_prepare_the_names() {
    let routine = routine(COACHED);
    let plan = Plan::build(&routine);
    let names = |spoken| {
        sounds_to_prepare(&routine, &plan, spoken)
            .iter()
            .map(|s| s.name().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(true),
        ["Doorway chest stretch", "Bird-dog", "Banded squat"]
    );
    assert!(names(false).is_empty());
}

#[test]
fn a_step_sound_replaces_the_start_tone() {
    let mut routine = routine(ROUTINE);
    let bytes: Arc<[u8]> = Arc::from(&b"RIFF"[..]);
    routine.steps[0].sound = Some(crate::format::model::StepSound {
        relative: "bell.wav".into(),
        path: "bell.wav".into(),
        bytes: bytes.clone(),
    });
    let plan = Plan::build(&routine);
    let sounds = sounds_for(&cue(Cue::Start, 1, Some(30_000)), &routine, &plan, true);
    assert_eq!(names(&sounds), ["bell.wav", "go"]);
    assert_eq!(
        sounds[0],
        Sound::File {
            name: "bell.wav".into(),
            bytes
        }
    );
}

#[test]
fn every_built_in_sound_decodes() {
    for clip in Clip::ALL {
        assert!(
            crate::soundfile::check_decodes(Arc::from(clip.bytes())).is_ok(),
            "{}",
            clip.name()
        );
    }
}
