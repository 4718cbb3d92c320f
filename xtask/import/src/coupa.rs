//! Coupa: the R39 Swagger 2.0 files, one per API area.
//!
//! Rules (each listed so the mapping is reviewable):
//! - A definition becomes a resource; its wire name is the definition name
//!   dash-cased the way Rails writes XML roots (`OrderHeader` →
//!   `order-header`, `CoupaPay-Invoice` → `coupa-pay-invoice`). A definition
//!   that appears in several files is taken from the first (they are equal).
//! - `format` → type: `string(N)` → string of length N; `string` → string;
//!   `text` → text; `integer`, `int` → integer; `boolean`, `tinyint(1)` →
//!   boolean; `datetime` → datetime; `date` → date; `decimal(p,s)` →
//!   decimal with precision p and scale s; `decimal`, `float` and a
//!   `number` without format → decimal (kept exactly as its text); `time`
//!   → string (a time of day, kept as text). Any other format (`[]`,
//!   `true`, `comment`, `USD`, …) is not a type: the JSON `type` decides
//!   (string → string, integer → integer, boolean → boolean, number →
//!   decimal).
//! - `$ref` → `one` of the referenced definition; array of `$ref` →
//!   `many` of it. A property with neither a type nor a `$ref` (documented
//!   as "one of several objects") → `any`, kept as it came.
//! - `readOnly: true` → out only; otherwise in and out. `required` →
//!   required on create (a read-only property cannot be required, so that
//!   flag is dropped for it).
//! - `enum` → allowed values, for strings, integers and decimals (a boolean
//!   enum says nothing a boolean does not).
//! - Routes: every operation of every path becomes an `[[action]]` of the
//!   resource its 2xx response (or else its body, or else its tag) names,
//!   under `/api`. Names: a path ending in a parameter is a member route
//!   (GET `show`, PUT/PATCH `update`, DELETE `destroy`, POST `create`); a
//!   path ending in the resource's own collection segment is a collection
//!   route (GET `index`, POST `create`, PUT `update`); any other last
//!   segment names the action (`/invoices/{id}/abandon` → `abandon`).
//! - Descriptions are the vendor's prose and are not copied: docs are built
//!   from the facts (definition, API area, route).

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;

use super::model::{Action, Element, Resource, dash_case, snake};

#[derive(Deserialize)]
struct Swagger {
    #[serde(default)]
    paths: IndexMap<String, IndexMap<String, Operation>>,
    #[serde(default)]
    definitions: IndexMap<String, Definition>,
}

#[derive(Deserialize)]
struct Definition {
    #[serde(default)]
    properties: IndexMap<String, Property>,
    #[serde(default)]
    required: Vec<String>,
}

#[derive(Deserialize)]
struct Property {
    #[serde(rename = "type")]
    ty: Option<String>,
    format: Option<String>,
    #[serde(rename = "readOnly", default)]
    read_only: bool,
    #[serde(rename = "$ref")]
    reference: Option<String>,
    items: Option<Items>,
    #[serde(rename = "enum")]
    values: Option<Vec<serde_json::Value>>,
}

#[derive(Deserialize)]
struct Items {
    #[serde(rename = "$ref")]
    reference: Option<String>,
}

#[derive(Deserialize)]
struct Operation {
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    parameters: Vec<Parameter>,
    #[serde(default)]
    responses: IndexMap<String, Response>,
}

#[derive(Deserialize)]
struct Parameter {
    #[serde(rename = "in")]
    location: String,
    schema: Option<Schema>,
}

#[derive(Deserialize)]
struct Response {
    schema: Option<Schema>,
}

#[derive(Deserialize)]
struct Schema {
    #[serde(rename = "$ref")]
    reference: Option<String>,
    #[serde(rename = "type")]
    ty: Option<String>,
    items: Option<Items>,
    xml: Option<Xml>,
}

#[derive(Deserialize)]
struct Xml {
    name: Option<String>,
}

fn ref_name(r: &str) -> &str {
    r.rsplit('/').next().unwrap_or(r)
}

