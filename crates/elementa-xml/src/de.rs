//! Decoding: quick-xml events read straight into typed fields.

use std::borrow::Cow;

use elementa::LIST_REMOVE_ALL;
use elementa::{
    Any, DecodeError, Dialect, ENVELOPE_ROOT, ElementMeta, Envelope, Field, FieldMut, Kind,
    Placement, Record, Relation, Resolve, Resource, ResourceMeta, Shape, Slot, StreamItem, Trace,
    XmlTag,
};
use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use crate::source::{Loc, Source, TextSource, append, cdata_content, join, text_content};
use crate::{Body, Document, EnvelopeDocument, Layout};

pub use elementa::DecodeOptions;

/// Decodes one resource of type `T` from XML text.
pub fn from_str<T: Resource>(text: &str) -> Result<T, DecodeError> {
    let doc = decode(T::resource_meta(), text, DecodeOptions::default())?;
    let record = match doc.body {
        Body::One(r) => r,
        Body::List(_) => {
            return Err(DecodeError {
                line: 1,
                column: 1,
                path: String::new(),
                message: format!("expected one <{}>, found a list", T::resource_meta().root),
            });
        }
    };
    record
        .into_any()
        .downcast::<T>()
        .map(|b| *b)
        .map_err(|_| DecodeError {
            line: 0,
            column: 0,
            path: String::new(),
            message: "internal error: decoded record of another type".into(),
        })
}

/// The root element's name and whether it is marked `type="array"`, read
/// without decoding the document (for telling which resource a file holds).
pub fn peek_root(text: &str) -> Result<(String, bool), DecodeError> {
    let text = elementa::strip_bom(text);
    let mut reader = Reader::from_str(text);
    loop {
        let pos = reader.buffer_position();
        match peek_event(&mut reader, text)? {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                let array = attr(&e, "type").as_deref() == Some("array");
                return Ok((name, array));
            }
            Event::Eof => return Err(at(text, pos, String::new(), "no root element".into())),
            _ => {}
        }
    }
}

/// The next event of a peek at the document's start; a DTD or a syntax
/// error is an error at its position.
fn peek_event<'a>(reader: &mut Reader<&'a [u8]>, text: &str) -> Result<Event<'a>, DecodeError> {
    let pos = reader.buffer_position();
    match reader.read_event() {
        Ok(Event::DocType(_)) => Err(at(text, pos, String::new(), NO_DTD.into())),
        Ok(event) => Ok(event),
        Err(e) => Err(at(
            text,
            reader.error_position(),
            String::new(),
            e.to_string(),
        )),
    }
}

