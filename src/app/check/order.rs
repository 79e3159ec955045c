//! Which screens the check shows, in which order (version 3, "asking briefly"): the pain, where,
//! the emergency signs as one screen (as telephone triage asks them first), the urgent signs as
//! one, then with pain the other signs, days and trend, the onset only at pain 4 or more; a
//! follow-up only where an answer needs it (after a fall: can you stand on it), and the profile
//! once. Pain 0 with nothing marked is 3 screens; any pain with nothing marked at most 8 (and the
//! profile's screens on the first check).

use super::group::Group;
use crate::triage::{Answers, Symptom};

/// The screens, one question (or one group of signs) each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Pain,
    Areas,
    Group(Group),
    /// A single yes / no / not-sure follow-up (after a fall: can you stand and walk on it).
    Symptom(Symptom),
    Days,
    Trend,
    Onset,
    /// The profile's age (first check, or changed at the re-confirm).
    Age,
    /// "Is this still right?" over a profile older than 180 days.
    Reconfirm,
}

/// What the check must do about the runner's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileNeed {
    /// Saved and recent: nothing is asked.
    Known,
    /// None saved (or incomplete): asked at the end.
    Ask,
    /// Saved but older than 180 days: one screen asks whether it is still right.
    Reconfirm,
}

/// Where the path stands: the answers, whether the pain was confirmed, the profile and whether
/// the runner chose to change it at the re-confirm.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    pub answers: &'a Answers,
    pub pain_confirmed: bool,
    pub profile: ProfileNeed,
    pub changing_profile: bool,
}

impl Question {
    /// Every screen that will be shown given the answers so far, in order. Until the pain is
    /// confirmed the path assumes pain of 4 or more (so the count only shrinks at that answer). It
    /// stops at an answer that makes the result an emergency: a runner with one should call for
    /// help, not keep answering.
    pub fn sequence(path: Path<'_>) -> Vec<Self> {
        let answers = path.answers;
        let some_pain = answers.pain > 0 || !path.pain_confirmed;
        let onset = answers.pain >= 4 || !path.pain_confirmed;
        let mut asked = vec![Self::Pain];
        if some_pain {
            asked.push(Self::Areas);
        }
        asked.push(Self::Group(Group::Emergency));
        if Symptom::EMERGENCY
            .iter()
            .any(|s| answers.symptoms.contains(s))
        {
            return asked;
        }
        asked.push(Self::Group(Group::Urgent));
        if answers.symptoms.contains(&Symptom::MinorFall)
            || answers.unsure.contains(&Symptom::MinorFall)
        {
            asked.push(Self::Symptom(Symptom::CannotBearWeight));
            if answers.symptoms.contains(&Symptom::MinorFall)
                && answers.symptoms.contains(&Symptom::CannotBearWeight)
            {
                return asked;
            }
        }
        if some_pain {
            asked.extend([Self::Group(Group::Other), Self::Days, Self::Trend]);
            if onset {
                asked.push(Self::Onset);
            }
        }
        match path.profile {
            ProfileNeed::Known => {}
            ProfileNeed::Ask => asked.extend([Self::Age, Self::Group(Group::Profile)]),
            ProfileNeed::Reconfirm => {
                asked.push(Self::Reconfirm);
                if path.changing_profile {
                    asked.extend([Self::Age, Self::Group(Group::Profile)]);
                }
            }
        }
        asked
    }

    /// The screen after this one, or `None` when the result is due.
    pub fn next(self, path: Path<'_>) -> Option<Self> {
        let sequence = Self::sequence(path);
        let at = sequence.iter().position(|q| *q == self)?;
        sequence.get(at + 1).copied()
    }
}

/// The most screens a check can take, for each profile need: what the summary promises. The
/// words are checked against [`Question::sequence`] by a test.
pub(crate) const fn length_words(need: ProfileNeed) -> &'static str {
    match need {
        ProfileNeed::Known => "pain check (up to 9 screens)",
        ProfileNeed::Ask => "pain check (up to 11 screens)",
        ProfileNeed::Reconfirm => "pain check (up to 12 screens)",
    }
}
