//! The second pass of the library (issue 26): the new routines' timelines and the new programs, pinned;
//! every strength routine has a way to grow (reps in a program, then a harder variant); the run-walk
//! stages cue "Run" and "Walk" by name.

use limberup::program::catalog::Programs;
use limberup::program::{Advance, Program, RepsStep};
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
const PINNED: [&str; 9] = [
    "pre-run-warm-up",
    "runner-strength",
    "runner-strength-single-leg",
    "strides",
    "brisk-walk",
    "run-walk-1",
    "run-walk-2",
    "run-walk-3",
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
    for id in ["return-to-running", "strength-for-runners"] {
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

/// A built-in program that moves on only after green weeks.
fn on_green<'a>(programs: &'a Programs, id: &str) -> &'a Program {
    let program = programs
        .programs
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} is built in"));
    assert_eq!(program.advance, Advance::OnGreen, "{id}");
    program
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

    let program = on_green(&programs, "strength-for-runners");
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

/// The run-walk stages: only "Run" and "Walk" steps, so the voice names each change, the runs growing
/// stage by stage; the return-to-running program opens them on green weeks, walking first.
#[test]
fn the_run_walk_stages_cue_run_and_walk_and_grow() {
    let library = library();
    let mut running = Vec::new();
    for id in ["run-walk-1", "run-walk-2", "run-walk-3"] {
        let routine = library.find(id).expect(id);
        for step in &routine.steps {
            assert!(
                ["Run", "Walk"].contains(&step.name.as_str()),
                "{id}: {}",
                step.name
            );
        }
        let run_ms: u64 = limberup::plan::Plan::build(routine)
            .segments
            .iter()
            .filter(|s| s.name == "Run")
            .filter_map(|s| s.length_ms)
            .sum();
        assert!(
            routine.tags.iter().any(|t| t == "running"),
            "{id} is tagged running"
        );
        running.push(run_ms);
    }
    assert!(running.windows(2).all(|w| w[0] < w[1]), "{running:?}");

    let programs = Programs::load(&library, None).expect("the built-in programs load");
    let program = on_green(&programs, "return-to-running");
    assert!(program.gate.green <= 3, "pain during a run at most 3/10");
    let stage = |week: u32| -> Vec<&str> {
        program
            .sessions
            .iter()
            .filter(|s| s.applies_in(week) && s.routine != "runner-strength")
            .map(|s| s.routine.as_str())
            .collect()
    };
    assert_eq!(stage(1), ["brisk-walk"]);
    assert_eq!(stage(2), ["run-walk-1"]);
    assert_eq!(stage(3), ["run-walk-2"]);
    assert_eq!(stage(4), ["run-walk-3"]);
}
