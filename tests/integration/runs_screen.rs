//! The runs screen (`r` from the library and Today): 12 weeks of distance with spikes marked by a
//! character, the budget line and the recent runs, pinned at 80×24 and 120×40; and what it says
//! with no runs yet.

use crate::common::runs::runs_with_spikes;
use crate::common::{NOW, Shot};
use limberup::app::HistoryView;
use limberup::calendar::Calendar;
use limberup::engine::AppInstant;

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
    let effects = update(
        &mut app,
        Msg::Key(
            KeyEvent::from(KeyCode::Char('r')),
            AppInstant::from_millis(1),
        ),
    );
    assert!(matches!(app.screen(), Screen::Runs));
    assert!(effects.contains(&Effect::ReloadHistory), "{effects:?}");
    let runs = runs_with_spikes(TODAY);
    let effects = update(
        &mut app,
        Msg::HistoryLoaded(Ok((Vec::new(), Vec::new(), runs.clone()))),
    );
    assert!(effects.contains(&Effect::Redraw), "{effects:?}");
    assert_eq!(app.history().runs().len(), runs.len());
}

/// A program from Monday 2 March 2026 and 10 km runs since late January, then 14 km on Tuesday
/// 3 March: a spike of 40%.
fn program_with_a_spike() -> tempfile::TempDir {
    use crate::common::cli::{limberup_in, ok};
    use crate::common::runs::gpx_run;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path();
    ok(&limberup_in(
        "Europe/Paris",
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        path,
    ));
    let runs = [
        ("2026-01-25", 10_000.0),
        ("2026-02-08", 10_000.0),
        ("2026-02-20", 10_000.0),
        ("2026-02-27", 10_000.0),
        ("2026-03-03", 14_000.0),
    ];
    for (date, metres) in runs {
        let file = gpx_run(
            path,
            &format!("{date}.gpx"),
            &format!("{date}T07:00:00Z"),
            60,
            metres,
        );
        let file = file.to_str().expect("utf-8").to_owned();
        ok(&limberup_in(
            "Europe/Paris",
            &["runs", "import", &file],
            path,
        ));
    }
    dir
}

fn today_on(dir: &std::path::Path, date: &str) -> String {
    crate::common::cli::ok(&crate::common::cli::limberup_in(
        "Europe/Paris",
        &["snapshot", "--today", date],
        dir,
    ))
}

/// For seven days after a spike, Today names it, with the budget line and the after-run routines.
#[test]
fn today_with_a_spike() {
    let dir = program_with_a_spike();
    let screen = today_on(dir.path(), "2026-03-05");
    assert!(screen.contains("was 40% longer"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn today_names_the_spike_for_seven_days_only() {
    let dir = program_with_a_spike();
    assert!(today_on(dir.path(), "2026-03-10").contains("was 40% longer"));
    assert!(!today_on(dir.path(), "2026-03-11").contains("was 40% longer"));
}

/// A pain check in the week after a spike lists the run under "also noted".
#[test]
fn a_check_after_a_spike_notes_it() {
    let screen = Shot::new()
        .size(100, 40)
        .history(with_runs())
        .keys("c@1")
        .answers("tests/fixtures/answers/self-care.toml")
        .at("1");
    assert!(screen.contains("Also noted"), "{screen}");
    assert!(screen.contains("was 67% longer"), "{screen}");
}
