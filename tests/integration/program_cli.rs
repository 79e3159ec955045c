//! A program played through three weeks with the real binary: sessions logged with `log`, pain checks
//! answered from dated files with `check --answers`, and `program status --json --today` read after
//! each step. Times are local to Paris, as the runner's days are.

use std::path::Path;
use std::process::Output;

use crate::common::cli::{self, ok};

use serde_json::{Value, json};

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    cli::limberup_in("Europe/Paris", args, data_dir)
}

fn status(dir: &Path, today: &str) -> Value {
    let text = ok(&limberup(
        &["program", "status", "--json", "--today", today],
        dir,
    ));
    serde_json::from_str(&text).expect("JSON")
}

fn log(dir: &Path, routine: &str, date: &str, pain: u8) -> String {
    ok(&limberup(
        &["log", routine, "--date", date, "--pain", &pain.to_string()],
        dir,
    ))
}

/// A pain check taken on `date` (local), answered from a file.
fn check(dir: &Path, answers: &str, date: &str) -> String {
    let file = dir.join("answers.toml");
    std::fs::write(&file, format!("{answers}\ndate = {date}\n")).expect("written");
    let result = ok(&limberup(
        &[
            "check",
            "--answers",
            file.to_str().expect("utf-8"),
            "--json",
        ],
        dir,
    ));
    let result: Value = serde_json::from_str(&result).expect("JSON");
    result["level"].as_str().unwrap_or_default().to_owned()
}

/// (state, week, level, done, planned, last week, routines due)
fn summary(status: &Value) -> (String, i64, i64, i64, i64, Value, Vec<String>) {
    let due = status["due"]
        .as_array()
        .expect("due")
        .iter()
        .map(|d| d["routine"].as_str().unwrap_or_default().to_owned())
        .collect();
    (
        status["state"].as_str().unwrap_or_default().to_owned(),
        status["week"].as_i64().unwrap_or(-1),
        status["level"].as_i64().unwrap_or(-1),
        status["done_this_week"].as_i64().unwrap_or(-1),
        status["planned_this_week"].as_i64().unwrap_or(-1),
        status["last_week"].clone(),
        due,
    )
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn three_weeks_of_a_program_through_the_binary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    assert_eq!(status(dir, "2026-03-02")["state"], "none");
    ok(&limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        dir,
    ));

    // Week 1 (Mon 2 - Sun 8 March): everything done, little pain.
    let first = status(dir, "2026-03-02");
    assert_eq!(
        first,
        json!({"program": "upper-back-fix", "week": 1, "weeks": 4, "level": 0, "state": "active",
               "due": [{"routine": "upper-back-strength", "level": 0, "total_s": 894.0}],
               "done_this_week": 0, "planned_this_week": 5, "last_week": null,
               "advice": null, "repeat": false, "reason": "the starting level"})
    );
    let logged = log(dir, "upper-back-strength", "2026-03-02T18:00", 2);
    assert!(logged.contains("level 0"), "{logged}");
    assert_eq!(
        summary(&status(dir, "2026-03-02")),
        ("active".into(), 1, 0, 1, 5, Value::Null, vec![])
    );
    assert_eq!(
        summary(&status(dir, "2026-03-03")).6,
        owned(&["upper-back-strength", "thoracic-mobility"])
    );
    log(dir, "thoracic-mobility", "2026-03-03T07:30", 1);
    log(dir, "upper-back-strength", "2026-03-04T18:00", 2);
    log(dir, "upper-back-strength", "2026-03-06T18:00", 3);
    log(dir, "thoracic-mobility", "2026-03-07T09:00", 1);
    assert_eq!(
        summary(&status(dir, "2026-03-08")),
        ("active".into(), 1, 0, 5, 5, Value::Null, vec![])
    );

    week_two(dir);
    week_three(dir);
}

fn week_two(dir: &Path) {
    // Week 2: green last week, level 1; the stretch joins; a session hurts 4/10, a self-care check
    // gives three rest days.
    let second = status(dir, "2026-03-09");
    assert_eq!(
        summary(&second),
        (
            "active".into(),
            2,
            1,
            0,
            7,
            json!("green"),
            owned(&["upper-back-strength", "upper-back-stretch"])
        )
    );
    let at_level_one = ok(&limberup(
        &["plan", "upper-back-strength", "--level", "1", "--json"],
        dir,
    ));
    let at_level_one: Value = serde_json::from_str(&at_level_one).expect("JSON");
    assert_eq!(second["due"][0]["total_s"], at_level_one["total_s"]);
    assert_ne!(second["due"][0]["total_s"], json!(894.0), "it grew");
    let logged = log(dir, "upper-back-strength", "2026-03-09T18:00", 4);
    assert!(logged.contains("level 1"), "{logged}");
    let self_care =
        "pain = 6\nareas = [\"upper-back\"]\nonset = \"after-run\"\ndays = 1\ntrend = \"same\"";
    assert_eq!(check(dir, self_care, "2026-03-11T08:00:00"), "self-care");
    // Rest days plan nothing, but Wed-Fri hold no fixed day and 4 open days still fit 3 + 2 + 2.
    let resting = status(dir, "2026-03-11");
    assert_eq!(
        summary(&resting),
        (
            "rest-days".into(),
            2,
            1,
            1,
            7,
            json!("green"),
            owned(&["rest-day-gentle"])
        )
    );
    assert_eq!(resting["due"][0]["level"], 0);
    assert_eq!(summary(&status(dir, "2026-03-13")).0, "rest-days");
    assert_eq!(summary(&status(dir, "2026-03-14")).0, "active");
    log(dir, "thoracic-mobility", "2026-03-14T09:00", 1);
}

fn week_three(dir: &Path) {
    // Week 3: amber last week (pain 4 above 3, a self-care check), the level holds at 1. A review
    // check pauses the program; a later ok check resumes it.
    let third = summary(&status(dir, "2026-03-16"));
    assert_eq!(
        (third.0.as_str(), third.1, third.2, third.5),
        ("active", 3, 1, json!("amber"))
    );
    log(dir, "upper-back-strength", "2026-03-16T18:00", 2);
    let review = "pain = 5\nareas = [\"lower-back\"]\nsymptoms = [\"radiating\"]\ndays = 2";
    assert_eq!(check(dir, review, "2026-03-17T08:00:00"), "review");
    // Paused from Tuesday on: only Monday plans (one strength, one stretch).
    assert_eq!(
        summary(&status(dir, "2026-03-17")),
        ("paused".into(), 3, 1, 1, 2, json!("amber"), vec![])
    );
    assert_eq!(summary(&status(dir, "2026-03-18")).0, "paused");
    assert_eq!(
        check(dir, "pain = 1\nareas = [\"legs\"]", "2026-03-19T08:00:00"),
        "ok"
    );
    let resumed = summary(&status(dir, "2026-03-19"));
    assert_eq!(
        (resumed.0.as_str(), resumed.6),
        (
            "active",
            owned(&["upper-back-strength", "upper-back-stretch"])
        )
    );
    // Week 4: the review check made week 3 red, so the level steps back to 0.
    let fourth = summary(&status(dir, "2026-03-23"));
    assert_eq!((fourth.1, fourth.2, fourth.5), (4, 0, json!("red")));
    // After its last week the program is finished; stopping leaves none.
    assert_eq!(summary(&status(dir, "2026-03-30")).0, "finished");
    ok(&limberup(&["program", "stop"], dir));
    assert_eq!(status(dir, "2026-03-30")["state"], "none");
}
