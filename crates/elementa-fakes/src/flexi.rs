//! A fake ABRA Flexi server: login sessions and basic auth, the address
//! book (`adresar`) with paging and `add-row-count`, writes with `dry-run`,
//! the changes listing, and web-hook registration.
//!
//! Shapes, from ABRA Flexi's REST documentation and the fixtures under
//! `tests/fixtures/flexi/` (captured export and web-hook bodies): every
//! document is a `winstrom` envelope; JSON scalars are strings; an export
//! with `add-row-count=true` carries `@rowCount`; the login answers
//! `{"success": true, "authSessionId": …}` or `{"success": false, "errors":
//! {"reason": …}}`; a write answers `success`, `stats` and `results` with
//! `errors`/`warnings` (400 when it fails); the changes listing carries
//! `@globalVersion` = the latest change (inclusive) and `next` = the
//! version of the first change not listed, or `none`; versions have gaps.
//! The hook listing's fields (`id`, `url`, `format`, `lastVersion`) are
//! those of the registration parameters; the real listing may carry more.
//! 402 (licence), 403 (no rights) and 406 (a format not served) answer with
//! a `winstrom` message.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use base64::Engine;
use serde_json::{Value, json};

use crate::{Running, answer, cut_short, every, get, lock, pairs};

/// The user and password the fake accepts.
pub const USER: &str = "winstrom";
/// See [`USER`].
pub const PASSWORD: &str = "winstrom";
/// A company whose licence is unpaid: every request answers 402.
pub const UNPAID_FIRM: &str = "unpaid";
/// A company the user has no rights to: every request answers 403.
pub const FORBIDDEN_FIRM: &str = "forbidden";

/// Faults, on a schedule of requests to `/c/…` (1-based; `0` is off).
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// At these requests the session in use expires (401 from then on).
    pub expire_session_at: Vec<u64>,
    /// Every this many requests, a 503.
    pub unavailable_every: u64,
    /// Every this many requests, the answer is cut half-way.
    pub reset_every: u64,
}

/// The fake's data set.
#[derive(Debug, Clone)]
pub struct Data {
    /// Address-book entries (`ADR0001` …).
    pub addresses: usize,
    /// Versions of the changes log, ascending, with gaps.
    pub change_versions: Vec<u64>,
    /// Faults.
    pub faults: Faults,
}

impl Default for Data {
    /// 45 addresses; changes at versions 101, 102, 104, 108, 109, 115 …
    /// up to 30 changes.
    fn default() -> Self {
        let mut versions = Vec::new();
        let mut v = 100;
        for i in 0..30u64 {
            v += 1 + (i % 4) * (i % 3);
            versions.push(v);
        }
        Data {
            addresses: 45,
            change_versions: versions,
            faults: Faults::default(),
        }
    }
}

/// What the fake saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Login requests.
    pub logins: u64,
    /// Requests to `/c/…`.
    pub requests: u64,
    /// Writes received (dry runs included).
    pub writes: u64,
    /// Writes saved (not dry runs, not refused).
    pub saved: u64,
}

#[derive(Debug)]
struct Inner {
    data: Data,
    stats: Stats,
    sessions: Vec<(String, bool)>,
    hooks: Vec<Value>,
}

type Shared = Arc<Mutex<Inner>>;

/// The fake server; stopped when dropped.
#[derive(Debug)]
pub struct FakeFlexi {
    running: Running,
    shared: Shared,
}

