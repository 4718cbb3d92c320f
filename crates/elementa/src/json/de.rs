//! Decoding: `DeserializeSeed`s driven by the static metadata, writing
//! straight into the typed fields of a record.

use std::cell::{Cell, RefCell};
use std::fmt;

use crate::{
    Any, Dialect, ENVELOPE_ROOT, Envelope, Field, FieldMut, Kind, LIST_REMOVE_ALL, Placement,
    Record, Relation, Resolve, Resource, ResourceMeta, Slot, StreamItem, Trace,
};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use super::frame::{Framer, Pos};
use crate::DecodeError as Error;

pub use crate::DecodeOptions;

/// Decodes one resource of type `T` from JSON text.
pub fn from_str<T: Resource>(text: &str) -> Result<T, Error> {
    let mut record = T::default();
    decode_into(&mut record, text, DecodeOptions::default())?;
    Ok(record)
}

/// Decodes a JSON array of resources of type `T`.
pub fn from_str_list<T: Resource>(text: &str) -> Result<Vec<T>, Error> {
    Ok(
        decode_list(T::resource_meta(), text, DecodeOptions::default())?
            .into_iter()
            .filter_map(|r| r.into_any().downcast::<T>().ok().map(|b| *b))
            .collect(),
    )
}

/// Coupa sends lists as bare JSON arrays; Flexi never does (its payloads are
/// wrapped in `{"winstrom": …}`), so a bare array is refused for Flexi.
fn no_bare_flexi_list(meta: &ResourceMeta) -> Result<(), Error> {
    if meta.dialect == Dialect::Flexi {
        return Err(Error {
            line: 1,
            column: 1,
            path: String::new(),
            message: format!(
                "a bare JSON array is not a Flexi payload; {} comes wrapped in {{\"{}\": …}}",
                meta.id, meta.root
            ),
        });
    }
    Ok(())
}

/// Decodes one resource described by `meta` from JSON text.
pub fn decode(meta: &'static ResourceMeta, text: &str) -> Result<Box<dyn Record>, Error> {
    let mut record = (meta.new)();
    decode_into(&mut *record, text, DecodeOptions::default())?;
    Ok(record)
}

/// Decodes a payload of resources described by `meta`: a JSON array is a
/// list, and so is an ABRA Flexi envelope (which holds any number of
/// records); any other object is one record.
pub fn decode_payload(
    meta: &'static ResourceMeta,
    text: &str,
    options: DecodeOptions,
) -> Result<crate::Payload, Error> {
    if in_envelope(meta) || crate::strip_bom(text).trim_start().starts_with('[') {
        return decode_list(meta, text, options).map(crate::Payload::List);
    }
    let mut record = (meta.new)();
    decode_into(&mut *record, text, options)?;
    Ok(crate::Payload::One(record))
}

/// Decodes a JSON array of resources described by `meta`.
pub fn decode_list(
    meta: &'static ResourceMeta,
    text: &str,
    options: DecodeOptions,
) -> Result<Vec<Box<dyn Record>>, Error> {
    let cx = Ctx::new(meta.dialect, options);
    let mut out = Vec::new();
    if in_envelope(meta) {
        let only = |evidence: &str| (evidence == meta.root).then_some(meta);
        run(&cx, text, |d| {
            d.deserialize_map(TopVisitor {
                inner: EnvelopeVisitor {
                    resolve: &only,
                    cx: &cx,
                    each: &mut |item| {
                        if let StreamItem::Record(_, r) = item {
                            out.push(r);
                        }
                        Ok(())
                    },
                },
            })
        })?;
        return Ok(out);
    }
    no_bare_flexi_list(meta)?;
    // Collecting cannot fail, so `failed` stays empty.
    let failed = RefCell::new(None);
    run(&cx, text, |d| {
        d.deserialize_seq(StreamVisitor {
            meta,
            cx: &cx,
            each: &mut |_, r| {
                out.push(r);
                Ok(())
            },
            failed: &failed,
        })
    })?;
    Ok(out)
}

/// Decodes JSON text into `record`, which should be empty.
///
/// A Flexi payload is wrapped in `{"winstrom": {...}}`: the change listing
/// is that object; an evidence's record is the one item of its evidence's
/// array (or its object) inside it.
pub fn decode_into(
    record: &mut dyn Record,
    text: &str,
    options: DecodeOptions,
) -> Result<(), Error> {
    let cx = Ctx {
        top_fresh: is_empty(record),
        ..Ctx::new(record.meta().dialect, options)
    };
    if in_envelope(record.meta()) {
        run(&cx, text, |d| {
            d.deserialize_map(TopVisitor {
                inner: OneInEnvelope { record, cx: &cx },
            })
        })
    } else if cx.flexi {
        run(&cx, text, |d| {
            d.deserialize_map(RootVisitor { record, cx: &cx })
        })
    } else {
        run(&cx, text, |d| RecordSeed { record, cx: &cx }.deserialize(d))
    }
}

/// Deserializes one record's object from any serde deserializer (see
/// [`super::deserialize_into`]).
pub(crate) fn deserialize_record<'de, D: Deserializer<'de>>(
    record: &mut dyn Record,
    d: D,
) -> Result<(), D::Error> {
    let cx = Ctx {
        top_fresh: is_empty(record),
        ..Ctx::new(record.meta().dialect, DecodeOptions::default())
    };
    RecordSeed { record, cx: &cx }.deserialize(d)
}

/// Whether `record` holds no element, known or not.
fn is_empty(record: &dyn Record) -> bool {
    let mut present = Vec::new();
    record.present(&mut present);
    present.is_empty() && record.extra().0.is_empty()
}

/// Whether records of `meta` travel inside Flexi's `winstrom` envelope (a
/// Flexi evidence's records do; the change listing is an envelope itself).
fn in_envelope(meta: &ResourceMeta) -> bool {
    meta.dialect == Dialect::Flexi && meta.root != ENVELOPE_ROOT
}

