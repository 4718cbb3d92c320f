//! What changed between two schema sets — for example before and after
//! re-importing a newer vendor release — sorted by impact on code and data
//! built against the old one.
//!
//! Breaking: a resource, element or route removed; an element's type
//! changed; an element that became required (or a new required one) or
//! unique; a length shortened or newly imposed; an allowed value removed or
//! a list of allowed values newly imposed; a decimal's precision or scale
//! reduced; an element no longer accepted in requests or no longer sent in
//! responses; an element's place in XML changed; a route taking a body or
//! not (a renamed action is a route removed and one added). Additive: the
//! opposite of each where there is one.
//! Documentation changes are not reported.
//!
//! ```
//! use elementa_schema::diff::{Impact, diff};
//! use elementa_schema::{SchemaSet, parse_resource};
//!
//! let set = |text: &str| {
//!     let r = parse_resource("user.toml", "coupa", text, &|_| true).unwrap();
//!     let mut s = SchemaSet::default();
//!     s.resources.insert(r.id(), r);
//!     s
//! };
//! let old = set("[resource]\nwire = \"user\"\ndialect = \"coupa\"\npaths = [\"/api/users\"]\ndoc = \"Users.\"\n[[element]]\nwire = \"login\"\ntype = \"string\"\nlength = 255\n");
//! let new = set("[resource]\nwire = \"user\"\ndialect = \"coupa\"\npaths = [\"/api/users\"]\ndoc = \"Users.\"\n[[element]]\nwire = \"login\"\ntype = \"string\"\nlength = 100\n");
//! let changes = diff(&old, &new);
//! assert_eq!(changes[0].impact, Impact::Breaking);
//! assert_eq!(changes[0].message, "`login`: length shortened from 255 to 100");
//! ```

use std::fmt;

use crate::load::SchemaSet;
use crate::model::{Action, Element, Resource};

/// How a change affects code and data built against the old schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Payloads valid before may be refused, or code may no longer compile.
    Breaking,
    /// Only adds or relaxes.
    Additive,
}

impl Impact {
    /// `breaking` or `additive`.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Breaking => "breaking",
            Impact::Additive => "additive",
        }
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Its impact.
    pub impact: Impact,
    /// What kind of change (`element-removed`, `type-changed`, …).
    pub rule: &'static str,
    /// The resource id (`coupa/user`).
    pub resource: String,
    /// The element's wire name, for element changes.
    pub element: Option<String>,
    /// The 1-based line of the element in the schema file it is in (the new
    /// file, or the old one for removals); 1 for whole-resource changes.
    pub line: usize,
    /// Whether `line` is in the old file (removals) rather than the new one.
    pub in_old: bool,
    /// What changed, in one sentence.
    pub message: String,
}

struct Out<'a> {
    changes: &'a mut Vec<Change>,
    resource: &'a str,
}

impl Out<'_> {
    fn push(
        &mut self,
        impact: Impact,
        rule: &'static str,
        element: Option<&Element>,
        in_old: bool,
        message: String,
    ) {
        self.changes.push(Change {
            impact,
            rule,
            resource: self.resource.to_owned(),
            element: element.map(|e| e.wire.clone()),
            line: element.map_or(1, |e| e.line),
            in_old,
            message,
        });
    }
}

/// The changes from `old` to `new`: resources in id order, elements in the
/// new file's order, then removals.
pub fn diff(old: &SchemaSet, new: &SchemaSet) -> Vec<Change> {
    let mut changes = Vec::new();
    for id in old.resources.keys() {
        if !new.resources.contains_key(id) {
            let mut out = Out {
                changes: &mut changes,
                resource: id,
            };
            out.push(
                Impact::Breaking,
                "resource-removed",
                None,
                true,
                format!("resource `{id}` removed"),
            );
        }
    }
    for (id, n) in &new.resources {
        let mut out = Out {
            changes: &mut changes,
            resource: id,
        };
        match old.resources.get(id) {
            None => out.push(
                Impact::Additive,
                "resource-added",
                None,
                false,
                format!("resource `{id}` added"),
            ),
            Some(o) => resource(&mut out, o, n),
        }
    }
    changes
}

