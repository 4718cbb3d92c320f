//! `cargo run -p elementa-import -- coupa|flexi [--specs DIR] [--check]`:
//! the importer alone (see the library docs).
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // xtask/import → the workspace root.
    let root = here.ancestors().nth(2).map_or(here.clone(), PathBuf::from);
    let args: Vec<String> = std::env::args().skip(1).collect();
    elementa_import::run(&root, &args)
}
