//! Encoding: a `Serialize` view of any record.

use crate::{
    Any, Dialect, ENVELOPE_ROOT, ENVELOPE_VERSION, ElementMeta, Envelope, Field, FieldRef,
    LIST_REMOVE_ALL, Placement, Record, Slot,
};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// A record seen as its vendor's JSON wire form; serialize it with any serde
/// serializer (compact or pretty `serde_json`).
#[derive(Clone, Copy)]
pub struct JsonRecord<'a>(pub &'a dyn Record);

/// A list of records as a JSON array.
#[derive(Clone, Copy)]
pub struct JsonList<'a>(pub &'a [Box<dyn Record>]);

/// The top level of a payload: Flexi's change listing is wrapped in its root
/// (`{"winstrom": {...}}`), an evidence's record in the envelope
/// (`{"winstrom": {"@version": "1.0", "adresar": [{...}]}}`); Coupa writes
/// the record itself.
struct Top<'a>(&'a dyn Record);

impl Serialize for Top<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let meta = self.0.meta();
        match meta.dialect {
            Dialect::Flexi if meta.root != ENVELOPE_ROOT => {
                let version = [("version".to_owned(), ENVELOPE_VERSION.to_owned())];
                EnvelopeParts {
                    attributes: &version,
                    groups: vec![(meta, vec![self.0])],
                }
                .serialize(s)
            }
            Dialect::Flexi => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry(meta.root, &JsonRecord(self.0))?;
                map.end()
            }
            Dialect::Coupa => JsonRecord(self.0).serialize(s),
        }
    }
}

/// An ABRA Flexi `winstrom` envelope as JSON: its attributes as `@` keys,
/// then one array per evidence, in the order of each evidence's first
/// record (see [`Envelope::evidences`]).
#[derive(Clone, Copy)]
pub struct JsonEnvelope<'a>(pub &'a Envelope);

impl Serialize for JsonEnvelope<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        EnvelopeParts {
            attributes: &self.0.attributes,
            groups: self.0.evidences(),
        }
        .serialize(s)
    }
}

struct EnvelopeParts<'a> {
    attributes: &'a [(String, String)],
    groups: Vec<(&'static crate::ResourceMeta, Vec<&'a dyn Record>)>,
}

impl Serialize for EnvelopeParts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Inner<'b>(&'b EnvelopeParts<'b>);
        impl Serialize for Inner<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let parts = self.0;
                let mut map = s.serialize_map(Some(parts.attributes.len() + parts.groups.len()))?;
                for (k, v) in parts.attributes {
                    map.serialize_entry(&format!("@{k}"), v)?;
                }
                for (meta, records) in &parts.groups {
                    map.serialize_entry(meta.root, &Records(records))?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(ENVELOPE_ROOT, &Inner(self))?;
        map.end()
    }
}

struct Records<'a, 'r>(&'a [&'r dyn Record]);

impl Serialize for Records<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in self.0 {
            seq.serialize_element(&JsonRecord(*r))?;
        }
        seq.end()
    }
}

/// Flexi's JSON writes `/` as `\/` (the seed listing's
/// `"code:VF1-0001\/2012"`); this formatter does the same around another.
struct FlexiFormatter<F>(F);

macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        $(fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)*)
        })*
    };
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for FlexiFormatter<F> {
    forward!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        end_object_key(),
        begin_object_value(),
        end_object_value(),
    );

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment.as_bytes();
        while let Some((head, [_slash, after @ ..])) =
            super::find_any(rest, [b'/']).and_then(|k| rest.split_at_checked(k))
        {
            w.write_all(head)?;
            w.write_all(b"\\/")?;
            rest = after;
        }
        w.write_all(rest)
    }
}

fn write<W: std::io::Write>(
    writer: W,
    record: &dyn Record,
    pretty: bool,
) -> serde_json::Result<()> {
    let flexi = record.meta().dialect == Dialect::Flexi;
    write_value(writer, &Top(record), flexi, pretty)
}

/// Writes `value` compact or pretty, with Flexi's escaping of `/` when `flexi`.
fn write_value<W: std::io::Write>(
    writer: W,
    value: &impl Serialize,
    flexi: bool,
    pretty: bool,
) -> serde_json::Result<()> {
    match (flexi, pretty) {
        (false, false) => value.serialize(&mut serde_json::Serializer::new(writer)),
        (false, true) => value.serialize(&mut serde_json::Serializer::pretty(writer)),
        (true, false) => value.serialize(&mut serde_json::Serializer::with_formatter(
            writer,
            FlexiFormatter(serde_json::ser::CompactFormatter),
        )),
        (true, true) => value.serialize(&mut serde_json::Serializer::with_formatter(
            writer,
            FlexiFormatter(serde_json::ser::PrettyFormatter::new()),
        )),
    }
}

