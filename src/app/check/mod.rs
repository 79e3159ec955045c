//! The pain check in the app: one question at a time, red flags first, then the result. Nothing is
//! saved until the result shows; esc goes back a question.

pub mod result;

use crossterm::event::{KeyCode, KeyEvent};

use crate::triage::{Answers, Area, Symptom, Trend};

/// The questions, asked one per screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Pain,
    Areas,
    Symptom(Symptom),
    /// Asked only after a fall, for rule E9.
    Age,
    Days,
    Trend,
    LimitsActivity,
}

/// The symptom questions in the order asked: the emergency ones first, as telephone triage does.
/// A follow-up (`severe-headache` after `fever`, `bone-risk` and the age after a fall) is asked only
/// when the question before it was answered yes.
const SYMPTOMS: [Symptom; 18] = [
    Symptom::SaddleNumbness,
    Symptom::BladderBowel,
    Symptom::BothLegs,
    Symptom::Weakness,
    Symptom::ChestPain,
    Symptom::TearingPain,
    Symptom::SeriousInjury,
    Symptom::NeuroSigns,
    Symptom::Fever,
    Symptom::MinorFall,
    Symptom::CancerHistory,
    Symptom::WeightLoss,
    Symptom::NightPain,
    Symptom::Swelling,
    Symptom::NumbnessTingling,
    Symptom::Radiating,
    Symptom::SuddenSharp,
    Symptom::BackHistory,
];

/// The largest number of days the form accepts.
const MAX_DAYS: u32 = 3650;

impl Question {
    /// Every question that will be asked given the answers so far, in order. It stops after pain 0
    /// (nothing to ask) and after a red flag answered yes (the result is an emergency whatever
    /// follows, and a runner with one should not be kept answering).
    pub fn sequence(answers: &Answers) -> Vec<Self> {
        let mut asked = vec![Self::Pain];
        if answers.pain == 0 {
            return asked;
        }
        asked.push(Self::Areas);
        for symptom in SYMPTOMS {
            asked.push(Self::Symptom(symptom));
            let yes = answers.symptoms.contains(&symptom);
            if yes && Symptom::RED_FLAGS.contains(&symptom) {
                return asked;
            }
            match symptom {
                Symptom::Fever if yes => asked.push(Self::Symptom(Symptom::SevereHeadache)),
                Symptom::MinorFall if yes => {
                    asked.extend([Self::Symptom(Symptom::BoneRisk), Self::Age]);
                }
                _ => {}
            }
        }
        asked.extend([Self::Days, Self::Trend, Self::LimitsActivity]);
        asked
    }

    /// The question after this one, or `None` when the result is due.
    pub fn next(self, answers: &Answers) -> Option<Self> {
        let sequence = Self::sequence(answers);
        let at = sequence.iter().position(|q| *q == self)?;
        sequence.get(at + 1).copied()
    }
}

/// Yes, no or not sure, in the order shown.
pub const CHOICES: [&str; 3] = ["yes", "no", "not sure"];

/// The questionnaire's state.
#[derive(Debug, Clone)]
pub struct CheckForm {
    pub answers: Answers,
    pub question: Question,
    /// The questions answered before this one, for esc.
    previous: Vec<Question>,
    /// The highlighted choice or area.
    pub cursor: usize,
    /// Digits typed for a number question.
    pub typed: String,
    /// A one-line hint after a key that could not be taken.
    pub notice: Option<&'static str>,
}

pub enum Outcome {
    /// Still asking; whether anything visible changed.
    Asking(bool),
    /// Esc on the first question: leave without a result.
    Left,
    /// The last answer is in.
    Answered(Answers),
}

impl Default for CheckForm {
    fn default() -> Self {
        let mut form = Self {
            answers: Answers::default(),
            question: Question::Pain,
            previous: Vec::new(),
            cursor: 0,
            typed: String::new(),
            notice: None,
        };
        form.enter(Question::Pain);
        form
    }
}

