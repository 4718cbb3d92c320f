//! `elementa check`: validate payloads, with precise diagnostics on stderr.

use std::path::PathBuf;

use clap::Args;
use elementa::{CustomFields, Direction, Options, ProblemKind, ResourceMeta, validate_with};

use crate::load::{Format, LoadError, Vendor, load};
use crate::report::{Annotation, Level, MessageFormat, github, sarif};
use crate::{DirectionArg, Outcome, registry};

/// The request a body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MethodArg {
    /// POST: a new record; required elements must be there.
    Create,
    /// PUT or PATCH: changes to a record; only what changes.
    Update,
}

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
    /// not carry the elements required on create (same as `--method update`).
    #[arg(long)]
    update: bool,
    /// With `--direction in`: the request the body is for; `update` does
    /// not demand the elements required on create.
    #[arg(long, value_enum)]
    method: Option<MethodArg>,
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
    /// How problems are printed: `human` (file:line:column: …), `json`
    /// (one object per problem per line), `github` (workflow commands that
    /// annotate pull requests), `sarif` (SARIF 2.1.0 for code scanning).
    #[arg(long, value_enum, default_value = "human")]
    message_format: MessageFormat,
    /// Payload files (one record, or a list: JSON array, XML
    /// `type="array"`), folders (walked for `.json` and `.xml` files) and
    /// glob patterns (`'tests/**/*.json'`); `-` is standard input.
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
    if args.update || args.method.is_some() {
        if direction != Direction::In {
            eprintln!(
                "elementa: --update and --method describe a request body; use them with --direction in"
            );
            return Outcome::Usage;
        }
        if args.update || args.method == Some(MethodArg::Update) {
            options = options.update();
        }
    }
    let custom = match args.custom_fields.as_deref().map(custom_fields).transpose() {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Usage;
        }
    };
    let files = match expand(&args.files) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("elementa: {e}");
            return Outcome::Usage;
        }
    };
    let mut report = Report::default();
    let mut outcome = Outcome::Ok;
    for file in &files {
        let checked = check_file(file, resource, options, &custom, args);
        outcome = outcome.max(checked.outcome);
        report.add(file, checked, args.message_format);
    }
    report.finish(args.message_format, files.len());
    outcome
}

/// The files to check: files as given, directories walked for `.json` and
/// `.xml` files (sorted, recursively).
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        let text = input.to_string_lossy();
        let pattern = !input.exists() && text.contains(['*', '?', '[']);
        if pattern {
            // A pattern the shell did not expand (quoted, or on Windows).
            let paths = glob::glob(&text).map_err(|e| format!("{text}: {e}"))?;
            let mut matched = 0;
            for path in paths {
                let path = path.map_err(|e| format!("{text}: {e}"))?;
                matched += 1;
                if path.is_dir() {
                    walk(&path, &mut out)
                        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
                } else {
                    out.push(path);
                }
            }
            if matched == 0 {
                return Err(format!("{text}: no file matches the pattern"));
            }
        } else if input.is_dir() {
            walk(input, &mut out).map_err(|e| format!("{}: cannot read: {e}", input.display()))?;
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        // Links to folders are not followed (a link to `.` would loop).
        let kind = std::fs::symlink_metadata(&path)?.file_type();
        if kind.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json" || e == "xml") {
            out.push(path);
        }
    }
    Ok(())
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

/// One problem, located.
#[derive(Debug, Clone)]
pub struct Finding {
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column in characters (0 when unknown).
    pub column: usize,
    /// Byte offset in the file.
    pub offset: usize,
    /// Element path in wire names, the record's place included.
    pub path: String,
    /// The resource checked against (empty when none was found).
    pub resource: &'static str,
    /// The kind of problem (`unknown-element`, `too-long`, `decode`, …).
    pub rule: &'static str,
    /// Errors fail the check; warnings are printed (errors under --strict).
    pub warning: bool,
    /// What is wrong, without the path.
    pub message: String,
}

/// What checking one file found.
pub struct Checked {
    outcome: Outcome,
    records: usize,
    findings: Vec<Finding>,
    /// The `ok (…)` summary of a valid file.
    ok: Option<String>,
    /// A usage error (unreadable file, unknown resource).
    usage: Option<String>,
}

