//! The one way the app changes: [`update`] takes a message (a key, time passing, a new size, what
//! an output reported) and returns the effects to carry out, in the order they arose. It does no
//! I/O; the runtime plays the sounds, draws, saves and reads the history, and reports back with
//! more messages.

use crossterm::event::KeyEvent;

use super::App;
use super::records::{Loaded, Record};
use crate::audio::{Cued, Sound};
use crate::engine::AppInstant;

/// Something that happened to the app.
// Not `Eq`: a loaded history holds runs, whose distances are floating point.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key pressed at this time.
    Key(KeyEvent, AppInstant),
    /// Time passed: it is now this time.
    Tick(AppInstant),
    /// The terminal is now this many columns and rows.
    Resize { width: u16, height: u16 },
    /// Why sound does not work now (`None`: it does).
    SoundProblem(Option<String>),
    /// How saving a record to the history went (the error as the user reads it).
    Saved(Result<(), String>),
    /// The history as read again, when it changed on disk.
    HistoryLoaded(Result<Loaded, String>),
    /// A termination signal, or a terminal that went away, at this time: what runs is recorded as
    /// quit, then the app leaves.
    Terminate(AppInstant),
    /// A stop signal from outside (`kill -TSTP`) at this time: suspend as for ctrl-z.
    Suspend(AppInstant),
}

/// Something for the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Hand an engine event, with its sounds, to the sound player.
    Play(Cued),
    /// Decode a started routine's own sounds ahead of their cues.
    Prepare(Vec<Sound>),
    /// Write a session, a check, a morning answer or the profile to the history.
    Save(Record),
    /// Read the history again (it is on screen, and another limberup may have written to it).
    ReloadHistory,
    /// What the screen shows changed.
    Redraw,
    /// The app is done: leave once everything before this is carried out.
    Quit,
    /// Hand the terminal back to the shell until the user resumes (ctrl-z, `kill -TSTP`).
    Suspend,
}

/// Applies `msg` to the app; returns what to do about it. Whether the screen must be drawn again
/// is decided here, once, for every message: [`Effect::Redraw`] comes last when it may have changed
/// what shows. A key always redraws (a frame that did not change costs the terminal nothing: only
/// changed cells are written), so no handler keeps count of what it changed; time passing redraws
/// only when the app says the screen moved on (a second, a cue, a figure's frame), as ticks are
/// many and most change nothing.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let was_quitting = app.should_quit;
    let changed = match msg {
        Msg::Key(key, at) => {
            app.handle_key(key, at);
            true
        }
        Msg::Tick(at) => app.tick(at),
        Msg::Resize { width, height } => {
            app.resize(width, height);
            true
        }
        Msg::SoundProblem(problem) => {
            let changed = problem != app.sound_problem;
            app.sound_problem = problem;
            changed
        }
        Msg::Saved(Ok(())) => false,
        Msg::Saved(Err(problem)) => {
            app.history.problem = Some(problem);
            true
        }
        Msg::HistoryLoaded(loaded) => app.reloaded(loaded),
        Msg::Terminate(at) => {
            app.tick(at);
            app.quit_now();
            true
        }
        Msg::Suspend(at) => {
            app.suspend(at);
            true
        }
    };
    let mut effects = std::mem::take(&mut app.outbox);
    if app.should_quit && !was_quitting {
        effects.push(Effect::Quit);
    }
    if changed {
        effects.push(Effect::Redraw);
    }
    effects
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent};

    use super::*;
    use crate::config::Settings;
    use crate::routine::Library;

    /// Redrawing is decided here by the kind of message: any key redraws (even one that does
    /// nothing), and time passing only when what shows moved on.
    #[test]
    fn keys_always_redraw_and_ticks_only_when_the_screen_moved_on() {
        let library = Library::load(None).expect("built-ins load");
        let mut app = App::with_library(library, &Settings::default());
        let unbound = KeyEvent::from(KeyCode::Char('%'));
        assert!(
            update(&mut app, Msg::Key(unbound, AppInstant::from_millis(10)))
                .contains(&Effect::Redraw)
        );
        assert!(
            !update(&mut app, Msg::Tick(AppInstant::from_millis(20))).contains(&Effect::Redraw)
        );
    }
}
