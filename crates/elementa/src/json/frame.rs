//! The items of a top-level JSON array, framed from a stream: each object
//! item is found whole in one buffer, so serde_json can parse it from a
//! slice (its fast reader) rather than byte by byte from the stream. Memory
//! holds one item and a read chunk, however long the array.
//!
//! Framing only finds where an object ends (braces and brackets outside
//! strings); serde_json still checks every byte of it. Positions are kept in
//! serde_json's terms (1-based line; column: bytes before the position on
//! its line), so an error inside an item is reported where the whole
//! document decoder reports it.

use std::io::Read;

/// How much is read at a time, and the least a full buffer grows by.
const CHUNK: usize = 64 * 1024;

/// Items nesting this deep are parsed as in a document's array, after a
/// `[`: serde_json's own limit (127 levels, the array's included) must trip
/// where it trips for a document. Anything below that limit would do.
pub(super) const DEEP: usize = 100;

/// How long an unfinished item may grow before it is checked for an error
/// already in it (then again at each doubling): an item that went wrong
/// early is reported without reading the stream to its end.
const CHECK_AT: usize = 1 << 20;

/// A framed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Item {
    /// It is the first `len` unconsumed bytes (all of them when the stream
    /// ended inside it, or it was found in error before its end).
    pub len: usize,
    /// It nests [`DEEP`] levels or more.
    pub deep: bool,
}

/// A stream position in serde_json's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pos {
    /// 1-based line.
    pub line: usize,
    /// Bytes before the position on its line.
    pub column: usize,
}

impl Pos {
    /// The stream position of `(line, column)` reported by serde_json for a
    /// text that starts at `self`.
    pub fn offset_by(self, line: usize, column: usize) -> (usize, usize) {
        if line <= 1 {
            (self.line, self.column + column)
        } else {
            (self.line + line - 1, column)
        }
    }
}

/// A reader with a buffer that keeps an item whole.
pub(super) struct Framer<R> {
    reader: R,
    /// Read bytes, `buf[..end]`, then room to read into (zeroed once, when
    /// the buffer grows).
    buf: Vec<u8>,
    end: usize,
    /// Start of the unconsumed bytes in `buf`.
    pos: usize,
    eof: bool,
    /// Stream offset of `buf[0]`.
    base: usize,
    /// 1-based line of the first unconsumed byte.
    line: usize,
    /// Stream offset where that line starts.
    line_start: usize,
}

impl<R: Read> Framer<R> {
    pub fn new(reader: R) -> Self {
        Framer {
            reader,
            buf: Vec::new(),
            end: 0,
            pos: 0,
            eof: false,
            base: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The unconsumed bytes read so far.
    pub fn rest(&self) -> &[u8] {
        self.buf.get(self.pos..self.end).unwrap_or_default()
    }

    /// The position of the first unconsumed byte.
    pub fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.base + self.pos - self.line_start,
        }
    }

    /// The position serde_json gives an error about the first unconsumed
    /// byte it peeked at (just past it), or about the end of the stream.
    pub fn peek_pos(&self) -> Pos {
        let p = self.pos();
        if self.rest().is_empty() {
            p
        } else {
            Pos {
                column: p.column + 1,
                ..p
            }
        }
    }

    /// Consumes `n` unconsumed bytes (at most all of them).
    pub fn consume(&mut self, n: usize) {
        let n = n.min(self.rest().len());
        let done = self.buf.get(self.pos..self.pos + n).unwrap_or_default();
        let mut lines = memchr::memrchr_iter(b'\n', done);
        if let Some(last) = lines.next() {
            self.line += 1 + lines.count();
            self.line_start = self.base + self.pos + last + 1;
        }
        self.pos += n;
    }

