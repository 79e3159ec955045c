//! Time to movement: which moment of the movement a step is at, and the pose at that moment.

use super::body::{Angles, JOINT_COUNT, Joint};
use super::{Figure, KeyPose, Motion};

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
    /// Every joint's angle and the pelvis's move along the floor at `phase` (0..1).
    pub fn pose_at(&self, phase: f64) -> (Angles, f64) {
        let Some(first) = self.poses.first() else {
            return ([0.0; JOINT_COUNT], 0.0);
        };
        let phase = phase.clamp(0.0, 1.0);
        let mut pose = if phase <= first.at {
            (first.angles, first.x)
        } else if let Some(pair) = self
            .poses
            .windows(2)
            .find(|pair| phase >= pair[0].at && phase <= pair[1].at)
        {
            blend(
                &pair[0],
                &pair[1],
                (phase - pair[0].at) / (pair[1].at - pair[0].at),
            )
        } else {
            self.after_last(phase)
        };
        if self.motion == Motion::Hold {
            pose.0[Joint::Spine.index()] -= BREATH_DEGREES * phase;
        }
        pose
    }

    /// After the last key a cycle returns to its first pose by the end; a hold or a roll stays there.
    fn after_last(&self, phase: f64) -> (Angles, f64) {
        let (Some(first), Some(last)) = (self.poses.first(), self.poses.last()) else {
            return ([0.0; JOINT_COUNT], 0.0);
        };
        if self.motion == Motion::Cycle && last.at < 1.0 {
            blend(last, first, (phase - last.at) / (1.0 - last.at))
        } else {
            (last.angles, last.x)
        }
    }
}
