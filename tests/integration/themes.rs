//! The dark and light themes and `NO_COLOR`, rendered: the colours of each cell pinned with insta,
//! every drawn character at 4.5:1 or better on its background, and no colour at all (with the gauges
//! and the pain chart made of characters) under `NO_COLOR`.

use std::fmt::Write as _;

use crate::common::Shot;
use limberup::app::HistoryView;
use limberup::calendar::Calendar;
use limberup::config::ThemeSetting;
use limberup::history::{CheckRow, SessionRow, UtcTime};
use limberup::runtime::headless::buffer_lines;
use limberup::ui::theme::contrast_ratio;
use limberup::words::Word;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const PLAYER: &str = "tests/fixtures/screens/player.toml";
const FIGURES: &str = "tests/fixtures/screens/figures.toml";
const TODAY: i64 = 20_781;

fn session(day: i64) -> SessionRow {
    SessionRow {
        routine_id: "pre-run-warm-up".into(),
        routine_hash: "0".into(),
        started_at: UtcTime(day * 86_400 + 7 * 3600),
        ended_at: UtcTime(day * 86_400 + 7 * 3600 + 600),
        finished: true,
        completed: 10,
        skipped: 0,
        extended: 0,
        pauses: 0,
        paused_ms: 0,
        active_ms: 600_000,
        program: None,
        pain: None,
        morning: None,
    }
}

fn check(day: i64, pain: u8, areas: &[&str], level: &str) -> CheckRow {
    CheckRow {
        taken_at: UtcTime(day * 86_400 + 8 * 3600),
        pain,
        areas: areas.iter().map(|a| Word::read(a)).collect(),
        level: Word::read(level),
        rules: vec![],
    }
}

/// Sessions over five weeks and pain in three areas, crossing.
fn history() -> HistoryView {
    let mut history =
        HistoryView::starting_at(UtcTime(TODAY * 86_400 + 18 * 3600), Calendar::utc());
    history.set_sessions(
        [-30, -20, -15, -14, -6, -2, -1, 0]
            .into_iter()
            .map(|d| session(TODAY + d))
            .collect(),
    );
    history.set_checks(vec![
        check(TODAY - 25, 7, &["lower-back"], "self-care"),
        check(TODAY - 20, 2, &["lower-back", "hips"], "ok"),
        check(TODAY - 14, 6, &["hips"], "self-care"),
        check(TODAY - 8, 4, &["lower-back", "neck"], "self-care"),
        check(TODAY - 1, 8, &["neck"], "review"),
    ]);
    history
}

/// Fourteen weeks of runs with two spikes (the runs screen's own fixture).
fn runs_history() -> HistoryView {
    let mut history = HistoryView::starting_at(crate::common::NOW, Calendar::utc());
    history.set_runs(crate::common::runs::runs_with_spikes(
        crate::common::NOW.0 / 86_400,
    ));
    history
}

/// The screens the issue names, each as a fresh shot.
fn screens() -> Vec<(&'static str, Shot<'static>, &'static str)> {
    vec![
        ("player_work", Shot::new().routine(PLAYER), "20"),
        ("player_rest", Shot::new().routine(PLAYER), "45"),
        (
            "check_result",
            Shot::new()
                .keys("c@1")
                .answers("tests/fixtures/answers/self-care.toml"),
            "1",
        ),
        ("history", Shot::new().keys("h@1").history(history()), "1"),
        ("runs", Shot::new().keys("r@1").history(runs_history()), "1"),
    ]
}

/// Every screen there is to look at, for the contrast and no-colour checks.
fn every_screen() -> Vec<(String, Shot<'static>, &'static str)> {
    let mut all: Vec<(String, Shot<'static>, &'static str)> = screens()
        .into_iter()
        .map(|(name, shot, at)| (name.to_owned(), shot, at))
        .collect();
    let mut add = |name: &str, shot: Shot<'static>, at: &'static str| {
        all.push((name.to_owned(), shot, at));
    };
    for at in ["1", "139", "190"] {
        add(&format!("player at {at}"), Shot::new().routine(PLAYER), at);
    }
    add(
        "paused and muted",
        Shot::new().routine(PLAYER).keys("space@25,m@26"),
        "40",
    );
    add("help", Shot::new().routine(PLAYER).keys("?@22"), "22");
    add("quit?", Shot::new().routine(PLAYER).keys("q@23"), "23");
    add("done", Shot::new().routine(PLAYER).keys("enter@200"), "200");
    add("library", Shot::new(), "1");
    add("preview", Shot::new().keys("down@1,enter@2"), "3");
    add("question", Shot::new().keys("c@1,6@2"), "2");
    add("areas", Shot::new().keys("c@1,6@2,enter@3"), "3");
    for level in ["ok", "review", "urgent", "emergency"] {
        add(
            &format!("result {level}"),
            Shot::new()
                .keys("c@1")
                .answers(&format!("tests/fixtures/answers/{level}.toml")),
            "1",
        );
    }
    add("figure", Shot::new().routine(FIGURES).size(120, 40), "20");
    add(
        "next figure",
        Shot::new().routine(FIGURES).size(120, 40),
        "40",
    );
    add("exercises", Shot::new().size(120, 40).keys("e@1"), "2");
    // A lying figure's band, and a bird-dog's reach with the start pose's ghost behind it.
    add(
        "lying figure",
        Shot::new()
            .routine("tests/fixtures/screens/lying.toml")
            .size(120, 40),
        "62",
    );
    add("too small", Shot::new().size(20, 5), "1");
    all
}

