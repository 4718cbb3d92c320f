//! Value types that keep the wire text they came from, so re-encoding gives
//! the same bytes, while still being checked and typed.

use std::fmt;
use std::str::FromStr;

pub use rust_decimal::Decimal;

/// A value that does not fit its type, with what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a valid {expected}")]
pub struct ValueError {
    /// The offending text.
    pub text: String,
    /// What was expected (`datetime`, `date`, …).
    pub expected: &'static str,
}

impl ValueError {
    /// An error for `text` (cut to 80 characters) that is not `expected`.
    pub fn new(text: &str, expected: &'static str) -> Self {
        invalid(text, expected)
    }
}

fn invalid(text: &str, expected: &'static str) -> ValueError {
    ValueError {
        text: text.chars().take(80).collect(),
        expected,
    }
}

macro_rules! text_value {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name(Box<str>);

        impl $name {
            /// The text exactly as received or built.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, ValueError> {
                Self::parse(s)
            }
        }
    };
}

text_value!(
    /// A date and time with an offset, as Coupa writes it
    /// (`2010-09-22T20:42:57-07:00`); the text is kept so that it re-encodes
    /// byte for byte.
    ///
    /// ```
    /// use elementa::DateTime;
    /// let t: DateTime = "2010-09-22T20:42:57-07:00".parse().unwrap();
    /// assert_eq!(t.as_str(), "2010-09-22T20:42:57-07:00");
    /// assert_eq!(t.timestamp().as_second(), 1285213377);
    /// assert!("2010-09-22".parse::<DateTime>().is_err());
    /// ```
    DateTime
);

impl DateTime {
    /// Checks and wraps `text` (RFC 3339 with an offset or `Z`).
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        text.parse::<jiff::Timestamp>()
            .map(|_| DateTime(text.into()))
            .map_err(|_| invalid(text, "datetime (YYYY-MM-DDTHH:MM:SS+HH:MM)"))
    }

    /// The instant.
    pub fn timestamp(&self) -> jiff::Timestamp {
        match self.0.parse() {
            Ok(t) => t,
            Err(_) => unreachable!("invariant: a DateTime is parsed when it is built"),
        }
    }
}

text_value!(
    /// A calendar date (`2019-01-31`); Flexi may append an offset
    /// (`2019-01-31+01:00`), which is kept.
    ///
    /// ```
    /// use elementa::Date;
    /// let d: Date = "2019-01-31+01:00".parse().unwrap();
    /// assert_eq!(d.date(), jiff::civil::date(2019, 1, 31));
    /// assert!("2019-02-30".parse::<Date>().is_err());
    /// ```
    Date
);

impl Date {
    /// Checks and wraps `text`.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        let err = || invalid(text, "date (YYYY-MM-DD)");
        let (day, rest) = text.split_at_checked(10).ok_or_else(err)?;
        day.parse::<jiff::civil::Date>().map_err(|_| err())?;
        if !(rest.is_empty() || rest == "Z" || is_offset(rest)) {
            return Err(err());
        }
        Ok(Date(text.into()))
    }

    /// The calendar date.
    pub fn date(&self) -> jiff::civil::Date {
        match self.0.get(..10).map(str::parse) {
            Some(Ok(d)) => d,
            _ => unreachable!("invariant: a Date is parsed when it is built"),
        }
    }
}

fn is_offset(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b, [b'+' | b'-', h1, h2, b':', m1, m2] if [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()))
}

text_value!(
    /// A zone-less local date and time with 1 to 6 fraction digits, as ABRA
    /// Flexi writes change timestamps (`2019-06-07 12:34:56.7`); the text is
    /// kept exactly.
    ///
    /// ```
    /// use elementa::Timestamp;
    /// let t: Timestamp = "2019-06-07 12:34:56.7".parse().unwrap();
    /// assert_eq!(t.as_str(), "2019-06-07 12:34:56.7");
    /// assert_eq!(t.datetime().subsec_nanosecond(), 700_000_000);
    /// assert!("2019-06-07 12:34:56.1234567".parse::<Timestamp>().is_err());
    /// ```
    Timestamp
);

