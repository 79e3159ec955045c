//! The command line as users and scripts see it: output, exit codes, refusals.

use std::path::Path;
use std::process::{Command, Output};

fn limberup(args: &[&str], routines_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", routines_dir)
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("the binary runs")
}

fn no_user_dir() -> &'static Path {
    Path::new("/nonexistent/limberup-routines")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn validate_prints_one_line_problems_and_exits_1() {
    let output = limberup(
        &["validate", "tests/fixtures/invalid/bad-kind.toml"],
        no_user_dir(),
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.starts_with("tests/fixtures/invalid/bad-kind.toml:2:8: error: `kind` must be one of"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "piped output has no escape codes: {text:?}"
    );
}

#[test]
fn validate_accepts_valid_files_and_folders() {
    let output = limberup(
        &["validate", "tests/fixtures/valid", "routines"],
        no_user_dir(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("routines/exercises.toml: ok (catalog,"),
        "{text}"
    );
    assert!(
        text.contains("tests/fixtures/valid/open-ended.toml: ok (Open-ended, ~2:10)"),
        "{text}"
    );
}

#[test]
fn files_that_are_not_small_utf8_regular_files_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.toml");
    std::fs::write(
        &big,
        format!("name = \"x\"\n#{}\n", "a".repeat(1024 * 1024)),
    )
    .expect("write");
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"name = \"caf\xe9\"\nkind = \"stretch\"\n").expect("write");
    let fifo = dir.path().join("pipe.toml");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());

    let cases: Vec<(String, String)> = vec![
        (big.display().to_string(), format!("{}:1:1: error: the file is larger than 1 MiB, the most limberup reads", big.display())),
        (latin1.display().to_string(), format!("{}:1:12: error: the file is not valid UTF-8 text; save it as UTF-8", latin1.display())),
        ("/dev/zero".to_owned(), "/dev/zero:1:1: error: not a regular file (a device, pipe or socket); give the path of a .toml file".to_owned()),
        ("tests/fixtures/nothing-here.toml".to_owned(), "tests/fixtures/nothing-here.toml:1:1: error: cannot read the file: no such file".to_owned()),
        (dir.path().join("folder.toml").display().to_string(), String::new()),
    ];
    std::fs::create_dir(dir.path().join("folder.toml")).expect("mkdir");
    for (path, expected) in cases.iter().filter(|(_, e)| !e.is_empty()) {
        let output = limberup(&["plan", path], no_user_dir());
        assert_eq!(output.status.code(), Some(1), "{path}");
        assert_eq!(stderr(&output).trim_end(), expected, "{path}");
    }
    if made_fifo {
        let path = fifo.display().to_string();
        let output = limberup(&["validate", &path], no_user_dir());
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).starts_with(&format!("{path}:1:1: error: not a regular file")),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn misuse_exits_2_and_unknown_routines_exit_1_with_a_suggestion() {
    assert_eq!(limberup(&["plan"], no_user_dir()).status.code(), Some(2));
    assert_eq!(
        limberup(&["frobnicate"], no_user_dir()).status.code(),
        Some(2)
    );
    assert_eq!(
        limberup(&["--volume", "101", "list"], no_user_dir())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(limberup(&["--help"], no_user_dir()).status.code(), Some(0));
    let output = limberup(&["plan", "upper-back-strech"], no_user_dir());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).trim_end(),
        "limberup: error: no routine called `upper-back-strech` (did you mean `upper-back-stretch`?); `limberup list` shows them all"
    );
}

#[test]
fn user_routines_shadow_built_in_ones_and_broken_ones_are_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("upper-back-stretch.toml"),
        "name = \"My own upper-back routine\"\nkind = \"mobility\"\n[[steps]]\nexercise = \"my-move\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("exercises.toml"),
        "[my-move]\nname = \"My move\"\nduration = 45\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("broken.toml"), "name = \"Broken\"\n").expect("write");
    let output = limberup(&["list", "--json"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let mine = list
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "upper-back-stretch")
        .expect("listed");
    assert_eq!(mine["name"], "My own upper-back routine");
    assert_eq!(mine["source"], "user");
    assert_eq!(mine["total_s"], 50.0);
    let ids: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(
        !ids.contains(&"broken") && !ids.contains(&"exercises"),
        "{ids:?}"
    );
    let warning = stderr(&output);
    assert!(
        warning.contains("broken.toml:1:1: error: missing required key `kind`"),
        "{warning}"
    );
}

#[test]
fn list_shows_every_built_in_routine() {
    let output = limberup(&["list"], no_user_dir());
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    let header = text.lines().next().expect("a header");
    assert!(
        header.starts_with("ID") && header.ends_with("NAME"),
        "{header}"
    );
    assert!(text.contains("pre-run-warm-up"), "{text}");
    assert!(text.contains("upper-back-stretch"), "{text}");
}

#[test]
fn schema_is_json_and_completions_are_generated() {
    let output = limberup(&["schema"], no_user_dir());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(schema["title"], "limberup routine");
    let output = limberup(&["completions", "bash"], no_user_dir());
    assert!(String::from_utf8_lossy(&output.stdout).contains("limberup"));
}

#[test]
fn snapshot_prints_exactly_the_requested_screens() {
    let args = [
        "snapshot",
        "tests/fixtures/screens/player.toml",
        "--size",
        "60x12",
        "--keys",
        "space@25,m@26",
        "--at",
        "20",
        "--at",
        "1m30s",
        "--at",
        "12.55",
    ];
    let output = limberup(&args, no_user_dir());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3 * 13);
    assert_eq!(lines[0], "--- t=20.0s ---");
    assert_eq!(lines[13], "--- t=90.0s ---");
    assert_eq!(lines[26], "--- t=12.6s ---");
    assert!(
        lines[27..].join("\n").contains("29s left"),
        "the 12.55 s screen comes last, as asked"
    );
    assert!(!text.contains('\u{1b}'), "no escape codes");
    assert!(
        lines
            .iter()
            .all(|l| l.chars().count() <= 60 && !l.ends_with(' '))
    );
    assert!(lines[14].contains("PAUSED"), "{}", lines[14]);
    // Identical from run to run.
    let again = limberup(&args, no_user_dir());
    assert_eq!(String::from_utf8_lossy(&again.stdout), text);
}

#[test]
fn snapshot_misuse_exits_2() {
    for args in [
        ["snapshot", "pre-run-warm-up", "--keys", "space"],
        ["snapshot", "pre-run-warm-up", "--keys", "shift@2"],
        ["snapshot", "pre-run-warm-up", "--at", "soon"],
        ["snapshot", "pre-run-warm-up", "--size", "80by24"],
        ["snapshot", "pre-run-warm-up", "--size", "0x24"],
    ] {
        let output = limberup(&args, no_user_dir());
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    }
}
