//! Contract tests of the JSON Schemas, in the style of schemars' own: the
//! exported schema's verdict on a payload, judged by an independent validator
//! (the `jsonschema` crate), must equal `elementa check`'s verdict (decode,
//! then `validate`) — for every fixture and for payloads generated from the
//! element tables (valid ones, and per element: wrong types, too long, out-only
//! in a request, missing required, unknown values and elements), in both
//! directions, strict and lenient.
//!
//! Where the two cannot agree, the case is excluded from the generated
//! payloads and listed in `known_differences`, which asserts that it differs
//! exactly as described (so tightening the decoders shows up here):
//!
//! - elementa's decoders accept more spellings than the wire forms the schemas
//!   state (jiff's ISO 8601 extensions for datetimes, rust_decimal's
//!   `+1`/`.5`/`1_000`/`1e5`, `+5` for Flexi integers);
//! - JSON Schema sees numbers, not their spelling: `1.0` and `1e2` are
//!   integers to it, and a float beyond the 64-bit range rounds into it;
//! - ranges a pattern cannot bound (96-bit decimals and 64-bit Flexi integers
//!   written as strings, jiff's last instants of year 9999);
//! - what a validator never sees: duplicate keys (a JSON parser keeps one)
//!   and nesting beyond 128 levels (both parsers stop there).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)] // tests panic on purpose

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use elementa::{
    Dialect, Direction, ENVELOPE_ROOT, ElementMeta, Kind, Options, Placement, Resource,
    ResourceMeta, validate,
};
use elementa_jsonschema::{DRAFT_2020_12, VARIANTS, export};
use elementa_tests::workspace_root;
use serde_json::{Map, Value, json};

fn resources() -> Vec<&'static ResourceMeta> {
    let mut v: Vec<_> = elementa_coupa::RESOURCES
        .iter()
        .chain(elementa_flexi::wire::RESOURCES)
        .map(|m| m())
        .collect();
    v.sort_by_key(|m| m.id);
    v
}

fn resource(id: &str) -> &'static ResourceMeta {
    resources()
        .into_iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("no resource {id}"))
}

fn variant_name(o: Options) -> String {
    format!("{}{}", o.direction, if o.strict { " strict" } else { "" })
}

/// The exported schemas of a vendor in one variant, compiled once: the
/// vendor's bundle (whose records are exactly the single exports', see
/// `committed_exports_are_the_generated_ones`) under a root that validates
/// `{"<wire>": payload}` against `<wire>+document`. Compiling each resource's
/// self-contained export instead compiles every resource its associations
/// reach once per resource, which over the whole surface takes many minutes.
fn vendor_validator(vendor: &str, options: Options) -> &'static jsonschema::Validator {
    type Key = (String, Direction, bool);
    static ALL: OnceLock<Mutex<HashMap<Key, &'static jsonschema::Validator>>> = OnceLock::new();
    let key = (vendor.to_owned(), options.direction, options.strict);
    let cache = ALL.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap();
    if let Some(v) = cache.get(&key) {
        return v;
    }
    let metas: Vec<_> = resources()
        .into_iter()
        .filter(|m| m.id.split('/').next() == Some(vendor))
        .collect();
    let mut bundle = elementa_jsonschema::export_vendor(vendor, &metas, options);
    let properties: Map<String, Value> = metas
        .iter()
        .map(|m| {
            let r = json!({ "$ref": format!("#/$defs/{}+document", pointer_escape(m.wire)) });
            (m.wire.to_owned(), r)
        })
        .collect();
    let schema = json!({
        "$schema": DRAFT_2020_12,
        "type": "object",
        "properties": properties,
        "$defs": bundle["$defs"].take(),
    });
    let v: &'static jsonschema::Validator = Box::leak(Box::new(
        jsonschema::draft202012::new(&schema)
            .unwrap_or_else(|e| panic!("{vendor} {}: {e}", variant_name(options))),
    ));
    cache.insert(key, v);
    v
}

fn pointer_escape(s: &str) -> String {
    elementa_schema::json::pointer_escape(s)
}

/// `elementa check --resource ID [--direction D] [--strict]` on a JSON file:
/// a top-level array is a list of records, anything else one record.
fn elementa_verdict(
    meta: &'static ResourceMeta,
    text: &str,
    options: Options,
) -> Result<(), String> {
    // A Flexi evidence's envelope may hold several records: a list.
    let enveloped = meta.dialect == Dialect::Flexi && meta.root != ENVELOPE_ROOT;
    let records = if enveloped || text.trim_start().starts_with('[') {
        elementa_json::decode_list(meta, text, Default::default())
    } else {
        elementa_json::decode(meta, text).map(|r| vec![r])
    }
    .map_err(|e| format!("decode: {e}"))?;
    let problems: Vec<String> = records
        .iter()
        .flat_map(|r| validate(&**r, options))
        .map(|p| p.to_string())
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// The exported schema's verdict on the same text.
fn schema_verdict(meta: &'static ResourceMeta, text: &str, options: Options) -> Result<(), String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let vendor = meta.id.split('/').next().unwrap_or_default();
    vendor_validator(vendor, options)
        .validate(&json!({ meta.wire: value }))
        .map_err(|e| format!("{e} at {}", e.instance_path()))
}

/// Every disagreement between the two verdicts on `text`, in every variant.
fn disagreements(meta: &'static ResourceMeta, text: &str, what: &str) -> Vec<String> {
    VARIANTS
        .iter()
        .filter_map(|&o| {
            let a = elementa_verdict(meta, text, o);
            let b = schema_verdict(meta, text, o);
            (a.is_ok() != b.is_ok()).then(|| {
                format!(
                    "{} {} ({what}): elementa {a:?}, schema {b:?}\n  payload: {text}",
                    meta.id,
                    variant_name(o)
                )
            })
        })
        .collect()
}

fn assert_no_disagreement(found: Vec<String>, checked: usize) {
    assert!(
        found.is_empty(),
        "{} disagreement(s) in {checked} payloads; the first:\n{}",
        found.len(),
        found
            .iter()
            .take(12)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------- fixtures

/// The resource a fixture is for: for XML its root element (as `elementa
/// check` finds it), for JSON the longest wire name of its vendor that
/// starts the file name (`integration-runs.json` → `integration-run`).
fn fixture_resource(path: &Path, text: &str) -> &'static ResourceMeta {
    let vendor = if path.components().any(|c| c.as_os_str() == "flexi") {
        "flexi"
    } else {
        "coupa"
    };
    let of_vendor = || {
        resources()
            .into_iter()
            .filter(move |m| m.id.split('/').next() == Some(vendor))
    };
    if text.trim_start().starts_with('<') {
        let (root, _) = elementa_xml::peek_root(text).unwrap();
        if vendor == "flexi" && root == ENVELOPE_ROOT {
            // As `elementa check` tells a Flexi document's kind.
            use elementa_flexi::wire::{self, DocumentKind};
            return match wire::kind_of(text) {
                DocumentKind::Changes => resource("flexi/changes"),
                DocumentKind::WriteResponse => resource("flexi/write-response"),
                DocumentKind::Records => {
                    let (first, _) = elementa_xml::peek_first_child(text).unwrap().unwrap();
                    wire::evidence(&first).unwrap()
                }
            };
        }
        let found: Vec<_> = of_vendor()
            .filter(|m| m.root == root || m.plural == root)
            .collect();
        assert_eq!(found.len(), 1, "{}: root <{root}>", path.display());
        return found[0];
    }
    let stem = path
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    of_vendor()
        .filter(|m| stem.starts_with(m.wire))
        .max_by_key(|m| m.wire.len())
        .unwrap_or_else(|| panic!("{}: no resource's wire name starts it", path.display()))
}

fn fixture_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json" || e == "xml") {
                out.push(path);
            }
        }
    }
    let root = workspace_root();
    let mut out = Vec::new();
    walk(&root.join("examples"), &mut out);
    walk(&root.join("tests/fixtures"), &mut out);
    out.sort();
    out
}

