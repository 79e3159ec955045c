//! The library filter: every word, everywhere a runner would look, name matches first; and the filter
//! and the choice survive `enter` and the preview.

use crossterm::event::{KeyCode, KeyEvent};

use crate::app::{App, Screen};
use crate::config::Settings;
use crate::routine::Library;

fn app() -> App {
    App::with_library(
        Library::load(None).expect("built-ins load"),
        &Settings::default(),
    )
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for (i, code) in keys.iter().enumerate() {
        let now = crate::engine::AppInstant::from_millis(1_000 * (i as u64 + 1));
        app.handle_key(KeyEvent::from(*code), now);
    }
}

fn type_text(app: &mut App, text: &str) {
    let keys: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    press(app, &keys);
}

/// The names shown for `filter`, in order.
fn shown(filter: &str) -> Vec<String> {
    let library = Library::load(None).expect("built-ins load");
    let screen = super::LibraryScreen {
        filter: filter.to_owned(),
        ..super::LibraryScreen::default()
    };
    screen
        .visible(&library)
        .into_iter()
        .map(|r| r.name.clone())
        .collect()
}

fn library_state(app: &App) -> (String, bool, Option<String>) {
    let Screen::Library(screen) = &app.screen else {
        panic!("not the library");
    };
    let name = screen
        .selected_routine(&app.library)
        .map(|r| r.name.clone());
    (screen.filter.clone(), screen.filtering, name)
}

#[test]
fn every_word_must_match_somewhere() {
    let upper_back = shown("upper back");
    assert!(upper_back.len() > 1, "{upper_back:?}");
    // Each word may be anywhere: "back" in a name, "upper" in the description.
    assert_eq!(
        shown("back upper"),
        upper_back,
        "the order of the words does not matter"
    );
    assert!(
        shown("upper zzz").is_empty(),
        "a word that matches nothing hides all"
    );
}

#[test]
fn descriptions_tags_kinds_and_equipment_are_searched() {
    for word in ["stiff", "hunched"] {
        assert!(!shown(word).is_empty(), "{word} is in descriptions");
    }
    assert!(shown("stiff hunched").contains(&"Upper-back (thoracic) mobility".to_owned()));
    assert!(!shown("roller").is_empty(), "equipment");
    assert!(!shown("strength").is_empty(), "kind");
    assert_eq!(shown("HUNCHED"), shown("hunched"), "case does not matter");
}

#[test]
fn name_matches_come_first() {
    let names = shown("upper back");
    let in_name = |n: &String| {
        let n = n.to_lowercase();
        n.contains("upper") && n.contains("back")
    };
    let first_other = names
        .iter()
        .position(|n| !in_name(n))
        .unwrap_or(names.len());
    assert!(first_other > 0, "{names:?}");
    assert!(
        names[first_other..].iter().all(|n| !in_name(n)),
        "{names:?}"
    );
}

#[test]
fn enter_keeps_the_filter_and_a_second_enter_previews_the_choice() {
    let mut app = app();
    press(&mut app, &[KeyCode::Char('/')]);
    type_text(&mut app, "upper back");
    press(&mut app, &[KeyCode::Down]);
    let chosen = library_state(&app).2;
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        library_state(&app),
        ("upper back".to_owned(), false, chosen.clone()),
        "enter keeps the filter and the choice, and stops typing"
    );
    press(&mut app, &[KeyCode::Enter]);
    let Screen::Preview(preview) = &app.screen else {
        panic!("enter in the list previews");
    };
    assert_eq!(Some(preview.routine.name.clone()), chosen);
}

#[test]
fn leaving_the_preview_keeps_the_filter_and_the_choice() {
    for back in [
        KeyCode::Esc,
        KeyCode::Left,
        KeyCode::Backspace,
        KeyCode::Char('q'),
    ] {
        let mut app = app();
        press(&mut app, &[KeyCode::Char('/')]);
        type_text(&mut app, "stiff");
        press(&mut app, &[KeyCode::Enter, KeyCode::Down]);
        let before = library_state(&app);
        press(&mut app, &[KeyCode::Enter]);
        assert!(matches!(app.screen, Screen::Preview(_)));
        press(&mut app, &[back]);
        assert_eq!(library_state(&app), before, "back with {back:?}");
    }
}

/// The screen owns its keys: moving and filtering act on it and ask nothing of the app; the rest
/// come back as they were, for the app to act on, the screen untouched.
#[test]
fn the_library_acts_on_its_own_keys_and_hands_on_the_rest() {
    use super::LibraryScreen;
    use crate::app::bindings::LibraryKey;
    let library = Library::load(None).expect("built-ins load");
    let mut screen = LibraryScreen::default();
    assert_eq!(screen.act(LibraryKey::Next, &library), None);
    assert_eq!(screen.selected, 1);
    assert_eq!(screen.act(LibraryKey::Filter, &library), None);
    assert!(screen.filtering);
    assert_eq!(
        screen.act(LibraryKey::Open, &library),
        Some(LibraryKey::Open)
    );
    assert_eq!(screen.selected, 1);
}
