//! Where the decoder's events come from: a whole document in memory, or a
//! reader read one event at a time. The decoder is the same for both, so
//! streaming accepts exactly what document decoding accepts.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::{BytesCData, BytesText, Event};

use crate::de::{Checker, NO_DTD, event_content};

/// A position in the input: the byte offset and, for a source that tracks
/// them as it reads, the line and column (1-based, in characters; 0 when the
/// source computes them from the text on demand).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Loc {
    pub offset: u64,
    pub line: usize,
    pub column: usize,
}

impl Loc {
    /// The position `bytes` further on.
    pub fn moved(mut self, bytes: &str) -> Loc {
        self.offset += bytes.len() as u64;
        if self.line > 0 {
            match bytes.rfind('\n') {
                Some(i) => {
                    self.line += bytes.matches('\n').count();
                    self.column = 1 + bytes.get(i + 1..).map_or(0, |s| s.chars().count());
                }
                None => self.column += bytes.chars().count(),
            }
        }
        self
    }
}

/// A source of checked events: no DTD, element and attribute names that are
/// XML names, only characters XML 1.0 can hold.
pub(crate) trait Source<'a> {
    /// The next event and where it starts; for text, where its first
    /// character that is not whitespace stands. An error comes with where it
    /// is.
    fn next_event(&mut self) -> Result<(Event<'a>, Loc), (Loc, String)>;

    /// The line and column of `loc`.
    fn line_col(&self, loc: Loc) -> (usize, usize);

    /// The indentation per level of a document whose root element `root`
    /// (starting at `at`, `empty` when it has no content) was just read:
    /// from the whitespace before its first child, or, when it has none,
    /// from whether it stands on a line of its own. `None` when the source
    /// cannot tell (a stream keeps no layout).
    fn indent(&self, at: Loc, empty: bool) -> Option<usize>;

    /// Whether the document ends with a line break (a stream keeps no layout).
    fn ends_with_newline(&self) -> bool;
}

/// A document held in memory; events borrow from it.
pub(crate) struct TextSource<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    /// The byte offset of the first character XML 1.0 cannot hold, found
    /// in one pass over the document: events that end before it need no
    /// check of their characters, and the event that holds it is checked
    /// as a streamed one is, so the error and where it is are the same.
    clean_until: u64,
    checker: Checker,
}

impl<'a> TextSource<'a> {
    pub fn new(text: &'a str) -> Self {
        let text = elementa::strip_bom(text);
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        // quick-xml skips a byte order mark at the start of what it is
        // given (a document that had two) without counting it in its
        // positions: offsets are taken in the text it reads.
        let text = elementa::strip_bom(text);
        let clean_until =
            crate::chars::forbidden_char(text).map_or(u64::MAX, |(offset, _)| offset as u64);
        TextSource {
            reader,
            text,
            clean_until,
            checker: Checker::default(),
        }
    }

    fn loc(offset: u64) -> Loc {
        Loc {
            offset,
            line: 0,
            column: 0,
        }
    }
}

impl<'a> Source<'a> for TextSource<'a> {
    #[inline]
    fn next_event(&mut self) -> Result<(Event<'a>, Loc), (Loc, String)> {
        let start = self.reader.buffer_position();
        match self.reader.read_event() {
            Ok(Event::DocType(_)) => Err((Self::loc(start), NO_DTD.into())),
            Ok(event) => {
                let checked = if self.reader.buffer_position() <= self.clean_until {
                    self.checker.names(&event)
                } else {
                    self.checker.event(&event)
                };
                checked.map_err(|(i, m)| (Self::loc(start + i as u64), m))?;
                let mut at = start;
                if let Event::Text(t) = &event {
                    at += leading_space(t) as u64;
                }
                Ok((event, Self::loc(at)))
            }
            Err(e) => Err((Self::loc(self.reader.error_position()), e.to_string())),
        }
    }

    fn line_col(&self, loc: Loc) -> (usize, usize) {
        elementa::line_col(self.text, usize::try_from(loc.offset).unwrap_or(usize::MAX))
    }

    fn indent(&self, at: Loc, empty: bool) -> Option<usize> {
        let after = usize::try_from(self.reader.buffer_position()).ok()?;
        let rest = self.text.get(after..)?;
        if empty || rest.trim_start().starts_with("</") {
            let before = self.text.get(..usize::try_from(at.offset).ok()?)?;
            return (before.trim().is_empty() || before.contains('\n')).then_some(2);
        }
        let ws = &rest[..rest.len() - rest.trim_start().len()];
        ws.contains('\n')
            .then(|| ws.rsplit('\n').next().map_or(0, str::len))
    }

    fn ends_with_newline(&self) -> bool {
        self.text.ends_with('\n')
    }
}

