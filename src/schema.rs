//! JSON Schemas of the routine format and the exercise catalog, for editors (taplo, Even Better TOML).
//!
//! Built from the same limits as the loader, so the two cannot drift apart; a test checks the key lists.

use serde_json::{Value, json};

use crate::format::limits;
use crate::format::model::{Kind, Sides, When};

const DURATION_PATTERN: &str = r"^\s*((\d+:)?\d+:\d{2}|(\d+\s*(h|hr|hrs|hour|hours)\s*)?(\d+\s*(m|min|mins|minute|minutes)\s*)?(\d+\s*(s|sec|secs|second|seconds))?)\s*$";

fn duration(description: &str) -> Value {
    json!({
        "description": description,
        "oneOf": [
            {"type": "integer", "minimum": 0, "maximum": limits::MAX_DURATION.0, "description": "whole seconds"},
            {"type": "string", "minLength": 1, "pattern": DURATION_PATTERN,
             "examples": ["45s", "2m", "1m30s", "1:30"]}
        ]
    })
}

fn text(description: &str, max: usize) -> Value {
    json!({"type": "string", "maxLength": max, "description": description})
}

fn text_list(description: &str) -> Value {
    json!({"type": "array", "items": {"type": "string", "maxLength": limits::LINE_CHARS}, "description": description})
}

fn words<T>(options: &[(&str, T)]) -> Vec<String> {
    options.iter().map(|(word, _)| (*word).to_owned()).collect()
}

fn timing_properties() -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert("rest".into(), duration("Rest after each step (default 0)."));
    map.insert(
        "set_rest".into(),
        duration("Rest between sets of a step (default 30s)."),
    );
    map.insert(
        "switch".into(),
        duration("Time to change sides (default 5s)."),
    );
    map.insert(
        "countdown".into(),
        json!({"type": "integer", "minimum": limits::COUNTDOWN.start(), "maximum": limits::COUNTDOWN.end(),
               "description": "Beeps in the last N seconds of every timed segment (default 3)."}),
    );
    map
}

/// The schema of a routine file.
pub fn routine_schema() -> Value {
    let mut defaults = timing_properties();
    defaults.insert(
        "prepare".into(),
        duration("Get-ready time before the first step (default 5s; 0 = none)."),
    );
    let mut step = timing_properties();
    step.extend([
        ("name".to_owned(), json!({"type": "string", "minLength": 1, "maxLength": limits::NAME_CHARS, "description": "Required unless `exercise` supplies it."})),
        ("exercise".to_owned(), json!({"type": "string", "description": "An id from an exercises.toml catalog; the step inherits its name, instructions, cues, caution and duration or reps."})),
        ("duration".to_owned(), duration("How long the step lasts (at least 1s, at most 1h). Use either this or `reps`.")),
        ("reps".to_owned(), json!({"type": "integer", "minimum": limits::REPS.start(), "maximum": limits::REPS.end(), "description": "Repetitions. Without `tempo` the step waits for Enter."})),
        ("tempo".to_owned(), duration("Seconds per rep; with it a rep step is timed (reps x tempo).")),
        ("sets".to_owned(), json!({"type": "integer", "minimum": limits::SETS.start(), "maximum": limits::SETS.end(), "description": "How many sets (default 1)."})),
        ("sides".to_owned(), json!({"enum": words(Sides::ALL), "description": "none | left | right | both (default none)."})),
        ("instructions".to_owned(), text("What to do, shown during the step.", limits::PROSE_CHARS)),
        ("cues".to_owned(), text_list("Coaching cues shown in turn during the step.")),
        ("caution".to_owned(), text("Shown prominently during the step.", limits::PROSE_CHARS)),
        ("sound".to_owned(), json!({"type": "string", "description": "A WAV, OGG, FLAC or MP3 file (at most 5 MiB) in this file's folder or below, played at the start of the step."})),
    ]);
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://limberup.invalid/schema/routine-v1.json",
        "title": "limberup routine",
        "description": "A routine for limberup, a terminal coach for runners (format version 1).",
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "kind", "steps"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": limits::NAME_CHARS, "description": "The routine's name."},
            "kind": {"enum": words(Kind::ALL), "description": "What the routine is for."},
            "when": {"enum": words(When::ALL), "description": "Relative to a run (default any)."},
            "description": text("What the routine is for, in a sentence or two.", limits::DESCRIPTION_CHARS),
            "tags": text_list("Body areas and themes, such as upper-back or posture."),
            "equipment": text_list("What the runner needs, such as a foam roller."),
            "author": text("Who wrote the routine.", limits::LINE_CHARS),
            "pain_check": {"type": "boolean", "description": "Ask the post-run pain check at the end (default true when when = \"after\")."},
            "rounds": {"type": "integer", "minimum": limits::ROUNDS.start(), "maximum": limits::ROUNDS.end(), "description": "Play the whole step list this many times (default 1)."},
            "round_rest": duration("Rest between rounds (default 0)."),
            "defaults": {"type": "object", "additionalProperties": false, "properties": defaults,
                         "description": "Timings every step uses unless it sets its own."},
            "steps": {"type": "array", "minItems": 1, "maxItems": limits::MAX_STEPS,
                      "items": {"type": "object", "additionalProperties": false, "properties": step,
                                "not": {"required": ["duration", "reps"]}}}
        }
    })
}

