//! What XML 1.0 can hold: names (the `Name` production) and characters (the
//! `Char` production). Decoders refuse input outside them and encoders refuse
//! to write it, so the XML elementa writes is always well-formed.

/// Whether `c` may start an XML name (XML 1.0, fifth edition, `NameStartChar`).
fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// Whether `c` may continue an XML name (`NameChar`).
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Whether `name` can be an element or attribute name: an XML name
/// (`expense-report`, `x:y`, `položky`), or one with `?` after its first
/// character — Coupa writes Rails predicates as elements (`<active?>`, in
/// its own API metadata too), and a vendor's wire form must be read and
/// written as it is. Nothing else outside XML's `Name` production is let
/// through, so output stays parseable by XML tokenizers.
///
/// ```
/// assert!(elementa_xml::is_xml_name("expense-report"));
/// assert!(elementa_xml::is_xml_name("active?"));
/// assert!(!elementa_xml::is_xml_name("?"));
/// assert!(elementa_xml::is_xml_name("polo\u{17e}ky"));
/// assert!(!elementa_xml::is_xml_name(""));
/// assert!(!elementa_xml::is_xml_name("\"\n\""));
/// assert!(!elementa_xml::is_xml_name(">"));
/// assert!(!elementa_xml::is_xml_name("1st"));
/// ```
pub fn is_xml_name(name: &str) -> bool {
    // Nearly every name is ASCII: bytes first, one table look-up each;
    // characters only from the first byte that is not ASCII.
    let bytes = name.as_bytes();
    match bytes.first() {
        Some(&b) if ascii_class(b) & NAME_START != 0 => {}
        Some(&b) if !b.is_ascii() => return is_xml_name_by_chars(name),
        _ => return false,
    }
    match bytes.iter().find(|&&b| ascii_class(b) & NAME_CHAR == 0) {
        None => true,
        Some(b) => !b.is_ascii() && is_xml_name_by_chars(name),
    }
}

/// [`ASCII_CLASSES`]: may start an XML name.
const NAME_START: u8 = 1;
/// [`ASCII_CLASSES`]: may continue an XML name (or is Coupa's `?`).
const NAME_CHAR: u8 = 2;

/// What each ASCII byte may be in a name; 0 for the others, which are
/// looked at as characters.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const ASCII_CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let start = c.is_ascii_alphabetic() || c == b'_' || c == b':';
        let more = start || c.is_ascii_digit() || matches!(c, b'-' | b'.' | b'?');
        table[b] = if start {
            NAME_START | NAME_CHAR
        } else if more {
            NAME_CHAR
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The class of byte `b` in [`ASCII_CLASSES`].
#[inline]
#[allow(
    clippy::expect_used,
    reason = "a byte indexes one of the table's 256 entries"
)]
fn ascii_class(b: u8) -> u8 {
    ASCII_CLASSES
        .get(usize::from(b))
        .copied()
        .expect("invariant: the table has an entry for every byte")
}

fn is_xml_name_by_chars(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(|c| c == '?' || is_name_char(c))
}

/// Whether XML 1.0 can hold `c` at all, raw or as a character reference
/// (`Char`: tab, newline, carriage return, and from U+0020 on, without
/// U+FFFE and U+FFFF).
///
/// ```
/// assert!(elementa_xml::is_xml_char('\t'));
/// assert!(!elementa_xml::is_xml_char('\0'));
/// assert!(!elementa_xml::is_xml_char('\u{1b}'));
/// assert!(!elementa_xml::is_xml_char('\u{FFFF}'));
/// ```
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The first character of `text` XML 1.0 cannot hold, with its byte offset.
pub(crate) fn forbidden_char(text: &str) -> Option<(usize, char)> {
    // Most text is plain: look at bytes first, chars only where needed.
    let suspect = |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') | (b == 0xEF);
    let (suspect, _) = find_byte(text.as_bytes(), suspect)?;
    let rest = text.get(suspect..)?;
    rest.char_indices()
        .find(|&(_, c)| !is_xml_char(c))
        .map(|(i, c)| (suspect + i, c))
}

/// The first byte of `bytes` that `wanted` holds for, and its offset;
/// sixteen bytes at a time without a branch per byte (most text has none),
/// so `wanted` should be comparisons joined by `&` and `|`.
pub(crate) fn find_byte(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<(usize, u8)> {
    let find = |part: &[u8], base: usize| {
        part.iter()
            .enumerate()
            .find(|&(_, &b)| wanted(b))
            .map(|(k, &b)| (base + k, b))
    };
    let mut chunks = bytes.chunks_exact(16);
    let mut base = 0;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | wanted(b)) {
            return find(chunk, base);
        }
        base += 16;
    }
    find(chunks.remainder(), base)
}

