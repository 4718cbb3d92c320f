//! What a payload holds — one record or a list — decided once, by the
//! decoder that read it, for every codec and every caller.

use crate::{Record, Shape};

/// One record (`<comment>`, `{…}`) or a list of them (`<comments
/// type="array">`, `[…]`), as a payload held them.
///
/// ```
/// use elementa::{Payload, Resource, Shape};
/// use elementa_coupa::Comment;
///
/// let payload = elementa_json::decode_payload(Comment::resource_meta(),
///     r#"[{"id": 1}, {"id": 2}]"#, Default::default()).unwrap();
/// assert_eq!(payload.shape(), Shape::List);
/// assert_eq!(payload.records().len(), 2);
/// assert!(payload.record().is_none());
/// ```
#[derive(Debug, Clone)]
pub enum Payload {
    /// One record.
    One(Box<dyn Record>),
    /// A list of records (possibly empty).
    List(Vec<Box<dyn Record>>),
}

impl Payload {
    /// Whether it holds one record or a list.
    pub fn shape(&self) -> Shape {
        match self {
            Payload::One(_) => Shape::One,
            Payload::List(_) => Shape::List,
        }
    }

    /// The record, if the payload holds one record.
    pub fn record(&self) -> Option<&dyn Record> {
        match self {
            Payload::One(r) => Some(&**r),
            Payload::List(_) => None,
        }
    }

    /// The records in order, one or many.
    pub fn records(&self) -> Vec<&dyn Record> {
        match self {
            Payload::One(r) => vec![&**r],
            Payload::List(rs) => rs.iter().map(|r| &**r).collect(),
        }
    }

    /// The records in order, owned.
    pub fn into_records(self) -> Vec<Box<dyn Record>> {
        match self {
            Payload::One(r) => vec![r],
            Payload::List(rs) => rs,
        }
    }
}
