//! Bringing a directory of generated files in line with what a generator
//! produces, or reporting how it differs (the drift checks of CI).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Files under `dir`, recursively, relative to `base`.
pub fn files_under(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
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
            Drift::Stale(p) => write!(f, "{}: nothing generates it", p.display()),
        }
    }
}

/// How the files below `schemas` differ from `files`, in path order; files
/// under `schemas/<owned>` that `files` lacks are stale.
pub fn drift_under(
    schemas: &Path,
    files: &BTreeMap<PathBuf, String>,
    owned: &Path,
) -> std::io::Result<Vec<Drift>> {
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
    files_under(schemas, &schemas.join(owned), &mut present)?;
    present.sort();
    out.extend(
        present
            .into_iter()
            .filter(|p| !files.contains_key(p))
            .map(Drift::Stale),
    );
    Ok(out)
}

/// Brings the files below `schemas` in line with `files`, owning
/// `schemas/<owned>` (see [`drift_under`]); returns what it changed
/// (nothing on a second run).
pub fn write_under(
    schemas: &Path,
    files: &BTreeMap<PathBuf, String>,
    owned: &Path,
) -> std::io::Result<Vec<Drift>> {
    let changes = drift_under(schemas, files, owned)?;
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