/// Decodes an ABRA Flexi `{"winstrom": {…}}` document holding records of any
/// evidences `resolve` knows (`elementa_flexi::wire::evidence`): its `@`
/// attributes, and each evidence's array (or single object) of records.
/// Records come in document order.
///
/// ```
/// let text = r#"{"winstrom":{"@version":"1.0","adresar":[{"kod":"ACME"},{"kod":"ZETA"}],
///     "cenik":{"kod":"BOLT"}}}"#;
/// let envelope = elementa_json::decode_envelope(text, &elementa_flexi::wire::evidence,
///     Default::default()).unwrap();
/// assert_eq!(envelope.version(), Some("1.0"));
/// let ids: Vec<_> = envelope.records.iter().map(|r| r.meta().id).collect();
/// assert_eq!(ids, ["flexi/adresar", "flexi/adresar", "flexi/cenik"]);
///
/// let err = elementa_json::decode_envelope(r#"{"winstrom":{"adresar":[{"kod":7}]}}"#,
///     &elementa_flexi::wire::evidence, Default::default()).unwrap_err();
/// assert_eq!(err.path, "adresar[0].kod");
/// ```
pub fn decode_envelope(
    text: &str,
    resolve: Resolve<'_>,
    options: DecodeOptions,
) -> Result<Envelope, Error> {
    let cx = Ctx::new(Dialect::Flexi, options);
    let mut envelope = Envelope {
        attributes: Vec::new(),
        records: Vec::new(),
    };
    run(&cx, text, |d| {
        d.deserialize_map(TopVisitor {
            inner: EnvelopeVisitor {
                resolve,
                cx: &cx,
                each: &mut |item| {
                    match item {
                        StreamItem::Record(_, r) => envelope.records.push(r),
                        StreamItem::Attribute(k, v) => {
                            envelope.attributes.push((k.to_owned(), v.to_owned()));
                        }
                        StreamItem::Envelope => {}
                    }
                    Ok(())
                },
            },
        })
    })?;
    Ok(envelope)
}

/// `{"winstrom": …}`, handing the object to `inner`.
struct TopVisitor<V> {
    inner: V,
}

impl<'de, V: DeserializeSeed<'de, Value = ()>> Visitor<'de> for TopVisitor<V> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with the single key `{ENVELOPE_ROOT}`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(k) if k == ENVELOPE_ROOT => {}
            Some(k) => {
                return Err(de::Error::custom(format!(
                    "expected the key `{ENVELOPE_ROOT}`, found `{k}`"
                )));
            }
            None => {
                return Err(de::Error::custom(format!(
                    "expected the key `{ENVELOPE_ROOT}`"
                )));
            }
        }
        map.next_value_seed(self.inner)?;
        if let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            return Err(de::Error::custom(format!(
                "unexpected key `{k}` beside `{ENVELOPE_ROOT}`"
            )));
        }
        Ok(())
    }
}

/// The object inside `winstrom`: `@` attributes, and per evidence an array
/// of records or one record.
struct EnvelopeVisitor<'a, 'c> {
    resolve: Resolve<'a>,
    cx: &'c Ctx,
    /// Where the attributes and the records go, in document order.
    each: &'a mut dyn FnMut(StreamItem<'_>) -> Result<(), String>,
}

impl<'de> DeserializeSeed<'de> for EnvelopeVisitor<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for EnvelopeVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of evidences")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let cx = self.cx;
        cx.enter()?;
        while let Some(key) = map.next_key::<String>()? {
            if let Some(name) = key.strip_prefix('@') {
                let value =
                    cx.mark(map.next_value_seed(AttributeSeed), || Seg::Key(key.clone()))?;
                (self.each)(StreamItem::Attribute(name, &value)).map_err(de::Error::custom)?;
                continue;
            }
            let Some(meta) = (self.resolve)(&key).filter(|m| m.root != ENVELOPE_ROOT) else {
                return cx.mark(
                    Err(de::Error::custom(format!(
                        "no evidence named `{key}` is expected here"
                    ))),
                    || Seg::Key(key.clone()),
                );
            };
            let r = map.next_value_seed(EvidenceSeed {
                meta,
                cx,
                each: &mut |r| (self.each)(StreamItem::Record(crate::Shape::List, r)),
            });
            cx.mark(r, || Seg::Key(key.clone()))?;
        }
        cx.leave();
        Ok(())
    }
}

/// An envelope attribute's value: Flexi writes strings; numbers and
/// booleans are taken as their text.
struct AttributeSeed;

impl<'de> DeserializeSeed<'de> for AttributeSeed {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AttributeSeed {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an attribute value (a string)")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// One evidence's records: an array of them, or a single object.
struct EvidenceSeed<'a, 'c> {
    meta: &'static ResourceMeta,
    cx: &'c Ctx,
    each: &'a mut dyn FnMut(Box<dyn Record>) -> Result<(), String>,
}

impl<'de> DeserializeSeed<'de> for EvidenceSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl EvidenceSeed<'_, '_> {
    fn hand<E: de::Error>(&mut self, record: Box<dyn Record>) -> Result<(), E> {
        (self.each)(record).map_err(E::custom)
    }
}

impl<'de> Visitor<'de> for EvidenceSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of {} records, or one", self.meta.wire)
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let mut record = (self.meta.new)();
            let r = seq.next_element_seed(RecordSeed {
                record: &mut *record,
                cx: self.cx,
            });
            if self.cx.mark(r, || Seg::Index(i))?.is_none() {
                return Ok(());
            }
            self.hand(record)?;
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<(), A::Error> {
        let mut record = (self.meta.new)();
        RecordSeed {
            record: &mut *record,
            cx: self.cx,
        }
        .visit_map(map)?;
        self.hand(record)
    }
}

/// The object inside `winstrom` holding exactly one record of `record`'s
/// evidence, decoded in place; attributes are skipped.
struct OneInEnvelope<'a, 'c> {
    record: &'a mut dyn Record,
    cx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for OneInEnvelope<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneInEnvelope<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object holding one `{}`", self.record.meta().root)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let root = self.record.meta().root;
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if key.starts_with('@') {
                map.next_value::<de::IgnoredAny>()?;
                continue;
            }
            if key != root || found {
                return self.cx.mark(
                    Err(de::Error::custom(format!(
                        "expected one `{root}` record only; decode a document holding more \
                         as a list or an envelope"
                    ))),
                    || Seg::Key(key.clone()),
                );
            }
            found = true;
            let r = map.next_value_seed(OneRecordSeed {
                record: &mut *self.record,
                cx: self.cx,
            });
            self.cx.mark(r, || Seg::Key(key.clone()))?;
        }
        if !found {
            return Err(de::Error::custom(format!(
                "no `{root}` record in the envelope"
            )));
        }
        Ok(())
    }
}

/// One record, alone or as the single item of an array.
struct OneRecordSeed<'a, 'c> {
    record: &'a mut dyn Record,
    cx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for OneRecordSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for OneRecordSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "one {} record, or an array of one",
            self.record.meta().wire
        )
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        RecordSeed {
            record: self.record,
            cx: self.cx,
        }
        .visit_map(map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let cx = self.cx;
        let r = seq.next_element_seed(RecordSeed {
            record: self.record,
            cx,
        });
        if cx.mark(r, || Seg::Index(0))?.is_none() {
            return Err(de::Error::custom("an empty array, expected one record"));
        }
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return cx.mark(
                Err(de::Error::custom(
                    "more than one record; decode a list or an envelope",
                )),
                || Seg::Index(1),
            );
        }
        Ok(())
    }
}

