//! Unit tests of contacts, the placing of the body on them, holds and the figure's own period.

use super::body::Joint;
use super::*;

fn pose(at: f64, changes: &[(Joint, f64)], contacts: &[Landmark]) -> KeyPose {
    KeyPose {
        contacts: contacts.to_vec(),
        ..super::tests::key(at, changes)
    }
}

fn figure(props: Vec<Prop>, poses: Vec<KeyPose>) -> Figure {
    Figure {
        view: View::Side,
        motion: Motion::Cycle,
        props,
        poses,
        period_ms: None,
        crop: Crop::Whole,
    }
}

const LEFT_HEEL: Landmark = Landmark::Left(Part::Heel);
const LEFT_TOE: Landmark = Landmark::Left(Part::Toe);

#[test]
fn a_stated_contact_that_floats_is_a_miss_with_its_height() {
    let standing = figure(
        vec![Prop::Floor],
        vec![pose(0.0, &[], &[LEFT_HEEL, LEFT_TOE])],
    );
    assert_eq!(standing.contact_misses(), Vec::new());
    // The knee cannot rest on the floor while the body stands: it is a knee's height up.
    let kneeling = figure(
        vec![Prop::Floor],
        vec![pose(0.0, &[], &[LEFT_HEEL, Landmark::Left(Part::Knee)])],
    );
    let misses = kneeling.contact_misses();
    assert!(!misses.is_empty());
    assert_eq!(misses[0].point, "left_knee");
    assert!((misses[0].off_by - 0.285).abs() < 0.01, "{misses:?}");
    assert!(
        misses[0].describe().contains("50 cm above the floor"),
        "{}",
        misses[0].describe()
    );
    // Seen from above there is no floor to miss.
    let from_above = Figure {
        view: View::Top,
        ..kneeling
    };
    assert!(from_above.contact_misses().is_empty());
}

#[test]
fn the_body_tips_onto_its_farthest_supports() {
    // A forearm plank drawn with the trunk a little too steep: tipped, both forearms and toes rest.
    let plank = figure(
        vec![Prop::Floor],
        vec![pose(
            0.0,
            &[
                (Joint::Trunk, 70.0),
                (Joint::LeftShoulder, 80.0),
                (Joint::LeftElbow, 90.0),
            ],
            &[Landmark::Left(Part::Elbow), LEFT_TOE],
        )],
    );
    let body = plank.body_at(0.0);
    assert!(body.left.elbow.y.abs() < 1e-9, "{:?}", body.left);
    assert!(body.left.toes.y.abs() < 1e-9, "{:?}", body.left);
    let stated = |m: &&ContactMiss| m.point == "left_elbow" || m.point == "left_toe";
    assert!(!plank.contact_misses().iter().any(|m| stated(&m)));
}

#[test]
fn a_roller_lowers_the_body_onto_itself() {
    // Lying on the back with the roller under the upper back: the pelvis rests on the floor and the
    // upper back on the roller's top, whichever was higher before.
    let roller = Prop::Roller {
        under: Bone::UpperTrunk,
        from: 0.5,
        to: 0.5,
    };
    let lying = figure(
        vec![Prop::Floor, roller],
        vec![pose(0.0, &[(Joint::Trunk, -90.0)], &[Landmark::Pelvis])],
    );
    let body = lying.body_at(0.0);
    assert!(body.pelvis.y.abs() < 1e-9, "{body:?}");
    let on_roller = body.mid_back.lerp(body.neck_base, 0.5);
    assert!((on_roller.y - 0.086).abs() < 1e-9, "{on_roller:?}");
    assert!(on_roller.x.abs() < 1e-9, "the roller stays at x = 0");
    // The straight legs of this bare test body dip below the floor; what it says it rests on does not.
    let stated = |m: &&ContactMiss| m.point == "pelvis" || m.point == "roller";
    assert!(!lying.contact_misses().iter().any(|m| stated(&m)));
}

#[test]
fn lying_on_its_side_seen_from_the_front_the_body_rests_on_the_side_of_its_ribs() {
    // Lying on the left side with the roller under the ribs: the roller touches the line from the
    // bottom hip to the bottom shoulder, so that shoulder rests at the roller's top instead of
    // sinking through it, as it did when the roller was under the spine's line in the middle.
    let roller = Prop::Roller {
        under: Bone::UpperTrunk,
        from: 1.0,
        to: 1.0,
    };
    let side_lying = Figure {
        view: View::Front,
        ..figure(
            vec![Prop::Floor, roller],
            vec![pose(
                0.0,
                &[(Joint::Trunk, 90.0)],
                &[Landmark::Left(Part::Hip)],
            )],
        )
    };
    let body = side_lying.body_at(0.0);
    assert!(body.left.hip.y.abs() < 1e-9, "{:?}", body.left);
    assert!(
        (body.left.shoulder.y - 2.0 * scene::ROLLER_RADIUS).abs() < 1e-9,
        "{:?}",
        body.left
    );
    assert!(
        body.left.shoulder.x.abs() < 1e-9,
        "the roller stays at x = 0"
    );
    assert!(
        body.neck_base.y > body.left.shoulder.y,
        "the spine is above"
    );
}

