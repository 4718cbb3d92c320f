//! When an OAuth2 access token must be renewed.

use std::time::{Duration, Instant};

/// A cached OAuth2 access token (client credentials): used until shortly
/// before it expires, renewed then, and dropped when the server refuses it
/// (a 401, after which the client renews once and tries again).
///
/// ```
/// use std::time::{Duration, Instant};
/// let mut cache = elementa_http::TokenCache::default();
/// let now = Instant::now();
/// assert_eq!(cache.get(now), None);
/// cache.store("abc".into(), Some(Duration::from_secs(3600)), now);
/// assert_eq!(cache.get(now + Duration::from_secs(3000)), Some("abc"));
/// // Within the last minute of its life it is renewed, not sent.
/// assert_eq!(cache.get(now + Duration::from_secs(3550)), None);
/// ```
#[derive(Debug, Clone)]
pub struct TokenCache {
    /// The token and when to renew it (`None`: no lifetime known, so it is
    /// used until the server refuses it).
    token: Option<(String, Option<Instant>)>,
    margin: Duration,
}

impl Default for TokenCache {
    /// Renews a minute before expiry (or at half the lifetime of a token
    /// that lives less than two minutes).
    fn default() -> Self {
        TokenCache::new(Duration::from_secs(60))
    }
}

impl TokenCache {
    /// A cache that renews `margin` before expiry (at most half the token's
    /// lifetime before it).
    pub fn new(margin: Duration) -> Self {
        TokenCache {
            token: None,
            margin,
        }
    }

    /// The token, if one is held and not about to expire at `now`.
    pub fn get(&self, now: Instant) -> Option<&str> {
        match &self.token {
            Some((token, None)) => Some(token),
            Some((token, Some(renew_at))) if now < *renew_at => Some(token),
            _ => None,
        }
    }

    /// Keeps `token`, issued at `now` and valid for `expires_in` (the token
    /// response's `expires_in`; OAuth2 only recommends it: without it, or
    /// with a lifetime past what the clock can hold, the token is used
    /// until the server refuses it).
    pub fn store(&mut self, token: String, expires_in: Option<Duration>, now: Instant) {
        let renew_at = expires_in.and_then(|life| {
            let early = self.margin.min(life / 2);
            now.checked_add(life - early)
        });
        self.token = Some((token, renew_at));
    }

    /// Drops the token (the server refused it).
    pub fn invalidate(&mut self) {
        self.token = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_lived_token_is_renewed_at_half_its_life() {
        let now = Instant::now();
        let mut cache = TokenCache::default();
        cache.store("t".into(), Some(Duration::from_secs(30)), now);
        assert_eq!(cache.get(now + Duration::from_secs(14)), Some("t"));
        assert_eq!(cache.get(now + Duration::from_secs(15)), None);
    }

    #[test]
    fn a_token_without_a_lifetime_lasts_until_refused() {
        let now = Instant::now();
        let mut cache = TokenCache::default();
        cache.store("t".into(), None, now);
        assert_eq!(
            cache.get(now + Duration::from_secs(86_400 * 365)),
            Some("t")
        );
        cache.store("u".into(), Some(Duration::MAX), now);
        assert_eq!(
            cache.get(now + Duration::from_secs(86_400 * 365)),
            Some("u")
        );
        cache.invalidate();
        assert_eq!(cache.get(now), None);
    }

    #[test]
    fn a_refused_token_is_dropped() {
        let now = Instant::now();
        let mut cache = TokenCache::default();
        cache.store("t".into(), Some(Duration::from_secs(3600)), now);
        cache.invalidate();
        assert_eq!(cache.get(now), None);
    }
}