/// Unwraps Flexi's `{"<root>": {...}}`.
struct RootVisitor<'a, 'c> {
    record: &'a mut dyn Record,
    cx: &'c Ctx,
}

impl<'de> Visitor<'de> for RootVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an object with the single key `{}`",
            self.record.meta().root
        )
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let root = self.record.meta().root;
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(k) if k == root => {}
            Some(k) => {
                return Err(de::Error::custom(format!(
                    "expected the key `{root}`, found `{k}`"
                )));
            }
            None => return Err(de::Error::custom(format!("expected the key `{root}`"))),
        }
        let r = map.next_value_seed(RecordSeed {
            record: self.record,
            cx: self.cx,
        });
        self.cx.mark(r, || Seg::Key(root.to_owned()))?;
        if let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            return Err(de::Error::custom(format!(
                "unexpected key `{k}` beside `{root}`"
            )));
        }
        Ok(())
    }
}

fn run<'de>(
    cx: &Ctx,
    text: &'de str,
    f: impl FnOnce(
        &mut serde_json::Deserializer<serde_json::de::StrRead<'de>>,
    ) -> serde_json::Result<()>,
) -> Result<(), Error> {
    let mut d = serde_json::Deserializer::from_str(crate::strip_bom(text));
    let result = f(&mut d).and_then(|()| d.end());
    result.map_err(|e| cx.error(&e))
}

/// Decoding state shared by the seeds. The path is only built when an error
/// unwinds, so the success path pays nothing for it.
struct Ctx {
    flexi: bool,
    max_depth: usize,
    depth: Cell<usize>,
    err_path: RefCell<Vec<Seg>>,
    /// The slots of the records being decoded, innermost last: each record
    /// pushes its own above its parent's and takes them off when it ends,
    /// so one buffer serves a whole document.
    slots: RefCell<Vec<Slot>>,
    /// Scratch space for [`Trace::is_schema_order`].
    present: RefCell<Vec<usize>>,
    /// What is read of each record ([`crate::Keep`]).
    keep: crate::Keep,
    /// How many records deep the decoder is (1: the payload's own).
    level: Cell<usize>,
    /// Whether the payload's own record was empty when decoding began (the
    /// decoder made it); records below it always are.
    top_fresh: bool,
}

enum Seg {
    Key(String),
    Index(usize),
}

impl Ctx {
    fn new(dialect: Dialect, options: DecodeOptions) -> Self {
        Ctx {
            flexi: dialect == Dialect::Flexi,
            max_depth: options.max_depth,
            depth: Cell::new(0),
            err_path: RefCell::new(Vec::new()),
            slots: RefCell::new(Vec::new()),
            present: RefCell::new(Vec::new()),
            keep: options.keep,
            level: Cell::new(0),
            top_fresh: true,
        }
    }

    /// `r`, with `seg` added to the error path when it is an error;
    /// inlined, since it stands on every element's way and nearly always
    /// passes `r` through.
    #[inline(always)]
    fn mark<T, E>(&self, r: Result<T, E>, seg: impl FnOnce() -> Seg) -> Result<T, E> {
        if r.is_err() {
            self.err_path.borrow_mut().push(seg());
        }
        r
    }

    fn enter<E: de::Error>(&self) -> Result<(), E> {
        let d = self.depth.get() + 1;
        if d > self.max_depth {
            return Err(E::custom(format!(
                "nesting deeper than the limit of {} levels",
                self.max_depth
            )));
        }
        self.depth.set(d);
        Ok(())
    }

    fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    fn error(&self, e: &serde_json::Error) -> Error {
        Error {
            line: e.line(),
            column: e.column(),
            ..self.path_error(message_of(e))
        }
    }

    /// [`Ctx::error`] for a text that starts at `start` of the stream.
    fn error_at(&self, e: &serde_json::Error, start: Pos) -> Error {
        let mut err = self.error(e);
        if err.line > 0 {
            (err.line, err.column) = start.offset_by(err.line, err.column);
        }
        err
    }

