//! The `authSessionId` login, without I/O: the body of
//! `POST /login-logout/login.json` ([`crate::Request::login`]) and its
//! answer. The session id then goes in the [`SESSION_HEADER`] header of
//! every request, instead of the password.
//!
//! Shapes from ABRA Flexi's authentication page: the body is JSON
//! `{"username", "password"}` (and `otp` with two-factor login); the answer
//! is `{"success": true, "authSessionId": "…"}` or `{"success": false,
//! "errors": {"reason": "…"}}`.
//!
//! ```
//! use elementa_flexi::session::{LoginError, login_body, parse_login};
//! assert_eq!(login_body("novak", "heslo", None), r#"{"username":"novak","password":"heslo"}"#);
//! assert_eq!(parse_login(200, r#"{"success":true,"authSessionId":"0a1b"}"#).unwrap(), "0a1b");
//! let refused = parse_login(401, r#"{"success":false,"errors":{"reason":"Wrong username or password."}}"#);
//! assert_eq!(refused, Err(LoginError::Refused("Wrong username or password.".into())));
//! ```

/// The header that carries the session id.
pub const SESSION_HEADER: &str = "X-authSessionId";

/// Why no session was started.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    /// ABRA Flexi refused the login, with its reason.
    #[error("ABRA Flexi refused the login: {0}")]
    Refused(String),
    /// An answer that is not a login answer.
    #[error("the login answer (status {status}) is not understood: {detail}")]
    Malformed {
        /// The HTTP status.
        status: u16,
        /// What is wrong.
        detail: String,
    },
}

#[derive(serde::Serialize)]
struct Body<'a> {
    username: &'a str,
    password: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    otp: Option<&'a str>,
}

/// The login body; `otp` when two-factor login is required.
pub fn login_body(user: &str, password: &str, otp: Option<&str>) -> String {
    let body = Body {
        username: user,
        password,
        otp,
    };
    // Three strings always serialize.
    serde_json::to_string(&body).unwrap_or_else(|_| unreachable!("strings serialize"))
}

/// Reads the login answer: the session id, or why there is none.
/// `success` is read as a boolean or as the text `true`/`false` (ABRA
/// Flexi writes booleans as text elsewhere in its JSON).
pub fn parse_login(status: u16, body: &str) -> Result<String, LoginError> {
    let malformed = |detail: String| LoginError::Malformed { status, detail };
    let doc: serde_json::Value =
        serde_json::from_str(body).map_err(|e| malformed(e.to_string()))?;
    let success = match doc.get("success") {
        Some(serde_json::Value::Bool(b)) => *b,
        Some(serde_json::Value::String(s)) if s == "true" || s == "false" => s == "true",
        _ => return Err(malformed("no `success`".into())),
    };
    if success && (200..300).contains(&status) {
        return match doc.get("authSessionId").and_then(|v| v.as_str()) {
            Some(id) if !id.is_empty() => Ok(id.to_owned()),
            _ => Err(malformed("no `authSessionId`".into())),
        };
    }
    let reason = doc
        .get("errors")
        .and_then(|e| e.get("reason"))
        .and_then(|r| r.as_str())
        .or_else(|| doc.get("message").and_then(|m| m.as_str()))
        .unwrap_or("no reason given");
    Err(LoginError::Refused(reason.to_owned()))
}
