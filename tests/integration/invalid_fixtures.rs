//! Every invalid fixture, with the exact position and message it must produce.
//!
//! Positions were checked by hand against each file; a change to any message or position fails here.

use std::path::Path;

use limberup::diag::FileError;
use limberup::routine::Library;

fn problems(path: &str) -> Vec<String> {
    let library = Library::load(None).expect("the built-in library loads");
    match library.resolve(path) {
        Ok(routine) => panic!("{path} loaded as `{}` but must be refused", routine.name),
        Err(FileError::Invalid { problems, .. }) => {
            problems.iter().map(ToString::to_string).collect()
        }
        Err(other) => panic!("{path}: unexpected error {other}"),
    }
}

/// (fixture name, expected `line:col: error: message` lines).
const CASES: &[(&str, &[&str])] = &[
    (
        "block-unknown",
        &[
            "10:9: error: step 1 is in block `dril`, which has no [blocks.dril] table (did you mean `drills`?)",
        ],
    ),
    (
        "block-apart",
        &[
            "19:9: error: step 3 is in block `drills` but step 2 is not: a block's steps must come one after another",
        ],
    ),
    (
        "block-empty",
        &[
            "7:9: error: block `strides` has no steps: add `block = \"strides\"` to the steps it groups",
            "8:1: error: unknown key `round` in [blocks.strides] (did you mean `rounds`?)",
        ],
    ),
    (
        "bad-kind",
        &[
            "2:8: error: `kind` must be one of warm-up, stretch, foam-rolling, strength, mobility, cool-down, found \"strech\" (did you mean `stretch`?)",
        ],
    ),
    (
        "bad-sides",
        &[
            "7:9: error: `sides` must be one of none, left, right, both, found \"booth\" (did you mean `both`?)",
        ],
    ),
    (
        "bad-when",
        &[
            "3:8: error: `when` must be one of before, after, any, found \"afterwards\" (did you mean `after`?)",
        ],
    ),
    (
        "control-char-cue",
        &[
            "7:20: error: `cues` contains the control character U+0007; only printable text is allowed",
        ],
    ),
    (
        "control-char-name",
        &[
            "1:8: error: `name` contains the control character U+001B; only printable text is allowed",
        ],
    ),
    (
        "countdown-too-long",
        &["5:13: error: `countdown` must be from 0 to 10, found 11"],
    ),
    (
        "duplicate-key",
        &["3:1: error: `name` is set twice, on line 1 and again here on line 3; keep one"],
    ),
    (
        "duplicate-table",
        &["7:2: error: `[defaults]` is set twice, on line 4 and again here on line 7; keep one"],
    ),
    (
        "rest-at-top",
        &[
            "3:1: error: `rest` cannot be set at the top of a routine: it belongs in [defaults] (for every step) or in a step",
        ],
    ),
    (
        "tab-in-name",
        &[
            "5:8: error: `name` contains the control character U+0009; only printable text is allowed",
        ],
    ),
    (
        "tags-a-string",
        &["3:8: error: `tags` must be a list of strings in brackets, like tags = [\"legs\"]"],
    ),
    (
        "duration-and-reps",
        &[
            "7:8: error: step 1 has both `duration` and `reps`; a step is either timed or counted, keep one",
        ],
    ),
    (
        "duration-bare-number-string",
        &[
            "6:12: error: invalid `duration`: a bare number in quotes is ambiguous: write 90 (seconds, no quotes) or \"90s\"",
        ],
    ),
    (
        "duration-fraction",
        &[
            "6:12: error: invalid `duration`: use whole seconds (or a string such as \"1m30s\"), not a fraction",
        ],
    ),
    (
        "duration-negative-integer",
        &["6:12: error: invalid `duration`: a duration cannot be negative"],
    ),
    (
        "duration-negative",
        &["6:12: error: invalid `duration`: a duration cannot be negative"],
    ),
    (
        "duration-over-an-hour",
        &["6:12: error: `duration` is 1h1s; a duration may be at most 1h"],
    ),
    (
        "duration-seconds-overflow",
        &[
            "6:12: error: invalid `duration`: 70 seconds is not valid after minutes: use at most 59 (or write \"2m10s\")",
        ],
    ),
    (
        "duration-clock-seconds-over",
        &[
            "6:12: error: invalid `duration`: 90 seconds is not valid after minutes: use at most 59 (or write \"2m30s\")",
        ],
    ),
    (
        "duration-zero-string",
        &["6:12: error: `duration` must be at least 1s"],
    ),
    (
        "reps-fraction",
        &["6:8: error: `reps` must be a whole number, found a float"],
    ),
    (
        "step-without-name",
        &["4:1: error: step 1 needs a `name` (or an `exercise` from the catalog)"],
    ),
    (
        "duration-zero",
        &["6:12: error: `duration` must be at least 1s"],
    ),
    ("empty-name", &["1:8: error: `name` must not be empty"]),
    ("label-blank", &["7:14: error: `name` must not be empty"]),
    (
        "long-description",
        &["3:15: error: `description` is 1001 characters long; at most 1000 are allowed"],
    ),
    (
        "long-name",
        &["1:8: error: `name` is 81 characters long; at most 80 are allowed"],
    ),
    (
        "many-problems",
        &[
            "1:8: error: `name` must not be empty",
            "2:8: error: `kind` must be one of warm-up, stretch, foam-rolling, strength, mobility, cool-down, found \"strech\" (did you mean `stretch`?)",
            "3:10: error: `rounds` must be from 1 to 20, found 30",
            "5:1: error: step 1 needs either `duration` or `reps`",
            "7:1: error: unknown key `durtion` in step 1 (did you mean `duration`?)",
            "11:12: error: invalid `duration`: 70 seconds is not valid after minutes: use at most 59 (or write \"2m10s\")",
            "12:8: error: step 2 has both `duration` and `reps`; a step is either timed or counted, keep one",
        ],
    ),
    ("missing-kind", &["1:1: error: missing required key `kind`"]),
    ("missing-name", &["1:1: error: missing required key `name`"]),
    (
        "name-wrong-type",
        &["1:8: error: `name` must be a string, found an integer"],
    ),
    (
        "neither-duration-nor-reps",
        &["4:1: error: step 1 needs either `duration` or `reps`"],
    ),
    (
        "no-steps",
        &["1:1: error: a routine needs at least one step: add a [[steps]] table"],
    ),
    (
        "over-four-hours-rounds",
        &["3:10: error: the routine would last 5h5s; a routine may last at most 4h"],
    ),
    (
        "over-four-hours",
        &["16:1: error: the routine would last 5h5s; a routine may last at most 4h"],
    ),
    (
        "pain-check-not-bool",
        &["3:14: error: `pain_check` must be true or false, found a string"],
    ),
    (
        "prepare-in-step",
        &[
            "7:1: error: `prepare` cannot be set in step 1: it is the get-ready time before the first step; set it in [defaults]",
        ],
    ),
    (
        "reps-too-many",
        &["6:8: error: `reps` must be from 1 to 200, found 201"],
    ),
    (
        "reps-zero",
        &["6:8: error: `reps` must be from 1 to 200, found 0"],
    ),
    (
        "round-rest-bad",
        &[
            "4:14: error: invalid `round_rest`: `half a minute` is not a duration: use seconds like 45 or \"45s\", \"2m\", \"1m30s\" or \"1:30\"",
        ],
    ),
    (
        "rounds-too-many",
        &["3:10: error: `rounds` must be from 1 to 20, found 21"],
    ),
    (
        "rounds-zero",
        &["3:10: error: `rounds` must be from 1 to 20, found 0"],
    ),
    (
        "sets-too-many",
        &["7:8: error: `sets` must be from 1 to 20, found 21"],
    ),
    (
        "sound-absolute",
        &[
            "7:9: error: `sound`: `/usr/share/sounds/bell.wav` is an absolute path; give a path relative to the routine's folder",
        ],
    ),
    (
        "sound-corrupt",
        &[
            "7:9: error: `sound`: `sounds/corrupt.wav` looks like WAV but cannot be decoded: the file ends before its header does",
        ],
    ),
    (
        "sound-missing",
        &["7:9: error: `sound`: cannot read `nowhere.wav`: no such file"],
    ),
    (
        "sound-not-audio",
        &["7:9: error: `sound`: `sounds/not-audio.wav` is not a WAV, OGG/Vorbis, FLAC or MP3 file"],
    ),
    (
        "sound-parent-dir",
        &[
            "7:9: error: `sound`: `../bell.wav` leaves the routine's folder; keep sounds in the folder or one below it (no `..`)",
        ],
    ),
    (
        "steps-not-tables",
        &["3:9: error: `steps` must be an array of tables: write each step as [[steps]]"],
    ),
    (
        "tags-not-strings",
        &["3:23: error: `tags` must hold only strings, found an integer"],
    ),
    (
        "tempo-with-duration",
        &["7:9: error: `tempo` applies only to a step with `reps`; step 1 has a `duration`"],
    ),
    ("tempo-zero", &["7:9: error: `tempo` must be at least 1s"]),
    (
        "toml-syntax",
        &["1:16: error: this text needs closing quotes: end it with `\"`"],
    ),
    (
        "too-many-steps",
        &["804:1: error: a routine may have at most 200 steps; this is step 201"],
    ),
    (
        "unknown-defaults-key",
        &["5:1: error: unknown key `reest` in [defaults] (did you mean `rest`?)"],
    ),
    (
        "unknown-exercise",
        &["5:12: error: unknown exercise `cat-cows` (did you mean `cat-cow`?)"],
    ),
    (
        "unknown-exercise-far",
        &[
            "5:12: error: unknown exercise `moonwalk`; `limberup exercises` lists the known ids, and your own go in `exercises.toml` in your routines folder",
        ],
    ),
    (
        "unknown-step-key",
        &["7:1: error: unknown key `instrutions` in step 1 (did you mean `instructions`?)"],
    ),
    (
        "unknown-top-key",
        &["3:1: error: unknown key `descripton` (did you mean `description`?)"],
    ),
];

