//! Projection while a payload streams from a reader to a writer: one record
//! is decoded, projected and written before the next is read, so memory
//! stays flat however long the list, and no DOM of the payload is built.

use std::io::{BufRead, Write};

use elementa::{Keep, Record, ResourceMeta, Shape, StreamError, StreamItem};

use crate::{Method, ProjectError, Projection, ReturnObject, project_owned};

/// A wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON: written compact, a list as an array (ABRA Flexi's records in
    /// their `{"winstrom": …}` envelope).
    Json,
    /// XML: written in the vendor's layout, a list under a `type="array"` root
    /// (ABRA Flexi's records in their `winstrom` envelope).
    Xml,
}

/// What went wrong while streaming.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The projection does not fit the request.
    #[error(transparent)]
    Project(#[from] ProjectError),
    /// The input does not decode, or reading or writing failed.
    #[error(transparent)]
    Stream(#[from] StreamError),
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Stream(StreamError::Io(e))
    }
}

/// The projection of a record the stream is done with: moved, not copied.
fn projected(
    record: Box<dyn Record>,
    projection: &Projection,
) -> std::io::Result<Option<Box<dyn Record>>> {
    project_owned(record, projection).map_err(std::io::Error::other)
}

/// Reads records of `meta` in `format` from `input`, projects each, and
/// writes the result in the same format to `output`. `return_object=none`
/// writes nothing; it is refused for methods other than POST and PUT.
/// What `limited` and `shallow` drop is skipped unread ([`Keep`]): it is not
/// built, and not checked either — a bad value there does not stop the
/// stream, as it would not reach the output.
pub fn project_stream<R: BufRead, W: Write>(
    meta: &'static ResourceMeta,
    format: Format,
    input: R,
    mut output: W,
    projection: &Projection,
    method: Method,
) -> Result<(), Error> {
    projection.check(method)?;
    crate::project::shapes(meta, projection)?;
    if projection.is_empty_body() {
        return Ok(());
    }
    // What the projection drops is skipped unread: not checked, not built.
    let options = elementa::DecodeOptions {
        keep: match projection {
            Projection::ReturnObject(ReturnObject::Limited) => Keep::Ids,
            Projection::ReturnObject(ReturnObject::Shallow) => Keep::Shallow,
            _ => Keep::All,
        },
        ..Default::default()
    };
    match format {
        Format::Json => {
            // A Flexi envelope is written back as one, its attributes kept;
            // those before the first record wait for it, so that an input
            // failing there leaves no half-written envelope.
            let mut envelope: Option<elementa_json::EnvelopeWriter<&mut W>> = None;
            let mut waiting: Vec<(String, String)> = Vec::new();
            let mut plain = Some(&mut output);
            let mut count = 0usize;
            let shape = elementa_json::for_each_item(meta, input, options, &mut |item| {
                match item {
                    StreamItem::Envelope => {
                        if let Some(o) = plain.take() {
                            envelope = Some(elementa_json::EnvelopeWriter::new(o));
                        }
                    }
                    StreamItem::Attribute(name, value) => match envelope.as_mut() {
                        Some(e) if count > 0 => e.attribute(name, value)?,
                        _ => waiting.push((name.to_owned(), value.to_owned())),
                    },
                    StreamItem::Record(shape, r) => {
                        let Some(p) = projected(r, projection)? else {
                            return Ok(());
                        };
                        if let Some(e) = envelope.as_mut() {
                            for (name, value) in waiting.drain(..) {
                                e.attribute(&name, &value)?;
                            }
                            e.push(&*p)?;
                            count += 1;
                        } else if let Some(o) = plain.as_mut() {
                            if shape == Shape::List {
                                o.write_all(if count == 0 { b"[" } else { b"," })?;
                            }
                            elementa_json::to_writer(&mut **o, &*p)
                                .map_err(std::io::Error::other)?;
                            count += 1;
                        }
                    }
                }
                Ok(())
            })?;
            match (envelope, plain) {
                (Some(mut e), _) => {
                    for (name, value) in waiting.drain(..) {
                        e.attribute(&name, &value)?;
                    }
                    // Flexi lists an evidence with no record (`"adresar":[]`).
                    if count == 0 {
                        e.evidence(meta.root)?;
                    }
                    e.finish()?.write_all(b"\n")?;
                }
                (None, Some(o)) => {
                    match (shape, count) {
                        (Shape::List, 0) => o.write_all(b"[]")?,
                        (Shape::List, _) => o.write_all(b"]")?,
                        (Shape::One, _) => {}
                    }
                    o.write_all(b"\n")?;
                }
                (None, None) => {}
            }
        }
        Format::Xml => {
            let layout = elementa_xml::Layout::for_dialect(meta.dialect);
            let mut writer: Option<elementa_xml::ListWriter<&mut W>> = None;
            // A Flexi envelope's attributes, all read before its records.
            let mut envelope: Option<Vec<(String, String)>> = None;
            let mut out = Some(&mut output);
            let shape = elementa_xml::for_each_item(meta, input, options, &mut |item| {
                let (shape, r) = match item {
                    StreamItem::Envelope => {
                        envelope = Some(Vec::new());
                        return Ok(());
                    }
                    StreamItem::Attribute(name, value) => {
                        if let Some(a) = envelope.as_mut() {
                            a.push((name.to_owned(), value.to_owned()));
                        }
                        return Ok(());
                    }
                    StreamItem::Record(shape, r) => (shape, r),
                };
                let Some(p) = projected(r, projection)? else {
                    return Ok(());
                };
                if writer.is_none()
                    && let Some(o) = out.take()
                {
                    writer = Some(match (envelope.take(), shape) {
                        (Some(attributes), _) => {
                            elementa_xml::ListWriter::envelope(o, layout.clone(), attributes)
                        }
                        (None, Shape::List) => {
                            elementa_xml::ListWriter::new(o, meta, layout.clone())
                        }
                        (None, Shape::One) => {
                            elementa_xml::ListWriter::single(o, meta, layout.clone())
                        }
                    });
                }
                match writer.as_mut() {
                    Some(w) => w.push(&*p),
                    None => Ok(()),
                }
            })?;
            match (writer, out, envelope) {
                (Some(w), _, _) => {
                    w.finish()?;
                }
                (None, Some(o), Some(attributes)) => {
                    elementa_xml::ListWriter::envelope(o, layout, attributes).finish()?;
                }
                (None, Some(o), None) if shape == Shape::List => {
                    elementa_xml::ListWriter::new(o, meta, layout).finish()?;
                }
                _ => {}
            }
        }
    }
    output.flush()?;
    Ok(())
}
