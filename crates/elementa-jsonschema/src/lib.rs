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
//! payloads travel in the `winstrom` envelope (`{"winstrom": {"@version":
//! "1.0", "adresar": [{…}]}}`), with every scalar a string and attributes
//! as `@` keys.
//!
//! ```
//! use elementa::{COUPA_CUSTOM_FIELDS, Direction, Options, Resource};
//! use elementa_coupa::Comment;
//!
//! let schema = elementa_jsonschema::export(Comment::resource_meta(), Options::new(Direction::In));
//! let comment = &schema["$defs"]["comment"];
//! assert_eq!(comment["properties"]["id"], false); // out-only: not in a request
//! assert_eq!(comment["properties"]["commentable-type"]["maxLength"], 255);
//! assert_eq!(schema["anyOf"][0]["$ref"], "#/$defs/comment");
//!
//! // What `elementa schema export` prints:
//! let text = elementa_jsonschema::to_string_pretty(&schema);
//! assert!(text.starts_with("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
//! assert_eq!(elementa_jsonschema::file_name(Comment::resource_meta(), Options::new(Direction::In)),
//!            "coupa/comment.in.json");
//!
//! // `cargo xtask export-schemas` commits one bundle per vendor and variant,
//! // each resource's records once, its payload as `<wire>+document`:
//! let all = [Comment::resource_meta()];
//! let bundle = elementa_jsonschema::export_vendor("coupa", &all, Options::new(Direction::In));
//! assert_eq!(bundle["$defs"]["comment"], schema["$defs"]["comment"]);
//! assert_eq!(bundle["$defs"]["comment+document"]["anyOf"], schema["anyOf"]);
//! ```
//!
//! Generated resource types also implement `schemars::JsonSchema` when their
//! crate's `schemars` feature is on (`elementa-coupa/schemars`,
//! `elementa-flexi/schemars`): that schema is the record's response form,
//! lenient — the same as this crate's `out` lenient `$defs` entry — so
//! a team can embed the types in its own OpenAPI or JSON Schema documents.
#![forbid(unsafe_code)]

pub mod openapi;

use std::collections::{BTreeMap, BTreeSet};

use elementa::{Dialect, ENVELOPE_ROOT, Kind, Placement, ResourceMeta};
pub use elementa::{Direction, Options};
use elementa_schema::json::{
    Rules, add_custom_fields_namespace, association_schema, decoration_properties, describe, key,
    list_attributes, record_schema, relation_decorations, to_canonical_string, value_schema,
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
        update: false,
    },
    Options {
        direction: Direction::In,
        strict: true,
        update: false,
    },
    Options {
        direction: Direction::Out,
        strict: false,
        update: false,
    },
    Options {
        direction: Direction::Out,
        strict: true,
        update: false,
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
        Placement::Text => SchemaPlacement::Text,
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
    /// An empty builder for `options`, and the form of a top-level record.
    fn for_options(options: Options) -> (Self, Form) {
        let b = Builder {
            strict: options.strict,
            defs: BTreeMap::new(),
            queued: BTreeSet::new(),
            queue: Vec::new(),
        };
        let form = match options.direction {
            Direction::In => Form::Request,
            Direction::Out => Form::Response,
        };
        (b, form)
    }

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
        let text_record = meta.text_element().is_some();
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
                if text_record && el.placement != Placement::Text {
                    properties.insert(format!("@{k}"), Value::Bool(false));
                }
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
            if matches!(el.kind, Kind::Many { .. }) && dialect == SchemaDialect::Flexi {
                for (name, value) in list_attributes(&k) {
                    properties.insert(name, value);
                }
            }
            if text_record && el.placement != Placement::Text {
                // XML attributes beside the text; JSON spells them either way.
                properties.insert(format!("@{k}"), Value::Object(schema.clone()));
            }
            properties.insert(k, Value::Object(schema));
        }
        add_custom_fields_namespace(dialect, &mut properties);
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
        // ABRA Flexi: a record that runs an action or may not create only
        // changes an existing record; what a create needs is not required.
        let update_only = flexi_update_only(meta, form);
        let (required, alternatives) = match update_only {
            Some(alternatives) if !required.is_empty() => {
                let mut all = alternatives;
                all.push(json!({ "required": required }));
                (Vec::new(), Some(all))
            }
            _ => (required, None),
        };
        let mut schema = record_schema(&title, &doc, properties, required, self.strict);
        if let Some(all) = alternatives {
            schema.insert("anyOf".into(), Value::Array(all));
        }
        if self.strict && dialect == SchemaDialect::Flexi {
            let keys = meta
                .elements
                .iter()
                .filter(|e| e.placement == Placement::Element)
                .map(|e| e.wire);
            if let Some(p) = decoration_properties(keys) {
                schema.insert("patternProperties".into(), Value::Object(p));
            }
        }
        schema
    }
}

