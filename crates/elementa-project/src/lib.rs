//! Coupa's return formats (the seed "API return formats" document): what a
//! response body holds when a request asks for `return_object` or `fields`.
//!
//! - [`ReturnObject::None`]: nothing (POST and PUT only; asking on GET is an
//!   error value, not an empty body).
//! - [`ReturnObject::Limited`]: the `id` only.
//! - [`ReturnObject::Shallow`]: every own attribute, and every association one
//!   level deep reduced to its `id` and natural keys (from the schema).
//! - [`Fields`]: the JSON selection `["id",{"expense_lines":["id"]}]`,
//!   checked against the schema.
//!
//! Projections apply to typed records ([`project`]) and to payloads streaming
//! from a reader to a writer ([`stream`]), with flat memory for lists of any
//! length. The request side renders the query string ([`Projection::query`]).
//!
//! ```
//! use elementa::{Field, Resource};
//! use elementa_coupa::ExpenseReport;
//! use elementa_project::{Fields, Method, Projection, ReturnObject, project};
//!
//! let report: ExpenseReport = elementa_json::from_str(
//!     r#"{"id": 158, "title": "Reno", "currency": {"id": 1, "code": "USD", "name": "US Dollar"}}"#,
//! ).unwrap();
//!
//! let shallow = Projection::ReturnObject(ReturnObject::Shallow);
//! let out = project(&report, &shallow).unwrap().unwrap();
//! assert_eq!(elementa_json::to_string(&*out),
//!            r#"{"id":158,"title":"Reno","currency":{"id":1,"code":"USD"}}"#);
//!
//! let fields = Fields::parse(r#"["id","titel"]"#, ExpenseReport::resource_meta()).unwrap_err();
//! assert_eq!(fields.to_string(),
//!            "fields[1]: `titel` is not an element of coupa/expense-report; did you mean `title`?");
//!
//! assert!(Projection::ReturnObject(ReturnObject::None).check(Method::Get).is_err());
//! assert_eq!(shallow.query(), "return_object=shallow");
//! ```
#![forbid(unsafe_code)]

mod fields;
mod project;
pub mod stream;

pub use fields::{Fields, FieldsError, Selected};
pub use project::{project, project_owned};

use std::fmt;

/// The HTTP method of the request a response answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// GET (query).
    Get,
    /// POST (create).
    Post,
    /// PUT (update).
    Put,
    /// PATCH (update).
    Patch,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
        })
    }
}

/// The `return_object` query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReturnObject {
    /// Nothing is returned (POST and PUT only).
    None,
    /// Only the `id` is returned.
    Limited,
    /// Own attributes, associations reduced to `id` and natural keys.
    Shallow,
}

impl ReturnObject {
    /// The query value (`none`, `limited`, `shallow`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReturnObject::None => "none",
            ReturnObject::Limited => "limited",
            ReturnObject::Shallow => "shallow",
        }
    }
}

/// What a response body is to hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Projection {
    /// The full object (no `return_object`, no `fields`).
    Full,
    /// A `return_object` value.
    ReturnObject(ReturnObject),
    /// A checked `fields` selection.
    Fields(Fields),
}

/// A projection that does not fit the request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    /// `return_object=none` on a method other than POST and PUT.
    #[error("return_object=none is only for POST and PUT; a {0} has to return something")]
    NoneNotAllowed(Method),
    /// A `fields` selection made for another resource.
    #[error("the fields selection was checked against {expected}, not {found}")]
    WrongResource {
        /// The resource the selection was checked against.
        expected: &'static str,
        /// The record's resource.
        found: &'static str,
    },
    /// A whole ABRA Flexi document (a change listing, a write answer), not
    /// records that a projection shapes.
    #[error(
        "{0} is a whole ABRA Flexi document, not records: return_object and fields shape an evidence's records (such as flexi/faktura-vydana)"
    )]
    NotRecords(&'static str),
}

impl Projection {
    /// Checks that the projection fits a request with `method`.
    pub fn check(&self, method: Method) -> Result<(), ProjectError> {
        match (self, method) {
            (Projection::ReturnObject(ReturnObject::None), Method::Post | Method::Put) => Ok(()),
            (Projection::ReturnObject(ReturnObject::None), m) => {
                Err(ProjectError::NoneNotAllowed(m))
            }
            _ => Ok(()),
        }
    }

    /// Whether the response has no body at all.
    pub fn is_empty_body(&self) -> bool {
        matches!(self, Projection::ReturnObject(ReturnObject::None))
    }

    /// The query string that asks Coupa for this projection, exactly as Coupa
    /// expects it (`fields` is percent-encoded JSON); empty for [`Projection::Full`].
    ///
    /// ```
    /// use elementa::Resource;
    /// use elementa_project::{Fields, Projection};
    /// let meta = elementa_coupa::ExpenseReport::resource_meta();
    /// let f = Fields::parse(r#"["id",{"expense_lines":["id","amount"]}]"#, meta).unwrap();
    /// assert_eq!(Projection::Fields(f).query(),
    ///     "fields=%5B%22id%22%2C%7B%22expense_lines%22%3A%5B%22id%22%2C%22amount%22%5D%7D%5D");
    /// ```
    pub fn query(&self) -> String {
        match self {
            Projection::Full => String::new(),
            Projection::ReturnObject(r) => format!("return_object={}", r.as_str()),
            Projection::Fields(f) => format!(
                "fields={}",
                percent_encoding::utf8_percent_encode(&f.to_json(), QUERY_VALUE)
            ),
        }
    }
}

/// Everything but unreserved characters (RFC 3986) is encoded in a query value.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
