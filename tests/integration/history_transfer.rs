//! `history export / import / backup` on the real binary: an export imported on another machine
//! gives the same history, importing it again doubles nothing, a bad export imports nothing, and a
//! backup is a consistent file with the same rows.

use std::path::Path;
use std::process::Output;

use super::common::cli::{limberup_in, ok};
use super::common::runs::{fixture, gpx_run};

fn utc(args: &[&str], data: &Path) -> Output {
    limberup_in("UTC", args, data)
}

/// A history with sessions, a pain check, an active program, and runs (one forgotten, one the
/// same run as another from a second file).
fn full_history(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("a");
    ok(&utc(
        &[
            "log",
            "upper-back-stretch",
            "--date",
            "2026-09-01T18:00",
            "--pain",
            "2",
        ],
        &data,
    ));
    ok(&utc(
        &["log", "upper-back-stretch", "--date", "2026-09-08T18:00"],
        &data,
    ));
    let answers =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/ok.toml");
    ok(&utc(
        &["check", "--answers", answers.to_str().expect("utf-8")],
        &data,
    ));
    ok(&utc(
        &["program", "start", "back-to-running", "--on", "2026-09-01"],
        &data,
    ));
    let runs = dir.join("runs");
    std::fs::create_dir_all(&runs).expect("folder");
    gpx_run(&runs, "1.gpx", "2026-07-15T07:00:00Z", 30, 5_000.0);
    gpx_run(&runs, "2.gpx", "2026-09-01T07:00:00Z", 60, 10_000.0);
    gpx_run(&runs, "3.gpx", "2026-09-08T07:00:00Z", 81, 13_500.0);
    std::fs::copy(
        fixture("rusttcx-20210119_run_garmin_fenix6.tcx"),
        runs.join("4.tcx"),
    )
    .expect("copy");
    super::runs_history::gpx_of_the_tcx(&runs);
    ok(&utc(
        &["runs", "import", runs.to_str().expect("utf-8")],
        &data,
    ));
    ok(&utc(&["runs", "forget", "1"], &data));
    data
}

/// Everything a person can see of a history.
fn everything(data: &Path) -> Vec<String> {
    [
        &["runs", "list", "--all", "--json"][..],
        &["history", "--json"][..],
        &["program", "status", "--json", "--today", "2026-09-10"][..],
    ]
    .iter()
    .map(|args| ok(&utc(args, data)))
    .collect()
}

#[test]
fn an_export_imported_elsewhere_is_the_same_history_and_again_doubles_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = full_history(dir.path());
    let export = dir.path().join("export.jsonl");
    std::fs::write(&export, ok(&utc(&["history", "export"], &a))).expect("write");
    let export = export.to_str().expect("utf-8");
    let b = dir.path().join("b");
    let first = "sessions: 2 added, 0 already here\n\
         pain checks: 1 added, 0 already here\n\
         active program: 1 added, 0 already here\n\
         program resumes: 0 added, 0 already here\n\
         runs: 5 added (1 of them another file of a run counted once), 0 already here\n";
    let again = "sessions: 0 added, 2 already here\n\
         pain checks: 0 added, 1 already here\n\
         active program: 0 added, 1 already here\n\
         program resumes: 0 added, 0 already here\n\
         runs: 0 added, 5 already here\n";
    for expected in [first, again] {
        assert_eq!(ok(&utc(&["history", "import", export], &b)), expected);
        assert_eq!(everything(&b), everything(&a));
    }
    // And back the other way: nothing of A is doubled either.
    let back = dir.path().join("back.jsonl");
    std::fs::write(&back, ok(&utc(&["history", "export"], &b))).expect("write");
    let merged = ok(&utc(
        &["history", "import", back.to_str().expect("utf-8")],
        &a,
    ));
    assert!(
        merged.ends_with("runs: 0 added, 5 already here\n"),
        "{merged}"
    );
    assert_eq!(everything(&b), everything(&a));
}

