//! Writes a list of generated expense reports of at least the given size,
//! streaming (one report at a time), for measuring streaming projection:
//! JSON, or XML when the file name ends in `.xml`.
//!
//! `cargo run --release -p elementa-tests --example gen_expense_reports -- 1024 big.json`

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mb: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(16);
    let path = args.next().unwrap_or_else(|| "expense-reports.json".into());
    let xml = path.ends_with(".xml");
    let (open, between, close): (&[u8], &[u8], &[u8]) = if xml {
        (
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<expense-reports type=\"array\">\n",
            b"\n",
            b"\n</expense-reports>\n",
        )
    } else {
        (b"[", b",", b"]\n")
    };
    let target = mb * 1024 * 1024;
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    out.write_all(open)?;
    let mut written = open.len() as u64;
    let mut n = 0i64;
    while written < target {
        n += 1;
        let report = elementa_tests::sample::expense_report(n);
        let text = if xml {
            let text = elementa_xml::to_string(&report).map_err(std::io::Error::other)?;
            // The record without its document's declaration.
            match text.split_once("?>\n") {
                Some((_, body)) => body.trim_end().to_owned(),
                None => text,
            }
        } else {
            elementa_json::to_string(&report)
        };
        if n > 1 {
            out.write_all(between)?;
            written += between.len() as u64;
        }
        out.write_all(text.as_bytes())?;
        written += text.len() as u64;
    }
    out.write_all(close)?;
    out.flush()?;
    eprintln!(
        "{path}: {n} expense reports, {} bytes",
        written + close.len() as u64
    );
    Ok(())
}
