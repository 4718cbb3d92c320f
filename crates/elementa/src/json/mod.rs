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

/// The offset of the first byte of `bytes` that is one of `wanted`, eight
/// bytes at a time.
///
/// The strings of a record (a value, a key) are mostly a few words long,
/// where a vector search such as `memchr` costs more to start than it saves.
fn find_any<const N: usize>(bytes: &[u8], wanted: [u8; N]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // The high bit of each zero byte of `w`. The lowest one is exact (a
    // borrow only travels upwards), and little-endian puts the first byte
    // lowest.
    let zeros = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    let (words, tail) = bytes.as_chunks::<8>();
    for (n, word) in words.iter().enumerate() {
        let w = u64::from_le_bytes(*word);
        let hits = wanted
            .iter()
            .fold(0, |hits, &b| hits | zeros(w ^ (ONES * u64::from(b))));
        if hits != 0 {
            return Some(n * 8 + (hits.trailing_zeros() / 8) as usize);
        }
    }
    let base = words.len() * 8;
    tail.iter()
        .position(|b| wanted.contains(b))
        .map(|k| base + k)
}

#[cfg(test)]
mod tests {
    use super::find_any;

    #[test]
    fn find_any_finds_the_slash_a_plain_search_finds() {
        // Neighbours of `/`, and with the high bit set, around every word
        // boundary, with a second `/` after the first (the frame's test
        // covers the two-byte search of `"` and `\\`).
        for len in 0..20 {
            for fill in [b'.', b'0', 0xaf, 0x2e | 0x80, 0x00, 0xff] {
                for at in 0..=len {
                    let mut bytes = vec![fill; len];
                    for slot in [at, at + 5] {
                        if let Some(b) = bytes.get_mut(slot) {
                            *b = b'/';
                        }
                    }
                    let plain = bytes.iter().position(|&b| b == b'/');
                    assert_eq!(find_any(&bytes, [b'/']), plain, "{bytes:?}");
                }
            }
        }
    }
}
