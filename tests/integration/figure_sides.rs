//! One meaning of "side" (issue 25): in every two-sided step, LEFT is the working or stretched limb,
//! and the figure (drawn as it is for the left, mirrored for the right) moves or stretches its left
//! limb. The catalog's figures are checked where the data can tell: over a cycle, the left limbs
//! move at least as far as the right ones, and a roller rolls a left bone (or the trunk).

use std::collections::BTreeSet;
use std::path::Path;

use limberup::figure::{Bone, Joint, Motion, Prop};
use limberup::routine::Library;

/// The exercises the built-in routines do on both sides (`sides = "both"`).
fn two_sided_exercises() -> BTreeSet<String> {
    fn walk(value: &toml::Value, found: &mut BTreeSet<String>) {
        match value {
            toml::Value::Table(table) => {
                if table.get("sides").and_then(toml::Value::as_str) == Some("both")
                    && let Some(id) = table.get("exercise").and_then(toml::Value::as_str)
                {
                    found.insert(id.to_owned());
                }
                table.values().for_each(|v| walk(v, found));
            }
            toml::Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("routines");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&folder).expect("routines folder") {
        let path = entry.expect("entry").path();
        let is_routine = path.extension().is_some_and(|e| e == "toml")
            && path.file_name().is_some_and(|n| n != "exercises.toml");
        if is_routine {
            let text = std::fs::read_to_string(&path).expect("read");
            let value: toml::Value = toml::from_str(&text).expect("a routine parses");
            walk(&value, &mut found);
        }
    }
    found
}

#[test]
fn in_every_two_sided_figure_the_left_limbs_do_the_work() {
    let library = Library::load(None).expect("the built-in library loads");
    let two_sided = two_sided_exercises();
    assert!(two_sided.len() > 20, "{two_sided:?}");
    let mut wrong = Vec::new();
    for id in &two_sided {
        let exercise = library
            .catalog
            .iter()
            .find(|e| &e.id == id)
            .unwrap_or_else(|| panic!("{id} is in the catalog"));
        let Some(figure) = &exercise.figure else {
            continue;
        };
        for prop in &figure.props {
            if let Prop::Roller { under, .. } = prop {
                let name = Bone::ALL
                    .iter()
                    .find(|(_, bone)| bone == under)
                    .map_or("", |(name, _)| *name);
                if name.starts_with("right_") {
                    wrong.push(format!("{id}: the roller is under the {name}"));
                }
            }
        }
        // A hold has no travel to compare, and a roll moves the body over a still limb.
        if figure.motion != Motion::Cycle {
            continue;
        }
        // How far each side's joints turn over the cycle, back to the first pose.
        let travel = |prefix: &str| -> f64 {
            let joints: Vec<Joint> = Joint::ALL
                .into_iter()
                .filter(|j| j.name().starts_with(prefix))
                .collect();
            let poses = &figure.poses;
            poses
                .iter()
                .zip(poses.iter().cycle().skip(1))
                .map(|(a, b)| {
                    joints
                        .iter()
                        .map(|j| (a.angles[j.index()] - b.angles[j.index()]).abs())
                        .sum::<f64>()
                })
                .sum()
        };
        let (left, right) = (travel("left_"), travel("right_"));
        if left < right {
            wrong.push(format!("{id}: left limbs turn {left}°, right {right}°"));
        }
    }
    assert!(
        wrong.is_empty(),
        "the right limbs work in the figure, though LEFT names the working side:\n{}",
        wrong.join("\n")
    );
}
