//! A broken file is never silent: never replaced by a built-in routine, never reported under the wrong
//! name, its errors kept to the file (or catalog entry) that has them, and said once.

use std::path::Path;
use std::process::{Command, Output};

fn limberup(args: &[&str], routines_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", routines_dir)
        .env_remove("LIMBERUP_CONFIG")
        .env("LIMBERUP_DATA_DIR", routines_dir.join("data"))
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A coach's `quick-cool-down.toml` (a built-in id) with a misspelt key.
fn broken_override() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("quick-cool-down.toml"),
        "name = \"My cool-down\"\nkind = \"cool-down\"\n\n[[steps]]\nname = \"Walk\"\ndurration = \"5m\"\n",
    )
    .expect("write");
    dir
}

const OVERRIDE_ERRORS: [&str; 2] = [
    "quick-cool-down.toml:4:1: error: step 1 needs either `duration` or `reps`",
    "quick-cool-down.toml:6:1: error: unknown key `durration` in step 1 (did you mean `duration`?)",
];

fn assert_own_errors(output: &Output, dir: &Path) {
    assert_eq!(output.status.code(), Some(1), "{}", stdout(output));
    let expected: Vec<String> = OVERRIDE_ERRORS
        .iter()
        .map(|line| format!("{}/{line}\n", dir.display()))
        .collect();
    let expected = expected.concat();
    assert_eq!(stderr(output), expected);
    assert_eq!(stdout(output), "", "nothing else is played or printed");
}

#[test]
fn a_broken_override_never_falls_back_to_the_built_in_routine() {
    let dir = broken_override();
    for command in [
        &["plan", "quick-cool-down"][..],
        &["plan", "quick-cool-down", "--json"],
        &["snapshot", "quick-cool-down"],
        &["run", "quick-cool-down"],
    ] {
        let output = limberup(command, dir.path());
        assert_own_errors(&output, dir.path());
    }
}

#[test]
fn run_by_id_on_a_broken_file_lists_its_errors_not_no_routine_called() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("tempo-run-prep.toml"),
        "name = \"Tempo prep\"\nkind = \"warm-up\"\n",
    )
    .expect("write");
    let output = limberup(&["run", "tempo-run-prep"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{}/tempo-run-prep.toml:1:1: error: a routine needs at least one step: add a [[steps]] table\n",
            dir.path().display()
        )
    );
}

#[test]
fn list_leaves_a_broken_override_out_and_says_so() {
    let dir = broken_override();
    let output = limberup(&["list", "--json"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let ids: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(!ids.contains(&"quick-cool-down"), "{ids:?}");
    assert!(
        stderr(&output).ends_with(
            "limberup: warning: 2 problems in your routines; routines and catalog entries with errors were left out\n"
        ),
        "{}",
        stderr(&output)
    );
}

/// A catalog with one broken entry and one good one, and routines using each.
fn broken_catalog_entry() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("exercises.toml"),
        "[world-greatest-stretch]\nname = \"World's greatest stretch\"\nduration = \"40s\"\n\n[partner-carry]\nname = \"Partner carry\"\nreps = 0\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("mobility.toml"),
        "name = \"Mobility\"\nkind = \"mobility\"\n\n[[steps]]\nexercise = \"world-greatest-stretch\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("carry.toml"),
        "name = \"Carry\"\nkind = \"strength\"\n\n[[steps]]\nexercise = \"partner-carry\"\n",
    )
    .expect("write");
    dir
}

