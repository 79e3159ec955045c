//! `--report`: problems written one way for the whole run, chosen once: `plain` (the contract's
//! `path:line:col: error: message`), `caret` (with the source line) or `json` (an object a line, for
//! tools), and `auto` (caret on a terminal, plain otherwise), issue 28.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

fn limberup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", "/nonexistent/limberup-routines")
        .env("LIMBERUP_DATA_DIR", "/nonexistent/limberup-data")
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Each line of stderr as JSON: every line must be one object.
fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stderr(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?}: {e}")))
        .collect()
}

#[test]
fn a_problem_in_json_is_the_plain_line_as_fields() {
    let path = fixture("bad-kind.toml");
    let shown = path.display().to_string();
    let plain = limberup(&["--report", "plain", "validate", &shown]);
    let json = limberup(&["--report", "json", "validate", &shown]);
    assert_eq!(plain.status.code(), Some(1));
    assert_eq!(json.status.code(), Some(1));
    let problems = json_lines(&json);
    assert_eq!(
        problems.len(),
        1,
        "one problem and no sentence: {}",
        stderr(&json)
    );
    let problem = &problems[0];
    assert_eq!(problem["path"], shown.as_str());
    assert_eq!(problem["severity"], "error");
    let (line, column) = (&problem["line"], &problem["column"]);
    assert_eq!(
        (line, column),
        (&serde_json::json!(2), &serde_json::json!(8))
    );
    let message = problem["message"].as_str().expect("a message");
    assert!(message.contains("strech"), "{message}");
    // The same problem, the same words, as the plain line gives it (then the plain sentence).
    let first_plain = stderr(&plain).lines().next().unwrap_or_default().to_owned();
    assert_eq!(first_plain, format!("{shown}:2:8: error: {message}"));
    assert!(stderr(&plain).contains("limberup: 1 of 1 file has problems"));
}

#[test]
fn a_folder_has_no_line_or_column_in_json() {
    let empty = tempfile::tempdir().expect("a folder");
    let shown = empty.path().display().to_string();
    let output = limberup(&["--report", "json", "validate", &shown]);
    assert_eq!(output.status.code(), Some(1));
    let problems = json_lines(&output);
    assert_eq!(
        problems,
        vec![serde_json::json!({
            "path": shown,
            "line": null,
            "column": null,
            "severity": "error",
            "message": "no routine files (.toml) in this folder",
        })]
    );
}

/// An error that is not in a file is a JSON line too, with no path.
#[test]
fn an_error_outside_any_file_is_a_json_line() {
    let output = limberup(&["--report", "json", "run", "no-such-routine"]);
    assert_eq!(output.status.code(), Some(1));
    let problems = json_lines(&output);
    assert_eq!(problems.len(), 1, "{}", stderr(&output));
    assert_eq!(problems[0]["path"], serde_json::Value::Null);
    assert_eq!(problems[0]["severity"], "error");
    let message = problems[0]["message"].as_str().expect("a message");
    assert!(message.contains("no-such-routine"), "{message}");
}

/// A control character from a file reaches the terminal as JSON's escape, never as itself.
#[test]
fn a_control_character_from_a_file_stays_escaped_in_json() {
    let shown = fixture("control-char-name.toml").display().to_string();
    let output = limberup(&["--report", "json", "validate", &shown]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(!json_lines(&output).is_empty());
}

/// Off a terminal, `auto` is plain; `caret` asks for the source line even there.
#[test]
fn auto_is_plain_off_a_terminal_and_caret_can_be_asked_for() {
    let shown = fixture("bad-kind.toml").display().to_string();
    let auto = limberup(&["validate", &shown]);
    let plain = limberup(&["--report", "plain", "validate", &shown]);
    let caret = limberup(&["--report", "caret", "validate", &shown]);
    assert_eq!(stderr(&auto), stderr(&plain));
    assert!(
        stderr(&caret).contains("kind = \"strech\""),
        "{}",
        stderr(&caret)
    );
    assert_ne!(stderr(&caret), stderr(&plain));
}
