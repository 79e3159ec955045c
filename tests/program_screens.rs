//! The Today screen in each state of a program, through the binary's headless `snapshot --today`,
//! on a history made with `program start`, `log` and dated `check --answers`.

use std::path::Path;
use std::process::{Command, Output};

fn limberup(args: &[&str], data_dir: &Path) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_DATA_DIR", data_dir)
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .env("TZ", "Europe/Paris")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn screen(dir: &Path, today: &str) -> String {
    String::from_utf8_lossy(&limberup(&["snapshot", "--today", today], dir).stdout).into_owned()
}

fn check(dir: &Path, answers: &str, date: &str) {
    let file = dir.join("answers.toml");
    std::fs::write(&file, format!("{answers}\ndate = {date}\n")).expect("written");
    limberup(
        &[
            "check",
            "--answers",
            file.to_str().expect("utf-8"),
            "--json",
        ],
        dir,
    );
}

/// Upper-back fix from Monday 2 March 2026: week 1 done in full, a self-care check on Wednesday
/// 11 March, a review check on Tuesday 17 March.
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path();
    limberup(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        path,
    );
    for (routine, date, pain) in [
        ("upper-back-strength", "2026-03-02T18:00", "2"),
        ("thoracic-mobility", "2026-03-03T08:00", "1"),
        ("upper-back-strength", "2026-03-04T18:00", "2"),
        ("upper-back-strength", "2026-03-06T18:00", "3"),
        ("thoracic-mobility", "2026-03-07T09:00", "1"),
        ("upper-back-strength", "2026-03-09T18:00", "4"),
    ] {
        limberup(&["log", routine, "--date", date, "--pain", pain], path);
    }
    check(
        path,
        "pain = 6\nareas = [\"upper-back\"]\nonset = \"after-run\"\ndays = 1\ntrend = \"same\"",
        "2026-03-11T08:00:00",
    );
    check(
        path,
        "pain = 5\nareas = [\"lower-back\"]\nsymptoms = [\"radiating\"]\ndays = 2",
        "2026-03-17T08:00:00",
    );
    dir
}

#[test]
fn today_in_each_state() {
    let dir = history();
    let active = screen(dir.path(), "2026-03-10");
    assert!(active.contains("Week 2 of 4 · level 1"), "{active}");
    insta::assert_snapshot!("today_active", active);
    let resting = screen(dir.path(), "2026-03-12");
    assert!(resting.contains("Rest days"), "{resting}");
    insta::assert_snapshot!("today_rest_days", resting);
    let paused = screen(dir.path(), "2026-03-18");
    assert!(paused.contains("Paused"), "{paused}");
    insta::assert_snapshot!("today_paused", paused);
    let finished = screen(dir.path(), "2026-04-01");
    assert!(finished.contains("Finished"), "{finished}");
    insta::assert_snapshot!("today_finished", finished);
}

#[test]
fn without_a_program_the_app_opens_on_the_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = screen(dir.path(), "2026-03-10");
    assert!(!first.contains("today"), "{first}");
    assert!(first.contains("Upper-back strength"), "{first}");
}

#[test]
fn the_session_pain_question_after_a_program_session() {
    let dir = history();
    let question = String::from_utf8_lossy(
        &limberup(
            &[
                "snapshot",
                "--today",
                "2026-03-10",
                "--keys",
                "enter@1,q@3,y@4",
                "--at",
                "5",
            ],
            dir.path(),
        )
        .stdout,
    )
    .into_owned();
    assert!(
        question.contains("How much did it hurt during this session? 0-10"),
        "{question}"
    );
    insta::assert_snapshot!("session_pain_question", question);
}

/// Records what the app would save.
struct Saved(Vec<limberup::app::Record>);

impl limberup::app::records::HistorySink for Saved {
    fn save(
        &mut self,
        record: &limberup::app::Record,
    ) -> Result<(), limberup::history::HistoryError> {
        self.0.push(record.clone());
        Ok(())
    }
}

/// A session started from Today is saved once, after the question, with the program, its level
/// and the answer; skipped, it is saved without a pain.
#[test]
fn a_program_session_is_saved_with_its_level_and_pain() {
    use limberup::app::headless::{SnapshotRequest, capture_saving};
    use limberup::app::today::standing;
    use limberup::calendar::{Calendar, day_number};
    use limberup::history::Store;
    use limberup::program::Programs;
    use limberup::routine::Library;

    let dir = history();
    let paris = Calendar::named("Europe/Paris").expect("zone");
    let library = Library::load(None).expect("library");
    let programs = Programs::load(&library, None).expect("programs");
    let store = Store::open_read_only(dir.path(), &paris)
        .expect("opens")
        .expect("exists");
    let today = day_number(jiff::civil::date(2026, 3, 10));
    let at_week_two = standing(Some(&store), &programs, &library, today)
        .expect("reads")
        .expect("active");
    for (keys, pain) in [
        ("enter@1,q@3,y@4,7@6", Some(7)),
        ("enter@1,q@3,y@4,esc@6", None),
    ] {
        let mut request = SnapshotRequest::new(80, 24);
        request.keys = limberup::cli::snapshot::script::parse_script(keys).expect("keys");
        request.at = vec![8_000];
        request.program = Some(at_week_two.clone());
        let mut saved = Saved(Vec::new());
        capture_saving(
            library.clone(),
            None,
            &request,
            &mut limberup::audio::Silent,
            &mut saved,
        )
        .expect("runs");
        let sessions: Vec<_> = saved
            .0
            .iter()
            .filter_map(|r| match r {
                limberup::app::Record::Session(row) => Some(row.clone()),
                limberup::app::Record::Check(_) => None,
            })
            .collect();
        assert_eq!(sessions.len(), 1, "{keys}");
        let program = sessions[0].program.as_ref().expect("in the program");
        assert_eq!((program.id.as_str(), program.level), ("upper-back-fix", 1));
        assert_eq!(sessions[0].pain, pain, "{keys}");
    }
}