fn hex(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Reset => "default".to_owned(),
        other => format!("{other:?}"),
    }
}

/// The cells to look at: each character once (not the cells a wide one covers).
fn cells(buffer: &Buffer) -> Vec<(u16, u16, &ratatui::buffer::Cell)> {
    let area = buffer.area;
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0_usize;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buffer[(x, y)];
            skip = limberup::text::width(cell.symbol()).saturating_sub(1);
            out.push((x, y, cell));
        }
    }
    out
}

/// The screen's text, then a map of its styles (one letter a character; blank cells in the most
/// common style left blank), then what each letter stands for.
fn styles(buffer: &Buffer) -> String {
    let key = |cell: &ratatui::buffer::Cell| {
        let mut key = format!("{} on {}", hex(cell.fg), hex(cell.bg));
        if !cell.modifier.is_empty() {
            let _ = write!(key, " {:?}", cell.modifier);
        }
        key
    };
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for (_, _, cell) in cells(buffer) {
        *counts.entry(key(cell)).or_default() += 1;
    }
    let common = counts
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(k, _)| k.clone())
        .unwrap_or_default();
    let mut legend: Vec<String> = Vec::new();
    let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
    let mut rows = vec![String::new(); usize::from(buffer.area.height)];
    for (_, y, cell) in cells(buffer) {
        let key = key(cell);
        let letter = if cell.symbol().trim().is_empty() && key == common {
            ' '
        } else {
            let index = legend.iter().position(|k| *k == key).unwrap_or_else(|| {
                legend.push(key.clone());
                legend.len() - 1
            });
            letters[index.min(letters.len() - 1)]
        };
        rows[usize::from(y - buffer.area.y)].push(letter);
    }
    let mut out = buffer_lines(buffer).join("\n");
    out.push_str("\n---- styles ----\n");
    out.push_str(
        &rows
            .iter()
            .map(|r| r.trim_end())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let _ = writeln!(out, "\n---- blank: {common}");
    for (index, key) in legend.iter().enumerate() {
        let _ = writeln!(out, "{} = {key}", letters[index]);
    }
    out
}

#[test]
fn screens_in_the_dark_theme() {
    for (name, shot, at) in screens() {
        let buffer = shot.theme(ThemeSetting::Dark).buffer_at(at);
        insta::assert_snapshot!(format!("dark_{name}"), styles(&buffer));
    }
}

#[test]
fn screens_in_the_light_theme() {
    for (name, shot, at) in screens() {
        let buffer = shot.theme(ThemeSetting::Light).buffer_at(at);
        insta::assert_snapshot!(format!("light_{name}"), styles(&buffer));
    }
}

/// `theme = "auto"` without a terminal to ask is the dark theme.
#[test]
fn auto_without_a_terminal_is_dark() {
    let (_, shot, at) = screens().remove(0);
    let auto = shot.buffer_at(at);
    let (_, shot, at) = screens().remove(0);
    assert_eq!(auto, shot.theme(ThemeSetting::Dark).buffer_at(at));
}

/// Every character drawn, in both themes and on every screen, stands at 4.5:1 or better against its
/// background, computed from the RGB values the cells carry (none uses the terminal's palette).
#[test]
fn every_character_has_contrast_in_both_themes() {
    for theme in [ThemeSetting::Dark, ThemeSetting::Light] {
        let mut worst = (f64::MAX, String::new());
        for (name, shot, at) in every_screen() {
            let buffer = shot.theme(theme).buffer_at(at);
            for (x, y, cell) in cells(&buffer) {
                let (Color::Rgb(fr, fg, fb), Color::Rgb(br, bg, bb)) = (cell.fg, cell.bg) else {
                    panic!(
                        "{theme:?} {name}: ({x}, {y}) {:?} is {} on {}, not RGB",
                        cell.symbol(),
                        hex(cell.fg),
                        hex(cell.bg)
                    );
                };
                if cell.symbol().trim().is_empty() {
                    continue;
                }
                let ratio = contrast_ratio([fr, fg, fb], [br, bg, bb]);
                if ratio < worst.0 {
                    worst = (
                        ratio,
                        format!("{name}: {} on {}", hex(cell.fg), hex(cell.bg)),
                    );
                }
                assert!(
                    ratio >= 4.5,
                    "{theme:?} {name}: ({x}, {y}) {:?} is {} on {}: {ratio:.2}:1",
                    cell.symbol(),
                    hex(cell.fg),
                    hex(cell.bg)
                );
            }
        }
        println!("{theme:?}: worst {:.2}:1 ({})", worst.0, worst.1);
    }
}

