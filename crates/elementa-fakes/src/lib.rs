//! Fake Coupa and ABRA Flexi servers on the loopback interface, for testing
//! elementa's HTTP transports against servers that misbehave the way real
//! ones do: bursts of 429, tokens that expire mid-run, 5xx, connections cut
//! half-way through an answer, slow answers, malformed bodies, listings that
//! change between requests.
//!
//! Each server runs on the caller's tokio runtime, on a free port of
//! 127.0.0.1, until it is dropped. The shapes of what they serve follow the
//! vendors' documentation and real payloads; each module says where from.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use elementa_fakes::coupa::{FakeCoupa, Faults};
//!
//! let fake = FakeCoupa::start(3, Faults::default()).await?;
//! assert!(fake.base().starts_with("http://127.0.0.1:"));
//! assert_eq!(fake.stats().token_requests, 0);
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

pub mod coupa;
pub mod flexi;
pub mod flexi_world;

use std::net::SocketAddr;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

/// A server task listening on 127.0.0.1; stopped when dropped.
#[derive(Debug)]
struct Running {
    addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    async fn start(app: Router) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            // The server stops with the task; an accept error ends the test
            // with connection failures, which the test reports.
            let _ = axum::serve(listener, app).await;
        });
        Ok(Running { addr, task })
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// An answer with a body and its content type.
fn answer(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// A 200 whose body stops half-way: the connection is cut (the chunked
/// body never ends), as when a proxy or the server dies mid-answer.
fn cut_short(content_type: &'static str, body: String) -> Response {
    let half = body.len() / 2;
    let start = Bytes::from(body.into_bytes()).slice(..half);
    let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(start),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection reset by the fake server",
        )),
    ];
    let mut response = Response::new(Body::from_stream(futures_util::stream::iter(chunks)));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// The fakes' state, through a panic in a handler too (the test that caused
/// it fails; the state is still there to report).
fn lock<T>(shared: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A query string or form body as decoded pairs.
fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding of query values (what the client encodes).
fn decode(text: &str) -> String {
    percent_decode(text, true)
}

/// Percent-decoding; `+` is a space in query values (`plus_is_space`), itself
/// in a path.
fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Whether request `n` (1-based) falls on a fault that repeats every
/// `every` requests (`0`: never).
fn every(n: u64, every: u64) -> bool {
    every != 0 && n.is_multiple_of(every)
}
