//! The layering the README's Developing section states, checked over the `use` lines (and every
//! other path) of `src/`: a module may use only modules of lower layers. Test modules are left out,
//! as they may build fixtures from anywhere.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Lowest first. A module may use modules of earlier layers only (none of its own layer but itself).
const LAYERS: &[&[&str]] = &[
    &["text", "calendar", "isolate", "duration", "words"],
    &["diag", "logging", "soundfile"],
    &["format", "figure"],
    &["plan"],
    &["routine"],
    &["engine"],
    &["triage"],
    &["program"],
    &["runs"],
    &["schema", "history"],
    &["audio"],
    &["config"],
    &["app"],
    &["ui"],
    &["terminal"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/`: `app/check/mod.rs` is `[app, check]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments and its test module(s).
fn code_without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            let next = lines.next().unwrap_or_default();
            if next.trim_end().ends_with('{') {
                break; // an inline test module runs to the end of the file by convention
            }
            continue; // `mod tests;`: its file is skipped by name
        }
        // Comments name modules in prose (`[`crate::ui`]`); only code counts.
        let code = line.find(" //").map_or(line, |at| &line[..at]);
        if !code.trim_start().starts_with("//") {
            out.push_str(code);
        }
        out.push('\n');
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The first segment of the path at the start of `code`: `x::y` gives `x`, `{x::y, z::{a, b}}` gives
/// `x` and `z`.
fn heads(code: &str) -> Vec<String> {
    let first_word = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| is_ident(*c))
            .collect()
    };
    let Some(group) = code.trim_start().strip_prefix('{') else {
        return vec![first_word(code)]
            .into_iter()
            .filter(|w| !w.is_empty())
            .collect();
    };
    let mut heads = vec![first_word(group)];
    let mut depth = 1;
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => heads.push(first_word(&group[at + 1..])),
            _ => {}
        }
    }
    heads.retain(|h| !h.is_empty());
    heads
}

/// Every top-level module a file's code names through `crate::` or enough `super::`s.
fn uses(file_module: &[String], code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let preceded_by_ident = at > 0 && is_ident(bytes[at - 1] as char);
        if !preceded_by_ident && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let mut depth_left = file_module.len();
            let mut cursor = at;
            if code[cursor..].starts_with("crate::") {
                depth_left = 0;
                cursor += "crate::".len();
            }
            while code[cursor..].starts_with("super::") {
                depth_left = depth_left.saturating_sub(1);
                cursor += "super::".len();
            }
            // Fewer `super`s than the file is deep stay inside its own top-level module.
            if depth_left == 0 {
                found.extend(heads(&code[cursor..]));
            }
            at = cursor;
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

#[test]
fn no_module_uses_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut crossings = Vec::new();
    let mut unknown = BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("below src");
        let module = module_path(relative);
        if matches!(module.as_slice(), [one] if one == "lib" || one == "main")
            || relative.file_name().is_some_and(|n| n == "tests.rs")
            || relative.components().any(|c| c.as_os_str() == "tests")
        {
            continue;
        }
        let top = &module[0];
        let Some(own) = layer_of(top) else {
            unknown.insert(top.clone());
            continue;
        };
        let code = code_without_tests(&std::fs::read_to_string(file).expect("readable"));
        for used in uses(&module, &code) {
            if &used == top {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer < own => {}
                Some(_) => crossings.push(format!("{} uses `{used}`", relative.display())),
                None => {
                    unknown.insert(format!("{used} (in {})", relative.display()));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from LAYERS: {unknown:?}"
    );
    assert!(
        crossings.is_empty(),
        "imports against the layering:\n{}",
        crossings.join("\n")
    );
}

#[test]
fn the_scanner_finds_grouped_and_relative_paths() {
    let module = ["app".to_owned(), "check".to_owned()];
    let code = "use crate::{calendar::UtcTime, triage::{Area, Level}};\nuse super::super::ui::x;\nlet a = crate::history::Store::open();\nuse super::records;";
    let found: Vec<String> = uses(&module, code).into_iter().collect();
    assert_eq!(found, ["calendar", "history", "triage", "ui"]);
}
