//! Every built-in exercise's figure, drawn at two moments of its movement, pinned with insta; the two
//! sides mirror; the `exercises` commands.
//!
//! Review a changed figure by eye: `INSTA_UPDATE=always cargo test --test integration figures::`, then read the .snap.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use limberup::figure::{Figure, Motion, render_text};
use limberup::routine::Library;

const SIZE: (u16, u16) = (40, 12);

/// A cycle is shown at its start and half-way; a hold or a roll at both ends of its sway.
fn moments(figure: &Figure) -> [f64; 2] {
    match figure.motion {
        Motion::Cycle => [0.0, 0.5],
        Motion::Hold | Motion::Roll => [0.0, 1.0],
    }
}

#[test]
fn every_built_in_exercise_has_a_figure() {
    let library = Library::load(None).expect("the built-in library loads");
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let missing: Vec<&str> = library
        .catalog
        .iter()
        .filter(|e| e.figure.is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "exercises without a figure: {missing:?}"
    );
    assert!(library.catalog.len() >= 55);
}

#[test]
fn every_figure_at_two_moments() {
    let library = Library::load(None).expect("the built-in library loads");
    for exercise in library.catalog.iter() {
        let Some(figure) = &exercise.figure else {
            continue;
        };
        let mut text = format!(
            "{} ({:?} view, {:?})\n",
            exercise.name, figure.view, figure.motion
        );
        for phase in moments(figure) {
            let _ = writeln!(text, "--- phase {phase} ---");
            text.push_str(&render_text(figure, phase, false, SIZE.0, SIZE.1));
        }
        insta::assert_snapshot!(format!("figure_{}", exercise.id), text);
    }
}

/// A braille cell seen in a mirror: its two columns of dots swap.
fn mirror_cell(c: char) -> char {
    let code = u32::from(c);
    if !(0x2800..=0x28FF).contains(&code) {
        return c;
    }
    let bits = code - 0x2800;
    // Dots 1-2-3-7 are the left column, 4-5-6-8 the right.
    let pairs = [(0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80)];
    let mut mirrored = 0;
    for (left, right) in pairs {
        if bits & left != 0 {
            mirrored |= right;
        }
        if bits & right != 0 {
            mirrored |= left;
        }
    }
    char::from_u32(0x2800 + mirrored).unwrap_or(c)
}

fn dots(text: &str) -> u32 {
    text.chars()
        .filter(|c| ('\u{2800}'..='\u{28FF}').contains(c))
        .map(|c| (u32::from(c) - 0x2800).count_ones())
        .sum()
}

#[test]
fn the_right_side_mirrors_the_left() {
    let library = Library::load(None).expect("the built-in library loads");
    let (mut exact, mut differ) = (0, 0);
    for exercise in library.catalog.iter() {
        let Some(figure) = &exercise.figure else {
            continue;
        };
        let left = render_text(figure, 0.25, false, SIZE.0, SIZE.1);
        let right = render_text(figure, 0.25, true, SIZE.0, SIZE.1);
        if left != right {
            differ += 1;
        }
        let mut mirrored = String::new();
        for line in left.lines() {
            let padded = format!("{line:<width$}", width = usize::from(SIZE.0));
            let row: String = padded.chars().rev().map(mirror_cell).collect();
            let _ = writeln!(mirrored, "{}", row.trim_end());
        }
        // Lines are rasterised from the mirrored geometry, so a dot may round to its neighbour; the
        // drawing must still hold the same amount of ink, and most figures mirror dot for dot.
        let (a, b) = (dots(&left), dots(&right));
        assert!(a.abs_diff(b) * 20 <= a, "{}: {a} dots vs {b}", exercise.id);
        if mirrored == right {
            exact += 1;
        }
    }
    // Symmetric figures (arms out to both sides, seen from the front) look the same either way.
    assert!(differ > 40, "only {differ} figures change side");
    assert!(exact > 0, "no figure mirrors dot for dot");
}

fn limberup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env(
            "LIMBERUP_ROUTINES",
            Path::new("/nonexistent/limberup-routines"),
        )
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("the binary runs")
}

#[test]
fn exercises_lists_the_catalog_with_figures_and_routines() {
    let output = limberup(&["exercises", "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let cat_cow = list
        .as_array()
        .and_then(|l| l.iter().find(|e| e["id"] == "cat-cow"))
        .expect("cat-cow is listed");
    assert_eq!(cat_cow["figure"], true);
    assert_eq!(cat_cow["name"], "Cat-cow");
    // Cat-cow bends to the end of the range: not one to suggest while waiting for a physio.
    assert_eq!(cat_cow["review_safe"], false);
    let walk = list
        .as_array()
        .and_then(|l| l.iter().find(|e| e["id"] == "easy-walk"))
        .expect("easy-walk is listed");
    assert_eq!(walk["review_safe"], true);
    assert!(
        cat_cow["routines"]
            .as_array()
            .is_some_and(|r| r.iter().any(|id| id == "thoracic-mobility")),
        "{cat_cow}"
    );
    let text = limberup(&["exercises"]);
    let table = String::from_utf8_lossy(&text.stdout);
    assert!(table.starts_with("ID "), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("cat-cow ") && l.contains(" yes ")),
        "{table}"
    );
}

#[test]
fn exercises_id_draws_the_figure_at_a_moment_then_the_words() {
    let output = limberup(&["exercises", "cat-cow", "--size", "30x8", "--at", "1.5"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Cat-cow (cat-cow)");
    let figure = &lines[2..10];
    assert!(figure.iter().all(|l| l.chars().count() <= 30), "{text}");
    // The floor runs across the drawing.
    let braille = |l: &&str| {
        l.chars()
            .filter(|c| ('\u{2800}'..='\u{28FF}').contains(c))
            .count()
    };
    assert!(figure.iter().any(|l| braille(l) >= 25), "{text}");
    assert!(text.contains("On hands and knees"), "{text}");
    assert!(text.contains("Caution: "), "{text}");
    // Half-way through a 3 s rep differs from the start.
    let start = limberup(&["exercises", "cat-cow", "--size", "30x8"]);
    assert_ne!(start.stdout, output.stdout);
}

#[test]
fn an_unknown_exercise_is_refused_with_a_suggestion() {
    let output = limberup(&["exercises", "cat-cwo"]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("no exercise called `cat-cwo` (did you mean `cat-cow`?)"),
        "{err}"
    );
    let misuse = limberup(&["exercises", "--size", "30x8"]);
    assert_eq!(misuse.status.code(), Some(2));
}

/// A catalog whose figure has 10,000 props is refused at once, at the 17th, instead of costing
/// seconds a frame (issue 23, item 7).
#[test]
fn ten_thousand_props_are_refused_with_a_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = dir.path().join("exercises.toml");
    let prop = "{ kind = \"roller\", under = \"left_shin\" }";
    let props = vec![prop; 10_000].join(", ");
    std::fs::write(
        &catalog,
        format!(
            "[heavy]\nname = \"Heavy\"\nduration = \"30s\"\n[heavy.figure]\nprops = [{props}]\n[[heavy.figure.pose]]\nat = 0\n"
        ),
    )
    .expect("write");
    let start = std::time::Instant::now();
    let output = limberup(&["validate", &catalog.display().to_string()]);
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(output.status.code(), Some(1));
    // 16 props and their ", " separators before the 17th.
    let column = "props = [".len() + 16 * (prop.len() + 2) + 1;
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim_end(),
        format!(
            "{}:5:{column}: error: the figure of `heavy` may have at most 16 props; this is prop 17\nlimberup: 1 of 1 file has problems",
            catalog.display()
        )
    );
}