/// An XML payload as JSON, the way `elementa convert --to json` writes it.
fn xml_as_json(meta: &'static ResourceMeta, text: &str) -> String {
    if meta.dialect == Dialect::Flexi && meta.root != ENVELOPE_ROOT {
        let resolve = elementa_flexi::wire::evidence;
        let doc = elementa_xml::decode_envelope(text, &resolve, Default::default()).unwrap();
        return elementa_json::envelope_to_string(&doc.envelope, false);
    }
    let doc = elementa_xml::decode(meta, text, Default::default()).unwrap();
    match &doc.body {
        elementa_xml::Body::One(r) => elementa_json::to_string(&**r),
        elementa_xml::Body::List(rs) => {
            serde_json::to_string(&elementa_json::JsonList(rs)).unwrap()
        }
    }
}

#[test]
fn every_fixture_gets_the_same_verdict_from_its_schema() {
    let files = fixture_files();
    assert!(files.len() >= 18, "fixtures: {files:?}");
    let mut found = Vec::new();
    let mut verdicts = BTreeMap::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let meta = fixture_resource(path, &text);
        let json = if path.extension().is_some_and(|e| e == "xml") {
            xml_as_json(meta, &text)
        } else {
            text
        };
        let shown = path
            .strip_prefix(workspace_root())
            .unwrap()
            .display()
            .to_string();
        found.extend(disagreements(meta, &json, &shown));
        for o in VARIANTS {
            let ok = elementa_verdict(meta, &json, o).is_ok();
            verdicts.insert((shown.clone(), variant_name(o)), ok);
        }
    }
    assert_no_disagreement(found, files.len());
    // Both verdicts occur, so the agreement is not vacuous.
    let ok = |f: &str, v: &str| verdicts[&(f.to_owned(), v.to_owned())];
    assert!(ok("examples/coupa/comment-create.json", "in"));
    assert!(!ok("tests/fixtures/coupa/check/comment-with-id.json", "in"));
    assert!(ok("tests/fixtures/coupa/check/comment-with-id.json", "out"));
    assert!(!ok(
        "tests/fixtures/coupa/check/comment-type-too-long.json",
        "out"
    ));
    assert!(!ok(
        "tests/fixtures/coupa/check/comment-to-supplier-not-boolean.json",
        "out"
    ));
    assert!(ok(
        "tests/fixtures/coupa/check/integration-error-foo.json",
        "out"
    ));
    assert!(!ok(
        "tests/fixtures/coupa/check/integration-error-foo.json",
        "out strict"
    ));
    assert!(!ok(
        "tests/fixtures/coupa/expense-report-create.seed.json",
        "out"
    ));
    assert!(ok("tests/fixtures/coupa/user-custom-fields.xml", "out"));
    assert!(!ok(
        "tests/fixtures/coupa/user-custom-fields.xml",
        "out strict"
    ));
    assert!(ok("tests/fixtures/flexi/changes.seed.xml", "out strict"));
}

// ------------------------------------------------------ generated payloads

/// How a record is seen where it stands (see `elementa_jsonschema`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Response,
    Request,
    Reference,
}

fn allowed(meta: &ResourceMeta, el: &ElementMeta, form: Form) -> bool {
    match form {
        Form::Response => true,
        Form::Request => el.api_in,
        Form::Reference => el.api_in || meta.is_key(el.wire),
    }
}

fn json_key(meta: &ResourceMeta, el: &ElementMeta) -> String {
    match (meta.dialect, el.placement) {
        (Dialect::Flexi, Placement::Attribute | Placement::Name) => format!("@{}", el.wire),
        _ => el.wire.to_owned(),
    }
}

fn canonical_integers(el: &ElementMeta) -> Vec<i64> {
    el.values
        .iter()
        .filter_map(|v| v.parse::<i64>().ok().filter(|n| n.to_string() == *v))
        .collect()
}

