//! Encoding: records written in their vendor's XML form and a given layout.

use std::borrow::Cow;

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
    let mut w = Writer::document(&doc.layout, doc.meta.dialect);
    match &doc.body {
        _ if in_envelope(doc.meta) => w.envelope(&default_attributes(), doc.records()),
        Body::One(r) => {
            let known = w.facts.get(doc.meta).names_ok;
            w.record(&**r, doc.meta.root, known, 0);
        }
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
    let mut w = Writer::document(&layout, meta.dialect);
    if in_envelope(meta) {
        w.envelope(&default_attributes(), vec![record]);
    } else {
        let known = w.facts.get(meta).names_ok;
        w.record(record, meta.root, known, 0);
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
    let mut out = String::new();
    encode_records_into(&mut out, meta, records, layout)?;
    Ok(out)
}

/// [`encode_records`] appended to `out`: a buffer kept from one call to the
/// next, or sized beforehand, is not grown a doubling at a time. On error,
/// `out` is left as it was.
///
/// ```
/// use elementa::{Record, Resource};
/// use elementa_coupa::Currency;
///
/// let layout = elementa_xml::Layout::for_dialect(elementa::Dialect::Coupa);
/// let usd = Currency { code: "USD".into(), ..Default::default() };
/// let mut out = String::with_capacity(256);
/// elementa_xml::encode_records_into(&mut out, Currency::resource_meta(), [&usd as &dyn Record], &layout)
///     .unwrap();
/// assert!(out.starts_with("<?xml"));
/// assert!(out.contains("<currencies type=\"array\">\n  <currency>\n    <code>USD</code>"));
///
/// // A second document is appended; a failing one leaves `out` as it was.
/// let written = out.clone();
/// let bad = Currency { code: "U\u{0}D".into(), ..Default::default() };
/// let err = elementa_xml::encode_records_into(&mut out, Currency::resource_meta(), [&bad as &dyn Record], &layout)
///     .unwrap_err();
/// assert_eq!(err.to_string(), "currency.code: holds U+0000, which XML 1.0 cannot hold");
/// assert_eq!(out, written);
/// elementa_xml::encode_records_into(&mut out, Currency::resource_meta(), [&usd as &dyn Record], &layout)
///     .unwrap();
/// assert_eq!(out, written.repeat(2));
/// ```
pub fn encode_records_into<'r>(
    out: &mut String,
    meta: &'static ResourceMeta,
    records: impl IntoIterator<Item = &'r dyn Record>,
    layout: &Layout,
) -> Result<(), EncodeError> {
    let start = out.len();
    let mut w = Writer::document_into(std::mem::take(out), layout, meta.dialect);
    if in_envelope(meta) {
        w.envelope(&default_attributes(), records.into_iter().collect());
    } else {
        w.list(meta, records.into_iter());
    }
    let (result, mut buffer) = w.finish_parts();
    if result.is_err() {
        buffer.truncate(start);
    }
    *out = buffer;
    result
}

/// Encodes a decoded `winstrom` document in its own layout, with its
/// attributes and its records in order.
pub fn encode_envelope(doc: &EnvelopeDocument) -> Result<String, EncodeError> {
    let mut w = Writer::document(&doc.layout, Dialect::Flexi);
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
    let mut w = Writer::document(&layout, Dialect::Flexi);
    w.envelope(
        &envelope.attributes,
        envelope.records.iter().map(|r| &**r).collect(),
    );
    w.finish()
}

/// Element wire name → the attributes it came with (name, value).
type PropertyAttributes<'r> = std::collections::BTreeMap<&'r str, Vec<Attr<'r>>>;

/// An attribute to write: its name and its value (unescaped).
type Attr<'a> = (&'a str, &'a str);

/// An attribute (names and values of different lifetimes made one).
fn attr<'a>(name: &'a str, value: &'a str) -> Attr<'a> {
    (name, value)
}

/// The attributes of element `wire` in `props`.
fn attrs_of<'p, 'r>(props: &'p PropertyAttributes<'r>, wire: &str) -> &'p [Attr<'r>] {
    props.get(wire).map(Vec::as_slice).unwrap_or_default()
}

/// What the encoder needs of one resource's metadata, worked out once per
/// document (or stream) rather than once per record: a wide table costs
/// its width once, not at every record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts {
    /// Every name the metadata gives (root, list, elements, list items) is
    /// an XML name, so those names need no check when written.
    pub names_ok: bool,
    /// The element written as the record's text, if any.
    pub text_element: Option<usize>,
    /// The element whose value names the record's XML element, if any.
    pub name_element: Option<usize>,
    /// Whether any element is written as an attribute.
    pub attributes: bool,
    /// Whether any element is an inline list ABRA Flexi's JSON always
    /// writes (see `de::always_listed`).
    pub always_listed: bool,
}

