//! Where a program stands on a day: its week, its level (each past week judged green, amber or red),
//! rest days and pauses from pain, and what is due. A pure function of the program, its start day,
//! the facts of the history and the day, so every rule is table-tested.
//!
//! The rules are those of the program format's version 2 (a physiotherapist's): a session counts
//! only when at least half of it was played, unknown pain is not zero, a week with nothing planned
//! is not judged, creeping pain holds, two red weeks pause, a painful session makes the next day a
//! rest day, and a pause ends one level lower, never sooner than 48 hours after it began.

mod plan;
mod standing;
mod walk;
mod week;
pub mod words;

use serde::Serialize;

use crate::calendar::{DayNumber, UtcTime};
use crate::triage::Level;

pub use plan::Due;
pub use week::WeekResult;

use super::Program;

/// The next-morning answer: the back compared with before the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Morning {
    Better,
    Same,
    Worse,
}

impl Morning {
    pub const ALL: [(&'static str, Self); 3] = [
        ("better", Self::Better),
        ("same", Self::Same),
        ("worse", Self::Worse),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Better => "better",
            Self::Same => "same",
            Self::Worse => "worse",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
    }
}

/// A session of the history, as programs read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFact {
    /// When it started, and the runner's local day then.
    pub at: UtcTime,
    pub day: DayNumber,
    pub routine: String,
    /// The program it was done in, if any.
    pub program: Option<String>,
    /// The level it was played at in that program.
    pub level: Option<u32>,
    pub pain: Option<u8>,
    pub morning: Option<Morning>,
    /// Time played, pauses left out (skipped parts are never played).
    pub played_ms: u64,
    /// Whether the routine was played to its end.
    pub finished: bool,
    /// Its planned time at the level it was played at, when the routine is known.
    pub planned_ms: Option<u64>,
}

impl SessionFact {
    /// Whether it counts as done: at least half of its planned time played. When the routine is no
    /// longer known, only a session played to its end counts.
    pub fn counts(&self) -> bool {
        match self.planned_ms {
            Some(planned) => self.played_ms.saturating_mul(2) >= planned,
            None => self.finished,
        }
    }
}

/// A pain check of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFact {
    pub at: UtcTime,
    pub day: DayNumber,
    pub level: Level,
}

/// A run much longer than the longest of the 30 days before it (the long-run rule's spike).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpikeFact {
    pub day: DayNumber,
    /// How much longer than the month's longest, in per cent.
    pub percent: i64,
    /// The next-morning answer after it, if the runner gave one.
    pub morning: Option<Morning>,
}

/// `program resume`, after two red weeks paused the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeFact {
    pub at: UtcTime,
    pub day: DayNumber,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub sessions: Vec<SessionFact>,
    /// Oldest first.
    pub checks: Vec<CheckFact>,
    pub resumes: Vec<ResumeFact>,
    /// Long-run spikes: a week with one is at most amber.
    pub spikes: Vec<SpikeFact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Green,
    Amber,
    Red,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Green => "green",
            Self::Amber => "amber",
            Self::Red => "red",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Its first week has not begun.
    Scheduled,
    Active,
    RestDays,
    Paused,
    Finished,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Active => "active",
            Self::RestDays => "rest-days",
            Self::Paused => "paused",
            Self::Finished => "finished",
        }
    }
}

/// Why a program is paused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PauseCause {
    /// A pain check at `review` or higher (the latest one, when there were several).
    Check(CheckFact),
    /// Two weeks in a row judged red.
    TwoRedWeeks,
    /// With `advance = "on-green"`, `max_weeks` went by before `weeks` green weeks.
    TooLong,
}

/// A pause: from which day, why, and the level played when it began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pause {
    pub since: DayNumber,
    pub cause: PauseCause,
    pub level_at: u32,
}

impl Pause {
    /// The first moment a check (or `program resume`) can end it: 48 hours after the check that
    /// paused it, and on a later local day; for two red weeks, two days after the pause began.
    /// `None`: only starting the program again ends it.
    pub fn earliest_end(&self) -> Option<DayNumber> {
        match &self.cause {
            PauseCause::Check(check) => Some(check.day + 2),
            PauseCause::TwoRedWeeks => Some(self.since + 2),
            PauseCause::TooLong => None,
        }
    }
}

/// Why today is a rest day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestCause {
    /// A `self-care` check: its day and the two after.
    Check(CheckFact),
    /// A session the day before hurt above `amber`.
    SessionPain { day: DayNumber, pain: u8 },
}

/// A pause that ended, and the level the program went on at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resumed {
    pub day: DayNumber,
    pub level: u32,
    pub from_level: u32,
}

/// Where the program stands on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The program week being played (with `on-green`, a week may be played again).
    pub week: u32,
    pub level: u32,
    pub state: State,
    pub due: Vec<Due>,
    pub done_this_week: u32,
    pub planned_this_week: u32,
    /// Every week judged so far, first week first; the last one set this week's level.
    pub judged: Vec<WeekResult>,
    pub pause: Option<Pause>,
    pub rest: Option<RestCause>,
    /// The latest pause that ended, while the level it set still holds (no week judged since).
    pub resumed: Option<Resumed>,
    pub latest_check: Option<CheckFact>,
    /// The program's first day.
    pub starts_on: DayNumber,
    /// This week is played again: the last one was not green (`on-green`).
    pub repeat: bool,
    /// What to do, in words, when the state calls for it (paused, finished).
    pub advice: Option<String>,
    /// Why the level or the state is what it is.
    pub reason: String,
    /// The pain of the latest session that hurt above `amber`, while no pain check was taken since.
    pub ask_check: Option<u8>,
}

impl Status {
    pub fn last_week(&self) -> Option<&WeekResult> {
        self.judged.last()
    }
}

/// A program started on `start`, on `today`, from the history as it stood at the end of `today`.
pub fn status(program: &Program, start: DayNumber, facts: &Facts, today: DayNumber) -> Status {
    walk::Walk::new(program, start, facts, today).status()
}

/// The calendar week of a day (1 for the start day; 0 before it).
pub fn week_of(start: DayNumber, day: DayNumber) -> u32 {
    u32::try_from((day - start).div_euclid(7) + 1).unwrap_or(0)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_v2;
