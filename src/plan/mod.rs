//! The timeline a routine expands to: segments in play order, each with the cues due inside it.
//!
//! The session engine plays these same segments and asks [`cue_offsets`] for the cues of each, so what
//! `plan` prints and what the player does can never disagree.

mod builder;
mod json;

use serde::Serialize;

use crate::format::limits::ESTIMATED_REP;
use crate::format::model::Side;

pub use json::PlanJson;

/// What a segment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentKind {
    Prepare,
    Exercise,
    Switch,
    SetRest,
    Rest,
    RoundRest,
}

impl SegmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Prepare => "prepare",
            Self::Exercise => "exercise",
            Self::Switch => "switch",
            Self::SetRest => "set-rest",
            Self::Rest => "rest",
            Self::RoundRest => "round-rest",
        }
    }
}

/// Something the runner hears (and sees).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    Start,
    Tick,
    Halfway,
    Switch,
    Rest,
    Done,
    /// The next rep of a tempo step begins.
    Rep,
    /// The step's caution, said once, early in the step's first exercise segment.
    Caution,
}

impl Cue {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Tick => "tick",
            Self::Halfway => "halfway",
            Self::Switch => "switch",
            Self::Rest => "rest",
            Self::Done => "done",
            Self::Rep => "rep",
            Self::Caution => "caution",
        }
    }
}

/// One stretch of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub index: usize,
    pub kind: SegmentKind,
    pub name: String,
    /// Planned start from the beginning of the routine (estimated after an open-ended step).
    pub start_ms: u64,
    /// `None` for an open-ended rep step, which lasts until the runner says "done".
    pub length_ms: Option<u64>,
    /// 1-based step number, for segments that belong to a step.
    pub step: Option<usize>,
    pub set: Option<u32>,
    /// How many sets the step has (1 for segments outside a step).
    pub sets: u32,
    pub side: Option<Side>,
    pub round: Option<u32>,
    /// Beeps in the last N seconds.
    pub countdown: u32,
    /// For a step of reps, how many it asks for (open-ended: used for the estimate).
    pub reps: Option<u32>,
    /// For a tempo step, the time each rep takes.
    pub tempo_ms: Option<u64>,
    /// Inside a block with rounds of its own: which round of it.
    pub block_round: Option<BlockRound>,
    /// The step's caution, on the step's first exercise segment only: the voice says it once.
    pub caution: Option<String>,
}

/// Which round of a block with rounds of its own a segment is played in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockRound {
    pub block: String,
    /// 1-based.
    pub round: u32,
    pub rounds: u32,
}

impl Segment {
    /// The planned length, with an open-ended step estimated at 3 s a rep.
    pub fn estimated_ms(&self) -> u64 {
        self.length_ms
            .unwrap_or_else(|| u64::from(self.reps.unwrap_or(1)) * ESTIMATED_REP.millis())
    }

    /// The cues inside this segment, as offsets from its start, in time order.
    pub fn cues(&self) -> Vec<(u64, Cue)> {
        self.cues_when(self.length_ms)
    }

    /// The cues inside this segment were it `length_ms` long (after `+`/`-`).
    pub fn cues_when(&self, length_ms: Option<u64>) -> Vec<(u64, Cue)> {
        let reps = self.reps.zip(self.tempo_ms);
        let mut cues = cue_offsets(self.kind, length_ms, self.countdown, reps);
        if let Some(window) = self.caution_window_when(length_ms) {
            // A rep beginning while the caution is said keeps its tick; only its number is left
            // unsaid (see `audio::cues`).
            cues.push((window.start, Cue::Caution));
            cues.sort_by_key(|(at, _)| *at);
        }
        cues
    }

    /// When the caution is said, as offsets from the segment's start, if this segment says one and
    /// it fits (see [`caution_window`]).
    pub fn caution_window(&self) -> Option<std::ops::Range<u64>> {
        self.caution_window_when(self.length_ms)
    }

    fn caution_window_when(&self, length_ms: Option<u64>) -> Option<std::ops::Range<u64>> {
        let caution = self.caution.as_deref()?;
        let others = cue_offsets(self.kind, length_ms, self.countdown, None);
        caution_window(caution, length_ms, &others)
    }

    /// Which rep of a tempo step is under way after `elapsed` ms (1-based, the last one once the reps
    /// are over), with how many there are; `None` for anything else.
    pub fn rep_at(&self, elapsed: u64) -> Option<(u32, u32)> {
        let (reps, tempo) = self.reps.zip(self.tempo_ms.filter(|&t| t > 0))?;
        let rep = u32::try_from(elapsed / tempo)
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        Some((rep.min(reps), reps))
    }
}

