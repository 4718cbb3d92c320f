//! Responses: statuses Coupa documents mapped to typed errors with the
//! decoded error body; records decoded in either format; "no results" as an
//! empty list.

use elementa::{DecodeError, Resource};

use crate::errors::ErrorBody;
use crate::request::Request;

/// A response as the caller's HTTP client received it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response<'a> {
    /// HTTP status.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<&'a str>,
    /// The body.
    pub body: &'a str,
}

/// What a failed call means.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// 400: the request was malformed.
    #[error("400 Bad Request: {0}")]
    BadRequest(ErrorBody),
    /// 401: the API key or token is missing or invalid.
    #[error("401 Unauthorized: {0}")]
    Unauthorized(ErrorBody),
    /// 403: the key may not do this.
    #[error("403 Forbidden: {0}")]
    Forbidden(ErrorBody),
    /// 404: no such record.
    #[error("404 Not Found: {0}")]
    NotFound(ErrorBody),
    /// 405: the resource does not support the method.
    #[error("405 Method Not Allowed: {0}")]
    MethodNotAllowed(ErrorBody),
    /// 406: the requested format is not served.
    #[error("406 Not Acceptable: {0}")]
    NotAcceptable(ErrorBody),
    /// 409: the record changed meanwhile.
    #[error("409 Conflict: {0}")]
    Conflict(ErrorBody),
    /// 422: the record failed Coupa's validation.
    #[error("422 Unprocessable Entity: {0}")]
    Invalid(ErrorBody),
    /// 429: too many requests; retry later.
    #[error("429 Too Many Requests: {0}")]
    TooManyRequests(ErrorBody),
    /// 500: Coupa failed.
    #[error("500 Internal Server Error: {0}")]
    Server(ErrorBody),
    /// 503: Coupa is unavailable; retry later.
    #[error("503 Service Unavailable: {0}")]
    Unavailable(ErrorBody),
    /// Another status.
    #[error("HTTP {status}: {body}")]
    Other {
        /// The status.
        status: u16,
        /// The decoded body (empty if it was not an error body).
        body: ErrorBody,
    },
    /// Coupa's known fault: an invalid comment id under `/attachments`
    /// raises a server error instead of a 404.
    #[error("comment {0} does not exist (Coupa answered its attachments with a server error)")]
    NoSuchComment(String),
    /// Coupa's known fault: a URL attachment has no file, and Coupa says
    /// "attachment has no attachment".
    #[error("attachment {0} is a URL attachment and has no file to fetch")]
    UrlAttachment(String),
    /// The body does not decode.
    #[error("the response body does not decode: {0}")]
    Decode(DecodeError),
}

impl<'a> Response<'a> {
    /// A response with a body in a format detected from its content type or
    /// its first character.
    pub fn new(status: u16, content_type: Option<&'a str>, body: &'a str) -> Self {
        Response {
            status,
            content_type,
            body,
        }
    }

    fn is_xml(&self) -> bool {
        match self.content_type {
            Some(ct) if ct.contains("xml") => true,
            Some(ct) if ct.contains("json") => false,
            _ => elementa::strip_bom(self.body).trim_start().starts_with('<'),
        }
    }

    fn error_body(&self) -> ErrorBody {
        let parsed = if self.body.trim().is_empty() {
            Ok(ErrorBody::default())
        } else if self.is_xml() {
            ErrorBody::from_xml(self.body)
        } else {
            ErrorBody::from_json(self.body)
        };
        parsed.unwrap_or_else(|_| ErrorBody {
            messages: vec![crate::errors::ErrorMessage {
                field: None,
                message: self.body.trim().chars().take(200).collect(),
            }],
        })
    }
}

fn param_of(request: &Request, index_from_end: usize) -> String {
    request
        .path
        .rsplit('/')
        .nth(index_from_end)
        .unwrap_or_default()
        .to_owned()
}

/// Maps a response to an error if it is one, knowing which request it answers.
pub fn check(request: &Request, response: &Response<'_>) -> Result<(), ApiError> {
    let comment = request.resource == "coupa/comment";
    if comment
        && request.action == "attachment"
        && response.body.contains("attachment has no attachment")
    {
        return Err(ApiError::UrlAttachment(param_of(request, 0)));
    }
    if (200..300).contains(&response.status) {
        return Ok(());
    }
    if comment && request.action == "attachments" && response.status == 500 {
        return Err(ApiError::NoSuchComment(param_of(request, 1)));
    }
    let body = response.error_body();
    Err(match response.status {
        400 => ApiError::BadRequest(body),
        401 => ApiError::Unauthorized(body),
        403 => ApiError::Forbidden(body),
        404 => ApiError::NotFound(body),
        405 => ApiError::MethodNotAllowed(body),
        406 => ApiError::NotAcceptable(body),
        409 => ApiError::Conflict(body),
        422 => ApiError::Invalid(body),
        429 => ApiError::TooManyRequests(body),
        500 => ApiError::Server(body),
        503 => ApiError::Unavailable(body),
        status => ApiError::Other { status, body },
    })
}

/// Decodes the one record a response carries; `None` for an empty body
/// (`return_object=none`).
pub fn one<T: Resource>(request: &Request, response: &Response<'_>) -> Result<Option<T>, ApiError> {
    check(request, response)?;
    if response.body.trim().is_empty() {
        return Ok(None);
    }
    let r = if response.is_xml() {
        elementa_xml::from_str(response.body)
    } else {
        elementa_json::from_str(response.body)
    };
    r.map(Some).map_err(ApiError::Decode)
}

/// Decodes the list a response carries. Coupa answers a query without
/// results with 404 and a message (XML) or `[]` (JSON): both are an empty list.
pub fn list<T: Resource>(request: &Request, response: &Response<'_>) -> Result<Vec<T>, ApiError> {
    if response.status == 404 && request.method == "GET" {
        return Ok(Vec::new());
    }
    check(request, response)?;
    if response.body.trim().is_empty() {
        return Ok(Vec::new());
    }
    if response.is_xml() {
        let doc = elementa_xml::decode(T::resource_meta(), response.body, Default::default())
            .map_err(ApiError::Decode)?;
        let records = match doc.body {
            elementa_xml::Body::One(r) => vec![r],
            elementa_xml::Body::List(rs) => rs,
        };
        Ok(records
            .into_iter()
            .filter_map(|r| r.into_any().downcast::<T>().ok().map(|b| *b))
            .collect())
    } else {
        elementa_json::from_str_list(response.body).map_err(ApiError::Decode)
    }
}
