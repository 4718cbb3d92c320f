//! `elementa check`: validate payloads, with precise diagnostics on stderr.

use std::path::PathBuf;

use clap::Args;
use elementa::{Direction, Options, Record, ResourceMeta, validate};

use crate::{DirectionArg, Outcome, registry};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Resource id (`coupa/comment`); needed for JSON payloads.
    #[arg(long)]
    resource: Option<String>,
    /// `in` for request bodies, `out` for responses.
    #[arg(long, value_enum, default_value = "out")]
    direction: DirectionArg,
    /// Also report values outside the allowed lists and unknown elements.
    #[arg(long)]
    strict: bool,
    /// Payload files (a JSON object, or an array of objects).
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs) -> Outcome {
    let meta = match &args.resource {
        Some(id) => match registry::find(id) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("elementa: {e}");
                return Outcome::Usage;
            }
        },
        None => {
            eprintln!(
                "elementa: JSON payloads need --resource (for example --resource coupa/comment)"
            );
            return Outcome::Usage;
        }
    };
    let direction = match args.direction {
        DirectionArg::In => Direction::In,
        DirectionArg::Out => Direction::Out,
    };
    let mut options = Options::new(direction);
    if args.strict {
        options = options.strict();
    }
    args.files
        .iter()
        .map(|f| check_file(f, meta, options))
        .max()
        .unwrap_or(Outcome::Ok)
}

fn check_file(path: &PathBuf, meta: &'static ResourceMeta, options: Options) -> Outcome {
    let shown = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{shown}: cannot read: {e}");
            return Outcome::Usage;
        }
    };
    let records: Vec<Box<dyn Record>> = if text.trim_start().starts_with('[') {
        match elementa_json::decode_list(meta, &text, Default::default()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{shown}:{e}");
                return Outcome::Invalid;
            }
        }
    } else {
        match elementa_json::decode(meta, &text) {
            Ok(r) => vec![r],
            Err(e) => {
                eprintln!("{shown}:{e}");
                return Outcome::Invalid;
            }
        }
    };
    let list = text.trim_start().starts_with('[');
    let mut count = 0;
    for (i, r) in records.iter().enumerate() {
        for p in validate(&**r, options) {
            count += 1;
            if list {
                eprintln!("{shown}: [{i}].{p}");
            } else {
                eprintln!("{shown}: {p}");
            }
        }
    }
    if count == 0 {
        println!(
            "{shown}: ok ({} {}, direction {})",
            records.len(),
            meta.id,
            options.direction
        );
        Outcome::Ok
    } else {
        eprintln!("{shown}: {count} problem(s)");
        Outcome::Invalid
    }
}
