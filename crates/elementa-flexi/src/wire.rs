//! The change listing as it travels: types generated from
//! `schemas/flexi/changes.toml` and `change.toml`, decoded and encoded by the
//! codecs (both forms, byte-exact), and converted to and from [`ChangePage`].
//!
//! ```
//! use elementa_flexi::wire;
//!
//! let xml = "<winstrom version=\"1.0\" globalVersion=\"6\">\
//!   <faktura-vydana in-version=\"5\" operation=\"update\" timestamp=\"2019-06-07 12:34:56.7\">\
//!   <id>1</id><id>code:VF1-0001/2012</id></faktura-vydana><next>6</next></winstrom>";
//! let page = wire::page_from_xml(xml).unwrap();
//! assert_eq!(page.changes[0].ids[1].to_string(), "code:VF1-0001/2012");
//! assert_eq!(wire::page_to_json(&page),
//!     r#"{"winstrom":{"@version":"1.0","@globalVersion":"6","changes":[{"@evidence":"faktura-vydana","@in-version":"5","@operation":"update","@timestamp":"2019-06-07 12:34:56.7","id":"1","external-ids":["code:VF1-0001\/2012"]}],"next":"6"}}"#);
//! ```

use elementa::{DecodeError, Field, Many, OpenEnum};

use crate::change::{Change as DomainChange, ChangePage, Next, Operation, RecordId};

elementa::vendor!("schemas/flexi");

fn at(path: String, message: String) -> DecodeError {
    DecodeError {
        line: 0,
        column: 0,
        path,
        message,
    }
}

fn required<'a, T>(f: &'a Field<T>, path: &str) -> Result<&'a T, DecodeError> {
    f.value()
        .ok_or_else(|| at(path.to_owned(), "is missing".to_owned()))
}

/// The domain view of a decoded listing; says which element is missing or
/// malformed (`changes[2].in-version`).
pub fn to_page(listing: &Changes) -> Result<ChangePage, DecodeError> {
    let gv = *required(&listing.global_version, "globalVersion")?;
    let global_version =
        u64::try_from(gv).map_err(|_| at("globalVersion".into(), format!("{gv} is negative")))?;
    let next = Next::parse(required(&listing.next, "next")?)
        .map_err(|e| at("next".into(), e.to_string()))?;
    let mut changes = Vec::new();
    for (i, c) in listing
        .changes
        .value()
        .into_iter()
        .flat_map(Many::iter)
        .enumerate()
    {
        let p = |name: &str| format!("changes[{i}].{name}");
        let v = *required(&c.in_version, &p("in-version"))?;
        let version =
            u64::try_from(v).map_err(|_| at(p("in-version"), format!("{v} is negative")))?;
        let mut ids = Vec::new();
        let texts =
            c.id.value()
                .into_iter()
                .chain(c.external_ids.value().into_iter().flatten());
        for (k, text) in texts.enumerate() {
            let id =
                RecordId::parse(text).map_err(|e| at(p(&format!("ids[{k}]")), e.to_string()))?;
            ids.push(id);
        }
        changes.push(DomainChange {
            evidence: required(&c.evidence, &p("evidence"))?.clone(),
            version,
            operation: Operation::from_wire(required(&c.operation, &p("operation"))?.as_wire()),
            timestamp: required(&c.timestamp, &p("timestamp"))?.clone(),
            ids,
        });
    }
    Ok(ChangePage {
        global_version,
        changes,
        next,
    })
}

/// The wire form of `page` (envelope version `1.0`; the first id is `id`,
/// the others `external-ids`).
pub fn from_page(page: &ChangePage) -> Changes {
    let changes: Many<Change> = page
        .changes
        .iter()
        .map(|c| {
            let mut ids = c.ids.iter().map(ToString::to_string);
            Change {
                evidence: Field::Value(c.evidence.clone()),
                in_version: Field::Value(i64::try_from(c.version).unwrap_or(i64::MAX)),
                operation: Field::Value(ChangeOperation::from_wire(c.operation.as_wire())),
                timestamp: Field::Value(c.timestamp.clone()),
                id: ids.next().map_or(Field::Absent, Field::Value),
                external_ids: Field::Value(ids.collect()),
                ..Default::default()
            }
        })
        .collect();
    Changes {
        version: Field::Value("1.0".to_owned()),
        global_version: Field::Value(i64::try_from(page.global_version).unwrap_or(i64::MAX)),
        changes: Field::Value(changes),
        next: Field::Value(page.next.to_string()),
        ..Default::default()
    }
}

