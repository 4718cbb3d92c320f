//! The runtime of elementa: what generated resources are made of.
//!
//! The [`resource!`] macro reads a schema file (one TOML element table) and
//! generates a struct whose fields are three-valued ([`Field`]: absent, null,
//! value), an open enum per allowed-value list ([`OpenEnum`]), and `&'static`
//! metadata ([`ResourceMeta`]) that codecs, projectors and [`validate`] read
//! through the [`Record`] trait.
//!
//! ```
//! use elementa::{Direction, Field, Options, validate};
//! use elementa_coupa::Comment;
//!
//! let comment = Comment {
//!     commentable_id: Field::Value(123456),
//!     commentable_type: "InvoiceHeader".into(),
//!     comments: "@[User:2] please see this comment".into(),
//!     id: Field::Value(1), // out-only: not allowed in a request
//!     ..Default::default()
//! };
//! let problems = validate(&comment, Options::new(Direction::In));
//! assert_eq!(problems.len(), 1);
//! assert_eq!(problems[0].to_string(),
//!            "id: not accepted in requests (the element is not API-in)");
//! ```
#![forbid(unsafe_code)]

mod envelope;
mod error;
mod field;
mod ident;
pub mod json;
mod link;
mod meta;
mod payload;
mod record;
pub mod scalar;
mod validate;
mod value;

pub use elementa_macros::{resource, vendor};

pub use envelope::{ENVELOPE_ROOT, ENVELOPE_VERSION, Envelope, Resolve};
pub use error::{DecodeError, DecodeOptions, Keep, Shape, StreamError, StreamItem, line_col};
pub use field::Field;
pub use ident::{RecordId, Relation};
pub use link::{LIST_REMOVE_ALL, Many, One};
pub use meta::{
    ActionMeta, Detail, Dialect, ElementMeta, ElementSet, Kind, Placement, ResourceMeta,
};
pub use payload::Payload;
pub use record::{
    EnumField, FieldMut, FieldRef, ManyField, OneField, OpenEnum, Record, Resource, copy_field,
    fmt_record, push_present,
};
/// The `serde` crate, for the `Serialize` / `Deserialize` impls of generated
/// resources.
#[doc(hidden)]
pub use serde as __serde;
pub use validate::{
    COUPA_CUSTOM_FIELDS, CustomFields, Direction, Options, Problem, ProblemKind, validate,
    validate_with,
};
pub use value::{
    Any, BOM, Date, DateTime, Decimal, Extra, Extras, Slot, Timestamp, Trace, UniqueNames,
    ValueError, XmlTag, parse_decimal, property_attribute, strip_bom,
};

/// The `schemars` crate, for the `JsonSchema` impls of generated resources
/// and for callers that embed them in their own schemas (feature `schemars`).
#[cfg(feature = "schemars")]
pub use schemars;

/// For generated code only: the JSON parser of the `JsonSchema` impls.
#[cfg(feature = "schemars")]
#[doc(hidden)]
pub use serde_json as __serde_json;