    /// Reads more of the stream after the unconsumed bytes; false at its end.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            self.base += self.pos;
            self.end -= self.pos;
            self.pos = 0;
        }
        if self.buf.len() - self.end < CHUNK / 2 {
            // Grow by an eighth, at least a chunk: a long item costs little
            // more than its own size (the buffer is most of what streaming
            // holds), and growing stays rare however short the reads.
            let grow = CHUNK.max(self.buf.len() / 8);
            self.buf.reserve_exact(grow);
            self.buf.resize(self.buf.len() + grow, 0);
        }
        let n = loop {
            match self
                .reader
                .read(self.buf.get_mut(self.end..).unwrap_or_default())
            {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        self.end += n;
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Skips a byte-order mark at the start of the stream. Positions count
    /// from after it, as they do for a document whose mark was stripped.
    pub fn skip_bom(&mut self) -> std::io::Result<()> {
        while self.rest().len() < crate::BOM.len() && self.fill()? {}
        if self.rest().starts_with(crate::BOM) {
            self.pos += crate::BOM.len();
            self.line_start = self.base + self.pos;
        }
        Ok(())
    }

    /// Skips JSON whitespace; the next byte, not consumed, or `None` at the
    /// end of the stream.
    pub fn skip_whitespace(&mut self) -> std::io::Result<Option<u8>> {
        loop {
            let rest = self.rest();
            match rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            {
                Some(i) => {
                    let next = rest.get(i).copied();
                    self.consume(i);
                    return Ok(next);
                }
                None => {
                    let n = rest.len();
                    self.consume(n);
                    if !self.fill()? {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// The object item the unconsumed bytes start with (`{`), read whole:
    /// as much of the stream as it takes. Past [`CHECK_AT`] bytes, `fails`
    /// is asked whether what is read so far is already in error; if so, the
    /// item is framed there.
    pub fn frame_object(&mut self, fails: impl FnMut(&[u8]) -> bool) -> std::io::Result<Item> {
        let mut scan = Scan::default();
        let len = self.frame(|bytes| scan.object(bytes), fails)?;
        Ok(Item {
            len,
            deep: scan.deep,
        })
    }

    /// Frames an item that is not an object: its first token (a string, a
    /// number, a word, or one byte), and the byte after it — all serde_json
    /// reads of it before saying it is not an object.
    pub fn frame_token(&mut self) -> std::io::Result<usize> {
        let mut scan = Scan::default();
        self.frame(|bytes| scan.token(bytes), |_| false)
    }

    /// Reads until `scan` finds the item's length in the unconsumed bytes;
    /// all of them if the stream ends first.
    fn frame(
        &mut self,
        mut scan: impl FnMut(&[u8]) -> Option<usize>,
        mut fails: impl FnMut(&[u8]) -> bool,
    ) -> std::io::Result<usize> {
        let mut len = None;
        let mut check_at = CHECK_AT;
        loop {
            if len.is_none() {
                len = scan(self.rest());
            }
            if let Some(n) = len.filter(|n| *n <= self.rest().len()) {
                return Ok(n);
            }
            if self.rest().len() >= check_at {
                if fails(self.rest()) {
                    return Ok(self.rest().len());
                }
                check_at = self.rest().len().saturating_mul(2);
            }
            if !self.fill()? {
                return Ok(len.unwrap_or(usize::MAX).min(self.rest().len()));
            }
        }
    }

    /// The framer as a reader of what it has not consumed, then the stream.
    pub fn into_reader(self) -> impl Read {
        let mut buf = self.buf;
        buf.truncate(self.end);
        let mut unconsumed = std::io::Cursor::new(buf);
        unconsumed.set_position(self.pos as u64);
        unconsumed.chain(self.reader)
    }
}

/// The bytes that matter to [`Scan::object`] outside strings.
// Indexes checked at compile time: a constant, not input.
#[allow(clippy::indexing_slicing)]
static STRUCTURAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'{' as usize] = true;
    t[b'}' as usize] = true;
    t[b'[' as usize] = true;
    t[b']' as usize] = true;
    t
};

/// The offset of the first `"` or `\\` in `bytes` from `from` on.
fn quote_or_backslash(bytes: &[u8], from: usize) -> Option<usize> {
    super::find_any(bytes.get(from..)?, [b'"', b'\\']).map(|k| from + k)
}

/// Resumable scan for the end of an item: where it got to, and what it
/// was inside.
#[derive(Default)]
struct Scan {
    at: usize,
    depth: usize,
    in_string: bool,
    deep: bool,
}

impl Scan {
    /// Scans on in a string from `self.at`; false when `bytes` end first.
    fn string(&mut self, bytes: &[u8]) -> bool {
        while let Some(k) = quote_or_backslash(bytes, self.at) {
            if bytes.get(k) == Some(&b'"') {
                self.in_string = false;
                self.at = k + 1;
                return true;
            }
            // An escape is skipped as serde_json reads it, even past the end
            // of what is read so far: `\u` and the four bytes after it,
            // whatever they are (a `"` among them does not end the string),
            // any other escape and the byte after it.
            self.at = match bytes.get(k + 1) {
                Some(b'u') => k + 6,
                Some(_) => k + 2,
                None => {
                    // Which escape it is comes with the next read.
                    self.at = k;
                    return false;
                }
            };
        }
        self.at = self.at.max(bytes.len());
        false
    }

    /// The length of the object `bytes` starts with, once it is all there.
    fn object(&mut self, bytes: &[u8]) -> Option<usize> {
        loop {
            if self.in_string && !self.string(bytes) {
                return None;
            }
            let tail = bytes.get(self.at..).unwrap_or_default();
            let Some(k) = tail
                .iter()
                .position(|b| STRUCTURAL.get(usize::from(*b)) == Some(&true))
            else {
                self.at = bytes.len();
                return None;
            };
            self.at += k + 1;
            match tail.get(k) {
                Some(b'"') => self.in_string = true,
                Some(b'{' | b'[') => {
                    self.depth += 1;
                    self.deep |= self.depth >= DEEP;
                }
                _ => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return Some(self.at);
                    }
                }
            }
        }
    }

    /// The length of the token `bytes` starts with and the byte after it,
    /// once it is known (it may be past what is read so far).
    fn token(&mut self, bytes: &[u8]) -> Option<usize> {
        let first = *bytes.first()?;
        if first == b'"' {
            if self.at == 0 {
                self.in_string = true;
                self.at = 1;
            }
            return self.string(bytes).then_some(self.at + 1);
        }
        if !(first.is_ascii_alphanumeric() || first == b'-') {
            // Nothing longer starts with it (`[`, `,`, a stray byte).
            return Some(2);
        }
        // A number or a word (`null`, `true`): up to the first byte that is
        // neither, and that byte.
        self.at = self.at.max(1);
        let tail = bytes.get(self.at..).unwrap_or_default();
        match tail.iter().position(|b| {
            matches!(
                b,
                b',' | b']' | b'}' | b'[' | b'{' | b'"' | b':' | b' ' | b'\t' | b'\n' | b'\r'
            )
        }) {
            Some(k) => Some(self.at + k + 1),
            None => {
                self.at = bytes.len();
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader handing out `step` bytes at a time, so items straddle reads.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(out.len()).min(self.data.len());
            let (head, tail) = self.data.split_at(n);
            out[..n].copy_from_slice(head);
            self.data = tail;
            Ok(n)
        }
    }

    /// The items the framer finds, in the forms `{…}` (an object), `deep
    /// {…}` or `token …`; separators are skipped.
    fn frames(text: &str, step: usize) -> Vec<String> {
        let mut f = Framer::new(Trickle {
            data: text.as_bytes(),
            step,
        });
        let mut out = Vec::new();
        while let Some(b) = f.skip_whitespace().unwrap() {
            let (n, label) = match b {
                b'[' | b',' | b']' => {
                    f.consume(1);
                    continue;
                }
                b'{' => {
                    let item = f.frame_object(|_| false).unwrap();
                    (item.len, if item.deep { "deep " } else { "" })
                }
                _ => (f.frame_token().unwrap(), "token "),
            };
            out.push(format!(
                "{label}{}",
                String::from_utf8_lossy(&f.rest()[..n])
            ));
            f.consume(n);
        }
        out
    }

    #[test]
    fn items_are_framed_whole_across_reads() {
        let text = r#"[{"a":"}\"{","b":[{"c":"\\"}]} , {"d":"]"},"s\"x",-1.5e3 ,true]"#;
        for step in [1, 2, 3, 7, 64] {
            assert_eq!(
                frames(text, step),
                [
                    r#"{"a":"}\"{","b":[{"c":"\\"}]}"#,
                    r#"{"d":"]"}"#,
                    r#"token "s\"x","#,
                    "token -1.5e3 ",
                    "token true]",
                ],
                "step {step}"
            );
        }
    }

    #[test]
    fn an_unfinished_or_deep_item_is_framed_to_its_end() {
        assert_eq!(frames(r#"[{"a":"}"#, 3), [r#"{"a":"}"#]);
        assert_eq!(frames(r#"[{"a":"\"#, 3), [r#"{"a":"\"#]);
        assert_eq!(frames("[12", 1), ["token 12"]);
        // serde_json reads the four bytes after `\u` whatever they are.
        assert_eq!(
            frames("[{\"a\":\"\\u\"}\"}x\"}]", 1),
            ["{\"a\":\"\\u\"}\"}x\"}"]
        );
        assert_eq!(frames("[\"\\u\"]\"]", 2), ["token \"\\u\"]\"]"]);
        assert_eq!(frames("[\"ab", 1), ["token \"ab"]);
        let nested =
            |levels: usize| format!("[{{\"a\":{}{}}}]", "[".repeat(levels), "]".repeat(levels));
        let shallow = nested(DEEP - 2);
        assert_eq!(frames(&shallow, 5), [&shallow[1..shallow.len() - 1]]);
        let deep = nested(DEEP - 1);
        assert_eq!(
            frames(&deep, 5),
            [format!("deep {}", &deep[1..deep.len() - 1])]
        );
    }

    #[test]
    fn the_word_search_finds_what_a_plain_search_finds() {
        // Neighbours of `"` and `\\`, and the same with the high bit set,
        // around every word boundary: the zero-byte trick must not see them.
        let fill = [b'!', b'#', b'[', b']', 0xa2, 0xdc, 0x00, 0xff, b'a'];
        for len in 0..20 {
            for &f in &fill {
                for hit in [None, Some(b'"'), Some(b'\\')] {
                    for at in 0..len.max(1) {
                        let mut bytes = vec![f; len];
                        if let (Some(h), Some(slot)) = (hit, bytes.get_mut(at)) {
                            *slot = h;
                        }
                        for from in 0..=len {
                            let plain = (from..len).find(|i| matches!(bytes[*i], b'"' | b'\\'));
                            assert_eq!(
                                quote_or_backslash(&bytes, from),
                                plain,
                                "{bytes:?} from {from}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn positions_count_lines_and_bytes() {
        let mut f = Framer::new("[\n  {}\n,\u{e9}{}".as_bytes());
        assert_eq!(f.skip_whitespace().unwrap(), Some(b'['));
        assert_eq!(f.pos(), Pos { line: 1, column: 0 });
        assert_eq!(f.peek_pos(), Pos { line: 1, column: 1 });
        f.consume(1);
        assert_eq!(f.skip_whitespace().unwrap(), Some(b'{'));
        assert_eq!(f.pos(), Pos { line: 2, column: 2 });
        f.consume(2);
        assert_eq!(f.skip_whitespace().unwrap(), Some(b','));
        f.consume(1);
        assert_eq!(f.skip_whitespace().unwrap(), Some(0xc3));
        f.consume(2);
        assert_eq!(f.pos(), Pos { line: 3, column: 3 });
        assert_eq!(Pos { line: 3, column: 3 }.offset_by(1, 4), (3, 7));
        assert_eq!(Pos { line: 3, column: 3 }.offset_by(2, 4), (4, 4));
    }
}
