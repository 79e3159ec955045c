//! The pain check in the app (version 3): a few screens, emergency signs first, then the result.
//! Nothing is saved until the result shows; esc goes back a screen.
//!
//! Answering is made hard to do by accident: warning signs have no preselected answer, `enter` only
//! confirms a choice or marks that were made, and a key that arrives too soon after the screen
//! appeared (a held key repeating, or a paste) never answers it.

pub(crate) mod group;
mod input;
mod order;
pub(crate) mod result;

use std::collections::BTreeMap;

pub(crate) use group::{Group, Mark, Sign};
pub(crate) use order::{Path, ProfileNeed, Question, length_words};

use crate::engine::{AppInstant, Millis};
use crate::triage::profile::Reply;
use crate::triage::{Answers, Onset, Symptom, Trend};

/// How long a screen must be shown, with no answering key pressed, before a key may answer it.
/// Longer than the usual delay before a held key starts repeating (250-660 ms; Windows' slowest
/// is 1 s at most), so a held key answers only the screen it was pressed on; a paste arrives all
/// at once and answers at most one. Each key that comes too soon starts the wait again.
pub(crate) const READ_TIME_MS: Millis = 1_000;

/// Yes, no or not sure, in the order shown.
pub(crate) const CHOICES: [&str; 3] = ["yes", "no", "not sure"];

/// The profile as this check's screens answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileAnswer {
    /// Not asked (known and recent), or the check ended before it.
    NotAsked,
    /// "Is this still right?": yes.
    Confirmed,
    /// Asked (first check) or changed: each fact and the age.
    Answered {
        facts: BTreeMap<Symptom, Reply>,
        age: Option<u32>,
    },
}

/// "Is this still right?" answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reconfirmed {
    Keep,
    Change,
}

/// The questionnaire's state.
#[derive(Debug, Clone)]
pub struct CheckForm {
    pub answers: Answers,
    pub question: Question,
    /// The screens answered before this one, for esc.
    previous: Vec<Question>,
    /// Whether the pain number was confirmed with enter (until then the screens ahead assume
    /// pain of 4 or more, so the counter never grows at that answer).
    pain_confirmed: bool,
    /// The highlighted choice (none until the runner picks one) or area.
    pub cursor: Option<usize>,
    /// Digits typed for a number question (pain, days, age).
    pub typed: String,
    /// The marks of the group on screen, confirmed into the answers with enter.
    pub marks: Vec<Mark>,
    /// The first row of a group screen shown, when it does not fit.
    pub offset: usize,
    /// Whether the group's last row has been on screen: until then enter and `n` do nothing.
    pub seen_end: bool,
    /// A one-line hint after a key that could not be taken.
    pub notice: Option<&'static str>,
    /// No key answers before this time.
    answerable_at: AppInstant,
    /// How long each screen waits before a key may answer it: [`READ_TIME_MS`] but in tests of
    /// the real binary, which would otherwise sleep a second a screen.
    read_time: Millis,
    /// Screens answered at least once: going back to one shows its answer.
    answered: Vec<Question>,
    /// The profile: what the check must do about it, and the answers given here.
    pub profile_need: ProfileNeed,
    /// The saved profile's lines, for the re-confirm screen.
    pub profile_shown: Vec<String>,
    /// The answer to "Is this still right?", once given.
    reconfirmed: Option<Reconfirmed>,
    profile_facts: BTreeMap<Symptom, Reply>,
    profile_age: Option<u32>,
    /// The terminal's size, for what a group screen fits.
    pub size: (u16, u16),
}

pub enum Outcome {
    /// Still asking.
    Asking,
    /// Esc on the first question: leave without a result.
    Left,
    /// The last answer is in.
    Answered(Answers, ProfileAnswer),
}

impl CheckForm {
    /// The first screen, shown at `now`, with what to do about the profile (and its lines, for a
    /// re-confirm).
    pub fn new(now: AppInstant, profile_need: ProfileNeed, profile_shown: Vec<String>) -> Self {
        Self {
            answers: Answers::default(),
            question: Question::Pain,
            previous: Vec::new(),
            pain_confirmed: false,
            cursor: None,
            typed: String::new(),
            marks: Vec::new(),
            offset: 0,
            seen_end: true,
            notice: None,
            answerable_at: now.saturating_add(READ_TIME_MS),
            read_time: READ_TIME_MS,
            answered: Vec::new(),
            profile_need,
            profile_shown,
            reconfirmed: None,
            profile_facts: BTreeMap::new(),
            profile_age: None,
            size: (80, 24),
        }
    }

    /// From `now` on, each screen waits `read_time` before a key may answer it.
    pub fn set_read_time(&mut self, read_time: Millis, now: AppInstant) {
        self.read_time = read_time;
        self.answerable_at = now.saturating_add(read_time);
    }

