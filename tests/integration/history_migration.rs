//! Older histories with a row that cannot be converted, or a step that already happened, through the
//! real binary: the row is set aside and named once, everything else migrates, and saving works
//! (issue 23, item 5).

use std::path::Path;
use std::process::Output;

use crate::common::cli::{self, ok as succeeds};

use rusqlite::{Connection, params};

/// "LIMB", as limberup marks its histories.
const APPLICATION_ID: i32 = 0x4C49_4D42;

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    cli::limberup_in("UTC", args, data_dir)
}

/// A version-1 history as limberup 0.1 wrote it (its schema copied here, as the old file has it).
fn version_one(data_dir: &Path) -> Connection {
    std::fs::create_dir_all(data_dir).expect("folder");
    let connection = Connection::open(data_dir.join("history.sqlite3")).expect("create");
    connection
        .execute_batch(
            "CREATE TABLE sessions (id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL,
                routine_hash TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT NOT NULL,
                finished INTEGER NOT NULL, completed INTEGER NOT NULL, skipped INTEGER NOT NULL,
                extended INTEGER NOT NULL, pauses INTEGER NOT NULL, paused_ms INTEGER NOT NULL,
                active_ms INTEGER NOT NULL);
             CREATE TABLE checks (id INTEGER PRIMARY KEY, taken_at TEXT NOT NULL,
                day INTEGER NOT NULL, pain INTEGER NOT NULL, areas TEXT NOT NULL,
                answers TEXT NOT NULL, level TEXT NOT NULL, rules TEXT NOT NULL);
             CREATE INDEX checks_by_day ON checks(day);",
        )
        .expect("schema");
    connection
        .pragma_update(None, "user_version", 1)
        .expect("version");
    connection
        .pragma_update(None, "application_id", APPLICATION_ID)
        .expect("ours");
    connection
}

fn add_check(connection: &Connection, taken_at: &rusqlite::types::Value, pain: i64) {
    connection
        .execute(
            "INSERT INTO checks (taken_at, day, pain, areas, answers, level, rules)
             VALUES (?1, 0, ?2, '[\"lower-back\"]', '{}', 'self-care', '[\"S1\"]')",
            params![taken_at, pain],
        )
        .expect("row");
}

