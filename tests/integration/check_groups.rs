//! The pain check's screens, version 3, pinned with insta: the three group screens at 80x24 and
//! 120x40 (nothing marked, some marked, a not-sure), scrolling at 40x12, the follow-ups, the profile
//! asked on the first check and re-confirmed after 180 days (the app's clock, not a sleep), and the
//! results of the cases that led to version 3.

use crate::common::{NOW, Shot};
use limberup::app::HistoryView;
use limberup::calendar::Calendar;
use limberup::history::UtcTime;
use limberup::triage::Symptom;
use limberup::triage::profile::{AgeGiven, Dated, Profile, Reply};

/// From the library: `c` opens the check, pain 6, upper back. One key a second or more, as a
/// runner reading each screen would.
pub(crate) const TO_THE_SIGNS: &str = "c@1,6@2,enter@3,3@4,enter@5";

/// A profile answered ten days before the app's clock: nothing is asked about it.
pub(crate) fn known_profile() -> Profile {
    profile_answered(UtcTime(NOW.0 - 10 * 86_400))
}

fn profile_answered(at: UtcTime) -> Profile {
    let mut profile = Profile::default();
    for fact in Symptom::PROFILE {
        profile.facts.insert(
            fact,
            Dated {
                value: Reply::No,
                answered_at: at,
            },
        );
    }
    profile.facts.insert(
        Symptom::BackHistory,
        Dated {
            value: Reply::Yes,
            answered_at: at,
        },
    );
    profile.age = Some(Dated {
        value: AgeGiven::Age(58),
        answered_at: at,
    });
    profile
}

/// The history the screens start from: empty but for a profile answered ten days ago.
fn with_profile() -> HistoryView {
    let mut history = HistoryView::starting_at(NOW, Calendar::utc());
    history.set_profile(known_profile());
    history
}

pub(crate) fn screen(keys: &str, at: &str, size: (u16, u16)) -> String {
    Shot::new()
        .size(size.0, size.1)
        .history(with_profile())
        .keys(keys)
        .at(at)
}

/// A group screen three ways: nothing marked, some lines marked yes, one not sure.
fn group_states(to_group: &str, shown_at: f64, size: (u16, u16)) -> String {
    let t = |dt: f64| format!("{}", shown_at + dt);
    let marked = format!("{to_group},1@{},3@{}", t(1.5), t(2.0));
    let unsure = format!("{marked},3@{}", t(2.5));
    [
        screen(to_group, &t(0.0), size),
        screen(&marked, &t(2.0), size),
        screen(&unsure, &t(2.5), size),
    ]
    .join("\n--- next ---\n")
}

#[test]
fn group_emergency_80x24() {
    insta::assert_snapshot!(group_states(TO_THE_SIGNS, 5.0, (80, 24)));
}

#[test]
fn group_emergency_120x40() {
    insta::assert_snapshot!(group_states(TO_THE_SIGNS, 5.0, (120, 40)));
}

const TO_URGENT: &str = "c@1,6@2,enter@3,3@4,enter@5,n@6.5";

#[test]
fn group_urgent_80x24() {
    insta::assert_snapshot!(group_states(TO_URGENT, 6.5, (80, 24)));
}

#[test]
fn group_urgent_120x40() {
    insta::assert_snapshot!(group_states(TO_URGENT, 6.5, (120, 40)));
}

const TO_OTHER: &str = "c@1,6@2,enter@3,3@4,enter@5,n@6.5,n@8";

#[test]
fn group_other_80x24() {
    insta::assert_snapshot!(group_states(TO_OTHER, 8.0, (80, 24)));
}

#[test]
fn group_other_120x40() {
    insta::assert_snapshot!(group_states(TO_OTHER, 8.0, (120, 40)));
}

