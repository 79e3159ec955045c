//! Running a step's SQL so that what already happened is not done twice: a file can hold a table,
//! an index or a column a step makes before the step is marked done (made by hand, by a build from
//! another branch, by a tool), and then the step must still go through.
//!
//! Each statement is run on its own; `CREATE TABLE`, `CREATE INDEX` and `ALTER TABLE … ADD COLUMN`
//! are skipped when what they make is there already. Steps are plain schema statements, separated by
//! `;` (none inside a quoted name or string).

use rusqlite::{OptionalExtension, Transaction};

/// Runs each statement of `sql` unless what it makes exists already.
pub fn run(transaction: &Transaction<'_>, sql: &str) -> rusqlite::Result<()> {
    for statement in statements(sql) {
        if !already_done(transaction, statement)? {
            transaction.execute_batch(statement)?;
        }
    }
    Ok(())
}

/// The statements of `sql`, trimmed, without empty ones.
fn statements(sql: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0_i32;
    let mut quote: Option<char> = None;
    let mut start = 0;
    let mut pieces = Vec::new();
    for (at, c) in sql.char_indices() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ';') if depth == 0 => {
                pieces.push(&sql[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    pieces.push(&sql[start..]);
    pieces.into_iter().map(str::trim).filter(|s| !s.is_empty())
}

/// Whether the table, index or column `statement` makes is already in the file.
fn already_done(transaction: &Transaction<'_>, statement: &str) -> rusqlite::Result<bool> {
    let words: Vec<String> = statement
        .split(|c: char| c.is_whitespace() || c == '(')
        .filter(|w| !w.is_empty())
        .take(7)
        .map(str::to_owned)
        .collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
    let word = |i: usize| upper.get(i).map_or("", String::as_str);
    let name = |i: usize| words.get(i).map(|w| unquote(w));
    match (word(0), word(1), word(2)) {
        ("CREATE", "TABLE", _) => exists(transaction, "table", name(2)),
        ("CREATE", "INDEX", _) => exists(transaction, "index", name(2)),
        ("CREATE", "UNIQUE", "INDEX") => exists(transaction, "index", name(3)),
        ("ALTER", "TABLE", _) if word(3) == "ADD" => {
            let column = if word(4) == "COLUMN" {
                name(5)
            } else {
                name(4)
            };
            match (name(2), column) {
                (Some(table), Some(column)) => has_column(transaction, &table, &column),
                _ => Ok(false),
            }
        }
        _ => Ok(false),
    }
}

fn unquote(name: &str) -> String {
    name.trim_matches(|c| c == '"' || c == '`' || c == '[' || c == ']')
        .to_owned()
}

fn exists(
    transaction: &Transaction<'_>,
    kind: &str,
    name: Option<String>,
) -> rusqlite::Result<bool> {
    let Some(name) = name else {
        return Ok(false);
    };
    transaction
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = ?1 AND name = ?2 COLLATE NOCASE",
            [kind, name.as_str()],
            |_| Ok(()),
        )
        .optional()
        .map(|found| found.is_some())
}

fn has_column(transaction: &Transaction<'_>, table: &str, column: &str) -> rusqlite::Result<bool> {
    transaction
        .query_row(
            "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2 COLLATE NOCASE",
            [table, column],
            |_| Ok(()),
        )
        .optional()
        .map(|found| found.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_split_at_semicolons_outside_parentheses_and_quotes() {
        let sql = "CREATE TABLE a (x TEXT CHECK (x != ';'));\n ALTER TABLE a ADD COLUMN y; ;";
        assert_eq!(
            statements(sql).collect::<Vec<_>>(),
            [
                "CREATE TABLE a (x TEXT CHECK (x != ';'))",
                "ALTER TABLE a ADD COLUMN y"
            ]
        );
    }

    #[test]
    fn what_exists_is_not_made_again() {
        let mut connection = rusqlite::Connection::open_in_memory().expect("open");
        let transaction = connection.transaction().expect("begin");
        let sql = "CREATE TABLE t (a INTEGER); CREATE INDEX t_by_a ON t(a);
                   ALTER TABLE t ADD COLUMN b TEXT; ALTER TABLE t ADD c TEXT;";
        run(&transaction, sql).expect("first time");
        run(&transaction, sql).expect("second time changes nothing");
        let columns: Vec<String> = transaction
            .prepare("SELECT name FROM pragma_table_info('t')")
            .expect("prepare")
            .query_map([], |row| row.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("read");
        assert_eq!(columns, ["a", "b", "c"]);
    }
}
