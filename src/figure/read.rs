//! Reading a figure from a catalog entry's `figure` table, every problem at its line and column.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::body::{Bone, JOINT_COUNT, Joint, Point};
use super::{Crop, Facing, Figure, KeyPose, Landmark, Motion, Prop, View};
use crate::diag::fields::Checker;
use crate::diag::hint;

pub const FIGURE_KEYS: &[&str] = &["view", "motion", "props", "pose", "period", "crop"];
/// Besides the joint names.
pub const POSE_KEYS: &[&str] = &["at", "x", "contacts", "hold"];
pub const PROP_NAMES: &[&str] = &[
    "floor", "mat", "roller", "band", "wall", "door", "chair", "desk", "stick", "step",
];
pub const PROP_KEYS: &[&str] = &["kind", "under", "from", "to", "anchor", "side", "place"];
/// Props and key poses in one figure: each is drawn or blended every frame, so a file must not be
/// able to make a frame cost seconds. The built-in figures use at most 2 props and 4 poses.
pub const MAX_PROPS: usize = 16;
pub const MAX_POSES: usize = 16;
/// How far a pose may move the pelvis along the floor, in body heights.
const MAX_SLIDE: f64 = 2.0;

/// Reads `[id.figure]`; `None` (with problems recorded) when it is invalid. `id` names the exercise in
/// messages.
pub fn read_figure(
    checker: &mut Checker<'_>,
    value: &Spanned<DeValue<'_>>,
    id: &str,
) -> Option<Figure> {
    let before = checker.problems.len();
    let Some(table) = value.get_ref().as_table() else {
        checker.error(
            value.span(),
            format!("`figure` must be a table, like [{id}.figure]"),
        );
        return None;
    };
    let context = format!("the figure of `{id}`");
    checker.unknown_keys(table, FIGURE_KEYS, Some(&context));
    let view = checker
        .choice(table, "view", &View::ALL)
        .map_or(View::Side, Spanned::into_inner);
    let motion = checker
        .choice(table, "motion", &Motion::ALL)
        .map(Spanned::into_inner);
    let crop = checker
        .choice(table, "crop", &Crop::ALL)
        .map_or(Crop::Whole, Spanned::into_inner);
    let props = table
        .get("props")
        .map(|props| read_props(checker, props, id))
        .unwrap_or_default();
    let poses = read_poses(checker, table, value.span(), id);
    let period = checker.duration(
        table,
        "period",
        crate::duration::Secs(1),
        crate::duration::Secs(60),
    );
    if checker.problems.len() > before || poses.is_empty() {
        return None;
    }
    // One pose cannot move, so it is held; several are a movement unless the coach says otherwise.
    let motion = motion.unwrap_or(if poses.len() == 1 {
        Motion::Hold
    } else {
        Motion::Cycle
    });
    Some(Figure {
        view,
        motion,
        props,
        poses,
        period_ms: period.map(|p| p.into_inner().millis()),
        crop,
    })
}

fn read_poses(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: std::ops::Range<usize>,
    id: &str,
) -> Vec<KeyPose> {
    let tables = table.get("pose").and_then(|v| v.get_ref().as_array());
    let Some(tables) = tables.filter(|t| !t.is_empty()) else {
        let at = table.get("pose").map_or(span, Spanned::span);
        checker.error(
            at,
            format!("the figure of `{id}` has no poses; add at least one [[{id}.figure.pose]]"),
        );
        return Vec::new();
    };
    if over_limit(checker, tables, MAX_POSES, id, "poses", "pose") {
        return Vec::new();
    }
    let mut poses: Vec<KeyPose> = Vec::new();
    let mut previous_at: Option<f64> = None;
    for (index, item) in tables.iter().enumerate() {
        let label = format!("pose {} of the figure of `{id}`", index + 1);
        let Some(pose) = item.get_ref().as_table() else {
            checker.error(
                item.span(),
                format!("{label} must be a table of joint angles"),
            );
            continue;
        };
        // A pose lists what changes: anything it leaves out stays as the pose before had it.
        let mut key = poses.last().cloned().unwrap_or(KeyPose {
            at: 0.0,
            angles: [0.0; JOINT_COUNT],
            x: 0.0,
            contacts: Vec::new(),
            hold: 0.0,
        });
        // Contacts carry on like angles; a hold belongs to its own pose.
        key.hold = 0.0;
        read_pose(checker, pose, &label, &mut key);
        read_contacts(checker, pose, &label, &mut key);
        match (pose.get("at"), number(checker, pose, "at")) {
            (None, _) => checker.missing(item.span(), "at", Some(&label)),
            (Some(spot), Some(at)) => {
                if !(0.0..=1.0).contains(&at) {
                    checker.error(spot.span(), format!("`at` must be from 0 to 1, found {at}"));
                } else if let Some(before) = previous_at.filter(|&before| at <= before) {
                    checker.error(
                        spot.span(),
                        format!(
                            "`at` must increase from one pose to the next: {at} comes after {before}"
                        ),
                    );
                }
                previous_at = Some(at);
                key.at = at;
            }
            (Some(_), None) => {}
        }
        read_hold(checker, pose, &label, &mut key, tables.get(index + 1));
        poses.push(key);
    }
    poses
}

