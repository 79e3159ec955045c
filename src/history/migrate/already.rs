//! Running a step's SQL so that what already happened is not done twice: a file can hold a table,
//! an index or a column a step makes before the step is marked done (made by hand, by a build from
//! another branch, by a tool), and then the step must still go through.
//!
//! Each statement is run on its own; `CREATE TABLE`, `CREATE INDEX` and `ALTER TABLE … ADD COLUMN`
//! are skipped when what they make is there already. Steps are plain schema statements, separated by
//! `;` (none inside a quoted name or string).

use rusqlite::{OptionalExtension, Transaction};

use super::Quarantine;

/// Runs each statement of `sql` unless what it makes exists already. A table that exists without
/// some of the columns the statement gives it is set aside (renamed, its rows kept) and made anew.
pub(super) fn run(
    transaction: &Transaction<'_>,
    sql: &str,
    quarantine: &mut Quarantine,
) -> rusqlite::Result<()> {
    for statement in statements(sql) {
        if let Some((table, missing)) = table_in_another_shape(transaction, statement)? {
            quarantine.set_aside_table(transaction, &table, missing)?;
        }
        if !already_done(transaction, statement)? {
            transaction.execute_batch(statement)?;
        }
    }
    Ok(())
}

/// For a `CREATE TABLE` whose table exists already: its name and the columns it lacks, if any.
fn table_in_another_shape(
    transaction: &Transaction<'_>,
    statement: &str,
) -> rusqlite::Result<Option<(String, Vec<String>)>> {
    let words: Vec<&str> = statement.split_whitespace().take(6).collect();
    let is = |i: usize, word: &str| words.get(i).is_some_and(|w| w.eq_ignore_ascii_case(word));
    if !(is(0, "CREATE") && is(1, "TABLE")) || is(2, "IF") {
        return Ok(None);
    }
    let Some(name) = words
        .get(2)
        .map(|w| unquote(w.split('(').next().unwrap_or_default()))
    else {
        return Ok(None);
    };
    if !exists(transaction, "table", Some(name.clone()))? {
        return Ok(None);
    }
    let mut missing = Vec::new();
    for column in declared_columns(statement) {
        if !has_column(transaction, &name, &column)? {
            missing.push(column);
        }
    }
    Ok((!missing.is_empty()).then_some((name, missing)))
}

/// The column names a `CREATE TABLE name (…)` declares (not its table constraints).
fn declared_columns(statement: &str) -> Vec<String> {
    let (Some(open), Some(close)) = (statement.find('('), statement.rfind(')')) else {
        return Vec::new();
    };
    let mut depth = 0_i32;
    let mut start = open + 1;
    let mut definitions = Vec::new();
    for (offset, c) in statement[open + 1..close].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                definitions.push(&statement[start..open + 1 + offset]);
                start = open + 1 + offset + 1;
            }
            _ => {}
        }
    }
    definitions.push(&statement[start..close]);
    definitions
        .into_iter()
        .filter_map(|definition| definition.split_whitespace().next())
        .filter(|first| {
            !["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]
                .iter()
                .any(|keyword| first.eq_ignore_ascii_case(keyword))
        })
        .map(unquote)
        .collect()
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
        let mut quarantine = Quarantine::default();
        run(&transaction, sql, &mut quarantine).expect("first time");
        run(&transaction, sql, &mut quarantine).expect("second time changes nothing");
        assert!(quarantine.into_rows().is_empty());
        let columns: Vec<String> = transaction
            .prepare("SELECT name FROM pragma_table_info('t')")
            .expect("prepare")
            .query_map([], |row| row.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("read");
        assert_eq!(columns, ["a", "b", "c"]);
    }

    #[test]
    fn a_table_in_another_shape_is_kept_under_another_name_and_made_anew() {
        let mut connection = rusqlite::Connection::open_in_memory().expect("open");
        let transaction = connection.transaction().expect("begin");
        transaction
            .execute_batch("CREATE TABLE p (slot INTEGER); INSERT INTO p VALUES (7);")
            .expect("old shape");
        let mut quarantine = Quarantine::default();
        run(
            &transaction,
            "CREATE TABLE p (slot INTEGER PRIMARY KEY CHECK (slot = 1), id TEXT NOT NULL, \"day\" TEXT)",
            &mut quarantine,
        )
        .expect("runs");
        let told: Vec<String> = quarantine
            .into_rows()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            told,
            [
                "the table `p` was already there without `id`, `day`; it was kept as `p_set_aside` and a new one made"
            ]
        );
        let kept: i64 = transaction
            .query_row("SELECT slot FROM p_set_aside", [], |r| r.get(0))
            .expect("rows kept");
        assert_eq!(kept, 7);
        assert!(has_column(&transaction, "p", "day").expect("read"));
    }
}