/// A valid value of `el`; associations hold records down to `depth` levels.
fn sample(meta: &ResourceMeta, el: &ElementMeta, form: Form, depth: usize) -> Option<Value> {
    let flexi = meta.dialect == Dialect::Flexi;
    let nested = if form == Form::Response {
        Form::Response
    } else {
        Form::Reference
    };
    Some(match el.kind {
        Kind::Integer => {
            let n = canonical_integers(el).first().copied().unwrap_or(42);
            if flexi {
                json!(n.to_string())
            } else {
                json!(n)
            }
        }
        Kind::Decimal => json!("12.50"),
        Kind::String | Kind::Text => {
            let v = el.values.first().copied().unwrap_or("abc");
            let n = el.length.map_or(usize::MAX, |n| n as usize);
            json!(v.chars().take(n).collect::<String>())
        }
        Kind::Boolean if flexi => json!("true"),
        Kind::Boolean => json!(true),
        Kind::DateTime => json!("2010-09-22T20:42:57-07:00"),
        Kind::Date => json!("2019-01-31"),
        Kind::Timestamp => json!("2019-06-07 12:34:56.7"),
        Kind::Strings { .. } => json!(["a", "code:VF1-0001/2012"]),
        Kind::One(t) if depth > 0 => Value::Object(record(t(), nested, depth - 1, true)),
        Kind::Many { target, .. } if depth > 0 => {
            json!([Value::Object(record(target(), nested, depth - 1, true))])
        }
        Kind::Relation { .. } => json!("code:ACME"),
        Kind::Any => json!({"id": 1}),
        Kind::One(_) | Kind::Many { .. } => return None,
    })
}

/// A valid record in `form`: every element the form allows when `full`,
/// else only the required ones of a request.
fn record(meta: &ResourceMeta, form: Form, depth: usize, full: bool) -> Map<String, Value> {
    let mut m = Map::new();
    for el in meta.elements {
        let wanted = if full {
            allowed(meta, el, form)
        } else {
            form == Form::Request && el.required
        };
        if let (true, Some(v)) = (wanted, sample(meta, el, form, depth)) {
            m.insert(json_key(meta, el), v);
        }
    }
    m
}

/// A whole payload holding `record`: Coupa's record itself; Flexi's
/// `winstrom` envelope holding it in its evidence's array, or, for a
/// document that is the envelope itself (the change listing), as its content.
fn top(meta: &ResourceMeta, record: Value) -> Value {
    match meta.dialect {
        Dialect::Flexi if meta.root == ENVELOPE_ROOT => json!({ ENVELOPE_ROOT: record }),
        Dialect::Flexi => json!({ ENVELOPE_ROOT: { "@version": "1.0", meta.root: [record] } }),
        Dialect::Coupa => record,
    }
}

/// Values to try in place of `el`'s value: every JSON type, the edges of its
/// type and length, and its allowed values and one that is not.
fn probes(meta: &ResourceMeta, el: &ElementMeta) -> Vec<Value> {
    let flexi = meta.dialect == Dialect::Flexi;
    let mut v = vec![
        Value::Null,
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(""),
        json!("x"),
        json!("true"),
        json!("1"),
        json!([]),
        json!(["x"]),
        json!([1]),
        json!([null]),
        json!({}),
        json!({"id": 1}),
        json!([{}]),
        json!([{"id": 1}]),
        json!([null]),
    ];
    let strings = |list: &[&str]| list.iter().map(|s| json!(s)).collect::<Vec<_>>();
    match el.kind {
        Kind::Integer => {
            v.extend([
                json!(i64::MAX),
                json!(i64::MIN),
                json!(9_223_372_036_854_775_808_u64),
                json!(18_446_744_073_709_551_615_u64),
                json!(1.844_674_407_370_955_2e19),
                json!(1e30),
                json!(-1e30),
                json!(0.5),
            ]);
            v.extend(strings(&[
                "42",
                "-42",
                "0",
                "4.2",
                " 4",
                "4 ",
                "0x10",
                "",
                "-",
                "9223372036854775807",
                "-9223372036854775808",
            ]));
            if flexi {
                v.extend(canonical_integers(el).iter().map(|n| json!(n.to_string())));
            }
            v.extend(canonical_integers(el).iter().map(|n| json!(n)));
            v.push(json!(i64::MAX - 7));
        }
        Kind::Decimal => {
            v.extend([
                json!(1),
                json!(12_345_678_901_234_567_890_u64),
                json!(1e20),
                json!(1e30),
                json!(-1e30),
                json!(0.000_001),
                json!(-2.75),
            ]);
            v.extend(strings(&[
                "1",
                "-1",
                "1.5",
                "-0.25",
                "007.50",
                "12.50",
                "1.2.3",
                "abc",
                "1,5",
                " 1",
                "1 ",
                "--1",
                "-",
                ".",
                "0.00000000000000000000000000001",
                "123456789012345678",
            ]));
        }
        Kind::Boolean => v.extend(strings(&["false", "TRUE", "yes", "0"])),
        Kind::DateTime => v.extend(strings(&[
            "2010-09-22T20:42:57-07:00",
            "2010-09-22T20:42:57Z",
            "2010-09-22t20:42:57z",
            "2010-09-22T20:42:57.5+01:00",
            "2010-09-22T20:42:57.123456789Z",
            "2010-09-22T20:42:57.1234567891Z",
            "2010-09-22T20:42:57.Z",
            "2012-02-29T00:00:00Z",
            "2010-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2100-02-29T00:00:00Z",
            "0000-02-29T00:00:00Z",
            "2010-04-31T00:00:00Z",
            "2010-13-01T00:00:00Z",
            "2010-00-01T00:00:00Z",
            "2010-09-00T00:00:00Z",
            "2010-09-22T24:00:00Z",
            "2010-09-22T23:60:00Z",
            "2010-09-22T23:59:60Z",
            "2010-09-22T23:59:61Z",
            "2010-09-22T20:42:57+23:59",
            "2010-09-22T20:42:57+23:60",
            "2010-09-22T20:42:57-00:00",
            "2010-09-22T20:42:57+07:5",
            "2010-09-22T20:42:57",
            "2010-09-22",
            "2010-9-22T20:42:57Z",
            " 2010-09-22T20:42:57Z",
            "2010-09-22T20:42:57Z ",
            "2010-09-22T20:42:57Z\n",
            "2010-09-22T20:42:57\u{2212}07:00",
        ])),
        Kind::Date => v.extend(strings(&[
            "2019-01-31",
            "2019-01-31+01:00",
            "2019-01-31-11:30",
            "2019-01-31+99:99",
            "2019-01-31Z",
            "2019-01-31z",
            "2019-01-31+1:00",
            "2019-01-31+01",
            "2019-01-31T00:00:00Z",
            "2019-01-31T12",
            "2019-02-29",
            "2020-02-29",
            "2019-1-31",
            "20190131",
            "2019-01-3",
            "2019-01-32",
            "2019-01-31 ",
            "2019-01-31é",
        ])),
        Kind::Timestamp => v.extend(strings(&[
            "2019-06-07 12:34:56",
            "2019-06-07 12:34:56.7",
            "2019-06-07 12:34:56.123456",
            "2019-06-07 12:34:56.1234567",
            "2019-06-07 12:34:56.",
            "2019-06-07 12:34:56.7Z",
            "2019-06-07 12:34:56.7.8",
            "2019-06-07T12:34:56",
            "2019-02-29 12:34:56",
            "2020-02-29 12:34:56",
            "2019-06-07 24:00:00",
            "2019-06-07 23:59:60",
            "2019-06-07 12:34",
            "2019-06-07 12:34:56 ",
            "2019-06-07 12:34:056",
        ])),
        Kind::String | Kind::Text | Kind::Strings { .. } => {
            v.extend(strings(&["é", "😀", "a b", "\u{0}"]));
        }
        Kind::Relation { .. } => v.extend(strings(&["1", "007", "code:", ":x", "ext:SYS:1", ""])),
        Kind::One(_) | Kind::Many { .. } | Kind::Any => {}
    }
    if let Some(n) = el.length {
        let n = n as usize;
        for c in ["x", "é", "😀"] {
            v.push(json!(c.repeat(n)));
            v.push(json!(c.repeat(n + 1)));
        }
    }
    v.extend(el.values.iter().map(|s| json!(s)));
    if !el.values.is_empty() {
        v.push(json!("no-such-value"));
    }
    v
}