#[test]
fn every_invalid_fixture_reports_exact_positions_and_messages() {
    let mut failures = Vec::new();
    for (name, expected) in CASES {
        // Only a decoder can tell a file with a WAV header but no sound; a build without audio has
        // none (and plays nothing), so it checks the header alone.
        if *name == "sound-corrupt" && cfg!(not(feature = "audio")) {
            continue;
        }
        let path = format!("tests/fixtures/invalid/{name}.toml");
        let got = problems(&path);
        let expected: Vec<String> = expected
            .iter()
            .map(|line| format!("{path}:{line}"))
            .collect();
        if got != expected {
            failures.push(format!("{name}:\n  expected {expected:#?}\n  got {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_file_has_a_case() {
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures/invalid")
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".toml")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    let mut covered: Vec<String> = CASES.iter().map(|(n, _)| (*n).to_owned()).collect();
    covered.sort();
    assert_eq!(names, covered);
    assert!(
        names.len() >= 30,
        "the issue asks for at least 30 invalid fixtures"
    );
}

#[test]
fn invalid_catalog_reports_every_entry() {
    let source =
        limberup::diag::source::read_source(Path::new("tests/fixtures/catalogs/exercises.toml"))
            .expect("readable");
    let problems = limberup::routine::catalog::Catalog::parse(&source).expect_err("invalid");
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let p = "tests/fixtures/catalogs/exercises.toml";
    assert_eq!(
        lines,
        [
            format!(
                "{p}:2:15: error: `not-a-table` must be a table of exercise fields, like [not-a-table]"
            ),
            format!("{p}:6:8: error: exercise `band-row` has both `duration` and `reps`; keep one"),
            format!("{p}:9:2: error: missing required key `name` in exercise `no-name`"),
            format!(
                "{p}:14:1: error: unknown key `cuess` in exercise `misspelt` (did you mean `cues`?)"
            ),
            format!(
                "{p}:16:2: error: exercise id `Bad_Id` may use only lower-case letters, digits, dashes and underscores"
            ),
        ]
    );
}

#[test]
fn invalid_figures_report_every_problem_with_a_suggestion() {
    // Positions checked by hand: each points at the key or value at fault, or at the pose's header.
    let p = "tests/fixtures/catalogs/bad-figures.toml";
    let source = limberup::diag::source::read_source(Path::new(p)).expect("readable");
    let problems = limberup::routine::catalog::Catalog::parse(&source).expect_err("invalid");
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expected: Vec<String> = [
        "4:10: error: the figure of `no-poses` has no poses; add at least one [[no-poses.figure.pose]]",
        "9:1: error: unknown key `vew` in the figure of `bad-joint` (did you mean `view`?)",
        "12:1: error: unknown joint `left_kne` in pose 1 of the figure of `bad-joint` (did you mean `left_knee`?)",
        "13:1: error: unknown joint `hip` in pose 1 of the figure of `bad-joint` (did you mean `left_hip` or `right_hip`?)",
        "18:8: error: `view` must be one of side, front, top, end, found \"sid\" (did you mean `side`?)",
        "21:13: error: `left_knee` is -20 degrees; it can move from 0 to 170",
        "22:15: error: `right_elbow` must be a number, found a string",
        "30:6: error: `at` must increase from one pose to the next: 0.4 comes after 0.5",
        "32:6: error: `at` must be from 0 to 1, found 1.5",
        "33:1: error: missing required key `at` in pose 4 of the figure of `bad-timing`",
        "39:10: error: unknown prop `flor` (did you mean `floor`?); props are floor, mat, roller, band, wall, door, chair, desk, stick, step",
        "39:27: error: a roller needs `under`, the bone it rolls: write { kind = \"roller\", under = \"left_shin\" }",
        "39:66: error: `under` must be one of lower_trunk, upper_trunk, left_upper_arm, left_thigh, left_shin, right_upper_arm, right_thigh, right_shin, found \"left_shine\" (did you mean `left_shin`?)",
        "39:108: error: `anchor` must be [x, y] in body heights: x from -2 to 2, y from 0 to 2",
    ]
    .iter()
    .map(|line| format!("{p}:{line}"))
    .collect();
    assert_eq!(lines, expected);
}

#[test]
fn a_figure_with_too_many_props_or_poses_is_refused_at_the_first_one_over() {
    let p = "tests/fixtures/catalogs/too-many-in-a-figure.toml";
    let source = limberup::diag::source::read_source(Path::new(p)).expect("readable");
    let problems = limberup::routine::catalog::Catalog::parse(&source).expect_err("invalid");
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            format!(
                "{p}:5:122: error: the figure of `many-props` may have at most 16 props; this is prop 17"
            ),
            format!(
                "{p}:44:1: error: the figure of `many-poses` may have at most 16 poses; this is pose 17"
            ),
        ]
    );
}
