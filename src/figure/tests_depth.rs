//! Unit tests of depth (issue 25, point 2): the shoulder girdle, and what turns toward or away from
//! the viewer drawn shorter.

use super::body::{Joint, Skeleton, length};
use super::tests::key;
use super::*;

fn posed(view: View, changes: &[(Joint, f64)]) -> Skeleton {
    Skeleton::pose(view, &key(0.0, changes).angles)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn in_profile_the_girdle_moves_the_shoulder_off_the_spine_back_and_up() {
    let rest = posed(View::Side, &[]);
    assert_eq!(
        rest.left.shoulder, rest.neck_base,
        "at rest it sits on the spine"
    );
    let squeezed = posed(View::Side, &[(Joint::LeftShoulderBack, 25.0)]);
    let back = length::SHOULDER_HALF * 25f64.to_radians().sin();
    assert!(
        close(squeezed.left.shoulder.x, rest.neck_base.x - back),
        "{squeezed:?}"
    );
    assert!(close(squeezed.left.shoulder.y, rest.neck_base.y));
    // The arm hangs from the moved shoulder, so the hand goes back with it.
    assert!(close(squeezed.left.fingers.x, rest.left.fingers.x - back));
    // The other side stays where it was.
    assert_eq!(squeezed.right.shoulder, rest.right.shoulder);
    let shrugged = posed(View::Side, &[(Joint::RightShoulderLift, 30.0)]);
    let up = length::SHOULDER_HALF * 30f64.to_radians().sin();
    assert!(
        close(shrugged.right.shoulder.y, rest.neck_base.y + up),
        "{shrugged:?}"
    );
    assert!(close(shrugged.right.shoulder.x, rest.neck_base.x));
}

#[test]
fn from_the_front_a_shoulder_drawn_back_turns_away_and_is_drawn_narrower() {
    let rest = posed(View::Front, &[]);
    let width = |body: &Skeleton| (body.left.shoulder.x - body.right.shoulder.x).abs();
    assert!(close(width(&rest), 2.0 * length::SHOULDER_HALF));
    let squeezed = posed(
        View::Front,
        &[
            (Joint::LeftShoulderBack, 25.0),
            (Joint::RightShoulderBack, 25.0),
        ],
    );
    let foreshortened = 2.0 * length::SHOULDER_HALF * 25f64.to_radians().cos();
    assert!(close(width(&squeezed), foreshortened), "{squeezed:?}");
    assert!(
        close(squeezed.left.shoulder.y, rest.left.shoulder.y),
        "no higher"
    );
    let shrugged = posed(View::Front, &[(Joint::LeftShoulderLift, 30.0)]);
    assert!(
        shrugged.left.shoulder.y > rest.left.shoulder.y + 0.05,
        "{shrugged:?}"
    );
    assert!(shrugged.right.shoulder == rest.right.shoulder);
}

#[test]
fn a_limb_turned_toward_the_viewer_is_drawn_shorter() {
    let reach_length = |body: &Skeleton| {
        let (a, b) = (body.left.shoulder, body.left.fingers);
        (b.x - a.x).hypot(b.y - a.y)
    };
    let arm = length::UPPER_ARM + length::FOREARM + length::HAND;
    let out_to_the_side = posed(View::Front, &[(Joint::LeftShoulder, 90.0)]);
    assert!(close(reach_length(&out_to_the_side), arm));
    // Turned 60 degrees toward the viewer, half of it shows; pointing at the viewer, none.
    let slanted = posed(
        View::Front,
        &[
            (Joint::LeftShoulder, 90.0),
            (Joint::LeftArmTowardViewer, 60.0),
        ],
    );
    assert!(close(reach_length(&slanted), arm / 2.0), "{slanted:?}");
    let at_the_viewer = posed(
        View::Front,
        &[
            (Joint::LeftShoulder, 90.0),
            (Joint::LeftArmTowardViewer, 90.0),
        ],
    );
    assert!(reach_length(&at_the_viewer) < 1e-9, "{at_the_viewer:?}");
    // The same for a leg, and the other side is untouched.
    let leg = |body: &Skeleton| body.right.hip.y - body.right.ankle.y;
    let standing = posed(View::Front, &[]);
    let lifted_forward = posed(View::Front, &[(Joint::RightLegTowardViewer, 60.0)]);
    assert!(close(leg(&lifted_forward), leg(&standing) / 2.0));
    assert_eq!(lifted_forward.left, standing.left);
}

#[test]
fn standing_in_profile_with_every_joint_at_zero_is_not_one_line() {
    let standing = Figure {
        view: View::Side,
        motion: Motion::Hold,
        props: vec![Prop::Floor],
        poses: vec![key(0.0, &[])],
        period_ms: None,
        crop: Crop::Whole,
    };
    let scene = standing.scene_at(0.0, false);
    let xs: Vec<f64> = scene
        .body
        .iter()
        .chain(&scene.far)
        .filter_map(|shape| match *shape {
            scene::Shape::Line(a, b) if (a.x - b.x).abs() < 1e-9 => Some(a.x),
            _ => None,
        })
        .collect();
    let spread = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        - xs.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(
        spread >= compose::FAR_SIDE_BEHIND - 1e-9,
        "the upright lines all at one x: {xs:?}"
    );
    // The far leg's foot still stands on the floor, drawn behind the near one.
    assert!(scene.far.iter().any(|shape| matches!(
        *shape,
        scene::Shape::Line(a, _) if a.y.abs() < 1e-9 && a.x < 0.0
    )));
    // The body's own points are not moved: the far foot rests where the near one does.
    let body = standing.body_at(0.0);
    assert_eq!(body.left.ankle, body.right.ankle);
}
