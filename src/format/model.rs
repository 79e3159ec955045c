//! A routine after loading and validation: every default filled in, every catalog reference resolved.

use std::path::PathBuf;

use serde::Serialize;

use crate::duration::Secs;

/// What a routine is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    WarmUp,
    Stretch,
    FoamRolling,
    Strength,
    Mobility,
    CoolDown,
}

impl Kind {
    pub const ALL: [(&'static str, Self); 6] = [
        ("warm-up", Self::WarmUp),
        ("stretch", Self::Stretch),
        ("foam-rolling", Self::FoamRolling),
        ("strength", Self::Strength),
        ("mobility", Self::Mobility),
        ("cool-down", Self::CoolDown),
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, kind)| *kind == self)
            .map_or("", |(word, _)| word)
    }

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

/// When, relative to a run, the routine is meant to be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    Before,
    After,
    #[default]
    Any,
}

impl When {
    pub const ALL: [(&'static str, Self); 3] = [
        ("before", Self::Before),
        ("after", Self::After),
        ("any", Self::Any),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Before => "before",
            Self::After => "after",
            Self::Any => "any",
        }
    }
}

/// Which sides a step is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sides {
    #[default]
    None,
    Left,
    Right,
    Both,
}

impl Sides {
    pub const ALL: [(&'static str, Self); 4] = [
        ("none", Self::None),
        ("left", Self::Left),
        ("right", Self::Right),
        ("both", Self::Both),
    ];
}

/// One side of the body, for a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
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