/// The length of the whitespace `text` starts with (`str::trim_start`'s),
/// without decoding characters while they are ASCII, as nearly all are:
/// values and the layout between elements.
fn leading_space(text: &str) -> usize {
    let ascii_space = |b: &u8| b.is_ascii_whitespace() || *b == 0x0B;
    match text.bytes().enumerate().find(|(_, b)| !ascii_space(b)) {
        None => text.len(),
        Some((i, b)) if b.is_ascii() => i,
        Some(_) => text.len() - text.trim_start().len(),
    }
}

/// Texts at least this long are moved out of the read buffer rather than
/// copied, and written straight to a streaming writer's sink.
pub(crate) const LONG_TEXT: usize = 64 * 1024;

/// A document read from a reader one event at a time. Events are owned; a
/// long text keeps the buffer it was read into, so however long a value,
/// it is held once.
pub(crate) struct ReadSource<R: BufRead> {
    reader: Reader<R>,
    buf: Vec<u8>,
    /// Where the next event starts.
    pos: Loc,
    checker: Checker,
}

impl<R: BufRead> ReadSource<R> {
    pub fn new(reader: R) -> Self {
        let mut reader = Reader::from_reader(reader);
        reader.config_mut().check_end_names = true;
        ReadSource {
            reader,
            buf: Vec::new(),
            pos: Loc {
                offset: 0,
                line: 1,
                column: 1,
            },
            checker: Checker::default(),
        }
    }
}

/// Moves `pos` past `event`, which ends at byte `end`: its markup (ASCII,
/// no line breaks) and its content.
fn advance(pos: &mut Loc, event: &Event<'_>, end: u64) {
    let (content, trailing): (&str, usize) = match event {
        Event::Start(e) => (e.as_ref(), 1),
        Event::Empty(e) => (e.as_ref(), 2),
        Event::End(e) => (e.as_ref(), 1),
        Event::Text(e) => (e.as_ref(), 0),
        Event::CData(e) => (e.as_ref(), 3),
        Event::Comment(e) => (e.as_ref(), 3),
        Event::PI(e) => (e.as_ref(), 2),
        Event::Decl(e) => (e.as_ref(), 2),
        Event::GeneralRef(e) => (e.as_ref(), 1),
        Event::DocType(e) => (e.as_ref(), 1),
        Event::Eof => ("", 0),
    };
    let delta = usize::try_from(end.saturating_sub(pos.offset)).unwrap_or(usize::MAX);
    match content.rfind('\n') {
        Some(i) => {
            pos.line += content.matches('\n').count();
            let after = content.get(i + 1..).map_or(0, |s| s.chars().count());
            pos.column = 1 + after + trailing;
        }
        None => {
            let markup = delta.saturating_sub(content.len());
            pos.column += markup + content.chars().count();
        }
    }
    pos.offset = end;
}

impl<R: BufRead> ReadSource<R> {
    /// The text of `len` bytes at address `addr` in the read buffer: the
    /// buffer itself when the text is all of it (it is, for a text event),
    /// so a long text is moved rather than copied.
    fn take_text(&mut self, addr: usize, len: usize, at: Loc) -> Result<String, (Loc, String)> {
        let from = addr.wrapping_sub(self.buf.as_ptr() as usize);
        let bytes = if from == 0 && len == self.buf.len() {
            std::mem::take(&mut self.buf)
        } else {
            let to = from.saturating_add(len);
            match self.buf.get(from..to) {
                Some(b) => b.to_vec(),
                None => return Err((at, "internal error: text outside its read buffer".into())),
            }
        };
        String::from_utf8(bytes).map_err(|e| (at, format!("not UTF-8: {e}")))
    }
}

