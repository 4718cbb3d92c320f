//! Streaming: records decoded from a reader one at a time, and lists written
//! to a writer one record at a time.

use std::io::{BufRead, Write};

use elementa::{DecodeError, Record, ResourceMeta, Shape, StreamError};
use quick_xml::events::Event;

use crate::de::{DecodeOptions, decode};
use crate::ser::fragment;
use crate::{Body, Layout};

const NO_DTD: &str = "a DTD (<!DOCTYPE …>) is not allowed: entity expansion is off";

/// Position bookkeeping, so that errors inside an item point into the whole
/// input rather than into the item.
#[derive(Default)]
struct Lines {
    /// Newlines before the current item.
    before: usize,
    /// Characters on the current line before the current item.
    column: usize,
}

impl Lines {
    fn advance(&mut self, text: &str) {
        match text.rfind('\n') {
            Some(i) => {
                self.before += text.matches('\n').count();
                self.column = text.get(i + 1..).map_or(0, |s| s.chars().count());
            }
            None => self.column += text.chars().count(),
        }
    }

    fn shift(&self, mut e: DecodeError) -> DecodeError {
        if e.line == 1 {
            e.column += self.column;
        }
        e.line += self.before;
        e
    }
}

/// Decodes records of `meta` from `reader` one at a time — a list root
/// (`<expense-reports type="array">`) or a single record — handing each to
/// `each` (with the document's shape) before reading the next. Only one item is held in memory: each is
/// captured from the event stream and decoded on its own, with error
/// positions given in the whole input. Errors from `each` stop the stream.
pub fn for_each<R: BufRead>(
    meta: &'static ResourceMeta,
    reader: R,
    options: DecodeOptions,
    each: &mut dyn FnMut(Shape, Box<dyn Record>) -> std::io::Result<()>,
) -> Result<Shape, StreamError> {
    let mut reader = quick_xml::Reader::from_reader(reader);
    let mut buf = Vec::new();
    let mut lines = Lines::default();
    let err = |lines: &Lines, message: String| DecodeError {
        line: lines.before + 1,
        column: lines.column + 1,
        path: String::new(),
        message,
    };
    let mut list: Option<bool> = None;
    let mut item: Option<quick_xml::Writer<Vec<u8>>> = None;
    let mut depth = 0usize;
    let mut index = 0usize;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => return Err(err(&lines, e.to_string()).into()),
        };
        if let Event::DocType(_) = event {
            return Err(err(&lines, NO_DTD.into()).into());
        }
        if let Event::Eof = event {
            if depth > 0 || list.is_none() {
                return Err(err(&lines, "unexpected end of the document".into()).into());
            }
            break;
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
                        return Err(err(
                            &lines,
                            format!(
                                "expected <{}> or <{} type=\"array\">, found <{name}>",
                                meta.root, meta.plural
                            ),
                        )
                        .into());
                    }
                    list = Some(is_list);
                    if !is_list {
                        // One record: capture the root itself as the item.
                        let mut w = quick_xml::Writer::new(Vec::new());
                        w.write_event(event.borrow())
                            .map_err(|e| err(&lines, e.to_string()))?;
                        item = Some(w);
                    }
                    if opens {
                        depth = 1;
                    } else if !is_list {
                        finish_item(
                            meta,
                            &mut item,
                            &mut lines,
                            options,
                            index,
                            shape_of(list),
                            each,
                        )?;
                    }
                }
                Event::Text(t) => lines.advance(&t.xml10_content()),
                _ => {}
            }
            continue;
        }
        if let Some(w) = item.as_mut() {
            w.write_event(event.borrow())
                .map_err(|e| err(&lines, e.to_string()))?;
        } else if let Event::Text(t) = &event {
            lines.advance(&t.xml10_content());
        }
        match event {
            Event::Start(_) if depth == 1 && item.is_none() => {
                let mut w = quick_xml::Writer::new(Vec::new());
                w.write_event(event.borrow())
                    .map_err(|e| err(&lines, e.to_string()))?;
                item = Some(w);
                depth += 1;
            }
            Event::Empty(_) if depth == 1 && item.is_none() => {
                let mut w = quick_xml::Writer::new(Vec::new());
                w.write_event(event.borrow())
                    .map_err(|e| err(&lines, e.to_string()))?;
                item = Some(w);
                finish_item(
                    meta,
                    &mut item,
                    &mut lines,
                    options,
                    index,
                    shape_of(list),
                    each,
                )?;
                index += 1;
            }
            _ if opens => {
                depth += 1;
                if depth > options.max_depth {
                    return Err(err(
                        &lines,
                        format!(
                            "nesting deeper than the limit of {} levels",
                            options.max_depth
                        ),
                    )
                    .into());
                }
            }
            _ if closes => {
                depth = depth.saturating_sub(1);
                let item_done = if list == Some(true) {
                    depth == 1
                } else {
                    depth == 0
                };
                if item_done && item.is_some() {
                    finish_item(
                        meta,
                        &mut item,
                        &mut lines,
                        options,
                        index,
                        shape_of(list),
                        each,
                    )?;
                    index += 1;
                }
            }
            _ => {}
        }
    }
    Ok(shape_of(list))
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
    item: &mut Option<quick_xml::Writer<Vec<u8>>>,
    lines: &mut Lines,
    options: DecodeOptions,
    index: usize,
    shape: Shape,
    each: &mut dyn FnMut(Shape, Box<dyn Record>) -> std::io::Result<()>,
) -> Result<(), StreamError> {
    let Some(w) = item.take() else { return Ok(()) };
    let bytes = w.into_inner();
    let text = String::from_utf8(bytes).map_err(|e| DecodeError {
        line: lines.before + 1,
        column: lines.column + 1,
        path: format!("[{index}]"),
        message: format!("not UTF-8: {e}"),
    })?;
    let doc = decode(meta, &text, options).map_err(|e| {
        let mut e = lines.shift(e);
        e.path = if e.path.is_empty() {
            format!("[{index}]")
        } else {
            format!("[{index}].{}", e.path)
        };
        e
    })?;
    lines.advance(&text);
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
