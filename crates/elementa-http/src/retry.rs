//! When a failed request is tried again, and after how long.

use std::time::Duration;

/// The HTTP method of a request, as far as retrying cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET: safe to repeat.
    Get,
    /// PUT: idempotent (the same update twice is one update).
    Put,
    /// DELETE: idempotent.
    Delete,
    /// POST: creates; repeating it may create twice.
    Post,
    /// PATCH: not idempotent in general.
    Patch,
}

impl Method {
    /// Whether sending the request twice has the effect of sending it once.
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }
}

/// What went wrong with one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with an error status, with its `Retry-After`
    /// when it sent one (see [`retry_after`]).
    Status {
        /// The HTTP status.
        status: u16,
        /// How long the server asked to wait.
        retry_after: Option<Duration>,
    },
    /// No answer: the connection was refused, reset or could not be made.
    Connection,
    /// No complete answer within the time allowed.
    Timeout,
}

impl Failure {
    /// Whether trying again may succeed: 429 (too many requests), 5xx, and
    /// failures without an answer. Other statuses are answers.
    pub fn is_transient(&self) -> bool {
        match self {
            Failure::Status { status, .. } => *status == 429 || (500..=599).contains(status),
            Failure::Connection | Failure::Timeout => true,
        }
    }
}

/// How a client tries a request again: bounded attempts and total time,
/// exponential backoff with jitter, the server's `Retry-After` honoured, and
/// requests that are not idempotent (POST, PATCH) never repeated unless
/// [`RetryPolicy::retry_non_idempotent`] asks for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (at least 1).
    pub max_attempts: u32,
    /// The backoff before the second attempt; it doubles with each one.
    pub base_delay: Duration,
    /// The longest backoff between two attempts.
    pub max_delay: Duration,
    /// The longest time from the first attempt to the start of the last;
    /// a wait that would pass it is not taken and the failure is reported.
    pub max_total: Duration,
    /// Repeat POST and PATCH too (only when the caller knows the server
    /// deduplicates them).
    pub retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// 5 attempts, 500 ms doubling up to 30 s, 2 minutes in all, no repeated
    /// POST or PATCH.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            max_total: Duration::from_secs(120),
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// The wait before trying again after attempt `attempt` (1 for the
    /// first) failed with `failure`, `elapsed` after the first attempt
    /// started; `None` to give up and report the failure. `jitter` in
    /// `[0, 1)` (the transport draws it) spreads the backoff over its upper
    /// half, so clients that failed together do not retry together. A
    /// `Retry-After` is waited in full, however short the backoff.
    pub fn next_delay(
        &self,
        method: Method,
        attempt: u32,
        failure: &Failure,
        elapsed: Duration,
        jitter: f64,
    ) -> Option<Duration> {
        if !failure.is_transient()
            || attempt >= self.max_attempts
            || !(method.is_idempotent() || self.retry_non_idempotent)
        {
            return None;
        }
        let exponent = attempt.saturating_sub(1).min(31);
        let backoff = self
            .base_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let backoff = backoff / 2 + (backoff / 2).mul_f64(jitter);
        let wait = match failure {
            Failure::Status {
                retry_after: Some(asked),
                ..
            } => backoff.max(*asked),
            _ => backoff,
        };
        (elapsed.saturating_add(wait) <= self.max_total).then_some(wait)
    }
}

