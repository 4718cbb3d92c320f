//! The JSON wire form of every resource: the serde `Serialize` view and the
//! `DeserializeSeed`s driven by the static metadata. The `elementa-json`
//! crate is the codec built on it (text, readers, error positions); the
//! generated resources' own `Serialize` / `Deserialize` impls call
//! [`serialize`] and [`deserialize_into`], so a resource inside a caller's
//! `#[derive(Serialize, Deserialize)]` struct travels as the codec writes it.
//!
//! ```
//! use elementa::Field;
//! use elementa_coupa::User;
//!
//! let user: User = serde_json::from_str(r#"{"id":7,"login":"jo","firstname":null}"#).unwrap();
//! assert_eq!(user.login, Field::Value("jo".to_owned()));
//! assert!(user.firstname.is_null());
//! assert_eq!(serde_json::to_string(&user).unwrap(), elementa::json::to_string(&user));
//! ```

mod de;
mod frame;
mod ser;

pub use de::{
    DecodeOptions, decode, decode_envelope, decode_into, decode_list, decode_payload, for_each,
    for_each_item, from_str, from_str_list,
};
pub use ser::{
    EnvelopeWriter, JsonEnvelope, JsonList, JsonRecord, envelope_to_string, to_string,
    to_string_pretty, to_writer, to_writer_pretty,
};

use crate::Record;

/// Serializes `record` in its vendor's JSON wire form (Coupa's dash-case
/// keys; an ABRA Flexi record as it stands inside `winstrom`) with any serde
/// serializer: the same bytes as [`to_string`] with `serde_json`.
pub fn serialize<S: serde::Serializer>(record: &dyn Record, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&JsonRecord(record), s)
}

/// Deserializes into `record` (which should be empty) from its vendor's JSON
/// wire form, with any serde deserializer. With `serde_json`, numbers are
/// read from their text (an unknown element's `4E70` stays `4E70`; a decimal
/// is exact or refused); other formats give their own numbers.
pub fn deserialize_into<'de, D: serde::Deserializer<'de>>(
    record: &mut dyn Record,
    d: D,
) -> Result<(), D::Error> {
    de::deserialize_record(record, d)
}
