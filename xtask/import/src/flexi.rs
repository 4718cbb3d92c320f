//! ABRA Flexi: the property lists a live server publishes per evidence
//! (`Properties.<evidence>.json`), with `Relations.json` (sub-evidences),
//! `Actions.json` (actions) and `EvidenceFullList.json` (evidence types).
//!
//! Rules (each listed so the mapping is reviewable):
//! - Every evidence with at least one property becomes a resource named
//!   after its path (`faktura-vydana`), in the property list's order.
//! - `type` → type: `string` → string (`maxLength` → length); `integer` →
//!   integer; `numeric` → decimal (`digits` → precision, `decimal` →
//!   scale); `date` → date; `datetime` → datetime; `logic` → boolean;
//!   `select` → string whose allowed values are the value keys
//!   (`stavUhr.uhrazeno`); `relation` → relation (a record identifier,
//!   `123`, `code:X`, `ext:SYS:1`) to `fkEvidencePath` when that evidence
//!   is imported; `yearMonth` → string of length 7 (`2019-01`); `array`
//!   and `blob` → any (kept as they came).
//! - The record's own `id` is a relation to the evidence itself (a write
//!   may name a record by any identifier); `external-ids` are the record's
//!   further identifiers: repeated `<id>` children in XML, a list in JSON;
//!   both are API-in (they name the record a write updates).
//! - `isWritable` → API-in; every property is API-out; `mandatory` →
//!   required on create (only for writable properties).
//! - Detail levels: the least of `inId` → `id`, `inSummary` → `summary`,
//!   `inDetail` → `full`, else `expensive` (only when asked for by name).
//! - Sub-evidences (`Relations.json`) → `many` lists of the sub-evidence's
//!   records (`polozkyDokladu` of `faktura-vydana-polozka`), API-in and out,
//!   carried only when asked for.
//! - Actions (`Actions.json`) → `[[action]]`s that send the record with
//!   `action="…"`: `PUT /c/:firm/<evidence>/:id` with a body; the standard
//!   listing, show, write and delete routes are added for every evidence.
//! - The import format's record attributes → attribute elements, API-in
//!   only: `update` and `create` (`ok`, `ignore`, `fail`), `action` (the
//!   evidence's action ids from `Actions.json`, and `delete`),
//!   `removeExternalIds`.
//! - Czech names and titles are the vendor's prose and are not copied.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;

use super::model::{Action, Element, Resource, snake};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Property {
    #[serde(rename = "type")]
    ty: String,
    max_length: Option<String>,
    digits: Option<String>,
    decimal: Option<String>,
    #[serde(default)]
    mandatory: Flag,
    #[serde(default)]
    is_writable: Flag,
    #[serde(default)]
    in_id: Flag,
    #[serde(default)]
    in_summary: Flag,
    #[serde(default)]
    in_detail: Flag,
    fk_evidence_path: Option<String>,
    values: Option<Values>,
}

/// The metadata's `"true"` / `"false"` strings.
#[derive(Deserialize, Default, Clone, Copy)]
#[serde(from = "String")]
struct Flag(bool);

impl From<String> for Flag {
    fn from(s: String) -> Self {
        Flag(s == "true")
    }
}

#[derive(Deserialize)]
struct Values {
    value: OneOrMany<Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

#[derive(Deserialize)]
struct Value {
    #[serde(rename = "@key")]
    key: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sub {
    evidence_type: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Evidence {
    evidence_type: String,
    evidence_path: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FlexiAction {
    action_id: String,
    need_instance: Flag,
}

/// A table by name; the metadata writes an empty one as `[]` (or `null`).
#[derive(Deserialize)]
#[serde(untagged)]
enum Table<T> {
    Named(IndexMap<String, T>),
    Empty(serde::de::IgnoredAny),
}

impl<T> Table<T> {
    fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        match self {
            Table::Named(m) => Some(m.iter()),
            Table::Empty(_) => None,
        }
        .into_iter()
        .flatten()
    }
}

fn read<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))
}

fn number(s: &Option<String>) -> Option<u32> {
    s.as_deref()?.trim().parse().ok()
}

