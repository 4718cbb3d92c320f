//! `elementa schema diff OLD_DIR NEW_DIR`: what changed between two schema
//! sets, by impact; exit 1 when anything breaking changed.

use std::path::PathBuf;

use clap::Args;
use elementa_schema::diff::{Change, Impact, diff};
use elementa_schema::{SchemaSet, load_dir};

use crate::Outcome;
use crate::report::{Annotation, Level, MessageFormat, github, sarif};

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

pub fn run(args: &DiffArgs) -> Outcome {
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let changes = diff(&old, &new);
    let mut annotations = Vec::new();
    for c in &changes {
        let file = file_of(args, c);
        let annotation = Annotation {
            file: file.clone(),
            line: c.line,
            column: 0,
            rule: c.rule,
            level: match c.impact {
                Impact::Breaking => Level::Error,
                Impact::Additive => Level::Note,
            },
            message: format!("{}: {}", c.resource, c.message),
        };
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
            MessageFormat::Github => println!("{}", github(&annotation)),
            MessageFormat::Sarif => {}
        }
        annotations.push(annotation);
    }
    if args.message_format == MessageFormat::Sarif {
        println!("{:#}", sarif(RULES, &annotations));
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

/// Every rule `schema diff` reports, for SARIF's rule table.
const RULES: &[(&str, &str)] = &[
    ("resource-removed", "A resource was removed."),
    ("resource-added", "A resource was added."),
    ("element-removed", "An element was removed."),
    ("element-added", "An element was added."),
    ("required-element-added", "A required element was added."),
    ("type-changed", "An element's type changed."),
    ("became-required", "An element became required."),
    ("became-optional", "An element is no longer required."),
    (
        "direction-removed",
        "An element left requests or responses.",
    ),
    (
        "direction-added",
        "An element joined requests or responses.",
    ),
    ("length-shortened", "A length was shortened or imposed."),
    ("length-lengthened", "A length was raised or lifted."),
    ("scale-reduced", "A decimal's scale was reduced or imposed."),
    (
        "values-imposed",
        "An element is now limited to allowed values.",
    ),
    ("values-lifted", "An element's allowed values were lifted."),
    ("value-removed", "An allowed value was removed."),
    ("value-added", "An allowed value was added."),
    ("route-removed", "A route was removed."),
    ("route-added", "A route was added."),
    (
        "route-body-changed",
        "A route takes a body or no longer does.",
    ),
    ("wire-form-changed", "An element's place in XML changed."),
    ("became-unique", "An element must now be unique."),
    ("no-longer-unique", "An element need no longer be unique."),
    (
        "precision-reduced",
        "A decimal's precision was reduced or imposed.",
    ),
    (
        "precision-raised",
        "A decimal's precision was raised or lifted.",
    ),
    ("scale-raised", "A decimal's scale was raised or lifted."),
];
