//! Time to movement: which moment of the movement a step is at, and the pose at that moment.

use super::body::{Angles, JOINT_COUNT, Joint};
use super::{Figure, KeyPose, Landmark, Motion};

/// One breath of a held position, in and out.
pub const HOLD_BREATH_MS: u64 = 5_000;
/// One pass of foam rolling, there and back.
pub const ROLL_PERIOD_MS: u64 = 4_000;
/// A rep without a tempo waits for Enter; the figure moves at the pace the plan counts it (3 s).
pub const UNTIMED_REP_MS: u64 = 3_000;
/// A moving figure draws 3 frames a second (braille dots barely move in less time), at thirds of
/// each whole second of the step, so the countdown's own change each second falls on a frame rather
/// than waking the app once more.
pub const FRAMES_PER_SECOND: u64 = 3;
/// The longest wait between two frames.
pub const FRAME_MS: u64 = 1_000_u64.div_ceil(FRAMES_PER_SECOND);
/// How far a held position breathes: the upper back lifts this many degrees on the in-breath.
const BREATH_DEGREES: f64 = 3.0;

/// The moment of the movement (0..1) after `elapsed_ms` of active time in a step.
///
/// `tempo_ms` is the step's time per rep (or the period of a timed movement); `None` or 0 uses the
/// defaults. Pass the step's elapsed time without its pauses: a paused step keeps its elapsed time, so
/// the figure stands still.
#[allow(clippy::cast_precision_loss)] // periods and elapsed times are far below 2^52 ms
pub fn phase_at(motion: Motion, tempo_ms: Option<u64>, elapsed_ms: u64) -> f64 {
    let given = tempo_ms.filter(|&t| t > 0);
    match motion {
        Motion::Cycle => {
            let period = given.unwrap_or(UNTIMED_REP_MS);
            (elapsed_ms % period) as f64 / period as f64
        }
        // A hold's breath does not follow the step's tempo: breathing has its own pace.
        Motion::Hold => there_and_back(elapsed_ms, HOLD_BREATH_MS),
        Motion::Roll => there_and_back(elapsed_ms, given.unwrap_or(ROLL_PERIOD_MS)),
    }
}

/// 0 → 1 → 0 once a period, slowing at both ends like a breath or a roll.
#[allow(clippy::cast_precision_loss)]
fn there_and_back(elapsed_ms: u64, period_ms: u64) -> f64 {
    let turn = (elapsed_ms % period_ms) as f64 / period_ms as f64;
    0.5 - 0.5 * (turn * std::f64::consts::TAU).cos()
}

/// When the figure next needs drawing (elapsed ms of the step), or `None` while paused: then it stands
/// still and needs no frames at all.
pub fn next_frame_at(elapsed_ms: u64, paused: bool) -> Option<u64> {
    let second = elapsed_ms / 1000 * 1000;
    (!paused).then(|| {
        (1..=FRAMES_PER_SECOND)
            .map(|third| second.saturating_add(third * 1000 / FRAMES_PER_SECOND))
            .find(|&at| at > elapsed_ms)
            .unwrap_or(second.saturating_add(1000))
    })
}

/// Ease in and out, so a movement starts and ends gently, as a body does.
fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

fn blend(a: &KeyPose, b: &KeyPose, t: f64) -> (Angles, f64) {
    let t = ease(t);
    let mut angles = [0.0; JOINT_COUNT];
    for (joint, angle) in Joint::ALL.into_iter().zip(angles.iter_mut()) {
        let (from, to) = (a.angles[joint.index()], b.angles[joint.index()]);
        *angle = from + turn(joint, to - from) * t;
    }
    (angles, a.x + (b.x - a.x) * t)
}

/// How far a joint turns to get `change` degrees further: the shorter way round for a joint that can
/// circle (from 180 to -80 is +100, on over the top), the way through its range for any other.
fn turn(joint: Joint, change: f64) -> f64 {
    if joint.turns_round() && change.abs() > 180.0 {
        change - 360.0 * change.signum()
    } else {
        change
    }
}

