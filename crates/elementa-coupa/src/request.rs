//! Sans-IO requests: method, path, query, headers and body, built from the
//! routes in the schema files. Any HTTP client (or a test) sends them.

use std::fmt;

use elementa::{
    ActionMeta, Direction, Options, Problem, ProblemKind, Record, ResourceMeta, validate,
};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::query::Query;

/// The wire format of bodies (and of the `Accept` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `application/xml`.
    Xml,
    /// `application/json`.
    Json,
}

impl Format {
    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Xml => "application/xml",
            Format::Json => "application/json",
        }
    }
}

/// A request ready to send: nothing in it needs further encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The resource and action it performs (for classifying the response).
    pub resource: &'static str,
    /// The action's name (`create`, `run`, `attachments`).
    pub action: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path with parameters filled in and percent-encoded.
    pub path: String,
    /// Query parameters, already percent-encoded, in order.
    pub query: Vec<(String, String)>,
    /// Headers (`Accept`, and `Content-Type` with a body).
    pub headers: Vec<(&'static str, String)>,
    /// The body, if the action carries one.
    pub body: Option<String>,
}

impl Request {
    /// Path and query string, as it goes on the request line.
    pub fn url(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let q: Vec<String> = self.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{}?{}", self.path, q.join("&"))
    }
}

impl fmt::Display for Request {
    /// `METHOD url`, the headers, and the body after a blank line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.url())?;
        for (k, v) in &self.headers {
            write!(f, "\n{k}: {v}")?;
        }
        if let Some(b) = &self.body {
            write!(f, "\n\n{}", b.trim_end())?;
        }
        Ok(())
    }
}

/// A request that cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The resource has no action of that name (or none with these parameters).
    #[error("{resource} has no action `{action}`{}", if params.is_empty() { String::new() } else { format!(" with parameters {}", params.join(", ")) })]
    NoAction {
        /// The resource.
        resource: &'static str,
        /// The action asked for.
        action: String,
        /// The parameters given.
        params: Vec<String>,
    },
    /// A path parameter is empty.
    #[error("path parameter `:{0}` is empty")]
    EmptyParam(&'static str),
    /// The action carries a body but none was given, or the other way round.
    #[error("{action} of {resource} {}", if *expected { "needs a body" } else { "takes no body" })]
    Body {
        /// The resource.
        resource: &'static str,
        /// The action.
        action: &'static str,
        /// Whether a body was expected.
        expected: bool,
    },
    /// The body is of another resource.
    #[error("the body is a {found}, but {action} of {resource} takes a {resource}")]
    WrongBody {
        /// The resource.
        resource: &'static str,
        /// The action.
        action: &'static str,
        /// The body's resource.
        found: &'static str,
    },
    /// The body fails validation as a request.
    #[error("the request body is invalid: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// The body cannot be written as XML (a name or character XML cannot hold).
    #[error("the request body cannot be written as XML: {0}")]
    NotXml(#[from] elementa_xml::EncodeError),
    /// A query that does not fit the resource.
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),
    /// A status action that makes no sense from the run's current status.
    #[error(transparent)]
    Transition(#[from] crate::run::TransitionError),
}

/// Path segments: everything but unreserved characters is encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one path segment or query value.
pub fn encode_component(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

fn fill(action: &'static ActionMeta, params: &[(&str, &str)]) -> Result<String, RequestError> {
    let mut path = String::new();
    for seg in action.path.split('/').skip(1) {
        path.push('/');
        match seg.strip_prefix(':') {
            Some(name) => {
                let value = params
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| *v)
                    .unwrap_or_default();
                if value.is_empty() {
                    let name = action.params().find(|p| *p == name).unwrap_or("?");
                    return Err(RequestError::EmptyParam(name));
                }
                path.push_str(&encode_component(value));
            }
            None => path.push_str(seg),
        }
    }
    Ok(path)
}

/// Builds the request for action `name` of `meta`: the route whose
/// parameters are exactly the names in `params`, the query, and the body
/// (validated as a request, then encoded in `format`).
pub fn build(
    meta: &'static ResourceMeta,
    name: &str,
    params: &[(&str, &str)],
    query: Option<&Query>,
    body: Option<&dyn Record>,
    format: Format,
) -> Result<Request, RequestError> {
    let mut given: Vec<&str> = params.iter().map(|(k, _)| *k).collect();
    given.sort_unstable();
    let action = meta
        .actions_named(name)
        .find(|a| {
            let mut want: Vec<&str> = a.params().collect();
            want.sort_unstable();
            want == given
        })
        .ok_or_else(|| RequestError::NoAction {
            resource: meta.id,
            action: name.to_owned(),
            params: given.iter().map(|p| format!(":{p}")).collect(),
        })?;
    let path = fill(action, params)?;
    let mut headers = vec![("Accept", format.media_type().to_owned())];
    let body = match (action.body, body) {
        (true, Some(record)) => {
            if !std::ptr::eq(record.meta(), meta) {
                return Err(RequestError::WrongBody {
                    resource: meta.id,
                    action: action.name,
                    found: record.meta().id,
                });
            }
            // Required elements are required on create; an update may send
            // only what changes.
            let problems: Vec<Problem> = validate(record, Options::new(Direction::In))
                .into_iter()
                .filter(|p| action.method == "POST" || p.kind != ProblemKind::Missing)
                .collect();
            if !problems.is_empty() {
                return Err(RequestError::Invalid(problems));
            }
            headers.push(("Content-Type", format.media_type().to_owned()));
            Some(match format {
                Format::Xml => elementa_xml::to_string(record)?,
                Format::Json => elementa_json::to_string(record),
            })
        }
        (false, None) => None,
        (expected, _) => {
            return Err(RequestError::Body {
                resource: meta.id,
                action: action.name,
                expected,
            });
        }
    };
    Ok(Request {
        resource: meta.id,
        action: action.name,
        method: action.method,
        path,
        query: query.map(Query::pairs).unwrap_or_default(),
        headers,
        body,
    })
}
