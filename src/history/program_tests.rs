//! The history's side of programs version 2: `program resume` saved and read on local days, an
//! earlier history without the table, and the session a `log --morning` answers about.

use super::*;
use crate::calendar::Calendar;

fn paris() -> Calendar {
    Calendar::named("Europe/Paris").expect("zone")
}

#[test]
fn resumes_are_saved_and_read_on_local_days() {
    let dir = tempfile::tempdir().expect("temp dir");
    let calendar = paris();
    let mut store = Store::open(dir.path(), &calendar).expect("opens");
    assert!(store.program_resumes().expect("read").is_empty());
    // 23:30 UTC on 17 March is already the 18th in Paris.
    let at = calendar.parse_any("2026-03-17T23:30:00Z").expect("a time");
    store.resume_program("upper-back-fix", at).expect("saved");
    let resumes = store.program_facts().expect("read").resumes;
    assert_eq!(resumes.len(), 1);
    assert_eq!(resumes[0].at, at);
    assert_eq!(
        resumes[0].day,
        crate::calendar::day_number(jiff::civil::date(2026, 3, 18))
    );
}

#[test]
fn a_history_from_before_resumes_reads_none_and_gains_the_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let calendar = paris();
    drop(Store::open(dir.path(), &calendar).expect("opens"));
    {
        let raw = Connection::open(dir.path().join(HISTORY_FILE)).expect("raw");
        raw.execute_batch("DROP TABLE program_resumes; PRAGMA user_version = 3;")
            .expect("made a version-3 history");
    }
    let read_only = Store::open_read_only(dir.path(), &calendar)
        .expect("opens")
        .expect("exists");
    assert!(read_only.program_resumes().expect("read").is_empty());
    drop(read_only);
    let mut store = Store::open(dir.path(), &calendar).expect("migrates");
    store
        .resume_program("upper-back-fix", UtcTime(1_773_800_000))
        .expect("the table is there again");
}

#[test]
fn a_morning_answer_goes_on_the_routines_latest_session_of_an_earlier_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let calendar = paris();
    let mut store = Store::open(dir.path(), &calendar).expect("opens");
    let at = |text: &str| calendar.parse_any(text).expect("a time");
    for (routine, when, program) in [
        ("upper-back-strength", "2026-03-02T18:00", true),
        ("upper-back-strength", "2026-03-04T18:00", true),
        ("upper-back-strength", "2026-03-05T07:00", true),
        ("thoracic-mobility", "2026-03-04T19:00", true),
        ("upper-back-strength", "2026-03-04T20:00", false),
    ] {
        let mut row = tests_row(routine, at(when));
        row.program = program.then(|| InProgram {
            id: "upper-back-fix".to_owned(),
            level: 0,
        });
        store.save_session(&row).expect("saved");
    }
    let thursday = crate::calendar::day_number(jiff::civil::date(2026, 3, 5));
    let found = store
        .program_session_before("upper-back-strength", thursday)
        .expect("read")
        .expect("one");
    assert_eq!(found.started_at, at("2026-03-04T18:00"));
    let monday = crate::calendar::day_number(jiff::civil::date(2026, 3, 2));
    assert!(
        store
            .program_session_before("upper-back-strength", monday)
            .expect("read")
            .is_none()
    );
}

fn tests_row(routine: &str, started_at: UtcTime) -> SessionRow {
    SessionRow {
        routine_id: routine.to_owned(),
        routine_hash: "0".repeat(16),
        started_at,
        ended_at: UtcTime(started_at.0 + 600),
        finished: true,
        completed: 5,
        skipped: 0,
        extended: 0,
        pauses: 0,
        paused_ms: 0,
        active_ms: 600_000,
        program: None,
        pain: None,
        morning: None,
    }
}

#[test]
fn the_morning_question_is_about_yesterdays_most_painful_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let calendar = paris();
    let mut store = Store::open(dir.path(), &calendar).expect("opens");
    let at = |text: &str| calendar.parse_any(text).expect("a time");
    // (routine, when, pain)
    for (routine, when, pain) in [
        ("upper-back-strength", "2026-03-09T07:00", Some(5)),
        ("thoracic-mobility", "2026-03-09T19:00", Some(1)),
        ("upper-back-stretch", "2026-03-09T20:00", None),
    ] {
        let mut row = tests_row(routine, at(when));
        row.pain = pain;
        row.program = Some(InProgram {
            id: "upper-back-fix".to_owned(),
            level: 0,
        });
        store.save_session(&row).expect("saved");
    }
    let tuesday = crate::calendar::day_number(jiff::civil::date(2026, 3, 10));
    let asked = store
        .awaiting_morning(tuesday)
        .expect("read")
        .expect("asked");
    assert_eq!(
        asked.routine, "upper-back-strength",
        "5/10, not the later 1/10"
    );
    let wednesday = tuesday + 1;
    assert!(store.awaiting_morning(wednesday).expect("read").is_none());
}
