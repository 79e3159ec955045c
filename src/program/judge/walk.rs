//! The program's course from its first day to today, day by day: pauses begin and end as the
//! checks come, each week is judged as it closes, and the level moves. Two red weeks in a row pause
//! it; with `on-green` a week that is not green is played again.

use super::plan::planned_each;
use super::week::{Trend, WeekFacts, WeekResult};
use super::{
    CheckFact, Facts, Pause, PauseCause, RestCause, ResumeFact, Resumed, SessionFact, SpikeFact,
    Status, Verdict, week_of,
};
use crate::calendar::DayNumber;
use crate::program::{Advance, Program, REST_DAYS, SessionPlan};
use crate::triage::Level;

/// How long after the check that paused a program a check can end the pause.
const PAUSE_SECONDS: i64 = 48 * 3600;

/// How a day stands: open, a rest day, or paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayState {
    Open,
    Rest,
    Paused,
}

/// The facts as they stood at the end of `today`, for one program.
pub(super) struct Walk<'a> {
    pub(super) program: &'a Program,
    pub(super) start: DayNumber,
    pub(super) today: DayNumber,
    pub(super) sessions: Vec<&'a SessionFact>,
    pub(super) checks: Vec<&'a CheckFact>,
    pub(super) resumes: Vec<&'a ResumeFact>,
    pub(super) spikes: Vec<&'a SpikeFact>,
}

/// Where the walk stands.
#[derive(Debug, Default)]
pub(super) struct Course {
    pub level: u32,
    /// The program week being played.
    pub week: u32,
    pub greens: u32,
    pub red_run: u32,
    pub repeat: bool,
    pub pause: Option<Pause>,
    pub resumed: Option<Resumed>,
    pub judged: Vec<WeekResult>,
    trend: Trend,
    pub finished: bool,
}

impl<'a> Walk<'a> {
    pub(super) fn new(
        program: &'a Program,
        start: DayNumber,
        facts: &'a Facts,
        today: DayNumber,
    ) -> Self {
        let mut sessions: Vec<&SessionFact> = facts
            .sessions
            .iter()
            .filter(|s| s.day >= start && s.day <= today)
            .filter(|s| s.program.as_deref() == Some(program.id.as_str()))
            .collect();
        sessions.sort_by_key(|s| s.at);
        let mut checks: Vec<&CheckFact> = facts.checks.iter().filter(|c| c.day <= today).collect();
        checks.sort_by_key(|c| c.at);
        let mut resumes: Vec<&ResumeFact> =
            facts.resumes.iter().filter(|r| r.day <= today).collect();
        resumes.sort_by_key(|r| r.at);
        let spikes = facts.spikes.iter().filter(|s| s.day <= today).collect();
        Self {
            program,
            start,
            today,
            sessions,
            checks,
            resumes,
            spikes,
        }
    }

    pub(super) fn status(&self) -> Status {
        let mut course = Course {
            week: 1,
            ..Course::default()
        };
        if self.today < self.start {
            return self.scheduled(&course);
        }
        // A check before the first day still counts: a program started under a `review` check is
        // paused from its first day until a check ends that pause.
        for check in self.checks.iter().filter(|c| c.day < self.start) {
            apply_check(&mut course, check, self.start);
        }
        course.resumed = None;
        let current = week_of(self.start, self.today);
        for calendar_week in 1..=current {
            // Gone on too long: only starting again ends that pause, so the weeks after it are
            // neither walked nor listed.
            let ended = course.pause.as_ref().map(|p| &p.cause) == Some(&PauseCause::TooLong);
            if ended && calendar_week < current {
                continue;
            }
            let states: Vec<(DayNumber, DayState)> = self
                .days_of(calendar_week)
                .map(|day| {
                    let state = if day <= self.today {
                        self.step_day(&mut course, day)
                    } else {
                        self.state_of(&course, day)
                    };
                    (day, state)
                })
                .collect();
            if calendar_week == current {
                return self.standing(course, &states);
            }
            self.close_week(&mut course, calendar_week, &states);
            if course.finished {
                return self.finished(&course);
            }
        }
        self.scheduled(&course)
    }

