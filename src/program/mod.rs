//! Programs: a plan over weeks (which routines, how often, how they grow), held back by pain.
//!
//! The format types and the week judgement are pure: reading a file turns text into a [`Program`]
//! (every problem positioned), and [`judge::status`] works out where a program stands on a day from
//! the program, the facts of the history and that day alone. Finding the files is in [`catalog`].

pub mod catalog;
pub mod judge;
pub mod progress;
pub mod read;
pub mod standing;

use jiff::civil::Weekday;

use crate::duration::Secs;

pub use catalog::Programs;
pub use judge::{CheckFact, Facts, Morning, ResumeFact, SessionFact, SpikeFact, State, Verdict};

/// The rest routine a program plays on self-care days unless it names another.
pub const DEFAULT_REST_ROUTINE: &str = "rest-day-gentle";
/// How many days a `self-care` check puts a program on rest days: that day and the two after.
pub const REST_DAYS: i64 = 3;
/// How many of the program's sessions a day plans unless the file says otherwise.
pub const DEFAULT_MAX_PER_DAY: u32 = 2;

/// A validated program file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    /// The file name without `.toml`.
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub weeks: u32,
    pub rest_routine: String,
    pub sessions: Vec<SessionPlan>,
    pub gate: Gate,
    pub built_in: bool,
    /// What moves the program from one week to the next.
    pub advance: Advance,
    /// With `on-green`: the calendar weeks it may take before it pauses with advice.
    pub max_weeks: u32,
    /// The highest level, if capped.
    pub max_level: Option<u32>,
    /// At most so many of its sessions are due a day.
    pub max_per_day: u32,
}

/// What moves a program on: the calendar, or green weeks only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Advance {
    /// Week k is the k-th calendar week from the start.
    #[default]
    Calendar,
    /// A week that is not green is played again; the program finishes after `weeks` green weeks.
    OnGreen,
}

impl Advance {
    pub const ALL: [(&'static str, Self); 2] =
        [("calendar", Self::Calendar), ("on-green", Self::OnGreen)];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Calendar => "calendar",
            Self::OnGreen => "on-green",
        }
    }
}

/// One `[[sessions]]` entry: a routine, how often, in which weeks, and how it grows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPlan {
    pub routine: String,
    pub schedule: Schedule,
    pub first_week: u32,
    pub last_week: u32,
    pub progress: Progress,
}

impl SessionPlan {
    pub fn applies_in(&self, week: u32) -> bool {
        (self.first_week..=self.last_week).contains(&week)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// So many a week, on any days.
    PerWeek(u32),
    /// On these weekdays.
    Days(Vec<Weekday>),
}

impl Schedule {
    /// Sessions a full week plans.
    pub fn per_week(&self) -> u32 {
        match self {
            Self::PerWeek(n) => *n,
            Self::Days(days) => u32::try_from(days.len()).unwrap_or(7),
        }
    }
}

/// What one level adds to a session's routine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub reps: RepsStep,
    pub duration: Secs,
    pub sets: u32,
}

/// What one level adds to a rep step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepsStep {
    /// So many reps.
    Flat(u32),
    /// This percentage of the step's own reps, rounded, at least 1 (when above 0).
    Percent(u32),
}

impl Default for RepsStep {
    fn default() -> Self {
        Self::Flat(0)
    }
}

impl RepsStep {
    /// What one level adds to a step of `reps`.
    pub fn per_level(self, reps: u32) -> u32 {
        match self {
            Self::Flat(n) => n,
            Self::Percent(0) => 0,
            Self::Percent(percent) => {
                let hundredths = u64::from(reps) * u64::from(percent);
                u32::try_from((hundredths + 50) / 100)
                    .unwrap_or(u32::MAX)
                    .max(1)
            }
        }
    }
}

/// Session pain `0..=green` goes on as planned; up to `amber` holds; above steps back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub green: u8,
    pub amber: u8,
}

impl Default for Gate {
    fn default() -> Self {
        Self { green: 3, amber: 5 }
    }
}

/// The weekdays as program files write them.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

impl Program {
    /// The most sessions any week of the program plans.
    pub fn sessions_a_week(&self) -> u32 {
        (1..=self.weeks)
            .map(|week| {
                self.sessions
                    .iter()
                    .filter(|s| s.applies_in(week))
                    .map(|s| s.schedule.per_week())
                    .sum()
            })
            .max()
            .unwrap_or(0)
    }

    /// The highest level the program can reach: one per green week before its last (the last green
    /// week finishes it), and no higher than `max_level`.
    pub fn top_level(&self) -> u32 {
        let by_weeks = self.weeks.saturating_sub(1);
        self.max_level.map_or(by_weeks, |cap| cap.min(by_weeks))
    }

    /// The `progress` a routine grows by in this program (none when it is not one of its sessions).
    pub fn progress_of(&self, routine: &str) -> Progress {
        self.sessions
            .iter()
            .find(|s| s.routine == routine)
            .map(|s| s.progress)
            .unwrap_or_default()
    }

    /// Whether a session of `routine` belongs to this program (one of its sessions or its rest routine).
    pub fn involves(&self, routine: &str) -> bool {
        routine == self.rest_routine || self.sessions.iter().any(|s| s.routine == routine)
    }
}
