//! Encoding: records written in their vendor's XML form and a given layout.

use std::borrow::Cow;
use std::fmt::Write as _;

use elementa::LIST_REMOVE_ALL;
use elementa::{
    Any, Dialect, ENVELOPE_ROOT, ENVELOPE_VERSION, ElementMeta, Envelope, FieldRef, Kind,
    Placement, Record, ResourceMeta, Slot, XmlTag, property_attribute,
};

use crate::{Body, Document, EnvelopeDocument, Layout};

/// Encodes a decoded document in its own layout (a canonical input comes
/// back byte for byte).
///
/// A document of Flexi records is written inside a `<winstrom version="1.0">`
/// envelope; [`encode_envelope`] keeps an envelope's own attributes.
pub fn encode(doc: &Document) -> Result<String, EncodeError> {
    let mut w = Writer::new(&doc.layout, doc.meta.dialect);
    match &doc.body {
        _ if in_envelope(doc.meta) => w.envelope(&default_attributes(), doc.records()),
        Body::One(r) => w.record(&**r, doc.meta.root, 0),
        Body::List(rs) => w.list(doc.meta, rs.iter().map(|r| &**r)),
    }
    w.finish()
}

/// Whether records of `meta` travel inside Flexi's `winstrom` envelope (a
/// Flexi evidence's records do; the change listing is an envelope itself).
fn in_envelope(meta: &ResourceMeta) -> bool {
    meta.dialect == Dialect::Flexi && meta.root != ENVELOPE_ROOT
}

fn default_attributes() -> Vec<(String, String)> {
    vec![("version".to_owned(), ENVELOPE_VERSION.to_owned())]
}

/// Encodes one record in its vendor's default layout (a Flexi evidence's
/// record inside a `<winstrom version="1.0">` envelope).
pub fn to_string(record: &dyn Record) -> Result<String, EncodeError> {
    let meta = record.meta();
    let layout = Layout::for_dialect(meta.dialect);
    let mut w = Writer::new(&layout, meta.dialect);
    if in_envelope(meta) {
        w.envelope(&default_attributes(), vec![record]);
    } else {
        w.record(record, meta.root, 0);
    }
    w.finish()
}

/// Encodes records of `meta` as a list (`<users type="array">…`; Flexi's
/// inside a `<winstrom version="1.0">` envelope) in `layout`.
pub fn encode_records<'r>(
    meta: &'static ResourceMeta,
    records: impl IntoIterator<Item = &'r dyn Record>,
    layout: &Layout,
) -> Result<String, EncodeError> {
    let mut w = Writer::new(layout, meta.dialect);
    if in_envelope(meta) {
        w.envelope(&default_attributes(), records.into_iter().collect());
    } else {
        w.list(meta, records.into_iter());
    }
    w.finish()
}

/// Encodes a decoded `winstrom` document in its own layout, with its
/// attributes and its records in order.
pub fn encode_envelope(doc: &EnvelopeDocument) -> Result<String, EncodeError> {
    let mut w = Writer::new(&doc.layout, Dialect::Flexi);
    w.envelope(
        &doc.envelope.attributes,
        doc.envelope.records.iter().map(|r| &**r).collect(),
    );
    w.finish()
}

/// Encodes an envelope in Flexi's layout (a bare declaration, two-space
/// indentation).
///
/// ```
/// use elementa::Envelope;
/// use elementa_flexi::wire::Adresar;
///
/// let mut envelope = Envelope::new();
/// envelope.push(Adresar { kod: "ACME".into(), ..Default::default() });
/// assert_eq!(elementa_xml::envelope_to_string(&envelope).unwrap(),
///     "<?xml version=\"1.0\"?>\n<winstrom version=\"1.0\">\n  <adresar>\n    <kod>ACME</kod>\n  </adresar>\n</winstrom>\n");
/// ```
pub fn envelope_to_string(envelope: &Envelope) -> Result<String, EncodeError> {
    let layout = Layout::for_dialect(Dialect::Flexi);
    let mut w = Writer::new(&layout, Dialect::Flexi);
    w.envelope(
        &envelope.attributes,
        envelope.records.iter().map(|r| &**r).collect(),
    );
    w.finish()
}

/// Element wire name → the attributes it came with.
type PropertyAttributes<'r> = std::collections::HashMap<&'r str, Vec<(String, String)>>;

