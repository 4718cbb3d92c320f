//! Compile-time measurement of many generated resources.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const TYPES: &[&str] = &[
    "integer", "decimal", "string", "text", "boolean", "datetime", "date",
];

/// One synthetic schema file: 24 elements of mixed types, an allowed-value
/// list, and associations to neighbouring resources.
fn schema(i: usize, n: usize, extra: bool) -> String {
    let mut s = format!(
        "[resource]\nwire = \"res-{i}\"\ndialect = \"coupa\"\ndoc = \"Synthetic resource {i}.\"\n\
         natural-keys = [\"code\"]\n\n[[element]]\nwire = \"id\"\ntype = \"integer\"\nout = true\n\n\
         [[element]]\nwire = \"code\"\ntype = \"string\"\nlength = 64\nin = true\nout = true\n\n\
         [[element]]\nwire = \"state\"\ntype = \"string\"\nvalues = [\"new\", \"open\", \"closed\"]\nin = true\nout = true\n"
    );
    for k in 0..18 {
        let ty = TYPES.get(k % TYPES.len()).copied().unwrap_or("text");
        let _ = write!(
            s,
            "\n[[element]]\nwire = \"field-{k}\"\ndoc = \"Field {k}.\"\ntype = \"{ty}\"\nin = true\nout = true\n"
        );
    }
    let _ = write!(
        s,
        "\n[[element]]\nwire = \"next\"\ntype = \"one\"\ntarget = \"res-{}\"\nin = true\nout = true\n\n\
         [[element]]\nwire = \"children\"\ntype = \"many\"\ntarget = \"res-{}\"\nout = true\n",
        (i + 1) % n,
        (i + 7) % n
    );
    if extra {
        s.push_str(
            "\n[[element]]\nwire = \"added-later\"\ntype = \"integer\"\nin = true\nout = true\n",
        );
    }
    s
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn cargo(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo {} failed:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn run(root: &Path, n: usize) -> Result<(), String> {
    let dir = root.join("target/compile-bench");
    let schemas = dir.join("schemas/synth");
    std::fs::create_dir_all(&schemas).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let elementa = root.join("crates/elementa");
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"synth\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nelementa = {{ path = {:?} }}\n\n[workspace]\n",
            elementa.display().to_string()
        ),
    )?;
    for i in 0..n {
        write(&schemas.join(format!("res-{i}.toml")), &schema(i, n, false))?;
    }
    let mut lib = String::from("#![allow(missing_docs)]\n");
    for i in 0..n {
        let _ = writeln!(lib, "elementa::resource!(\"schemas/synth/res-{i}.toml\");");
    }
    write(&dir.join("src/lib.rs"), &lib)?;
    write(
        &dir.join("src/main.rs"),
        "use elementa::Resource;\nfn main() { println!(\"{}\", synth::Res0::resource_meta().elements.len()); }\n",
    )?;

    println!("compile-bench: building dependencies once (not timed)…");
    cargo(&dir, &["build", "--quiet", "-p", "elementa"])?;
    cargo(&dir, &["clean", "--quiet", "-p", "synth"])?;

    let start = Instant::now();
    cargo(&dir, &["build", "--quiet", "--lib"])?;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "compile-bench: {n} resources ({} elements) built in {secs:.1} s (debug, {:.1} ms per resource)",
        n * 24,
        secs * 1000.0 / n as f64
    );

    let before = cargo(&dir, &["run", "--quiet", "--bin", "synth"])?;
    write(&schemas.join("res-0.toml"), &schema(0, n, true))?;
    let start = Instant::now();
    let after = cargo(&dir, &["run", "--quiet", "--bin", "synth"])?;
    println!(
        "compile-bench: after editing res-0.toml, the rebuild took {:.1} s and res-0 has {} elements (was {})",
        start.elapsed().as_secs_f64(),
        after.trim(),
        before.trim()
    );
    write(&schemas.join("res-0.toml"), &schema(0, n, false))?;
    if before.trim() == after.trim() {
        return Err("the edited schema file was not picked up: stale build".into());
    }
    Ok(())
}

