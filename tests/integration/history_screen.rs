//! The history screen: read again when it opens and when the file changes (another limberup wrote
//! to it), nothing cut at 60×20, and no line drawn across days without a check.

use std::collections::VecDeque;

use limberup::app::HistoryView;
use limberup::app::Record;
use limberup::app::records::{HistorySink, Loaded};
use limberup::calendar::{Calendar, UtcTime};
use limberup::history::{CheckRow, HistoryError};
use limberup::routine::Library;
use limberup::runtime::headless::{SnapshotRequest, capture, capture_saving};
use limberup::words::Word;

/// Tuesday 10 March 2026, 00:00 UTC.
const TODAY: i64 = 20_522;

fn check(day: i64, pain: u8, areas: &[&str]) -> CheckRow {
    CheckRow {
        taken_at: UtcTime(day * 86_400 + 8 * 3_600),
        pain,
        areas: areas.iter().map(|a| Word::read(a)).collect(),
        level: Word::read("self-care"),
        rules: Vec::new(),
    }
}

fn request(width: u16, height: u16, checks: Vec<CheckRow>) -> SnapshotRequest {
    let mut request = SnapshotRequest::new(width, height);
    request.history =
        HistoryView::starting_at(UtcTime(TODAY * 86_400 + 12 * 3_600), Calendar::utc());
    request.history.set_checks(checks);
    request.keys = limberup::cli::snapshot::script::parse_script("h@1").expect("keys");
    request.at = vec![1_500];
    request
}

/// Answers each read with the next of its histories (`None`: the file did not change).
struct Changing(VecDeque<Option<Loaded>>, usize);

impl HistorySink for Changing {
    fn save(&mut self, _record: &Record) -> Result<(), HistoryError> {
        Ok(())
    }

    fn reload(&mut self) -> Option<Result<Loaded, HistoryError>> {
        self.1 += 1;
        self.0.pop_front().flatten().map(Ok)
    }
}

#[test]
fn the_history_is_read_again_when_the_screen_opens() {
    let mut request = request(80, 24, Vec::new());
    request.at = vec![1_500];
    let written_elsewhere = (Vec::new(), vec![check(TODAY, 3, &["neck"])], Vec::new());
    let mut sink = Changing(VecDeque::from([Some(written_elsewhere)]), 0);
    let screens = capture_saving(
        Library::load(None).expect("library"),
        None,
        &request,
        &mut limberup::audio::Silent,
        &mut sink,
    )
    .expect("runs");
    let screen = screens[0].1.join("\n");
    assert!(screen.contains("pain 3/10 in the neck"), "{screen}");
}

#[test]
fn the_history_is_read_again_when_the_file_changes() {
    let mut request = request(80, 24, Vec::new());
    request.at = vec![1_500, 4_500];
    let written_elsewhere = (Vec::new(), vec![check(TODAY, 4, &["hips"])], Vec::new());
    // Unchanged when the screen opens; changed by the next look.
    let mut sink = Changing(VecDeque::from([None, Some(written_elsewhere)]), 0);
    let screens = capture_saving(
        Library::load(None).expect("library"),
        None,
        &request,
        &mut limberup::audio::Silent,
        &mut sink,
    )
    .expect("runs");
    let before = screens[0].1.join("\n");
    assert!(!before.contains("pain 4/10"), "{before}");
    let after = screens[1].1.join("\n");
    assert!(after.contains("pain 4/10 in the hips"), "{after}");
    assert!(sink.1 >= 2, "read again while on screen");
}

#[test]
fn nothing_is_cut_at_60_by_20() {
    let request = request(
        60,
        20,
        vec![check(TODAY - 1, 3, &["upper-back", "lower-back"])],
    );
    let screens = capture(
        Library::load(None).expect("library"),
        None,
        &request,
        &mut limberup::audio::Silent,
    )
    .expect("runs");
    let screen = screens[0].1.join("\n");
    // The latest check's box, its lines joined: every word is there, none cut.
    let boxed: Vec<&str> = screens[0].1[2..6]
        .iter()
        .filter_map(|line| line.split('│').nth(1))
        .map(str::trim)
        .collect();
    let said = boxed.join(" ");
    assert!(
        said.contains("2026-03-09: pain 3/10 in the upper back, lower back"),
        "{screen}"
    );
    assert!(said.starts_with("SELF-CARE"), "{screen}");
}

fn braille(screen: &str) -> usize {
    screen
        .chars()
        .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
        .count()
}

#[test]
fn the_pain_line_breaks_at_days_without_a_check() {
    let apart = request(
        120,
        40,
        vec![check(TODAY - 20, 8, &["neck"]), check(TODAY, 1, &["neck"])],
    );
    let library = Library::load(None).expect("library");
    let screen = capture(library.clone(), None, &apart, &mut limberup::audio::Silent)
        .expect("runs")[0]
        .1
        .join("\n");
    // Two lone points, not a line from 8 down to 1 across twenty days.
    assert!(braille(&screen) <= 4, "{screen}");
    let together = request(
        120,
        40,
        vec![check(TODAY - 1, 8, &["neck"]), check(TODAY, 1, &["neck"])],
    );
    let screen = capture(library, None, &together, &mut limberup::audio::Silent).expect("runs")[0]
        .1
        .join("\n");
    // Checks on consecutive days are joined.
    assert!(braille(&screen) > 4, "{screen}");
}