impl Timestamp {
    /// Checks and wraps `text` (`YYYY-MM-DD HH:MM:SS[.f{1,6}]`).
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        civil_timestamp(text)?;
        Ok(Timestamp(text.into()))
    }

    /// The local date and time.
    pub fn datetime(&self) -> jiff::civil::DateTime {
        match civil_timestamp(&self.0) {
            Ok(t) => t,
            Err(_) => unreachable!("invariant: a Timestamp is parsed when it is built"),
        }
    }
}

/// `YYYY-MM-DD HH:MM:SS[.f{1,6}]` as a local date and time.
fn civil_timestamp(text: &str) -> Result<jiff::civil::DateTime, ValueError> {
    let err = || {
        invalid(
            text,
            "timestamp (YYYY-MM-DD HH:MM:SS.f, 1 to 6 fraction digits)",
        )
    };
    let (main, frac) = match text.split_once('.') {
        Some((m, f)) => (m, Some(f)),
        None => (text, None),
    };
    // The shape first: jiff's `strptime` skips whitespace, so
    // ` 2019-01-01 00:00:00.0` would pass, and XML, which trims a typed
    // value, would read it back as another text.
    let shape = main.len() == 19
        && main.bytes().enumerate().all(|(k, c)| match k {
            4 | 7 => c == b'-',
            10 => c == b' ',
            13 | 16 => c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return Err(err());
    }
    let mut nanos = 0i32;
    if let Some(f) = frac {
        if !(1..=6).contains(&f.len()) || !f.bytes().all(|c| c.is_ascii_digit()) {
            return Err(err());
        }
        for (k, c) in f.bytes().enumerate() {
            nanos += i32::from(c - b'0') * 10i32.pow(8 - k as u32);
        }
    }
    let t = jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", main).map_err(|_| err())?;
    t.with().subsec_nanosecond(nanos).build().map_err(|_| err())
}

/// Reads a decimal exactly, as the wire writes it (`-12.50`, `1.5e3`), or
/// says why it cannot be held: more digits than a [`Decimal`] keeps (28 to
/// 29 significant digits, scale at most 28) is an error, never a rounded
/// value. The scale of plain text is kept (`1.50` stays `1.50`).
///
/// ```
/// use elementa::parse_decimal;
/// assert_eq!(parse_decimal("12345678901234567.89").unwrap().to_string(), "12345678901234567.89");
/// assert_eq!(parse_decimal("1.5e3").unwrap().to_string(), "1500");
/// assert!(parse_decimal("1e-30").is_err());
/// assert!(parse_decimal("0.12345678901234567890123456789").is_err());
/// assert!(parse_decimal("4E70").is_err());
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, ValueError> {
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    };
    parsed.map_err(|_| {
        let numeric = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
        let expected = if numeric {
            "decimal that fits (at most 28 digits after the point and 29 in all)"
        } else {
            "decimal"
        };
        invalid(text, expected)
    })
}

/// A value of an element the schema does not name, kept as it came so it can
/// be re-encoded (vendors add fields, and Coupa instances have custom fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Any {
    /// `null` / `nil="true"`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, as its exact text.
    Number(String),
    /// A string.
    String(String),
    /// A list; `item` is the XML item element name when it came from XML.
    Array {
        /// XML item element name.
        item: Option<String>,
        /// The items.
        items: Vec<Any>,
    },
    /// An object with its members in order.
    Object(Vec<(String, Any)>),
}

