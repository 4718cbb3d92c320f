//! `elementa check`: validate payloads, with precise diagnostics on stderr.

use std::path::PathBuf;

use clap::Args;
use elementa::{Direction, Options, ResourceMeta, validate};

use crate::load::{Format, LoadError, Vendor, load};
use crate::{DirectionArg, Outcome, registry};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Resource id (`coupa/comment`); needed for JSON, found from the root
    /// element for XML.
    #[arg(long)]
    resource: Option<String>,
    /// `in` for request bodies, `out` for responses.
    #[arg(long, value_enum, default_value = "out")]
    direction: DirectionArg,
    /// Also report values outside the allowed lists and unknown elements.
    #[arg(long)]
    strict: bool,
    /// The payload format; detected from the content when absent.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Whose resources an XML root element names (a `winstrom` root is Flexi).
    #[arg(long, value_enum, default_value = "coupa")]
    vendor: Vendor,
    /// Payload files: one record, or a list (JSON array, XML `type="array"`).
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn resource_arg(id: Option<&str>) -> Result<Option<&'static ResourceMeta>, Outcome> {
    match id.map(registry::find).transpose() {
        Ok(m) => Ok(m),
        Err(e) => {
            eprintln!("elementa: {e}");
            Err(Outcome::Usage)
        }
    }
}

pub fn run(args: &CheckArgs) -> Outcome {
    let resource = match resource_arg(args.resource.as_deref()) {
        Ok(m) => m,
        Err(o) => return o,
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
        .map(|f| check_file(f, resource, options, args))
        .max()
        .unwrap_or(Outcome::Ok)
}

fn check_file(
    path: &std::path::Path,
    resource: Option<&'static ResourceMeta>,
    options: Options,
    args: &CheckArgs,
) -> Outcome {
    let shown = path.display();
    let loaded = match load(path, resource, args.format, args.vendor) {
        Ok(l) => l,
        Err(LoadError::Usage(e)) => {
            eprintln!("{e}");
            return Outcome::Usage;
        }
        Err(LoadError::Invalid(e)) => {
            eprintln!("{shown}:{e}");
            return Outcome::Invalid;
        }
    };
    let mut count = 0;
    for (i, r) in loaded.records.iter().enumerate() {
        for p in validate(&**r, options) {
            count += 1;
            if loaded.list {
                eprintln!("{shown}: [{i}].{p}");
            } else {
                eprintln!("{shown}: {p}");
            }
        }
    }
    if count == 0 {
        println!(
            "{shown}: ok ({} {}, direction {})",
            loaded.records.len(),
            loaded.meta.id,
            options.direction
        );
        Outcome::Ok
    } else {
        eprintln!("{shown}: {count} problem(s)");
        Outcome::Invalid
    }
}