/// The first child element of the root: its name and its attributes' names,
/// read without decoding the document (for telling what a `winstrom`
/// document holds); `None` when the root has no child element.
///
/// ```
/// let text = "<winstrom version=\"1.0\"><adresar in-version=\"3\"><id>1</id></adresar></winstrom>";
/// let (name, attributes) = elementa_xml::peek_first_child(text).unwrap().unwrap();
/// assert_eq!((name.as_str(), attributes), ("adresar", vec!["in-version".to_owned()]));
/// assert_eq!(elementa_xml::peek_first_child("<winstrom/>").unwrap(), None);
/// ```
pub fn peek_first_child(text: &str) -> Result<Option<(String, Vec<String>)>, DecodeError> {
    let text = elementa::strip_bom(text);
    let mut reader = Reader::from_str(text);
    let mut depth = 0usize;
    loop {
        match peek_event(&mut reader, text)? {
            Event::Start(e) | Event::Empty(e) if depth == 1 => {
                let name = e.name().as_ref().to_owned();
                let attributes = e
                    .attributes()
                    .flatten()
                    .map(|a| <str as ToOwned>::to_owned(a.key.as_ref()))
                    .collect();
                return Ok(Some((name, attributes)));
            }
            Event::Start(_) => depth += 1,
            Event::Empty(_) | Event::End(_) | Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

pub(crate) const NO_DTD: &str = "a DTD (<!DOCTYPE …>) is not allowed: entity expansion is off";

fn at(text: &str, offset: u64, path: String, message: String) -> DecodeError {
    let (line, column) = elementa::line_col(text, usize::try_from(offset).unwrap_or(usize::MAX));
    DecodeError {
        line,
        column,
        path,
        message,
    }
}

/// The value of attribute `name` of `e`, the first if repeated; malformed
/// attributes are passed over (they are reported where the attributes are
/// read). A tag whose attributes do not hold `name` at all is not parsed.
fn attr<'e>(e: &'e BytesStart<'_>, name: &str) -> Option<Cow<'e, str>> {
    // Compared byte by byte: a library call costs more than these few
    // bytes, on nearly every tag.
    let (list, name_bytes) = (e.attributes_raw().as_bytes(), name.as_bytes());
    let holds = !name_bytes.is_empty()
        && list
            .windows(name_bytes.len())
            .any(|w| w.iter().zip(name_bytes).all(|(a, b)| a == b));
    if !holds {
        return None;
    }
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
}

/// Decodes an XML document holding one record of `meta` or a list of them.
pub fn decode(
    meta: &'static ResourceMeta,
    text: &str,
    options: DecodeOptions,
) -> Result<Document, DecodeError> {
    let mut d = Decoder::new(
        TextSource::new(text),
        options,
        meta.dialect == Dialect::Flexi,
    );
    d.document(meta)
}

/// Decodes an ABRA Flexi `winstrom` document holding records of any
/// evidences `resolve` knows (`elementa_flexi::wire::evidence`), keeping the
/// envelope's attributes and the layout.
///
/// ```
/// let text = "<winstrom version=\"1.0\">\n  <adresar>\n    <kod>ACME</kod>\n  </adresar>\n\
///             </winstrom>\n";
/// let doc = elementa_xml::decode_envelope(text, &elementa_flexi::wire::evidence,
///     Default::default()).unwrap();
/// assert_eq!(doc.envelope.records[0].meta().id, "flexi/adresar");
/// assert_eq!(elementa_xml::encode_envelope(&doc).unwrap(), text);
///
/// let err = elementa_xml::decode_envelope("<winstrom><adresa/></winstrom>",
///     &elementa_flexi::wire::evidence, Default::default()).unwrap_err();
/// assert_eq!(err.to_string(),
///     "1:11: unexpected <adresa> in <winstrom>: no evidence of that name is expected here");
/// ```
pub fn decode_envelope(
    text: &str,
    resolve: Resolve<'_>,
    options: DecodeOptions,
) -> Result<EnvelopeDocument, DecodeError> {
    let mut d = Decoder::new(TextSource::new(text), options, true);
    let (open, layout) = d.root()?;
    let name = open.start.name().as_ref().to_owned();
    if name != ENVELOPE_ROOT {
        return Err(d.err(format!("expected <{ENVELOPE_ROOT}>, found <{name}>")));
    }
    let envelope = d.envelope(&open, resolve)?;
    d.end_of_document()?;
    Ok(EnvelopeDocument { envelope, layout })
}

/// Decodes the records of `meta` from `reader` one at a time, handing each
/// to `each` before reading the next (see [`crate::for_each`]).
pub(crate) fn stream_records<R: std::io::BufRead>(
    meta: &'static ResourceMeta,
    reader: R,
    options: DecodeOptions,
    each: &mut dyn FnMut(StreamItem<'_>) -> std::io::Result<()>,
) -> Result<Holds, elementa::StreamError> {
    let src = crate::source::ReadSource::new(reader);
    let mut d = Decoder::new(src, options, meta.dialect == Dialect::Flexi);
    let (holds, _) = d.records(meta, &mut |item| {
        each(item).map_err(elementa::StreamError::Io)
    })?;
    Ok(holds)
}

/// Refuses what XML 1.0 cannot hold in an event (the same rules for
/// document and streaming decoding): element and attribute names that are
/// not XML names, and characters outside XML's (a raw NUL). The error's
/// byte offset is from the event's start, markup included.
#[derive(Default)]
pub(crate) struct Checker {
    /// Attribute lists (what follows the name in a start tag) whose names
    /// were found to be XML names. A document repeats a few lists on most
    /// of its tags (Coupa's ` type="integer"`), so each is parsed once.
    good_lists: Vec<Box<str>>,
}

/// How many attribute lists a [`Checker`] remembers, and how long each may
/// be: enough for a vendor's typed elements, little to compare against.
const GOOD_LISTS: usize = 16;
const GOOD_LIST_LEN: usize = 48;

impl Checker {
    /// Checks the names and the characters of `event`.
    pub(crate) fn event(&mut self, event: &Event<'_>) -> Result<(), (usize, String)> {
        self.names(event)?;
        check_chars(event)
    }

    /// Checks the names of `event` (element and attribute names) only.
    #[inline]
    pub(crate) fn names(&mut self, event: &Event<'_>) -> Result<(), (usize, String)> {
        // Inlined, so that the other half of the events costs no call.
        match event {
            Event::Start(e) | Event::Empty(e) => self.tag_names(e),
            _ => Ok(()),
        }
    }

    /// [`Checker::names`] of a start tag.
    fn tag_names(&mut self, e: &BytesStart<'_>) -> Result<(), (usize, String)> {
        let name = e.name();
        let name: &str = name.as_ref();
        if !crate::chars::is_xml_name(name) {
            return Err((0, format!("`{}` is not an XML element name", clip(name))));
        }
        let list = e.attributes_raw();
        if list.is_empty() || self.good_lists.iter().any(|l| **l == *list) {
            return Ok(());
        }
        for a in e.attributes().with_checks(false).flatten() {
            let key: &str = a.key.as_ref();
            if !crate::chars::is_xml_name(key) {
                return Err((0, format!("`{}` is not an XML attribute name", clip(key))));
            }
        }
        if self.good_lists.len() < GOOD_LISTS && list.len() <= GOOD_LIST_LEN {
            self.good_lists.push(list.into());
        }
        Ok(())
    }
}

/// The characters half of [`Checker::event`]: what the event holds.
fn check_chars(event: &Event<'_>) -> Result<(), (usize, String)> {
    let Some((raw, skip)) = event_content(event) else {
        return Ok(());
    };
    match crate::chars::forbidden_char(raw) {
        Some((i, c)) => Err((
            skip + i,
            format!(
                "{} is not a character XML 1.0 can hold",
                crate::chars::describe(c)
            ),
        )),
        None => Ok(()),
    }
}

/// An event's content as written and the length of the markup before it
/// (`<`, `<![CDATA[`, `<!--`, `<?`), for the events whose characters are
/// checked.
pub(crate) fn event_content<'e>(event: &'e Event<'_>) -> Option<(&'e str, usize)> {
    Some(match event {
        Event::Start(e) | Event::Empty(e) => (e.as_ref(), 1),
        Event::Text(e) => (e.as_ref(), 0),
        Event::CData(e) => (e.as_ref(), 9),
        Event::Comment(e) => (e.as_ref(), 4),
        Event::PI(e) => (e.as_ref(), 2),
        _ => return None,
    })
}

/// How a document holds its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    /// One record at the root.
    One,
    /// A list root (possibly empty).
    List,
    /// A Flexi `winstrom` envelope.
    Envelope,
}

enum Seg {
    Wire(&'static str),
    Name(String),
    Index(usize),
}

struct Decoder<'a, S: Source<'a>> {
    src: S,
    options: DecodeOptions,
    depth: usize,
    path: Vec<Seg>,
    flexi: bool,
    /// Where the element being read starts, for error positions.
    mark: Loc,
    /// Scratch space for [`Trace::is_schema_order`].
    present: Vec<usize>,
    /// How many records deep the decoder is (1: the payload's own).
    level: usize,
    /// The start tags of the known free-form element just read, with its
    /// children's (`<item/>` or `<item></item>`), for its trace slot.
    any_tag: Option<XmlTag>,
    /// What each resource's metadata says, worked out once per document.
    facts: crate::ser::FactCache,
    /// Trace buffers of records whose trace was not kept, for reuse
    /// (empty).
    traces: Vec<Trace>,
    _events: std::marker::PhantomData<Event<'a>>,
}

impl<'a, S: Source<'a>> Decoder<'a, S> {
    fn new(src: S, options: DecodeOptions, flexi: bool) -> Self {
        Decoder {
            src,
            options,
            depth: 0,
            path: Vec::new(),
            flexi,
            mark: Loc::default(),
            present: Vec::new(),
            level: 0,
            any_tag: None,
            facts: crate::ser::FactCache::default(),
            traces: Vec::new(),
            _events: std::marker::PhantomData,
        }
    }
}

/// One child element as it was opened.
struct Open<'a> {
    start: BytesStart<'a>,
    empty: bool,
    /// Where the start tag starts.
    at: Loc,
}

impl<'a, S: Source<'a>> Decoder<'a, S> {
    fn path_string(&self) -> String {
        let mut s = String::new();
        for seg in &self.path {
            match seg {
                Seg::Wire(n) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(n);
                }
                Seg::Name(n) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(n);
                }
                Seg::Index(i) => s.push_str(&format!("[{i}]")),
            }
        }
        s
    }

    /// An error at `loc`.
    fn at(&self, loc: Loc, message: String) -> DecodeError {
        let (line, column) = self.src.line_col(loc);
        DecodeError {
            line,
            column,
            path: self.path_string(),
            message,
        }
    }

    /// An error at the element being read.
    fn err(&self, message: impl Into<String>) -> DecodeError {
        self.at(self.mark, message.into())
    }

    /// An attribute's value (normalized as XML 1.0 says), refused when it
    /// holds a character XML 1.0 cannot (`&#0;`).
    fn attr_value<'v>(
        &self,
        a: &'v quick_xml::events::attributes::Attribute<'_>,
    ) -> Result<Cow<'v, str>, DecodeError> {
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| self.err(e.to_string()))?;
        // A value as written was checked with its tag (`Checker::event`); one
        // that normalizing changed may hold what a reference stands for.
        if let Cow::Owned(value) = &value
            && let Some((_, c)) = crate::chars::forbidden_char(value)
        {
            let key: &str = a.key.as_ref();
            return Err(self.err(format!(
                "attribute `{key}` holds {}, which XML 1.0 cannot hold",
                crate::chars::describe(c)
            )));
        }
        Ok(value)
    }

    /// A malformed attribute of `open` (a duplicate, a missing `=`), at the
    /// attribute rather than at the tag.
    fn attr_err(
        &self,
        open: &Open<'_>,
        e: &quick_xml::events::attributes::AttrError,
    ) -> DecodeError {
        use quick_xml::events::attributes::AttrError;
        let within = match e {
            AttrError::ExpectedEq(p)
            | AttrError::ExpectedValue(p)
            | AttrError::UnquotedValue(p)
            | AttrError::ExpectedQuote(p, _)
            | AttrError::Duplicated(p, _) => *p,
        };
        // Positions count from the tag's name, after its `<`.
        let tag: &str = &open.start;
        let loc = open.at.moved("<").moved(tag.get(..within).unwrap_or(tag));
        self.at(loc, e.to_string())
    }

    #[inline]
    fn next(&mut self) -> Result<Event<'a>, DecodeError> {
        match self.src.next_event() {
            Ok((event, at)) => {
                self.mark = at;
                Ok(event)
            }
            Err((at, message)) => Err(self.at(at, message)),
        }
    }

    fn enter(&mut self) -> Result<(), DecodeError> {
        self.depth += 1;
        if self.depth > self.options.max_depth {
            return Err(self.err(format!(
                "nesting deeper than the limit of {} levels",
                self.options.max_depth
            )));
        }
        Ok(())
    }

    /// Reads up to and including the root element's start tag: the layout
    /// so far (declaration, indentation) and the root.
    fn root(&mut self) -> Result<(Open<'a>, Layout), DecodeError> {
        let mut layout = Layout {
            declaration: None,
            indent: None,
            final_newline: self.src.ends_with_newline(),
        };
        let open = loop {
            match self.next()? {
                Event::Decl(d) => {
                    layout.declaration = Some((*d).to_owned());
                }
                Event::Start(start) => {
                    break Open {
                        start,
                        empty: false,
                        at: self.mark,
                    };
                }
                Event::Empty(start) => {
                    break Open {
                        start,
                        empty: true,
                        at: self.mark,
                    };
                }
                Event::Eof => return Err(self.err("no root element")),
                Event::Text(t) if t.trim_ascii().is_empty() => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(self.err("text before the root element")),
            }
        };
        layout.indent = self.src.indent(open.at, open.empty);
        Ok((open, layout))
    }

    /// Reads what follows the root element: only layout, comments and
    /// processing instructions may.
    fn end_of_document(&mut self) -> Result<(), DecodeError> {
        loop {
            match self.next()? {
                Event::Eof => return Ok(()),
                Event::Text(t) if t.trim_ascii().is_empty() => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(self.err("content after the root element")),
            }
        }
    }

    fn document(&mut self, meta: &'static ResourceMeta) -> Result<Document, DecodeError> {
        let mut records = Vec::new();
        let (holds, layout) = self.records(meta, &mut |item| {
            if let StreamItem::Record(_, r) = item {
                records.push(r);
            }
            Ok::<_, DecodeError>(())
        })?;
        let body = match holds {
            Holds::List => Body::List(records),
            // A single record, or an envelope holding exactly one.
            Holds::One | Holds::Envelope => match records.pop() {
                Some(r) if records.is_empty() => Body::One(r),
                Some(r) => {
                    records.push(r);
                    Body::List(records)
                }
                None => Body::List(records),
            },
        };
        Ok(Document { meta, body, layout })
    }

    /// Reads a document of `meta` records — one, a list, or those of a
    /// Flexi envelope — handing each to `each` as soon as it is read (an
    /// envelope's attributes before them), and up to its end: how it holds
    /// them and its layout.
    pub(crate) fn records<E: From<DecodeError>>(
        &mut self,
        meta: &'static ResourceMeta,
        each: &mut dyn FnMut(StreamItem<'_>) -> Result<(), E>,
    ) -> Result<(Holds, Layout), E> {
        let (open, layout) = self.root()?;
        let name = open.start.name().as_ref().to_owned();
        let is_array = attr(&open.start, "type").as_deref() == Some("array");
        let in_envelope = self.flexi && meta.root != ENVELOPE_ROOT && name == ENVELOPE_ROOT;
        let holds = if in_envelope {
            let only = |evidence: &str| (evidence == meta.root).then_some(meta);
            each(StreamItem::Envelope)?;
            self.envelope_each(&open, &only, each)?;
            Holds::Envelope
        } else if name == meta.root && !is_array {
            let mut record = (meta.new)();
            self.record(&mut *record, &open, &name)?;
            each(StreamItem::Record(Shape::One, record))?;
            Holds::One
        } else if name == meta.plural || is_array {
            if !open.empty {
                self.enter()?;
                let mut index = 0;
                while let Some(item) = self.child()? {
                    let record = self.list_item(meta, &item, index)?;
                    each(StreamItem::Record(Shape::List, record))?;
                    index += 1;
                }
                self.depth -= 1;
            }
            Holds::List
        } else {
            let expected = if self.flexi && meta.root != ENVELOPE_ROOT {
                format!("<{ENVELOPE_ROOT}> holding <{}>", meta.root)
            } else {
                format!("<{}> or <{} type=\"array\">", meta.root, meta.plural)
            };
            return Err(self
                .err(format!("expected {expected}, found <{name}>"))
                .into());
        };
        self.end_of_document()?;
        Ok((holds, layout))
    }

    /// Reads a `winstrom` envelope: its attributes, and each child as a
    /// record of the evidence `resolve` names.
    fn envelope(&mut self, open: &Open<'_>, resolve: Resolve<'_>) -> Result<Envelope, DecodeError> {
        let mut records = Vec::new();
        let attributes = self.envelope_each(open, resolve, &mut |item| {
            if let StreamItem::Record(_, r) = item {
                records.push(r);
            }
            Ok::<_, DecodeError>(())
        })?;
        Ok(Envelope {
            attributes,
            records,
        })
    }

    /// [`Self::envelope`], handing to `each` the envelope's attributes
    /// before any record, then each record (as a list's) as it is read; the
    /// envelope's attributes.
    fn envelope_each<E: From<DecodeError>>(
        &mut self,
        open: &Open<'_>,
        resolve: Resolve<'_>,
        each: &mut dyn FnMut(StreamItem<'_>) -> Result<(), E>,
    ) -> Result<Vec<(String, String)>, E> {
        let mut attributes = Vec::new();
        for a in open.start.attributes() {
            let a = a.map_err(|e| self.attr_err(open, &e))?;
            let value = self.attr_value(&a)?;
            attributes.push((
                <str as ToOwned>::to_owned(a.key.as_ref()),
                value.into_owned(),
            ));
        }
        for (k, v) in &attributes {
            each(StreamItem::Attribute(k, v))?;
        }
        if open.empty {
            return Ok(attributes);
        }
        self.enter()?;
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        while let Some(child) = self.child()? {
            let name = child.start.name().as_ref().to_owned();
            let meta = resolve(&name)
                .filter(|m| m.root != ENVELOPE_ROOT)
                .ok_or_else(|| {
                    self.err(format!(
                        "unexpected <{name}> in <{ENVELOPE_ROOT}>: no evidence of that name is expected here"
                    ))
                })?;
            let index = match counts.iter_mut().find(|(id, _)| *id == meta.id) {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    counts.push((meta.id, 1));
                    0
                }
            };
            self.path.push(Seg::Wire(meta.root));
            self.path.push(Seg::Index(index));
            let mut record = (meta.new)();
            self.record(&mut *record, &child, &name)?;
            self.path.pop();
            self.path.pop();
            each(StreamItem::Record(Shape::List, record))?;
        }
        self.depth -= 1;
        Ok(attributes)
    }

    /// The next child element of the element being read, or `None` at its
    /// end tag; whitespace, comments and processing instructions are skipped,
    /// and text between elements is an error.
    fn child(&mut self) -> Result<Option<Open<'a>>, DecodeError> {
        loop {
            let (start, empty) = match self.next()? {
                Event::Start(start) => (start, false),
                Event::Empty(start) => (start, true),
                Event::End(_) => return Ok(None),
                Event::Text(t) if t.trim_ascii().is_empty() => continue,
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Eof => return Err(self.err("unexpected end of the document")),
                _ => return Err(self.err("unexpected text between elements")),
            };
            return Ok(Some(Open {
                start,
                empty,
                at: self.mark,
            }));
        }
    }

    /// The character an entity or character reference stands for; only the
    /// five predefined entities exist, since DTDs are refused.
    fn entity(&self, name: &str) -> Result<char, DecodeError> {
        if let Some(c) = crate::entity_char(name)
            && !crate::chars::is_xml_char(c)
        {
            return Err(self.err(format!(
                "`&{name};` stands for {}, which XML 1.0 cannot hold",
                crate::chars::describe(c)
            )));
        }
        crate::entity_char(name).ok_or_else(|| {
            self.err(format!(
                "unknown entity `&{name};`: entity expansion is off"
            ))
        })
    }

    fn list_item(
        &mut self,
        meta: &'static ResourceMeta,
        open: &Open<'_>,
        index: usize,
    ) -> Result<Box<dyn Record>, DecodeError> {
        let name = open.start.name().as_ref().to_owned();
        self.path.push(Seg::Index(index));
        if name != meta.wire && self.facts.get(meta).name_element.is_none() {
            return Err(self.err(format!("expected <{}>, found <{name}>", meta.wire)));
        }
        let mut record = (meta.new)();
        self.record(&mut *record, open, &name)?;
        self.path.pop();
        Ok(record)
    }

    /// Reads the attributes and children of a record's element.
    fn record(
        &mut self,
        record: &mut dyn Record,
        open: &Open<'_>,
        name: &str,
    ) -> Result<(), DecodeError> {
        self.enter()?;
        let meta = record.meta();
        let facts = self.facts.get(meta);
        // Whether the record holds an element its trace has no slot for.
        let mut untraced = false;
        if let Some(i) = facts.name_element
            && let Some(FieldMut::String(f)) = record.field_mut(i)
        {
            *f = Field::Value(name.to_owned());
            untraced = true;
        }
        // A trace buffer from the pool (cleared), so a record whose trace
        // is not kept allocates none.
        let mut trace = self.traces.pop().unwrap_or_default();
        let mut unknown_names = elementa::UniqueNames::default();
        // A record with a text element carries its other elements as
        // attributes, in the order they came.
        let text_record = facts.text_element.is_some();
        if let Some(i) = facts.text_element {
            // JSON writes the text (`message`) first.
            trace.push(Slot::Element(i), None);
        }
        for a in open.start.attributes() {
            let a = a.map_err(|e| self.attr_err(open, &e))?;
            let key: &str = a.key.as_ref();
            let value = self.attr_value(&a)?;
            match meta.element(key) {
                Some((i, el))
                    if el.placement == Placement::Attribute
                        || (text_record && el.placement == Placement::Element) =>
                {
                    if text_record {
                        trace.push(Slot::Element(i), None);
                    }
                    untraced = true;
                    self.path.push(Seg::Wire(el.wire));
                    self.mark = open.at;
                    if let Some(slot) = record.field_mut(i) {
                        self.scalar(slot, el, value)?;
                    }
                    self.path.pop();
                }
                // Coupa marks records with `type`/`nil` only on their parent's
                // behalf; those are read by the caller.
                _ if !self.flexi && (key == "type" || key == "nil") => {}
                // An attribute is no element: it stands before all of them.
                _ => {
                    record
                        .extra_mut()
                        .push(format!("@{key}"), Any::String(value.into_owned()), 0);
                }
            }
        }
        if let Some((i, el)) = facts
            .text_element
            .and_then(|i| meta.elements.get(i).map(|el| (i, el)))
        {
            let text = self.text_of(open)?;
            self.mark = open.at;
            if let Some(slot) = record.field_mut(i) {
                self.path.push(Seg::Wire(el.wire));
                self.scalar(slot, el, text)?;
                self.path.pop();
            }
            record.extra_mut().set_trace(Some(trace));
            self.depth -= 1;
            return Ok(());
        }
        let mut seen = elementa::ElementSet::new(meta.elements.len());
        let mut position = 0;
        // Whether the elements came in schema order, each once, each
        // present (the last one's index).
        let (mut in_order, mut last) = (true, None);
        self.level += 1;
        let (keep, level) = (self.options.keep, self.level);
        // Whether an element (`None`: an unknown one) is read at all.
        let keeps =
            |el: Option<&ElementMeta>| keep == elementa::Keep::All || keep.keeps(meta, level, el);
        if !open.empty {
            while let Some(child) = self.child()? {
                let qname = child.start.name();
                let cname: &str = qname.as_ref();
                match self.locate(meta, cname, &seen) {
                    Some(i) => {
                        let Some(el) = meta.elements.get(i) else {
                            continue;
                        };
                        self.path.push(Seg::Wire(el.wire));
                        if !is_list(el) && !seen.insert(i) {
                            return Err(self.err("duplicate element"));
                        }
                        if !keeps(Some(el)) {
                            self.skip(&child)?;
                            self.path.pop();
                            continue;
                        }
                        // Its start tag is kept only where the encoder
                        // would not write the same (`keeps_tag`; most
                        // elements: no allocation).
                        let n = trace.slots.len();
                        trace.push(Slot::Element(i), None);
                        // The tag the encoder writes holds no `nil`: no
                        // need to look for one.
                        let usual = is_usual_tag(el, &child, !self.flexi);
                        let nil = !usual && attr(&child.start, "nil").as_deref() == Some("true");
                        if let Some(slot) = record.field_mut(i) {
                            self.element(slot, el, &child, cname, nil)?;
                        }
                        let read = record.field(i).map(|f| (f.is_present(), f.is_null()));
                        in_order &= last.is_none_or(|l| l < i) && read.is_some_and(|r| r.0);
                        last = Some(i);
                        // A free-form value keeps its children's tags too.
                        if let Some(tag) = self.any_tag.take() {
                            trace.set_tag(n, tag);
                        } else if keeps_tag(el, &child, read, !self.flexi, usual) {
                            trace.set_tag(n, tag_of(&child));
                        }
                        position = position.max(i + 1);
                        if self.flexi && el.inline && matches!(el.kind, Kind::Strings { .. }) {
                            // An inline list's item (`external-ids`' `<id>`)
                            // has no key its attribute could travel under:
                            // refused rather than lost.
                            if let Some(a) = child.start.attributes().next() {
                                let a = a.map_err(|e| self.attr_err(&child, &e))?;
                                let key: &str = a.key.as_ref();
                                return Err(self.err(crate::item_attribute(el.wire, key)));
                            }
                        } else if self.flexi && carries_attributes(el) {
                            self.property_attributes(
                                record,
                                &child,
                                el.wire,
                                position,
                                &mut trace,
                                &mut unknown_names,
                            )?;
                        }
                        self.path.pop();
                    }
                    None if !keeps(None) => self.skip(&child)?,
                    None => {
                        self.path.push(Seg::Name(cname.to_owned()));
                        if unknown_names.is_repeated(record.extra(), cname) {
                            return Err(self.err("duplicate element"));
                        }
                        let (value, tag) = self.any_tagged(&child)?;
                        self.path.pop();
                        // Coupa's encoder writes the usual tags itself.
                        let usual = !self.flexi && crate::ser::writes_tag(cname, &value, &tag);
                        trace.push(Slot::Extra(record.extra().0.len()), (!usual).then_some(tag));
                        record.extra_mut().push(cname.to_owned(), value, position);
                    }
                }
            }
        }
        // An inline list Flexi's JSON always writes (`"external-ids": []`)
        // with no items is present and empty: XML cannot say otherwise.
        let listed = if facts.always_listed {
            meta.elements
        } else {
            &[]
        };
        for (i, el) in listed.iter().enumerate() {
            if always_listed(el)
                && let Some(slot) = record.field_mut(i)
            {
                match slot {
                    FieldMut::Many(f) if f.count().is_absent() => f.make_empty(),
                    FieldMut::Strings(f) if f.is_absent() => *f = Field::Value(Vec::new()),
                    _ => continue,
                }
                untraced = true;
            }
        }
        // A record that came in schema order, with no start tag to keep,
        // is written the same without its trace. When it holds exactly the
        // elements of its trace, in order, and nothing unknown, that needs
        // no asking the record, which visits every element of its table.
        let plain = in_order && !untraced && record.extra().0.is_empty();
        debug_assert!(
            !plain || Trace::is_schema_order(&*record, &trace.slots, &mut self.present),
            "invariant: a record read in schema order is written in it"
        );
        if trace.tags.is_empty()
            && (plain || Trace::is_schema_order(&*record, &trace.slots, &mut self.present))
        {
            trace.slots.clear();
            self.traces.push(trace);
        } else {
            record.extra_mut().set_trace(Some(trace));
        }
        self.level -= 1;
        self.depth -= 1;
        Ok(())
    }

    /// Which element a child named `name` belongs to: a child element of that
    /// name (the first occurrence, for a scalar), else an inline list whose
    /// items carry that name, else an inline list of named records (`*`).
    fn locate(
        &self,
        meta: &ResourceMeta,
        name: &str,
        seen: &elementa::ElementSet,
    ) -> Option<usize> {
        let direct = meta
            .element(name)
            .filter(|(_, e)| e.placement == Placement::Element && !e.inline);
        if let Some((i, _)) = direct
            && !seen.contains(i)
        {
            return Some(i);
        }
        let inline = |want: &dyn Fn(&str) -> bool| {
            meta.elements.iter().position(|e| {
                e.inline
                    && match e.kind {
                        Kind::Strings { item } | Kind::Many { item, .. } => want(item),
                        _ => false,
                    }
            })
        };
        inline(&|item| item == name)
            .or_else(|| direct.map(|(i, _)| i))
            .or_else(|| inline(&|item| item == "*"))
    }

    /// The target resource of an association element.
    fn target(&self, el: &ElementMeta) -> Result<&'static ResourceMeta, DecodeError> {
        el.kind
            .target()
            .ok_or_else(|| self.err("internal: an association without a target"))
    }

    /// Reads one child element into its slot; `nil`: its tag says
    /// `nil="true"`.
    fn element(
        &mut self,
        slot: FieldMut<'_>,
        el: &ElementMeta,
        open: &Open<'_>,
        name: &str,
        nil: bool,
    ) -> Result<(), DecodeError> {
        match slot {
            FieldMut::One(f) => {
                if nil {
                    self.skip(open)?;
                    f.set_null();
                    return Ok(());
                }
                let target = self.target(el)?;
                let record = f
                    .set((target.new)())
                    .ok_or_else(|| self.err("internal: association of another resource"))?;
                self.record(record, open, name)
            }
            FieldMut::Many(f) if el.inline => {
                let target = self.target(el)?;
                let index = f.count().value().copied().unwrap_or(0);
                let record = f
                    .push((target.new)())
                    .ok_or_else(|| self.err("internal: association of another resource"))?;
                if let Some(Seg::Wire(_)) = self.path.last() {
                    self.path.pop();
                    self.path.push(Seg::Wire(el.wire));
                }
                self.path.push(Seg::Index(index));
                self.record(record, open, name)?;
                self.path.pop();
                Ok(())
            }
            FieldMut::Many(f) => {
                if nil {
                    self.skip(open)?;
                    f.set_null();
                    return Ok(());
                }
                let target = self.target(el)?;
                f.make_empty();
                self.list_attributes(open, f)?;
                if open.empty {
                    return Ok(());
                }
                self.enter()?;
                let mut index = 0;
                while let Some(item) = self.child()? {
                    let iname = item.start.name().as_ref().to_owned();
                    let expected = match el.kind {
                        Kind::Many { item, .. } => item,
                        _ => "*",
                    };
                    self.path.push(Seg::Index(index));
                    if expected != "*" && iname != expected {
                        return Err(self.err(format!("expected <{expected}>, found <{iname}>")));
                    }
                    let record = f
                        .push((target.new)())
                        .ok_or_else(|| self.err("internal: association of another resource"))?;
                    self.record(record, &item, &iname)?;
                    self.path.pop();
                    index += 1;
                }
                self.depth -= 1;
                Ok(())
            }
            FieldMut::Strings(f) if el.inline => {
                let text = self.text_of(open)?;
                match f {
                    Field::Value(v) => v.push(text.into_owned()),
                    other => *other = Field::Value(vec![text.into_owned()]),
                }
                Ok(())
            }
            FieldMut::Strings(f) => {
                if nil {
                    self.skip(open)?;
                    *f = Field::Null;
                    return Ok(());
                }
                let mut items = Vec::new();
                if !open.empty {
                    self.enter()?;
                    while let Some(item) = self.child()? {
                        items.push(self.text_of(&item)?.into_owned());
                    }
                    self.depth -= 1;
                }
                *f = Field::Value(items);
                Ok(())
            }
            FieldMut::Any(f) => {
                let (value, tag) = self.any_tagged(open)?;
                self.any_tag = Some(tag);
                *f = match value {
                    Any::Null => Field::Null,
                    v => Field::Value(v),
                };
                Ok(())
            }
            FieldMut::Relation(f) => {
                let text = self.text_of(open)?;
                if nil || text.trim().is_empty() {
                    // `<firma/>` clears the relation in a write.
                    *f = Field::Null;
                    return Ok(());
                }
                self.mark = open.at;
                let mut relation: Relation = text
                    .trim()
                    .parse()
                    .map_err(|e: elementa::ValueError| self.err(e.to_string()))?;
                for a in open.start.attributes() {
                    let a = a.map_err(|e| self.attr_err(open, &e))?;
                    let key: &str = a.key.as_ref();
                    let key = key.to_owned();
                    let value = self.attr_value(&a)?.into_owned();
                    match relation.decoration_mut(&key) {
                        Some(slot) => *slot = Some(value),
                        None => {
                            return Err(self.err(format!(
                                "unknown attribute `{key}` on a relation (expected one of {})",
                                Relation::DECORATIONS.join(", ")
                            )));
                        }
                    }
                }
                *f = Field::Value(relation);
                Ok(())
            }
            mut slot => {
                let text = self.text_of(open)?;
                if nil {
                    if !text.trim().is_empty() {
                        return Err(self.err("an element with nil=\"true\" has content"));
                    }
                    slot.set_null();
                    return Ok(());
                }
                self.mark = open.at;
                self.scalar(slot, el, text)
            }
        }
    }

    /// ABRA Flexi: keeps the attributes of element `wire` (a select's
    /// `showAs`) as unknown elements `wire@attribute`, the JSON key that
    /// carries them, right after it; its start tag in the trace still
    /// writes them in XML.
    fn property_attributes(
        &mut self,
        record: &mut dyn Record,
        open: &Open<'_>,
        wire: &str,
        position: usize,
        trace: &mut Trace,
        unknown_names: &mut elementa::UniqueNames,
    ) -> Result<(), DecodeError> {
        for a in open.start.attributes() {
            let a = a.map_err(|e| self.attr_err(open, &e))?;
            let key: &str = a.key.as_ref();
            let name = format!("{wire}@{key}");
            if unknown_names.is_repeated(record.extra(), &name) {
                return Err(self.err(format!("duplicate attribute `{key}`")));
            }
            let value = self.attr_value(&a)?.into_owned();
            trace.push(Slot::Extra(record.extra().0.len()), None);
            record.extra_mut().push(name, Any::String(value), position);
        }
        Ok(())
    }

    /// The attributes of a list element: Coupa's `type="array"`, Flexi's
    /// `removeAll`; any other is an error rather than dropped.
    fn list_attributes(
        &self,
        open: &Open<'_>,
        list: &mut dyn elementa::ManyField,
    ) -> Result<(), DecodeError> {
        for a in open.start.attributes() {
            let a = a.map_err(|e| self.attr_err(open, &e))?;
            let key: &str = a.key.as_ref();
            let value = self.attr_value(&a)?;
            match key {
                "type" | "nil" if !self.flexi => {}
                LIST_REMOVE_ALL if self.flexi => list.set_remove_all(
                    elementa::scalar::parse_boolean(&value).map_err(|e| self.err(e.to_string()))?,
                ),
                other => {
                    let known = if self.flexi { LIST_REMOVE_ALL } else { "type" };
                    return Err(self.err(format!(
                        "unknown attribute `{other}` on a list (expected `{known}`)"
                    )));
                }
            }
        }
        Ok(())
    }

    /// Parses scalar text into its slot. An empty non-string value is null.
    fn scalar(
        &self,
        slot: FieldMut<'_>,
        el: &ElementMeta,
        text: Cow<'_, str>,
    ) -> Result<(), DecodeError> {
        // Strings keep their text exactly; around any other value, XML's
        // whitespace (space, tab, line ends — not U+00A0) is layout, and
        // an empty value is null.
        let text = match slot {
            FieldMut::String(_) | FieldMut::Enum(_) => text,
            mut slot if is_layout(&text) => {
                slot.set_null();
                return Ok(());
            }
            _ => match text {
                Cow::Borrowed(t) => Cow::Borrowed(trim_layout(t)),
                Cow::Owned(t) if trim_layout(&t).len() == t.len() => Cow::Owned(t),
                Cow::Owned(t) => Cow::Owned(trim_layout(&t).to_owned()),
            },
        };
        match elementa::scalar::set_text(slot, text) {
            Ok(()) => Ok(()),
            Err(elementa::scalar::TextError::Invalid(e)) => Err(self.err(e.to_string())),
            Err(elementa::scalar::TextError::NotText) => {
                Err(self.err(format!("`{}` cannot hold text", el.wire)))
            }
        }
    }

    /// The text content of a scalar element (empty for `<x/>`).
    fn text_of(&mut self, open: &Open<'_>) -> Result<Cow<'a, str>, DecodeError> {
        if open.empty {
            Ok(Cow::Borrowed(""))
        } else {
            self.text_until_end()
        }
    }

    /// Reads text, CDATA and character references up to the end tag.
    ///
    /// When the content is CDATA sections between whitespace only (Coupa's
    /// `<error>\n<![CDATA[message]]>\n</error>`), the whitespace is layout
    /// and the value is the sections' text.
    fn text_until_end(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        // Borrowed from the input while the content is one piece of text.
        let mut out: Cow<'a, str> = Cow::Borrowed("");
        // Where CDATA sections stand in `out`.
        let mut cdata: Vec<(usize, usize)> = Vec::new();
        let mut only_cdata = true;
        loop {
            match self.next()? {
                Event::Text(t) => {
                    let t = text_content(t);
                    only_cdata &= t.trim().is_empty();
                    join(&mut out, t);
                }
                Event::CData(c) => {
                    let from = out.len();
                    join(&mut out, cdata_content(c));
                    cdata.push((from, out.len()));
                }
                Event::GeneralRef(r) => {
                    only_cdata = false;
                    out.to_mut().push(self.entity(&r)?);
                }
                Event::End(_) => {
                    return Ok(if only_cdata && !cdata.is_empty() {
                        Cow::Owned(sections_only(out.into_owned(), &cdata))
                    } else {
                        out
                    });
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Start(_) | Event::Empty(_) => {
                    return Err(self.err("an element inside a value that holds text"));
                }
                Event::Eof => return Err(self.err("unexpected end of the document")),
                _ => return Err(self.err("unexpected content in a value")),
            }
        }
    }

    /// Skips an element's content (for `nil="true"` associations).
    fn skip(&mut self, open: &Open<'_>) -> Result<(), DecodeError> {
        if open.empty {
            return Ok(());
        }
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(()),
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.err("unexpected end of the document")),
                _ => {}
            }
        }
    }

    /// [`Self::any`], with the tags the element and its children came with.
    fn any_tagged(&mut self, open: &Open<'_>) -> Result<(Any, XmlTag), DecodeError> {
        self.enter()?;
        let mut tag = tag_of(open);
        let ty = attr(&open.start, "type");
        let result = if attr(&open.start, "nil").as_deref() == Some("true") {
            self.skip(open)?;
            Any::Null
        } else if ty.as_deref() == Some("array") {
            let mut items = Vec::new();
            let mut item_name = None;
            if !open.empty {
                while let Some(item) = self.child()? {
                    item_name.get_or_insert_with(|| item.start.name().as_ref().to_owned());
                    let (value, item_tag) = self.any_tagged(&item)?;
                    items.push(value);
                    tag.children.push(item_tag);
                }
            }
            Any::Array {
                item: item_name,
                items,
            }
        } else if open.empty {
            Any::String(String::new())
        } else {
            let (value, children) = self.any_content(ty.as_deref())?;
            tag.children = children;
            value
        };
        self.depth -= 1;
        Ok((result, tag))
    }

    /// A child element of an unknown element, with its name.
    fn member(
        &mut self,
        start: BytesStart<'a>,
        empty: bool,
    ) -> Result<((String, Any), XmlTag), DecodeError> {
        let name = start.name().as_ref().to_owned();
        let at = self.mark;
        let (value, tag) = self.any_tagged(&Open { start, empty, at })?;
        Ok(((name, value), tag))
    }

    /// The content of an unknown, non-array element: text or child elements.
    fn any_content(&mut self, ty: Option<&str>) -> Result<(Any, Vec<XmlTag>), DecodeError> {
        let mut text = String::new();
        // Where CDATA sections stand in `text`.
        let mut cdata: Vec<(usize, usize)> = Vec::new();
        let mut layout_only = true;
        let mut members: Vec<(String, Any)> = Vec::new();
        let mut tags = Vec::new();
        loop {
            match self.next()? {
                Event::Text(t) => {
                    let t = text_content(t);
                    // XML's whitespace only: a no-break space is text.
                    layout_only &= is_layout(t.as_ref());
                    append(&mut text, t);
                }
                Event::CData(c) => {
                    let from = text.len();
                    append(&mut text, cdata_content(c));
                    cdata.push((from, text.len()));
                }
                Event::GeneralRef(r) => {
                    layout_only = false;
                    text.push(self.entity(&r)?);
                }
                Event::Start(start) => {
                    let (member, tag) = self.member(start, false)?;
                    members.push(member);
                    tags.push(tag);
                }
                Event::Empty(start) => {
                    let (member, tag) = self.member(start, true)?;
                    members.push(member);
                    tags.push(tag);
                }
                Event::End(_) => break,
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => return Err(self.err("unexpected end of the document")),
                _ => return Err(self.err("unexpected content")),
            }
        }
        if !members.is_empty() {
            if !layout_only {
                return Err(self.err("mixed text and elements are not supported"));
            }
            return Ok((Any::Object(members), tags));
        }
        // Layout alone across lines is how Rails (Coupa) writes an empty
        // hash: `<custom-fields>\n  </custom-fields>`, `{}` in its JSON.
        // (The encoder writes a string of such whitespace with character
        // references, which count as text.)
        if layout_only && cdata.is_empty() && ty.is_none() && text.contains('\n') {
            return Ok((Any::Object(Vec::new()), tags));
        }
        // CDATA between layout whitespace: the sections are the value.
        if layout_only {
            text = sections_only(text, &cdata);
        }
        let value = match ty {
            Some("integer" | "decimal" | "float") if !text.trim().is_empty() => {
                Any::Number(text.trim().to_owned())
            }
            Some("boolean") if text.trim() == "true" => Any::Bool(true),
            Some("boolean") if text.trim() == "false" => Any::Bool(false),
            _ => Any::String(text),
        };
        Ok((value, tags))
    }
}