/// The JSON Schema (draft 2020-12) of `meta`'s JSON wire form for
/// `options.direction`, strict when `options.strict` (see the crate docs).
///
/// The schema is self-contained: the resource and every resource it reaches
/// through associations are in its `$defs`, keyed by wire name (a reference
/// form inside requests: `<wire>+reference`).
pub fn export(meta: &'static ResourceMeta, options: Options) -> Value {
    let (mut b, form) = Builder::for_options(options);
    let record = b.want(meta, form);
    b.run();

    let mut root = Map::new();
    root.insert("$schema".into(), json!(DRAFT_2020_12));
    root.insert(
        "$comment".into(),
        json!(format!(
            "Generated by elementa from schemas/{}.toml; do not edit (regenerate with `cargo xtask export-schemas`).",
            meta.id
        )),
    );
    let strictness = if options.strict { "strict" } else { "lenient" };
    root.insert(
        "title".into(),
        json!(format!(
            "{}: {} (direction {}), {strictness}",
            meta.id,
            what(options),
            options.direction
        )),
    );
    root.insert("description".into(), json!(description(meta, options)));
    for (k, v) in document(meta, record) {
        root.insert(k, v);
    }
    root.insert("$defs".into(), Value::Object(b.defs.into_iter().collect()));
    Value::Object(root)
}

fn what(options: Options) -> &'static str {
    match options.direction {
        Direction::In => "request body",
        Direction::Out => "response body",
    }
}

/// ABRA Flexi's ways for a record of a write to change an existing record
/// only (as `elementa::validate` reads them): a non-empty `@action`, or
/// `@create` = `fail`; `None` outside requests or without those elements.
fn flexi_update_only(meta: &ResourceMeta, form: Form) -> Option<Vec<Value>> {
    if meta.dialect != Dialect::Flexi || form != Form::Request {
        return None;
    }
    let mut ways = Vec::new();
    if meta.element("action").is_some() {
        ways.push(json!({
            "required": ["@action"],
            "properties": {"@action": {"type": "string", "minLength": 1}}
        }));
    }
    if meta.element("create").is_some() {
        ways.push(json!({
            "required": ["@create"],
            "properties": {"@create": {"const": "fail"}}
        }));
    }
    (!ways.is_empty()).then_some(ways)
}

/// The description of `meta`'s document in `options`: what the record is,
/// its wire shape, the direction's rules and the variant's.
fn description(meta: &ResourceMeta, options: Options) -> String {
    let rules = match options.direction {
        Direction::In => {
            "Required elements must be present and not null; elements that are not API-in may \
             not appear, except `id` and natural keys inside associations (references to \
             existing records, where nothing is required)."
        }
        Direction::Out => "Every element is optional and may be null.",
    };
    let variant = if options.strict {
        "Strict, like `elementa check --strict`: values outside an allowed list and elements \
         the schema does not name are rejected."
    } else {
        "Lenient, the default, like `elementa check`: allowed values are listed as `examples` \
         but others pass (vendors add values), and so do elements the schema does not name \
         (vendors add fields; Coupa instances have custom fields)."
    };
    let shape = if meta.dialect == Dialect::Flexi && meta.root == ENVELOPE_ROOT {
        "ABRA Flexi JSON: the document is the envelope itself, `{\"winstrom\": {…}}`; scalars \
         are strings, attributes are `@` keys."
            .to_owned()
    } else if meta.dialect == Dialect::Flexi {
        format!(
            "ABRA Flexi JSON: the records travel in the envelope, `{{\"winstrom\": {{\"@version\": \
             \"1.0\", \"{}\": [{{…}}]}}}}` (one object or an array); scalars are strings, \
             attributes are `@` keys.",
            meta.root
        )
    } else {
        "Coupa JSON: one record or an array of records; dash-case keys, decimals as strings, \
         datetimes in RFC 3339."
            .to_owned()
    };
    format!("{}\n\n{shape} {rules} {variant}", meta.doc.trim())
}

