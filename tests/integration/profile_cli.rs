//! `limberup profile`: shown, set, printed as JSON and cleared with the real binary; its errors at
//! the exit codes of the command-line contract; a file check using the saved profile, overriding
//! it for that check only, or ignoring it with `--no-profile`.

use std::path::Path;
use std::process::Output;

use crate::common::cli::{self, ok};

use serde_json::Value;

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    cli::limberup_in("UTC", args, data_dir)
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(&limberup(args, dir))).expect("JSON")
}

fn answers(dir: &Path, text: &str) -> String {
    let path = dir.join("answers.toml");
    std::fs::write(&path, text).expect("written");
    path.display().to_string()
}

#[test]
fn set_show_and_clear() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let empty = ok(&limberup(&["profile"], &data));
    assert!(empty.contains("No profile yet"), "{empty}");
    assert!(
        !data.join("history.sqlite3").exists(),
        "showing writes nothing"
    );
    for args in [
        ["profile", "set", "bone-risk", "yes"],
        ["profile", "set", "cancer-history", "not-sure"],
        ["profile", "set", "age", "62"],
    ] {
        ok(&limberup(&args, &data));
    }
    let shown = ok(&limberup(&["profile"], &data));
    assert!(shown.contains("bone-risk"), "{shown}");
    assert!(shown.contains("not sure"), "{shown}");
    assert!(shown.contains("62"), "{shown}");
    let value = json(&data, &["profile", "--json"]);
    assert_eq!(value["age"], 62);
    assert_eq!(value["facts"]["bone-risk"]["answer"], "yes");
    assert_eq!(value["facts"]["cancer-history"]["answer"], "not-sure");
    assert_eq!(value["facts"]["infection-risk"], Value::Null);
    assert_eq!(value["reconfirm_due"], false);
    let utc = limberup::calendar::Calendar::utc();
    let year = utc.date(limberup::calendar::UtcTime::now()).year();
    ok(&limberup(
        &["profile", "set", "born", &(year - 70).to_string()],
        &data,
    ));
    assert_eq!(json(&data, &["profile", "--json"])["age"], 70);
    ok(&limberup(&["profile", "clear"], &data));
    let value = json(&data, &["profile", "--json"]);
    assert_eq!(value["age"], Value::Null);
    assert_eq!(value["facts"]["bone-risk"], Value::Null);
}

#[test]
fn an_unknown_key_or_a_bad_value_is_misuse() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let cases: &[(&[&str], &str)] = &[
        (&["profile", "set", "bone-risks", "yes"], "bone-risk"),
        (
            &["profile", "set", "bone-risk", "maybe"],
            "yes, no or not-sure",
        ),
        (
            &["profile", "set", "bone-risk", "not_sure"],
            "did you mean `not-sure`?",
        ),
        (
            &["profile", "set", "age", "old"],
            "a whole number from 0 to 120",
        ),
        (
            &["profile", "set", "age", "130"],
            "a whole number from 0 to 120",
        ),
        (&["profile", "set", "born", "1850"], "a year from 1900"),
        (&["profile", "set", "bone-risk"], "VALUE"),
    ];
    for (args, says) in cases {
        let output = limberup(args, &data);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert!(
        !data.join("history.sqlite3").exists(),
        "nothing was written"
    );
}

#[test]
fn a_file_check_uses_the_saved_profile_and_the_file_overrides_it_for_that_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    ok(&limberup(&["profile", "set", "bone-risk", "yes"], &data));
    ok(&limberup(&["profile", "set", "age", "62"], &data));
    let sudden = answers(
        dir.path(),
        "pain = 5\nareas = [\"mid-back\"]\nsymptoms = [\"sudden-sharp\"]\n",
    );
    // Osteoporosis from the profile: a sudden sharp mid-back pain is urgent (U11).
    let result = json(
        &data,
        &["check", "--answers", &sudden, "--json", "--no-save"],
    );
    assert_eq!(result["level"], "urgent");
    assert_eq!(result["profile"][0], "age 62");
    assert_eq!(result["profile"][1], "bone risk: yes");
    let text = ok(&limberup(
        &["check", "--answers", &sudden, "--no-save"],
        &data,
    ));
    assert!(text.contains("From your profile"), "{text}");
    assert!(text.contains("bone risk: yes"), "{text}");
    // Ignored with --no-profile: a review.
    let result = json(
        &data,
        &[
            "check",
            "--answers",
            &sudden,
            "--json",
            "--no-save",
            "--no-profile",
        ],
    );
    assert_eq!(result["level"], "review");
    assert_eq!(result["profile"], Value::Array(vec![]));
    // The file's `profile` stands for the facts, for this check only.
    let own = answers(
        dir.path(),
        "pain = 5\nareas = [\"mid-back\"]\nsymptoms = [\"sudden-sharp\"]\nprofile = []\n",
    );
    let result = json(&data, &["check", "--answers", &own, "--json"]);
    assert_eq!(result["level"], "review");
    let saved = json(&data, &["profile", "--json"]);
    assert_eq!(saved["facts"]["bone-risk"]["answer"], "yes", "unchanged");
    assert_eq!(saved["age"], 62);
}

/// `review_safe` in a catalog is checked like any other key: a boolean, at its line and column.
#[test]
fn review_safe_must_be_true_or_false() {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = dir.path().join("exercises.toml");
    std::fs::write(
        &catalog,
        "[slow-walk]\nname = \"Slow walk\"\nreview_safe = \"yes\"\n",
    )
    .expect("written");
    let output = limberup(&["validate", &catalog.display().to_string()], dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("exercises.toml:3:15: error: `review_safe`"),
        "{stdout}{stderr}"
    );
    std::fs::write(
        &catalog,
        "[slow-walk]\nname = \"Slow walk\"\nreview_safe = true\n",
    )
    .expect("written");
    ok(&limberup(
        &["validate", &catalog.display().to_string()],
        dir.path(),
    ));
}
