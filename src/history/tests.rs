//! The history store: round trips, refusal of files that are not ours, and two writers at once.

use super::*;
use crate::triage::{Area, Facts, evaluate};

fn check(store: &mut Store, pain: u8, day: i64) {
    let answers = Answers {
        pain,
        areas: vec![Area::LowerBack],
        ..Answers::default()
    };
    let triage = evaluate(&Facts {
        answers: &answers,
        day,
        history: &[],
    });
    store
        .save_check(&answers, (&UtcTime(day * 86_400).rfc3339(), day), &triage)
        .expect("saved");
}

fn session(id: &str) -> SessionRow {
    SessionRow {
        routine_id: id.to_owned(),
        routine_hash: "abc".to_owned(),
        started_at: UtcTime(1_795_611_900),
        ended_at: UtcTime(1_795_612_200),
        finished: false,
        completed: 4,
        skipped: 1,
        extended: 0,
        pauses: 2,
        paused_ms: 30_000,
        active_ms: 270_000,
    }
}

#[test]
fn sessions_and_checks_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("opens");
    store
        .save_session(&session("upper-back-stretch"))
        .expect("saved");
    check(&mut store, 5, 20_000);
    check(&mut store, 2, 19_999);
    drop(store);
    let store = Store::open(dir.path()).expect("reopens");
    assert_eq!(
        store.sessions().expect("read"),
        vec![session("upper-back-stretch")]
    );
    let checks = store.checks().expect("read");
    assert_eq!(
        checks.iter().map(|c| (c.day, c.pain)).collect::<Vec<_>>(),
        vec![(19_999, 2), (20_000, 5)]
    );
    assert_eq!(checks[1].level, "self-care");
    assert_eq!(checks[1].rules, vec!["S1"]);
    assert_eq!(
        store.past_checks().expect("read")[1].areas,
        vec![Area::LowerBack]
    );
    assert!(store.integrity_ok().expect("checked"));
}

#[test]
fn files_that_are_not_our_history_are_refused_and_left_untouched() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        (
            "random bytes",
            (0..4096_u32)
                .map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes()[1])
                .collect(),
        ),
        ("text", b"my notes about running\n".to_vec()),
    ];
    for (what, bytes) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(HISTORY_FILE);
        std::fs::write(&path, &bytes).expect("write");
        let error = Store::open(dir.path())
            .err()
            .unwrap_or_else(|| panic!("{what} must be refused"));
        assert!(
            matches!(error, HistoryError::NotOurs { .. }),
            "{what}: {error}"
        );
        assert!(error.to_string().contains("left it untouched"), "{error}");
        assert_eq!(
            std::fs::read(&path).expect("still there"),
            bytes,
            "{what} was changed"
        );
    }
}

#[test]
fn another_programs_database_and_a_newer_history_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(HISTORY_FILE);
    {
        let other = Connection::open(&path).expect("create");
        other
            .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
            .expect("write");
    }
    let error = Store::open(dir.path()).err().expect("refused");
    assert!(
        error.to_string().contains("belongs to another program"),
        "{error}"
    );
    let other = Connection::open(&path).expect("reopen");
    let note: String = other
        .query_row("SELECT text FROM notes", [], |r| r.get(0))
        .expect("kept");
    assert_eq!(note, "mine");
    drop(other);

    let newer_dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(newer_dir.path()).expect("create"));
    let connection = Connection::open(newer_dir.path().join(HISTORY_FILE)).expect("open");
    connection
        .pragma_update(None, "user_version", 99)
        .expect("bump");
    drop(connection);
    let error = Store::open(newer_dir.path()).err().expect("refused");
    assert!(
        matches!(error, HistoryError::Newer { found: 99, .. }),
        "{error}"
    );
}

#[test]
fn two_instances_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path()).expect("create"));
    let writers: Vec<_> = (0..2)
        .map(|n| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("opens");
                for i in 0..100 {
                    store
                        .save_session(&session(&format!("w{n}-{i}")))
                        .expect("saved");
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer finished");
    }
    let store = Store::open(dir.path()).expect("opens");
    assert_eq!(store.sessions().expect("read").len(), 200);
    assert!(store.integrity_ok().expect("checked"));
}
