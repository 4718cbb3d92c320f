//! Coupa's OAuth2 client-credentials flow, without I/O: the instance's base
//! URL, checked; the token request (`POST /oauth2/token`, form-encoded); the
//! token response, or the error that says what to fix (an `invalid_scope`
//! names the scopes that were asked for). API keys have been unsupported
//! since R35, so there are none here.
//!
//! ```
//! use elementa_coupa::oauth::{Credentials, InstanceUrl, parse_token_response};
//!
//! let base = InstanceUrl::parse("https://acme.coupahost.com").unwrap();
//! let creds = Credentials::new("id", "s3cret&", ["core.common.read", "core.integration.write"])
//!     .unwrap();
//! let req = creds.token_request(&base);
//! assert_eq!(req.url, "https://acme.coupahost.com/oauth2/token");
//! assert_eq!(req.body, "grant_type=client_credentials&client_id=id&client_secret=s3cret%26\
//!                       &scope=core.common.read+core.integration.write");
//!
//! let token = parse_token_response(200,
//!     r#"{"access_token":"abc","token_type":"bearer","expires_in":86399}"#, creds.scopes())
//!     .unwrap();
//! assert_eq!(token.access_token, "abc");
//!
//! let err = parse_token_response(400,
//!     r#"{"error":"invalid_scope","error_description":"The requested scope is invalid"}"#,
//!     creds.scopes()).unwrap_err();
//! assert_eq!(err.to_string(), "the token endpoint refused the scopes asked for \
//!     (core.common.read core.integration.write): The requested scope is invalid");
//! ```

use std::time::Duration;

/// A Coupa instance's base URL: `https`, a host name, nothing after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceUrl(url::Url);

/// Why a base URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Not a URL at all.
    #[error("`{url}` is not a URL: {reason}")]
    NotUrl {
        /// What was given.
        url: String,
        /// The parser's reason.
        reason: String,
    },
    /// Anything but `https` would send the client secret in clear.
    #[error("`{0}`: the instance URL must use https")]
    NotHttps(String),
    /// An IP address or no host: Coupa instances are named hosts.
    #[error("`{0}`: the instance URL needs a host name")]
    NoHostName(String),
    /// A path, query, fragment or user name: the base is the host alone.
    #[error("`{0}`: the instance URL is the host alone (no path, query, fragment or user)")]
    NotBare(String),
}

impl InstanceUrl {
    /// Checks `text` (`https://acme.coupahost.com`, a trailing `/` allowed).
    pub fn parse(text: &str) -> Result<Self, UrlError> {
        let url = url::Url::parse(text.trim()).map_err(|e| UrlError::NotUrl {
            url: text.to_owned(),
            reason: e.to_string(),
        })?;
        if url.scheme() != "https" {
            return Err(UrlError::NotHttps(text.to_owned()));
        }
        if !matches!(url.host(), Some(url::Host::Domain(_))) {
            return Err(UrlError::NoHostName(text.to_owned()));
        }
        if url.path() != "/"
            || url.query().is_some()
            || url.fragment().is_some()
            || !url.username().is_empty()
            || url.password().is_some()
        {
            return Err(UrlError::NotBare(text.to_owned()));
        }
        Ok(InstanceUrl(url))
    }

    /// `http://127.0.0.1:{port}`: a server on this machine — a test double,
    /// or a local proxy that holds the TLS connection to the instance. The
    /// secret never leaves the machine, which is the only reason plain http
    /// is allowed here and nowhere else.
    pub fn loopback(port: u16) -> Result<Self, UrlError> {
        let text = format!("http://127.0.0.1:{port}");
        url::Url::parse(&text)
            .map(InstanceUrl)
            .map_err(|e| UrlError::NotUrl {
                url: text,
                reason: e.to_string(),
            })
    }

    /// The host name.
    pub fn host(&self) -> &str {
        self.0.host_str().unwrap_or_default()
    }

    /// The absolute URL of `path` (which starts with `/`, as
    /// [`crate::Request::url`] gives it).
    pub fn join(&self, path: &str) -> String {
        let base = self.0.as_str().trim_end_matches('/');
        format!("{base}{path}")
    }
}

