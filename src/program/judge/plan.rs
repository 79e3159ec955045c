//! How many sessions a week plans, and what is due on a day: never more than `max_per_day` a day,
//! so nothing piles up after rest days or a pause.

use crate::calendar::{DayNumber, date_of};
use crate::program::{Schedule, SessionPlan};

/// A routine due today, at a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub routine: String,
    pub level: u32,
}

/// How many of each session (in the program's order) a week plans on its `open` days: a `days`
/// session on each open day of its weekdays, then the `per_week` ones in the room left, each day
/// holding at most `cap` and at most one of each routine.
pub(super) fn planned_each(sessions: &[&SessionPlan], open: &[DayNumber], cap: u32) -> Vec<u32> {
    let mut planned = vec![0; sessions.len()];
    let mut room: u32 = 0;
    for day in open {
        let weekday = date_of(*day).weekday();
        let mut left = cap;
        for (index, session) in sessions.iter().enumerate() {
            let on_this_day = match &session.schedule {
                Schedule::Days(days) => days.contains(&weekday),
                Schedule::PerWeek(_) => false,
            };
            if on_this_day && left > 0 {
                planned[index] += 1;
                left -= 1;
            }
        }
        room += left;
    }
    let open_days = u32::try_from(open.len()).unwrap_or(u32::MAX);
    for (index, session) in sessions.iter().enumerate() {
        if let Schedule::PerWeek(n) = session.schedule {
            let fits = n.min(open_days).min(room);
            planned[index] = fits;
            room -= fits;
        }
    }
    planned
}

/// What one session of the week stands at today.
pub(super) struct WeekSession<'s> {
    pub session: &'s SessionPlan,
    /// How many this week plans.
    pub planned: u32,
    /// Days of this week on which it was done (counting only sessions that count).
    pub done_days: u32,
    /// Done today already.
    pub done_today: bool,
}

/// What is due on an open day: the `days` sessions of its weekday, then the `per_week` ones still
/// short of what the week plans, none already done today, at most `cap` a day with those done;
/// listed in the program's order.
pub(super) fn due_on(
    day: DayNumber,
    sessions: &[WeekSession<'_>],
    cap: u32,
    level: u32,
) -> Vec<Due> {
    let weekday = date_of(day).weekday();
    let done_today = sessions.iter().filter(|s| s.done_today).count();
    let slots = usize::try_from(cap)
        .unwrap_or(usize::MAX)
        .saturating_sub(done_today);
    let fixed = sessions.iter().filter(|s| match &s.session.schedule {
        Schedule::Days(days) => days.contains(&weekday),
        Schedule::PerWeek(_) => false,
    });
    let any_day = sessions.iter().filter(|s| match s.session.schedule {
        Schedule::PerWeek(_) => s.done_days < s.planned,
        Schedule::Days(_) => false,
    });
    let chosen: Vec<&str> = fixed
        .chain(any_day)
        .filter(|s| !s.done_today)
        .take(slots)
        .map(|s| s.session.routine.as_str())
        .collect();
    // Listed in the program's order; the fixed days only win the day's room.
    sessions
        .iter()
        .filter(|s| chosen.contains(&s.session.routine.as_str()))
        .map(|s| Due {
            routine: s.session.routine.clone(),
            level,
        })
        .collect()
}
