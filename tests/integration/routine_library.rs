//! The built-in library: complete, consistent, realistic, and readable on an 80x24 screen.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use limberup::audio::Silent;
use limberup::plan::{Plan, SegmentKind};
use limberup::routine::{Kind, Library, Routine, When, Work};
use limberup::runtime::headless::{SnapshotRequest, capture};

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
    let library = Library::load(None).expect("the built-in library loads");
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
        .filter(|id| !used.contains(id) && !CATALOG_ONLY.contains(id))
        .collect();
    assert!(unused.is_empty(), "unused catalog exercises: {unused:?}");
    for id in CATALOG_ONLY {
        assert!(
            !used.contains(id),
            "{id} is kept out of the built-in routines"
        );
        let caution = library
            .catalog
            .get(id)
            .and_then(|e| e.caution.as_deref())
            .expect("a catalog-only exercise says why");
        assert!(caution.contains("flare-up"), "{id}: {caution}");
    }
}

/// Exercises kept in the catalog for people's own routines but left out of the built-in ones, each with a
/// caution saying when not to do it. The superman loads the lower back too much for a sore back.
const CATALOG_ONLY: [&str; 1] = ["superman"];

const BACK_AREAS: [&str; 3] = ["upper-back", "mid-back", "lower-back"];

/// A routine is meant for the upper back when its tags name the upper back and not the lower back.
fn is_for_the_upper_back(routine: &Routine) -> bool {
    routine.tags.iter().any(|t| t == "upper-back")
        && !routine.tags.iter().any(|t| t == "lower-back")
}