/// Splits an ABRA Flexi JSON key that carries an element's attribute
/// (`stavUhrK@showAs`) into element and attribute; `None` for other names
/// (a record attribute `@action` has no element).
///
/// ```
/// assert_eq!(elementa::property_attribute("stavUhrK@showAs"), Some(("stavUhrK", "showAs")));
/// assert_eq!(elementa::property_attribute("@action"), None);
/// assert_eq!(elementa::property_attribute("kod"), None);
/// ```
pub fn property_attribute(name: &str) -> Option<(&str, &str)> {
    name.split_once('@')
        .filter(|(element, attribute)| !element.is_empty() && !attribute.is_empty())
}

/// One element the schema does not name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extra {
    /// Wire name as received.
    pub name: String,
    /// The value.
    pub value: Any,
    /// How many known elements (in schema order) precede it; encoders write it
    /// before the known element with this index, so a canonical payload
    /// re-encodes in its own order.
    pub position: usize,
}

/// The unknown elements of a record, in the order they came, and how the
/// record's elements were laid out in the payload it was decoded from.
///
/// The layout ([`Extras::trace`]) is not content: records compare equal
/// without regard to it.
#[derive(Debug, Clone, Default)]
pub struct Extras(pub Vec<Extra>, pub Option<Box<Trace>>);

impl PartialEq for Extras {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Extras {}

/// One element of a decoded record, as [`Trace`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The element of the schema with this index.
    Element(usize),
    /// The unknown element with this index in [`Extras`].
    Extra(usize),
}

/// How an element was written in XML: its start tag as it came, so that an
/// unchanged value re-encodes byte for byte (`type="symbol"`,
/// `type="datetime"`, `<x />`, attribute order and quotes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct XmlTag {
    /// The start tag between `<` and `>` (or `/>`): name and attributes.
    pub tag: String,
    /// Whether the element was written self-closing (`<x/>`).
    pub self_closing: bool,
    /// The tags of an unknown element's children (members or items), in order.
    pub children: Vec<XmlTag>,
}

impl XmlTag {
    /// Whether the tag marks a null (`nil="true"`).
    pub fn is_nil(&self) -> bool {
        self.tag.contains("nil=\"true\"") || self.tag.contains("nil='true'")
    }

    /// The element name the tag opens (`a` for `a type="symbol"`).
    ///
    /// ```
    /// let tag = elementa::XmlTag { tag: "total type=\"decimal\"".into(), ..Default::default() };
    /// assert_eq!(tag.name(), "total");
    /// ```
    pub fn name(&self) -> &str {
        let end = self
            .tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(self.tag.len());
        self.tag.get(..end).unwrap_or_default()
    }
}

/// The order of a decoded record's elements, and in XML their tags: encoders
/// write a record in the order it came (known and unknown elements
/// interleaved as they were), then whatever was added since.
///
/// Decoders keep one only when it says something schema order does not: a
/// record that came in schema order (a Coupa record's unknown elements
/// where their positions put them; a Flexi record holding none), with no
/// start tag other than the one the encoder writes, keeps none — it is
/// written in schema order, elements added after decoding included (so a
/// schema-ordered payload stays schema-ordered).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trace {
    /// The elements in the order they came; an inline list's items each
    /// have a slot.
    pub slots: Vec<Slot>,
    /// The XML start tag of the slot with the same index, when it came
    /// from XML; shorter than `slots` (empty from JSON) when the remaining
    /// slots have none.
    pub tags: Vec<Option<XmlTag>>,
}

impl Trace {
    /// Whether a record whose elements came in the order of `slots` is
    /// written exactly the same without a trace, so decoders need not keep
    /// one: the elements it holds are those of `slots`, each once, in
    /// schema order, and its unknown elements (Coupa only) stand among them
    /// where their [`Extra::position`] puts them, as encoders write them.
    /// ABRA Flexi's unknown elements may be attributes, which encoders
    /// write apart, so a Flexi record holding any keeps its trace.
    ///
    /// An inline list (Flexi's `external-ids`) may have a slot per item,
    /// as XML brings them, one after the other. ABRA Flexi's attributes
    /// and record names (`update`, `action`) are left out on both sides:
    /// both encoders write them apart from the elements, in schema order,
    /// trace or not.
    /// `present` is scratch space (cleared).
    pub fn is_schema_order(
        record: &dyn crate::Record,
        slots: &[Slot],
        present: &mut Vec<usize>,
    ) -> bool {
        present.clear();
        record.present(present);
        Self::is_schema_order_of(record, slots, present)
    }

