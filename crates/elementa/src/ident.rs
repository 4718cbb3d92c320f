//! Flexi record identifiers and relations: one identifier type for the
//! change feed, record ids and relations between records.

use std::fmt;
use std::str::FromStr;

use crate::value::ValueError;

/// One identifier of an ABRA Flexi record, as Flexi writes it in change
/// listings, relations and record ids.
///
/// The text forms are:
/// * `1` — the internal numeric id ([`RecordId::Numeric`]); only the
///   canonical decimal form (no sign `+`, no leading zeros, fits `i64`), so
///   that it renders back to the same text;
/// * `prefix:value` where the prefix is ASCII letters, digits, `-` or `_`:
///   `code:` ([`RecordId::Code`]), `ext:` ([`RecordId::Ext`], the value is
///   everything after the first colon, e.g. `SYSTEM:VALUE`) and any other
///   prefix ([`RecordId::Other`], kept). The value must not be empty.
///
/// Anything else — in particular a non-numeric id without a prefix such as
/// `ABC` or `007` — is an error: Flexi writes every non-internal identifier
/// with a prefix, and guessing one (`code:`?) could make the mirror touch the
/// wrong record. [`Display`](fmt::Display) renders the parsed text exactly.
///
/// ```
/// use elementa::RecordId;
/// for text in ["1", "code:VF1-0001/2012", "ext:SYSTEM:VALUE", "plu:123"] {
///     assert_eq!(RecordId::parse(text).unwrap().to_string(), text);
/// }
/// assert_eq!(RecordId::parse("ext:SYSTEM:VALUE").unwrap(),
///            RecordId::Ext("SYSTEM:VALUE".into()));
/// assert!(RecordId::parse("ABC").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordId {
    /// The internal numeric id.
    Numeric(i64),
    /// `code:` — the record's code.
    Code(String),
    /// `ext:` — an external id; the text after `ext:` (usually
    /// `SYSTEM:VALUE`).
    Ext(String),
    /// Any other prefix, kept.
    Other {
        /// The prefix, without the colon.
        prefix: String,
        /// The text after the first colon.
        value: String,
    },
}

const ID_EXPECTED: &str = "record id (a canonical number, or prefix:value such as code:ABC)";

impl RecordId {
    /// Parses one identifier; see the type documentation for the forms.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        if let Some((prefix, value)) = text.split_once(':')
            && !prefix.is_empty()
            && prefix
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            if value.is_empty() {
                return Err(ValueError::new(text, ID_EXPECTED));
            }
            return Ok(match prefix {
                "code" => RecordId::Code(value.to_owned()),
                "ext" => RecordId::Ext(value.to_owned()),
                _ => RecordId::Other {
                    prefix: prefix.to_owned(),
                    value: value.to_owned(),
                },
            });
        }
        match text.parse::<i64>() {
            Ok(n) if itoa::Buffer::new().format(n) == text => Ok(RecordId::Numeric(n)),
            _ => Err(ValueError::new(text, ID_EXPECTED)),
        }
    }
}

impl FromStr for RecordId {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        Self::parse(s)
    }
}

impl RecordId {
    /// Calls `f` with the identifier's text in three pieces, which written
    /// one after another are its `Display`, made without the formatting
    /// machinery (encoders write one per relation).
    ///
    /// ```
    /// use elementa::RecordId;
    /// let id: RecordId = "code:ACME".parse().unwrap();
    /// assert_eq!(id.with_text(|pieces| pieces.concat()), "code:ACME");
    /// assert_eq!(RecordId::Numeric(-12).with_text(|pieces| pieces.concat()), "-12");
    /// ```
    pub fn with_text<R>(&self, f: impl FnOnce([&str; 3]) -> R) -> R {
        match self {
            RecordId::Numeric(n) => f([itoa::Buffer::new().format(*n), "", ""]),
            RecordId::Code(value) => f(["code", ":", value]),
            RecordId::Ext(value) => f(["ext", ":", value]),
            RecordId::Other { prefix, value } => f([prefix, ":", value]),
        }
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_text(|pieces| pieces.iter().try_for_each(|p| f.write_str(p)))
    }
}

/// A relation to another record (ABRA Flexi): the target's identifier and
/// its decorations: what an export adds for reading (`ref`, the target's
/// URL; `showAs`, its display text), kept so that a record re-encodes as it
/// came, and what a write may add (`if-not-found`, `previousValue`). In XML
/// `<firma ref="/c/demo/adresar/12.xml" showAs="ACME">code:ACME</firma>`;
/// in JSON `"firma":"code:ACME","firma@ref":"…","firma@showAs":"…"`.
///
/// ```
/// use elementa::{Relation, RecordId};
/// let r: Relation = "code:ACME".parse().unwrap();
/// assert_eq!(r.id, RecordId::Code("ACME".into()));
/// assert_eq!((r.reference, r.show_as), (None, None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Relation {
    /// The target record's identifier.
    pub id: RecordId,
    /// Export only: the target's URL (`ref`).
    pub reference: Option<String>,
    /// Export only: the target's display text (`showAs`).
    pub show_as: Option<String>,
    /// Import only: what to do when the identifier finds no record
    /// (`if-not-found`: `null`, `nearest-invalid`, `create`).
    pub if_not_found: Option<String>,
    /// Import only: the value the writer last read (`previousValue`); the
    /// write fails if the record has changed since.
    pub previous_value: Option<String>,
}

impl Relation {
    /// The attribute names of the decorations, in the order they are written.
    pub const DECORATIONS: [&'static str; 4] = ["ref", "showAs", "if-not-found", "previousValue"];

    /// A relation to `id`, without decorations.
    pub fn new(id: RecordId) -> Self {
        Relation {
            id,
            reference: None,
            show_as: None,
            if_not_found: None,
            previous_value: None,
        }
    }

    /// The decoration named `name` (one of [`Self::DECORATIONS`]), mutably.
    pub fn decoration_mut(&mut self, name: &str) -> Option<&mut Option<String>> {
        match name {
            "ref" => Some(&mut self.reference),
            "showAs" => Some(&mut self.show_as),
            "if-not-found" => Some(&mut self.if_not_found),
            "previousValue" => Some(&mut self.previous_value),
            _ => None,
        }
    }

    /// The decorations that are set, as (attribute name, value).
    pub fn decorations(&self) -> impl Iterator<Item = (&'static str, &str)> {
        Self::DECORATIONS
            .into_iter()
            .zip([
                self.reference.as_deref(),
                self.show_as.as_deref(),
                self.if_not_found.as_deref(),
                self.previous_value.as_deref(),
            ])
            .filter_map(|(k, v)| Some((k, v?)))
    }
}

impl FromStr for Relation {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        RecordId::parse(s).map(Relation::new)
    }
}