    /// An error at the path unwound so far, with no position yet.
    fn path_error(&self, message: String) -> Error {
        let mut path = String::new();
        for seg in self.err_path.borrow().iter().rev() {
            match seg {
                Seg::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Seg::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        Error {
            line: 0,
            column: 0,
            path,
            message,
        }
    }
}

struct RecordSeed<'a, 'c> {
    record: &'a mut dyn Record,
    cx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object ({})", self.record.meta().wire)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let cx = self.cx;
        cx.enter()?;
        let meta = self.record.meta();
        let level = cx.level.get() + 1;
        cx.level.set(level);
        // Whether element `i` (`None`: an unknown one) is read at all.
        let keeps = |i: Option<usize>| {
            cx.keep == crate::Keep::All
                || cx
                    .keep
                    .keeps(meta, level, i.and_then(|i| meta.elements.get(i)))
        };
        let mut seen = crate::ElementSet::new(meta.elements.len());
        let mut position = 0;
        let mut decorations: Vec<(usize, &'static str, String, usize)> = Vec::new();
        let mut remove_all: Vec<(usize, bool)> = Vec::new();
        let start = cx.slots.borrow().len();
        // Whether the keys came in schema order: then encoders, writing in
        // schema order, give the same order without a trace to follow.
        let mut in_order = true;
        let mut last = None;
        let mut unknown_names = crate::UniqueNames::default();
        while let Some(key) = map.next_key_seed(KeySeed {
            meta,
            flexi: cx.flexi,
        })? {
            match key {
                Key::Known(i) => {
                    let el = meta.elements.get(i);
                    let name = || Seg::Key(el.map_or_else(String::new, |e| e.wire.to_owned()));
                    if !seen.insert(i) {
                        return cx.mark(Err(de::Error::custom("duplicate element")), name);
                    }
                    if !keeps(Some(i)) {
                        cx.mark(map.next_value::<de::IgnoredAny>(), name)?;
                        continue;
                    }
                    let Some(slot) = self.record.field_mut(i) else {
                        continue;
                    };
                    let target = el.and_then(|e| e.kind.target());
                    let r = map.next_value_seed(ValueSeed { slot, cx, target });
                    cx.mark(r, name)?;
                    // Flexi writes attributes (`@in-version`) before all
                    // elements, so only elements place what follows them.
                    let attribute = cx.flexi
                        && el.is_some_and(|e| {
                            !matches!(e.placement, Placement::Element | Placement::Text)
                        });
                    // Encoders write them apart, first, wherever they came.
                    if !attribute {
                        position = position.max(i + 1);
                        in_order &= last.is_none_or(|l| l < i);
                        last = Some(i);
                    }
                    cx.slots.borrow_mut().push(Slot::Element(i));
                }
                Key::Decoration(i, _) | Key::RemoveAll(i) if !keeps(Some(i)) => {
                    cx.mark(map.next_value::<de::IgnoredAny>(), || {
                        Seg::Key(
                            meta.elements
                                .get(i)
                                .map_or_else(String::new, |e| format!("{}@…", e.wire)),
                        )
                    })?;
                }
                Key::Unknown(name) if !keeps(None) => {
                    cx.mark(map.next_value::<de::IgnoredAny>(), || Seg::Key(name))?;
                }
                Key::Decoration(i, attr) => {
                    let value: String = cx.mark(map.next_value(), || {
                        Seg::Key(
                            meta.elements
                                .get(i)
                                .map_or_else(String::new, |e| format!("{}@{attr}", e.wire)),
                        )
                    })?;
                    decorations.push((i, attr, value, position));
                }
                Key::RemoveAll(i) => {
                    let name =
                        || {
                            Seg::Key(meta.elements.get(i).map_or_else(String::new, |e| {
                                format!("{}@{LIST_REMOVE_ALL}", e.wire)
                            }))
                        };
                    let value: String = cx.mark(map.next_value(), name)?;
                    let on = cx.mark(
                        crate::scalar::parse_boolean(&value).map_err(de::Error::custom),
                        name,
                    )?;
                    remove_all.push((i, on));
                }
                Key::Unknown(name) => {
                    if unknown_names.is_repeated(self.record.extra(), &name) {
                        return cx.mark(Err(de::Error::custom("duplicate element")), || {
                            Seg::Key(name)
                        });
                    }
                    let value = match map.next_value_seed(AnySeed { cx }) {
                        Ok(v) => v,
                        Err(e) => {
                            cx.err_path.borrow_mut().push(Seg::Key(name));
                            return Err(e);
                        }
                    };
                    let k = self.record.extra().0.len();
                    cx.slots.borrow_mut().push(Slot::Extra(k));
                    // A Flexi attribute (`@x`) is no element: it stands
                    // before all of them, as encoders write it.
                    let at = if cx.flexi && name.starts_with('@') {
                        0
                    } else {
                        position
                    };
                    self.record.extra_mut().push(name, value, at);
                }
            }
        }
        // `removeAll` goes onto its list, which it makes present (with no
        // items: delete them all).
        let remove_all_none = remove_all.is_empty();
        for (i, on) in remove_all {
            if let Some(FieldMut::Many(f)) = self.record.field_mut(i) {
                f.set_remove_all(on);
            }
        }
        // Decorations go onto their relation, wherever they stood; one whose
        // relation is missing is kept as an unknown element.
        for (i, attr, value, position) in decorations {
            let slot = match self.record.field_mut(i) {
                Some(FieldMut::Relation(Field::Value(r))) => r.decoration_mut(attr),
                _ => None,
            };
            match slot {
                Some(slot) => *slot = Some(value),
                None => {
                    let wire = meta.elements.get(i).map_or("", |e| e.wire);
                    self.record.extra_mut().push(
                        format!("{wire}@{attr}"),
                        Any::String(value),
                        position,
                    );
                }
            }
        }
        let mut slots = cx.slots.borrow_mut();
        let own = slots.get(start..).unwrap_or_default();
        // A record the decoder made (any below the payload's own, which the
        // caller may hand over already filled) holds exactly the elements
        // of its slots, unless `removeAll` made a list present: no need to
        // ask it, which visits every element of its table.
        let known = (level > 1 || cx.top_fresh) && remove_all_none;
        // Its elements came in order, each once, and it holds exactly them
        // and nothing unknown: encoders write that order without a trace.
        let plain = known && self.record.extra().0.is_empty();
        let fits = in_order
            && (plain || {
                let mut present = cx.present.borrow_mut();
                if known {
                    present.clear();
                    present.extend(own.iter().filter_map(|s| match s {
                        Slot::Element(i) => Some(*i),
                        Slot::Extra(_) => None,
                    }));
                    Trace::is_schema_order_of(&*self.record, own, &present)
                } else {
                    Trace::is_schema_order(&*self.record, own, &mut present)
                }
            });
        if fits {
            slots.truncate(start);
        } else {
            let trace = Trace {
                slots: slots.drain(start..).collect(),
                tags: Vec::new(),
            };
            self.record.extra_mut().set_trace(Some(trace));
        }
        drop(slots);
        cx.level.set(level - 1);
        cx.leave();
        Ok(())
    }
}

enum Key {
    Known(usize),
    /// `firma@ref` / `firma@showAs`: a decoration of relation `i`.
    Decoration(usize, &'static str),
    /// `polozkyDokladu@removeAll`: the write attribute of list `i`.
    RemoveAll(usize),
    Unknown(String),
}

struct KeySeed {
    meta: &'static ResourceMeta,
    flexi: bool,
}

impl KeySeed {
    fn key(&self, k: &str) -> Key {
        let (name, attr) = match k.strip_prefix('@') {
            Some(rest) if self.flexi => (rest, true),
            _ => (k, false),
        };
        let plain = |p: Placement| matches!(p, Placement::Element | Placement::Text);
        match self.meta.element(name) {
            Some((i, el)) if !self.flexi || attr != plain(el.placement) => Key::Known(i),
            // Clients disagree on `for` / `@for` in a write response's
            // messages (records with a text element): both are taken.
            Some((i, el))
                if el.placement == Placement::Element && self.meta.text_element().is_some() =>
            {
                Key::Known(i)
            }
            _ => {
                let decoration = k.split_once('@').and_then(|(wire, d)| {
                    let (i, el) = self.meta.element(wire)?;
                    if self.flexi && d == LIST_REMOVE_ALL && matches!(el.kind, Kind::Many { .. }) {
                        return Some(Key::RemoveAll(i));
                    }
                    let d = Relation::DECORATIONS.into_iter().find(|x| *x == d)?;
                    matches!(el.kind, Kind::Relation { .. }).then_some(Key::Decoration(i, d))
                });
                decoration.unwrap_or_else(|| Key::Unknown(k.to_owned()))
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an element name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(self.key(v))
    }
}

/// Decodes one element's value into its typed slot.
struct ValueSeed<'a, 'c> {
    slot: FieldMut<'a>,
    cx: &'c Ctx,
    /// The target resource of an association.
    target: Option<&'static ResourceMeta>,
}

fn mismatch<E: de::Error>() -> E {
    E::custom("internal error: association record of the wrong resource")
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.slot {
            FieldMut::Any(f) => {
                *f = match (AnySeed { cx: self.cx }).deserialize(d)? {
                    Any::Null => Field::Null,
                    v => Field::Value(v),
                };
                Ok(())
            }
            FieldMut::Decimal(f) => {
                // Numbers are read from their text: through `f64` they
                // would round (`99999999999999999999`, `1e-30`). Formats
                // other than JSON give the value in their own data model.
                let seed = ValueSeed {
                    slot: FieldMut::Decimal(f),
                    ..self
                };
                match raw_or(d, ViaAny(seed))? {
                    Raw::Other(()) => Ok(()),
                    Raw::Json(text, ViaAny(seed)) => seed.decimal_from_json(&text),
                }
            }
            slot => d.deserialize_any(ValueSeed { slot, ..self }),
        }
    }
}

fn parsed<T, E: de::Error>(r: Result<T, crate::ValueError>) -> Result<T, E> {
    r.map_err(|e| E::custom(e.to_string()))
}

impl ValueSeed<'_, '_> {
    /// A decimal slot's value from its raw JSON text: a number exactly as
    /// written, or a string or `null` read as usual.
    fn decimal_from_json<E: de::Error>(self, raw: &str) -> Result<(), E> {
        let text = raw.trim();
        match (text.as_bytes().first(), self.slot) {
            (Some(b'-' | b'0'..=b'9'), FieldMut::Decimal(f)) => {
                *f = Field::Value(parsed(crate::parse_decimal(text))?);
                Ok(())
            }
            // A string without escapes (ABRA Flexi writes every decimal so):
            // serde_json checked it when it captured the text, so between
            // the quotes is the string itself.
            (Some(b'"'), slot)
                if let Some(inner) = text
                    .strip_prefix('"')
                    .and_then(|t| t.strip_suffix('"'))
                    .filter(|t| !t.contains('\\')) =>
            {
                ValueSeed { slot, ..self }.text(inner)
            }
            (_, slot) => {
                let mut inner = serde_json::Deserializer::from_str(text);
                let seed = ValueSeed { slot, ..self };
                de::Deserializer::deserialize_any(&mut inner, seed)
                    .map_err(|e| de::Error::custom(message_of(&e)))
            }
        }
    }

    fn text<E: de::Error>(self, v: &str) -> Result<(), E> {
        let flexi = self.cx.flexi;
        if flexi && v.is_empty() {
            // ABRA Flexi has no null: `""` is the empty value of any scalar
            // (exports write it; in a write it clears the value).
            match self.slot {
                FieldMut::Integer(_)
                | FieldMut::Decimal(_)
                | FieldMut::Boolean(_)
                | FieldMut::DateTime(_)
                | FieldMut::Date(_)
                | FieldMut::Timestamp(_)
                | FieldMut::Relation(_) => {
                    let mut slot = self.slot;
                    slot.set_null();
                    return Ok(());
                }
                _ => {}
            }
        }
        match self.slot {
            // Coupa's JSON writes integers and booleans as JSON numbers and
            // booleans; Flexi's, as strings.
            slot @ (FieldMut::Integer(_) | FieldMut::Boolean(_)) if !flexi => {
                Err(E::invalid_type(de::Unexpected::Str(v), &Expect(&slot)))
            }
            slot @ (FieldMut::Strings(_)
            | FieldMut::One(_)
            | FieldMut::Many(_)
            | FieldMut::Any(_)) => Err(E::invalid_type(de::Unexpected::Str(v), &Expect(&slot))),
            slot => crate::scalar::set_text(slot, v.into()).map_err(E::custom),
        }
    }
}

/// Describes what a slot expects, for error messages.
struct Expect<'s, 'a>(&'s FieldMut<'a>);

impl de::Expected for Expect<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            FieldMut::Integer(_) => "an integer",
            FieldMut::Decimal(_) => "a decimal (string or number)",
            FieldMut::Boolean(_) => "a boolean",
            FieldMut::String(_) | FieldMut::Enum(_) => "a string",
            FieldMut::DateTime(_) => "a datetime string",
            FieldMut::Date(_) => "a date string",
            FieldMut::Timestamp(_) => "a timestamp string",
            FieldMut::Strings(_) => "an array of strings",
            FieldMut::One(_) => "an object",
            FieldMut::Many(_) => "an array",
            FieldMut::Relation(_) => "a record identifier string",
            FieldMut::Any(_) => "any value",
        })
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        de::Expected::fmt(&Expect(&self.slot), f)
    }

