//! The trunk, the head and the shoulder girdle: where the neck, the head and each shoulder are,
//! from the pelvis, before the arms and legs are hung on them.

use super::View;
use super::geometry::{Point, length};

/// Where a bent spine turns from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpineBend {
    /// About the middle of the back: the trunk angle stays the line from the hips to the shoulders.
    AboutMiddle,
    /// About the pelvis: the lower back keeps the trunk's direction (lying on it) and the upper back
    /// bends by the whole angle.
    AboutPelvis,
}

/// The trunk and the head, the pelvis at the origin, and which way the shoulders (`upper`) and the
/// hips (`lower`) are turned.
pub(super) struct Trunk {
    pub(super) mid_back: Point,
    pub(super) neck_base: Point,
    pub(super) skull_base: Point,
    pub(super) head: Point,
    pub(super) upper: f64,
    pub(super) lower: f64,
}

impl Trunk {
    pub(super) fn pose(view: View, trunk: f64, spine: f64, neck: f64, bend: SpineBend) -> Trunk {
        if view == View::End {
            // Seen along the spine, the trunk points at the viewer: all that shows of it is how far
            // the shoulders sit above the hips (its lean, as in the side view), and of the head how far
            // it hangs or lifts. The spine turns the shoulders about it; the hips stay square.
            let rise = |length: f64, direction: f64| length * direction.to_radians().cos();
            let mid_back = Point::new(0.0, rise(length::LOWER_TRUNK, trunk));
            let neck_base = mid_back.shifted(0.0, rise(length::UPPER_TRUNK, trunk));
            let skull_base = neck_base.toward(spine, rise(length::NECK, trunk + neck));
            let head = skull_base.toward(spine, rise(length::HEAD_RADIUS, trunk + neck));
            return Trunk {
                mid_back,
                neck_base,
                skull_base,
                head,
                upper: spine,
                lower: 0.0,
            };
        }
        let (lower, upper) = match bend {
            // Standing or on all fours the spine bends about its middle, so `trunk` stays the line
            // from hips to shoulders.
            SpineBend::AboutMiddle => (trunk - spine / 2.0, trunk + spine / 2.0),
            // Lying with the lower back on the floor, only the upper back lifts (a curl-up).
            SpineBend::AboutPelvis => (trunk, trunk + spine),
        };
        let mid_back = Point::default().toward(lower, length::LOWER_TRUNK);
        let neck_base = mid_back.toward(upper, length::UPPER_TRUNK);
        let head_direction = upper + neck;
        let skull_base = neck_base.toward(head_direction, length::NECK);
        let head = skull_base.toward(head_direction, length::HEAD_RADIUS);
        Trunk {
            mid_back,
            neck_base,
            skull_base,
            head,
            upper,
            lower,
        }
    }
}

/// Where a shoulder is: at the end of its collarbone, `towards` a quarter turn from the upper back's
/// direction `upper`, lifted and drawn back by the girdle's two angles (degrees).
///
/// Seen from the front (or from above) the collarbone lies across the view, so a lift raises the
/// shoulder and drawing it back turns the collarbone away from the viewer, which shortens it. In
/// profile it points at the viewer and is not seen, so the shoulder sits on the spine until the girdle
/// moves it: a lift raises it and drawing it back moves it behind the spine, which is how a shoulder
/// blade squeeze or a shoulder roll shows. Seen along the spine, the lift points it at the viewer and
/// drawing it back raises it toward the ceiling (the back's side).
pub(super) fn shoulder_point(
    view: View,
    neck_base: Point,
    upper: f64,
    towards: f64,
    [lift, back]: [f64; 2],
) -> Point {
    let collarbone = length::SHOULDER_HALF;
    let (lift, back) = (lift.to_radians(), back.to_radians());
    match view {
        View::Side => neck_base
            .toward(upper, collarbone * lift.sin())
            .toward(upper - 90.0, collarbone * back.sin()),
        View::Front | View::Top => neck_base
            .toward(upper + towards, collarbone * lift.cos() * back.cos())
            .toward(upper, collarbone * lift.sin()),
        View::End => neck_base
            .toward(upper + towards, collarbone * lift.cos() * back.cos())
            .toward(upper, collarbone * back.sin()),
    }
}
