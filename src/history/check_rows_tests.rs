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
