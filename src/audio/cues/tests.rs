use std::sync::Arc;

use super::*;
use crate::engine::AppInstant;
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

/// Words as set (cautions on, as by default) or tones only.
fn voice(spoken: bool) -> Voice {
    Voice {
        spoken,
        cautions: true,
    }
}

fn names(sounds: &[Sound]) -> Vec<&str> {
    sounds.iter().map(Sound::name).collect()
}

fn cue(cue: Cue, segment: usize, left: Option<u64>) -> Event {
    Event::Cue {
        cue,
        at: AppInstant::START,
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
            Event::SegmentStarted {
                segment: 0,
                at: AppInstant::START,
            },
            true,
            &["get ready", "next", "Hold"],
        ),
        (
            Event::SegmentStarted {
                segment: 0,
                at: AppInstant::START,
            },
            false,
            &[],
        ),
        (
            Event::SegmentStarted {
                segment: 1,
                at: AppInstant::from_millis(5_000),
            },
            true,
            &[],
        ),
        (
            Event::Finished {
                at: AppInstant::from_millis(35_000),
            },
            true,
            &[],
        ),
    ];
    for (event, spoken, expected) in table {
        let sounds = sounds_for(event, &routine, &plan, voice(*spoken));
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
    said_through(&routine(text))
}

/// What is said through `routine` played without a pause (see [`transcript`]).
fn said_through(routine: &Routine) -> Vec<String> {
    let plan = Plan::build(routine);
    let (mut session, mut events) = crate::engine::Session::start(plan.clone(), AppInstant::START);
    let mut lines = Vec::new();
    let mut now = AppInstant::START;
    loop {
        for event in &events {
            let at = match *event {
                Event::Cue { at, .. }
                | Event::SegmentStarted { at, .. }
                | Event::Finished { at } => at.as_millis(),
            };
            let sounds = sounds_for(event, routine, &plan, voice(true));
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
        sounds_to_prepare(&routine, &plan, voice(spoken))
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
    let sounds = sounds_for(
        &cue(Cue::Start, 1, Some(30_000)),
        &routine,
        &plan,
        voice(true),
    );
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

/// A step's caution is said once, 2.5 s into the step's first exercise segment, after the "go"; a
/// rep that begins meanwhile keeps its tick but not its number; the second side and the second set
/// say nothing of it.
#[test]
fn a_caution_is_said_once_as_its_step_first_starts() {
    let said = transcript(
        r#"
name = "Careful"
kind = "stretch"
[defaults]
prepare = "0s"
countdown = 0
rest = "0s"
switch = "0s"
[[steps]]
name = "Wall angels"
reps = 6
tempo = "2s"
sets = 2
set_rest = "0s"
caution = "Stop if an arm tingles."
[[steps]]
name = "Open book"
duration = "10s"
sides = "both"
caution = "Ease off if it pinches."
"#,
    );
    let expected = [
        "0:00 Wall angels",
        "0:02 two",
        "0:02 Stop if an arm tingles.",
        // Said from 2.5 s, five words at 0.4 s: the rep beginning at 4 s ("three") is not counted.
        "0:06 four",
        "0:08 five",
        "0:10 six",
        "0:12 Wall angels",
        "0:14 two",
        "0:16 three",
        "0:18 four",
        "0:20 five",
        "0:22 six",
        "0:24 Open book, left side first",
        "0:26 Ease off if it pinches.",
        "0:34 right side",
        "0:44 well done",
    ];
    assert_eq!(said, expected, "{said:#?}");
}

/// With `spoken_cautions = false` the voice leaves the caution out (the screen still shows it), and
/// the rep it would have covered is counted.
#[test]
fn the_setting_turns_the_spoken_caution_off() {
    let routine = routine(
        r#"
name = "Careful"
kind = "stretch"
[[steps]]
name = "Wall angels"
reps = 6
tempo = "2s"
caution = "Stop if an arm tingles."
"#,
    );
    let plan = Plan::build(&routine);
    let exercise = plan
        .segments
        .iter()
        .position(|s| s.kind == SegmentKind::Exercise)
        .expect("an exercise");
    let caution = cue(Cue::Caution, exercise, Some(9_500));
    let off = Voice {
        spoken: true,
        cautions: false,
    };
    assert_eq!(
        names(&sounds_for(&caution, &routine, &plan, voice(true))),
        ["Stop if an arm tingles."]
    );
    assert!(sounds_for(&caution, &routine, &plan, off).is_empty());
    assert!(sounds_for(&caution, &routine, &plan, voice(false)).is_empty());
    let rep_three = Event::Cue {
        cue: Cue::Rep,
        at: AppInstant::START,
        segment: exercise,
        left: Some(6_000),
        offset: 4_000,
    };
    assert_eq!(
        names(&sounds_for(&rep_three, &routine, &plan, voice(true))),
        ["tick"]
    );
    assert_eq!(
        names(&sounds_for(&rep_three, &routine, &plan, off)),
        ["three"]
    );
    let prepared = |voice| {
        sounds_to_prepare(&routine, &plan, voice)
            .iter()
            .map(|s| s.name().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        prepared(voice(true)),
        ["Wall angels", "Stop if an arm tingles."]
    );
    assert_eq!(prepared(off), ["Wall angels"]);
}

/// The spoken transcript of a built-in routine with cautions: what a runner hears with eyes closed.
#[test]
fn the_desk_posture_reset_as_heard() {
    let library = crate::routine::Library::load(None).expect("the built-in library loads");
    let routine = library.find("desk-posture-reset").expect("built in");
    insta::assert_snapshot!(said_through(routine).join("\n"));
}

/// Lower-case words only: "rest, next: Band row" and "rest next band row" read the same.
fn plain_words(text: &str) -> String {
    let letters: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every quoted example in the README's table of what the voice says is said, word for word, by a
/// built-in routine played through.
#[test]
fn the_readme_voice_examples_come_from_the_built_in_routines() {
    let readme = include_str!("../../../README.md");
    let table = readme
        .split("| when | what you hear |")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("the README's voice table");
    let examples: Vec<&str> = table.split('"').skip(1).step_by(2).collect();
    assert!(examples.len() >= 10, "{examples:?}");
    let library = crate::routine::Library::load(None).expect("the built-in library loads");
    let heard: Vec<String> = library
        .routines
        .iter()
        .map(|routine| {
            let lines = said_through(routine);
            let words: Vec<&str> = lines
                .iter()
                .map(|line| line.split_once(' ').map_or("", |(_, said)| said))
                .collect();
            format!(" {} ", plain_words(&words.join(" ")))
        })
        .collect();
    let unheard: Vec<&&str> = examples
        .iter()
        .filter(|example| {
            let wanted = format!(" {} ", plain_words(example));
            !heard.iter().any(|said| said.contains(&wanted))
        })
        .collect();
    assert!(unheard.is_empty(), "no built-in routine says {unheard:?}");
}
