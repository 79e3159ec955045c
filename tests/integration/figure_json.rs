//! `limberup exercises ID --json [--at TIME]` (issue 25, point 6): the figure as data, so a tester can
//! check a figure without reading braille.

use serde_json::Value;

use crate::common::cli::limberup_built_in as limberup;

fn data(args: &[&str]) -> Value {
    let output = limberup(args);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn y(figure: &Value, point: &str) -> f64 {
    figure["points"][point]["y"].as_f64().expect(point)
}

#[test]
fn the_figure_at_a_moment_as_points_in_body_heights() {
    let plank = data(&["exercises", "plank", "--json", "--at", "1"]);
    assert_eq!(plank["id"], "plank");
    assert_eq!(plank["name"], "Forearm plank");
    let figure = &plank["figure"];
    assert_eq!(figure["view"], "side");
    assert_eq!(figure["motion"], "hold");
    assert_eq!(figure["period_s"], 5.0);
    assert_eq!(figure["at_s"], 1.0);
    let mut names = vec!["head".to_owned(), "neck".to_owned(), "pelvis".to_owned()];
    for side in ["left", "right"] {
        for part in [
            "shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "toe",
        ] {
            names.push(format!("{side}_{part}"));
        }
    }
    for name in &names {
        assert!(figure["points"][name]["x"].is_f64(), "{name}: {figure}");
    }
    // A plank rests on the forearms and toes, the floor at y = 0, the head forward (+x).
    for point in ["left_elbow", "right_elbow", "left_toe", "right_toe"] {
        assert!(y(figure, point).abs() < 0.006, "{point}: {figure}");
    }
    assert!(y(figure, "pelvis") > 0.1);
    let x = |p: &str| figure["points"][p]["x"].as_f64().expect(p);
    assert!(x("head") > x("pelvis") && x("pelvis") > x("left_toe"));
    assert_eq!(figure["props"][0]["kind"], "floor");
    assert_eq!(figure["props"][0]["y"], 0.0);
    // Another moment, another pose: a march at half a rep has the other knee up.
    let start = data(&["exercises", "march-in-place", "--json"]);
    let half = data(&["exercises", "march-in-place", "--json", "--at", "1.5"]);
    assert!(y(&start["figure"], "left_knee") > y(&start["figure"], "right_knee") + 0.1);
    assert!(y(&half["figure"], "right_knee") > y(&half["figure"], "left_knee") + 0.1);
}

/// The figure's first prop of `kind`.
fn prop<'v>(data: &'v Value, kind: &str) -> &'v Value {
    data["figure"]["props"]
        .as_array()
        .and_then(|props| props.iter().find(|p| p["kind"] == kind))
        .unwrap_or_else(|| panic!("no {kind}: {data}"))
}

#[test]
fn props_carry_their_geometry() {
    let calves = data(&["exercises", "foam-roll-calves", "--json"]);
    let roller = prop(&calves, "roller");
    let r = roller["r"].as_f64().expect("r");
    assert!((r - 0.043).abs() < 1e-9 && (roller["y"].as_f64().expect("y") - r).abs() < 1e-9);
    assert_eq!(roller["x"], 0.0);
    let row = data(&["exercises", "band-row", "--json"]);
    let anchor = prop(&row, "anchor");
    assert_eq!(anchor["x"], 0.75);
    assert_eq!(anchor["y"], 0.72);
    let calf = data(&["exercises", "calf-stretch", "--json"]);
    let wall = prop(&calf, "wall");
    // The wall stands in front of the body, beyond its hands.
    let wall_x = wall["x"].as_f64().expect("x");
    let hand_x = calf["figure"]["points"]["left_hand"]["x"]
        .as_f64()
        .expect("hand");
    assert!(wall_x > hand_x, "{calf}");
}

#[test]
fn json_with_a_size_is_misuse_and_an_unknown_id_an_error() {
    assert_eq!(
        limberup(&["exercises", "plank", "--json", "--size", "30x8"])
            .status
            .code(),
        Some(2)
    );
    let output = limberup(&["exercises", "plnak", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `plank`?"));
    assert!(output.stdout.is_empty());
}

/// The bird-dog reaches, holds about eight seconds (its 10 s period), then returns; the leg that
/// reaches back is the side's own (left), as its words say.
#[test]
fn a_hold_at_a_key_pose_holds() {
    let at =
        |time: &str| data(&["exercises", "bird-dog", "--json", "--at", time])["figure"].clone();
    let (start, reached, later) = (at("0"), at("2"), at("8.5"));
    assert_eq!(start["period_s"], 10.0);
    assert_eq!(reached["points"], later["points"], "held from 2 s to 8.5 s");
    assert_ne!(start["points"], reached["points"]);
    let toe_x =
        |f: &Value, side: &str| f["points"][format!("{side}_toe")]["x"].as_f64().expect("x");
    // Reaching back, the left foot is far behind the right knee's foot.
    assert!(
        toe_x(&reached, "left") < toe_x(&reached, "right") - 0.2,
        "{reached}"
    );
    assert_eq!(
        reached["contacts"],
        serde_json::json!(["left_wrist", "right_knee"])
    );
}

/// The props added for issue 25 (point 4) as data: the broomstick's two ends, the step's top and
/// edges, the chair's place, each with the lines drawn for it.
#[test]
fn stick_step_and_chair_carry_their_geometry() {
    let hinge = data(&["exercises", "hip-hinge", "--json"]);
    let stick = prop(&hinge, "stick");
    let (from, to) = (&stick["from"], &stick["to"]);
    // Upright: from below the pelvis to above the head, behind the body (-x).
    assert!(
        from["y"].as_f64().expect("y") < y(&hinge["figure"], "pelvis"),
        "{stick}"
    );
    assert!(
        to["y"].as_f64().expect("y") > y(&hinge["figure"], "head"),
        "{stick}"
    );
    let pelvis_x = hinge["figure"]["points"]["pelvis"]["x"]
        .as_f64()
        .expect("x");
    assert!(from["x"].as_f64().expect("x") < pelvis_x, "{stick}");

    let stretch = data(&["exercises", "hamstring-stretch", "--json"]);
    let step = prop(&stretch, "step");
    let top = step["top"].as_f64().expect("top");
    // The front heel rests on the step, within it.
    assert!(
        (top - y(&stretch["figure"], "left_heel")).abs() < 0.01,
        "{stretch}"
    );
    let heel_x = stretch["figure"]["points"]["left_heel"]["x"]
        .as_f64()
        .expect("x");
    assert!(step["left"].as_f64().expect("left") < heel_x, "{step}");
    assert!(step["right"].as_f64().expect("right") > heel_x, "{step}");
    assert!(step["lines"].is_array(), "{step}");

    let split = data(&["exercises", "split-squat", "--json"]);
    assert_eq!(prop(&split, "chair")["place"], "beside");
}

/// Neck and shoulder-blade drills are drawn cropped to the head and shoulders; the rest whole.
#[test]
fn neck_and_shoulder_blade_drills_are_cropped_to_the_head_and_shoulders() {
    for id in ["chin-tucks", "scapular-retraction", "shoulder-rolls"] {
        let figure = &data(&["exercises", id, "--json"])["figure"];
        assert_eq!(figure["crop"], "head-and-shoulders", "{id}");
    }
    assert_eq!(
        data(&["exercises", "plank", "--json"])["figure"]["crop"],
        "whole"
    );
}
