//! Encoding: a `Serialize` view of any record.

use elementa::{Any, Dialect, ElementMeta, Field, FieldRef, Placement, Record, Slot};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// A record seen as its vendor's JSON wire form; serialize it with any serde
/// serializer (compact or pretty `serde_json`).
#[derive(Clone, Copy)]
pub struct JsonRecord<'a>(pub &'a dyn Record);

/// A list of records as a JSON array.
#[derive(Clone, Copy)]
pub struct JsonList<'a>(pub &'a [Box<dyn Record>]);

/// The top level of a payload: Flexi wraps the record in its root element
/// (`{"winstrom": {...}}`); Coupa writes the record itself.
struct Top<'a>(&'a dyn Record);

impl Serialize for Top<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let meta = self.0.meta();
        if meta.dialect == Dialect::Flexi {
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(meta.root, &JsonRecord(self.0))?;
            map.end()
        } else {
            JsonRecord(self.0).serialize(s)
        }
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
        let mut parts = fragment.split('/');
        if let Some(first) = parts.next() {
            w.write_all(first.as_bytes())?;
        }
        for part in parts {
            w.write_all(b"\\/")?;
            w.write_all(part.as_bytes())?;
        }
        Ok(())
    }
}

fn write<W: std::io::Write>(
    writer: W,
    record: &dyn Record,
    pretty: bool,
) -> serde_json::Result<()> {
    let top = Top(record);
    let flexi = record.meta().dialect == Dialect::Flexi;
    match (flexi, pretty) {
        (false, false) => top.serialize(&mut serde_json::Serializer::new(writer)),
        (false, true) => top.serialize(&mut serde_json::Serializer::pretty(writer)),
        (true, false) => top.serialize(&mut serde_json::Serializer::with_formatter(
            writer,
            FlexiFormatter(serde_json::ser::CompactFormatter),
        )),
        (true, true) => top.serialize(&mut serde_json::Serializer::with_formatter(
            writer,
            FlexiFormatter(serde_json::ser::PrettyFormatter::new()),
        )),
    }
}

/// Encodes `record` as compact JSON in its vendor's wire form.
pub fn to_string(record: &dyn Record) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and the output is UTF-8.
    let _ = write(&mut out, record, false);
    String::from_utf8(out).unwrap_or_default()
}

/// Encodes `record` as JSON indented by two spaces.
pub fn to_string_pretty(record: &dyn Record) -> String {
    let mut out = Vec::new();
    let _ = write(&mut out, record, true);
    String::from_utf8(out).unwrap_or_default()
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
        match self.field {
            FieldRef::Integer(f) => opt(f, s, |v, s| {
                if flexi {
                    s.collect_str(v)
                } else {
                    s.serialize_i64(*v)
                }
            }),
            FieldRef::Decimal(f) => opt(f, s, |v, s| s.collect_str(v)),
            FieldRef::Boolean(f) => opt(f, s, |v, s| {
                if flexi {
                    s.serialize_str(if *v { "true" } else { "false" })
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
            FieldRef::Relation(f) => opt(f, s, |v, s| s.collect_str(&v.id)),
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
            Any::Number(n) => match serde_json::value::RawValue::from_string(n.clone()) {
                Ok(raw) => raw.serialize(s),
                Err(_) => s.serialize_str(n),
            },
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
        // Attributes and names first (Flexi writes `@` keys before elements).
        if flexi {
            for (i, el) in meta.elements.iter().enumerate() {
                if el.placement == Placement::Element {
                    continue;
                }
                if let Some(field) = record.field(i).filter(FieldRef::is_present) {
                    let key = format!("@{}", el.wire);
                    map.serialize_entry(&key, &Scalar { field, flexi })?;
                }
            }
        }
        let write_element = |map: &mut S::SerializeMap, i: usize, el: &ElementMeta| {
            if flexi && el.placement != Placement::Element {
                return Ok(());
            }
            if let Some(field) = record.field(i).filter(FieldRef::is_present) {
                map.serialize_entry(el.wire, &Scalar { field, flexi })?;
                // A relation's decorations follow it: `firma@ref`, `firma@showAs`.
                if let FieldRef::Relation(Field::Value(r)) = field {
                    for (k, v) in r.decorations() {
                        map.serialize_entry(&format!("{}@{k}", el.wire), v)?;
                    }
                }
            }
            Ok::<(), S::Error>(())
        };
        // A decoded record keeps the order it came in (known and unknown
        // elements interleaved), then what was added since.
        if let Some(order) = record.extra().write_order(meta.elements.len()) {
            for (slot, _) in order {
                match slot {
                    Slot::Element(i) => {
                        if let Some(el) = meta.elements.get(i) {
                            write_element(&mut map, i, el)?;
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
        for (i, el) in meta.elements.iter().enumerate() {
            write_extras(&mut map, i)?;
            write_element(&mut map, i, el)?;
        }
        write_extras(&mut map, usize::MAX)?;
        map.end()
    }
}
