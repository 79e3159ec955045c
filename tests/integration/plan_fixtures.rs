//! Valid fixtures whose timelines were worked out by hand from the routine format.

use std::process::Command;

use serde_json::Value;

fn plan_json(routine: &str) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["plan", routine, "--json"])
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("plan --json prints JSON")
}

/// (kind, start, duration, step, set, side, round) of every segment.
type Row<'a> = (
    &'a str,
    f64,
    Option<f64>,
    Option<u64>,
    Option<u64>,
    Option<&'a str>,
    Option<u64>,
);

fn rows(plan: &Value) -> Vec<Row<'_>> {
    plan["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().expect("kind"),
                s["start_s"].as_f64().expect("start"),
                s["duration_s"].as_f64(),
                s["step"].as_u64(),
                s["set"].as_u64(),
                s["side"].as_str(),
                s["round"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn sides_sets_and_rounds_expand_as_worked_by_hand() {
    let plan = plan_json("tests/fixtures/valid/sides-sets-rounds.toml");
    assert_eq!(plan["id"], "sides-sets-rounds");
    assert_eq!(plan["total_s"], 297.0);
    assert_eq!(plan["estimated"], false);
    let (l, r) = (Some("left"), Some("right"));
    let expected: Vec<Row<'_>> = vec![
        ("prepare", 0.0, Some(5.0), None, None, None, None),
        ("exercise", 5.0, Some(20.0), Some(1), Some(1), l, Some(1)),
        ("switch", 25.0, Some(5.0), Some(1), Some(1), None, Some(1)),
        ("exercise", 30.0, Some(20.0), Some(1), Some(1), r, Some(1)),
        (
            "set-rest",
            50.0,
            Some(10.0),
            Some(1),
            Some(1),
            None,
            Some(1),
        ),
        ("exercise", 60.0, Some(20.0), Some(1), Some(2), l, Some(1)),
        ("switch", 80.0, Some(5.0), Some(1), Some(2), None, Some(1)),
        ("exercise", 85.0, Some(20.0), Some(1), Some(2), r, Some(1)),
        ("rest", 105.0, Some(15.0), Some(1), None, None, Some(1)),
        (
            "exercise",
            120.0,
            Some(16.0),
            Some(2),
            Some(1),
            None,
            Some(1),
        ),
        ("round-rest", 136.0, Some(30.0), None, None, None, Some(1)),
        ("exercise", 166.0, Some(20.0), Some(1), Some(1), l, Some(2)),
        ("switch", 186.0, Some(5.0), Some(1), Some(1), None, Some(2)),
        ("exercise", 191.0, Some(20.0), Some(1), Some(1), r, Some(2)),
        (
            "set-rest",
            211.0,
            Some(10.0),
            Some(1),
            Some(1),
            None,
            Some(2),
        ),
        ("exercise", 221.0, Some(20.0), Some(1), Some(2), l, Some(2)),
        ("switch", 241.0, Some(5.0), Some(1), Some(2), None, Some(2)),
        ("exercise", 246.0, Some(20.0), Some(1), Some(2), r, Some(2)),
        ("rest", 266.0, Some(15.0), Some(1), None, None, Some(2)),
        (
            "exercise",
            281.0,
            Some(16.0),
            Some(2),
            Some(1),
            None,
            Some(2),
        ),
    ];
    assert_eq!(rows(&plan), expected);
    let indexes: Vec<u64> = plan["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["index"].as_u64().expect("index"))
        .collect();
    assert_eq!(indexes, (0..20).collect::<Vec<u64>>());
}

#[test]
fn cues_land_where_the_format_says() {
    let plan = plan_json("tests/fixtures/valid/sides-sets-rounds.toml");
    let cues: Vec<(f64, &str)> = plan["cues"]
        .as_array()
        .expect("cues")
        .iter()
        .map(|c| {
            (
                c["t_s"].as_f64().expect("t"),
                c["cue"].as_str().expect("cue"),
            )
        })
        .collect();
    // Get ready (5 s, countdown 3): ticks at 2, 3, 4. Side plank left (5-25 s): start, halfway at 15,
    // ticks at 22-24. Switch (25-30 s): switch cue, ticks at 27-29 (a tick at 25 would collide with it).
    let first: Vec<(f64, &str)> = vec![
        (2.0, "tick"),
        (3.0, "tick"),
        (4.0, "tick"),
        (5.0, "start"),
        (15.0, "halfway"),
        (22.0, "tick"),
        (23.0, "tick"),
        (24.0, "tick"),
        (25.0, "switch"),
        (27.0, "tick"),
        (28.0, "tick"),
        (29.0, "tick"),
        (30.0, "start"),
    ];
    assert_eq!(&cues[..first.len()], first.as_slice());
    // The tempo step (120-136 s, 8 reps of 2 s, countdown 0): a start, then a `rep` as each of reps
    // 2-8 begins; no halfway (under 20 s), no ticks.
    let band: Vec<&(f64, &str)> = cues
        .iter()
        .filter(|(t, _)| (120.0..136.0).contains(t))
        .collect();
    let mut want = vec![&(120.0, "start")];
    let reps: Vec<(f64, &str)> = (1..8)
        .map(|k| (120.0 + 2.0 * f64::from(k), "rep"))
        .collect();
    want.extend(reps.iter());
    assert_eq!(band, want);
    // The round rest: a rest cue, then ticks at 163-165.
    let round_rest: Vec<&(f64, &str)> = cues
        .iter()
        .filter(|(t, _)| (136.0..166.0).contains(t))
        .collect();
    assert_eq!(
        round_rest,
        vec![
            &(136.0, "rest"),
            &(163.0, "tick"),
            &(164.0, "tick"),
            &(165.0, "tick")
        ]
    );
    assert_eq!(cues.last(), Some(&(297.0, "done")));
    // Count: prepare 3 ticks; 8 plank sides x (start, halfway, 3 ticks) = 40; 4 switches x 4 = 16;
    // 2 set rests x 4 = 8; 2 rests x 4 = 8; 2 band starts and 2 x 7 reps; 1 round rest x 4; done.
    assert_eq!(cues.len(), 3 + 40 + 16 + 8 + 8 + 2 + 14 + 4 + 1);
}

/// A block plays its own rounds, with its own labelled round rest, inside the routine's one round; the
/// step after it follows once.
#[test]
fn a_block_repeats_only_its_own_steps() {
    let plan = plan_json("tests/fixtures/valid/blocks.toml");
    assert_eq!(plan["total_s"], 580.0);
    let one = Some(1);
    let expected: Vec<Row<'_>> = vec![
        ("prepare", 0.0, Some(5.0), None, None, None, None),
        ("exercise", 5.0, Some(300.0), Some(1), one, None, one),
        ("rest", 305.0, Some(10.0), Some(1), None, None, one),
        // Drills, round 1 of 3.
        ("exercise", 315.0, Some(20.0), Some(2), one, None, one),
        ("rest", 335.0, Some(10.0), Some(2), None, None, one),
        ("exercise", 345.0, Some(20.0), Some(3), one, None, one),
        ("round-rest", 365.0, Some(20.0), None, None, None, one),
        // Round 2.
        ("exercise", 385.0, Some(20.0), Some(2), one, None, one),
        ("rest", 405.0, Some(10.0), Some(2), None, None, one),
        ("exercise", 415.0, Some(20.0), Some(3), one, None, one),
        ("round-rest", 435.0, Some(20.0), None, None, None, one),
        // Round 3, then the step's own rest before the walk.
        ("exercise", 455.0, Some(20.0), Some(2), one, None, one),
        ("rest", 475.0, Some(10.0), Some(2), None, None, one),
        ("exercise", 485.0, Some(20.0), Some(3), one, None, one),
        ("rest", 505.0, Some(15.0), Some(3), None, None, one),
        ("exercise", 520.0, Some(60.0), Some(4), one, None, one),
    ];
    assert_eq!(rows(&plan), expected);
    let names: Vec<&str> = plan["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter(|s| s["kind"] == "round-rest")
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, vec!["Walk back", "Walk back"]);
}

#[test]
fn open_ended_steps_are_estimated_at_three_seconds_a_rep() {
    let plan = plan_json("tests/fixtures/valid/open-ended.toml");
    assert_eq!(plan["estimated"], true);
    assert_eq!(plan["total_s"], 130.0);
    let expected: Vec<Row<'_>> = vec![
        ("exercise", 0.0, None, Some(1), Some(1), None, Some(1)),
        ("rest", 30.0, Some(10.0), Some(1), None, None, Some(1)),
        (
            "exercise",
            40.0,
            Some(90.0),
            Some(2),
            Some(1),
            Some("right"),
            Some(1),
        ),
    ];
    assert_eq!(rows(&plan), expected);
}