impl Figure {
    /// How long one movement (a rep, a breath, a pass of the roller) takes, in ms: the step's tempo
    /// when it has one, else the figure's own `period`, else the default for its motion. A hold
    /// breathes at its own pace whatever the step's tempo.
    pub fn cycle_ms(&self, tempo_ms: Option<u64>) -> u64 {
        let given = tempo_ms.filter(|&t| t > 0);
        let own = self.period_ms.filter(|&t| t > 0);
        match self.motion {
            Motion::Cycle => given.or(own).unwrap_or(UNTIMED_REP_MS),
            Motion::Hold => own.unwrap_or(HOLD_BREATH_MS),
            Motion::Roll => given.or(own).unwrap_or(ROLL_PERIOD_MS),
        }
    }

    /// The moment of the movement (0..1) after `elapsed_ms` of active time in a step with `tempo_ms`
    /// per rep ([`phase_at`] with the figure's own period).
    #[allow(clippy::cast_precision_loss)] // periods and elapsed times are far below 2^52 ms
    pub fn phase_at(&self, tempo_ms: Option<u64>, elapsed_ms: u64) -> f64 {
        let period = self.cycle_ms(tempo_ms);
        match self.motion {
            Motion::Cycle => (elapsed_ms % period) as f64 / period as f64,
            Motion::Hold | Motion::Roll => there_and_back(elapsed_ms, period),
        }
    }

    /// Every joint's angle and the pelvis's move along the floor at `phase` (0..1).
    pub fn pose_at(&self, phase: f64) -> (Angles, f64) {
        let mut pose = match self.span_at(phase) {
            Span::Still(key) => (key.angles, key.x),
            Span::Between(a, b, t) => blend(a, b, t),
            Span::Empty => ([0.0; JOINT_COUNT], 0.0),
        };
        // The breath lifts an upright upper back, seen from the side; from the front it would bend the
        // body sideways, and lying down it would press the shoulders into the floor.
        let upright = pose.0[Joint::Trunk.index()].abs() < 45.0;
        if self.motion == Motion::Hold && self.view == super::View::Side && upright {
            pose.0[Joint::Spine.index()] -= BREATH_DEGREES * phase.clamp(0.0, 1.0);
        }
        pose
    }

    /// What rests on the floor at `phase`: a key pose's contacts while it is still; between two
    /// poses only what both share (a foot that lifts or lands is on the floor in just one of them).
    pub fn contacts_at(&self, phase: f64) -> Vec<Landmark> {
        match self.span_at(phase) {
            Span::Still(key) => key.contacts.clone(),
            Span::Between(a, b, _) => a
                .contacts
                .iter()
                .copied()
                .filter(|c| b.contacts.contains(c))
                .collect(),
            Span::Empty => Vec::new(),
        }
    }

    /// The key pose held at `phase`, or the two it moves between and how far (0..1) it has got.
    /// A pose is held from its `at` for its `hold`; after the last, a cycle returns to its first pose
    /// by the end, and a hold or a roll stays where it is.
    fn span_at(&self, phase: f64) -> Span<'_> {
        let (Some(first), Some(last)) = (self.poses.first(), self.poses.last()) else {
            return Span::Empty;
        };
        let phase = phase.clamp(0.0, 1.0);
        if phase <= first.at {
            return Span::Still(first);
        }
        for pair in self.poses.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if phase <= a.until() {
                return Span::Still(a);
            }
            if phase < b.at {
                return Span::Between(a, b, (phase - a.until()) / (b.at - a.until()));
            }
        }
        if phase <= last.until() || self.motion != Motion::Cycle || last.until() >= 1.0 {
            return Span::Still(last);
        }
        Span::Between(last, first, (phase - last.until()) / (1.0 - last.until()))
    }
}

enum Span<'f> {
    Still(&'f KeyPose),
    Between(&'f KeyPose, &'f KeyPose, f64),
    Empty,
}
