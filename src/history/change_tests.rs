//! The one change signal: `Store::data_version` moves when another connection wrote, not for its
//! own writes or for nothing.

use super::*;
use crate::calendar::Calendar;

#[test]
fn data_version_changes_when_another_limberup_writes_and_only_then() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ours = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    let mut theirs = Store::open(dir.path(), &Calendar::utc()).expect("opens again");
    let before = ours.data_version().expect("version");
    assert_eq!(
        ours.data_version().expect("version"),
        before,
        "nothing written"
    );

    ours.save_profile(&crate::triage::profile::Profile::default())
        .expect("saved");
    assert_eq!(
        ours.data_version().expect("version"),
        before,
        "its own write"
    );

    theirs
        .save_profile(&crate::triage::profile::Profile::default())
        .expect("saved");
    assert_ne!(
        ours.data_version().expect("version"),
        before,
        "another's write"
    );
}

#[test]
fn a_read_only_store_sees_another_limberups_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut writer = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    let reader = Store::open_read_only(dir.path(), &Calendar::utc())
        .expect("opens")
        .expect("exists");
    let before = reader.data_version().expect("version");
    writer
        .save_profile(&crate::triage::profile::Profile::default())
        .expect("saved");
    assert_ne!(reader.data_version().expect("version"), before);
}