/// Encodes an ABRA Flexi envelope as JSON, compact or indented by two spaces.
///
/// ```
/// use elementa::Envelope;
/// use elementa_flexi::wire::Adresar;
///
/// let mut envelope = Envelope::new();
/// envelope.push(Adresar { kod: "A/1".into(), ..Default::default() });
/// assert_eq!(elementa_json::envelope_to_string(&envelope, false),
///     r#"{"winstrom":{"@version":"1.0","adresar":[{"kod":"A\/1"}]}}"#);
/// ```
pub fn envelope_to_string(envelope: &Envelope, pretty: bool) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_value(&mut out, &JsonEnvelope(envelope), true, pretty);
    utf8(out)
}

/// Writes ABRA Flexi records to `writer` as they come, compact, inside a
/// `{"winstrom": {…}}` envelope: each attribute (`@version`, `@rowCount`)
/// and each evidence's run of records (`"adresar": […]`) in the order they
/// are given, as [`envelope_to_string`] writes a whole envelope.
///
/// ```
/// use elementa::json::EnvelopeWriter;
/// use elementa_flexi::wire::Adresar;
///
/// let mut w = EnvelopeWriter::new(Vec::new());
/// w.attribute("version", "1.0").unwrap();
/// w.push(&Adresar { kod: "A/1".into(), ..Default::default() }).unwrap();
/// w.push(&Adresar { kod: "A/2".into(), ..Default::default() }).unwrap();
/// w.attribute("rowCount", "2").unwrap();
/// w.evidence("faktura-vydana").unwrap();
/// let out = String::from_utf8(w.finish().unwrap()).unwrap();
/// assert_eq!(out,
///     r#"{"winstrom":{"@version":"1.0","adresar":[{"kod":"A\/1"},{"kod":"A\/2"}],"@rowCount":"2","faktura-vydana":[]}}"#);
/// ```
#[derive(Debug)]
pub struct EnvelopeWriter<W: std::io::Write> {
    writer: W,
    /// Whether `{"winstrom":{` and a first member are written.
    started: bool,
    any: bool,
    /// The evidence whose array is open, and how many records it holds.
    open: Option<(&'static str, usize)>,
    /// The evidences whose array is written and closed.
    closed: Vec<&'static str>,
}

impl<W: std::io::Write> EnvelopeWriter<W> {
    /// A writer that has written nothing yet.
    pub fn new(writer: W) -> Self {
        EnvelopeWriter {
            writer,
            started: false,
            any: false,
            open: None,
            closed: Vec::new(),
        }
    }

    /// Starts a member of the envelope's object: `{"winstrom":{` first, a
    /// comma after another member.
    fn member(&mut self) -> std::io::Result<()> {
        if !self.started {
            self.writer.write_all(br#"{"winstrom":{"#)?;
            self.started = true;
        }
        if self.any {
            self.writer.write_all(b",")?;
        }
        self.any = true;
        Ok(())
    }

    fn close_array(&mut self) -> std::io::Result<()> {
        if let Some((evidence, _)) = self.open.take() {
            self.writer.write_all(b"]")?;
            self.closed.push(evidence);
        }
        Ok(())
    }

    /// Writes an attribute (`name` without the `@`).
    pub fn attribute(&mut self, name: &str, value: &str) -> std::io::Result<()> {
        self.close_array()?;
        self.member()?;
        write_value(&mut self.writer, &format!("@{name}"), true, false)?;
        self.writer.write_all(b":")?;
        write_value(&mut self.writer, &value, true, false)?;
        Ok(())
    }

    /// Opens the array of `evidence` (its `root`, `"adresar"`) unless it is
    /// the one open: how an evidence with no record is written
    /// (`"adresar":[]`); [`Self::push`] opens it itself.
    ///
    /// An evidence whose array was closed (by an attribute or another
    /// evidence's records) is refused (`InvalidInput`): its key would be
    /// written twice, and most JSON readers keep only the last.
    pub fn evidence(&mut self, evidence: &'static str) -> std::io::Result<()> {
        if self.open.is_some_and(|(open, _)| open == evidence) {
            return Ok(());
        }
        let refuse = |message: String| {
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                message,
            ))
        };
        if self.closed.contains(&evidence) {
            return refuse(format!(
                "the records of `{evidence}` would come in two arrays under the same key"
            ));
        }
        if evidence == ENVELOPE_ROOT || evidence.starts_with('@') {
            return refuse(format!("`{evidence}` is no evidence a `winstrom` holds"));
        }
        self.close_array()?;
        self.member()?;
        write_value(&mut self.writer, &evidence, true, false)?;
        self.writer.write_all(b":[")?;
        self.open = Some((evidence, 0));
        Ok(())
    }