/// The schema of an `exercises.toml` catalog.
pub fn catalog_schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://limberup.invalid/schema/exercises-v1.json",
        "title": "limberup exercise catalog",
        "type": "object",
        "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "minLength": 1, "maxLength": limits::NAME_CHARS},
                "instructions": text("Set-up, the movement, what to feel.", limits::PROSE_CHARS),
                "cues": text_list("Coaching cues."),
                "caution": text("A safety note.", limits::PROSE_CHARS),
                "areas": text_list("Body areas the exercise helps."),
                "duration": duration("Default length for steps that use it."),
                "reps": {"type": "integer", "minimum": limits::REPS.start(), "maximum": limits::REPS.end()},
                "tempo": duration("Default seconds per rep."),
                "figure": figure_schema()
            },
            "not": {"required": ["duration", "reps"]}
        }
    })
}

/// The schema of a program file (`programs/*.toml`).
pub fn program_schema() -> Value {
    use crate::program::read::{PAIN, PER_WEEK, WEEKS};
    let weekdays: Vec<&str> = crate::program::WEEKDAYS.iter().map(|(w, _)| *w).collect();
    let pain = |description: &str| json!({"type": "integer", "minimum": PAIN.start(), "maximum": PAIN.end(), "description": description});
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://limberup.invalid/schema/program-v1.json",
        "title": "limberup program",
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "weeks", "sessions"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": limits::NAME_CHARS},
            "description": text("What the program is for.", limits::DESCRIPTION_CHARS),
            "tags": text_list("Body areas, as for routines."),
            "weeks": {"type": "integer", "minimum": WEEKS.start(), "maximum": WEEKS.end(),
                      "description": "How many weeks the program runs."},
            "rest_routine": {"type": "string", "description": "The routine self-care days play instead (default rest-day-gentle)."},
            "sessions": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["routine"],
                    "oneOf": [{"required": ["per_week"]}, {"required": ["days"]}],
                    "properties": {
                        "routine": {"type": "string", "description": "A routine id (built-in or yours)."},
                        "per_week": {"type": "integer", "minimum": PER_WEEK.start(), "maximum": PER_WEEK.end(),
                                     "description": "Sessions a week, on any days."},
                        "days": {"type": "array", "minItems": 1, "uniqueItems": true,
                                 "items": {"enum": weekdays}, "description": "Fixed weekdays."},
                        "weeks": {"type": "array", "minItems": 2, "maxItems": 2,
                                  "items": {"type": "integer", "minimum": WEEKS.start(), "maximum": WEEKS.end()},
                                  "description": "First and last program week it applies (default all)."},
                        "progress": {
                            "type": "object",
                            "additionalProperties": false,
                            "description": "What each level adds to the routine.",
                            "properties": {
                                "reps": {"type": "integer", "minimum": 0, "maximum": limits::REPS.end()},
                                "duration": duration("Added to every timed exercise step."),
                                "sets": {"type": "integer", "minimum": 0, "maximum": limits::SETS.end()}
                            }
                        }
                    }
                }
            },
            "gate": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "green": pain("Session pain up to this goes on as planned (default 3)."),
                    "amber": pain("Above green up to this holds; above it steps back (default 5).")
                }
            }
        }
    })
}

