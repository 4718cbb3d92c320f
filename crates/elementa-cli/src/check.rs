//! `elementa check`: validate payloads, with precise diagnostics on stderr.

use std::path::PathBuf;

use clap::Args;
use elementa::{CustomFields, Direction, Options, ProblemKind, ResourceMeta, validate_with};

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
    /// Make warnings errors: unknown elements and values outside the
    /// allowed lists, which are otherwise printed as warnings (exit 0).
    #[arg(long)]
    strict: bool,
    /// With `--direction in`: the body of an update (PUT/PATCH), which need
    /// not carry the elements required on create.
    #[arg(long)]
    update: bool,
    /// A TOML file declaring the tenant's custom fields in the global
    /// namespace, not reported as unknown under `--strict`: resource id
    /// patterns to element name patterns, `*` standing for any text
    /// (`"coupa/*" = ["custom-field-*"]`); they are never reported.
    #[arg(long, value_name = "FILE")]
    custom_fields: Option<PathBuf>,
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
    if args.update {
        if direction != Direction::In {
            eprintln!("elementa: --update describes a request body; use it with --direction in");
            return Outcome::Usage;
        }
        options = options.update();
    }
    let custom = match args.custom_fields.as_deref().map(custom_fields).transpose() {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Usage;
        }
    };
    args.files
        .iter()
        .map(|f| check_file(f, resource, options, &custom, args))
        .max()
        .unwrap_or(Outcome::Ok)
}

/// Reads a custom-field declaration file (see `--custom-fields`).
fn custom_fields(path: &std::path::Path) -> Result<CustomFields, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let table: std::collections::BTreeMap<String, Vec<String>> =
        toml::from_str(&text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((0, 0), |s| elementa::line_col(&text, s.start));
            format!("{shown}:{line}:{column}: {}", e.message())
        })?;
    let mut custom = CustomFields::default();
    for (resource, names) in &table {
        let vendor_known = resource
            .split_once('/')
            .is_some_and(|(v, _)| v == "coupa" || v == "flexi");
        if !vendor_known {
            return Err(format!(
                "{shown}: `{resource}` is not a resource id pattern such as `coupa/user` or `coupa/*`"
            ));
        }
        for name in names {
            custom.declare(resource, name);
        }
    }
    Ok(custom)
}

fn check_file(
    path: &std::path::Path,
    resource: Option<&'static ResourceMeta>,
    options: Options,
    custom: &CustomFields,
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
    // Every problem is looked for; unknown elements and values outside the
    // allowed lists are warnings unless --strict makes them errors.
    let all = Options {
        strict: true,
        ..options
    };
    let (mut errors, mut warnings) = (0, 0);
    for (i, r) in loaded.records().into_iter().enumerate() {
        if is_foreign(r) {
            errors += 1;
            eprintln!(
                "{shown}: {}shares no element with {}: is it another resource?",
                loaded.place(i),
                r.meta().id
            );
            continue;
        }
        for p in validate_with(r, all, custom) {
            let lenient = matches!(
                p.kind,
                ProblemKind::Unknown | ProblemKind::NotAllowed { .. }
            );
            if lenient && !options.strict {
                warnings += 1;
                eprintln!("{shown}: warning: {}{p}", loaded.place(i));
            } else {
                errors += 1;
                eprintln!("{shown}: {}{p}", loaded.place(i));
            }
        }
    }
    let warned = if warnings == 0 {
        String::new()
    } else {
        format!(", {}", plural(warnings, "warning"))
    };
    if errors == 0 {
        println!(
            "{shown}: ok ({}, direction {}){warned}",
            loaded.summary(),
            options.direction
        );
        Outcome::Ok
    } else {
        eprintln!("{shown}: {}{warned}", plural(errors, "problem"));
        Outcome::Invalid
    }
}

/// `1 problem`, `2 problems`.
fn plural(n: usize, what: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {what}{s}")
}

/// A record none of whose elements the resource knows, though it has some:
/// another resource's payload (an error body checked as a user).
fn is_foreign(record: &dyn elementa::Record) -> bool {
    let known =
        (0..record.meta().elements.len()).any(|i| record.field(i).is_some_and(|f| f.is_present()));
    !known && !record.extra().0.is_empty()
}
