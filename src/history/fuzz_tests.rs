//! Histories of every version with arbitrary rows (any SQLite type in any column, and tables or
//! columns a later step makes already there): opening to write always works, nothing is lost (each
//! row is migrated or set aside), saving works after, and reading either works or names a row.

use proptest::prelude::*;
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use super::*;
use crate::calendar::Calendar;
use crate::program::standing::ActiveProgram;

const SESSION_COLUMNS: &[&str] = &[
    "routine_id",
    "routine_hash",
    "started_at",
    "ended_at",
    "finished",
    "completed",
    "skipped",
    "extended",
    "pauses",
    "paused_ms",
    "active_ms",
];
/// Added in version 3.
const PROGRAM_COLUMNS: &[&str] = &["program_id", "program_level", "pain", "morning"];
const CHECK_COLUMNS: &[&str] = &[
    "taken_at", "day", "pain", "areas", "answers", "level", "rules",
];

/// Any value of any SQLite type, biased to the edges.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(Value::Integer),
        (-2_i64..12).prop_map(Value::Integer),
        any::<f64>().prop_map(Value::Real),
        "\\PC{0,16}".prop_map(Value::Text),
        prop::collection::vec(any::<u8>(), 0..16).prop_map(Value::Blob),
    ]
}

/// A value such as limberup writes in `column`, in one of the forms versions wrote.
fn plausible(column: &'static str) -> BoxedStrategy<Value> {
    let text = |options: &'static [&'static str]| {
        prop::sample::select(options)
            .prop_map(|s| Value::Text(s.to_owned()))
            .boxed()
    };
    match column {
        "taken_at" | "started_at" | "ended_at" => text(&[
            "2026-11-20T08:00:00Z",
            "2026-11-20T08:00:00+02:00",
            "2026-11-20T08:00:00",
            "2026-11-20",
            "soon",
        ]),
        "areas" => text(&["[\"neck\"]", "[]", "[\"lower-back\",\"hips\"]"]),
        "rules" => text(&["[\"S1\"]", "[]"]),
        "answers" => text(&["{}"]),
        "level" => text(&["self-care", "review", "ok"]),
        "morning" => text(&["better", "same", "worse"]),
        "routine_id" | "routine_hash" | "program_id" => text(&["upper-back-fix", "r"]),
        _ => (0_i64..12).prop_map(Value::Integer).boxed(),
    }
}

