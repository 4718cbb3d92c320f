//! ABRA Flexi's `winstrom` document: the envelope every Flexi record travels
//! in, holding records of one or more evidences.
//!
//! In XML the records are children of `<winstrom version="1.0">`, each named
//! after its evidence; in JSON they are arrays keyed by evidence inside
//! `{"winstrom": {"@version": "1.0", …}}`. The codecs decode and encode it
//! (`elementa_xml::decode_envelope`, `elementa_json::decode_envelope`) given a
//! [`Resolve`] function from evidence name to resource, such as
//! `elementa_flexi::wire::evidence`.
//!
//! ```
//! use elementa::{Envelope, Field, Resource};
//! use elementa_flexi::wire::{Adresar, FakturaVydana};
//!
//! let mut envelope = Envelope::new();
//! envelope.push(Adresar { kod: "ACME".into(), ..Default::default() });
//! envelope.push(FakturaVydana { kod: "VF1-0001/2024".into(), ..Default::default() });
//! envelope.push(Adresar { kod: "ZETA".into(), ..Default::default() });
//! assert_eq!(envelope.version(), Some("1.0"));
//! let codes: Vec<_> = envelope.records_of::<Adresar>().map(|a| a.kod.clone()).collect();
//! assert_eq!(codes, [Field::Value("ACME".to_owned()), Field::Value("ZETA".to_owned())]);
//! let groups = envelope.evidences();
//! assert_eq!(groups[0].0.id, "flexi/adresar");
//! assert_eq!(groups[0].1.len(), 2);
//! // `adresar, faktura-vydana, adresar`: JSON, one array per evidence, cannot
//! // keep that order.
//! assert!(!envelope.is_grouped());
//! ```

use crate::meta::ResourceMeta;
use crate::record::{Record, Resource};

/// Finds the resource of an evidence name inside an envelope (`adresar` →
/// `flexi/adresar`); `None` for a name that is no evidence.
pub type Resolve<'a> = &'a dyn Fn(&str) -> Option<&'static ResourceMeta>;

/// The root element (XML) and top-level key (JSON) of every Flexi document.
pub const ENVELOPE_ROOT: &str = "winstrom";

/// The envelope format version Flexi writes and elementa writes by default.
pub const ENVELOPE_VERSION: &str = "1.0";

/// A `winstrom` document: its own attributes and the records it holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Envelope {
    /// The envelope's attributes in document order, without the `@` of JSON
    /// (`version`, and `globalVersion` on exports that ask for it).
    pub attributes: Vec<(String, String)>,
    /// The records in document order; each names its evidence through
    /// [`Record::meta`].
    pub records: Vec<Box<dyn Record>>,
}

impl PartialEq for Box<dyn Record> {
    fn eq(&self, other: &Self) -> bool {
        self.eq_record(&**other)
    }
}

impl Envelope {
    /// An empty envelope of version [`ENVELOPE_VERSION`].
    pub fn new() -> Self {
        Envelope {
            attributes: vec![("version".to_owned(), ENVELOPE_VERSION.to_owned())],
            records: Vec::new(),
        }
    }

    /// The value of attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The format version (`version`).
    pub fn version(&self) -> Option<&str> {
        self.attribute("version")
    }

    /// Appends a record.
    pub fn push<T: Resource>(&mut self, record: T) {
        self.records.push(Box::new(record));
    }

    /// The records of resource `T`, in document order.
    pub fn records_of<T: Resource>(&self) -> impl Iterator<Item = &T> {
        self.records.iter().filter_map(|r| r.downcast_ref::<T>())
    }

    /// The records grouped by evidence, groups in the order of each
    /// evidence's first record — the shape of Flexi's JSON, which keys one
    /// array per evidence.
    pub fn evidences(&self) -> Vec<(&'static ResourceMeta, Vec<&dyn Record>)> {
        let mut groups: Vec<(&'static ResourceMeta, Vec<&dyn Record>)> = Vec::new();
        for r in &self.records {
            let meta = r.meta();
            match groups.iter_mut().find(|(m, _)| m.id == meta.id) {
                Some((_, rs)) => rs.push(&**r),
                None => groups.push((meta, vec![&**r])),
            }
        }
        groups
    }

    /// Whether the records of one evidence stand together (`a a b`, not
    /// `a b a`): only then does the JSON form keep the XML order.
    pub fn is_grouped(&self) -> bool {
        let mut done: Vec<&str> = Vec::new();
        let mut current: Option<&str> = None;
        for r in &self.records {
            let id = r.meta().id;
            if current != Some(id) {
                if done.contains(&id) {
                    return false;
                }
                if let Some(c) = current {
                    done.push(c);
                }
                current = Some(id);
            }
        }
        true
    }
}
