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