    /// Writes a record, in the array of its evidence: the one open, or a
    /// new one after an attribute or another evidence's records. A record
    /// that is not an ABRA Flexi evidence's is refused (`InvalidInput`).
    pub fn push(&mut self, record: &dyn Record) -> std::io::Result<()> {
        let meta = record.meta();
        if !meta.is_evidence() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{} is no ABRA Flexi evidence's record", meta.id),
            ));
        }
        self.evidence(meta.root)?;
        if let Some((_, n)) = &mut self.open {
            if *n > 0 {
                self.writer.write_all(b",")?;
            }
            *n += 1;
        }
        write_value(&mut self.writer, &JsonRecord(record), true, false)?;
        Ok(())
    }

    /// Closes the envelope and returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.close_array()?;
        if !self.started {
            self.writer.write_all(br#"{"winstrom":{"#)?;
        }
        self.writer.write_all(b"}}")?;
        self.writer.flush()?;
        Ok(self.writer)
    }
}

/// The text serde_json wrote.
#[allow(
    clippy::expect_used,
    reason = "serde_json writes UTF-8; anything else is a bug to surface"
)]
pub(crate) fn utf8(out: Vec<u8>) -> String {
    String::from_utf8(out).expect("invariant: serde_json writes UTF-8")
}

/// Encodes `record` as compact JSON in its vendor's wire form.
pub fn to_string(record: &dyn Record) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and the output is UTF-8.
    let _ = write(&mut out, record, false);
    utf8(out)
}

/// Encodes `record` as JSON indented by two spaces.
pub fn to_string_pretty(record: &dyn Record) -> String {
    let mut out = Vec::new();
    let _ = write(&mut out, record, true);
    utf8(out)
}

/// Encodes `record` as compact JSON into `writer`; errors are the writer's.
pub fn to_writer<W: std::io::Write>(writer: W, record: &dyn Record) -> serde_json::Result<()> {
    write(writer, record, false)
}

/// Encodes `record` as JSON indented by two spaces into `writer`.
pub fn to_writer_pretty<W: std::io::Write>(
    writer: W,
    record: &dyn Record,
) -> serde_json::Result<()> {
    write(writer, record, true)
}

impl Serialize for JsonList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in self.0 {
            seq.serialize_element(&JsonRecord(&**r))?;
        }
        seq.end()
    }
}

/// Flexi writes every scalar as a string; Coupa writes numbers and booleans bare.
struct Scalar<'a> {
    field: FieldRef<'a>,
    flexi: bool,
}

fn opt<S: Serializer, T>(
    f: &Field<T>,
    s: S,
    v: impl FnOnce(&T, S) -> Result<S::Ok, S::Error>,
) -> Result<S::Ok, S::Error> {
    match f.value() {
        Some(x) => v(x, s),
        None => s.serialize_unit(),
    }
}

