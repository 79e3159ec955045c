//! The JSON Schema of a program file (`programs/*.toml`), from the same limits as its reader.

use serde_json::{Value, json};

use super::{duration, text, text_list};
use crate::format::limits;

/// The schema of a program file (`programs/*.toml`).
pub fn program_schema() -> Value {
    use crate::program::read::{PAIN, PER_WEEK, REPS_PERCENT, WEEKS};
    let weekdays: Vec<&str> = crate::program::WEEKDAYS.iter().map(|(w, _)| *w).collect();
    let pain = |description: &str| json!({"type": "integer", "minimum": PAIN.start(), "maximum": PAIN.end(), "description": description});
    let reps = json!({"oneOf": [
        {"type": "integer", "minimum": 0, "maximum": limits::REPS.end()},
        {"type": "string", "pattern": "^[0-9]{1,3}%$",
         "description": format!("A percentage of each step's own reps, {}% to {}%, rounded, at least 1.", REPS_PERCENT.start(), REPS_PERCENT.end())}
    ], "description": "Reps added to every rep step per level."});
    let mut schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://limberup.invalid/schema/program-v2.json",
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
                                "reps": reps,
                                "duration": duration("Added to every timed exercise step.", false),
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
    });
    if let (Some(properties), Value::Object(more)) =
        (schema["properties"].as_object_mut(), program_top_keys())
    {
        properties.extend(more);
    }
    schema
}

/// The top-level keys of version 2: how a program moves on and how much it plans.
fn program_top_keys() -> Value {
    use crate::program::read::{MAX_LEVEL, MAX_PER_DAY, MAX_WEEKS};
    json!({
            "advance": {"enum": ["calendar", "on-green"],
                        "description": "calendar (default): week k is the k-th calendar week; on-green: a week that is not green is played again."},
            "max_weeks": {"type": "integer", "minimum": MAX_WEEKS.start(), "maximum": MAX_WEEKS.end(),
                          "description": "With on-green: calendar weeks before the program pauses with advice (default twice weeks)."},
            "max_level": {"type": "integer", "minimum": MAX_LEVEL.start(), "maximum": MAX_LEVEL.end(),
                          "description": "The highest level the program reaches."},
            "max_per_day": {"type": "integer", "minimum": MAX_PER_DAY.start(), "maximum": MAX_PER_DAY.end(),
                            "description": "At most this many of its sessions a day (default 2)."}
    })
}

pub fn program_schema_text() -> String {
    serde_json::to_string_pretty(&program_schema()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::tests::{keys, sorted};

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
}
