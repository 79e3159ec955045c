//! Embeds every file of `routines/` in the binary, so an installed `limberup` works from any folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let routines = Path::new(&manifest).join("routines");
    println!("cargo:rerun-if-changed={}", routines.display());

    let mut names: Vec<String> = std::fs::read_dir(&routines)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| {
                    Path::new(name)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();

    let mut code = String::from(
        "/// Every `routines/*.toml`, by file name.\npub static BUILT_IN_FILES: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = routines.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out).join("built_in.rs"), code).expect("OUT_DIR is writable");
    embed_programs(&routines.join("programs"), Path::new(&out));
}

/// Every `routines/programs/*.toml`, as `BUILT_IN_PROGRAMS`.
fn embed_programs(folder: &Path, out: &Path) {
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| {
                    Path::new(name)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// Every `routines/programs/*.toml`, by file name.\npub static BUILT_IN_PROGRAMS: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = folder.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    std::fs::write(out.join("built_in_programs.rs"), code).expect("OUT_DIR is writable");
}