fn csv_rows(data_dir: &Path) -> Vec<String> {
    succeeds(&limberup(&["history", "--csv"], data_dir))
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_blob_in_a_version_one_check_is_set_aside_and_everything_else_migrates() {
    use rusqlite::types::Value;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let old = version_one(&data);
    add_check(&old, &Value::Text("2026-11-10T07:00:00+01:00".into()), 5);
    add_check(&old, &Value::Blob(vec![0x1b, b'[', b'2', b'J', 0xff]), 6);
    add_check(&old, &Value::Text("2026-11-15T07:00:00Z".into()), 5);
    drop(old);

    let answers = dir.path().join("a.toml");
    std::fs::write(
        &answers,
        "pain = 5\nareas = [\"lower-back\"]\ndate = 2026-11-20T07:00:00Z\n",
    )
    .expect("write");
    let answers = answers.display().to_string();
    let first = limberup(&["check", "--json", "--answers", &answers], &data);
    let result: serde_json::Value = serde_json::from_str(&succeeds(&first)).expect("JSON");
    // The two good checks migrated and count: the third day in two weeks makes R10.
    assert_eq!(
        result["rules"],
        serde_json::json!(["R10", "S1"]),
        "{result}"
    );
    let warning = String::from_utf8_lossy(&first.stderr);
    let history = data.join("history.sqlite3");
    assert_eq!(
        warning.trim_end(),
        format!(
            "limberup: warning: {}: checks row 2 could not be brought up to date and was set aside in the table `quarantine`: `taken_at` is a blob, not a date and time",
            history.display()
        ),
        "named once, with its table, row and reason"
    );
    // Named once: the next command says nothing of it.
    let second = limberup(
        &["check", "--json", "--no-save", "--answers", &answers],
        &data,
    );
    succeeds(&second);
    assert_eq!(String::from_utf8_lossy(&second.stderr), "");
    let rows = csv_rows(&data);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(
        rows[0].starts_with("check,2026-11-10T06:00:00Z,"),
        "converted: {rows:?}"
    );

    // The row is kept whole, its bytes as they were.
    let connection = Connection::open(&history).expect("open");
    let (table, id, reason, row): (String, i64, String, String) = connection
        .query_row(
            "SELECT source_table, source_id, reason, row FROM quarantine",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("one row set aside");
    assert_eq!((table.as_str(), id), ("checks", 2));
    assert_eq!(reason, "`taken_at` is a blob, not a date and time");
    let row: serde_json::Value = serde_json::from_str(&row).expect("JSON");
    assert_eq!(row["taken_at"], serde_json::json!({"blob": "1b5b324aff"}));
    assert_eq!(row["pain"], 6);
}

#[test]
fn a_version_two_file_that_already_has_the_program_table_migrates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let old = version_one(&data);
    old.execute_batch(
        "CREATE TABLE active_program (slot INTEGER PRIMARY KEY CHECK (slot = 1),
            program_id TEXT NOT NULL, start_day TEXT NOT NULL, started_at TEXT NOT NULL);
         ALTER TABLE sessions ADD COLUMN program_id TEXT;",
    )
    .expect("a step half done by hand");
    old.pragma_update(None, "user_version", 2).expect("version");
    drop(old);

    let started = limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        &data,
    );
    succeeds(&started);
    assert_eq!(String::from_utf8_lossy(&started.stderr), "");
    succeeds(&limberup(
        &[
            "log",
            "upper-back-strength",
            "--date",
            "2026-03-02T18:00",
            "--pain",
            "2",
        ],
        &data,
    ));
    let status = succeeds(&limberup(
        &["program", "status", "--json", "--today", "2026-03-03"],
        &data,
    ));
    assert!(status.contains("upper-back-fix"), "{status}");
    assert_eq!(csv_rows(&data).len(), 1);
}

#[test]
fn a_program_table_of_another_shape_is_kept_aside_and_made_anew() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let old = version_one(&data);
    old.execute_batch(
        "CREATE TABLE active_program (slot INTEGER PRIMARY KEY, program_id TEXT);
         INSERT INTO active_program VALUES (1, 'mine');",
    )
    .expect("a table of the same name, made by something else");
    drop(old);
    let started = limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        &data,
    );
    succeeds(&started);
    assert_eq!(
        String::from_utf8_lossy(&started.stderr).trim_end(),
        format!(
            "limberup: warning: {}: the table `active_program` was already there without `start_day`, `started_at`; it was kept as `active_program_set_aside` and a new one made",
            data.join("history.sqlite3").display()
        )
    );
    let status = succeeds(&limberup(
        &["program", "status", "--json", "--today", "2026-03-03"],
        &data,
    ));
    assert!(status.contains("upper-back-fix"), "{status}");
    let kept: String = Connection::open(data.join("history.sqlite3"))
        .expect("open")
        .query_row("SELECT program_id FROM active_program_set_aside", [], |r| {
            r.get(0)
        })
        .expect("kept whole");
    assert_eq!(kept, "mine");
}

#[test]
fn many_bad_rows_are_named_by_the_first_ten_then_counted() {
    use rusqlite::types::Value;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let old = version_one(&data);
    // A number in a TEXT column is stored as its digits, which are no date either.
    for pain in 0..12 {
        add_check(&old, &Value::Integer(pain), pain);
    }
    drop(old);
    let output = limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        &data,
    );
    succeeds(&output);
    let warning = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = warning.lines().collect();
    assert_eq!(lines.len(), 11, "{warning}");
    assert!(
        lines[9].ends_with("checks row 10 could not be brought up to date and was set aside in the table `quarantine`: `taken_at` is not a date and time: \"9\""),
        "{warning}"
    );
    assert_eq!(
        lines[10],
        "limberup: warning: and 2 more rows, each kept in the table `quarantine` with why"
    );
    assert_eq!(csv_rows(&data).len(), 0);
}
