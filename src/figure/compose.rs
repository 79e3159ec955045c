//! The scene at a moment of the movement: the body placed on what it rests on, split into near and
//! far limbs in the side view, with the nose, the start pose's ghost and the props around it.

use super::body::{Limbs, Skeleton, length};
use super::props::prop_shapes;
use super::scene::{Scene, Shape, placed};
use super::{Figure, Motion, Point, View};

/// Poses and places the body at `phase`, then the props around it; no ghost (see [`ghost`]).
pub(super) fn build(figure: &Figure, phase: f64) -> Scene {
    let skeleton = placed(figure, phase);
    let lines = |segments: Vec<(Point, Point)>| -> Vec<Shape> {
        segments
            .into_iter()
            .map(|(a, b)| Shape::Line(a, b))
            .collect()
    };
    let (mut body, far) = if figure.view == View::Side {
        let mut near = lines(skeleton.trunk_segments());
        near.extend(lines(skeleton.limb_segments(&skeleton.left)));
        let far_side = behind(&skeleton.right);
        (near, lines(skeleton.limb_segments(&far_side)))
    } else {
        (lines(skeleton.segments()), Vec::new())
    };
    body.push(Shape::Circle(skeleton.head, length::HEAD_RADIUS));
    if figure.view == View::Side {
        body.push(nose(&skeleton));
    }
    let mut props = Vec::new();
    for prop in &figure.props {
        props.extend(prop_shapes(figure, prop, &skeleton, phase));
    }
    Scene {
        body,
        far,
        props,
        ghost: Vec::new(),
    }
}

/// The first key pose's body, placed as the scene places it, for a movement through several poses.
pub(super) fn ghost(figure: &Figure) -> Vec<Shape> {
    let start = match figure.poses.as_slice() {
        [first, _, ..] if figure.motion == Motion::Cycle => first.at,
        _ => return Vec::new(),
    };
    let skeleton = placed(figure, start);
    let mut shapes: Vec<Shape> = skeleton
        .segments()
        .into_iter()
        .map(|(a, b)| Shape::Line(a, b))
        .collect();
    shapes.push(Shape::Circle(skeleton.head, length::HEAD_RADIUS));
    shapes
}

/// How far the nose sticks out of the head, in body heights.
const NOSE: f64 = 0.025;

/// A tick on the face, square to the neck on the side the body faces: which way the head looks and
/// whether it nods or slides back (a chin tuck) reads at a glance.
fn nose(skeleton: &Skeleton) -> Shape {
    let (dx, dy) = (
        skeleton.head.x - skeleton.skull_base.x,
        skeleton.head.y - skeleton.skull_base.y,
    );
    let along = dx.hypot(dy).max(f64::EPSILON);
    // The neck turned a quarter clockwise: forward (+x) for an upright head.
    let (forward_x, forward_y) = (dy / along, -dx / along);
    let on = |distance: f64| {
        skeleton
            .head
            .shifted(forward_x * distance, forward_y * distance)
    };
    Shape::Line(on(length::HEAD_RADIUS), on(length::HEAD_RADIUS + NOSE))
}

/// How far behind the near side the far arm and leg are drawn in profile, in body heights (about
/// 3 cm): a body standing with its arms hanging would otherwise be drawn as one line, the far limbs
/// hidden behind the near ones and both behind the trunk. Only the drawing moves; the body's points
/// (what rests where, and `--json`) stay where they are.
pub(super) const FAR_SIDE_BEHIND: f64 = 0.018;

/// The far side's arm and leg moved back by [`FAR_SIDE_BEHIND`], still joined to the neck and pelvis.
pub(super) fn behind(far: &Limbs) -> Limbs {
    let mut moved = *far;
    for point in [
        &mut moved.shoulder,
        &mut moved.elbow,
        &mut moved.wrist,
        &mut moved.fingers,
        &mut moved.hip,
        &mut moved.knee,
        &mut moved.ankle,
        &mut moved.toes,
    ] {
        *point = point.shifted(-FAR_SIDE_BEHIND, 0.0);
    }
    moved
}
