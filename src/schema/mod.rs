//! JSON Schemas of the routine format and the exercise catalog, for editors (taplo, Even Better TOML).
//!
//! Built from the same limits as the loader, so the two cannot drift apart; a test checks the key lists,
//! and `tests/integration/schema_agreement.rs` checks every fixture against both. What JSON Schema
//! cannot say (a string duration's upper bound, the 4-hour total, sound files) is listed there as known
//! limits.

mod catalog;
mod program;

use serde_json::{Value, json};

pub use program::{program_schema, program_schema_text};

pub use catalog::catalog_schema;

use crate::format::limits;
use crate::format::model::{Kind, Sides, When};
use crate::routine::catalog::Catalog;

/// The units a duration string may use.
const HOURS: &str = r"(h|hr|hrs|hour|hours)";
const MINUTES: &str = r"(m|min|mins|minute|minutes)";
const SECONDS: &str = r"(s|sec|secs|second|seconds)";

/// Characters no text may hold (`crate::text::is_unprintable`), as a regex class body.
const UNPRINTABLE: &str = r"\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb";
/// The same, with the line feed allowed (prose that may span lines).
const UNPRINTABLE_BUT_NEWLINE: &str = r"\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb";

/// The string forms the loader accepts: `m:ss` or `h:mm:ss`, or units largest first, where a unit after
/// a larger one is at most 59.
pub fn duration_pattern() -> String {
    let small = r"[0-5]?\d";
    let clock = r"\d+:[0-5]\d(:[0-5]\d)?";
    let units = format!(
        r"\d+\s*{HOURS}(\s*{small}\s*{MINUTES})?(\s*{small}\s*{SECONDS})?|\d+\s*{MINUTES}(\s*{small}\s*{SECONDS})?|\d+\s*{SECONDS}"
    );
    format!(r"^\s*({clock}|{units})\s*$")
}

/// A duration: whole seconds or a string; `positive` when it must be at least 1s (a step's work, a
/// tempo), else 0 is allowed (rests, switches, prepare).
fn duration(description: &str, positive: bool) -> Value {
    let minimum = u32::from(positive);
    // A string of zeros ("0s", "0:00") is 0s: a positive one needs a digit other than 0.
    let string = if positive {
        json!({"type": "string", "allOf": [{"pattern": duration_pattern()}, {"pattern": "[1-9]"}],
               "examples": ["45s", "2m", "1m30s", "1:30"]})
    } else {
        json!({"type": "string", "pattern": duration_pattern(), "examples": ["0", "10s", "1m"]})
    };
    json!({
        "description": description,
        "anyOf": [
            {"type": "integer", "minimum": minimum, "maximum": limits::MAX_DURATION.0,
             "description": "whole seconds"},
            string
        ]
    })
}

/// One line of printable text, at most `max` characters.
fn text(description: &str, max: usize) -> Value {
    json!({"type": "string", "maxLength": max, "pattern": format!("^[^{UNPRINTABLE}]*$"),
           "description": description})
}

/// Prose: printable text that may span lines.
fn paragraph(description: &str) -> Value {
    json!({"type": "string", "maxLength": limits::PROSE_CHARS,
           "pattern": format!("^[^{UNPRINTABLE_BUT_NEWLINE}]*$"), "description": description})
}

/// A name: one line of printable text, not only spaces.
fn name(description: &str) -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": limits::NAME_CHARS,
           "pattern": format!("^[^{UNPRINTABLE}]*[^\\s{UNPRINTABLE}][^{UNPRINTABLE}]*$"),
           "description": description})
}

fn text_list(description: &str) -> Value {
    json!({"type": "array", "items": text("", limits::LINE_CHARS), "description": description})
}

fn words<T>(options: &[(&str, T)]) -> Vec<String> {
    options.iter().map(|(word, _)| (*word).to_owned()).collect()
}

fn count(range: &std::ops::RangeInclusive<i64>, description: &str) -> Value {
    json!({"type": "integer", "minimum": range.start(), "maximum": range.end(), "description": description})
}

fn timing_properties() -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert(
        "rest".into(),
        duration("Rest after each step (default 0).", false),
    );
    map.insert(
        "set_rest".into(),
        duration("Rest between sets of a step (default 30s).", false),
    );
    map.insert(
        "switch".into(),
        duration("Time to change sides (default 5s).", false),
    );
    for (key, usual) in [
        ("rest_label", "Rest"),
        ("set_rest_label", "Rest between sets"),
        ("switch_label", "Switch sides"),
    ] {
        map.insert(
            key.into(),
            name(&format!(
                "What this rest or switch is called on screen (default \"{usual}\"), such as \"Walk back down\"."
            )),
        );
    }
    map.insert(
        "countdown".into(),
        count(
            &limits::COUNTDOWN,
            "Beeps in the last N seconds of every timed segment (default 3).",
        ),
    );
    map
}

/// `exercise`: the catalog's ids, each documented with its name and instructions (taplo shows
/// `x-taplo` docs on completion and hover).
fn exercise_ids(catalog: &Catalog) -> Value {
    let ids: Vec<&str> = catalog.ids().collect();
    let docs: Vec<String> = catalog
        .iter()
        .map(|e| match &e.instructions {
            Some(instructions) => format!("{}: {instructions}", e.name),
            None => e.name.clone(),
        })
        .collect();
    json!({
        "type": "string",
        "enum": ids,
        "description": "An id from the exercise catalog (built in, or your exercises.toml); the step inherits its name, instructions, cues, caution and duration or reps.",
        "x-taplo": {"docs": {"enumValues": docs}}
    })
}

