//! The pain check in the app: one question at a time, emergency signs first, then the result.
//! Nothing is saved until the result shows; esc goes back a question.
//!
//! Answering is made hard to do by accident: warning signs have no preselected answer, `enter` only
//! confirms a choice that was made, and a key that arrives too soon after the question appeared (a
//! held key repeating, or a paste) never answers it.

mod input;
mod order;
pub mod result;

pub use order::Question;

use crate::engine::Millis;
use crate::triage::{Answers, Symptom, Trend};

/// How long a question must be on screen, with no answering key pressed, before a key may answer
/// it. Longer than the usual delay before a held key starts repeating (250-660 ms; Windows' slowest
/// is 1 s at most), so a held key answers only the question it was pressed on; a paste arrives all
/// at once and answers at most one. Each key that comes too soon starts the wait again.
pub const READ_TIME_MS: Millis = 1_000;

/// Yes, no or not sure, in the order shown.
pub const CHOICES: [&str; 3] = ["yes", "no", "not sure"];

/// The questionnaire's state.
#[derive(Debug, Clone)]
pub struct CheckForm {
    pub answers: Answers,
    pub question: Question,
    /// The questions answered before this one, for esc.
    previous: Vec<Question>,
    /// Whether the pain number was confirmed with enter (until then the questions ahead assume
    /// some pain, so the counter never shrinks to "1 of 1").
    pain_confirmed: bool,
    /// The highlighted choice (none until the runner picks one) or area.
    pub cursor: Option<usize>,
    /// Digits typed for a number question (pain, days, age).
    pub typed: String,
    /// A one-line hint after a key that could not be taken.
    pub notice: Option<&'static str>,
    /// No key answers before this time.
    answerable_at: Millis,
    /// Questions answered at least once: going back to one shows its answer.
    answered: Vec<Question>,
}

pub enum Outcome {
    /// Still asking; whether anything visible changed.
    Asking(bool),
    /// Esc on the first question: leave without a result.
    Left,
    /// The last answer is in.
    Answered(Answers),
}

impl CheckForm {
    /// The first question, shown at `now`.
    pub fn new(now: Millis) -> Self {
        Self {
            answers: Answers::default(),
            question: Question::Pain,
            previous: Vec::new(),
            pain_confirmed: false,
            cursor: None,
            typed: String::new(),
            notice: None,
            answerable_at: now + READ_TIME_MS,
            answered: Vec::new(),
        }
    }

    /// Where the question stands: (number, of how many if nothing more is added).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.previous.len() + 1,
            Question::sequence(&self.answers, self.pain_confirmed).len(),
        )
    }

    /// Shows `question`, with its earlier answer marked if the runner answered it before going
    /// back; otherwise nothing is chosen.
    fn show(&mut self, question: Question, now: Millis) {
        self.question = question;
        self.answerable_at = now + READ_TIME_MS;
        self.typed.clear();
        self.cursor = (question == Question::Areas).then_some(0);
        if !self.answered.contains(&question) {
            return;
        }
        let answers = &self.answers;
        match question {
            Question::Pain => self.typed = answers.pain.to_string(),
            Question::Areas => {}
            Question::Symptom(symptom) => {
                self.cursor = Some(if answers.symptoms.contains(&symptom) {
                    0
                } else if answers.unsure.contains(&symptom) {
                    2
                } else {
                    1
                });
            }
            Question::Age => self.typed = answers.age.map(|a| a.to_string()).unwrap_or_default(),
            Question::Days => self.typed = answers.days.to_string(),
            Question::Trend => {
                self.cursor = Some(match answers.trend {
                    Trend::Better => 0,
                    Trend::Same => 1,
                    Trend::Worse => 2,
                });
            }
            Question::LimitsActivity => self.cursor = Some(usize::from(!answers.limits_activity)),
        }
    }

    /// Moves on from the current question, or finishes.
    fn advance(&mut self, now: Millis) -> Outcome {
        self.previous.push(self.question);
        if !self.answered.contains(&self.question) {
            self.answered.push(self.question);
        }
        if let Some(next) = self.question.next(&self.answers) {
            self.show(next, now);
            Outcome::Asking(true)
        } else {
            Outcome::Answered(self.final_answers())
        }
    }

    /// The answers to the questions actually asked: an answer given before esc changed the path
    /// (a follow-up no longer asked) does not count.
    fn final_answers(&self) -> Answers {
        let mut answers = self.answers.clone();
        let asked = Question::sequence(&answers, true);
        let was_asked = |s: &Symptom| asked.contains(&Question::Symptom(*s));
        answers.symptoms.retain(was_asked);
        answers.unsure.retain(was_asked);
        if !asked.contains(&Question::Age) {
            answers.age = None;
        }
        if answers.pain == 0 {
            answers.areas.clear();
        }
        answers
    }
}

#[cfg(test)]
mod tests;
