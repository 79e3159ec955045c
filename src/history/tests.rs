//! The history store: round trips, refusal of files that are not ours, and two writers at once.

use super::rows::fixtures::session;
use super::*;
use crate::calendar::Calendar;
use crate::program::standing::ActiveProgram;
use crate::triage::{Answers, Area, Level, Symptom};
use crate::words::Word;

fn check(store: &mut Store, pain: u8, day: i64) {
    let answers = Answers {
        pain,
        areas: vec![Area::LowerBack],
        ..Answers::default()
    };
    let at = UtcTime(day * 86_400);
    let record = CheckRecord::take(answers, None, at, &Calendar::utc(), &[]);
    store.save_check(&record).expect("saved");
}

#[test]
fn sessions_and_checks_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    store
        .save_session(&session("upper-back-stretch"))
        .expect("saved");
    check(&mut store, 5, 20_000);
    check(&mut store, 2, 19_999);
    drop(store);
    let store = Store::open(dir.path(), &Calendar::utc()).expect("reopens");
    assert_eq!(
        store.sessions().expect("read"),
        vec![session("upper-back-stretch")]
    );
    let checks = store.checks().expect("read");
    assert_eq!(
        checks
            .iter()
            .map(|c| (c.taken_at.0 / 86_400, c.pain))
            .collect::<Vec<_>>(),
        vec![(19_999, 2), (20_000, 5)]
    );
    assert_eq!(checks[1].level, Word::Known(Level::SelfCare));
    assert_eq!(checks[1].rule_words(), vec!["S1"]);
    assert_eq!(
        store.past_checks().expect("read")[1].areas,
        vec![Area::LowerBack]
    );
    assert!(store.integrity_ok().expect("checked"));
}

#[test]
fn files_that_are_not_our_history_are_refused_and_left_untouched() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
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
        let error = Store::open(dir.path(), &Calendar::utc())
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
    let error = Store::open(dir.path(), &Calendar::utc())
        .err()
        .expect("refused");
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
    drop(Store::open(newer_dir.path(), &Calendar::utc()).expect("create"));
    let connection = Connection::open(newer_dir.path().join(HISTORY_FILE)).expect("open");
    connection
        .pragma_update(None, "user_version", 99)
        .expect("bump");
    drop(connection);
    let error = Store::open(newer_dir.path(), &Calendar::utc())
        .err()
        .expect("refused");
    assert!(
        matches!(error, HistoryError::Newer { found: 99, .. }),
        "{error}"
    );
}

#[test]
fn two_instances_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path(), &Calendar::utc()).expect("create"));
    let writers: Vec<_> = (0..2)
        .map(|n| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut store = Store::open(&path, &Calendar::utc()).expect("opens");
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
    let store = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    assert_eq!(store.sessions().expect("read").len(), 200);
    assert!(store.integrity_ok().expect("checked"));
}

/// The version-1 history as an earlier limberup left it: `taken_at` as the answers file wrote it.
fn version_one(dir: &Path, taken: &[&str]) -> PathBuf {
    let path = dir.join(HISTORY_FILE);
    let connection = Connection::open(&path).expect("create");
    let Step::Sql(schema) = &migrate_steps()[0] else {
        panic!("version 1 is SQL");
    };
    connection.execute_batch(schema).expect("schema");
    for (i, written) in taken.iter().enumerate() {
        connection
            .execute(
                "INSERT INTO checks (taken_at, day, pain, areas, answers, level, rules) VALUES (?1, 0, ?2, '[\"neck\"]', '{}', 'ok', '[\"C1\"]')",
                params![written, i64::try_from(i).expect("small")],
            )
            .expect("row");
    }
    connection
        .pragma_update(None, "user_version", 1)
        .expect("version");
    connection
        .pragma_update(None, "application_id", APPLICATION_ID)
        .expect("ours");
    path
}

use migrate::{Step, steps as migrate_steps};

