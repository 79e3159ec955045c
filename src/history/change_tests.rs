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

/// A file system that keeps times of change to the second (or two) gives a write soon after the
/// reader opened the same time of change; a small write leaves the length as it was; a writer
/// that closes takes its log away. The reader still sees that write: while the time of change it
/// saw is that recent, it compares the bytes too.
#[test]
fn a_write_that_leaves_the_length_and_time_of_change_as_they_were_is_seen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(HISTORY_FILE);
    let mut first = Store::open(dir.path(), &Calendar::utc()).expect("creates");
    first
        .save_session(&crate::history::rows::fixtures::session("easy-walk"))
        .expect("saved");
    drop(first);
    let mut reader = Store::open_read_only(dir.path(), &Calendar::utc())
        .expect("opens")
        .expect("exists");
    let metadata = std::fs::metadata(&path).expect("metadata");
    let (len, modified) = (metadata.len(), metadata.modified().expect("time of change"));

    let mut writer = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    writer
        .save_session(&crate::history::rows::fixtures::session("easy-walk"))
        .expect("saved");
    drop(writer);
    // The time of change as a coarse file system would have kept it.
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_modified(modified))
        .expect("time of change set back");
    assert_eq!(std::fs::metadata(&path).expect("metadata").len(), len);
    assert!(!path.with_file_name(format!("{HISTORY_FILE}-wal")).exists());

    assert!(
        reader.follow_writers().expect("follows"),
        "the write is seen"
    );
    assert_eq!(reader.sessions().expect("read").len(), 2);
}

/// A time of change old enough to tell writes apart is trusted alone: the bytes are not read
/// again, and a write shows by its new time of change.
#[test]
fn an_old_time_of_change_is_trusted_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(HISTORY_FILE);
    drop(Store::open(dir.path(), &Calendar::utc()).expect("creates"));
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3_600);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_modified(an_hour_ago))
        .expect("time of change set back");
    let stamp = follow::FileStamp::of(&path);
    assert!(!stamp.reads_bytes(), "an old time of change is enough");

    let mut reader = Store::open_read_only(dir.path(), &Calendar::utc())
        .expect("opens")
        .expect("exists");
    assert!(
        !reader.follow_writers().expect("follows"),
        "nothing changed"
    );
    let mut writer = Store::open(dir.path(), &Calendar::utc()).expect("opens");
    writer
        .save_session(&crate::history::rows::fixtures::session("easy-walk"))
        .expect("saved");
    drop(writer);
    assert!(
        reader.follow_writers().expect("follows"),
        "the write is seen"
    );
    assert_eq!(reader.sessions().expect("read").len(), 1);
}
