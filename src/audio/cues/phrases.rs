//! What a coach says at each moment of a routine, as words to play one after the other. During the
//! get-ready and the rests it says what comes next, so the runner never needs to look; at the start of
//! an exercise nobody announced it names it; a switch names the new side; a new set names its number.

use super::Sound;
use crate::audio::voice::{counted, duration_words, number_words, spoken_name};
use crate::engine::Millis;
use crate::format::model::{Side, Sides};
use crate::plan::{Plan, Segment, SegmentKind};
use crate::routine::Routine;

/// A rest or get-ready shorter than this says only "next" and the name: the whole description would
/// still be playing when the countdown starts.
pub(super) const ROOM_FOR_DETAILS_MS: u64 = 10_000;

/// The words for the moments of one routine's plan.
#[derive(Clone, Copy)]
pub(crate) struct Phrases<'a> {
    pub routine: &'a Routine,
    pub plan: &'a Plan,
}

impl Phrases<'_> {
    /// A name as said aloud, unless nothing of it is left to say.
    pub(crate) fn name(name: &str) -> Option<Sound> {
        let spoken = spoken_name(name);
        (!spoken.is_empty()).then(|| Sound::say(&spoken))
    }

    /// As the get-ready begins: "get ready", then what comes first.
    pub(crate) fn at_get_ready(&self, segment: usize) -> Vec<Sound> {
        self.then_next_up("get ready", segment)
    }

    /// As a rest begins (after its tone): "rest", then what comes next.
    pub(crate) fn at_rest(&self, segment: usize) -> Vec<Sound> {
        self.then_next_up("rest", segment)
    }

    fn then_next_up(&self, word: &str, segment: usize) -> Vec<Sound> {
        std::iter::once(Sound::say(word))
            .chain(self.next_up(segment))
            .collect()
    }

    /// As an exercise starts: its set ("set two of three") when a set after the first begins; its
    /// name (and side) when nothing before announced it; else "go".
    pub(crate) fn at_start(&self, segment: usize) -> Vec<Sound> {
        let Some(this) = self.plan.segments.get(segment) else {
            return vec![Sound::say("go")];
        };
        let before = segment
            .checked_sub(1)
            .and_then(|i| self.plan.segments.get(i));
        match before.map(|s| s.kind) {
            Some(SegmentKind::SetRest) => set_words(this),
            // The get-ready or rest named it; the switch named its side.
            Some(
                SegmentKind::Prepare
                | SegmentKind::Rest
                | SegmentKind::RoundRest
                | SegmentKind::Switch,
            ) => vec![Sound::say("go")],
            Some(SegmentKind::Exercise) if before.is_some_and(|b| same_step(b, this)) => {
                side_words(self.routine, this, false)
            }
            None | Some(SegmentKind::Exercise) => {
                let mut words: Vec<Sound> = Self::name(&this.name).into_iter().collect();
                words.extend(side_words(self.routine, this, true));
                if words.is_empty() {
                    words.push(Sound::say("go"));
                }
                words
            }
        }
    }

    /// As a switch begins: the side to turn to ("right side").
    pub(crate) fn at_switch(&self, segment: usize) -> Vec<Sound> {
        let next = self.plan.segments.get(segment + 1);
        match next.and_then(|s| s.side) {
            Some(side) => vec![Sound::say(side_text(side, false))],
            None => vec![Sound::say("switch sides")],
        }
    }

    /// Whether `segment` is a tempo step, whose reps are counted aloud.
    pub(crate) fn counts_reps(&self, segment: usize) -> bool {
        self.plan
            .segments
            .get(segment)
            .is_some_and(|s| s.kind == SegmentKind::Exercise && s.rep_at(0).is_some())
    }

    /// `offset` into a tempo step: the number of the rep that begins then ("four"), if one does. A
    /// countdown tick at that moment says it too: "three" there would be taken for a rep.
    pub(crate) fn rep(&self, segment: usize, offset: Millis) -> Vec<Sound> {
        let Some(this) = self.plan.segments.get(segment) else {
            return Vec::new();
        };
        let Some((reps, tempo)) = this.reps.zip(this.tempo_ms.filter(|&t| t > 0)) else {
            return Vec::new();
        };
        let rep = u32::try_from(offset / tempo + 1).unwrap_or(u32::MAX);
        if offset == 0 || !offset.is_multiple_of(tempo) || rep > reps {
            return Vec::new();
        }
        number_words(rep).into_iter().map(Sound::say).collect()
    }

    /// The caution `segment` says, when it says one (the step's first start, where it fits).
    pub(crate) fn caution(&self, segment: usize) -> Vec<Sound> {
        self.plan
            .segments
            .get(segment)
            .filter(|s| s.caution_window().is_some())
            .and_then(|s| s.caution.as_deref())
            .map(Sound::say)
            .into_iter()
            .collect()
    }

    /// Whether `offset` into `segment` falls while its caution is being said.
    pub(crate) fn during_caution(&self, segment: usize, offset: Millis) -> bool {
        self.plan
            .segments
            .get(segment)
            .and_then(Segment::caution_window)
            .is_some_and(|window| window.contains(&offset))
    }

    /// "next", then the exercise that follows `segment`: after a rest between sets, only which set;
    /// else its name, and with room its length or reps, side and set.
    fn next_up(&self, segment: usize) -> Vec<Sound> {
        let Some(this) = self.plan.segments.get(segment) else {
            return Vec::new();
        };
        let next = self.plan.segments[segment + 1..]
            .iter()
            .find(|s| s.kind == SegmentKind::Exercise);
        let Some(next) = next else {
            return Vec::new();
        };
        let mut words = vec![Sound::say("next")];
        if this.kind == SegmentKind::SetRest {
            words.extend(set_words(next));
            return words;
        }
        words.extend(Self::name(&next.name));
        if this
            .length_ms
            .is_some_and(|length| length >= ROOM_FOR_DETAILS_MS)
        {
            words.extend(work_words(next).into_iter().map(Sound::say));
            words.extend(side_words(self.routine, next, true));
            if next.sets > 1 {
                words.extend(set_words(next));
            }
        }
        words
    }
}

