//! Rows a migration cannot convert: each is copied whole into the `quarantine` table, with where it
//! was and why, and taken out of its table, so one bad row never stops the rest from migrating (nor,
//! after, every save). The table is made the first time it is needed; nothing reads it back but a
//! person.

use std::fmt::{self, Write as _};
use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{Transaction, params};

use crate::calendar::UtcTime;

/// Where set-aside rows go.
pub const TABLE: &str = "quarantine";

const CREATE: &str = "CREATE TABLE IF NOT EXISTS quarantine (
    id INTEGER PRIMARY KEY,
    source_table TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    row TEXT NOT NULL,
    set_aside_at TEXT NOT NULL
)";

/// A row set aside: its table, its row id, and why it could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub table: String,
    pub id: i64,
    pub reason: String,
}

impl SetAside {
    /// One sentence for the runner, naming the file.
    pub fn describe(&self, path: &Path) -> String {
        format!("{}: {self}", path.display())
    }
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} row {} could not be brought up to date and was set aside in the table `{TABLE}`: {}",
            self.table, self.id, self.reason
        )
    }
}

/// The rows set aside by one migration, in the order they were.
#[derive(Debug, Default)]
pub struct Quarantine {
    rows: Vec<SetAside>,
}

impl Quarantine {
    /// Copies row `id` of `table` whole into the quarantine table (each column as JSON, a blob as
    /// `{"blob": "<hex>"}`), then deletes it from `table`.
    pub fn set_aside(
        &mut self,
        transaction: &Transaction<'_>,
        table: &str,
        id: i64,
        reason: String,
    ) -> rusqlite::Result<()> {
        transaction.execute_batch(CREATE)?;
        let quoted = quote(table);
        let row = {
            let mut statement =
                transaction.prepare(&format!("SELECT * FROM {quoted} WHERE rowid = ?1"))?;
            let names: Vec<String> = statement.column_names().map(str::to_owned).collect();
            statement.query_row([id], |row| {
                let mut object = serde_json::Map::new();
                for (index, name) in names.into_iter().enumerate() {
                    object.insert(name, as_json(row.get(index)?));
                }
                Ok(serde_json::Value::Object(object))
            })?
        };
        transaction.execute(
            "INSERT INTO quarantine (source_table, source_id, reason, row, set_aside_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![table, id, reason, row.to_string(), UtcTime::now().rfc3339()],
        )?;
        transaction.execute(&format!("DELETE FROM {quoted} WHERE rowid = ?1"), [id])?;
        self.rows.push(SetAside {
            table: table.to_owned(),
            id,
            reason,
        });
        Ok(())
    }

    pub fn into_rows(self) -> Vec<SetAside> {
        self.rows
    }
}

/// A table name as an SQL identifier.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn as_json(value: Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(n) => n.into(),
        Value::Real(x) => x.into(),
        Value::Text(text) => text.into(),
        Value::Blob(bytes) => {
            let hex = bytes.iter().fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            });
            serde_json::json!({ "blob": hex })
        }
    }
}
