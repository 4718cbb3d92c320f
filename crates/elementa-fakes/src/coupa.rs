//! A fake Coupa instance: the OAuth2 token endpoint and the invoices API.
//!
//! Shapes, from Coupa's API documentation and its R39 metadata: the token
//! endpoint takes a form-encoded client-credentials grant and answers
//! `{"access_token", "token_type": "bearer", "expires_in"}` or an OAuth2
//! error (`invalid_client`, `invalid_scope`); JSON records use dash-case keys
//! with associations as nested objects; listings take `offset` (0-based),
//! `limit` (at most 50), `order_by`/`dir` and `exported`, and an empty
//! result is `[]`; `PUT /api/invoices/:id?exported=true` marks a record
//! exported and answers it; a 429 carries `Retry-After`.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use crate::{Running, answer, cut_short, every, get, lock, pairs};

/// The client id and secret the fake accepts.
pub const CLIENT_ID: &str = "client-id";
/// See [`CLIENT_ID`].
pub const CLIENT_SECRET: &str = "secret";

/// Faults, each on a schedule of API requests (token requests not
/// counted), 1-based; `0` turns a fault off.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Every this many requests, a burst of 429s starts…
    pub throttle_every: u64,
    /// … this long (consecutive requests), each with `Retry-After: 0`.
    pub throttle_burst: u64,
    /// Every this many requests, a 503.
    pub unavailable_every: u64,
    /// Every this many requests, the answer is cut half-way (connection
    /// reset).
    pub reset_every: u64,
    /// Every this many requests, the answer comes after
    /// [`Faults::slow_by`].
    pub slow_every: u64,
    /// How late slow answers are.
    pub slow_by: Duration,
    /// At these requests the token in use expires (it is refused with 401
    /// from then on, before its `expires_in`).
    pub expire_token_at: Vec<u64>,
    /// Every this many listing requests, a new unexported invoice appears
    /// (the listing changes between pages).
    pub insert_every: u64,
    /// Every this many requests, a 200 whose JSON is cut off (a complete
    /// answer with a malformed body).
    pub malformed_every: u64,
    /// Marks are answered with 200 but not applied.
    pub ignore_marks: bool,
}

/// What the fake saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Token requests (accepted or not).
    pub token_requests: u64,
    /// API requests, faults included.
    pub api_requests: u64,
    /// Requests answered with a fault (429, 503, cut short, slow, 401 for
    /// an expired token, malformed).
    pub faults: u64,
    /// `POST` requests received.
    pub posts: u64,
    /// Marks applied (`exported=true`), repeats included.
    pub marks: u64,
}

#[derive(Debug)]
struct Invoice {
    json: Value,
    exported: bool,
}

#[derive(Debug, Default)]
struct Inner {
    faults: Faults,
    stats: Stats,
    invoices: BTreeMap<i64, Invoice>,
    tokens: Vec<(String, bool)>,
    listings: u64,
    next_id: i64,
}

type Shared = Arc<Mutex<Inner>>;

/// The fake server; stopped when dropped.
#[derive(Debug)]
pub struct FakeCoupa {
    running: Running,
    shared: Shared,
}

/// An invoice shaped like Coupa's JSON (a subset of the real elements,
/// with a nested supplier, currency and lines, and a custom field).
fn invoice(id: i64) -> Value {
    let lines: Vec<Value> = (1..=2)
        .map(|n| {
            json!({
                "id": id * 10 + n,
                "line-num": n,
                "description": format!("Item {n} of invoice {id}"),
                "price": "12.50",
                "quantity": "2.0",
                "total": "25.00",
            })
        })
        .collect();
    json!({
        "id": id,
        "created-at": "2024-03-01T10:00:00+01:00",
        "updated-at": "2024-03-02T08:30:00+01:00",
        "invoice-number": format!("INV-{id:05}"),
        "invoice-date": "2024-03-01T00:00:00+01:00",
        "status": "approved",
        "exported": false,
        "total-with-taxes": "50.00",
        "currency": { "id": 1, "code": "EUR" },
        "supplier": { "id": 55, "name": "Acme s.r.o.", "number": "S-55" },
        "invoice-lines": lines,
        "custom-fields": { "cost-center": "CC-7" },
    })
}

