//! The body: its joints and their ranges, adult bone lengths, and forward kinematics in a view's plane.
//!
//! Angles are degrees in the plane of the view. Directions are measured clockwise from straight up, so a
//! side-view figure faces right (+x) when every angle is 0: standing, arms hanging, feet forward.

use std::ops::RangeInclusive;

use super::View;
pub use super::geometry::{Point, length};
pub use super::torso::SpineBend;
use super::torso::{self, Trunk};

/// A joint a pose can set. An angle a pose leaves out is 0 (standing, arms hanging).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Joint {
    /// The line from the hips to the shoulders, from upright: 90 leans it forward to horizontal.
    Trunk,
    /// Bend between the lower and upper back: forward (rounding) in side view, sideways in front view.
    Spine,
    Neck,
    LeftShoulder,
    LeftElbow,
    LeftWrist,
    LeftHip,
    LeftKnee,
    LeftAnkle,
    RightShoulder,
    RightElbow,
    RightWrist,
    RightHip,
    RightKnee,
    RightAnkle,
    /// The shoulder girdle lifted toward the ear (a shrug), in degrees of the collarbone's turn.
    LeftShoulderLift,
    /// The shoulder girdle drawn back (the shoulder blade toward the spine); negative rounds it forward.
    LeftShoulderBack,
    RightShoulderLift,
    RightShoulderBack,
    /// The whole arm turned out of the view's plane toward the viewer (negative: away), which draws
    /// it shorter: arms reaching forward at shoulder height, seen from the front.
    LeftArmTowardViewer,
    LeftLegTowardViewer,
    RightArmTowardViewer,
    RightLegTowardViewer,
}

pub const JOINT_COUNT: usize = 23;

impl Joint {
    pub const ALL: [Joint; JOINT_COUNT] = [
        Joint::Trunk,
        Joint::Spine,
        Joint::Neck,
        Joint::LeftShoulder,
        Joint::LeftElbow,
        Joint::LeftWrist,
        Joint::LeftHip,
        Joint::LeftKnee,
        Joint::LeftAnkle,
        Joint::RightShoulder,
        Joint::RightElbow,
        Joint::RightWrist,
        Joint::RightHip,
        Joint::RightKnee,
        Joint::RightAnkle,
        Joint::LeftShoulderLift,
        Joint::LeftShoulderBack,
        Joint::RightShoulderLift,
        Joint::RightShoulderBack,
        Joint::LeftArmTowardViewer,
        Joint::LeftLegTowardViewer,
        Joint::RightArmTowardViewer,
        Joint::RightLegTowardViewer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Joint::Trunk => "trunk",
            Joint::Spine => "spine",
            Joint::Neck => "neck",
            Joint::LeftShoulder => "left_shoulder",
            Joint::LeftElbow => "left_elbow",
            Joint::LeftWrist => "left_wrist",
            Joint::LeftHip => "left_hip",
            Joint::LeftKnee => "left_knee",
            Joint::LeftAnkle => "left_ankle",
            Joint::RightShoulder => "right_shoulder",
            Joint::RightElbow => "right_elbow",
            Joint::RightWrist => "right_wrist",
            Joint::RightHip => "right_hip",
            Joint::RightKnee => "right_knee",
            Joint::RightAnkle => "right_ankle",
            Joint::LeftShoulderLift => "left_shoulder_lift",
            Joint::LeftShoulderBack => "left_shoulder_back",
            Joint::RightShoulderLift => "right_shoulder_lift",
            Joint::RightShoulderBack => "right_shoulder_back",
            Joint::LeftArmTowardViewer => "left_arm_toward_viewer",
            Joint::LeftLegTowardViewer => "left_leg_toward_viewer",
            Joint::RightArmTowardViewer => "right_arm_toward_viewer",
            Joint::RightLegTowardViewer => "right_leg_toward_viewer",
        }
    }

    pub fn from_name(name: &str) -> Option<Joint> {
        Joint::ALL.into_iter().find(|joint| joint.name() == name)
    }

    /// What the joint can do, in degrees; the loader refuses anything outside (no knee bends backwards).
    /// Shoulders reach -90 so an arm can cross the chest in front view; hips and shoulders are otherwise
    /// limited to what a supple adult reaches. Deep flexion is normal: a knee bent fully puts the heel
    /// at the buttock and a hip bent fully brings the thigh to the chest (170 on this body, whose bones
    /// have no flesh around them to stop them sooner), as in child's pose or hugging a knee.
    pub fn range(self) -> RangeInclusive<i32> {
        match self {
            Joint::Trunk => -180..=180,
            Joint::Spine => -45..=60,
            Joint::Neck => -60..=70,
            Joint::LeftShoulder | Joint::RightShoulder => -90..=180,
            Joint::LeftElbow | Joint::RightElbow => 0..=150,
            // A wrist bends a quarter turn either way; a limb turns at most to point straight at
            // the viewer, or straight away.
            Joint::LeftWrist
            | Joint::RightWrist
            | Joint::LeftArmTowardViewer
            | Joint::RightArmTowardViewer
            | Joint::LeftLegTowardViewer
            | Joint::RightLegTowardViewer => -90..=90,
            Joint::LeftHip | Joint::RightHip => -45..=170,
            Joint::LeftKnee | Joint::RightKnee => 0..=170,
            Joint::LeftAnkle | Joint::RightAnkle => -60..=40,
            // A shrug lifts the collarbone about 40 degrees; the shoulder blade slides back about 25
            // and forward (rounding the shoulders) about 30.
            Joint::LeftShoulderLift | Joint::RightShoulderLift => -10..=40,
            Joint::LeftShoulderBack | Joint::RightShoulderBack => -30..=25,
        }
    }

    /// Whether the joint can go all the way round, so that between two key poses it turns the shorter
    /// way: an arm circles about the shoulder (over the top from overhead to behind) and the body can
    /// roll over. Hinges and hips cannot, and always take the way through their range.
    pub fn turns_round(self) -> bool {
        matches!(
            self,
            Joint::Trunk | Joint::LeftShoulder | Joint::RightShoulder
        )
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Every joint's angle in degrees, indexed by [`Joint::index`].
pub type Angles = [f64; JOINT_COUNT];

/// One arm and one leg.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Limbs {
    pub shoulder: Point,
    pub elbow: Point,
    pub wrist: Point,
    pub fingers: Point,
    pub hip: Point,
    pub knee: Point,
    pub ankle: Point,
    pub toes: Point,
}

