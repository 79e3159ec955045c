//! The runs screen (`r` from the library and Today): 12 weeks of distance with spikes marked by a
//! character, the budget line and the recent runs, pinned at 80×24 and 120×40; and what it says
//! with no runs yet.

use crate::common::runs::runs_with_spikes;
use crate::common::{NOW, Shot};
use limberup::app::HistoryView;
use limberup::calendar::Calendar;

/// The day of [`NOW`] (Tuesday 24 November 2026).
const TODAY: i64 = NOW.0 / 86_400;

fn with_runs() -> HistoryView {
    let mut history = HistoryView::starting_at(NOW, Calendar::utc());
    history.set_runs(runs_with_spikes(TODAY));
    history
}

fn runs_screen(width: u16, height: u16) -> String {
    Shot::new()
        .size(width, height)
        .keys("r@1")
        .history(with_runs())
        .at("1")
}

#[test]
fn runs_at_80x24() {
    insta::assert_snapshot!(runs_screen(80, 24));
}

#[test]
fn runs_at_120x40() {
    insta::assert_snapshot!(runs_screen(120, 40));
}

#[test]
fn runs_empty_says_how_to_import() {
    let screen = Shot::new().keys("r@1").at("1");
    assert!(screen.contains("limberup runs import FILE"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The spike reads without colour: its week carries `▲67%` under its bar, the run its flag.
#[test]
fn spikes_are_marked_with_a_character() {
    let screen = Shot::new()
        .keys("r@1")
        .history(with_runs())
        .no_color()
        .at("1");
    assert!(screen.contains("▲67%"), "{screen}");
    assert!(screen.contains("spike 67%"), "{screen}");
    assert!(
        screen.contains("Longest run in the last 30 days: 18.4 km."),
        "{screen}"
    );
}

/// The budget line is the one `runs weeks` prints, and `esc` goes back to the library.
#[test]
fn escape_goes_back_home() {
    let screen = Shot::new().keys("r@1,esc@2").history(with_runs()).at("2");
    assert!(!screen.contains("limberup · runs"), "{screen}");
    assert!(screen.contains("r runs"), "{screen}");
}

/// `r` only asks for the history to be read (off the key path); the runs arrive as a message.
#[test]
fn the_runs_are_read_again_when_the_screen_opens() {
    use crossterm::event::{KeyCode, KeyEvent};
    use limberup::app::{App, Effect, Msg, Screen, update};
    let mut app = App::with_library(
        limberup::routine::Library::load(None).expect("built-ins load"),
        &limberup::config::Settings::default(),
    );
    let effects = update(&mut app, Msg::Key(KeyEvent::from(KeyCode::Char('r')), 1));
    assert!(matches!(app.screen, Screen::Runs));
    assert!(effects.contains(&Effect::ReloadHistory), "{effects:?}");
    let runs = runs_with_spikes(TODAY);
    let effects = update(
        &mut app,
        Msg::HistoryLoaded(Ok((Vec::new(), Vec::new(), runs.clone()))),
    );
    assert!(effects.contains(&Effect::Redraw), "{effects:?}");
    assert_eq!(app.history.runs.len(), runs.len());
}
