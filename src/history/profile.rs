//! The history's side of the runner's profile: read, replaced whole, forgotten.

use rusqlite::params;

use super::rows::column;
use super::{HistoryError, Store};
use crate::calendar::UtcTime;
use crate::triage::Symptom;
use crate::triage::profile::{AgeGiven, Dated, Profile, Reply};

impl Store {
    /// Whether the file has the profile table (an earlier history read without writing has not).
    fn has_profile(&self) -> Result<bool, HistoryError> {
        self.connection
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'profile'",
                [],
                |row| row.get::<_, i64>(0),
            )
            .map(|count| count > 0)
            .map_err(|e| self.sqlite(e))
    }

    /// The saved profile (empty when none was ever answered); a row that cannot be read is an
    /// error naming it.
    pub fn profile(&self) -> Result<Profile, HistoryError> {
        let mut profile = Profile::default();
        if !self.has_profile()? {
            return Ok(profile);
        }
        let mut statement = self
            .connection
            .prepare("SELECT rowid, fact, answer, answered_at FROM profile ORDER BY rowid")
            .map_err(|e| self.sqlite(e))?;
        let mut rows = statement.query([]).map_err(|e| self.sqlite(e))?;
        while let Some(row) = rows.next().map_err(|e| self.sqlite(e))? {
            let id: i64 = row.get(0).unwrap_or(-1);
            let bad = |problem: String| HistoryError::BadRow {
                path: self.path.clone(),
                table: "profile",
                id,
                problem,
            };
            let fact: String = column(row, 1, "fact").map_err(bad)?;
            let answer: String = column(row, 2, "answer").map_err(bad)?;
            let at: String = column(row, 3, "answered_at").map_err(bad)?;
            let answered_at = UtcTime::parse_instant(&at)
                .ok_or_else(|| bad(format!("`answered_at` is not a time: {at:?}")))?;
            let number = || {
                answer
                    .parse::<i32>()
                    .map_err(|_| bad(format!("`answer` of `{fact}` is not a number: {answer:?}")))
            };
            match fact.as_str() {
                "age" => {
                    let years = u32::try_from(number()?)
                        .map_err(|_| bad(format!("`age` is negative: {answer}")))?;
                    profile.age = Some(Dated {
                        value: AgeGiven::Age(years),
                        answered_at,
                    });
                }
                "born" => {
                    profile.age = Some(Dated {
                        value: AgeGiven::Born(number()?),
                        answered_at,
                    });
                }
                other => {
                    let fact = Symptom::parse(other)
                        .filter(|f| Symptom::PROFILE.contains(f))
                        .ok_or_else(|| bad(format!("unknown profile fact {other:?}")))?;
                    let value = Reply::parse(&answer)
                        .ok_or_else(|| bad(format!("`answer` of `{other}` is {answer:?}")))?;
                    profile.facts.insert(fact, Dated { value, answered_at });
                }
            }
        }
        Ok(profile)
    }

    /// Replaces the saved profile with `profile`, in one transaction.
    pub fn save_profile(&mut self, profile: &Profile) -> Result<(), HistoryError> {
        let path = self.path.clone();
        let sqlite = |error| HistoryError::Sqlite {
            path: path.clone(),
            error,
        };
        let transaction = self.connection.transaction().map_err(sqlite)?;
        transaction
            .execute("DELETE FROM profile", [])
            .map_err(sqlite)?;
        let mut rows: Vec<(&str, String, UtcTime)> = Vec::new();
        if let Some(age) = profile.age {
            let (fact, answer) = match age.value {
                AgeGiven::Age(years) => ("age", years.to_string()),
                AgeGiven::Born(year) => ("born", year.to_string()),
            };
            rows.push((fact, answer, age.answered_at));
        }
        for (fact, reply) in &profile.facts {
            rows.push((
                fact.as_str(),
                reply.value.as_str().to_owned(),
                reply.answered_at,
            ));
        }
        for (fact, answer, at) in rows {
            transaction
                .execute(
                    "INSERT INTO profile (fact, answer, answered_at) VALUES (?1, ?2, ?3)",
                    params![fact, answer, at.rfc3339()],
                )
                .map_err(sqlite)?;
        }
        transaction.commit().map_err(sqlite)
    }

    /// Forgets the profile; returns whether there was one.
    pub fn clear_profile(&mut self) -> Result<bool, HistoryError> {
        self.connection
            .execute("DELETE FROM profile", [])
            .map(|removed| removed > 0)
            .map_err(|e| self.sqlite(e))
    }
}
