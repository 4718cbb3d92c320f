//! `elementa changes`: the changes of Flexi change listings (polled pages or
//! web-hook bodies), and the version to continue from.

use std::path::PathBuf;

use clap::Args;
use elementa_flexi::ChangePage;
use serde_json::json;

use crate::Outcome;
use crate::load::{Format, detect};

#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// The listing format; detected from the content when absent.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Print JSON lines (one per change, then one with where to continue).
    #[arg(long)]
    json: bool,
    /// Listing files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn print_text(page: &ChangePage, shown: &str) {
    println!("{shown}: globalVersion {}", page.global_version);
    for c in &page.changes {
        let ids: Vec<String> = c.ids.iter().map(ToString::to_string).collect();
        println!(
            "  {:>6}  {:<7} {:<24} {}",
            c.version,
            c.operation.as_wire(),
            c.evidence,
            ids.join(" ")
        );
    }
    println!("  continue from {}", page.end());
}

fn print_json(page: &ChangePage, shown: &str) {
    for c in &page.changes {
        let ids: Vec<String> = c.ids.iter().map(ToString::to_string).collect();
        let line = json!({
            "file": shown,
            "version": c.version,
            "operation": c.operation.as_wire(),
            "evidence": c.evidence,
            "timestamp": c.timestamp.as_str(),
            "ids": ids,
        });
        println!("{line}");
    }
    let last = json!({
        "file": shown,
        "globalVersion": page.global_version,
        "next": page.next.to_string(),
        "continueFrom": page.end(),
    });
    println!("{last}");
}

pub fn run(args: &ChangesArgs) -> Outcome {
    let mut outcome = Outcome::Ok;
    for path in &args.files {
        let shown = path.display().to_string();
        let text = match crate::load::read_payload(path) {
            Ok(t) => t,
            Err(crate::load::LoadError::Usage(e)) => {
                eprintln!("{e}");
                outcome = outcome.max(Outcome::Usage);
                continue;
            }
            Err(crate::load::LoadError::Invalid(e)) => {
                eprintln!("{shown}:{e}");
                outcome = outcome.max(Outcome::Invalid);
                continue;
            }
        };
        let page = match args.format.unwrap_or_else(|| detect(&text)) {
            Format::Xml => elementa_flexi::wire::page_from_xml(&text),
            Format::Json => elementa_flexi::wire::page_from_json(&text),
        };
        match page {
            Ok(p) if args.json => print_json(&p, &shown),
            Ok(p) => print_text(&p, &shown),
            Err(e) => {
                eprintln!("{shown}:{e}");
                outcome = outcome.max(Outcome::Invalid);
            }
        }
    }
    outcome
}
