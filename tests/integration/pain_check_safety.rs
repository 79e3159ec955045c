//! The pain check through the real binary when things go wrong: the result is always printed, a
//! history that cannot be read or written is reported afterwards with exit code 1, reading never
//! writes, dates are local days, and a date typo is refused.

use std::path::Path;
use std::process::{Command, Output};

const EMERGENCY: &str =
    "pain = 6\nareas = [\"lower-back\"]\nsymptoms = [\"saddle-numbness\", \"bladder-bowel\"]\n";
const CALL_NOW: &str = "Go to an emergency department now, or call your local emergency number.";

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_limberup"));
    command
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .env("TZ", "UTC");
    command
}

fn check(data: &Path, answers: &Path, wrap: Option<&str>) -> Output {
    let limberup = env!("CARGO_BIN_EXE_limberup");
    let mut command = match wrap {
        // A shell that sets a limit, then runs limberup in its place.
        Some(script) => {
            let mut shell = Command::new("sh");
            shell.args(["-c", &format!("{script}; exec \"$0\" \"$@\""), limberup]);
            shell
                .env("LIMBERUP_ROUTINES", "/nonexistent")
                .env("TZ", "UTC");
            shell
        }
        None => binary(),
    };
    command
        .args(["check", "--answers"])
        .arg(answers)
        .env("LIMBERUP_DATA_DIR", data)
        .output()
        .expect("runs")
}

fn answers_file(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("answers.toml");
    std::fs::write(&path, text).expect("write");
    path
}

/// A data folder holding a history with one check in it.
fn history_with_one_check(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    let answers = answers_file(dir, "pain = 2\nareas = [\"neck\"]\n");
    let output = check(&data, &answers, None);
    assert!(output.status.success(), "{output:?}");
    data
}

fn assert_result_then_failure(output: &Output, because: &str) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stdout.starts_with("Result: EMERGENCY"),
        "no result on stdout: {stdout}\n{stderr}"
    );
    assert!(stdout.contains(CALL_NOW), "{stdout}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(because), "stderr: {stderr}");
}

#[test]
fn a_read_only_history_still_gives_the_result_then_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history_with_one_check(dir.path());
    let answers = answers_file(dir.path(), EMERGENCY);
    let before = std::fs::read(data.join("history.sqlite3")).expect("read");
    let output = if running_as_root() {
        // Root writes through permissions: make the folder read-only for real, with a read-only
        // bind mount in a mount namespace of the command's own.
        let script = format!(
            "unshare -m sh -c 'mount --bind {d} {d} && mount -o remount,bind,ro {d} && exec \"$0\" \"$@\"' {bin} check --answers {a}",
            d = data.display(),
            bin = env!("CARGO_BIN_EXE_limberup"),
            a = answers.display()
        );
        Command::new("sh")
            .args(["-c", &script])
            .env("LIMBERUP_DATA_DIR", &data)
            .env("LIMBERUP_ROUTINES", "/nonexistent")
            .env("TZ", "UTC")
            .output()
            .expect("runs")
    } else {
        set_mode(&data, 0o555);
        let output = check(&data, &answers, None);
        set_mode(&data, 0o755);
        output
    };
    assert_result_then_failure(&output, "this check was not saved");
    assert_eq!(
        std::fs::read(data.join("history.sqlite3")).expect("read"),
        before
    );
}

#[test]
fn a_full_disk_still_gives_the_result_then_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history_with_one_check(dir.path());
    let answers = answers_file(dir.path(), EMERGENCY);
    // No file may grow: every write of the history fails as on a full disk.
    let output = check(&data, &answers, Some("trap '' XFSZ; ulimit -f 0"));
    assert_result_then_failure(&output, "this check was not saved");
}

#[test]
fn a_foreign_file_still_gives_the_result_then_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("dir");
    std::fs::write(data.join("history.sqlite3"), b"my running notes").expect("write");
    let output = check(&data, &answers_file(dir.path(), EMERGENCY), None);
    assert_result_then_failure(&output, "this is not an SQLite database");
    assert_eq!(
        std::fs::read(data.join("history.sqlite3")).expect("kept"),
        b"my running notes"
    );
}

#[test]
fn a_corrupt_row_still_gives_the_result_then_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history_with_one_check(dir.path());
    let connection = rusqlite_open(&data.join("history.sqlite3"));
    connection
        .execute("UPDATE checks SET pain = 300", [])
        .expect("edit");
    drop(connection);
    let output = check(&data, &answers_file(dir.path(), EMERGENCY), None);
    assert_result_then_failure(
        &output,
        "checks row 1 cannot be read: `pain` is 300, outside 0 to 10",
    );
}

#[test]
fn reading_never_creates_or_changes_anything_in_the_data_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("dir");
    let answers = answers_file(dir.path(), "pain = 2\nareas = [\"neck\"]\n");
    for args in [
        vec![
            "check",
            "--no-save",
            "--answers",
            answers.to_str().expect("utf-8"),
        ],
        vec!["history"],
        vec!["history", "--csv"],
        vec!["snapshot", "--keys", "h@1", "--at", "1"],
    ] {
        let output = binary()
            .args(&args)
            .env("LIMBERUP_DATA_DIR", &empty)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{args:?}: {output:?}");
        assert_eq!(
            std::fs::read_dir(&empty).expect("list").count(),
            0,
            "{args:?} created a file"
        );
    }
    let data = history_with_one_check(dir.path());
    let listing = |data: &Path| {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(data)
            .expect("list")
            .map(|e| {
                let e = e.expect("entry");
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("read"),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = listing(&data);
    for args in [
        vec![
            "check",
            "--no-save",
            "--answers",
            answers.to_str().expect("utf-8"),
        ],
        vec!["history", "--json"],
        vec!["snapshot", "--keys", "h@1", "--at", "1"],
    ] {
        let output = binary()
            .args(&args)
            .env("LIMBERUP_DATA_DIR", &data)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{args:?}: {output:?}");
        assert_eq!(listing(&data), before, "{args:?} changed the data folder");
    }
}

#[test]
fn a_date_typo_in_the_future_is_refused_at_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = answers_file(
        dir.path(),
        "pain = 3\nareas = [\"neck\"]\ndate = 2062-11-20T08:00:00Z\n",
    );
    let output = check(&dir.path().join("data"), &answers, None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!(
            "{}:3:8: error: `date` 2062-11-20T08:00:00Z is more than a day in the future",
            answers.display()
        )),
        "{stderr}"
    );
    assert!(!dir.path().join("data").exists(), "nothing saved");
}

/// Three checks that fall on three local days at UTC+14 but on two UTC days: R10 follows `TZ`.
#[test]
fn repeated_pain_is_counted_in_local_days() {
    for (tz, rules) in [("<+14>-14", vec!["R10", "S1"]), ("UTC", vec!["S1"])] {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let mut last = serde_json::Value::Null;
        for date in [
            "2026-11-20T09:00:00Z",
            "2026-11-20T11:00:00Z",
            "2026-11-21T11:00:00Z",
        ] {
            let answers = answers_file(
                dir.path(),
                &format!("pain = 5\nareas = [\"lower-back\"]\ndate = {date}\n"),
            );
            let output = binary()
                .args(["check", "--json", "--answers"])
                .arg(&answers)
                .env("LIMBERUP_DATA_DIR", &data)
                .env("TZ", tz)
                .output()
                .expect("runs");
            assert!(output.status.success(), "{output:?}");
            last = serde_json::from_slice(&output.stdout).expect("JSON");
        }
        assert_eq!(last["rules"], serde_json::json!(rules), "TZ={tz}");
    }
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

fn rusqlite_open(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("open")
}