/// An OAuth2 client's credentials and the scopes it asks for.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    client_id: String,
    client_secret: String,
    scopes: Vec<String>,
}

/// The secret stays out of logs.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"…")
            .field("scopes", &self.scopes)
            .finish()
    }
}

/// A scope that is not one of Coupa's `service.object.right` names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a Coupa scope: scopes are dot-separated lowercase names such as core.common.read"
)]
pub struct ScopeError(pub String);

/// Whether `scope` has Coupa's form: at least three dot-separated parts of
/// lowercase letters, digits and underscores (`core.common.read`,
/// `core.integration.write`).
fn is_scope(scope: &str) -> bool {
    let parts: Vec<&str> = scope.split('.').collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

impl Credentials {
    /// A client's id and secret and the scopes to ask for (each checked).
    pub fn new<S: Into<String>>(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        scopes: impl IntoIterator<Item = S>,
    ) -> Result<Self, ScopeError> {
        let scopes: Vec<String> = scopes.into_iter().map(Into::into).collect();
        if let Some(bad) = scopes.iter().find(|s| !is_scope(s)) {
            return Err(ScopeError(bad.clone()));
        }
        Ok(Credentials {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            scopes,
        })
    }

    /// The scopes asked for.
    pub fn scopes(&self) -> &[String] {
        &self.scopes
    }

    /// The token request for the instance at `base`.
    pub fn token_request(&self, base: &InstanceUrl) -> TokenRequest {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "client_credentials")
            .append_pair("client_id", &self.client_id)
            .append_pair("client_secret", &self.client_secret)
            .append_pair("scope", &self.scopes.join(" "))
            .finish();
        TokenRequest {
            url: base.join("/oauth2/token"),
            body,
        }
    }
}

/// `POST {url}` with `Content-Type: application/x-www-form-urlencoded` and
/// `body`.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenRequest {
    /// The token endpoint.
    pub url: String,
    /// The form (it holds the client secret).
    pub body: String,
}

/// The body holds the secret: it stays out of logs.
impl std::fmt::Debug for TokenRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenRequest")
            .field("url", &self.url)
            .field("body", &"…")
            .finish()
    }
}

impl TokenRequest {
    /// The request's content type.
    pub const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
}

/// An access token and how long it lives.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    /// The bearer token.
    pub access_token: String,
    /// Its lifetime from when it was issued, when the server says it
    /// (OAuth2 recommends `expires_in` but does not require it).
    pub expires_in: Option<Duration>,
}

/// The token stays out of logs.
impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("access_token", &"…")
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// Why no token was issued.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// The client may not have (some of) the scopes asked for.
    #[error("the token endpoint refused the scopes asked for ({}): {description}", asked.join(" "))]
    InvalidScope {
        /// The scopes asked for.
        asked: Vec<String>,
        /// The server's description.
        description: String,
    },
    /// Wrong client id or secret.
    #[error("the token endpoint refused the client id or secret: {0}")]
    InvalidClient(String),
    /// Another OAuth2 error (`invalid_request`, `unauthorized_client`, …).
    #[error("the token endpoint answered {status} {error}: {description}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The OAuth2 error code.
        error: String,
        /// The server's description.
        description: String,
    },
    /// An answer that is not a token response.
    #[error("the token endpoint answered {status} with no token: {detail}")]
    Malformed {
        /// The HTTP status.
        status: u16,
        /// What is wrong with the body.
        detail: String,
    },
}

