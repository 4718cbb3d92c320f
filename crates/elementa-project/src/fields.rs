//! The `fields` selection: parsed from JSON and checked against the schema.

use elementa::ResourceMeta;
use serde_json::Value;

/// A `fields` selection that names only elements of its resource.
#[derive(Debug, Clone)]
pub struct Fields {
    meta: &'static ResourceMeta,
    root: Selected,
    json: String,
}

/// The elements selected on one level, in schema order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selected {
    /// Element indexes, each with the selection of its association's target
    /// (`None`: the whole element).
    pub elements: Vec<(usize, Option<Selected>)>,
    /// Whether `{"custom_fields":{}}` asked for every custom field (elements
    /// named `custom-field-…` and elements the schema does not name).
    pub custom_fields: bool,
}

/// A `fields` selection that does not fit the schema, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldsError {
    /// The selection is not JSON.
    #[error("fields: not valid JSON at column {column}: {message}")]
    Json {
        /// 1-based column in the selection text.
        column: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// A name that is not an element of the resource.
    #[error("{at}: `{name}` is not an element of {resource}{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    Unknown {
        /// Where in the selection (`fields[2].expense_lines[0]`).
        at: String,
        /// The name as written.
        name: String,
        /// The resource it was looked up in.
        resource: &'static str,
        /// The closest element name, in the spelling style of `name`.
        suggestion: Option<String>,
    },
    /// A nested selection on an element that is not an association.
    #[error("{at}: `{name}` is not an association, so it cannot take a nested selection")]
    NotAssociation {
        /// Where in the selection.
        at: String,
        /// The name as written.
        name: String,
    },
    /// Something that is neither a name nor an object of nested selections.
    #[error("{at}: expected a field name or an object of nested selections, found {found}")]
    Shape {
        /// Where in the selection.
        at: String,
        /// What was found.
        found: String,
    },
}

impl PartialEq for Fields {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.meta, other.meta) && self.root == other.root
    }
}

impl Fields {
    /// Parses a `fields` value (`["id",{"expense_lines":["id","amount"]}]`)
    /// and checks every name against `meta`. Names may use underscores (as
    /// Coupa's documentation does) or dashes (as the wire does).
    pub fn parse(text: &str, meta: &'static ResourceMeta) -> Result<Fields, FieldsError> {
        let value: Value = serde_json::from_str(text).map_err(|e| FieldsError::Json {
            column: e.column(),
            message: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_owned(),
        })?;
        let root = select(&value, meta, "fields")?;
        Ok(Fields {
            meta,
            root,
            json: value.to_string(),
        })
    }

    /// The resource the selection was checked against.
    pub fn resource(&self) -> &'static ResourceMeta {
        self.meta
    }

    /// The selection of the top level.
    pub fn selected(&self) -> &Selected {
        &self.root
    }

    /// The selection as compact JSON, in the spelling it was given.
    pub fn to_json(&self) -> String {
        self.json.clone()
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn is_custom_fields(name: &str) -> bool {
    name == "custom_fields" || name == "custom-fields"
}

/// Looks `name` up with underscores read as dashes.
fn find(meta: &'static ResourceMeta, name: &str) -> Option<usize> {
    meta.element(name)
        .or_else(|| meta.element(&name.replace('_', "-")))
        .map(|(i, _)| i)
}

fn suggest(meta: &ResourceMeta, name: &str) -> Option<String> {
    let wanted = name.replace('_', "-");
    let (best, distance) = meta
        .elements
        .iter()
        .map(|e| (e.wire, strsim::levenshtein(&wanted, e.wire)))
        .min_by_key(|(_, d)| *d)?;
    let limit = (wanted.chars().count() / 3).max(2);
    (distance <= limit).then(|| {
        if name.contains('_') || !name.contains('-') {
            best.replace('-', "_")
        } else {
            best.to_owned()
        }
    })
}

fn unknown(meta: &'static ResourceMeta, name: &str, at: String) -> FieldsError {
    FieldsError::Unknown {
        at,
        name: name.to_owned(),
        resource: meta.id,
        suggestion: suggest(meta, name),
    }
}

fn select(value: &Value, meta: &'static ResourceMeta, at: &str) -> Result<Selected, FieldsError> {
    let Value::Array(items) = value else {
        return Err(FieldsError::Shape {
            at: at.to_owned(),
            found: describe(value),
        });
    };
    let mut out = Selected::default();
    for (k, item) in items.iter().enumerate() {
        let here = format!("{at}[{k}]");
        match item {
            Value::String(name) if is_custom_fields(name) => out.custom_fields = true,
            Value::String(name) => {
                let i = find(meta, name).ok_or_else(|| unknown(meta, name, here.clone()))?;
                out.elements.push((i, None));
            }
            Value::Object(map) => {
                for (name, nested) in map {
                    if is_custom_fields(name) {
                        out.custom_fields = true;
                        continue;
                    }
                    let i = find(meta, name).ok_or_else(|| unknown(meta, name, here.clone()))?;
                    let target = meta
                        .elements
                        .get(i)
                        .and_then(|e| e.kind.target())
                        .ok_or_else(|| FieldsError::NotAssociation {
                            at: here.clone(),
                            name: name.clone(),
                        })?;
                    let sub = select(nested, target, &format!("{here}.{name}"))?;
                    out.elements.push((i, Some(sub)));
                }
            }
            other => {
                return Err(FieldsError::Shape {
                    at: here,
                    found: describe(other),
                });
            }
        }
    }
    out.elements.sort_by_key(|(i, _)| *i);
    out.elements.dedup_by_key(|(i, _)| *i);
    Ok(out)
}
