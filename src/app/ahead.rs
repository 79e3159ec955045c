//! The cues due next, worked out before their moment so the sound thread can start them on the sound
//! card's clock (issue 27): the app's own thread may wake late on a loaded machine, the card does not.

use std::time::Duration;

use super::{App, Screen};
use crate::audio::cues::sounds_for;
use crate::audio::{Ahead, Cued, HAND_AHEAD_MS};
use crate::engine::{AppInstant, Millis};

/// The least time before a cue that a wake-up for something else may hand it over instead of one of
/// its own: still twice the 73 ms the app's thread was seen waking late on a loaded machine.
const LEAST_AHEAD_MS: Millis = 150;

impl App {
    /// The cues the routine will give at its next deadline, with their sounds, when that is less
    /// than [`HAND_AHEAD`](crate::audio::HAND_AHEAD) after `now` and the routine plays unmuted. They are worked out on a copy
    /// of the session, so they are exactly the events its tick will give then (or none, if a key
    /// changes the routine first, and then this says `None` or other cues).
    pub fn cues_ahead(&self, now: AppInstant) -> Option<Ahead> {
        let (player, due) = self.next_sounding_deadline()?;
        let due_in = due
            .checked_sub(now)
            .filter(|&d| d > 0 && d <= HAND_AHEAD_MS)?;
        let mut session = player.session.clone();
        let cues = session
            .advance(due)
            .into_iter()
            .map(|event| Cued {
                sounds: sounds_for(
                    &event,
                    &player.routine,
                    session.plan(),
                    self.prefs.cue_style.voice(),
                ),
                event,
            })
            .collect();
        Some(Ahead {
            due_in: Duration::from_millis(due_in),
            cues,
        })
    }

    /// The next wake-up, given `wake` (the player's own): [`HAND_AHEAD`](crate::audio::HAND_AHEAD)
    /// before the next cue when that comes first, unless `wake` itself comes early enough before
    /// the cue to hand it over then (a figure's frame often does): a cue costs one wake-up more at
    /// most, and often none.
    pub(super) fn with_hand_ahead(&self, wake: Option<AppInstant>) -> Option<AppInstant> {
        let Some(hand_at) = self.next_hand_ahead() else {
            return wake;
        };
        match wake {
            Some(at) if at <= hand_at => Some(at),
            Some(at) if at <= hand_at + HAND_AHEAD_MS - LEAST_AHEAD_MS => Some(at),
            _ => Some(hand_at),
        }
    }

    /// When the cues due next are to be handed to the sound thread: [`HAND_AHEAD`](crate::audio::HAND_AHEAD)
    /// before their moment, while a routine plays unmuted and that moment is still to come.
    fn next_hand_ahead(&self) -> Option<AppInstant> {
        let (_, due) = self.next_sounding_deadline()?;
        let at = due.earlier_by(HAND_AHEAD_MS);
        (at > self.now).then_some(at)
    }

    /// The playing routine and its next deadline, while it plays unmuted: the only cues worth handing
    /// ahead.
    fn next_sounding_deadline(&self) -> Option<(&super::player::PlayerScreen, AppInstant)> {
        let Screen::Player(player) = &self.screen else {
            return None;
        };
        if self.muted() {
            return None;
        }
        Some((player, player.session.next_deadline()?))
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent};

    use super::*;
    use crate::app::update::{Effect, Msg, update};
    use crate::audio::HAND_AHEAD;
    use crate::config::Settings;
    use crate::routine::Library;

    const ROUTINE: &str = r#"
name = "Ahead"
kind = "stretch"
[defaults]
prepare = "2s"
countdown = 1
rest = "2s"
switch = "2s"
[[steps]]
name = "Hold"
duration = "6s"
[[steps]]
name = "Sides"
duration = "2s"
sides = "both"
"#;