/// Where every part of the body is, the pelvis at the origin before the scene places it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[must_use]
pub struct Skeleton {
    pub pelvis: Point,
    pub mid_back: Point,
    pub neck_base: Point,
    pub skull_base: Point,
    pub head: Point,
    pub left: Limbs,
    pub right: Limbs,
}

/// A bone, for props that sit under one (a foam roller under the calf).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bone {
    LowerTrunk,
    UpperTrunk,
    LeftUpperArm,
    LeftThigh,
    LeftShin,
    RightUpperArm,
    RightThigh,
    RightShin,
}

impl Bone {
    pub const ALL: [(&'static str, Bone); 8] = [
        ("lower_trunk", Bone::LowerTrunk),
        ("upper_trunk", Bone::UpperTrunk),
        ("left_upper_arm", Bone::LeftUpperArm),
        ("left_thigh", Bone::LeftThigh),
        ("left_shin", Bone::LeftShin),
        ("right_upper_arm", Bone::RightUpperArm),
        ("right_thigh", Bone::RightThigh),
        ("right_shin", Bone::RightShin),
    ];
}

impl Skeleton {
    /// Poses the body: forward kinematics from the pelvis out to the head, hands and feet.
    pub fn pose(view: View, angles: &Angles) -> Skeleton {
        Skeleton::pose_with(view, angles, SpineBend::AboutMiddle)
    }

