//! Programs version 2 through the binary: `back-to-running` played through a painful first week
//! (week 1 again, the warm-up not due) and then a good one; two red weeks and `program resume`;
//! `log --morning`; `program show`; `plan --level` beyond reach. Times are local to Paris.

use std::path::Path;
use std::process::Output;

use crate::common::cli::{self, ok};

use serde_json::Value;

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    cli::limberup_in("Europe/Paris", args, data_dir)
}

/// The exit code and what was said on stderr.
fn refused(output: &Output) -> (Option<i32>, String) {
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn status(dir: &Path, today: &str) -> Value {
    let text = ok(&limberup(
        &["program", "status", "--json", "--today", today],
        dir,
    ));
    serde_json::from_str(&text).expect("JSON")
}

fn due(status: &Value) -> Vec<String> {
    status["due"]
        .as_array()
        .expect("due")
        .iter()
        .map(|d| d["routine"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn log(dir: &Path, routine: &str, date: &str, pain: u8) {
    ok(&limberup(
        &["log", routine, "--date", date, "--pain", &pain.to_string()],
        dir,
    ));
}

/// A week of back-to-running's week 1 from Monday `day` of March 2026: the gentle routine five
/// days, the stretch two, with these pains.
fn gentle_week(dir: &Path, monday: u32, pains: [u8; 7]) {
    let routines = [
        "rest-day-gentle",
        "lower-back-hamstrings",
        "rest-day-gentle",
        "rest-day-gentle",
        "rest-day-gentle",
        "lower-back-hamstrings",
        "rest-day-gentle",
    ];
    for (offset, (routine, pain)) in routines.iter().zip(pains).enumerate() {
        let day = monday + u32::try_from(offset).expect("small");
        log(dir, routine, &format!("2026-03-{day:02}T08:00"), pain);
    }
}

#[test]
fn back_to_running_repeats_a_painful_first_week_then_moves_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    ok(&limberup(
        &["program", "start", "back-to-running", "--on", "2026-03-02"],
        dir,
    ));
    // Week 1: Thursday's gentle session hurts 5/10 (above its amber, 4).
    gentle_week(dir, 2, [1, 3, 2, 5, 1, 2, 1]);
    let friday = status(dir, "2026-03-06");
    assert_eq!(friday["state"], "rest-days", "{friday}");
    // Only the gentle routine was due, and it was done that day.
    assert_eq!(due(&friday), Vec::<String>::new());
    assert_eq!(
        friday["reason"],
        "a rest day: the session on Thu 5 Mar hurt 5/10"
    );
    let text = ok(&limberup(
        &["program", "status", "--today", "2026-03-06"],
        dir,
    ));
    assert!(text.contains("Your last session hurt 5/10"), "{text}");
    // Week 2 of the calendar: week 1 again, at level 0; the warm-up that leads into running is
    // not due.
    let again = status(dir, "2026-03-09");
    assert_eq!(
        (
            &again["week"],
            &again["level"],
            &again["repeat"],
            &again["last_week"]
        ),
        (
            &Value::from(1),
            &Value::from(0),
            &Value::from(true),
            &Value::from("red")
        ),
        "{again}"
    );
    assert_eq!(due(&again), ["rest-day-gentle", "lower-back-hamstrings"]);
    assert!(!due(&again).contains(&"pre-run-warm-up".to_owned()));
    let text = ok(&limberup(
        &["program", "status", "--today", "2026-03-09"],
        dir,
    ));
    assert!(text.contains("Week 1 of 2 again"), "{text}");
    // A good week: green, so week 2 begins, one level up, with the warm-up.
    gentle_week(dir, 9, [0, 1, 0, 1, 0, 1, 0]);
    let moved = status(dir, "2026-03-16");
    assert_eq!(
        (
            &moved["week"],
            &moved["level"],
            &moved["repeat"],
            &moved["last_week"]
        ),
        (
            &Value::from(2),
            &Value::from(1),
            &Value::from(false),
            &Value::from("green")
        ),
        "{moved}"
    );
    assert!(
        due(&moved).contains(&"pre-run-warm-up".to_owned()),
        "{moved}"
    );
    assert_eq!(moved["state"], "active");
    assert_eq!(moved["advice"], Value::Null);
}

#[test]
fn two_red_weeks_pause_until_program_resume_48_hours_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    ok(&limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        dir,
    ));
    log(dir, "upper-back-strength", "2026-03-02T18:00", 7);
    log(dir, "upper-back-strength", "2026-03-09T18:00", 6);
    let paused = status(dir, "2026-03-16");
    assert_eq!(paused["state"], "paused", "{paused}");
    assert_eq!(due(&paused), Vec::<String>::new());
    let advice = paused["advice"].as_str().unwrap_or_default();
    assert!(
        advice.starts_with("Two weeks of pain: see a physiotherapist before going on"),
        "{advice}"
    );
    assert_eq!(paused["reason"], "paused: two red weeks in a row");
    // The next day is too soon.
    let (code, said) = refused(&limberup(
        &["program", "resume", "--date", "2026-03-17T09:00"],
        dir,
    ));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("too soon"), "{said}");
    assert_eq!(status(dir, "2026-03-17")["state"], "paused");
    // Two days on: resumed, one level lower (it was 0, so 0).
    let said = ok(&limberup(
        &["program", "resume", "--date", "2026-03-18T09:00"],
        dir,
    ));
    assert!(said.contains("one level lower"), "{said}");
    let resumed = status(dir, "2026-03-18");
    assert_eq!(
        (&resumed["state"], &resumed["level"]),
        (&Value::from("active"), &Value::from(0))
    );
    assert!(
        resumed["reason"]
            .as_str()
            .unwrap_or_default()
            .contains("resumed"),
        "{resumed}"
    );
    // Resuming an active program is refused.
    let (code, said) = refused(&limberup(
        &["program", "resume", "--date", "2026-03-19T09:00"],
        dir,
    ));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("not paused"), "{said}");
}

