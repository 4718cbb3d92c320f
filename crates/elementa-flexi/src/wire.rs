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

/// One step of a [`to_page`] error path: `changes[2].in-version` is
/// `changes`, index 2, `in-version`.
enum Step<'p> {
    Name(&'p str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.strip_suffix(']').and_then(|i| i.parse().ok())),
            None => (part, None),
        };
        out.push(Step::Name(name));
        out.extend(index.map(Step::Index));
    }
    out
}

/// Byte offset in an XML listing of what `path` names: the root's
/// `globalVersion`, `<next>`, or a change's attribute or `<id>`.
fn locate_xml(text: &str, path: &str) -> Option<usize> {
    use quick_xml::events::Event;
    let text = elementa::strip_bom(text);
    let steps = steps(path);
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut change = 0usize;
    let mut id = 0usize;
    let mut in_target = false;
    // Where `name=` stands inside the tag that starts at `at`.
    let attr_in = |at: usize, name: &str| -> Option<usize> {
        let tag = text.get(at..)?;
        let end = tag.find('>')?;
        tag.get(..end)?
            .find(&format!(" {name}="))
            .map(|i| at + i + 1)
    };
    loop {
        let at = usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event().ok()?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.name().as_ref().to_owned()), false),
            Event::Empty(e) => (Some(e.name().as_ref().to_owned()), true),
            Event::End(_) => {
                depth = depth.checked_sub(1)?;
                in_target &= depth >= 2;
                continue;
            }
            Event::Eof => return None,
            _ => continue,
        };
        let name = start?;
        match (depth, steps.as_slice()) {
            (0, [Step::Name(attr)]) if *attr != "next" => return attr_in(at, attr),
            (1, [Step::Name("next")]) if name == "next" => return Some(at),
            (1, [Step::Name("changes"), Step::Index(i), rest @ ..]) if name != "next" => {
                if change == *i {
                    match rest {
                        [Step::Name("ids"), Step::Index(_)] => in_target = true,
                        [Step::Name(attr)] => return attr_in(at, attr).or(Some(at)),
                        _ => return Some(at),
                    }
                }
                change += 1;
            }
            (2, [.., Step::Name("ids"), Step::Index(k)]) if in_target && name == "id" => {
                if id == *k {
                    return Some(at);
                }
                id += 1;
            }
            _ => {}
        }
        if !empty {
            depth += 1;
        }
    }
}

/// Line and column in a JSON listing of what `path` names, found by
/// walking the document to it (serde_json reports where the walk stops).
fn locate_json(text: &str, path: &str) -> Option<(usize, usize)> {
    use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
    const FOUND: &str = "elementa: found";

    /// JSON keys in the listing: the envelope, attributes with `@`, the
    /// first id as `id` and the others in `external-ids`.
    fn keys(steps: &[Step<'_>]) -> Vec<Step<'static>> {
        let mut out = vec![Step::Name("winstrom")];
        let mut it = steps.iter().peekable();
        while let Some(step) = it.next() {
            match step {
                Step::Index(i) => out.push(Step::Index(*i)),
                Step::Name("ids") => match it.next() {
                    Some(Step::Index(0)) => out.push(Step::Name("id")),
                    Some(Step::Index(k)) => {
                        out.push(Step::Name("external-ids"));
                        out.push(Step::Index(k - 1));
                    }
                    _ => out.push(Step::Name("id")),
                },
                Step::Name("changes") => out.push(Step::Name("changes")),
                Step::Name("next") => out.push(Step::Name("next")),
                Step::Name("globalVersion") => out.push(Step::Name("@globalVersion")),
                Step::Name("in-version") => out.push(Step::Name("@in-version")),
                Step::Name("operation") => out.push(Step::Name("@operation")),
                Step::Name("timestamp") => out.push(Step::Name("@timestamp")),
                Step::Name("evidence") => out.push(Step::Name("@evidence")),
                Step::Name(_) => return Vec::new(),
            }
        }
        out
    }

    struct Walk<'s>(&'s [Step<'static>]);

    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("the listing")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let Some((Step::Name(want), rest)) = self.0.split_first() else {
                return Err(de::Error::custom("not found"));
            };
            while let Some(key) = map.next_key::<std::borrow::Cow<'_, str>>()? {
                if key == *want {
                    if rest.is_empty() {
                        return Err(de::Error::custom(FOUND));
                    }
                    return map.next_value_seed(Walk(rest));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Err(de::Error::custom("not found"))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let Some((Step::Index(want), rest)) = self.0.split_first() else {
                return Err(de::Error::custom("not found"));
            };
            for _ in 0..*want {
                seq.next_element::<IgnoredAny>()?;
            }
            if rest.is_empty() {
                return Err(de::Error::custom(FOUND));
            }
            seq.next_element_seed(Walk(rest))?;
            Err(de::Error::custom("not found"))
        }
    }

    let keys = keys(&steps(path));
    if keys.len() < 2 {
        return None;
    }
    let mut d = serde_json::Deserializer::from_str(elementa::strip_bom(text));
    match Walk(&keys).deserialize(&mut d) {
        Err(e) if e.to_string().starts_with(FOUND) => Some((e.line(), e.column())),
        _ => None,
    }
}

/// Decodes a listing (or web-hook body) in XML.
pub fn page_from_xml(text: &str) -> Result<ChangePage, DecodeError> {
    let listing = elementa_xml::from_str(text)?;
    to_page(&listing).map_err(|mut e| {
        if let Some(offset) = locate_xml(text, &e.path) {
            (e.line, e.column) = elementa::line_col(elementa::strip_bom(text), offset);
        }
        e
    })
}

/// Decodes a listing (or web-hook body) in JSON.
pub fn page_from_json(text: &str) -> Result<ChangePage, DecodeError> {
    let listing = elementa_json::from_str(text)?;
    to_page(&listing).map_err(|mut e| {
        if let Some((line, column)) = locate_json(text, &e.path) {
            (e.line, e.column) = (line, column);
        }
        e
    })
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
/// // Flexi names an evidence's records by the evidence, never by a plural.
/// assert_eq!(evidence("stat").map(|m| m.id), Some("flexi/stat"));
/// assert!(evidence("stats").is_none());
/// ```
pub fn evidence(name: &str) -> Option<&'static elementa::ResourceMeta> {
    resource_by_root(name).filter(|m| m.root == name && m.is_evidence())
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
    if elementa::strip_bom(text).trim_start().starts_with('<') {
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
