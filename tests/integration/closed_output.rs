//! Every command ends cleanly when its output goes away (`| true`, `| head -1`) or cannot be written
//! (`> /dev/full`): no panic, exit 0 for a reader that left, exit 1 with one line for a full disk
//! (issue 11, item 12).

use std::path::Path;
use std::process::{Command, Output};

const ANSWERS: &str = "tests/fixtures/answers/ok.toml";

/// Every command that writes to stdout, with what it needs.
fn commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["list"],
        vec!["list", "--json"],
        vec!["list", "--markdown"],
        vec!["plan", "pre-run-warm-up"],
        vec!["plan", "pre-run-warm-up", "--json"],
        vec!["schema"],
        vec!["schema", "--catalog"],
        vec!["history"],
        vec!["history", "--json"],
        vec!["history", "--csv"],
        vec!["check", "--answers", ANSWERS, "--no-save"],
        vec!["check", "--answers", ANSWERS, "--json", "--no-save"],
        vec!["validate", "routines"],
        vec!["snapshot", "pre-run-warm-up", "--at", "1", "--at", "20"],
        vec!["snapshot"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
    ]
}

/// Runs `limberup ARGS` inside `sh -c` with stdout redirected as `shell_tail` says; the command's own
/// exit code comes back on stderr's last line as `exit=N`.
fn run_into(args: &[&str], data: &Path, shell_tail: &str) -> (Option<i32>, String) {
    // The pause lets the reader leave before anything is written, so the write surely fails.
    let script = format!("{{ sleep 0.2; \"$0\" \"$@\"; echo \"exit=$?\" >&2; }} {shell_tail}");
    let output: Output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", "/nonexistent/limberup-routines")
        .env("LIMBERUP_DATA_DIR", data)
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let (rest, code) = stderr
        .trim_end()
        .rsplit_once("exit=")
        .map_or((stderr.as_str(), None), |(rest, code)| {
            (rest, code.trim().parse().ok())
        });
    (code, rest.to_owned())
}

fn data_with_one_check(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["check", "--answers", ANSWERS])
        .env("LIMBERUP_ROUTINES", "/nonexistent/limberup-routines")
        .env("LIMBERUP_DATA_DIR", &data)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    data
}

#[test]
fn every_command_ends_cleanly_on_a_closed_pipe_or_a_full_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = data_with_one_check(dir.path());
    let mut cases = vec!["| true", "| head -c 1 >/dev/null"];
    if Path::new("/dev/full").exists() {
        cases.push("> /dev/full");
    }
    // Each run waits for its reader to leave; running them side by side keeps the suite quick.
    let outcomes: Vec<(String, (Option<i32>, String))> = std::thread::scope(|scope| {
        let runs: Vec<_> = commands()
            .into_iter()
            .flat_map(|args| cases.iter().map(move |tail| (args.clone(), *tail)))
            .map(|(args, tail)| {
                let data = &data;
                let name = format!("`limberup {}` {tail}", args.join(" "));
                (name, scope.spawn(move || run_into(&args, data, tail)))
            })
            .collect();
        runs.into_iter()
            .map(|(name, run)| (name, run.join().expect("the run finishes")))
            .collect()
    });
    for (name, (code, stderr)) in outcomes {
        let expected = if name.ends_with("/dev/full") {
            (
                Some(1),
                "limberup: error: cannot write the output: no space left on the device\n",
            )
        } else {
            (Some(0), "")
        };
        assert_eq!((code, stderr.as_str()), expected, "{name}");
    }
}

#[test]
fn a_check_whose_reader_left_is_still_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = data_with_one_check(dir.path());
    for args in [
        &["check", "--answers", ANSWERS][..],
        &["check", "--answers", ANSWERS, "--json"],
    ] {
        let (code, stderr) = run_into(args, &data, "| true");
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "{args:?}");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["history", "--json"])
        .env("LIMBERUP_DATA_DIR", &data)
        .output()
        .expect("runs");
    let history: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        history["checks"].as_array().map(Vec::len),
        Some(3),
        "{history}"
    );
}
