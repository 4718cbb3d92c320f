//! The policies elementa's vendor clients follow on the wire, without I/O:
//! when to try a request again and how long to wait ([`RetryPolicy`], with
//! `Retry-After` honoured through [`retry_after`]), how fast to send
//! ([`RateLimit`], Coupa's documented 25 requests a second with bursts of
//! 20 by default), and when an OAuth2 access token must be renewed
//! ([`TokenCache`]). Time comes in as arguments, so every decision is tested
//! without sleeping; the transports supply the clock and the randomness.
//!
//! ```
//! use std::time::Duration;
//! use elementa_http::{Failure, Method, RetryPolicy};
//!
//! let policy = RetryPolicy::default();
//! // A 429 with `Retry-After: 2` on a GET: wait at least the two seconds.
//! let busy = Failure::Status { status: 429, retry_after: Some(Duration::from_secs(2)) };
//! let wait = policy.next_delay(Method::Get, 1, &busy, Duration::ZERO, 0.5).unwrap();
//! assert!(wait >= Duration::from_secs(2));
//! // A failed POST is reported, never sent twice, unless the caller asks.
//! assert_eq!(policy.next_delay(Method::Post, 1, &busy, Duration::ZERO, 0.5), None);
//! // A 404 is an answer, not a fault.
//! let missing = Failure::Status { status: 404, retry_after: None };
//! assert_eq!(policy.next_delay(Method::Get, 1, &missing, Duration::ZERO, 0.5), None);
//! ```
#![forbid(unsafe_code)]

#[cfg(feature = "client")]
mod client;
mod rate;
mod retry;
mod token;

#[cfg(feature = "client")]
pub use client::{HttpClient, Incoming, Outgoing, SendError};
pub use rate::RateLimit;
pub use retry::{Failure, Method, RetryPolicy, retry_after};
pub use token::TokenCache;