/// What decides how an element is exported and checked, apart from its name:
/// elements of the same shape get the same schema and the same verdicts, so
/// the generated probes of one stand for all (see [`generated_payloads`]).
fn shape(meta: &ResourceMeta, el: &ElementMeta, context: &str) -> String {
    format!(
        "{context} {:?} {} {:?} in={} out={} req={} uniq={} len={:?} p={:?} s={:?} {:?} {:?} inline={} key={}",
        meta.dialect,
        el.kind.name(),
        el.kind.target().map(|t| t.id),
        el.api_in,
        el.api_out,
        el.required,
        el.unique,
        el.length,
        el.precision,
        el.scale,
        el.values,
        el.placement,
        el.inline,
        meta.is_key(el.wire),
    )
}

/// Generated payloads of `meta`: the valid bases (a minimal request, a full
/// request, a full response), then per element of the top-level record each
/// probe value and its absence, per element of each association's first
/// record a few probes, unknown and mis-prefixed keys, and the top-level
/// shapes.
///
/// The per-element probes are generated once per element shape (`seen`
/// holds the shapes already probed, across resources), each in the smallest
/// valid record (a minimal request, an empty response): the verdict on one
/// element does not depend on its neighbours or on the resource, and probing
/// every element of ~600 resources inside their full records grows with the
/// square of a record's size (hours, not seconds). Every resource's full
/// records are still checked whole.
fn generated_payloads(
    meta: &'static ResourceMeta,
    seen: &mut HashSet<String>,
) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let bases = [
        ("minimal request", record(meta, Form::Request, 2, false)),
        ("full request", record(meta, Form::Request, 2, true)),
        ("full response", record(meta, Form::Response, 2, true)),
    ];
    for (name, base) in &bases {
        out.push((name.to_string(), top(meta, Value::Object(base.clone()))));
    }
    let small = [
        ("minimal request", bases[0].1.clone()),
        ("empty response", Map::new()),
    ];
    for (name, base) in &small {
        for el in meta.elements {
            if !seen.insert(shape(meta, el, name)) {
                continue;
            }
            let k = json_key(meta, el);
            for p in probes(meta, el) {
                let mut m = base.clone();
                m.insert(k.clone(), p.clone());
                out.push((format!("{name}, {k} = {p}"), top(meta, Value::Object(m))));
            }
            let mut m = base.clone();
            m.remove(&k);
            out.push((format!("{name} without {k}"), top(meta, Value::Object(m))));
            // The same element under the other key spelling of Flexi JSON.
            if meta.dialect == Dialect::Flexi {
                let other = k
                    .strip_prefix('@')
                    .map_or_else(|| format!("@{k}"), str::to_owned);
                let mut m = base.clone();
                m.insert(other.clone(), json!("1"));
                out.push((
                    format!("{name}, {other} misspelled"),
                    top(meta, Value::Object(m)),
                ));
            }
        }
        for (unknown, value) in [
            ("x-custom-field", json!("value")),
            ("x-custom-object", json!({"a": [1, null, "b"]})),
            ("@id", json!("1")),
        ] {
            let mut m = base.clone();
            m.insert(unknown.to_owned(), value.clone());
            out.push((format!("{name} + {unknown}"), top(meta, Value::Object(m))));
        }
    }
    // Inside associations: each element of the associated record.
    for (name, full, base, form) in [
        ("request", &bases[1].1, &small[0].1, Form::Reference),
        ("response", &bases[2].1, &small[1].1, Form::Response),
    ] {
        for el in meta.elements {
            let Some(target) = el.kind.target() else {
                continue;
            };
            let k = json_key(meta, el);
            let many = matches!(el.kind, Kind::Many { .. });
            let Some(inner) = full
                .get(&k)
                .map(|v| if many { v[0].clone() } else { v.clone() })
            else {
                continue;
            };
            let context = format!("{name} in {:?} {}", meta.dialect, el.kind.name());
            for t in target.elements {
                if !seen.insert(shape(target, t, &context)) {
                    continue;
                }
                let tk = json_key(target, t);
                let mut values = vec![Value::Null, json!([]), json!({})];
                values.extend(sample(target, t, form, 1));
                values.extend(t.length.map(|n| json!("x".repeat(n as usize + 1))));
                if !t.values.is_empty() {
                    values.push(json!("no-such-value"));
                }
                let mut edits: Vec<(String, Option<Value>)> =
                    values.into_iter().map(|v| (tk.clone(), Some(v))).collect();
                edits.push((tk.clone(), None));
                for (key, value) in edits {
                    let mut rec = inner.clone();
                    let shown = match &value {
                        Some(v) => format!("{k}.{key} = {v}"),
                        None => format!("{k} without {key}"),
                    };
                    match value {
                        Some(v) => {
                            rec[&key] = v;
                        }
                        None => {
                            rec.as_object_mut().unwrap().remove(&key);
                        }
                    }
                    let mut m = base.clone();
                    m.insert(k.clone(), if many { json!([rec]) } else { rec });
                    out.push((format!("{name}, {shown}"), top(meta, Value::Object(m))));
                }
            }
            if !seen.insert(format!("{context} {} + x-custom-field", target.id)) {
                continue;
            }
            let mut rec = inner.clone();
            rec["x-custom-field"] = json!(1);
            let mut m = base.clone();
            m.insert(k.clone(), if many { json!([rec]) } else { rec });
            out.push((
                format!("{name}, {k} + x-custom-field"),
                top(meta, Value::Object(m)),
            ));
        }
    }
    // Top-level shapes.
    let response = Value::Object(bases[2].1.clone());
    let request = Value::Object(bases[0].1.clone());
    match meta.dialect {
        Dialect::Coupa => {
            out.push((
                "a list of responses".into(),
                json!([response.clone(), response]),
            ));
            out.push((
                "a list of requests".into(),
                json!([request.clone(), request]),
            ));
            out.push(("an empty list".into(), json!([])));
            out.push(("a list with null".into(), json!([null])));
            out.push(("a list of lists".into(), json!([[]])));
            if let Some(el) = meta.elements.iter().find(|e| e.length.is_some()) {
                let mut bad = bases[2].1.clone();
                bad.insert(json_key(meta, el), json!("x".repeat(100_000)));
                out.push(("a list, one item too long".into(), json!([bases[2].1, bad])));
            }
        }
        Dialect::Flexi if meta.root == ENVELOPE_ROOT => {
            out.push(("the record without its root".into(), response.clone()));
            out.push(("a null root".into(), json!({ ENVELOPE_ROOT: null })));
            out.push((
                "a list as root".into(),
                json!({ ENVELOPE_ROOT: [response.clone()] }),
            ));
            out.push((
                "a key beside the root".into(),
                json!({ ENVELOPE_ROOT: response, "other": 1 }),
            ));
            out.push(("an empty object".into(), json!({})));
        }
        Dialect::Flexi => {
            let root = meta.root;
            out.push(("the record without the envelope".into(), response.clone()));
            out.push((
                "the record as the envelope".into(),
                json!({ ENVELOPE_ROOT: response }),
            ));
            out.push(("a null envelope".into(), json!({ ENVELOPE_ROOT: null })));
            out.push((
                "a null evidence".into(),
                json!({ ENVELOPE_ROOT: { root: null } }),
            ));
            // Flexi's import reads a single object where exports write a list.
            out.push((
                "a single record".into(),
                json!({ ENVELOPE_ROOT: { root: response.clone() } }),
            ));
            out.push((
                "two records and envelope attributes".into(),
                json!({ ENVELOPE_ROOT: {
                    "@version": "1.0", "@rowCount": "2", root: [response.clone(), response.clone()]
                } }),
            ));
            out.push((
                "an envelope attribute not a string".into(),
                json!({ ENVELOPE_ROOT: { "@rowCount": 2, root: [response.clone()] } }),
            ));
            out.push((
                "an evidence of another resource".into(),
                json!({ ENVELOPE_ROOT: { root: [response.clone()], "other-evidence": [] } }),
            ));
            out.push((
                "a key beside the envelope".into(),
                json!({ ENVELOPE_ROOT: { root: [response] }, "other": 1 }),
            ));
            out.push(("an empty envelope".into(), json!({ ENVELOPE_ROOT: {} })));
            out.push(("an empty object".into(), json!({})));
        }
    }
    for scalar in [json!(null), json!(1), json!("x"), json!(true)] {
        out.push((format!("top level {scalar}"), scalar));
    }
    out
}