#[test]
fn version_one_times_become_utc_instants() {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = [
        "2026-11-20T08:00:00Z",
        "2026-11-20T08:00:00+02:00",
        "2026-11-20T23:00:00-14:00",
        "2026-11-20T08:00:00",
        "2026-11-20",
    ];
    version_one(dir.path(), &written);
    let paris = Calendar::named("Europe/Paris").expect("zone");
    // Read-only, the old forms are read as they are; nothing is changed.
    let before = std::fs::read(dir.path().join(HISTORY_FILE)).expect("read");
    let reader = Store::open_read_only(dir.path(), &paris)
        .expect("opens")
        .expect("exists");
    let read_only: Vec<String> = reader
        .checks()
        .expect("read")
        .iter()
        .map(|c| c.taken_at.rfc3339())
        .collect();
    drop(reader);
    assert_eq!(
        std::fs::read(dir.path().join(HISTORY_FILE)).expect("read"),
        before
    );
    // Opened to write, the migration stores every one in one UTC format.
    let store = Store::open(dir.path(), &paris).expect("migrates");
    let stored: Vec<String> = store
        .connection
        .prepare("SELECT taken_at FROM checks ORDER BY id")
        .expect("query")
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("read");
    assert_eq!(
        stored,
        [
            "2026-11-20T08:00:00Z",
            "2026-11-20T06:00:00Z",
            "2026-11-21T13:00:00Z",
            "2026-11-20T07:00:00Z",
            "2026-11-19T23:00:00Z",
        ]
    );
    let mut sorted = stored.clone();
    sorted.sort();
    let read: Vec<String> = store
        .checks()
        .expect("read")
        .iter()
        .map(|c| c.taken_at.rfc3339())
        .collect();
    assert_eq!(read, sorted);
    let mut read_only = read_only;
    read_only.sort();
    assert_eq!(
        read_only, sorted,
        "read-only reading agrees with the migration"
    );
}

#[test]
fn reading_creates_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(
        Store::open_read_only(dir.path(), &Calendar::utc())
            .expect("no error")
            .is_none()
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "nothing created"
    );
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("create");
    check(&mut store, 5, 20_000);
    drop(store);
    let before = std::fs::read(dir.path().join(HISTORY_FILE)).expect("read");
    let reader = Store::open_read_only(dir.path(), &Calendar::utc())
        .expect("opens")
        .expect("exists");
    assert_eq!(reader.checks().expect("read").len(), 1);
    drop(reader);
    assert_eq!(
        std::fs::read(dir.path().join(HISTORY_FILE)).expect("read"),
        before
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [HISTORY_FILE]);
}

#[test]
fn a_row_that_cannot_be_read_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("create");
    check(&mut store, 5, 20_000);
    check(&mut store, 6, 20_001);
    store
        .connection
        .execute("UPDATE checks SET pain = 300 WHERE id = 2", [])
        .expect("edit");
    let error = store.checks().expect_err("row 2 is corrupt");
    assert!(
        matches!(
            error,
            HistoryError::BadRow {
                table: "checks",
                id: 2,
                ..
            }
        ),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .ends_with("checks row 2 cannot be read: `pain` is 300, outside 0 to 10"),
        "{error}"
    );
    store
        .connection
        .execute(
            "UPDATE checks SET pain = 6, taken_at = 'soon' WHERE id = 2",
            [],
        )
        .expect("edit");
    let error = store.checks().expect_err("row 2 is corrupt");
    assert!(
        error
            .to_string()
            .ends_with("checks row 2 cannot be read: `taken_at` is not a date and time: \"soon\""),
        "{error}"
    );
    store.save_session(&session("r")).expect("saved");
    store
        .connection
        .execute("UPDATE sessions SET active_ms = -4", [])
        .expect("edit");
    let error = store.sessions().expect_err("row 1 is corrupt");
    assert!(
        error
            .to_string()
            .ends_with("sessions row 1 cannot be read: `active_ms` is negative"),
        "{error}"
    );
}