/// The schema of a routine file, with `exercise` limited to the ids of `catalog`.
pub fn routine_schema(catalog: &Catalog) -> Value {
    let mut defaults = timing_properties();
    defaults.insert(
        "prepare".into(),
        duration(
            "Get-ready time before the first step (default 5s; 0 = none).",
            false,
        ),
    );
    let mut step = timing_properties();
    step.extend([
        ("name".to_owned(), name("Required unless `exercise` supplies it.")),
        ("exercise".to_owned(), exercise_ids(catalog)),
        ("duration".to_owned(), duration("How long the step lasts (at least 1s, at most 1h). Use either this or `reps`.", true)),
        ("reps".to_owned(), count(&limits::REPS, "Repetitions. Without `tempo` the step waits for Enter.")),
        ("tempo".to_owned(), duration("Seconds per rep (at least 1s); with it a rep step is timed (reps x tempo).", true)),
        ("sets".to_owned(), count(&limits::SETS, "How many sets (default 1).")),
        ("sides".to_owned(), json!({"enum": words(Sides::ALL), "description": "none | left | right | both (default none)."})),
        ("instructions".to_owned(), paragraph("What to do, shown during the step.")),
        ("cues".to_owned(), text_list("Coaching cues shown in turn during the step.")),
        ("caution".to_owned(), paragraph("Shown prominently during the step.")),
        ("block".to_owned(), name("The block (a table under [blocks]) this step is played in; a block's steps come one after another.")),
        ("sound".to_owned(), json!({"type": "string", "maxLength": limits::LINE_CHARS,
            "description": "A WAV, OGG, FLAC or MP3 file (at most 5 MiB) in this file's folder or below, played at the start of the step.",
            "not": {"anyOf": [{"pattern": "^(/|\\\\|[A-Za-z]:)"}, {"pattern": "(^|[/\\\\])\\.\\.([/\\\\]|$)"}]}})),
    ]);
    let step_rules = json!([
        // A name, or an exercise that brings one.
        {"anyOf": [{"required": ["name"]}, {"required": ["exercise"]}]},
        // Work: a duration or reps, or an exercise that brings one.
        {"anyOf": [{"required": ["duration"]}, {"required": ["reps"]}, {"required": ["exercise"]}]},
        // Timed or counted, never both; a tempo only on counted work.
        {"not": {"required": ["duration", "reps"]}},
        {"not": {"required": ["duration", "tempo"]}}
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
            "name": name("The routine's name."),
            "kind": {"enum": words(Kind::ALL), "description": "What the routine is for."},
            "when": {"enum": words(When::ALL), "description": "Relative to a run (default any)."},
            "description": json!({"type": "string", "maxLength": limits::DESCRIPTION_CHARS,
                "pattern": format!("^[^{UNPRINTABLE_BUT_NEWLINE}]*$"),
                "description": "What the routine is for, in a sentence or two."}),
            "tags": text_list("Body areas and themes, such as upper-back or posture."),
            "equipment": text_list("What the runner needs, such as a foam roller."),
            "author": text("Who wrote the routine.", limits::LINE_CHARS),
            "pain_check": {"type": "boolean", "description": "Ask the post-run pain check at the end (default true when when = \"after\")."},
            "rounds": count(&limits::ROUNDS, "Play the whole step list this many times (default 1)."),
            "round_rest": duration("Rest between rounds (default 0).", false),
            "round_rest_label": name("What the rest between rounds is called on screen (default \"Rest between rounds\")."),
            "blocks": {"type": "object", "description": "Groups of consecutive steps (marked `block = \"NAME\"`) with their own rounds.",
                       "additionalProperties": {"type": "object", "additionalProperties": false, "properties": {
                           "rounds": count(&limits::ROUNDS, "Play the block's steps this many times (default 1)."),
                           "round_rest": duration("Rest between the block's rounds (default 0).", false),
                           "round_rest_label": name("What the rest between the block's rounds is called on screen (default \"Rest between rounds\")."),
                       }}},
            "defaults": {"type": "object", "additionalProperties": false, "properties": defaults,
                         "description": "Timings every step uses unless it sets its own."},
            "steps": {"type": "array", "minItems": 1, "maxItems": limits::MAX_STEPS,
                      "items": {"type": "object", "additionalProperties": false, "properties": step,
                                "allOf": step_rules}}
        }
    })
}

pub fn routine_schema_text(catalog: &Catalog) -> String {
    serde_json::to_string_pretty(&routine_schema(catalog)).unwrap_or_default()
}

pub fn catalog_schema_text() -> String {
    serde_json::to_string_pretty(&catalog_schema()).unwrap_or_default()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::routine::catalog::Catalog;
    use crate::routine::{catalog, load};

    pub(super) fn keys(object: &Value) -> Vec<String> {
        let mut keys: Vec<String> = object
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    pub(super) fn sorted(list: &[&str]) -> Vec<String> {
        let mut list: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        list.sort();
        list
    }

    #[test]
    fn schema_keys_match_the_loader() {
        let schema = routine_schema(&Catalog::default());
        assert_eq!(keys(&schema["properties"]), sorted(load::ROUTINE_KEYS));
        assert_eq!(
            keys(&schema["properties"]["defaults"]["properties"]),
            sorted(load::DEFAULT_KEYS)
        );
        assert_eq!(
            keys(&schema["properties"]["steps"]["items"]["properties"]),
            sorted(load::STEP_KEYS)
        );
        assert_eq!(
            keys(&schema["properties"]["blocks"]["additionalProperties"]["properties"]),
            sorted(crate::routine::blocks::BLOCK_KEYS)
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
        let pattern = duration_pattern();
        assert!(pattern.contains("(h|hr|hrs|hour|hours)"), "{pattern}");
        assert!(pattern.contains("[0-5]"), "{pattern}");
    }
}