    fn visit_unit<E: de::Error>(mut self) -> Result<(), E> {
        self.slot.set_null();
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        match self.slot {
            FieldMut::Boolean(f) => {
                *f = Field::Value(v);
                Ok(())
            }
            slot => Err(E::invalid_type(de::Unexpected::Bool(v), &Expect(&slot))),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        // Decimals get here only from formats other than JSON (JSON's are
        // read from their text).
        match self.slot {
            FieldMut::Integer(f) => *f = Field::Value(v),
            FieldMut::Decimal(f) => *f = Field::Value(crate::Decimal::from(v)),
            slot => return Err(E::invalid_type(de::Unexpected::Signed(v), &Expect(&slot))),
        }
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        match (i64::try_from(v), self.slot) {
            (Ok(n), slot) => ValueSeed { slot, ..self }.visit_i64(n),
            (Err(_), FieldMut::Decimal(f)) => {
                *f = Field::Value(crate::Decimal::from(v));
                Ok(())
            }
            (Err(_), _) => Err(E::custom(format!("{v} is out of the 64-bit integer range"))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // A float of a format other than JSON: its exact shortest text
        // (JSON's numbers are read from their own text).
        match self.slot {
            FieldMut::Decimal(f) if v.is_finite() => {
                // A float holds 15 significant digits exactly; past that its
                // text is not the number that was written (serde buffering a
                // JSON number for `flatten` or `untagged` gives a float too).
                let text = v.to_string();
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
                if significant > 15 {
                    return Err(E::custom(format!(
                        "{v:?} came as a floating-point number with more digits than it holds \
                         exactly; send decimals as strings"
                    )));
                }
                *f = Field::Value(parsed(crate::parse_decimal(&text))?);
                Ok(())
            }
            slot => Err(E::invalid_type(de::Unexpected::Float(v), &Expect(&slot))),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.text(v)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        match self.slot {
            FieldMut::One(f) => {
                let target = self.target.ok_or_else(mismatch)?;
                let record = f.set((target.new)()).ok_or_else(mismatch)?;
                RecordSeed {
                    record,
                    cx: self.cx,
                }
                .visit_map(map)
            }
            slot => Err(de::Error::invalid_type(de::Unexpected::Map, &Expect(&slot))),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let cx = self.cx;
        match self.slot {
            FieldMut::Strings(f) => {
                let mut items = Vec::new();
                let mut i = 0;
                loop {
                    let r = seq.next_element::<String>();
                    match cx.mark(r, || Seg::Index(i))? {
                        Some(s) => items.push(s),
                        None => break,
                    }
                    i += 1;
                }
                *f = Field::Value(items);
                Ok(())
            }
            FieldMut::Many(f) => {
                cx.enter()?;
                f.make_empty();
                let target = self.target.ok_or_else(mismatch)?;
                let mut i = 0;
                loop {
                    let r = seq.next_element_seed(ItemSeed {
                        list: &mut *f,
                        cx,
                        target,
                    });
                    if cx.mark(r, || Seg::Index(i))?.is_none() {
                        break;
                    }
                    i += 1;
                }
                cx.leave();
                Ok(())
            }
            slot => Err(de::Error::invalid_type(de::Unexpected::Seq, &Expect(&slot))),
        }
    }
}

struct ItemSeed<'a, 'c> {
    list: &'a mut dyn crate::ManyField,
    cx: &'c Ctx,
    target: &'static ResourceMeta,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let record = self.list.push((self.target.new)()).ok_or_else(mismatch)?;
        RecordSeed {
            record,
            cx: self.cx,
        }
        .deserialize(d)
    }
}

/// Captures the value of an unknown element, numbers as their exact text.
///
/// serde hands numbers over as `u64`/`i64`/`f64`, which would round
/// `4E70` or a 30-digit id. So the value is first captured as raw JSON
/// (already checked by serde_json, errors at their position) and then read
/// again from that text, where each number is its own raw text. Nested
/// containers are read again per level: O(size × depth) within unknown
/// values, and depth is bounded by [`DecodeOptions::max_depth`].
struct AnySeed<'c> {
    cx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for AnySeed<'_> {
    type Value = Any;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Any, D::Error> {
        match raw_or(d, ModelAny { cx: self.cx })? {
            Raw::Json(text, _) => any_from_raw(&text, self.cx).map_err(de::Error::custom),
            Raw::Other(value) => Ok(value),
        }
    }
}

/// serde_json's raw-value protocol, the one `serde_json::value::RawValue`
/// rests on: asked for a newtype struct of this name, serde_json's
/// deserializers (text, reader and `Value`) hand over the value's JSON text
/// as a one-entry map under this key; other formats hand over the newtype's
/// content. The JSON tests fail if serde_json ever changes it.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// A value as its JSON text (with the fallback seed, unused), or as read by
/// the fallback seed from another format's data model.
enum Raw<'de, S: DeserializeSeed<'de>> {
    Json(std::borrow::Cow<'de, str>, S),
    Other(S::Value),
}

/// Reads the next value as its JSON text when `d` is serde_json's, so
/// numbers keep their text; from any other format through `fallback`.
fn raw_or<'de, D: Deserializer<'de>, S: DeserializeSeed<'de>>(
    d: D,
    fallback: S,
) -> Result<Raw<'de, S>, D::Error> {
    d.deserialize_newtype_struct(RAW_VALUE, RawVisitor(fallback))
}

struct RawVisitor<S>(S);

/// Formats that mark newtypes hand over the content
/// (`visit_newtype_struct`); formats that do not (serde's own value
/// deserializers) hand over the value itself, which goes to the fallback.
impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for RawVisitor<S> {
    type Value = Raw<'de, S>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Raw::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        match map.next_key_seed(TextSeed)? {
            Some(key) if key == RAW_VALUE => Ok(Raw::Json(map.next_value_seed(TextSeed)?, self.0)),
            first => {
                let map = Prefixed { first, map };
                self.0
                    .deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(Raw::Other)
            }
        }
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0
            .deserialize(de::value::SeqAccessDeserializer::new(seq))
            .map(Raw::Other)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.0.deserialize(v.into_deserializer()).map(Raw::Other)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.0.deserialize(v.into_deserializer()).map(Raw::Other)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.0.deserialize(v.into_deserializer()).map(Raw::Other)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.0.deserialize(v.into_deserializer()).map(Raw::Other)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.0.deserialize(v.into_deserializer()).map(Raw::Other)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.0.deserialize(v.into_deserializer()).map(Raw::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.deserialize(().into_deserializer()).map(Raw::Other)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Raw::Other)
    }
}