pub fn program_schema_text() -> String {
    serde_json::to_string_pretty(&program_schema()).unwrap_or_default()
}

/// The `[id.figure]` table of a catalog entry.
fn figure_schema() -> Value {
    use crate::figure::{Bone, Joint, Motion, PROP_NAMES, View};
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
            "side": {"enum": ["front", "back"], "description": "wall: which side of the body."}
        }
    });
    let figure = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["pose"],
        "description": "How to draw the exercise: a view, a motion, props and key poses.",
        "properties": {
            "view": {"enum": words(&View::ALL), "description": "side (default) | front | top"},
            "motion": {"enum": words(&Motion::ALL),
                       "description": "cycle (one movement per rep) | hold (breathing) | roll (foam rolling)"},
            "props": {"type": "array", "items": {"oneOf": [{"enum": PROP_NAMES}, prop_table]}},
            "pose": {"type": "array", "minItems": 1,
                     "items": {"type": "object", "additionalProperties": false, "required": ["at"],
                               "properties": pose}}
        }
    });
    figure
}

pub fn routine_schema_text() -> String {
    serde_json::to_string_pretty(&routine_schema()).unwrap_or_default()
}

pub fn catalog_schema_text() -> String {
    serde_json::to_string_pretty(&catalog_schema()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::{catalog, load};

    fn keys(object: &Value) -> Vec<String> {
        let mut keys: Vec<String> = object
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut list: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        list.sort();
        list
    }

    #[test]
    fn program_schema_keys_match_the_reader() {
        use crate::program::read::{GATE_KEYS, PROGRAM_KEYS, PROGRESS_KEYS, SESSION_KEYS};
        let schema = program_schema();
        assert_eq!(keys(&schema["properties"]), sorted(PROGRAM_KEYS));
        let session = &schema["properties"]["sessions"]["items"];
        assert_eq!(keys(&session["properties"]), sorted(SESSION_KEYS));
        assert_eq!(
            keys(&session["properties"]["progress"]["properties"]),
            sorted(PROGRESS_KEYS)
        );
        assert_eq!(
            keys(&schema["properties"]["gate"]["properties"]),
            sorted(GATE_KEYS)
        );
    }

    #[test]
    fn schema_keys_match_the_loader() {
        let schema = routine_schema();
        assert_eq!(keys(&schema["properties"]), sorted(load::ROUTINE_KEYS));
        assert_eq!(
            keys(&schema["properties"]["defaults"]["properties"]),
            sorted(load::DEFAULT_KEYS)
        );
        assert_eq!(
            keys(&schema["properties"]["steps"]["items"]["properties"]),
            sorted(load::STEP_KEYS)
        );
        let catalog = catalog_schema();
        assert_eq!(
            keys(&catalog["additionalProperties"]["properties"]),
            sorted(catalog::KEYS)
        );
        let figure = &catalog["additionalProperties"]["properties"]["figure"];
        assert_eq!(
            keys(&figure["properties"]),
            sorted(crate::figure::FIGURE_KEYS)
        );
        let joints: Vec<&str> = crate::figure::Joint::ALL
            .iter()
            .map(|j| j.name())
            .chain(crate::figure::POSE_KEYS.iter().copied())
            .collect();
        assert_eq!(
            keys(&figure["properties"]["pose"]["items"]["properties"]),
            sorted(&joints)
        );
        assert_eq!(
            keys(&figure["properties"]["props"]["items"]["oneOf"][1]["properties"]),
            sorted(crate::figure::PROP_KEYS)
        );
    }

    #[test]
    fn duration_pattern_accepts_what_the_loader_accepts() {
        let pattern = DURATION_PATTERN;
        // The pattern is for editors; spot-check it with the same forms the duration tests use.
        for good in ["45s", "2m", "1m30s", "1m 30s", "1:30", "1:00:00", "1h 5m"] {
            assert!(crate::duration::parse_duration(good).is_ok(), "{good}");
            assert!(pattern.contains("(h|hr|hrs|hour|hours)"), "{pattern}");
        }
    }
}