#[test]
fn lying_on_the_lower_back_the_spine_bends_from_the_pelvis() {
    let curl_up = figure(
        vec![Prop::Floor],
        vec![pose(
            0.0,
            &[(Joint::Trunk, -90.0), (Joint::Spine, 30.0)],
            &[Landmark::Pelvis, Landmark::MidBack],
        )],
    );
    let body = curl_up.body_at(0.0);
    assert!(
        body.pelvis.y.abs() < 1e-9 && body.mid_back.y.abs() < 1e-9,
        "{body:?}"
    );
    assert!(body.neck_base.y > 0.07, "the upper back lifts: {body:?}");
    // Standing, the same bend is about the middle of the back.
    let standing = Skeleton::pose(View::Side, &pose(0.0, &[(Joint::Spine, 30.0)], &[]).angles);
    assert!(standing.mid_back.x < 0.0, "{standing:?}");
}

#[test]
fn a_held_pose_stays_still_for_its_hold() {
    let mut reach = pose(0.25, &[(Joint::LeftShoulder, 180.0)], &[]);
    reach.hold = 0.5;
    let held = figure(vec![Prop::Floor], vec![pose(0.0, &[], &[]), reach]);
    let shoulder = |phase: f64| held.pose_at(phase).0[Joint::LeftShoulder.index()];
    for phase in [0.25, 0.4, 0.6, 0.75] {
        assert!(
            (shoulder(phase) - 180.0).abs() < 1e-9,
            "{phase}: {}",
            shoulder(phase)
        );
    }
    // Then back to the start by the end of the cycle, and moving on the way.
    assert!(shoulder(0.875) > 1.0 && shoulder(0.875) < 179.0);
    assert!(shoulder(1.0).abs() < 1e-9);
    // With a 10 s period, that is 5 s held.
    let ten = Figure {
        period_ms: Some(10_000),
        crop: Crop::Whole,
        ..held
    };
    assert!((ten.phase_at(None, 2_500) - 0.25).abs() < 1e-9);
    assert!((ten.phase_at(None, 7_500) - 0.75).abs() < 1e-9);
}

#[test]
fn an_untimed_move_takes_the_figures_own_period_and_a_tempo_wins() {
    let slow = Figure {
        period_ms: Some(6_000),
        crop: Crop::Whole,
        ..figure(vec![Prop::Floor], vec![pose(0.0, &[], &[])])
    };
    assert!((slow.phase_at(None, 3_000) - 0.5).abs() < 1e-9);
    assert!((slow.phase_at(Some(4_000), 3_000) - 0.75).abs() < 1e-9);
    assert_eq!(slow.cycle_ms(None), 6_000);
    let default = figure(vec![Prop::Floor], vec![pose(0.0, &[], &[])]);
    assert_eq!(default.cycle_ms(None), UNTIMED_REP_MS);
}

#[test]
fn a_front_view_hold_breathes_without_bending_sideways() {
    let mut hold = figure(vec![Prop::Floor], vec![pose(0.0, &[], &[])]);
    hold.motion = Motion::Hold;
    hold.view = View::Front;
    assert!(hold.pose_at(1.0).0[Joint::Spine.index()].abs() < 1e-9);
    hold.view = View::Side;
    assert!(hold.pose_at(1.0).0[Joint::Spine.index()] < 0.0);
}

#[test]
fn every_landmark_has_a_name_that_reads_back() {
    let all = Landmark::all();
    assert_eq!(all.len(), 4 + 2 * 9);
    for landmark in all {
        assert_eq!(Landmark::from_name(&landmark.name()), Some(landmark));
    }
    assert_eq!(Landmark::from_name("left_kne"), None);
}

#[test]
fn the_nose_shows_which_way_the_head_faces() {
    let nose_of = |figure: &Figure| {
        let scene = figure.scene_at(0.0, false);
        match scene.body.last() {
            Some(&Shape::Line(from, to)) => (to.x - from.x, to.y - from.y),
            other => panic!("no nose: {other:?}"),
        }
    };
    let standing = figure(
        vec![Prop::Floor],
        vec![pose(0.0, &[], &[LEFT_HEEL, LEFT_TOE])],
    );
    let (dx, dy) = nose_of(&standing);
    assert!(dx > 0.02 && dy.abs() < 1e-9, "forward: {dx} {dy}");
    // Lying on the back, head to the left: the face looks at the ceiling.
    let lying = figure(
        vec![Prop::Floor],
        vec![pose(
            0.0,
            &[(Joint::Trunk, -90.0)],
            &[Landmark::Pelvis, Landmark::Neck],
        )],
    );
    let (dx, dy) = nose_of(&lying);
    assert!(dy > 0.02 && dx.abs() < 1e-9, "up: {dx} {dy}");
    // From the front the face looks at you: no tick.
    let front = Figure {
        view: View::Front,
        ..standing
    };
    assert!(matches!(
        front.scene_at(0.0, false).body.last(),
        Some(Shape::Circle(..))
    ));
}