fn rule_of(kind: &ProblemKind) -> &'static str {
    match kind {
        ProblemKind::Missing => "missing",
        ProblemKind::NullRequired => "null-required",
        ProblemKind::NotApiIn => "not-api-in",
        ProblemKind::TooLong { .. } => "too-long",
        ProblemKind::NotAllowed { .. } => "not-allowed",
        ProblemKind::Unknown => "unknown-element",
    }
}

fn check_file(
    path: &std::path::Path,
    resource: Option<&'static ResourceMeta>,
    options: Options,
    custom: &CustomFields,
    args: &CheckArgs,
) -> Checked {
    let mut checked = Checked {
        outcome: Outcome::Ok,
        records: 0,
        findings: Vec::new(),
        ok: None,
        usage: None,
    };
    let loaded = match load(path, resource, args.format, args.vendor) {
        Ok(l) => l,
        Err(LoadError::Usage(e)) => {
            checked.outcome = Outcome::Usage;
            checked.usage = Some(e);
            return checked;
        }
        Err(LoadError::Invalid(e)) => {
            checked.outcome = Outcome::Invalid;
            let text = crate::load::read_payload(path).unwrap_or_default();
            let (line, column) = (e.line.max(1), e.column.max(1));
            checked.findings.push(Finding {
                line,
                column,
                offset: offset_of(&text, line, column),
                path: e.path,
                resource: resource.map_or("", |m| m.id),
                rule: "decode",
                warning: false,
                message: e.message,
            });
            return checked;
        }
    };
    // Read again to place each problem (the decoders keep no positions).
    let text = crate::load::read_payload(path).unwrap_or_default();
    let xml = args.format.unwrap_or_else(|| crate::load::detect(&text)) == crate::load::Format::Xml;
    // Every problem is looked for; unknown elements and values outside the
    // allowed lists are warnings unless --strict makes them errors.
    let all = Options {
        strict: true,
        ..options
    };
    let records = loaded.records();
    checked.records = records.len();
    for (i, r) in records.into_iter().enumerate() {
        let place = loaded.place(i);
        let mut found = |path: String, rule: &'static str, warning: bool, message: String| {
            let offset = crate::locate::locate(&text, xml, &path);
            let (line, column) = elementa::line_col(&text, offset);
            checked.findings.push(Finding {
                line,
                column,
                offset,
                path,
                resource: r.meta().id,
                rule,
                warning,
                message,
            });
        };
        let problems = validate_with(r, all, custom);
        if is_foreign(r, &problems) {
            found(
                place.trim_end_matches('.').to_owned(),
                "foreign-record",
                false,
                format!(
                    "shares no element with {}: is it another resource?",
                    r.meta().id
                ),
            );
            continue;
        }
        for p in problems {
            let lenient = matches!(
                p.kind,
                ProblemKind::Unknown | ProblemKind::NotAllowed { .. }
            );
            let shown = p.to_string();
            let message = shown
                .strip_prefix(&format!("{}: ", p.path))
                .unwrap_or(&shown)
                .to_owned();
            found(
                format!("{place}{}", p.path),
                rule_of(&p.kind),
                lenient && !options.strict,
                message,
            );
        }
    }
    if checked.findings.iter().any(|f| !f.warning) {
        checked.outcome = Outcome::Invalid;
    } else {
        checked.ok = Some(format!(
            "ok ({}, direction {})",
            loaded.summary(),
            options.direction
        ));
    }
    checked
}

/// The byte offset of a 1-based line and column (0 when unknown).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let in_line = text
        .get(start..)
        .unwrap_or_default()
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    start + in_line
}

/// `1 problem`, `2 problems`.
pub fn plural(n: usize, what: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {what}{s}")
}

/// A record none of whose elements the resource knows, though it has
/// unknown ones of its own (custom fields do not count): another resource's
/// payload (an error body checked as a user).
fn is_foreign(record: &dyn elementa::Record, problems: &[elementa::Problem]) -> bool {
    let known =
        (0..record.meta().elements.len()).any(|i| record.field(i).is_some_and(|f| f.is_present()));
    !known
        && problems
            .iter()
            .any(|p| p.kind == ProblemKind::Unknown && !p.path.contains(['.', '[']))
}