#[test]
fn a_broken_catalog_entry_keeps_its_errors_and_the_others_stay_usable() {
    let dir = broken_catalog_entry();
    let d = dir.path().display();
    let output = limberup(&["plan", "mobility"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("World's greatest stretch"),
        "{}",
        stdout(&output)
    );

    let output = limberup(&["plan", "carry"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{d}/carry.toml:5:12: error: exercise `partner-carry` cannot be used: its entry in the catalog has an error, at {d}/exercises.toml:7:8: `reps` must be from 1 to 200, found 0\n"
        )
    );
}

#[test]
fn validate_says_a_catalog_error_once_not_once_per_routine() {
    let dir = broken_catalog_entry();
    let d = dir.path().display();
    let output = limberup(&["validate"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{d}/carry.toml:5:12: error: exercise `partner-carry` cannot be used: its entry in the catalog has an error, at {d}/exercises.toml:7:8: `reps` must be from 1 to 200, found 0\n\
             {d}/exercises.toml:7:8: error: `reps` must be from 1 to 200, found 0\n\
             limberup: 2 of 3 files have problems\n"
        )
    );
    assert_eq!(
        stdout(&output),
        format!("{d}/mobility.toml: ok (Mobility, 0:45)\n")
    );
}

#[test]
fn a_file_named_in_capitals_is_read_not_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("partner_v2.TOML"),
        "name = \"Partner drills\"\nkind = \"strength\"\n\n[[steps]]\nname = \"Wheelbarrow\"\nreps = 10\n",
    )
    .expect("write");
    let output = limberup(&["list"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("partner_v2"),
        "{}",
        stdout(&output)
    );
    let output = limberup(&["validate"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("partner_v2.TOML: ok"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn keys_may_start_with_a_dash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = limberup(
        &[
            "snapshot",
            "quick-cool-down",
            "--keys",
            "-@10",
            "--at",
            "11",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// The library at a size, with the runner's folder `dir`.
fn library_screen(dir: &Path, width: u16, height: u16) -> String {
    use limberup::audio::Silent;
    use limberup::runtime::headless::{SnapshotRequest, capture};
    let library = limberup::routine::Library::load(Some(dir)).expect("loads");
    let request = SnapshotRequest::new(width, height);
    let screens = capture(library, None, &request, &mut Silent).expect("renders");
    let text = screens[0].1.join("\n");
    text.replace(&dir.display().to_string(), "DIR")
}

#[test]
fn the_library_shows_broken_files_at_80x24() {
    let dir = broken_catalog_entry();
    std::fs::write(
        dir.path().join("quick-cool-down.toml"),
        "name = \"My cool-down\"\nkind = \"cool-down\"\n\n[[steps]]\nname = \"Walk\"\ndurration = \"5m\"\n",
    )
    .expect("write");
    insta::assert_snapshot!(library_screen(dir.path(), 80, 24));
}

#[test]
fn many_broken_files_are_counted_and_tiny_screens_keep_the_title() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["a", "b", "c", "d", "e"] {
        std::fs::write(dir.path().join(format!("{name}.toml")), "name = 1\n").expect("write");
    }
    let screen = library_screen(dir.path(), 80, 24);
    assert!(screen.contains("! 5 files with errors"), "{screen}");
    assert!(screen.contains("  … and 3 more"), "{screen}");
    let screen = library_screen(dir.path(), 30, 8);
    assert!(screen.contains("! 5 files with errors"), "{screen}");
}

/// A coach's own routine, with an author.
fn own_routine() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("hill-drills.toml"),
        "name = \"Hill drills\"\nkind = \"warm-up\"\nauthor = \"Coach Ana\"\n\n[[steps]]\nname = \"A-skips\"\nduration = \"30s\"\n",
    )
    .expect("write");
    dir
}

#[test]
fn list_marks_own_routines_and_shows_authors() {
    let dir = own_routine();
    let output = limberup(&["list"], dir.path());
    let text = stdout(&output);
    let mine = text
        .lines()
        .find(|l| l.starts_with("hill-drills"))
        .expect("listed");
    assert!(
        mine.ends_with("yours     Hill drills (by Coach Ana)"),
        "{mine}"
    );
    let header = text.lines().next().expect("header");
    assert!(header.contains("  FROM  "), "{header}");
    let output = limberup(&["list", "--json"], dir.path());
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let entry = list
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "hill-drills")
        .expect("listed");
    assert_eq!(entry["author"], "Coach Ana");
    assert_eq!(entry["source"], "user");
}

#[test]
fn the_library_and_preview_show_own_routines_and_authors() {
    use limberup::audio::Silent;
    use limberup::runtime::headless::{SnapshotRequest, capture};
    let dir = own_routine();
    let screen = library_screen(dir.path(), 80, 24);
    assert!(screen.contains("✎ Hill drills · by Coach Ana"), "{screen}");
    // Filter the library to it (enter keeps the filter), then open its preview.
    let library = limberup::routine::Library::load(Some(dir.path())).expect("loads");
    let mut request = SnapshotRequest::new(80, 24);
    request.keys =
        limberup::cli::snapshot::script::parse_script("/@0,h@0,i@0,l@0,l@0,enter@0,enter@0")
            .expect("keys");
    request.at = vec![limberup::cli::snapshot::script::parse_time("1").expect("time")];
    let screens = capture(library, None, &request, &mut Silent).expect("renders");
    let preview = screens[0].1.join("\n");
    insta::assert_snapshot!(preview);
}
