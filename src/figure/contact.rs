//! The contact check: does every point a pose says rests on the floor (or the roller) rest there, and
//! does nothing sink through the floor? For the built-in figures' test and `validate`'s warnings.

use super::body::Skeleton;
use super::scene::{ROLLER_RADIUS, placed, roller_contact};
use super::{Figure, Prop, View};

/// About 1 cm on a 1.75 m body, in body heights.
pub const CONTACT_TOLERANCE: f64 = 0.006;
/// The moments of the movement the check looks at, besides every key pose.
pub const MOMENTS_CHECKED: u32 = 8;

/// A point that should rest on something and does not, or that sinks through the floor.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactMiss {
    /// The moment of the movement (0..1).
    pub phase: f64,
    /// The key pose at or before that moment (0-based), for pointing at the file.
    pub pose: usize,
    /// The landmark's name, or "roller" for the rolled bone.
    pub point: String,
    /// How far above (+) or below (-) where it should rest, in body heights.
    pub off_by: f64,
}

impl ContactMiss {
    /// "`left_heel` is 30 cm above the floor at 0.5 of the movement", for a 1.75 m runner.
    pub fn describe(&self) -> String {
        let cm = (self.off_by * 175.0).abs().round();
        let place = if self.point == "roller" {
            "the roller"
        } else {
            "the floor"
        };
        let how = if self.off_by > 0.0 { "above" } else { "into" };
        format!(
            "`{}` is {cm} cm {how} {place} at {} of the movement",
            self.point,
            (self.phase * 100.0).round() / 100.0
        )
    }
}

impl Figure {
    /// Every stated contact more than [`CONTACT_TOLERANCE`] from where it rests, and every point of
    /// the body that far below the floor, at each key pose and at [`MOMENTS_CHECKED`] moments.
    /// A figure seen from above (the top view, or any without a floor) has no floor to check.
    pub fn contact_misses(&self) -> Vec<ContactMiss> {
        let on_a_floor = self
            .props
            .iter()
            .any(|p| matches!(p, Prop::Floor | Prop::Roller { .. }));
        if self.view == View::Top || !on_a_floor {
            return Vec::new();
        }
        let mut moments: Vec<f64> = (0..MOMENTS_CHECKED)
            .map(|k| f64::from(k) / f64::from(MOMENTS_CHECKED))
            .chain(self.poses.iter().map(|p| p.at))
            .collect();
        moments.sort_by(f64::total_cmp);
        moments.dedup();
        moments
            .into_iter()
            .flat_map(|phase| self.misses_at(phase))
            .collect()
    }

    fn misses_at(&self, phase: f64) -> Vec<ContactMiss> {
        let body = placed(self, phase);
        let pose = self.poses.iter().rposition(|p| p.at <= phase).unwrap_or(0);
        let miss = |point: String, off_by: f64| ContactMiss {
            phase,
            pose,
            point,
            off_by,
        };
        let mut misses: Vec<ContactMiss> = self
            .contacts_at(phase)
            .into_iter()
            .map(|c| miss(c.name(), c.resting_point(&body).y))
            .collect();
        if let Some(on_roller) = roller_contact(self, &body, phase)
            && !self.contacts_at(phase).is_empty()
        {
            misses.push(miss("roller".to_owned(), on_roller.y - 2.0 * ROLLER_RADIUS));
        }
        misses.extend(sunk(&body).map(|(name, y)| miss(name, y)));
        misses.retain(|m| m.off_by.abs() > CONTACT_TOLERANCE);
        misses
    }
}

/// The landmarks below the floor. The head counts by its centre: the stick body has no thickness, so
/// lying flat its spine is on the floor and the skull's circle, drawn around the spine's line, overlaps it.
fn sunk(body: &Skeleton) -> impl Iterator<Item = (String, f64)> + '_ {
    super::Landmark::all()
        .into_iter()
        .map(|l| (l.name(), l.on(body).y))
        .filter(|(_, y)| *y < -CONTACT_TOLERANCE)
}
