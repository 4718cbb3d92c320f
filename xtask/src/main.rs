//! `cargo xtask <task>`: project chores.
//!
//! - `check-schemas`: parse and check every file under `schemas/`, report
//!   every problem at once (exit 1 if any); each file must start with the
//!   `#:schema ../elementa.schema.json` directive.
//! - `export-schemas [--check]`: write `schemas/elementa.schema.json` and
//!   every vendor's bundle of JSON Schemas under `schemas/json/` (idempotent); with
//!   `--check`, write nothing and fail if the committed files differ.
//! - `import coupa|flexi [--specs DIR] [--check]`: derive
//!   `schemas/<vendor>/*.toml` from the vendor's metadata (default
//!   `../shared/specs` beside the repository) and
//!   `schemas/<vendor>.overrides.toml`; `--check` writes nothing and fails
//!   if the committed files differ (CI's drift check).
//! - `bench-baseline [--check]`: write the benches' hand-written-style
//!   serde structs (`tests/benches/support/equivalent.rs`) from the schemas;
//!   `--check` fails if the committed file differs.
//! - `compile-bench [N]`: generate N synthetic resources (default 300) into a
//!   scratch crate under `target/compile-bench`, time `cargo build` of that
//!   crate, then edit one schema file and check that the next build picks the
//!   change up.
//! - `compile-bench --derive`: each vendor crate's clean debug build beside
//!   a scratch crate declaring the same resources as serde-derive structs
//!   (the per-type-functions alternative to the reflection design).
//! - `compile-bench --vendors`: the real schemas — a clean build of each
//!   vendor crate (dependencies built), debug and release, against the
//!   budget, beside a baseline built from the 13 earlier hand-written files.
#![forbid(unsafe_code)]

mod bench_baseline;
mod compile_bench;
mod export;
mod fuzz;

use elementa_import as import;

use std::path::PathBuf;
use std::process::ExitCode;

fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

fn check_schemas() -> ExitCode {
    let root = workspace_root();
    let (set, mut errors) = elementa_schema::load_dir(&root.join("schemas"), "schemas");
    match export::missing_directives(&root.join("schemas")) {
        Ok(mut missing) => errors.append(&mut missing),
        Err(e) => {
            eprintln!("schemas: cannot read: {e}");
            return ExitCode::FAILURE;
        }
    }
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

fn export_schemas(check: bool) -> ExitCode {
    let schemas = workspace_root().join("schemas");
    let files = export::generated();
    let result = if check {
        export::drift(&schemas, &files)
    } else {
        export::write(&schemas, &files)
    };
    let changes = match result {
        Ok(c) => c,
        Err(e) => {
            eprintln!("export-schemas: {e}");
            return ExitCode::FAILURE;
        }
    };
    for c in &changes {
        match (check, c) {
            (true, c) => eprintln!("schemas/{c}"),
            (false, export::Drift::Missing(p)) => println!("schemas/{}: created", p.display()),
            (false, export::Drift::Differs(p)) => println!("schemas/{}: updated", p.display()),
            (false, export::Drift::Stale(p)) => println!("schemas/{}: removed", p.display()),
        }
    }
    match (check, changes.is_empty()) {
        (true, false) => {
            eprintln!(
                "export-schemas: {} file(s) differ from the schemas; run `cargo xtask export-schemas` and commit the result",
                changes.len()
            );
            ExitCode::FAILURE
        }
        (true, true) => {
            println!("export-schemas: {} files up to date", files.len());
            ExitCode::SUCCESS
        }
        (false, _) => {
            println!(
                "export-schemas: {} files, {} updated",
                files.len(),
                changes.len()
            );
            ExitCode::SUCCESS
        }
    }
}

/// Exit status of a task: failure, with its message, when it returned an
/// error.
fn outcome(task: &str, result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{task}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check-schemas") => check_schemas(),
        Some("export-schemas") => match args.get(1).map(String::as_str) {
            None => export_schemas(false),
            Some("--check") => export_schemas(true),
            Some(other) => {
                eprintln!("export-schemas takes no argument but --check, not `{other}`");
                ExitCode::from(2)
            }
        },
        Some("bench-baseline") => {
            let check = args.get(1).map(String::as_str) == Some("--check");
            outcome(
                "bench-baseline",
                bench_baseline::run(&workspace_root(), check),
            )
        }
        Some("import") => import::run(&workspace_root(), args.get(1..).unwrap_or_default()),
        Some("compile-bench") if args.get(1).map(String::as_str) == Some("--derive") => outcome(
            "compile-bench",
            compile_bench::run_derive(&workspace_root()),
        ),
        Some("compile-bench") if args.get(1).map(String::as_str) == Some("--vendors") => outcome(
            "compile-bench",
            compile_bench::run_vendors(&workspace_root()),
        ),
        Some("fuzz") => outcome(
            "fuzz",
            fuzz::main(&workspace_root(), args.get(1..).unwrap_or_default()),
        ),
        Some("compile-bench") => {
            let n = match args.get(1).map(|s| s.parse::<usize>()) {
                None => 300,
                Some(Ok(n)) if n > 0 => n,
                Some(_) => {
                    eprintln!("compile-bench takes a positive number of resources");
                    return ExitCode::from(2);
                }
            };
            outcome("compile-bench", compile_bench::run(&workspace_root(), n))
        }
        _ => {
            eprintln!(
                "usage: cargo xtask check-schemas | export-schemas [--check] | \
                 import coupa|flexi [--specs DIR] [--check] | bench-baseline [--check] | \
                 compile-bench [N | --vendors | --derive] | fuzz [TARGET|--all] [SECONDS]"
            );
            ExitCode::from(2)
        }
    }
}
