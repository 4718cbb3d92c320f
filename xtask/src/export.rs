//! `cargo xtask export-schemas [--check]`: the committed JSON Schemas.
//!
//! Writes `schemas/elementa.schema.json` (the schema-file format) and
//! `schemas/json/<vendor>.<in|out>[.strict].json` (every vendor's bundle of
//! resource schemas, per direction and variant), rewriting only files whose text changed and
//! removing files under `schemas/json/` that no resource produces, so a
//! second run changes nothing. `--check` writes nothing and lists every file
//! that differs from what would be written (CI's drift check).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use elementa::ResourceMeta;
use elementa_schema::Diagnostic;

pub use elementa_import::DIRECTIVE;
pub use elementa_import::files::{Drift, files_under};

/// How the files below `schemas` differ from `files`; files under
/// `schemas/json` that `files` lacks are stale.
pub fn drift(schemas: &Path, files: &BTreeMap<PathBuf, String>) -> std::io::Result<Vec<Drift>> {
    elementa_import::files::drift_under(schemas, files, Path::new("json"))
}

/// Brings the files below `schemas` in line with `files`, owning
/// `schemas/json`; returns what it changed (nothing on a second run).
pub fn write(schemas: &Path, files: &BTreeMap<PathBuf, String>) -> std::io::Result<Vec<Drift>> {
    elementa_import::files::write_under(schemas, files, Path::new("json"))
}

/// Every resource, sorted by id.
fn resources() -> Vec<&'static ResourceMeta> {
    let mut v: Vec<_> = elementa_coupa::RESOURCES
        .iter()
        .chain(elementa_flexi::wire::RESOURCES)
        .map(|m| m())
        .collect();
    v.sort_by_key(|m| m.id);
    v
}

/// The generated files, by path relative to `schemas/`.
pub fn generated() -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    let format = elementa_schema::file_schema().to_value();
    files.insert(
        PathBuf::from("elementa.schema.json"),
        elementa_schema::json::to_canonical_string(&format, true),
    );
    for (rel, text) in elementa_jsonschema::export_all(&resources()) {
        files.insert(Path::new("json").join(rel), text);
    }
    for (rel, text) in elementa_jsonschema::openapi::export_all(&resources()) {
        files.insert(Path::new("openapi").join(rel), text);
    }
    files
}

/// The schema files (`<vendor>/*.toml` below `schemas`) whose first line is
/// not [`DIRECTIVE`], one diagnostic each.
pub fn missing_directives(schemas: &Path) -> std::io::Result<Vec<Diagnostic>> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    files_under(schemas, schemas, &mut files)?;
    files.sort();
    for rel in files {
        let is_schema =
            rel.extension().is_some_and(|e| e == "toml") && rel.components().count() == 2;
        if !is_schema {
            continue;
        }
        let text = std::fs::read_to_string(schemas.join(&rel))?;
        if text.lines().next() != Some(DIRECTIVE) {
            out.push(Diagnostic {
                file: format!("schemas/{}", rel.display()),
                line: 1,
                column: 1,
                span: 0..0,
                message: format!(
                    "the first line must be `{DIRECTIVE}` so that editors check the file"
                ),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("elementa-xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn writing_is_idempotent_and_drift_is_named() {
        let dir = scratch("export");
        let files = generated();
        assert!(files.contains_key(Path::new("json/coupa.in.json")));
        assert!(files.contains_key(Path::new("json/flexi.out.strict.json")));
        let first = write(&dir, &files).unwrap();
        assert_eq!(first.len(), files.len(), "every file is new");
        assert_eq!(
            write(&dir, &files).unwrap(),
            vec![],
            "a second run changes nothing"
        );
        assert_eq!(drift(&dir, &files).unwrap(), vec![]);

        let edited = dir.join("json/coupa.in.json");
        std::fs::write(&edited, "{}\n").unwrap();
        let stale = dir.join("json/gone.out.json");
        std::fs::write(&stale, "{}\n").unwrap();
        std::fs::remove_file(dir.join("elementa.schema.json")).unwrap();
        assert_eq!(
            drift(&dir, &files).unwrap(),
            vec![
                Drift::Missing(PathBuf::from("elementa.schema.json")),
                Drift::Differs(PathBuf::from("json/coupa.in.json")),
                Drift::Stale(PathBuf::from("json/gone.out.json")),
            ]
        );
        assert_eq!(write(&dir, &files).unwrap().len(), 3);
        assert!(!stale.exists());
        assert_eq!(drift(&dir, &files).unwrap(), vec![]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn schema_files_without_the_directive_are_named() {
        let dir = scratch("directive");
        std::fs::create_dir_all(dir.join("coupa")).unwrap();
        std::fs::write(
            dir.join("coupa/good.toml"),
            format!("{DIRECTIVE}\n[resource]\n"),
        )
        .unwrap();
        std::fs::write(dir.join("coupa/bad.toml"), "[resource]\n").unwrap();
        std::fs::write(dir.join("top.toml"), "not a schema file\n").unwrap();
        let problems = missing_directives(&dir).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .to_string()
                .starts_with("schemas/coupa/bad.toml:1:1: the first line must be"),
            "{}",
            problems[0]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
