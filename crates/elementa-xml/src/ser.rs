//! Encoding: records written in their vendor's XML form and a given layout.

use std::fmt::Write as _;

use elementa::{
    Any, Dialect, ElementMeta, FieldRef, Kind, Placement, Record, ResourceMeta, Slot, XmlTag,
};
use quick_xml::escape::{escape, partial_escape};

use crate::{Body, Document, Layout};

/// Encodes a decoded document in its own layout (a canonical input comes
/// back byte for byte).
pub fn encode(doc: &Document) -> String {
    let mut w = Writer::new(&doc.layout, doc.meta.dialect);
    match &doc.body {
        Body::One(r) => w.record(&**r, doc.meta.root, 0),
        Body::List(rs) => w.list(doc.meta, rs.iter().map(|r| &**r)),
    }
    w.finish()
}

/// Encodes one record in its vendor's default layout.
pub fn to_string(record: &dyn Record) -> String {
    let meta = record.meta();
    let layout = Layout::for_dialect(meta.dialect);
    let mut w = Writer::new(&layout, meta.dialect);
    w.record(record, meta.root, 0);
    w.finish()
}

/// Encodes records of `meta` as a list (`<users type="array">…`) in `layout`.
pub fn encode_records<'r>(
    meta: &'static ResourceMeta,
    records: impl IntoIterator<Item = &'r dyn Record>,
    layout: &Layout,
) -> String {
    let mut w = Writer::new(layout, meta.dialect);
    w.list(meta, records.into_iter());
    w.finish()
}

struct Writer<'l> {
    out: String,
    layout: &'l Layout,
    coupa: bool,
    /// Whether output precedes this writer's (a line break starts it).
    continued: bool,
}

/// One record as a fragment of a larger document, at nesting `level`;
/// `continued` says whether something precedes it (so it starts on a new line).
pub(crate) fn fragment(
    record: &dyn Record,
    name: &str,
    level: usize,
    layout: &Layout,
    continued: bool,
) -> String {
    let mut w = Writer {
        out: String::new(),
        layout,
        coupa: record.meta().dialect == Dialect::Coupa,
        continued,
    };
    w.record(record, name, level);
    w.out
}

fn type_attr(kind: &Kind) -> Option<&'static str> {
    match kind {
        Kind::Integer => Some("integer"),
        Kind::Decimal => Some("decimal"),
        Kind::Boolean => Some("boolean"),
        Kind::DateTime => Some("dateTime"),
        Kind::Date => Some("date"),
        Kind::Many { .. } | Kind::Strings { .. } => Some("array"),
        _ => None,
    }
}

/// The text of a scalar field, or `None` for null / absent / non-scalars.
fn scalar_text(field: &FieldRef<'_>) -> Option<String> {
    match field {
        FieldRef::Integer(f) => f.value().map(ToString::to_string),
        FieldRef::Decimal(f) => f.value().map(ToString::to_string),
        FieldRef::Boolean(f) => f.value().map(ToString::to_string),
        FieldRef::String(f) => f.value().cloned(),
        FieldRef::Enum(f) => f.get().value().map(|s| (*s).to_owned()),
        FieldRef::DateTime(f) => f.value().map(|v| v.as_str().to_owned()),
        FieldRef::Date(f) => f.value().map(|v| v.as_str().to_owned()),
        FieldRef::Timestamp(f) => f.value().map(|v| v.as_str().to_owned()),
        FieldRef::Relation(f) => f.value().map(|v| v.id.to_string()),
        FieldRef::Strings(_) | FieldRef::One(_) | FieldRef::Many(_) | FieldRef::Any(_) => None,
    }
}

impl<'l> Writer<'l> {
    fn new(layout: &'l Layout, dialect: Dialect) -> Self {
        let mut out = String::new();
        if let Some(decl) = &layout.declaration {
            let _ = write!(out, "<?{decl}?>");
        }
        Writer {
            out,
            layout,
            coupa: dialect == Dialect::Coupa,
            continued: false,
        }
    }

    fn finish(mut self) -> String {
        if self.layout.final_newline {
            self.out.push('\n');
        }
        self.out
    }

    /// Starts a line at nesting `level` (nothing when writing on one line).
    fn line(&mut self, level: usize) {
        if let Some(n) = self.layout.indent {
            if !self.out.is_empty() || self.continued {
                self.out.push('\n');
            }
            self.out.extend(std::iter::repeat_n(' ', n * level));
        }
    }

