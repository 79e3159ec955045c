//! The walk's end: where the program stands today (or at its end, or before its start), what is
//! due, and whether to ask for a pain check.

use super::plan::{WeekSession, due_on, planned_each};
use super::walk::{Course, DayState, Walk};
use super::{Due, State, Status, words};
use crate::calendar::DayNumber;

impl Walk<'_> {
    /// The latest session that hurt above `amber`, on its day and the rest day after it, while no
    /// check was taken since.
    fn ask_check(&self) -> Option<u8> {
        let amber = self.program.gate.amber;
        let painful = self
            .sessions
            .iter()
            .rfind(|s| s.pain.is_some_and(|p| p > amber))?;
        if self.today > painful.day + 1 || self.checks.iter().any(|c| c.at >= painful.at) {
            return None;
        }
        painful.pain
    }

    pub(super) fn standing(&self, course: Course, days: &[(DayNumber, DayState)]) -> Status {
        let tally = self.tally(course.week, days);
        let today_state = days
            .iter()
            .find(|(day, _)| *day == self.today)
            .map_or(DayState::Open, |(_, state)| *state);
        let state = match today_state {
            DayState::Paused => State::Paused,
            DayState::Rest => State::RestDays,
            DayState::Open => State::Active,
        };
        let done_today = |routine: &str| {
            self.sessions
                .iter()
                .any(|s| s.day == self.today && s.routine == routine && s.counts())
        };
        let due: Vec<Due> = match today_state {
            DayState::Paused => Vec::new(),
            DayState::Rest if done_today(&self.program.rest_routine) => Vec::new(),
            DayState::Rest => vec![Due {
                routine: self.program.rest_routine.clone(),
                level: 0,
            }],
            DayState::Open => {
                let today: Vec<WeekSession<'_>> = tally
                    .iter()
                    .map(|(session, planned, done)| WeekSession {
                        session,
                        planned: *planned,
                        done_days: *done,
                        done_today: done_today(&session.routine),
                    })
                    .collect();
                due_on(self.today, &today, self.program.max_per_day, course.level)
            }
        };
        let rest = (state == State::RestDays)
            .then(|| self.rest_cause(self.today))
            .flatten();
        let planned: u32 = tally.iter().map(|(_, planned, _)| planned).sum();
        let done: u32 = tally
            .iter()
            .map(|(_, planned, done)| done.min(planned))
            .sum();
        let mut status = Status {
            week: course.week,
            level: course.level,
            state,
            due,
            done_this_week: done,
            planned_this_week: planned,
            judged: Vec::new(),
            pause: course.pause.clone(),
            rest,
            resumed: course.resumed.clone(),
            latest_check: self.checks.last().map(|c| (*c).clone()),
            starts_on: self.start,
            repeat: course.repeat,
            advice: None,
            reason: String::new(),
            ask_check: self.ask_check(),
        };
        status.judged = course.judged;
        words::explain(&mut status, self.program);
        status
    }

    pub(super) fn finished(&self, course: &Course) -> Status {
        let last = course.judged.last();
        let mut status = Status {
            week: self.program.weeks,
            level: course.level,
            state: State::Finished,
            due: Vec::new(),
            done_this_week: last.map_or(0, |w| w.done),
            planned_this_week: last.map_or(0, |w| w.planned),
            judged: course.judged.clone(),
            pause: None,
            rest: None,
            resumed: None,
            latest_check: self.checks.last().map(|c| (*c).clone()),
            starts_on: self.start,
            repeat: false,
            advice: None,
            reason: String::new(),
            ask_check: self.ask_check(),
        };
        words::explain(&mut status, self.program);
        status
    }

    /// Before the first day: nothing due, week 1 planned in full.
    pub(super) fn scheduled(&self, course: &Course) -> Status {
        let open: Vec<DayNumber> = self.days_of(1).collect();
        let planned = planned_each(&self.week_sessions(1), &open, self.program.max_per_day);
        let mut status = Status {
            week: 1,
            level: 0,
            state: State::Scheduled,
            due: Vec::new(),
            done_this_week: 0,
            planned_this_week: planned.iter().sum(),
            judged: course.judged.clone(),
            pause: None,
            rest: None,
            resumed: None,
            latest_check: self.checks.last().map(|c| (*c).clone()),
            starts_on: self.start,
            repeat: false,
            advice: None,
            reason: String::new(),
            ask_check: None,
        };
        words::explain(&mut status, self.program);
        status
    }
}
