//! Program files: every invalid fixture with its exact positions and messages, the built-in
//! programs, and the README's table of them.

use std::path::Path;
use std::process::Command;

use limberup::diag::FileError;
use limberup::program::Programs;
use limberup::program::catalog::load_file;
use limberup::routine::Library;

const FOLDER: &str = "tests/fixtures/invalid-programs/programs";

/// (fixture name, expected `line:col: error: message` lines).
const CASES: &[(&str, &[&str])] = &[
    (
        "bad-weekday",
        &[
            "6:16: error: `days` must hold weekdays (mon, tue, wed, thu, fri, sat, sun), found \"wedn\" (did you mean `wed`?)",
        ],
    ),
    (
        "both-schedules",
        &["7:8: error: session 1 has both `per_week` and `days`; give exactly one"],
    ),
    (
        "green-above-amber",
        &["9:9: error: `green` (6) must not be above `amber` (4)"],
    ),
    (
        "many-problems",
        &[
            "1:8: error: `name` must not be empty",
            "2:9: error: `weeks` must be from 1 to 26, found 30",
            "3:16: error: `rest_routine`: no routine called `rest-day-gentel` (did you mean `rest-day-gentle`?)",
            "4:1: error: unknown key `sesions` (did you mean `sessions`?)",
            "8:12: error: `per_week` must be from 1 to 7, found 8",
        ],
    ),
    (
        "no-schedule",
        &[
            "4:1: error: session 1 needs `per_week` (sessions a week) or `days` (fixed weekdays)",
            "6:1: error: unknown key `per_weak` in session 1 (did you mean `per_week`?)",
        ],
    ),
    (
        "routine-over-four-hours",
        &[
            "7:12: error: at level 25, `lower-back-hamstrings` would last 9h18m3s; a routine may last at most 4h",
        ],
    ),
    (
        "step-over-an-hour",
        &[
            "7:12: error: at level 3, `thoracic-mobility` step 3 would last 1h30s; a step may last at most 1h",
        ],
    ),
    (
        "unknown-routine",
        &[
            "5:11: error: `routine`: no routine called `upper-back-strenght` (did you mean `upper-back-strength`?)",
        ],
    ),
    (
        "max-level-too-high",
        &[
            "8:12: error: at level 25, `lower-back-hamstrings` would last 4h43m3s; a routine may last at most 4h",
        ],
    ),
    (
        "version-two-keys",
        &[
            "3:11: error: `advance` must be one of calendar, on-green, found \"on-gren\" (did you mean `on-green`?)",
            "4:13: error: `max_weeks` (3) must not be below `weeks` (4)",
            "5:15: error: `max_per_day` must be from 1 to 7, found 0",
            "10:21: error: `reps` must be a whole number of reps or a percentage from 1% to 100% such as \"15%\", found \"15\"",
            "15:21: error: `reps` must be a whole number of reps or a percentage from 1% to 100% such as \"15%\", found \"150%\"",
        ],
    ),
    (
        "week-range-outside",
        &["7:9: error: `weeks` must be a range within 1..=4, found [3, 6]"],
    ),
];

#[test]
fn every_invalid_program_gives_its_exact_messages() {
    let library = Library::load(None).expect("the built-in library loads");
    for (name, expected) in CASES {
        let path = format!("{FOLDER}/{name}.toml");
        let problems: Vec<String> = match load_file(Path::new(&path), &library) {
            Ok(program) => panic!("{path} loaded as `{}` but must be refused", program.name),
            Err(FileError::Invalid { problems, .. }) => {
                problems.iter().map(ToString::to_string).collect()
            }
            Err(other) => panic!("{path}: unexpected error {other}"),
        };
        let expected: Vec<String> = expected.iter().map(|m| format!("{path}:{m}")).collect();
        assert_eq!(problems, expected, "{name}");
    }
    let fixtures = std::fs::read_dir(FOLDER).expect("folder").count();
    assert_eq!(fixtures, CASES.len(), "every fixture has its case");
}

#[test]
fn validate_checks_a_programs_folder() {
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["validate", FOLDER, "routines/programs"])
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{FOLDER}/unknown-routine.toml:5:11: error:")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("limberup: 11 of {} files have problems", 11 + 6)),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("routines/programs/upper-back-fix.toml: ok (program,"),
        "{stdout}"
    );
}

#[test]
fn the_built_in_programs_load_and_a_runners_program_replaces_one() {
    let library = Library::load(None).expect("library");
    let programs = Programs::load(&library, None).expect("programs");
    assert!(programs.problems.is_empty(), "{:?}", programs.problems);
    assert!(programs.programs.len() >= 4);
    let routines = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(routines.path().join("programs")).expect("folder");
    std::fs::write(
        routines.path().join("programs/upper-back-fix.toml"),
        "name = \"Mine\"\nweeks = 1\n[[sessions]]\nroutine = \"upper-back-strength\"\nper_week = 1\n",
    )
    .expect("written");
    let mine = Programs::load(&library, Some(routines.path())).expect("programs");
    let fix = mine.find("upper-back-fix").expect("there");
    assert_eq!((fix.name.as_str(), fix.built_in), ("Mine", false));
}

#[test]
fn the_readme_table_is_the_output_of_program_list_markdown() {
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["program", "list", "--markdown"])
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .output()
        .expect("runs");
    assert!(output.status.success());
    let table = String::from_utf8_lossy(&output.stdout);
    let readme = std::fs::read_to_string("README.md").expect("README");
    let inside = readme
        .split_once("<!-- programs:start -->\n")
        .and_then(|(_, rest)| rest.split_once("<!-- programs:end -->"))
        .map(|(inside, _)| inside)
        .expect("README has the programs markers");
    assert_eq!(
        inside, table,
        "regenerate the README table with `limberup program list --markdown`"
    );
}