#[test]
fn an_empty_file_is_a_new_history_and_a_bare_database_is_someone_else_s() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(HISTORY_FILE), b"").expect("write");
    let mut store =
        Store::open(dir.path(), &Calendar::utc()).expect("an empty file holds nothing to lose");
    check(&mut store, 5, 20_000);
    assert_eq!(store.checks().expect("read").len(), 1);

    // Another program's SQLite file with no tables yet is still not ours.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(HISTORY_FILE);
    Connection::open(&path)
        .expect("create")
        .pragma_update(None, "user_version", 0)
        .expect("touch");
    Connection::open(&path)
        .expect("open")
        .execute_batch("VACUUM")
        .expect("write header");
    let before = std::fs::read(&path).expect("read");
    assert!(!before.is_empty());
    let error = Store::open(dir.path(), &Calendar::utc())
        .err()
        .expect("refused");
    assert!(
        error.to_string().contains("belongs to another program"),
        "{error}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "left untouched"
    );

    // A negative version: refused with a sentence, not the schema.
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path(), &Calendar::utc()).expect("create"));
    Connection::open(dir.path().join(HISTORY_FILE))
        .expect("open")
        .pragma_update(None, "user_version", -5)
        .expect("edit");
    let error = Store::open(dir.path(), &Calendar::utc())
        .err()
        .expect("refused");
    assert!(error.to_string().contains("negative"), "{error}");
    assert!(!error.to_string().contains("CREATE"), "{error}");
}

#[test]
fn first_opens_at_once_wait_for_each_other() {
    for _ in 0..10 {
        let dir = tempfile::tempdir().expect("temp dir");
        let openers: Vec<_> = (0..4)
            .map(|_| {
                let path = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    let mut store =
                        Store::open(&path, &Calendar::utc()).map_err(|e| e.to_string())?;
                    store
                        .save_session(&session("first"))
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        for opener in openers {
            opener.join().expect("finished").expect("opened and saved");
        }
        let store = Store::open(dir.path(), &Calendar::utc()).expect("opens");
        assert_eq!(store.sessions().expect("read").len(), 4);
        let leftovers = std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().contains(".new-"))
            })
            .count();
        assert_eq!(leftovers, 0, "temporary files removed");
    }
}

/// Version 3: a version-1 history keeps its sessions (outside any program) when read without
/// writing and after the migration; program, level, pain and morning then round-trip.
#[test]
fn older_histories_keep_working_and_sessions_carry_their_program() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = version_one(dir.path(), &[]);
    Connection::open(&path)
        .expect("open")
        .execute(
            "INSERT INTO sessions (routine_id, routine_hash, started_at, ended_at, finished, completed,
             skipped, extended, pauses, paused_ms, active_ms) VALUES ('old', 'h', '2026-11-20T08:00:00Z',
             '2026-11-20T08:10:00Z', 1, 3, 0, 0, 0, 0, 600000)",
            [],
        )
        .expect("row");
    let reader = Store::open_read_only(dir.path(), &Calendar::utc())
        .expect("opens")
        .expect("exists");
    assert_eq!(reader.sessions().expect("read")[0].program, None);
    assert_eq!(reader.active_program().expect("read"), None);
    drop(reader);
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("migrates");
    let old = &store.sessions().expect("read")[0];
    assert_eq!(
        (old.routine_id.as_str(), old.program.as_ref(), old.pain),
        ("old", None, None)
    );
    let mut new = session("upper-back-strength");
    new.program = Some(InProgram {
        id: "upper-back-fix".to_owned(),
        level: 2,
    });
    new.pain = Some(4);
    let id = store.save_session(&new).expect("saved");
    store
        .set_morning(id, crate::program::Morning::Worse)
        .expect("saved");
    let read = store.sessions().expect("read");
    let last = read
        .iter()
        .find(|s| s.routine_id == "upper-back-strength")
        .expect("there");
    assert_eq!(last.program, new.program);
    assert_eq!(
        (last.pain, last.morning),
        (Some(4), Some(crate::program::Morning::Worse))
    );
    let active = ActiveProgram {
        id: "upper-back-fix".to_owned(),
        start: jiff::civil::date(2026, 3, 2),
    };
    store.start_program(&active, UtcTime(0)).expect("started");
    assert_eq!(store.active_program().expect("read"), Some(active));
    assert!(store.stop_program().expect("stopped"));
    assert_eq!(store.active_program().expect("read"), None);
}

