//! The player screen's state: a routine, its session, and the player's keys.

use crossterm::event::{KeyCode, KeyEvent};

use crate::engine::{ADJUST_STEP_MS, Event, Millis, Session};
use crate::plan::Plan;
use crate::routine::Routine;

#[derive(Debug)]
pub struct PlayerScreen {
    pub routine: Routine,
    pub session: Session,
}

impl PlayerScreen {
    /// Starts `routine`; `countdown`, the runner's own setting, replaces the routine's countdowns.
    pub fn start(routine: Routine, now: Millis, countdown: Option<u32>) -> (Self, Vec<Event>) {
        let mut plan = Plan::build(&routine);
        if let Some(countdown) = countdown {
            for segment in &mut plan.segments {
                segment.countdown = countdown;
            }
        }
        let (session, events) = Session::start(plan, now);
        (Self { routine, session }, events)
    }
}

pub enum Action {
    Events(Vec<Event>),
    Changed,
    Unchanged,
    ToggleMute,
    Help,
    AskQuit,
}

pub fn handle_key(player: &mut PlayerScreen, key: KeyEvent, now: Millis) -> Action {
    let session = &mut player.session;
    let was_paused = session.is_paused();
    let before = (session.current_index(), session.length());
    let events = match key.code {
        KeyCode::Char(' ') => session.toggle_pause(now),
        KeyCode::Char('n') | KeyCode::Right => session.skip(now),
        KeyCode::Char('p') | KeyCode::Left => session.back(now),
        KeyCode::Char('+' | '=') => session.adjust(now, ADJUST_STEP_MS),
        KeyCode::Char('-' | '_') => session.adjust(now, -ADJUST_STEP_MS),
        KeyCode::Enter => session.done(now),
        KeyCode::Char('m') => return Action::ToggleMute,
        KeyCode::Char('?') => return Action::Help,
        KeyCode::Char('q') | KeyCode::Esc => return Action::AskQuit,
        _ => return Action::Unchanged,
    };
    let moved =
        (session.current_index(), session.length()) != before || was_paused != session.is_paused();
    if events.is_empty() {
        if moved {
            Action::Changed
        } else {
            Action::Unchanged
        }
    } else {
        Action::Events(events)
    }
}
