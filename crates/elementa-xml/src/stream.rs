//! Streaming: records decoded from a reader one at a time, and lists written
//! to a writer one record at a time.

use std::io::{BufRead, Write};

use elementa::{DecodeError, Record, ResourceMeta, Shape, StreamError};
use quick_xml::events::Event;

use crate::de::{DecodeOptions, decode};
use crate::ser::fragment;
use crate::{Body, Layout};

const NO_DTD: &str = "a DTD (<!DOCTYPE …>) is not allowed: entity expansion is off";

/// Where the reader is, so that every error points into the whole input:
/// the line and column (1-based, in characters) of the next event.
#[derive(Clone, Copy)]
struct Pos {
    line: usize,
    column: usize,
    offset: u64,
}

impl Default for Pos {
    fn default() -> Self {
        Pos {
            line: 1,
            column: 1,
            offset: 0,
        }
    }
}

impl Pos {
    /// Moves past `event`, which ends at byte `end`: its markup (ASCII, no
    /// line breaks) and its raw content.
    fn advance(&mut self, event: &Event<'_>, end: u64) {
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
        let delta = usize::try_from(end.saturating_sub(self.offset)).unwrap_or(usize::MAX);
        match content.rfind('\n') {
            Some(i) => {
                self.line += content.matches('\n').count();
                let after = content.get(i + 1..).map_or(0, |s| s.chars().count());
                self.column = 1 + after + trailing;
            }
            None => {
                let markup = delta.saturating_sub(content.len());
                self.column += markup + content.chars().count();
            }
        }
        self.offset = end;
    }

    fn error(&self, message: String) -> DecodeError {
        DecodeError {
            line: self.line,
            column: self.column,
            path: String::new(),
            message,
        }
    }

    /// An error inside an item that starts here, moved into the input.
    fn shift(&self, mut e: DecodeError) -> DecodeError {
        if e.line == 1 {
            e.column += self.column - 1;
        }
        e.line += self.line - 1;
        e
    }
}

/// Decodes records of `meta` from `reader` one at a time — a list root
/// (`<expense-reports type="array">`) or a single record — handing each to
/// `each` (with the document's shape) before reading the next. Only one item
/// is held in memory: each is captured from the event stream and decoded on
/// its own, with error positions given in the whole input. Errors from
/// `each` stop the stream.
///
/// It accepts exactly what [`decode`] accepts and gives the same records:
/// the same rules hold before the root (declaration, layout, comments), at
/// the root, between list items (layout and comments only) and after the
/// root (nothing but layout and comments).
pub fn for_each<R: BufRead>(
    meta: &'static ResourceMeta,
    reader: R,
    options: DecodeOptions,
    each: &mut dyn FnMut(Shape, Box<dyn Record>) -> std::io::Result<()>,
) -> Result<Shape, StreamError> {
    let mut reader = reader;
    if reader.fill_buf()?.starts_with(elementa::BOM) {
        reader.consume(elementa::BOM.len());
    }
    let mut reader = quick_xml::Reader::from_reader(reader);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut pos = Pos::default();
    let mut list: Option<bool> = None;
    let mut root_done = false;
    let mut item: Option<(quick_xml::Writer<Vec<u8>>, Pos)> = None;
    let mut depth = 0usize;
    let mut index = 0usize;
    loop {
        // A huge event (one 500 MB string) must not keep its buffer alive.
        if buf.capacity() > 1 << 20 {
            buf = Vec::new();
        }
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                let mut at = pos;
                at.advance(&Event::Eof, reader.error_position());
                return Err(at.error(e.to_string()).into());
            }
        };
        let here = pos;
        pos.advance(&event, reader.buffer_position());
        if let Event::DocType(_) = event {
            return Err(here.error(NO_DTD.into()).into());
        }
        crate::de::check_event(&event).map_err(|(at, message)| {
            let mut p = here;
            p.column += at;
            p.error(message)
        })?;
        let layout = match &event {
            Event::Text(t) => t.trim_ascii().is_empty(),
            Event::Comment(_) | Event::PI(_) => true,
            _ => false,
        };
        if let Event::Eof = event {
            if depth > 0 || list.is_none() {
                let message = if list.is_none() {
                    "no root element"
                } else {
                    "unexpected end of the document"
                };
                return Err(here.error(message.into()).into());
            }
            break;
        }
        if let Some((w, _)) = item.as_mut() {
            w.write_event(event.borrow())
                .map_err(|e| here.error(e.to_string()))?;
        }
        let opens = matches!(event, Event::Start(_));
        let closes = matches!(event, Event::End(_));
        // Before the root: the root decides between one record and a list.
        if list.is_none() {
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.name().as_ref().to_owned();
                    let array = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "type" && &*a.value == "array");
                    let is_list = array || (name == meta.plural && name != meta.root);
                    if !is_list && name != meta.root {
                        return Err(here
                            .error(format!(
                                "expected <{}> or <{} type=\"array\">, found <{name}>",
                                meta.root, meta.plural
                            ))
                            .into());
                    }
                    list = Some(is_list);
                    if !is_list {
                        // One record: capture the root itself as the item.
                        let mut w = quick_xml::Writer::new(Vec::new());
                        w.write_event(event.borrow())
                            .map_err(|e| here.error(e.to_string()))?;
                        item = Some((w, here));
                    }
                    if opens {
                        depth = 1;
                    } else {
                        root_done = true;
                        if !is_list {
                            finish_item(meta, &mut item, options, index, shape_of(list), each)?;
                        }
                    }
                }
                Event::Decl(_) => {}
                _ if layout => {}
                _ => return Err(here.error("text before the root element".into()).into()),
            }
            continue;
        }
        if root_done {
            if layout {
                continue;
            }
            return Err(here.error("content after the root element".into()).into());
        }
        match event {
            Event::Start(_) if depth == 1 && item.is_none() => {
                let mut w = quick_xml::Writer::new(Vec::new());
                w.write_event(event.borrow())
                    .map_err(|e| here.error(e.to_string()))?;
                item = Some((w, here));
                depth += 1;
                if depth > options.max_depth {
                    return Err(here.error(nesting(options)).into());
                }
            }
            Event::Empty(_) if depth == 1 && item.is_none() => {
                let mut w = quick_xml::Writer::new(Vec::new());
                w.write_event(event.borrow())
                    .map_err(|e| here.error(e.to_string()))?;
                item = Some((w, here));
                finish_item(meta, &mut item, options, index, shape_of(list), each)?;
                index += 1;
            }
            _ if depth == 1 && item.is_none() && !closes && !layout => {
                return Err(here.error("unexpected text between elements".into()).into());
            }
            _ if opens => {
                depth += 1;
                if depth > options.max_depth {
                    return Err(here.error(nesting(options)).into());
                }
            }
            _ if closes => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    root_done = true;
                }
                let item_done = if list == Some(true) {
                    depth == 1
                } else {
                    depth == 0
                };
                if item_done && item.is_some() {
                    finish_item(meta, &mut item, options, index, shape_of(list), each)?;
                    index += 1;
                }
            }
            _ => {}
        }
    }
    Ok(shape_of(list))
}