/// The real schemas: a clean build of each vendor crate (its whole
/// surface) with its dependencies already built, debug and release, against
/// the 60 s debug budget; and beside it, built the same way, a scratch crate
/// generated from the 13 earlier hand-written schema files
/// (`tests/fixtures/hand-written-schemas/<vendor>`), the size the crates had
/// before the import, as the baseline of the same run.
pub fn run_vendors(root: &Path) -> Result<(), String> {
    for (vendor, krate) in [("coupa", "elementa-coupa"), ("flexi", "elementa-flexi")] {
        let base = baseline_crate(root, vendor)?;
        for (profile, flag) in [("debug", None), ("release", Some("--release"))] {
            let with = |args: &[&'static str]| {
                let mut v = args.to_vec();
                v.extend(flag);
                v
            };
            cargo(root, &with(&["build", "--quiet", "-p", krate]))?;
            cargo(root, &with(&["clean", "--quiet", "-p", krate]))?;
            let start = Instant::now();
            cargo(root, &with(&["build", "--quiet", "-p", krate]))?;
            let real = start.elapsed().as_secs_f64();

            cargo(&base, &with(&["build", "--quiet", "--lib"]))?;
            cargo(&base, &with(&["clean", "--quiet", "-p", "baseline"]))?;
            let start = Instant::now();
            cargo(&base, &with(&["build", "--quiet", "--lib"]))?;
            let before = start.elapsed().as_secs_f64();
            let budget = if profile == "debug" {
                format!(
                    " (budget 60 s: {})",
                    if real <= 60.0 { "met" } else { "NOT met" }
                )
            } else {
                String::new()
            };
            println!(
                "compile-bench: {krate} ({} resources) {profile}: {real:.1} s; \
                 the 13 hand-written files' {vendor} part: {before:.1} s; ratio {:.1}x{budget}",
                count(&root.join("schemas").join(vendor))?,
                real / before.max(f64::EPSILON)
            );
        }
    }
    Ok(())
}

fn count(dir: &Path) -> Result<usize, String> {
    Ok(std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .count())
}

/// A scratch crate under `target/compile-bench/baseline-<vendor>` whose
/// library is `vendor!` over the hand-written schema files of `vendor`,
/// sharing the workspace's target directory for its dependencies.
fn baseline_crate(root: &Path, vendor: &str) -> Result<std::path::PathBuf, String> {
    let dir = root.join(format!("target/compile-bench/baseline-{vendor}"));
    let schemas = dir.join("schemas").join(vendor);
    std::fs::create_dir_all(&schemas).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let source = root
        .join("tests/fixtures/hand-written-schemas")
        .join(vendor);
    for entry in std::fs::read_dir(&source).map_err(|e| format!("{}: {e}", source.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, schemas.join(name))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"baseline\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nelementa = {{ path = {:?} }}\n\n[workspace]\n",
            root.join("crates/elementa").display().to_string()
        ),
    )?;
    write(
        &dir.join("src/lib.rs"),
        &format!("#![allow(missing_docs)]\nelementa::vendor!(\"schemas/{vendor}\");\n"),
    )?;
    Ok(dir)
}

/// The alternative to the reflection design, measured against the same
/// budget: for each vendor, a clean debug build of its crate (its whole
/// surface through `vendor!`), and beside it a scratch crate declaring the
/// same resources as plain structs with `#[derive(Deserialize, Serialize)]`
/// (serde derive generates a decode and an encode function per type, the
/// design the benches' baselines use), dependencies built for both.
pub fn run_derive(root: &Path) -> Result<(), String> {
    let (set, errors) = elementa_schema::load_dir(&root.join("schemas"), "schemas");
    if let Some(e) = errors.first() {
        return Err(format!("schemas do not load: {e}"));
    }
    for (vendor, krate) in [("coupa", "elementa-coupa"), ("flexi", "elementa-flexi")] {
        cargo(root, &["build", "--quiet", "-p", krate])?;
        cargo(root, &["clean", "--quiet", "-p", krate])?;
        let start = Instant::now();
        cargo(root, &["build", "--quiet", "-p", krate])?;
        let real = start.elapsed().as_secs_f64();

        let ids: Vec<String> = set
            .resources
            .keys()
            .filter(|id| id.starts_with(&format!("{vendor}/")))
            .cloned()
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let dir = root.join(format!("target/compile-bench/derive-{vendor}"));
        std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
        let mut lib = String::from(
            "#![allow(dead_code, non_camel_case_types)]\nuse serde::{Deserialize, Serialize};\n",
        );
        crate::bench_baseline::structs(&set, &ids, &mut lib)?;
        write(&dir.join("src/lib.rs"), &lib)?;
        write(
            &dir.join("Cargo.toml"),
            "[package]\nname = \"derive\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\
             rust_decimal = \"1\"\njiff = { version = \"0.2\", features = [\"serde\"] }\n\n[workspace]\n",
        )?;
        cargo(&dir, &["build", "--quiet", "--lib"])?;
        cargo(&dir, &["clean", "--quiet", "-p", "derive"])?;
        let start = Instant::now();
        cargo(&dir, &["build", "--quiet", "--lib"])?;
        let derive = start.elapsed().as_secs_f64();
        println!(
            "compile-bench: {krate} ({} resources) debug: {real:.1} s; the same resources as \
             serde-derive structs: {derive:.1} s; ratio {:.2}x",
            ids.len(),
            derive / real.max(f64::EPSILON)
        );
    }
    Ok(())
}
