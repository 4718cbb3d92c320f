//! Streaming: records decoded from a reader one at a time, and lists written
//! to a writer one record at a time.

use std::io::{BufRead, Write};

use elementa::{ENVELOPE_ROOT, Record, ResourceMeta, Shape, StreamError, StreamItem};

use crate::Layout;
use crate::de::{DecodeOptions, Holds, stream_records};
use crate::ser::{FactCache, envelope_start, fragment_to};

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
    for_each_item(meta, reader, options, &mut |item| match item {
        StreamItem::Record(shape, r) => each(shape, r),
        StreamItem::Envelope | StreamItem::Attribute(..) => Ok(()),
    })
}

/// [`for_each`], handing over ABRA Flexi's envelope too: a
/// [`StreamItem::Envelope`] and the envelope's attributes before its
/// records, so that a writer can give the envelope back
/// ([`ListWriter::envelope`]).
///
/// ```
/// use elementa::{Resource, StreamItem};
/// use elementa_flexi::wire::Adresar;
///
/// let text = r#"<winstrom version="1.0" rowCount="1"><adresar><kod>A1</kod></adresar></winstrom>"#;
/// let mut seen = Vec::new();
/// elementa_xml::for_each_item(Adresar::resource_meta(), text.as_bytes(), Default::default(),
///     &mut |item| {
///         seen.push(match item {
///             StreamItem::Envelope => "envelope".to_owned(),
///             StreamItem::Attribute(k, v) => format!("{k}={v}"),
///             StreamItem::Record(_, r) => r.meta().root.to_owned(),
///         });
///         Ok(())
///     }).unwrap();
/// assert_eq!(seen, ["envelope", "version=1.0", "rowCount=1", "adresar"]);
/// ```
pub fn for_each_item<R: BufRead>(
    meta: &'static ResourceMeta,
    reader: R,
    options: DecodeOptions,
    each: &mut dyn FnMut(StreamItem<'_>) -> std::io::Result<()>,
) -> Result<Shape, StreamError> {
    let mut reader = reader;
    if reader.fill_buf()?.starts_with(elementa::BOM) {
        reader.consume(elementa::BOM.len());
    }
    let holds = stream_records(meta, reader, options, each)?;
    Ok(match holds {
        Holds::One => Shape::One,
        Holds::List | Holds::Envelope => Shape::List,
    })
}

/// Writes records to `writer` as they come: as a list root
/// (`<expense-reports type="array">`), with [`ListWriter::single`] as one
/// record, or with [`ListWriter::envelope`] inside an ABRA Flexi
/// `<winstrom>` envelope.
///
/// ```
/// use elementa::Resource;
/// use elementa_flexi::wire::Adresar;
/// use elementa_xml::{Layout, ListWriter};
///
/// let meta = Adresar::resource_meta();
/// let attributes = [("version".to_owned(), "1.0".to_owned())];
/// let mut w = ListWriter::envelope(Vec::new(), Layout::for_dialect(meta.dialect), attributes.to_vec());
/// w.push(&Adresar { kod: "A/1".into(), ..Default::default() }).unwrap();
/// let out = String::from_utf8(w.finish().unwrap()).unwrap();
/// assert_eq!(out, "<?xml version=\"1.0\"?>\n<winstrom version=\"1.0\">\n  <adresar>\n    <kod>A/1</kod>\n  </adresar>\n</winstrom>\n");
/// ```
pub struct ListWriter<W: Write> {
    writer: W,
    layout: Layout,
    root: Root,
    /// Whether the root's start (the declaration, a list's or envelope's
    /// start tag) is written.
    started: bool,
    /// What was worked out of the metadata, kept from record to record.
    facts: FactCache,
}

/// What a [`ListWriter`] writes around its records.
enum Root {
    /// Nothing: the one record of this resource is the root.
    One(&'static ResourceMeta),
    /// A list root of this resource's plural.
    List(&'static ResourceMeta),
    /// A Flexi `winstrom` envelope with these attributes.
    Envelope(Vec<(String, String)>),
}

impl<W: Write> ListWriter<W> {
    /// A writer of a list of `meta` records in `layout`.
    pub fn new(writer: W, meta: &'static ResourceMeta, layout: Layout) -> Self {
        ListWriter {
            writer,
            layout,
            root: Root::List(meta),
            started: false,
            facts: FactCache::default(),
        }
    }

    /// A writer of exactly one record (the document's root).
    pub fn single(writer: W, meta: &'static ResourceMeta, layout: Layout) -> Self {
        ListWriter {
            root: Root::One(meta),
            ..ListWriter::new(writer, meta, layout)
        }
    }

    /// A writer of ABRA Flexi records inside a `winstrom` envelope with
    /// `attributes` (without JSON's `@`: `version`, `rowCount`, …); each
    /// record is named after its own evidence. Attributes XML cannot hold (a
    /// name given twice, a character outside XML's) fail with `InvalidData`
    /// at the first [`Self::push`], or at [`Self::finish`] when none came; a
    /// record that is not an evidence's with `InvalidInput`.
    pub fn envelope(writer: W, layout: Layout, attributes: Vec<(String, String)>) -> Self {
        ListWriter {
            writer,
            layout,
            root: Root::Envelope(attributes),
            started: false,
            facts: FactCache::default(),
        }
    }

    fn declaration(&mut self) -> std::io::Result<()> {
        if let Some(d) = &self.layout.declaration {
            write!(self.writer, "<?{d}?>")?;
        }
        Ok(())
    }

    /// A line break before the root, where the layout has one.
    fn root_break(&self) -> &'static str {
        if self.layout.declaration.is_some() && self.layout.indent.is_some() {
            "\n"
        } else {
            ""
        }
    }

    /// Writes one record. A long text goes to the writer as it is escaped,
    /// never copied whole; so when the record holds something XML cannot
    /// (an error of kind `InvalidData` naming the element), what precedes a
    /// long text in this record may already be written.
    pub fn push(&mut self, record: &dyn Record) -> std::io::Result<()> {
        let (level, name) = match self.root {
            Root::One(meta) => (0, meta.root),
            Root::List(meta) => (1, meta.root),
            Root::Envelope(_) => {
                let meta = record.meta();
                if !meta.is_evidence() {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        format!("{} is no ABRA Flexi evidence's record", meta.id),
                    ));
                }
                (1, meta.root)
            }
        };
        if !self.started {
            match &self.root {
                Root::One(_) => self.declaration()?,
                Root::List(meta) => {
                    let plural = meta.plural;
                    self.declaration()?;
                    let nl = self.root_break();
                    write!(self.writer, "{nl}<{plural} type=\"array\">")?;
                }
                Root::Envelope(attributes) => {
                    let start = envelope_start(&self.layout, attributes, false)?;
                    self.writer.write_all(start.as_bytes())?;
                }
            }
            self.started = true;
        }
        let continued = level == 1 || self.layout.declaration.is_some();
        fragment_to(
            record,
            name,
            level,
            &self.layout,
            continued,
            &mut self.writer,
            &mut self.facts,
        )?;
        Ok(())
    }

    /// Closes the list and returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        let nl = if self.layout.indent.is_some() {
            "\n"
        } else {
            ""
        };
        match (&self.root, self.started) {
            (Root::One(_), _) => {}
            (Root::List(meta), false) => {
                let plural = meta.plural;
                self.declaration()?;
                let nl = self.root_break();
                write!(self.writer, "{nl}<{plural} type=\"array\"/>")?;
            }
            (Root::List(meta), _) => write!(self.writer, "{nl}</{}>", meta.plural)?,
            (Root::Envelope(attributes), false) => {
                let start = envelope_start(&self.layout, attributes, true)?;
                self.writer.write_all(start.as_bytes())?;
            }
            (Root::Envelope(_), _) => write!(self.writer, "{nl}</{ENVELOPE_ROOT}>")?,
        }
        if self.layout.final_newline {
            self.writer.write_all(b"\n")?;
        }
        self.writer.flush()?;
        Ok(self.writer)
    }
}
