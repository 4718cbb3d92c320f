//! Writes a JSON list of generated expense reports of at least the given size,
//! streaming (one report at a time), for measuring streaming projection.
//!
//! `cargo run --release -p elementa-tests --example gen_expense_reports -- 1024 big.json`

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mb: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(16);
    let path = args.next().unwrap_or_else(|| "expense-reports.json".into());
    let target = mb * 1024 * 1024;
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let mut written = 1u64;
    out.write_all(b"[")?;
    let mut n = 0i64;
    while written < target {
        n += 1;
        let text = elementa_json::to_string(&elementa_tests::sample::expense_report(n));
        if n > 1 {
            out.write_all(b",")?;
            written += 1;
        }
        out.write_all(text.as_bytes())?;
        written += text.len() as u64;
    }
    out.write_all(b"]\n")?;
    out.flush()?;
    eprintln!("{path}: {n} expense reports, {} bytes", written + 2);
    Ok(())
}