#[test]
fn no_color_draws_no_colour_anywhere() {
    for (name, shot, at) in every_screen() {
        let buffer = shot.no_color().buffer_at(at);
        for (x, y, cell) in cells(&buffer) {
            assert!(
                cell.fg == Color::Reset && cell.bg == Color::Reset,
                "{name}: ({x}, {y}) {:?} is {} on {}",
                cell.symbol(),
                hex(cell.fg),
                hex(cell.bg)
            );
            assert!(
                !cell.modifier.contains(Modifier::DIM),
                "{name}: ({x}, {y}) dimmed"
            );
        }
    }
}

#[test]
fn no_color_screens() {
    for (name, shot, at) in screens() {
        insta::assert_snapshot!(format!("no_color_{name}"), shot.no_color().at(at));
    }
}

/// Without colour the gauges are full and light blocks, and the pain chart marks each area with a
/// character of its own, named in the legend.
#[test]
fn no_color_gauges_and_chart_are_characters() {
    let work = Shot::new().routine(PLAYER).no_color().at("20");
    let gauges: Vec<&str> = work
        .lines()
        .filter(|l| l.contains('█') && l.contains('░'))
        .collect();
    assert_eq!(gauges.len(), 2, "the segment's and the routine's\n{work}");
    let coloured = Shot::new().routine(PLAYER).at("20");
    assert!(!coloured.contains('░'), "{coloured}");

    let chart = Shot::new()
        .keys("h@1")
        .history(history())
        .no_color()
        .at("1");
    for (mark, area) in [('*', "neck"), ('#', "lower back"), ('@', "hips")] {
        assert!(
            chart.contains(&format!("{mark} {area}")),
            "legend {mark} {area}\n{chart}"
        );
        // Beyond its legend entry: the points (days without a check are gaps, not lines).
        assert!(
            chart.matches(mark).count() > 1,
            "{area} drawn with {mark}\n{chart}"
        );
    }
}

/// The player at the three sizes the runner's screens are made for, in each theme: a timed exercise
/// (the side stretch, left side), a rest saying what comes next, and a tempo step counting its reps
/// (the band row). At 80x24 both themes pin the colours of every cell; the larger sizes pin the
/// text (the layout), as the colours there are the same roles on more cells; `NO_COLOR` pins the
/// text at every size.
#[test]
fn the_player_at_every_size_in_every_theme() {
    let states = [("work", "120"), ("rest", "100"), ("tempo", "20")];
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        for (state, at) in states {
            let shot = || Shot::new().routine(PLAYER).size(width, height);
            let name = format!("player_{state}_{width}x{height}");
            if (width, height) == (80, 24) {
                let dark = shot().theme(ThemeSetting::Dark).buffer_at(at);
                insta::assert_snapshot!(format!("dark_{name}"), styles(&dark));
                let light = shot().theme(ThemeSetting::Light).buffer_at(at);
                insta::assert_snapshot!(format!("light_{name}"), styles(&light));
            } else {
                let text = shot().theme(ThemeSetting::Dark).at(at);
                insta::assert_snapshot!(format!("text_{name}"), text);
            }
            insta::assert_snapshot!(format!("no_color_{name}"), shot().no_color().at(at));
        }
    }
}

/// The other main screens at 80x24, the smallest usual terminal: the library, a routine's
/// preview, the help and "Quit?" over the player, the end of a routine, a pain-check question and
/// the exercise browser.
fn main_screens() -> [(&'static str, Shot<'static>, &'static str); 7] {
    [
        ("library", Shot::new(), "1"),
        ("preview", Shot::new().keys("down@1,enter@2"), "3"),
        ("help", Shot::new().routine(PLAYER).keys("?@22"), "22"),
        ("quit", Shot::new().routine(PLAYER).keys("q@23"), "23"),
        ("done", Shot::new().routine(PLAYER).keys("enter@200"), "200"),
        ("question", Shot::new().keys("c@1,6@2"), "2"),
        ("exercises", Shot::new().keys("e@1"), "2"),
    ]
}

/// The main screens with the colours of every cell, in both themes.
#[test]
fn the_main_screens_in_colour_at_80x24() {
    for (theme, setting) in [("dark", ThemeSetting::Dark), ("light", ThemeSetting::Light)] {
        for (name, shot, at) in main_screens() {
            let buffer = shot.theme(setting).buffer_at(at);
            insta::assert_snapshot!(format!("{theme}_{name}_80x24"), styles(&buffer));
        }
    }
}
