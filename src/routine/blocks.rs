//! `[blocks.NAME]`: consecutive steps marked `block = "NAME"` played `rounds` times over, with
//! `round_rest` between, inside each round of the whole routine.

use toml::Spanned;
use toml::de::DeTable;

use crate::diag::fields::{Checker, TextKind};
use crate::diag::hint;
use crate::duration::Secs;
use crate::format::limits;
use crate::format::model::Block;

pub(crate) const BLOCK_KEYS: &[&str] = &["rounds", "round_rest", "round_rest_label"];

/// The routine's blocks, each checked, and every step's `block` checked against them: a block that
/// exists, steps of a block one after another, no block without steps.
pub(crate) fn read_blocks(checker: &mut Checker<'_>, root: &DeTable<'_>) -> Option<Vec<Block>> {
    let before = checker.problems.len();
    let mut blocks = Vec::new();
    let mut spans = Vec::new();
    if let Some(value) = root.get("blocks") {
        let Some(table) = value.get_ref().as_table() else {
            checker.error(
                value.span(),
                "`blocks` must be a table of blocks, like [blocks.drills]",
            );
            return None;
        };
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            let Some(inner) = value.get_ref().as_table() else {
                checker.error(
                    value.span(),
                    format!("block `{name}` must be a table, like [blocks.{name}]"),
                );
                continue;
            };
            blocks.push(read_block(checker, name, inner));
            spans.push(key.span());
        }
    }
    check_steps(checker, root, &blocks, &spans);
    (checker.problems.len() == before).then_some(blocks)
}

fn read_block(checker: &mut Checker<'_>, name: &str, table: &DeTable<'_>) -> Block {
    checker.unknown_keys(table, BLOCK_KEYS, Some(&format!("[blocks.{name}]")));
    let rounds = checker.integer(table, "rounds", limits::ROUNDS);
    let round_rest = checker.duration(table, "round_rest", Secs::ZERO, limits::MAX_DURATION);
    let label = checker.text(
        table,
        "round_rest_label",
        TextKind::Line,
        limits::NAME_CHARS,
    );
    super::shared::check_not_blank(checker, label.as_ref());
    Block {
        name: name.to_owned(),
        rounds: rounds.map_or(1, |r| u32::try_from(*r.get_ref()).unwrap_or(1)),
        round_rest: round_rest.map_or(Secs::ZERO, Spanned::into_inner),
        round_rest_label: label.map(Spanned::into_inner),
    }
}

/// Each step's `block` names a block; a block's steps come one after another; every block has steps.
fn check_steps(
    checker: &mut Checker<'_>,
    root: &DeTable<'_>,
    blocks: &[Block],
    spans: &[std::ops::Range<usize>],
) {
    let items = root
        .get("steps")
        .and_then(|v| v.get_ref().as_array())
        .map(|items| items.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    let mut seen: Vec<&str> = Vec::new();
    let mut previous: Option<&str> = None;
    for (index, item) in items.iter().enumerate() {
        let number = index + 1;
        let value = item.get_ref().as_table().and_then(|t| t.get("block"));
        let name = value.and_then(|v| v.get_ref().as_str());
        if let (Some(value), Some(name)) = (value, name) {
            if !blocks.iter().any(|b| b.name == name) {
                let suggestion = hint(name, blocks.iter().map(|b| b.name.as_str()));
                checker.error(
                    value.span(),
                    format!(
                        "step {number} is in block `{name}`, which has no [blocks.{name}] table{suggestion}"
                    ),
                );
            } else if previous != Some(name) && seen.contains(&name) {
                checker.error(
                    value.span(),
                    format!(
                        "step {number} is in block `{name}` but step {} is not: a block's steps must come one after another",
                        number - 1
                    ),
                );
            }
            seen.push(name);
        }
        previous = name;
    }
    for (block, span) in blocks.iter().zip(spans) {
        if !seen.contains(&block.name.as_str()) {
            checker.error(
                span.clone(),
                format!(
                    "block `{}` has no steps: add `block = \"{}\"` to the steps it groups",
                    block.name, block.name
                ),
            );
        }
    }
}