/// A map whose first key was already read.
struct Prefixed<'de, A> {
    first: Option<std::borrow::Cow<'de, str>>,
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Prefixed<'de, A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => seed
                .deserialize(de::value::CowStrDeserializer::new(key))
                .map(Some),
            None => self.map.next_key_seed(seed),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A visitor as a seed that asks the format for whatever it holds.
struct ViaAny<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for ViaAny<V> {
    type Value = V::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_any(self.0)
    }
}

/// A string, borrowed from the input when the format lends it.
struct TextSeed;

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = std::borrow::Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = std::borrow::Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(v))
    }
}

/// An unknown value from a format other than JSON, in that format's data
/// model: numbers are kept as the text of the value the format gives.
struct ModelAny<'c> {
    cx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for ModelAny<'_> {
    type Value = Any;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Any, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ModelAny<'_> {
    type Value = Any;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Any, E> {
        Ok(Any::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Any, E> {
        Ok(Any::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Any, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Any, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Any, E> {
        Ok(Any::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Any, E> {
        Ok(Any::Number(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Any, E> {
        Ok(Any::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Any, E> {
        Ok(Any::Number(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Any, E> {
        Ok(Any::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Any, E> {
        if v.is_finite() {
            // Debug keeps a float a float (`1.0`, `4e70`).
            Ok(Any::Number(format!("{v:?}")))
        } else {
            Err(E::invalid_value(
                de::Unexpected::Float(v),
                &"a finite number",
            ))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Any, E> {
        Ok(Any::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Any, E> {
        Ok(Any::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Any, A::Error> {
        self.cx.enter()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(ModelAny { cx: self.cx })? {
            items.push(v);
        }
        self.cx.leave();
        Ok(Any::Array { item: None, items })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Any, A::Error> {
        self.cx.enter()?;
        let mut members = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            members.push((k, map.next_value_seed(ModelAny { cx: self.cx })?));
        }
        self.cx.leave();
        // A number written as its raw text (see the encoder's `AnyJson`).
        if let [(key, Any::String(text))] = members.as_slice()
            && key == RAW_VALUE
        {
            return Ok(Any::Number(text.clone()));
        }
        Ok(Any::Object(members))
    }
}

/// The message of a serde_json error without its ` at line … column …`.
fn message_of(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

/// Reads a captured raw JSON value (checked JSON) into an [`Any`].
fn any_from_raw(raw: &str, cx: &Ctx) -> Result<Any, String> {
    let mut d = serde_json::Deserializer::from_str(raw);
    let value = de::Deserializer::deserialize_any(&mut d, RawAny { raw, cx })
        .and_then(|v| d.end().map(|()| v))
        .map_err(|e| message_of(&e))?;
    Ok(value)
}

/// Reads one level of a raw value; see [`AnySeed`].
struct RawAny<'r, 'c> {
    raw: &'r str,
    cx: &'c Ctx,
}

impl RawAny<'_, '_> {
    fn number(&self) -> Any {
        Any::Number(self.raw.trim().to_owned())
    }
}

impl<'de> Visitor<'de> for RawAny<'_, '_> {
    type Value = Any;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Any, E> {
        Ok(Any::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Any, E> {
        Ok(Any::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Any, E> {
        Ok(self.number())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Any, E> {
        Ok(self.number())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Any, E> {
        Ok(self.number())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Any, E> {
        Ok(Any::String(v.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Any, A::Error> {
        self.cx.enter()?;
        let mut items = Vec::new();
        while let Some(raw) = seq.next_element::<&serde_json::value::RawValue>()? {
            items.push(any_from_raw(raw.get(), self.cx).map_err(de::Error::custom)?);
        }
        self.cx.leave();
        Ok(Any::Array { item: None, items })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Any, A::Error> {
        self.cx.enter()?;
        let mut members = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            let raw = map.next_value::<&serde_json::value::RawValue>()?;
            members.push((
                k,
                any_from_raw(raw.get(), self.cx).map_err(de::Error::custom)?,
            ));
        }
        self.cx.leave();
        Ok(Any::Object(members))
    }
}

/// Decodes records of `meta` from `reader` one at a time — a JSON array of
/// them, or a single object — handing each to `each` (with the payload's
/// shape) before reading the next, so memory holds one record however long
/// the list. Errors from `each` stop the stream and are returned as they are.
pub fn for_each<R: std::io::Read>(
    meta: &'static ResourceMeta,
    reader: R,
    options: DecodeOptions,
    each: &mut dyn FnMut(crate::Shape, Box<dyn Record>) -> std::io::Result<()>,
) -> Result<crate::Shape, crate::StreamError> {
    for_each_item(meta, reader, options, &mut |item| match item {
        StreamItem::Record(shape, r) => each(shape, r),
        StreamItem::Envelope | StreamItem::Attribute(..) => Ok(()),
    })
}

/// [`for_each`], handing over ABRA Flexi's envelope too: a
/// [`StreamItem::Envelope`] before anything else, and the envelope's
/// attributes where the document has them among the records, so that a
/// writer can give the envelope back (`elementa_json::EnvelopeWriter`).
///
/// ```
/// use elementa::{Resource, StreamItem};
/// use elementa_flexi::wire::Adresar;
///
/// let text = r#"{"winstrom":{"@version":"1.0","adresar":[{"kod":"A1"}],"@rowCount":"1"}}"#;
/// let mut seen = Vec::new();
/// elementa_json::for_each_item(Adresar::resource_meta(), text.as_bytes(), Default::default(),
///     &mut |item| {
///         seen.push(match item {
///             StreamItem::Envelope => "envelope".to_owned(),
///             StreamItem::Attribute(k, v) => format!("{k}={v}"),
///             StreamItem::Record(_, r) => r.meta().root.to_owned(),
///         });
///         Ok(())
///     }).unwrap();
/// assert_eq!(seen, ["envelope", "version=1.0", "adresar", "rowCount=1"]);
/// ```
pub fn for_each_item<R: std::io::Read>(
    meta: &'static ResourceMeta,
    reader: R,
    options: DecodeOptions,
    each: &mut dyn FnMut(StreamItem<'_>) -> std::io::Result<()>,
) -> Result<crate::Shape, crate::StreamError> {
    let mut framer = Framer::new(reader);
    framer.skip_bom()?;
    let list = framer.skip_whitespace()? == Some(b'[');
    if list {
        no_bare_flexi_list(meta)?;
    }
    let cx = Ctx::new(meta.dialect, options);
    let each_record = &mut |shape, r| each(StreamItem::Record(shape, r));
    if list && !in_envelope(meta) {
        stream_list(meta, framer, (&cx, options), each_record)?;
        return Ok(crate::Shape::List);
    }
    if !in_envelope(meta) {
        return single_record(meta, framer, (&cx, options), each_record);
    }
    each(StreamItem::Envelope)?;
    // Flexi's envelope: serde_json reads the stream itself.
    let start = framer.pos();
    let reader = std::io::BufReader::with_capacity(64 * 1024, framer.into_reader());
    let failed: RefCell<Option<std::io::Error>> = RefCell::new(None);
    let mut d = serde_json::Deserializer::from_reader(reader);
    let only = |evidence: &str| (evidence == meta.root).then_some(meta);
    let result = d
        .deserialize_map(TopVisitor {
            inner: EnvelopeVisitor {
                resolve: &only,
                cx: &cx,
                each: &mut |item| {
                    each(item).map_err(|e| {
                        let message = e.to_string();
                        *failed.borrow_mut() = Some(e);
                        message
                    })
                },
            },
        })
        .and_then(|()| d.end());
    if let Some(e) = failed.borrow_mut().take() {
        return Err(e.into());
    }
    result.map_err(|e| cx.error_at(&e, start))?;
    Ok(crate::Shape::List)
}

/// Parses one record from `d` as the document decoders do: an ABRA Flexi
/// record inside its root object, any other as it stands.
fn parse_record<'de, R: serde_json::de::Read<'de>>(
    record: &mut dyn Record,
    d: &mut serde_json::Deserializer<R>,
    cx: &Ctx,
) -> serde_json::Result<()> {
    if cx.flexi {
        d.deserialize_map(RootVisitor { record, cx })
    } else {
        RecordSeed { record, cx }.deserialize(d)
    }
}

/// Parses one framed item with [`parse_record`], and then nothing but
/// whitespace. An item that is UTF-8 throughout, checked in one pass, is
/// read as text, whose strings serde_json then need not check one by one
/// (7% of a streaming projection's instructions); any other is read as bytes, so
/// that serde_json says where the bad byte is, as the document decoders do.
fn parse_item(record: &mut dyn Record, bytes: &[u8], cx: &Ctx) -> serde_json::Result<()> {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let mut d = serde_json::Deserializer::from_str(text);
            parse_record(record, &mut d, cx).and_then(|()| d.end())
        }
        Err(_) => {
            let mut d = serde_json::Deserializer::from_slice(bytes);
            parse_record(record, &mut d, cx).and_then(|()| d.end())
        }
    }
}

/// Whether `bytes`, the start of an unfinished item, holds an error already:
/// one other than running out of input, so the whole item has it too (the
/// same bytes, read in the same order). A fresh context, so the stream's
/// own is not left mid-record.
fn fails_early(meta: &'static ResourceMeta, options: DecodeOptions, bytes: &[u8]) -> bool {
    let cx = Ctx::new(meta.dialect, options);
    let mut record = (meta.new)();
    let mut d = serde_json::Deserializer::from_slice(bytes);
    matches!(parse_record(&mut *record, &mut d, &cx), Err(e) if !e.is_eof())
}

/// Streams a payload of one record (the framer is at its first byte): the
/// record is framed whole and parsed from its bytes, as [`decode_into`]
/// parses it.
fn single_record<R: std::io::Read>(
    meta: &'static ResourceMeta,
    mut f: Framer<R>,
    (cx, options): (&Ctx, DecodeOptions),
    each: &mut dyn FnMut(crate::Shape, Box<dyn Record>) -> std::io::Result<()>,
) -> Result<crate::Shape, crate::StreamError> {
    let start = f.pos();
    let n = match f.rest().first() {
        Some(b'{') => f.frame_object(|b| fails_early(meta, options, b))?.len,
        _ => f.frame_token()?,
    };
    let mut record = (meta.new)();
    parse_item(&mut *record, f.rest().get(..n).unwrap_or_default(), cx)
        .map_err(|e| cx.error_at(&e, start))?;
    f.consume(n);
    if f.skip_whitespace()?.is_some() {
        let at = f.peek_pos();
        return Err(Error {
            line: at.line,
            column: at.column,
            ..cx.path_error("trailing characters".to_owned())
        }
        .into());
    }
    each(crate::Shape::One, record)?;
    Ok(crate::Shape::One)
}

/// Streams a bare array (the framer is at its `[`): each item is framed
/// whole and parsed from its bytes. The array's own syntax is checked here,
/// with serde_json's messages at serde_json's positions, so errors read as
/// the document decoder's ([`decode_list`]) do.
fn stream_list<R: std::io::Read>(
    meta: &'static ResourceMeta,
    mut f: Framer<R>,
    (cx, options): (&Ctx, DecodeOptions),
    each: &mut dyn FnMut(crate::Shape, Box<dyn Record>) -> std::io::Result<()>,
) -> Result<(), crate::StreamError> {
    let syntax = |at: Pos, index: Option<usize>, message: &str| {
        if let Some(i) = index {
            cx.err_path.borrow_mut().push(Seg::Index(i));
        }
        let mut e = cx.path_error(message.to_owned());
        (e.line, e.column) = (at.line, at.column);
        crate::StreamError::Decode(e)
    };
    f.consume(1);
    let mut next = f.skip_whitespace()?;
    if next == Some(b']') {
        f.consume(1);
    } else {
        let mut i = 0;
        loop {
            let start = f.pos();
            let mut record = (meta.new)();
            let (n, parsed) = match next {
                None => return Err(syntax(f.peek_pos(), Some(i), "EOF while parsing a list")),
                Some(b'{') => {
                    let item = f.frame_object(|b| fails_early(meta, options, b))?;
                    let bytes = f.rest().get(..item.len).unwrap_or_default();
                    let parsed = if item.deep {
                        item_in_array(&mut *record, bytes, cx, start)
                    } else {
                        parse_item(&mut *record, bytes, cx).map_err(|e| cx.error_at(&e, start))
                    };
                    (item.len, parsed)
                }
                Some(_) => {
                    // Never a record: serde_json says what it is.
                    let n = f.frame_token()?;
                    let bytes = f.rest().get(..n).unwrap_or_default();
                    let parsed = item_in_array(&mut *record, bytes, cx, start).and_then(|()| {
                        Err(Error {
                            line: start.line,
                            column: start.column + 1,
                            ..cx.path_error("expected an object".to_owned())
                        })
                    });
                    (n, parsed)
                }
            };
            if let Err(mut e) = parsed {
                cx.err_path.borrow_mut().push(Seg::Index(i));
                e.path = cx.path_error(String::new()).path;
                return Err(e.into());
            }
            f.consume(n);
            each(crate::Shape::List, record)?;
            i += 1;
            match f.skip_whitespace()? {
                Some(b',') => f.consume(1),
                Some(b']') => {
                    f.consume(1);
                    break;
                }
                Some(_) => return Err(syntax(f.peek_pos(), Some(i), "expected `,` or `]`")),
                None => return Err(syntax(f.peek_pos(), Some(i), "EOF while parsing a list")),
            }
            next = f.skip_whitespace()?;
            match next {
                Some(b']') => return Err(syntax(f.peek_pos(), Some(i), "trailing comma")),
                None => return Err(syntax(f.peek_pos(), Some(i), "EOF while parsing a value")),
                Some(_) => {}
            }
        }
    }
    match f.skip_whitespace()? {
        Some(_) => Err(syntax(f.peek_pos(), None, "trailing characters")),
        None => Ok(()),
    }
}

/// Parses an item as serde_json parses it inside a document's array, from a
/// copy after a `[`: for an item nesting deep enough to meet serde_json's
/// limit, which counts the array's level in a document, and for an item
/// that is not an object, whose error says what it is at the position
/// serde_json gives it there.
fn item_in_array(record: &mut dyn Record, bytes: &[u8], cx: &Ctx, start: Pos) -> Result<(), Error> {
    struct First<'a, 'c> {
        record: &'a mut dyn Record,
        cx: &'c Ctx,
        read: &'a Cell<bool>,
    }
    impl<'de> Visitor<'de> for First<'_, '_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an array of {}", self.record.meta().wire)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let seed = RecordSeed {
                record: self.record,
                cx: self.cx,
            };
            if seq.next_element_seed(seed)?.is_some() {
                self.read.set(true);
            }
            Ok(())
        }
    }
    let mut copy = Vec::with_capacity(bytes.len() + 1);
    copy.push(b'[');
    copy.extend_from_slice(bytes);
    let read = Cell::new(false);
    let mut d = serde_json::Deserializer::from_slice(&copy);
    let result = d.deserialize_seq(First {
        record,
        cx,
        read: &read,
    });
    // The copy has no `]`: once the item is read, its absence is no error.
    if read.get() {
        return Ok(());
    }
    result.map_err(|e| {
        let mut err = cx.error_at(&e, start);
        if e.line() == 1 {
            // Not counting the `[` put in front.
            err.column = err.column.saturating_sub(1);
        }
        err
    })
}

struct StreamVisitor<'a, 'c> {
    meta: &'static ResourceMeta,
    cx: &'c Ctx,
    each: &'a mut dyn FnMut(crate::Shape, Box<dyn Record>) -> std::io::Result<()>,
    failed: &'a RefCell<Option<std::io::Error>>,
}

impl<'de> Visitor<'de> for StreamVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of {}", self.meta.wire)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let mut record = (self.meta.new)();
            let r = seq.next_element_seed(RecordSeed {
                record: &mut *record,
                cx: self.cx,
            });
            if self.cx.mark(r, || Seg::Index(i))?.is_none() {
                return Ok(());
            }
            if let Err(e) = (self.each)(crate::Shape::List, record) {
                *self.failed.borrow_mut() = Some(e);
                return Err(de::Error::custom("the consumer failed"));
            }
            i += 1;
        }
    }
}
