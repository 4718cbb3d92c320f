//! Encoding: records written in their vendor's XML form and a given layout.

use std::fmt::Write as _;

use elementa::{Any, Dialect, ElementMeta, FieldRef, Kind, Placement, Record, ResourceMeta};
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
        let mut wrote = false;
        let extras = &record.extra().0;
        let mut next_extra = 0;
        for (i, el) in meta.elements.iter().enumerate() {
            while let Some(x) = extras.get(next_extra).filter(|x| x.position <= i) {
                wrote |= self.extra(&x.name, &x.value, level + 1);
                next_extra += 1;
            }
            if el.placement != Placement::Element {
                continue;
            }
            if let Some(field) = record.field(i).filter(FieldRef::is_present) {
                self.element(el, &field, level + 1);
                wrote = true;
            }
        }
        for x in extras.get(next_extra..).unwrap_or_default() {
            wrote |= self.extra(&x.name, &x.value, level + 1);
        }
        if wrote {
            self.line(level);
            let _ = write!(self.out, "</{name}>");
        } else {
            self.out.truncate(mark);
            self.out.push_str("/>");
        }
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
                    let item = item.as_deref().unwrap_or("item");
                    for v in items {
                        self.extra(item, v, level + 1);
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
