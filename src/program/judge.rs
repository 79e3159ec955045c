//! Where a program stands on a day: its week, its level (each past week judged green, amber or red),
//! rest days or a pause from the pain checks, and what is due. A pure function of the program, its
//! start day, the facts of the history and the day, so every rule is table-tested.

use serde::Serialize;

use super::{Program, REST_DAYS, Schedule, SessionPlan};
use crate::calendar::{DayNumber, UtcTime, date_of};
use crate::triage::Level;

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
    pub day: DayNumber,
    pub routine: String,
    /// The program it was done in, if any.
    pub program: Option<String>,
    pub pain: Option<u8>,
    pub morning: Option<Morning>,
}

/// A pain check of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFact {
    pub at: UtcTime,
    pub day: DayNumber,
    pub level: Level,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub sessions: Vec<SessionFact>,
    /// Oldest first.
    pub checks: Vec<CheckFact>,
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

/// A past week, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekResult {
    pub week: u32,
    /// The level the week was played at.
    pub level: u32,
    pub verdict: Verdict,
    /// Why, in words: "a session hurt 6/10 (above 5)".
    pub reason: String,
    pub done: u32,
    pub planned: u32,
}

impl WeekResult {
    /// The level the next week is played at.
    pub fn next_level(&self) -> u32 {
        match self.verdict {
            Verdict::Green => self.level + 1,
            Verdict::Amber => self.level,
            Verdict::Red => self.level.saturating_sub(1),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Active,
    RestDays,
    Paused,
    Finished,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::RestDays => "rest-days",
            Self::Paused => "paused",
            Self::Finished => "finished",
        }
    }
}

/// A routine due today, at a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub routine: String,
    pub level: u32,
}

/// Where the program stands on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub week: u32,
    pub level: u32,
    pub state: State,
    pub due: Vec<Due>,
    pub done_this_week: u32,
    pub planned_this_week: u32,
    /// Every week judged so far, first week first; the last one set this week's level.
    pub judged: Vec<WeekResult>,
    /// The check that paused the program, or started its rest days.
    pub because: Option<CheckFact>,
    pub latest_check: Option<CheckFact>,
    /// The program's first day is still ahead.
    pub not_started: bool,
}

impl Status {
    pub fn last_week(&self) -> Option<&WeekResult> {
        self.judged.last()
    }
}

/// How a day stands from the checks: open, on rest days, or paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayState {
    Open,
    Rest,
    Paused,
}

/// A program started on `start`, on `today`, from the history as it stood at the end of `today`.
pub fn status(program: &Program, start: DayNumber, facts: &Facts, today: DayNumber) -> Status {
    let view = View::new(program, start, facts, today);
    let week_now = week_of(start, today).max(1);
    let finished = week_now > program.weeks;
    let week = week_now.min(program.weeks);
    let mut judged = Vec::new();
    let mut level = 0;
    for past in 1..week {
        let result = view.judge(past, level);
        level = result.next_level();
        judged.push(result);
    }
    let today_state = view.day_state(today);
    let state = match (finished, today_state) {
        (true, _) => State::Finished,
        (false, DayState::Paused) => State::Paused,
        (false, DayState::Rest) => State::RestDays,
        (false, DayState::Open) => State::Active,
    };
    let because = match state {
        State::Paused => view.checks().rfind(|c| c.level >= Level::Review),
        State::RestDays => view.checks().rfind(|c| c.level == Level::SelfCare),
        State::Active | State::Finished => None,
    }
    .cloned();
    let due = if finished || today < start {
        Vec::new()
    } else {
        view.due(week, level, today_state)
    };
    Status {
        week,
        level,
        state,
        due,
        done_this_week: view.done(week),
        planned_this_week: view.planned(week),
        judged,
        because,
        latest_check: view.checks().last().cloned(),
        not_started: today < start,
    }
}

/// The program week of a day (1 for the start day; 0 or below before it).
pub fn week_of(start: DayNumber, day: DayNumber) -> u32 {
    u32::try_from((day - start).div_euclid(7) + 1).unwrap_or(0)
}

/// The facts as they stood at the end of `today`, for one program.
struct View<'a> {
    program: &'a Program,
    start: DayNumber,
    today: DayNumber,
    sessions: Vec<&'a SessionFact>,
    checks: Vec<&'a CheckFact>,
}

impl<'a> View<'a> {
    fn new(program: &'a Program, start: DayNumber, facts: &'a Facts, today: DayNumber) -> Self {
        let sessions = facts
            .sessions
            .iter()
            .filter(|s| s.day >= start && s.day <= today)
            .filter(|s| s.program.as_deref() == Some(program.id.as_str()))
            .collect();
        let mut checks: Vec<&CheckFact> = facts.checks.iter().filter(|c| c.day <= today).collect();
        checks.sort_by_key(|c| c.at);
        Self {
            program,
            start,
            today,
            sessions,
            checks,
        }
    }

