//! Reading a payload file: its format, its resource, its records.

use std::path::Path;

use clap::ValueEnum;
use elementa::{DecodeError, Dialect, ENVELOPE_ROOT, Envelope, Record, Resource, ResourceMeta};
use elementa_xml::{Body as XmlBody, DecodeOptions, Layout};

/// A payload format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// XML.
    Xml,
    /// JSON.
    Json,
}

/// A vendor, for finding the resource of an XML root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Vendor {
    /// Coupa.
    Coupa,
    /// ABRA Flexi.
    Flexi,
}

/// What went wrong loading a file; the exit code follows from it.
pub enum LoadError {
    /// A usage problem (unknown resource, unreadable file): exit 2.
    Usage(String),
    /// The payload does not parse: exit 1.
    Invalid(DecodeError),
}

/// A decoded payload.
pub struct Loaded {
    /// The resource of the records; `None` for a Flexi envelope, whose
    /// records name their own.
    pub meta: Option<&'static ResourceMeta>,
    /// The records, as the payload held them.
    pub body: Body,
}

/// How a payload holds its records.
pub enum Body {
    /// One record.
    One(Box<dyn Record>),
    /// A list (a JSON array, an XML array root).
    List(Vec<Box<dyn Record>>),
    /// An ABRA Flexi `winstrom` document of records of any evidences.
    Envelope(Envelope),
}

impl From<elementa::Payload> for Body {
    fn from(payload: elementa::Payload) -> Self {
        match payload {
            elementa::Payload::One(r) => Body::One(r),
            elementa::Payload::List(rs) => Body::List(rs),
        }
    }
}

impl Loaded {
    /// The records in order.
    pub fn records(&self) -> Vec<&dyn Record> {
        match &self.body {
            Body::One(r) => vec![&**r],
            Body::List(rs) => rs.iter().map(|r| &**r).collect(),
            Body::Envelope(e) => e.records.iter().map(|r| &**r).collect(),
        }
    }

    /// Where record `index` stands, as a path prefix (`[2].`,
    /// `faktura-vydana[1].`), or nothing for a lone record.
    pub fn place(&self, index: usize) -> String {
        match &self.body {
            Body::One(_) => String::new(),
            Body::List(_) => format!("[{index}]."),
            Body::Envelope(e) => {
                let Some(meta) = e.records.get(index).map(|r| r.meta()) else {
                    return String::new();
                };
                let before = e
                    .records
                    .iter()
                    .take(index)
                    .filter(|r| r.meta().id == meta.id)
                    .count();
                format!("{}[{before}].", meta.root)
            }
        }
    }