/// Whether two segments are the same set of the same step (its two sides).
fn same_step(a: &Segment, b: &Segment) -> bool {
    a.step.is_some() && a.step == b.step && a.set == b.set && a.round == b.round
}

/// "twelve reps", "forty five seconds".
fn work_words(segment: &Segment) -> Vec<&'static str> {
    match (segment.reps, segment.length_ms) {
        (Some(reps), _) => counted(reps, "rep", "reps"),
        (None, Some(length)) => duration_words(length),
        (None, None) => Vec::new(),
    }
}

/// "set two of three", for a step of more than one set.
fn set_words(segment: &Segment) -> Vec<Sound> {
    let Some(set) = segment.set.filter(|_| segment.sets > 1) else {
        return vec![Sound::say("go")];
    };
    let mut words = vec!["set"];
    words.extend(number_words(set));
    words.push("of");
    words.extend(number_words(segment.sets));
    words.into_iter().map(Sound::say).collect()
}

/// The side a segment is done on: "left side first" when the step does both sides (and `first`
/// asks), "left side" for one side only; nothing for a step without sides.
fn side_words(routine: &Routine, segment: &Segment, first: bool) -> Vec<Sound> {
    let Some(side) = segment.side else {
        return Vec::new();
    };
    let both = segment
        .step
        .and_then(|n| routine.steps.get(n - 1))
        .is_some_and(|step| step.sides == Sides::Both);
    vec![Sound::say(side_text(side, first && both))]
}

fn side_text(side: Side, first: bool) -> &'static str {
    match (side, first) {
        (Side::Left, false) => "left side",
        (Side::Right, false) => "right side",
        (Side::Left, true) => "left side first",
        (Side::Right, true) => "right side first",
    }
}
