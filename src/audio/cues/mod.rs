//! Which sounds each engine event plays: a tone per cue, followed by a spoken word when spoken cues
//! are on, and a step's own sound in place of the start tone.

use super::{Clip, Sound};
use crate::engine::{Event, Millis};
use crate::plan::{Cue, Plan, SegmentKind};
use crate::routine::Routine;

/// The sounds for one event, in the order they play (one after the other).
pub fn sounds_for(event: &Event, routine: &Routine, plan: &Plan, spoken: bool) -> Vec<Sound> {
    let say = |clip: Clip| spoken.then_some(Sound::Clip(clip));
    match *event {
        Event::Cue {
            cue, segment, left, ..
        } => {
            let (tone, word) = match cue {
                Cue::Start => (start_sound(routine, plan, segment), say(Clip::SayGo)),
                Cue::Tick => (
                    Sound::Clip(Clip::Tick),
                    left.and_then(count_word).and_then(say),
                ),
                Cue::Halfway => (Sound::Clip(Clip::Halfway), say(Clip::SayHalfway)),
                Cue::Switch => (Sound::Clip(Clip::Switch), say(Clip::SaySwitchSides)),
                Cue::Rest => (Sound::Clip(Clip::Rest), say(Clip::SayRest)),
                Cue::Done => (Sound::Clip(Clip::Done), say(Clip::SayWellDone)),
                // A tick marks each rep of a tempo step; spoken counts are still to come.
                Cue::Rep => (Sound::Clip(Clip::Tick), None),
            };
            // A spoken number replaces the tick: "three, two, one" is clearer than a click before it.
            if cue == Cue::Tick && word.is_some() {
                return word.into_iter().collect();
            }
            std::iter::once(tone).chain(word).collect()
        }
        Event::SegmentStarted { segment, .. } => {
            let prepare = plan
                .segments
                .get(segment)
                .is_some_and(|s| s.kind == SegmentKind::Prepare);
            if prepare {
                say(Clip::SayGetReady).into_iter().collect()
            } else {
                Vec::new()
            }
        }
        Event::Finished { .. } => Vec::new(),
    }
}

/// "three", "two", "one" for a tick with that many whole seconds left.
fn count_word(left: Millis) -> Option<Clip> {
    match (left + 500) / 1000 {
        3 => Some(Clip::SayThree),
        2 => Some(Clip::SayTwo),
        1 => Some(Clip::SayOne),
        _ => None,
    }
}

/// The routine's own step sounds, once each: decoded (off the event loop) when the routine starts,
/// so a step's cue is not late and a file is never decoded before a routine that uses it plays.
pub fn step_sounds(routine: &Routine) -> Vec<Sound> {
    let mut sounds: Vec<Sound> = Vec::new();
    for sound in routine.steps.iter().filter_map(|s| s.sound.as_ref()) {
        if !sounds.iter().any(|s| s.name() == sound.relative) {
            sounds.push(Sound::File {
                name: sound.relative.clone(),
                bytes: sound.bytes.clone(),
            });
        }
    }
    sounds
}

/// The step's own sound when it has one, else the start tone.
fn start_sound(routine: &Routine, plan: &Plan, segment: usize) -> Sound {
    plan.segments
        .get(segment)
        .and_then(|s| s.step)
        .and_then(|step| routine.steps.get(step - 1))
        .and_then(|step| step.sound.as_ref())
        .map_or(Sound::Clip(Clip::Start), |sound| Sound::File {
            name: sound.relative.clone(),
            bytes: sound.bytes.clone(),
        })
}

#[cfg(test)]
mod tests;
