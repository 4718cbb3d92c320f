//! The `elementa` command line: list and show the element tables, and check
//! payloads against them in CI.
//!
//! ```text
//! elementa schema list
//! elementa schema show coupa/comment
//! elementa schema export --format json-schema --direction in coupa/comment
//! elementa check --resource coupa/comment --direction in comment.json
//! elementa check --direction in comment.xml
//! elementa convert --to json comment.xml
//! elementa schema diff old-schemas/ schemas/
//! elementa flexi mirror --demo
//! ```
//!
//! Exit codes: 0 when every payload is valid, 1 when any is invalid
//! (unparseable or failing validation), 2 on a usage error (unknown resource,
//! unreadable file).
#![forbid(unsafe_code)]

mod changes;
mod check;
mod convert;
mod diff;
mod export;
mod load;
mod locate;
mod mirror;
mod project;
mod registry;
mod report;
mod show;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Typed, validated element tables of procurement and ERP APIs.
#[derive(Debug, Parser)]
#[command(
    name = "elementa",
    version,
    about,
    after_help = "Exit codes: 0 valid (warnings allowed unless --strict), 1 invalid (a payload \
                  fails, or `schema diff` found a breaking change), 2 usage (unknown resource, \
                  unreadable file or folder).\n\
                  Output: `check` and `schema diff` take --message-format human|json|github|sarif."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Inspect the resources' element tables.
    Schema {
        #[command(subcommand)]
        command: SchemaCommand,
    },
    /// Validate payloads (XML or JSON) against a resource's element table.
    #[command(
        after_help = "Exit codes: 0 every payload valid (warnings allowed unless --strict), \
                            1 a payload invalid, 2 usage (unknown resource, unreadable file)."
    )]
    Check(check::CheckArgs),
    /// Write a payload in the other wire form (XML <-> JSON) to stdout.
    Convert(convert::ConvertArgs),
    /// Shape a response as return_object or fields would, streaming to stdout.
    Project(project::ProjectArgs),
    /// Print the changes of ABRA Flexi change listings and where to continue.
    Changes(changes::ChangesArgs),
    /// ABRA Flexi tools.
    Flexi {
        #[command(subcommand)]
        command: FlexiCommand,
    },
    /// Print a completion script for a shell (`elementa completions bash >
    /// /etc/bash_completion.d/elementa`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
enum FlexiCommand {
    /// Keep a SQLite or PostgreSQL database in step with a company: the
    /// initial load, then the changes (exactly once, crash-safe).
    #[command(
        after_help = "Credentials: ELEMENTA_FLEXI_USER and ELEMENTA_FLEXI_PASSWORD, or \
                      --credentials FILE; hook secret: ELEMENTA_FLEXI_HOOK_SECRET.\n\
                      Exit codes: 0 stopped as asked, 1 the mirror failed (the database \
                      keeps every committed batch), 2 usage."
    )]
    Mirror(mirror::MirrorArgs),
}

#[derive(Debug, Subcommand)]
enum SchemaCommand {
    /// Every resource, one line each.
    List,
    /// One resource's element table.
    Show {
        /// Resource id, `<vendor>/<wire name>` (`coupa/comment`).
        id: String,
    },
    /// One resource's JSON Schema for request (`in`) or response (`out`)
    /// bodies; lenient unless `--strict`.
    Export(export::ExportArgs),
    /// What changed between two schema folders, breaking first or not:
    /// exit 0 when nothing breaking changed, 1 when something did, 2 when a
    /// folder cannot be read or holds invalid schema files.
    Diff(diff::DiffArgs),
}

/// Which way a payload travels.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum DirectionArg {
    /// A request body.
    In,
    /// A response body.
    Out,
}

/// The outcome of a command, mapped to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Everything valid: 0.
    Ok,
    /// Some payload invalid: 1.
    Invalid,
    /// A usage error: 2.
    Usage,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> Self {
        ExitCode::from(match o {
            Outcome::Ok => 0,
            Outcome::Invalid => 1,
            Outcome::Usage => 2,
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Schema {
            command: SchemaCommand::List,
        } => show::list(),
        Command::Schema {
            command: SchemaCommand::Show { id },
        } => show::show(&id),
        Command::Schema {
            command: SchemaCommand::Export(args),
        } => export::run(&args),
        Command::Schema {
            command: SchemaCommand::Diff(args),
        } => diff::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Project(args) => project::run(&args),
        Command::Changes(args) => changes::run(&args),
        Command::Flexi {
            command: FlexiCommand::Mirror(args),
        } => mirror::run(&args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "elementa", &mut std::io::stdout());
            Outcome::Ok
        }
    };
    outcome.into()
}