/// The assertions of a whole payload of `meta` whose record schema is
/// `record` (a `$ref`): Coupa's one record or an array of them; for Flexi,
/// the `winstrom` envelope holding the evidence's records (one object or an
/// array, under the evidence's name, beside `@` attributes such as
/// `@version`; no other evidence, as the codec's one-resource decoding; an
/// empty envelope is an empty listing), or,
/// for a document whose root is the envelope itself (the change feed, the
/// write response), the record as the envelope's content.
fn document(meta: &ResourceMeta, record: Value) -> Map<String, Value> {
    let mut m = Map::new();
    if meta.dialect == Dialect::Flexi {
        let content = if meta.root == ENVELOPE_ROOT {
            record
        } else {
            let mut envelope = Map::new();
            envelope.insert("type".into(), json!("object"));
            envelope.insert(
                "properties".into(),
                json!({ meta.root: {"anyOf": [record, {"type": "array", "items": record}]} }),
            );
            // Attributes are strings in exports; the codec also reads
            // integers and booleans, as Flexi's import does.
            envelope.insert(
                "patternProperties".into(),
                json!({"^@": {"type": ["string", "integer", "boolean"]}}),
            );
            envelope.insert("additionalProperties".into(), json!(false));
            Value::Object(envelope)
        };
        m.insert("type".into(), json!("object"));
        m.insert("properties".into(), json!({ ENVELOPE_ROOT: content }));
        m.insert("required".into(), json!([ENVELOPE_ROOT]));
        m.insert("additionalProperties".into(), json!(false));
    } else {
        m.insert(
            "anyOf".into(),
            json!([record, {"type": "array", "items": record}]),
        );
    }
    m
}

