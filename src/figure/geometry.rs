//! The measures the body is built with: adult bone lengths and points on the drawing's plane. Below
//! both the trunk ([`super::torso`]) and the limbs ([`super::body`]), which are built from them.

/// Bone lengths as fractions of standing height, after the usual anthropometric tables (Drillis and
/// Contini): the figure reads as an adult, not a cartoon.
pub mod length {
    pub const LOWER_TRUNK: f64 = 0.15;
    pub const UPPER_TRUNK: f64 = 0.15;
    pub const NECK: f64 = 0.05;
    pub const HEAD_RADIUS: f64 = 0.06;
    pub const UPPER_ARM: f64 = 0.186;
    pub const FOREARM: f64 = 0.146;
    pub const HAND: f64 = 0.07;
    pub const THIGH: f64 = 0.245;
    /// Knee to sole: the figure has no heel, so its ankle stands on the floor.
    pub const SHIN: f64 = 0.285;
    pub const FOOT: f64 = 0.11;
    /// Half the width of the shoulders and of the hips, seen only from the front or above.
    pub const SHOULDER_HALF: f64 = 0.11;
    pub const HIP_HALF: f64 = 0.06;
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[must_use]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// The point `length` away in `direction` (degrees clockwise from up).
    pub fn toward(self, direction: f64, length: f64) -> Point {
        let radians = direction.to_radians();
        Point::new(
            self.x + length * radians.sin(),
            self.y + length * radians.cos(),
        )
    }

    pub fn lerp(self, other: Point, t: f64) -> Point {
        Point::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }

    pub fn shifted(self, dx: f64, dy: f64) -> Point {
        Point::new(self.x + dx, self.y + dy)
    }
}