    fn open(&mut self, name: &str, ty: Option<&str>, attrs: &[(String, String)]) {
        let _ = write!(self.out, "<{name}");
        if let (Some(t), true) = (ty, self.coupa) {
            let _ = write!(self.out, " type=\"{t}\"");
        }
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"{}\"", escape(v.as_str()));
        }
    }

    fn list<'r>(&mut self, meta: &ResourceMeta, records: impl Iterator<Item = &'r dyn Record>) {
        self.line(0);
        self.open(meta.plural, Some("array"), &[]);
        let mut any = false;
        for r in records {
            if !any {
                self.out.push('>');
                any = true;
            }
            self.record(r, &item_name(r, meta.wire), 1);
        }
        if any {
            self.line(0);
            let _ = write!(self.out, "</{}>", meta.plural);
        } else {
            self.out.push_str("/>");
        }
    }

    fn record(&mut self, record: &dyn Record, name: &str, level: usize) {
        let meta = record.meta();
        let mut attrs = Vec::new();
        for (i, el) in meta.elements.iter().enumerate() {
            if el.placement == Placement::Attribute
                && let Some(text) = record.field(i).as_ref().and_then(scalar_text)
            {
                attrs.push((el.wire.to_owned(), text));
            }
        }
        for x in record.extra().iter() {
            if let (Some(k), Any::String(v)) = (x.name.strip_prefix('@'), &x.value) {
                attrs.push((k.to_owned(), v.clone()));
            }
        }
        self.line(level);
        self.open(name, None, &attrs);
        let mark = self.out.len();
        self.out.push('>');
        let wrote = match record.extra().write_order(meta.elements.len()) {
            Some(order) => self.traced(record, &order, level + 1),
            None => self.in_schema_order(record, level + 1),
        };
        if wrote {
            self.line(level);
            let _ = write!(self.out, "</{name}>");
        } else {
            self.out.truncate(mark);
            self.out.push_str("/>");
        }
    }

    /// Writes a record's elements in schema order, each unknown one before
    /// the known element it preceded; returns whether any was written.
    fn in_schema_order(&mut self, record: &dyn Record, level: usize) -> bool {
        let extras = &record.extra().0;
        let mut next_extra = 0;
        let mut wrote = false;
        for (i, el) in record.meta().elements.iter().enumerate() {
            while let Some(x) = extras.get(next_extra).filter(|x| x.position <= i) {
                wrote |= self.extra(&x.name, &x.value, level);
                next_extra += 1;
            }
            if el.placement != Placement::Element {
                continue;
            }
            if let Some(field) = record.field(i).filter(FieldRef::is_present) {
                self.element(el, &field, level);
                wrote = true;
            }
        }
        for x in extras.get(next_extra..).unwrap_or_default() {
            wrote |= self.extra(&x.name, &x.value, level);
        }
        wrote
    }

    /// Writes a decoded record's elements in the order they came, each
    /// with its start tag as it came when its value still fits it, then the
    /// elements added since; returns whether any was written.
    fn traced(
        &mut self,
        record: &dyn Record,
        order: &[(Slot, Option<&XmlTag>)],
        level: usize,
    ) -> bool {
        let meta = record.meta();
        let extras = &record.extra().0;
        let mut wrote = false;
        for &(slot, tag) in order {
            match slot {
                Slot::Element(i) => {
                    let Some(el) = meta.elements.get(i) else {
                        continue;
                    };
                    if el.placement != Placement::Element {
                        continue;
                    }
                    if let Some(field) = record.field(i).filter(FieldRef::is_present) {
                        self.element_tagged(el, &field, level, tag);
                        wrote = true;
                    }
                }
                Slot::Extra(k) => {
                    if let Some(x) = extras.get(k) {
                        wrote |= self.extra_tagged(&x.name, &x.value, level, tag);
                    }
                }
            }
        }
        wrote
    }

    /// Writes an element with the start tag it came with (`tag`), when its
    /// value still fits it (null with `nil="true"`, a scalar without).
    fn element_tagged(
        &mut self,
        el: &ElementMeta,
        field: &FieldRef<'_>,
        level: usize,
        tag: Option<&XmlTag>,
    ) {
        let Some(tag) = tag else {
            return self.element(el, field, level);
        };
        if field.is_null() != tag.is_nil() {
            return self.element(el, field, level);
        }
        if field.is_null() {
            return self.raw(el.wire, tag, "", level);
        }
        match field {
            FieldRef::Any(f) => {
                if let Some(v) = f.value() {
                    self.extra_tagged(el.wire, v, level, Some(tag));
                }
            }
            FieldRef::One(_) | FieldRef::Many(_) | FieldRef::Strings(_) | FieldRef::Relation(_) => {
                self.element(el, field, level);
            }
            scalar => {
                let text = scalar_text(scalar).unwrap_or_default();
                self.raw(el.wire, tag, &text, level);
            }
        }
    }

    /// A text element written with its start tag as it came.
    fn raw(&mut self, name: &str, tag: &XmlTag, text: &str, level: usize) {
        self.line(level);
        let _ = write!(self.out, "<{}", tag.tag);
        if tag.self_closing && text.is_empty() {
            self.out.push_str("/>");
        } else {
            let _ = write!(self.out, ">{}</{name}>", partial_escape(text));
        }
    }

    /// [`Self::extra`] with the tags the element and its children came with,
    /// where the value still fits them.
    fn extra_tagged(
        &mut self,
        name: &str,
        value: &Any,
        level: usize,
        tag: Option<&XmlTag>,
    ) -> bool {
        let Some(tag) = tag.filter(|t| fits(t, value)) else {
            return self.extra(name, value, level);
        };
        match value {
            Any::Null => self.raw(name, tag, "", level),
            Any::Bool(b) => self.raw(name, tag, &b.to_string(), level),
            Any::Number(n) => self.raw(name, tag, n, level),
            Any::String(text) => self.raw(name, tag, text, level),
            Any::Array { item, items } => {
                let item = item.clone().unwrap_or_else(|| singular(name));
                self.line(level);
                let _ = write!(self.out, "<{}", tag.tag);
                if items.is_empty() {
                    self.out.push_str(if tag.self_closing { "/>" } else { ">" });
                    if !tag.self_closing {
                        let _ = write!(self.out, "</{name}>");
                    }
                    return true;
                }
                self.out.push('>');
                for (k, v) in items.iter().enumerate() {
                    self.extra_tagged(&item, v, level + 1, tag.children.get(k));
                }
                self.line(level);
                let _ = write!(self.out, "</{name}>");
            }
            Any::Object(members) => {
                self.line(level);
                let _ = write!(self.out, "<{}>", tag.tag);
                for (k, (member, v)) in members.iter().enumerate() {
                    self.extra_tagged(member, v, level + 1, tag.children.get(k));
                }
                self.line(level);
                let _ = write!(self.out, "</{name}>");
            }
        }
        true
    }

    fn element(&mut self, el: &ElementMeta, field: &FieldRef<'_>, level: usize) {
        let ty = type_attr(&el.kind);
        if field.is_null() {
            self.line(level);
            self.open(el.wire, ty, &[("nil".into(), "true".into())]);
            self.out.push_str("/>");
            return;
        }
        match field {
            FieldRef::One(f) => {
                if let Some(r) = f.get().value() {
                    self.record(*r, el.wire, level);
                }
            }
            FieldRef::Many(f) => {
                let n = f.count().value().copied().unwrap_or(0);
                let item = match el.kind {
                    Kind::Many { item, .. } => item,
                    _ => el.wire,
                };
                let level_items = if el.inline { level } else { level + 1 };
                if !el.inline {
                    self.line(level);
                    self.open(el.wire, ty, &[]);
                    if n == 0 {
                        self.out.push_str("/>");
                        return;
                    }
                    self.out.push('>');
                }
                for k in 0..n {
                    if let Some(r) = f.item(k) {
                        self.record(r, &item_name(r, item), level_items);
                    }
                }
                if !el.inline {
                    self.line(level);
                    let _ = write!(self.out, "</{}>", el.wire);
                }
            }
            FieldRef::Strings(f) => {
                let items = f.value().map(Vec::as_slice).unwrap_or_default();
                let item = match el.kind {
                    Kind::Strings { item } => item,
                    _ => el.wire,
                };
                if el.inline {
                    for s in items {
                        self.text_element(item, None, s, level);
                    }
                } else {
                    self.line(level);
                    self.open(el.wire, ty, &[]);
                    if items.is_empty() {
                        self.out.push_str("/>");
                        return;
                    }
                    self.out.push('>');
                    for s in items {
                        self.text_element(item, None, s, level + 1);
                    }
                    self.line(level);
                    let _ = write!(self.out, "</{}>", el.wire);
                }
            }
            FieldRef::Relation(f) => {
                if let Some(r) = f.value() {
                    let attrs: Vec<(String, String)> = r
                        .decorations()
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect();
                    self.text_element_with(el.wire, None, &attrs, &r.id.to_string(), level);
                }
            }
            FieldRef::Any(f) => {
                if let Some(v) = f.value() {
                    self.extra(el.wire, v, level);
                }
            }
            scalar => {
                let text = scalar_text(scalar).unwrap_or_default();
                self.text_element(el.wire, ty, &text, level);
            }
        }
    }

    fn text_element(&mut self, name: &str, ty: Option<&str>, text: &str, level: usize) {
        self.text_element_with(name, ty, &[], text, level);
    }

    fn text_element_with(
        &mut self,
        name: &str,
        ty: Option<&str>,
        attrs: &[(String, String)],
        text: &str,
        level: usize,
    ) {
        self.line(level);
        self.open(name, ty, attrs);
        let _ = write!(self.out, ">{}</{name}>", partial_escape(text));
    }

    /// Writes an unknown element; attributes (`@name`) are written with the
    /// start tag instead, so this returns whether an element was written.
    fn extra(&mut self, name: &str, value: &Any, level: usize) -> bool {
        if name.starts_with('@') {
            return false;
        }
        match value {
            Any::Null => {
                self.line(level);
                self.open(name, None, &[("nil".into(), "true".into())]);
                self.out.push_str("/>");
            }
            Any::Bool(b) => self.text_element(name, Some("boolean"), &b.to_string(), level),
            Any::Number(n) => {
                let ty = if n.contains(['.', 'e', 'E']) {
                    "decimal"
                } else {
                    "integer"
                };
                self.text_element(name, Some(ty), n, level);
            }
            Any::String(s) => self.text_element(name, None, s, level),
            Any::Array { item, items } => {
                self.line(level);
                self.open(name, Some("array"), &[]);
                if items.is_empty() {
                    self.out.push_str("/>");
                } else {
                    self.out.push('>');
                    let item = item.clone().unwrap_or_else(|| singular(name));
                    for v in items {
                        self.extra(&item, v, level + 1);
                    }
                    self.line(level);
                    let _ = write!(self.out, "</{name}>");
                }
            }
            Any::Object(members) => {
                self.line(level);
                self.open(name, None, &[]);
                if members.is_empty() {
                    self.out.push_str("/>");
                } else {
                    self.out.push('>');
                    for (k, v) in members {
                        self.extra(k, v, level + 1);
                    }
                    self.line(level);
                    let _ = write!(self.out, "</{name}>");
                }
            }
        }
        true
    }
}

