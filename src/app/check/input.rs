//! The pain check's keys: each screen's table (in [`crate::app::bindings`]) says what a key means;
//! this acts on it. Answering is guarded: a key that comes too soon after the screen appeared, or
//! that the terminal reports as a repeat, never answers or marks.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::group::{Group, Mark, Sign};
use super::{CHOICES, CheckForm, Outcome, Question};
use crate::app::bindings::{
    CHECK_AREAS, CHECK_GROUP, CHECK_NUMBER, CHECK_ONSET, CHECK_PAIN, CHECK_RECONFIRM, CHECK_TREND,
    CHECK_YES_NO_UNSURE, CheckKey,
};
use crate::app::keymap::Binding;
use crate::engine::AppInstant;
use crate::triage::profile::Reply;
use crate::triage::{Area, Onset, Symptom, Trend};

/// The largest number of days the form accepts.
const MAX_DAYS: u32 = 3650;
const MAX_AGE: u32 = 120;

impl CheckForm {
    /// The keys of the screen shown.
    pub fn bindings(&self) -> &'static [Binding<CheckKey>] {
        match self.question {
            Question::Pain => &CHECK_PAIN,
            Question::Areas => &CHECK_AREAS,
            Question::Group(_) => &CHECK_GROUP,
            Question::Symptom(_) => &CHECK_YES_NO_UNSURE,
            Question::Age | Question::Days => &CHECK_NUMBER,
            Question::Trend => &CHECK_TREND,
            Question::Onset => &CHECK_ONSET,
            Question::Reconfirm => &CHECK_RECONFIRM,
        }
    }

    /// A key on the screen shown.
    pub fn handle_key(&mut self, key: KeyEvent, now: AppInstant) -> Outcome {
        let action = self
            .bindings()
            .iter()
            .find(|b| b.answers(key.code))
            .map(|b| b.action);
        if let Some(action) = action {
            self.apply(action, key, now)
        } else {
            self.notice = None;
            Outcome::Asking
        }
    }

    /// Acts on `action`, which `key` stood for.
    pub fn apply(&mut self, action: CheckKey, key: KeyEvent, now: AppInstant) -> Outcome {
        self.notice = None;
        if action == CheckKey::Back {
            return match self.previous.pop() {
                Some(question) => {
                    self.show(question, now);
                    Outcome::Asking
                }
                None => Outcome::Left,
            };
        }
        let answering = matches!(
            action,
            CheckKey::Choose(_) | CheckKey::Confirm | CheckKey::Mark | CheckKey::NoneOfThese
        );
        if answering && !self.may_answer(key, now) {
            self.notice = Some("Too quick: read the question, then answer.");
            return Outcome::Asking;
        }
        let digit = match key.code {
            KeyCode::Char(c) => c.to_digit(10),
            _ => None,
        };
        match (self.question, action) {
            (Question::Pain, action) => self.pain(action, digit, now),
            (Question::Areas, action) => self.areas(action, digit, now),
            (Question::Group(group), action) => self.group(group, action, digit, now),
            (Question::Age, action) => self.number(action, digit, MAX_AGE, now),
            (Question::Days, action) => self.number(action, digit, MAX_DAYS, now),
            (Question::Reconfirm, CheckKey::Choose(choice)) => {
                self.reconfirmed = Some(if choice == 0 {
                    super::Reconfirmed::Keep
                } else {
                    super::Reconfirmed::Change
                });
                self.advance(now)
            }
            (_, CheckKey::Next) => self.move_cursor(1),
            (_, CheckKey::Previous) => self.move_cursor(-1),
            (_, CheckKey::Choose(choice)) => self.answer(choice, now),
            (_, CheckKey::Confirm) => {
                if let Some(choice) = self.cursor {
                    return self.answer(choice, now);
                }
                self.notice = Some(if matches!(self.question, Question::Symptom(_)) {
                    "Nothing chosen: press y (yes), n (no) or s (not sure)."
                } else {
                    "Nothing chosen: press one of the letters shown."
                });
                Outcome::Asking
            }
            _ => Outcome::Asking,
        }
    }

    /// A repeat, or a key before the screen has been shown long enough, may not answer; it also
    /// starts the wait again, so a held key or a paste never answers the next screen.
    fn may_answer(&mut self, key: KeyEvent, now: AppInstant) -> bool {
        if key.kind == KeyEventKind::Repeat || now < self.answerable_at {
            self.answerable_at = now.saturating_add(self.read_time);
            return false;
        }
        true
    }

    /// A group screen: a line's number cycles its mark; enter confirms the marks; `n` says none
    /// of these, and only while nothing is marked; neither works until the last line was shown.
    fn group(
        &mut self,
        group: Group,
        action: CheckKey,
        digit: Option<u32>,
        now: AppInstant,
    ) -> Outcome {
        let marked = self.marks.iter().any(|m| *m != Mark::Unmarked);
        match action {
            CheckKey::Mark => {
                let index = digit
                    .and_then(|d| usize::try_from(d).ok())
                    .map_or(0, |d| (d + 9) % 10);
                let Some(mark) = self.marks.get_mut(index) else {
                    self.notice = Some("There is no line with that number.");
                    return Outcome::Asking;
                };
                *mark = mark.next();
                self.update_seen_end();
                Outcome::Asking
            }
            CheckKey::ScrollDown | CheckKey::ScrollUp => {
                self.offset = if action == CheckKey::ScrollDown {
                    self.offset + 1
                } else {
                    self.offset.saturating_sub(1)
                };
                self.update_seen_end();
                Outcome::Asking
            }
            CheckKey::Confirm | CheckKey::NoneOfThese if !self.seen_end => {
                self.notice =
                    Some("There is more below: scroll down (j) to read every line first.");
                Outcome::Asking
            }
            CheckKey::Confirm if !marked => {
                self.notice =
                    Some("Nothing marked: press n if none of these is true, or a line's number.");
                Outcome::Asking
            }
            CheckKey::NoneOfThese if marked => {
                self.notice = Some(
                    "Some lines are marked: press enter to confirm them, or unmark them first.",
                );
                Outcome::Asking
            }
            CheckKey::Confirm | CheckKey::NoneOfThese => {
                self.take_marks(group);
                self.advance(now)
            }
            _ => Outcome::Asking,
        }
    }

    /// The marks on screen become the group's answers (unmarked: no).
    fn take_marks(&mut self, group: Group) {
        let marks = std::mem::take(&mut self.marks);
        for (sign, mark) in group.signs().iter().zip(marks.iter().copied()) {
            match *sign {
                // "Not sure" whether it stops daily activities counts as yes: never less care.
                Sign::LimitsActivity => self.answers.limits_activity = mark != Mark::Unmarked,
                Sign::Symptom(fact) if group == Group::Profile => {
                    let reply = match mark {
                        Mark::Yes => Reply::Yes,
                        Mark::NotSure => Reply::NotSure,
                        Mark::Unmarked => Reply::No,
                    };
                    self.profile_facts.insert(fact, reply);
                }
                Sign::Symptom(symptom) => self.set_symptom(symptom, mark),
            }
        }
        self.marks = marks;
    }

    fn set_symptom(&mut self, symptom: Symptom, mark: Mark) {
        self.answers.symptoms.remove(&symptom);
        self.answers.unsure.remove(&symptom);
        match mark {
            Mark::Yes => {
                self.answers.symptoms.insert(symptom);
            }
            Mark::NotSure => {
                self.answers.unsure.insert(symptom);
            }
            Mark::Unmarked => {}
        }
    }

    /// Digits build the number (`1` then `0` is 10; a digit that would pass 10 starts it again),
    /// arrows step it, backspace removes a digit, `enter` confirms it.
    fn pain(&mut self, action: CheckKey, digit: Option<u32>, now: AppInstant) -> Outcome {
        let current = self.typed.parse::<u8>().ok();
        match (action, digit) {
            (CheckKey::Digit, Some(d)) => {
                let longer = format!("{}{d}", self.typed);
                self.typed = match longer.parse::<u8>() {
                    Ok(value) if value <= 10 && !self.typed.starts_with('0') => value.to_string(),
                    _ => d.to_string(),
                };
            }
            (CheckKey::Increase, _) => {
                self.typed = current.map_or(0, |p| (p + 1).min(10)).to_string();
            }
            (CheckKey::Decrease, _) => {
                self.typed = current.map_or(0, |p| p.saturating_sub(1)).to_string();
            }
            (CheckKey::Erase, _) => {
                self.typed.pop();
            }
            (CheckKey::Confirm, _) => {
                let Some(pain) = current else {
                    self.notice = Some("Type a number from 0 to 10, then press enter.");
                    return Outcome::Asking;
                };
                self.answers.pain = pain;
                self.pain_confirmed = true;
                return self.advance(now);
            }
            _ => return Outcome::Asking,
        }
        Outcome::Asking
    }

    /// The pain shown on the scale: typed so far, not yet confirmed.
    pub fn pain_typed(&self) -> Option<u8> {
        self.typed.parse().ok()
    }

    fn areas(&mut self, action: CheckKey, digit: Option<u32>, now: AppInstant) -> Outcome {
        let count = Area::ALL.len();
        let cursor = self.cursor.unwrap_or(0);
        match action {
            CheckKey::Next => self.cursor = Some((cursor + 1) % count),
            CheckKey::Previous => self.cursor = Some((cursor + count - 1) % count),
            CheckKey::Toggle => self.toggle_area(cursor),
            CheckKey::ToggleNumbered => {
                let index = digit
                    .and_then(|d| usize::try_from(d).ok())
                    .map_or(0, |d| d.saturating_sub(1));
                self.cursor = Some(index);
                self.toggle_area(index);
            }
            CheckKey::Confirm => {
                if self.answers.areas.is_empty() {
                    self.notice = Some("Choose at least one area with space.");
                    return Outcome::Asking;
                }
                return self.advance(now);
            }
            _ => return Outcome::Asking,
        }
        Outcome::Asking
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

    /// The answer `choice` (0 is the first shown) to a choice question, then the next screen.
    fn answer(&mut self, choice: usize, now: AppInstant) -> Outcome {
        match self.question {
            Question::Symptom(symptom) => {
                let mark = match choice {
                    0 => Mark::Yes,
                    2 => Mark::NotSure,
                    _ => Mark::Unmarked,
                };
                self.set_symptom(symptom, mark);
            }
            Question::Trend => {
                self.answers.trend = [Trend::Better, Trend::Same, Trend::Worse][choice.min(2)];
            }
            Question::Onset => {
                self.answers.onset =
                    Some([Onset::BeforeRun, Onset::DuringRun, Onset::AfterRun][choice.min(2)]);
            }
            _ => return Outcome::Asking,
        }
        self.advance(now)
    }

    /// Moves the highlight between the choices; from none, either way lands on the first.
    fn move_cursor(&mut self, step: isize) -> Outcome {
        self.cursor = Some(match self.cursor {
            None => 0,
            Some(at) => at.saturating_add_signed(step).min(CHOICES.len() - 1),
        });
        Outcome::Asking
    }

    /// Digits, backspace, up and down; enter takes the number.
    fn number(
        &mut self,
        action: CheckKey,
        digit: Option<u32>,
        max: u32,
        now: AppInstant,
    ) -> Outcome {
        let current: u32 = self.typed.parse().unwrap_or(0);
        match (action, digit) {
            (CheckKey::Digit, Some(d)) => {
                let candidate = format!("{}{d}", self.typed.trim_start_matches('0'));
                match candidate.parse::<u32>() {
                    Ok(value) if value <= max => self.typed = value.to_string(),
                    _ => self.notice = Some("That number is too large."),
                }
            }
            (CheckKey::Erase, _) => {
                self.typed.pop();
            }
            (CheckKey::Increase, _) => self.typed = (current + 1).min(max).to_string(),
            (CheckKey::Decrease, _) => self.typed = current.saturating_sub(1).to_string(),
            (CheckKey::Confirm, _) => {
                let Ok(value) = self.typed.parse::<u32>() else {
                    self.notice = Some("Type a number, then press enter.");
                    return Outcome::Asking;
                };
                if self.question == Question::Age {
                    self.profile_age = Some(value);
                } else {
                    self.answers.days = value;
                }
                return self.advance(now);
            }
            _ => return Outcome::Asking,
        }
        Outcome::Asking
    }
}
