//! A data folder whose name SQLite would read as part of a URI (`%41`, `#`, `?`, a leading `file:`)
//! holds its own history, read-only and read-write alike (issue 23, item 4).

use std::path::Path;
use std::process::{Command, Output};

/// Runs limberup in `cwd` with `--data-dir data_dir` (which may be relative to `cwd`).
fn limberup(cwd: &Path, data_dir: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .current_dir(cwd)
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("LIMBERUP_DATA_DIR")
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .env("TZ", "UTC")
        .output()
        .expect("the binary runs")
}

/// A pain check of the lower back at `pain` on `date`, as a JSON result; saved unless `no_save`.
fn check(cwd: &Path, data_dir: &str, pain: u8, date: &str, no_save: bool) -> serde_json::Value {
    let answers = cwd.join(format!("answers-{pain}-{date}.toml"));
    std::fs::write(
        &answers,
        format!("pain = {pain}\nareas = [\"lower-back\"]\ndate = {date}T07:00:00Z\n"),
    )
    .expect("write");
    let answers = answers.display().to_string();
    let mut args = vec!["check", "--json", "--answers", &answers];
    if no_save {
        args.push("--no-save");
    }
    let output = limberup(cwd, data_dir, &args);
    assert!(
        output.status.success(),
        "{data_dir}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn a_folder_named_like_a_uri_holds_its_own_history() {
    // Each odd name, and the folder SQLite would open instead if the name were read as a URI.
    let cases = [
        ("%41x", Some("Ax")),
        ("a#b", Some("a")),
        ("c?d", Some("c")),
        ("file:e", Some("e")),
    ];
    for (odd, decoy) in cases {
        let parent = tempfile::tempdir().expect("temp dir");
        let cwd = parent.path();
        // The decoy holds a history with no lower-back pain at all.
        if let Some(decoy) = decoy {
            std::fs::create_dir(cwd.join(decoy)).expect("decoy");
            let neck = cwd.join("neck.toml");
            std::fs::write(
                &neck,
                "pain = 1\nareas = [\"neck\"]\ndate = 2026-11-01T07:00:00Z\n",
            )
            .expect("write");
            let output = limberup(
                cwd,
                &cwd.join(decoy).display().to_string(),
                &["check", "--json", "--answers", &neck.display().to_string()],
            );
            assert!(output.status.success(), "{decoy}");
        }
        // The odd folder, named as given (relative) and as an absolute path: two saved checks.
        let absolute = cwd.join(odd).display().to_string();
        for data_dir in [odd, absolute.as_str()] {
            check(cwd, data_dir, 5, "2026-11-10", false);
        }
        let written: Vec<String> = std::fs::read_dir(cwd.join(odd))
            .expect("the odd folder was made")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            written.iter().any(|n| n == "history.sqlite3"),
            "{odd}: {written:?}"
        );
        check(cwd, odd, 5, "2026-11-15", false);
        // The third day reads the two before it from this folder's own history: R10.
        for data_dir in [odd, absolute.as_str()] {
            let result = check(cwd, data_dir, 5, "2026-11-20", true);
            assert_eq!(result["level"], "review", "{data_dir}: {result}");
            assert_eq!(
                result["rules"],
                serde_json::json!(["R10", "S1"]),
                "{data_dir}"
            );
        }
        let csv = limberup(cwd, odd, &["history", "--csv"]);
        assert!(
            csv.status.success(),
            "{odd}: {}",
            String::from_utf8_lossy(&csv.stderr)
        );
        let text = String::from_utf8(csv.stdout).expect("UTF-8");
        assert_eq!(text.lines().count(), 4, "{odd}: {text}");
        // The decoy kept its one check and gained nothing.
        if let Some(decoy) = decoy {
            let csv = limberup(cwd, decoy, &["history", "--csv"]);
            let text = String::from_utf8(csv.stdout).expect("UTF-8");
            assert_eq!(text.lines().count(), 2, "{decoy}: {text}");
        }
    }
}