fn read_pose(checker: &mut Checker<'_>, pose: &DeTable<'_>, label: &str, key: &mut KeyPose) {
    let names: Vec<&str> = Joint::ALL
        .iter()
        .map(|j| j.name())
        .chain(POSE_KEYS.iter().copied())
        .collect();
    for (key_name, value) in pose {
        let name = key_name.get_ref().as_ref();
        if POSE_KEYS.contains(&name) {
            continue;
        }
        let Some(joint) = Joint::from_name(name) else {
            let suggestion = if Joint::from_name(&format!("left_{name}")).is_some() {
                format!(" (did you mean `left_{name}` or `right_{name}`?)")
            } else {
                hint(name, names.iter().copied())
            };
            checker.error(
                key_name.span(),
                format!("unknown joint `{name}` in {label}{suggestion}"),
            );
            continue;
        };
        let Some(angle) = number(checker, pose, name) else {
            continue;
        };
        let range = joint.range();
        if angle < f64::from(*range.start()) || angle > f64::from(*range.end()) {
            checker.error(
                value.span(),
                format!(
                    "`{name}` is {angle} degrees; it can move from {} to {}",
                    range.start(),
                    range.end()
                ),
            );
            continue;
        }
        key.angles[joint.index()] = angle;
    }
    if let (Some(value), Some(x)) = (pose.get("x"), number(checker, pose, "x")) {
        if x.abs() > MAX_SLIDE {
            checker.error(
                value.span(),
                format!("`x` must be from -{MAX_SLIDE} to {MAX_SLIDE} body heights, found {x}"),
            );
        } else {
            key.x = x;
        }
    }
}

/// `contacts = ["left_heel", "left_toe"]`: what rests on the floor in this pose.
fn read_contacts(checker: &mut Checker<'_>, pose: &DeTable<'_>, label: &str, key: &mut KeyPose) {
    let Some(value) = pose.get("contacts") else {
        return;
    };
    let Some(items) = value.get_ref().as_array() else {
        checker.error(
            value.span(),
            format!(
                "`contacts` in {label} must be an array of body points, like [\"left_heel\", \"left_toe\"]"
            ),
        );
        return;
    };
    let names: Vec<String> = Landmark::all().into_iter().map(Landmark::name).collect();
    let mut contacts = Vec::new();
    for item in items {
        let name = item.get_ref().as_str().unwrap_or_default();
        match Landmark::from_name(name) {
            Some(landmark) if !contacts.contains(&landmark) => contacts.push(landmark),
            Some(_) => {}
            None => {
                let suggestion = hint(name, names.iter().map(String::as_str));
                checker.error(
                    item.span(),
                    format!(
                        "unknown body point `{}` in the contacts of {label}{suggestion}; points are head, neck, mid_back, pelvis and left_/right_ shoulder, elbow, wrist, hand, hip, knee, ankle, heel, toe",
                        name.escape_debug()
                    ),
                );
            }
        }
    }
    key.contacts = contacts;
}

/// `hold = 0.4`: the pose stays that much of the cycle before moving on, and must be left before the
/// next pose's `at` (or the end of the cycle).
fn read_hold(
    checker: &mut Checker<'_>,
    pose: &DeTable<'_>,
    label: &str,
    key: &mut KeyPose,
    next: Option<&Spanned<DeValue<'_>>>,
) {
    let (Some(value), Some(hold)) = (pose.get("hold"), number(checker, pose, "hold")) else {
        return;
    };
    let next_at = next
        .and_then(|n| n.get_ref().as_table())
        .and_then(|t| t.get("at"))
        .and_then(|at| match at.get_ref() {
            DeValue::Integer(i) => i.as_str().parse::<f64>().ok(),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            _ => None,
        })
        .unwrap_or(1.0);
    if hold <= 0.0 || key.at + hold > next_at {
        checker.error(
            value.span(),
            format!(
                "`hold` in {label} must be more than 0 and end by {next_at} (the next pose's `at`, or the end of the cycle), found {hold}"
            ),
        );
        return;
    }
    key.hold = hold;
}

/// A whole or decimal number; anything else is reported.
fn number(checker: &mut Checker<'_>, table: &DeTable<'_>, key: &str) -> Option<f64> {
    let value = table.get(key)?;
    let parsed = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .and_then(|n| i32::try_from(n).ok())
            .map(f64::from),
        DeValue::Float(f) => f.as_str().parse::<f64>().ok().filter(|n| n.is_finite()),
        _ => None,
    };
    if parsed.is_none() {
        checker.error(
            value.span(),
            format!(
                "`{key}` must be a number, found {}",
                a_type(value.get_ref())
            ),
        );
    }
    parsed
}

