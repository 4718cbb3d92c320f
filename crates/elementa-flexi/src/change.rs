//! The data of a Changes API listing: one [`ChangePage`] holds the
//! [`Change`]s of a version range and where to continue ([`Next`]).
//!
//! These are plain types; decoding the XML or JSON listing into them is the
//! codec's job. Everything that came over the wire is kept as received:
//! unknown operations ([`Operation::Other`]), unknown id prefixes
//! ([`RecordId::Other`]) and the timestamp text.

use std::fmt;
use std::str::FromStr;

use elementa::{Timestamp, ValueError};

/// Builds a [`ValueError`] with the offending text cut to 80 characters.
pub(crate) fn invalid(text: &str, expected: &'static str) -> ValueError {
    ValueError {
        text: text.chars().take(80).collect(),
        expected,
    }
}

/// What a change did to its record.
///
/// ```
/// use elementa_flexi::change::Operation;
/// assert_eq!(Operation::from_wire("update"), Operation::Update);
/// let other = Operation::from_wire("archive");
/// assert!(!other.is_known());
/// assert_eq!(other.as_wire(), "archive");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `create`.
    Create,
    /// `update`.
    Update,
    /// `delete`.
    Delete,
    /// Any other operation, kept as received (strict sync reports it).
    Other(String),
}

impl Operation {
    /// Reads the wire name; every text is accepted, unknown ones as
    /// [`Operation::Other`].
    pub fn from_wire(text: &str) -> Self {
        match text {
            "create" => Operation::Create,
            "update" => Operation::Update,
            "delete" => Operation::Delete,
            other => Operation::Other(other.to_owned()),
        }
    }

    /// The wire name.
    pub fn as_wire(&self) -> &str {
        match self {
            Operation::Create => "create",
            Operation::Update => "update",
            Operation::Delete => "delete",
            Operation::Other(text) => text,
        }
    }

    /// Whether this is `create`, `update` or `delete`.
    pub fn is_known(&self) -> bool {
        !matches!(self, Operation::Other(_))
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_wire())
    }
}

pub use elementa::RecordId;

/// One logged change of the company database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The record type (evidence), e.g. `faktura-vydana`.
    pub evidence: String,
    /// The change's global version (`in-version`).
    pub version: u64,
    /// What happened.
    pub operation: Operation,
    /// When, as Flexi wrote it (zone-less local time).
    pub timestamp: Timestamp,
    /// The record's identifiers (the numeric id and aliases such as `code:`).
    pub ids: Vec<RecordId>,
}

/// Where a listing continues.
///
/// ```
/// use elementa_flexi::change::Next;
/// assert_eq!(Next::parse("6").unwrap(), Next::Version(6));
/// assert_eq!(Next::parse("none").unwrap(), Next::None);
/// assert!(Next::parse("+6").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Next {
    /// The start (inclusive) of the next request.
    Version(u64),
    /// Nothing more follows (`none`).
    None,
}

impl Next {
    /// Parses `none` or a version in decimal digits; surrounding whitespace
    /// is ignored.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        let trimmed = text.trim();
        if trimmed == "none" {
            return Ok(Next::None);
        }
        if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(text, "next version (digits or `none`)"));
        }
        trimmed
            .parse()
            .map(Next::Version)
            .map_err(|_| invalid(text, "next version (digits or `none`)"))
    }
}

impl FromStr for Next {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        Self::parse(s)
    }
}

impl fmt::Display for Next {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Next::Version(v) => write!(f, "{v}"),
            Next::None => f.write_str("none"),
        }
    }
}

/// One Changes API listing (a polled page or a web-hook delivery).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangePage {
    /// `globalVersion`: the version of the latest change in the database when
    /// it answered, inclusive (real web-hook bodies carry the `in-version` of
    /// their last change here, with `next` = `none`).
    pub global_version: u64,
    /// The changes, ascending by version.
    pub changes: Vec<Change>,
    /// Where to continue.
    pub next: Next,
}

impl ChangePage {
    /// The first version this page does not cover, where the next listing
    /// starts: `next`, or `global_version + 1` when `next` is `none` (the
    /// page then shows every change up to and including `globalVersion`).
    ///
    /// ```
    /// use elementa_flexi::change::{ChangePage, Next};
    /// // A real web-hook body: its last change is 3656477, so is globalVersion.
    /// let hook = ChangePage { global_version: 3656477, changes: vec![], next: Next::None };
    /// assert_eq!(hook.end(), 3656478);
    /// // The seed listing: changes 3 to 5, `next` 6, a change 6 exists.
    /// let seed = ChangePage { global_version: 6, changes: vec![], next: Next::Version(6) };
    /// assert_eq!((seed.end(), seed.is_last()), (6, false));
    /// ```
    ///
    /// A `global_version` of `u64::MAX` (which the wire, a signed 64-bit
    /// number, cannot carry) ends at `u64::MAX`.
    pub fn end(&self) -> u64 {
        match self.next {
            Next::Version(v) => v,
            Next::None => self.global_version.saturating_add(1),
        }
    }

