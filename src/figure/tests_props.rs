//! Unit tests of the props: where each is drawn from the body.

use super::body::Joint;
use super::props::BODY_HALF_DEPTH;
use super::tests::key;
use super::*;

fn standing(view: View, props: Vec<Prop>) -> Figure {
    Figure {
        view,
        motion: Motion::Cycle,
        props,
        poses: vec![key(0.0, &[])],
        period_ms: None,
        crop: Crop::Whole,
    }
}

fn lines(shapes: &[Shape]) -> Vec<(Point, Point)> {
    shapes
        .iter()
        .filter_map(|s| match *s {
            Shape::Line(a, b) => Some((a, b)),
            _ => None,
        })
        .collect()
}

fn props_of<'a>(figure: &'a Figure, phase: f64) -> Vec<Shape> {
    figure
        .props_at(phase)
        .into_iter()
        .flat_map(|(_, shapes): (&'a Prop, Vec<Shape>)| shapes)
        .collect()
}

#[test]
fn a_stick_lies_along_the_back_from_below_the_tailbone_to_above_the_head() {
    let upright = standing(View::Side, vec![Prop::Floor, Prop::Stick]);
    let body = upright.body_at(0.0);
    let shapes = upright.props_at(0.0)[1].1.clone();
    let [(bottom, top)] = lines(&shapes)[..] else {
        panic!("one line: {shapes:?}");
    };
    // Behind the back, touching the back of the head.
    assert!((bottom.x - (body.pelvis.x - BODY_HALF_DEPTH)).abs() < 1e-9);
    assert!((top.x - bottom.x).abs() < 1e-9);
    assert!(bottom.y < body.pelvis.y && top.y > body.head.y);
    // Hinged forward, the stick leans with the trunk and stays behind it (up and back).
    let hinged = Figure {
        poses: vec![key(
            0.0,
            &[
                (Joint::Trunk, 60.0),
                (Joint::LeftHip, 60.0),
                (Joint::RightHip, 60.0),
            ],
        )],
        ..upright
    };
    let body = hinged.body_at(0.0);
    let [(bottom, top)] = lines(&hinged.props_at(0.0)[1].1)[..] else {
        panic!("one line");
    };
    assert!(top.x > bottom.x, "it leans forward with the trunk");
    let (dx, dy) = (
        body.neck_base.x - body.pelvis.x,
        body.neck_base.y - body.pelvis.y,
    );
    // The cross product's sign: the stick is on the back's side of the trunk line.
    let cross = dx * (bottom.y - body.pelvis.y) - dy * (bottom.x - body.pelvis.x);
    assert!(cross > 0.0, "behind the back");
}

#[test]
fn a_wall_behind_touches_the_outline_of_the_back_and_the_head() {
    let figure = standing(
        View::Side,
        vec![Prop::Floor, Prop::Wall { side: Facing::Back }],
    );
    let body = figure.body_at(0.0);
    let [(a, _)] = lines(&figure.props_at(0.0)[1].1)[..] else {
        panic!("one line");
    };
    let back_of_head = body.head.x - body::length::HEAD_RADIUS;
    let buttocks = body.pelvis.x - BODY_HALF_DEPTH;
    assert!(
        (a.x - back_of_head.min(buttocks)).abs() < 0.01,
        "{} {back_of_head}",
        a.x
    );
}

#[test]
fn seen_from_the_front_a_wall_is_a_panel_around_the_body() {
    let figure = Figure {
        poses: vec![key(
            0.0,
            &[(Joint::LeftShoulder, 170.0), (Joint::RightShoulder, 170.0)],
        )],
        ..standing(
            View::Front,
            vec![Prop::Floor, Prop::Wall { side: Facing::Back }],
        )
    };
    let body = figure.body_at(0.0);
    let panel = lines(&figure.props_at(0.0)[1].1);
    assert_eq!(panel.len(), 3, "two edges and a top: {panel:?}");
    let top = panel[1].0.y;
    assert!(
        top > body.left.fingers.y.max(body.right.fingers.y),
        "above the hands"
    );
    assert!(panel[0].0.x < body.left.fingers.x.min(body.right.fingers.x));
    assert!(panel[2].0.x > body.left.fingers.x.max(body.right.fingers.x));
}

#[test]
fn a_step_sits_under_the_raised_heel_and_on_the_floor() {
    // The hamstring stretch: the left leg forward, its heel up on a step.
    let figure = Figure {
        poses: vec![KeyPose {
            contacts: vec![Landmark::Right(Part::Heel), Landmark::Right(Part::Toe)],
            ..key(0.0, &[(Joint::LeftHip, 45.0), (Joint::LeftAnkle, 30.0)])
        }],
        ..standing(View::Side, vec![Prop::Floor, Prop::Step])
    };
    let body = figure.body_at(0.0);
    let heel = Landmark::Left(Part::Heel).on(&body);
    let step = lines(&figure.props_at(0.0)[1].1);
    let bottom = step.iter().map(|(a, _)| a.y).fold(f64::INFINITY, f64::min);
    let top = step
        .iter()
        .map(|(a, _)| a.y)
        .fold(f64::NEG_INFINITY, f64::max);
    assert!(bottom.abs() < 1e-9, "on the floor");
    assert!(
        (top - heel.y).abs() < 0.01,
        "the heel rests on it: {top} {}",
        heel.y
    );
    let left = step.iter().map(|(a, _)| a.x).fold(f64::INFINITY, f64::min);
    assert!(left < heel.x);
}

#[test]
fn a_chair_beside_stays_put_on_the_floor_while_the_body_moves() {
    let figure = Figure {
        poses: vec![
            key(0.0, &[]),
            key(
                0.5,
                &[
                    (Joint::LeftHip, 90.0),
                    (Joint::LeftKnee, 90.0),
                    (Joint::RightKnee, 90.0),
                ],
            ),
        ],
        ..standing(View::Side, vec![Prop::Floor, Prop::Chair { beside: true }])
    };
    let at_start = props_of(&figure, 0.0);
    let at_bottom = props_of(&figure, 0.5);
    assert_eq!(at_start, at_bottom);
    let chair = lines(&figure.props_at(0.0)[1].1);
    assert!(
        chair
            .iter()
            .any(|(a, b)| a.y.abs() < 1e-9 || b.y.abs() < 1e-9),
        "legs on the floor"
    );
}

#[test]
fn a_band_anchor_is_drawn_as_a_knot_on_a_post() {
    let anchor = Point::new(0.7, 0.7);
    let figure = standing(
        View::Side,
        vec![
            Prop::Floor,
            Prop::Band {
                anchor: Some(anchor),
            },
        ],
    );
    let band = &figure.props_at(0.0)[1].1;
    assert!(
        band.contains(&Shape::Circle(anchor, super::props::ANCHOR_KNOT)),
        "{band:?}"
    );
    assert!(
        lines(band)
            .iter()
            .any(|(a, b)| (a.x - anchor.x).abs() < 1e-9 && a.y.abs() < 1e-9 && b.y > anchor.y),
        "a post from the floor past the knot: {band:?}"
    );
}

#[test]
fn cropped_to_the_head_and_shoulders_the_head_is_drawn_larger_and_the_floor_not_at_all() {
    let whole = Figure {
        poses: vec![key(0.0, &[]), key(0.5, &[(Joint::Neck, -6.0)])],
        ..standing(View::Side, vec![Prop::Floor])
    };
    let cropped = Figure {
        crop: Crop::HeadAndShoulders,
        ..whole.clone()
    };
    let rows_with_ink = |text: &str| text.lines().filter(|l| !l.trim().is_empty()).count();
    let (whole_text, cropped_text) = (
        render_text(&whole, 0.5, false, 40, 20),
        render_text(&cropped, 0.5, false, 40, 20),
    );
    // The floor is the whole drawing's bottom line; cropped, it is out of the frame.
    assert!(
        whole_text
            .lines()
            .any(|l| l.chars().filter(|&c| c == '⠤').count() > 30)
    );
    assert!(
        !cropped_text
            .lines()
            .any(|l| l.chars().filter(|&c| c == '⠤').count() > 30),
        "{cropped_text}"
    );
    // The head's circle: about a tenth of the whole body's height, a third of the cropped drawing's.
    assert!(rows_with_ink(&cropped_text) >= 15, "{cropped_text}");
    let head_rows = |text: &str| {
        // The head is the topmost ink, up to the first row of only the neck's line (and the far
        // arm's, drawn just behind it).
        text.lines()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| l.trim().chars().count() > 2)
            .count()
    };
    assert!(
        2 * head_rows(&cropped_text) > 3 * head_rows(&whole_text),
        "{whole_text}\n{cropped_text}"
    );
}