    fn path(&self, pain_confirmed: bool) -> Path<'_> {
        Path {
            answers: &self.answers,
            pain_confirmed,
            profile: self.profile_need,
            changing_profile: self.reconfirmed == Some(Reconfirmed::Change),
        }
    }

    /// Where the screen stands: (number, of how many if nothing more is added).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.previous.len() + 1,
            Question::sequence(self.path(self.pain_confirmed)).len(),
        )
    }

    /// Shows `question`, with its earlier answer marked if the runner answered it before going
    /// back; otherwise nothing is chosen or marked.
    fn show(&mut self, question: Question, now: AppInstant) {
        self.question = question;
        self.answerable_at = now.saturating_add(self.read_time);
        self.typed.clear();
        self.offset = 0;
        self.cursor = (question == Question::Areas).then_some(0);
        self.marks = match question {
            Question::Group(group) => vec![Mark::Unmarked; group.signs().len()],
            _ => Vec::new(),
        };
        self.seen_end = self.answered.contains(&question);
        self.update_seen_end();
        let earlier = self.answered.contains(&question);
        if !earlier && question != Question::Group(Group::Profile) {
            return;
        }
        let answers = &self.answers;
        match question {
            Question::Pain => self.typed = answers.pain.to_string(),
            Question::Areas | Question::Reconfirm => {}
            Question::Group(group) => self.marks = self.marks_of(group),
            Question::Symptom(symptom) => {
                self.cursor = Some(if answers.symptoms.contains(&symptom) {
                    0
                } else if answers.unsure.contains(&symptom) {
                    2
                } else {
                    1
                });
            }
            Question::Age => {
                self.typed = self.profile_age.map(|a| a.to_string()).unwrap_or_default();
            }
            Question::Days => self.typed = answers.days.to_string(),
            Question::Trend => {
                self.cursor = Some(match answers.trend {
                    Trend::Better => 0,
                    Trend::Same => 1,
                    Trend::Worse => 2,
                });
            }
            Question::Onset => {
                self.cursor = answers.onset.map(|onset| match onset {
                    Onset::BeforeRun => 0,
                    Onset::DuringRun => 1,
                    Onset::AfterRun => 2,
                });
            }
        }
    }

    /// The marks a group was answered with (for the profile: the saved answers being changed).
    fn marks_of(&self, group: Group) -> Vec<Mark> {
        group
            .signs()
            .iter()
            .map(|sign| match *sign {
                Sign::LimitsActivity if self.answers.limits_activity => Mark::Yes,
                Sign::Symptom(fact) if group == Group::Profile => {
                    match self.profile_facts.get(&fact) {
                        Some(Reply::Yes) => Mark::Yes,
                        Some(Reply::NotSure) => Mark::NotSure,
                        _ => Mark::Unmarked,
                    }
                }
                Sign::Symptom(symptom) if self.answers.symptoms.contains(&symptom) => Mark::Yes,
                Sign::Symptom(symptom) if self.answers.unsure.contains(&symptom) => Mark::NotSure,
                Sign::Symptom(_) | Sign::LimitsActivity => Mark::Unmarked,
            })
            .collect()
    }

    /// Moves on from the current screen, or finishes.
    fn advance(&mut self, now: AppInstant) -> Outcome {
        self.previous.push(self.question);
        if !self.answered.contains(&self.question) {
            self.answered.push(self.question);
        }
        if let Some(next) = self.question.next(self.path(true)) {
            self.show(next, now);
            Outcome::Asking
        } else {
            let profile = self.profile_answer();
            Outcome::Answered(self.final_answers(), profile)
        }
    }

    /// The profile as the screens answered it, if they did on the path taken.
    fn profile_answer(&self) -> ProfileAnswer {
        let asked = Question::sequence(self.path(true));
        if asked.contains(&Question::Group(Group::Profile)) {
            ProfileAnswer::Answered {
                facts: self.profile_facts.clone(),
                age: self.profile_age,
            }
        } else if asked.contains(&Question::Reconfirm)
            && self.reconfirmed == Some(Reconfirmed::Keep)
        {
            ProfileAnswer::Confirmed
        } else {
            ProfileAnswer::NotAsked
        }
    }

    /// The answers to the screens actually shown: an answer given before esc changed the path
    /// (a follow-up no longer asked) does not count.
    fn final_answers(&self) -> Answers {
        let mut answers = self.answers.clone();
        let asked = Question::sequence(self.path(true));
        let was_asked = |s: &Symptom| {
            asked.contains(&Question::Symptom(*s))
                || asked.iter().any(|q| match q {
                    Question::Group(group) => group.signs().contains(&Sign::Symptom(*s)),
                    _ => false,
                })
        };
        answers.symptoms.retain(was_asked);
        answers.unsure.retain(was_asked);
        if !asked.contains(&Question::Group(Group::Other)) {
            answers.limits_activity = false;
        }
        if !asked.contains(&Question::Onset) {
            answers.onset = None;
        }
        if answers.pain == 0 {
            answers.areas.clear();
            answers.days = 0;
            answers.trend = Trend::Same;
        }
        answers
    }

    /// The rows of the group on screen at the current size.
    pub fn group_rows(&self, footnote: &str) -> Vec<group::Row> {
        let Question::Group(group) = self.question else {
            return Vec::new();
        };
        let (width, _) = group::viewport(self.size);
        group::rows(group, &self.marks, footnote, width)
    }

    /// Notes whether the last row of a group is on screen now (once seen, it stays noted).
    fn update_seen_end(&mut self) {
        let Question::Group(_) = self.question else {
            self.seen_end = true;
            return;
        };
        let (_, height) = group::viewport(self.size);
        let rows = self.group_rows(FOOTNOTE).len();
        self.offset = self.offset.min(rows.saturating_sub(height));
        if self.offset + height >= rows {
            self.seen_end = true;
        }
    }

    /// Whether a group screen has more rows than fit.
    pub fn scrolls(&self) -> bool {
        let (_, height) = group::viewport(self.size);
        self.group_rows(FOOTNOTE).len() > height
    }

    /// The terminal's size changed: what fits may too.
    pub fn resize(&mut self, size: (u16, u16)) {
        self.size = size;
        self.update_seen_end();
    }
}

/// Under every check screen.
pub(crate) const FOOTNOTE: &str =
    "An emergency? Stop and call your local emergency number (112, 911, 999).";

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_length;
