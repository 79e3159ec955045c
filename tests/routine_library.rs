//! The built-in library: complete, consistent, realistic, and readable on an 80x24 screen.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use limberup::app::event_loop::Silent;
use limberup::cli::snapshot::{SnapshotRequest, capture};
use limberup::plan::{Plan, SegmentKind};
use limberup::routine::{Kind, Library, Routine, When};

/// The areas the pain check asks about.
const PAIN_AREAS: [&str; 8] = [
    "neck",
    "shoulders",
    "upper-back",
    "mid-back",
    "lower-back",
    "hips",
    "legs",
    "arms",
];

fn library() -> Library {
    let library = Library::load(None);
    assert!(
        library.problems.is_empty(),
        "built-in files must load: {:#?}",
        library.problems
    );
    library
}

#[test]
fn the_library_is_complete_and_every_file_validates() {
    let library = library();
    assert!(
        library.routines.len() >= 12,
        "{} routines",
        library.routines.len()
    );
    assert!(
        library.catalog.len() >= 35,
        "{} exercises",
        library.catalog.len()
    );
    for exercise in library.catalog.iter() {
        assert!(
            exercise.instructions.is_some(),
            "{} has instructions",
            exercise.id
        );
        assert!(
            (2..=3).contains(&exercise.cues.len()),
            "{} has 2-3 cues",
            exercise.id
        );
        assert!(
            !exercise.areas.is_empty(),
            "{} names its areas",
            exercise.id
        );
    }
    for routine in &library.routines {
        assert!(
            routine.description.is_some(),
            "{} says what it is for",
            routine.id
        );
        assert!(!routine.tags.is_empty(), "{} has tags", routine.id);
    }
}

#[test]
fn every_catalog_exercise_is_used_by_some_routine() {
    let library = library();
    let used: BTreeSet<&str> = library
        .routines
        .iter()
        .flat_map(|r| r.steps.iter().filter_map(|s| s.exercise.as_deref()))
        .collect();
    let unused: Vec<&str> = library
        .catalog
        .ids()
        .filter(|id| !used.contains(id))
        .collect();
    assert!(unused.is_empty(), "unused catalog exercises: {unused:?}");
}

#[test]
fn every_pain_check_area_has_at_least_two_routines_to_suggest() {
    let library = library();
    let suggestible =
        |r: &&Routine| matches!(r.kind, Kind::Stretch | Kind::Mobility | Kind::FoamRolling);
    for area in PAIN_AREAS {
        let routines: Vec<&str> = library
            .routines
            .iter()
            .filter(suggestible)
            .filter(|r| r.tags.iter().any(|t| t == area))
            .map(|r| r.id.as_str())
            .collect();
        assert!(routines.len() >= 2, "{area}: only {routines:?}");
    }
}

#[test]
fn total_times_are_realistic_for_their_purpose() {
    let minutes = |routine: &Routine| {
        f64::from(u32::try_from(Plan::build(routine).total_ms()).expect("under 4 h")) / 60_000.0
    };
    for routine in &library().routines {
        let range = match routine.kind {
            Kind::WarmUp => 2.5..=10.0,
            Kind::CoolDown => 3.0..=8.0,
            Kind::Stretch | Kind::Mobility | Kind::FoamRolling => 4.0..=15.0,
            Kind::Strength => 8.0..=30.0,
        };
        let total = minutes(routine);
        assert!(
            range.contains(&total),
            "{} lasts {total:.1} min, outside {range:?}",
            routine.id
        );
    }
    let library = library();
    let warm_up = library.find("pre-run-warm-up").expect("a pre-run warm-up");
    assert!((5.0..=8.0).contains(&minutes(warm_up)));
    let cool_down = library.find("quick-cool-down").expect("a quick cool-down");
    assert!((4.5..=5.5).contains(&minutes(cool_down)));
}

#[test]
fn post_run_routines_ask_for_the_pain_check_and_pre_run_ones_do_not() {
    for routine in &library().routines {
        match routine.when {
            When::After => assert!(routine.pain_check, "{} is after a run", routine.id),
            When::Before => assert!(!routine.pain_check, "{} is before a run", routine.id),
            When::Any => {}
        }
    }
}

