//! `limberup check --answers` and `limberup history` through the real binary, with a temporary data dir.

use std::path::Path;
use std::process::{Command, Output};

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_DATA_DIR", data_dir)
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .output()
        .expect("the binary runs")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn check_prints_the_contract_json_and_saves_unless_asked_not_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = "tests/fixtures/answers/self-care.toml";
    let result = json(&limberup(
        &["check", "--answers", answers, "--json", "--no-save"],
        dir.path(),
    ));
    assert_eq!(result["level"], "self-care");
    assert_eq!(result["rules"], serde_json::json!(["S1"]));
    let advice = result["advice"].as_array().expect("advice");
    assert!(
        advice
            .iter()
            .any(|a| a.as_str().is_some_and(|a| a.contains("10%"))),
        "{advice:?}"
    );
    let routines = result["routines"].as_array().expect("routines");
    assert!((1..=3).contains(&routines.len()), "{routines:?}");
    assert!(
        routines.contains(&serde_json::json!("upper-back-stretch")),
        "{routines:?}"
    );
    let history = json(&limberup(&["history", "--json"], dir.path()));
    assert_eq!(
        history["checks"].as_array().map(Vec::len),
        Some(0),
        "--no-save saves nothing"
    );

    json(&limberup(
        &["check", "--answers", answers, "--json"],
        dir.path(),
    ));
    let history = json(&limberup(&["history", "--json"], dir.path()));
    assert_eq!(history["checks"][0]["taken_at"], "2026-11-20T08:00:00Z");
    assert_eq!(history["checks"][0]["level"], "self-care");
}

#[test]
fn the_person_facing_result_names_the_level_in_words_and_has_the_disclaimer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = limberup(
        &[
            "check",
            "--answers",
            "tests/fixtures/answers/self-care.toml",
            "--no-save",
        ],
        dir.path(),
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.starts_with("Result: SELF-CARE · rest from running for a few days"),
        "{text}"
    );
    assert!(
        text.contains("not a diagnosis") && text.contains("112, 911, 999"),
        "{text}"
    );
}

#[test]
fn invalid_answers_exit_1_with_positions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = limberup(
        &["check", "--answers", "tests/fixtures/answers/invalid.toml"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let p = "tests/fixtures/answers/invalid.toml";
    assert_eq!(
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .collect::<Vec<_>>(),
        [
            format!("{p}:1:8: error: `pain` must be from 0 to 10, found 12"),
            format!(
                "{p}:2:10: error: unknown id \"lower-bak\" in `areas` (did you mean `lower-back`?)"
            ),
            format!(
                "{p}:3:13: error: unknown id \"chest-pains\" in `symptoms` (did you mean `chest-pain`?)"
            ),
        ]
    );
}

#[test]
fn saved_checks_feed_the_history_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("a.toml");
    let mut last = serde_json::Value::Null;
    for day in ["2026-11-10", "2026-11-15", "2026-11-20"] {
        std::fs::write(
            &answers,
            format!("pain = 5\nareas = [\"lower-back\"]\ndate = {day}T07:00:00Z\n"),
        )
        .expect("write");
        last = json(&limberup(
            &[
                "check",
                "--answers",
                &answers.display().to_string(),
                "--json",
            ],
            dir.path(),
        ));
    }
    // Three different days at pain >= 4 in the same area within 14 days: R10.
    assert_eq!(last["level"], "review");
    assert_eq!(last["rules"], serde_json::json!(["R10", "S1"]));
    let csv = limberup(&["history", "--csv"], dir.path());
    let text = String::from_utf8(csv.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.ends_with(",5,lower-back,review,R10;S1")),
        "{text}"
    );
}

#[test]
fn a_corrupt_history_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("history.sqlite3");
    std::fs::write(&file, b"not a database").expect("write");
    let output = limberup(&["history"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("this is not an SQLite database") && error.contains("untouched"),
        "{error}"
    );
    assert_eq!(std::fs::read(&file).expect("kept"), b"not a database");
}

#[test]
fn snapshot_answers_the_check_at_the_end_of_a_routine_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = limberup(
        &[
            "snapshot",
            "tests/fixtures/screens/player.toml",
            "--keys",
            "enter@200",
            "--answers",
            "tests/fixtures/answers/review.toml",
            "--at",
            "199",
            "--at",
            "200",
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8_lossy(&output.stdout);
    let (before, after) = text.split_once("--- t=200.0s ---").expect("two screens");
    assert!(before.contains("CHIN TUCKS"), "{before}");
    assert!(after.contains("REVIEW · see a physio or doctor"), "{after}");
    assert!(after.contains("(R2)"), "{after}");
    assert!(
        !dir.path().join("history.sqlite3").exists(),
        "snapshot never writes the history"
    );
}

#[test]
fn snapshot_reports_bad_answers_and_bad_dates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = limberup(
        &[
            "snapshot",
            "--answers",
            "tests/fixtures/answers/invalid.toml",
        ],
        dir.path(),
    );
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.starts_with("tests/fixtures/answers/invalid.toml:1:8: error:"),
        "{stderr}"
    );
    for date in ["2026-02-30", "24-11-2026", "2026-13-01", "today"] {
        let output = limberup(&["snapshot", "--today", date], dir.path());
        assert_eq!(output.status.code(), Some(2), "{date}");
    }
    let history = limberup(
        &[
            "snapshot",
            "--today",
            "2026-11-24",
            "--keys",
            "h@1",
            "--at",
            "1",
        ],
        dir.path(),
    );
    assert!(String::from_utf8_lossy(&history.stdout).contains("Nothing here yet"));
}

#[test]
fn check_without_answers_needs_a_terminal_and_json_needs_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = limberup(&["check"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("needs a terminal"),
        "{output:?}"
    );
    let output = limberup(&["check", "--json"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("--json needs --answers FILE"),
        "{output:?}"
    );
}

/// A routine id with a comma and an escape sequence (a hostile shared routine's file name) stays one
/// CSV field and never reaches the terminal as a control sequence.
#[test]
fn history_output_quotes_and_escapes_what_came_from_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    json(&limberup(
        &[
            "check",
            "--answers",
            "tests/fixtures/answers/ok.toml",
            "--json",
        ],
        dir.path(),
    ));
    let connection = rusqlite::Connection::open(dir.path().join("history.sqlite3")).expect("open");
    connection
        .execute(
            "INSERT INTO sessions (routine_id, routine_hash, started_at, ended_at, finished, completed,
             skipped, extended, pauses, paused_ms, active_ms) VALUES
             ('warm,up\u{1b}]0;owned\u{7}', 'h', '2026-11-20T07:00:00Z', '2026-11-20T07:10:00Z', 1, 3, 0, 0, 0, 0, 600000)",
            [],
        )
        .expect("insert");
    drop(connection);
    for format in ["--csv", "--text"] {
        let args: &[&str] = if format == "--csv" {
            &["history", "--csv"]
        } else {
            &["history"]
        };
        let output = limberup(args, dir.path());
        assert!(output.status.success(), "{output:?}");
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format}: {text:?}"
        );
        assert!(
            text.contains("warm,up\\u{1b}]0;owned\\u{7}"),
            "{format}: {text}"
        );
        if format == "--csv" {
            assert!(
                text.contains("session,2026-11-20T07:00:00Z,\"warm,up"),
                "{text}"
            );
        }
    }
}