#[derive(serde::Deserialize)]
struct Success {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

#[derive(serde::Deserialize)]
struct Failure {
    error: String,
    #[serde(default)]
    error_description: String,
}

/// Reads the token endpoint's answer: status and body.
pub fn parse_token_response(
    status: u16,
    body: &str,
    asked: &[String],
) -> Result<Token, TokenError> {
    if (200..300).contains(&status) {
        return match serde_json::from_str::<Success>(body) {
            Ok(s) if !s.access_token.is_empty() => Ok(Token {
                access_token: s.access_token,
                expires_in: s.expires_in.map(Duration::from_secs),
            }),
            Ok(_) => Err(TokenError::Malformed {
                status,
                detail: "the access token is empty".into(),
            }),
            Err(e) => Err(TokenError::Malformed {
                status,
                detail: e.to_string(),
            }),
        };
    }
    match serde_json::from_str::<Failure>(body) {
        Ok(f) if f.error == "invalid_scope" => Err(TokenError::InvalidScope {
            asked: asked.to_vec(),
            description: f.error_description,
        }),
        Ok(f) if f.error == "invalid_client" => Err(TokenError::InvalidClient(f.error_description)),
        Ok(f) => Err(TokenError::Refused {
            status,
            error: f.error,
            description: f.error_description,
        }),
        Err(_) => Err(TokenError::Malformed {
            status,
            detail: body.chars().take(200).collect(),
        }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests panic on purpose
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        for ok in [
            "https://acme.coupahost.com",
            "https://acme.coupahost.com/",
            " https://acme-test.coupacloud.com ",
        ] {
            assert!(InstanceUrl::parse(ok).is_ok(), "{ok}");
        }
        let base = InstanceUrl::parse("https://acme.coupahost.com/").unwrap();
        assert_eq!(
            base.join("/api/users"),
            "https://acme.coupahost.com/api/users"
        );
        assert_eq!(base.host(), "acme.coupahost.com");
        for (bad, what) in [
            ("acme.coupahost.com", "is not a URL"),
            ("http://acme.coupahost.com", "must use https"),
            ("https://10.0.0.1", "needs a host name"),
            ("https://[::1]", "needs a host name"),
            ("https://acme.coupahost.com/api", "the host alone"),
            ("https://acme.coupahost.com?x=1", "the host alone"),
            ("https://me:pw@acme.coupahost.com", "the host alone"),
        ] {
            let e = InstanceUrl::parse(bad).unwrap_err().to_string();
            assert!(e.contains(what), "{bad}: {e}");
        }
    }

    #[test]
    fn scopes_are_checked() {
        assert!(Credentials::new("i", "s", ["core.expense.secure.read"]).is_ok());
        for bad in [
            "core",
            "core.read",
            "Core.common.read",
            "core..read",
            "core.common.read ",
        ] {
            assert_eq!(
                Credentials::new("i", "s", [bad]).unwrap_err(),
                ScopeError(bad.to_owned())
            );
        }
    }

    #[test]
    fn secrets_stay_out_of_debug_output() {
        let creds = Credentials::new("id", "s3cret", ["core.common.read"]).unwrap();
        let base = InstanceUrl::parse("https://acme.coupahost.com").unwrap();
        assert!(!format!("{creds:?}").contains("s3cret"));
        assert!(!format!("{:?}", creds.token_request(&base)).contains("s3cret"));
        let token = parse_token_response(200, r#"{"access_token":"zq9x","expires_in":60}"#, &[]);
        assert!(!format!("{token:?}").contains("zq9x"));
    }

    #[test]
    fn token_errors() {
        let asked = vec!["core.common.read".to_owned()];
        assert_eq!(
            parse_token_response(
                401,
                r#"{"error":"invalid_client","error_description":"bad"}"#,
                &asked
            ),
            Err(TokenError::InvalidClient("bad".into()))
        );
        assert!(matches!(
            parse_token_response(400, r#"{"error":"unsupported_grant_type"}"#, &asked),
            Err(TokenError::Refused { status: 400, .. })
        ));
        assert!(matches!(
            parse_token_response(502, "<html>Bad gateway</html>", &asked),
            Err(TokenError::Malformed { status: 502, .. })
        ));
        assert!(matches!(
            parse_token_response(200, r#"{"access_token":"","expires_in":60}"#, &asked),
            Err(TokenError::Malformed { status: 200, .. })
        ));
        assert!(matches!(
            parse_token_response(200, r#"{"token_type":"bearer"}"#, &asked),
            Err(TokenError::Malformed { status: 200, .. })
        ));
        assert_eq!(
            parse_token_response(200, r#"{"access_token":"t"}"#, &asked)
                .unwrap()
                .expires_in,
            None
        );
    }
}
