//! JSON Schema (draft 2020-12) of elementa resources in their JSON wire
//! forms, built from the same `&'static` metadata the codecs and
//! [`elementa::validate`] read, so that teams validating payloads with other
//! tools get the verdict of `elementa check`.
//!
//! One schema per resource, direction and variant, chosen with the
//! [`Options`] that [`elementa::validate`] takes:
//!
//! - **`in`** (a request body): required elements are required and may not be
//!   `null`; elements that are not API-in are forbidden (`false`). Inside
//!   associations the records are references to existing ones, as
//!   validation sees them: `id` and natural keys may be sent even when they
//!   are out-only, and nothing is required.
//! - **`out`** (a response body): every element optional, every element
//!   nullable (both wire forms allow `null` anywhere).
//! - **lenient** (the default) or **strict**: vendors add allowed values and
//!   fields, and Coupa instances have custom fields, so responses routinely
//!   carry both. The lenient variant matches `elementa check` (allowed values
//!   are `examples`, unknown keys pass); the strict one matches
//!   `elementa check --strict` (allowed values are an `enum`, records have
//!   `additionalProperties: false`).
//!
//! Every variant has `maxLength` (characters, like validation), the decimal
//! pattern, RFC 3339 datetimes (`format: date-time` plus a pattern, since
//! `format` is only an annotation in 2020-12), date and timestamp patterns,
//! associations as `$ref`s into `$defs`, and descriptions from the element
//! tables. Coupa payloads are one record or an array of records; Flexi
//! payloads are wrapped in their root (`{"winstrom": {…}}`), with every
//! scalar a string and attributes as `@` keys.
//!
//! ```
//! use elementa::{Direction, Options, Resource};
//! use elementa_coupa::Comment;
//!
//! let schema = elementa_jsonschema::export(Comment::resource_meta(), Options::new(Direction::In));
//! let comment = &schema["$defs"]["comment"];
//! assert_eq!(comment["properties"]["id"], false); // out-only: not in a request
//! assert_eq!(comment["properties"]["commentable-type"]["maxLength"], 255);
//! assert_eq!(schema["anyOf"][0]["$ref"], "#/$defs/comment");
//!
//! // What `elementa schema export` prints and `cargo xtask export-schemas` commits:
//! let text = elementa_jsonschema::to_string_pretty(&schema);
//! assert!(text.starts_with("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
//! assert_eq!(elementa_jsonschema::file_name(Comment::resource_meta(), Options::new(Direction::In)),
//!            "coupa/comment.in.json");
//! ```
//!
//! Generated resource types also implement `schemars::JsonSchema` when their
//! crate's `schemars` feature is on (`elementa-coupa/schemars`,
//! `elementa-flexi/schemars`): that schema is the record's response form,
//! lenient — the same as this crate's `out` lenient `$defs` entry — so
//! a team can embed the types in its own OpenAPI or JSON Schema documents.
#![forbid(unsafe_code)]

use std::collections::{BTreeMap, BTreeSet};

use elementa::{Dialect, Kind, Placement, ResourceMeta};
pub use elementa::{Direction, Options};
use elementa_schema::json::{
    Rules, association_schema, describe, key, record_schema, relation_decorations,
    to_canonical_string, value_schema,
};
use elementa_schema::{Dialect as SchemaDialect, Placement as SchemaPlacement, Type};
use serde_json::{Map, Value, json};

/// The meta-schema of every exported schema.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// The four variants of each resource, in the order files are written:
/// `in`, `in` strict, `out`, `out` strict.
pub const VARIANTS: [Options; 4] = [
    Options {
        direction: Direction::In,
        strict: false,
    },
    Options {
        direction: Direction::In,
        strict: true,
    },
    Options {
        direction: Direction::Out,
        strict: false,
    },
    Options {
        direction: Direction::Out,
        strict: true,
    },
];

