//! The second pass of the library (issue 26): the new routines' timelines and the new programs, pinned;
//! every strength routine has a way to grow (reps in a program, then a harder variant).

use limberup::program::catalog::Programs;
use limberup::program::{Advance, RepsStep};
use limberup::routine::{Kind, Library};

use crate::common::cli::limberup_built_in as limberup;

fn stdout(args: &[&str]) -> String {
    let output = limberup(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The routines this pass added or changed.
const PINNED: [&str; 4] = [
    "pre-run-warm-up",
    "runner-strength",
    "runner-strength-single-leg",
    "pre-run-upper-body",
];

#[test]
fn the_new_routines_plans() {
    for id in PINNED {
        insta::assert_snapshot!(format!("plan_{id}"), stdout(&["plan", id]));
    }
}

#[test]
fn the_new_programs_shown() {
    for id in ["strength-for-runners"] {
        insta::assert_snapshot!(
            format!("program_show_{id}"),
            stdout(&["program", "show", id])
        );
    }
    // At its top level the first strength routine has grown; the single-leg one has not.
    let top = stdout(&["program", "show", "strength-for-runners", "--level", "3"]);
    insta::assert_snapshot!("program_show_strength-for-runners_level_3", top);
}

fn library() -> Library {
    let library = Library::load(None).expect("the built-in library loads");
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    library
}

/// A catalog entry and its harder variant, its own entry so a routine (and a program) can move to it.
const HARDER: [(&str, &str); 2] = [
    ("calf-raise", "single-leg-calf-raise"),
    ("glute-bridge", "single-leg-bridge"),
];

/// Every strength routine (the running stages aside) grows by reps in some built-in program; and the
/// runner's strength routine then moves on to a routine with the harder variants, in a later week of the
/// same program.
#[test]
fn every_strength_routine_has_a_progression_path() {
    let library = library();
    let programs = Programs::load(&library, None).expect("the built-in programs load");
    let uses = |routine: &str, exercise: &str| {
        library.find(routine).is_some_and(|r| {
            r.steps
                .iter()
                .any(|s| s.exercise.as_deref() == Some(exercise))
        })
    };
    let mut problems = Vec::new();
    for routine in &library.routines {
        if routine.kind != Kind::Strength || routine.tags.iter().any(|t| t == "running") {
            continue;
        }
        let grows = programs.programs.iter().any(|p| {
            p.sessions.iter().any(|s| {
                s.routine == routine.id
                    && !matches!(s.progress.reps, RepsStep::Flat(0) | RepsStep::Percent(0))
            })
        });
        let is_the_harder_step = HARDER.iter().any(|(_, harder)| uses(&routine.id, harder));
        if !grows && !is_the_harder_step {
            problems.push(format!("{}: no program grows its reps", routine.id));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");

    let program = programs
        .programs
        .iter()
        .find(|p| p.id == "strength-for-runners")
        .expect("the strength program");
    assert_eq!(program.advance, Advance::OnGreen);
    let first = program
        .sessions
        .iter()
        .find(|s| s.routine == "runner-strength")
        .expect("the first step");
    let then = program
        .sessions
        .iter()
        .find(|s| s.first_week == first.last_week + 1)
        .expect("a later step");
    for (easier, harder) in HARDER {
        assert!(uses(&first.routine, easier), "{easier} first");
        assert!(uses(&then.routine, harder), "{harder} then");
        assert!(!uses(&then.routine, easier), "{easier} replaced");
    }
}