fn read_props(checker: &mut Checker<'_>, props: &Spanned<DeValue<'_>>, id: &str) -> Vec<Prop> {
    let Some(items) = props.get_ref().as_array() else {
        checker.error(
            props.span(),
            "`props` must be an array, like [\"floor\", { kind = \"roller\", under = \"left_shin\" }]",
        );
        return Vec::new();
    };
    if over_limit(checker, items, MAX_PROPS, id, "props", "prop") {
        return Vec::new();
    }
    items
        .iter()
        .filter_map(|item| match item.get_ref() {
            DeValue::String(name) => prop_by_name(checker, name, item.span(), None),
            DeValue::Table(table) => {
                checker.unknown_keys(table, PROP_KEYS, Some("a prop"));
                let Some(kind) = table.get("kind") else {
                    checker.missing(item.span(), "kind", Some("a prop"));
                    return None;
                };
                let Some(name) = kind.get_ref().as_str() else {
                    checker.error(kind.span(), "`kind` must be a string, such as \"roller\"");
                    return None;
                };
                prop_by_name(checker, name, kind.span(), Some(table))
            }
            other => {
                checker.error(
                    item.span(),
                    format!(
                        "a prop must be a name or a table, found {}",
                        other.type_str()
                    ),
                );
                None
            }
        })
        .collect()
}

fn prop_by_name(
    checker: &mut Checker<'_>,
    name: &str,
    span: std::ops::Range<usize>,
    table: Option<&DeTable<'_>>,
) -> Option<Prop> {
    let empty = DeTable::new();
    let table = table.unwrap_or(&empty);
    match name {
        "floor" => Some(Prop::Floor),
        "mat" => Some(Prop::Mat),
        "door" => Some(Prop::Door),
        "chair" => {
            let beside = checker
                .choice(table, "place", &[("under", false), ("beside", true)])
                .is_some_and(Spanned::into_inner);
            Some(Prop::Chair { beside })
        }
        "stick" => Some(Prop::Stick),
        "step" => Some(Prop::Step),
        "desk" => Some(Prop::Desk),
        "wall" => {
            let side = checker
                .choice(
                    table,
                    "side",
                    &[("front", Facing::Front), ("back", Facing::Back)],
                )
                .map_or(Facing::Front, Spanned::into_inner);
            Some(Prop::Wall { side })
        }
        "band" => Some(Prop::Band {
            anchor: read_anchor(checker, table),
        }),
        "roller" => {
            if !table.contains_key("under") {
                checker.error(
                    span,
                    "a roller needs `under`, the bone it rolls: write { kind = \"roller\", under = \"left_shin\" }",
                );
                return None;
            }
            let under = checker.choice(table, "under", &Bone::ALL);
            let from = fraction(checker, table, "from").unwrap_or(0.3);
            let to = fraction(checker, table, "to").unwrap_or(0.7);
            under.map(|under| Prop::Roller {
                under: under.into_inner(),
                from,
                to,
            })
        }
        other => {
            checker.error(
                span,
                format!(
                    "unknown prop `{other}`{}; props are {}",
                    hint(other, PROP_NAMES.iter().copied()),
                    PROP_NAMES.join(", ")
                ),
            );
            None
        }
    }
}

/// Whether `items` holds more than `most`; if so the first one over is reported, and nothing in the
/// list is read further (each item would cost work on every frame).
fn over_limit(
    checker: &mut Checker<'_>,
    items: &[Spanned<DeValue<'_>>],
    most: usize,
    id: &str,
    plural: &str,
    singular: &str,
) -> bool {
    let Some(extra) = items.get(most) else {
        return false;
    };
    checker.error(
        extra.span(),
        format!(
            "the figure of `{id}` may have at most {most} {plural}; this is {singular} {}",
            most + 1
        ),
    );
    true
}

/// "a string", "an array": for messages.
fn a_type(value: &DeValue<'_>) -> String {
    match value.type_str() {
        "array" => "an array".to_owned(),
        "inline table" | "table" => "a table".to_owned(),
        other => format!("a {other}"),
    }
}

/// A fraction of a bone, 0 to 1; `None` when absent or wrong (and then reported).
fn fraction(checker: &mut Checker<'_>, table: &DeTable<'_>, key: &str) -> Option<f64> {
    let found = number(checker, table, key)?;
    if (0.0..=1.0).contains(&found) {
        return Some(found);
    }
    if let Some(value) = table.get(key) {
        checker.error(
            value.span(),
            format!("`{key}` must be from 0 to 1, found {found}"),
        );
    }
    None
}

/// `anchor = [x, y]`: where a band is tied, from the pelvis along the floor and up from it.
fn read_anchor(checker: &mut Checker<'_>, table: &DeTable<'_>) -> Option<Point> {
    let value = table.get("anchor")?;
    let numbers: Option<Vec<f64>> = value.get_ref().as_array().and_then(|items| {
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::Integer(i) => i.as_str().parse::<f64>().ok(),
                DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                _ => None,
            })
            .collect()
    });
    match numbers.as_deref() {
        Some(&[x, y]) if x.abs() <= MAX_SLIDE && (0.0..=MAX_SLIDE).contains(&y) => {
            Some(Point::new(x, y))
        }
        _ => {
            checker.error(
                value.span(),
                format!(
                    "`anchor` must be [x, y] in body heights: x from -{MAX_SLIDE} to {MAX_SLIDE}, y from 0 to {MAX_SLIDE}"
                ),
            );
            None
        }
    }
}
