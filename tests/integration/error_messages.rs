//! Error messages say what happened once, about the right thing (issue 11, item 13).

use std::path::Path;
use std::process::{Command, Output};

fn limberup(args: &[&str], data: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", "/nonexistent/limberup-routines")
        .env("LIMBERUP_DATA_DIR", data)
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_answers_file_too_large_is_not_called_a_routine_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.toml");
    std::fs::write(
        &answers,
        format!("pain = 2\n#{}\n", "a".repeat(1024 * 1024)),
    )
    .expect("write");
    let output = limberup(
        &[
            "check",
            "--answers",
            answers.to_str().expect("utf-8"),
            "--no-save",
        ],
        "/nonexistent/limberup-data",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "{}:1:1: error: the file is larger than 1 MiB, the most limberup reads\n",
            answers.display()
        )
    );
}

/// A history with SQLite's header and garbage after it: SQLite itself refuses it.
fn malformed_history(dir: &Path) -> String {
    let mut bytes = b"SQLite format 3\0\x10\x00\x01\x01\x00\x40\x20\x20".to_vec();
    bytes.extend(std::iter::repeat_n(0xff, 8000));
    std::fs::write(dir.join("history.sqlite3"), bytes).expect("write");
    dir.to_str().expect("utf-8").to_owned()
}

#[test]
fn a_history_error_is_said_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = malformed_history(dir.path());
    let output = limberup(&["history"], &data);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "limberup: error: cannot use the history at {data}/history.sqlite3: database disk image is malformed\n"
        )
    );
}

#[test]
fn several_problems_are_several_lines_not_an_escaped_newline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = malformed_history(dir.path());
    let output = limberup(
        &["check", "--answers", "tests/fixtures/answers/ok.toml"],
        &data,
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(!text.contains("\\u{a}"), "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("  this check was not saved: ")),
        "{text}"
    );
}

#[test]
fn a_data_folder_that_cannot_be_created_names_the_reason_once_without_os_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let data = file.join("data");
    let output = limberup(
        &["check", "--answers", "tests/fixtures/answers/ok.toml"],
        data.to_str().expect("utf-8"),
    );
    let text = stderr(&output);
    assert_eq!(
        text,
        format!(
            "limberup: error: this check was not saved: cannot create the data folder {}: not a directory\n",
            data.display()
        )
    );
}

#[test]
fn an_empty_environment_variable_is_named_as_such() {
    for variable in ["LIMBERUP_DATA_DIR", "LIMBERUP_ROUTINES", "LIMBERUP_CONFIG"] {
        let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
            .arg("list")
            .env("LIMBERUP_ROUTINES", "/nonexistent/limberup-routines")
            .env(variable, "")
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{variable}");
        let text = stderr(&output);
        assert!(
            text.contains(&format!("the environment variable {variable} is empty")),
            "{variable}: {text}"
        );
        assert!(!text.contains("a value is required"), "{text}");
    }
    // An empty value given on the command line is still a misuse of the option.
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["--data-dir", "", "list"])
        .env_remove("LIMBERUP_DATA_DIR")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--data-dir"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_config_file_is_one_error_for_every_command() {
    let data = tempfile::tempdir().expect("temp dir");
    let data = data.path().to_str().expect("utf-8");
    for command in [
        &["list"][..],
        &["history"],
        &["exercises"],
        &["validate", "tests/fixtures/valid/open-ended.toml"],
        &["run", "core-stability"],
        &[],
    ] {
        let mut args = vec!["--config", "/nonexistent/limberup.toml"];
        args.extend_from_slice(command);
        let output = limberup(&args, data);
        assert_eq!(output.status.code(), Some(1), "{command:?}: {output:?}");
        assert!(output.stdout.is_empty(), "{command:?}: {output:?}");
        assert_eq!(
            stderr(&output),
            "/nonexistent/limberup.toml:1:1: error: cannot read the file: no such file\n",
            "{command:?}"
        );
    }
}
