//! Walks every screen's key table: on each screen (in each state that changes its keys), the footer
//! shows every key that acts there and belongs in the footer, and the help lists every key of the
//! screen, from the same table the handler uses.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::{App, Overlay, Screen};
use crate::config::Settings;
use crate::engine::AppInstant;
use crate::routine::Library;

const WIDE: (u16, u16) = (240, 60);

fn text(app: &App) -> Vec<String> {
    text_at(app, WIDE)
}

/// The screen's rows as text, at `size`.
pub(super) fn text_at(app: &App, size: (u16, u16)) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(super::View(app), frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

fn press(app: &mut App, keys: &[KeyCode], now: &mut AppInstant) {
    for code in keys {
        *now += 1_100;
        app.handle_key(KeyEvent::from(*code), *now);
    }
}

/// Every state worth walking: (what it is, the keys that lead there from the library).
pub(super) fn states() -> Vec<(&'static str, Vec<KeyCode>)> {
    use KeyCode::{Char, Down, Enter, Esc};
    vec![
        ("library", vec![]),
        ("library filtering", vec![Char('/')]),
        ("library filtering with text", vec![Char('/'), Char('u')]),
        (
            "library with a filter",
            vec![Char('/'), Char('u'), Down, Esc, Char('/'), Char('b'), Enter],
        ),
        ("preview", vec![Enter]),
        ("player", vec![Enter, Enter]),
        ("player paused", vec![Enter, Enter, Char(' ')]),
        ("confirm quit", vec![Enter, Enter, Char('q')]),
        ("done", vec![Enter, Enter, Char('q'), Char('y')]),
        ("check pain", vec![Char('c')]),
        ("check areas", vec![Char('c'), Char('5'), Enter]),
        (
            "check warning sign",
            vec![Char('c'), Char('5'), Enter, Char('3'), Enter],
        ),
        ("result", vec![Char('c'), Char('0'), Enter]),
        ("history", vec![Char('h')]),
        ("runs", vec![Char('r')]),
        ("today, the runs", vec![Char('r')]),
        ("today", vec![]),
        ("today paused", vec![]),
        ("today, its help", vec![Char('?')]),
        ("today, the morning question", vec![]),
        ("today, after a spike run", vec![]),
        ("library, after a spike run", vec![]),
        ("today, the library", vec![Char('l')]),
        (
            "today, a session done",
            vec![Enter, Char('q'), Char('y'), Char('3')],
        ),
        ("exercises", vec![Char('e')]),
        ("exercises filtered", vec![Char('e'), Char('c'), Char('a')]),
        ("exercises one area", vec![Char('e'), KeyCode::Tab]),
        ("exercises help", vec![Char('e'), Char('?')]),
    ]
}

/// The built-in upper-back program on its first day, with something due, or paused by a check.
fn standing(paused: bool) -> crate::program::standing::Standing {
    use crate::program::{CheckFact, Facts, Programs, judge};
    let library = Library::load(None).expect("built-ins load");
    let programs = Programs::load(&library, None).expect("programs");
    let program = programs.find("upper-back-fix").expect("built in").clone();
    let start = 20_514; // Monday 2026-03-02
    let checks = if paused {
        vec![CheckFact {
            at: crate::calendar::UtcTime(start * 86_400),
            day: start,
            level: crate::triage::Level::Review,
        }]
    } else {
        Vec::new()
    };
    let facts = Facts {
        sessions: Vec::new(),
        checks,
        resumes: Vec::new(),
        spikes: Vec::new(),
    };
    let status = judge::status(&program, start, &facts, start);
    let due = status
        .due
        .iter()
        .map(|d| crate::program::standing::DueRoutine {
            routine: d.routine.clone(),
            level: d.level,
            total: None,
        })
        .collect();
    crate::program::standing::Standing {
        program,
        active: crate::program::standing::ActiveProgram {
            id: "upper-back-fix".to_owned(),
            start: crate::calendar::date_of(start),
        },
        status,
        due,
        resumes: Vec::new(),
    }
}

/// The app in the state `name` of [`states`], reached by `keys`.
pub(super) fn app_in(name: &str, keys: &[KeyCode]) -> App {
    let mut app = App::with_library(
        Library::load(None).expect("built-ins load"),
        &Settings::default(),
    );
    if name.starts_with("today") {
        app = app.with_program(Some(standing(name == "today paused")));
        assert!(matches!(app.screen(), Screen::Today), "{name}");
    }
    if name.ends_with("morning question") {
        app = app.with_morning_question(Some(crate::history::MorningAsk {
            session_id: 1,
            routine: "upper-back-strength".to_owned(),
            started_at: crate::calendar::UtcTime(20_513 * 86_400),
        }));
        assert_eq!(app.overlay(), Some(Overlay::Morning), "{name}");
    }
    if name.ends_with("after a spike run") {
        app = app.with_run_morning_question(Some(crate::history::run_view::RunMorningAsk {
            run_id: 1,
            date: crate::calendar::date_of(20_513),
            distance_m: 14_200.0,
            warning: crate::runs::warning::LongRun::Spike {
                percent: 42,
                longest_before_m: 10_000.0,
            },
        }));
        assert_eq!(app.overlay(), Some(Overlay::RunMorning), "{name}");
    }
    let mut now = AppInstant::START;
    press(&mut app, keys, &mut now);
    if name == "result" {
        // None of the emergency or urgent signs, then the profile (first check): age 40 and
        // none of its facts.
        use KeyCode::{Char, Enter};
        let keys = [Char('n'), Char('n'), Char('4'), Char('0'), Enter, Char('n')];
        press(&mut app, &keys, &mut now);
        assert!(matches!(app.screen(), Screen::CheckResult(_)), "{name}");
    }
    app
}

#[test]
fn every_screen_shows_every_key_of_its_table_in_footer_and_help() {
    for (name, keys) in states() {
        let mut app = app_in(name, &keys);
        let screen = text(&app);
        let footer = screen.last().expect("a footer line").clone();
        for hint in app.footer_hints() {
            assert!(
                footer.contains(&format!("{} {}", hint.shown, hint.does)),
                "{name}: `{} {}` missing from the footer: {footer}",
                hint.shown,
                hint.does
            );
        }
        if app.overlay().is_some() {
            continue;
        }
        app.help();
        let help = text(&app).join("\n");
        for hint in app.help_hints() {
            assert!(
                help.contains(hint.shown) && help.contains(hint.help),
                "{name}: `{}  {}` missing from the help:\n{help}",
                hint.shown,
                hint.help
            );
        }
    }
}

/// The footer hints are the table's: each applying binding meant for the footer is there, and every
/// binding of the table is in the help.
#[test]
fn footer_and_help_come_from_the_tables() {
    use crate::app::bindings::{LIBRARY, PLAYER};
    use crate::app::keymap::Keys;
    let mut app = App::with_library(
        Library::load(None).expect("built-ins load"),
        &Settings::default(),
    );
    let shown: Vec<&str> = app.footer_hints().iter().map(|h| h.shown).collect();
    for binding in LIBRARY.iter().filter(|b| b.in_footer && (b.applies)(&app)) {
        assert!(shown.contains(&binding.shown), "{}", binding.shown);
    }
    let mut now = AppInstant::START;
    press(&mut app, &[KeyCode::Enter, KeyCode::Enter], &mut now);
    let help: Vec<&str> = app.help_hints().iter().map(|h| h.shown).collect();
    for binding in &PLAYER {
        assert!(help.contains(&binding.shown), "{}", binding.shown);
        assert!(matches!(binding.keys, Keys::Codes(codes) if !codes.is_empty()));
    }
}

/// Every key a table names acts: pressing it on its screen is handled (or changes nothing visible,
/// which the handler reports), never ignored by a handler that disagrees with the table.
#[test]
fn keys_in_the_footer_are_the_keys_the_handler_takes() {
    use crate::app::bindings::LIBRARY;
    use crate::app::keymap::{Keys, action_for};
    let app = App::with_library(
        Library::load(None).expect("built-ins load"),
        &Settings::default(),
    );
    for binding in LIBRARY.iter().filter(|b| (b.applies)(&app)) {
        let Keys::Codes(codes) = binding.keys else {
            continue;
        };
        for code in codes {
            assert_eq!(
                action_for(&LIBRARY, &app, KeyEvent::from(*code)),
                Some(binding.action),
                "{code:?}"
            );
        }
    }
}