    /// What the payload holds, for the summary line: `2 flexi/adresar,
    /// 1 flexi/cenik`.
    pub fn summary(&self) -> String {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for r in self.records() {
            let id = r.meta().id;
            match counts.iter_mut().find(|(k, _)| *k == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id, 1)),
            }
        }
        if counts.is_empty() {
            let what = self.meta.map_or("records", |m| m.id);
            return format!("0 {what}");
        }
        counts
            .iter()
            .map(|(id, n)| format!("{n} {id}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Detects the format from the first non-blank character: `<` is XML.
pub fn detect(text: &str) -> Format {
    if elementa::strip_bom(text).trim_start().starts_with('<') {
        Format::Xml
    } else {
        Format::Json
    }
}

/// Detects a file's format from its first non-blank byte, reading only that far.
pub fn detect_file(path: &Path) -> Result<Format, String> {
    use std::io::Read;
    let file =
        std::fs::File::open(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    for (i, byte) in std::io::BufReader::new(file).bytes().enumerate() {
        match byte.map_err(|e| format!("{}: cannot read: {e}", path.display()))? {
            b if b.is_ascii_whitespace() => {}
            // A byte-order mark (EF BB BF) before the content.
            0xEF if i == 0 => {}
            0xBB if i == 1 => {}
            0xBF if i == 2 => {}
            b'<' => return Ok(Format::Xml),
            _ => return Ok(Format::Json),
        }
    }
    Ok(Format::Json)
}

/// Finds the resource of an XML file from its root element, reading only the
/// start of the file.
pub fn resource_of_root_file(path: &Path, vendor: Vendor) -> Result<&'static ResourceMeta, String> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(64 * 1024).read_to_end(&mut head))
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&head);
    let (root, _) =
        elementa_xml::peek_root(&text).map_err(|e| format!("{}:{e}", path.display()))?;
    if root == ENVELOPE_ROOT {
        return resource_of_envelope(&text).map_err(|e| format!("{}: {e}", path.display()));
    }
    resource_of_root(&root, vendor).map_err(|e| format!("{}: {e}", path.display()))
}

/// The resource of an ABRA Flexi XML document (`<winstrom>`) from the start
/// of it: a change listing or a write answer as a whole, or the evidence of
/// the records it holds, told by its first record.
fn resource_of_envelope(head: &str) -> Result<&'static ResourceMeta, String> {
    use elementa_flexi::wire::{self, DocumentKind};
    match wire::kind_of(head) {
        DocumentKind::Changes => return Ok(wire::Changes::resource_meta()),
        DocumentKind::WriteResponse => return Ok(wire::WriteResponse::resource_meta()),
        DocumentKind::Records => {}
    }
    match elementa_xml::peek_first_child(head) {
        Ok(Some((name, _))) => wire::evidence(&name).ok_or_else(|| {
            format!("<{ENVELOPE_ROOT}> holds <{name}>, which is no ABRA Flexi evidence; name the resource with --resource")
        }),
        Ok(None) => Err(format!(
            "<{ENVELOPE_ROOT}> holds no record to tell its evidence by; name it with --resource (for example --resource flexi/faktura-vydana)"
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// Finds the resource of an XML document from its root element.
fn resource_of_root(root: &str, vendor: Vendor) -> Result<&'static ResourceMeta, String> {
    let vendor_id = match vendor {
        // Flexi documents are all `winstrom`; that root names the vendor.
        _ if root == "winstrom" => "flexi",
        Vendor::Coupa => "coupa",
        Vendor::Flexi => "flexi",
    };
    let found = match vendor_id {
        "flexi" => elementa_flexi::wire::resource_by_root(root),
        _ => elementa_coupa::resource_by_root(root),
    };
    found.ok_or_else(|| {
        format!("no {vendor_id} resource has the root element <{root}>; name one with --resource")
    })
}

/// The resource of a JSON payload that names it: Coupa's error body
/// (`{"errors": …}`). Coupa's records carry no root, so others cannot be told.
fn resource_of_json(text: &str) -> Option<&'static ResourceMeta> {
    use serde::de::IgnoredAny;
    if !text.trim_start().starts_with('{') {
        return None;
    }
    // Only the keys matter; values are skipped without being built.
    let top: std::collections::BTreeMap<String, IgnoredAny> = serde_json::from_str(text).ok()?;
    match top
        .keys()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["errors"] => elementa_coupa::resource("coupa/errors"),
        _ => None,
    }
}

/// Whether a payload is an ABRA Flexi document (`<winstrom>` or
/// `{"winstrom": …}`), from its root only.
fn is_flexi_document(text: &str, format: Format) -> bool {
    match format {
        Format::Xml => elementa_xml::peek_root(text).is_ok_and(|(root, _)| root == ENVELOPE_ROOT),
        Format::Json => {
            use serde::de::IgnoredAny;
            let trimmed = text.trim_start();
            trimmed.starts_with('{')
                && serde_json::from_str::<std::collections::BTreeMap<String, IgnoredAny>>(text)
                    .is_ok_and(|top| top.len() == 1 && top.contains_key(ENVELOPE_ROOT))
        }
    }
}

/// Loads an ABRA Flexi document: with a resource, as that resource (an
/// evidence's records from the envelope); without, by what it holds.
fn load_flexi(
    text: &str,
    resource: Option<&'static ResourceMeta>,
    format: Format,
) -> Result<Loaded, DecodeError> {
    use elementa_flexi::wire::{self, DocumentKind};
    let whole = match resource {
        Some(m) if m.root == ENVELOPE_ROOT => Some(m),
        Some(_) => None,
        None => match wire::kind_of(text) {
            DocumentKind::Changes => Some(wire::Changes::resource_meta()),
            DocumentKind::WriteResponse => Some(wire::WriteResponse::resource_meta()),
            DocumentKind::Records => None,
        },
    };
    if let Some(meta) = whole {
        let record = match format {
            Format::Json => elementa_json::decode(meta, text)?,
            Format::Xml => match elementa_xml::decode(meta, text, DecodeOptions::default())?.body {
                XmlBody::One(r) => r,
                XmlBody::List(_) => {
                    return Err(DecodeError {
                        line: 1,
                        column: 1,
                        path: String::new(),
                        message: format!("expected one <{ENVELOPE_ROOT}>"),
                    });
                }
            },
        };
        return Ok(Loaded {
            meta: Some(meta),
            body: Body::One(record),
        });
    }
    let only = |evidence: &str| resource.filter(|m| m.root == evidence);
    let resolve: elementa::Resolve<'_> = match resource {
        Some(_) => &only,
        None => &wire::evidence,
    };
    let envelope = match format {
        Format::Json => elementa_json::decode_envelope(text, resolve, Default::default())?,
        Format::Xml => elementa_xml::decode_envelope(text, resolve, Default::default())?.envelope,
    };
    Ok(Loaded {
        meta: resource,
        body: Body::Envelope(envelope),
    })
}

