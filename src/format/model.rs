//! A routine after loading and validation: every default filled in, every catalog reference resolved.

use std::path::PathBuf;

use crate::words::words;

use crate::duration::Secs;

words! {
    /// What a routine is for.
    Kind {
        WarmUp = "warm-up",
        Stretch = "stretch",
        FoamRolling = "foam-rolling",
        Strength = "strength",
        Mobility = "mobility",
        CoolDown = "cool-down",
    }
}

impl Kind {
    /// How the library screen titles a group of routines.
    pub fn heading(self) -> &'static str {
        match self {
            Self::WarmUp => "Warm-up",
            Self::Stretch => "Stretch",
            Self::FoamRolling => "Foam rolling",
            Self::Strength => "Strength",
            Self::Mobility => "Mobility",
            Self::CoolDown => "Cool-down",
        }
    }
}

words! {
    /// When, relative to a run, the routine is meant to be done.
    #[derive(Default)]
    When {
        Before = "before",
        After = "after",
        #[default]
        Any = "any",
    }
}

words! {
    /// Which sides a step is done on.
    #[derive(Default)]
    Sides {
        #[default]
        None = "none",
        Left = "left",
        Right = "right",
        Both = "both",
    }
}

words! {
    /// One side of the body, for a segment.
    Side {
        Left = "left",
        Right = "right",
    }
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Self::Left => "LEFT",
            Self::Right => "RIGHT",
        }
    }
}

/// How long the work of one set lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Work {
    /// A fixed time.
    Timed(Secs),
    /// A number of repetitions; with a tempo the set is timed (`reps × tempo`), without it the runner
    /// says when they are done.
    Reps { reps: u32, tempo: Option<Secs> },
}

impl Work {
    /// The length of one exercise segment, or `None` for an open-ended rep step.
    pub fn length(self) -> Option<Secs> {
        match self {
            Self::Timed(secs) => Some(secs),
            Self::Reps {
                reps,
                tempo: Some(t),
            } => Some(Secs(reps * t.0)),
            Self::Reps { tempo: None, .. } => None,
        }
    }

    pub fn reps(self) -> Option<u32> {
        match self {
            Self::Reps { reps, .. } => Some(reps),
            Self::Timed(_) => None,
        }
    }
}

/// A step's own start sound, checked to exist when the routine loads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StepSound {
    /// As written in the routine, relative to its folder.
    pub relative: String,
    pub path: PathBuf,
    /// The file, read and decoded once when the routine loaded.
    pub bytes: std::sync::Arc<[u8]>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Step {
    pub name: String,
    /// The catalog id the step came from, if any.
    pub exercise: Option<String>,
    pub work: Work,
    pub sides: Sides,
    pub sets: u32,
    pub set_rest: Secs,
    pub rest: Secs,
    pub switch: Secs,
    pub countdown: u32,
    /// What its rests and switches are called on screen, when not the usual words.
    pub labels: Labels,
    pub instructions: Option<String>,
    pub cues: Vec<String>,
    pub caution: Option<String>,
    pub sound: Option<StepSound>,
    /// The block (from the routine's `[blocks]`) this step is played in, if any.
    pub block: Option<String>,
}

/// Consecutive steps played `rounds` times over, with `round_rest` between (inside each round of the
/// whole routine).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Block {
    pub name: String,
    pub rounds: u32,
    pub round_rest: Secs,
    /// What the rest between the block's rounds is called, when not "Rest between rounds".
    pub round_rest_label: Option<String>,
}

/// A coach's own words for a step's rests and switches ("Walk back down", "Swap roles").
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Labels {
    pub rest: Option<String>,
    pub set_rest: Option<String>,
    pub switch: Option<String>,
}

/// Where a routine was found.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
    Path(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Routine {
    pub id: String,
    pub origin: Origin,
    pub name: String,
    pub kind: Kind,
    pub when: When,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub equipment: Vec<String>,
    pub author: Option<String>,
    pub pain_check: bool,
    pub rounds: u32,
    pub round_rest: Secs,
    /// What the rest between rounds is called, when not "Rest between rounds".
    pub round_rest_label: Option<String>,
    pub prepare: Secs,
    /// The routine-wide countdown, used for segments that belong to no step (get ready, round rests).
    pub countdown: u32,
    pub steps: Vec<Step>,
    /// Named groups of consecutive steps with their own rounds, as `[blocks.NAME]` gives them.
    pub blocks: Vec<Block>,
    /// A hash of the file's text, so the history can tell two versions of a routine apart.
    pub content_hash: String,
    /// How long it lasts, worked out once when it loads (lists and screens show it every frame).
    pub total: Total,
}

impl Routine {
    /// The runner's own routine (from their routines folder), not a built-in one.
    pub fn is_own(&self) -> bool {
        matches!(self.origin, Origin::User(_))
    }

    /// `by Coach Name`, when the routine names its author.
    pub fn byline(&self) -> Option<String> {
        self.author.as_ref().map(|author| format!("by {author}"))
    }
}

/// A routine's length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Total {
    pub ms: u64,
    /// An open-ended step was counted at an estimate.
    pub estimated: bool,
}

impl Total {
    /// `6:45`, or `~6:45` when estimated.
    pub fn label(self) -> String {
        let prefix = if self.estimated { "~" } else { "" };
        format!("{prefix}{}", crate::duration::format_clock(self.ms))
    }
}