/// Version 4: a version-3 history (checks and sessions of an earlier limberup) migrates, keeps
/// every check, and then keeps a profile; read without writing, an older file has no profile.
#[test]
fn a_history_from_before_the_profile_keeps_every_check_and_gains_one() {
    use crate::triage::profile::{AgeGiven, Dated, Profile, Reply};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = version_one(
        dir.path(),
        &["2026-11-20T08:00:00Z", "2026-11-21T08:00:00Z", "2026-11-22"],
    );
    // Up to version 3, as the last limberup before the profile left it.
    let mut connection = Connection::open(&path).expect("open");
    migrate::apply_up_to(&mut connection, &path, &Calendar::utc(), 3).expect("to version 3");
    drop(connection);
    let reader = Store::open_read_only(dir.path(), &Calendar::utc())
        .expect("opens")
        .expect("exists");
    assert_eq!(reader.profile().expect("read"), Profile::default());
    assert_eq!(reader.checks().expect("read").len(), 3);
    drop(reader);
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("migrates");
    let checks = store.checks().expect("read");
    assert_eq!(
        checks.iter().map(|c| c.pain).collect::<Vec<_>>(),
        [0, 1, 2],
        "every check kept"
    );
    assert_eq!(store.profile().expect("read"), Profile::default());
    let at = UtcTime(1_795_611_900);
    let mut profile = Profile::default();
    profile.facts.insert(
        Symptom::BoneRisk,
        Dated {
            value: Reply::NotSure,
            answered_at: at,
        },
    );
    profile.age = Some(Dated {
        value: AgeGiven::Born(1960),
        answered_at: at,
    });
    store.save_profile(&profile).expect("saved");
    assert_eq!(store.profile().expect("read"), profile);
    profile.age = Some(Dated {
        value: AgeGiven::Age(66),
        answered_at: at,
    });
    store.save_profile(&profile).expect("saved");
    assert_eq!(store.profile().expect("read"), profile);
    assert!(store.clear_profile().expect("cleared"));
    assert_eq!(store.profile().expect("read"), Profile::default());
    assert!(!store.clear_profile().expect("nothing to clear"));
    assert_eq!(store.checks().expect("read").len(), 3);
}

/// A version-1 check that is not a date and time is set aside, told once, and the rest migrates.
#[test]
fn a_row_the_migration_cannot_convert_is_set_aside_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long = "x".repeat(100_000);
    version_one(
        dir.path(),
        &["2026-11-20T08:00:00Z", "soon", "2026-11-21", &long],
    );
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("migrates");
    let told = store.take_set_aside();
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(
        told[1].ends_with(&format!("not a date and time: \"{}…\"", "x".repeat(40))),
        "a long value is cut: {}",
        told[1].len()
    );
    assert!(
        told[0].ends_with(
            "checks row 2 could not be brought up to date and was set aside in the table `quarantine`: `taken_at` is not a date and time: \"soon\""
        ),
        "{told:?}"
    );
    assert!(store.take_set_aside().is_empty(), "told once");
    assert_eq!(store.checks().expect("the rest reads").len(), 2);
    check(&mut store, 5, 20_000);
    drop(store);
    let mut again = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    assert!(again.take_set_aside().is_empty(), "not told again");
    assert_eq!(again.checks().expect("read").len(), 3);
}