#[test]
fn generated_payloads_get_the_same_verdict_from_their_schemas() {
    let mut found = Vec::new();
    let mut checked = 0;
    let mut outcomes: BTreeMap<(String, bool), usize> = BTreeMap::new();
    let mut seen = HashSet::new();
    for meta in resources() {
        for (what, value) in generated_payloads(meta, &mut seen) {
            let text = serde_json::to_string(&value).unwrap();
            found.extend(disagreements(meta, &text, &what));
            checked += 1;
            for o in VARIANTS {
                let ok = elementa_verdict(meta, &text, o).is_ok();
                *outcomes.entry((variant_name(o), ok)).or_default() += 1;
            }
        }
    }
    assert_no_disagreement(found, checked);
    assert!(checked > 5_000, "only {checked} payloads");
    // Every variant saw valid and invalid payloads.
    for o in VARIANTS {
        for ok in [true, false] {
            let n = outcomes.get(&(variant_name(o), ok)).copied().unwrap_or(0);
            assert!(n > 100, "{} {ok}: {n}", variant_name(o));
        }
    }
}

#[test]
fn each_kind_of_problem_is_caught_by_both() {
    let run = resource("coupa/integration-run");
    let base = json!({"integration": {"code": "ERP-EXPORT"}, "total-records": 250});
    let with = |k: &str, v: Value| {
        let mut m = base.clone();
        m[k] = v;
        m.to_string()
    };
    let missing = json!({"total-records": 250}).to_string();
    let cases: Vec<(&str, String, Options, bool)> = vec![
        ("valid", base.to_string(), Options::new(Direction::In), true),
        (
            "wrong type",
            with("total-records", json!("250")),
            Options::new(Direction::Out),
            false,
        ),
        (
            "out-only in a request",
            with("id", json!(1)),
            Options::new(Direction::In),
            false,
        ),
        (
            "out-only in a response",
            with("id", json!(1)),
            Options::new(Direction::Out),
            true,
        ),
        (
            "missing required",
            missing.clone(),
            Options::new(Direction::In),
            false,
        ),
        (
            "missing in a response",
            missing,
            Options::new(Direction::Out),
            true,
        ),
        (
            "required null",
            with("integration", Value::Null),
            Options::new(Direction::In),
            false,
        ),
        (
            "unknown value",
            with("status", json!("archived")),
            Options::new(Direction::Out),
            true,
        ),
        (
            "unknown value, strict",
            with("status", json!("archived")),
            Options::new(Direction::Out).strict(),
            false,
        ),
        (
            "unknown element",
            with("x-custom", json!(1)),
            Options::new(Direction::Out),
            true,
        ),
        (
            "unknown element, strict",
            with("x-custom", json!(1)),
            Options::new(Direction::Out).strict(),
            false,
        ),
    ];
    let mut cases: Vec<_> = cases
        .into_iter()
        .map(|(w, t, o, v)| (run, w, t, o, v))
        .collect();
    // Inside an association of a request, the record is a reference.
    let report = resource("coupa/expense-report");
    let mut request = record(report, Form::Request, 1, false);
    for (what, currency, valid) in [
        (
            "a key inside a reference",
            json!({"id": 1, "code": "USD"}),
            true,
        ),
        ("a required-free reference", json!({}), true),
        (
            "out-only, not a key, inside a reference",
            json!({"decimals": 2}),
            false,
        ),
        (
            "too long inside a reference",
            json!({"code": "USDOLLAR"}),
            false,
        ),
    ] {
        request.insert("currency".into(), currency);
        let text = Value::Object(request.clone()).to_string();
        cases.push((report, what, text, Options::new(Direction::In), valid));
    }
    for (meta, what, text, options, valid) in cases {
        let a = elementa_verdict(meta, &text, options);
        let b = schema_verdict(meta, &text, options);
        assert_eq!(a.is_ok(), valid, "{what}: elementa {a:?}");
        assert_eq!(b.is_ok(), valid, "{what}: schema {b:?}");
    }
}