    /// Poses the body with its spine bending as `bend` says.
    pub fn pose_with(view: View, angles: &Angles, bend: SpineBend) -> Skeleton {
        let angle = |joint: Joint| angles[joint.index()];
        let trunk = Trunk::pose(
            view,
            angle(Joint::Trunk),
            angle(Joint::Spine),
            angle(Joint::Neck),
            bend,
        );
        let (neck_base, upper, lower) = (trunk.neck_base, trunk.upper, trunk.lower);
        let pelvis = Point::default();
        let frontal = view != View::Side;
        let hip_half = if frontal { length::HIP_HALF } else { 0.0 };
        // Facing the viewer, the figure's left is on the viewer's right, and each limb turns away
        // from the middle; in profile both sides turn the same way, forward.
        let (left_sign, right_sign) = if frontal { (-1.0, 1.0) } else { (-1.0, -1.0) };
        let girdles = |towards: f64, [lift, back]: [f64; 2]| Girdle {
            shoulder: torso::shoulder_point(view, neck_base, upper, towards, [lift, back]),
            hip: pelvis.toward(lower + towards, hip_half),
            upper,
            lower,
            foot_scale: match view {
                View::Side => 1.0,
                View::Front | View::Top => 0.4,
                View::End => 0.0,
            },
            end_on: view == View::End,
        };
        let left = limbs(
            &girdles(
                90.0,
                [
                    angle(Joint::LeftShoulderLift),
                    angle(Joint::LeftShoulderBack),
                ],
            ),
            left_sign,
            [
                angle(Joint::LeftShoulder),
                angle(Joint::LeftElbow),
                angle(Joint::LeftWrist),
                angle(Joint::LeftHip),
                angle(Joint::LeftKnee),
                angle(Joint::LeftAnkle),
                angle(Joint::LeftArmTowardViewer),
                angle(Joint::LeftLegTowardViewer),
            ],
        );
        let right = limbs(
            &girdles(
                -90.0,
                [
                    angle(Joint::RightShoulderLift),
                    angle(Joint::RightShoulderBack),
                ],
            ),
            right_sign,
            [
                angle(Joint::RightShoulder),
                angle(Joint::RightElbow),
                angle(Joint::RightWrist),
                angle(Joint::RightHip),
                angle(Joint::RightKnee),
                angle(Joint::RightAnkle),
                angle(Joint::RightArmTowardViewer),
                angle(Joint::RightLegTowardViewer),
            ],
        );
        Skeleton {
            pelvis,
            mid_back: trunk.mid_back,
            neck_base,
            skull_base: trunk.skull_base,
            head: trunk.head,
            left,
            right,
        }
    }

    /// Both ends of a bone.
    pub fn bone(&self, bone: Bone) -> (Point, Point) {
        match bone {
            Bone::LowerTrunk => (self.pelvis, self.mid_back),
            Bone::UpperTrunk => (self.mid_back, self.neck_base),
            Bone::LeftUpperArm => (self.left.shoulder, self.left.elbow),
            Bone::LeftThigh => (self.left.hip, self.left.knee),
            Bone::LeftShin => (self.left.knee, self.left.ankle),
            Bone::RightUpperArm => (self.right.shoulder, self.right.elbow),
            Bone::RightThigh => (self.right.hip, self.right.knee),
            Bone::RightShin => (self.right.knee, self.right.ankle),
        }
    }

    /// The lines a stick figure is drawn with (the head is a circle around `head`).
    pub fn segments(&self) -> Vec<(Point, Point)> {
        let mut lines = self.trunk_segments();
        lines.extend(self.limb_segments(&self.left));
        lines.extend(self.limb_segments(&self.right));
        lines
    }

    /// The spine and neck.
    pub fn trunk_segments(&self) -> Vec<(Point, Point)> {
        let mut lines = vec![
            (self.pelvis, self.mid_back),
            (self.mid_back, self.neck_base),
            (self.neck_base, self.skull_base),
        ];
        lines.retain(|(a, b)| a != b);
        lines
    }

    /// One side's arm and leg, from the neck's base and the pelvis out.
    pub fn limb_segments(&self, side: &Limbs) -> Vec<(Point, Point)> {
        let mut lines = vec![
            (self.neck_base, side.shoulder),
            (side.shoulder, side.elbow),
            (side.elbow, side.wrist),
            (side.wrist, side.fingers),
            (self.pelvis, side.hip),
            (side.hip, side.knee),
            (side.knee, side.ankle),
            (side.ankle, side.toes),
        ];
        lines.retain(|(a, b)| a != b);
        lines
    }

