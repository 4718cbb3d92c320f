//! The per-vendor override file (`schemas/<vendor>.overrides.toml`):
//! corrections of the specs' known faults and the facts they lack (natural
//! keys, routes, the seeds' facts, which win over the specs), declared once
//! and applied on every import, never as hand edits of generated files.
//!
//! ```toml
//! [[resource]]
//! wire = "expense-report"            # a resource the specs define, or a new one (`new = true`)
//! natural-keys = ["id"]              # resource keys replace the imported ones
//! order = ["id", "created-at"]       # these elements first, in this order
//!
//! [[resource.element]]
//! wire = "currency"
//! target = "currency"                # element keys replace the imported facts
//! unset = ["length"]                 # imported facts to drop
//! # remove = true                    # drop the element
//!
//! # replace-actions = true            # the actions below are all there are
//! [[resource.action]]                # added; replaces an imported route with the same method and path
//! name = "run"
//! method = "PUT"
//! path = "/api/integration_runs/:id/run"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::model::{Action, Element, Resource};

/// The whole override file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[serde(default)]
    pub resource: Vec<ResourceOverride>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ResourceOverride {
    pub wire: String,
    #[serde(default)]
    pub new: bool,
    pub rust: Option<String>,
    pub root: Option<String>,
    pub plural: Option<String>,
    pub dialect: Option<String>,
    pub doc: Option<String>,
    pub paths: Option<Vec<String>>,
    pub natural_keys: Option<Vec<String>>,
    #[serde(default)]
    pub order: Vec<String>,
    /// The listed actions are all the resource has (imported ones are dropped).
    #[serde(default)]
    pub replace_actions: bool,
    #[serde(default)]
    pub element: Vec<ElementOverride>,
    #[serde(default)]
    pub action: Vec<ActionOverride>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ElementOverride {
    pub wire: String,
    #[serde(default)]
    pub remove: bool,
    #[serde(default)]
    pub unset: Vec<String>,
    pub doc: Option<String>,
    #[serde(rename = "type")]
    pub ty: Option<String>,
    pub target: Option<String>,
    pub item: Option<String>,
    pub inline: Option<bool>,
    #[serde(rename = "in")]
    pub api_in: Option<bool>,
    pub out: Option<bool>,
    pub required: Option<bool>,
    pub unique: Option<bool>,
    pub length: Option<u32>,
    pub precision: Option<u32>,
    pub scale: Option<u32>,
    pub detail: Option<String>,
    pub values: Option<Vec<String>>,
    pub placement: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionOverride {
    pub name: String,
    pub method: String,
    pub path: String,
    #[serde(default)]
    pub doc: String,
    #[serde(default)]
    pub body: bool,
    #[serde(default)]
    pub list: bool,
}

/// Reads an override file; a missing file is no overrides.
pub fn load(path: &std::path::Path) -> Result<Overrides, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    let (line, col) = elementa::line_col(&text, s.start);
                    format!("{line}:{col}: ")
                })
                .unwrap_or_default();
            format!("{}:{at}{}", path.display(), e.message().trim_end())
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Overrides::default()),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

impl ElementOverride {
    /// Applies the override to `e`; returns the names of the facts it set.
    fn apply(&self, e: &mut Element) -> Result<Vec<&'static str>, String> {
        let mut set = Vec::new();
        for key in &self.unset {
            match key.as_str() {
                "doc" => e.doc = None,
                "target" => e.target = None,
                "item" => e.item = None,
                "length" => e.length = None,
                "precision" => e.precision = None,
                "scale" => e.scale = None,
                "detail" => e.detail = None,
                "values" => e.values.clear(),
                "placement" => e.placement = None,
                other => {
                    return Err(format!(
                        "element `{}`: cannot unset `{other}` (doc, target, item, length, \
                         precision, scale, detail, values, placement)",
                        self.wire
                    ));
                }
            }
            set.push("unset");
        }
        macro_rules! take {
            ($($field:ident => $name:literal: $value:expr),* $(,)?) => {$(
                if let Some(v) = &self.$field {
                    #[allow(clippy::redundant_closure_call)]
                    { e.$field = ($value)(v); }
                    set.push($name);
                }
            )*};
        }
        take! {
            doc => "doc": |v: &String| Some(v.clone()),
            ty => "type": |v: &String| v.clone(),
            target => "target": |v: &String| Some(v.clone()),
            item => "item": |v: &String| Some(v.clone()),
            inline => "inline": |v: &bool| *v,
            api_in => "in": |v: &bool| *v,
            out => "out": |v: &bool| *v,
            required => "required": |v: &bool| *v,
            unique => "unique": |v: &bool| *v,
            length => "length": |v: &u32| Some(*v),
            precision => "precision": |v: &u32| Some(*v),
            scale => "scale": |v: &u32| Some(*v),
            detail => "detail": |v: &String| Some(v.clone()),
            values => "values": |v: &Vec<String>| v.clone(),
            placement => "placement": |v: &String| Some(v.clone()),
        }
        set.dedup();
        Ok(set)
    }
}