impl<R: BufRead> Source<'static> for ReadSource<R> {
    fn next_event(&mut self) -> Result<(Event<'static>, Loc), (Loc, String)> {
        // A huge event (one 500 MB string) must not keep its buffer alive.
        if self.buf.capacity() > 1 << 20 {
            self.buf = Vec::new();
        }
        self.buf.clear();
        let start = self.pos;
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(e) => e,
            Err(e) => {
                let mut at = self.pos;
                advance(&mut at, &Event::Eof, self.reader.error_position());
                return Err((at, e.to_string()));
            }
        };
        advance(&mut self.pos, &event, self.reader.buffer_position());
        if let Event::DocType(_) = event {
            return Err((start, NO_DTD.into()));
        }
        self.checker.event(&event).map_err(|(i, message)| {
            // Within the event: its opening markup (ASCII, one line), then
            // its content, which may span lines.
            let at = match event_content(&event) {
                Some((content, markup)) if i >= markup => {
                    let after_markup = Loc {
                        offset: start.offset + markup as u64,
                        column: start.column + markup,
                        ..start
                    };
                    after_markup.moved(content.get(..i - markup).unwrap_or(content))
                }
                _ => Loc {
                    offset: start.offset + i as u64,
                    column: start.column + i,
                    ..start
                },
            };
            (at, message)
        })?;
        let at = match &event {
            Event::Text(t) => {
                let t: &str = t;
                start.moved(&t[..leading_space(t)])
            }
            _ => start,
        };
        let event = match event {
            Event::Text(t) if t.len() >= LONG_TEXT => match t.into_inner() {
                Cow::Owned(text) => Event::Text(BytesText::from_escaped(text)),
                Cow::Borrowed(text) => {
                    let (addr, len) = (text.as_ptr() as usize, text.len());
                    Event::Text(BytesText::from_escaped(self.take_text(addr, len, start)?))
                }
            },
            Event::CData(c) if c.len() >= LONG_TEXT => match c.into_inner() {
                Cow::Owned(text) => Event::CData(BytesCData::new(text)),
                Cow::Borrowed(text) => {
                    let (addr, len) = (text.as_ptr() as usize, text.len());
                    Event::CData(BytesCData::new(self.take_text(addr, len, start)?))
                }
            },
            other => other.into_owned(),
        };
        Ok((event, at))
    }

    fn line_col(&self, loc: Loc) -> (usize, usize) {
        (loc.line, loc.column)
    }

    fn indent(&self, _at: Loc, _empty: bool) -> Option<usize> {
        None
    }

    fn ends_with_newline(&self) -> bool {
        false
    }
}

/// A text event's content, with XML 1.0's line ends (`\r\n` and `\r` read
/// as `\n`), moved out of the event when the event owns it.
pub(crate) fn text_content(t: BytesText<'_>) -> Cow<'_, str> {
    if t.contains('\r') {
        Cow::Owned(t.xml10_content().into_owned())
    } else {
        t.into_inner()
    }
}

/// A CDATA section's content, with XML 1.0's line ends, moved out of the
/// event when the event owns it.
pub(crate) fn cdata_content(c: BytesCData<'_>) -> Cow<'_, str> {
    if c.contains('\r') {
        Cow::Owned(c.xml10_content().into_owned())
    } else {
        c.into_inner()
    }
}

/// Appends `part` to `out`, taking it as it is (borrowed from the input,
/// or moved) when `out` is still empty.
pub(crate) fn join<'a>(out: &mut Cow<'a, str>, part: Cow<'a, str>) {
    if out.is_empty() {
        *out = part;
    } else {
        out.to_mut().push_str(&part);
    }
}

/// Appends `part` to `out`, moving it when `out` is still empty.
pub(crate) fn append(out: &mut String, part: Cow<'_, str>) {
    if out.is_empty() {
        *out = part.into_owned();
    } else {
        out.push_str(&part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use elementa_coupa::User;

    #[test]
    fn leading_space_is_trim_starts() {
        let starts = [
            "", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}", "a", "<", "\u{a0}", "é",
            "\u{2003}",
        ];
        for a in starts {
            for b in starts {
                let text = format!("{a}{b}x");
                assert_eq!(
                    leading_space(&text),
                    text.len() - text.trim_start().len(),
                    "{text:?}"
                );
            }
        }
    }

    /// Decodes `text` from memory and streamed: the errors must be the same.
    fn both(text: &str) -> (String, String) {
        let doc = crate::from_str::<User>(text).unwrap_err();
        let meta = <User as elementa::Resource>::resource_meta();
        let streamed =
            crate::for_each(
                meta,
                text.as_bytes(),
                Default::default(),
                &mut |_, _| Ok(()),
            )
            .unwrap_err();
        (doc.to_string(), streamed.to_string())
    }

    #[test]
    fn a_character_xml_cannot_hold_is_found_where_the_decoder_meets_it() {
        // The document is scanned once, up front; an error met before the
        // character is still the one reported.
        let (doc, streamed) = both("<user><id>x</id><login>a\0b</login></user>");
        assert!(doc.contains("id") && !doc.contains("U+0000"), "{doc}");
        assert!(
            streamed.contains("id") && !streamed.contains("U+0000"),
            "{streamed}"
        );
        // And the character itself, in text, a tag or a comment: with its
        // element's path and position.
        for (text, at) in [
            ("<user>\n<login>a\0b</login></user>", "2:9"),
            ("<user>\n<login a=\"\u{1}\">ab</login></user>", "2:1"),
            ("<user>\n<login>ab</login><!-- \u{FFFF} --></user>", "2:23"),
        ] {
            let (doc, streamed) = both(text);
            assert!(doc.contains(at) && doc.contains("U+"), "{text:?}: {doc}");
            assert!(
                streamed.contains(at) && streamed.contains("U+"),
                "{text:?}: {streamed}"
            );
        }
    }
}