/// `text` without XML's whitespace around it (space, tab, line ends).
#[allow(
    clippy::expect_used,
    reason = "the bytes cut at are ASCII; a cut inside a character is a bug to surface"
)]
fn trim_layout(text: &str) -> &str {
    // Byte by byte: these are ASCII, so where they stop is a character
    // boundary.
    let layout = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let bytes = text.as_bytes();
    let Some(from) = bytes.iter().position(|b| !layout(b)) else {
        return "";
    };
    let to = bytes
        .iter()
        .rposition(|b| !layout(b))
        .map_or(from, |i| i + 1);
    text.get(from..to)
        .expect("invariant: ASCII layout ends at character boundaries")
}

/// Whether `text` is XML whitespace only (or empty).
pub(crate) fn is_layout(text: &str) -> bool {
    trim_layout(text).is_empty()
}

/// The value of text whose CDATA sections (at `sections` in it) stand
/// between layout only (Coupa's `<error>\n<![CDATA[message]]>\n</error>`):
/// the sections' text; the text itself when it has no section.
fn sections_only(mut text: String, sections: &[(usize, usize)]) -> String {
    match sections {
        [] => text,
        // One section: cut the layout around it, in place.
        [(from, to)] => {
            text.truncate(*to);
            text.drain(..*from);
            text
        }
        sections => sections
            .iter()
            .filter_map(|(from, to)| text.get(*from..*to))
            .collect(),
    }
}

