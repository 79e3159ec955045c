//! Folders and files `validate` and `--routines` cannot use are errors with a clear message and exit 1,
//! never silently skipped (issue 11, item 11).

use std::path::Path;
use std::process::{Command, Output};

/// Runs limberup with these arguments. As root, permissions mean nothing, so the command then runs
/// without the capabilities that override them (`CAP_DAC_OVERRIDE`, `CAP_DAC_READ_SEARCH`).
fn limberup(args: &[&str], routines: &Path) -> Output {
    let binary = env!("CARGO_BIN_EXE_limberup");
    let mut command = if running_as_root() {
        let mut command = Command::new("setpriv");
        command.args(["--bounding-set=-dac_override,-dac_read_search", binary]);
        command
    } else {
        Command::new(binary)
    };
    command
        .args(args)
        .env("LIMBERUP_ROUTINES", routines)
        .env_remove("LIMBERUP_CONFIG")
        .env("LIMBERUP_DATA_DIR", "/nonexistent/limberup-data")
        .output()
        .expect("the binary runs")
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn no_user_dir() -> &'static Path {
    Path::new("/nonexistent/limberup-routines")
}

/// Exit 1, nothing on stdout, and this on stderr.
fn assert_error(output: &Output, expected: &str) {
    let text = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(expected), "wanted `{expected}` in: {text}");
    assert!(output.stdout.is_empty(), "{output:?}");
}

/// A routine that loads, to copy into folders.
const ROUTINE: &str = "tests/fixtures/valid/open-ended.toml";

#[test]
fn validate_on_a_folder_with_no_routine_files_is_an_error() {
    let output = limberup(&["validate", "tests/fixtures/no-routines"], no_user_dir());
    assert_error(
        &output,
        "tests/fixtures/no-routines: error: no routine files (.toml) in this folder",
    );
}

#[test]
fn validate_on_an_unreadable_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::copy(ROUTINE, locked.join("a.toml")).expect("copy");
    set_mode(&locked, 0o000);
    let output = limberup(
        &["validate", locked.to_str().expect("utf-8")],
        no_user_dir(),
    );
    set_mode(&locked, 0o755);
    assert_error(
        &output,
        &format!(
            "{}: error: cannot read the folder: permission denied",
            locked.display()
        ),
    );
}

#[test]
fn validate_on_files_it_cannot_open_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.toml");
    std::fs::copy(ROUTINE, &file).expect("copy");
    set_mode(&file, 0o000);
    let output = limberup(
        &["validate", dir.path().to_str().expect("utf-8")],
        no_user_dir(),
    );
    set_mode(&file, 0o644);
    assert_error(
        &output,
        &format!(
            "{}:1:1: error: cannot read the file: permission denied",
            file.display()
        ),
    );
}

#[test]
fn routines_pointing_at_a_file_is_an_error() {
    for command in [
        &["list"][..],
        &["plan", "pre-run-warm-up"],
        &["validate", ROUTINE],
    ] {
        let output = limberup(command, Path::new(ROUTINE));
        assert_error(
            &output,
            &format!("{ROUTINE}: error: the routines folder is a file, not a folder"),
        );
    }
}

#[test]
fn routines_pointing_at_an_unreadable_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(ROUTINE, dir.path().join("a.toml")).expect("copy");
    set_mode(dir.path(), 0o000);
    let output = limberup(&["list"], dir.path());
    set_mode(dir.path(), 0o755);
    assert_error(
        &output,
        &format!(
            "{}: error: cannot read the routines folder: permission denied",
            dir.path().display()
        ),
    );
}

#[test]
fn validate_without_a_path_checks_the_routines_folder_whole() {
    let output = limberup(
        &["validate"],
        Path::new("tests/fixtures/valid/with-catalog"),
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        text.contains("tests/fixtures/valid/with-catalog/exercises.toml: ok (catalog,"),
        "{text}"
    );
    assert!(text.lines().count() >= 2, "{text}");

    let output = limberup(&["validate"], Path::new("tests/fixtures/invalid"));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("tests/fixtures/invalid/bad-kind.toml:2:8: error:"),
        "{}",
        stderr(&output)
    );

    let output = limberup(&["validate"], no_user_dir());
    assert_error(
        &output,
        "/nonexistent/limberup-routines: error: there is no routines folder here; give one with --routines or LIMBERUP_ROUTINES, or the files to check",
    );
}

#[test]
fn validate_counts_a_folder_as_a_folder() {
    let output = limberup(&["validate", "tests/fixtures/no-routines"], no_user_dir());
    assert_error(&output, "limberup: 1 folder has problems\n");
    let output = limberup(
        &["validate", "tests/fixtures/no-routines", ROUTINE],
        no_user_dir(),
    );
    let text = stderr(&output);
    assert_eq!(
        text.lines().last(),
        Some("limberup: 1 folder has problems"),
        "{text}"
    );
}

/// A program problem is reported as a routine's is: the problem's own line, not wrapped again in
/// `limberup: error:` (nor, on a terminal, without its caret view).
#[test]
fn a_programs_entry_that_is_a_file_is_reported_as_a_routines_folder_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let programs = dir.path().join("programs");
    std::fs::write(&programs, "not a folder").expect("written");
    let output = limberup(&["program", "list"], dir.path());
    assert_error(
        &output,
        &format!(
            "{}: error: the programs folder is not a folder",
            programs.display()
        ),
    );
    assert!(
        !stderr(&output).contains("limberup: error:"),
        "{}",
        stderr(&output)
    );
}