/// The API area of a spec file: `R39_Core_Platform_API.json` → `Core Platform API`.
fn area(file: &str) -> String {
    file.trim_end_matches(".json")
        .split('_')
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_len(inner: &str) -> Option<u32> {
    inner.trim().parse().ok().filter(|n| *n > 0)
}

fn element(wire: &str, p: &Property, required: bool) -> Element {
    let mut e = Element {
        wire: wire.to_owned(),
        api_in: !p.read_only,
        out: true,
        required: required && !p.read_only,
        ..Element::default()
    };
    if let Some(r) = &p.reference {
        e.ty = "one".into();
        e.target = Some(dash_case(ref_name(r)));
        return e;
    }
    if p.ty.as_deref() == Some("array") {
        match p.items.as_ref().and_then(|i| i.reference.as_deref()) {
            Some(r) => {
                e.ty = "many".into();
                e.target = Some(dash_case(ref_name(r)));
            }
            None => e.ty = "any".into(),
        }
        return e;
    }
    let format = p.format.as_deref().unwrap_or("");
    let by_json_type = |t: Option<&str>| match t {
        Some("integer") => "integer",
        Some("boolean") => "boolean",
        Some("number") => "decimal",
        Some(_) => "string",
        None => "any",
    };
    e.ty = if let Some(n) = format
        .strip_prefix("string(")
        .and_then(|r| r.strip_suffix(')'))
    {
        e.length = parse_len(n);
        "string".into()
    } else if let Some(ps) = format
        .strip_prefix("decimal(")
        .and_then(|r| r.strip_suffix(')'))
    {
        let mut it = ps.split(',');
        e.precision = it.next().and_then(parse_len);
        e.scale = it.next().and_then(|s| s.trim().parse().ok());
        "decimal".into()
    } else {
        match format {
            "string" | "time" => "string",
            "text" => "text",
            "integer" | "int" => "integer",
            "boolean" | "tinyint(1)" => "boolean",
            "datetime" => "datetime",
            "date" => "date",
            "decimal" | "float" => "decimal",
            _ => by_json_type(p.ty.as_deref()),
        }
        .into()
    };
    if let Some(values) = &p.values {
        let texts: Vec<String> = values
            .iter()
            .map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        let fits = match e.ty.as_str() {
            "string" | "text" => true,
            "integer" => texts.iter().all(|t| t.parse::<i64>().is_ok()),
            "decimal" => texts
                .iter()
                .all(|t| t.parse::<rust_decimal::Decimal>().is_ok()),
            _ => false,
        };
        if fits {
            let mut seen = std::collections::HashSet::new();
            e.values = texts
                .into_iter()
                .filter(|t| seen.insert(t.clone()))
                .collect();
        }
    }
    e
}

/// The resource (definition name) an operation serves.
fn served(op: &Operation) -> Option<(String, bool)> {
    for (code, r) in &op.responses {
        if !code.starts_with('2') {
            continue;
        }
        let Some(s) = &r.schema else { continue };
        if let Some(x) = &s.reference {
            return Some((ref_name(x).to_owned(), false));
        }
        if s.ty.as_deref() == Some("array")
            && let Some(x) = s.items.as_ref().and_then(|i| i.reference.as_deref())
        {
            return Some((ref_name(x).to_owned(), true));
        }
    }
    op.parameters
        .iter()
        .filter(|p| p.location == "body")
        .find_map(|p| p.schema.as_ref()?.reference.as_deref())
        .map(|x| (ref_name(x).to_owned(), false))
        .or_else(|| op.tags.first().map(|t| (t.clone(), false)))
}

fn list_root(op: &Operation) -> Option<String> {
    op.responses
        .values()
        .filter_map(|r| r.schema.as_ref())
        .filter(|s| s.ty.as_deref() == Some("array"))
        .find_map(|s| s.xml.as_ref()?.name.clone())
}

/// `/invoices/{invoiceId}/comments` → `/api/invoices/:invoice_id/comments`.
fn template(path: &str) -> String {
    let segs: Vec<String> = path
        .split('/')
        .map(
            |seg| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(p) => format!(":{}", snake(p)),
                None => seg.to_owned(),
            },
        )
        .collect();
    format!("/api{}", segs.join("/"))
}

/// The action name of a route: Rails' names for a resource's own routes
/// (`index`, `create`, `show`, `update` for PUT, `patch` for PATCH,
/// `destroy`), the last path segment for the others (`/:id/submit` → `submit`).
fn action_name(method: &str, path: &str, plural: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or("");
    // The resource's own collection: named after it, or the only segment
    // (`/api/purchase_orders` for `order-header`).
    let own = last.replace('_', "-") == plural || path.matches('/').count() == 2;
    match (last.starts_with(':'), own, method) {
        (true, _, "GET") => "show".into(),
        (true, _, "PATCH") => "patch".into(),
        (true, _, "PUT") => "update".into(),
        (true, _, "DELETE") => "destroy".into(),
        (true, _, _) => "create".into(),
        (false, true, "GET") => "index".into(),
        (false, true, "POST") => "create".into(),
        (false, true, "DELETE") => "destroy".into(),
        (false, true, "PATCH") => "patch".into(),
        (false, true, _) => "update".into(),
        (false, false, _) => snake(last),
    }
}

