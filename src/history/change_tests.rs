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

/// Read-only while nobody wrote, the store makes no files beside the history; it sees a limberup
/// that opens the history later once it follows the writers, and not before.
#[test]
fn a_read_only_store_opened_while_nobody_wrote_follows_a_later_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path(), &Calendar::utc()).expect("creates"));
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("lists")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    };
    let alone = files();
    let mut reader = Store::open_read_only(dir.path(), &Calendar::utc())
        .expect("opens")
        .expect("exists");
    assert_eq!(reader.sessions().expect("read").len(), 0);
    assert!(
        !reader.follow_writers().expect("follows"),
        "nothing changed"
    );
    assert_eq!(files(), alone, "reading made no files");

    let mut writer = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    writer
        .save_session(&crate::history::rows::fixtures::session("easy-walk"))
        .expect("saved");
    assert!(reader.follow_writers().expect("follows"), "a writer came");
    assert_eq!(reader.sessions().expect("read").len(), 1);

    let before = reader.data_version().expect("version");
    writer
        .save_session(&crate::history::rows::fixtures::session("easy-walk"))
        .expect("saved");
    assert!(
        !reader.follow_writers().expect("follows"),
        "read through the log now"
    );
    assert_ne!(reader.data_version().expect("version"), before);
    assert_eq!(reader.sessions().expect("read").len(), 2);
}
