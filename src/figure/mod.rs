//! Figures: a small stick person that shows an exercise, as data.
//!
//! Pure: no I/O. A [`Figure`] is a view, a motion and a few key poses (joint angles at moments of the
//! movement, 0..1 of one cycle) plus props drawn with it. [`phase_at`] turns the time spent in a step into
//! a moment of the movement, [`Figure::scene_at`] poses the body and places the props at that moment, and
//! [`FigureView`] draws the scene with ratatui's `Canvas`. Coaches write figures in `exercises.toml`
//! ([`read_figure`]).

pub mod body;
mod compose;
mod contact;
mod draw;
mod geometry;
mod landmark;
mod motion;
mod props;
mod read;
mod scene;
mod torso;

pub use body::{Angles, Bone, Joint, Point, Skeleton, SpineBend};
pub use contact::{CONTACT_TOLERANCE, ContactMiss, MOMENTS_CHECKED};
pub use draw::{FigureView, WIDE_RATIO, render_text};
pub use landmark::{Landmark, Part};
pub use motion::{
    FRAME_MS, FRAMES_PER_SECOND, HOLD_BREATH_MS, ROLL_PERIOD_MS, UNTIMED_REP_MS, next_frame_at,
    phase_at,
};
pub use read::{FIGURE_KEYS, MAX_POSES, MAX_PROPS, POSE_KEYS, PROP_KEYS, PROP_NAMES, read_figure};
pub use scene::{Scene, Shape};

/// Where the figure is seen from. `side` shows bending forward and back; `front` shows arms and legs
/// moving out to the sides (and the width of the shoulders and hips); `top` is the front view of a body
/// lying on the floor, seen from the ceiling, with no floor line; `end` looks along the spine from the
/// head, at a body on hands and knees: arms and legs move across the body as in `front`, and the spine
/// turns the shoulders (an arm threading under the chest, or reaching for the ceiling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Side,
    Front,
    Top,
    End,
}

impl View {
    pub const ALL: [(&'static str, View); 4] = [
        ("side", View::Side),
        ("front", View::Front),
        ("top", View::Top),
        ("end", View::End),
    ];
}

/// How much of the body the drawing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Crop {
    /// The whole body, and what it stands or lies on.
    #[default]
    Whole,
    /// The head and shoulders, down to the middle of the back: for neck and shoulder-blade drills,
    /// whose small movements (a chin sliding back, a shoulder blade drawn back) a whole standing
    /// body would draw a few dots across.
    HeadAndShoulders,
}

impl Crop {
    pub const ALL: [(&'static str, Crop); 2] = [
        ("whole", Crop::Whole),
        ("head-and-shoulders", Crop::HeadAndShoulders),
    ];
}

/// How the figure moves while its step plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motion {
    /// One movement through the key poses per rep (at the step's tempo), back to the first pose.
    Cycle,
    /// A held position that breathes: a slow sway between the first and last pose, every 5 s.
    Hold,
    /// Foam rolling: back and forth over the roller, from the first pose to the last and back.
    Roll,
}

impl Motion {
    pub const ALL: [(&'static str, Motion); 3] = [
        ("cycle", Motion::Cycle),
        ("hold", Motion::Hold),
        ("roll", Motion::Roll),
    ];
}

/// Which way a wall or frame stands from the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facing {
    Front,
    Back,
}

/// Something drawn with the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Prop {
    /// A line the body stands or lies on.
    Floor,
    /// A thin exercise mat under the body; an outline around it when seen from above (the top view, or
    /// any figure without a floor).
    Mat,
    /// A foam roller under a bone; the contact slides from `from` to `to` along the bone (0 = the end
    /// nearer the pelvis) as the body rolls.
    Roller { under: Bone, from: f64, to: f64 },
    /// A band between the hands, or from each hand to an anchor (`x` from the pelvis, `y` above the
    /// floor, in body heights).
    Band { anchor: Option<Point> },
    /// A wall touching the body's front or back.
    Wall { side: Facing },
    /// A door frame: its posts at the hands (front view) or one post in front (side view).
    Door,
    /// A chair under the pelvis, or (`beside`) at hand to hold for balance: drawn in front of the front
    /// foot, where a side view shows it clear of the legs.
    Chair { beside: bool },
    /// A broomstick held along the back, touching the head, the upper back and the tailbone.
    Stick,
    /// A low step under the working (left) foot.
    Step,
    /// A desk in front of the body, at desk height.
    Desk,
}

impl Prop {
    /// The prop's name in a figure's `props`.
    pub fn kind(&self) -> &'static str {
        match self {
            Prop::Floor => "floor",
            Prop::Mat => "mat",
            Prop::Roller { .. } => "roller",
            Prop::Band { .. } => "band",
            Prop::Wall { .. } => "wall",
            Prop::Door => "door",
            Prop::Chair { .. } => "chair",
            Prop::Stick => "stick",
            Prop::Step => "step",
            Prop::Desk => "desk",
        }
    }
}

/// A key pose: every joint's angle at moment `at` (0..1) of the movement, how far the pelvis has
/// moved along the floor (`x`, in body heights), what rests on the floor, and how long the pose is held.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPose {
    pub at: f64,
    pub angles: Angles,
    pub x: f64,
    /// The points that rest on the floor in this pose (empty: the body rests on its lowest point).
    /// The scene tips and sets the body down onto them; a roller under a bone is a support as well.
    pub contacts: Vec<Landmark>,
    /// How much of the cycle (0..1) the pose stays still after `at` before moving on.
    pub hold: f64,
}

impl KeyPose {
    /// When the pose is left for the next one.
    pub fn until(&self) -> f64 {
        self.at + self.hold
    }
}

/// An exercise's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub view: View,
    pub motion: Motion,
    pub props: Vec<Prop>,
    /// At least one, `at` strictly increasing.
    pub poses: Vec<KeyPose>,
    /// How long one movement takes when the step gives no tempo (`period` in the file), in ms.
    pub period_ms: Option<u64>,
    /// How much of the body is drawn (`crop` in the file).
    pub crop: Crop,
}

impl Figure {
    /// The body at a moment of the movement, placed on what it rests on (floor at y = 0, body
    /// heights, facing +x in side view): for `exercises ID --json`.
    pub fn body_at(&self, phase: f64) -> Skeleton {
        scene::placed(self, phase)
    }

    /// Each prop with what is drawn for it at a moment of the movement, in the order of `props`.
    pub fn props_at(&self, phase: f64) -> Vec<(&Prop, Vec<Shape>)> {
        let body = self.body_at(phase);
        self.props
            .iter()
            .map(|prop| (prop, props::prop_shapes(self, prop, &body, phase)))
            .collect()
    }

    /// The scene at a moment of the movement, with its ghost; `mirrored` draws the other side (left
    /// and right swapped).
    pub fn scene_at(&self, phase: f64, mirrored: bool) -> Scene {
        let scene = Scene {
            ghost: compose::ghost(self),
            ..compose::build(self, phase)
        };
        if mirrored { scene.mirrored() } else { scene }
    }

    /// The scene without its ghost (which only repeats the first key pose), for framing the whole
    /// movement: sampled many times a frame, it is spared placing the start pose each time.
    pub(super) fn outline_at(&self, phase: f64, mirrored: bool) -> Scene {
        let scene = compose::build(self, phase);
        if mirrored { scene.mirrored() } else { scene }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_contacts;
#[cfg(test)]
mod tests_depth;
#[cfg(test)]
mod tests_ghost;
#[cfg(test)]
mod tests_props;