/// Whether a trace keeps the start tag `open` of element `el`, read as
/// `read` (present, null): only when the encoder would not write the same
/// tag itself. It writes its own tag for an associated record, a list or
/// a relation holding something, whatever tag it came with; for a value,
/// the usual tag ([`is_usual_tag`]); for a null, Coupa's `nil="true"` form
/// ([`is_usual_nil`]) and ABRA Flexi's empty element (`<x></x>`).
/// `usual`: whether `open` is the usual tag.
fn keeps_tag(
    el: &ElementMeta,
    open: &Open<'_>,
    read: Option<(bool, bool)>,
    coupa: bool,
    usual: bool,
) -> bool {
    match read {
        Some((true, false)) => {
            let linked = matches!(
                el.kind,
                Kind::One(_) | Kind::Many { .. } | Kind::Strings { .. } | Kind::Relation { .. }
            );
            !linked && !usual
        }
        Some((true, true)) if coupa => !is_usual_nil(el, open),
        Some((true, true)) => open.empty || !usual,
        _ => true,
    }
}

/// Whether `open` is the start tag the encoder writes for a value of `el`,
/// which a trace need not keep: a scalar's (`<kod>`; Coupa's
/// `<id type="integer">`), an associated record's (`<manager>`), a
/// relation's without decorations (`<firma>`) and a wrapped list's
/// (Coupa's `<roles type="array">`, `<roles type="array"/>` with no
/// items). A null's tag (`nil="true"`) is never one of them.
fn is_usual_tag(el: &ElementMeta, open: &Open<'_>, coupa: bool) -> bool {
    if el.placement != Placement::Element {
        return false;
    }
    let Some(rest) = open.start[..].strip_prefix(el.wire) else {
        return false;
    };
    // A list with no items is written self-closing; other values are not.
    let list = matches!(el.kind, Kind::Many { .. } | Kind::Strings { .. });
    if open.empty && !list {
        return false;
    }
    match el.kind {
        Kind::Integer
        | Kind::Decimal
        | Kind::Boolean
        | Kind::String
        | Kind::Text
        | Kind::DateTime
        | Kind::Date
        | Kind::Timestamp
        | Kind::One(_)
        | Kind::Relation { .. } => is_type_attr(rest, &el.kind, coupa),
        Kind::Many { .. } | Kind::Strings { .. } if !el.inline => {
            is_type_attr(rest, &el.kind, coupa)
        }
        _ => false,
    }
}

