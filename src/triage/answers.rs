//! The answers file of `limberup check --answers FILE`, read with every problem's line and column.

use std::collections::BTreeSet;

use toml::de::{DeTable, DeValue};

use super::vocabulary::{Area, Onset, Symptom, Trend};
use crate::calendar::{Calendar, UtcTime};
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
    "profile",
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
    /// The file's `profile` list, when it has one: the profile facts answered yes for this check
    /// (also in `symptoms`), in place of the saved profile's.
    pub profile: Option<BTreeSet<Symptom>>,
    /// The saved profile's facts this check used (see [`super::profile::apply`]).
    pub from_profile: Vec<super::profile::Used>,
    /// When the check was taken, if the file says (a check logged later).
    pub date: Option<UtcTime>,
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
            profile: None,
            from_profile: Vec::new(),
            date: None,
        }
    }
}

/// How far ahead of now a `date` may be: a day covers any time zone's "today"; beyond it, the date
/// is a typo that would otherwise become the latest check and rewrite the history rules.
pub const FUTURE_LIMIT_S: i64 = 24 * 3600;

/// When the answers are read, and the runner's zone: `date`s without an offset are local.
#[derive(Debug, Clone)]
pub struct DateContext {
    pub now: UtcTime,
    pub calendar: Calendar,
}

/// Parses and checks an answers file, reporting every problem.
pub fn parse_answers(source: &SourceText, when: &DateContext) -> Result<Answers, Vec<Diagnostic>> {
    let root = crate::diag::toml::parse_toml(source)?;
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
    let profile_ids: Vec<(&str, Symptom)> = Symptom::PROFILE
        .iter()
        .map(|fact| (fact.as_str(), *fact))
        .collect();
    let profile = words(&mut checker, table, "profile", &profile_ids);
    for (key, given) in [("symptoms", &symptoms), ("unsure", &unsure)] {
        if let (Some(profile), Some(given)) = (&profile, given) {
            if let Some(both) = given.iter().find(|s| profile.contains(s)) {
                let span = table.get(key).map_or(0..0, toml::Spanned::span);
                checker.error(
                    span,
                    format!(
                        "`{}` is in both `profile` and `{key}`; keep one",
                        both.as_str()
                    ),
                );
            }
        }
    }
    let age = checker.integer(table, "age", 0..=120);
    let date = read_date(&mut checker, table, when);
    if checker.has_problems() {
        return Err(crate::diag::toml::sorted(checker.problems));
    }
    let profile: Option<BTreeSet<Symptom>> = profile.map(|facts| facts.into_iter().collect());
    let mut symptoms: BTreeSet<Symptom> = symptoms.unwrap_or_default().into_iter().collect();
    symptoms.extend(profile.iter().flatten());
    Ok(Answers {
        pain: pain.map_or(0, |p| u8::try_from(*p.get_ref()).unwrap_or(0)),
        areas: areas.unwrap_or_default(),
        onset: onset.map(toml::Spanned::into_inner),
        days: days.map_or(0, |d| u32::try_from(*d.get_ref()).unwrap_or(0)),
        trend: trend.map_or(Trend::Same, toml::Spanned::into_inner),
        limits_activity: limits_activity.unwrap_or(false),
        symptoms,
        unsure: unsure.unwrap_or_default().into_iter().collect(),
        age: age.map(|a| u32::try_from(*a.get_ref()).unwrap_or(0)),
        profile,
        from_profile: Vec::new(),
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

/// A TOML date or date-time: with an offset it is that instant; without, a local time; a date alone
/// is local midnight.
fn read_date(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    when: &DateContext,
) -> Option<UtcTime> {
    let value = table.get("date")?;
    let DeValue::Datetime(datetime) = value.get_ref() else {
        checker.error(
            value.span(),
            "`date` must be a TOML date or date-time, like 2026-11-20T08:00:00Z (no quotes)",
        );
        return None;
    };
    if datetime.date.is_none() {
        checker.error(
            value.span(),
            "`date` needs a calendar date, not only a time",
        );
        return None;
    }
    let Some(instant) = when.calendar.parse_any(&datetime.to_string()) else {
        checker.error(
            value.span(),
            format!("`date` {datetime} is not a date and time that exists"),
        );
        return None;
    };
    if instant.0 - when.now.0 > FUTURE_LIMIT_S {
        checker.error(
            value.span(),
            format!(
                "`date` {datetime} is more than a day in the future (it is now {}): check the year and month",
                when.now.rfc3339()
            ),
        );
        return None;
    }
    Some(instant)
}
