//! `cargo xtask <task>`: project chores.
//!
//! - `check-schemas`: parse and check every file under `schemas/`, report
//!   every problem at once (exit 1 if any).
//! - `compile-bench [N]`: generate N synthetic resources (default 300) into a
//!   scratch crate under `target/compile-bench`, time `cargo build` of that
//!   crate, then edit one schema file and check that the next build picks the
//!   change up.
#![forbid(unsafe_code)]

mod compile_bench;

use std::path::PathBuf;
use std::process::ExitCode;

fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

fn check_schemas() -> ExitCode {
    let root = workspace_root();
    let (set, errors) = elementa_schema::load_dir(&root.join("schemas"), "schemas");
    for e in &errors {
        eprintln!("{e}");
    }
    if errors.is_empty() {
        println!("schemas: {} resources, no problems", set.resources.len());
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "schemas: {} problem(s); {} resources checked clean",
            errors.len(),
            set.resources.len()
        );
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check-schemas") => check_schemas(),
        Some("compile-bench") => {
            let n = match args.get(1).map(|s| s.parse::<usize>()) {
                None => 300,
                Some(Ok(n)) if n > 0 => n,
                Some(_) => {
                    eprintln!("compile-bench takes a positive number of resources");
                    return ExitCode::from(2);
                }
            };
            match compile_bench::run(&workspace_root(), n) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("compile-bench: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("usage: cargo xtask check-schemas | compile-bench [N]");
            ExitCode::from(2)
        }
    }
}
