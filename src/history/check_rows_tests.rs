//! Checks read back typed: the words parsed once, and a word this limberup does not know kept.

use super::*;
use crate::calendar::{Calendar, UtcTime};
use crate::triage::{Answers, Area, Level};
use crate::words::Word;

#[test]
fn a_checks_unknown_words_are_kept_counted_and_left_out_of_the_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    let answers = Answers {
        pain: 3,
        areas: vec![Area::Hips],
        ..Answers::default()
    };
    let at = UtcTime(20_000 * 86_400);
    let record = CheckRecord::take(answers, None, at, &Calendar::utc(), &[]);
    store.save_check(&record).expect("saved");
    // As a newer limberup would write it: an area and a level this one does not know.
    store
        .connection
        .execute(
            "UPDATE checks SET areas = '[\"hips\",\"knees\"]', level = 'orange'",
            [],
        )
        .expect("edited");

    let checks = store.checks().expect("read");
    assert_eq!(
        checks[0].areas,
        vec![Word::Known(Area::Hips), Word::Unknown("knees".to_owned())]
    );
    assert_eq!(checks[0].level, Word::<Level>::Unknown("orange".to_owned()));
    assert_eq!(checks[0].area_words(), vec!["hips", "knees"]);
    assert_eq!(checks[0].unknown_words(), 2);
    assert_eq!(
        store.past_checks().expect("read")[0].areas,
        vec![Area::Hips]
    );
}

/// The fired rules are read back as the table's rules, as a check just taken lists them; an id
/// this limberup does not know is kept as written.
#[test]
fn a_checks_rules_are_read_back_typed_and_an_unknown_id_is_kept() {
    use crate::triage::{RULES, RuleId};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    let answers = Answers {
        pain: 7,
        areas: vec![Area::LowerBack],
        ..Answers::default()
    };
    let record = CheckRecord::take(answers, None, UtcTime(0), &Calendar::utc(), &[]);
    store.save_check(&record).expect("saved");
    let read = store.checks().expect("read");
    assert_eq!(read[0].rules, CheckRow::of(&record).rules);
    assert!(!read[0].rules.is_empty(), "pain 7 fires a rule");

    let first = RULES[0].id;
    store
        .connection
        .execute(
            "UPDATE checks SET rules = ?1",
            [format!("[\"{first}\",\"Z99\"]")],
        )
        .expect("edited");
    let checks = store.checks().expect("read");
    assert_eq!(
        checks[0].rules,
        vec![
            Word::Known(RuleId::of(&RULES[0])),
            Word::Unknown("Z99".to_owned())
        ]
    );
    assert_eq!(checks[0].rule_words(), vec![first, "Z99"]);
}
