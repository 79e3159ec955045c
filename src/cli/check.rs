//! `limberup check --answers FILE [--json] [--no-save]`: the pain check from an answers file.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{Failure, Outcome, io_failure, json_failure};
use crate::app::CheckRecord;
use crate::config::Dirs;
use crate::history::{Store, UtcTime};
use crate::routine::source::read_source;
use crate::routine::{Library, LoadError};
use crate::triage::advice::{DISCLAIMER, advice, headline, suggested_routines};
use crate::triage::parse_answers;

#[derive(Serialize)]
struct CheckJson<'a> {
    level: &'a str,
    rules: Vec<&'a str>,
    advice: Vec<&'a str>,
    routines: Vec<String>,
}

pub fn run(
    library: &Library,
    dirs: &Dirs,
    answers_path: &Path,
    json: bool,
    save: bool,
    out: &mut impl Write,
) -> Outcome {
    let answers = read_answers(answers_path)?;
    let mut store = match &dirs.data_dir {
        Some(dir) if save => Some(Store::open(dir).map_err(|e| Failure::Other(e.into()))?),
        // Without saving, the history still informs the check when it can be read.
        Some(dir) => Store::open(dir).ok(),
        None if save => {
            return Err(anyhow::anyhow!(
                "no data folder to save the check in; use --data-dir or --no-save"
            )
            .into());
        }
        None => None,
    };
    let history = match &store {
        Some(store) => store.past_checks().map_err(|e| Failure::Other(e.into()))?,
        None => Vec::new(),
    };
    let record = CheckRecord::evaluate(answers, UtcTime::now(), &history);
    if save {
        if let Some(store) = store.as_mut() {
            store
                .save_check(
                    &record.answers,
                    (&record.taken_at, record.day),
                    &record.triage,
                )
                .map_err(|e| Failure::Other(e.into()))?;
        }
    }
    let triage = &record.triage;
    let routines = suggested_routines(triage.level, &record.answers.areas, library);
    if json {
        let body = CheckJson {
            level: triage.level.as_str(),
            rules: triage.rule_ids(),
            advice: advice(triage.level),
            routines,
        };
        serde_json::to_writer(&mut *out, &body).map_err(json_failure)?;
        return writeln!(out).map_err(io_failure);
    }
    let mut text = format!(
        "Result: {} ({})\n{}\n\nWhy:\n",
        triage.level.as_str().to_uppercase(),
        triage.level.words(),
        headline(triage.level)
    );
    for rule in &triage.fired {
        let _ = writeln!(text, "  - {} ({})", rule.reason, rule.id);
    }
    text.push_str("\nWhat to do:\n");
    for line in advice(triage.level) {
        let _ = writeln!(text, "  - {line}");
    }
    if !routines.is_empty() {
        text.push_str("\nRoutines that may help (limberup run ID):\n");
        for id in &routines {
            let name = library.find(id).map_or("", |r| r.name.as_str());
            let _ = writeln!(text, "  - {id}: {name}");
        }
    }
    let _ = write!(text, "\n{DISCLAIMER}\n");
    if save {
        text.push_str("Saved to your history.\n");
    }
    out.write_all(text.as_bytes()).map_err(io_failure)
}

/// Reads and checks an answers file; every problem is reported with its position.
pub fn read_answers(path: &Path) -> Result<crate::triage::Answers, Failure> {
    let source = read_source(path).map_err(|d| invalid(vec![d], None))?;
    parse_answers(&source).map_err(|p| invalid(p, Some(source.clone())))
}

fn invalid(
    problems: Vec<crate::diag::Diagnostic>,
    source: Option<crate::diag::SourceText>,
) -> Failure {
    Failure::Load(LoadError::Invalid {
        problems,
        sources: source.into_iter().collect(),
    })
}