#[test]
fn a_folders_own_catalog_overrides_the_built_in_one() {
    let plan = plan_json("tests/fixtures/valid/with-catalog/uses-catalog.toml");
    let names: Vec<&str> = plan["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Seated cat-cow", "Towel row", "Open book"]);
    // Seated cat-cow: 6 reps open-ended (18 s estimated); towel row 40 s from the catalog; open book 25 s.
    assert_eq!(plan["total_s"], 83.0);
}

#[test]
fn rests_switches_and_round_rests_carry_the_coach_s_labels() {
    let plan = plan_json("tests/fixtures/valid/labels.toml");
    let names: Vec<(&str, &str)> = plan["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().expect("kind"),
                s["name"].as_str().expect("name"),
            )
        })
        .collect();
    let round = [
        ("exercise", "Hill sprint"),
        ("switch", "Swap roles"),
        ("exercise", "Hill sprint"),
        ("rest", "Walk back down"),
        ("exercise", "Partner push"),
        ("set-rest", "Partner's turn"),
        ("exercise", "Partner push"),
    ];
    let mut expected = round.to_vec();
    expected.push(("round-rest", "Jog back to the start"));
    expected.extend(round);
    assert_eq!(names, expected);
}

#[test]
fn the_player_titles_rests_and_switches_with_the_coach_s_labels() {
    let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args([
            "snapshot",
            "tests/fixtures/valid/labels.toml",
            "--at",
            "20",
            "--at",
            "45",
        ])
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .output()
        .expect("the binary runs");
    let screens = String::from_utf8_lossy(&output.stdout);
    assert!(screens.contains("╔ SWAP ROLES ═"), "{screens}");
    assert!(screens.contains("╭ WALK BACK DOWN ─"), "{screens}");
}