fn domain(listing: Result<Changes, DecodeError>) -> Result<ChangePage, DecodeError> {
    to_page(&listing?)
}

/// Decodes a listing (or web-hook body) in XML.
pub fn page_from_xml(text: &str) -> Result<ChangePage, DecodeError> {
    domain(elementa_xml::from_str(text))
}

/// Decodes a listing (or web-hook body) in JSON.
pub fn page_from_json(text: &str) -> Result<ChangePage, DecodeError> {
    domain(elementa_json::from_str(text))
}

/// Encodes `page` as Flexi's XML; refused when an evidence name is not an
/// XML name or a text holds what XML 1.0 cannot.
pub fn page_to_xml(page: &ChangePage) -> Result<String, elementa_xml::EncodeError> {
    elementa_xml::to_string(&from_page(page))
}

/// Encodes `page` as Flexi's (compact) JSON.
pub fn page_to_json(page: &ChangePage) -> String {
    elementa_json::to_string(&from_page(page))
}

/// The resource of an evidence name inside a `winstrom` envelope (`adresar`
/// → `flexi/adresar`): the resolver for `elementa_xml::decode_envelope` and
/// `elementa_json::decode_envelope`. Documents that are envelopes themselves
/// (the change listing) and parts of others (a listing's `change`) are no
/// evidences.
///
/// ```
/// use elementa_flexi::wire::evidence;
/// assert_eq!(evidence("faktura-vydana").map(|m| m.id), Some("flexi/faktura-vydana"));
/// assert!(evidence("winstrom").is_none());
/// assert!(evidence("change").is_none());
/// ```
pub fn evidence(name: &str) -> Option<&'static elementa::ResourceMeta> {
    resource_by_root(name).filter(|m| m.root != elementa::ENVELOPE_ROOT && !m.paths.is_empty())
}

/// What a `winstrom` document holds, which decides the type that decodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A page of the change listing ([`Changes`]): its records carry
    /// `in-version`, and it ends with `next`.
    Changes,
    /// The answer to a write ([`WriteResponse`]): `success`, `stats`,
    /// `results`.
    WriteResponse,
    /// Records of evidences (an export, or a write body): an
    /// [`elementa::Envelope`].
    Records,
}

/// The elements only a write's answer has at its top.
const RESPONSE_KEYS: [&str; 5] = ["success", "stats", "results", "result", "message"];

/// Tells what a `winstrom` document (XML or JSON, told by its first
/// character) holds, from its first keys only; a document that does not
/// parse is called [`DocumentKind::Records`], whose decoder then says where
/// it fails.
///
/// ```
/// use elementa_flexi::wire::{DocumentKind, kind_of};
/// assert_eq!(kind_of(r#"<winstrom version="1.0"><success>true</success></winstrom>"#),
///            DocumentKind::WriteResponse);
/// assert_eq!(kind_of(r#"<winstrom><adresar in-version="3"><id>1</id></adresar><next>4</next></winstrom>"#),
///            DocumentKind::Changes);
/// assert_eq!(kind_of(r#"{"winstrom":{"@version":"1.0","adresar":[{"kod":"A"}]}}"#),
///            DocumentKind::Records);
/// assert_eq!(kind_of(r#"{"winstrom":{"@globalVersion":"6","changes":[],"next":"none"}}"#),
///            DocumentKind::Changes);
/// ```
pub fn kind_of(text: &str) -> DocumentKind {
    if text.trim_start().starts_with('<') {
        match elementa_xml::peek_first_child(text) {
            Ok(Some((name, _))) if RESPONSE_KEYS.contains(&name.as_str()) => {
                DocumentKind::WriteResponse
            }
            Ok(Some((name, attributes)))
                if name == "next" || attributes.iter().any(|a| a == "in-version") =>
            {
                DocumentKind::Changes
            }
            _ => DocumentKind::Records,
        }
    } else {
        #[derive(serde::Deserialize)]
        struct Top {
            winstrom: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
        }
        let Ok(top) = serde_json::from_str::<Top>(text) else {
            return DocumentKind::Records;
        };
        let has = |k: &str| top.winstrom.contains_key(k);
        if RESPONSE_KEYS.iter().any(|k| has(k)) {
            DocumentKind::WriteResponse
        } else if has("changes") || has("next") {
            DocumentKind::Changes
        } else {
            DocumentKind::Records
        }
    }
}
