//! Unit tests of the body model and the motion.

use super::body::{JOINT_COUNT, Joint, Skeleton};
use super::*;

fn standing() -> Angles {
    [0.0; JOINT_COUNT]
}

pub(super) fn key(at: f64, changes: &[(Joint, f64)]) -> KeyPose {
    let mut angles = standing();
    for &(joint, angle) in changes {
        angles[joint.index()] = angle;
    }
    KeyPose {
        at,
        angles,
        x: 0.0,
        contacts: Vec::new(),
        hold: 0.0,
    }
}

pub(super) fn squat() -> Figure {
    Figure {
        view: View::Side,
        motion: Motion::Cycle,
        props: vec![Prop::Floor],
        poses: vec![
            key(0.0, &[]),
            key(
                0.5,
                &[
                    (Joint::LeftHip, 90.0),
                    (Joint::RightHip, 90.0),
                    (Joint::LeftKnee, 90.0),
                    (Joint::RightKnee, 90.0),
                ],
            ),
        ],
        period_ms: None,
        crop: Crop::Whole,
    }
}

#[test]
fn a_standing_adult_is_one_body_height_tall() {
    let body = Skeleton::pose(View::Side, &standing());
    let top = body.head.y + body::length::HEAD_RADIUS;
    let bottom = body.left.ankle.y;
    assert!((top - bottom - 1.0).abs() < 0.02, "{}", top - bottom);
    // The hips sit about half-way up, as an adult's do.
    assert!((0.5..0.56).contains(&(body.pelvis.y - bottom)));
}

#[test]
fn in_profile_a_knee_bends_back_and_an_elbow_forward() {
    let mut angles = standing();
    angles[Joint::LeftKnee.index()] = 90.0;
    angles[Joint::LeftElbow.index()] = 90.0;
    let body = Skeleton::pose(View::Side, &angles);
    assert!(
        body.left.ankle.x < body.left.knee.x - 0.2,
        "{:?}",
        body.left
    );
    assert!(
        body.left.wrist.x > body.left.elbow.x + 0.1,
        "{:?}",
        body.left
    );
}

#[test]
fn from_the_front_the_left_arm_rises_on_the_viewers_right() {
    let mut angles = standing();
    angles[Joint::LeftShoulder.index()] = 90.0;
    angles[Joint::RightShoulder.index()] = 90.0;
    let body = Skeleton::pose(View::Front, &angles);
    assert!(
        body.left.wrist.x > 0.4 && body.right.wrist.x < -0.4,
        "{body:?}"
    );
    assert!((body.left.wrist.y - body.left.shoulder.y).abs() < 1e-9);
}

#[test]
fn left_and_right_sides_mirror() {
    let figure = squat();
    for phase in [0.0, 0.3, 0.5, 0.8] {
        let left = figure.scene_at(phase, false);
        let right = figure.scene_at(phase, true);
        assert_eq!(left.body.len(), right.body.len());
        for (l, r) in left.body.iter().zip(&right.body) {
            let (lp, rp) = (l.extent(), r.extent());
            for (a, b) in lp.iter().zip(&rp) {
                assert!((a.y - b.y).abs() < 1e-9);
            }
            if let (Shape::Line(a, b), Shape::Line(c, d)) = (l, r) {
                assert!((a.x + c.x).abs() < 1e-9 && (b.x + d.x).abs() < 1e-9);
            }
        }
    }
}

#[test]
fn the_body_is_set_down_on_the_floor() {
    let figure = squat();
    for phase in [0.0, 0.25, 0.5] {
        let lowest = figure
            .scene_at(phase, false)
            .body
            .iter()
            .flat_map(Shape::extent)
            .map(|p| p.y)
            .fold(f64::INFINITY, f64::min);
        assert!(lowest.abs() < 1e-9, "{phase}: {lowest}");
    }
}

