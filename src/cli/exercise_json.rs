//! `limberup exercises ID --json [--at TIME]`: one exercise and its figure at that moment as data, so
//! testers and coaches can check a figure without reading braille.
//!
//! Points are in body heights (a standing adult is 1 tall), the floor at y = 0, x toward where the
//! figure faces in side view (its right in front view, as drawn).

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::figure::{Figure, Landmark, Motion, Prop, Shape};
use crate::routine::catalog::Exercise;

/// Millimetre-ish precision: four decimals of a body height.
fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

fn point(x: f64, y: f64) -> Value {
    json!({ "x": round(x), "y": round(y) })
}

#[derive(Serialize)]
struct ExerciseData<'a> {
    id: &'a str,
    name: &'a str,
    instructions: Option<&'a str>,
    cues: &'a [String],
    caution: Option<&'a str>,
    areas: &'a [String],
    routines: &'a [&'a str],
    figure: Option<Value>,
}

/// The whole answer, for serde.
pub(super) fn exercise_data(exercise: &Exercise, routines: &[&str], at_ms: u64) -> Value {
    let tempo = exercise.tempo.map(crate::duration::Secs::millis);
    let data = ExerciseData {
        id: &exercise.id,
        name: &exercise.name,
        instructions: exercise.instructions.as_deref(),
        cues: &exercise.cues,
        caution: exercise.caution.as_deref(),
        areas: &exercise.areas,
        routines,
        figure: exercise
            .figure
            .as_ref()
            .map(|figure| figure_data(figure, tempo, at_ms)),
    };
    serde_json::to_value(data).unwrap_or(Value::Null)
}

#[allow(clippy::cast_precision_loss)] // times are far below 2^52 ms
fn figure_data(figure: &Figure, tempo_ms: Option<u64>, at_ms: u64) -> Value {
    let phase = figure.phase_at(tempo_ms, at_ms);
    let body = figure.body_at(phase);
    let mut points = Map::new();
    for landmark in Landmark::all() {
        let p = landmark.on(&body);
        points.insert(landmark.name(), point(p.x, p.y));
    }
    let props: Vec<Value> = figure
        .props_at(phase)
        .into_iter()
        .flat_map(|(prop, shapes)| prop_data(prop, &shapes))
        .collect();
    json!({
        "view": view_name(figure),
        "motion": motion_name(figure.motion),
        "crop": crate::figure::Crop::ALL
            .iter()
            .find(|(_, c)| *c == figure.crop)
            .map_or("whole", |(name, _)| name),
        "period_s": figure.cycle_ms(tempo_ms) as f64 / 1000.0,
        "at_s": at_ms as f64 / 1000.0,
        "phase": round(phase),
        "contacts": figure.contacts_at(phase).into_iter().map(Landmark::name).collect::<Vec<_>>(),
        "points": points,
        "props": props,
    })
}

fn view_name(figure: &Figure) -> &'static str {
    crate::figure::View::ALL
        .iter()
        .find(|(_, v)| *v == figure.view)
        .map_or("side", |(name, _)| name)
}

fn motion_name(motion: Motion) -> &'static str {
    Motion::ALL
        .iter()
        .find(|(_, m)| *m == motion)
        .map_or("cycle", |(name, _)| name)
}

/// A prop's geometry: what a tester needs to check the body against it. A band with an anchor gives
/// the anchor as a prop of its own (`kind = "anchor"`).
fn prop_data(prop: &Prop, shapes: &[Shape]) -> Vec<Value> {
    let lines: Vec<Value> = shapes
        .iter()
        .filter_map(|s| match *s {
            Shape::Line(a, b) => Some(json!([round(a.x), round(a.y), round(b.x), round(b.y)])),
            _ => None,
        })
        .collect();
    let mut data = match (prop, shapes.first()) {
        (Prop::Floor, _) => json!({ "kind": "floor", "y": 0.0 }),
        (Prop::Roller { .. }, Some(Shape::Circle(centre, r))) => {
            json!({ "kind": "roller", "x": round(centre.x), "y": round(centre.y), "r": round(*r) })
        }
        (Prop::Wall { .. }, Some(Shape::Line(a, _))) => json!({ "kind": "wall", "x": round(a.x) }),
        (Prop::Stick, Some(Shape::Line(from, to))) => json!({
            "kind": "stick",
            "from": point(from.x, from.y),
            "to": point(to.x, to.y),
        }),
        (Prop::Step, Some(_)) => {
            let xs = shapes.iter().flat_map(Shape::extent).map(|p| p.x);
            let ys = shapes.iter().flat_map(Shape::extent).map(|p| p.y);
            json!({
                "kind": "step",
                "left": round(xs.clone().fold(f64::INFINITY, f64::min)),
                "right": round(xs.fold(f64::NEG_INFINITY, f64::max)),
                "top": round(ys.fold(f64::NEG_INFINITY, f64::max)),
            })
        }
        (Prop::Chair { beside }, _) => json!({
            "kind": "chair",
            "place": if *beside { "beside" } else { "under" },
        }),
        (prop, _) => json!({ "kind": prop.kind() }),
    };
    if !lines.is_empty()
        && let Some(fields) = data.as_object_mut()
    {
        fields.insert("lines".to_owned(), Value::Array(lines));
    }
    let mut all = vec![data];
    if let Prop::Band {
        anchor: Some(anchor),
    } = prop
    {
        all.push(json!({ "kind": "anchor", "x": round(anchor.x), "y": round(anchor.y) }));
    }
    all
}