/// Whether `open` is the tag Coupa's encoder writes for a null `el`
/// (`<mention-name nil="true"/>`, `<api-user type="boolean" nil="true"/>`),
/// which a trace of a null need not keep.
fn is_usual_nil(el: &ElementMeta, open: &Open<'_>) -> bool {
    open.empty
        && el.placement == Placement::Element
        && !el.inline
        && !matches!(el.kind, Kind::Any)
        && open.start[..]
            .strip_prefix(el.wire)
            .and_then(|rest| rest.strip_suffix(" nil=\"true\""))
            .is_some_and(|rest| is_type_attr(rest, &el.kind, true))
}

/// Whether `rest`, what follows the name in a start tag, is the `type`
/// attribute the encoder writes for `kind` (Coupa) or nothing.
fn is_type_attr(rest: &str, kind: &Kind, coupa: bool) -> bool {
    match crate::ser::type_attr(kind) {
        Some(t) if coupa => rest == t.0,
        _ => rest.is_empty(),
    }
}

fn tag_of(open: &Open<'_>) -> XmlTag {
    XmlTag {
        tag: open.start[..].to_owned(),
        self_closing: open.empty,
        children: Vec::new(),
    }
}

/// Whether ABRA Flexi attributes on `el` are kept as `wire@attribute`
/// (scalars; relations keep their decorations, lists `removeAll`, and a
/// record's attributes are its own).
fn carries_attributes(el: &ElementMeta) -> bool {
    !matches!(
        el.kind,
        Kind::Relation { .. } | Kind::Many { .. } | Kind::One { .. }
    )
}