fn resource(out: &mut Out<'_>, old: &Resource, new: &Resource) {
    for n in &new.elements {
        match old.element(&n.wire) {
            None if n.required => out.push(
                Impact::Breaking,
                "required-element-added",
                Some(n),
                false,
                format!("`{}` added, required", n.wire),
            ),
            None => out.push(
                Impact::Additive,
                "element-added",
                Some(n),
                false,
                format!("`{}` added ({})", n.wire, n.ty),
            ),
            Some(o) => element(out, o, n),
        }
    }
    for o in &old.elements {
        if new.element(&o.wire).is_none() {
            out.push(
                Impact::Breaking,
                "element-removed",
                Some(o),
                true,
                format!("`{}` removed", o.wire),
            );
        }
    }
    // A route is its action's name, method and path: `Client::request`
    // finds actions by name, so a renamed action is one removed and one
    // added (ABRA Flexi has several actions on one method and path).
    let same =
        |a: &Action, b: &Action| a.name == b.name && a.method == b.method && a.path == b.path;
    for n in &new.actions {
        match old.actions.iter().find(|o| same(o, n)) {
            None => out.push(
                Impact::Additive,
                "route-added",
                None,
                false,
                format!(
                    "route {} {} (`{}`) added",
                    n.method.as_str(),
                    n.path,
                    n.name
                ),
            ),
            Some(o) if o.body != n.body => out.push(
                Impact::Breaking,
                "route-body-changed",
                None,
                false,
                format!(
                    "route {} {} (`{}`) {} a body",
                    n.method.as_str(),
                    n.path,
                    n.name,
                    if n.body {
                        "now takes"
                    } else {
                        "no longer takes"
                    }
                ),
            ),
            Some(_) => {}
        }
    }
    for o in &old.actions {
        if !new.actions.iter().any(|n| same(o, n)) {
            out.push(
                Impact::Breaking,
                "route-removed",
                None,
                true,
                format!(
                    "route {} {} (`{}`) removed",
                    o.method.as_str(),
                    o.path,
                    o.name
                ),
            );
        }
    }
}