    /// Every point of the body, for grounding and bounds.
    pub fn points(&self) -> Vec<Point> {
        let mut points = vec![self.pelvis, self.mid_back, self.neck_base, self.skull_base];
        for side in [&self.left, &self.right] {
            points.extend([
                side.shoulder,
                side.elbow,
                side.wrist,
                side.fingers,
                side.hip,
                side.knee,
                side.ankle,
                side.toes,
            ]);
        }
        points
    }

    /// The same body moved by (dx, dy).
    pub fn shifted(&self, dx: f64, dy: f64) -> Skeleton {
        let mut moved = *self;
        moved.for_each_point(|p| *p = p.shifted(dx, dy));
        moved
    }

    /// The same body turned `degrees` anticlockwise about `pivot`, as a body tips onto its supports.
    pub fn rotated(&self, pivot: Point, degrees: f64) -> Skeleton {
        let (sin, cos) = degrees.to_radians().sin_cos();
        let mut turned = *self;
        turned.for_each_point(|p| {
            let (dx, dy) = (p.x - pivot.x, p.y - pivot.y);
            *p = Point::new(pivot.x + dx * cos - dy * sin, pivot.y + dx * sin + dy * cos);
        });
        turned
    }

    fn for_each_point(&mut self, mut f: impl FnMut(&mut Point)) {
        for p in [
            &mut self.pelvis,
            &mut self.mid_back,
            &mut self.neck_base,
            &mut self.skull_base,
            &mut self.head,
        ] {
            f(p);
        }
        for side in [&mut self.left, &mut self.right] {
            for p in [
                &mut side.shoulder,
                &mut side.elbow,
                &mut side.wrist,
                &mut side.fingers,
                &mut side.hip,
                &mut side.knee,
                &mut side.ankle,
                &mut side.toes,
            ] {
                f(p);
            }
        }
    }
}

struct Girdle {
    shoulder: Point,
    hip: Point,
    upper: f64,
    lower: f64,
    foot_scale: f64,
    /// Seen along the spine (the end view), a knee bends the shin toward or away from the viewer, so
    /// the shin shortens instead of turning.
    end_on: bool,
}

/// One side's arm and leg. `sign` is -1 for a limb whose flexion turns it anticlockwise on screen (both
/// sides in profile, the left seen from the front) and +1 for its mirror image (the right from the front).
fn limbs(
    girdle: &Girdle,
    sign: f64,
    [
        shoulder,
        elbow,
        wrist,
        hip,
        knee,
        ankle,
        arm_toward,
        leg_toward,
    ]: [f64; 8],
) -> Limbs {
    let arm = girdle.upper + 180.0 + sign * shoulder;
    let forearm = arm + sign * elbow;
    let hand = forearm + sign * wrist;
    let thigh = girdle.lower + 180.0 + sign * hip;
    // A limb turned toward (or away from) the viewer is seen at a slant: every bone of it shortens
    // by the cosine of the turn, to a dot when it points straight at the viewer.
    let (arm_scale, leg_scale) = (arm_toward.to_radians().cos(), leg_toward.to_radians().cos());
    // A knee bends the other way from an elbow: the shin swings back.
    let (shin, shin_length) = if girdle.end_on {
        (thigh, length::SHIN * knee.to_radians().cos())
    } else {
        (thigh - sign * knee, length::SHIN)
    };
    let foot = shin + sign * (90.0 + ankle);
    let elbow_point = girdle.shoulder.toward(arm, length::UPPER_ARM * arm_scale);
    let wrist_point = elbow_point.toward(forearm, length::FOREARM * arm_scale);
    let knee_point = girdle.hip.toward(thigh, length::THIGH * leg_scale);
    let ankle_point = knee_point.toward(shin, shin_length * leg_scale);
    Limbs {
        shoulder: girdle.shoulder,
        elbow: elbow_point,
        wrist: wrist_point,
        fingers: wrist_point.toward(hand, length::HAND * arm_scale),
        hip: girdle.hip,
        knee: knee_point,
        ankle: ankle_point,
        toes: ankle_point.toward(foot, length::FOOT * girdle.foot_scale * leg_scale),
    }
}
