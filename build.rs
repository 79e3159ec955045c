//! Embeds every routine and program file of `routines/` and every spoken clip of `sounds/voice/` in
//! the binary, so an installed `limberup` works from any folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    tools_for_tests();
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let routines = Path::new(&manifest).join("routines");
    let out = Path::new(&out);
    embed_folder(
        &routines,
        "routines",
        "BUILT_IN_FILES",
        &out.join("built_in.rs"),
    );
    embed_folder(
        &routines.join("programs"),
        "routines/programs",
        "BUILT_IN_PROGRAMS",
        &out.join("built_in_programs.rs"),
    );
    embed_folder(
        &Path::new(&manifest).join("sounds/voice"),
        "sounds/voice",
        "VOICE_CLIPS",
        &out.join("voice_clips.rs"),
    );
}

/// The file type `folder` holds, and how each file is embedded.
fn kind_of(static_name: &str) -> (&'static str, &'static str, &'static str) {
    if static_name == "VOICE_CLIPS" {
        ("ogg", "include_bytes!", "&[u8]")
    } else {
        ("toml", "include_str!", "&str")
    }
}

/// Writes `static_name`, every `*.toml` (or `*.ogg`) of `folder` (by file name, sorted) with its
/// contents, to `target`.
fn embed_folder(folder: &Path, shown: &str, static_name: &str, target: &Path) {
    let (extension, include, contents) = kind_of(static_name);
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| {
                    Path::new(name)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = format!(
        "/// Every `{shown}/*.{extension}`, by file name.\npub(super) static {static_name}: &[(&str, {contents})] = &[\n"
    );
    for name in &names {
        let path = folder.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, {include}({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    std::fs::write(target, code).expect("OUT_DIR is writable");
}

/// Tests that drive a program this machine lacks are marked ignored, with the reason, so a local
/// `cargo test` says "ignored" for them rather than a silent "ok"; `.ci/run` installs the programs
/// and runs every test (`--include-ignored`), where a missing program is a failure.
fn tools_for_tests() {
    println!("cargo:rerun-if-env-changed=PATH");
    for (cfg, program) in [
        ("limberup_no_tmux", "tmux"),
        ("limberup_no_espeak", "espeak-ng"),
        ("limberup_no_pulseaudio", "pactl"),
    ] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if !on_path(program) {
            println!("cargo:rustc-cfg={cfg}");
        }
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path)
            .any(|dir| !dir.as_os_str().is_empty() && dir.join(program).is_file())
    })
}
