//! A result as the runner reads it: the title, the reasons of the top level, lower-level reasons as
//! "also noted" (without their advice), and the advice of the top level alone. Both the result
//! screen and `check --answers` print this, so they never disagree.

use super::advice::{advice, headline};
use super::rules::{Condition, Rule};
use super::{Answers, Level, Symptom, Triage};

/// The cauda equina signs (E1-E3): the warning cards send to an emergency department.
const CAUDA_EQUINA: [&str; 3] = ["E1", "E2", "E3"];
const GO_TO_THE_DEPARTMENT: &str =
    "Go to an emergency department now, or call your local emergency number.";
/// A "not sure" about a sign that may be happening now (U5): sooner than "today".
const HELPLINE_NOW: &str = "Call a medical helpline now; call the emergency number if it lasts more than 15 minutes or gets worse.";

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
    /// The saved profile's answers this check used ("age 62", "bone risk: yes"), so a wrong
    /// profile is visible.
    pub from_profile: Vec<String>,
}

pub(crate) fn report(triage: &Triage, answers: &Answers) -> Report {
    let (why, also_noted): (Vec<_>, Vec<_>) = triage
        .fired
        .iter()
        .partition(|rule| rule.level == triage.level);
    let reason = |rule: &&&'static Rule| Reason {
        id: rule.id,
        text: reason_text(rule.when, rule.reason, answers),
    };
    let noted = |rule: &&&'static Rule| Reason {
        id: rule.id,
        text: fact_text(rule, answers),
    };
    let mut advice = advice(triage.level);
    let sooner = sooner_words(triage, answers);
    if let (Some(words), Some(first)) = (sooner, advice.first_mut()) {
        *first = words;
    }
    Report {
        level: triage.level,
        title: triage.level.title(),
        headline: sooner.unwrap_or_else(|| headline(triage.level)),
        why: why.iter().map(reason).collect(),
        also_noted: also_noted.iter().map(noted).collect(),
        advice,
        from_profile: answers
            .from_profile
            .iter()
            .map(|used| used.describe())
            .collect(),
    }
}

/// Where the level's usual first step is not the right one: cauda equina signs go to an
/// emergency department; a "not sure" about a sign that may be happening now cannot wait for
/// "today".
fn sooner_words(triage: &Triage, answers: &Answers) -> Option<&'static str> {
    let fired = |id: &str| triage.fired.iter().any(|rule| rule.id == id);
    match triage.level {
        Level::Emergency if CAUDA_EQUINA.iter().any(|id| fired(id)) => Some(GO_TO_THE_DEPARTMENT),
        Level::Urgent
            if fired("U5")
                && Symptom::HAPPENING_NOW
                    .iter()
                    .any(|sign| answers.unsure.contains(sign)) =>
        {
            Some(HELPLINE_NOW)
        }
        _ => None,
    }
}

/// The rule's plain fact, without advice: "pain 6/10", "not sure about: a fever".
fn fact_text(rule: &Rule, answers: &Answers) -> String {
    let mut unsure = Vec::new();
    unsure_in(rule.when, answers, &mut unsure);
    if !unsure.is_empty() {
        let names: Vec<&str> = unsure.iter().map(|s| s.label()).collect();
        return format!("not sure about: {}", names.join("; "));
    }
    rule.fact
        .replace("{pain}", &answers.pain.to_string())
        .replace("{days}", &answers.days.to_string())
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
