//! `elementa schema diff OLD_DIR NEW_DIR`: what changed between two schema
//! sets, by impact; exit 1 when anything breaking changed.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use elementa_schema::diff::{Change, Impact, diff};
use elementa_schema::{SchemaSet, load_dir};

use crate::Outcome;

/// How results are printed.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum MessageFormat {
    /// `file:line: impact: resource: message`, and a summary.
    #[default]
    Human,
    /// One JSON object per line: file, line, resource, element, impact,
    /// rule, message.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), so
    /// changes show on the pull request.
    Github,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The schema set before (a `schemas/` folder: `<vendor>/<wire>.toml`).
    old: PathBuf,
    /// The schema set after.
    new: PathBuf,
    /// How to print the changes.
    #[arg(long, value_enum, default_value = "human")]
    message_format: MessageFormat,
}

fn load(dir: &std::path::Path) -> Result<SchemaSet, Outcome> {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        eprintln!("elementa: {shown}: not a folder of schema files");
        return Err(Outcome::Usage);
    }
    let (set, problems) = load_dir(dir, &shown);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{p}");
        }
        eprintln!(
            "elementa: {shown}: {} schema problem(s); fix them first",
            problems.len()
        );
        return Err(Outcome::Usage);
    }
    Ok(set)
}

/// `1 breaking change`, `2 additive changes`.
fn count(n: usize, what: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {what} change{s}")
}

fn file_of(args: &DiffArgs, change: &Change) -> String {
    let dir = if change.in_old { &args.old } else { &args.new };
    let (vendor, wire) = change
        .resource
        .split_once('/')
        .unwrap_or(("", change.resource.as_str()));
    dir.join(vendor)
        .join(format!("{wire}.toml"))
        .display()
        .to_string()
}

/// GitHub's workflow-command escaping of a message and of a property.
fn escape(text: &str, property: bool) -> String {
    let mut out = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

pub fn run(args: &DiffArgs) -> Outcome {
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let changes = diff(&old, &new);
    for c in &changes {
        let file = file_of(args, c);
        match args.message_format {
            MessageFormat::Human => {
                println!(
                    "{file}:{}: {}: {}: {}",
                    c.line, c.impact, c.resource, c.message
                );
            }
            MessageFormat::Json => {
                let object = serde_json::json!({
                    "file": file,
                    "line": c.line,
                    "resource": c.resource,
                    "element": c.element,
                    "impact": c.impact.as_str(),
                    "rule": c.rule,
                    "message": c.message,
                });
                println!("{object}");
            }
            MessageFormat::Github => {
                let level = match c.impact {
                    Impact::Breaking => "error",
                    Impact::Additive => "notice",
                };
                println!(
                    "::{level} file={},line={},title={}::{}",
                    escape(&file, true),
                    c.line,
                    escape(&format!("{} change ({})", c.impact, c.rule), true),
                    escape(&format!("{}: {}", c.resource, c.message), false)
                );
            }
        }
    }
    let breaking = changes
        .iter()
        .filter(|c| c.impact == Impact::Breaking)
        .count();
    let additive = changes.len() - breaking;
    eprintln!(
        "{}, {} ({} resources before, {} after)",
        count(breaking, "breaking"),
        count(additive, "additive"),
        old.resources.len(),
        new.resources.len()
    );
    if breaking > 0 {
        Outcome::Invalid
    } else {
        Outcome::Ok
    }
}