fn row(columns: Vec<&'static str>) -> impl Strategy<Value = Vec<Value>> {
    columns
        .into_iter()
        .map(|column| prop_oneof![3 => plausible(column), 1 => any_value()])
        .collect::<Vec<_>>()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ProgramTable {
    None,
    AsMade,
    OtherShape,
}

/// A history file: its version, its rows, and what a later step makes that it holds already.
#[derive(Debug, Clone)]
struct OldFile {
    version: usize,
    sessions: Vec<Vec<Value>>,
    checks: Vec<Vec<Value>>,
    /// Before version 3: no `active_program` table, one as version 3 makes it, or one of another
    /// shape (it is then kept aside and made anew).
    program_table: ProgramTable,
    has_program_column: bool,
}

fn old_file() -> impl Strategy<Value = OldFile> {
    (1..=migrate::known_version()).prop_flat_map(|version| {
        let mut session_columns = SESSION_COLUMNS.to_vec();
        if version >= 3 {
            session_columns.extend(PROGRAM_COLUMNS);
        }
        (
            prop::collection::vec(row(session_columns), 0..5),
            prop::collection::vec(row(CHECK_COLUMNS.to_vec()), 0..6),
            prop::sample::select(
                &[
                    ProgramTable::None,
                    ProgramTable::AsMade,
                    ProgramTable::OtherShape,
                ][..],
            ),
            any::<bool>(),
        )
            .prop_map(move |(sessions, checks, table, column)| OldFile {
                version,
                sessions,
                checks,
                program_table: if version < 3 {
                    table
                } else {
                    ProgramTable::None
                },
                has_program_column: column && version < 3,
            })
    })
}

/// Writes `file` into `dir`; returns how many check rows it holds (some inserts break a
/// constraint, as no limberup would have written them, and are left out).
fn write(dir: &Path, file: &OldFile) -> i64 {
    let mut connection = Connection::open(dir.join(HISTORY_FILE)).expect("create");
    migrate::make_at_version(&mut connection, file.version).expect("schema");
    let insert = |table: &str, columns: &[&str], values: &[Value]| {
        let marks = vec!["?"; columns.len()].join(", ");
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({marks})",
            columns.join(", ")
        );
        let _ = connection.execute(&sql, params_from_iter(values));
    };
    for values in &file.sessions {
        let mut columns = SESSION_COLUMNS.to_vec();
        if file.version >= 3 {
            columns.extend(PROGRAM_COLUMNS);
        }
        insert("sessions", &columns, values);
    }
    for values in &file.checks {
        insert("checks", CHECK_COLUMNS, values);
    }
    let table = match file.program_table {
        ProgramTable::None => "",
        ProgramTable::AsMade => {
            "CREATE TABLE active_program (slot INTEGER PRIMARY KEY CHECK (slot = 1),
             program_id TEXT NOT NULL, start_day TEXT NOT NULL, started_at TEXT NOT NULL)"
        }
        ProgramTable::OtherShape => {
            "CREATE TABLE active_program (slot INTEGER, program_id TEXT);
             INSERT INTO active_program VALUES (1, 'kept');"
        }
    };
    connection.execute_batch(table).expect("table");
    if file.has_program_column {
        connection
            .execute_batch("ALTER TABLE sessions ADD COLUMN pain INTEGER")
            .expect("column");
    }
    connection
        .query_row("SELECT count(*) FROM checks", [], |r| r.get(0))
        .expect("count")
}

fn read_or_name_a_row<T>(result: Result<T, HistoryError>) -> Result<(), TestCaseError> {
    match result {
        Ok(_) | Err(HistoryError::BadRow { .. }) => Ok(()),
        Err(other) => Err(TestCaseError::fail(format!("not a row's problem: {other}"))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_older_history_opens_migrates_and_saves(file in old_file()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let checks_before = write(dir.path(), &file);
        let calendar = Calendar::named("Europe/Paris").expect("zone");

        // Read without writing, as the file stands: it works or names a row, and changes nothing.
        if let Some(reader) = Store::open_read_only(dir.path(), &calendar).expect("opens") {
            read_or_name_a_row(reader.checks())?;
            read_or_name_a_row(reader.sessions())?;
        }

        let mut store = Store::open(dir.path(), &calendar).expect("an older history always opens");
        let told = store.take_set_aside();
        let count = |sql: &str| -> i64 {
            store.connection.query_row(sql, [], |r| r.get(0)).unwrap_or(0)
        };
        let set_aside = count("SELECT count(*) FROM quarantine");
        let tables = i64::from(file.program_table == ProgramTable::OtherShape);
        prop_assert_eq!(i64::try_from(told.len()).expect("small"), set_aside + tables);
        prop_assert_eq!(count("SELECT count(*) FROM checks") + set_aside, checks_before);
        read_or_name_a_row(store.checks())?;
        read_or_name_a_row(store.sessions())?;

        store.save_session(&SessionRow {
            routine_id: "r".to_owned(),
            routine_hash: "h".to_owned(),
            started_at: UtcTime(1_795_611_900),
            ended_at: UtcTime(1_795_612_200),
            finished: true,
            completed: 1,
            skipped: 0,
            extended: 0,
            pauses: 0,
            paused_ms: 0,
            active_ms: 300_000,
            program: None,
            pain: Some(2),
            morning: None,
        }).expect("saving works after");
        store.start_program(
            &ActiveProgram { id: "upper-back-fix".to_owned(), start: jiff::civil::date(2026, 3, 2) },
            UtcTime(0),
        ).expect("a program starts after");
        prop_assert!(store.integrity_ok().expect("checked"));
        drop(store);
        let mut again = Store::open(dir.path(), &calendar).expect("opens again");
        prop_assert!(again.take_set_aside().is_empty(), "told once");
    }
}
