//! `elementa project`: a response body as `return_object` or `fields`
//! shapes it, streamed from the file to stdout.

use std::io::BufReader;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use elementa_project::stream::{Error, Format as StreamFormat, project_stream};
use elementa_project::{Fields, Method, Projection, ReturnObject};

use crate::Outcome;
use crate::check::resource_arg;
use crate::load::{Format, Vendor, detect_file, resource_of_root_file};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MethodArg {
    Get,
    Post,
    Put,
    Patch,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReturnObjectArg {
    None,
    Limited,
    Shallow,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("shape").required(true).args(["return_object", "fields"])))]
pub struct ProjectArgs {
    /// Resource id (`coupa/expense-report`); needed for JSON input.
    #[arg(long)]
    resource: Option<String>,
    /// The request's method (`none` is only for POST and PUT).
    #[arg(long, value_enum, default_value = "get")]
    method: MethodArg,
    /// `none`, `limited` or `shallow`.
    #[arg(long, value_enum)]
    return_object: Option<ReturnObjectArg>,
    /// A `fields` selection, such as '["id",{"expense_lines":["id"]}]'.
    #[arg(long)]
    fields: Option<String>,
    /// The input format; detected from the content when absent.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Whose resources an XML root element names.
    #[arg(long, value_enum, default_value = "coupa")]
    vendor: Vendor,
    /// The payload file (one record or a list).
    file: PathBuf,
}

pub fn run(args: &ProjectArgs) -> Outcome {
    let shown = args.file.display();
    let format = match args.format.map_or_else(|| detect_file(&args.file), Ok) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Usage;
        }
    };
    let meta = match resource_arg(args.resource.as_deref()) {
        Ok(Some(m)) => m,
        Ok(None) if format == Format::Xml => match resource_of_root_file(&args.file, args.vendor) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                return Outcome::Usage;
            }
        },
        Ok(None) => {
            eprintln!(
                "{shown}: JSON payloads need --resource (for example --resource coupa/expense-report)"
            );
            return Outcome::Usage;
        }
        Err(o) => return o,
    };
    let projection = match (&args.return_object, &args.fields) {
        (Some(r), _) => Projection::ReturnObject(match r {
            ReturnObjectArg::None => ReturnObject::None,
            ReturnObjectArg::Limited => ReturnObject::Limited,
            ReturnObjectArg::Shallow => ReturnObject::Shallow,
        }),
        (None, Some(f)) => match Fields::parse(f, meta) {
            Ok(f) => Projection::Fields(f),
            Err(e) => {
                eprintln!("elementa: {e}");
                return Outcome::Usage;
            }
        },
        (None, None) => Projection::Full,
    };
    let method = match args.method {
        MethodArg::Get => Method::Get,
        MethodArg::Post => Method::Post,
        MethodArg::Put => Method::Put,
        MethodArg::Patch => Method::Patch,
    };
    let file = match std::fs::File::open(&args.file) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{shown}: cannot read: {e}");
            return Outcome::Usage;
        }
    };
    let stream_format = match format {
        Format::Json => StreamFormat::Json,
        Format::Xml => StreamFormat::Xml,
    };
    let stdout = std::io::stdout().lock();
    let out = std::io::BufWriter::with_capacity(64 * 1024, stdout);
    match project_stream(
        meta,
        stream_format,
        BufReader::with_capacity(64 * 1024, file),
        out,
        &projection,
        method,
    ) {
        Ok(()) => Outcome::Ok,
        Err(Error::Project(e)) => {
            eprintln!("elementa: {e}");
            Outcome::Usage
        }
        Err(Error::Stream(elementa::StreamError::Decode(e))) => {
            eprintln!("{shown}:{e}");
            Outcome::Invalid
        }
        Err(Error::Stream(elementa::StreamError::Io(e))) => {
            eprintln!("{shown}: {e}");
            Outcome::Usage
        }
    }
}