/// Whether inline list `el` is in ABRA Flexi's JSON even when empty: a
/// record's identifiers (`"external-ids": []`) and a change listing's
/// changes (items named after their evidence). Other inline lists, such as
/// a write answer's bare `<result>`s, stand for a wrapped list that is
/// written instead, and stay absent.
pub(crate) fn always_listed(el: &ElementMeta) -> bool {
    el.inline
        && match el.kind {
            Kind::Strings { .. } => true,
            Kind::Many { .. } => el.kind.target().is_some_and(|t| t.name_element().is_some()),
            _ => false,
        }
}

fn is_list(el: &ElementMeta) -> bool {
    el.inline && matches!(el.kind, Kind::Many { .. } | Kind::Strings { .. })
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checker_remembers_only_attribute_lists_it_found_good() {
        let mut checker = Checker::default();
        let mut reader = quick_xml::Reader::from_str(
            "<a type=\"integer\"><b type=\"integer\"/><c t:y=\"1\"/><d 1x=\"1\"/><e 1x=\"1\"/></a>",
        );
        let mut results = Vec::new();
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(event) => results.push(checker.names(&event).map_err(|(_, m)| m)),
                Err(e) => panic!("{e}"),
            }
        }
        let refused: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(
            refused,
            [
                "`1x` is not an XML attribute name",
                "`1x` is not an XML attribute name"
            ]
        );
        assert_eq!(
            checker.good_lists.len(),
            2,
            "` type=\"integer\"` once, ` t:y=\"1\"`"
        );
    }
}