fn element(out: &mut Out<'_>, o: &Element, n: &Element) {
    let wire = &n.wire;
    let mut push = |impact, rule, message: String| out.push(impact, rule, Some(n), false, message);
    if o.ty != n.ty {
        push(
            Impact::Breaking,
            "type-changed",
            format!("`{wire}`: type changed from {} to {}", o.ty, n.ty),
        );
    }
    match (o.required, n.required) {
        (false, true) => push(
            Impact::Breaking,
            "became-required",
            format!("`{wire}` became required"),
        ),
        (true, false) => push(
            Impact::Additive,
            "became-optional",
            format!("`{wire}` is no longer required"),
        ),
        _ => {}
    }
    for (was, is, side) in [
        (o.api_in, n.api_in, "requests"),
        (o.api_out, n.api_out, "responses"),
    ] {
        match (was, is) {
            (true, false) => push(
                Impact::Breaking,
                "direction-removed",
                format!("`{wire}` is no longer in {side}"),
            ),
            (false, true) => push(
                Impact::Additive,
                "direction-added",
                format!("`{wire}` is now in {side}"),
            ),
            _ => {}
        }
    }
    match (o.length, n.length) {
        (Some(a), Some(b)) if b < a => push(
            Impact::Breaking,
            "length-shortened",
            format!("`{wire}`: length shortened from {a} to {b}"),
        ),
        (Some(a), Some(b)) if b > a => push(
            Impact::Additive,
            "length-lengthened",
            format!("`{wire}`: length raised from {a} to {b}"),
        ),
        (None, Some(b)) => push(
            Impact::Breaking,
            "length-shortened",
            format!("`{wire}`: length limited to {b}"),
        ),
        (Some(a), None) => push(
            Impact::Additive,
            "length-lengthened",
            format!("`{wire}`: length limit {a} lifted"),
        ),
        _ => {}
    }
    if o.placement != n.placement || o.inline != n.inline {
        push(
            Impact::Breaking,
            "wire-form-changed",
            format!("`{wire}`: its place in XML changed (placement or inline)"),
        );
    }
    match (o.unique, n.unique) {
        (false, true) => push(
            Impact::Breaking,
            "became-unique",
            format!("`{wire}` must now be unique"),
        ),
        (true, false) => push(
            Impact::Additive,
            "no-longer-unique",
            format!("`{wire}` need no longer be unique"),
        ),
        _ => {}
    }
    match (o.precision, n.precision) {
        (Some(a), Some(b)) if b < a => push(
            Impact::Breaking,
            "precision-reduced",
            format!("`{wire}`: precision reduced from {a} to {b}"),
        ),
        (None, Some(b)) => push(
            Impact::Breaking,
            "precision-reduced",
            format!("`{wire}`: precision limited to {b}"),
        ),
        (Some(a), Some(b)) if b > a => push(
            Impact::Additive,
            "precision-raised",
            format!("`{wire}`: precision raised from {a} to {b}"),
        ),
        (Some(a), None) => push(
            Impact::Additive,
            "precision-raised",
            format!("`{wire}`: precision limit {a} lifted"),
        ),
        _ => {}
    }
    match (o.scale, n.scale) {
        (Some(a), Some(b)) if b < a => push(
            Impact::Breaking,
            "scale-reduced",
            format!("`{wire}`: scale reduced from {a} to {b}"),
        ),
        (None, Some(b)) => push(
            Impact::Breaking,
            "scale-reduced",
            format!("`{wire}`: scale limited to {b}"),
        ),
        (Some(a), Some(b)) if b > a => push(
            Impact::Additive,
            "scale-raised",
            format!("`{wire}`: scale raised from {a} to {b}"),
        ),
        (Some(a), None) => push(
            Impact::Additive,
            "scale-raised",
            format!("`{wire}`: scale limit {a} lifted"),
        ),
        _ => {}
    }
    if o.values.is_empty() && !n.values.is_empty() {
        push(
            Impact::Breaking,
            "values-imposed",
            format!(
                "`{wire}`: now limited to {} allowed value(s)",
                n.values.len()
            ),
        );
    } else if !o.values.is_empty() && n.values.is_empty() {
        push(
            Impact::Additive,
            "values-lifted",
            format!("`{wire}`: any value now allowed"),
        );
    } else {
        for v in o.values.iter().filter(|v| !n.values.contains(v)) {
            push(
                Impact::Breaking,
                "value-removed",
                format!("`{wire}`: allowed value `{v}` removed"),
            );
        }
        for v in n.values.iter().filter(|v| !o.values.contains(v)) {
            push(
                Impact::Additive,
                "value-added",
                format!("`{wire}`: allowed value `{v}` added"),
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests panic on purpose
mod tests {
    use super::*;
    use crate::parse_resource;

    fn set(text: &str) -> SchemaSet {
        let r = parse_resource("user.toml", "coupa", text, &|_| true).unwrap();
        let mut s = SchemaSet::default();
        s.resources.insert(r.id(), r);
        s
    }

    const OLD: &str = r#"[resource]
wire = "user"
dialect = "coupa"
paths = ["/api/users"]
doc = "Users."

[[element]]
wire = "login"
type = "string"
length = 255

[[element]]
wire = "status"
type = "string"
values = ["active", "inactive"]

[[element]]
wire = "salary"
type = "decimal"

[[action]]
name = "show"
method = "GET"
path = "/api/users/:id"
doc = "One user."
"#;

    fn rules(old: &str, new: &str) -> Vec<(Impact, &'static str, String)> {
        diff(&set(old), &set(new))
            .into_iter()
            .map(|c| (c.impact, c.rule, c.message))
            .collect()
    }

    #[test]
    fn identical_sets_have_no_changes() {
        assert!(rules(OLD, OLD).is_empty());
        // Documentation is not a change.
        let documented = OLD.replace("wire = \"salary\"", "wire = \"salary\"\ndoc = \"Yearly.\"");
        assert!(rules(OLD, &documented).is_empty());
    }

    #[test]
    fn removals_type_changes_and_restrictions_are_breaking() {
        let new = OLD
            .replace("length = 255", "length = 100\nrequired = true\nin = true")
            .replace("\"active\", \"inactive\"", "\"active\", \"suspended\"")
            .replace("type = \"decimal\"", "type = \"integer\"")
            .replace(
                "[[action]]\nname = \"show\"\nmethod = \"GET\"\npath = \"/api/users/:id\"\n",
                "",
            );
        let got = rules(OLD, &new);
        let expected = [
            (
                Impact::Breaking,
                "became-required",
                "`login` became required",
            ),
            (
                Impact::Additive,
                "direction-added",
                "`login` is now in requests",
            ),
            (
                Impact::Breaking,
                "length-shortened",
                "`login`: length shortened from 255 to 100",
            ),
            (
                Impact::Breaking,
                "value-removed",
                "`status`: allowed value `inactive` removed",
            ),
            (
                Impact::Additive,
                "value-added",
                "`status`: allowed value `suspended` added",
            ),
            (
                Impact::Breaking,
                "type-changed",
                "`salary`: type changed from decimal to integer",
            ),
            (
                Impact::Breaking,
                "route-removed",
                "route GET /api/users/:id (`show`) removed",
            ),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(i, r, m)| (*i, *r, (*m).to_owned()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn removed_and_added_elements_and_resources() {
        let new = OLD.replace(
            "[[element]]\nwire = \"salary\"\ntype = \"decimal\"\n",
            "[[element]]\nwire = \"email\"\ntype = \"string\"\n",
        );
        assert_eq!(
            rules(OLD, &new),
            [
                (
                    Impact::Additive,
                    "element-added",
                    "`email` added (string)".to_owned()
                ),
                (
                    Impact::Breaking,
                    "element-removed",
                    "`salary` removed".to_owned()
                ),
            ]
        );
        let changes = diff(&set(OLD), &SchemaSet::default());
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (changes[0].impact, changes[0].rule),
            (Impact::Breaking, "resource-removed")
        );
        let changes = diff(&SchemaSet::default(), &set(OLD));
        assert_eq!(
            (changes[0].impact, changes[0].rule),
            (Impact::Additive, "resource-added")
        );
    }

    #[test]
    fn precision_scale_uniqueness_and_a_renamed_route() {
        let old = OLD.replace(
            "wire = \"salary\"\ntype = \"decimal\"\n",
            "wire = \"salary\"\ntype = \"decimal\"\nprecision = 10\nscale = 2\n",
        );
        let new = OLD
            .replace(
                "wire = \"salary\"\ntype = \"decimal\"\n",
                "wire = \"salary\"\ntype = \"decimal\"\nprecision = 8\nscale = 4\nunique = true\n",
            )
            .replace("name = \"show\"", "name = \"get\"");
        let got: Vec<_> = rules(&old, &new)
            .into_iter()
            .map(|(i, r, _)| (i, r))
            .collect();
        assert_eq!(
            got,
            [
                (Impact::Breaking, "became-unique"),
                (Impact::Breaking, "precision-reduced"),
                (Impact::Additive, "scale-raised"),
                (Impact::Additive, "route-added"),
                (Impact::Breaking, "route-removed"),
            ]
        );
    }
}