/// The attributes of element `wire` in `props`.
fn attrs_of<'p>(props: &'p PropertyAttributes<'_>, wire: &str) -> &'p [(String, String)] {
    props.get(wire).map(Vec::as_slice).unwrap_or_default()
}

struct Writer<'l> {
    out: String,
    layout: &'l Layout,
    coupa: bool,
    flexi: bool,
    /// Whether output precedes this writer's (a line break starts it).
    continued: bool,
    /// The records and unknown elements being written, for error paths.
    path: Vec<String>,
    /// The first thing met that XML 1.0 cannot hold; the output is then
    /// discarded.
    error: Option<EncodeError>,
    /// Where long texts go straight to, with what precedes them, rather
    /// than into `out` (a streaming writer holds no copy of a long value).
    sink: Option<&'l mut dyn std::io::Write>,
    /// The first failure writing to `sink`.
    io_error: Option<std::io::Error>,
}

/// Texts at least this long are written straight to a writer's sink.
const LONG_TEXT: usize = 64 * 1024;

/// A record XML cannot carry: an element or attribute name that is not an
/// XML name (a JSON key `""`, a Flexi evidence `>`), or a character XML 1.0
/// cannot hold (U+0000). The encoder writes nothing rather than malformed XML.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct EncodeError {
    /// Where: the element path (`expense-lines[0].description`).
    pub path: String,
    /// What.
    pub message: String,
}

/// Writes `text` as element content (`attribute` false): `&`, `<`, `>` as
/// entities and a carriage return as `&#13;` (a raw one would be read as a
/// line feed); or as an attribute value in double quotes (`attribute`
/// true): also `"`, `'`, and tab and line feed as character references
/// (XML reads raw ones in attributes as spaces).
fn escape(out: &mut String, text: &str, attribute: bool) {
    // One allocation of the right size for a long text, not a doubling.
    out.reserve(text.len());
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            b'"' if attribute => "&quot;",
            b'\'' if attribute => "&apos;",
            b'\t' if attribute => "&#9;",
            b'\n' if attribute => "&#10;",
            _ => continue,
        };
        out.push_str(text.get(last..i).unwrap_or_default());
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(text.get(last..).unwrap_or_default());
}

/// One record written to `sink` as a fragment of a larger document, at
/// nesting `level`; `continued` says whether something precedes it (so it
/// starts on a new line). A long text goes to `sink` as it is escaped, never
/// copied whole; so when the record holds something XML cannot (the error,
/// of kind `InvalidData`), what precedes a long text may already be written.
pub(crate) fn fragment_to(
    record: &dyn Record,
    name: &str,
    level: usize,
    layout: &Layout,
    continued: bool,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut w = Writer {
        out: String::new(),
        layout,
        coupa: record.meta().dialect == Dialect::Coupa,
        flexi: record.meta().dialect == Dialect::Flexi,
        continued,
        path: Vec::new(),
        error: None,
        sink: Some(sink),
        io_error: None,
    };
    w.record(record, name, level);
    if let Some(e) = w.error {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e));
    }
    if let Some(e) = w.io_error {
        return Err(e);
    }
    match w.sink {
        Some(sink) => sink.write_all(w.out.as_bytes()),
        None => Ok(()),
    }
}

/// The `type` attribute Coupa writes on elements of `kind`.
pub(crate) fn type_attr(kind: &Kind) -> Option<&'static str> {
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