impl FakeFlexi {
    /// Starts a fake serving `data`.
    pub async fn start(data: Data) -> std::io::Result<Self> {
        let shared: Shared = Arc::new(Mutex::new(Inner {
            data,
            stats: Stats::default(),
            sessions: Vec::new(),
            hooks: Vec::new(),
        }));
        let app = Router::new().fallback(handle).with_state(shared.clone());
        Ok(FakeFlexi {
            running: Running::start(app).await?,
            shared,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.running.addr)
    }

    /// What the fake saw so far.
    pub fn stats(&self) -> Stats {
        lock(&self.shared).stats.clone()
    }

    /// The registered hooks, as the listing shows them.
    pub fn hooks(&self) -> Vec<Value> {
        lock(&self.shared).hooks.clone()
    }
}

fn address(n: usize) -> Value {
    json!({
        "id": (1000 + n).to_string(),
        "external-ids": [format!("code:ADR{n:04}")],
        "lastUpdate": "2024-08-20T08:59:21.655+02:00",
        "kod": format!("ADR{n:04}"),
        "nazev": format!("Odběratel {n}"),
        "mesto": "Praha",
        "email": format!("info{n}@example.cz"),
        "stat": "code:CZ",
        "stat@ref": "/c/demo/stat/39.json",
        "stat@showAs": "CZ: Česká republika",
    })
}

/// A `winstrom` document: `@version` first, then the keys of `content`.
pub(crate) fn envelope(content: Value) -> String {
    let mut map = serde_json::Map::new();
    map.insert("@version".into(), Value::String("1.0".into()));
    if let Value::Object(more) = content {
        map.extend(more);
    }
    json!({ "winstrom": map }).to_string()
}

/// A `winstrom` message answer (`success` false) with `status`.
pub(crate) fn message(status: StatusCode, text: &str) -> Response {
    answer(
        status,
        "application/json",
        envelope(json!({ "success": "false", "message": text })),
    )
}

async fn handle(
    State(shared): State<Shared>,
    method: Method,
    uri: Uri,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    if path == "/login-logout/login.json" {
        return login(&shared, &body);
    }
    let (cut, response) = {
        let mut inner = lock(&shared);
        inner.stats.requests += 1;
        let n = inner.stats.requests;
        if inner.data.faults.expire_session_at.contains(&n)
            && let Some(last) = inner.sessions.last_mut()
        {
            last.1 = false;
        }
        if !authorised(&inner, &headers) {
            return message(StatusCode::UNAUTHORIZED, "Nesprávné jméno nebo heslo.");
        }
        if path == "/login-logout/session-keep-alive.js" {
            return answer(StatusCode::OK, "application/javascript", String::new());
        }
        if every(n, inner.data.faults.unavailable_every) {
            return message(StatusCode::SERVICE_UNAVAILABLE, "Server je přetížen.");
        }
        let cut = every(n, inner.data.faults.reset_every);
        (
            cut,
            route(&mut inner, &method, &path, &pairs(query.as_deref()), &body),
        )
    };
    if cut {
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        return cut_short(
            "application/json",
            String::from_utf8_lossy(&body).into_owned(),
        );
    }
    response
}

fn authorised(inner: &Inner, headers: &HeaderMap) -> bool {
    authorised_by(&inner.sessions, headers)
}

/// Whether a request carries a live session of `sessions` (`X-authSessionId`)
/// or, without one, the fake's user and password (basic auth). Shared with
/// the world fake ([`crate::flexi_world`]).
pub(crate) fn authorised_by(sessions: &[(String, bool)], headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(id) = header("x-authsessionid") {
        return sessions.iter().any(|(s, live)| s == id && *live);
    }
    let expected = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
    header("authorization").and_then(|v| v.strip_prefix("Basic ")) == Some(expected.as_str())
}

fn login(shared: &Shared, body: &[u8]) -> Response {
    let mut inner = lock(shared);
    inner.stats.logins += 1;
    let n = inner.stats.logins;
    login_answer(&mut inner.sessions, n, body)
}

/// The answer to login number `n` (1-based) with `body`; a good login adds a
/// live session to `sessions`. Shared with the world fake.
pub(crate) fn login_answer(sessions: &mut Vec<(String, bool)>, n: u64, body: &[u8]) -> Response {
    let form: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let ok = form.get("username").and_then(Value::as_str) == Some(USER)
        && form.get("password").and_then(Value::as_str) == Some(PASSWORD);
    if !ok {
        return answer(
            StatusCode::UNAUTHORIZED,
            "application/json",
            json!({ "success": false, "errors": { "reason": "Zadáno chybné jméno nebo heslo." } })
                .to_string(),
        );
    }
    let id = format!("{:032x}", 0xf1e1_0000_u64 + n);
    sessions.push((id.clone(), true));
    answer(
        StatusCode::OK,
        "application/json",
        json!({ "success": true, "authSessionId": id }).to_string(),
    )
}

fn route(
    inner: &mut Inner,
    method: &Method,
    path: &str,
    pairs: &[(String, String)],
    body: &[u8],
) -> Response {
    let Some(rest) = path.strip_prefix("/c/") else {
        return message(StatusCode::NOT_FOUND, "Stránka nenalezena.");
    };
    let (firm, rest) = rest.split_once('/').unwrap_or((rest, ""));
    match firm {
        UNPAID_FIRM => {
            return message(
                StatusCode::PAYMENT_REQUIRED,
                "Licence firmy není zaplacena.",
            );
        }
        FORBIDDEN_FIRM => {
            return message(
                StatusCode::FORBIDDEN,
                "Uživatel nemá oprávnění k této firmě.",
            );
        }
        "demo" => {}
        _ => return message(StatusCode::NOT_FOUND, "Firma neexistuje."),
    }
    let (resource, extension) = rest.rsplit_once('.').unwrap_or((rest, ""));
    if extension != "json" && extension != "xml" {
        return message(StatusCode::NOT_ACCEPTABLE, "Formát není podporován.");
    }
    match (method, resource) {
        (&Method::GET, "adresar") => list(inner, pairs),
        (&Method::POST | &Method::PUT, "adresar") => write(inner, pairs, body),
        (&Method::GET, "changes") => changes(inner, pairs),
        (&Method::PUT | &Method::POST, "hooks") => register(inner, pairs),
        (&Method::GET, "hooks") => answer(
            StatusCode::OK,
            "application/json",
            envelope(json!({ "hooks": inner.hooks })),
        ),
        (&Method::PUT, hook) if hook.starts_with("hooks/") && hook.ends_with("/retry") => answer(
            StatusCode::OK,
            "application/json",
            envelope(json!({ "success": "true" })),
        ),
        (&Method::DELETE, hook) if hook.starts_with("hooks/") => {
            let id = hook.trim_start_matches("hooks/");
            inner
                .hooks
                .retain(|h| h.get("id").and_then(Value::as_str) != Some(id));
            answer(
                StatusCode::OK,
                "application/json",
                envelope(json!({ "success": "true" })),
            )
        }
        _ => message(StatusCode::NOT_FOUND, "Evidence neexistuje."),
    }
}

fn list(inner: &Inner, pairs: &[(String, String)]) -> Response {
    let start: usize = get(pairs, "start")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    // ABRA Flexi's default page is 20 records; `limit=0` is all of them.
    let limit = match get(pairs, "limit").and_then(|v| v.parse::<usize>().ok()) {
        Some(0) => usize::MAX,
        Some(l) => l,
        None => 20,
    };
    let records: Vec<Value> = (1..=inner.data.addresses)
        .skip(start)
        .take(limit)
        .map(address)
        .collect();
    let mut content = serde_json::Map::new();
    if get(pairs, "add-row-count") == Some("true") {
        content.insert(
            "@rowCount".into(),
            Value::String(inner.data.addresses.to_string()),
        );
    }
    content.insert("adresar".into(), Value::Array(records));
    answer(
        StatusCode::OK,
        "application/json",
        envelope(Value::Object(content)),
    )
}

fn write(inner: &mut Inner, pairs: &[(String, String)], body: &[u8]) -> Response {
    inner.stats.writes += 1;
    let dry_run = get(pairs, "dry-run") == Some("true");
    let doc: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let Some(records) = doc
        .get("winstrom")
        .and_then(|w| w.get("adresar"))
        .and_then(Value::as_array)
    else {
        return message(StatusCode::BAD_REQUEST, "Chybný formát dat.");
    };
    let mut results = Vec::new();
    let mut failed = 0;
    for (i, record) in records.iter().enumerate() {
        let code = record
            .get("kod")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if code.starts_with("ADR") {
            failed += 1;
            results.push(json!({ "errors": [{
                "message": format!("Zkratka '{code}' už patří jinému záznamu."),
                "for": "kod", "code": "INVALID", "messageCode": "importXmlUpdateNeniPovolen",
            }]}));
            continue;
        }
        let mut result =
            json!({ "id": (5000 + i).to_string(), "request-id": format!("code:{code}") });
        if record.get("email").is_none()
            && let Some(map) = result.as_object_mut()
        {
            map.insert(
                "warnings".into(),
                json!([{ "message": "Adresa nemá vyplněný e-mail.", "for": "email" }]),
            );
        }
        results.push(result);
    }
    let created = records.len() - failed;
    let success = failed == 0;
    if success && !dry_run {
        inner.stats.saved += 1;
    }
    answer(
        if success {
            StatusCode::CREATED
        } else {
            StatusCode::BAD_REQUEST
        },
        "application/json",
        envelope(json!({
            "success": success.to_string(),
            "stats": { "created": created.to_string(), "updated": "0", "deleted": "0",
                       "skipped": "0", "failed": failed.to_string() },
            "results": results,
        })),
    )
}

fn changes(inner: &Inner, pairs: &[(String, String)]) -> Response {
    let start: u64 = get(pairs, "start")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let limit: usize = get(pairs, "limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let versions = &inner.data.change_versions;
    let from: Vec<u64> = versions.iter().copied().filter(|v| *v >= start).collect();
    let listed: Vec<Value> = from
        .iter()
        .take(limit)
        .map(|v| {
            json!({
                "@evidence": "adresar",
                "@in-version": v.to_string(),
                "@operation": if v % 5 == 0 { "delete" } else { "update" },
                "@timestamp": "2021-03-12 23:59:41.208941",
                "id": (1000 + v % 45).to_string(),
                "external-ids": [format!("code:ADR{:04}", v % 45)],
            })
        })
        .collect();
    let next = from
        .get(limit)
        .map_or_else(|| "none".to_owned(), u64::to_string);
    let global = versions.last().copied().unwrap_or(0);
    answer(
        StatusCode::OK,
        "application/json",
        envelope(json!({
            "@globalVersion": global.to_string(),
            "changes": listed,
            "next": next,
        })),
    )
}

fn register(inner: &mut Inner, pairs: &[(String, String)]) -> Response {
    let (Some(url), Some(format)) = (get(pairs, "url"), get(pairs, "format")) else {
        return message(StatusCode::BAD_REQUEST, "Chybí parametr url nebo format.");
    };
    if format != "XML" && format != "JSON" {
        return message(StatusCode::BAD_REQUEST, "Neznámý formát.");
    }
    let id = (inner.hooks.len() + 1).to_string();
    let global = inner.data.change_versions.last().copied().unwrap_or(0);
    let last = get(pairs, "lastVersion").map_or(global.to_string(), str::to_owned);
    inner.hooks.push(json!({
        "id": id,
        "url": url,
        "format": format,
        "lastVersion": last,
        "skipUrlTest": get(pairs, "skipUrlTest").unwrap_or("false"),
    }));
    answer(
        StatusCode::CREATED,
        "application/json",
        envelope(json!({ "success": "true" })),
    )
}
