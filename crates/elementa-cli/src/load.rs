//! Reading a payload file: its format, its resource, its records.

use std::path::Path;

use clap::ValueEnum;
use elementa::{DecodeError, Record, ResourceMeta};
use elementa_xml::{Body, DecodeOptions, Layout};

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
    pub meta: &'static ResourceMeta,
    pub records: Vec<Box<dyn Record>>,
    /// Whether the payload is a list (a JSON array or an XML array root).
    pub list: bool,
}

/// Detects the format from the first non-blank character: `<` is XML.
pub fn detect(text: &str) -> Format {
    if text.trim_start().starts_with('<') {
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
    for byte in std::io::BufReader::new(file).bytes() {
        match byte.map_err(|e| format!("{}: cannot read: {e}", path.display()))? {
            b if b.is_ascii_whitespace() => {}
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
    resource_of_root(&root, vendor).map_err(|e| format!("{}: {e}", path.display()))
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

pub fn load(
    path: &Path,
    resource: Option<&'static ResourceMeta>,
    format: Option<Format>,
    vendor: Vendor,
) -> Result<Loaded, LoadError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| LoadError::Usage(format!("{}: cannot read: {e}", path.display())))?;
    let format = format.unwrap_or_else(|| detect(&text));
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
            let list = text.trim_start().starts_with('[');
            let records = if list {
                elementa_json::decode_list(meta, &text, Default::default())
            } else {
                elementa_json::decode(meta, &text).map(|r| vec![r])
            }
            .map_err(LoadError::Invalid)?;
            Loaded {
                meta,
                records,
                list,
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
            let (records, list) = match doc.body {
                Body::One(r) => (vec![r], false),
                Body::List(rs) => (rs, true),
            };
            Loaded {
                meta,
                records,
                list,
            }
        }
    };
    Ok(loaded)
}

/// Writes `loaded` in `to`: JSON indented by two spaces, XML in the vendor's
/// layout.
pub fn render(loaded: &Loaded, to: Format) -> String {
    match to {
        Format::Json if loaded.list => {
            let list = elementa_json::JsonList(&loaded.records);
            let mut out = Vec::new();
            let mut ser = serde_json::Serializer::pretty(&mut out);
            // Serializing to a Vec cannot fail.
            let _ = serde::Serialize::serialize(&list, &mut ser);
            String::from_utf8(out).unwrap_or_default() + "\n"
        }
        Format::Json => loaded
            .records
            .first()
            .map(|r| elementa_json::to_string_pretty(&**r) + "\n")
            .unwrap_or_default(),
        Format::Xml if loaded.list => elementa_xml::encode_records(
            loaded.meta,
            loaded.records.iter().map(|r| &**r),
            &Layout::for_dialect(loaded.meta.dialect),
        ),
        Format::Xml => loaded
            .records
            .first()
            .map(|r| elementa_xml::to_string(&**r))
            .unwrap_or_default(),
    }
}