use elementa::scalar::text_of as scalar_text;

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
            flexi: dialect == Dialect::Flexi,
            continued: false,
            path: Vec::new(),
            error: None,
            sink: None,
            io_error: None,
        }
    }

    /// Notes the first thing XML cannot hold, at `name` under the path.
    fn fail(&mut self, name: &str, message: String) {
        if self.error.is_none() {
            let mut path = self.path.join(".");
            if !name.is_empty() && self.path.last().is_none_or(|last| last != name) {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
            }
            self.error = Some(EncodeError { path, message });
        }
    }

    /// Checks a name before it is written.
    fn check_name(&mut self, name: &str, what: &str) {
        if !crate::chars::is_xml_name(name) {
            let shown: String = name.chars().take(40).collect();
            self.fail(name, format!("{shown:?} is not an XML {what} name"));
        }
    }

    /// Checks text before it is written.
    fn check_text(&mut self, name: &str, text: &str) {
        if let Some((_, c)) = crate::chars::forbidden_char(text) {
            self.fail(
                name,
                format!(
                    "holds {}, which XML 1.0 cannot hold",
                    crate::chars::describe(c)
                ),
            );
        }
    }

    /// `text` as the content of element `name`.
    fn push_text(&mut self, name: &str, text: &str) {
        self.check_text(name, text);
        if text.len() >= LONG_TEXT
            && self.error.is_none()
            && self.io_error.is_none()
            && let Some(sink) = self.sink.as_mut()
        {
            // What precedes, then the text escaped a piece at a time.
            let mut result = sink.write_all(self.out.as_bytes());
            self.out.clear();
            let mut rest = text;
            while result.is_ok() && !rest.is_empty() {
                let mut end = rest.len().min(LONG_TEXT);
                while !rest.is_char_boundary(end) {
                    end -= 1;
                }
                let (piece, after) = rest.split_at(end);
                escape(&mut self.out, piece, false);
                result = sink.write_all(self.out.as_bytes());
                self.out.clear();
                rest = after;
            }
            if let Err(e) = result {
                self.io_error = Some(e);
            }
            return;
        }
        escape(&mut self.out, text, false);
    }

    /// The attributes each element of `record` came with beyond its value
    /// (ABRA Flexi keeps them as unknown elements `wire@attribute`), by
    /// element; built once per record, so a record with many unknown
    /// elements is written in linear time.
    fn property_attributes<'r>(&self, record: &'r dyn Record) -> PropertyAttributes<'r> {
        let mut map = PropertyAttributes::new();
        if !self.flexi {
            return map;
        }
        for x in record.extra().iter() {
            if let (Some((element, attribute)), Any::String(v)) =
                (property_attribute(&x.name), &x.value)
            {
                map.entry(element)
                    .or_default()
                    .push((attribute.to_owned(), v.clone()));
            }
        }
        map
    }

    fn finish(mut self) -> Result<String, EncodeError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.layout.final_newline {
            self.out.push('\n');
        }
        Ok(self.out)
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
        self.check_name(name, "element");
        let _ = write!(self.out, "<{name}");
        if let (Some(t), true) = (ty, self.coupa) {
            let _ = write!(self.out, " type=\"{t}\"");
        }
        for (k, v) in attrs {
            self.check_name(k, "attribute");
            self.check_text(name, v);
            let _ = write!(self.out, " {k}=\"");
            escape(&mut self.out, v, true);
            self.out.push('"');
        }
    }

    /// `<winstrom …>` and each record named after its evidence.
    fn envelope(&mut self, attributes: &[(String, String)], records: Vec<&dyn Record>) {
        self.line(0);
        self.open(ENVELOPE_ROOT, None, attributes);
        if records.is_empty() {
            self.out.push_str("/>");
            return;
        }
        self.out.push('>');
        for r in records {
            self.record(r, r.meta().root, 1);
        }
        self.line(0);
        let _ = write!(self.out, "</{ENVELOPE_ROOT}>");
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
        self.path.push(name.to_owned());
        self.record_content(record, name, level);
        self.path.pop();
    }

    fn record_content(&mut self, record: &dyn Record, name: &str, level: usize) {
        let meta = record.meta();
        let text_element = meta.text_element();
        let mut attrs = Vec::new();
        // A text record's attributes in the order they came, then the rest.
        let mut order: Vec<usize> = Vec::with_capacity(meta.elements.len());
        if text_element.is_some()
            && let Some(slots) = record.extra().write_order(meta.elements.len())
        {
            order.extend(slots.iter().filter_map(|(slot, _)| match slot {
                Slot::Element(i) => Some(*i),
                Slot::Extra(_) => None,
            }));
        } else {
            order.extend(0..meta.elements.len());
        }
        for i in order {
            let Some(el) = meta.elements.get(i) else {
                continue;
            };
            let attribute = match el.placement {
                Placement::Attribute => true,
                // A record with a text element carries the others as attributes.
                Placement::Element => text_element.is_some(),
                Placement::Name | Placement::Text => false,
            };
            if !attribute {
                continue;
            }
            let field = record.field(i);
            match field.as_ref().and_then(scalar_text) {
                Some(text) => attrs.push((el.wire.to_owned(), text.into_owned())),
                // ABRA Flexi has no null: an empty attribute is its null
                // (`in-version=""`), written back as it came.
                None if self.flexi && field.as_ref().is_some_and(FieldRef::is_null) => {
                    attrs.push((el.wire.to_owned(), String::new()));
                }
                None => {}
            }
        }
        for x in record.extra().iter() {
            if let (Some(k), Any::String(v)) = (x.name.strip_prefix('@'), &x.value) {
                attrs.push((k.to_owned(), v.clone()));
            }
        }
        self.line(level);
        self.open(name, None, &attrs);
        if let Some((i, _)) = text_element {
            match record.field(i).as_ref().and_then(scalar_text) {
                Some(text) => {
                    self.out.push('>');
                    self.push_text(name, &text);
                    let _ = write!(self.out, "</{name}>");
                }
                None => self.out.push_str("/>"),
            }
            return;
        }
        let mark = self.out.len();
        self.out.push('>');
        // Only the elements present are visited (a wide table's absent ones
        // cost nothing).
        let mut present = Vec::new();
        record.present(&mut present);
        let wrote = match record.extra().write_order_of(&present) {
            Some(order) => self.traced(record, &order, level + 1),
            None => self.in_schema_order(record, &present, level + 1),
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
    fn in_schema_order(&mut self, record: &dyn Record, present: &[usize], level: usize) -> bool {
        let extras = &record.extra().0;
        let props = self.property_attributes(record);
        let mut next_extra = 0;
        let mut wrote = false;
        let elements = &record.meta().elements;
        for (i, el) in present
            .iter()
            .filter_map(|&i| elements.get(i).map(|el| (i, el)))
        {
            while let Some(x) = extras.get(next_extra).filter(|x| x.position <= i) {
                wrote |= self.extra_with(&x.name, &x.value, level, attrs_of(&props, &x.name));
                next_extra += 1;
            }
            if el.placement != Placement::Element {
                continue;
            }
            if let Some(field) = record.field(i).filter(FieldRef::is_present) {
                self.element(el, &field, level, attrs_of(&props, el.wire));
                wrote |= !writes_nothing(el, &field);
            }
        }
        for x in extras.get(next_extra..).unwrap_or_default() {
            wrote |= self.extra_with(&x.name, &x.value, level, attrs_of(&props, &x.name));
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
        let props = self.property_attributes(record);
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
                        self.element_tagged(el, &field, level, tag, attrs_of(&props, el.wire));
                        wrote |= !writes_nothing(el, &field);
                    }
                }
                Slot::Extra(k) => {
                    if let Some(x) = extras.get(k) {
                        let attrs = attrs_of(&props, &x.name);
                        wrote |= self.extra_tagged(&x.name, &x.value, level, tag, attrs);
                    }
                }
            }
        }
        wrote
    }

    /// Writes an element with the start tag it came with (`tag`, which
    /// holds its attributes), when its value still fits it (null with
    /// `nil="true"`, a scalar without); else with `attrs`.
    fn element_tagged(
        &mut self,
        el: &ElementMeta,
        field: &FieldRef<'_>,
        level: usize,
        tag: Option<&XmlTag>,
        attrs: &[(String, String)],
    ) {
        let Some(tag) = tag.filter(|t| t.name() == el.wire) else {
            return self.element(el, field, level, attrs);
        };
        // ABRA Flexi has no `nil`: an empty element is its null.
        if !self.flexi && field.is_null() != tag.is_nil() {
            return self.element(el, field, level, attrs);
        }
        if field.is_null() {
            return self.raw(el.wire, tag, "", level);
        }
        match field {
            FieldRef::Any(f) => {
                if let Some(v) = f.value() {
                    self.extra_tagged(el.wire, v, level, Some(tag), attrs);
                }
            }
            FieldRef::One(_) | FieldRef::Many(_) | FieldRef::Strings(_) | FieldRef::Relation(_) => {
                self.element(el, field, level, attrs);
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
            self.out.push('>');
            self.push_text(name, text);
            let _ = write!(self.out, "</{name}>");
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
        attrs: &[(String, String)],
    ) -> bool {
        if self.flexi && property_attribute(name).is_some() {
            return false;
        }
        let Some(tag) = tag.filter(|t| fits(t, value) && t.name() == name) else {
            return self.extra_with(name, value, level, attrs);
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
                self.path.push(name.to_owned());
                for (k, v) in items.iter().enumerate() {
                    self.extra_tagged(&item, v, level + 1, tag.children.get(k), &[]);
                }
                self.path.pop();
                self.line(level);
                let _ = write!(self.out, "</{name}>");
            }
            Any::Object(members) => {
                self.line(level);
                let _ = write!(self.out, "<{}>", tag.tag);
                self.path.push(name.to_owned());
                for (k, (member, v)) in members.iter().enumerate() {
                    self.extra_tagged(member, v, level + 1, tag.children.get(k), &[]);
                }
                self.path.pop();
                self.line(level);
                let _ = write!(self.out, "</{name}>");
            }
        }
        true
    }

    /// Writes a known element; `attrs` are the attributes it came with
    /// beyond its value (ABRA Flexi's `showAs` of a select).
    fn element(
        &mut self,
        el: &ElementMeta,
        field: &FieldRef<'_>,
        level: usize,
        attrs: &[(String, String)],
    ) {
        let ty = type_attr(&el.kind);
        if field.is_null() {
            if self.flexi {
                // ABRA Flexi has no `nil`: an empty element is an empty
                // value, written as an empty string is.
                return self.text_element_with(el.wire, None, attrs, "", level);
            }
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
                    let attrs = if f.removes_all() {
                        vec![(LIST_REMOVE_ALL.to_owned(), "true".to_owned())]
                    } else {
                        Vec::new()
                    };
                    self.open(el.wire, ty, &attrs);
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
                    let mut all: Vec<(String, String)> = r
                        .decorations()
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect();
                    all.extend(attrs.iter().cloned());
                    self.text_element_with(el.wire, None, &all, &r.id.to_string(), level);
                }
            }
            FieldRef::Any(f) => {
                if let Some(v) = f.value() {
                    self.extra_with(el.wire, v, level, attrs);
                }
            }
            scalar => {
                let text = scalar_text(scalar).unwrap_or_default();
                self.text_element_with(el.wire, ty, attrs, &text, level);
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
        self.out.push('>');
        self.push_text(name, text);
        let _ = write!(self.out, "</{name}>");
    }

    /// Writes an unknown element; attributes (`@name`, and in ABRA Flexi
    /// an element's `name@attribute`) are written with the start tag
    /// instead, so this returns whether an element was written.
    fn extra(&mut self, name: &str, value: &Any, level: usize) -> bool {
        self.extra_with(name, value, level, &[])
    }

    /// [`Self::extra`] with the attributes `attrs` on a scalar.
    fn extra_with(
        &mut self,
        name: &str,
        value: &Any,
        level: usize,
        attrs: &[(String, String)],
    ) -> bool {
        if name.starts_with('@') || (self.flexi && property_attribute(name).is_some()) {
            return false;
        }
        match value {
            Any::Null => {
                self.line(level);
                let mut all = vec![("nil".to_owned(), "true".to_owned())];
                all.extend(attrs.iter().cloned());
                self.open(name, None, &all);
                self.out.push_str("/>");
            }
            Any::Bool(b) => {
                self.text_element_with(name, Some("boolean"), attrs, &b.to_string(), level)
            }
            Any::Number(n) => {
                let ty = if n.contains(['.', 'e', 'E']) {
                    "decimal"
                } else {
                    "integer"
                };
                self.text_element_with(name, Some(ty), attrs, n, level);
            }
            Any::String(s) => self.text_element_with(name, None, attrs, s, level),
            Any::Array { item, items } => {
                self.line(level);
                self.open(name, Some("array"), &[]);
                if items.is_empty() {
                    self.out.push_str("/>");
                } else {
                    self.out.push('>');
                    let item = item.clone().unwrap_or_else(|| singular(name));
                    self.path.push(name.to_owned());
                    for v in items {
                        self.extra(&item, v, level + 1);
                    }
                    self.path.pop();
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
                    self.path.push(name.to_owned());
                    for (k, v) in members {
                        self.extra(k, v, level + 1);
                    }
                    self.path.pop();
                    self.line(level);
                    let _ = write!(self.out, "</{name}>");
                }
            }
        }
        true
    }
}

/// Whether writing `field` puts nothing out: an inline list without items
/// (its items are the elements), so the record around it stays `<x/>`.
fn writes_nothing(el: &ElementMeta, field: &FieldRef<'_>) -> bool {
    el.inline
        && match field {
            FieldRef::Strings(f) => f.value().is_some_and(Vec::is_empty),
            FieldRef::Many(f) => f.count().value() == Some(&0),
            _ => false,
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
        .map_or_else(|| default.to_owned(), Cow::into_owned)
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
