//! `cargo xtask import coupa|flexi [--specs DIR] [--check]` (or, when the
//! generated code does not build, `cargo run -p elementa-import -- …`): derive
//! `schemas/<vendor>/*.toml` from the vendor's own metadata plus
//! `schemas/<vendor>.overrides.toml`.
//!
//! The importer owns `schemas/<vendor>/`: it writes every file there, and
//! removes any `.toml` it does not produce, so the directory is exactly
//! what the metadata and the overrides say. A second run changes nothing;
//! `--check` writes nothing and lists every file that would change.
#![forbid(unsafe_code)]

mod coupa;
pub mod files;
mod flexi;
mod model;
mod overrides;

/// The first line of every schema file: taplo's directive naming the
/// format's JSON Schema, relative to the file.
pub const DIRECTIVE: &str = "#:schema ../elementa.schema.json";

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A vendor the importer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vendor {
    /// Coupa: `specs/coupa/R39/*.json`.
    Coupa,
    /// ABRA Flexi: `specs/flexi/*.json`.
    Flexi,
}

impl Vendor {
    /// Parses the command-line name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "coupa" => Some(Vendor::Coupa),
            "flexi" => Some(Vendor::Flexi),
            _ => None,
        }
    }

    /// The directory name under `schemas/`.
    pub fn name(self) -> &'static str {
        match self {
            Vendor::Coupa => "coupa",
            Vendor::Flexi => "flexi",
        }
    }
}

/// The generated schema files of `vendor`, by path relative to `schemas/`.
pub fn generate(
    vendor: Vendor,
    specs: &Path,
    schemas: &Path,
) -> Result<BTreeMap<PathBuf, String>, Vec<String>> {
    let dir = match vendor {
        Vendor::Coupa => specs.join("coupa").join("R39"),
        Vendor::Flexi => specs.join("flexi"),
    };
    if !dir.is_dir() {
        return Err(vec![format!(
            "{}: the vendor metadata is not there; pass --specs DIR (the folder holding \
             coupa/R39 and flexi, by default ../shared/specs beside the repository)",
            dir.display()
        )]);
    }
    let mut resources = match vendor {
        Vendor::Coupa => coupa::import(&dir),
        Vendor::Flexi => flexi::import(&dir),
    }
    .map_err(|e| vec![e])?;
    let path = schemas.join(format!("{}.overrides.toml", vendor.name()));
    let o = overrides::load(&path).map_err(|e| vec![e])?;
    let dialect = match vendor {
        Vendor::Coupa => "coupa",
        Vendor::Flexi => "flexi",
    };
    overrides::apply(&mut resources, &o, dialect).map_err(|es| {
        es.into_iter()
            .map(|e| format!("{}: {e}", path.display()))
            .collect::<Vec<_>>()
    })?;
    Ok(resources
        .values()
        .map(|r| {
            (
                Path::new(vendor.name()).join(format!("{}.toml", r.wire)),
                r.to_toml(vendor.name()),
            )
        })
        .collect())
}

/// Runs `import coupa|flexi [--specs DIR] [--check]` for the workspace at
/// `root`; the exit code is 0 when done (or, with `--check`, up to date).
pub fn run(root: &Path, args: &[String]) -> ExitCode {
    let usage = "usage: cargo xtask import coupa|flexi [--specs DIR] [--check]";
    let Some(vendor) = args.first().and_then(|v| Vendor::parse(v)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let mut specs = root.join("..").join("shared").join("specs");
    let mut check = false;
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--check" => check = true,
            "--specs" => match rest.next() {
                Some(d) => specs = PathBuf::from(d),
                None => {
                    eprintln!("{usage}");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        }
    }
    let schemas = root.join("schemas");
    let files = match generate(vendor, &specs, &schemas) {
        Ok(f) => f,
        Err(errors) => {
            for e in &errors {
                eprintln!("import {}: {e}", vendor.name());
            }
            return ExitCode::FAILURE;
        }
    };
    let owned = std::path::Path::new(vendor.name());
    let result = if check {
        files::drift_under(&schemas, &files, owned)
    } else {
        files::write_under(&schemas, &files, owned)
    };
    let changes = match result {
        Ok(c) => c,
        Err(e) => {
            eprintln!("import {}: {e}", vendor.name());
            return ExitCode::FAILURE;
        }
    };
    for c in &changes {
        if check {
            eprintln!("schemas/{c}");
        } else {
            println!("schemas/{c}");
        }
    }
    if check && !changes.is_empty() {
        eprintln!(
            "import {}: {} file(s) differ from what the metadata and overrides give; run \
             `cargo xtask import {}` and commit the result",
            vendor.name(),
            changes.len(),
            vendor.name()
        );
        return ExitCode::FAILURE;
    }
    println!(
        "import {}: {} resources, {} file(s) {}",
        vendor.name(),
        files.len(),
        changes.len(),
        if check { "differ" } else { "changed" }
    );
    ExitCode::SUCCESS
}
