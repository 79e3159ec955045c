//! The runner's profile (pain check version 3): the answers that do not change from run to run —
//! age, a history of cancer, bone risk, infection risk, earlier back problems — each kept with the
//! date it was answered. A check takes them from here unless its answers say otherwise; this
//! module is pure (the history keeps the profile, the app and the command line ask for it).

use std::collections::BTreeMap;

use super::{Answers, Symptom};
use crate::calendar::{Calendar, UtcTime};
use crate::words::words;

/// After this many days the profile is shown again with "Is this still right?".
pub const RECONFIRM_AFTER_DAYS: i64 = 180;

words! {
    /// A profile fact's answer; "not sure" is kept as such, never as a no.
    Reply {
        Yes = "yes",
        No = "no",
        NotSure = "not-sure",
    }
}

/// How the age was given: as an age on the day it was answered, or as a year of birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeGiven {
    Age(u32),
    Born(i32),
}

/// A value with when it was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated<T> {
    pub value: T,
    pub answered_at: UtcTime,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// The yes/no/not-sure facts, by their symptom ids (`Symptom::PROFILE`).
    pub facts: BTreeMap<Symptom, Dated<Reply>>,
    pub age: Option<Dated<AgeGiven>>,
}

/// A profile fact a check used, for the result to name (so a wrong profile is visible).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Used {
    Age(u32),
    Fact(Symptom, Reply),
}

impl Used {
    /// "age 67", "bone risk: yes".
    pub fn describe(self) -> String {
        match self {
            Self::Age(years) => format!("age {years}"),
            Self::Fact(fact, reply) => format!("{}: {}", fact_name(fact), reply_words(reply)),
        }
    }
}

/// A profile fact's name as the runner reads it: "bone risk".
pub fn fact_name(fact: Symptom) -> String {
    fact.as_str().replace('-', " ")
}

pub fn reply_words(reply: Reply) -> &'static str {
    match reply {
        Reply::Yes => "yes",
        Reply::No => "no",
        Reply::NotSure => "not sure",
    }
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty() && self.age.is_none()
    }

    /// Every fact and the age answered: the app asks nothing more.
    pub fn is_complete(&self) -> bool {
        self.age.is_some() && Symptom::PROFILE.iter().all(|f| self.facts.contains_key(f))
    }

    /// The age at `at`, counted in the runner's calendar years. It can be a year more than the
    /// true age (the birthday is not known), never less: 65 comes no later than it should.
    pub fn age_at(&self, at: UtcTime, calendar: &Calendar) -> Option<u32> {
        let age = self.age?;
        let year = i32::from(calendar.date(at).year());
        let years = match age.value {
            AgeGiven::Age(years) => {
                let then = i32::from(calendar.date(age.answered_at).year());
                i32::try_from(years).unwrap_or(i32::MAX) + (year - then).max(0)
            }
            AgeGiven::Born(born) => year - born,
        };
        u32::try_from(years).ok()
    }

    /// When the oldest answer was given.
    pub fn oldest_answer(&self) -> Option<UtcTime> {
        self.facts
            .values()
            .map(|f| f.answered_at)
            .chain(self.age.map(|a| a.answered_at))
            .min()
    }

    /// Whether a check at `now` should ask "Is this still right?": some answer is older than
    /// [`RECONFIRM_AFTER_DAYS`].
    pub fn needs_reconfirming(&self, now: UtcTime) -> bool {
        self.oldest_answer()
            .is_some_and(|oldest| now.0 - oldest.0 > RECONFIRM_AFTER_DAYS * 86_400)
    }

    /// Every answer marked as given again at `now` ("Is this still right?" answered yes). An age
    /// becomes the age shown then, so it goes on counting from the new date.
    pub fn confirm(&mut self, now: UtcTime, calendar: &Calendar) {
        let shown = self.age_at(now, calendar);
        for fact in self.facts.values_mut() {
            fact.answered_at = now;
        }
        if let Some(age) = &mut self.age {
            if let (AgeGiven::Age(_), Some(years)) = (age.value, shown) {
                age.value = AgeGiven::Age(years);
            }
            age.answered_at = now;
        }
    }

    /// Each answer as the result lists it, in a fixed order.
    pub fn describe(&self, at: UtcTime, calendar: &Calendar) -> Vec<String> {
        let mut lines: Vec<String> = self
            .age_at(at, calendar)
            .map(|age| Used::Age(age).describe())
            .into_iter()
            .collect();
        for fact in Symptom::PROFILE {
            if let Some(reply) = self.facts.get(&fact) {
                lines.push(Used::Fact(fact, reply.value).describe());
            }
        }
        lines
    }
}

/// Fills in what `answers` leave open from `profile`, for a check taken at `at`, and notes what it
/// used. What the answers say wins: their `age`; their `profile` list (which then stands for the
/// whole profile's facts); a fact named in their `symptoms` or `unsure`. The profile itself never
/// changes here.
pub fn apply(answers: &mut Answers, profile: &Profile, at: UtcTime, calendar: &Calendar) {
    if answers.age.is_none() {
        if let Some(age) = profile.age_at(at, calendar) {
            answers.age = Some(age);
            answers.from_profile.push(Used::Age(age));
        }
    }
    if answers.profile.is_some() {
        return;
    }
    for fact in Symptom::PROFILE {
        let Some(saved) = profile.facts.get(&fact) else {
            continue;
        };
        if answers.symptoms.contains(&fact) || answers.unsure.contains(&fact) {
            continue;
        }
        match saved.value {
            Reply::Yes => {
                answers.symptoms.insert(fact);
            }
            Reply::NotSure => {
                answers.unsure.insert(fact);
            }
            Reply::No => {}
        }
        answers.from_profile.push(Used::Fact(fact, saved.value));
    }
}
