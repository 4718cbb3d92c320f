//! `cargo xtask fuzz [TARGET|--all] [SECONDS]`: builds the targets in
//! `fuzz/` with the nightly toolchain and libFuzzer's coverage flags (the
//! ones cargo-fuzz passes, without a sanitizer: the crates forbid `unsafe`),
//! seeds each target's corpus from `tests/fixtures`, `examples` and
//! `schemas`, and runs each for SECONDS (default 60). Prints executions per
//! target; fails when a target finds a crash or a property failure (the
//! input is saved under `fuzz/artifacts/TARGET/`). `ELEMENTA_FUZZ_SEED`
//! fixes libFuzzer's seed (CI does, so its short run is repeatable).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Every target, in the order they run.
pub const TARGETS: [&str; 9] = [
    "coupa_xml",
    "coupa_json",
    "flexi_changes",
    "flexi_records",
    "fields",
    "detail",
    "schema_file",
    "coupa_errors",
    "mentions",
];

/// The coverage instrumentation libFuzzer needs (as cargo-fuzz sets it).
const RUSTFLAGS: &str = "-Cpasses=sancov-module \
    -Cllvm-args=-sanitizer-coverage-level=4 \
    -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
    -Cllvm-args=-sanitizer-coverage-pc-table \
    -Cllvm-args=-sanitizer-coverage-trace-compares \
    --cfg fuzzing -Cdebug-assertions -Coverflow-checks";

/// What one run did.
pub struct Outcome {
    /// The target.
    pub target: &'static str,
    /// Executions, as libFuzzer counted them.
    pub executions: u64,
    /// Seconds it ran.
    pub seconds: u64,
}

fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path, keep));
        } else if keep(&path) {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn ext(path: &Path, wanted: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| wanted.contains(&e))
}

/// The wire name a fixture is for: its file name up to the first `.`
/// (`expense-report-full.json` → tried as `expense-report-full`, then
/// shorter dash-separated prefixes).
fn wire_prefixes(path: &Path) -> Vec<String> {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .unwrap_or_default();
    let parts: Vec<&str> = stem.split('-').collect();
    (1..=parts.len())
        .rev()
        .filter_map(|n| parts.get(..n).map(|p| p.join("-")))
        .collect()
}

/// Seed inputs for `target`, as bytes.
fn seeds(root: &Path, target: &str) -> Vec<Vec<u8>> {
    let fixtures = root.join("tests/fixtures");
    let read = |p: &Path| std::fs::read(p).unwrap_or_default();
    let coupa_wires: Vec<String> = elementa_coupa::RESOURCES
        .iter()
        .map(|m| m().wire.to_owned())
        .collect();
    let with_wire = |paths: Vec<PathBuf>| -> Vec<Vec<u8>> {
        paths
            .iter()
            .filter_map(|p| {
                let wire = wire_prefixes(p)
                    .into_iter()
                    .find(|w| coupa_wires.contains(w))?;
                let mut input = format!("{wire}\n").into_bytes();
                input.extend(read(p));
                Some(input)
            })
            .collect()
    };
    let flexi = |p: &Path| p.to_string_lossy().contains("/flexi/");
    match target {
        "coupa_xml" => files(&fixtures.join("coupa"), &|p| ext(p, &["xml"]))
            .iter()
            .map(|p| read(p))
            .collect(),
        "coupa_json" => with_wire(
            [
                files(&fixtures.join("coupa"), &|p| ext(p, &["json"])),
                files(&root.join("examples/coupa"), &|p| ext(p, &["json"])),
            ]
            .concat(),
        ),
        "flexi_changes" => files(&fixtures.join("flexi"), &|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("changes"))
        })
        .iter()
        .map(|p| read(p))
        .collect(),
        "flexi_records" => files(&fixtures, &|p| flexi(p) && ext(p, &["xml", "json"]))
            .iter()
            .map(|p| read(p))
            .collect(),
        "fields" => [
            "expense-report\n[\"id\",{\"expense_lines\":[\"id\",\"amount\"]}]",
            "expense-report\n[\"id\",\"title\",{\"custom_fields\":{}}]",
            "user\n[\"login\",\"email\"]",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect(),
        "detail" => [
            "faktura-vydana\ncustom:kod,nazev,polozkyDokladu(kod,cenaMj)",
            "adresar\nsummary",
            "adresar\nfull",
            "faktura-vydana\ncustom:id,firma(kod,nazev)",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect(),
        "schema_file" => [
            files(&root.join("schemas/coupa"), &|p| ext(p, &["toml"])),
            files(&fixtures.join("hand-written-schemas"), &|p| {
                ext(p, &["toml"])
            }),
        ]
        .concat()
        .iter()
        .take(200)
        .map(|p| read(p))
        .collect(),
        "coupa_errors" => files(&fixtures.join("coupa/real"), &|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("errors"))
        })
        .iter()
        .map(|p| read(p))
        .collect(),
        "mentions" => [
            "@[User:2] please see this comment",
            "@ [User: 2] and @[User:15]@[User:3]",
            "mail me at a@b.c, @[Usr:1] is not one",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect(),
        _ => Vec::new(),
    }
}