/// Imports every definition and route of the spec files under `dir`.
pub fn import(dir: &Path) -> Result<BTreeMap<String, Resource>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no Swagger files", dir.display()));
    }
    let mut specs = Vec::new();
    for f in &files {
        let text =
            std::fs::read_to_string(f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
        let spec: Swagger = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: {e}", f.display(), e.line(), e.column()))?;
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        specs.push((name, spec));
    }

    let mut out: BTreeMap<String, Resource> = BTreeMap::new();
    let mut by_def: BTreeMap<String, String> = BTreeMap::new();
    for (file, spec) in &specs {
        for (name, def) in &spec.definitions {
            let wire = dash_case(name);
            if out.contains_key(&wire) {
                continue;
            }
            by_def.insert(name.clone(), wire.clone());
            let elements = def
                .properties
                .iter()
                .map(|(p, prop)| element(p, prop, def.required.contains(p)))
                .collect();
            out.insert(
                wire.clone(),
                Resource {
                    wire,
                    dialect: "coupa",
                    doc: format!("Coupa's `{name}` object ({}, R39).", area(file)),
                    elements,
                    source: format!("Coupa R39 Swagger, definition `{name}` in {file}"),
                    ..Resource::default()
                },
            );
        }
    }
    for (file, spec) in &specs {
        for (path, ops) in &spec.paths {
            for (method, op) in ops {
                let method = method.to_ascii_uppercase();
                let Some((def, list)) = served(op) else {
                    continue;
                };
                let Some(r) = by_def.get(&def).and_then(|w| out.get_mut(w)) else {
                    continue;
                };
                if let Some(root) = list_root(op)
                    && root != elementa_schema::pluralize(&r.wire)
                {
                    r.plural = Some(root);
                }
                let plural = r
                    .plural
                    .clone()
                    .unwrap_or_else(|| elementa_schema::pluralize(&r.wire));
                let path = template(path);
                if r.actions
                    .iter()
                    .any(|a| a.method == method && a.path == path)
                {
                    continue;
                }
                let body = op.parameters.iter().any(|p| p.location == "body");
                let name = action_name(&method, &path, &plural);
                if !path.contains(':') && !r.paths.contains(&path) {
                    r.paths.push(path.clone());
                }
                r.actions.push(Action {
                    doc: format!("{method} {path} ({}, R39).", area(file)),
                    name,
                    method,
                    path,
                    body,
                    list,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_named_from_their_shape() {
        assert_eq!(action_name("GET", "/api/users", "users"), "index");
        assert_eq!(action_name("GET", "/api/users/:id", "users"), "show");
        assert_eq!(action_name("PATCH", "/api/users/:id", "users"), "patch");
        assert_eq!(action_name("PUT", "/api/users/:id", "users"), "update");
        assert_eq!(
            action_name("POST", "/api/purchase_orders", "order-headers"),
            "create"
        );
        assert_eq!(
            action_name(
                "POST",
                "/api/integration_errors/create_alert",
                "integration-errors"
            ),
            "create_alert"
        );
        assert_eq!(
            action_name("PUT", "/api/integration_runs/:id/fail", "integration-runs"),
            "fail"
        );
        assert_eq!(
            action_name("POST", "/api/invoices/:invoice_id/comments", "comments"),
            "create"
        );
        assert_eq!(
            template("/invoices/{invoiceId}/comments"),
            "/api/invoices/:invoice_id/comments"
        );
    }

    #[test]
    fn formats_map_to_types() {
        let p = |ty: &str, format: &str| Property {
            ty: Some(ty.into()),
            format: Some(format.into()),
            read_only: false,
            reference: None,
            items: None,
            values: None,
        };
        let e = element("x", &p("string", "string(40)"), true);
        assert_eq!(
            (e.ty.as_str(), e.length, e.required),
            ("string", Some(40), true)
        );
        let e = element("x", &p("number", "decimal(32,4)"), false);
        assert_eq!(
            (e.ty.as_str(), e.precision, e.scale),
            ("decimal", Some(32), Some(4))
        );
        assert_eq!(
            element("x", &p("string", "tinyint(1)"), false).ty,
            "boolean"
        );
        assert_eq!(element("x", &p("string", "USD"), false).ty, "string");
        assert_eq!(element("x", &p("number", "float"), false).ty, "decimal");
        let mut ro = p("string", "datetime");
        ro.read_only = true;
        let e = element("x", &ro, true);
        assert_eq!((e.api_in, e.out, e.required), (false, true, false));
    }
}
