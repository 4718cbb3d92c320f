//! `elementa convert`: a payload in the other wire form, on stdout.

use std::path::PathBuf;

use clap::Args;

use crate::Outcome;
use crate::check::resource_arg;
use crate::load::{Format, LoadError, Vendor, load, render};

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The format to write.
    #[arg(long, value_enum)]
    to: Format,
    /// Resource id (`coupa/comment`); needed for JSON input.
    #[arg(long)]
    resource: Option<String>,
    /// The input format; detected from the content when absent.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Whose resources an XML root element names (a `winstrom` root is Flexi).
    #[arg(long, value_enum, default_value = "coupa")]
    vendor: Vendor,
    /// The payload file.
    file: PathBuf,
}

pub fn run(args: &ConvertArgs) -> Outcome {
    let resource = match resource_arg(args.resource.as_deref()) {
        Ok(m) => m,
        Err(o) => return o,
    };
    match load(&args.file, resource, args.format, args.vendor) {
        Ok(loaded) => match render(&loaded, args.to) {
            Ok(text) => {
                print!("{text}");
                Outcome::Ok
            }
            Err(e) => {
                eprintln!("{}: cannot be written as XML: {e}", args.file.display());
                Outcome::Invalid
            }
        },
        Err(LoadError::Usage(e)) => {
            eprintln!("{e}");
            Outcome::Usage
        }
        Err(LoadError::Invalid(e)) => {
            eprintln!("{}:{e}", args.file.display());
            Outcome::Invalid
        }
    }
}
