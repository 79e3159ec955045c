//! Bodies that touch the floor (issue 25, point 1): every built-in figure says what rests on the floor
//! (or the roller), and at every key pose and eight moments of its movement each of those points is
//! within about 1 cm of where it rests, and nothing sinks through the floor.

use std::fmt::Write as _;

use limberup::figure::{CONTACT_TOLERANCE, MOMENTS_CHECKED, Prop, View};
use limberup::routine::Library;

use crate::common::cli::limberup_built_in as limberup;

#[test]
fn every_built_in_figure_rests_on_what_it_says_it_touches() {
    let library = Library::load(None).expect("the built-in library loads");
    let mut report = String::new();
    let mut checked = 0;
    for exercise in library.catalog.iter() {
        let Some(figure) = &exercise.figure else {
            continue;
        };
        let grounded = figure
            .props
            .iter()
            .any(|p| matches!(p, Prop::Floor | Prop::Roller { .. }));
        if figure.view == View::Top || !grounded {
            continue;
        }
        checked += 1;
        if figure.poses.iter().any(|p| p.contacts.is_empty()) {
            let _ = writeln!(
                report,
                "{}: a pose states no contacts (add `contacts = [...]`)",
                exercise.id
            );
        }
        for miss in figure.contact_misses() {
            let _ = writeln!(
                report,
                "{}: pose {}: {}",
                exercise.id,
                miss.pose + 1,
                miss.describe()
            );
        }
    }
    assert!(checked > 40, "only {checked} figures checked");
    const { assert!(MOMENTS_CHECKED >= 8 && CONTACT_TOLERANCE < 0.0065) };
    assert!(report.is_empty(), "figures off their supports:\n{report}");
}

/// A coach's figure that says a standing body's knee rests on the floor: `validate` warns at the
/// pose, with how far off it is, and the file still passes.
#[test]
fn validate_warns_about_a_coachs_floating_contact_at_its_pose() {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = dir.path().join("exercises.toml");
    std::fs::write(
        &catalog,
        "[kneel]\nname = \"Kneel\"\nduration = \"30s\"\n[kneel.figure]\nprops = [\"floor\"]\n\
         [[kneel.figure.pose]]\nat = 0\ncontacts = [\"left_heel\", \"left_knee\"]\n",
    )
    .expect("write");
    let shown = catalog.display().to_string();
    let output = limberup(&["validate", &shown]);
    assert_eq!(output.status.code(), Some(0));
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        err.lines().next(),
        Some(
            format!(
                "{shown}:6:1: warning: in pose 1 of the figure of `kneel`, `left_knee` is 50 cm above the floor at 0 of the movement; change the angles so it rests there, or its `contacts`"
            )
            .as_str()
        ),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains(": ok (catalog, 1 exercise)"));
    // A point the body does not have is an error, with a suggestion.
    std::fs::write(
        &catalog,
        "[kneel]\nname = \"Kneel\"\nduration = \"30s\"\n[kneel.figure]\n\
         [[kneel.figure.pose]]\nat = 0\ncontacts = [\"left_kne\"]\nhold = 2\n",
    )
    .expect("write");
    let output = limberup(&["validate", &shown]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains(":7:13: error: unknown body point `left_kne` in the contacts of pose 1 of the figure of `kneel` (did you mean `left_knee`?)"),
        "{err}"
    );
    assert!(err.contains(":8:8: error: `hold` in pose 1"), "{err}");
}