/// Reads a payload file: an unreadable file is a usage problem (exit 2);
/// bytes that are not UTF-8 make an invalid payload (exit 1), reported at
/// their line, column and byte offset.
pub fn read_payload(path: &Path) -> Result<String, LoadError> {
    let bytes = if path == Path::new("-") {
        stdin()?
    } else {
        std::fs::read(path)
            .map_err(|e| LoadError::Usage(format!("{}: cannot read: {e}", path.display())))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = e.as_bytes().get(..valid).unwrap_or_default();
        let prefix = std::str::from_utf8(prefix).unwrap_or_default();
        let (line, column) = elementa::line_col(prefix, valid);
        LoadError::Invalid(DecodeError {
            line,
            column,
            path: String::new(),
            message: format!("not UTF-8: invalid byte sequence at byte offset {valid}"),
        })
    })
}

/// Standard input, read once however often it is asked for (`-` as a file).
fn stdin() -> Result<Vec<u8>, LoadError> {
    static STDIN: std::sync::OnceLock<Result<Vec<u8>, String>> = std::sync::OnceLock::new();
    STDIN
        .get_or_init(|| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map(|_| bytes)
                .map_err(|e| format!("-: cannot read standard input: {e}"))
        })
        .clone()
        .map_err(LoadError::Usage)
}

pub fn load(
    path: &Path,
    resource: Option<&'static ResourceMeta>,
    format: Option<Format>,
    vendor: Vendor,
) -> Result<Loaded, LoadError> {
    let text = read_payload(path)?;
    let format = format.unwrap_or_else(|| detect(&text));
    let flexi_resource = resource.is_none_or(|m| m.dialect == Dialect::Flexi);
    if flexi_resource && is_flexi_document(&text, format) {
        return load_flexi(&text, resource, format).map_err(LoadError::Invalid);
    }
    let loaded = match format {
        Format::Json => {
            let meta = match resource.or_else(|| resource_of_json(&text)) {
                Some(m) => m,
                None => {
                    return Err(LoadError::Usage(format!(
                        "{}: JSON payloads need --resource (for example --resource coupa/comment); \
                         a Coupa record does not name its resource",
                        path.display()
                    )));
                }
            };
            let body = Body::from(
                elementa_json::decode_payload(meta, &text, Default::default())
                    .map_err(LoadError::Invalid)?,
            );
            Loaded {
                meta: Some(meta),
                body,
            }
        }
        Format::Xml => {
            let meta = match resource {
                Some(m) => m,
                None => {
                    let (root, _) = elementa_xml::peek_root(&text).map_err(LoadError::Invalid)?;
                    resource_of_root(&root, vendor)
                        .map_err(|e| LoadError::Usage(format!("{}: {e}", path.display())))?
                }
            };
            let doc = elementa_xml::decode(meta, &text, DecodeOptions::default())
                .map_err(LoadError::Invalid)?;
            let body = Body::from(doc.body);
            Loaded {
                meta: Some(meta),
                body,
            }
        }
    };
    Ok(loaded)
}

/// A list of records as JSON indented by two spaces.
#[allow(
    clippy::expect_used,
    reason = "records serialize without error into a String; a failure is a bug to surface"
)]
fn pretty_list(records: &[Box<dyn Record>]) -> String {
    serde_json::to_string_pretty(&elementa_json::JsonList(records))
        .expect("invariant: records serialize to JSON")
}

/// Writes `loaded` in `to`: JSON indented by two spaces, XML in the vendor's
/// layout; refused when XML cannot carry it (a JSON key that is no XML
/// name, a character XML 1.0 cannot hold).
pub fn render(loaded: &Loaded, to: Format) -> Result<String, elementa_xml::EncodeError> {
    Ok(match (&loaded.body, to) {
        (Body::Envelope(e), Format::Json) => elementa_json::envelope_to_string(e, true) + "\n",
        (Body::Envelope(e), Format::Xml) => elementa_xml::envelope_to_string(e)?,
        (Body::List(rs), Format::Json) => match loaded.meta {
            Some(meta) if meta.dialect == Dialect::Flexi => {
                let envelope = Envelope {
                    attributes: Envelope::new().attributes,
                    records: rs.clone(),
                };
                elementa_json::envelope_to_string(&envelope, true) + "\n"
            }
            _ => pretty_list(rs) + "\n",
        },
        (Body::One(r), Format::Json) => elementa_json::to_string_pretty(&**r) + "\n",
        (Body::List(rs), Format::Xml) => match loaded.meta {
            Some(meta) => elementa_xml::encode_records(
                meta,
                rs.iter().map(|r| &**r),
                &Layout::for_dialect(meta.dialect),
            )?,
            None => String::new(),
        },
        (Body::One(r), Format::Xml) => elementa_xml::to_string(&**r)?,
    })
}