// ------------------------------------------------------ known differences

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Accepts {
    /// `elementa check` accepts, the schema rejects.
    Elementa,
    /// The schema accepts, `elementa check` rejects.
    Schema,
}

#[test]
fn known_differences_differ_exactly_as_documented() {
    let comment = resource("coupa/comment");
    let report = resource("coupa/expense-report");
    let change = resource("flexi/change");
    let changes = resource("flexi/changes");
    let integer = |v: &str| format!(r#"{{"commentable-id": {v}}}"#);
    let datetime = |v: &str| format!(r#"{{"created-at": "{v}"}}"#);
    let decimal = |v: &str| format!(r#"{{"total": "{v}"}}"#);
    let timestamp = |v: &str| format!(r#"{{"winstrom": {{"change": [{{"@timestamp": "{v}"}}]}}}}"#);
    let flexi_integer =
        |v: &str| format!(r#"{{"winstrom": {{"change": [{{"@in-version": "{v}"}}]}}}}"#);
    let out = Options::new(Direction::Out);
    let cases: Vec<(&'static ResourceMeta, String, Accepts)> = vec![
        // JSON Schema's data model: numbers, not spellings.
        (comment, integer("1.0"), Accepts::Schema),
        (comment, integer("1e2"), Accepts::Schema),
        (comment, integer("-9223372036854775809"), Accepts::Schema),
        // jiff reads ISO 8601 and RFC 9557 beyond RFC 3339.
        (comment, datetime("2010-09-22 20:42:57Z"), Accepts::Elementa),
        (comment, datetime("2010-09-22T20:42Z"), Accepts::Elementa),
        (comment, datetime("20100922T204257Z"), Accepts::Elementa),
        (
            comment,
            datetime("2010-09-22T20:42:57,5Z"),
            Accepts::Elementa,
        ),
        (
            comment,
            datetime("2010-09-22T20:42:57-07"),
            Accepts::Elementa,
        ),
        (
            comment,
            datetime("2010-09-22T20:42:57-0700"),
            Accepts::Elementa,
        ),
        (
            comment,
            datetime("2010-09-22T20:42:57-07:00:00"),
            Accepts::Elementa,
        ),
        (
            comment,
            datetime("2010-09-22T20:42:57+24:00"),
            Accepts::Elementa,
        ),
        (
            comment,
            datetime("2010-09-22T20:42:57Z[UTC]"),
            Accepts::Elementa,
        ),
        (
            comment,
            datetime("+002010-09-22T20:42:57Z"),
            Accepts::Elementa,
        ),
        // The last instants jiff can represent end before year 9999 does.
        (comment, datetime("9999-12-31T23:59:59Z"), Accepts::Schema),
        // rust_decimal's spellings, and its 96-bit range.
        (report, decimal("+1"), Accepts::Elementa),
        (report, decimal(".5"), Accepts::Elementa),
        (report, decimal("5."), Accepts::Elementa),
        (report, decimal("1_000"), Accepts::Elementa),
        (report, decimal("1e5"), Accepts::Elementa),
        (
            report,
            decimal("79228162514264337593543950336"),
            Accepts::Schema,
        ),
        // i64's own parser, and its range.
        (change, flexi_integer("+5"), Accepts::Elementa),
        (
            change,
            flexi_integer("99999999999999999999"),
            Accepts::Schema,
        ),
        // What a validator never sees: a JSON parser keeps one duplicate.
        (
            comment,
            r#"{"comments": "a", "comments": "b"}"#.to_owned(),
            Accepts::Schema,
        ),
    ];
    // Not a difference any more: both refuse a bare array for Flexi, whose
    // wire form is the `{"winstrom": …}` envelope.
    let bare = r#"[{"next": "6"}]"#;
    assert!(elementa_verdict(changes, bare, out).is_err());
    assert!(schema_verdict(changes, bare, out).is_err());
    // Nor timestamps other than `YYYY-MM-DD HH:MM:SS[.f]`, which jiff's
    // `strptime` took: unpadded fields, short and signed years, blanks.
    for text in [
        "2019-6-7 12:34:56",
        "2019-06-07 1:2:3",
        "19-06-07 12:34:56",
        "+2019-06-07 12:34:56",
        "2019-06-07  12:34:56",
        " 2019-06-07 12:34:56",
    ] {
        let text = timestamp(text);
        assert!(elementa_verdict(change, &text, out).is_err(), "{text}");
        assert!(schema_verdict(change, &text, out).is_err(), "{text}");
    }
    for (meta, text, accepts) in cases {
        let a = elementa_verdict(meta, &text, out);
        let b = schema_verdict(meta, &text, out);
        let seen = match (a.is_ok(), b.is_ok()) {
            (true, false) => Some(Accepts::Elementa),
            (false, true) => Some(Accepts::Schema),
            _ => None,
        };
        assert_eq!(
            seen,
            Some(accepts),
            "{}: {text}: elementa {a:?}, schema {b:?}",
            meta.id
        );
    }
}

// ------------------------------------------------ the seed comment (Done when)

/// The committed bundle of `vendor` in `options`, as a validator of one
/// resource's documents: `{"$ref": "#/$defs/<wire>+document"}` beside the
/// bundle's `$defs`, the way another tool would use the file.
fn committed_validator(vendor: &str, wire: &str, options: Options) -> jsonschema::Validator {
    let path = workspace_root()
        .join("schemas/json")
        .join(elementa_jsonschema::bundle_name(vendor, options));
    let mut bundle: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let schema = json!({
        "$schema": DRAFT_2020_12,
        "$ref": format!("#/$defs/{wire}+document"),
        "$defs": bundle["$defs"].take(),
    });
    jsonschema::draft202012::new(&schema).unwrap()
}

#[test]
fn seed_comment_request_schema_accepts_it_and_rejects_id_and_overlong_type() {
    let v = committed_validator("coupa", "comment", Options::new(Direction::In));
    let seed: Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_root().join("examples/coupa/comment-create.json"))
            .unwrap(),
    )
    .unwrap();
    assert!(v.is_valid(&seed));
    let mut with_id = seed.clone();
    with_id["id"] = json!(7);
    assert!(!v.is_valid(&with_id));
    for (n, valid) in [(255, true), (256, false)] {
        let mut long = seed.clone();
        long["commentable-type"] = json!("I".repeat(n));
        assert_eq!(v.is_valid(&long), valid, "{n} characters");
    }
}

// ---------------------------------------------------- the committed files

#[test]
fn committed_exports_are_the_generated_ones() {
    let dir = workspace_root().join("schemas/json");
    let mut expected = BTreeSet::new();
    for (rel, text) in elementa_jsonschema::export_all(&resources()) {
        let path = dir.join(&rel);
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e}; run `cargo xtask export-schemas`", path.display())
        });
        assert!(
            committed == text,
            "{} differs from the schema; run `cargo xtask export-schemas`",
            path.display()
        );
        expected.insert(rel);
    }
    // Every resource has its document in each variant of its vendor's
    // bundle, and the bundle's records are those of the resource's own export.
    for meta in resources() {
        let vendor = meta.id.split('/').next().unwrap();
        for o in VARIANTS {
            let rel = elementa_jsonschema::bundle_name(vendor, o);
            assert!(expected.contains(&rel), "{rel}");
            let bundle: Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join(&rel)).unwrap()).unwrap();
            let single = export(meta, o);
            for (name, def) in single["$defs"].as_object().unwrap() {
                assert_eq!(&bundle["$defs"][name], def, "{rel}: {name}");
            }
            assert!(
                bundle["$defs"]
                    .get(format!("{}+document", meta.wire))
                    .is_some()
            );
        }
    }
    let format = workspace_root().join("schemas/elementa.schema.json");
    assert_eq!(
        std::fs::read_to_string(&format).unwrap(),
        elementa_schema::json::to_canonical_string(
            &elementa_schema::file_schema().to_value(),
            true
        ),
        "{} differs; run `cargo xtask export-schemas`",
        format.display()
    );
}

