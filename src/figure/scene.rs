//! A posed body with its props, placed on the floor: what the widget draws.
//!
//! Units are body heights; the floor is y = 0. The body is set down so its lowest point touches the
//! floor (or, with a foam roller, so the rolled part rests on the roller), which spares coaches from
//! working out heights: they give angles, and gravity does the rest.

use super::body::{Point, Skeleton, length};
use super::{Facing, Figure, Motion, Prop, View};

/// Radius of a foam roller (15 cm across, for a 1.75 m runner).
const ROLLER_RADIUS: f64 = 0.043;
const MAT_THICKNESS: f64 = 0.012;
const CHAIR_SEAT: f64 = 0.25;
const CHAIR_BACK: f64 = 0.5;
const DESK_HEIGHT: f64 = 0.42;
const DOOR_HEIGHT: f64 = 1.15;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Line(Point, Point),
    Circle(Point, f64),
    /// A horizontal line across the whole drawing.
    Floor(f64),
}

impl Shape {
    fn mirrored(self) -> Shape {
        let flip = |p: Point| Point::new(-p.x, p.y);
        match self {
            Shape::Line(a, b) => Shape::Line(flip(a), flip(b)),
            Shape::Circle(c, r) => Shape::Circle(flip(c), r),
            floor @ Shape::Floor(_) => floor,
        }
    }

    /// The points that bound the shape (a floor spans any width, so it adds only its height).
    pub fn extent(&self) -> Vec<Point> {
        match *self {
            Shape::Line(a, b) => vec![a, b],
            Shape::Circle(c, r) => vec![c.shifted(-r, -r), c.shifted(r, r)],
            Shape::Floor(y) => vec![Point::new(0.0, y)],
        }
    }
}

/// The body (drawn bright) and its props (drawn dim).
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Scene {
    pub body: Vec<Shape>,
    pub props: Vec<Shape>,
}

impl Scene {
    /// Left and right swapped: the same exercise on the other side.
    pub fn mirrored(&self) -> Scene {
        Scene {
            body: self.body.iter().map(|s| s.mirrored()).collect(),
            props: self.props.iter().map(|s| s.mirrored()).collect(),
        }
    }
}

/// Poses and places the body at `phase`, then the props around it.
pub fn build(figure: &Figure, phase: f64) -> Scene {
    let skeleton = placed(figure, phase);
    let mut body: Vec<Shape> = skeleton
        .segments()
        .into_iter()
        .map(|(a, b)| Shape::Line(a, b))
        .collect();
    body.push(Shape::Circle(skeleton.head, length::HEAD_RADIUS));
    let mut props = Vec::new();
    for prop in &figure.props {
        props.extend(prop_shapes(figure, prop, &skeleton, phase));
    }
    Scene { body, props }
}

/// The body at `phase`, set down on the floor (or the roller) unless seen from above.
fn placed(figure: &Figure, phase: f64) -> Skeleton {
    let (angles, x) = figure.pose_at(phase);
    let skeleton = Skeleton::pose(figure.view, &angles).shifted(x, 0.0);
    if figure.view == View::Top {
        return skeleton;
    }
    let lowest = skeleton
        .points()
        .iter()
        .map(|p| p.y)
        .fold(skeleton.head.y - length::HEAD_RADIUS, f64::min);
    let mut lift = -lowest;
    let mut slide = 0.0;
    if let Some(contact) = roller_contact(figure, &skeleton, phase) {
        lift = lift.max(2.0 * ROLLER_RADIUS - contact.y);
        // The roller stays put under x = 0 and the body rolls over it.
        slide = -contact.x;
    }
    skeleton.shifted(slide, lift)
}

/// Where the rolled bone touches the roller at `phase`, before the body is set down.
fn roller_contact(figure: &Figure, skeleton: &Skeleton, phase: f64) -> Option<Point> {
    figure.props.iter().find_map(|prop| match *prop {
        Prop::Roller { under, from, to } => {
            let along = if figure.motion == Motion::Roll {
                from + (to - from) * phase
            } else {
                from
            };
            let (start, end) = skeleton.bone(under);
            Some(start.lerp(end, along))
        }
        _ => None,
    })
}

/// The body's left, right, bottom and top over the key poses, for walls and mats that must not move.
fn key_bounds(figure: &Figure) -> (f64, f64, f64, f64) {
    let mut bounds = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for key in &figure.poses {
        let skeleton = placed(figure, key.at);
        let mut points = skeleton.points();
        points.push(skeleton.head.shifted(0.0, length::HEAD_RADIUS));
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

fn prop_shapes(figure: &Figure, prop: &Prop, skeleton: &Skeleton, phase: f64) -> Vec<Shape> {
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
        } => {
            let anchor = Point::new(anchor.x, anchor.y);
            vec![
                Shape::Line(skeleton.left.wrist, anchor),
                Shape::Line(skeleton.right.wrist, anchor),
            ]
        }
        Prop::Wall { side } => {
            let (left, right, _, _) = key_bounds(figure);
            let x = match side {
                Facing::Front => right + 0.01,
                Facing::Back => left - 0.01,
            };
            vec![Shape::Line(Point::new(x, 0.0), Point::new(x, DOOR_HEIGHT))]
        }
        Prop::Door => door(figure),
        Prop::Chair => chair(figure.view, skeleton.pelvis),
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
    }
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
    let (back, front) = (pelvis.x - 0.12, pelvis.x + 0.12);
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