/// How a record is seen where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Form {
    /// In a response: everything optional and nullable.
    Response,
    /// The top level of a request: required elements, no out-only elements.
    Request,
    /// Inside an association of a request: a reference to an existing record.
    Reference,
}

fn def_name(meta: &ResourceMeta, form: Form) -> String {
    match form {
        // `+` cannot occur in a wire name, so the two names never collide.
        Form::Reference => format!("{}+reference", meta.wire),
        Form::Response | Form::Request => meta.wire.to_owned(),
    }
}

/// A `$ref` to `$defs/<name>`, escaped for a JSON pointer inside a URI
/// fragment (wire names need no escaping; this keeps odd ones valid).
fn reference(name: &str) -> Value {
    let mut fragment = String::new();
    for c in name.chars() {
        match c {
            '~' => fragment.push_str("~0"),
            '/' => fragment.push_str("~1"),
            c if c.is_ascii_alphanumeric() || "-._!$&'()*+,;=:@?".contains(c) => fragment.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    fragment.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    json!({ "$ref": format!("#/$defs/{fragment}") })
}

fn dialect(meta: &ResourceMeta) -> SchemaDialect {
    match meta.dialect {
        Dialect::Coupa => SchemaDialect::Coupa,
        Dialect::Flexi => SchemaDialect::Flexi,
    }
}

fn placement(p: Placement) -> SchemaPlacement {
    match p {
        Placement::Element => SchemaPlacement::Element,
        Placement::Attribute => SchemaPlacement::Attribute,
        Placement::Name => SchemaPlacement::Name,
    }
}

/// The schema-model type of a non-association kind.
fn scalar_type(kind: &Kind) -> Option<Type> {
    Some(match kind {
        Kind::Integer => Type::Integer,
        Kind::Decimal => Type::Decimal,
        Kind::String => Type::String,
        Kind::Text => Type::Text,
        Kind::Boolean => Type::Boolean,
        Kind::DateTime => Type::DateTime,
        Kind::Date => Type::Date,
        Kind::Timestamp => Type::Timestamp,
        Kind::Strings { item } => Type::Strings {
            item: (*item).to_owned(),
        },
        Kind::Relation { target } => Type::Relation {
            target: target.map(str::to_owned),
        },
        Kind::Any => Type::Any,
        Kind::One(_) | Kind::Many { .. } => return None,
    })
}

struct Builder {
    strict: bool,
    defs: BTreeMap<String, Value>,
    queued: BTreeSet<String>,
    queue: Vec<(&'static ResourceMeta, Form)>,
}

impl Builder {
    /// The `$ref` of `meta` in `form`, queuing its definition.
    fn want(&mut self, meta: &'static ResourceMeta, form: Form) -> Value {
        let name = def_name(meta, form);
        if self.queued.insert(name.clone()) {
            self.queue.push((meta, form));
        }
        reference(&name)
    }

    fn run(&mut self) {
        while let Some((meta, form)) = self.queue.pop() {
            let schema = self.record(meta, form);
            self.defs
                .insert(def_name(meta, form), Value::Object(schema));
        }
    }

    fn record(&mut self, meta: &'static ResourceMeta, form: Form) -> Map<String, Value> {
        let dialect = dialect(meta);
        let mut properties = Map::new();
        let mut required = Vec::new();
        for el in meta.elements {
            let k = key(dialect, placement(el.placement), el.wire);
            let allowed = match form {
                Form::Response => true,
                Form::Request => el.api_in,
                Form::Reference => el.api_in || meta.is_key(el.wire),
            };
            if !allowed {
                properties.insert(k, Value::Bool(false));
                continue;
            }
            let demanded = form == Form::Request && el.required;
            if demanded {
                required.push(k.clone());
            }
            let rules = Rules {
                strict: self.strict,
                nullable: !demanded,
            };
            let mut schema = match (&el.kind, el.kind.target()) {
                (kind, Some(target)) => {
                    let target_form = match form {
                        Form::Response => Form::Response,
                        Form::Request | Form::Reference => Form::Reference,
                    };
                    let r = self.want(target, target_form);
                    association_schema(r, matches!(kind, Kind::Many { .. }), rules.nullable)
                }
                (kind, None) => scalar_type(kind)
                    .and_then(|ty| value_schema(dialect, &ty, el.length, el.values, rules))
                    .unwrap_or_default(),
            };
            describe(&mut schema, el.doc);
            if matches!(el.kind, Kind::Relation { .. }) && dialect == SchemaDialect::Flexi {
                for (name, value) in relation_decorations(&k, rules.nullable) {
                    properties.insert(name, value);
                }
            }
            properties.insert(k, Value::Object(schema));
        }
        let (title, doc) = match form {
            Form::Reference => (
                format!("{} (reference)", meta.id),
                format!(
                    "{}\n\nAs a reference to an existing record inside a request: `id` and \
                     natural keys may be sent, and nothing is required.",
                    meta.doc.trim()
                ),
            ),
            Form::Response | Form::Request => (meta.id.to_owned(), meta.doc.to_owned()),
        };
        record_schema(&title, &doc, properties, required, self.strict)
    }
}

/// The JSON Schema (draft 2020-12) of `meta`'s JSON wire form for
/// `options.direction`, strict when `options.strict` (see the crate docs).
///
/// The schema is self-contained: the resource and every resource it reaches
/// through associations are in its `$defs`, keyed by wire name (a reference
/// form inside requests: `<wire>+reference`).
pub fn export(meta: &'static ResourceMeta, options: Options) -> Value {
    let mut b = Builder {
        strict: options.strict,
        defs: BTreeMap::new(),
        queued: BTreeSet::new(),
        queue: Vec::new(),
    };
    let form = match options.direction {
        Direction::In => Form::Request,
        Direction::Out => Form::Response,
    };
    let record = b.want(meta, form);
    b.run();

    let flexi = meta.dialect == Dialect::Flexi;
    let (what, rules) = match options.direction {
        Direction::In => (
            "request body",
            "Required elements must be present and not null; elements that are not API-in may \
             not appear, except `id` and natural keys inside associations (references to \
             existing records, where nothing is required).",
        ),
        Direction::Out => (
            "response body",
            "Every element is optional and may be null.",
        ),
    };
    let variant = if options.strict {
        "Strict, like `elementa check --strict`: values outside an allowed list and elements \
         the schema does not name are rejected."
    } else {
        "Lenient, the default, like `elementa check`: allowed values are listed as `examples` \
         but others pass (vendors add values), and so do elements the schema does not name \
         (vendors add fields; Coupa instances have custom fields)."
    };
    let shape = if flexi {
        format!(
            "ABRA Flexi JSON: the record is wrapped in its root, `{{\"{}\": {{…}}}}`; scalars \
             are strings, attributes are `@` keys.",
            meta.root
        )
    } else {
        "Coupa JSON: one record or an array of records; dash-case keys, decimals as strings, \
         datetimes in RFC 3339."
            .to_owned()
    };
    let description = format!("{}\n\n{shape} {rules} {variant}", meta.doc.trim());
    let strictness = if options.strict { "strict" } else { "lenient" };

    let mut root = Map::new();
    root.insert("$schema".into(), json!(DRAFT_2020_12));
    root.insert(
        "$comment".into(),
        json!(format!(
            "Generated by elementa from schemas/{}.toml; do not edit (regenerate with `cargo xtask export-schemas`).",
            meta.id
        )),
    );
    root.insert(
        "title".into(),
        json!(format!(
            "{}: {what} (direction {}), {strictness}",
            meta.id, options.direction
        )),
    );
    root.insert("description".into(), json!(description));
    if flexi {
        root.insert("type".into(), json!("object"));
        root.insert("properties".into(), json!({ meta.root: record }));
        root.insert("required".into(), json!([meta.root]));
        root.insert("additionalProperties".into(), json!(false));
    } else {
        root.insert(
            "anyOf".into(),
            json!([record, {"type": "array", "items": record}]),
        );
    }
    root.insert("$defs".into(), Value::Object(b.defs.into_iter().collect()));
    Value::Object(root)
}

/// Where the export of `meta` in `options` is stored, relative to
/// `schemas/json/`: `<vendor>/<wire>.<direction>[.strict].json`.
pub fn file_name(meta: &ResourceMeta, options: Options) -> String {
    let strict = if options.strict { ".strict" } else { "" };
    format!("{}.{}{strict}.json", meta.id, options.direction)
}

/// `schema` as the exported files hold it: indented by two spaces, keys in a
/// fixed order (identity and documentation first, then assertions, then
/// subschemas; names alphabetically), with a final newline. The same schema
/// always prints the same bytes.
pub fn to_string_pretty(schema: &Value) -> String {
    to_canonical_string(schema, true)
}

/// Every export of `resources`, each variant of each (see [`VARIANTS`]), as
/// (path relative to `schemas/json/`, text), sorted by path.
pub fn export_all(resources: &[&'static ResourceMeta]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = resources
        .iter()
        .flat_map(|meta| {
            VARIANTS
                .iter()
                .map(|o| (file_name(meta, *o), to_string_pretty(&export(meta, *o))))
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // a missing key indexes to null and fails the test

    use super::*;
    use elementa::Resource;
    use elementa_coupa::{Comment, IntegrationRun};
    use elementa_flexi::wire::Changes;

    #[test]
    fn requests_require_and_forbid_references_relax() {
        let s = export(IntegrationRun::resource_meta(), Options::new(Direction::In));
        let run = &s["$defs"]["integration-run"];
        assert_eq!(run["required"], json!(["integration"]));
        assert_eq!(run["properties"]["id"], json!(false));
        assert_eq!(
            run["properties"]["integration"]["$ref"],
            "#/$defs/integration+reference"
        );
        let reference = &s["$defs"]["integration+reference"];
        assert!(reference.get("required").is_none());
        // `id` is out-only but a key: allowed inside a reference, nullable.
        assert_eq!(
            reference["properties"]["id"]["type"],
            json!(["integer", "null"])
        );
        assert!(s["$defs"].get("integration").is_none());
    }

    #[test]
    fn responses_are_optional_and_nullable_and_strictness_closes_records() {
        let lenient = export(Comment::resource_meta(), Options::new(Direction::Out));
        let strict = export(
            Comment::resource_meta(),
            Options::new(Direction::Out).strict(),
        );
        let c = &lenient["$defs"]["comment"];
        assert!(c.get("required").is_none() && c.get("additionalProperties").is_none());
        assert_eq!(c["properties"]["id"]["type"], json!(["integer", "null"]));
        assert_eq!(
            c["properties"]["attachments"]["items"]["$ref"],
            "#/$defs/attachment"
        );
        assert_eq!(strict["$defs"]["comment"]["additionalProperties"], false);
        assert_eq!(strict["$defs"]["attachment"]["additionalProperties"], false);
    }

    #[test]
    fn flexi_wraps_the_record_in_its_root() {
        let s = export(Changes::resource_meta(), Options::new(Direction::Out));
        assert_eq!(s["required"], json!(["winstrom"]));
        assert_eq!(s["properties"]["winstrom"]["$ref"], "#/$defs/changes");
        let change = &s["$defs"]["change"]["properties"];
        assert_eq!(change["@in-version"]["pattern"], "^-?[0-9]+$");
        assert!(change.get("in-version").is_none());
    }

    #[test]
    fn names_and_references_are_escaped() {
        assert_eq!(reference("a~b/c d")["$ref"], "#/$defs/a~0b~1c%20d");
        let all = export_all(&[Comment::resource_meta()]);
        let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "coupa/comment.in.json",
                "coupa/comment.in.strict.json",
                "coupa/comment.out.json",
                "coupa/comment.out.strict.json"
            ]
        );
    }
}
