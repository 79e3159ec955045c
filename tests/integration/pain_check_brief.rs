//! The full-screen pain check (version 3) driven through the binary's `snapshot`: how many screens
//! it takes, and keys held, spammed or pasted on a group screen answering nothing more than that
//! screen. The profile is saved first with `limberup profile set`, so no profile screen is asked.

use std::path::Path;
use std::process::Command;

fn limberup(args: &[&str], data_dir: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_DATA_DIR", data_dir)
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .env("TZ", "UTC")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A data folder with a whole profile saved now.
fn with_profile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (key, value) in [
        ("age", "40"),
        ("cancer-history", "no"),
        ("bone-risk", "no"),
        ("infection-risk", "no"),
        ("back-history", "no"),
    ] {
        limberup(&["profile", "set", key, value], dir.path());
    }
    dir
}

/// The screens at each time, by `snapshot --keys KEYS --at T...`.
fn screens(dir: &Path, keys: &str, at: &[&str]) -> Vec<String> {
    let mut args = vec!["snapshot", "--keys", keys];
    for time in at {
        args.extend(["--at", time]);
    }
    let text = limberup(&args, dir);
    text.split("--- t=").skip(1).map(str::to_owned).collect()
}

/// "question N of M" as (N, M), if the screen is a question.
fn counter(screen: &str) -> Option<(usize, usize)> {
    let line = screen.lines().find(|l| l.contains("question "))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "question")?;
    Some((
        words.get(at + 1)?.parse().ok()?,
        words.get(at + 3)?.parse().ok()?,
    ))
}

#[test]
fn pain_0_reaches_its_result_in_3_screens() {
    let dir = with_profile();
    let shown = screens(
        dir.path(),
        "c@1,0@2,enter@3,n@4.5,n@6",
        &["1", "3", "4.5", "6"],
    );
    assert_eq!(counter(&shown[0]), Some((1, 8)), "{}", shown[0]);
    assert_eq!(counter(&shown[1]), Some((2, 3)), "{}", shown[1]);
    assert_eq!(counter(&shown[2]), Some((3, 3)), "{}", shown[2]);
    assert!(
        shown[3].contains("OK · normal post-run soreness"),
        "{}",
        shown[3]
    );
}

#[test]
fn pain_2_reaches_its_result_in_at_most_8_screens() {
    let dir = with_profile();
    let keys = "c@1,2@2,enter@3,3@4,enter@5,n@6.5,n@8,n@9.5,0@11,enter@11.5,s@13";
    let times = ["1", "3", "5", "6.5", "8", "9.5", "11.5", "13"];
    let shown = screens(dir.path(), keys, &times);
    let counters: Vec<(usize, usize)> = shown.iter().filter_map(|s| counter(s)).collect();
    assert_eq!(counters.len(), 7, "seven screens before the result");
    assert!(counters.iter().all(|(_, of)| *of <= 8), "{counters:?}");
    assert_eq!(counters.last(), Some(&(7, 7)));
    assert!(
        shown[7].contains("OK · normal post-run soreness"),
        "{}",
        shown[7]
    );
}

#[test]
fn enter_spam_held_keys_and_a_paste_on_a_group_answer_nothing_more() {
    let dir = with_profile();
    let to_the_signs = "c@1,2@2,enter@3,3@4,enter@5";
    // Enter every 50 ms for three seconds: nothing marked, so nothing is answered.
    let spam: Vec<String> = (0..60)
        .map(|i| format!("enter@{:.2}", 6.0 + f64::from(i) * 0.05))
        .collect();
    let shown = screens(
        dir.path(),
        &format!("{to_the_signs},{}", spam.join(",")),
        &["9"],
    );
    assert!(shown[0].contains("Warning signs first"), "{}", shown[0]);
    assert_eq!(counter(&shown[0]), Some((3, 7)));
    // n held from the moment the screen shows, repeating every 30 ms: each repeat comes within a
    // second of the last, so it never answers.
    let held: Vec<String> = (0..100)
        .map(|i| format!("n@{:.2}", 5.0 + f64::from(i) * 0.03))
        .collect();
    let shown = screens(
        dir.path(),
        &format!("{to_the_signs},{}", held.join(",")),
        &["8"],
    );
    assert!(shown[0].contains("Warning signs first"), "{}", shown[0]);
    assert!(shown[0].contains("Too quick"), "{}", shown[0]);
    // A paste of marks, enters and noes at once answers one screen at most.
    let paste = "1@6.5,2@6.5,enter@6.5,enter@6.5,n@6.5,n@6.5,n@6.5";
    let shown = screens(dir.path(), &format!("{to_the_signs},{paste}"), &["6.5"]);
    assert!(
        shown[0].contains("EMERGENCY"),
        "line 1 marked: {}",
        shown[0]
    );
    let paste = "n@6.5,n@6.5,n@6.5,n@6.5,enter@6.5,n@6.5";
    let shown = screens(dir.path(), &format!("{to_the_signs},{paste}"), &["6.5"]);
    assert!(
        shown[0].contains("Signs that need a doctor"),
        "{}",
        shown[0]
    );
    assert_eq!(counter(&shown[0]), Some((4, 7)));
}

#[test]
fn the_first_check_asks_the_profile_and_a_saved_one_is_not_asked() {
    let empty = tempfile::tempdir().expect("temp dir");
    let shown = screens(empty.path(), "c@1,0@2,enter@3,n@4.5,n@6", &["6"]);
    assert!(shown[0].contains("How old are you?"), "{}", shown[0]);
    let saved = with_profile();
    let shown = screens(saved.path(), "c@1,0@2,enter@3,n@4.5,n@6", &["6"]);
    assert!(shown[0].contains("age 40"), "{}", shown[0]);
    // 181 days on (the app's clock set with --today), one screen asks whether it is still right.
    let later = limberup::calendar::Calendar::utc()
        .date(limberup::calendar::UtcTime(
            limberup::calendar::UtcTime::now().0 + 182 * 86_400,
        ))
        .to_string();
    let text = limberup(
        &[
            "snapshot",
            "--today",
            &later,
            "--keys",
            "c@1,0@2,enter@3,n@4.5,n@6",
            "--at",
            "6",
        ],
        saved.path(),
    );
    assert!(text.contains("Is this still right?"), "{text}");
}