impl CheckForm {
    /// Where the question stands: (number, of how many so far).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.previous.len() + 1,
            Question::sequence(&self.answers).len(),
        )
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Outcome {
        self.notice = None;
        if key.code == KeyCode::Esc {
            return match self.previous.pop() {
                Some(question) => {
                    self.enter(question);
                    Outcome::Asking(true)
                }
                None => Outcome::Left,
            };
        }
        match self.question {
            Question::Pain => self.pain_key(key),
            Question::Areas => self.areas_key(key),
            Question::Symptom(symptom) => self.symptom_key(symptom, key),
            Question::Age => self.number_key(key, 120),
            Question::Days => self.number_key(key, MAX_DAYS),
            Question::Trend => self.trend_key(key),
            Question::LimitsActivity => self.limits_key(key),
        }
    }

    /// Shows `question` with its current answer highlighted.
    fn enter(&mut self, question: Question) {
        self.question = question;
        self.typed.clear();
        self.cursor = 0;
        match question {
            Question::Pain => self.cursor = usize::from(self.answers.pain),
            Question::Areas => {}
            Question::Symptom(symptom) => {
                self.cursor = if self.answers.symptoms.contains(&symptom) {
                    0
                } else if self.answers.unsure.contains(&symptom) {
                    2
                } else {
                    1
                };
            }
            Question::Age => {
                self.typed = self.answers.age.map(|a| a.to_string()).unwrap_or_default();
            }
            Question::Days => self.typed = self.answers.days.to_string(),
            Question::Trend => {
                self.cursor = match self.answers.trend {
                    Trend::Better => 0,
                    Trend::Same => 1,
                    Trend::Worse => 2,
                };
            }
            Question::LimitsActivity => self.cursor = usize::from(!self.answers.limits_activity),
        }
    }

    /// Moves on from the current question, or finishes.
    fn advance(&mut self) -> Outcome {
        self.previous.push(self.question);
        if let Some(next) = self.question.next(&self.answers) {
            self.enter(next);
            Outcome::Asking(true)
        } else {
            Outcome::Answered(self.final_answers())
        }
    }

    /// The answers to the questions actually asked: an answer given before esc changed the path
    /// (a follow-up no longer asked) does not count.
    fn final_answers(&self) -> Answers {
        let mut answers = self.answers.clone();
        let asked = Question::sequence(&answers);
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

    fn pain_key(&mut self, key: KeyEvent) -> Outcome {
        let before = self.answers.pain;
        match key.code {
            KeyCode::Right | KeyCode::Up | KeyCode::Char('l' | 'k' | '+') => {
                self.answers.pain = (before + 1).min(10);
            }
            KeyCode::Left | KeyCode::Down | KeyCode::Char('h' | 'j' | '-') => {
                self.answers.pain = before.saturating_sub(1);
            }
            // 0 is an answer in itself: no pain, nothing more to ask.
            KeyCode::Char('0') => {
                self.answers.pain = 0;
                return self.advance();
            }
            KeyCode::Char(c @ '1'..='9') => {
                self.answers.pain = u8::try_from(c.to_digit(10).unwrap_or(0)).unwrap_or(0);
            }
            KeyCode::Enter => return self.advance(),
            _ => return Outcome::Asking(false),
        }
        self.cursor = usize::from(self.answers.pain);
        Outcome::Asking(before != self.answers.pain)
    }

    fn areas_key(&mut self, key: KeyEvent) -> Outcome {
        let count = Area::ALL.len();
        match key.code {
            KeyCode::Down | KeyCode::Tab | KeyCode::Char('j') => {
                self.cursor = (self.cursor + 1) % count;
            }
            KeyCode::Up | KeyCode::BackTab | KeyCode::Char('k') => {
                self.cursor = (self.cursor + count - 1) % count;
            }
            KeyCode::Char(' ' | 'x') => self.toggle_area(self.cursor),
            KeyCode::Char(c @ '1'..='8') => {
                let index = usize::try_from(c.to_digit(10).unwrap_or(1) - 1).unwrap_or(0);
                self.cursor = index;
                self.toggle_area(index);
            }
            KeyCode::Enter => {
                if self.answers.areas.is_empty() {
                    self.notice = Some("Choose at least one area with space.");
                    return Outcome::Asking(true);
                }
                return self.advance();
            }
            _ => return Outcome::Asking(false),
        }
        Outcome::Asking(true)
    }

    fn toggle_area(&mut self, index: usize) {
        let Some(&(_, area)) = Area::ALL.get(index) else {
            return;
        };
        if let Some(at) = self.answers.areas.iter().position(|a| *a == area) {
            self.answers.areas.remove(at);
        } else {
            self.answers.areas.push(area);
            self.answers.areas.sort();
        }
    }

    fn symptom_key(&mut self, symptom: Symptom, key: KeyEvent) -> Outcome {
        let choice = match key.code {
            KeyCode::Char('y') => 0,
            KeyCode::Char('n') => 1,
            KeyCode::Char('s' | 'u') => 2,
            KeyCode::Enter => self.cursor,
            other => return self.move_cursor(other, CHOICES.len()),
        };
        self.answers.symptoms.remove(&symptom);
        self.answers.unsure.remove(&symptom);
        match choice {
            0 => {
                self.answers.symptoms.insert(symptom);
            }
            2 => {
                self.answers.unsure.insert(symptom);
            }
            _ => {}
        }
        self.cursor = choice;
        self.advance()
    }

    fn trend_key(&mut self, key: KeyEvent) -> Outcome {
        let choice = match key.code {
            KeyCode::Char('b') => 0,
            KeyCode::Char('s') => 1,
            KeyCode::Char('w') => 2,
            KeyCode::Enter => self.cursor,
            other => return self.move_cursor(other, 3),
        };
        self.answers.trend = [Trend::Better, Trend::Same, Trend::Worse][choice.min(2)];
        self.advance()
    }

    fn limits_key(&mut self, key: KeyEvent) -> Outcome {
        let choice = match key.code {
            KeyCode::Char('y') => 0,
            KeyCode::Char('n') => 1,
            KeyCode::Enter => self.cursor,
            other => return self.move_cursor(other, 2),
        };
        self.answers.limits_activity = choice == 0;
        self.advance()
    }

    /// Left and right (or up and down) move between the choices of a question.
    fn move_cursor(&mut self, code: KeyCode, count: usize) -> Outcome {
        let before = self.cursor;
        match code {
            KeyCode::Right | KeyCode::Down | KeyCode::Tab | KeyCode::Char('l' | 'j') => {
                self.cursor = (self.cursor + 1).min(count - 1);
            }
            KeyCode::Left | KeyCode::Up | KeyCode::BackTab | KeyCode::Char('h' | 'k') => {
                self.cursor = self.cursor.saturating_sub(1);
            }
            _ => return Outcome::Asking(false),
        }
        Outcome::Asking(before != self.cursor)
    }

    /// Digits, backspace, up and down; enter takes the number (an empty age means "rather not say").
    fn number_key(&mut self, key: KeyEvent, max: u32) -> Outcome {
        let current: u32 = self.typed.parse().unwrap_or(0);
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let candidate = format!("{}{c}", self.typed.trim_start_matches('0'));
                match candidate.parse::<u32>() {
                    Ok(value) if value <= max => self.typed = value.to_string(),
                    _ => {
                        self.notice = Some("That number is too large.");
                    }
                }
            }
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::Up | KeyCode::Right | KeyCode::Char('+' | 'k') => {
                self.typed = (current + 1).min(max).to_string();
            }
            KeyCode::Down | KeyCode::Left | KeyCode::Char('-' | 'j') => {
                self.typed = current.saturating_sub(1).to_string();
            }
            KeyCode::Enter => {
                let value = self.typed.parse::<u32>().ok();
                if self.question == Question::Age {
                    self.answers.age = value;
                } else {
                    self.answers.days = value.unwrap_or(0);
                }
                return self.advance();
            }
            _ => return Outcome::Asking(false),
        }
        Outcome::Asking(true)
    }
}

#[cfg(test)]
mod tests;
