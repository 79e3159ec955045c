//! The rule table, version 2: every rule alone, with "not sure", in the combinations that matter,
//! the history rules on local days, and the answers file.

mod answers_file;
mod history_rules;
mod report;
mod rules;
mod version3;

use super::*;

const NOW: UtcTime = UtcTime(1_795_518_300); // 2026-11-24T11:05:00Z

pub(super) fn answers(pain: u8) -> Answers {
    Answers {
        pain,
        areas: if pain > 0 {
            vec![Area::UpperBack]
        } else {
            Vec::new()
        },
        ..Answers::default()
    }
}

pub(super) fn with(symptoms: &[Symptom], pain: u8) -> Answers {
    Answers {
        symptoms: symptoms.iter().copied().collect(),
        ..answers(pain)
    }
}

pub(super) fn unsure(symptoms: &[Symptom], pain: u8) -> Answers {
    Answers {
        unsure: symptoms.iter().copied().collect(),
        ..answers(pain)
    }
}

pub(super) fn triage(answers: &Answers) -> (Level, Vec<&'static str>) {
    let result = evaluate(&Facts {
        answers,
        at: NOW,
        day: 20_416,
        history: &[],
    });
    (result.level, result.rule_ids())
}

mod profile;
