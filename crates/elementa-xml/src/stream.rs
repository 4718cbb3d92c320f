//! Streaming: records decoded from a reader one at a time, and lists written
//! to a writer one record at a time.

use std::io::{BufRead, Write};

use elementa::{Record, ResourceMeta, Shape, StreamError};

use crate::Layout;
use crate::de::{DecodeOptions, Holds, stream_records};
use crate::ser::{FactCache, fragment_to};

/// Decodes records of `meta` from `reader` one at a time — a list root
/// (`<expense-reports type="array">`), a single record, or the records of
/// an ABRA Flexi `winstrom` envelope — handing each to `each` (with the
/// document's shape; an envelope is a list) before reading the next. The
/// reader is read event by event by the same decoder as [`decode`]'s, so
/// only one record is in memory, a long text is held once (moved out of the
/// read buffer, not copied), and error positions are those of the whole
/// input. Errors from `each` stop the stream.
///
/// It accepts exactly what [`decode`] accepts and gives the same records.
///
/// [`decode`]: crate::decode
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
    let shape = |holds: Holds| match holds {
        Holds::One => Shape::One,
        Holds::List | Holds::Envelope => Shape::List,
    };
    let holds = stream_records(meta, reader, options, &mut |holds, r| each(shape(holds), r))?;
    Ok(shape(holds))
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
    /// What was worked out of the metadata, kept from record to record.
    facts: FactCache,
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
            facts: FactCache::default(),
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

    /// Writes one record. A long text goes to the writer as it is escaped,
    /// never copied whole; so when the record holds something XML cannot
    /// (an error of kind `InvalidData` naming the element), what precedes a
    /// long text in this record may already be written.
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
        fragment_to(
            record,
            name,
            level,
            &self.layout,
            continued,
            &mut self.writer,
            &mut self.facts,
        )?;
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