fn element(wire: &str, p: &Property, evidence: &str, known: &dyn Fn(&str) -> bool) -> Element {
    let mut e = Element {
        wire: wire.to_owned(),
        api_in: p.is_writable.0,
        out: true,
        required: p.mandatory.0 && p.is_writable.0,
        detail: Some(
            if p.in_id.0 {
                "id"
            } else if p.in_summary.0 {
                "summary"
            } else if p.in_detail.0 {
                "full"
            } else {
                "expensive"
            }
            .to_owned(),
        ),
        ..Element::default()
    };
    // The identifiers name the record a write updates (the metadata marks
    // them not writable: they cannot be changed, but they are sent).
    if wire == "id" {
        e.ty = "relation".into();
        e.target = Some(evidence.to_owned());
        e.api_in = true;
        return e;
    }
    if wire == "external-ids" {
        e.api_in = true;
        e.ty = "strings".into();
        e.item = Some("id".into());
        e.inline = true;
        return e;
    }
    e.ty = match p.ty.as_str() {
        "string" => {
            e.length = number(&p.max_length).filter(|n| *n > 0);
            "string"
        }
        "integer" => "integer",
        "numeric" => {
            e.precision = number(&p.digits).filter(|n| *n > 0);
            e.scale = number(&p.decimal).filter(|s| e.precision.is_none_or(|p| *s <= p));
            "decimal"
        }
        "date" => "date",
        "datetime" => "datetime",
        "logic" => "boolean",
        "select" => {
            e.length = number(&p.max_length).filter(|n| *n > 0);
            if let Some(v) = &p.values {
                let keys: Vec<String> = match &v.value {
                    OneOrMany::One(v) => vec![v.key.clone()],
                    OneOrMany::Many(vs) => vs.iter().map(|v| v.key.clone()).collect(),
                };
                let mut seen = std::collections::HashSet::new();
                e.values = keys
                    .into_iter()
                    .filter(|k| seen.insert(k.clone()))
                    .collect();
                if let Some(max) = e.length
                    && e.values.iter().any(|v| v.chars().count() > max as usize)
                {
                    e.length = None;
                }
            }
            "string"
        }
        "relation" => {
            e.target = p.fk_evidence_path.clone().filter(|t| known(t));
            "relation"
        }
        "yearMonth" => {
            e.length = Some(7);
            "string"
        }
        _ => "any",
    }
    .into();
    e
}

