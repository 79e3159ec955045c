//! The JSON Schema an editor uses must say what `validate` says. Every TOML fixture (and every shipped
//! file) is checked by a real JSON Schema validator and by the loader; where they disagree on something
//! JSON Schema can express, this fails. What it cannot express is listed in `KNOWN_LIMITS`, each with
//! its reason, and an entry that no longer disagrees fails too, so the list stays true.

use std::path::{Path, PathBuf};

use limberup::diag::source::read_source;
use limberup::routine::Library;
use limberup::routine::catalog::Catalog;

/// Fixtures on which the schema and `validate` disagree because JSON Schema cannot say the rule.
const KNOWN_LIMITS: &[(&str, &str)] = &[
    (
        "invalid/duration-over-an-hour.toml",
        "a string duration's upper bound (\"1h1s\") needs arithmetic",
    ),
    (
        "invalid/reps-fraction.toml",
        "TOML 10.0 reaches the validator as the JSON number 10.0, which JSON Schema counts as an integer",
    ),
    (
        "invalid/over-four-hours.toml",
        "the 4-hour total is a sum over steps, sets and sides",
    ),
    (
        "invalid/over-four-hours-rounds.toml",
        "the 4-hour total is a sum over steps, sets, sides and rounds",
    ),
    (
        "invalid/block-unknown.toml",
        "a step's `block` must name a key of [blocks]: draft 7 cannot tie a value to another object's keys",
    ),
    (
        "invalid/block-apart.toml",
        "a block's steps must come one after another: an order across array items",
    ),
    ("invalid/sound-missing.toml", "a sound file must exist"),
    ("invalid/sound-corrupt.toml", "a sound file must decode"),
    ("invalid/sound-not-audio.toml", "a sound file must be audio"),
];

/// Folders of TOML that is not a routine or a catalog (answers files), or not TOML at all.
const NOT_ROUTINES: &[&str] = &["answers", "no-routines"];

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if !NOT_ROUTINES.iter().any(|n| path.ends_with(n)) {
                toml_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn is_catalog(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "exercises.toml")
        || path.starts_with("tests/fixtures/catalogs")
}

/// What `validate` says: `None` when the file is good, else its first problem.
fn loader_verdict(library: &Library, path: &Path) -> Option<String> {
    if is_catalog(path) {
        let source = read_source(path).ok()?;
        return Catalog::parse(&source).err().map(|p| p[0].to_string());
    }
    library.load_path(path).err().map(|e| e.to_string())
}

/// What the schema says, or `None` when the file is not TOML (syntax is the parser's, not the schema's).
fn schema_verdict(library: &Library, path: &Path) -> Option<Result<(), String>> {
    let text = std::fs::read_to_string(path).ok()?;
    let value: serde_json::Value = toml::from_str(&text).ok()?;
    let schema = if is_catalog(path) {
        limberup::schema::catalog_schema()
    } else {
        // The catalog the routine sees: ours, with its folder's own over it.
        let mut catalog = library.catalog.clone();
        let local = path.with_file_name("exercises.toml");
        if let Ok(source) = read_source(&local) {
            catalog.overlay(Catalog::read(&source).0);
        }
        limberup::schema::routine_schema(&catalog)
    };
    let validator = jsonschema::draft7::new(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    Some(if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    })
}

#[test]
fn the_schema_and_validate_agree_on_every_fixture() {
    let library = Library::load(None).expect("built-ins load");
    let mut files = Vec::new();
    toml_files(Path::new("tests/fixtures"), &mut files);
    toml_files(Path::new("routines"), &mut files);
    assert!(files.len() > 60, "{} files", files.len());
    let mut disagreements = Vec::new();
    let mut limits_seen = Vec::new();
    for path in &files {
        let Some(schema) = schema_verdict(&library, path) else {
            continue;
        };
        let loader = loader_verdict(&library, path);
        let shown = path.display().to_string();
        // Only a decoder tells a WAV header with no sound behind it; the build without audio checks
        // the header alone, so there the schema and validate agree on this file.
        if shown.ends_with("invalid/sound-corrupt.toml") && cfg!(not(feature = "audio")) {
            limits_seen.push("invalid/sound-corrupt.toml");
            continue;
        }
        let known = KNOWN_LIMITS.iter().find(|(name, _)| shown.ends_with(name));
        let agree = schema.is_ok() == loader.is_none();
        match (agree, known) {
            (true, None) => {}
            (false, Some((name, _))) => limits_seen.push(*name),
            (true, Some((name, reason))) => disagreements.push(format!(
                "{name} is listed as a known limit ({reason}) but the schema and validate now agree"
            )),
            (false, None) => disagreements.push(format!(
                "{shown}: validate says {:?}, the schema says {:?}",
                loader.as_deref().unwrap_or("ok"),
                schema.as_ref().err().map_or("ok", String::as_str)
            )),
        }
    }
    for (name, reason) in KNOWN_LIMITS {
        if !limits_seen.contains(name) && !disagreements.iter().any(|d| d.starts_with(name)) {
            disagreements.push(format!("known limit {name} ({reason}) was not checked"));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn the_schema_lists_exercise_ids_with_their_docs() {
    let library = Library::load(None).expect("built-ins load");
    let schema = limberup::schema::routine_schema(&library.catalog);
    let exercise = &schema["properties"]["steps"]["items"]["properties"]["exercise"];
    let ids = exercise["enum"].as_array().expect("an enum");
    let docs = exercise["x-taplo"]["docs"]["enumValues"]
        .as_array()
        .expect("docs");
    assert_eq!(ids.len(), library.catalog.len());
    assert_eq!(docs.len(), ids.len());
    let at = ids
        .iter()
        .position(|id| id == "leg-swings-front")
        .expect("a built-in id");
    assert!(
        docs[at]
            .as_str()
            .is_some_and(|d| d.starts_with("Front-to-back leg swings: Stand side-on")),
        "{}",
        docs[at]
    );
}

/// Every shipped file names the schema beside it, and those schemas are what `limberup schema` writes.
#[test]
fn shipped_files_point_at_current_schemas() {
    let library = Library::load(None).expect("built-ins load");
    let routine = std::fs::read_to_string("routines/routine.schema.json").expect("shipped");
    assert!(
        routine.trim_end() == limberup::schema::routine_schema_text(&library.catalog),
        "out of date: run LIMBERUP_ROUTINES=/nonexistent limberup schema > routines/routine.schema.json"
    );
    let catalog = std::fs::read_to_string("routines/exercises.schema.json").expect("shipped");
    assert!(
        catalog.trim_end() == limberup::schema::catalog_schema_text(),
        "out of date: run limberup schema --catalog > routines/exercises.schema.json"
    );
    let program = std::fs::read_to_string("routines/program.schema.json").expect("shipped");
    assert!(
        program.trim_end() == limberup::schema::program_schema_text(),
        "out of date: run limberup schema --program > routines/program.schema.json"
    );
    let mut files = Vec::new();
    toml_files(Path::new("routines"), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let expected = if path.parent().is_some_and(|p| p.ends_with("programs")) {
            "#:schema ../program.schema.json"
        } else if is_catalog(&path) {
            "#:schema ./exercises.schema.json"
        } else {
            "#:schema ./routine.schema.json"
        };
        assert_eq!(text.lines().next(), Some(expected), "{}", path.display());
    }
}
