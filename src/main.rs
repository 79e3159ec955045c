//! The `limberup` binary: everything lives in the library crate.

fn main() -> std::process::ExitCode {
    limberup::cli::main()
}
