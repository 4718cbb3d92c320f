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