#[test]
fn a_rep_step_makes_one_movement_per_tempo() {
    let figure = squat();
    let tempo = Some(4_000);
    assert!(phase_at(Motion::Cycle, tempo, 0).abs() < 1e-9);
    assert!((phase_at(Motion::Cycle, tempo, 2_000) - 0.5).abs() < 1e-9);
    assert!((phase_at(Motion::Cycle, tempo, 4_000)).abs() < 1e-9);
    assert!((phase_at(Motion::Cycle, tempo, 9_000) - 0.25).abs() < 1e-9);
    // Half-way through the rep the figure is at the bottom of the squat, and back up by its end.
    let bottom = figure.pose_at(phase_at(Motion::Cycle, tempo, 2_000)).0;
    assert!((bottom[Joint::LeftKnee.index()] - 90.0).abs() < 1e-9);
    let end = figure.pose_at(phase_at(Motion::Cycle, tempo, 3_999)).0;
    assert!(end[Joint::LeftKnee.index()] < 0.01, "{end:?}");
    // Without a tempo a rep takes the plan's 3 s.
    assert!((phase_at(Motion::Cycle, None, 1_500) - 0.5).abs() < 1e-9);
}

#[test]
fn poses_ease_in_and_out_between_keys() {
    let figure = squat();
    let knee = |phase: f64| figure.pose_at(phase).0[Joint::LeftKnee.index()];
    assert!((knee(0.25) - 45.0).abs() < 1e-9);
    // Slow near a key, fast in the middle.
    assert!(knee(0.05) < 0.1 * 90.0 * 0.5);
    assert!(knee(0.3) - knee(0.2) > knee(0.1) - knee(0.0));
}

#[test]
fn holds_breathe_slowly_and_rolls_go_back_and_forth() {
    assert!(phase_at(Motion::Hold, Some(1_000), 0).abs() < 1e-9);
    assert!((phase_at(Motion::Hold, Some(1_000), HOLD_BREATH_MS / 2) - 1.0).abs() < 1e-9);
    assert!(phase_at(Motion::Hold, None, HOLD_BREATH_MS).abs() < 1e-9);
    assert!((phase_at(Motion::Roll, None, ROLL_PERIOD_MS / 2) - 1.0).abs() < 1e-9);
    let mut hold = squat();
    hold.motion = Motion::Hold;
    hold.poses.truncate(1);
    let spine = |phase| hold.pose_at(phase).0[Joint::Spine.index()];
    // A small sway: a few degrees, not a movement.
    assert!(spine(1.0) < 0.0 && spine(1.0) > -5.0);
}

#[test]
fn a_paused_figure_stands_still_and_asks_for_no_frames() {
    let figure = squat();
    let elapsed = 1_234;
    let phase = phase_at(figure.motion, Some(3_000), elapsed);
    let first = render_text(&figure, phase, false, 30, 10);
    // The player keeps the step's elapsed time while paused, so the next frame sees the same moment.
    let again = render_text(
        &figure,
        phase_at(figure.motion, Some(3_000), elapsed),
        false,
        30,
        10,
    );
    assert_eq!(first, again);
    assert_eq!(next_frame_at(elapsed, true), None);
    // Thirds of each second: 1.333, 1.666, 2.000, …
    assert_eq!(next_frame_at(elapsed, false), Some(1_333));
    assert_eq!(next_frame_at(1_333, false), Some(1_666));
    assert_eq!(next_frame_at(1_666, false), Some(2_000));
    assert_eq!(next_frame_at(2_000, false), Some(2_333));
}

#[test]
fn the_drawing_holds_the_whole_movement_in_one_frame() {
    let figure = squat();
    let up = render_text(&figure, 0.0, false, 30, 10);
    let down = render_text(&figure, 0.5, false, 30, 10);
    assert_ne!(up, down);
    // The floor stays on the bottom row whatever the pose.
    for text in [&up, &down] {
        let last = text.lines().last().unwrap_or_default();
        assert_eq!(last.chars().count(), 30, "{text}");
    }
}

/// An arm sweeping from in front (90) over the top (180) to behind (-80), as in the open book.
fn arm_over_the_top() -> Figure {
    let poses = [(0.0, 90.0), (0.25, 180.0), (0.5, -80.0), (0.75, 180.0)]
        .map(|(at, shoulder)| key(at, &[(Joint::LeftShoulder, shoulder)]));
    Figure {
        props: vec![Prop::Mat],
        poses: poses.to_vec(),
        ..squat()
    }
}