/// The element name of a record: its name element's value if it has one
/// (Flexi change records), else `default`.
fn item_name(record: &dyn Record, default: &str) -> String {
    record
        .meta()
        .name_element()
        .and_then(|(i, _)| record.field(i))
        .as_ref()
        .and_then(scalar_text)
        .unwrap_or_else(|| default.to_owned())
}

/// Whether a value read with `tag` can be written with it again: nulls
/// with `nil="true"`, and each kind of value with the type it was read as.
fn fits(tag: &XmlTag, value: &Any) -> bool {
    let ty = type_of(&tag.tag);
    match value {
        Any::Null => tag.is_nil(),
        _ if tag.is_nil() => false,
        Any::Bool(_) => ty == Some("boolean"),
        Any::Number(_) => matches!(ty, Some("integer" | "decimal" | "float")),
        Any::Array { .. } => ty == Some("array"),
        Any::String(_) | Any::Object(_) => !matches!(
            ty,
            Some("boolean" | "integer" | "decimal" | "float" | "array")
        ),
    }
}

/// The `type` attribute's value in a start tag's text.
fn type_of(tag: &str) -> Option<&str> {
    let rest = tag.split_once(" type=")?.1;
    let quote = rest.chars().next()?;
    let rest = rest.get(1..)?;
    rest.split(quote).next()
}

/// The item element name of a list that came without one (from JSON), the
/// way Coupa's XML (Rails) names them: `roles` → `role`, `categories` →
/// `category`, `addresses` → `address`; `item` when the name is no plural.
fn singular(list: &str) -> String {
    if let Some(stem) = list.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "xes", "ches", "shes", "zes"] {
        if let Some(stem) = list.strip_suffix(suffix) {
            return format!("{stem}{}", &suffix[..suffix.len() - 2]);
        }
    }
    match list.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with('s') => stem.to_owned(),
        _ => "item".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_are_named_like_rails_names_them() {
        assert_eq!(singular("roles"), "role");
        assert_eq!(singular("categories"), "category");
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("approval-chain-watches"), "approval-chain-watch");
        assert_eq!(singular("content-groups"), "content-group");
        assert_eq!(singular("data"), "item");
    }

    #[test]
    fn the_type_attribute_is_read_from_a_tag() {
        assert_eq!(type_of(r#"created-at type="dateTime""#), Some("dateTime"));
        assert_eq!(type_of("x type='symbol' nil='true'"), Some("symbol"));
        assert_eq!(type_of(r#"x nil="true""#), None);
    }
}
