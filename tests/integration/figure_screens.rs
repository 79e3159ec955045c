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

const LYING: &str = "tests/fixtures/screens/lying.toml";

fn lying(size: (u16, u16), at: &str) -> String {
    Shot::new().routine(LYING).size(size.0, size.1).at(at)
}

/// The columns from the figure's first braille cell to its last, over every line.
fn figure_width(screen: &str) -> usize {
    let columns = figure_only(screen)
        .iter()
        .filter_map(|line| {
            let first = line.chars().position(|c| c != ' ')?;
            Some((first, line.chars().count()))
        })
        .fold((usize::MAX, 0), |(first, last), (f, l)| {
            (first.min(f), last.max(l))
        });
    columns.1.saturating_sub(columns.0)
}

/// The rows that hold any of the figure.
fn figure_rows(screen: &str) -> Vec<usize> {
    figure_only(screen)
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(row, _)| row)
        .collect()
}

/// Lying down, the figure takes a band across the panel, above the clock, rather than a narrow
/// column beside it (issue 25, point 5): wider than the column's two fifths of the width.
#[test]
fn a_lying_figure_gets_a_full_width_band_at_120x40() {
    let screen = lying((120, 40), "20");
    assert!(screen.contains("GLUTE BRIDGE"), "{screen}");
    assert!(figure_width(&screen) > 120 * 2 / 5, "{screen}");
    // The words come below the band, not beside it.
    // The band's last row: the first unbroken run of figure rows (the next exercise's box has its own).
    let rows = figure_rows(&screen);
    let band_end = rows
        .windows(2)
        .find(|pair| pair[1] > pair[0] + 1)
        .map_or(rows[rows.len() - 1], |pair| pair[0]);
    let words_row = screen
        .lines()
        .position(|line| line.contains("Lie on your back"))
        .unwrap_or_else(|| panic!("the instructions\n{screen}"));
    assert!(words_row > band_end, "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_lying_figure_at_200x60() {
    let screen = lying((200, 60), "20");
    assert!(figure_width(&screen) > 200 * 2 / 5, "{screen}");
    assert!(figure_rows(&screen).len() >= 15, "{screen}");
    insta::assert_snapshot!(screen);
}

/// At 80x24 there is no room for a figure: the clock, the step's name and the footer all show.
#[test]
fn a_lying_routine_at_80x24_keeps_the_clock_the_name_and_the_footer() {
    let screen = lying((80, 24), "20");
    assert!(screen.contains("GLUTE BRIDGE"), "the step's name\n{screen}");
    assert!(screen.contains('█'), "the clock's digits\n{screen}");
    assert!(screen.contains("left ─"), "the gauge's time left\n{screen}");
    assert!(
        screen
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("space pause")),
        "the footer\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

/// The browser's figure takes 40-50 % of the exercise panel's height, at any size.
#[test]
fn exercise_browser_figure_grows_with_the_panel() {
    for (width, height) in [(120u16, 40u16), (200, 60)] {
        let screen = Shot::new().size(width, height).keys("e@1").at("2");
        let rows = figure_rows(&screen);
        let tall = rows.last().expect("a figure") - rows[0] + 1;
        let panel = usize::from(height) - 4;
        assert!(
            tall * 100 >= panel * 35 && tall * 100 <= panel * 50,
            "{width}x{height}: {tall} rows of {panel}\n{screen}"
        );
    }
}
