//! The layering the README's Developing section states, checked over the `use` lines (and every
//! other path) of `src/`: a module may use only modules of lower layers. Test modules are left out,
//! as they may build fixtures from anywhere.

use std::collections::{BTreeMap, BTreeSet};
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
    &["runtime"],
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

/// Every other top-level module a file's code names through `crate::` or enough `super::`s.
fn uses(file_module: &[String], code: &str) -> BTreeSet<String> {
    absolute_uses(file_module, code)
        .into_iter()
        .filter_map(|path| path.into_iter().next())
        .filter(|top| file_module.first() != Some(top))
        .collect()
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

/// The names a module defines itself (`struct`, `enum`, `type`, `trait`, `union`), by top-level module.
fn defined_names(files: &[(Vec<String>, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut defined: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in files {
        let words: Vec<&str> = code
            .split(|c: char| !is_ident(c))
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            if matches!(pair[0], "struct" | "enum" | "type" | "trait" | "union") {
                defined
                    .entry(pair[1].to_owned())
                    .or_default()
                    .insert(module[0].clone());
            }
        }
    }
    defined
}

/// The type each `impl` block of `code` is for: `impl<'a> Widget for &'a App<'a> {` gives `App`, and
/// `impl crate::app::App {` gives `app::App` (a path names its module).
fn impl_targets(code: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("impl") {
        let before_ok = at == 0 || !is_ident(bytes[at - 1] as char);
        let after = &code[at + 4..];
        if !before_ok || !after.starts_with([' ', '<', '\n']) {
            continue;
        }
        let Some(end) = after.find(['{', ';']) else {
            continue;
        };
        let mut header = &after[..end];
        if let Some(at) = header.find("\nwhere").or_else(|| header.find(" where ")) {
            header = &header[..at];
        }
        // The impl's own generics come first: skip them, nested brackets and all.
        let mut header = header.trim_start();
        if header.starts_with('<') {
            let mut depth = 0;
            let mut cut = header.len();
            for (i, c) in header.char_indices() {
                match c {
                    '<' => depth += 1,
                    '>' => {
                        depth -= 1;
                        if depth == 0 {
                            cut = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            header = &header[cut..];
        }
        let self_type = header.rsplit_once(" for ").map_or(header, |(_, ty)| ty);
        // `&'a mut crate::app::App<'a>`: the path without references, lifetimes and generics.
        let path: String = self_type
            .split('<')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .map(|w| w.trim_start_matches('&'))
            .filter(|w| !w.starts_with('\'') && !matches!(*w, "" | "mut" | "dyn"))
            .collect();
        let path = path.strip_prefix("crate::").unwrap_or(&path);
        if !path.is_empty() {
            targets.push(path.to_owned());
        }
    }
    targets
}

/// A higher layer may not implement anything, trait or inherent, for a lower layer's type: through
/// such an impl the lower layer would call up without naming the higher one (as the event loop in
/// `app` once drew through `impl Widget for &App` in `ui`), which the path scan cannot see.
#[test]
fn no_module_implements_for_a_lower_layers_type() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = product_files(&src);
    let defined = defined_names(&files);
    let mut crossings = Vec::new();
    for (module, code) in &files {
        let top = &module[0];
        let Some(own) = layer_of(top) else { continue };
        for target in impl_targets(code) {
            let (owners, name): (BTreeSet<String>, &str) = match target.rsplit_once("::") {
                Some((path, name)) => (
                    BTreeSet::from([path.split("::").next().unwrap_or_default().to_owned()]),
                    name,
                ),
                None => (defined.get(&target).cloned().unwrap_or_default(), &target),
            };
            if owners.is_empty() || owners.contains(top) {
                continue; // a foreign type (only its own traits can be implemented) or its own
            }
            if owners.iter().all(|o| layer_of(o).is_some_and(|l| l < own)) {
                crossings.push(format!(
                    "{} implements for `{name}` of {owners:?}",
                    module.join("::")
                ));
            }
        }
    }
    assert!(
        crossings.is_empty(),
        "impls for a lower layer's types (move the impl down, or wrap the type in one of this \
         layer's own):\n{}",
        crossings.join("\n")
    );
}

#[test]
fn the_impl_scanner_reads_self_types() {
    let code = "impl Widget for &App {\nimpl<'a> StatefulWidget for &'a mut crate::app::Scroll<'a> where X: Y {\nimpl App {\nfn implement() {}\nimpl<T: Into<u8>> From<T> for Level {";
    assert_eq!(
        impl_targets(code),
        ["App", "app::Scroll", "App", "Level"],
        "{code}"
    );
}

/// Circles between the submodules of one module that are known and yet to be untangled: listed so
/// no new one comes, and so one that goes is taken off.
const KNOWN_CIRCLES: &[(&str, &str, &str)] = &[
    ("app", "bindings", "check"),
    ("cli", "log", "program"),
    ("runs", "gpx", "tcx"),
    ("runs", "gpx", "xml"),
    ("runs", "tcx", "xml"),
    ("triage", "rules", "table"),
];

/// No two submodules of one module use each other, directly or through others (the player view and
/// its panel once did).
#[test]
fn no_submodules_use_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = product_files(&src);
    let mut submodules: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, _) in &files {
        if let [top, sub, ..] = module.as_slice() {
            submodules
                .entry(top.clone())
                .or_default()
                .insert(sub.clone());
        }
    }
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &files {
        let [top, sub, ..] = module.as_slice() else {
            continue;
        };
        for target in absolute_uses(module, code) {
            if let [t, other, ..] = target.as_slice() {
                if t == top && other != sub && submodules[top].contains(other) {
                    edges
                        .entry((top.clone(), sub.clone()))
                        .or_default()
                        .insert(other.clone());
                }
            }
        }
    }
    let reaches = |top: &str, from: &str, to: &str| -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(at) = stack.pop() {
            if at == to {
                return true;
            }
            if seen.insert(at.clone()) {
                if let Some(next) = edges.get(&(top.to_owned(), at)) {
                    stack.extend(next.iter().cloned());
                }
            }
        }
        false
    };
    let mut circles = BTreeSet::new();
    for (top, subs) in &submodules {
        for a in subs {
            for b in subs.iter().filter(|b| *b > a) {
                if reaches(top, a, b) && reaches(top, b, a) {
                    circles.insert((top.clone(), a.clone(), b.clone()));
                }
            }
        }
    }
    let known: BTreeSet<(String, String, String)> = KNOWN_CIRCLES
        .iter()
        .map(|(t, a, b)| ((*t).to_owned(), (*a).to_owned(), (*b).to_owned()))
        .collect();
    let new: Vec<_> = circles.difference(&known).collect();
    let gone: Vec<_> = known.difference(&circles).collect();
    assert!(new.is_empty(), "submodules that use each other: {new:?}");
    assert!(
        gone.is_empty(),
        "untangled, take off KNOWN_CIRCLES: {gone:?}"
    );
}

/// Every product file's module path and code (comments and tests left out).
fn product_files(src: &Path) -> Vec<(Vec<String>, String)> {
    let mut paths = Vec::new();
    rust_files(src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|file| {
            let relative = file.strip_prefix(src).expect("below src").to_path_buf();
            let module = module_path(&relative);
            let skipped = matches!(module.as_slice(), [one] if one == "lib" || one == "main")
                || relative.file_name().is_some_and(|n| n == "tests.rs")
                || relative.components().any(|c| c.as_os_str() == "tests");
            let code = code_without_tests(&std::fs::read_to_string(&file).expect("readable"));
            (!skipped).then_some((module, code))
        })
        .collect()
}

/// Every path a file names through `crate::` or `super::`, made absolute, as far as its first two
/// segments: in `app/check/input.rs`, `super::super::bindings::X` is `[app, bindings]`.
fn absolute_uses(file_module: &[String], code: &str) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let preceded_by_ident = at > 0 && is_ident(bytes[at - 1] as char);
        if !preceded_by_ident && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let mut base: Vec<String> = file_module.to_vec();
            let mut cursor = at;
            if code[cursor..].starts_with("crate::") {
                base.clear();
                cursor += "crate::".len();
            }
            while code[cursor..].starts_with("super::") {
                base.pop();
                cursor += "super::".len();
            }
            for head in heads(&code[cursor..]) {
                let mut path = base.clone();
                path.push(head.clone());
                if path.len() == 1 {
                    // `crate::app::x`: the second segment follows the first.
                    let after = &code[cursor + head.len()..];
                    if let Some(next) = after.strip_prefix("::") {
                        path.extend(heads(next).into_iter().take(1));
                    }
                }
                path.truncate(2);
                found.insert(path);
            }
            at = cursor;
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}