/// At 40x12 the emergency group scrolls: enter and n are not offered until its end was shown.
#[test]
fn group_at_40x12_scrolls_and_waits_for_its_end() {
    let top = screen(&format!("{TO_THE_SIGNS},n@7"), "7", (40, 12));
    insta::assert_snapshot!(top);
    assert!(top.contains("There is more below"), "{top}");
    // Forty lines down, a tenth of a second apart (scrolling answers nothing, so needs no wait).
    let down: Vec<String> = (0..40)
        .map(|i| format!("j@{:.1}", 6.0 + f64::from(i) / 10.0))
        .collect();
    let scrolled_keys = format!("{TO_THE_SIGNS},{}", down.join(","));
    let scrolled = screen(&scrolled_keys, "10", (40, 12));
    insta::assert_snapshot!(scrolled);
    let footer = scrolled.lines().last().expect("a footer");
    assert!(footer.contains("n none of these"), "{scrolled}");
    let after = screen(&format!("{scrolled_keys},n@11"), "11", (40, 12));
    assert!(after.contains("Signs that need"), "{after}");
}

#[test]
fn question_esc_goes_back_and_keeps_the_marks() {
    // "Not sure" to the first emergency line, confirmed, then esc: the group again, marked.
    insta::assert_snapshot!(screen(
        &format!("{TO_THE_SIGNS},1@6.5,1@7,enter@8,esc@9.5"),
        "9.5",
        (80, 24)
    ));
}

#[test]
fn question_the_fall_follow_up() {
    insta::assert_snapshot!(screen(&format!("{TO_URGENT},9@8,enter@9"), "9", (80, 24)));
}

#[test]
fn question_days_trend_and_onset() {
    let keys = format!("{TO_OTHER},n@9.5,5@11,enter@11.5,w@13");
    let shots = [
        screen(&keys, "9.5", (80, 24)),
        screen(&keys, "11.5", (80, 24)),
        screen(&keys, "13", (80, 24)),
    ];
    insta::assert_snapshot!(shots.join("\n--- next ---\n"));
}

#[test]
fn result_after_every_screen() {
    // Fever (U1, urgent) with pain spreading (R2), 5 days getting worse (R5), pain 6 (S1), and
    // the profile's back history at pain 6 (R8); onset during the run.
    let keys = format!("{TO_URGENT},1@8,enter@9,2@10.5,enter@11.5,5@13,enter@13.5,w@15,d@16.5");
    let text = screen(&keys, "16.5", (80, 40));
    insta::assert_snapshot!(text);
    assert!(text.contains("URGENT"), "{text}");
    assert!(text.contains("age 58; cancer history: no"), "{text}");
}

/// Typing 1 then 0 is 10, and it waits for enter: the areas question comes next.
#[test]
fn pain_1_0_then_enter_is_ten() {
    insta::assert_snapshot!(screen("c@1,1@2,0@2.5", "2.5", (80, 24)));
    insta::assert_snapshot!(screen("c@1,1@2,0@2.5,enter@3", "3", (80, 24)));
}

/// Nothing marked after pain 10: severe pain alone is a professional's look (R7), never "you are
/// fine".
#[test]
fn pain_10_with_nothing_marked_is_a_review() {
    let keys = "c@1,1@2,0@2.5,enter@3,3@4,enter@5,n@6.5,n@8,n@9.5,0@11,enter@11.5,s@13,a@14.5";
    let text = screen(keys, "14.5", (80, 24));
    insta::assert_snapshot!(text);
    assert!(text.contains("REVIEW · see a physio or doctor"), "{text}");
    assert!(text.contains("(R7)"), "{text}");
}

#[test]
fn pain_zero_asks_the_emergency_and_urgent_signs_then_shows_the_result() {
    let keys = "c@1,0@2,enter@3,n@4.5,n@6";
    assert!(screen(keys, "3", (80, 24)).contains("Warning signs first"));
    assert!(screen(keys, "4.5", (80, 24)).contains("Signs that need a doctor"));
    let result = screen(keys, "6", (80, 24));
    assert!(result.contains("OK · normal post-run soreness"), "{result}");
}

#[test]
fn enter_on_a_group_with_nothing_marked_does_nothing_but_point_at_n() {
    insta::assert_snapshot!(screen(
        &format!("{TO_THE_SIGNS},enter@6.5,enter@7.5"),
        "7.5",
        (80, 24)
    ));
}

#[test]
fn a_pasted_nnnnnnnn_answers_one_screen() {
    let text = screen(
        &format!("{TO_THE_SIGNS},n@6.5,n@6.5,n@6.5,n@6.5,n@6.5,n@6.5,n@6.5,n@6.5"),
        "6.5",
        (80, 24),
    );
    insta::assert_snapshot!(text);
    assert!(text.contains("Signs that need a doctor"), "{text}");
}