/// The first byte of `bytes` an XML text cannot hold as it is, and its
/// offset: a control character (below U+0020: tab, line feed and carriage
/// return among them), `&`, `<`, `>`, 0xEF (the first byte of U+FFFE and
/// U+FFFF), and in an attribute (`ATTRIBUTE`) `"` and `'` too.
///
/// Eight bytes at a time as one word, the last few padded: most values are
/// a few words long, where a chunked or vector search costs more to start
/// than it saves.
pub(crate) fn find_special<const ATTRIBUTE: bool>(bytes: &[u8]) -> Option<(usize, u8)> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // The high bit of each byte of `w` below `n` (at most 0x80); the lowest
    // one is exact, since a borrow only travels upwards, and little-endian
    // puts the first byte lowest.
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS;
    let equal = |w: u64, b: u8| below(w ^ (ONES * u64::from(b)), 1);
    let hits = |w: u64| {
        let mut hits = below(w, 0x20) | equal(w, b'&') | equal(w, b'<') | equal(w, b'>');
        hits |= equal(w, 0xEF);
        if ATTRIBUTE {
            hits |= equal(w, b'"') | equal(w, b'\'');
        }
        hits
    };
    #[allow(
        clippy::expect_used,
        reason = "a hit's bit lies in one of the word's eight bytes"
    )]
    let found = |word: [u8; 8], base: usize| {
        let h = hits(u64::from_le_bytes(word));
        (h != 0).then(|| {
            let k = (h.trailing_zeros() / 8) as usize;
            let b = word
                .get(k)
                .copied()
                .expect("invariant: a set bit of a u64 is in one of its 8 bytes");
            (base + k, b)
        })
    };
    let (words, tail) = bytes.as_chunks::<8>();
    for (n, word) in words.iter().enumerate() {
        if let Some(hit) = found(*word, n * 8) {
            return Some(hit);
        }
    }
    // The tail, padded with a byte that is none of them.
    let mut last = [b'a'; 8];
    if let Some(head) = last.get_mut(..tail.len()) {
        head.copy_from_slice(tail);
    }
    found(last, words.len() * 8)
}

/// How a character is named in messages: `U+0000`.
pub(crate) fn describe(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_path_agrees_with_the_grammar() {
        for a in 0u8..128 {
            for b in 0u8..128 {
                let name = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(is_xml_name(&name), is_xml_name_by_chars(&name), "{name:?}");
                let one = String::from_utf8(vec![a]).unwrap();
                assert_eq!(is_xml_name(&one), is_xml_name_by_chars(&one), "{one:?}");
            }
            // With characters that are not ASCII, before and after.
            for c in ['é', '\u{B7}', '\u{300}', '\u{D7}', '\u{2070}', '\u{FFFF}'] {
                for name in [format!("{}{c}", a as char), format!("{c}{}", a as char)] {
                    assert_eq!(is_xml_name(&name), is_xml_name_by_chars(&name), "{name:?}");
                }
            }
        }
    }

    #[test]
    fn the_word_search_finds_what_a_byte_by_byte_search_finds() {
        let special = |b: u8, attribute: bool| {
            b < 0x20
                || matches!(b, b'&' | b'<' | b'>' | 0xEF)
                || attribute && matches!(b, b'"' | b'\'')
        };
        let plain = b"abcdefghijklmnopqrstuvwxyz0123456789";
        let hits = [
            0u8, b'\t', b'\n', b'\r', 0x1F, b'&', b'<', b'>', 0xEF, b'"', b'\'', 0x20, 0x7F, 0x80,
            0xC3, 0xFF, b'=', b'?', b'[',
        ];
        for len in 0..plain.len() {
            for at in 0..len.max(1) {
                for &h in &hits {
                    for second in [None, Some(b'<'), Some(0u8)] {
                        let mut bytes = plain.get(..len).unwrap().to_vec();
                        if let Some(b) = bytes.get_mut(at) {
                            *b = h;
                        }
                        if let Some(s) = second
                            && at + 3 < len
                        {
                            bytes[at + 3] = s;
                        }
                        for attribute in [false, true] {
                            let expected = bytes
                                .iter()
                                .enumerate()
                                .find(|&(_, &b)| special(b, attribute))
                                .map(|(i, &b)| (i, b));
                            let found = if attribute {
                                find_special::<true>(&bytes)
                            } else {
                                find_special::<false>(&bytes)
                            };
                            assert_eq!(found, expected, "{bytes:?} attribute: {attribute}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn forbidden_characters_are_found_where_they_are() {
        assert_eq!(forbidden_char("plain text\twith\r\nbreaks"), None);
        assert_eq!(forbidden_char("ab\0c"), Some((2, '\0')));
        assert_eq!(forbidden_char("€\u{FFFF}"), Some((3, '\u{FFFF}')));
        assert_eq!(forbidden_char("\u{FEFF}x"), None);
        assert_eq!(describe('\0'), "U+0000");
    }

    #[test]
    fn forbidden_characters_are_found_at_every_offset_around_the_chunks() {
        let plain = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";
        for c in [
            '\0', '\u{1}', '\u{1f}', '\u{FFFE}', '\u{FFFF}', '\t', '\u{FEFF}', '\u{FF10}', 'é',
        ] {
            for at in [0, 1, 15, 16, 17, 31, 32, 40] {
                let text: String = plain.chars().take(at).chain([c, 'x', c]).collect();
                let expected = text.char_indices().find(|&(_, c)| !is_xml_char(c));
                assert_eq!(forbidden_char(&text), expected, "{text:?}");
            }
        }
    }
}
