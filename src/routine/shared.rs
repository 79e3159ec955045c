//! Field readers shared by routine steps and catalog entries: the coaching text an exercise
//! carries, names that must not be blank, and lists of words.

use toml::Spanned;
use toml::de::DeTable;

use crate::diag::fields::{Checker, TextKind};
use crate::format::limits;

/// The coaching text an exercise carries, from a step or a catalog entry.
pub(super) struct Coaching {
    pub instructions: Option<Spanned<String>>,
    pub cues: Option<Vec<Spanned<String>>>,
    pub caution: Option<Spanned<String>>,
}

pub(super) fn read_coaching(checker: &mut Checker<'_>, table: &DeTable<'_>) -> Coaching {
    Coaching {
        instructions: checker.text(
            table,
            "instructions",
            TextKind::Paragraph,
            limits::PROSE_CHARS,
        ),
        cues: checker.text_list(table, "cues", limits::LINE_CHARS),
        caution: checker.text(table, "caution", TextKind::Paragraph, limits::PROSE_CHARS),
    }
}

/// A name may not be only spaces.
pub(super) fn check_not_blank(checker: &mut Checker<'_>, name: Option<&Spanned<String>>) {
    if let Some(name) = name.filter(|n| n.get_ref().trim().is_empty()) {
        checker.error(name.span(), "`name` must not be empty");
    }
}

pub(super) fn strings(list: Option<Vec<toml::Spanned<String>>>) -> Vec<String> {
    list.unwrap_or_default()
        .into_iter()
        .map(toml::Spanned::into_inner)
        .collect()
}