    fn checks(&self) -> impl DoubleEndedIterator<Item = &'a CheckFact> {
        self.checks.iter().copied()
    }

    fn days_of(&self, week: u32) -> std::ops::Range<DayNumber> {
        let first = self.start + 7 * (i64::from(week) - 1);
        first..first + 7
    }

    /// A day's state from the checks up to it (up to today for days still ahead): a check at
    /// `review` or higher pauses until a later `ok` or `self-care`; a `self-care` check makes its
    /// day and the two after rest days.
    fn day_state(&self, day: DayNumber) -> DayState {
        let known = day.min(self.today);
        let mut upto = self.checks.iter().filter(|c| c.day <= known);
        if upto
            .clone()
            .next_back()
            .is_some_and(|c| c.level >= Level::Review)
        {
            return DayState::Paused;
        }
        if upto.any(|c| c.level == Level::SelfCare && (0..REST_DAYS).contains(&(day - c.day))) {
            return DayState::Rest;
        }
        DayState::Open
    }

    fn open_days(&self, week: u32) -> Vec<DayNumber> {
        self.days_of(week)
            .filter(|d| self.day_state(*d) == DayState::Open)
            .collect()
    }

    fn planned_of(session: &SessionPlan, open: &[DayNumber]) -> u32 {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        match &session.schedule {
            Schedule::PerWeek(n) => (*n).min(count(open.len())),
            Schedule::Days(days) => count(
                open.iter()
                    .filter(|d| days.contains(&date_of(**d).weekday()))
                    .count(),
            ),
        }
    }

    /// Days of `week` on which `session`'s routine was done (once a day counts).
    fn done_days(&self, session: &SessionPlan, week: u32) -> Vec<DayNumber> {
        let range = self.days_of(week);
        let mut days: Vec<DayNumber> = self
            .sessions
            .iter()
            .filter(|s| s.routine == session.routine && range.contains(&s.day))
            .map(|s| s.day)
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }

    fn week_sessions(&self, week: u32) -> impl Iterator<Item = &'a SessionPlan> {
        self.program
            .sessions
            .iter()
            .filter(move |s| s.applies_in(week))
    }

    fn planned(&self, week: u32) -> u32 {
        let open = self.open_days(week);
        self.week_sessions(week)
            .map(|s| Self::planned_of(s, &open))
            .sum()
    }

    /// Sessions done that week, each of the program's sessions counted up to what it planned.
    fn done(&self, week: u32) -> u32 {
        let open = self.open_days(week);
        self.week_sessions(week)
            .map(|s| {
                let done = u32::try_from(self.done_days(s, week).len()).unwrap_or(u32::MAX);
                done.min(Self::planned_of(s, &open))
            })
            .sum()
    }

    fn judge(&self, week: u32, level: u32) -> WeekResult {
        let range = self.days_of(week);
        let gate = self.program.gate;
        let sessions: Vec<&SessionFact> = self
            .sessions
            .iter()
            .copied()
            .filter(|s| range.contains(&s.day))
            .collect();
        let checks: Vec<&CheckFact> = self
            .checks
            .iter()
            .copied()
            .filter(|c| range.contains(&c.day))
            .collect();
        let worst_pain = sessions.iter().filter_map(|s| s.pain).max();
        let worst_check = checks.iter().map(|c| c.level).max();
        let done = self.done(week);
        let planned = self.planned(week);
        let (verdict, reason) = if let Some(pain) = worst_pain.filter(|p| *p > gate.amber) {
            (
                Verdict::Red,
                format!("a session hurt {pain}/10 (above {})", gate.amber),
            )
        } else if let Some(level) = worst_check.filter(|l| *l >= Level::Review) {
            (
                Verdict::Red,
                format!("a pain check said {}", level.as_str()),
            )
        } else if let Some(pain) = worst_pain.filter(|p| *p > gate.green) {
            (
                Verdict::Amber,
                format!("a session hurt {pain}/10 (above {})", gate.green),
            )
        } else if sessions.iter().any(|s| s.morning == Some(Morning::Worse)) {
            (
                Verdict::Amber,
                "worse the morning after a session".to_owned(),
            )
        } else if worst_check == Some(Level::SelfCare) {
            (Verdict::Amber, "a pain check said self-care".to_owned())
        } else if done * 2 < planned {
            (
                Verdict::Amber,
                format!("{done} of {planned} sessions done (fewer than half)"),
            )
        } else {
            (
                Verdict::Green,
                format!(
                    "{done} of {planned} sessions done, pain at most {}/10",
                    gate.green
                ),
            )
        };
        WeekResult {
            week,
            level,
            verdict,
            reason,
            done,
            planned,
        }
    }

    /// What is still to do today.
    fn due(&self, week: u32, level: u32, state: DayState) -> Vec<Due> {
        let done_today = |routine: &str| {
            self.sessions
                .iter()
                .any(|s| s.day == self.today && s.routine == routine)
        };
        match state {
            DayState::Paused => Vec::new(),
            DayState::Rest if done_today(&self.program.rest_routine) => Vec::new(),
            DayState::Rest => vec![Due {
                routine: self.program.rest_routine.clone(),
                level: 0,
            }],
            DayState::Open => {
                let weekday = date_of(self.today).weekday();
                self.week_sessions(week)
                    .filter(|s| !done_today(&s.routine))
                    .filter(|s| match &s.schedule {
                        Schedule::Days(days) => days.contains(&weekday),
                        Schedule::PerWeek(n) => {
                            u32::try_from(self.done_days(s, week).len()).unwrap_or(u32::MAX) < *n
                        }
                    })
                    .map(|s| Due {
                        routine: s.routine.clone(),
                        level,
                    })
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests;