#[test]
fn exported_schemas_are_valid_2020_12_schemas() {
    for meta in resources() {
        for o in VARIANTS {
            let schema = export(meta, o);
            assert_eq!(schema["$schema"], elementa_jsonschema::DRAFT_2020_12);
            if let Err(e) = jsonschema::meta::validate(&schema) {
                panic!("{} {}: {e}", meta.id, variant_name(o));
            }
        }
    }
}

// ------------------------------------- generated `schemars::JsonSchema` impls

/// Replaces `#/$defs/<Rust name>` references by `#/$defs/<wire name>`, and
/// schemars' `#` (the root, where a type refers back to itself) by
/// `#/$defs/<root>`, as the exporter writes them.
fn rename_refs(v: &mut Value, names: &HashMap<String, String>, root: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "$ref" {
                    let r = x.as_str().unwrap();
                    let wire = match r.strip_prefix("#/$defs/") {
                        Some(name) => &names[name],
                        None if r == "#" => root,
                        None => panic!("$ref {r}"),
                    };
                    *x = json!(format!("#/$defs/{wire}"));
                } else {
                    rename_refs(x, names, root);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| rename_refs(x, names, root)),
        _ => {}
    }
}

fn generated_impl_matches_export<T: elementa::schemars::JsonSchema + Resource>() {
    use elementa::schemars::generate::SchemaSettings;
    let meta = T::resource_meta();
    let names: HashMap<String, String> = resources()
        .iter()
        .map(|m| (m.rust.to_owned(), m.wire.to_owned()))
        .collect();
    let mut generated = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    let exported = export(meta, Options::new(Direction::Out));
    let mut defs = generated
        .as_object_mut()
        .unwrap()
        .remove("$defs")
        .unwrap_or_else(|| json!({}));
    generated.as_object_mut().unwrap().remove("$schema");
    rename_refs(&mut generated, &names, meta.wire);
    assert_eq!(generated, exported["$defs"][meta.wire], "{}", meta.id);
    let mut wires = BTreeSet::from([meta.wire.to_owned()]);
    for (name, def) in defs.as_object_mut().unwrap().iter_mut() {
        rename_refs(def, &names, meta.wire);
        let wire = &names[name];
        assert_eq!(*def, exported["$defs"][wire], "{} in {}", wire, meta.id);
        wires.insert(wire.clone());
    }
    let exported_wires: BTreeSet<String> = exported["$defs"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(wires, exported_wires, "{}", meta.id);
}

#[test]
fn generated_json_schema_impls_are_the_lenient_response_schemas() {
    use elementa_coupa::*;
    generated_impl_matches_export::<Attachment>();
    generated_impl_matches_export::<Comment>();
    generated_impl_matches_export::<Currency>();
    generated_impl_matches_export::<ExpenseCategory>();
    generated_impl_matches_export::<ExpenseLine>();
    generated_impl_matches_export::<ExpenseReport>();
    generated_impl_matches_export::<Flow>();
    generated_impl_matches_export::<Integration>();
    generated_impl_matches_export::<IntegrationError>();
    generated_impl_matches_export::<IntegrationRun>();
    generated_impl_matches_export::<User>();
    generated_impl_matches_export::<elementa_flexi::wire::Change>();
    generated_impl_matches_export::<elementa_flexi::wire::Changes>();
    // Imported resources: a Flexi evidence with relations, selects and
    // sub-evidence lists, and Coupa resources with `any` and decimal scales.
    generated_impl_matches_export::<elementa_flexi::wire::FakturaVydana>();
    generated_impl_matches_export::<elementa_flexi::wire::Adresar>();
    generated_impl_matches_export::<OrderHeader>();
    generated_impl_matches_export::<Approval>();
}

#[test]
fn generated_json_schema_impls_embed_in_other_schemas() {
    use elementa::schemars::{JsonSchema, SchemaGenerator};
    // A team's own document type holding elementa resources.
    struct Envelope;
    impl JsonSchema for Envelope {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "Envelope".into()
        }
        fn json_schema(generator: &mut SchemaGenerator) -> elementa::schemars::Schema {
            elementa::schemars::json_schema!({
                "type": "object",
                "properties": {
                    "run": generator.subschema_for::<elementa_coupa::IntegrationRun>(),
                    "comments": {"type": "array", "items": generator.subschema_for::<elementa_coupa::Comment>()},
                },
            })
        }
    }
    let schema = SchemaGenerator::default()
        .into_root_schema_for::<Envelope>()
        .to_value();
    let defs = schema["$defs"].as_object().unwrap();
    for name in [
        "IntegrationRun",
        "Integration",
        "IntegrationError",
        "Flow",
        "Comment",
        "User",
    ] {
        assert!(defs.contains_key(name), "{name}: {:?}", defs.keys());
    }
    let v = jsonschema::draft202012::new(&schema).unwrap();
    let runs: Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_root().join("examples/coupa/integration-runs.json"))
            .unwrap(),
    )
    .unwrap();
    assert!(v.is_valid(&json!({"run": runs[0], "comments": []})));
    assert!(!v.is_valid(&json!({"run": {"total-records": "many"}})));
}