#[test]
fn log_morning_answers_about_the_session_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    ok(&limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        dir,
    ));
    for (routine, date) in [
        ("upper-back-strength", "2026-03-02T18:00"),
        ("thoracic-mobility", "2026-03-03T08:00"),
        ("upper-back-strength", "2026-03-04T18:00"),
        ("upper-back-strength", "2026-03-06T18:00"),
        ("thoracic-mobility", "2026-03-07T09:00"),
    ] {
        log(dir, routine, date, 1);
    }
    let said = ok(&limberup(
        &[
            "log",
            "upper-back-strength",
            "--date",
            "2026-03-05T07:00",
            "--morning",
            "worse",
        ],
        dir,
    ));
    assert!(said.contains("2026-03-04: worse"), "{said}");
    let week2 = status(dir, "2026-03-09");
    assert_eq!(week2["last_week"], "amber", "{week2}");
    assert_eq!(week2["level"], 0);
    // Nothing to answer about, and misuse.
    let (code, said) = refused(&limberup(
        &["log", "upper-back-stretch", "--morning", "same"],
        dir,
    ));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("no program session"), "{said}");
    for misuse in [
        &["log", "upper-back-strength", "--morning", "awful"][..],
        &[
            "log",
            "upper-back-strength",
            "--pain",
            "2",
            "--morning",
            "same",
        ],
    ] {
        assert_eq!(limberup(misuse, dir).status.code(), Some(2), "{misuse:?}");
    }
}

#[test]
fn program_show_and_plan_levels_beyond_reach() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    let shown: Value = serde_json::from_str(&ok(&limberup(
        &["program", "show", "back-to-running", "--json"],
        dir,
    )))
    .expect("JSON");
    assert_eq!(shown["advance"], "on-green");
    let week = |n: usize| -> Vec<String> {
        shown["plan"][n]["sessions"]
            .as_array()
            .expect("sessions")
            .iter()
            .map(|s| s["routine"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(week(0), ["rest-day-gentle", "lower-back-hamstrings"]);
    assert_eq!(week(1), ["lower-back-hamstrings", "pre-run-warm-up"]);
    let text = ok(&limberup(
        &["program", "show", "upper-back-fix", "--level", "2"],
        dir,
    ));
    assert!(text.contains("At level 2:"), "{text}");
    // Showing does not start it.
    assert_eq!(status(dir, "2026-03-02")["state"], "none");
    let (code, said) = refused(&limberup(
        &["program", "show", "upper-back-fix", "--level", "4"],
        dir,
    ));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("levels go from 0 to 3"), "{said}");
    // `plan --level`: the active program's ceiling (core-for-runners: max_level 3 of 6 weeks).
    ok(&limberup(
        &["program", "start", "core-for-runners", "--on", "2026-03-02"],
        dir,
    ));
    ok(&limberup(&["plan", "core-stability", "--level", "3"], dir));
    let (code, said) = refused(&limberup(&["plan", "core-stability", "--level", "4"], dir));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("its `max_level` is 3"), "{said}");
}
