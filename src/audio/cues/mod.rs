//! Which sounds each engine event plays: a tone per cue and, when spoken cues are on, the words a
//! coach would say ("next: doorway chest stretch, forty five seconds, left side first"; "right side";
//! "set two of three"; "three, two, one"), a step's caution once as the step first starts, and a
//! step's own sound in place of the start tone.

mod phrases;

use super::voice::number_words;
use super::{Clip, Sound};
use crate::engine::{Event, Millis};
use crate::plan::{Cue, Plan, SegmentKind};
use crate::routine::Routine;

pub(crate) use phrases::Phrases;

/// What the voice says besides the tones (the `spoken` and `spoken_cautions` settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Voice {
    /// Words with the tones: names, counts, "rest".
    pub spoken: bool,
    /// Each step's caution, once, as the step first starts (only with `spoken`).
    pub cautions: bool,
}

impl Voice {
    /// Whether a step's caution is said.
    pub(crate) fn says_cautions(self) -> bool {
        self.spoken && self.cautions
    }
}

/// The sounds for one event, in the order they play (one after the other).
pub(crate) fn sounds_for(
    event: &Event,
    routine: &Routine,
    plan: &Plan,
    voice: Voice,
) -> Vec<Sound> {
    let phrases = Phrases { routine, plan };
    let spoken = voice.spoken;
    let say = |words: Vec<Sound>| if spoken { words } else { Vec::new() };
    match *event {
        Event::Cue {
            cue,
            segment,
            left,
            offset,
            ..
        } => {
            if cue == Cue::Caution {
                // No tone: the words are the cue. Without them the screen's caution is enough.
                return if voice.says_cautions() {
                    phrases.caution(segment)
                } else {
                    Vec::new()
                };
            }
            let (tone, words) = match cue {
                Cue::Start => (
                    start_sound(routine, plan, segment),
                    say(phrases.at_start(segment)),
                ),
                // In a tempo step the reps are counted, and a countdown number would be taken for one.
                Cue::Tick if phrases.counts_reps(segment) => {
                    (Sound::Clip(Clip::Tick), say(phrases.rep(segment, offset)))
                }
                Cue::Tick => (
                    Sound::Clip(Clip::Tick),
                    say(left.map(count_words).unwrap_or_default()),
                ),
                Cue::Halfway => (Sound::Clip(Clip::Halfway), say(vec![Sound::say("halfway")])),
                Cue::Switch => (Sound::Clip(Clip::Switch), say(phrases.at_switch(segment))),
                Cue::Rest => (Sound::Clip(Clip::Rest), say(phrases.at_rest(segment))),
                Cue::Done => (Sound::Clip(Clip::Done), say(vec![Sound::say("well done")])),
                // A rep that begins while the caution is being said keeps its tick, not its number.
                Cue::Rep if voice.says_cautions() && phrases.during_caution(segment, offset) => {
                    (Sound::Clip(Clip::Tick), Vec::new())
                }
                Cue::Rep => (Sound::Clip(Clip::Tick), say(phrases.rep(segment, offset))),
                Cue::Caution => return Vec::new(),
            };
            // A spoken number replaces the tick: "three, two, one" is clearer than a click before it.
            if matches!(cue, Cue::Tick | Cue::Rep) && !words.is_empty() {
                return words;
            }
            std::iter::once(tone).chain(words).collect()
        }
        Event::SegmentStarted { segment, .. } => {
            let prepare = plan
                .segments
                .get(segment)
                .is_some_and(|s| s.kind == SegmentKind::Prepare);
            if prepare {
                say(phrases.at_get_ready(segment))
            } else {
                Vec::new()
            }
        }
        Event::Finished { .. } => Vec::new(),
    }
}

/// "three", "two", "one" for a tick with that many whole seconds left.
fn count_words(left: Millis) -> Vec<Sound> {
    match (left + 500) / 1000 {
        seconds @ 1..=3 => number_words(u32::try_from(seconds).unwrap_or(0))
            .into_iter()
            .map(Sound::say)
            .collect(),
        _ => Vec::new(),
    }
}

/// The sounds to make ready when a routine starts, off the event loop: the routine's own step sounds,
/// once each (so a file is never decoded before a routine that uses it plays), and with spoken cues
/// its exercise names and the cautions it says (the runner's own are said by the speech program,
/// which takes a moment).
pub(crate) fn sounds_to_prepare(routine: &Routine, plan: &Plan, voice: Voice) -> Vec<Sound> {
    let spoken = voice.spoken;
    let mut sounds: Vec<Sound> = Vec::new();
    let files = routine.steps.iter().filter_map(|s| s.sound.as_ref());
    let files = files.map(|sound| Sound::File {
        name: sound.relative.clone(),
        bytes: sound.bytes.clone(),
    });
    let names = plan
        .segments
        .iter()
        .filter(|_| spoken)
        .filter(|s| s.kind == SegmentKind::Exercise)
        .filter_map(|s| Phrases::name(&s.name));
    let cautions = plan
        .segments
        .iter()
        .filter(|_| voice.says_cautions())
        .filter(|s| s.caution_window().is_some())
        .filter_map(|s| s.caution.as_deref().map(Sound::say));
    for sound in files.chain(names).chain(cautions) {
        if !sounds.iter().any(|s| s.name() == sound.name()) {
            sounds.push(sound);
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
