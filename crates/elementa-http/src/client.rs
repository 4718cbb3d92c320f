//! The async HTTP client the vendor transports share (feature `client`):
//! reqwest on tokio with rustls (ring; no system OpenSSL), running every
//! request through the [`RetryPolicy`] and the [`RateLimit`].

use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

use crate::{Failure, Method, RateLimit, RetryPolicy, retry_after};

/// A request to send: nothing in it needs further encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The method.
    pub method: Method,
    /// The absolute URL, query included.
    pub url: String,
    /// Headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Option<String>,
    /// Whether sending it twice has the effect of sending it once; by
    /// default what the method says (see [`Outgoing::not_idempotent`]).
    pub idempotent: bool,
}

impl Outgoing {
    /// A request without headers or body.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        Outgoing {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: None,
            idempotent: method.is_idempotent(),
        }
    }

    /// Marks a request that must not be sent twice though its method
    /// allows it (a PUT that changes a state: a second one would fail or
    /// act twice); retried only when the policy retries POST.
    pub fn not_idempotent(mut self) -> Self {
        self.idempotent = false;
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }
}

/// A complete answer: status, the headers the vendor layers read, and the
/// whole body as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body.
    pub body: String,
    /// Attempts made for this answer (1 when the first one answered).
    pub attempts: u32,
}

/// Why no answer came back.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// No complete answer: the connection failed, was reset, or the body
    /// was cut short, on every attempt the policy allowed. A request that is
    /// not idempotent is tried once: it may or may not have been applied.
    #[error("{method:?} {url}: no complete answer after {attempts} attempt(s){}: {source}",
        if method.is_idempotent() { "" } else { " (it may have been applied)" })]
    Unreachable {
        /// The method.
        method: Method,
        /// The URL.
        url: String,
        /// Attempts made.
        attempts: u32,
        /// The last failure.
        #[source]
        source: reqwest::Error,
    },
    /// No answer within the timeout, on every attempt the policy allowed.
    #[error("{method:?} {url}: no answer within {timeout:?} after {attempts} attempt(s)")]
    TimedOut {
        /// The method.
        method: Method,
        /// The URL.
        url: String,
        /// Attempts made.
        attempts: u32,
        /// The timeout of one attempt.
        timeout: Duration,
    },
    /// The answer's body is not UTF-8 text.
    #[error("{url}: the answer (status {status}) is not UTF-8 text at byte {offset}")]
    NotText {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// The request cannot be sent at all (a malformed URL or header).
    #[error("the request cannot be sent: {0}")]
    Build(#[source] reqwest::Error),
}

/// One HTTP client with its policies. Cheap to clone: clones share the
/// connection pool and the rate limit.
#[derive(Debug, Clone)]
pub struct HttpClient {
    inner: reqwest::Client,
    policy: RetryPolicy,
    rate: Option<Arc<RateLimit>>,
    timeout: Duration,
}

static CRYPTO: Once = Once::new();

/// Makes ring the process's TLS crypto provider unless one is installed
/// (reqwest is built without its own, so that no C toolchain beyond ring's
/// is needed).
fn install_crypto_provider() {
    CRYPTO.call_once(|| {
        // `Err`: the application installed its own provider first; keep it.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl HttpClient {
    /// A client following `policy`, sending at most as fast as `rate`
    /// allows (no limit with `None`), each attempt bounded by `timeout`.
    pub fn new(
        policy: RetryPolicy,
        rate: Option<RateLimit>,
        timeout: Duration,
    ) -> Result<Self, SendError> {
        install_crypto_provider();
        let inner = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .build()
            .map_err(SendError::Build)?;
        Ok(HttpClient {
            inner,
            policy,
            rate: rate.map(Arc::new),
            timeout,
        })
    }

    /// The retry policy.
    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    async fn throttle(&self) {
        if let Some(rate) = &self.rate {
            loop {
                let wait = rate.wait();
                if wait.is_zero() {
                    return;
                }
                tokio::time::sleep(wait).await;
            }
        }
    }

    /// Sends `request`, trying again as the policy says. An error status is
    /// an answer (`Ok`): after the last attempt the last answer is returned
    /// for the vendor layer to classify; only missing answers are errors.
    pub async fn send(&self, request: &Outgoing) -> Result<Incoming, SendError> {
        let started = Instant::now();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            self.throttle().await;
            let outcome = self.attempt(request, attempt).await;
            let failure = match &outcome {
                Ok((answer, retry)) if is_transient_status(answer.status) => Failure::Status {
                    status: answer.status,
                    retry_after: *retry,
                },
                Ok(_) => return outcome.map(|(answer, _)| answer),
                Err(SendError::TimedOut { .. }) => Failure::Timeout,
                Err(SendError::Unreachable { .. }) => Failure::Connection,
                Err(_) => return outcome.map(|(answer, _)| answer),
            };
            let retry_as = if request.idempotent {
                request.method
            } else {
                Method::Post
            };
            match self.policy.next_delay(
                retry_as,
                attempt,
                &failure,
                started.elapsed(),
                fastrand::f64(),
            ) {
                Some(wait) => tokio::time::sleep(wait).await,
                None => return outcome.map(|(answer, _)| answer),
            }
        }
    }

    async fn attempt(
        &self,
        request: &Outgoing,
        attempts: u32,
    ) -> Result<(Incoming, Option<Duration>), SendError> {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
            Method::Post => reqwest::Method::POST,
            Method::Patch => reqwest::Method::PATCH,
        };
        let mut builder = self.inner.request(method, &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = &request.body {
            builder = builder.body(body.clone());
        }
        let failed = |e: reqwest::Error| {
            if e.is_builder() {
                SendError::Build(e)
            } else if e.is_timeout() {
                SendError::TimedOut {
                    method: request.method,
                    url: request.url.clone(),
                    attempts,
                    timeout: self.timeout,
                }
            } else {
                SendError::Unreachable {
                    method: request.method,
                    url: request.url.clone(),
                    attempts,
                    source: e,
                }
            }
        };
        let response = builder.send().await.map_err(failed)?;
        let status = response.status().as_u16();
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let retry = header(reqwest::header::RETRY_AFTER)
            .and_then(|v| retry_after(&v, jiff::Timestamp::now()));
        let bytes = response.bytes().await.map_err(failed)?;
        let body = String::from_utf8(bytes.to_vec()).map_err(|e| SendError::NotText {
            url: request.url.clone(),
            status,
            offset: e.utf8_error().valid_up_to(),
        })?;
        Ok((
            Incoming {
                status,
                content_type,
                body,
                attempts,
            },
            retry,
        ))
    }
}

fn is_transient_status(status: u16) -> bool {
    Failure::Status {
        status,
        retry_after: None,
    }
    .is_transient()
}