impl FakeCoupa {
    /// Starts a fake with invoices 1 … `invoices`, none exported.
    pub async fn start(invoices: usize, faults: Faults) -> std::io::Result<Self> {
        let mut inner = Inner {
            faults,
            next_id: 1,
            ..Inner::default()
        };
        for _ in 0..invoices {
            inner.add_invoice();
        }
        let shared: Shared = Arc::new(Mutex::new(inner));
        let app = Router::new().fallback(handle).with_state(shared.clone());
        Ok(FakeCoupa {
            running: Running::start(app).await?,
            shared,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.running.addr)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.running.addr.port()
    }

    /// What the fake saw so far.
    pub fn stats(&self) -> Stats {
        lock(&self.shared).stats.clone()
    }

    /// Ids of all invoices, and whether each is exported.
    pub fn invoices(&self) -> Vec<(i64, bool)> {
        lock(&self.shared)
            .invoices
            .iter()
            .map(|(id, i)| (*id, i.exported))
            .collect()
    }
}

impl Inner {
    fn add_invoice(&mut self) {
        let id = self.next_id;
        self.next_id += 1;
        self.invoices.insert(
            id,
            Invoice {
                json: invoice(id),
                exported: false,
            },
        );
    }

    fn json_of(&self, invoice: &Invoice) -> Value {
        let mut v = invoice.json.clone();
        if let Some(map) = v.as_object_mut() {
            map.insert("exported".into(), Value::Bool(invoice.exported));
        }
        v
    }
}

fn error_json(status: StatusCode, message: &str) -> Response {
    answer(
        status,
        "application/json",
        json!({ "errors": { "base": [message] } }).to_string(),
    )
}

/// The fault for API request `n`, if one is due.
enum Fault {
    Throttle,
    Unavailable,
    Reset,
    Slow(Duration),
    Malformed,
}

fn fault_for(faults: &Faults, n: u64) -> Option<Fault> {
    let burst = faults.throttle_burst.max(1);
    if faults.throttle_every != 0 && n % faults.throttle_every < burst && n >= faults.throttle_every
    {
        Some(Fault::Throttle)
    } else if every(n, faults.unavailable_every) {
        Some(Fault::Unavailable)
    } else if every(n, faults.reset_every) {
        Some(Fault::Reset)
    } else if every(n, faults.slow_every) {
        Some(Fault::Slow(faults.slow_by))
    } else if every(n, faults.malformed_every) {
        Some(Fault::Malformed)
    } else {
        None
    }
}

async fn handle(
    State(shared): State<Shared>,
    method: Method,
    uri: Uri,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if uri.path() == "/oauth2/token" {
        return token(&shared, &method, &body);
    }
    let (fault, response) = {
        let mut inner = lock(&shared);
        inner.stats.api_requests += 1;
        let n = inner.stats.api_requests;
        if method == Method::POST {
            inner.stats.posts += 1;
        }
        if inner.faults.expire_token_at.contains(&n)
            && let Some(last) = inner.tokens.last_mut()
        {
            last.1 = false;
        }
        let bearer = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !inner.tokens.iter().any(|(t, live)| t == bearer && *live) {
            inner.stats.faults += 1;
            return error_json(StatusCode::UNAUTHORIZED, "Invalid or expired token");
        }
        let fault = fault_for(&inner.faults, n);
        if fault.is_some() {
            inner.stats.faults += 1;
        }
        match fault {
            Some(Fault::Throttle) => {
                let mut r = error_json(StatusCode::TOO_MANY_REQUESTS, "Rate limit exceeded");
                r.headers_mut()
                    .insert("retry-after", axum::http::HeaderValue::from_static("0"));
                return r;
            }
            Some(Fault::Unavailable) => {
                return error_json(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable");
            }
            // Slow answers and cut answers still do the work (the server
            // applied the request; the answer is what fails).
            other => (
                other,
                api(&mut inner, &method, uri.path(), query.as_deref()),
            ),
        }
    };
    match fault {
        Some(Fault::Reset) => {
            let body = String::from_utf8_lossy(
                &axum::body::to_bytes(response.into_body(), usize::MAX)
                    .await
                    .unwrap_or_default(),
            )
            .into_owned();
            cut_short("application/json", body)
        }
        Some(Fault::Slow(by)) => {
            tokio::time::sleep(by).await;
            response
        }
        Some(Fault::Malformed) => answer(
            StatusCode::OK,
            "application/json",
            "[{\"id\": 1, \"invoice-number\": \"INV-0".to_owned(),
        ),
        _ => response,
    }
}

fn token(shared: &Shared, method: &Method, body: &[u8]) -> Response {
    let mut inner = lock(shared);
    inner.stats.token_requests += 1;
    if method != Method::POST {
        return error_json(StatusCode::METHOD_NOT_ALLOWED, "POST the token request");
    }
    let form = pairs(std::str::from_utf8(body).ok());
    let oauth_error = |error: &str, description: &str| {
        answer(
            if error == "invalid_client" {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::BAD_REQUEST
            },
            "application/json",
            json!({ "error": error, "error_description": description }).to_string(),
        )
    };
    if get(&form, "grant_type") != Some("client_credentials") {
        return oauth_error("unsupported_grant_type", "The grant type is not supported");
    }
    if get(&form, "client_id") != Some(CLIENT_ID)
        || get(&form, "client_secret") != Some(CLIENT_SECRET)
    {
        return oauth_error("invalid_client", "Client authentication failed");
    }
    let scope = get(&form, "scope").unwrap_or_default();
    if scope.split(' ').any(|s| !s.starts_with("core.")) {
        return oauth_error(
            "invalid_scope",
            "The requested scope is invalid, unknown, or malformed",
        );
    }
    let token = format!("token-{}", inner.stats.token_requests);
    inner.tokens.push((token.clone(), true));
    answer(
        StatusCode::OK,
        "application/json",
        json!({
            "access_token": token,
            "token_type": "bearer",
            "expires_in": 86_399,
            "scope": scope,
        })
        .to_string(),
    )
}

fn api(inner: &mut Inner, method: &Method, path: &str, query: Option<&str>) -> Response {
    let pairs = pairs(query);
    let rest = path.strip_prefix("/api/invoices");
    match (method, rest) {
        (&Method::GET, Some("")) => list(inner, &pairs),
        (&Method::GET, Some(id)) => match id.trim_start_matches('/').parse::<i64>() {
            Ok(id) => match inner.invoices.get(&id) {
                Some(i) => answer(
                    StatusCode::OK,
                    "application/json",
                    inner.json_of(i).to_string(),
                ),
                None => error_json(StatusCode::NOT_FOUND, "Record not found"),
            },
            Err(_) => error_json(StatusCode::NOT_FOUND, "No route"),
        },
        (&Method::PUT, Some(id)) => {
            let Ok(id) = id.trim_start_matches('/').parse::<i64>() else {
                return error_json(StatusCode::NOT_FOUND, "No route");
            };
            let mark = get(&pairs, "exported") == Some("true");
            let ignore = inner.faults.ignore_marks;
            if mark {
                inner.stats.marks += 1;
            }
            match inner.invoices.get_mut(&id) {
                Some(i) => {
                    if mark && !ignore {
                        i.exported = true;
                    }
                    let body = inner
                        .invoices
                        .get(&id)
                        .map(|i| inner.json_of(i).to_string())
                        .unwrap_or_default();
                    answer(StatusCode::OK, "application/json", body)
                }
                None => error_json(StatusCode::NOT_FOUND, "Record not found"),
            }
        }
        // Comments under an invoice: created with an id.
        (&Method::POST, Some(rest)) if rest.ends_with("/comments") => answer(
            StatusCode::CREATED,
            "application/json",
            json!({ "id": 9000 + inner.stats.posts, "comments": "created" }).to_string(),
        ),
        _ => error_json(StatusCode::NOT_FOUND, "No route"),
    }
}

fn list(inner: &mut Inner, pairs: &[(String, String)]) -> Response {
    inner.listings += 1;
    if every(inner.listings, inner.faults.insert_every) {
        inner.add_invoice();
    }
    let offset: usize = get(pairs, "offset")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let limit: usize = get(pairs, "limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
        .min(50);
    let exported = get(pairs, "exported").map(|v| v == "true");
    let descending = get(pairs, "dir") == Some("desc");
    let mut matching: Vec<&Invoice> = inner
        .invoices
        .values()
        .filter(|i| exported.is_none_or(|e| i.exported == e))
        .collect();
    if descending {
        matching.reverse();
    }
    let page: Vec<Value> = matching
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|i| inner.json_of(i))
        .collect();
    answer(
        StatusCode::OK,
        "application/json",
        Value::Array(page).to_string(),
    )
}
