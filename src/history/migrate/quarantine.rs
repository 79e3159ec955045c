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
pub(super) const TABLE: &str = "quarantine";

const CREATE: &str = "CREATE TABLE IF NOT EXISTS quarantine (
    id INTEGER PRIMARY KEY,
    source_table TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    row TEXT NOT NULL,
    set_aside_at TEXT NOT NULL
)";

/// What a migration set aside, so that it could carry on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetAside {
    /// A row it could not convert, copied whole into the quarantine table and taken out of its own.
    Row {
        table: String,
        id: i64,
        reason: String,
    },
    /// A table a step makes, already there in another shape (without some of its columns): kept
    /// whole under another name, and made anew.
    Table {
        name: String,
        renamed: String,
        missing: Vec<String>,
    },
}

impl SetAside {
    /// One sentence for the runner, naming the file.
    pub fn describe(&self, path: &Path) -> String {
        format!("{}: {self}", path.display())
    }
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Row { table, id, reason } => write!(
                f,
                "{table} row {id} could not be brought up to date and was set aside in the table `{TABLE}`: {reason}"
            ),
            Self::Table {
                name,
                renamed,
                missing,
            } => write!(
                f,
                "the table `{name}` was already there without `{}`; it was kept as `{renamed}` and a new one made",
                missing.join("`, `")
            ),
        }
    }
}

/// What one migration set aside, in the order it was.
#[derive(Debug, Default)]
pub(crate) struct Quarantine {
    rows: Vec<SetAside>,
    /// Whether the quarantine table is known to exist in this transaction.
    table_made: bool,
}

impl Quarantine {
    /// Copies row `id` of `table` whole into the quarantine table (each column as JSON, a blob as
    /// `{"blob": "<hex>"}`), then deletes it from `table`.
    pub(super) fn set_aside(
        &mut self,
        transaction: &Transaction<'_>,
        table: &str,
        id: i64,
        reason: String,
    ) -> rusqlite::Result<()> {
        if !self.table_made {
            transaction.execute_batch(CREATE)?;
            self.table_made = true;
        }
        let quoted = quote(table);
        let row = {
            let mut statement =
                transaction.prepare_cached(&format!("SELECT * FROM {quoted} WHERE rowid = ?1"))?;
            let names: Vec<String> = statement.column_names().map(str::to_owned).collect();
            statement.query_row([id], |row| {
                let mut object = serde_json::Map::new();
                for (index, name) in names.into_iter().enumerate() {
                    object.insert(name, as_json(row.get(index)?));
                }
                Ok(serde_json::Value::Object(object))
            })?
        };
        transaction
            .prepare_cached(
                "INSERT INTO quarantine (source_table, source_id, reason, row, set_aside_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                table,
                id,
                reason,
                row.to_string(),
                UtcTime::now().rfc3339()
            ])?;
        transaction
            .prepare_cached(&format!("DELETE FROM {quoted} WHERE rowid = ?1"))?
            .execute([id])?;
        self.rows.push(SetAside::Row {
            table: table.to_owned(),
            id,
            reason,
        });
        Ok(())
    }

    /// Renames table `name` to a free name (`<name>_set_aside`, then `_2`, …), keeping its rows, so
    /// a step can make `name` as it should be.
    pub(super) fn set_aside_table(
        &mut self,
        transaction: &Transaction<'_>,
        name: &str,
        missing: Vec<String>,
    ) -> rusqlite::Result<()> {
        let mut renamed = format!("{name}_set_aside");
        let mut n = 1;
        while transaction
            .query_row(
                "SELECT 1 FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE",
                [&renamed],
                |_| Ok(()),
            )
            .is_ok()
        {
            n += 1;
            renamed = format!("{name}_set_aside_{n}");
        }
        transaction.execute_batch(&format!(
            "ALTER TABLE {} RENAME TO {}",
            quote(name),
            quote(&renamed)
        ))?;
        self.rows.push(SetAside::Table {
            name: name.to_owned(),
            renamed,
            missing,
        });
        Ok(())
    }

    pub(super) fn into_rows(self) -> Vec<SetAside> {
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
