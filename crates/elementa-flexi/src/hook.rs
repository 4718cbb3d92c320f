//! Web-hook deliveries: Flexi POSTs a changes listing to the hook URL with
//! the shared secret in the [`SECRET_HEADER`] header.
//!
//! Check the secret with [`verify_hook_secret`] before decoding the body, and
//! hand the decoded page to [`crate::cursor::Cursor::on_hook`] (a delivery
//! is a signal to poll, never applied directly).
//!
//! ```
//! use elementa_flexi::hook::{HookError, verify_hook_secret};
//! assert_eq!(verify_hook_secret(Some(b"s3cret"), b"s3cret"), Ok(()));
//! assert_eq!(verify_hook_secret(Some(b"guess"), b"s3cret"), Err(HookError::WrongSecret));
//! assert_eq!(verify_hook_secret(None, b"s3cret"), Err(HookError::MissingHeader));
//! ```

use subtle::ConstantTimeEq;

use crate::request::Format;

/// A web hook to register (`PUT /c/{firm}/hooks`, see
/// [`crate::Request::hook_register`]).
#[derive(Clone, PartialEq, Eq)]
pub struct HookRegistration {
    /// The URL ABRA Flexi POSTs change listings to.
    pub url: String,
    /// The listings' format.
    pub format: Format,
    /// Send changes after this version (`lastVersion`; ABRA Flexi's default
    /// is the global version when the hook is registered).
    pub last_version: Option<u64>,
    /// The secret sent in [`SECRET_HEADER`] with every delivery (`secKey`).
    pub secret: Option<String>,
    /// Register without ABRA Flexi's test delivery to the URL
    /// (`skipUrlTest`).
    pub skip_url_test: bool,
}

/// The secret stays out of logs.
impl std::fmt::Debug for HookRegistration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HookRegistration")
            .field("url", &self.url)
            .field("format", &self.format)
            .field("last_version", &self.last_version)
            .field("secret", &self.secret.as_ref().map(|_| "…"))
            .field("skip_url_test", &self.skip_url_test)
            .finish()
    }
}

/// A registered hook, as the hook listing shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hook {
    /// Its id (for retry and unregister).
    pub id: u64,
    /// The URL called.
    pub url: String,
    /// The format (`XML` or `JSON`), when listed.
    pub format: Option<String>,
    /// The last version delivered, when listed.
    pub last_version: Option<u64>,
    /// Every other property listed, as text.
    pub other: Vec<(String, String)>,
}

/// Why a hook listing cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the hook listing cannot be read: {0}")]
pub struct HookListError(pub String);

fn text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Reads the JSON hook listing: `{"winstrom": {"hooks": [ … ]}}`, the
/// list also accepted as `{"hook": [ … ]}` or a single object (the XML
/// form's nesting carried into JSON). Every value may be a string or a
/// number, as in ABRA Flexi's other JSON.
///
/// ```
/// use elementa_flexi::hook::parse_hooks;
/// let hooks = parse_hooks(r#"{"winstrom":{"@version":"1.0","hooks":[
///     {"id":"3","url":"https://example.com/h","format":"JSON","lastVersion":"120","penalty":"0"}]}}"#)?;
/// assert_eq!((hooks[0].id, hooks[0].last_version), (3, Some(120)));
/// assert_eq!(hooks[0].other, [("penalty".to_owned(), "0".to_owned())]);
/// # Ok::<(), elementa_flexi::hook::HookListError>(())
/// ```
pub fn parse_hooks(body: &str) -> Result<Vec<Hook>, HookListError> {
    let doc: serde_json::Value =
        serde_json::from_str(body).map_err(|e| HookListError(e.to_string()))?;
    let Some(list) = doc.get("winstrom").and_then(|w| w.get("hooks")) else {
        return Err(HookListError("no `winstrom.hooks`".into()));
    };
    let list = list.get("hook").unwrap_or(list);
    let items: Vec<&serde_json::Value> = match list {
        serde_json::Value::Array(items) => items.iter().collect(),
        serde_json::Value::Object(_) => vec![list],
        serde_json::Value::Null => Vec::new(),
        serde_json::Value::String(s) if s.is_empty() => Vec::new(),
        _ => return Err(HookListError("`hooks` is not a list".into())),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let map = item
                .as_object()
                .ok_or_else(|| HookListError(format!("hooks[{i}] is not an object")))?;
            let field = |name: &str| map.get(name).and_then(text);
            let id = field("id")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| HookListError(format!("hooks[{i}] has no numeric id")))?;
            let other = map
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "id" | "url" | "format" | "lastVersion"))
                .filter_map(|(k, v)| text(v).map(|t| (k.clone(), t)))
                .collect();
            let url =
                field("url").ok_or_else(|| HookListError(format!("hooks[{i}] has no url")))?;
            Ok(Hook {
                id,
                url,
                format: field("format"),
                last_version: field("lastVersion").and_then(|v| v.parse().ok()),
                other,
            })
        })
        .collect()
}

/// The header carrying the shared secret.
pub const SECRET_HEADER: &str = "X-FB-Hook-SecKey";

/// A delivery that must be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HookError {
    /// The request has no secret header.
    #[error("the {SECRET_HEADER} header is missing")]
    MissingHeader,
    /// The header does not match the secret.
    #[error("the {SECRET_HEADER} header does not match the hook secret")]
    WrongSecret,
    /// The configured secret is empty, which would accept an empty header.
    #[error("no hook secret is configured")]
    NoSecretConfigured,
}

/// Checks the [`SECRET_HEADER`] value (raw bytes, as received) against the
/// configured secret.
///
/// The bytes are compared in constant time (`subtle`); only the length of
/// the header can be learnt from timing, not how much of it matches. No
/// whitespace is trimmed: HTTP servers already strip it around header values.
pub fn verify_hook_secret(header_value: Option<&[u8]>, expected: &[u8]) -> Result<(), HookError> {
    if expected.is_empty() {
        return Err(HookError::NoSecretConfigured);
    }
    let value = header_value.ok_or(HookError::MissingHeader)?;
    if bool::from(value.ct_eq(expected)) {
        Ok(())
    } else {
        Err(HookError::WrongSecret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_wrong_missing_and_other_lengths() {
        let secret = b"0123456789abcdef";
        assert_eq!(verify_hook_secret(Some(secret), secret), Ok(()));
        assert_eq!(
            verify_hook_secret(Some(b"0123456789abcdeF"), secret),
            Err(HookError::WrongSecret)
        );
        assert_eq!(
            verify_hook_secret(None, secret),
            Err(HookError::MissingHeader)
        );
        for other in [&b""[..], b"0123456789abcde", b"0123456789abcdef0"] {
            assert_eq!(
                verify_hook_secret(Some(other), secret),
                Err(HookError::WrongSecret),
                "{other:?}"
            );
        }
    }

    #[test]
    fn an_empty_secret_accepts_nothing() {
        assert_eq!(
            verify_hook_secret(Some(b""), b""),
            Err(HookError::NoSecretConfigured)
        );
    }
}
