//! The exercise catalog: reusable exercise definitions a step can name with `exercise = "id"`.

use std::collections::BTreeMap;

use toml::de::DeTable;

use crate::diag::fields::Checker;
use crate::diag::{Diagnostic, SourceText};
use crate::duration::Secs;
use crate::format::limits;

/// One reusable exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub instructions: Option<String>,
    pub cues: Vec<String>,
    pub caution: Option<String>,
    pub areas: Vec<String>,
    pub duration: Option<Secs>,
    pub reps: Option<u32>,
    pub tempo: Option<Secs>,
    /// How to draw it (`[id.figure]`); read by [`crate::figure::read_figure`].
    pub figure: Option<crate::figure::Figure>,
    /// Gentle enough to suggest while waiting for a professional's look (pain check `review`):
    /// nothing loaded, no foam rolling, no end-range bending, no stretch that pulls on a nerve.
    pub review_safe: bool,
}

/// Exercises by id. Later layers (the user's folder, a routine's own folder) replace earlier ones by id.
///
/// A mistake belongs to the entry that has it: that entry is left out (and remembered with its first
/// problem, so a step naming it can say where), the other entries stay usable.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    exercises: BTreeMap<String, Exercise>,
    /// Entries with errors, by id, with their first problem; never replaced by an earlier layer's entry.
    broken: BTreeMap<String, Diagnostic>,
    /// Catalog files that could not be read at all (unreadable, not TOML), with their first problem.
    unreadable: Vec<Diagnostic>,
}

pub const KEYS: &[&str] = &[
    "name",
    "instructions",
    "cues",
    "caution",
    "areas",
    "duration",
    "reps",
    "tempo",
    "figure",
    "review_safe",
];

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.get(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.exercises.keys().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Exercise> {
        self.exercises.values()
    }

    pub fn len(&self) -> usize {
        self.exercises.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty()
    }

    /// The first problem of an entry that has errors, when `id` names one.
    pub fn broken(&self, id: &str) -> Option<&Diagnostic> {
        self.broken.get(id)
    }

    /// The first problem of each catalog file that could not be read at all.
    pub fn unreadable(&self) -> &[Diagnostic] {
        &self.unreadable
    }

    /// Adds or replaces exercises by id. A broken entry replaces an earlier layer's good one: a
    /// coach's broken override never falls back silently to the exercise it meant to replace.
    pub fn overlay(&mut self, other: Catalog) {
        for (id, problem) in other.broken {
            self.exercises.remove(&id);
            self.broken.insert(id, problem);
        }
        for (id, exercise) in other.exercises {
            self.broken.remove(&id);
            self.exercises.insert(id, exercise);
        }
        self.unreadable.extend(other.unreadable);
    }

    /// A catalog that could not be read at all, remembered so unknown exercises can say why.
    pub fn unreadable_file(problem: Diagnostic) -> Self {
        Self {
            unreadable: vec![problem],
            ..Self::default()
        }
    }

    /// Parses an `exercises.toml`, refusing it when anything in it is wrong (for `validate`).
    pub fn parse(source: &SourceText) -> Result<Self, Vec<Diagnostic>> {
        let (catalog, problems) = Self::read(source);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    /// Reads an `exercises.toml`: every good entry, and every problem, each belonging to its entry.
    pub fn read(source: &SourceText) -> (Self, Vec<Diagnostic>) {
        let root = match crate::diag::toml::parse_toml(source) {
            Ok(root) => root,
            Err(problems) => {
                let catalog = problems
                    .first()
                    .cloned()
                    .map(Self::unreadable_file)
                    .unwrap_or_default();
                return (catalog, problems);
            }
        };
        let mut checker = Checker::new(source);
        let mut catalog = Self::default();
        for (key, value) in root.get_ref() {
            let id = key.get_ref().as_ref();
            let before = checker.problems.len();
            let Some(table) = value.get_ref().as_table() else {
                checker.error(
                    value.span(),
                    format!("`{id}` must be a table of exercise fields, like [{id}]"),
                );
                catalog.mark_broken(id, &checker, before);
                continue;
            };
            if !is_valid_id(id) {
                checker.error(
                    key.span(),
                    format!(
                        "exercise id `{id}` may use only lower-case letters, digits, dashes and underscores"
                    ),
                );
            }
            let exercise = read_exercise(&mut checker, id, table, key.span());
            match exercise {
                Some(exercise) if checker.problems.len() == before => {
                    catalog.exercises.insert(id.to_owned(), exercise);
                }
                _ => catalog.mark_broken(id, &checker, before),
            }
        }
        (catalog, crate::diag::toml::sorted(checker.problems))
    }

    fn mark_broken(&mut self, id: &str, checker: &Checker<'_>, before: usize) {
        if let Some(first) = checker.problems[before..]
            .iter()
            .min_by_key(|d| d.span.start)
        {
            self.broken.insert(id.to_owned(), first.clone());
        }
    }
}

fn read_exercise(
    checker: &mut Checker<'_>,
    id: &str,
    table: &DeTable<'_>,
    span: std::ops::Range<usize>,
) -> Option<Exercise> {
    let context = format!("exercise `{id}`");
    let before = checker.problems.len();
    checker.unknown_keys(table, KEYS, Some(&context));
    let name = checker.required_text(table, span, "name", Some(&context), limits::NAME_CHARS);
    super::shared::check_not_blank(checker, name.as_ref());
    let super::shared::Coaching {
        instructions,
        cues,
        caution,
    } = super::shared::read_coaching(checker, table);
    let areas = checker.text_list(table, "areas", limits::LINE_CHARS);
    let duration = checker.duration(table, "duration", Secs(1), limits::MAX_DURATION);
    let reps = checker.integer(table, "reps", limits::REPS);
    let tempo = checker.duration(table, "tempo", Secs(1), limits::MAX_DURATION);
    let review_safe = checker.boolean(table, "review_safe");
    let figure = table
        .get("figure")
        .and_then(|value| crate::figure::read_figure(checker, value, id));
    if let (Some(_), Some(reps_value)) = (table.get("duration"), table.get("reps")) {
        checker.error(
            reps_value.span(),
            format!("exercise `{id}` has both `duration` and `reps`; keep one"),
        );
    }
    if checker.problems.len() > before {
        return None;
    }
    Some(Exercise {
        id: id.to_owned(),
        name: name?.into_inner(),
        instructions: instructions.map(toml::Spanned::into_inner),
        cues: super::shared::strings(cues),
        caution: caution.map(toml::Spanned::into_inner),
        areas: super::shared::strings(areas),
        duration: duration.map(toml::Spanned::into_inner),
        reps: reps.and_then(|r| u32::try_from(*r.get_ref()).ok()),
        tempo: tempo.map(toml::Spanned::into_inner),
        figure,
        review_safe: review_safe.unwrap_or(false),
    })
}

/// Ids are file-name-like words, so they read well in `exercise = "band-row"`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
