//! `elementa schema export`: a resource's JSON Schema on stdout.

use clap::{Args, ValueEnum};
use elementa::{Direction, Options};

use crate::{DirectionArg, Outcome, registry};

/// What to export a resource's element table as.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// JSON Schema (draft 2020-12) of the resource's JSON wire form.
    JsonSchema,
    /// One OpenAPI 3.1 document of a whole vendor (give `coupa` or `flexi`
    /// instead of a resource id): every route, JSON and XML bodies, auth.
    Openapi,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(long, value_enum, default_value = "json-schema")]
    format: ExportFormat,
    /// `in` for request bodies, `out` for responses.
    #[arg(long, value_enum, default_value = "out")]
    direction: DirectionArg,
    /// Reject values outside the allowed lists and elements the schema does
    /// not name, like `check --strict`.
    #[arg(long, conflicts_with = "lenient")]
    strict: bool,
    /// Let other values and unknown elements pass, like `check` (the default).
    #[arg(long)]
    lenient: bool,
    /// Resource id, `<vendor>/<wire name>` (`coupa/comment`); a vendor
    /// (`coupa`, `flexi`) with `--format openapi`.
    id: String,
}

pub fn run(args: &ExportArgs) -> Outcome {
    if let ExportFormat::Openapi = args.format {
        let resources: Vec<_> = registry::all()
            .into_iter()
            .filter(|m| m.id.split('/').next() == Some(args.id.as_str()))
            .collect();
        if resources.is_empty() {
            eprintln!(
                "elementa: `{}` is not a vendor: --format openapi takes `coupa` or `flexi`",
                args.id
            );
            return Outcome::Usage;
        }
        let doc = elementa_jsonschema::openapi::document(&args.id, &resources);
        print!("{}", elementa_jsonschema::to_string_pretty(&doc));
        return Outcome::Ok;
    }
    let meta = match registry::find(&args.id) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("elementa: {e}");
            return Outcome::Usage;
        }
    };
    let direction = match args.direction {
        DirectionArg::In => Direction::In,
        DirectionArg::Out => Direction::Out,
    };
    let mut options = Options::new(direction);
    if args.strict && !args.lenient {
        options = options.strict();
    }
    let text = match args.format {
        ExportFormat::JsonSchema | ExportFormat::Openapi => {
            elementa_jsonschema::to_string_pretty(&elementa_jsonschema::export(meta, options))
        }
    };
    print!("{text}");
    Outcome::Ok
}
