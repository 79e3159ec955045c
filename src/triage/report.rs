//! A result as the runner reads it: the title, the reasons of the top level, lower-level reasons as
//! "also noted" (without their advice), and the advice of the top level alone. Both the result
//! screen and `check --answers` print this, so they never disagree.

use super::advice::{advice, headline};
use super::rules::Condition;
use super::{Answers, Level, Symptom, Triage};

/// One fired rule in plain words; the id is for the runner's clinician.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub id: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub level: Level,
    pub title: &'static str,
    pub headline: &'static str,
    /// The reasons for the level itself.
    pub why: Vec<Reason>,
    /// Reasons at lower levels: listed, but their advice is not given.
    pub also_noted: Vec<Reason>,
    /// The advice of the level, with its safety-netting.
    pub advice: Vec<&'static str>,
}

pub fn report(triage: &Triage, answers: &Answers) -> Report {
    let (why, also_noted): (Vec<_>, Vec<_>) = triage
        .fired
        .iter()
        .partition(|rule| rule.level == triage.level);
    let reason = |rule: &&&'static super::Rule| Reason {
        id: rule.id,
        text: reason_text(rule.when, rule.reason, answers),
    };
    Report {
        level: triage.level,
        title: triage.level.title(),
        headline: headline(triage.level),
        why: why.iter().map(reason).collect(),
        also_noted: also_noted.iter().map(reason).collect(),
        advice: advice(triage.level),
    }
}

/// The rule's reason; for a rule about "not sure" answers, followed by the signs it was about.
fn reason_text(when: Condition, reason: &str, answers: &Answers) -> String {
    let mut unsure = Vec::new();
    unsure_in(when, answers, &mut unsure);
    if unsure.is_empty() {
        return reason.to_owned();
    }
    let names: Vec<&str> = unsure.iter().map(|s| s.label()).collect();
    format!("{reason} Not sure about: {}.", names.join("; "))
}

/// The symptoms a condition asks "not sure" about that were answered "not sure", in table order.
fn unsure_in(when: Condition, answers: &Answers, found: &mut Vec<Symptom>) {
    match when {
        Condition::UnsureOfAny(symptoms) => {
            for symptom in symptoms {
                if answers.unsure.contains(symptom) && !found.contains(symptom) {
                    found.push(*symptom);
                }
            }
        }
        Condition::All(conditions) | Condition::Any(conditions) => {
            for condition in conditions {
                unsure_in(*condition, answers, found);
            }
        }
        _ => {}
    }
}