    /// Whether nothing followed this page when it was produced: `next` is
    /// `none`, or past `global_version` (no change exists from there on).
    pub fn is_last(&self) -> bool {
        match self.next {
            Next::None => true,
            Next::Version(v) => v > self.global_version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_ids_parse_to_their_variants() {
        assert_eq!(RecordId::parse("1").unwrap(), RecordId::Numeric(1));
        assert_eq!(RecordId::parse("-5").unwrap(), RecordId::Numeric(-5));
        assert_eq!(
            RecordId::parse("code:VF1-0001/2012").unwrap(),
            RecordId::Code("VF1-0001/2012".into())
        );
        assert_eq!(
            RecordId::parse("ext:SYSTEM:VALUE").unwrap(),
            RecordId::Ext("SYSTEM:VALUE".into())
        );
        assert_eq!(
            RecordId::parse("vat-id:CZ123").unwrap(),
            RecordId::Other {
                prefix: "vat-id".into(),
                value: "CZ123".into()
            }
        );
        // Prefixes are case-sensitive so that the text round-trips.
        assert_eq!(
            RecordId::parse("CODE:A").unwrap().to_string(),
            "CODE:A".to_owned()
        );
    }

    #[test]
    fn malformed_ids_are_errors() {
        for text in [
            "",
            "ABC",
            "007",
            "+1",
            " 1",
            "1 ",
            "code:",
            ":x",
            "a b:c",
            "99999999999999999999",
        ] {
            let err = RecordId::parse(text).unwrap_err();
            assert!(err.expected.starts_with("record id"), "{text:?}");
        }
    }

    #[test]
    fn operations_keep_unknown_names() {
        for (text, known) in [
            ("create", true),
            ("update", true),
            ("delete", true),
            ("Create", false),
            ("", false),
        ] {
            let op = Operation::from_wire(text);
            assert_eq!(op.as_wire(), text);
            assert_eq!(op.is_known(), known, "{text:?}");
        }
    }

    #[test]
    fn next_parses_and_displays() {
        assert_eq!(Next::parse(" 6\n").unwrap(), Next::Version(6));
        assert_eq!(Next::Version(6).to_string(), "6");
        assert_eq!(Next::None.to_string(), "none");
        for bad in ["", "None", "-1", "6x", "18446744073709551616"] {
            assert!(Next::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn page_end_follows_the_vendor_rule() {
        // The seed listing: changes 3..=5, `next` 6, globalVersion 6 — a
        // change 6 exists beyond the page.
        let mut page = ChangePage {
            global_version: 6,
            changes: Vec::new(),
            next: Next::Version(6),
        };
        assert_eq!(page.end(), 6);
        assert!(!page.is_last());
        page.next = Next::Version(4);
        assert_eq!(page.end(), 4);
        assert!(!page.is_last());
        // `next` past the latest change: nothing follows.
        page.next = Next::Version(7);
        assert!(page.is_last());
        // A real web-hook body: globalVersion is its last change, inclusive.
        page.next = Next::None;
        assert_eq!(page.end(), 7);
        assert!(page.is_last());
    }

    proptest! {
        #[test]
        fn parsed_ids_render_back_exactly(text in "[a-z0-9:+ -]{0,12}|-?[0-9]{1,20}") {
            if let Ok(id) = RecordId::parse(&text) {
                prop_assert_eq!(id.to_string(), text);
            }
        }

        #[test]
        fn rendered_ids_parse_back(prefix in "[a-z_-]{1,8}", value in "\\PC{1,12}", n in any::<i64>()) {
            for id in [
                RecordId::Numeric(n),
                RecordId::Code(value.clone()),
                RecordId::Ext(value.clone()),
            ] {
                prop_assert_eq!(RecordId::parse(&id.to_string()).unwrap(), id);
            }
            let other = RecordId::parse(&format!("{prefix}:{value}")).unwrap();
            prop_assert_eq!(other.to_string(), format!("{prefix}:{value}"));
        }
    }
}