/// The cues of a segment of the given kind and length, as offsets from its start, in time order.
///
/// A start-type cue at 0; `halfway` at the midpoint of a timed exercise of 20 s or more; one `tick` a
/// second in the last `countdown` seconds (never at the very start, where the start cue already sounds);
/// for a tempo step (`reps`: how many, and the time each takes), a `rep` as each rep after the first
/// begins, unless another cue already sounds at that moment.
pub fn cue_offsets(
    kind: SegmentKind,
    length_ms: Option<u64>,
    countdown: u32,
    reps: Option<(u32, u64)>,
) -> Vec<(u64, Cue)> {
    let mut cues = Vec::new();
    match kind {
        SegmentKind::Exercise => cues.push((0, Cue::Start)),
        SegmentKind::Switch => cues.push((0, Cue::Switch)),
        SegmentKind::SetRest | SegmentKind::Rest | SegmentKind::RoundRest => {
            cues.push((0, Cue::Rest));
        }
        SegmentKind::Prepare => {}
    }
    let Some(length) = length_ms else {
        return cues;
    };
    if kind == SegmentKind::Exercise && length >= 20_000 {
        cues.push((length / 2, Cue::Halfway));
    }
    for k in (1..=u64::from(countdown)).rev() {
        if let Some(at) = length.checked_sub(k * 1000).filter(|&at| at > 0) {
            cues.push((at, Cue::Tick));
        }
    }
    if let (SegmentKind::Exercise, Some((count, tempo))) = (kind, reps.filter(|r| r.1 > 0)) {
        let starts = (1..u64::from(count)).map(|k| k * tempo);
        for at in starts.take_while(|&at| at < length) {
            if !cues.iter().any(|&(taken, _)| taken == at) {
                cues.push((at, Cue::Rep));
            }
        }
    }
    cues.sort_by_key(|(at, _)| *at);
    cues
}

/// How long after an exercise begins its caution is said: room for the start's words ("go", or a
/// name and side when no rest announced it). Off the whole second, so no tick or rep (all on whole
/// seconds) ever sounds at the same moment.
pub const CAUTION_AFTER_MS: u64 = 2_500;
/// The pace the plan allows for a spoken caution: 150 words a minute, slower than the voice (the
/// built-in clips run at about 165; a test holds every clip to it).
pub const CAUTION_MS_PER_WORD: u64 = 400;
/// Quiet kept between the end of a caution and the next cue.
pub const CAUTION_GAP_MS: u64 = 500;

/// How long `caution` takes to say, by the plan's pace.
pub fn caution_speaking_ms(caution: &str) -> u64 {
    let words = u64::try_from(caution.split_whitespace().count()).unwrap_or(u64::MAX);
    words.saturating_mul(CAUTION_MS_PER_WORD)
}

/// Where a caution is said in its segment: from [`CAUTION_AFTER_MS`] for as long as it takes, when
/// that ends, with [`CAUTION_GAP_MS`] to spare, before every other cue after the start (`others`:
/// halfway and the countdown; a tempo step's reps do not count, their numbers give way) and before
/// the segment ends. `None` when it does not fit: the caution then shows on screen only, never
/// talked over or delaying a cue.
pub fn caution_window(
    caution: &str,
    length_ms: Option<u64>,
    others: &[(u64, Cue)],
) -> Option<std::ops::Range<u64>> {
    let start = CAUTION_AFTER_MS;
    let end = start.saturating_add(caution_speaking_ms(caution));
    let clear_until = end.saturating_add(CAUTION_GAP_MS);
    let room = length_ms.is_none_or(|length| clear_until <= length);
    let quiet = others
        .iter()
        .all(|&(at, cue)| at == 0 || at >= clear_until || cue == Cue::Rep);
    (room && quiet && end > start).then_some(start..end)
}

/// A routine's whole timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub id: String,
    pub segments: Vec<Segment>,
}

impl Plan {
    /// The total length, with open-ended steps estimated.
    pub fn total_ms(&self) -> u64 {
        self.segments
            .last()
            .map_or(0, |s| s.start_ms + s.estimated_ms())
    }

    /// True when some step is open-ended, so the total is an estimate.
    pub fn is_estimated(&self) -> bool {
        self.segments.iter().any(|s| s.length_ms.is_none())
    }

    /// Every cue at its planned time from the start of the routine, ending with `done`.
    pub fn cues(&self) -> Vec<(u64, Cue)> {
        let mut all: Vec<(u64, Cue)> = self
            .segments
            .iter()
            .flat_map(|s| {
                s.cues()
                    .into_iter()
                    .map(move |(at, cue)| (s.start_ms + at, cue))
            })
            .collect();
        all.push((self.total_ms(), Cue::Done));
        all
    }
}

#[cfg(test)]
mod tests;
