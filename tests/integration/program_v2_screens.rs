//! The Today screen in version 2's states, through the binary's headless `snapshot --today`: a rest
//! day after a painful session (asking for the check), paused after two red weeks, resumed one
//! level lower, scheduled, and finished with its advice.

use std::path::Path;
use std::process::{Command, Output};

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_DATA_DIR", data_dir)
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .env("TZ", "Europe/Paris")
        .output()
        .expect("the binary runs")
}

/// Today on `today`, after `esc` skips the morning question about yesterday's session, if
/// `morning`.
fn today_screen(dir: &Path, today: &str, morning: bool) -> String {
    let mut args = vec!["snapshot", "--today", today];
    if morning {
        args.extend(["--keys", "esc@0", "--at", "1"]);
    }
    let output = limberup(&args, dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn started(on: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = limberup(
        &["program", "start", "upper-back-fix", "--on", on],
        dir.path(),
    );
    assert!(output.status.success());
    dir
}

fn log(dir: &Path, routine: &str, date: &str, pain: u8) {
    let output = limberup(
        &["log", routine, "--date", date, "--pain", &pain.to_string()],
        dir,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn check(dir: &Path, answers: &str, date: &str) {
    let file = dir.join("answers.toml");
    std::fs::write(&file, format!("{answers}\ndate = {date}\n")).expect("written");
    let output = limberup(&["check", "--answers", file.to_str().expect("utf-8")], dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A full week of upper-back-fix from Monday `monday` (a day of March 2026) with this pain:
/// strength Mon, Wed, Fri, mobility Tue, Sat, and from week 2 the stretch Thu, Sun.
fn full_week(dir: &Path, monday: u32, pain: u8) {
    let mut sessions = vec![
        ("upper-back-strength", 0),
        ("thoracic-mobility", 1),
        ("upper-back-strength", 2),
        ("upper-back-strength", 4),
        ("thoracic-mobility", 5),
    ];
    if monday > 2 {
        sessions.extend([("upper-back-stretch", 3), ("upper-back-stretch", 6)]);
    }
    for (routine, offset) in sessions {
        let day = jiff::civil::date(2026, 3, 1)
            .checked_add(jiff::Span::new().days(i64::from(monday - 1 + offset)))
            .expect("a day");
        log(dir, routine, &format!("{day}T08:00"), pain);
    }
}

#[test]
fn a_rest_day_after_a_painful_session_asks_for_the_check() {
    let dir = started("2026-03-02");
    log(dir.path(), "upper-back-strength", "2026-03-02T18:00", 7);
    let screen = today_screen(dir.path(), "2026-03-03", true);
    assert!(
        screen.contains("A rest day: the session on Mon 2 Mar hurt 7/10"),
        "{screen}"
    );
    assert!(
        screen.contains("Your last session hurt 7/10: take the pain check (c)"),
        "{screen}"
    );
    assert!(
        screen.contains("Gentle rest-day routine"),
        "the rest routine is due: {screen}"
    );
    insta::assert_snapshot!("today_v2_rest_day_after_pain", screen);
}

#[test]
fn paused_after_two_red_weeks() {
    let dir = started("2026-03-02");
    log(dir.path(), "upper-back-strength", "2026-03-02T18:00", 7);
    log(dir.path(), "upper-back-strength", "2026-03-09T18:00", 6);
    let screen = today_screen(dir.path(), "2026-03-16", false);
    assert!(screen.contains("Paused after two red weeks"), "{screen}");
    assert!(
        screen.contains("Two weeks of pain: see a physiotherapist"),
        "{screen}"
    );
    insta::assert_snapshot!("today_v2_paused_two_red_weeks", screen);
}

#[test]
fn resumed_one_level_lower() {
    let dir = started("2026-03-02");
    full_week(dir.path(), 2, 1);
    full_week(dir.path(), 9, 1);
    let review = "pain = 5\nareas = [\"lower-back\"]\nsymptoms = [\"radiating\"]\ndays = 2";
    check(dir.path(), review, "2026-03-17T08:00:00");
    // The same day, and the next: still paused, however the check goes.
    check(
        dir.path(),
        "pain = 1\nareas = [\"legs\"]",
        "2026-03-17T19:00:00",
    );
    let still = today_screen(dir.path(), "2026-03-18", false);
    assert!(
        still.contains("Paused: the pain check on Tue 17 Mar"),
        "{still}"
    );
    check(
        dir.path(),
        "pain = 1\nareas = [\"legs\"]",
        "2026-03-19T09:00:00",
    );
    let screen = today_screen(dir.path(), "2026-03-19", false);
    assert!(
        screen.contains("Resumed on Thu 19 Mar one level lower: level 1"),
        "{screen}"
    );
    assert!(screen.contains("Week 3 of 4 · level 1"), "{screen}");
    insta::assert_snapshot!("today_v2_resumed", screen);
}

#[test]
fn scheduled_before_the_first_week() {
    let dir = started("2026-03-09");
    let screen = today_screen(dir.path(), "2026-03-05", false);
    assert!(
        screen.contains("Starts on Mon 9 Mar: nothing is due until then."),
        "{screen}"
    );
    assert!(screen.contains("Nothing due today."), "{screen}");
    insta::assert_snapshot!("today_v2_scheduled", screen);
}

#[test]
fn finished_with_its_advice() {
    let dir = started("2026-03-02");
    for monday in [2, 9, 16, 23] {
        full_week(dir.path(), monday, 1);
    }
    let screen = today_screen(dir.path(), "2026-03-30", true);
    assert!(
        screen.contains("Finished: all 4 weeks done, ending at level 3."),
        "{screen}"
    );
    assert!(screen.contains("runner-maintenance"), "{screen}");
    insta::assert_snapshot!("today_v2_finished_green", screen);
}
