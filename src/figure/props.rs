//! What is drawn for each prop, placed from the body: a wall touches the body's outline, a chair sits
//! under the pelvis or in front of the body to hold, a step under the working foot, a broomstick
//! along the back.
//!
//! Units are body heights, the floor at y = 0, as in [`super::scene`].

use super::body::{Point, Skeleton, length};
use super::scene::{ROLLER_RADIUS, Shape, placed, roller_contact};
use super::{Facing, Figure, Landmark, Part, Prop, View};

const MAT_THICKNESS: f64 = 0.012;
const CHAIR_SEAT: f64 = 0.25;
const CHAIR_BACK: f64 = 0.5;
/// Half a chair's depth, seat front to back.
const CHAIR_HALF: f64 = 0.12;
const DESK_HEIGHT: f64 = 0.42;
const DOOR_HEIGHT: f64 = 1.15;
/// Half the body's depth, chest to back, about its stick line (10 cm on a 1.75 m runner): the stick
/// body has no thickness, so a wall or a broomstick against the back stands this far behind the spine.
pub(super) const BODY_HALF_DEPTH: f64 = length::HEAD_RADIUS;
/// A broomstick held along the back reaches from below the tailbone to above the head.
const STICK_BELOW_PELVIS: f64 = 0.1;
const STICK_ABOVE_PELVIS: f64 = 0.58;
/// A step is at least this high and reaches this far past the foot on each side.
const STEP_MIN_HEIGHT: f64 = 0.05;
const STEP_OVERHANG: f64 = 0.06;
/// A band's anchor: a knot this big on a door's edge.
pub(super) const ANCHOR_KNOT: f64 = 0.012;

/// The body's left, right, bottom and top over the key poses, for walls and mats that must not move.
/// In profile the trunk counts with its depth and the head with its outline: a wall behind the body
/// touches the back of the skull and the buttocks instead of cutting through them.
fn key_bounds(figure: &Figure) -> (f64, f64, f64, f64) {
    let mut bounds = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    let depth = if figure.view == View::Side {
        BODY_HALF_DEPTH
    } else {
        0.0
    };
    for key in &figure.poses {
        let skeleton = placed(figure, key.at);
        let mut points = skeleton.points();
        let radius = length::HEAD_RADIUS;
        points.extend([
            skeleton.head.shifted(0.0, radius),
            skeleton.head.shifted(-radius, 0.0),
            skeleton.head.shifted(radius, 0.0),
        ]);
        for trunk in [skeleton.pelvis, skeleton.mid_back, skeleton.neck_base] {
            points.extend([trunk.shifted(-depth, 0.0), trunk.shifted(depth, 0.0)]);
        }
        for p in points {
            bounds.0 = bounds.0.min(p.x);
            bounds.1 = bounds.1.max(p.x);
            bounds.2 = bounds.2.min(p.y);
            bounds.3 = bounds.3.max(p.y);
        }
    }
    bounds
}

fn rectangle(left: f64, bottom: f64, right: f64, top: f64) -> Vec<Shape> {
    let (a, b) = (Point::new(left, bottom), Point::new(right, bottom));
    let (c, d) = (Point::new(right, top), Point::new(left, top));
    vec![
        Shape::Line(a, b),
        Shape::Line(b, c),
        Shape::Line(c, d),
        Shape::Line(d, a),
    ]
}

