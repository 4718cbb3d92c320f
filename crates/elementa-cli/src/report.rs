//! Machine-readable output shared by `check` and `schema diff`: JSON lines,
//! GitHub workflow commands and SARIF 2.1.0.

use clap::ValueEnum;
use serde_json::{Value, json};

/// How results are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    /// For people: `file:line:column: …`, and a summary.
    #[default]
    Human,
    /// One JSON object per result per line.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), so
    /// results show on the pull request.
    Github,
    /// One SARIF 2.1.0 document, for code-scanning dashboards.
    Sarif,
}

/// How serious a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Fails the command.
    Error,
    /// Printed; fails only under `--strict`.
    Warning,
    /// For information.
    Note,
}

impl Level {
    /// `error`, `warning`, `note` (SARIF's and JSON's spelling).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }

    fn github(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        }
    }
}

/// One result at a place in a file.
#[derive(Debug, Clone)]
pub struct Annotation {
    /// The file, as given.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown or not meaningful).
    pub column: usize,
    /// The rule (`unknown-element`, `element-removed`).
    pub rule: &'static str,
    /// How serious.
    pub level: Level,
    /// What, in one sentence (with the element path in front).
    pub message: String,
}

/// GitHub's escaping of a workflow command's data (`property` also escapes
/// what separates properties).
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

/// `::error file=…,line=…,col=…,title=…::message`.
pub fn github(a: &Annotation) -> String {
    let mut props = format!("file={}", escape(&a.file, true));
    if a.line > 0 {
        props.push_str(&format!(",line={}", a.line));
    }
    if a.column > 0 {
        props.push_str(&format!(",col={}", a.column));
    }
    props.push_str(&format!(",title={}", escape(a.rule, true)));
    format!(
        "::{} {props}::{}",
        a.level.github(),
        escape(&a.message, false)
    )
}

/// A SARIF 2.1.0 log of one run of elementa: `rules` are every rule id the
/// command can report with its description; `results` in order.
pub fn sarif(rules: &[(&str, &str)], results: &[Annotation]) -> Value {
    let rules: Vec<Value> = rules
        .iter()
        .map(|(id, text)| json!({ "id": id, "shortDescription": { "text": text } }))
        .collect();
    let results: Vec<Value> = results
        .iter()
        .map(|a| {
            let artifact = json!({ "uri": a.file.replace('\\', "/") });
            let location = match (a.line, a.column) {
                (0, _) => json!({ "artifactLocation": artifact }),
                (line, 0) => {
                    json!({ "artifactLocation": artifact, "region": { "startLine": line } })
                }
                (line, column) => json!({
                    "artifactLocation": artifact,
                    "region": { "startLine": line, "startColumn": column },
                }),
            };
            json!({
                "ruleId": a.rule,
                "level": a.level.as_str(),
                "message": { "text": a.message },
                "locations": [{ "physicalLocation": location }],
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "elementa",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    })
}
