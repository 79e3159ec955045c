//! The rules of the pain check: the conditions a rule can test, and how they are tested. The table
//! itself, each row with its source, is data in [`super::table`].

use super::vocabulary::{Area, Level, Symptom, Trend};
use super::{Facts, PastCheck};

pub use super::table::RULES;

/// A condition over the answers and the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    Has(Symptom),
    /// Any of these answered "not sure".
    UnsureOfAny(&'static [Symptom]),
    PainAtLeast(u8),
    PainBetween(u8, u8),
    DaysAtLeast(u32),
    TrendIs(Trend),
    TrendIsNot(Trend),
    LimitsActivity,
    AgeAtLeast(u32),
    /// Pain above 0 in the neck or the back (a spinal area).
    PainInSpinalArea,
    Not(&'static Condition),
    All(&'static [Condition]),
    Any(&'static [Condition]),
    /// History: one reported area at pain >= `pain` on `days` or more different days within the last
    /// `window` days, this check included.
    SameAreaOnDays {
        pain: u8,
        days: usize,
        window: i64,
    },
    /// History: pain in one reported area rose at each of the last `checks` checks, this one
    /// included, taken on that many different days within the last `window` days.
    RisingInArea {
        checks: usize,
        window: i64,
    },
    /// Fires only when no other rule did (C1); its own extra test is in [`Rule::fallback`].
    NothingElseFired,
}

/// One row of the table.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub when: Condition,
    /// For `NothingElseFired` rules: what must also hold.
    pub fallback: Option<Condition>,
    pub level: Level,
    /// The reason, as the runner reads it.
    pub reason: &'static str,
    /// The plain fact behind the rule, without advice, for "also noted" under a higher level;
    /// `{pain}` and `{days}` are filled in from the answers.
    pub fact: &'static str,
    pub source: &'static str,
}

impl Rule {
    pub(super) fn fallback_holds(&self, facts: &Facts<'_>) -> bool {
        self.fallback.is_none_or(|c| c.holds(facts))
    }
}

impl Condition {
    pub fn holds(&self, facts: &Facts<'_>) -> bool {
        let answers = facts.answers;
        match *self {
            Self::Has(symptom) => answers.symptoms.contains(&symptom),
            Self::UnsureOfAny(symptoms) => symptoms.iter().any(|s| answers.unsure.contains(s)),
            Self::PainAtLeast(n) => answers.pain >= n,
            Self::PainBetween(low, high) => (low..=high).contains(&answers.pain),
            Self::DaysAtLeast(n) => answers.days >= n,
            Self::TrendIs(trend) => answers.trend == trend,
            Self::TrendIsNot(trend) => answers.trend != trend,
            Self::LimitsActivity => answers.limits_activity,
            Self::AgeAtLeast(n) => answers.age.is_some_and(|age| age >= n),
            Self::PainInSpinalArea => {
                answers.pain > 0 && answers.areas.iter().any(|area| area.is_spinal())
            }
            Self::Not(condition) => !condition.holds(facts),
            Self::All(conditions) => conditions.iter().all(|c| c.holds(facts)),
            Self::Any(conditions) => conditions.iter().any(|c| c.holds(facts)),
            Self::SameAreaOnDays { pain, days, window } => {
                same_area_on_days(facts, pain, days, window)
            }
            Self::RisingInArea { checks, window } => rising_in_area(facts, checks, window),
            Self::NothingElseFired => true,
        }
    }
}

/// The history as it stood when this check was taken, then this check: oldest first. Checks dated
/// after this one (a check logged late) are not part of its past.
fn timeline(facts: &Facts<'_>) -> Vec<PastCheck> {
    let mut all: Vec<PastCheck> = facts
        .history
        .iter()
        .filter(|c| c.at <= facts.at)
        .cloned()
        .collect();
    all.sort_by_key(|c| c.at);
    all.push(PastCheck {
        at: facts.at,
        day: facts.day,
        pain: facts.answers.pain,
        areas: facts.answers.areas.clone(),
    });
    all
}

/// Whether a check's local day lies within the `window` days up to and including this check's.
fn within(facts: &Facts<'_>, day: i64, window: i64) -> bool {
    day <= facts.day && facts.day - day < window
}

fn same_area_on_days(facts: &Facts<'_>, pain: u8, days: usize, window: i64) -> bool {
    let all = timeline(facts);
    facts.answers.areas.iter().any(|area| {
        let mut distinct: Vec<i64> = all
            .iter()
            .filter(|c| c.pain >= pain && c.areas.contains(area))
            .filter(|c| within(facts, c.day, window))
            .map(|c| c.day)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.len() >= days
    })
}

fn rising_in_area(facts: &Facts<'_>, checks: usize, window: i64) -> bool {
    let all = timeline(facts);
    facts.answers.areas.iter().any(|area: &Area| {
        let in_area: Vec<&PastCheck> = all.iter().filter(|c| c.areas.contains(area)).collect();
        let Some(last) = in_area
            .len()
            .checked_sub(checks)
            .map(|from| &in_area[from..])
        else {
            return false;
        };
        let mut days: Vec<i64> = last.iter().map(|c| c.day).collect();
        days.dedup();
        days.len() == checks
            && last.iter().all(|c| within(facts, c.day, window))
            && last.windows(2).all(|w| w[1].pain > w[0].pain)
    })
}