#[test]
fn no_upper_back_routine_uses_an_exercise_that_works_only_the_lower_back() {
    let library = library();
    let upper: Vec<&Routine> = library
        .routines
        .iter()
        .filter(|r| is_for_the_upper_back(r))
        .collect();
    assert!(upper.len() >= 5, "{} upper-back routines", upper.len());
    let mut problems = Vec::new();
    for routine in upper {
        for step in &routine.steps {
            let Some(id) = step.exercise.as_deref() else {
                continue;
            };
            let exercise = library.catalog.get(id).expect("a catalog exercise");
            let back: Vec<&str> = exercise
                .areas
                .iter()
                .map(String::as_str)
                .filter(|a| BACK_AREAS.contains(a))
                .collect();
            // Only the lower back, or the lower back as its only part of the back (the superman).
            if exercise.areas == ["lower-back"] || back == ["lower-back"] {
                problems.push(format!("{}: {id} ({:?})", routine.id, exercise.areas));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The least time a rep can take, in seconds, for exercises whose instructions ask for a hold or a slow
/// breath: the hold plus a second or two to get into it and out of it.
const MIN_SECONDS_PER_REP: [(&str, u32); 22] = [
    ("scapular-retraction", 4),   // hold for two seconds
    ("chin-tucks", 6),            // hold for one slow breath
    ("cat-cow", 6),               // a slow breath each way
    ("standing-cat-cow", 6),      // moves with the breath
    ("wall-angels", 6),           // slow, a second's pause at the top
    ("band-pull-apart", 3),       // squeeze for a moment
    ("band-row", 3),              // let the band back slowly
    ("bird-dog", 10),             // hold about eight seconds
    ("side-plank", 12),           // hold for ten seconds
    ("mcgill-curl-up", 10),       // hold about eight seconds
    ("prone-ytw", 8),             // three shapes of two seconds
    ("glute-bridge", 5),          // pause for two seconds
    ("roller-extension", 6),      // pause for a breath
    ("knee-rolls", 6),            // pause for a breath at each side
    ("clamshell", 3),             // pause for a second
    ("side-leg-raise", 3),        // pause for a second
    ("open-book", 4),             // breathe out as the arm opens
    ("dead-bug", 4),              // slowly, one side a rep
    ("calf-raise", 5),            // up in one, pause for one, down in three
    ("single-leg-calf-raise", 5), // the same on one foot
    ("bent-knee-calf-raise", 5),  // the same, knees bent
    ("single-leg-bridge", 5),     // pause for two seconds
];

/// Words in instructions that ask for a hold or a paced breath.
const HOLD_WORDS: [&str; 5] = ["hold for", "hold it", "holding", "pause", "breath"];

#[test]
fn every_rep_step_is_at_least_as_slow_as_the_hold_it_asks_for() {
    let library = library();
    let mut problems = Vec::new();
    for routine in &library.routines {
        for step in &routine.steps {
            let Work::Reps { tempo, .. } = step.work else {
                continue;
            };
            let key = step.exercise.as_deref().unwrap_or(&step.name);
            let minimum = MIN_SECONDS_PER_REP
                .iter()
                .find(|(id, _)| *id == key)
                .map(|(_, secs)| *secs);
            let text = step.instructions.as_deref().unwrap_or("").to_lowercase();
            match (minimum, tempo) {
                (None, _) if HOLD_WORDS.iter().any(|w| text.contains(w)) => problems.push(format!(
                    "{} `{}`: asks for a hold; add {key} to MIN_SECONDS_PER_REP",
                    routine.id, step.name
                )),
                (Some(min), None) => problems.push(format!(
                    "{} `{}`: open-ended, give it a tempo of at least {min}s",
                    routine.id, step.name
                )),
                (Some(min), Some(t)) if t.0 < min => problems.push(format!(
                    "{} `{}`: {}s a rep, the hold needs {min}s",
                    routine.id, step.name, t.0
                )),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A routine is for a sore back when it carries the `sore-back` tag or its description speaks of a sore back
/// or back pain. Routines done before a run are not: a runner with a sore back is steered by the pain check
/// after the run and by the warm-ups' "before you run" line instead.
fn is_for_a_sore_back(routine: &Routine) -> bool {
    let description = routine.description.as_deref().unwrap_or("").to_lowercase();
    routine.when != When::Before
        && (routine.tags.iter().any(|t| t == "sore-back")
            || description.contains("sore back")
            || description.contains("back pain"))
}

#[test]
fn every_routine_for_a_sore_back_asks_for_the_pain_check() {
    let library = library();
    let sore: Vec<&Routine> = library
        .routines
        .iter()
        .filter(|r| is_for_a_sore_back(r))
        .collect();
    let ids: Vec<&str> = sore.iter().map(|r| r.id.as_str()).collect();
    for expected in [
        "rest-day-gentle",
        "core-stability",
        "upper-back-strength",
        "lower-back-hamstrings",
    ] {
        assert!(
            ids.contains(&expected),
            "{expected} is for a sore back: {ids:?}"
        );
    }
    for routine in sore {
        assert!(routine.pain_check, "{} is for a sore back", routine.id);
    }
}

#[test]
fn pain_down_a_limb_is_treated_as_a_nerve_sign() {
    let library = library();
    for id in [
        "hamstring-stretch",
        "foam-roll-glutes",
        "knee-to-chest",
        "childs-pose",
        "pelvic-tilt",
        "cat-cow",
        "knee-rolls",
        "prone-on-elbows",
    ] {
        let caution = library
            .catalog
            .get(id)
            .and_then(|e| e.caution.as_deref())
            .unwrap_or_default();
        assert!(
            caution.contains("down a leg") || caution.contains("down the leg"),
            "{id}: {caution:?}"
        );
    }
    for id in ["chin-tucks", "band-row"] {
        let caution = library
            .catalog
            .get(id)
            .and_then(|e| e.caution.as_deref())
            .unwrap_or_default();
        assert!(caution.contains("arm"), "{id}: {caution:?}");
    }
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
        // Running sessions (the run-walk stages, strides) are as long as the run: the format has no
        // kind of their own, so their tag decides.
        let running = routine.tags.iter().any(|t| t == "running");
        let range = match routine.kind {
            _ if running => 8.0..=35.0,
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
    // Nine minutes since the calves and ankles joined it (issue 26).
    assert!((5.0..=9.0).contains(&minutes(warm_up)));
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