/// One vendor's schemas in one bundle for `options`: every resource's
/// record schemas in `$defs` once (`<wire>`, and `<wire>+reference` inside
/// requests), and each resource's whole payload as `<wire>+document`. This is
/// what `cargo xtask export-schemas` commits (`schemas/json/<vendor>.<in|out>[.strict].json`):
/// a resource's schema is `{"$ref": "<file>#/$defs/<wire>+document"}`, and
/// [`export`] gives the same records, self-contained, for one resource.
///
/// `resources` are of one vendor; the title names it.
pub fn export_vendor(vendor: &str, resources: &[&'static ResourceMeta], options: Options) -> Value {
    let (mut b, form) = Builder::for_options(options);
    let mut documents = Vec::new();
    for meta in resources {
        let record = b.want(meta, form);
        let mut doc = document(meta, record);
        doc.insert("title".into(), json!(meta.id));
        doc.insert("description".into(), json!(description(meta, options)));
        documents.push((format!("{}+document", meta.wire), Value::Object(doc)));
    }
    b.run();
    b.defs.extend(documents);
    let strictness = if options.strict { "strict" } else { "lenient" };
    let mut root = Map::new();
    root.insert("$schema".into(), json!(DRAFT_2020_12));
    root.insert(
        "$comment".into(),
        json!(format!(
            "Generated by elementa from schemas/{vendor}/; do not edit (regenerate with `cargo xtask export-schemas`)."
        )),
    );
    root.insert(
        "title".into(),
        json!(format!(
            "{vendor}: every {} (direction {}), {strictness}",
            what(options),
            options.direction
        )),
    );
    root.insert(
        "description".into(),
        json!(format!(
            "The {vendor} resources' JSON wire forms. A bundle of definitions: validate a payload of \
             resource WIRE against `#/$defs/WIRE+document`."
        )),
    );
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

/// Where the bundle of `vendor` in `options` is stored, relative to
/// `schemas/json/`: `<vendor>.<direction>[.strict].json`.
pub fn bundle_name(vendor: &str, options: Options) -> String {
    let strict = if options.strict { ".strict" } else { "" };
    format!("{vendor}.{}{strict}.json", options.direction)
}

/// Every bundle of `resources` (any vendors), each variant of each vendor
/// (see [`VARIANTS`]), as (path relative to `schemas/json/`, text), sorted
/// by path.
pub fn export_all(resources: &[&'static ResourceMeta]) -> Vec<(String, String)> {
    let mut by_vendor: BTreeMap<&str, Vec<&'static ResourceMeta>> = BTreeMap::new();
    for meta in resources {
        let vendor = meta.id.split('/').next().unwrap_or(meta.id);
        by_vendor.entry(vendor).or_default().push(meta);
    }
    let mut out: Vec<(String, String)> = by_vendor
        .iter()
        .flat_map(|(vendor, metas)| {
            VARIANTS.iter().map(move |o| {
                (
                    bundle_name(vendor, *o),
                    to_string_pretty(&export_vendor(vendor, metas, *o)),
                )
            })
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // a missing key indexes to null and fails the test

    use super::*;

    #[test]
    fn relation_decorations_are_the_runtimes() {
        assert_eq!(
            elementa_schema::json::RELATION_DECORATIONS,
            elementa::Relation::DECORATIONS
        );
    }
    use elementa::Resource;
    use elementa_coupa::{Comment, IntegrationRun};
    use elementa_flexi::wire::{Adresar, Changes};

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
    fn flexi_documents_are_the_winstrom_envelope() {
        // The change feed's document is the envelope itself.
        let s = export(Changes::resource_meta(), Options::new(Direction::Out));
        assert_eq!(s["required"], json!(["winstrom"]));
        assert_eq!(s["properties"]["winstrom"]["$ref"], "#/$defs/changes");
        let change = &s["$defs"]["change"]["properties"];
        // `""` is Flexi's empty value.
        assert_eq!(change["@in-version"]["pattern"], "^(?:-?[0-9]+)?$");
        assert!(change.get("in-version").is_none());

        // An evidence's records travel inside it, one object or an array.
        let s = export(
            Adresar::resource_meta(),
            Options::new(Direction::Out).strict(),
        );
        let envelope = &s["properties"]["winstrom"];
        assert!(
            envelope.get("required").is_none(),
            "an empty listing has no records"
        );
        assert_eq!(envelope["patternProperties"]["^@"]["type"][0], "string");
        assert_eq!(envelope["additionalProperties"], false);
        let records = &envelope["properties"]["adresar"]["anyOf"];
        assert_eq!(records[0]["$ref"], "#/$defs/adresar");
        assert_eq!(records[1]["items"]["$ref"], "#/$defs/adresar");
    }

    #[test]
    fn names_and_references_are_escaped() {
        assert_eq!(reference("a~b/c d")["$ref"], "#/$defs/a~0b~1c%20d");
        let all = export_all(&[Comment::resource_meta(), Changes::resource_meta()]);
        let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "coupa.in.json",
                "coupa.in.strict.json",
                "coupa.out.json",
                "coupa.out.strict.json",
                "flexi.in.json",
                "flexi.in.strict.json",
                "flexi.out.json",
                "flexi.out.strict.json"
            ]
        );
    }

    #[test]
    fn bundles_hold_each_record_once_and_each_document() {
        let metas = [Comment::resource_meta(), IntegrationRun::resource_meta()];
        let out = Options::new(Direction::Out);
        let b = export_vendor("coupa", &metas, out);
        let single = export(Comment::resource_meta(), out);
        // The bundle's records are exactly the single export's.
        assert_eq!(b["$defs"]["comment"], single["$defs"]["comment"]);
        assert_eq!(b["$defs"]["user"], single["$defs"]["user"]);
        assert_eq!(b["$defs"]["comment+document"]["anyOf"], single["anyOf"]);
        assert_eq!(
            b["$defs"]["integration-run+document"]["anyOf"][0]["$ref"],
            "#/$defs/integration-run"
        );
        let request = export_vendor("coupa", &metas, Options::new(Direction::In));
        assert!(request["$defs"].get("integration+reference").is_some());
    }
}