/// Applies `overrides` to the imported `resources` (by wire name); new
/// resources are added. Every override must find its target: a stale
/// override is an error, so the file never silently stops applying.
pub fn apply(
    resources: &mut BTreeMap<String, Resource>,
    overrides: &Overrides,
    dialect: &'static str,
) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    for o in &overrides.resource {
        if o.new {
            if resources.contains_key(&o.wire) {
                errors.push(format!(
                    "resource `{}` is marked `new` but the specs define it",
                    o.wire
                ));
                continue;
            }
            resources.insert(
                o.wire.clone(),
                Resource {
                    wire: o.wire.clone(),
                    dialect,
                    source: "the override file (not in the vendor's metadata)".to_owned(),
                    ..Resource::default()
                },
            );
        }
        let Some(r) = resources.get_mut(&o.wire) else {
            errors.push(format!(
                "resource `{}` is not in the specs (mark it `new = true` to define it)",
                o.wire
            ));
            continue;
        };
        let mut touched: Vec<String> = Vec::new();
        macro_rules! resource_keys {
            ($($field:ident => $name:literal),*) => {$(
                if let Some(v) = &o.$field {
                    r.$field = v.clone().into();
                    if !o.new { touched.push($name.to_owned()); }
                }
            )*};
        }
        resource_keys!(rust => "rust", root => "root", plural => "plural", doc => "doc",
            paths => "paths", natural_keys => "natural-keys");
        if let Some(d) = &o.dialect {
            r.dialect = match d.as_str() {
                "coupa" => "coupa",
                "flexi" => "flexi",
                other => {
                    errors.push(format!("resource `{}`: unknown dialect `{other}`", o.wire));
                    dialect
                }
            };
        }
        let mut changed = Vec::new();
        for eo in &o.element {
            let pos = r.elements.iter().position(|e| e.wire == eo.wire);
            match (pos, eo.remove) {
                (Some(i), true) => {
                    r.elements.remove(i);
                    changed.push(format!("-{}", eo.wire));
                }
                (None, true) => errors.push(format!(
                    "resource `{}`: element `{}` to remove is not imported",
                    o.wire, eo.wire
                )),
                (Some(i), false) => match r.elements.get_mut(i).map(|e| eo.apply(e)) {
                    Some(Ok(keys)) => changed.push(format!("{} ({})", eo.wire, keys.join(", "))),
                    Some(Err(e)) => errors.push(format!("resource `{}`: {e}", o.wire)),
                    None => {}
                },
                (None, false) => {
                    let mut e = Element {
                        wire: eo.wire.clone(),
                        ..Element::default()
                    };
                    match eo.apply(&mut e) {
                        Ok(_) if e.ty.is_empty() => errors.push(format!(
                            "resource `{}`: new element `{}` needs a `type`",
                            o.wire, eo.wire
                        )),
                        Ok(_) => {
                            r.elements.push(e);
                            changed.push(format!("+{}", eo.wire));
                        }
                        Err(e) => errors.push(format!("resource `{}`: {e}", o.wire)),
                    }
                }
            }
        }
        if !o.order.is_empty() {
            let mut first = Vec::new();
            for w in &o.order {
                match r.elements.iter().position(|e| &e.wire == w) {
                    Some(i) => first.push(r.elements.remove(i)),
                    None => errors.push(format!(
                        "resource `{}`: `order` names `{w}`, which is not an element",
                        o.wire
                    )),
                }
            }
            first.append(&mut r.elements);
            r.elements = first;
            touched.push("order".to_owned());
        }
        if !changed.is_empty() && !o.new {
            touched.push(format!("elements {}", changed.join(", ")));
        }
        let mut added = 0;
        if o.replace_actions {
            r.actions.clear();
            if !o.new {
                touched.push("actions replaced".to_owned());
            }
        }
        for a in &o.action {
            let action = Action {
                name: a.name.clone(),
                method: a.method.to_ascii_uppercase(),
                path: a.path.clone(),
                doc: a.doc.clone(),
                body: a.body,
                list: a.list,
            };
            match r
                .actions
                .iter_mut()
                .find(|x| x.method == action.method && x.path == action.path)
            {
                Some(x) => *x = action,
                None => r.actions.push(action),
            }
            added += 1;
        }
        if added > 0 && !o.new {
            touched.push(format!("{added} action(s)"));
        }
        r.overridden.extend(touched);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
