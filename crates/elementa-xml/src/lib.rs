//! The XML codec of elementa: decodes and encodes any generated resource in
//! its vendor's XML wire form, reading only the static metadata.
//!
//! - Coupa: root named after the resource, dash-case children, `type`
//!   attributes (`integer`, `decimal`, `boolean`, `dateTime`, `array`, …;
//!   optional when decoding, written when encoding), `nil="true"` for null,
//!   `<x></x>` and `<x/>` as the empty string, nested associations, and lists
//!   as `<users type="array"><user>…</user></users>`.
//! - ABRA Flexi: the `winstrom` envelope, attributes, records named after
//!   their record type, repeated `<id>` children.
//!
//! Decoding reads quick-xml events straight into typed fields: no DOM, a
//! nesting limit (default 128), no DTDs and no entity expansion, and every
//! error says line, column and element path. The layout of the input
//! (declaration, indentation, final newline) is kept, so a payload in that
//! layout re-encodes to the same bytes. (An unknown element holding only
//! whitespace across lines is an empty object, as Rails writes an empty
//! hash; its whitespace is written back as the layout indents.)
//!
//! ```
//! use elementa::Field;
//! use elementa_coupa::Comment;
//!
//! let text = "<comment>\n<commentable-id type=\"integer\">123456</commentable-id>\n\
//!             <commentable-type>InvoiceHeader</commentable-type>\n\
//!             <comments>@[User:2] please see this comment</comments>\n</comment>\n";
//! use elementa::Resource;
//! let doc = elementa_xml::decode(Comment::resource_meta(), text, Default::default()).unwrap();
//! let comment: &Comment = doc.record().and_then(|r| r.downcast_ref()).unwrap();
//! assert_eq!(comment.commentable_id, Field::Value(123456));
//! assert_eq!(elementa_xml::encode(&doc).unwrap(), text);
//!
//! let err = elementa_xml::from_str::<Comment>("<comment>\n<to-supplier>yes</to-supplier>\n</comment>")
//!     .unwrap_err();
//! assert_eq!(err.to_string(), "2:1: to-supplier: `yes` is not a valid boolean (`true` or `false`)");
//! ```
#![forbid(unsafe_code)]

mod chars;
mod de;
mod ser;
mod source;
mod stream;

pub use chars::{is_xml_char, is_xml_name};
pub use de::{DecodeOptions, decode, decode_envelope, from_str, peek_first_child, peek_root};
pub use elementa::DecodeError as Error;
pub use ser::{
    EncodeError, encode, encode_envelope, encode_records, encode_records_into, envelope_to_string,
    to_string,
};
pub use stream::{ListWriter, for_each, for_each_item};

use elementa::{Dialect, Record};

/// The character an XML reference stands for: a character reference
/// (`#38`, `#x26`) or one of the five predefined entities (`amp`, `lt`,
/// `gt`, `apos`, `quot`). Other entities would need a DTD, which elementa
/// refuses, so they have none.
///
/// ```
/// assert_eq!(elementa_xml::entity_char("amp"), Some('&'));
/// assert_eq!(elementa_xml::entity_char("#x41"), Some('A'));
/// assert_eq!(elementa_xml::entity_char("lol"), None);
/// ```
pub fn entity_char(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    quick_xml::escape::resolve_predefined_entity(name)?
        .chars()
        .next()
}

/// How a document is laid out, so that it can be written back the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The XML declaration's content (`xml version="1.0"`), if any.
    pub declaration: Option<String>,
    /// Spaces per nesting level; `None` writes everything on one line.
    pub indent: Option<usize>,
    /// Whether the document ends with a newline.
    pub final_newline: bool,
}

impl Layout {
    /// The layout each vendor's servers write: Coupa with an UTF-8
    /// declaration, Flexi with a bare one; both indent by two spaces.
    pub fn for_dialect(dialect: Dialect) -> Self {
        let declaration = match dialect {
            Dialect::Coupa => r#"xml version="1.0" encoding="UTF-8""#,
            Dialect::Flexi => r#"xml version="1.0""#,
        };
        Layout {
            declaration: Some(declaration.to_owned()),
            indent: Some(2),
            final_newline: true,
        }
    }
}

/// What a document holds: one record or a list ([`elementa::Payload`]).
pub use elementa::Payload as Body;

/// A decoded ABRA Flexi `winstrom` document: the envelope and its layout.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvelopeDocument {
    /// The envelope's attributes and records.
    pub envelope: elementa::Envelope,
    /// How the input was laid out.
    pub layout: Layout,
}

/// A decoded XML document: its records and its layout.
#[derive(Debug, Clone)]
pub struct Document {
    /// The resource of the records.
    pub meta: &'static elementa::ResourceMeta,
    /// One record or a list.
    pub body: Body,
    /// How the input was laid out.
    pub layout: Layout,
}

impl Document {
    /// The record, if the document holds one record.
    pub fn record(&self) -> Option<&dyn Record> {
        self.body.record()
    }

    /// The records, one or many.
    pub fn records(&self) -> Vec<&dyn Record> {
        self.body.records()
    }
}

/// Why attribute `attribute` of an inline list's item is refused, in both
/// directions: the item has no key it could travel under.
fn item_attribute(list: &str, attribute: &str) -> String {
    format!("an item of the list `{list}` cannot carry the attribute `{attribute}`")
}