    /// [`Trace::is_schema_order`] with the elements `record` holds given
    /// (`present`, what [`crate::Record::present`] gives, in schema order;
    /// ABRA Flexi's attributes may stand anywhere among them): for a
    /// decoder that knows them without asking the record, which looks at
    /// every element of its table.
    pub fn is_schema_order_of(
        record: &dyn crate::Record,
        slots: &[Slot],
        present: &[usize],
    ) -> bool {
        let meta = record.meta();
        let flexi = meta.dialect == crate::Dialect::Flexi;
        let extras = &record.extra().0;
        if !extras.is_empty() && flexi {
            return false;
        }
        // What an encoder writes apart from the elements, wherever it came.
        let apart = |i: usize| {
            flexi
                && meta.elements.get(i).is_some_and(|el| {
                    !matches!(
                        el.placement,
                        crate::Placement::Element | crate::Placement::Text
                    )
                })
        };
        // The order encoders write without a trace: before each element,
        // the unknown elements whose position is at most its index.
        let mut slots = slots
            .iter()
            .filter(|s| !matches!(s, Slot::Element(i) if apart(*i)))
            .peekable();
        let mut next_extra = 0;
        for &i in present.iter() {
            if apart(i) {
                continue;
            }
            while extras.get(next_extra).is_some_and(|x| x.position <= i) {
                if slots.next() != Some(&Slot::Extra(next_extra)) {
                    return false;
                }
                next_extra += 1;
            }
            let mut run = 0;
            while slots.next_if(|s| **s == Slot::Element(i)).is_some() {
                run += 1;
            }
            // One slot, or an inline list's one per item. An inline list
            // XML brought no item of (made present and empty) keeps the
            // trace: written after the rest, as it was added.
            if run != 1 && (run == 0 || inline_items(record, i) != Some(run)) {
                return false;
            }
        }
        (next_extra..extras.len()).all(|k| slots.next() == Some(&Slot::Extra(k)))
            && slots.next().is_none()
    }

    /// Adds a slot, with its start tag when it came from XML.
    pub fn push(&mut self, slot: Slot, tag: Option<XmlTag>) {
        if tag.is_some() {
            self.tags.resize_with(self.slots.len(), || None);
            self.tags.push(tag);
        }
        self.slots.push(slot);
    }

    /// Sets the start tag of slot `n` (pushed before).
    pub fn set_tag(&mut self, n: usize, tag: XmlTag) {
        if self.tags.len() <= n {
            self.tags.resize_with(n + 1, || None);
        }
        if let Some(t) = self.tags.get_mut(n) {
            *t = Some(tag);
        }
    }

    /// The start tag of slot `n`, if it came with one.
    pub fn tag(&self, n: usize) -> Option<&XmlTag> {
        self.tags.get(n).and_then(Option::as_ref)
    }
}

/// The number of items of element `i` of `record` when it is an inline
/// list (its items written one after the other, with no element around
/// them); `None` for any other element.
fn inline_items(record: &dyn crate::Record, i: usize) -> Option<usize> {
    if !record.meta().elements.get(i)?.inline {
        return None;
    }
    match record.field(i)? {
        crate::FieldRef::Many(f) => f.count().value().copied(),
        crate::FieldRef::Strings(f) => f.value().map(Vec::len),
        _ => None,
    }
}

impl Extras {
    /// The layout of the payload the record came from, if it was decoded
    /// and its layout says more than schema order (see [`Trace`]).
    pub fn trace(&self) -> Option<&Trace> {
        self.1.as_deref()
    }

