//! The pain check in the app: one question at a time, emergency signs first, then the result.
//! Nothing is saved until the result shows; esc goes back a question.
//!
//! Answering is made hard to do by accident: warning signs have no preselected answer, `enter` only
//! confirms a choice that was made, and a key that arrives too soon after the question appeared (a
//! held key repeating, or a paste) never answers it.

mod order;
pub mod result;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

pub use order::Question;

use crate::engine::Millis;
use crate::triage::{Answers, Area, Symptom, Trend};

/// How long a question must be on screen, with no answering key pressed, before a key may answer
/// it. Longer than the usual delay before a held key starts repeating (250-660 ms; Windows' slowest
/// is 1 s at most), so a held key answers only the question it was pressed on; a paste arrives all
/// at once and answers at most one. Each key that comes too soon starts the wait again.
pub const READ_TIME_MS: Millis = 1_000;

/// Yes, no or not sure, in the order shown.
pub const CHOICES: [&str; 3] = ["yes", "no", "not sure"];

/// The largest number of days the form accepts.
const MAX_DAYS: u32 = 3650;

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

    pub fn handle_key(&mut self, key: KeyEvent, now: Millis) -> Outcome {
        self.notice = None;
        if key.code == KeyCode::Esc {
            return match self.previous.pop() {
                Some(question) => {
                    self.show(question, now);
                    Outcome::Asking(true)
                }
                None => Outcome::Left,
            };
        }
        if self.answers_the_question(key.code) && !self.may_answer(key, now) {
            self.notice = Some("Too quick: read the question, then answer.");
            return Outcome::Asking(true);
        }
        match self.question {
            Question::Pain => self.pain_key(key, now),
            Question::Areas => self.areas_key(key, now),
            Question::Symptom(symptom) => self.symptom_key(symptom, key, now),
            Question::Age => self.number_key(key, 120, now),
            Question::Days => self.number_key(key, MAX_DAYS, now),
            Question::Trend => self.choice_key(key, &['b', 's', 'w'], now),
            Question::LimitsActivity => self.choice_key(key, &['y', 'n'], now),
        }
    }

    /// Whether `code` on this question would answer it and move on.
    fn answers_the_question(&self, code: KeyCode) -> bool {
        match self.question {
            Question::Symptom(_) => {
                matches!(code, KeyCode::Enter | KeyCode::Char('y' | 'n' | 's' | 'u'))
            }
            Question::Trend => matches!(code, KeyCode::Enter | KeyCode::Char('b' | 's' | 'w')),
            Question::LimitsActivity => matches!(code, KeyCode::Enter | KeyCode::Char('y' | 'n')),
            Question::Pain | Question::Areas | Question::Age | Question::Days => {
                code == KeyCode::Enter
            }
        }
    }

    /// A repeat, or a key before the question has been on screen long enough, may not answer; it
    /// also starts the wait again, so a held key or a paste never answers the next question.
    fn may_answer(&mut self, key: KeyEvent, now: Millis) -> bool {
        if key.kind == KeyEventKind::Repeat || now < self.answerable_at {
            self.answerable_at = now + READ_TIME_MS;
            return false;
        }
        true
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

    /// Digits build the number (`1` then `0` is 10; a digit that would pass 10 starts it again),
    /// arrows step it, backspace removes a digit, `enter` confirms it.
    fn pain_key(&mut self, key: KeyEvent, now: Millis) -> Outcome {
        let before = self.typed.clone();
        let current = self.typed.parse::<u8>().ok();
        match key.code {
            KeyCode::Char(c @ '0'..='9') => {
                let longer = format!("{}{c}", self.typed);
                self.typed = match longer.parse::<u8>() {
                    Ok(value) if value <= 10 && !self.typed.starts_with('0') => value.to_string(),
                    _ => c.to_string(),
                };
            }
            KeyCode::Right | KeyCode::Up | KeyCode::Char('l' | 'k' | '+') => {
                self.typed = current.map_or(0, |p| (p + 1).min(10)).to_string();
            }
            KeyCode::Left | KeyCode::Down | KeyCode::Char('h' | 'j' | '-') => {
                self.typed = current.map_or(0, |p| p.saturating_sub(1)).to_string();
            }
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::Enter => {
                let Some(pain) = current else {
                    self.notice = Some("Type a number from 0 to 10, then press enter.");
                    return Outcome::Asking(true);
                };
                self.answers.pain = pain;
                self.pain_confirmed = true;
                return self.advance(now);
            }
            _ => return Outcome::Asking(false),
        }
        Outcome::Asking(before != self.typed)
    }

    /// The pain shown on the scale: typed so far, not yet confirmed.
    pub fn pain_typed(&self) -> Option<u8> {
        self.typed.parse().ok()
    }

    fn areas_key(&mut self, key: KeyEvent, now: Millis) -> Outcome {
        let count = Area::ALL.len();
        let cursor = self.cursor.unwrap_or(0);
        match key.code {
            KeyCode::Down | KeyCode::Tab | KeyCode::Char('j') => {
                self.cursor = Some((cursor + 1) % count);
            }
            KeyCode::Up | KeyCode::BackTab | KeyCode::Char('k') => {
                self.cursor = Some((cursor + count - 1) % count);
            }
            KeyCode::Char(' ' | 'x') => self.toggle_area(cursor),
            KeyCode::Char(c @ '1'..='8') => {
                let index = usize::try_from(c.to_digit(10).unwrap_or(1) - 1).unwrap_or(0);
                self.cursor = Some(index);
                self.toggle_area(index);
            }
            KeyCode::Enter => {
                if self.answers.areas.is_empty() {
                    self.notice = Some("Choose at least one area with space.");
                    return Outcome::Asking(true);
                }
                return self.advance(now);
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

    fn symptom_key(&mut self, symptom: Symptom, key: KeyEvent, now: Millis) -> Outcome {
        let choice = match key.code {
            KeyCode::Char('y') => 0,
            KeyCode::Char('n') => 1,
            KeyCode::Char('s' | 'u') => 2,
            KeyCode::Enter => {
                let Some(choice) = self.cursor else {
                    self.notice = Some("Nothing chosen: press y (yes), n (no) or s (not sure).");
                    return Outcome::Asking(true);
                };
                choice
            }
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
        self.advance(now)
    }

    /// Trend (`b`, `s`, `w`) and "stops daily activities" (`y`, `n`): a letter, or a choice then
    /// `enter`.
    fn choice_key(&mut self, key: KeyEvent, letters: &[char], now: Millis) -> Outcome {
        let choice = match key.code {
            KeyCode::Char(c) if letters.contains(&c) => {
                letters.iter().position(|l| *l == c).unwrap_or(0)
            }
            KeyCode::Enter => {
                let Some(choice) = self.cursor else {
                    self.notice = Some("Nothing chosen: press one of the letters shown.");
                    return Outcome::Asking(true);
                };
                choice
            }
            other => return self.move_cursor(other, letters.len()),
        };
        if self.question == Question::Trend {
            self.answers.trend = [Trend::Better, Trend::Same, Trend::Worse][choice.min(2)];
        } else {
            self.answers.limits_activity = choice == 0;
        }
        self.advance(now)
    }

    /// Left and right (or up and down) move between the choices of a question.
    fn move_cursor(&mut self, code: KeyCode, count: usize) -> Outcome {
        let before = self.cursor;
        match (code, self.cursor) {
            (
                KeyCode::Right | KeyCode::Down | KeyCode::Tab | KeyCode::Char('l' | 'j'),
                Some(at),
            ) => self.cursor = Some((at + 1).min(count - 1)),
            (
                KeyCode::Left | KeyCode::Up | KeyCode::BackTab | KeyCode::Char('h' | 'k'),
                Some(at),
            ) => {
                self.cursor = Some(at.saturating_sub(1));
            }
            (
                KeyCode::Right
                | KeyCode::Down
                | KeyCode::Tab
                | KeyCode::Left
                | KeyCode::Up
                | KeyCode::BackTab
                | KeyCode::Char('l' | 'j' | 'h' | 'k'),
                None,
            ) => self.cursor = Some(0),
            _ => return Outcome::Asking(false),
        }
        Outcome::Asking(before != self.cursor)
    }

    /// Digits, backspace, up and down; enter takes the number.
    fn number_key(&mut self, key: KeyEvent, max: u32, now: Millis) -> Outcome {
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
                let Ok(value) = self.typed.parse::<u32>() else {
                    self.notice = Some("Type a number, then press enter.");
                    return Outcome::Asking(true);
                };
                if self.question == Question::Age {
                    self.answers.age = Some(value);
                } else {
                    self.answers.days = value;
                }
                return self.advance(now);
            }
            _ => return Outcome::Asking(false),
        }
        Outcome::Asking(true)
    }
}

#[cfg(test)]
mod tests;
