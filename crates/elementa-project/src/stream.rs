//! Projection while a payload streams from a reader to a writer: one record
//! is decoded, projected and written before the next is read, so memory
//! stays flat however long the list, and no DOM of the payload is built.

use std::io::{BufRead, Write};

use elementa::{Keep, Record, ResourceMeta, Shape, StreamError};

use crate::{Method, ProjectError, Projection, ReturnObject, project_owned};

/// A wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON: written compact, a list as an array.
    Json,
    /// XML: written in the vendor's layout, a list under a `type="array"` root.
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
            let mut count = 0usize;
            let shape = elementa_json::for_each(meta, input, options, &mut |shape, r| {
                let p = projected(r, projection)?;
                let Some(p) = p else {
                    return Ok(());
                };
                if shape == Shape::List {
                    output.write_all(if count == 0 { b"[" } else { b"," })?;
                }
                elementa_json::to_writer(&mut output, &*p).map_err(std::io::Error::other)?;
                count += 1;
                Ok(())
            })?;
            match (shape, count) {
                (Shape::List, 0) => output.write_all(b"[]")?,
                (Shape::List, _) => output.write_all(b"]")?,
                (Shape::One, _) => {}
            }
            output.write_all(b"\n")?;
        }
        Format::Xml => {
            let layout = elementa_xml::Layout::for_dialect(meta.dialect);
            let mut writer: Option<elementa_xml::ListWriter<&mut W>> = None;
            let out = &mut output;
            let mut out = Some(out);
            let shape = elementa_xml::for_each(meta, input, options, &mut |shape, r| {
                let p = projected(r, projection)?;
                let Some(p) = p else {
                    return Ok(());
                };
                if writer.is_none()
                    && let Some(o) = out.take()
                {
                    writer = Some(match shape {
                        Shape::List => elementa_xml::ListWriter::new(o, meta, layout.clone()),
                        Shape::One => elementa_xml::ListWriter::single(o, meta, layout.clone()),
                    });
                }
                match writer.as_mut() {
                    Some(w) => w.push(&*p),
                    None => Ok(()),
                }
            })?;
            match (writer, out) {
                (Some(w), _) => {
                    w.finish()?;
                }
                (None, Some(o)) if shape == Shape::List => {
                    elementa_xml::ListWriter::new(o, meta, layout).finish()?;
                }
                _ => {}
            }
        }
    }
    output.flush()?;
    Ok(())
}