impl Serialize for Scalar<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let flexi = self.flexi;
        // Values `""` cannot stand for: associations and lists.
        let association = matches!(
            self.field,
            FieldRef::Any(_) | FieldRef::One(_) | FieldRef::Many(_) | FieldRef::Strings(_)
        );
        if flexi && !association && self.field.is_null() {
            // ABRA Flexi has no null for scalars: an empty value is `""` (as
            // exports write it; `null` reads as the same empty value).
            return s.serialize_str("");
        }
        match self.field {
            FieldRef::Integer(f) => opt(f, s, |v, s| {
                if flexi {
                    s.serialize_str(itoa::Buffer::new().format(*v))
                } else {
                    s.serialize_i64(*v)
                }
            }),
            FieldRef::Decimal(f) => opt(f, s, |v, s| {
                s.serialize_str(crate::scalar::DecimalText::new(v).as_str())
            }),
            FieldRef::Boolean(f) => opt(f, s, |v, s| {
                if flexi {
                    s.serialize_str(crate::scalar::boolean_text(*v))
                } else {
                    s.serialize_bool(*v)
                }
            }),
            FieldRef::String(f) => opt(f, s, |v, s| s.serialize_str(v)),
            FieldRef::Enum(f) => match f.get().value() {
                Some(v) => s.serialize_str(v),
                None => s.serialize_unit(),
            },
            FieldRef::DateTime(f) => opt(f, s, |v, s| s.serialize_str(v.as_str())),
            FieldRef::Date(f) => opt(f, s, |v, s| s.serialize_str(v.as_str())),
            FieldRef::Timestamp(f) => opt(f, s, |v, s| s.serialize_str(v.as_str())),
            FieldRef::Strings(f) => opt(f, s, |v, s| v.serialize(s)),
            FieldRef::Relation(f) => opt(f, s, |v, s| {
                v.id.with_text(|[a, b, c]| Joined(a, b, c).serialize(s))
            }),
            FieldRef::Any(f) => opt(f, s, |v, s| AnyJson(v).serialize(s)),
            FieldRef::One(f) => match f.get().value() {
                Some(r) => JsonRecord(*r).serialize(s),
                None => s.serialize_unit(),
            },
            FieldRef::Many(f) => match f.count().value() {
                Some(&n) => {
                    let mut seq = s.serialize_seq(Some(n))?;
                    for i in 0..n {
                        if let Some(r) = f.item(i) {
                            seq.serialize_element(&JsonRecord(r))?;
                        }
                    }
                    seq.end()
                }
                None => s.serialize_unit(),
            },
        }
    }
}

/// An unknown element's value, re-encoded as it came.
pub(crate) struct AnyJson<'a>(pub &'a Any);

impl Serialize for AnyJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Any::Null => s.serialize_unit(),
            Any::Bool(b) => s.serialize_bool(*b),
            Any::Number(n) => {
                // A number every format carries as it is written goes as a
                // number; any other (`4E70`, `1.50`) as its raw text, which
                // serde_json writes as is (other formats get serde_json's
                // raw-value struct, which the decoder reads back exactly).
                if let Ok(i) = n.parse::<i64>()
                    && itoa::Buffer::new().format(i) == n
                {
                    return s.serialize_i64(i);
                }
                // Borrowed: checked as JSON without a copy of the text.
                match serde_json::from_str::<&serde_json::value::RawValue>(n) {
                    Ok(raw) => raw.serialize(s),
                    Err(_) => s.serialize_str(n),
                }
            }
            Any::String(t) => s.serialize_str(t),
            Any::Array { items, .. } => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(&AnyJson(i))?;
                }
                seq.end()
            }
            Any::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, &AnyJson(v))?;
                }
                map.end()
            }
        }
    }
}

thread_local! {
    /// Lists of present elements kept for reuse, one per nesting level
    /// being written.
    static PRESENT: std::cell::RefCell<Vec<Vec<usize>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The elements a record holds ([`Record::present`]), in a list taken from
/// [`PRESENT`] and given back when dropped: a record's writing allocates
/// none once the first records are written.
struct Present(Vec<usize>);

impl Present {
    fn of(record: &dyn Record) -> Self {
        let mut list = PRESENT
            .try_with(|pool| pool.try_borrow_mut().ok()?.pop())
            .ok()
            .flatten()
            .unwrap_or_default();
        list.clear();
        record.present(&mut list);
        Present(list)
    }

    fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.0.iter()
    }
}

impl Drop for Present {
    fn drop(&mut self) {
        let list = std::mem::take(&mut self.0);
        // During thread teardown the list is simply freed.
        let _ = PRESENT.try_with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.push(list);
            }
        });
    }
}

/// A key made of three pieces (`firma` `@` `ref`), written without
/// building it first.
struct Joined<'a>(&'a str, &'a str, &'a str);

impl Serialize for Joined<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Keys are short: joined on the stack, they are written as one
        // string, without the formatting machinery.
        let mut buf = [0u8; 64];
        if let Some(key) = join_into(&mut buf, [self.0, self.1, self.2]) {
            return s.serialize_str(key);
        }
        s.collect_str(&format_args!("{}{}{}", self.0, self.1, self.2))
    }
}