pub(super) fn prop_shapes(
    figure: &Figure,
    prop: &Prop,
    skeleton: &Skeleton,
    phase: f64,
) -> Vec<Shape> {
    // Without a floor line a body lying down is seen from the ceiling, and its mat from above too.
    let seen_from_above = figure.view == View::Top || !figure.props.contains(&Prop::Floor);
    match *prop {
        Prop::Floor if seen_from_above => Vec::new(),
        Prop::Floor => vec![Shape::Floor(0.0)],
        Prop::Mat => {
            let (left, right, bottom, top) = key_bounds(figure);
            if seen_from_above {
                rectangle(left - 0.05, bottom - 0.05, right + 0.05, top + 0.05)
            } else {
                rectangle(left - 0.05, -MAT_THICKNESS, right + 0.05, 0.0)
            }
        }
        Prop::Roller { .. } => roller_contact(figure, skeleton, phase)
            .map(|_| vec![Shape::Circle(Point::new(0.0, ROLLER_RADIUS), ROLLER_RADIUS)])
            .unwrap_or_default(),
        Prop::Band { anchor: None } => {
            vec![Shape::Line(skeleton.left.wrist, skeleton.right.wrist)]
        }
        Prop::Band {
            anchor: Some(anchor),
        } => band_to(anchor, skeleton),
        Prop::Wall { side } => wall(figure, side),
        Prop::Door => door(figure),
        Prop::Chair { beside: false } => chair(figure.view, skeleton.pelvis),
        Prop::Chair { beside: true } => chair_to_hold(figure),
        Prop::Desk => {
            let (_, right, _, _) = key_bounds(figure);
            let (near, far) = (right - 0.12, right + 0.25);
            vec![
                Shape::Line(Point::new(near, DESK_HEIGHT), Point::new(far, DESK_HEIGHT)),
                Shape::Line(
                    Point::new(far - 0.02, 0.0),
                    Point::new(far - 0.02, DESK_HEIGHT),
                ),
            ]
        }
        Prop::Stick => stick(skeleton),
        Prop::Step => step(figure),
    }
}

/// From each hand to the anchor, and the anchor itself: a knot on the edge of a door (a post from
/// the floor to above the knot), so the band is seen to be tied to something.
fn band_to(anchor: Point, skeleton: &Skeleton) -> Vec<Shape> {
    let post_top = DOOR_HEIGHT.max(anchor.y + 0.1);
    vec![
        Shape::Line(skeleton.left.wrist, anchor),
        Shape::Line(skeleton.right.wrist, anchor),
        Shape::Line(Point::new(anchor.x, 0.0), Point::new(anchor.x, post_top)),
        Shape::Circle(anchor, ANCHOR_KNOT),
    ]
}

/// Seen from the side, a wall is a line touching the body's outline in front or behind. Seen from
/// the front (or above), a wall behind the body is a panel around it: its edges a little wider than
/// the reach of the hands and its top above them, so the arms are seen sliding on it.
fn wall(figure: &Figure, side: Facing) -> Vec<Shape> {
    let (left, right, _, top) = key_bounds(figure);
    if figure.view != View::Side {
        let margin = 0.08;
        let panel_top = DOOR_HEIGHT.max(top + margin);
        let (left, right) = (left - margin, right + margin);
        return vec![
            Shape::Line(Point::new(left, 0.0), Point::new(left, panel_top)),
            Shape::Line(Point::new(left, panel_top), Point::new(right, panel_top)),
            Shape::Line(Point::new(right, panel_top), Point::new(right, 0.0)),
        ];
    }
    let x = match side {
        Facing::Front => right + 0.005,
        Facing::Back => left - 0.005,
    };
    vec![Shape::Line(Point::new(x, 0.0), Point::new(x, DOOR_HEIGHT))]
}

/// Seen from the front, a frame around the body with its posts where the hands reach; from the side,
/// one post in front of the body.
fn door(figure: &Figure) -> Vec<Shape> {
    let (left, right, _, top) = key_bounds(figure);
    let lintel = DOOR_HEIGHT.max(top + 0.08);
    if figure.view == View::Side {
        return vec![Shape::Line(
            Point::new(right + 0.01, 0.0),
            Point::new(right + 0.01, lintel),
        )];
    }
    let (left, right) = (left - 0.01, right + 0.01);
    vec![
        Shape::Line(Point::new(left, 0.0), Point::new(left, lintel)),
        Shape::Line(Point::new(left, lintel), Point::new(right, lintel)),
        Shape::Line(Point::new(right, lintel), Point::new(right, 0.0)),
    ]
}

