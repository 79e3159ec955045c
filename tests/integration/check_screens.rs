//! The pain check and history screens, pinned with insta: every question, each level's result, and
//! the history with and without data.

use crate::common::Shot;
use limberup::app::HistoryView;
use limberup::app::records::{HistorySink, Record};
use limberup::audio::Silent;
use limberup::calendar::Calendar;
use limberup::history::HistoryError;
use limberup::history::{CheckRow, SessionRow, UtcTime};
use limberup::words::Word;

use crate::check_groups::{TO_THE_SIGNS, known_profile, screen};

#[test]
fn question_pain() {
    insta::assert_snapshot!(screen(TO_THE_SIGNS, "2", (80, 24)));
}

#[test]
fn question_pain_before_anything_is_typed() {
    insta::assert_snapshot!(screen(TO_THE_SIGNS, "1", (80, 24)));
}

#[test]
fn question_areas() {
    insta::assert_snapshot!(screen(TO_THE_SIGNS, "4", (80, 24)));
}

#[test]
fn question_areas_needs_one() {
    insta::assert_snapshot!(screen("c@1,6@2,enter@3,enter@4", "4", (80, 24)));
}

fn result(level: &str, size: (u16, u16)) -> String {
    Shot::new()
        .size(size.0, size.1)
        .keys("c@1")
        .answers(&format!("tests/fixtures/answers/{level}.toml"))
        .at("1")
}

#[test]
fn result_ok() {
    insta::assert_snapshot!(result("ok", (80, 24)));
}

#[test]
fn result_self_care() {
    insta::assert_snapshot!(result("self-care", (80, 24)));
}

#[test]
fn result_review() {
    insta::assert_snapshot!(result("review", (80, 24)));
}

#[test]
fn result_urgent() {
    insta::assert_snapshot!(result("urgent", (80, 24)));
}

/// Saddle numbness at pain 7: the emergency's own advice, pain 7's self-care only "also noted".
#[test]
fn result_emergency() {
    let text = result("emergency", (80, 24));
    insta::assert_snapshot!(text);
    assert!(text.contains("Also noted"), "{text}");
    assert!(!text.contains("2-3 days"), "{text}");
}

/// Enter (or any answering key) on the result leaves it on screen, with a pointer to the keys.
#[test]
fn result_stays_after_enter() {
    let text = Shot::new()
        .keys("c@1,enter@2,enter@2.1,y@2.2,n@2.3")
        .answers("tests/fixtures/answers/self-care.toml")
        .at("2.3");
    insta::assert_snapshot!(text);
    assert!(text.contains("SELF-CARE"), "{text}");
}

/// Saving fails (a full disk): the result is on screen all the same, with a line saying so.
#[test]
fn result_when_saving_fails() {
    struct FullDisk;
    impl HistorySink for FullDisk {
        fn save(&mut self, _record: &Record) -> Result<(), HistoryError> {
            Err(HistoryError::Unavailable(
                "database or disk is full".to_owned(),
            ))
        }
    }
    let text = Shot::new()
        .size(80, 40)
        .keys("c@1")
        .answers("tests/fixtures/answers/emergency.toml")
        .at_saving("1", &mut Silent, &mut FullDisk);
    insta::assert_snapshot!(text);
    assert!(text.contains("Go to an emergency department now"), "{text}");
    assert!(
        text.contains("This result could not be saved: database or disk is full"),
        "{text}"
    );
}

#[test]
fn result_at_40x12() {
    insta::assert_snapshot!(result("self-care", (40, 12)));
}

#[test]
fn result_scrolls_on_small_screens() {
    let top = result("self-care", (40, 12));
    let scrolled = Shot::new()
        .size(40, 12)
        .keys("c@1,j@2,j@2,j@2")
        .answers("tests/fixtures/answers/self-care.toml")
        .at("2");
    assert_ne!(top, scrolled);
    assert!(scrolled.contains("limberup is not a medical device"));
}

#[test]
fn question_at_40x12() {
    insta::assert_snapshot!(screen(TO_THE_SIGNS, "5", (40, 12)));
}

#[test]
fn r_on_a_suggested_routine_starts_it() {
    let text = Shot::new()
        .keys("c@1,down@2,r@3")
        .answers("tests/fixtures/answers/self-care.toml")
        .at("4");
    // The second suggestion for the upper back is the post-run stretch; the player shows its name.
    assert!(text.contains("Post-run upper-back stretch"), "{text}");
    assert!(text.contains("GET READY"), "{text}");
}

