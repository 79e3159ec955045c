//! The player screen's state: a routine, its session, and the player's keys.

use super::bindings::PlayerKey;
use crate::engine::{ADJUST_STEP_MS, AppInstant, Event, Session};
use crate::plan::Plan;
use crate::routine::Routine;

#[derive(Debug)]
pub struct PlayerScreen {
    pub routine: Routine,
    pub session: Session,
}

impl PlayerScreen {
    /// Starts `routine`; `countdown`, the runner's own setting, replaces the routine's countdowns.
    pub fn start(routine: Routine, now: AppInstant, countdown: Option<u32>) -> (Self, Vec<Event>) {
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

pub(super) enum Action {
    /// What the engine did (no events: nothing to hand on).
    Events(Vec<Event>),
    ToggleMute,
    Help,
    AskQuit,
}

/// Acts on a player key (from [`crate::app::bindings::PLAYER`]).
pub(super) fn act(player: &mut PlayerScreen, key: PlayerKey, now: AppInstant) -> Action {
    let session = &mut player.session;
    let events = match key {
        PlayerKey::Pause => session.toggle_pause(now),
        PlayerKey::Next => session.skip(now),
        PlayerKey::Back => session.back(now),
        PlayerKey::More => session.adjust(now, ADJUST_STEP_MS),
        PlayerKey::Less => session.adjust(now, -ADJUST_STEP_MS),
        PlayerKey::Done => session.done(now),
        PlayerKey::Mute => return Action::ToggleMute,
        PlayerKey::Help => return Action::Help,
        PlayerKey::Quit => return Action::AskQuit,
    };
    Action::Events(events)
}
