//! Moving between screens: a routine started, stopped or quit, the pain check begun and its result
//! shown, the way home, and the engine's events turned into cues.

use super::check::{ProfileAnswer, ProfileNeed};
use super::{
    App, CheckForm, CheckResult, Cued, Effect, Entry, LibraryScreen, Overlay, PlayerScreen, Record,
    Screen,
};
use crate::audio::cues::sounds_for;
use crate::engine::Event;
use crate::history::CheckRow;
use crate::routine::Routine;
use crate::triage::advice::suggested_routines;
use crate::triage::profile::{AgeGiven, Dated, Profile};
use crate::triage::{Answers, CheckRecord};

impl App {
    pub(crate) fn start(&mut self, routine: Routine) {
        self.overlay = None;
        self.program.playing = None;
        self.paused_for_overlay = false;
        let (player, events) =
            PlayerScreen::start(routine, self.now, self.prefs.cue_style.countdown);
        self.outbox
            .push(Effect::Prepare(crate::audio::cues::sounds_to_prepare(
                &player.routine,
                player.session.plan(),
                self.prefs.cue_style.voice(),
            )));
        self.screen = Screen::Player(Box::new(player));
        self.absorb(events);
    }

    /// Ends the routine early and shows the summary.
    pub(super) fn stop_routine(&mut self) {
        let screen = std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::default()));
        self.screen = match screen {
            Screen::Player(mut player) => {
                player.session.quit(self.now);
                self.remember_session(&player);
                Screen::Done(player)
            }
            other => other,
        };
    }

    /// ctrl-c (or a termination signal): leave at once, recording a running session as quit. A check
    /// not yet answered is dropped, as nothing is saved before its result shows.
    pub fn quit_now(&mut self) {
        // Leaving at once asks nothing: a program session is saved without its pain.
        self.should_quit = true;
        let screen = std::mem::replace(&mut self.screen, Screen::History);
        if let Screen::Player(mut player) = screen {
            player.session.quit(self.now);
            self.remember_session(&player);
            self.screen = Screen::Done(player);
        } else {
            self.screen = screen;
        }
        self.save_awaiting(None);
    }

    pub(super) fn go_home(&mut self) {
        self.overlay = None;
        match self.entry {
            Entry::Run | Entry::Check => self.should_quit = true,
            Entry::Library if self.program.standing.is_some() => {
                self.refresh_program();
                self.screen = Screen::Today;
            }
            Entry::Library => self.screen = Screen::Library(LibraryScreen::default()),
        }
    }

    /// The pain check's first question, or its result at once when the answers were given up front.
    pub(super) fn start_check(&mut self) {
        self.overlay = None;
        match self.preset_answers.clone() {
            Some(answers) => self.show_result(answers),
            None => self.screen = Screen::Check(Box::new(self.new_check_form())),
        }
    }

    /// A new check's first screen, knowing what to do about the saved profile: ask it (none
    /// saved, or not whole), have it re-confirmed (older than 180 days), or use it.
    pub(super) fn new_check_form(&self) -> CheckForm {
        let now = self.history.wall_time(self.now);
        let profile = &self.history.profile;
        let need = self.profile_need();
        let mut form = CheckForm::new(
            self.now,
            need,
            profile.describe(now, &self.history.calendar),
        );
        form.set_read_time(self.prefs.answer_guard, self.now);
        // Before the terminal's size is known, the form keeps its own guess.
        if self.size != (0, 0) {
            form.resize(self.size);
        }
        form
    }

    /// What a check started now must do about the profile.
    pub fn profile_need(&self) -> ProfileNeed {
        let profile = &self.history.profile;
        if !profile.is_complete() {
            ProfileNeed::Ask
        } else if profile.needs_reconfirming(self.history.wall_time(self.now)) {
            ProfileNeed::Reconfirm
        } else {
            ProfileNeed::Known
        }
    }

    /// Evaluates the answers, with the profile, against the rules and the history, records the
    /// check (and a profile answered or confirmed in it), shows the result.
    pub(super) fn show_result(&mut self, answers: Answers) {
        self.show_result_with(answers, ProfileAnswer::NotAsked);
    }

    pub(super) fn show_result_with(&mut self, answers: Answers, asked: ProfileAnswer) {
        let now = self.history.wall_time(self.now);
        let calendar = self.history.calendar.clone();
        let changed = match asked {
            ProfileAnswer::NotAsked => None,
            ProfileAnswer::Confirmed => {
                let mut profile = self.history.profile.clone();
                profile.confirm(now, &calendar);
                Some(profile)
            }
            ProfileAnswer::Answered { facts, age } => Some(Profile {
                facts: facts
                    .into_iter()
                    .map(|(fact, value)| {
                        let answered_at = now;
                        (fact, Dated { value, answered_at })
                    })
                    .collect(),
                age: age.map(|years| Dated {
                    value: AgeGiven::Age(years),
                    answered_at: now,
                }),
            }),
        };
        if let Some(profile) = changed {
            self.history.profile = profile.clone();
            self.outbox.push(Effect::Save(Record::Profile(profile)));
        }
        let record = CheckRecord::take(
            answers,
            Some(&self.history.profile),
            now,
            &calendar,
            &self.history.past_checks(),
        );
        let routines =
            suggested_routines(record.triage.level, &record.answers.areas, &self.library);
        self.history.checks.push(CheckRow::of(&record));
        self.outbox
            .push(Effect::Save(Record::Check(record.clone())));
        self.screen = Screen::CheckResult(Box::new(CheckResult::new(record, routines)));
    }

    pub(super) fn finish_if_done(&mut self) {
        if matches!(&self.screen, Screen::Player(p) if p.session.is_finished()) {
            let screen =
                std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::default()));
            if let Screen::Player(player) = screen {
                self.remember_session(&player);
                // A program session's pain question comes first; the check is then one key away.
                let check_now = player.routine.pain_check
                    && self.preset_answers.is_some()
                    && self.program.awaiting_pain.is_none();
                self.screen = Screen::Done(player);
                if self.overlay != Some(Overlay::SessionPain) {
                    self.overlay = None;
                }
                if check_now {
                    self.start_check();
                }
            }
        }
    }

    pub(super) fn absorb(&mut self, events: Vec<Event>) {
        for event in events {
            if let Event::Cue { cue, at, .. } = event {
                self.last_cue = Some((cue, at));
            }
            let sounds = self.player().map_or_else(Vec::new, |player| {
                sounds_for(
                    &event,
                    &player.routine,
                    player.session.plan(),
                    self.prefs.cue_style.voice(),
                )
            });
            self.outbox.push(Effect::Play(Cued { event, sounds }));
        }
    }
}
