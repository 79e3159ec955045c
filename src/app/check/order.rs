//! Which questions the check asks, in which order: the emergency signs first (as telephone triage
//! does), then the urgent ones, then the rest. With pain 0 the emergency signs and the two urgent
//! signs that can come without back pain (angina during the run, hand signs) are still asked.

use crate::triage::{Answers, Symptom};

/// The questions, asked one per screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Pain,
    Areas,
    Symptom(Symptom),
    /// Asked after a fall (yes or not sure) when the bones are not already known to be at risk,
    /// for rule E9.
    Age,
    Days,
    Trend,
    LimitsActivity,
}

/// The signs whose "yes" is an emergency on its own, then the fall (E9 with its follow-ups).
const EMERGENCY: [Symptom; 11] = [
    Symptom::SaddleNumbness,
    Symptom::BladderBowel,
    Symptom::BothLegs,
    Symptom::Weakness,
    Symptom::ChestPain,
    Symptom::TearingPain,
    Symptom::SeriousInjury,
    Symptom::NeuroSigns,
    Symptom::SevereHeadache,
    Symptom::DarkUrine,
    Symptom::MinorFall,
];

/// Urgent signs asked of everyone, whatever the pain: neither needs back pain to be serious.
const ALWAYS_URGENT: [Symptom; 2] = [Symptom::ExertionPain, Symptom::HandSigns];

/// The other urgent signs, asked when there is pain.
const URGENT: [Symptom; 7] = [
    Symptom::Fever,
    Symptom::VeryUnwell,
    Symptom::CancerHistory,
    Symptom::WeightLoss,
    Symptom::NightPain,
    Symptom::Swelling,
    Symptom::ConstantPain,
];

/// The rest, asked when there is pain.
const OTHERS: [Symptom; 5] = [
    Symptom::NumbnessTingling,
    Symptom::Radiating,
    Symptom::SuddenSharp,
    Symptom::BackHistory,
    Symptom::InfectionRisk,
];

impl Question {
    /// Every question that will be asked given the answers so far, in order. Until the pain is
    /// confirmed the path assumes some pain (so the count only ever shrinks at that answer). It
    /// stops at an answer that makes the result an emergency: a runner with one should call for help,
    /// not keep answering.
    pub fn sequence(answers: &Answers, pain_confirmed: bool) -> Vec<Self> {
        let some_pain = answers.pain > 0 || !pain_confirmed;
        let mut asked = vec![Self::Pain];
        if some_pain {
            asked.push(Self::Areas);
        }
        for symptom in EMERGENCY {
            asked.push(Self::Symptom(symptom));
            if emergency_so_far(answers, &asked) {
                return asked;
            }
        }
        if asked_about_fall(answers) {
            asked.push(Self::Symptom(Symptom::CannotBearWeight));
            if emergency_so_far(answers, &asked) {
                return asked;
            }
            asked.push(Self::Symptom(Symptom::BoneRisk));
            if emergency_so_far(answers, &asked) {
                return asked;
            }
            if !answers.symptoms.contains(&Symptom::BoneRisk) {
                asked.push(Self::Age);
            }
        }
        asked.extend(ALWAYS_URGENT.map(Self::Symptom));
        if !some_pain {
            return asked;
        }
        asked.extend(URGENT.map(Self::Symptom));
        asked.extend(OTHERS.map(Self::Symptom));
        asked.extend([Self::Days, Self::Trend, Self::LimitsActivity]);
        asked
    }

    /// The question after this one, or `None` when the result is due.
    pub fn next(self, answers: &Answers) -> Option<Self> {
        let sequence = Self::sequence(answers, true);
        let at = sequence.iter().position(|q| *q == self)?;
        sequence.get(at + 1).copied()
    }
}

/// A fall answered yes or not sure: its follow-ups decide whether it could have broken a bone.
fn asked_about_fall(answers: &Answers) -> bool {
    answers.symptoms.contains(&Symptom::MinorFall) || answers.unsure.contains(&Symptom::MinorFall)
}

/// Whether the questions asked so far already make the result an emergency.
fn emergency_so_far(answers: &Answers, asked: &[Question]) -> bool {
    let yes = |symptom: Symptom| {
        asked.contains(&Question::Symptom(symptom)) && answers.symptoms.contains(&symptom)
    };
    Symptom::EMERGENCY.into_iter().any(yes)
        || (yes(Symptom::MinorFall) && yes(Symptom::CannotBearWeight))
}
