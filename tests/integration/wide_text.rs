//! Wide text: CJK, emoji sequences and combining marks are cut and padded by the columns they take on
//! screen, not by how many characters they hold, and `snapshot` shows what a terminal shows
//! (issue 11, item 5).

use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

const WIDE: &str = "tests/fixtures/wide";

fn limberup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", WIDE)
        .env("LIMBERUP_DATA_DIR", "/nonexistent/limberup-data")
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

/// The screen lines after `--- t=… ---`.
fn screens(text: &str) -> Vec<Vec<&str>> {
    text.split("--- t=")
        .skip(1)
        .map(|screen| screen.lines().skip(1).collect())
        .collect()
}

#[test]
fn snapshot_keeps_no_stale_cells_behind_wide_characters() {
    let path = format!("{WIDE}/up-next.toml");
    let together = stdout(&limberup(&[
        "snapshot", &path, "--at", "0", "--at", "6", "--at", "16",
    ]));
    let alone = stdout(&limberup(&["snapshot", &path, "--at", "16"]));
    let together = screens(&together);
    assert!(
        together[1].contains(&"Up next: 日本語 · 10s"),
        "{together:#?}"
    );
    assert!(together[2].contains(&"Up next: a · 10s"), "{together:#?}");
    assert_eq!(together[2], screens(&alone)[0]);
}

#[test]
fn the_library_cuts_and_pads_names_by_display_width() {
    let text = stdout(&limberup(&["snapshot", "--size", "80x24"]));
    let screen = &screens(&text)[0];
    for line in screen {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
    // Rows of routines inside the box: every one as wide as the box, `after` in one column.
    let rows: Vec<&&str> = screen
        .iter()
        .filter(|l| l.starts_with('│') && l.contains(" after "))
        .collect();
    assert!(rows.len() >= 5, "{screen:#?}");
    let column = |line: &str| {
        let at = line.find(" after ").expect("after");
        line[..at].width()
    };
    for row in &rows {
        assert_eq!(row.width(), 80, "{row}");
        assert_eq!(column(row), column(rows[0]), "{row}\n{}", rows[0]);
    }
    let cjk = rows
        .iter()
        .find(|r| r.contains("太もも"))
        .expect("the CJK name");
    assert!(
        cjk.contains('…'),
        "a name wider than its column is cut: {cjk}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Cafe\u{301} Zu\u{308}rich Cafe\u{301}")),
        "combining marks stay on their letters: {rows:#?}"
    );
    insta::assert_snapshot!(screen.join("\n"));
}

#[test]
fn list_pads_ids_by_display_width() {
    let text = stdout(&limberup(&["list"]));
    let column = |line: &str| {
        let at = line.find("  stretch  ").or_else(|| line.find("  KIND  "));
        at.map(|at| line[..at].width())
    };
    let header = column(text.lines().next().expect("header"));
    for line in text.lines().filter(|l| l.contains("  stretch  ")) {
        assert_eq!(column(line), header, "{line}");
    }
    assert!(text.contains("日本語-id"), "{text}");
}
