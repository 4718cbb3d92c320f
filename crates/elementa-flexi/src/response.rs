//! Classifies answers to the requests of [`crate::request`] from the HTTP
//! status code and the body text (the caller's client supplies both).
//!
//! Bodies are read as plain text, not parsed as XML: the status answer is
//! the trimmed text `true` or `false`, and errors are recognised by status
//! code and by a phrase in the body.
//!
//! ```
//! use elementa_flexi::response::{Error, changes_status, check};
//! assert_eq!(changes_status(200, "true\n"), Ok(true));
//! assert_eq!(check(403, ""), Err(Error::NotLicensed));
//! let locked = check(400, r#"ERROR: could not obtain lock on relation "x""#).unwrap_err();
//! assert!(locked.to_string().contains("every user must log out"));
//! ```

/// The phrase (PostgreSQL's) that an enable request answers when the
/// database could not be locked exclusively.
pub const LOCK_PHRASE: &str = "could not obtain lock on relation";

/// How much of a body an error keeps, in characters.
const BODY_EXCERPT_CHARS: usize = 200;

/// An unsuccessful answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// `401 Unauthorized`: wrong user name or password, or an expired
    /// session.
    #[error(
        "401 Unauthorized: ABRA Flexi refused the user name and password (or the session expired): {body}"
    )]
    Unauthorized {
        /// The start of the body.
        body: String,
    },
    /// `402 Payment Required`: the licence or tariff does not cover the
    /// request (an unpaid or expired licence, or a module not bought).
    #[error("402 Payment Required: the ABRA Flexi licence does not cover this request: {body}")]
    PaymentRequired {
        /// The start of the body.
        body: String,
    },
    /// `406 Not Acceptable`: the evidence is not served in the format asked
    /// for.
    #[error("406 Not Acceptable: ABRA Flexi does not serve this in the format asked for: {body}")]
    NotAcceptable {
        /// The start of the body.
        body: String,
    },
    /// `403 Forbidden`.
    #[error("403 Forbidden: the ABRA Flexi licence does not include the REST API for reading")]
    NotLicensed,
    /// Enabling change tracking needs an exclusive lock of the database once,
    /// which it could not get.
    #[error(
        "ABRA Flexi could not lock the database exclusively ({LOCK_PHRASE}), which it must do \
         once to install change tracking: every user must log out of the ABRA Flexi web and \
         desktop clients, then retry"
    )]
    DatabaseLocked {
        /// The start of the server's message.
        body: String,
    },
    /// Any other error status.
    #[error("HTTP status {status}: {body}")]
    Http {
        /// The status code.
        status: u16,
        /// The start of the body.
        body: String,
    },
    /// A successful status answer that is neither `true` nor `false`.
    #[error("expected `true` or `false`, got {body:?}")]
    UnexpectedBody {
        /// The start of the body.
        body: String,
    },
}

fn excerpt(body: &str) -> String {
    body.chars().take(BODY_EXCERPT_CHARS).collect()
}

/// Checks any answer: `2xx` is success; `401`, `402`, `403` and `406` are
/// [`Error::Unauthorized`], [`Error::PaymentRequired`],
/// [`Error::NotLicensed`] and [`Error::NotAcceptable`]; an
/// error body containing [`LOCK_PHRASE`] (any case) is
/// [`Error::DatabaseLocked`]; any other status is [`Error::Http`]. A
/// successful body is never searched for the phrase, since exported data may
/// contain any text.
pub fn check(status: u16, body: &str) -> Result<(), Error> {
    if (200..300).contains(&status) {
        Ok(())
    } else if status == 403 {
        Err(Error::NotLicensed)
    } else if status == 401 {
        Err(Error::Unauthorized {
            body: excerpt(body),
        })
    } else if status == 402 {
        Err(Error::PaymentRequired {
            body: excerpt(body),
        })
    } else if status == 406 {
        Err(Error::NotAcceptable {
            body: excerpt(body),
        })
    } else if body.to_lowercase().contains(LOCK_PHRASE) {
        Err(Error::DatabaseLocked {
            body: excerpt(body),
        })
    } else {
        Err(Error::Http {
            status,
            body: excerpt(body),
        })
    }
}

/// Reads the answer to [`crate::request::Request::changes_status`]: whether
/// change tracking is enabled.
///
/// A successful body must be `true` or `false` after trimming whitespace.
/// The vendor documents that a disabled database may also answer with an
/// error, so an error status reads as `false` — except `401` (credentials),
/// `403` ([`Error::NotLicensed`]) and `502`–`504` (a gateway answered, not
/// Flexi), which are errors.
pub fn changes_status(status: u16, body: &str) -> Result<bool, Error> {
    match status {
        200..=299 => match body.trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(Error::UnexpectedBody {
                body: excerpt(body),
            }),
        },
        401 | 403 | 502..=504 => check(status, body).map(|()| false),
        _ => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_bodies() {
        assert_eq!(changes_status(200, "true"), Ok(true));
        assert_eq!(changes_status(200, " false\r\n"), Ok(false));
        assert_eq!(
            changes_status(200, "<winstrom/>"),
            Err(Error::UnexpectedBody {
                body: "<winstrom/>".into()
            })
        );
        assert_eq!(changes_status(400, "changes are not enabled"), Ok(false));
        assert_eq!(changes_status(500, ""), Ok(false));
        assert_eq!(changes_status(403, "true"), Err(Error::NotLicensed));
        assert!(matches!(
            changes_status(401, ""),
            Err(Error::Unauthorized { .. })
        ));
        assert!(matches!(
            changes_status(503, ""),
            Err(Error::Http { status: 503, .. })
        ));
    }

    #[test]
    fn statuses_flexi_documents_are_typed() {
        assert!(matches!(check(401, "x"), Err(Error::Unauthorized { body }) if body == "x"));
        assert!(matches!(check(402, ""), Err(Error::PaymentRequired { .. })));
        assert!(matches!(check(406, ""), Err(Error::NotAcceptable { .. })));
        assert!(matches!(
            check(409, ""),
            Err(Error::Http { status: 409, .. })
        ));
    }

    #[test]
    fn check_classifies() {
        assert_eq!(check(201, LOCK_PHRASE), Ok(()));
        assert_eq!(check(403, LOCK_PHRASE), Err(Error::NotLicensed));
        let body = "<winstrom><success>false</success><message>ERROR: Could not obtain lock on relation \"changes\"</message></winstrom>";
        let err = check(400, body).unwrap_err();
        assert_eq!(err, Error::DatabaseLocked { body: body.into() });
        let message = err.to_string();
        assert!(
            message.contains(
                "every user must log out of the ABRA Flexi web and desktop clients, then retry"
            ),
            "{message}"
        );
        assert_eq!(
            check(500, &"x".repeat(500)),
            Err(Error::Http {
                status: 500,
                body: "x".repeat(BODY_EXCERPT_CHARS)
            })
        );
    }
}