fn nesting(options: DecodeOptions) -> String {
    format!(
        "nesting deeper than the limit of {} levels",
        options.max_depth
    )
}

fn shape_of(list: Option<bool>) -> Shape {
    if list == Some(true) {
        Shape::List
    } else {
        Shape::One
    }
}

fn finish_item(
    meta: &'static ResourceMeta,
    item: &mut Option<(quick_xml::Writer<Vec<u8>>, Pos)>,
    options: DecodeOptions,
    index: usize,
    shape: Shape,
    each: &mut dyn FnMut(Shape, Box<dyn Record>) -> std::io::Result<()>,
) -> Result<(), StreamError> {
    let Some((w, start)) = item.take() else {
        return Ok(());
    };
    let text = String::from_utf8(w.into_inner()).map_err(|e| DecodeError {
        path: format!("[{index}]"),
        ..start.error(format!("not UTF-8: {e}"))
    })?;
    let doc = decode(meta, &text, options).map_err(|e| {
        let mut e = start.shift(e);
        e.path = if e.path.is_empty() {
            format!("[{index}]")
        } else {
            format!("[{index}].{}", e.path)
        };
        e
    })?;
    // Only the record stays in memory while the caller works on it.
    drop(text);
    match doc.body {
        Body::One(r) => each(shape, r)?,
        Body::List(rs) => {
            for r in rs {
                each(shape, r)?;
            }
        }
    }
    Ok(())
}

/// Writes records to `writer` as they come: as a list root
/// (`<expense-reports type="array">`) or, with [`ListWriter::single`], as
/// one record.
pub struct ListWriter<W: Write> {
    writer: W,
    meta: &'static ResourceMeta,
    layout: Layout,
    list: bool,
    count: usize,
}

impl<W: Write> ListWriter<W> {
    /// A writer of a list of `meta` records in `layout`.
    pub fn new(writer: W, meta: &'static ResourceMeta, layout: Layout) -> Self {
        ListWriter {
            writer,
            meta,
            layout,
            list: true,
            count: 0,
        }
    }

    /// A writer of exactly one record (the document's root).
    pub fn single(writer: W, meta: &'static ResourceMeta, layout: Layout) -> Self {
        ListWriter {
            list: false,
            ..ListWriter::new(writer, meta, layout)
        }
    }

    fn declaration(&mut self) -> std::io::Result<()> {
        if let Some(d) = &self.layout.declaration {
            write!(self.writer, "<?{d}?>")?;
        }
        Ok(())
    }

    /// Writes one record.
    pub fn push(&mut self, record: &dyn Record) -> std::io::Result<()> {
        if self.count == 0 {
            self.declaration()?;
            if self.list {
                let nl = if self.layout.declaration.is_some() && self.layout.indent.is_some() {
                    "\n"
                } else {
                    ""
                };
                write!(self.writer, "{nl}<{} type=\"array\">", self.meta.plural)?;
            }
        }
        let level = usize::from(self.list);
        let continued = self.list || self.layout.declaration.is_some();
        let name = self.meta.root;
        let text = fragment(record, name, level, &self.layout, continued)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        self.writer.write_all(text.as_bytes())?;
        self.count += 1;
        Ok(())
    }

    /// Closes the list and returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.list {
            if self.count == 0 {
                self.declaration()?;
                let nl = if self.layout.declaration.is_some() && self.layout.indent.is_some() {
                    "\n"
                } else {
                    ""
                };
                write!(self.writer, "{nl}<{} type=\"array\"/>", self.meta.plural)?;
            } else {
                let nl = if self.layout.indent.is_some() {
                    "\n"
                } else {
                    ""
                };
                write!(self.writer, "{nl}</{}>", self.meta.plural)?;
            }
        }
        if self.layout.final_newline {
            self.writer.write_all(b"\n")?;
        }
        self.writer.flush()?;
        Ok(self.writer)
    }
}