    pub(super) fn days_of(&self, calendar_week: u32) -> std::ops::Range<DayNumber> {
        let first = self.start + 7 * (i64::from(calendar_week) - 1);
        first..first + 7
    }

    pub(super) fn week_sessions(&self, week: u32) -> Vec<&'a SessionPlan> {
        self.program
            .sessions
            .iter()
            .filter(|s| s.applies_in(week))
            .collect()
    }

    /// The checks and resumes of `day`, in time order, then how the day stands.
    fn step_day(&self, course: &mut Course, day: DayNumber) -> DayState {
        for check in self.checks.iter().filter(|c| c.day == day) {
            apply_check(course, check, day);
        }
        let resumed_by_command = self.resumes.iter().any(|r| r.day == day)
            && course.pause.as_ref().is_some_and(|p| {
                p.cause == PauseCause::TwoRedWeeks && p.earliest_end().is_some_and(|d| day >= d)
            });
        if resumed_by_command {
            resume(course, day);
        }
        self.state_of(course, day)
    }

    fn state_of(&self, course: &Course, day: DayNumber) -> DayState {
        if course.pause.is_some() {
            DayState::Paused
        } else if self.rest_cause(day).is_some() {
            DayState::Rest
        } else {
            DayState::Open
        }
    }

    /// Why `day` is a rest day, if it is: a session the day before that hurt above `amber`, or a
    /// `self-care` check that day or the two before.
    pub(super) fn rest_cause(&self, day: DayNumber) -> Option<RestCause> {
        let amber = self.program.gate.amber;
        let painful = self
            .sessions
            .iter()
            .filter(|s| s.day == day - 1)
            .filter_map(|s| s.pain)
            .filter(|pain| *pain > amber)
            .max();
        if let Some(pain) = painful {
            return Some(RestCause::SessionPain { day: day - 1, pain });
        }
        self.checks
            .iter()
            .rfind(|c| c.level == Level::SelfCare && (0..REST_DAYS).contains(&(day - c.day)))
            .map(|c| RestCause::Check((*c).clone()))
    }

    /// Sessions of `routine` that count, on days of `days`.
    pub(super) fn done_days(
        &self,
        routine: &str,
        days: &std::ops::Range<DayNumber>,
    ) -> Vec<DayNumber> {
        let mut found: Vec<DayNumber> = self
            .sessions
            .iter()
            .filter(|s| s.routine == routine && days.contains(&s.day) && s.counts())
            .map(|s| s.day)
            .collect();
        found.dedup();
        found
    }

    /// Each session of `week` on the days of `states`: what it plans, and the days it was done.
    pub(super) fn tally(
        &self,
        week: u32,
        states: &[(DayNumber, DayState)],
    ) -> Vec<(&'a SessionPlan, u32, u32)> {
        let open: Vec<DayNumber> = states
            .iter()
            .filter(|(_, state)| *state == DayState::Open)
            .map(|(day, _)| *day)
            .collect();
        let days = states.first().map_or(0, |(d, _)| *d)..states.last().map_or(0, |(d, _)| d + 1);
        let sessions = self.week_sessions(week);
        let planned = planned_each(&sessions, &open, self.program.max_per_day);
        sessions
            .into_iter()
            .zip(planned)
            .map(|(session, planned)| {
                let done = u32::try_from(self.done_days(&session.routine, &days).len())
                    .unwrap_or(u32::MAX);
                (session, planned, done)
            })
            .collect()
    }

    fn close_week(
        &self,
        course: &mut Course,
        calendar_week: u32,
        states: &[(DayNumber, DayState)],
    ) {
        let days = self.days_of(calendar_week);
        let tally = self.tally(course.week, states);
        let planned: u32 = tally.iter().map(|(_, planned, _)| planned).sum();
        let done: u32 = tally
            .iter()
            .map(|(_, planned, done)| done.min(planned))
            .sum();
        let facts = WeekFacts {
            gate: self.program.gate,
            sessions: self
                .sessions
                .iter()
                .copied()
                .filter(|s| days.contains(&s.day))
                .collect(),
            checks: self
                .checks
                .iter()
                .copied()
                .filter(|c| days.contains(&c.day))
                .collect(),
            spikes: self
                .spikes
                .iter()
                .copied()
                .filter(|s| days.contains(&s.day))
                .collect(),
            done,
            planned,
            trend: course.trend,
        };
        let (verdict, judged, reason) = facts.judge();
        let highest_pain = facts.highest_pain();
        course.trend = course.trend.after(highest_pain);
        course.judged.push(WeekResult {
            week: course.week,
            calendar_week,
            level: course.level,
            verdict,
            judged,
            reason,
            done,
            planned,
            highest_pain,
        });
        let green = judged && verdict == Verdict::Green;
        if green {
            course.greens += 1;
        }
        let finishing = match self.program.advance {
            Advance::Calendar => calendar_week >= self.program.weeks,
            Advance::OnGreen => course.greens >= self.program.weeks,
        };
        if finishing {
            course.finished = true;
            return;
        }
        course.level = match verdict {
            Verdict::Green if judged => {
                let up = course.level + 1;
                self.program.max_level.map_or(up, |cap| up.min(cap))
            }
            Verdict::Red => course.level.saturating_sub(1),
            Verdict::Green | Verdict::Amber => course.level,
        };
        if judged {
            course.resumed = None;
            course.red_run = if verdict == Verdict::Red {
                course.red_run + 1
            } else {
                0
            };
        }
        match self.program.advance {
            Advance::Calendar => course.week = calendar_week + 1,
            Advance::OnGreen if green => {
                course.week += 1;
                course.repeat = false;
            }
            Advance::OnGreen => course.repeat = true,
        }
        let next_day = days.end;
        if course.red_run >= 2 && course.pause.is_none() {
            course.pause = Some(Pause {
                since: next_day,
                cause: PauseCause::TwoRedWeeks,
                level_at: course.judged.last().map_or(0, |w| w.level),
            });
            course.red_run = 0;
        }
        let too_long = self.program.advance == Advance::OnGreen
            && calendar_week >= self.program.max_weeks
            && course.pause.as_ref().map(|p| &p.cause) != Some(&PauseCause::TooLong);
        if too_long {
            course.pause = Some(Pause {
                since: next_day,
                cause: PauseCause::TooLong,
                level_at: course.level,
            });
        }
    }
}

