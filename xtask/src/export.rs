//! `cargo xtask export-schemas [--check]`: the committed JSON Schemas.
//!
//! Writes `schemas/elementa.schema.json` (the schema-file format) and
//! `schemas/json/<vendor>/<wire>.<in|out>[.strict].json` (every resource,
//! direction and variant), rewriting only files whose text changed and
//! removing files under `schemas/json/` that no resource produces, so a
//! second run changes nothing. `--check` writes nothing and lists every file
//! that differs from what would be written (CI's drift check).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use elementa::ResourceMeta;
use elementa_schema::Diagnostic;

/// The first line of every schema file: taplo's directive naming the
/// format's JSON Schema, relative to the file.
pub const DIRECTIVE: &str = "#:schema ../elementa.schema.json";

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
    files
}

/// Files under `dir`, recursively, relative to `base`.
fn files_under(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_under(base, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_path_buf());
        }
    }
    Ok(())
}

/// One way the files on disk differ from the generated ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// A generated file is missing.
    Missing(PathBuf),
    /// A file's text differs from the generated text.
    Differs(PathBuf),
    /// A file under `json/` that nothing generates.
    Stale(PathBuf),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::Missing(p) => write!(f, "{}: missing", p.display()),
            Drift::Differs(p) => write!(f, "{}: differs from the generated schema", p.display()),
            Drift::Stale(p) => write!(f, "{}: no resource generates it", p.display()),
        }
    }
}

/// How the files below `schemas` differ from `files`, in path order.
pub fn drift(schemas: &Path, files: &BTreeMap<PathBuf, String>) -> std::io::Result<Vec<Drift>> {
    let mut out = Vec::new();
    for (rel, text) in files {
        match std::fs::read_to_string(schemas.join(rel)) {
            Ok(old) if old == *text => {}
            Ok(_) => out.push(Drift::Differs(rel.clone())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(Drift::Missing(rel.clone()));
            }
            Err(e) => return Err(e),
        }
    }
    let mut present = Vec::new();
    files_under(schemas, &schemas.join("json"), &mut present)?;
    present.sort();
    out.extend(
        present
            .into_iter()
            .filter(|p| !files.contains_key(p))
            .map(Drift::Stale),
    );
    Ok(out)
}

/// Brings the files below `schemas` in line with `files`; returns what it
/// changed (nothing on a second run).
pub fn write(schemas: &Path, files: &BTreeMap<PathBuf, String>) -> std::io::Result<Vec<Drift>> {
    let changes = drift(schemas, files)?;
    for change in &changes {
        match change {
            Drift::Missing(rel) | Drift::Differs(rel) => {
                let path = schemas.join(rel);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                let text = files.get(rel).map_or("", String::as_str);
                std::fs::write(path, text)?;
            }
            Drift::Stale(rel) => std::fs::remove_file(schemas.join(rel))?,
        }
    }
    Ok(changes)
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
        assert!(files.contains_key(Path::new("json/coupa/comment.in.json")));
        assert!(files.contains_key(Path::new("json/flexi/changes.out.strict.json")));
        let first = write(&dir, &files).unwrap();
        assert_eq!(first.len(), files.len(), "every file is new");
        assert_eq!(
            write(&dir, &files).unwrap(),
            vec![],
            "a second run changes nothing"
        );
        assert_eq!(drift(&dir, &files).unwrap(), vec![]);

        let edited = dir.join("json/coupa/comment.in.json");
        std::fs::write(&edited, "{}\n").unwrap();
        let stale = dir.join("json/coupa/gone.out.json");
        std::fs::write(&stale, "{}\n").unwrap();
        std::fs::remove_file(dir.join("elementa.schema.json")).unwrap();
        assert_eq!(
            drift(&dir, &files).unwrap(),
            vec![
                Drift::Missing(PathBuf::from("elementa.schema.json")),
                Drift::Differs(PathBuf::from("json/coupa/comment.in.json")),
                Drift::Stale(PathBuf::from("json/coupa/gone.out.json")),
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
