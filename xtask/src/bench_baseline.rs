//! `cargo xtask bench-baseline [--check]`: writes the benches' baseline
//! structs, `tests/benches/support/equivalent.rs` — for each resource the
//! benches decode, the struct a team without elementa would write by hand
//! from the same element table, with `#[derive(Deserialize, Serialize)]`:
//! one `Option` per element under its wire name, typed as serde reads it
//! (integers, decimals, booleans and datetimes typed for Coupa; ABRA Flexi
//! sends every scalar as a string), associations as nested structs, and
//! Coupa's `custom-fields` object as a JSON map, an ABRA Flexi relation's
//! decorations (`firma@ref`, `firma@showAs`, …) as strings beside it.
//! Keeping the file derived
//! from the schemas keeps the baseline as wide as the generated types.

use std::fmt::Write as _;
use std::path::Path;

use elementa_schema::{Dialect, Resource, SchemaSet, Type};

/// The resources given a struct of their own: the benches' payloads and
/// the associations they fill. Any other association is a
/// `serde_json::Value`, as a hand-writer would leave what they do not use.
const RESOURCES: &[&str] = &[
    "coupa/expense-report",
    "coupa/expense-line",
    "coupa/expense-category",
    "coupa/user",
    "coupa/currency",
    "coupa/role",
    "coupa/order-header",
    "coupa/order-line",
    "coupa/supplier",
    "coupa/account",
    "flexi/faktura-vydana",
    "flexi/faktura-vydana-polozka",
];

/// The file's path, relative to the workspace root.
pub const PATH: &str = "tests/benches/support/equivalent.rs";

fn type_name(resource: &Resource) -> String {
    let mut out = String::new();
    for part in resource.wire.split(['-', '_']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

fn field_name(wire: &str, taken: &mut Vec<String>) -> String {
    let mut name = String::new();
    let mut prev_lower = false;
    for c in wire.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            name.push('_');
        }
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('_') {
            name.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    let mut name = name.trim_end_matches('_').to_owned();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'f');
    }
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else",
        "enum", "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
        "match", "mod", "move", "mut", "priv", "pub", "ref", "return", "self", "static", "struct",
        "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
        "where", "while", "yield", "abstract", "become", "do", "final", "override",
    ];
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    let base = name.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn rust_type(set: &SchemaSet, ids: &[&str], resource: &Resource, ty: &Type) -> String {
    let flexi = resource.dialect == Dialect::Flexi;
    let struct_of = |target: &str| {
        let id = format!("{}/{target}", resource.vendor);
        ids.contains(&id.as_str())
            .then(|| set.get(&id).map(type_name))
            .flatten()
    };
    match ty {
        Type::One { target } => match struct_of(target) {
            Some(t) => format!("Box<{t}>"),
            None => "serde_json::Value".into(),
        },
        Type::Many { target, .. } => match struct_of(target) {
            Some(t) => format!("Vec<{t}>"),
            None => "Vec<serde_json::Value>".into(),
        },
        Type::Strings { .. } => "Vec<String>".into(),
        Type::Any => "serde_json::Value".into(),
        _ if flexi => "String".into(),
        Type::Integer => "i64".into(),
        Type::Decimal => "rust_decimal::Decimal".into(),
        Type::Boolean => "bool".into(),
        Type::DateTime => "jiff::Timestamp".into(),
        Type::String | Type::Text | Type::Date | Type::Timestamp | Type::Relation { .. } => {
            "String".into()
        }
    }
}

/// The file's text.
pub fn render(set: &SchemaSet) -> Result<String, String> {
    let mut out = String::from(
        "// Written by `cargo xtask bench-baseline` from the schemas; do not edit.\n\
         //! The benches' baselines: for each resource they decode, the struct a team\n\
         //! without elementa would write by hand from the same element table —\n\
         //! one `Option` per element under its wire name, typed as serde reads it\n\
         //! (ABRA Flexi sends every scalar as a string), associations nested,\n\
         //! Coupa's custom fields as a JSON map, Flexi's relation decorations\n\
         //! beside their relation, nothing written for `None`.\n\n\
         #![allow(dead_code)]\n\n\
         use serde::{Deserialize, Serialize};\n",
    );
    structs(set, RESOURCES, &mut out)?;
    Ok(out)
}

/// The structs of `ids` (resource ids), each after the other, into `out`;
/// associations with a resource outside `ids` are `serde_json::Value`s.
pub fn structs(set: &SchemaSet, ids: &[&str], out: &mut String) -> Result<(), String> {
    for id in ids {
        let resource = set
            .get(id)
            .ok_or_else(|| format!("{id}: no such resource under schemas/"))?;
        let name = type_name(resource);
        let _ = write!(
            out,
            "\n/// `{id}`: {} elements.\n#[derive(Debug, Default, Deserialize, Serialize)]\npub struct {name} {{\n",
            resource.elements.len()
        );
        let mut taken = Vec::new();
        let mut custom_fields = false;
        for el in &resource.elements {
            custom_fields |= el.wire == "custom-fields";
            let field = field_name(&el.wire, &mut taken);
            let ty = rust_type(set, ids, resource, &el.ty);
            let _ = write!(
                out,
                "    #[serde(rename = \"{}\", default, skip_serializing_if = \"Option::is_none\")]\n    pub {field}: Option<{ty}>,\n",
                el.wire
            );
            // A Flexi relation travels with its decorations beside it
            // (`"firma@ref": "…"`): the hand-writer keeps them as elementa
            // does, or the baseline would drop part of the payload.
            if resource.dialect == Dialect::Flexi && matches!(el.ty, Type::Relation { .. }) {
                for decoration in elementa_schema::json::RELATION_DECORATIONS {
                    let wire = format!("{}@{decoration}", el.wire);
                    let field = field_name(&wire, &mut taken);
                    let _ = write!(
                        out,
                        "    #[serde(rename = \"{wire}\", default, skip_serializing_if = \"Option::is_none\")]\n    pub {field}: Option<String>,\n"
                    );
                }
            }
        }
        if resource.dialect == Dialect::Coupa && !custom_fields {
            let field = field_name("custom-fields", &mut taken);
            let _ = write!(
                out,
                "    #[serde(rename = \"custom-fields\", default, skip_serializing_if = \"Option::is_none\")]\n    pub {field}: Option<serde_json::Map<String, serde_json::Value>>,\n"
            );
        }
        out.push_str("}\n");
    }
    Ok(())
}

/// Writes the file, or with `check` says whether it is up to date.
pub fn run(root: &Path, check: bool) -> Result<(), String> {
    let (set, errors) = elementa_schema::load_dir(&root.join("schemas"), "schemas");
    if let Some(e) = errors.first() {
        return Err(format!("schemas do not load: {e}"));
    }
    let text = render(&set)?;
    let path = root.join(PATH);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == text {
        return Ok(());
    }
    if check {
        return Err(format!(
            "{PATH} differs from the schemas; run `cargo xtask bench-baseline`"
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("{PATH}: {e}"))?;
    println!("{PATH}: written");
    Ok(())
}
