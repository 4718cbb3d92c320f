//! Running the `elementa` binary from the workspace root, for the CLI tests.

#![allow(dead_code, clippy::expect_used)] // each test file uses a part; tests panic on purpose

use std::path::PathBuf;
use std::process::Command;

/// The workspace root, where the commands run.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What one run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `elementa ARGS…` in the workspace root.
pub fn elementa(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_elementa"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
