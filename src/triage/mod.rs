//! The post-run pain check: answers in, one safe next step out. It never diagnoses.
//!
//! The rules are a data table ([`rules::RULES`]) of conditions over the answers and the history,
//! evaluated by [`evaluate`]; the result is the highest level of any rule that fired, with every
//! fired rule listed.

pub(crate) mod advice;
pub mod answers;
pub mod profile;
mod record;
pub(crate) mod report;
mod rule_id;
pub(crate) mod rules;
mod table;
mod vocabulary;

use crate::calendar::{DayNumber, UtcTime};

pub use answers::{Answers, parse_answers};
pub use record::CheckRecord;
pub use rule_id::RuleId;
pub use rules::{Condition, RULES, Rule};
pub use vocabulary::{Area, Level, Onset, Symptom, Trend};

/// An earlier check, as the history rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastCheck {
    /// When it was taken.
    pub at: UtcTime,
    /// The runner's local calendar day it was taken on.
    pub day: DayNumber,
    pub pain: u8,
    pub areas: Vec<Area>,
}

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triage {
    pub level: Level,
    /// The rules that fired, in table order.
    pub fired: Vec<&'static Rule>,
}

impl Triage {
    pub fn rule_ids(&self) -> Vec<&'static str> {
        self.fired.iter().map(|r| r.id).collect()
    }
}

/// What the rules look at: this check, when it was taken (the instant and the runner's local day),
/// and earlier checks (any order).
pub struct Facts<'a> {
    pub answers: &'a Answers,
    pub at: UtcTime,
    pub day: DayNumber,
    pub history: &'a [PastCheck],
}

/// Checks every rule; the level is the highest of those that fired.
pub fn evaluate(facts: &Facts<'_>) -> Triage {
    let mut fired: Vec<&'static Rule> = RULES
        .iter()
        .filter(|rule| !matches!(rule.when, Condition::NothingElseFired))
        .filter(|rule| rule.when.holds(facts))
        .collect();
    if fired.is_empty() {
        fired.extend(RULES.iter().filter(|rule| {
            matches!(rule.when, Condition::NothingElseFired) && rule.fallback_holds(facts)
        }));
    }
    let level = fired.iter().map(|r| r.level).max().unwrap_or(Level::Ok);
    Triage { level, fired }
}

#[cfg(test)]
mod tests;