#[test]
fn an_arm_turns_the_short_way_round_between_keys() {
    let figure = arm_over_the_top();
    let shoulder = |phase: f64| figure.pose_at(phase).0[Joint::LeftShoulder.index()];
    // From overhead to behind and back, the arm goes on over the top (180..280 degrees, 280 being
    // -80) and never swings back down past the hips (-80..90 through 0).
    for step in 0..=100 {
        let phase = 0.25 + 0.5 * f64::from(step) / 100.0;
        let around = shoulder(phase).rem_euclid(360.0);
        assert!(
            (179.9..=280.1).contains(&around),
            "at {phase}: {around} degrees"
        );
    }
    // The keys themselves are where the coach put them.
    assert!((shoulder(0.5).rem_euclid(360.0) - 280.0).abs() < 1e-9);
    assert!((shoulder(0.25) - 180.0).abs() < 1e-9);
}

#[test]
fn a_hip_or_knee_never_turns_the_short_way_round() {
    // A thigh from behind (-40) to the chest (160) is 200 degrees apart, but a hip cannot circle
    // behind the back: it takes the long way, through standing.
    let figure = Figure {
        poses: vec![
            key(0.0, &[(Joint::LeftHip, -40.0), (Joint::LeftKnee, 0.0)]),
            key(0.5, &[(Joint::LeftHip, 160.0), (Joint::LeftKnee, 150.0)]),
        ],
        ..squat()
    };
    for step in 0..=50 {
        let angles = figure.pose_at(f64::from(step) / 100.0).0;
        let hip = angles[Joint::LeftHip.index()];
        assert!((-40.0..=160.0).contains(&hip), "hip at {hip}");
    }
}

#[test]
fn a_knee_bent_fully_puts_the_heel_at_the_buttock_and_never_bends_backwards() {
    let knee = Joint::LeftKnee.range();
    assert_eq!((*knee.start(), *knee.end()), (0, 170));
    let mut angles = standing();
    angles[Joint::LeftKnee.index()] = f64::from(*knee.end());
    let body = Skeleton::pose(View::Side, &angles);
    let (dx, dy) = (
        body.left.ankle.x - body.pelvis.x,
        body.left.ankle.y - body.pelvis.y,
    );
    assert!(dx.hypot(dy) < 0.08, "{:?}", body.left);
    // Hugging a knee: the thigh comes up to the chest.
    angles[Joint::LeftHip.index()] = f64::from(*Joint::LeftHip.range().end());
    let body = Skeleton::pose(View::Side, &angles);
    assert!(body.left.knee.y > body.mid_back.y, "{:?}", body.left);
}

#[test]
fn seen_end_on_an_arm_threads_under_the_chest_to_the_other_side() {
    // On hands and knees, seen from in front of the head: the trunk points at the viewer, the shins
    // point away, and hands and knees both reach the floor.
    let on_all_fours = key(
        0.0,
        &[
            (Joint::Trunk, 73.0),
            (Joint::LeftWrist, 90.0),
            (Joint::RightWrist, 90.0),
            (Joint::LeftKnee, 90.0),
            (Joint::RightKnee, 90.0),
        ],
    );
    let body = Skeleton::pose(View::End, &on_all_fours.angles);
    assert!(body.neck_base.x.abs() < 1e-9 && body.neck_base.y > 0.05);
    assert!(
        (body.left.ankle.x - body.left.knee.x).hypot(body.left.ankle.y - body.left.knee.y) < 1e-9
    );
    assert!(
        (body.left.wrist.y - body.left.knee.y).abs() < 0.02,
        "{body:?}"
    );
    // The left arm threads under the chest: its hand ends beyond the right shoulder, near the floor.
    let mut threaded = on_all_fours.angles;
    threaded[Joint::Trunk.index()] = 115.0;
    threaded[Joint::Spine.index()] = 50.0;
    threaded[Joint::LeftShoulder.index()] = -40.0;
    threaded[Joint::LeftWrist.index()] = 0.0;
    let body = Skeleton::pose(View::End, &threaded);
    assert!(body.left.shoulder.y < body.right.shoulder.y, "{body:?}");
    assert!(body.left.fingers.x < body.right.shoulder.x, "{body:?}");
    assert!(
        (body.left.fingers.y - body.left.shoulder.y).abs() < 0.02,
        "{body:?}"
    );
}