/// `parts` one after another in `buf`, or `None` when they do not fit.
fn join_into<'b>(buf: &'b mut [u8], parts: [&str; 3]) -> Option<&'b str> {
    let mut len = 0;
    for part in parts {
        let end = len + part.len();
        buf.get_mut(len..end)?.copy_from_slice(part.as_bytes());
        len = end;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

impl Serialize for JsonRecord<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let record = self.0;
        let meta = record.meta();
        let flexi = meta.dialect == Dialect::Flexi;
        let extras = &record.extra().0;
        let mut map = s.serialize_map(None)?;
        let mut next_extra = 0;
        let mut write_extras = |map: &mut S::SerializeMap, upto: usize| {
            while let Some(x) = extras.get(next_extra).filter(|x| x.position <= upto) {
                map.serialize_entry(&x.name, &AnyJson(&x.value))?;
                next_extra += 1;
            }
            Ok::<(), S::Error>(())
        };
        // Only the elements present are visited (a wide table's absent ones
        // cost nothing); the list is a reused buffer.
        let present = Present::of(record);
        // Attributes and names first (Flexi writes `@` keys before elements).
        if flexi {
            for &i in present.iter() {
                let Some(el) = meta.elements.get(i) else {
                    continue;
                };
                if matches!(el.placement, Placement::Element | Placement::Text) {
                    continue;
                }
                if let Some(field) = record.field(i) {
                    map.serialize_entry(&Joined("@", "", el.wire), &Scalar { field, flexi })?;
                }
            }
        }
        // `present`: the caller knows element `i` holds something.
        let write_element = |map: &mut S::SerializeMap, i: usize, el: &ElementMeta, present| {
            if flexi && !matches!(el.placement, Placement::Element | Placement::Text) {
                return Ok(());
            }
            if let Some(field) = record.field(i).filter(|f| present || f.is_present()) {
                // A list's write attribute precedes it: `polozkyDokladu@removeAll`.
                if let FieldRef::Many(f) = field
                    && f.removes_all()
                {
                    map.serialize_entry(&Joined(el.wire, "@", LIST_REMOVE_ALL), "true")?;
                }
                map.serialize_entry(el.wire, &Scalar { field, flexi })?;
                // A relation's decorations follow it: `firma@ref`, `firma@showAs`.
                if let FieldRef::Relation(Field::Value(r)) = field {
                    for (k, v) in r.decorations() {
                        map.serialize_entry(&Joined(el.wire, "@", k), v)?;
                    }
                }
            }
            Ok::<(), S::Error>(())
        };
        // A decoded record keeps the order it came in (known and unknown
        // elements interleaved), then what was added since.
        if let Some(order) = record.extra().write_order_of(present.iter().as_slice()) {
            for (slot, _) in order {
                match slot {
                    Slot::Element(i) => {
                        if let Some(el) = meta.elements.get(i) {
                            write_element(&mut map, i, el, false)?;
                        }
                    }
                    Slot::Extra(k) => {
                        if let Some(x) = extras.get(k) {
                            map.serialize_entry(&x.name, &AnyJson(&x.value))?;
                        }
                    }
                }
            }
            return map.end();
        }
        for &i in present.iter() {
            if let Some(el) = meta.elements.get(i) {
                write_extras(&mut map, i)?;
                write_element(&mut map, i, el, true)?;
            }
        }
        write_extras(&mut map, usize::MAX)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_key_is_written_whole_whether_or_not_it_fits_the_stack() {
        let mut buf = [0u8; 8];
        assert_eq!(join_into(&mut buf, ["firma", "@", "ref"]), None);
        assert_eq!(join_into(&mut buf, ["fir", "@", "ref"]), Some("fir@ref"));
        assert_eq!(join_into(&mut buf, ["firm", "@", "ref"]), Some("firm@ref"));
        // Past the stack buffer, the key is the same.
        let long = "x".repeat(70);
        for first in ["firma", long.as_str()] {
            let key = serde_json::to_string(&Joined(first, "@", "showAs/č")).unwrap();
            assert_eq!(key, format!("\"{first}@showAs/č\""));
        }
    }

    #[test]
    fn an_unknown_number_is_written_as_it_came() {
        for (text, written) in [
            ("12", "12"),
            ("-7", "-7"),
            ("-0", "-0"),
            ("1.50", "1.50"),
            ("4E70", "4E70"),
            ("9223372036854775808", "9223372036854775808"),
            // Not a JSON number: kept as the text it is.
            ("012", "\"012\""),
        ] {
            let value = Any::Number(text.to_owned());
            assert_eq!(
                serde_json::to_string(&AnyJson(&value)).unwrap(),
                written,
                "{text}"
            );
        }
    }

    #[test]
    fn flexi_escapes_every_slash_and_only_slashes() {
        for text in [
            "",
            "/",
            "//",
            "a/b",
            "VF1-0001/2012",
            "0123456/89abcdef/",
            "č/ř\"\\",
        ] {
            let mut out = Vec::new();
            write_value(&mut out, &text, true, false).unwrap();
            let expected = serde_json::to_string(text).unwrap().replace('/', "\\/");
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