/// Imports every evidence with content from the metadata under `dir`.
pub fn import(dir: &Path) -> Result<BTreeMap<String, Resource>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| {
            n.strip_prefix("Properties.")?
                .strip_suffix(".json")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("{}: no Properties.*.json files", dir.display()));
    }
    let mut props: BTreeMap<String, IndexMap<String, Property>> = BTreeMap::new();
    for n in &names {
        let path = dir.join(format!("Properties.{n}.json"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        // An evidence without content is published as `[]`.
        if text.trim() == "[]" {
            continue;
        }
        let p: IndexMap<String, Property> = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))?;
        if !p.is_empty() {
            props.insert(n.clone(), p);
        }
    }
    let evidences: IndexMap<String, Evidence> = read(&dir.join("EvidenceFullList.json"))?;
    let path_of: BTreeMap<&str, &str> = evidences
        .values()
        .map(|e| (e.evidence_type.as_str(), e.evidence_path.as_str()))
        .collect();
    let relations: IndexMap<String, Table<Sub>> = read(&dir.join("Relations.json"))?;
    let actions: IndexMap<String, Table<FlexiAction>> = read(&dir.join("Actions.json"))?;

    let known = |t: &str| props.contains_key(t);
    let mut out = BTreeMap::new();
    for (ev, ps) in &props {
        let mut elements: Vec<Element> =
            ps.iter().map(|(w, p)| element(w, p, ev, &known)).collect();
        let mut subs = Vec::new();
        for (url, sub) in relations.get(ev).into_iter().flat_map(Table::iter) {
            let Some(target) = path_of.get(sub.evidence_type.as_str()).filter(|t| known(t)) else {
                continue;
            };
            if elements.iter().any(|e| &e.wire == url) {
                continue;
            }
            elements.push(Element {
                wire: url.clone(),
                ty: "many".into(),
                target: Some((*target).to_owned()),
                api_in: true,
                out: true,
                detail: Some("expensive".into()),
                ..Element::default()
            });
            subs.push(url.clone());
        }
        // The import format's attributes on a record: how to treat it when
        // it exists or not, and an action to run on it (write side only).
        let mut action_values: Vec<String> = actions
            .get(ev)
            .into_iter()
            .flat_map(Table::iter)
            .map(|(_, a)| a.action_id.clone())
            .collect();
        if !action_values.iter().any(|a| a == "delete") {
            action_values.insert(0, "delete".into());
        }
        let mode = || vec!["ok".to_owned(), "ignore".to_owned(), "fail".to_owned()];
        for (wire, values, doc) in [
            (
                "update",
                mode(),
                "When the record exists: update it (`ok`), skip it (`ignore`) or fail.",
            ),
            (
                "create",
                mode(),
                "When the record does not exist: create it (`ok`), skip it (`ignore`) or fail.",
            ),
            (
                "action",
                action_values,
                "An action to run on the record instead of writing it (the evidence's actions).",
            ),
            (
                "removeExternalIds",
                Vec::new(),
                "Removes the record's external identifiers with this prefix (`ext:SHOP:`).",
            ),
        ] {
            if elements.iter().any(|e| e.wire == wire) {
                continue;
            }
            elements.push(Element {
                wire: wire.into(),
                doc: Some(doc.into()),
                ty: "string".into(),
                api_in: true,
                values,
                placement: Some("attribute".into()),
                ..Element::default()
            });
        }
        let base = format!("/c/:firm/{ev}");
        let member = format!("{base}/:id");
        let mut routes = vec![
            Action {
                name: "index".into(),
                method: "GET".into(),
                path: base.clone(),
                doc: "Lists records (`detail`, `start`, `limit`, filters).".into(),
                list: true,
                ..Action::default()
            },
            Action {
                name: "show".into(),
                method: "GET".into(),
                path: member.clone(),
                doc: "One record by identifier.".into(),
                ..Action::default()
            },
            Action {
                name: "write".into(),
                method: "PUT".into(),
                path: base.clone(),
                doc: "Creates or updates the records of the body (the import format).".into(),
                body: true,
                ..Action::default()
            },
            Action {
                name: "destroy".into(),
                method: "DELETE".into(),
                path: member.clone(),
                doc: "Deletes a record.".into(),
                ..Action::default()
            },
        ];
        for a in actions
            .get(ev)
            .into_iter()
            .flat_map(Table::iter)
            .map(|(_, a)| a)
        {
            let name = snake(&a.action_id);
            if routes.iter().any(|r| r.name == name) {
                continue;
            }
            routes.push(Action {
                doc: format!(
                    "Action `{}`: the record sent with `action=\"{}\"`{}.",
                    a.action_id,
                    a.action_id,
                    if a.need_instance.0 {
                        ", naming an existing record"
                    } else {
                        ""
                    }
                ),
                name,
                method: "PUT".into(),
                path: if a.need_instance.0 {
                    member.clone()
                } else {
                    base.clone()
                },
                body: true,
                list: false,
            });
        }
        let mut source = format!("ABRA Flexi metadata, Properties.{ev}.json");
        if !subs.is_empty() {
            source.push_str(", Relations.json");
        }
        if actions.get(ev).is_some_and(|t| t.iter().next().is_some()) {
            source.push_str(", Actions.json");
        }
        elements.dedup_by(|a, b| a.wire == b.wire);
        out.insert(
            ev.clone(),
            Resource {
                wire: ev.clone(),
                dialect: "flexi",
                doc: format!("ABRA Flexi evidence `{ev}`."),
                paths: vec![base],
                elements,
                actions: routes,
                source,
                ..Resource::default()
            },
        );
    }
    Ok(out)
}
