//! One OpenAPI 3.1 document per vendor: every route of the schema files'
//! actions with its parameters, request and response bodies as components —
//! the very schemas of the JSON Schema bundles ([`crate::export_vendor`]),
//! renamed `in.<name>` / `out.<name>` — in JSON and XML, and the vendor's
//! authentication.
//!
//! ```
//! let coupa: Vec<_> = elementa_coupa::RESOURCES.iter().map(|m| m()).collect();
//! let doc = elementa_jsonschema::openapi::document("coupa", &coupa);
//! assert_eq!(doc["openapi"], "3.1.0");
//! let show = &doc["paths"]["/api/integration_runs/{id}"]["get"];
//! assert_eq!(show["parameters"][0]["name"], "id");
//! assert_eq!(show["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
//!            "#/components/schemas/out.integration-run.document");
//! ```

use std::collections::BTreeMap;

use elementa::{ActionMeta, Direction, Options, ResourceMeta};
use serde_json::{Map, Value, json};

use crate::export_vendor;

/// The component name of bundle definition `name` in `direction`
/// (`account+document` → `out.account.document`): OpenAPI component names
/// allow letters, digits, `.`, `-` and `_`.
fn component(direction: Direction, name: &str) -> String {
    format!("{direction}.{}", name.replace('+', "."))
}

/// Rewrites `#/$defs/X` references to the components of `direction`.
fn rewrite_refs(value: &mut Value, direction: Direction) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "$ref"
                    && let Value::String(r) = v
                    && let Some(name) = r.strip_prefix("#/$defs/")
                {
                    *r = format!("#/components/schemas/{}", component(direction, name));
                } else {
                    rewrite_refs(v, direction);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite_refs(v, direction)),
        _ => {}
    }
}