fn chair(view: View, pelvis: Point) -> Vec<Shape> {
    let seat = (pelvis.y - 0.02).clamp(0.05, CHAIR_SEAT + 0.1);
    let (back, front) = (pelvis.x - CHAIR_HALF, pelvis.x + CHAIR_HALF);
    let mut shapes = vec![
        Shape::Line(Point::new(back, seat), Point::new(front, seat)),
        Shape::Line(Point::new(back, 0.0), Point::new(back, seat)),
        Shape::Line(Point::new(front, 0.0), Point::new(front, seat)),
    ];
    if view == View::Side {
        shapes.push(Shape::Line(
            Point::new(back, seat),
            Point::new(back - 0.03, CHAIR_BACK),
        ));
    }
    shapes
}

/// A chair held for balance, its back to the body: the back's top under the near hand of the first
/// pose, its legs clear of the front foot, the seat away from the body. Beside the body, where it
/// stands in the room, it would hide the legs in a side view, so it is drawn in front. It stays put
/// while the body moves.
fn chair_to_hold(figure: &Figure) -> Vec<Shape> {
    let body = placed(figure, figure.poses.first().map_or(0.0, |p| p.at));
    let toe = Landmark::Left(Part::Toe).on(&body);
    let hand = body.left.fingers;
    let back = hand.x.max(toe.x + 0.03);
    let top = Point::new(hand.x, hand.y.clamp(CHAIR_SEAT + 0.1, CHAIR_BACK + 0.1));
    let front = back + 2.0 * CHAIR_HALF;
    vec![
        Shape::Line(Point::new(back, 0.0), Point::new(back, CHAIR_SEAT)),
        Shape::Line(Point::new(back, CHAIR_SEAT), top),
        Shape::Line(Point::new(back, CHAIR_SEAT), Point::new(front, CHAIR_SEAT)),
        Shape::Line(Point::new(front, 0.0), Point::new(front, CHAIR_SEAT)),
    ]
}

/// A broomstick held along the back: parallel to the line from the pelvis to the neck, as far behind
/// it as the back of the head, from below the tailbone to above the head. Which of the three points
/// (head, upper back, tailbone) leaves it shows at a glance.
fn stick(skeleton: &Skeleton) -> Vec<Shape> {
    let (pelvis, neck) = (skeleton.pelvis, skeleton.neck_base);
    let (dx, dy) = (neck.x - pelvis.x, neck.y - pelvis.y);
    let along = dx.hypot(dy).max(f64::EPSILON);
    let (ux, uy) = (dx / along, dy / along);
    // The trunk's direction turned a quarter anticlockwise: behind the back (-x when upright).
    let (back_x, back_y) = (-uy, ux);
    let on = |distance: f64| {
        pelvis.shifted(
            ux * distance + back_x * BODY_HALF_DEPTH,
            uy * distance + back_y * BODY_HALF_DEPTH,
        )
    };
    vec![Shape::Line(on(-STICK_BELOW_PELVIS), on(STICK_ABOVE_PELVIS))]
}

/// A low step under the working (left) foot, its top where the foot's lowest point is in the first
/// pose (a heel put up on it), reaching a little past heel and toe. It stays put while the body moves.
fn step(figure: &Figure) -> Vec<Shape> {
    let body = placed(figure, figure.poses.first().map_or(0.0, |p| p.at));
    let heel = Landmark::Left(Part::Heel).on(&body);
    let toe = Landmark::Left(Part::Toe).on(&body);
    let top = heel.y.min(toe.y).max(STEP_MIN_HEIGHT);
    let (back, front) = (heel.x.min(toe.x), heel.x.max(toe.x));
    rectangle(back - STEP_OVERHANG, 0.0, front + STEP_OVERHANG, top)
}