#[test]
fn an_emergency_sign_ends_the_questions() {
    insta::assert_snapshot!(screen(
        &format!("{TO_THE_SIGNS},4@6.5,enter@7.5"),
        "7.5",
        (80, 24)
    ));
}

/// The first check asks the profile once, at the end; a later check in the same session does not.
#[test]
fn the_profile_is_asked_on_the_first_check_only() {
    let keys = "c@1,0@2,enter@3,n@4.5,n@6,6@7.5,7@7.6,enter@8,2@9.5,enter@10.5,esc@11,c@12,0@13,enter@14,n@15.5,n@17";
    let shot = |at: &str| Shot::new().keys(keys).at(at);
    let age = shot("7.6");
    let facts = shot("9.5");
    insta::assert_snapshot!(format!("{age}\n--- next ---\n{facts}"));
    let first = shot("10.5");
    assert!(first.contains("OK · normal post-run soreness"), "{first}");
    assert!(first.contains("bone risk: yes"), "{first}");
    let second = shot("17");
    assert!(second.contains("OK · normal post-run soreness"), "{second}");
    assert!(second.contains("age 67"), "{second}");
}

/// After 180 days one screen asks whether the profile is still right: y keeps it, c asks again.
#[test]
fn after_180_days_the_profile_is_reconfirmed_on_one_screen() {
    let old = |days: i64| {
        let mut history = HistoryView::starting_at(NOW, Calendar::utc());
        history.set_profile(profile_answered(UtcTime(NOW.0 - days * 86_400)));
        history
    };
    let keys = "c@1,0@2,enter@3,n@4.5,n@6,y@7.5";
    let at = |history: HistoryView, at: &str| Shot::new().history(history).keys(keys).at(at);
    let asked = at(old(181), "6");
    insta::assert_snapshot!(asked);
    assert!(asked.contains("Is this still right?"), "{asked}");
    assert!(at(old(181), "7.5").contains("OK · normal"));
    // A day short of 180 days it is not asked yet.
    assert!(at(old(179), "6").contains("OK · normal"));
    let changed = Shot::new()
        .history(old(200))
        .keys("c@1,0@2,enter@3,n@4.5,n@6,c@7.5")
        .at("7.5");
    assert!(changed.contains("How old are you?"), "{changed}");
}

/// The issue's cases, as the runner sees them.
fn issue_case(name: &str, size: (u16, u16)) -> String {
    Shot::new()
        .size(size.0, size.1)
        .keys("c@1")
        .answers(&format!("tests/fixtures/answers/{name}.toml"))
        .at("1")
}

#[test]
fn result_cancer_history_with_sore_calves_is_not_urgent() {
    let text = issue_case("cancer-history-sore-calves", (80, 24));
    insta::assert_snapshot!(text);
    assert!(text.contains("OK · normal post-run soreness"), "{text}");
}

#[test]
fn result_fever_with_aching_legs_is_self_care_without_running() {
    let text = issue_case("fever-aching-legs", (80, 40));
    insta::assert_snapshot!(text);
    assert!(text.contains("SELF-CARE"), "{text}");
    assert!(text.contains("(S3)"), "{text}");
}

#[test]
fn result_osteoporosis_with_sudden_mid_back_pain_is_urgent() {
    let text = issue_case("osteoporosis-sudden-mid-back", (80, 24));
    insta::assert_snapshot!(text);
    assert!(text.contains("URGENT"), "{text}");
    assert!(text.contains("(U11)"), "{text}");
    assert!(!text.contains("Routines that may help"), "{text}");
}

#[test]
fn result_minor_trip_on_steroids_is_urgent_not_an_emergency() {
    let text = issue_case("minor-trip-on-steroids", (120, 40));
    insta::assert_snapshot!(text);
    assert!(text.contains("URGENT"), "{text}");
    assert!(text.contains("(U10)"), "{text}");
}

#[test]
fn result_not_sure_about_chest_tightness_says_now_and_15_minutes() {
    let text = issue_case("unsure-chest-tightness", (80, 24));
    insta::assert_snapshot!(text);
    assert!(text.contains("Call a medical helpline now"), "{text}");
    assert!(text.contains("15 minutes"), "{text}");
}
