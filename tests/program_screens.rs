//! The Today screen in each state of a program, through the binary's headless `snapshot --today`,
//! on a history made with `program start`, `log` and dated `check --answers`.

use std::path::Path;
use std::process::{Command, Output};

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_DATA_DIR", data_dir)
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .env("TZ", "Europe/Paris")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn screen(dir: &Path, today: &str) -> String {
    String::from_utf8_lossy(&limberup(&["snapshot", "--today", today], dir).stdout).into_owned()
}

fn check(dir: &Path, answers: &str, date: &str) {
    let file = dir.join("answers.toml");
    std::fs::write(&file, format!("{answers}\ndate = {date}\n")).expect("written");
    limberup(
        &[
            "check",
            "--answers",
            file.to_str().expect("utf-8"),
            "--json",
        ],
        dir,
    );
}

/// Upper-back fix from Monday 2 March 2026: week 1 done in full, a self-care check on Wednesday
/// 11 March, a review check on Tuesday 17 March.
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path();
    limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        path,
    );
    for (routine, date, pain) in [
        ("upper-back-strength", "2026-03-02T18:00", "2"),
        ("thoracic-mobility", "2026-03-03T08:00", "1"),
        ("upper-back-strength", "2026-03-04T18:00", "2"),
        ("upper-back-strength", "2026-03-06T18:00", "3"),
        ("thoracic-mobility", "2026-03-07T09:00", "1"),
        ("upper-back-strength", "2026-03-09T18:00", "4"),
    ] {
        limberup(&["log", routine, "--date", date, "--pain", pain], path);
    }
    check(
        path,
        "pain = 6\nareas = [\"upper-back\"]\nonset = \"after-run\"\ndays = 1\ntrend = \"same\"",
        "2026-03-11T08:00:00",
    );
    check(
        path,
        "pain = 5\nareas = [\"lower-back\"]\nsymptoms = [\"radiating\"]\ndays = 2",
        "2026-03-17T08:00:00",
    );
    dir
}

#[test]
fn today_in_each_state() {
    let dir = history();
    let active = screen(dir.path(), "2026-03-10");
    assert!(active.contains("Week 2 of 4 · level 1"), "{active}");
    insta::assert_snapshot!("today_active", active);
    let resting = screen(dir.path(), "2026-03-12");
    assert!(resting.contains("Rest days"), "{resting}");
    insta::assert_snapshot!("today_rest_days", resting);
    let paused = screen(dir.path(), "2026-03-18");
    assert!(paused.contains("Paused"), "{paused}");
    insta::assert_snapshot!("today_paused", paused);
    let finished = screen(dir.path(), "2026-04-01");
    assert!(finished.contains("Finished"), "{finished}");
    insta::assert_snapshot!("today_finished", finished);
}

#[test]
fn without_a_program_the_app_opens_on_the_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = screen(dir.path(), "2026-03-10");
    assert!(!first.contains("today"), "{first}");
    assert!(first.contains("Upper-back strength"), "{first}");
}