#[test]
fn the_check_follows_a_routine_that_asks_for_it() {
    // The fixture routine has when = "after", so enter on the done screen opens the check.
    let text = Shot::new()
        .routine("tests/fixtures/screens/player.toml")
        .keys("enter@200,enter@201")
        .at("201");
    assert!(text.starts_with("Pain check"), "{text}");
}

#[test]
fn answers_given_up_front_answer_the_check_at_the_end() {
    let text = Shot::new()
        .routine("tests/fixtures/screens/player.toml")
        .keys("enter@200")
        .answers("tests/fixtures/answers/review.toml")
        .at("200");
    assert!(text.contains("REVIEW · see a physio or doctor"), "{text}");
}

// 2026-11-24, a Tuesday.
const TODAY: i64 = 20_781;

fn utc_day(day: i64) -> HistoryView {
    HistoryView::starting_at(UtcTime(day), Calendar::utc())
}

fn session(day: i64, finished: bool) -> SessionRow {
    SessionRow {
        routine_id: "pre-run-warm-up".into(),
        routine_hash: "0".into(),
        started_at: UtcTime(day * 86_400 + 7 * 3600),
        ended_at: UtcTime(day * 86_400 + 7 * 3600 + 600),
        finished,
        completed: 10,
        skipped: 0,
        extended: 0,
        pauses: 0,
        paused_ms: 0,
        active_ms: 600_000,
        program: None,
        pain: None,
        morning: None,
    }
}

fn check(day: i64, pain: u8, areas: &[&str], level: &str) -> CheckRow {
    CheckRow {
        taken_at: UtcTime(day * 86_400 + 8 * 3600),
        pain,
        areas: areas.iter().map(|a| Word::read(a)).collect(),
        level: Word::read(level),
        rules: vec![],
    }
}

fn busy_history() -> HistoryView {
    let mut history = utc_day(TODAY * 86_400 + 18 * 3600);
    history.set_sessions(
        [-40, -20, -15, -14, -13, -6, -2, -1, 0]
            .into_iter()
            .map(|d| session(TODAY + d, d != -6))
            .collect(),
    );
    history.set_checks(vec![
        check(TODAY - 20, 6, &["lower-back"], "self-care"),
        check(TODAY - 14, 4, &["lower-back", "hips"], "self-care"),
        check(TODAY - 6, 2, &["lower-back"], "ok"),
        check(TODAY - 1, 5, &["neck"], "review"),
    ]);
    history
}

#[test]
fn history_empty() {
    insta::assert_snapshot!(Shot::new().keys("h@1").at("1"));
}

#[test]
fn history_with_sessions_and_checks() {
    insta::assert_snapshot!(Shot::new().keys("h@1").history(busy_history()).at("1"));
}

#[test]
fn history_at_40x12() {
    insta::assert_snapshot!(
        Shot::new()
            .size(40, 12)
            .keys("h@1")
            .history(busy_history())
            .at("1")
    );
}

#[test]
fn history_rules_see_the_loaded_history() {
    // Lower back at pain >= 4 on two earlier days within 14 days, and now: R10 fires.
    let mut history = busy_history();
    let mut checks = history.checks().to_vec();
    checks.push(check(TODAY - 3, 5, &["lower-back"], "self-care"));
    checks.push(check(TODAY - 5, 4, &["lower-back"], "self-care"));
    history.set_checks(checks);
    history.set_profile(known_profile());
    let text = Shot::new()
        .keys("c@1,5@2,enter@3,5@4,enter@5,n@6.5,n@8,n@9.5,0@11,enter@11.5,s@13,a@14.5")
        .history(history)
        .at("14.5");
    assert!(text.contains("(R10)"), "{text}");
    assert!(text.contains("REVIEW"), "{text}");
}

#[test]
fn a_check_shows_in_the_history_at_once() {
    let text = Shot::new()
        .keys("c@1,esc@2,h@3")
        .answers("tests/fixtures/answers/review.toml")
        .history(utc_day(TODAY * 86_400))
        .at("3");
    assert!(text.contains("REVIEW · see a physio or doctor"), "{text}");
    assert!(
        text.contains("2026-11-24: pain 5/10 in the lower back"),
        "{text}"
    );
}
