//! The exercises' figures on screen: in the player beside the countdown (from about 100x30), during
//! rests as a preview of what comes next, in the routine preview and in the exercise browser; and the
//! countdown grown with the terminal.

use crate::common::Shot;

const FIXTURE: &str = "tests/fixtures/screens/figures.toml";

fn player(size: (u16, u16), keys: &str, at: &str) -> String {
    Shot::new()
        .routine(FIXTURE)
        .size(size.0, size.1)
        .keys(keys)
        .at(at)
}

/// Braille cells: what a figure is drawn with.
fn has_figure(screen: &str) -> bool {
    screen
        .chars()
        .any(|c| ('\u{2801}'..='\u{28FF}').contains(&c))
}

#[test]
fn player_with_a_figure_at_120x40() {
    let screen = player((120, 40), "", "20");
    assert!(has_figure(&screen));
    insta::assert_snapshot!(screen);
}

#[test]
fn player_right_side_mirrored_at_120x40() {
    insta::assert_snapshot!(player((120, 40), "", "165"));
}

#[test]
fn player_at_200x60_grows_the_digits_and_shows_the_next_exercise() {
    let screen = player((200, 60), "", "20");
    assert!(screen.contains("┌ Next"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn rest_shows_the_next_exercise_figure() {
    let screen = player((120, 40), "", "40");
    assert!(screen.contains("Next: Doorway chest stretch"), "{screen}");
    assert!(has_figure(&screen));
    insta::assert_snapshot!(screen);
}

#[test]
fn get_ready_shows_the_first_exercise_figure() {
    assert!(has_figure(&player((120, 40), "", "1")));
}

#[test]
fn at_80x24_there_is_no_figure_and_the_words_keep_their_room() {
    let screen = player((80, 24), "", "20");
    assert!(!has_figure(&screen));
    insta::assert_snapshot!(screen);
}

#[test]
fn no_figures_draws_none() {
    for at in ["1", "20", "40", "130"] {
        let screen = Shot::new()
            .routine(FIXTURE)
            .size(120, 40)
            .no_figures()
            .at(at);
        assert!(!has_figure(&screen), "{at}: {screen}");
    }
    let browser = Shot::new().size(120, 40).keys("e@1").no_figures().at("2");
    assert!(browser.contains("limberup · exercises"), "{browser}");
    assert!(!has_figure(&browser), "{browser}");
}

#[test]
fn exercise_browser() {
    let screen = Shot::new().size(120, 40).keys("e@1").at("2");
    assert!(has_figure(&screen));
    insta::assert_snapshot!(screen);
}

#[test]
fn exercise_browser_filtered_by_name() {
    insta::assert_snapshot!(
        Shot::new()
            .size(120, 40)
            .keys("e@1,c@1,a@1,l@1,v@1,down@2")
            .at("3")
    );
}

#[test]
fn exercise_browser_one_body_area_at_a_time() {
    let first = Shot::new().size(120, 40).keys("e@1,tab@1").at("2");
    assert!(first.contains("area: "), "{first}");
    let legs = Shot::new()
        .size(120, 40)
        .keys("e@1,l@1,e@1,g@1,s@1")
        .at("2");
    assert!(legs.contains("Foam roll: calves"), "{legs}");
    assert!(!legs.contains("Arm circles"), "{legs}");
}

#[test]
fn exercise_browser_esc_clears_then_goes_back() {
    let screen = Shot::new()
        .size(100, 30)
        .keys("e@1,x@1,esc@2,esc@3")
        .at("4");
    assert!(screen.starts_with("limberup · routines"), "{screen}");
}

#[test]
fn preview_with_a_figure() {
    let screen = Shot::new().size(120, 30).keys("down@1,enter@2").at("3");
    assert!(has_figure(&screen));
    insta::assert_snapshot!(screen);
    let plain = Shot::new()
        .size(120, 30)
        .keys("down@1,enter@2")
        .no_figures()
        .at("3");
    assert!(!has_figure(&plain), "{plain}");
}

/// Only the figure's cells (braille), the rest blanked, line by line.
fn figure_only(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|line| {
            let figure: String = line
                .chars()
                .map(|c| {
                    if ('\u{2801}'..='\u{28FF}').contains(&c) {
                        c
                    } else {
                        ' '
                    }
                })
                .collect();
            figure.trim_end().to_owned()
        })
        .collect()
}

/// A switch features the side that comes: its words name the step, and its figure is that side's,
/// mirrored, as the right side then shows it (one featured exercise for words and figure alike).
#[test]
fn a_switch_shows_the_coming_side_in_words_and_figure() {
    let switch = player((120, 40), "", "77");
    assert!(switch.contains("SWITCH"), "{switch}");
    assert!(
        switch.contains("Stand in a doorway"),
        "the step's words\n{switch}"
    );
    let right = player((120, 40), "", "82");
    assert!(has_figure(&switch));
    assert_eq!(figure_only(&switch), figure_only(&right));
}
