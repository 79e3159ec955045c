//! The schema of an `exercises.toml` catalog, with the figure table.

use serde_json::{Value, json};

use super::{duration, name, paragraph, text_list, words};
use crate::format::limits;

/// The schema of an `exercises.toml` catalog.
pub fn catalog_schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://limberup.invalid/schema/exercises-v1.json",
        "title": "limberup exercise catalog",
        "type": "object",
        "propertyNames": {"pattern": "^[a-z0-9_-]+$",
                          "description": "Exercise ids: lower-case letters, digits, dashes and underscores."},
        "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {
                "name": name("The exercise's name."),
                "instructions": paragraph("Set-up, the movement, what to feel."),
                "cues": text_list("Coaching cues."),
                "caution": paragraph("A safety note."),
                "areas": text_list("Body areas the exercise helps."),
                "duration": duration("Default length for steps that use it.", true),
                "reps": {"type": "integer", "minimum": limits::REPS.start(), "maximum": limits::REPS.end()},
                "tempo": duration("Default seconds per rep.", true),
                "figure": figure_schema(),
                "review_safe": {"type": "boolean", "description": "Gentle enough to suggest while a runner waits to see a professional (pain check `review`): nothing loaded, no foam rolling, no end-range bending, no stretch that pulls on a nerve. Default false."}
            },
            "not": {"required": ["duration", "reps"]}
        }
    })
}

/// The `[id.figure]` table of a catalog entry.
fn figure_schema() -> Value {
    use crate::figure::{
        Bone, Crop, Joint, Landmark, MAX_POSES, MAX_PROPS, Motion, PROP_NAMES, View,
    };
    let fraction = json!({"type": "number", "minimum": 0, "maximum": 1});
    let mut pose = serde_json::Map::new();
    pose.insert(
        "at".into(),
        json!({"type": "number", "minimum": 0, "maximum": 1,
               "description": "The moment of the movement, 0 to 1; increasing from pose to pose."}),
    );
    pose.insert(
        "x".into(),
        json!({"type": "number", "minimum": -2, "maximum": 2,
               "description": "How far the pelvis has moved along the floor, in body heights."}),
    );
    let points: Vec<String> = Landmark::all().into_iter().map(Landmark::name).collect();
    pose.insert(
        "contacts".into(),
        json!({"type": "array", "items": {"enum": points}, "uniqueItems": true,
               "description": "The body points resting on the floor in this pose (and the poses after, until one says otherwise); the body is tipped and set down onto them. Left out: it rests on its lowest point."}),
    );
    pose.insert(
        "hold".into(),
        json!({"type": "number", "exclusiveMinimum": 0, "maximum": 1,
               "description": "How much of the cycle the pose stays still before moving on; it must end by the next pose's `at`."}),
    );
    for joint in Joint::ALL {
        let range = joint.range();
        pose.insert(
            joint.name().into(),
            json!({"type": "number", "minimum": range.start(), "maximum": range.end(),
                   "description": "Degrees; left out, the pose before's angle (0 in the first pose)."}),
        );
    }
    let bones: Vec<&str> = Bone::ALL.iter().map(|(name, _)| *name).collect();
    let prop_table = json!({
        "type": "object", "additionalProperties": false, "required": ["kind"],
        "properties": {
            "kind": {"enum": PROP_NAMES},
            "under": {"enum": bones, "description": "roller: the bone it rolls."},
            "from": fraction, "to": fraction,
            "anchor": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
                       "description": "band: [x, y] where it is tied, in body heights."},
            "side": {"enum": ["front", "back"], "description": "wall: which side of the body."},
            "place": {"enum": ["under", "beside"], "description": "chair: under the pelvis (default) or beside the body, held for balance."}
        }
    });
    let figure = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["pose"],
        "description": "How to draw the exercise: a view, a motion, props and key poses.",
        "properties": {
            "view": {"enum": words(&View::ALL), "description": "side (default) | front | top | end (from in front of the head, along the spine)"},
            "period": duration("How long one movement takes when the step gives no tempo (default 3 s a rep, 5 s a breath, 4 s a roll); 1 s to 1 min.", true),
            "crop": {"enum": words(&Crop::ALL),
                     "description": "whole (default) | head-and-shoulders (down to the middle of the back, for neck and shoulder-blade drills)"},
            "motion": {"enum": words(&Motion::ALL),
                       "description": "cycle (one movement per rep) | hold (breathing) | roll (foam rolling)"},
            "props": {"type": "array", "maxItems": MAX_PROPS,
                      "items": {"oneOf": [{"enum": PROP_NAMES}, prop_table]}},
            "pose": {"type": "array", "minItems": 1, "maxItems": MAX_POSES,
                     "items": {"type": "object", "additionalProperties": false, "required": ["at"],
                               "properties": pose}}
        }
    });
    figure
}