#[test]
fn the_readme_table_is_the_output_of_list_markdown() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["list", "--markdown"])
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .output()
        .expect("runs");
    let table = String::from_utf8(output.stdout).expect("UTF-8");
    let readme = std::fs::read_to_string("README.md").expect("README");
    let start = readme
        .find("<!-- routines:start -->\n")
        .expect("start marker")
        + "<!-- routines:start -->\n".len();
    let end = readme.find("<!-- routines:end -->").expect("end marker");
    assert_eq!(
        &readme[start..end],
        table,
        "regenerate the README table with `limberup list --markdown`"
    );
}

/// The text inside the player's panel, borders removed and whitespace collapsed, so wrapped sentences
/// read as they were written.
fn panel_text(lines: &[String]) -> String {
    let inner: Vec<String> = lines
        .iter()
        .filter(|l| l.starts_with(['┃', '│', '║']))
        .map(|l| {
            let chars: Vec<char> = l.chars().collect();
            chars[1..chars.len().saturating_sub(1)]
                .iter()
                .collect::<String>()
        })
        .collect();
    inner
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Screens at the given times, pressing Enter at the planned end of every open-ended step so the run
/// keeps to the planned timeline.
fn screens(routine: &Routine, library: &Library, at: Vec<u64>) -> Vec<Vec<String>> {
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let keys = Plan::build(routine)
        .segments
        .iter()
        .filter(|s| s.length_ms.is_none())
        .map(|s| (s.start_ms + s.estimated_ms(), enter))
        .collect();
    let mut request = SnapshotRequest::new(80, 24);
    request.at = at;
    request.keys = keys;
    capture(
        library.clone(),
        Some(routine.clone()),
        &request,
        &mut Silent,
    )
    .expect("runs headless")
    .into_iter()
    .map(|(_, lines)| lines)
    .collect()
}

#[test]
fn the_first_exercise_screen_of_every_routine() {
    let library = library();
    for routine in &library.routines {
        let plan = Plan::build(routine);
        let first = plan
            .segments
            .iter()
            .find(|s| s.kind == SegmentKind::Exercise)
            .expect("an exercise");
        let screen = &screens(routine, &library, vec![first.start_ms + 1_000])[0];
        insta::assert_snapshot!(format!("first_exercise_{}", routine.id), screen.join("\n"));
    }
}

#[test]
fn every_instruction_caution_and_cue_fits_at_80x24_without_cutting_words() {
    let library = library();
    let mut problems = Vec::new();
    for routine in &library.routines {
        let plan = Plan::build(routine);
        // The first exercise segment of each step, once per cue (cues rotate every 8 s): one headless
        // run per routine captures them all.
        let mut checks: Vec<(u64, usize, usize)> = Vec::new();
        let mut seen = BTreeSet::new();
        for segment in plan
            .segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Exercise)
        {
            let step_number = segment.step.expect("exercise segments belong to a step");
            if !seen.insert(step_number) {
                continue;
            }
            let cue_count = routine.steps[step_number - 1].cues.len().max(1);
            for k in 0..cue_count {
                checks.push((segment.start_ms + 500 + k as u64 * 8_000, step_number, k));
            }
        }
        let times = checks.iter().map(|(at, _, _)| *at).collect();
        for ((_, step_number, k), screen) in checks.iter().zip(screens(routine, &library, times)) {
            let step = &routine.steps[step_number - 1];
            let text = panel_text(&screen);
            let mut expected: Vec<String> = Vec::new();
            expected.extend(step.instructions.clone());
            expected.extend(step.caution.clone());
            expected.extend(step.cues.get(*k).cloned());
            for wanted in expected {
                let wanted = wanted.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.contains(&wanted) {
                    problems.push(format!(
                        "{} step {step_number}: `{wanted}` is cut:\n{}",
                        routine.id,
                        screen.join("\n")
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