fn schemas(vendor: &str, resources: &[&'static ResourceMeta]) -> Map<String, Value> {
    let mut out = Map::new();
    for direction in [Direction::In, Direction::Out] {
        let mut bundle = export_vendor(vendor, resources, Options::new(direction));
        rewrite_refs(&mut bundle, direction);
        if let Some(Value::Object(defs)) = bundle.get_mut("$defs").map(Value::take) {
            for (name, schema) in defs {
                out.insert(component(direction, &name), schema);
            }
        }
    }
    out
}

fn reference(direction: Direction, wire: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{}", component(direction, &format!("{wire}+document"))) })
}

/// Both media types with the same schema (the codecs carry one element
/// table in either form).
fn content(schema: &Value) -> Value {
    json!({
        "application/json": { "schema": schema },
        "application/xml": { "schema": schema },
    })
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

/// The query parameters of an action: paging, projection, `exported` for
/// Coupa; `detail`, paging and `dry-run` for Flexi.
fn query_parameters(meta: &ResourceMeta, action: &ActionMeta, flexi: bool) -> Vec<Value> {
    let mut out = Vec::new();
    let read = action.method == "GET";
    if flexi {
        if read {
            out.push(query(
                "detail",
                "Level of detail: `id`, `summary`, `full` or `custom:a,b(c)`.",
                json!({ "type": "string" }),
            ));
        }
        if action.list {
            out.push(query(
                "start",
                "The first record, 0-based.",
                json!({ "type": "integer", "minimum": 0 }),
            ));
            out.push(query(
                "limit",
                "Records per page (0: all).",
                json!({ "type": "integer", "minimum": 0 }),
            ));
            out.push(query(
                "add-row-count",
                "Add the count of all records (`rowCount`).",
                json!({ "type": "boolean" }),
            ));
            out.push(query(
                "add-global-version",
                "Add the current global version (`globalVersion`).",
                json!({ "type": "boolean" }),
            ));
        }
        if action.body {
            out.push(query(
                "dry-run",
                "Check and answer without saving.",
                json!({ "type": "boolean" }),
            ));
        }
        return out;
    }
    if action.list {
        out.push(query(
            "offset",
            "Records to skip, 0-based.",
            json!({ "type": "integer", "minimum": 0 }),
        ));
        out.push(query(
            "limit",
            "Records per page (at most 50).",
            json!({ "type": "integer", "minimum": 1, "maximum": 50 }),
        ));
        out.push(query(
            "order_by",
            "A scalar element to order by.",
            json!({ "type": "string" }),
        ));
        out.push(query(
            "dir",
            "Order direction.",
            json!({ "enum": ["asc", "desc"] }),
        ));
        if meta.element("exported").is_some() {
            out.push(query(
                "exported",
                "Only records (not) exported.",
                json!({ "type": "boolean" }),
            ));
        }
    }
    out.push(query(
        "return_object",
        "How much of the record the answer carries.",
        json!({ "enum": ["none", "limited", "shallow"] }),
    ));
    out.push(query(
        "fields",
        "The elements the answer carries, as a JSON array (`[\"id\",{\"account\":[\"code\"]}]`).",
        json!({ "type": "string" }),
    ));
    out
}

/// The path without Rails' optional segments (`/image(/:style)` →
/// `/image`): OpenAPI has no optional path parts, so the operation is the
/// route without them.
fn required_part(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The names of a templated path's parameters, in order.
fn path_params(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .collect()
}

/// A path with its parameters' names blanked: paths that differ only in
/// those names are the same path to OpenAPI (`/a/{id}` and `/a/{a_id}`).
fn shape(path: &str) -> String {
    path.split('/')
        .map(|seg| if seg.starts_with('{') { "{}" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

fn operation(
    meta: &ResourceMeta,
    action: &ActionMeta,
    flexi: bool,
    id: String,
    path: &str,
) -> Value {
    let mut parameters: Vec<Value> = path_params(path)
        .into_iter()
        .map(|p| json!({ "name": p, "in": "path", "required": true, "schema": { "type": "string" } }))
        .collect();
    parameters.extend(query_parameters(meta, action, flexi));
    let mut filters = String::new();
    if action.list && !flexi {
        filters = "\n\nFilters: `element=value`, or `element[op]=value` with op one of contains, \
                   starts_with, ends_with, gt, lt, gt_or_eq, lt_or_eq, not_eq, in, not_in, blank; \
                   through associations as `association[element][op]=value`."
            .to_owned();
    }
    let answer = reference(Direction::Out, meta.wire);
    let success = if action.method == "POST" && !flexi {
        "201"
    } else {
        "200"
    };
    let mut op = json!({
        "operationId": id,
        "summary": action.doc,
        "description": format!("{} ({}){filters}", meta.doc, meta.id),
        "tags": [meta.id],
        "parameters": parameters,
        "responses": {
            success: { "description": "The answer.", "content": content(&answer) },
            "default": { "$ref": "#/components/responses/Error" },
        },
    });
    if action.body
        && let Some(map) = op.as_object_mut()
    {
        map.insert(
            "requestBody".into(),
            json!({ "required": true, "content": content(&reference(Direction::In, meta.wire)) }),
        );
    }
    op
}

/// OpenAPI's `{name}` for the schema files' `:name`.
fn template(path: &str) -> String {
    required_part(path)
        .split('/')
        .map(|seg| match seg.strip_prefix(':') {
            Some(name) => format!("{{{name}}}"),
            None => seg.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The OpenAPI 3.1 document of `vendor` (`coupa` or `flexi`) over
/// `resources` (that vendor's). Routes that share a method and path (ABRA
/// Flexi's `new` and `copy` are writes to the same URL) are one operation,
/// the others named in its description.
pub fn document(vendor: &str, resources: &[&'static ResourceMeta]) -> Value {
    let flexi = vendor == "flexi";
    // By shape: the first route of a shape names its parameters.
    let mut paths: BTreeMap<String, (String, Map<String, Value>)> = BTreeMap::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for meta in resources {
        for action in meta.actions {
            let path = template(action.path);
            let method = action.method.to_lowercase();
            let (shown, item) = paths
                .entry(shape(&path))
                .or_insert_with(|| (path.clone(), Map::new()));
            if let Some(existing) = item.get_mut(&method) {
                if let Some(Value::String(d)) = existing.get_mut("description") {
                    d.push_str(&format!(
                        "\n\nAlso `{}` of {}: {}",
                        action.name, meta.id, action.doc
                    ));
                }
                continue;
            }
            let base = format!("{}.{}", meta.wire, action.name);
            let n = ids.entry(base.clone()).or_default();
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}.{n}") };
            item.insert(method, operation(meta, action, flexi, id, shown));
        }
    }
    let (title, server, security) = if flexi {
        (
            "ABRA Flexi REST API",
            json!({ "url": "https://{server}:5434", "variables": { "server": { "default": "demo.flexibee.eu" } } }),
            json!({ "basic": { "type": "http", "scheme": "basic" } }),
        )
    } else {
        (
            "Coupa REST API (R39)",
            json!({ "url": "https://{instance}.coupahost.com", "variables": { "instance": { "default": "acme" } } }),
            json!({ "oauth2": { "type": "oauth2", "description": "OAuth2 client credentials; scopes are `core.<object>.<read|write>`.",
                                 "flows": { "clientCredentials": { "tokenUrl": "/oauth2/token", "scopes": {} } } } }),
        )
    };
    let scheme = if flexi { "basic" } else { "oauth2" };
    let error = if flexi { "write-response" } else { "errors" };
    let paths: Map<String, Value> = paths
        .into_values()
        .map(|(path, item)| (path, Value::Object(item)))
        .collect();
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": title,
            "version": env!("CARGO_PKG_VERSION"),
            "description": format!(
                "Generated by elementa from schemas/{vendor}/; do not edit (regenerate with `cargo xtask export-schemas`). \
                 Bodies are the element tables' JSON and XML wire forms; the schemas are those of schemas/json/{vendor}.*.json."
            ),
        },
        "servers": [server],
        "security": [{ scheme: [] }],
        "paths": paths,
        "components": {
            "schemas": schemas(vendor, resources),
            "responses": {
                "Error": {
                    "description": "An error status with the vendor's error body.",
                    "content": content(&reference(Direction::Out, error)),
                },
            },
            "securitySchemes": security,
        },
    })
}

/// The OpenAPI document of every vendor among `resources`, as (file name
/// relative to `schemas/openapi/`, canonical text), sorted.
pub fn export_all(resources: &[&'static ResourceMeta]) -> Vec<(String, String)> {
    let mut by_vendor: BTreeMap<&str, Vec<&'static ResourceMeta>> = BTreeMap::new();
    for meta in resources {
        let vendor = meta.id.split('/').next().unwrap_or(meta.id);
        by_vendor.entry(vendor).or_default().push(meta);
    }
    by_vendor
        .iter()
        .map(|(vendor, metas)| {
            (
                format!("{vendor}.openapi.json"),
                crate::to_string_pretty(&document(vendor, metas)),
            )
        })
        .collect()
}