/// The nightly compiler's host triple (build scripts and proc-macros are
/// built for it without the coverage flags, as cargo-fuzz does, by naming
/// the target explicitly).
fn host_triple() -> Result<String, String> {
    let out = Command::new("rustc")
        .args(["+nightly", "-vV"])
        .output()
        .map_err(|e| format!("cannot run rustc +nightly: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_owned)
        .ok_or_else(|| "rustc +nightly -vV names no host".to_owned())
}

/// Builds every target; returns the directory holding the binaries.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    let manifest = root.join("fuzz/Cargo.toml");
    let target_dir = root.join("fuzz/target");
    let triple = host_triple()?;
    let status = Command::new("cargo")
        .args(["+nightly", "build", "--release", "--locked", "--bins"])
        .args(["--target", &triple])
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target_dir)
        .env("RUSTFLAGS", RUSTFLAGS)
        .status()
        .map_err(|e| format!("cannot run cargo +nightly: {e}"))?;
    if !status.success() {
        return Err("building the fuzz targets failed".into());
    }
    Ok(target_dir.join(triple).join("release"))
}

/// Runs `target` for `seconds` on its corpus (seeded first).
pub fn run(root: &Path, bin: &Path, target: &'static str, seconds: u64) -> Result<Outcome, String> {
    let corpus = root.join("fuzz/corpus").join(target);
    let artifacts = root.join("fuzz/artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (i, seed) in seeds(root, target).iter().enumerate() {
        let path = corpus.join(format!("seed-{i:03}"));
        std::fs::write(&path, seed).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let mut command = Command::new(bin.join(target));
    // A fixed seed (CI sets one) makes a run repeatable: the same inputs in
    // the same order, so a slower machine explores a prefix of them.
    if let Ok(seed) = std::env::var("ELEMENTA_FUZZ_SEED") {
        command.arg(format!("-seed={seed}"));
    }
    let output = command
        .arg(&corpus)
        .arg(format!("-max_total_time={seconds}"))
        .arg("-print_final_stats=1")
        .arg("-timeout=10")
        .arg("-rss_limit_mb=4096")
        .arg("-max_len=65536")
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .output()
        .map_err(|e| format!("cannot run {target}: {e}"))?;
    let log = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        // The panic message and the saved input, without the backtrace.
        let panic: Vec<&str> = log
            .lines()
            .skip_while(|l| !l.contains("panicked at"))
            .take_while(|l| !l.starts_with("stack backtrace"))
            .take(20)
            .collect();
        let saved: Vec<&str> = log
            .lines()
            .filter(|l| l.contains("Test unit written"))
            .collect();
        return Err(format!(
            "{target} found a failure:\n{}\n{}",
            panic.join("\n"),
            saved.join("\n")
        ));
    }
    let executions = log
        .lines()
        .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("{target}: no execution count in libFuzzer's output"))?;
    Ok(Outcome {
        target,
        executions,
        seconds,
    })
}

/// `cargo xtask fuzz [TARGET|--all] [SECONDS]`.
pub fn main(root: &Path, args: &[String]) -> Result<(), String> {
    let (which, seconds) = match args {
        [] => (None, 60),
        [t] => match t.parse::<u64>() {
            Ok(s) => (None, s),
            Err(_) => (Some(t.as_str()), 60),
        },
        [t, s] => (
            Some(t.as_str()),
            s.parse()
                .map_err(|_| format!("SECONDS must be a number, not `{s}`"))?,
        ),
        _ => return Err("usage: cargo xtask fuzz [TARGET|--all] [SECONDS]".into()),
    };
    let targets: Vec<&'static str> = match which {
        None | Some("--all") => TARGETS.to_vec(),
        Some(t) => vec![
            *TARGETS
                .iter()
                .find(|x| **x == t)
                .ok_or_else(|| format!("no fuzz target `{t}`; targets: {}", TARGETS.join(", ")))?,
        ],
    };
    let bin = build(root)?;
    let mut failures = Vec::new();
    for target in targets {
        match run(root, &bin, target, seconds) {
            Ok(o) => println!(
                "fuzz {:<14} {:>12} executions in {} s, no failure",
                o.target, o.executions, o.seconds
            ),
            Err(e) => {
                eprintln!("{e}");
                failures.push(target);
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("failures in: {}", failures.join(", ")))
    }
}