/// A lunge-like side view: the left (working) leg forward, the right back.
fn stride() -> Figure {
    Figure {
        view: View::Side,
        motion: Motion::Hold,
        props: vec![Prop::Floor],
        poses: vec![key(
            0.0,
            &[
                (Joint::LeftHip, 40.0),
                (Joint::RightHip, -20.0),
                (Joint::LeftShoulder, 30.0),
            ],
        )],
        period_ms: None,
        crop: Crop::Whole,
    }
}

/// In the side view the figure is seen from its working (left) side: the right limbs are the far
/// ones, and stay the far ones on the other side's mirror image; the front view has no far side.
#[test]
fn in_profile_the_right_limbs_are_the_far_ones() {
    let figure = stride();
    let scene = figure.scene_at(0.0, false);
    let skeleton = scene::placed(&figure, 0.0);
    let line = |(a, b)| Shape::Line(a, b);
    // Drawn a little behind the near side, so a profile with the limbs together is not one line.
    let far: Vec<Shape> = skeleton
        .limb_segments(&compose::behind(&skeleton.right))
        .into_iter()
        .map(line)
        .collect();
    assert_eq!(scene.far, far);
    for near in skeleton.limb_segments(&skeleton.left) {
        assert!(scene.body.contains(&line(near)), "{near:?} is near");
    }
    let mirrored = figure.scene_at(0.0, true);
    assert_eq!(mirrored.far, scene.mirrored().far);
    assert_eq!(mirrored.far.len(), far.len());

    let front = Figure {
        view: View::Front,
        ..stride()
    };
    let front_scene = front.scene_at(0.0, false);
    assert!(front_scene.far.is_empty());
    let front_skeleton = scene::placed(&front, 0.0);
    for limb in front_skeleton.limb_segments(&front_skeleton.right) {
        assert!(
            front_scene.body.contains(&line(limb)),
            "{limb:?} drawn bright from the front"
        );
    }
}

/// The far limbs are drawn halfway between the body's colour and the props', under the near
/// ones: a cell only a far limb crosses has the far colour, none has it where the near body is.
#[test]
fn far_limbs_are_drawn_dimmer_and_under_the_near_ones() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Color;
    use ratatui::widgets::Widget;

    let body = Color::Rgb(240, 240, 240);
    let props = Color::Rgb(160, 160, 160);
    let background = Color::Rgb(0, 0, 0);
    let far = Color::Rgb(200, 200, 200);
    let view = FigureView::new(&stride(), 0.0, false).colors(body, props, background);
    let area = Rect::new(0, 0, 40, 20);
    let mut buffer = Buffer::empty(area);
    (&view).render(area, &mut buffer);
    let count = |color: Color| {
        buffer
            .content()
            .iter()
            .filter(|cell| cell.fg == color && cell.symbol() != " ")
            .count()
    };
    assert!(count(far) > 5, "the far leg and arm show dimmer");
    assert!(
        count(body) > count(far),
        "the trunk, head and near limbs are bright"
    );
    let near_only = FigureView::new(
        &Figure {
            view: View::Front,
            ..stride()
        },
        0.0,
        false,
    )
    .colors(body, props, background);
    let mut front = Buffer::empty(area);
    (&near_only).render(area, &mut front);
    assert!(
        !front.content().iter().any(|cell| cell.fg == far),
        "nothing is far from the front"
    );
}

#[test]
fn a_body_lying_down_is_wide_and_a_standing_one_is_not() {
    let lying = Figure {
        props: vec![Prop::Floor],
        poses: vec![key(0.0, &[(Joint::Trunk, 90.0), (Joint::LeftHip, 0.0)])],
        ..squat()
    };
    assert!(FigureView::new(&lying, 0.0, false).is_wide());
    assert!(!FigureView::new(&squat(), 0.0, false).is_wide());
}
