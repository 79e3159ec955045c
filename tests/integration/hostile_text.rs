//! Text from files and file names reaches a terminal escaped, never as a control sequence; joiners
//! that real text needs (emoji sequences, Persian) are accepted.

use std::path::Path;
use std::process::{Command, Output};

const BODY: &str =
    "name = \"Plain\"\nkind = \"stretch\"\n[[steps]]\nname = \"Hold\"\nduration = \"10s\"\n";

fn limberup(args: &[&str], routines: &Path) -> Output {
    let data = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", routines)
        .env("LIMBERUP_DATA_DIR", data.path())
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("the binary runs")
}

fn assert_no_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{what} carries a control character: {text:?}"
    );
}

#[test]
fn a_file_name_with_an_osc_sequence_is_listed_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("\u{1b}]0;PWNED\u{7}.toml"), BODY).expect("write");
    let list = limberup(&["list"], dir.path());
    assert_eq!(list.status.code(), Some(0));
    assert_no_controls("list", &list.stdout);
    let out = String::from_utf8_lossy(&list.stdout);
    assert!(out.contains("\\u{1b}]0;PWNED\\u{7}"), "{out}");

    let path = dir.path().join("\u{1b}]0;PWNED\u{7}.toml");
    let path = path.to_str().expect("UTF-8");
    for args in [vec!["plan", path], vec!["validate", path]] {
        let output = limberup(&args, dir.path());
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_no_controls("stdout", &output.stdout);
        assert_no_controls("stderr", &output.stderr);
    }
    let missing = limberup(&["plan", "\u{1b}[2J"], dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert_no_controls("not found", &missing.stderr);
}

#[test]
fn a_toml_key_with_osc_52_is_reported_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("clip.toml");
    let text = format!("\"\\u001b]52;c;aGk=\\u0007\" = 1\n{BODY}");
    std::fs::write(&file, text).expect("write");
    let validate = limberup(&["validate", file.to_str().expect("UTF-8")], dir.path());
    assert_eq!(validate.status.code(), Some(1));
    assert_no_controls("validate", &validate.stderr);
    let err = String::from_utf8_lossy(&validate.stderr);
    assert!(
        err.contains("clip.toml:1:1: error: unknown key `\\u{1b}]52;c;aGk=\\u{7}`"),
        "{err}"
    );
    // `list` warns about the same file on stderr.
    let list = limberup(&["list"], dir.path());
    assert_no_controls("list warnings", &list.stderr);
}

#[test]
fn joiners_are_accepted_and_bidi_overrides_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ok = dir.path().join("joined.toml");
    let text = "name = \"🏃\u{200D}♀\u{FE0F} می\u{200C}خواهم\"\nkind = \"stretch\"\n[[steps]]\nname = \"Hold\"\nduration = \"10s\"\n";
    std::fs::write(&ok, text).expect("write");
    let validate = limberup(&["validate", ok.to_str().expect("UTF-8")], dir.path());
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&validate.stderr)
    );
    let bad = dir.path().join("flipped.toml");
    std::fs::write(&bad, text.replace('\u{200D}', "\u{202E}")).expect("write");
    let refused = limberup(&["validate", bad.to_str().expect("UTF-8")], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("the control character U+202E"), "{err}");
    assert_no_controls("validate", &refused.stderr);
}

/// A closed pipe or a full disk on stdout is a clean exit, never a panic.
#[test]
#[cfg(target_os = "linux")]
fn completions_into_a_closed_pipe_or_a_full_disk_do_not_panic() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["completions", "bash"])
        .stdout(full)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        !err.contains("panicked") && err.contains("no space left on the device"),
        "{err}"
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["completions", "bash"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("waits");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(output.status.code(), Some(101), "{err}");
}
