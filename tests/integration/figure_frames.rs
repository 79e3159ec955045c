//! A figure's frames through the app: it moves 3 frames a second while on screen, stands
//! still (and wakes nothing) while paused, and costs nothing where it is not drawn.

use crossterm::event::{KeyCode, KeyEvent};
use limberup::app::App;
use limberup::config::Settings;
use limberup::engine::AppInstant;
use limberup::figure::FRAME_MS;
use limberup::routine::Library;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FIXTURE: &str = "tests/fixtures/screens/figures.toml";

/// The app's instant `since_start` milliseconds after it started.
fn at(since_start: u64) -> AppInstant {
    AppInstant::from_millis(since_start)
}

fn app(size: (u16, u16), settings: &Settings) -> App {
    let library = Library::load(None).expect("built-ins load");
    let routine = library.resolve(FIXTURE).expect("fixture loads");
    let mut app = App::run_routine(library, routine, settings, AppInstant::START);
    app.resize(size.0, size.1);
    app
}

fn screen(app: &App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(limberup::ui::View(app), frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn a_moving_figure_wakes_within_a_frame_and_changes() {
    let mut app = app((120, 40), &Settings::default());
    app.tick(at(20_000));
    let wake = app.next_wake().expect("a figure moves");
    let in_ms = wake.checked_sub(at(20_000)).expect("after now");
    assert!(in_ms > 0 && in_ms <= FRAME_MS, "{wake:?}");
    assert_eq!(app.next_figure_frame(), Some(at(20_333)));
    let before = screen(&app);
    assert!(app.tick(at(20_333)), "a frame is a change");
    assert_ne!(screen(&app), before, "cat-cow moves in a third of a second");
    // Three frames a second, the countdown's change among them: 10 s of wake-ups; with sound on,
    // at most one more a cue, to hand its sounds over a quarter of a second ahead (issue 27).
    let (wakes, cues) = wakes_until(&mut app, 20_333, 30_000);
    assert!(
        wakes <= 30 + cues,
        "{wakes} wake-ups in 10 s with {cues} cues"
    );
    let mut muted = self::app(
        (120, 40),
        &Settings {
            muted: true,
            ..Settings::default()
        },
    );
    muted.tick(at(20_333));
    let (wakes, _) = wakes_until(&mut muted, 20_333, 30_000);
    assert!(wakes <= 30, "{wakes} wake-ups in 10 s, muted");
}

/// Wakes the app as the loop would from `from` until `until`: how many wake-ups, and how many cue
/// deadlines among them.
fn wakes_until(app: &mut App, from: u64, until: u64) -> (u64, u64) {
    let (mut now, until) = (at(from), at(until));
    let (mut wakes, mut cues) = (0, 0);
    while now < until {
        let deadline = app.next_deadline();
        now = app.next_wake().expect("wakes");
        cues += u64::from(deadline == Some(now));
        app.tick(now);
        wakes += 1;
    }
    (wakes, cues)
}

#[test]
fn a_paused_figure_does_not_change_between_frames() {
    let mut app = app((120, 40), &Settings::default());
    // After the halfway cue's label has gone (it clears itself 2 s after sounding).
    app.tick(at(23_000));
    app.handle_key(KeyEvent::from(KeyCode::Char(' ')), at(23_100));
    assert_eq!(app.next_figure_frame(), None, "no frames while paused");
    assert_eq!(app.next_wake(), None, "nothing wakes a paused player");
    let paused = screen(&app);
    for now in [23_350, 24_000, 25_700, 60_000] {
        assert!(!app.tick(at(now)), "{now}: nothing changes");
        assert_eq!(screen(&app), paused, "{now}");
    }
    // Resumed, it carries on from where it stood.
    app.handle_key(KeyEvent::from(KeyCode::Char(' ')), at(60_000));
    assert!(app.next_figure_frame().is_some());
}

#[test]
fn no_figure_no_frames() {
    // At 80x24 the figure has no room: the player wakes only for whole seconds.
    let mut small = app((80, 24), &Settings::default());
    small.tick(at(20_000));
    assert_eq!(small.next_figure_frame(), None);
    assert_eq!(small.next_wake(), Some(at(21_000)));
    // With figures off, none at any size.
    let settings = Settings {
        figures: false,
        ..Settings::default()
    };
    let mut off = app((200, 60), &settings);
    off.tick(at(20_000));
    assert_eq!(off.next_figure_frame(), None);
    assert_eq!(off.next_wake(), Some(at(21_000)));
    assert!(
        !screen(&off)
            .chars()
            .any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)),
        "no braille drawn"
    );
}

#[test]
fn the_size_seen_last_decides() {
    let mut app = app((80, 24), &Settings::default());
    app.tick(at(20_000));
    assert_eq!(app.next_figure_frame(), None);
    app.resize(120, 40);
    assert_eq!(app.next_figure_frame(), Some(at(20_333)));
}
