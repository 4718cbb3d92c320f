//! The JSON codec of elementa: decodes and encodes any generated resource in
//! its vendor's JSON wire form, reading only the static metadata.
//!
//! - Coupa: dash-case keys, nested objects, arrays, `null`; decimals travel as
//!   strings and keep their scale; datetimes keep their text.
//! - ABRA Flexi: attribute elements as `@` keys; numbers and booleans as strings.
//!
//! Decoding streams through `serde_json` without building a DOM; errors carry
//! line, column and the element path.
//!
//! The wire form itself (the serde view and seeds) lives in the runtime, as
//! [`elementa::json`], because the generated resources' own `Serialize` /
//! `Deserialize` impls use it too: `serde_json::to_string(&user)` writes what
//! [`to_string`] writes.
//!
//! ```
//! use elementa::Field;
//! use elementa_coupa::Comment;
//!
//! let text = r#"{"commentable-id": 123456, "commentable-type": "InvoiceHeader",
//!               "comments": "@[User:2] please see this comment"}"#;
//! let c: Comment = elementa_json::from_str(text).unwrap();
//! assert_eq!(c.commentable_id, Field::Value(123456));
//! assert_eq!(elementa_json::to_string(&c),
//!     r#"{"commentable-id":123456,"commentable-type":"InvoiceHeader","comments":"@[User:2] please see this comment"}"#);
//!
//! let err = elementa_json::from_str::<Comment>(r#"{"to-supplier": "yes"}"#).unwrap_err();
//! assert_eq!(err.to_string(),
//!     "1:21: to-supplier: invalid type: string \"yes\", expected a boolean");
//! ```
#![forbid(unsafe_code)]

pub use elementa::json::{
    DecodeOptions, EnvelopeWriter, JsonEnvelope, JsonList, JsonRecord, decode, decode_envelope,
    decode_into, decode_list, decode_payload, envelope_to_string, for_each, for_each_item,
    from_str, from_str_list, to_string, to_string_pretty, to_writer, to_writer_pretty,
};

/// A JSON payload that could not be decoded: where, and what.
pub use elementa::DecodeError as Error;