/// Every rule `check` reports, for SARIF's rule table.
const RULES: &[(&str, &str)] = &[
    (
        "decode",
        "The payload does not parse or a value does not decode.",
    ),
    ("missing", "A required element is missing from a request."),
    ("null-required", "A required element is null in a request."),
    ("not-api-in", "An element that requests may not carry."),
    ("too-long", "A value longer than the element's length."),
    ("not-allowed", "A value outside the element's allowed list."),
    (
        "unknown-element",
        "An element the resource's table does not name.",
    ),
    (
        "foreign-record",
        "A record that shares no element with the resource: another resource.",
    ),
    (
        "not-checked",
        "A file that could not be checked: unreadable, or its resource not found.",
    ),
];

/// What the files checked so far found, printed as they come (human, JSON
/// lines, GitHub) or at the end (SARIF), with a summary on stderr.
#[derive(Default)]
struct Report {
    annotations: Vec<Annotation>,
    records: usize,
    errors: std::collections::BTreeMap<&'static str, usize>,
    warnings: usize,
    usage: usize,
}

impl Report {
    fn add(&mut self, file: &std::path::Path, checked: Checked, format: MessageFormat) {
        let shown = file.display().to_string();
        self.records += checked.records;
        if let Some(e) = &checked.usage {
            self.usage += 1;
            let message = e
                .strip_prefix(&format!("{shown}: "))
                .unwrap_or(e)
                .to_owned();
            let annotation = Annotation {
                file: shown.clone(),
                line: 1,
                column: 1,
                rule: "not-checked",
                level: Level::Error,
                message,
            };
            match format {
                MessageFormat::Human => eprintln!("{e}"),
                MessageFormat::Json => println!(
                    "{}",
                    serde_json::json!({
                        "file": shown, "line": 1, "column": 1, "offset": 0, "path": "",
                        "resource": "", "rule": "not-checked", "severity": "error",
                        "message": annotation.message,
                    })
                ),
                MessageFormat::Github => println!("{}", github(&annotation)),
                MessageFormat::Sarif => {}
            }
            self.annotations.push(annotation);
        }
        let (mut errors, mut warnings) = (0, 0);
        for f in &checked.findings {
            if f.warning {
                warnings += 1;
                self.warnings += 1;
            } else {
                errors += 1;
                *self.errors.entry(f.rule).or_default() += 1;
            }
            let path = if f.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", f.path)
            };
            let annotation = Annotation {
                file: shown.clone(),
                line: f.line,
                column: f.column,
                rule: f.rule,
                level: if f.warning {
                    Level::Warning
                } else {
                    Level::Error
                },
                message: format!("{path}{}", f.message),
            };
            match format {
                MessageFormat::Human => {
                    let warn = if f.warning { "warning: " } else { "" };
                    eprintln!(
                        "{shown}:{}:{}: {warn}{}",
                        f.line, f.column, annotation.message
                    );
                }
                MessageFormat::Json => {
                    let object = serde_json::json!({
                        "file": shown,
                        "line": f.line,
                        "column": f.column,
                        "offset": f.offset,
                        "path": f.path,
                        "resource": f.resource,
                        "rule": f.rule,
                        "severity": annotation.level.as_str(),
                        "message": f.message,
                    });
                    println!("{object}");
                }
                MessageFormat::Github => println!("{}", github(&annotation)),
                MessageFormat::Sarif => {}
            }
            self.annotations.push(annotation);
        }
        if format == MessageFormat::Human && checked.usage.is_none() {
            let warned = if warnings == 0 {
                String::new()
            } else {
                format!(", {}", plural(warnings, "warning"))
            };
            match &checked.ok {
                Some(ok) => println!("{shown}: {ok}{warned}"),
                None => eprintln!("{shown}: {}{warned}", plural(errors, "problem")),
            }
        }
    }

    fn finish(&self, format: MessageFormat, files: usize) {
        if format == MessageFormat::Sarif {
            println!("{:#}", sarif(RULES, &self.annotations));
        }
        // One file in human form already said it all.
        if format == MessageFormat::Human && files < 2 {
            return;
        }
        let errors: usize = self.errors.values().sum();
        let kinds: Vec<String> = self
            .errors
            .iter()
            .map(|(rule, n)| format!("{rule} {n}"))
            .collect();
        let kinds = if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        };
        let unreadable = if self.usage == 0 {
            String::new()
        } else {
            format!(", {} not checked", plural(self.usage, "file"))
        };
        eprintln!(
            "checked {}, {}: {}{kinds}, {}{unreadable}",
            plural(files, "file"),
            plural(self.records, "record"),
            plural(errors, "error"),
            plural(self.warnings, "warning"),
        );
    }
}