    /// The order in which encoders write a decoded record with `elements`
    /// schema elements: each slot of its trace once, in the order it came
    /// (an inline list's items all stand at its first), each with its XML
    /// tag, then the elements and unknown elements added since (schema
    /// order, then in order). `None` when the record has no trace (it was not
    /// decoded, or came in schema order).
    pub fn write_order(&self, elements: usize) -> Option<Vec<(Slot, Option<&XmlTag>)>> {
        let all: Vec<usize> = (0..elements).collect();
        self.write_order_of(&all)
    }

    /// [`Extras::write_order`] when only the elements in `present`
    /// (ascending, as [`crate::Record::present`] gives them) hold anything:
    /// the elements added since decoding are looked for among those only.
    pub fn write_order_of(&self, present: &[usize]) -> Option<Vec<(Slot, Option<&XmlTag>)>> {
        let trace = self.trace()?;
        let elements = trace
            .slots
            .iter()
            .filter_map(|slot| match slot {
                Slot::Element(i) => Some(i + 1),
                Slot::Extra(_) => None,
            })
            .chain(present.last().map(|i| i + 1))
            .max()
            .unwrap_or(0);
        let mut done_element = vec![false; elements];
        let mut done_extra = vec![false; self.0.len()];
        let mut order = Vec::with_capacity(trace.slots.len() + present.len() + self.0.len());
        for (n, slot) in trace.slots.iter().enumerate() {
            let done = match *slot {
                Slot::Element(i) => done_element.get_mut(i),
                Slot::Extra(k) => done_extra.get_mut(k),
            };
            if let Some(done) = done
                && !std::mem::replace(done, true)
            {
                order.push((*slot, trace.tag(n)));
            }
        }
        let added_elements = present
            .iter()
            .copied()
            .filter(|&i| !done_element.get(i).copied().unwrap_or(false));
        order.extend(added_elements.map(|i| (Slot::Element(i), None)));
        let added_extras =
            (0..self.0.len()).filter(|&k| !done_extra.get(k).copied().unwrap_or(true));
        order.extend(added_extras.map(|k| (Slot::Extra(k), None)));
        Some(order)
    }

    /// Sets the layout (decoders do; `None` forgets it, so the record is
    /// written in schema order).
    pub fn set_trace(&mut self, trace: Option<Trace>) {
        self.1 = trace.map(Box::new);
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over them.
    pub fn iter(&self) -> std::slice::Iter<'_, Extra> {
        self.0.iter()
    }

    /// The one named `name`.
    pub fn get(&self, name: &str) -> Option<&Any> {
        self.0.iter().find(|e| e.name == name).map(|e| &e.value)
    }

    /// ABRA Flexi: the attributes element `wire` came with beyond its value
    /// (a select's `showAs`), as (attribute, value). They are kept as
    /// unknown elements named `wire@attribute`, the JSON key that carries
    /// them (`"stavUhrK@showAs": "Uhrazeno"`); in XML they are attributes
    /// (`<stavUhrK showAs="Uhrazeno">`).
    pub fn attributes_of<'a>(&'a self, wire: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.0.iter().filter_map(move |x| {
            let (element, attribute) = property_attribute(&x.name)?;
            match &x.value {
                Any::String(v) if element == wire => Some((attribute, v.as_str())),
                _ => None,
            }
        })
    }

    /// Adds one.
    pub fn push(&mut self, name: String, value: Any, position: usize) {
        self.0.push(Extra {
            name,
            value,
            position,
        });
    }
}