    fn playing(settings: &Settings) -> App {
        let library = Library::load(None).expect("built-ins load");
        let mut app = App::with_library(library, settings);
        let routine = crate::routine::load::routine_from_text(ROUTINE);
        app.start(routine);
        let _ = update(&mut app, Msg::Tick(AppInstant::START));
        app
    }

    fn played(effects: Vec<Effect>) -> Vec<Cued> {
        effects
            .into_iter()
            .filter_map(|effect| match effect {
                Effect::Play(cued) => Some(cued),
                _ => None,
            })
            .collect()
    }

    /// At every deadline of a whole routine, what was handed ahead is exactly what the tick then
    /// plays, sounds included, and the hand-over moment comes [`HAND_AHEAD`](crate::audio::HAND_AHEAD) before each deadline.
    #[test]
    fn the_cues_handed_ahead_are_those_the_deadline_plays() {
        let mut app = playing(&Settings::default());
        let mut deadlines = 0;
        while let Some(due) = app.next_deadline() {
            let hand_at = due - HAND_AHEAD_MS;
            assert_eq!(
                app.next_hand_ahead(),
                Some(hand_at).filter(|&at| at > app.now)
            );
            assert_eq!(app.cues_ahead(hand_at - 1), None, "not before its time");
            let _ = update(&mut app, Msg::Tick(hand_at));
            let ahead = app.cues_ahead(hand_at).expect("handed ahead");
            assert_eq!(ahead.due_in, HAND_AHEAD);
            // The app's thread wakes 70 ms late.
            let came = played(update(&mut app, Msg::Tick(due + 70)));
            assert_eq!(ahead.cues, came, "at {due:?}");
            assert!(
                came.iter().any(|cued| !cued.sounds.is_empty()),
                "at {due:?}"
            );
            deadlines += 1;
        }
        assert!(deadlines >= 10, "{deadlines} deadlines");
    }

    /// Muted or paused, nothing is handed ahead (and the sound thread calls off what was).
    #[test]
    fn nothing_is_handed_ahead_muted_or_paused() {
        let muted = Settings {
            muted: true,
            ..Settings::default()
        };
        let app = playing(&muted);
        let due = app.next_deadline().expect("a deadline");
        assert_eq!(app.cues_ahead(due - 100), None);
        assert_eq!(app.next_hand_ahead(), None);

        let mut app = playing(&Settings::default());
        let due = app.next_deadline().expect("a deadline");
        assert!(app.cues_ahead(due - 100).is_some());
        let _ = update(
            &mut app,
            Msg::Key(KeyEvent::from(KeyCode::Char(' ')), due - 100),
        );
        assert_eq!(app.cues_ahead(due - 90), None, "paused");
        assert_eq!(app.next_hand_ahead(), None);
    }

    /// A wake-up for something else early enough before the cue hands it over: no wake-up of its
    /// own then; one too close to the cue (or none) leaves the hand-over its own.
    #[test]
    fn a_wake_up_early_enough_before_a_cue_hands_it_over() {
        let app = playing(&Settings::default());
        let due = app.next_deadline().expect("a deadline");
        let hand_at = due - HAND_AHEAD_MS;
        assert_eq!(app.with_hand_ahead(None), Some(hand_at));
        assert_eq!(app.with_hand_ahead(Some(hand_at - 10)), Some(hand_at - 10));
        assert_eq!(app.with_hand_ahead(Some(hand_at + 50)), Some(hand_at + 50));
        assert_eq!(
            app.with_hand_ahead(Some(due - LEAST_AHEAD_MS)),
            Some(due - LEAST_AHEAD_MS)
        );
        assert_eq!(
            app.with_hand_ahead(Some(due - LEAST_AHEAD_MS + 1)),
            Some(hand_at)
        );
        assert_eq!(app.with_hand_ahead(Some(due)), Some(hand_at));
        assert!(
            app.cues_ahead(due - LEAST_AHEAD_MS).is_some(),
            "handed then"
        );
    }
}