#[test]
fn an_export_since_a_day_keeps_what_came_from_it_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = full_history(dir.path());
    let export = ok(&utc(&["history", "export", "--since", "2026-09-08"], &a));
    let kinds: Vec<String> = export
        .lines()
        .skip(1)
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("json");
            record["kind"].as_str().expect("kind").to_owned()
        })
        .collect();
    // The second session, the check (taken now), the program, and the 13.5 km run.
    assert_eq!(kinds, ["session", "check", "program", "run"]);
    let header: serde_json::Value =
        serde_json::from_str(export.lines().next().expect("a first line")).expect("json");
    assert_eq!(header["format"], "limberup-history");
    assert_eq!(header["version"], 2);
}

#[test]
fn a_bad_export_names_each_bad_line_and_imports_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("b");
    let file = dir.path().join("bad.jsonl");
    std::fs::write(
        &file,
        "{\"format\":\"limberup-history\",\"version\":1}\n\
         {\"kind\":\"session\",\"routine_id\":\"x\",\"started_at\":\"2026-09-01T18:00:00Z\"}\n\
         {\"kind\":\"run\",\"format\":\"gpx\"}\n\
         {\"kind\":\"session\",\"id\":4}\n\
         {\"kind\":\"session\",\"routine_id\":\"x\"; DROP TABLE sessions\":1}\n\
         {\"kind\":\"nap\"}\n\
         not json\n",
    )
    .expect("write");
    let file = file.to_str().expect("utf-8");
    let output = utc(&["history", "import", file], &data);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "{file}:2: error: a session needs `routine_hash`, `ended_at`, `finished`, `completed`, `skipped`, `extended`, `pauses`, `paused_ms`, `active_ms`\n\
             {file}:3: error: a run needs `start`\n\
             {file}:4: error: a session has no field `id`\n\
             {file}:5:35: error: not a JSON object (expected `,` or `}}`)\n\
             {file}:6: error: `kind` must be one of session, check, program, program-resume, run, found \"nap\"\n\
             {file}:7:2: error: not a JSON object (expected ident)\n\
             nothing was imported\n"
        )
    );
    assert_eq!(
        ok(&utc(&["history", "--json"], &data))
            .matches("routine")
            .count(),
        0
    );
    let device = utc(&["history", "import", "/dev/zero"], &data);
    assert_eq!(
        String::from_utf8_lossy(&device.stderr),
        "limberup: error: /dev/zero: not a regular file (a device, pipe or socket); give the file `history export` wrote\n"
    );
    let newer = dir.path().join("newer.jsonl");
    std::fs::write(&newer, "{\"format\":\"limberup-history\",\"version\":3}\n").expect("write");
    let output = utc(
        &["history", "import", newer.to_str().expect("utf-8")],
        &data,
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "{}:1: error: an export of version 3, from a newer limberup (this one reads versions 1 to 2); update limberup\nnothing was imported\n",
            newer.display()
        )
    );
}

#[test]
fn a_backup_is_a_consistent_file_with_the_same_rows_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = full_history(dir.path());
    let copy = dir.path().join("copy");
    std::fs::create_dir_all(&copy).expect("folder");
    let file = copy.join("history.sqlite3");
    let file_text = file.to_str().expect("utf-8");
    // Another connection holds a write open meanwhile: the backup reads one snapshot.
    let writer = rusqlite::Connection::open(a.join("history.sqlite3")).expect("open");
    writer
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM runs; DELETE FROM sessions;")
        .expect("an open write");
    assert_eq!(
        ok(&utc(&["history", "backup", file_text], &a)),
        format!("backed up {}/history.sqlite3 to {file_text}\n", a.display())
    );
    writer.execute_batch("ROLLBACK").expect("rollback");
    let backup = rusqlite::Connection::open(&file).expect("the backup opens");
    let integrity: String = backup
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("checks");
    assert_eq!(integrity, "ok");
    assert_eq!(everything(&copy), everything(&a));
    let again = utc(&["history", "backup", file_text], &a);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&again.stderr),
        format!(
            "limberup: error: {file_text} exists already; give a new file name (a backup never overwrites a file)\n"
        )
    );
    let none = utc(
        &["history", "backup", "x.sqlite3"],
        &dir.path().join("empty"),
    );
    assert_eq!(none.status.code(), Some(1));
}