/// `text` without a leading UTF-8 byte-order mark, which some tools write
/// before XML and JSON; decoders accept it and positions count from after it.
///
/// ```
/// assert_eq!(elementa::strip_bom("\u{feff}<user/>"), "<user/>");
/// assert_eq!(elementa::strip_bom("{}"), "{}");
/// ```
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The UTF-8 byte-order mark, as bytes (for readers).
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Finds repeated names among a record's unknown elements in linear time,
/// as decoders must: a payload may carry 100,000 distinct unknown keys, and
/// comparing each with all before it would take quadratic time.
///
/// Names are remembered by a randomly keyed hash; a hash seen before is
/// confirmed against the names themselves, so a collision is never taken
/// for a duplicate.
///
/// ```
/// use elementa::{Any, Extras, UniqueNames};
/// let mut extras = Extras::default();
/// let mut names = UniqueNames::default();
/// for name in ["a", "b", "a"] {
///     if names.is_repeated(&extras, name) {
///         assert_eq!(name, "a");
///         continue;
///     }
///     extras.push(name.into(), Any::Null, 0);
/// }
/// assert_eq!(extras.iter().count(), 2);
/// ```
#[derive(Debug, Default)]
pub struct UniqueNames {
    hashes: std::collections::HashSet<u64>,
    state: std::hash::RandomState,
}

impl UniqueNames {
    /// Whether `extras` already holds an element named `name` (which the
    /// caller is about to add); remembers `name` otherwise. Every name
    /// added to `extras` must pass through here first.
    pub fn is_repeated(&mut self, extras: &Extras, name: &str) -> bool {
        use std::hash::BuildHasher;
        let hash = self.state.hash_one(name);
        if self.hashes.insert(hash) {
            return false;
        }
        extras.iter().any(|x| x.name == name)
    }
}

#[cfg(test)]
mod timestamp_tests {
    use super::*;

    /// Found by fuzzing `flexi_changes`: a change's timestamp with leading
    /// spaces was taken from JSON, and read back from XML trimmed.
    #[test]
    fn a_timestamp_is_its_exact_shape_and_nothing_around_it() {
        for good in [
            "2019-06-07 12:34:56",
            "2019-06-07 12:34:56.7",
            "2019-06-07 12:34:56.123456",
        ] {
            assert_eq!(
                Timestamp::parse(good).map(|t| t.0),
                Ok(good.into()),
                "{good}"
            );
        }
        for bad in [
            " 2019-06-07 12:34:56.7",
            "2019-06-07 12:34:56.7 ",
            "2019-06-07  12:34:56",
            "2019-6-07 12:34:56",
            "+2019-06-07 12:34:56",
            "2019-06-07T12:34:56",
            "2019-06-07 12:34:56.",
            "2019-13-07 12:34:56",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad:?}");
        }
    }
}

#[cfg(test)]
mod write_order_tests {
    use super::*;

    #[test]
    fn a_decoded_record_is_written_in_the_order_it_came_then_what_was_added() {
        let mut extras = Extras::default();
        assert_eq!(extras.write_order(3), None);
        extras.push("custom-field-1".into(), Any::Null, 0);
        let tag = XmlTag {
            tag: "a type=\"symbol\"".into(),
            ..XmlTag::default()
        };
        // Came as: element 2, the unknown one, element 0 twice (an inline
        // list's items); element 1 was set after decoding.
        let mut trace = Trace::default();
        trace.push(Slot::Element(2), None);
        trace.push(Slot::Extra(0), None);
        trace.push(Slot::Element(0), Some(tag.clone()));
        trace.push(Slot::Element(0), None);
        assert_eq!(trace.tag(2), Some(&tag));
        assert_eq!(trace.tag(3), None);
        extras.set_trace(Some(trace));
        assert_eq!(
            extras.write_order(3),
            Some(vec![
                (Slot::Element(2), None),
                (Slot::Extra(0), None),
                (Slot::Element(0), Some(&tag)),
                (Slot::Element(1), None),
            ])
        );
        // Layout is not content.
        assert_eq!(extras, {
            let mut e = Extras::default();
            e.push("custom-field-1".into(), Any::Null, 0);
            e
        });
    }
}