impl Facts {
    fn of(meta: &ResourceMeta) -> Self {
        let is_name = crate::chars::is_xml_name;
        let names_ok = [meta.root, meta.plural, meta.wire].into_iter().all(is_name)
            && meta.elements.iter().all(|el| {
                is_name(el.wire)
                    && match el.kind {
                        Kind::Many { item, .. } | Kind::Strings { item } => is_name(item),
                        _ => true,
                    }
            });
        Facts {
            names_ok,
            text_element: meta.text_element().map(|(i, _)| i),
            name_element: meta.name_element().map(|(i, _)| i),
            attributes: meta
                .elements
                .iter()
                .any(|el| el.placement == Placement::Attribute),
            always_listed: meta.elements.iter().any(crate::de::always_listed),
        }
    }
}

/// The [`Facts`] of the resources met so far, by metadata address (each
/// resource's metadata is one `static`).
#[derive(Debug, Default)]
pub(crate) struct FactCache(Vec<(&'static ResourceMeta, Facts)>);

impl FactCache {
    /// More resources than this in one document are worked out each time.
    const MAX: usize = 256;

    /// The facts of `meta`, worked out on first use.
    pub(crate) fn get(&mut self, meta: &'static ResourceMeta) -> Facts {
        if let Some((_, facts)) = self.0.iter().find(|(m, _)| std::ptr::eq(*m, meta)) {
            return *facts;
        }
        let facts = Facts::of(meta);
        if self.0.len() < Self::MAX {
            self.0.push((meta, facts));
        }
        facts
    }
}

struct Writer<'l> {
    out: String,
    /// Where this writer's output starts in `out` (what precedes is the
    /// caller's).
    base: usize,
    layout: &'l Layout,
    coupa: bool,
    flexi: bool,
    /// Whether output precedes this writer's (a line break starts it).
    continued: bool,
    /// The records and unknown elements being written, for error paths:
    /// the first `depth` entries (the others are buffers kept for reuse).
    path: Vec<String>,
    depth: usize,
    /// The first thing met that XML 1.0 cannot hold; the output is then
    /// discarded.
    error: Option<EncodeError>,
    /// Where long texts go straight to, with what precedes them, rather
    /// than into `out` (a streaming writer holds no copy of a long value).
    sink: Option<&'l mut dyn std::io::Write>,
    /// The first failure writing to `sink`.
    io_error: Option<std::io::Error>,
    /// The facts of each resource's metadata.
    facts: FactCache,
    /// Lists of present elements, one per nesting level, reused.
    present: Vec<Vec<usize>>,
    /// Where numbers and identifiers are formatted before they are written.
    scratch: String,
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
/// (XML reads raw ones in attributes as spaces). Returns the first
/// character XML 1.0 cannot hold (what is written is then to be dropped);
/// one pass finds both.
fn escape(out: &mut String, text: &str, attribute: bool) -> Option<char> {
    // One allocation of the right size for a long text, not a doubling.
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut bad = None;
    let mut last = 0;
    let mut from = 0;
    while let Some((k, b)) = bytes.get(from..).and_then(|rest| match attribute {
        true => crate::chars::find_special::<true>(rest),
        false => crate::chars::find_special::<false>(rest),
    }) {
        let i = from + k;
        from = i + 1;
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            b'\t' if attribute => "&#9;",
            b'\n' if attribute => "&#10;",
            b'\t' | b'\n' => continue,
            0..0x20 => {
                bad = bad.or(Some(char::from(b)));
                continue;
            }
            // 0xEF: the first byte of U+FFFE and U+FFFF (a character
            // boundary).
            _ => {
                if let Some(c) = text
                    .get(i..)
                    .and_then(|rest| rest.chars().next())
                    .filter(|c| matches!(c, '\u{FFFE}' | '\u{FFFF}'))
                {
                    bad = bad.or(Some(c));
                }
                continue;
            }
        };
        out.push_str(text.get(last..i).unwrap_or_default());
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    bad
}

/// One record written to `sink` as a fragment of a larger document, at
/// nesting `level`; `continued` says whether something precedes it (so it
/// starts on a new line). A long text goes to `sink` as it is escaped, never
/// copied whole; so when the record holds something XML cannot (the error,
/// of kind `InvalidData`), what precedes a long text may already be written.
/// `facts` carries what was worked out of the metadata from one record to
/// the next.
pub(crate) fn fragment_to(
    record: &dyn Record,
    name: &str,
    level: usize,
    layout: &Layout,
    continued: bool,
    sink: &mut dyn std::io::Write,
    facts: &mut FactCache,
) -> std::io::Result<()> {
    let mut w = Writer::new(layout, record.meta().dialect, None);
    w.continued = continued;
    w.sink = Some(sink);
    w.facts = std::mem::take(facts);
    let known = name == record.meta().root && w.facts.get(record.meta()).names_ok;
    w.record(record, name, known, level);
    *facts = std::mem::take(&mut w.facts);
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

/// The start of a document that is a `winstrom` envelope with `attributes`,
/// in `layout`: the declaration and the start tag, closed with `/>` when
/// `empty` — as [`encode_envelope`] writes them.
pub(crate) fn envelope_start(
    layout: &Layout,
    attributes: &[(String, String)],
    empty: bool,
) -> std::io::Result<String> {
    let mut w = Writer::document(layout, Dialect::Flexi);
    w.line(0);
    w.envelope_tag(attributes);
    w.out.push_str(if empty { "/>" } else { ">" });
    match w.error {
        Some(e) => Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        None => Ok(w.out),
    }
}

/// The `type` attribute Coupa writes on elements of `kind`, as it is
/// written after the element's name (` type="integer"`): one piece to
/// write, and one comparison to recognise it in a tag.
pub(crate) fn type_attr(kind: &Kind) -> Option<TypeAttr> {
    macro_rules! written {
        ($value:literal) => {
            Some(TypeAttr(concat!(" type=\"", $value, "\"")))
        };
    }
    match kind {
        Kind::Integer => written!("integer"),
        Kind::Decimal => written!("decimal"),
        Kind::Boolean => written!("boolean"),
        Kind::DateTime => written!("dateTime"),
        Kind::Date => written!("date"),
        Kind::Many { .. } | Kind::Strings { .. } => Some(ARRAY_TYPE),
        _ => None,
    }
}

/// Coupa's `type` attribute as written after an element's name
/// (` type="integer"`), never a bare value (`integer`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TypeAttr(pub(crate) &'static str);

/// Coupa's `type` attribute of a list, as written after its name.
const ARRAY_TYPE: TypeAttr = TypeAttr(" type=\"array\"");

use elementa::scalar::{boolean_text, text_of as scalar_text, write_text};

/// A line break and spaces for indentation, sliced rather than pushed one
/// at a time: a new line and its indentation are one copy.
const NEWLINE_SPACES: &str = "\n                                                                ";

impl<'l> Writer<'l> {
    /// A writer with `declaration` (`xml version="1.0"`) written first.
    fn new(layout: &'l Layout, dialect: Dialect, declaration: Option<&str>) -> Self {
        let mut out = String::new();
        if let Some(decl) = declaration {
            out.push_str("<?");
            out.push_str(decl);
            out.push_str("?>");
        }
        Writer {
            out,
            base: 0,
            layout,
            coupa: dialect == Dialect::Coupa,
            flexi: dialect == Dialect::Flexi,
            continued: false,
            path: Vec::new(),
            depth: 0,
            error: None,
            sink: None,
            io_error: None,
            facts: FactCache::default(),
            present: Vec::new(),
            scratch: String::new(),
        }
    }

    /// A writer of a whole document in `layout` (its declaration first).
    fn document(layout: &'l Layout, dialect: Dialect) -> Self {
        Writer::new(layout, dialect, layout.declaration.as_deref())
    }

    /// [`Self::document`] appended to `out`.
    fn document_into(out: String, layout: &'l Layout, dialect: Dialect) -> Self {
        let mut w = Writer::new(layout, dialect, None);
        w.base = out.len();
        w.out = out;
        if let Some(decl) = &layout.declaration {
            w.out.push_str("<?");
            w.out.push_str(decl);
            w.out.push_str("?>");
        }
        w
    }

    /// Notes the first thing XML cannot hold, at `name` under the path.
    fn fail(&mut self, name: &str, message: String) {
        if self.error.is_none() {
            let entered = self.path.get(..self.depth).unwrap_or_default();
            let mut path = entered.join(".");
            if !name.is_empty() && entered.last().is_none_or(|last| last != name) {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
            }
            self.error = Some(EncodeError { path, message });
        }
    }

    /// Notes character `c`, which XML 1.0 cannot hold, in `name`.
    fn fail_char(&mut self, name: &str, c: char) {
        let what = crate::chars::describe(c);
        self.fail(name, format!("holds {what}, which XML 1.0 cannot hold"));
    }

    /// Enters `name` (a record or unknown element) for error paths.
    fn enter(&mut self, name: &str) {
        match self.path.get_mut(self.depth) {
            Some(buffer) => {
                buffer.clear();
                buffer.push_str(name);
            }
            None => self.path.push(name.to_owned()),
        }
        self.depth += 1;
    }

    /// Leaves what [`Self::enter`] entered last.
    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Checks a name before it is written.
    fn check_name(&mut self, name: &str, what: &str) {
        if !crate::chars::is_xml_name(name) {
            let shown: String = name.chars().take(40).collect();
            self.fail(name, format!("{shown:?} is not an XML {what} name"));
        }
    }

    /// `text` as the content of element `name`. Always inlined: called
    /// for every text value, its own frame cost more than its body.
    #[inline(always)]
    fn text(&mut self, name: &str, text: &str) {
        if text.len() >= LONG_TEXT
            && self.error.is_none()
            && self.io_error.is_none()
            && self.sink.is_some()
        {
            return self.long_text(name, text);
        }
        if let Some(c) = escape(&mut self.out, text, false) {
            self.fail_char(name, c);
        }
    }

    /// A long `text` written to the sink a piece at a time, after what
    /// precedes it, once it is known to hold only what XML can.
    fn long_text(&mut self, name: &str, text: &str) {
        if let Some((_, c)) = crate::chars::forbidden_char(text) {
            return self.fail_char(name, c);
        }
        let Some(sink) = self.sink.as_mut() else {
            unreachable!("invariant: long texts are written only with a sink");
        };
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
    }

    /// The text of scalar `field` as the content of element `name`;
    /// returns whether it had one.
    fn scalar(&mut self, name: &str, field: &FieldRef<'_>) -> bool {
        // Numbers and booleans are digits, signs, points and letters:
        // nothing to escape or refuse, so they are formatted straight into
        // the output (the text `write_text` gives, without its copy).
        match *field {
            FieldRef::Integer(f) => {
                return f.value().is_some_and(|v| {
                    self.out.push_str(itoa::Buffer::new().format(*v));
                    true
                });
            }
            FieldRef::Decimal(f) => {
                return f.value().is_some_and(|v| {
                    // Writing to a `String` cannot fail.
                    let _ = elementa::scalar::write_decimal(&mut self.out, v);
                    true
                });
            }
            FieldRef::Boolean(f) => {
                return f.value().is_some_and(|v| {
                    self.out.push_str(boolean_text(*v));
                    true
                });
            }
            // Held as text: escaped straight from where it is held.
            FieldRef::String(_)
            | FieldRef::Enum(_)
            | FieldRef::DateTime(_)
            | FieldRef::Date(_)
            | FieldRef::Timestamp(_) => {
                return scalar_text(field).is_some_and(|text| {
                    self.text(name, &text);
                    true
                });
            }
            _ => {}
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        let wrote = match write_text(field, &mut scratch) {
            Some(text) => {
                self.text(name, text);
                true
            }
            None => false,
        };
        self.scratch = scratch;
        wrote
    }

    /// The attributes each element of `record` came with beyond its value
    /// (ABRA Flexi keeps them as unknown elements `wire@attribute`), by
    /// element; built once per record, so a record with many unknown
    /// elements is written in n log n time, not quadratic (an empty map
    /// costs nothing).
    fn property_attributes<'r>(&self, record: &'r dyn Record) -> PropertyAttributes<'r> {
        let mut map = PropertyAttributes::new();
        if !self.flexi || record.extra().0.is_empty() {
            return map;
        }
        for x in record.extra().iter() {
            if let (Some((element, attribute)), Any::String(v)) =
                (property_attribute(&x.name), &x.value)
            {
                map.entry(element)
                    .or_default()
                    .push((attribute, v.as_str()));
            }
        }
        map
    }

    fn finish(self) -> Result<String, EncodeError> {
        let (result, out) = self.finish_parts();
        result.map(|()| out)
    }

    /// The outcome and the buffer (to be dropped or truncated on error).
    fn finish_parts(mut self) -> (Result<(), EncodeError>, String) {
        if let Some(e) = self.error {
            return (Err(e), self.out);
        }
        if self.layout.final_newline {
            self.out.push('\n');
        }
        (Ok(()), self.out)
    }

    /// Starts a line at nesting `level` (nothing when writing on one line).
    #[allow(
        clippy::expect_used,
        reason = "the slice is cut within the constant: at most its spaces, from 0 or 1"
    )]
    fn line(&mut self, level: usize) {
        if let Some(n) = self.layout.indent {
            // From the line break, or from the spaces after it.
            let mut from = usize::from(self.out.len() <= self.base && !self.continued);
            let mut left = n * level;
            let spaces = NEWLINE_SPACES.len() - 1;
            loop {
                let k = left.min(spaces);
                let piece = NEWLINE_SPACES.get(from..=k);
                self.out
                    .push_str(piece.expect("invariant: 0 <= from <= 1 and k <= the spaces held"));
                left -= k;
                if left == 0 {
                    break;
                }
                // Deeper than one slice holds: the rest without a break.
                from = 1;
            }
        }
    }

    /// A start tag without its `>`: `name` (checked unless `known`, a name
    /// from metadata already found to be an XML name), Coupa's type
    /// attribute as written ([`type_attr`]), then `attrs`.
    fn open<'a>(
        &mut self,
        name: &str,
        known: bool,
        ty: Option<TypeAttr>,
        attrs: impl IntoIterator<Item = Attr<'a>>,
    ) {
        if !known {
            self.check_name(name, "element");
        }
        self.out.push('<');
        self.out.push_str(name);
        if let (Some(t), true) = (ty, self.coupa) {
            self.out.push_str(t.0);
        }
        for (k, v) in attrs {
            self.check_name(k, "attribute");
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            if let Some(c) = escape(&mut self.out, v, true) {
                self.fail_char(name, c);
            }
            self.out.push('"');
        }
    }

    /// The end tag of `name`.
    fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<winstrom` and its attributes, without the `>`; an attribute named
    /// twice fails (XML allows each once).
    fn envelope_tag(&mut self, attributes: &[(String, String)]) {
        let attrs = attributes.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        self.open(ENVELOPE_ROOT, true, None, attrs);
        for (i, (k, _)) in attributes.iter().enumerate() {
            if attributes.iter().take(i).any(|(seen, _)| seen == k) {
                self.fail(
                    ENVELOPE_ROOT,
                    format!("the attribute `{k}` is given twice; XML allows it once"),
                );
            }
        }
    }

    /// `<winstrom …>` and each record named after its evidence.
    fn envelope(&mut self, attributes: &[(String, String)], records: Vec<&dyn Record>) {
        self.line(0);
        self.envelope_tag(attributes);
        if records.is_empty() {
            self.out.push_str("/>");
            return;
        }
        self.out.push('>');
        for r in records {
            let known = self.facts.get(r.meta()).names_ok;
            self.record(r, r.meta().root, known, 1);
        }
        self.line(0);
        self.close(ENVELOPE_ROOT);
    }

    fn list<'r>(
        &mut self,
        meta: &'static ResourceMeta,
        records: impl Iterator<Item = &'r dyn Record>,
    ) {
        let known = self.facts.get(meta).names_ok;
        self.line(0);
        self.open(meta.plural, known, Some(ARRAY_TYPE), []);
        let mut any = false;
        for r in records {
            if !any {
                self.out.push('>');
                any = true;
            }
            let (name, known) = self.item_name(r, meta.wire, known);
            self.record(r, &name, known, 1);
        }
        if any {
            self.line(0);
            self.close(meta.plural);
        } else {
            self.out.push_str("/>");
        }
    }

    /// The element name of a record: its name element's value if it has
    /// one (Flexi change records), else `default` (`known` says whether
    /// that is a checked name).
    fn item_name<'r>(
        &mut self,
        record: &'r dyn Record,
        default: &'r str,
        known: bool,
    ) -> (Cow<'r, str>, bool) {
        let named = self.facts.get(record.meta()).name_element.and_then(|i| {
            let field = record.field(i)?;
            scalar_text(&field)
        });
        match named {
            Some(name) => (name, false),
            None => (Cow::Borrowed(default), known),
        }
    }

    /// A record as element `name` (`known`: a name already checked).
    fn record(&mut self, record: &dyn Record, name: &str, known: bool, level: usize) {
        self.enter(name);
        let mut present = self.present.pop().unwrap_or_default();
        present.clear();
        record.present(&mut present);
        self.record_content(record, name, known, &present, level);
        self.present.push(present);
        self.leave();
    }

    fn record_content(
        &mut self,
        record: &dyn Record,
        name: &str,
        known: bool,
        present: &[usize],
        level: usize,
    ) {
        let meta = record.meta();
        let facts = self.facts.get(meta);
        let mut attrs: Vec<(&str, Cow<'_, str>)> = Vec::new();
        if facts.text_element.is_some() || facts.attributes {
            // A text record carries its other elements as attributes, in
            // the order they came, then the rest; otherwise the attribute
            // elements present, in schema order.
            let order: Vec<usize> = if facts.text_element.is_none() {
                present.to_vec()
            } else if let Some(slots) = record.extra().write_order(meta.elements.len()) {
                slots
                    .iter()
                    .filter_map(|(slot, _)| match slot {
                        Slot::Element(i) => Some(*i),
                        Slot::Extra(_) => None,
                    })
                    .collect()
            } else {
                (0..meta.elements.len()).collect()
            };
            for i in order {
                let Some(el) = meta.elements.get(i) else {
                    continue;
                };
                let attribute = match el.placement {
                    Placement::Attribute => true,
                    Placement::Element => facts.text_element.is_some(),
                    Placement::Name | Placement::Text => false,
                };
                if !attribute {
                    continue;
                }
                let field = record.field(i);
                match field.as_ref().and_then(scalar_text) {
                    Some(text) => attrs.push((el.wire, text)),
                    // ABRA Flexi has no null: an empty attribute is its null
                    // (`in-version=""`), written back as it came.
                    None if self.flexi && field.as_ref().is_some_and(FieldRef::is_null) => {
                        attrs.push((el.wire, Cow::Borrowed("")));
                    }
                    None => {}
                }
            }
        }
        for x in record.extra().iter() {
            let Some(k) = x.name.strip_prefix('@') else {
                continue;
            };
            match &x.value {
                // Coupa's decoder reads a record's `type` and `nil` as its
                // parent's marks, not as the record's own: written, they
                // would be lost on reading.
                Any::String(_) if self.coupa && (k == "type" || k == "nil") => self.fail(
                    &x.name,
                    format!("Coupa XML cannot carry a record's own `{k}` attribute"),
                ),
                Any::String(v) => attrs.push((k, Cow::Borrowed(v.as_str()))),
                _ => self.fail(&x.name, "an XML attribute holds text only".to_owned()),
            }
        }
        self.line(level);
        self.open(
            name,
            known,
            None,
            attrs.iter().map(|(k, v)| (*k, v.as_ref())),
        );
        let mark = self.out.len();
        self.out.push('>');
        let wrote = if let Some(i) = facts.text_element {
            record
                .field(i)
                .is_some_and(|field| self.scalar(name, &field))
        } else {
            // Only the elements present are visited (a wide table's absent
            // ones cost nothing).
            let names_ok = facts.names_ok;
            match record.extra().write_order_of(present) {
                Some(order) => self.traced(record, names_ok, &order, level + 1),
                None => self.in_schema_order(record, names_ok, present, level + 1),
            }
        };
        if wrote {
            if facts.text_element.is_none() {
                self.line(level);
            }
            self.close(name);
        } else {
            self.out.truncate(mark);
            self.out.push_str("/>");
        }
    }

    /// Writes a record's elements in schema order, each unknown one before
    /// the known element it preceded; returns whether any was written.
    /// `names_ok`: the record's element names are checked names.
    fn in_schema_order(
        &mut self,
        record: &dyn Record,
        names_ok: bool,
        present: &[usize],
        level: usize,
    ) -> bool {
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
            // `present` lists only elements present (null or a value).
            if let Some(field) = record.field(i) {
                self.element(el, names_ok, &field, level, attrs_of(&props, el.wire));
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
        names_ok: bool,
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
                        let attrs = attrs_of(&props, el.wire);
                        self.element_tagged(el, names_ok, &field, level, tag, attrs);
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
        known: bool,
        field: &FieldRef<'_>,
        level: usize,
        tag: Option<&XmlTag>,
        attrs: &[Attr<'_>],
    ) {
        let Some(tag) = tag.filter(|t| t.name() == el.wire) else {
            return self.element(el, known, field, level, attrs);
        };
        // ABRA Flexi has no `nil`: an empty element is its null.
        if !self.flexi && field.is_null() != tag.is_nil() {
            return self.element(el, known, field, level, attrs);
        }
        if field.is_null() {
            return self.raw(el.wire, tag, "", level, false);
        }
        match field {
            FieldRef::Any(f) => {
                if let Some(v) = f.value() {
                    self.extra_tagged(el.wire, v, level, Some(tag), attrs);
                }
            }
            FieldRef::One(_) | FieldRef::Many(_) | FieldRef::Strings(_) | FieldRef::Relation(_) => {
                self.element(el, known, field, level, attrs);
            }
            scalar => {
                let mut scratch = std::mem::take(&mut self.scratch);
                let text = write_text(scalar, &mut scratch).unwrap_or_default();
                self.raw(el.wire, tag, text, level, false);
                self.scratch = scratch;
            }
        }
    }

    /// A text element written with its start tag as it came.
    fn raw(&mut self, name: &str, tag: &XmlTag, text: &str, level: usize, free: bool) {
        self.line(level);
        self.out.push('<');
        self.out.push_str(&tag.tag);
        if tag.self_closing && text.is_empty() {
            self.out.push_str("/>");
        } else {
            self.out.push('>');
            // Only an unknown element's text (`free`) without a type reads
            // as an empty object when it is layout; a known one's reads by
            // its kind.
            if free && type_of(&tag.tag).is_none() {
                self.free_text(name, text);
            } else {
                self.text(name, text);
            }
            self.close(name);
        }
    }

    /// The text of an unknown element. Layout alone across lines is how
    /// an empty object is written (`<custom-fields>\n  </custom-fields>`,
    /// as Rails writes an empty hash), so a string of only such whitespace
    /// is written with its line ends as character references, and reads
    /// back as the string.
    fn free_text(&mut self, name: &str, text: &str) {
        if text.contains('\n') && crate::de::is_layout(text) {
            escape(&mut self.out, text, true);
        } else {
            self.text(name, text);
        }
    }

    /// An empty object's element: its start and end tags around a line
    /// end (and the indentation of the end tag), as Rails writes an empty
    /// hash; `<name/>` would read back as an empty string.
    fn empty_object(&mut self, name: &str, level: usize) {
        if self.layout.indent.is_some() {
            self.line(level);
        } else {
            self.out.push('\n');
        }
        self.close(name);
    }

    /// [`Self::extra`] with the tags the element and its children came with,
    /// where the value still fits them.
    fn extra_tagged(
        &mut self,
        name: &str,
        value: &Any,
        level: usize,
        tag: Option<&XmlTag>,
        attrs: &[Attr<'_>],
    ) -> bool {
        if self.flexi && property_attribute(name).is_some() {
            return false;
        }
        let Some(tag) = tag.filter(|t| fits(t, value) && t.name() == name) else {
            return self.extra_with(name, value, level, attrs);
        };
        match value {
            Any::Null => self.raw(name, tag, "", level, false),
            Any::Bool(b) => self.raw(name, tag, boolean_text(*b), level, false),
            Any::Number(n) => self.raw(name, tag, n, level, false),
            Any::String(text) => self.raw(name, tag, text, level, true),
            Any::Array { item, items } => {
                let item = item.clone().unwrap_or_else(|| singular(name));
                self.line(level);
                self.out.push('<');
                self.out.push_str(&tag.tag);
                if items.is_empty() {
                    self.out.push_str(if tag.self_closing { "/>" } else { ">" });
                    if !tag.self_closing {
                        self.close(name);
                    }
                    return true;
                }
                self.out.push('>');
                self.enter(name);
                // Each item under the name it came with (a list may name
                // its items differently), unless the list's item name was
                // changed since: then all under the new one.
                let as_came = tag.children.first().map(XmlTag::name) == Some(item.as_str());
                for (k, v) in items.iter().enumerate() {
                    let child = tag.children.get(k);
                    let name = child
                        .filter(|_| as_came)
                        .map_or(item.as_str(), XmlTag::name);
                    self.extra_tagged(name, v, level + 1, child, &[]);
                }
                self.leave();
                self.line(level);
                self.close(name);
            }
            Any::Object(members) => {
                self.line(level);
                self.out.push('<');
                self.out.push_str(&tag.tag);
                self.out.push('>');
                if members.is_empty() {
                    self.empty_object(name, level);
                    return true;
                }
                self.enter(name);
                for (k, (member, v)) in members.iter().enumerate() {
                    self.extra_tagged(member, v, level + 1, tag.children.get(k), &[]);
                }
                self.leave();
                self.line(level);
                self.close(name);
            }
        }
        true
    }

    /// Writes a known element (`known`: its names are checked names);
    /// `attrs` are the attributes it came with beyond its value (ABRA
    /// Flexi's `showAs` of a select).
    fn element(
        &mut self,
        el: &ElementMeta,
        known: bool,
        field: &FieldRef<'_>,
        level: usize,
        attrs: &[Attr<'_>],
    ) {
        let ty = type_attr(&el.kind);
        if field.is_null() {
            if self.flexi {
                // ABRA Flexi has no `nil`: an empty element is an empty
                // value, written as an empty string is.
                let attrs = attrs.iter().copied();
                return self.text_element_with(el.wire, known, None, attrs, "", level);
            }
            self.line(level);
            self.open(el.wire, known, ty, [("nil", "true")]);
            self.out.push_str("/>");
            return;
        }
        match field {
            FieldRef::One(f) => {
                if let Some(r) = f.get().value() {
                    self.record(*r, el.wire, known, level);
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
                    let removes = f.removes_all().then_some((LIST_REMOVE_ALL, "true"));
                    self.open(el.wire, known, ty, removes);
                    if n == 0 {
                        self.out.push_str("/>");
                        return;
                    }
                    self.out.push('>');
                }
                for k in 0..n {
                    if let Some(r) = f.item(k) {
                        let (name, known) = self.item_name(r, item, known);
                        self.record(r, &name, known, level_items);
                    }
                }
                if !el.inline {
                    self.line(level);
                    self.close(el.wire);
                }
            }
            FieldRef::Strings(f) => {
                let items = f.value().map(Vec::as_slice).unwrap_or_default();
                let item = match el.kind {
                    Kind::Strings { item } => item,
                    _ => el.wire,
                };
                if el.inline {
                    // Its attributes (`external-ids@action`) have no
                    // element to stand on: refused rather than dropped.
                    if let Some((k, _)) = attrs.first() {
                        self.fail(el.wire, crate::item_attribute(el.wire, k));
                        return;
                    }
                    for s in items {
                        self.text_element_with(item, known, None, [], s, level);
                    }
                } else {
                    self.line(level);
                    self.open(el.wire, known, ty, attrs.iter().copied());
                    if items.is_empty() {
                        self.out.push_str("/>");
                        return;
                    }
                    self.out.push('>');
                    for s in items {
                        self.text_element_with(item, known, None, [], s, level + 1);
                    }
                    self.line(level);
                    self.close(el.wire);
                }
            }
            FieldRef::Relation(f) => {
                if let Some(r) = f.value() {
                    let mut scratch = std::mem::take(&mut self.scratch);
                    scratch.clear();
                    r.id.with_text(|pieces| pieces.iter().for_each(|p| scratch.push_str(p)));
                    let decorations = r.decorations().map(|(k, v)| attr(k, v));
                    let all = decorations.chain(attrs.iter().copied());
                    self.text_element_with(el.wire, known, None, all, &scratch, level);
                    self.scratch = scratch;
                }
            }
            FieldRef::Any(f) => {
                if let Some(v) = f.value() {
                    self.extra_with(el.wire, v, level, attrs);
                }
            }
            scalar => {
                self.line(level);
                self.open(el.wire, known, ty, attrs.iter().copied());
                self.out.push('>');
                self.scalar(el.wire, scalar);
                self.close(el.wire);
            }
        }
    }

    /// `<name …attrs>text</name>` on a line of its own.
    fn text_element_with<'a>(
        &mut self,
        name: &str,
        known: bool,
        ty: Option<TypeAttr>,
        attrs: impl IntoIterator<Item = Attr<'a>>,
        text: &str,
        level: usize,
    ) {
        self.line(level);
        self.open(name, known, ty, attrs);
        self.out.push('>');
        self.text(name, text);
        self.close(name);
    }

    /// Writes an unknown element; attributes (`@name`, and in ABRA Flexi
    /// an element's `name@attribute`) are written with the start tag
    /// instead, so this returns whether an element was written.
    fn extra(&mut self, name: &str, value: &Any, level: usize) -> bool {
        self.extra_with(name, value, level, &[])
    }

    /// [`Self::extra`] with the attributes `attrs` on a scalar.
    fn extra_with(&mut self, name: &str, value: &Any, level: usize, attrs: &[Attr<'_>]) -> bool {
        if name.starts_with('@') || (self.flexi && property_attribute(name).is_some()) {
            return false;
        }
        let with = attrs.iter().copied();
        match value {
            Any::Null => {
                self.line(level);
                self.open(name, false, None, [("nil", "true")].into_iter().chain(with));
                self.out.push_str("/>");
            }
            Any::Bool(b) => {
                let text = boolean_text(*b);
                let ty = type_attr(&Kind::Boolean);
                self.text_element_with(name, false, ty, with, text, level);
            }
            Any::Number(n) => {
                let ty = type_attr(if n.contains(['.', 'e', 'E']) {
                    &Kind::Decimal
                } else {
                    &Kind::Integer
                });
                self.text_element_with(name, false, ty, with, n, level);
            }
            Any::String(s) => {
                self.line(level);
                self.open(name, false, None, with);
                self.out.push('>');
                self.free_text(name, s);
                self.close(name);
            }
            Any::Array { item, items } => {
                self.line(level);
                self.open(name, false, Some(ARRAY_TYPE), with);
                if items.is_empty() {
                    self.out.push_str("/>");
                } else {
                    self.out.push('>');
                    let item = item.clone().unwrap_or_else(|| singular(name));
                    self.enter(name);
                    for v in items {
                        self.extra(&item, v, level + 1);
                    }
                    self.leave();
                    self.line(level);
                    self.close(name);
                }
            }
            Any::Object(members) => {
                self.line(level);
                self.open(name, false, None, with);
                self.out.push('>');
                if members.is_empty() {
                    self.empty_object(name, level);
                } else {
                    self.enter(name);
                    for (k, v) in members {
                        self.extra(k, v, level + 1);
                    }
                    self.leave();
                    self.line(level);
                    self.close(name);
                }
            }
        }
        true
    }
}

/// Whether Coupa's encoder, writing unknown element `name` holding `value`
/// without a tag to follow, writes exactly `tag` and its children's tags
/// (as [`Writer::extra`] does), so a decoder's trace need not keep them:
/// `<x nil="true"/>`, `<x type="boolean">`, `<x type="integer">` (or
/// `decimal`, as the number reads), `<x>` for text and objects, and
/// `<x type="array">` (self-closing when empty) with items named after the
/// first.
pub(crate) fn writes_tag(name: &str, value: &Any, tag: &XmlTag) -> bool {
    let Some(attrs) = tag.tag.strip_prefix(name) else {
        return false;
    };
    let leaf = |expected: &str| attrs == expected && !tag.self_closing && tag.children.is_empty();
    match value {
        Any::Null => attrs == " nil=\"true\"" && tag.self_closing && tag.children.is_empty(),
        Any::Bool(_) => leaf(" type=\"boolean\""),
        Any::Number(n) if n.contains(['.', 'e', 'E']) => leaf(" type=\"decimal\""),
        Any::Number(_) => leaf(" type=\"integer\""),
        Any::String(_) => leaf(""),
        Any::Array { item, items } => {
            let item = item
                .as_deref()
                .map_or_else(|| Cow::Owned(singular(name)), Cow::Borrowed);
            attrs == " type=\"array\""
                && tag.self_closing == items.is_empty()
                && tag.children.len() == items.len()
                && items
                    .iter()
                    .zip(&tag.children)
                    .all(|(v, t)| writes_tag(&item, v, t))
        }
        Any::Object(members) => {
            attrs.is_empty()
                && !tag.self_closing
                && tag.children.len() == members.len()
                && members
                    .iter()
                    .zip(&tag.children)
                    .all(|((k, v), t)| writes_tag(k, v, t))
        }
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

    /// Escaping as a plain match on every character, as the fast path must
    /// write it.
    fn escaped_slowly(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\r' => out.push_str("&#13;"),
                '"' if attribute => out.push_str("&quot;"),
                '\'' if attribute => out.push_str("&apos;"),
                '\t' if attribute => out.push_str("&#9;"),
                '\n' if attribute => out.push_str("&#10;"),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn escaping_agrees_with_a_plain_match_and_finds_what_xml_cannot_hold() {
        let mut alphabet: Vec<char> = (0u8..128).map(char::from).collect();
        alphabet.extend([
            'é', '€', '\u{FEFF}', '\u{EFFF}', '\u{FFFD}', '\u{FFFE}', '\u{FFFF}', '😀',
        ]);
        for &c in &alphabet {
            // Each character alone, and at every offset around the 16-byte
            // chunks, among plain text.
            for at in [0, 1, 15, 16, 17, 31, 40] {
                let text: String = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF"
                    .chars()
                    .take(at)
                    .chain([c, 'x', c])
                    .collect();
                for attribute in [false, true] {
                    let mut out = String::from("<");
                    let bad = escape(&mut out, &text, attribute);
                    assert_eq!(
                        out.get(1..),
                        Some(escaped_slowly(&text, attribute).as_str()),
                        "{text:?}"
                    );
                    assert_eq!(
                        bad,
                        text.chars().find(|&c| !crate::chars::is_xml_char(c)),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_type_attribute_is_read_from_a_tag() {
        assert_eq!(type_of(r#"created-at type="dateTime""#), Some("dateTime"));
        assert_eq!(type_of("x type='symbol' nil='true'"), Some("symbol"));
        assert_eq!(type_of(r#"x nil="true""#), None);
    }
}
