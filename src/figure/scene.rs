//! A posed body with its props, placed on the floor: what the widget draws.
//!
//! Units are body heights; the floor is y = 0. The body is set down so its lowest point touches the
//! floor (or, with a foam roller, so the rolled part rests on the roller), which spares coaches from
//! working out heights: they give angles, and gravity does the rest.

use super::body::{Bone, Limbs, Point, Skeleton, SpineBend, length};
use super::{Figure, Landmark, Motion, Prop, View};

/// Radius of a foam roller (15 cm across, for a 1.75 m runner).
pub(super) const ROLLER_RADIUS: f64 = 0.043;
/// Supports closer than this along the floor (body heights) do not tip the body.
const MIN_SUPPORT_SPAN: f64 = 0.05;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Line(Point, Point),
    Circle(Point, f64),
    /// A horizontal line across the whole drawing.
    Floor(f64),
}

impl Shape {
    pub(super) fn mirrored(self) -> Shape {
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

/// The body (drawn bright), its far limbs (dimmer) and its props (dimmest).
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Scene {
    pub body: Vec<Shape>,
    /// In the side view, the limbs on the far side of the body (the right ones: the figure is seen
    /// from its working side, the left), so the near arm or leg stands out where the two cross.
    /// Empty in the other views, where neither side is nearer.
    pub far: Vec<Shape>,
    pub props: Vec<Shape>,
    /// The body at the start of a movement (its first key pose), for drawing faintly behind the
    /// moving one: in a still frame, where a hand or a knee came from shows what moves. Empty for
    /// holds and rolls, and for a single pose, which have no start to come from.
    pub ghost: Vec<Shape>,
}

impl Scene {
    /// Left and right swapped: the same exercise on the other side.
    pub fn mirrored(&self) -> Scene {
        let flip = |shapes: &[Shape]| shapes.iter().map(|s| s.mirrored()).collect();
        Scene {
            body: flip(&self.body),
            far: flip(&self.far),
            props: flip(&self.props),
            ghost: flip(&self.ghost),
        }
    }

    /// Everything drawn: the body, near and far, and the props.
    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        self.body.iter().chain(&self.far).chain(&self.props)
    }
}

/// The body at `phase`, set down on what it rests on, unless seen from above.
///
/// With contacts stated, the body is tipped about its supports as a body settles under gravity: the
/// two supports farthest apart along the floor both come to rest (a roller's contact on the roller's
/// top, a floor contact on the floor), and the body is lifted or lowered onto them. Without contacts
/// it rests on its lowest point, or on the roller where that is higher.
pub(super) fn placed(figure: &Figure, phase: f64) -> Skeleton {
    let (angles, x) = figure.pose_at(phase);
    let contacts = figure.contacts_at(phase);
    // Lying on the lower back, the spine bends from the pelvis: the lower back stays on the floor.
    let bend = if figure.view == View::Side
        && contacts
            .iter()
            .any(|c| matches!(c, Landmark::Pelvis | Landmark::MidBack))
    {
        SpineBend::AboutPelvis
    } else {
        SpineBend::AboutMiddle
    };
    let skeleton = Skeleton::pose_with(figure.view, &angles, bend).shifted(x, 0.0);
    if figure.view == View::Top {
        return skeleton;
    }
    let roller = roller_contact(figure, &skeleton, phase);
    if contacts.is_empty() {
        return on_lowest_point(&skeleton, roller);
    }
    let supports = |body: &Skeleton| -> Vec<(Point, f64)> {
        let mut supports: Vec<(Point, f64)> = contacts
            .iter()
            .map(|c| (c.resting_point(body), 0.0))
            .collect();
        if let Some(on_roller) = roller_contact(figure, body, phase) {
            supports.push((on_roller, 2.0 * ROLLER_RADIUS));
        }
        supports
    };
    let tipped = tipped_onto(&skeleton, &supports(&skeleton));
    let settled = supports(&tipped);
    // Every support at or above its rest: the lowest one (relative to where it rests) touches.
    let lift = settled
        .iter()
        .map(|(point, rest)| rest - point.y)
        .fold(f64::NEG_INFINITY, f64::max);
    let slide = roller.map_or(0.0, |_| {
        roller_contact(figure, &tipped, phase).map_or(0.0, |p| -p.x)
    });
    tipped.shifted(slide, lift)
}

/// The body turned about its leftmost support, so that the rightmost
/// support rests at its height too. Supports closer than a hand's width apart along the floor tip
/// nothing (a foot's heel and toe seen from the front).
fn tipped_onto(skeleton: &Skeleton, supports: &[(Point, f64)]) -> Skeleton {
    let by_x = |a: &&(Point, f64), b: &&(Point, f64)| a.0.x.total_cmp(&b.0.x);
    let (Some(left), Some(right)) = (supports.iter().min_by(by_x), supports.iter().max_by(by_x))
    else {
        return *skeleton;
    };
    let (dx, dy) = (right.0.x - left.0.x, right.0.y - left.0.y);
    let span = dx.hypot(dy);
    if dx < MIN_SUPPORT_SPAN || span <= f64::EPSILON {
        return *skeleton;
    }
    // Turn the line between them until the right one sits `rise` above the left one.
    let rise = ((right.1 - left.1) / span).clamp(-1.0, 1.0);
    let turn = rise.asin() - dy.atan2(dx);
    skeleton.rotated(left.0, turn.to_degrees())
}

/// The body set down on its lowest point, or lifted onto the roller where that is higher.
fn on_lowest_point(skeleton: &Skeleton, roller: Option<Point>) -> Skeleton {
    let lowest = skeleton
        .points()
        .iter()
        .map(|p| p.y)
        .fold(skeleton.head.y - length::HEAD_RADIUS, f64::min);
    let mut lift = -lowest;
    let mut slide = 0.0;
    if let Some(contact) = roller {
        lift = lift.max(2.0 * ROLLER_RADIUS - contact.y);
        // The roller stays put under x = 0 and the body rolls over it.
        slide = -contact.x;
    }
    skeleton.shifted(slide, lift)
}

/// Where the rolled bone touches the roller at `phase`, before the body is set down.
pub(super) fn roller_contact(figure: &Figure, skeleton: &Skeleton, phase: f64) -> Option<Point> {
    figure.props.iter().find_map(|prop| match *prop {
        Prop::Roller { under, from, to } => {
            let along = if figure.motion == Motion::Roll {
                from + (to - from) * phase
            } else {
                from
            };
            let (start, end) = rolled_line(figure.view, skeleton, under);
            Some(start.lerp(end, along))
        }
        _ => None,
    })
}

/// The line along which a roller touches a bone. Seen from the front (or along the spine) a body
/// lying on its side rests on the side of its trunk, from hip to shoulder, not on the spine's line in
/// the middle of it: a roller under the spine would leave the bottom shoulder sunk through the roller.
fn rolled_line(view: View, skeleton: &Skeleton, bone: Bone) -> (Point, Point) {
    let frontal = matches!(view, View::Front | View::End);
    if !frontal || !matches!(bone, Bone::LowerTrunk | Bone::UpperTrunk) {
        return skeleton.bone(bone);
    }
    let side_line = |limbs: &Limbs| (limbs.hip, limbs.shoulder);
    let height = |(hip, shoulder): (Point, Point)| hip.y + shoulder.y;
    let (left, right) = (side_line(&skeleton.left), side_line(&skeleton.right));
    let (hip, shoulder) = if height(left) <= height(right) {
        left
    } else {
        right
    };
    let waist = hip.lerp(shoulder, 0.5);
    if bone == Bone::LowerTrunk {
        (hip, waist)
    } else {
        (waist, shoulder)
    }
}