// ------------------------------------------------- the schema-file format

fn toml_as_json(text: &str) -> Value {
    let t: toml::Value = toml::from_str(text).unwrap();
    serde_json::to_value(t).unwrap()
}

fn format_validator() -> jsonschema::Validator {
    let path = workspace_root().join("schemas/elementa.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::meta::validate(&schema).unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

fn schema_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for vendor in std::fs::read_dir(dir).unwrap() {
        let vendor = vendor.unwrap().path();
        if !vendor.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&vendor).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "toml") {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_schema_file_names_and_satisfies_the_format_schema() {
    let v = format_validator();
    let files = schema_files(&workspace_root().join("schemas"));
    assert_eq!(files.len(), resources().len());
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert_eq!(
            text.lines().next(),
            Some("#:schema ../elementa.schema.json"),
            "{}",
            f.display()
        );
        let target = f.parent().unwrap().join("../elementa.schema.json");
        assert!(target.is_file(), "{}", target.display());
        let errors: Vec<String> = v
            .iter_errors(&toml_as_json(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
    }
    // The trybuild cases' good files too (they have no directive).
    for f in schema_files(&workspace_root().join("tests/ui/schemas")) {
        if f.components().any(|c| c.as_os_str() == "good") {
            let text = std::fs::read_to_string(&f).unwrap();
            assert!(v.is_valid(&toml_as_json(&text)), "{}", f.display());
        }
    }
}

#[test]
fn a_misspelled_key_fails_the_format_schema_and_the_checker() {
    let v = format_validator();
    let path = workspace_root().join("schemas/coupa/integration-run.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(v.is_valid(&toml_as_json(&text)));
    for (from, to) in [
        ("\nrequired = ", "\nrequird = "),
        (
            "\nwire = \"integration-run\"",
            "\nwir = \"integration-run\"",
        ),
        ("\ndialect = ", "\ndialekt = "),
        ("\nmethod = ", "\nmethd = "),
        ("[[element]]", "[[elements]]"),
        ("type = \"integer\"", "type = \"integr\""),
    ] {
        assert!(text.contains(from), "{from:?} is not in {}", path.display());
        let bad = text.replacen(from, to, 1);
        assert!(
            !v.is_valid(&toml_as_json(&bad)),
            "{to:?} passes the format schema"
        );
        let checked = elementa_schema::parse_resource(
            "schemas/coupa/integration-run.toml",
            "coupa",
            &bad,
            &|_| true,
        );
        assert!(checked.is_err(), "{to:?} passes the checker");
    }
}

#[test]
fn the_format_schema_accepts_every_type_the_checker_accepts() {
    let v = format_validator();
    for ty in [
        "integer",
        "decimal",
        "string",
        "text",
        "boolean",
        "datetime",
        "date",
        "timestamp",
        "strings",
    ] {
        let text = format!(
            "[resource]\nwire = \"thing\"\ndialect = \"coupa\"\ndoc = \"A thing.\"\n\n\
             [[element]]\nwire = \"field\"\ntype = \"{ty}\"\nout = true\n"
        );
        assert!(elementa_schema::parse_resource("thing.toml", "coupa", &text, &|_| true).is_ok());
        assert!(v.is_valid(&toml_as_json(&text)), "{ty}");
    }
    let text = "[resource]\nwire = \"thing\"\ndialect = \"flexi\"\ndoc = \"A thing.\"\n\n\
                [[element]]\nwire = \"owner\"\ntype = \"one\"\ntarget = \"thing\"\n\
                placement = \"element\"\n\n[[element]]\nwire = \"v\"\ntype = \"string\"\n\
                placement = \"attribute\"\nlength = 1\nvalues = [\"a\"]\n\n\
                [[action]]\nname = \"show\"\nmethod = \"get\"\npath = \"/things/:id\"\n";
    assert!(elementa_schema::parse_resource("thing.toml", "flexi", text, &|_| true).is_ok());
    assert!(v.is_valid(&toml_as_json(text)));
}
