//! Workspace tests of elementa live in `tests/tests/*.rs`; fixtures in
//! `tests/fixtures/`, trybuild cases in `tests/ui/`. This library holds the
//! helpers they share.
//!
//! ```
//! let root = elementa_tests::workspace_root();
//! assert!(root.join("schemas/coupa/comment.toml").is_file());
//! ```
#![forbid(unsafe_code)]

pub mod sample;

use std::path::PathBuf;

/// The workspace root (the directory holding `schemas/`).
pub fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// The text of a fixture under `tests/fixtures/`.
pub fn fixture(rel: &str) -> String {
    let path = workspace_root().join("tests/fixtures").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
