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
    }
}

#[test]
fn every_cue_has_its_tone_and_word() {
    let routine = routine(ROUTINE);
    let plan = Plan::build(&routine);
    let table: &[(Event, bool, &[&str])] = &[
        (cue(Cue::Start, 1, Some(30_000)), false, &["start"]),
        (cue(Cue::Start, 1, Some(30_000)), true, &["start", "say-go"]),
        (
            cue(Cue::Halfway, 1, Some(15_000)),
            true,
            &["halfway", "say-halfway"],
        ),
        (
            cue(Cue::Switch, 1, Some(5_000)),
            true,
            &["switch", "say-switch-sides"],
        ),
        (cue(Cue::Rest, 1, Some(5_000)), false, &["rest"]),
        (cue(Cue::Rest, 1, Some(5_000)), true, &["rest", "say-rest"]),
        (cue(Cue::Done, 2, None), true, &["done", "say-well-done"]),
        (cue(Cue::Tick, 1, Some(3_000)), false, &["tick"]),
        (cue(Cue::Tick, 1, Some(3_000)), true, &["say-three"]),
        (cue(Cue::Tick, 1, Some(2_000)), true, &["say-two"]),
        (cue(Cue::Tick, 1, Some(1_000)), true, &["say-one"]),
        (cue(Cue::Tick, 1, Some(5_000)), true, &["tick"]),
        // Each rep of a tempo step ticks; spoken rep counts are still to come.
        (cue(Cue::Rep, 1, Some(3_000)), false, &["tick"]),
        (cue(Cue::Rep, 1, Some(3_000)), true, &["tick"]),
        (
            Event::SegmentStarted { segment: 0, at: 0 },
            true,
            &["say-get-ready"],
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
    assert_eq!(names(&sounds), ["bell.wav", "say-go"]);
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