/// A `Retry-After` header's wait: delay-seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`) taken from `now`; a date in the past
/// is no wait. `None` for a value that is neither.
///
/// ```
/// use std::time::Duration;
/// let now: jiff::Timestamp = "2015-10-21T07:27:00Z".parse().unwrap();
/// assert_eq!(elementa_http::retry_after("120", now), Some(Duration::from_secs(120)));
/// assert_eq!(elementa_http::retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
///            Some(Duration::from_secs(60)));
/// assert_eq!(elementa_http::retry_after("soon", now), None);
/// ```
pub fn retry_after(value: &str, now: jiff::Timestamp) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse::<u64>().ok().map(Duration::from_secs);
    }
    let at = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let ahead = at.duration_since(now);
    Some(Duration::try_from(ahead).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests panic on purpose
mod tests {
    use super::*;

    const SERVER_BUSY: Failure = Failure::Status {
        status: 503,
        retry_after: None,
    };

    #[test]
    fn backoff_doubles_within_its_jittered_bounds_and_stops_at_the_cap() {
        let p = RetryPolicy::default();
        let mut previous_high = Duration::ZERO;
        for attempt in 1..p.max_attempts {
            let low = p
                .next_delay(Method::Get, attempt, &SERVER_BUSY, Duration::ZERO, 0.0)
                .unwrap();
            let high = p
                .next_delay(Method::Get, attempt, &SERVER_BUSY, Duration::ZERO, 0.999)
                .unwrap();
            let full = (p.base_delay * (1 << (attempt - 1))).min(p.max_delay);
            assert_eq!(low, full / 2, "attempt {attempt}");
            assert!(high > low && high <= full, "attempt {attempt}: {high:?}");
            assert!(high >= previous_high, "attempt {attempt}");
            previous_high = high;
        }
        let capped = RetryPolicy {
            max_attempts: 40,
            max_total: Duration::MAX,
            ..p
        };
        assert_eq!(
            capped.next_delay(Method::Get, 39, &SERVER_BUSY, Duration::ZERO, 0.999),
            Some(p.max_delay / 2 + (p.max_delay / 2).mul_f64(0.999))
        );
    }

    #[test]
    fn attempts_and_total_time_are_bounded() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.next_delay(
                Method::Get,
                p.max_attempts,
                &SERVER_BUSY,
                Duration::ZERO,
                0.5
            ),
            None
        );
        let near_end = p.max_total - Duration::from_millis(100);
        assert_eq!(
            p.next_delay(Method::Get, 2, &SERVER_BUSY, near_end, 0.5),
            None
        );
        // A Retry-After past the budget is not waited for.
        let long = Failure::Status {
            status: 429,
            retry_after: Some(p.max_total),
        };
        assert_eq!(
            p.next_delay(Method::Get, 1, &long, Duration::from_secs(1), 0.5),
            None
        );
    }

    #[test]
    fn what_is_retried() {
        let p = RetryPolicy::default();
        for (failure, retried) in [
            (Failure::Connection, true),
            (Failure::Timeout, true),
            (SERVER_BUSY, true),
            (
                Failure::Status {
                    status: 500,
                    retry_after: None,
                },
                true,
            ),
            (
                Failure::Status {
                    status: 429,
                    retry_after: None,
                },
                true,
            ),
            (
                Failure::Status {
                    status: 400,
                    retry_after: None,
                },
                false,
            ),
            (
                Failure::Status {
                    status: 401,
                    retry_after: None,
                },
                false,
            ),
        ] {
            for method in [Method::Get, Method::Put, Method::Delete] {
                assert_eq!(
                    p.next_delay(method, 1, &failure, Duration::ZERO, 0.5)
                        .is_some(),
                    retried,
                    "{method:?} {failure:?}"
                );
            }
            for method in [Method::Post, Method::Patch] {
                assert_eq!(p.next_delay(method, 1, &failure, Duration::ZERO, 0.5), None);
                let asked = RetryPolicy {
                    retry_non_idempotent: true,
                    ..p
                };
                assert_eq!(
                    asked
                        .next_delay(method, 1, &failure, Duration::ZERO, 0.5)
                        .is_some(),
                    retried
                );
            }
        }
    }

    #[test]
    fn retry_after_forms() {
        let now: jiff::Timestamp = "2015-10-21T07:28:00Z".parse().unwrap();
        assert_eq!(retry_after(" 3 ", now), Some(Duration::from_secs(3)));
        assert_eq!(retry_after("0", now), Some(Duration::ZERO));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(Duration::ZERO),
            "a date in the past is no wait"
        );
        assert_eq!(retry_after("-5", now), None);
        assert_eq!(retry_after("", now), None);
        assert_eq!(retry_after("99999999999999999999999", now), None);
    }
}
