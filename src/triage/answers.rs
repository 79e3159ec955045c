//! The answers file of `limberup check --answers FILE`, read with every problem's line and column.

use std::collections::BTreeSet;

use toml::de::{DeTable, DeValue};

use super::vocabulary::{Area, Onset, Symptom, Trend};
use crate::diag::fields::Checker;
use crate::diag::{Diagnostic, SourceText, hint};

const KEYS: &[&str] = &[
    "pain",
    "areas",
    "onset",
    "days",
    "trend",
    "limits_activity",
    "symptoms",
    "unsure",
    "age",
    "date",
];

/// A runner's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub pain: u8,
    pub areas: Vec<Area>,
    pub onset: Option<Onset>,
    pub days: u32,
    pub trend: Trend,
    pub limits_activity: bool,
    pub symptoms: BTreeSet<Symptom>,
    pub unsure: BTreeSet<Symptom>,
    pub age: Option<u32>,
    /// When the check was taken, as written (RFC 3339), and as days since 1970-01-01.
    pub date: Option<(String, i64)>,
}

impl Default for Answers {
    /// No pain, no symptoms, trend "same": what an empty answers file would mean.
    fn default() -> Self {
        Self {
            pain: 0,
            areas: Vec::new(),
            onset: None,
            days: 0,
            trend: Trend::Same,
            limits_activity: false,
            symptoms: BTreeSet::new(),
            unsure: BTreeSet::new(),
            age: None,
            date: None,
        }
    }
}

/// Parses and checks an answers file, reporting every problem.
pub fn parse_answers(source: &SourceText) -> Result<Answers, Vec<Diagnostic>> {
    let root = crate::routine::load::parse_toml(source)?;
    let table = root.get_ref();
    let mut checker = Checker::new(source);
    checker.unknown_keys(table, KEYS, None);
    let pain = if table.contains_key("pain") {
        checker.integer(table, "pain", 0..=10)
    } else {
        checker.missing(0..0, "pain", None);
        None
    };
    let areas = words(&mut checker, table, "areas", Area::ALL);
    if let (Some(pain), None) = (&pain, table.get("areas")) {
        if *pain.get_ref() > 0 {
            checker.error(
                pain.span(),
                "`areas` is required when `pain` is above 0: say where it hurts",
            );
        }
    }
    if let (Some(pain), Some(areas)) = (&pain, &areas) {
        if *pain.get_ref() > 0 && areas.is_empty() {
            let span = table.get("areas").map_or(0..0, toml::Spanned::span);
            checker.error(
                span,
                "`areas` must name at least one area when `pain` is above 0",
            );
        }
    }
    let onset = checker.choice(table, "onset", Onset::ALL);
    let days = checker.integer(table, "days", 0..=3650);
    let trend = checker.choice(table, "trend", Trend::ALL);
    let limits_activity = checker.boolean(table, "limits_activity");
    let symptoms = words(&mut checker, table, "symptoms", Symptom::ALL);
    let unsure = words(&mut checker, table, "unsure", Symptom::ALL);
    if let (Some(yes), Some(unsure)) = (&symptoms, &unsure) {
        if let Some(both) = yes.iter().find(|s| unsure.contains(s)) {
            let span = table.get("unsure").map_or(0..0, toml::Spanned::span);
            checker.error(
                span,
                format!(
                    "`{}` is in both `symptoms` and `unsure`; keep one",
                    both.as_str()
                ),
            );
        }
    }
    let age = checker.integer(table, "age", 0..=120);
    let date = read_date(&mut checker, table);
    if checker.has_problems() {
        return Err(crate::routine::load::sorted(checker.problems));
    }
    Ok(Answers {
        pain: pain.map_or(0, |p| u8::try_from(*p.get_ref()).unwrap_or(0)),
        areas: areas.unwrap_or_default(),
        onset: onset.map(toml::Spanned::into_inner),
        days: days.map_or(0, |d| u32::try_from(*d.get_ref()).unwrap_or(0)),
        trend: trend.map_or(Trend::Same, toml::Spanned::into_inner),
        limits_activity: limits_activity.unwrap_or(false),
        symptoms: symptoms.unwrap_or_default().into_iter().collect(),
        unsure: unsure.unwrap_or_default().into_iter().collect(),
        age: age.map(|a| u32::try_from(*a.get_ref()).unwrap_or(0)),
        date,
    })
}

/// An array of known ids, with "did you mean" for unknown ones; duplicates are dropped.
fn words<T: Copy + PartialEq>(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    key: &str,
    options: &[(&str, T)],
) -> Option<Vec<T>> {
    let value = table.get(key)?;
    let Some(items) = value.get_ref().as_array() else {
        checker.error(
            value.span(),
            format!(
                "`{key}` must be an array of ids, like [\"{}\"]",
                options[0].0
            ),
        );
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(word) = item.get_ref().as_str() else {
            checker.error(item.span(), format!("`{key}` must hold only ids in quotes"));
            ok = false;
            continue;
        };
        if let Some((_, found)) = options.iter().find(|(w, _)| *w == word) {
            if !out.contains(found) {
                out.push(*found);
            }
        } else {
            let suggestion = hint(word, options.iter().map(|(w, _)| *w));
            checker.error(
                item.span(),
                format!("unknown id \"{word}\" in `{key}`{suggestion}"),
            );
            ok = false;
        }
    }
    ok.then_some(out)
}

fn read_date(checker: &mut Checker<'_>, table: &DeTable<'_>) -> Option<(String, i64)> {
    let value = table.get("date")?;
    let DeValue::Datetime(datetime) = value.get_ref() else {
        checker.error(
            value.span(),
            "`date` must be a TOML date or date-time, like 2026-11-20T08:00:00Z (no quotes)",
        );
        return None;
    };
    let Some(date) = datetime.date else {
        checker.error(
            value.span(),
            "`date` needs a calendar date, not only a time",
        );
        return None;
    };
    Some((
        datetime.to_string(),
        days_from_civil(
            i64::from(date.year),
            i64::from(date.month),
            i64::from(date.day),
        ),
    ))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