/// A check taken on `day`: at `review` or higher it pauses the program (or becomes the check a
/// pause counts from); `ok` or `self-care` may end a pause.
fn apply_check(course: &mut Course, check: &CheckFact, day: DayNumber) {
    if check.level >= Level::Review {
        match &mut course.pause {
            None => {
                course.pause = Some(Pause {
                    since: day,
                    cause: PauseCause::Check(check.clone()),
                    level_at: course.level,
                });
            }
            Some(pause) if pause.cause != PauseCause::TooLong => {
                pause.cause = PauseCause::Check(check.clone());
            }
            Some(_) => {}
        }
    } else if course
        .pause
        .as_ref()
        .is_some_and(|p| ends_by_check(p, check))
    {
        resume(course, day);
    }
}

/// Whether `check` ends `pause`: `ok` or `self-care`, on a later local day than the check that
/// paused it and at least 48 hours after it; after two red weeks, two days after the pause began.
fn ends_by_check(pause: &Pause, check: &CheckFact) -> bool {
    if !matches!(check.level, Level::Ok | Level::SelfCare) {
        return false;
    }
    match &pause.cause {
        PauseCause::Check(paused_by) => {
            check.day > paused_by.day && check.at.0 >= paused_by.at.0 + PAUSE_SECONDS
        }
        PauseCause::TwoRedWeeks => pause.earliest_end().is_some_and(|day| check.day >= day),
        PauseCause::TooLong => false,
    }
}

/// Ends the pause on `day`: the program goes on one level below the one played when it began.
fn resume(course: &mut Course, day: DayNumber) {
    let Some(pause) = course.pause.take() else {
        return;
    };
    course.level = course.level.min(pause.level_at.saturating_sub(1));
    course.resumed = Some(Resumed {
        day,
        level: course.level,
        from_level: pause.level_at,
    });
}
