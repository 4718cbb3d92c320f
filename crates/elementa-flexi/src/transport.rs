//! ABRA Flexi over HTTP (feature `client`): basic auth or an
//! `authSessionId` session, typed record reads with `detail=` levels and
//! paging, writes in the import format (with `dry-run`) answered by the
//! typed write response, change polling that drives the sync
//! [`Cursor`](crate::Cursor),
//! and web-hook registration. 401, 402, 403 and 406 are typed errors
//! ([`crate::response::Error`]).
//!
//! Built on the sans-IO layers of this crate ([`crate::Request`],
//! [`crate::response`], [`crate::session`], [`crate::cursor`]) and on
//! [`elementa_http::HttpClient`] (reqwest on tokio with rustls).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let fake = elementa_fakes::flexi::FakeFlexi::start(Default::default()).await?;
//! # let server = fake.base();
//! use elementa::Field;
//! use elementa_flexi::request::{Firm, Limit};
//! use elementa_flexi::transport::{Auth, FlexiClient, Read};
//! use elementa_flexi::wire::Adresar;
//!
//! // `server` is `https://demo.flexibee.eu:5434` in production; here a fake
//! // ABRA Flexi on the loopback interface.
//! let auth = Auth::session("winstrom", "winstrom");
//! let flexi = FlexiClient::new(&server, Firm::new("demo")?, auth)?;
//!
//! // The first page of the address book, summary detail, with the count.
//! let read = Read::new().detail("summary".parse()?).page(0, Limit::new(20)?).row_count();
//! let page = flexi.read::<Adresar>(&read).await?;
//! assert_eq!(page.records.len(), 20);
//! assert_eq!(page.row_count, Some(45));
//! assert_eq!(page.records[0].kod, Field::Value("ADR0001".to_owned()));
//! assert_eq!(flexi.logins(), 1);
//! # Ok(()) }
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use elementa::{DecodeError, Envelope, Resource};
use elementa_http::{
    HttpClient, Incoming, Method as HttpMethod, Outgoing, RateLimit, RetryPolicy, SendError,
};
use futures_core::Stream;

use crate::Request;
use crate::change::ChangePage;
use crate::cursor::{Store, SyncError, SyncOptions, SyncReport, apply_page, start_sync};
use crate::detail::{Detail, DetailError};
use crate::hook::{Hook, HookListError, HookRegistration, parse_hooks};
use crate::request::{ChangesRequest, Evidence, Firm, Format, Limit, Method, RequestError};
use crate::response::{self, Error as ApiError};
use crate::session::{LoginError, SESSION_HEADER, login_body, parse_login};
use crate::wire::{WriteResponse, evidence};

/// How the client proves who it is.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    /// HTTP basic authentication on every request.
    Basic {
        /// The user name.
        user: String,
        /// The password.
        password: String,
    },
    /// One login (`/login-logout/login.json`), then the session id in the
    /// `X-authSessionId` header; a refused session logs in again once.
    Session {
        /// The user name.
        user: String,
        /// The password.
        password: String,
    },
}

impl Auth {
    /// Basic authentication.
    pub fn basic(user: impl Into<String>, password: impl Into<String>) -> Self {
        Auth::Basic {
            user: user.into(),
            password: password.into(),
        }
    }

    /// A login session.
    pub fn session(user: impl Into<String>, password: impl Into<String>) -> Self {
        Auth::Session {
            user: user.into(),
            password: password.into(),
        }
    }
}

/// The password stays out of logs.
impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, user) = match self {
            Auth::Basic { user, .. } => ("Basic", user),
            Auth::Session { user, .. } => ("Session", user),
        };
        f.debug_struct(kind)
            .field("user", user)
            .field("password", &"…")
            .finish()
    }
}

/// How a [`FlexiClient`] talks to ABRA Flexi.
#[derive(Debug)]
pub struct Settings {
    /// When to try a failed request again.
    pub retry: RetryPolicy,
    /// A client-side rate limit; none by default (ABRA Flexi documents a
    /// daily request limit on its cloud, not a rate).
    pub rate: Option<RateLimit>,
    /// The longest wait for one attempt's complete answer (60 s: large
    /// listings take a while).
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            retry: RetryPolicy::default(),
            rate: None,
            timeout: Duration::from_secs(60),
        }
    }
}

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
pub enum FlexiError {
    /// The server URL is refused.
    #[error(
        "`{0}`: the server URL must be https (or http on 127.0.0.1), with nothing after the port"
    )]
    Url(String),
    /// A name or limit that cannot be sent.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// A `detail=` level that does not fit the evidence.
    #[error("the detail level does not fit the evidence: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Detail(Vec<DetailError>),
    /// The login was refused.
    #[error(transparent)]
    Login(#[from] LoginError),
    /// ABRA Flexi answered with an error status.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The write was refused: the write response says what failed.
    #[error("the write was refused: {}", describe(.0))]
    Rejected(Box<WriteResponse>),
    /// A body that does not decode.
    #[error("the answer does not decode: {0}")]
    Decode(#[from] DecodeError),
    /// A hook listing that does not read.
    #[error(transparent)]
    Hooks(#[from] HookListError),
    /// An export asked for `add-global-version` came without `globalVersion`.
    #[error("`{0}` answered without the globalVersion it was asked for")]
    NoGlobalVersion(String),
    /// No answer (after the retries the policy allows).
    #[error(transparent)]
    Transport(#[from] SendError),
}

/// The items of a list element (none when it is absent or null).
fn items<T: Resource>(list: &elementa::Field<elementa::Many<T>>) -> impl Iterator<Item = &T> {
    list.value().into_iter().flat_map(|m| m.iter())
}

fn describe(response: &WriteResponse) -> String {
    let mut out: Vec<String> = Vec::new();
    if let Some(m) = response.message.value() {
        out.push(m.clone());
    }
    for result in items(&response.results).chain(items(&response.result)) {
        for error in items(&result.errors).chain(items(&result.error)) {
            let text = error.message.value().cloned().unwrap_or_default();
            match error.for_.value() {
                Some(field) => out.push(format!("{field}: {text}")),
                None => out.push(text),
            }
        }
    }
    if out.is_empty() {
        "no reason given".into()
    } else {
        out.join("; ")
    }
}

/// A listing request: level of detail and page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    detail: Option<Detail>,
    page: Option<(u64, Limit)>,
    row_count: bool,
    order: Option<String>,
}

impl Read {
    /// The whole listing at the server's default detail.
    pub fn new() -> Self {
        Read::default()
    }

    /// A `detail=` level (checked against the evidence when sent).
    pub fn detail(mut self, detail: Detail) -> Self {
        self.detail = Some(detail);
        self
    }

    /// Records `start` … `start + limit - 1` (0-based).
    pub fn page(mut self, start: u64, limit: Limit) -> Self {
        self.page = Some((start, limit));
        self
    }

    /// Ask for the count of all records (`add-row-count`).
    pub fn row_count(mut self) -> Self {
        self.row_count = true;
        self
    }

    /// Sort by an element, ascending (`order=id`), so that paging by a
    /// filter such as `id > N` visits every record once.
    pub fn order(mut self, element: &str) -> Self {
        self.order = Some(element.to_owned());
        self
    }
}

/// One page of records.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing<T> {
    /// The records.
    pub records: Vec<T>,
    /// The count of all records, when asked for.
    pub row_count: Option<u64>,
    /// The offset of the first record.
    pub start: u64,
    /// Where the next page starts, or `None` after the last.
    pub next: Option<u64>,
}

/// One page of an evidence's records, of the type its metadata names.
#[derive(Debug)]
pub struct Export {
    /// The records, in the order served.
    pub records: Vec<Box<dyn elementa::Record>>,
    /// The count of all records the listing selects, when asked for.
    pub row_count: Option<u64>,
    /// The export's `globalVersion`, when asked for.
    pub global_version: Option<u64>,
    /// The answer's size in bytes.
    pub bytes: usize,
}

/// An ABRA Flexi company over HTTP. Share it (`Arc`) between tasks: the
/// session is shared, and concurrent callers wait for one login.
pub struct FlexiClient {
    server: String,
    firm: Firm,
    auth: Auth,
    http: HttpClient,
    session: tokio::sync::Mutex<Option<String>>,
    logins: AtomicU64,
}

impl std::fmt::Debug for FlexiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlexiClient")
            .field("server", &self.server)
            .field("firm", &self.firm)
            .field("auth", &self.auth)
            .finish_non_exhaustive()
    }
}

fn check_server(server: &str) -> Result<String, FlexiError> {
    // Credentials in the URL (refused below) are not repeated in the error.
    let refused = || {
        FlexiError::Url(match (server.find("://"), server.rfind('@')) {
            (Some(scheme), Some(at)) if at > scheme => {
                format!(
                    "{}***{}",
                    server.get(..scheme + 3).unwrap_or(""),
                    server.get(at..).unwrap_or("")
                )
            }
            _ => server.to_owned(),
        })
    };
    let trimmed = server.trim().trim_end_matches('/');
    let (scheme, rest) = trimmed.split_once("://").ok_or_else(refused)?;
    let host = rest.rsplit_once(':').map_or(rest, |(h, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) && !port.is_empty() {
            h
        } else {
            rest
        }
    });
    let plain_ok = scheme == "http" && host == "127.0.0.1";
    if !(scheme == "https" || plain_ok) || host.is_empty() || rest.contains(['/', '?', '#', '@']) {
        return Err(refused());
    }
    Ok(trimmed.to_owned())
}

fn http_method(method: Method) -> HttpMethod {
    match method {
        Method::Get => HttpMethod::Get,
        Method::Put => HttpMethod::Put,
        Method::Post => HttpMethod::Post,
        Method::Delete => HttpMethod::Delete,
    }
}

impl FlexiClient {
    /// A client of company `firm` on `server` (`https://host:5434`) with
    /// the default [`Settings`].
    pub fn new(server: &str, firm: Firm, auth: Auth) -> Result<Self, FlexiError> {
        Self::with_settings(server, firm, auth, Settings::default())
    }

    /// A client with its own settings.
    pub fn with_settings(
        server: &str,
        firm: Firm,
        auth: Auth,
        settings: Settings,
    ) -> Result<Self, FlexiError> {
        Ok(FlexiClient {
            server: check_server(server)?,
            firm,
            auth,
            http: HttpClient::new(settings.retry, settings.rate, settings.timeout)?,
            session: tokio::sync::Mutex::new(None),
            logins: AtomicU64::new(0),
        })
    }

    /// The company.
    pub fn firm(&self) -> &Firm {
        &self.firm
    }

    /// Logins sent so far (session auth: one, then one per refused session).
    pub fn logins(&self) -> u64 {
        self.logins.load(Ordering::Relaxed)
    }

    /// Logs in now (session auth; basic auth has nothing to do). Other
    /// calls log in when they need to.
    pub async fn login(&self) -> Result<(), FlexiError> {
        self.session_id(None).await.map(drop)
    }

    /// The session id, logging in when there is none or when `refused` is
    /// the one held. `None` for basic auth.
    async fn session_id(&self, refused: Option<&str>) -> Result<Option<String>, FlexiError> {
        let Auth::Session { user, password } = &self.auth else {
            return Ok(None);
        };
        let mut session = self.session.lock().await;
        if let Some(id) = session.as_deref()
            && Some(id) != refused
        {
            return Ok(Some(id.to_owned()));
        }
        *session = None;
        let request = Request::login();
        let out = Outgoing::new(HttpMethod::Post, self.url(&request))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .body(login_body(user, password, None));
        self.logins.fetch_add(1, Ordering::Relaxed);
        let answer = self.http.send(&out).await?;
        let id = parse_login(answer.status, &answer.body)?;
        *session = Some(id.clone());
        Ok(Some(id))
    }

    /// Keeps the session alive (`session-keep-alive.js`); ABRA Flexi advises
    /// about once a minute while it is in use.
    pub async fn keep_alive(&self) -> Result<(), FlexiError> {
        self.send(&Request::keep_alive(), None).await.map(drop)
    }

    fn url(&self, request: &Request) -> String {
        format!("{}{}", self.server, request.url_path_and_query())
    }

    fn outgoing(&self, request: &Request, body: Option<&str>, session: Option<&str>) -> Outgoing {
        let mut out = Outgoing::new(http_method(request.method), self.url(request))
            .header("Accept", "application/json");
        match (&self.auth, session) {
            (Auth::Basic { user, password }, _) => {
                let credentials = base64_encode(&format!("{user}:{password}"));
                out = out.header("Authorization", format!("Basic {credentials}"));
            }
            (Auth::Session { .. }, Some(id)) => out = out.header(SESSION_HEADER, id),
            (Auth::Session { .. }, None) => {}
        }
        if let Some(body) = body {
            out = out
                .header("Content-Type", "application/json")
                .body(body.to_owned());
        }
        out
    }

    /// Sends any request of [`crate::request`] with `body`, authenticated;
    /// a refused session logs in again once. Error statuses are
    /// [`ApiError`]s.
    pub async fn send(
        &self,
        request: &Request,
        body: Option<&str>,
    ) -> Result<Incoming, FlexiError> {
        let answer = self.send_unchecked(request, body).await?;
        response::check(answer.status, &answer.body)?;
        Ok(answer)
    }

    async fn send_unchecked(
        &self,
        request: &Request,
        body: Option<&str>,
    ) -> Result<Incoming, FlexiError> {
        let session = self.session_id(None).await?;
        let mut answer = self
            .http
            .send(&self.outgoing(request, body, session.as_deref()))
            .await?;
        if answer.status == 401
            && let Some(refused) = session
        {
            let session = self.session_id(Some(&refused)).await?;
            answer = self
                .http
                .send(&self.outgoing(request, body, session.as_deref()))
                .await?;
        }
        Ok(answer)
    }

    /// One page of `T`'s records.
    pub async fn read<T: Resource>(&self, read: &Read) -> Result<Listing<T>, FlexiError> {
        let meta = T::resource_meta();
        let mut request = Request::export(&self.firm, &Evidence::new(meta.wire)?, Format::Json);
        if let Some(detail) = &read.detail {
            detail.check(meta).map_err(FlexiError::Detail)?;
            request = request.with_detail(detail);
        }
        let (start, limit) = match read.page {
            Some((start, limit)) => {
                request = request.page(start, limit);
                (start, Some(limit))
            }
            None => {
                request = request.all_records();
                (0, None)
            }
        };
        if read.row_count {
            request = request.add_row_count();
        }
        let answer = self.send(&request, None).await?;
        let envelope = elementa_json::decode_envelope(&answer.body, &evidence, Default::default())?;
        let row_count = envelope
            .attribute("rowCount")
            .and_then(|v| v.parse::<u64>().ok());
        let records: Vec<T> = envelope
            .records
            .into_iter()
            .filter_map(|r| r.into_any().downcast::<T>().ok().map(|b| *b))
            .collect();
        let got = records.len() as u64;
        let next = limit
            .filter(|l| got >= u64::from(l.get()) && got > 0)
            .and_then(|_| start.checked_add(got))
            .filter(|n| row_count.is_none_or(|all| *n < all));
        Ok(Listing {
            records,
            row_count,
            start,
            next,
        })
    }

    /// One page of any evidence's records, decoded by its metadata (the
    /// records are of `meta`'s type): the records `filter` selects (ABRA
    /// Flexi's filter syntax, see [`Request::export_where`]; all without
    /// one), with the export's `globalVersion` when `global_version` is set
    /// ([`Request::add_global_version`]).
    pub async fn export(
        &self,
        meta: &'static elementa::ResourceMeta,
        filter: Option<&str>,
        read: &Read,
        global_version: bool,
    ) -> Result<Export, FlexiError> {
        let name = Evidence::new(meta.wire)?;
        let mut request = match filter {
            Some(f) => Request::export_where(&self.firm, &name, f, Format::Json),
            None => Request::export(&self.firm, &name, Format::Json),
        };
        if let Some(detail) = &read.detail {
            detail.check(meta).map_err(FlexiError::Detail)?;
            request = request.with_detail(detail);
        }
        request = match read.page {
            Some((start, limit)) => request.page(start, limit),
            None => request.all_records(),
        };
        if read.row_count {
            request = request.add_row_count();
        }
        if let Some(order) = &read.order {
            request = request.order(order);
        }
        if global_version {
            request = request.add_global_version();
        }
        let answer = self.send(&request, None).await?;
        let envelope = elementa_json::decode_envelope(&answer.body, &evidence, Default::default())?;
        let number = |name: &str| envelope.attribute(name).and_then(|v| v.parse::<u64>().ok());
        let (row_count, global) = (number("rowCount"), number("globalVersion"));
        if global_version && global.is_none() {
            return Err(FlexiError::NoGlobalVersion(request.url_path_and_query()));
        }
        let records = envelope
            .records
            .into_iter()
            .filter(|r| std::ptr::eq(r.meta(), meta))
            .collect();
        Ok(Export {
            records,
            row_count,
            global_version: global,
            bytes: answer.body.len(),
        })
    }

    /// Every page of `T`'s records from `read`'s page on (100 a page when
    /// `read` has none), ending after the last page or at the first error.
    pub fn pages<T: Resource>(
        &self,
        read: Read,
    ) -> impl Stream<Item = Result<Listing<T>, FlexiError>> + '_ {
        let first = match read.page {
            Some(_) => read,
            None => read.page(0, Limit::DEFAULT),
        };
        futures_util::stream::try_unfold(Some(first), move |state| async move {
            let Some(read) = state else {
                return Ok(None);
            };
            let listing = self.read::<T>(&read).await?;
            let next = match (listing.next, read.page) {
                (Some(start), Some((_, limit))) => Some(read.page(start, limit)),
                _ => None,
            };
            Ok(Some((listing, next)))
        })
    }

    /// Writes `records` (one evidence) in the import format; with
    /// `dry_run`, ABRA Flexi checks and answers without saving. The typed
    /// write response on success (warnings included); a refused write is
    /// [`FlexiError::Rejected`] with the response. A write is never sent
    /// twice on its own.
    pub async fn write<T: Resource>(
        &self,
        records: Vec<T>,
        dry_run: bool,
    ) -> Result<WriteResponse, FlexiError> {
        let meta = T::resource_meta();
        let mut envelope = Envelope::new();
        for record in records {
            envelope.push(record);
        }
        let body = elementa_json::envelope_to_string(&envelope, false);
        let mut request = Request::write(&self.firm, &Evidence::new(meta.wire)?, Format::Json);
        if dry_run {
            request = request.dry_run();
        }
        let answer = self.send_unchecked(&request, Some(&body)).await?;
        // A refused write answers 400 with a write response; other errors
        // are statuses.
        let ok = (200..300).contains(&answer.status);
        if !ok && answer.status != 400 {
            return Err(status_error(&answer));
        }
        match elementa_json::from_str::<WriteResponse>(&answer.body) {
            Ok(r) if ok && r.success.value() != Some(&false) => Ok(r),
            Ok(r) => Err(FlexiError::Rejected(Box::new(r))),
            Err(e) if ok => Err(e.into()),
            Err(_) => Err(status_error(&answer)),
        }
    }

    /// One page of the changes listing.
    pub async fn changes(&self, request: &ChangesRequest) -> Result<ChangePage, FlexiError> {
        let request = request.clone().with_format(Format::Json);
        let answer = self.send(&request.to_request(), None).await?;
        Ok(crate::wire::page_from_json(&answer.body)?)
    }

    /// Polls the changes from the store's saved position until caught up,
    /// committing each page with the position (see [`crate::cursor::sync`],
    /// the same loop over this client).
    pub async fn sync<S: Store>(
        &self,
        store: &mut S,
        template: &ChangesRequest,
        options: SyncOptions,
    ) -> Result<SyncReport, SyncError<FlexiError, S::Error>> {
        let (mut cursor, mut report) = start_sync(store)?;
        loop {
            let page = self
                .changes(&cursor.request(template))
                .await
                .map_err(SyncError::Fetch)?;
            if apply_page(&mut cursor, page, store, options, &mut report)? {
                return Ok(report);
            }
        }
    }

    /// Registers a web hook.
    pub async fn register_hook(&self, hook: &HookRegistration) -> Result<(), FlexiError> {
        self.send(&Request::hook_register(&self.firm, hook), None)
            .await
            .map(drop)
    }

    /// The registered web hooks.
    pub async fn hooks(&self) -> Result<Vec<Hook>, FlexiError> {
        let answer = self.send(&Request::hooks(&self.firm), None).await?;
        Ok(parse_hooks(&answer.body)?)
    }

    /// Resumes hook `id` after ABRA Flexi stopped calling it.
    pub async fn retry_hook(&self, id: u64) -> Result<(), FlexiError> {
        self.send(&Request::hook_retry(&self.firm, id), None)
            .await
            .map(drop)
    }

    /// Unregisters hook `id`.
    pub async fn unregister_hook(&self, id: u64) -> Result<(), FlexiError> {
        self.send(&Request::hook_unregister(&self.firm, id), None)
            .await
            .map(drop)
    }
}

/// The typed error of an answer outside 2xx.
fn status_error(answer: &Incoming) -> FlexiError {
    match response::check(answer.status, &answer.body) {
        Err(e) => e.into(),
        Ok(()) => unreachable!("invariant: only called for statuses outside 2xx"),
    }
}

fn base64_encode(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_server_url_does_not_repeat_its_credentials() {
        let err = check_server("https://winstrom:s3cret@demo.flexibee.eu:5434")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("s3cret"), "{err}");
        assert!(
            err.starts_with("`https://***@demo.flexibee.eu:5434`"),
            "{err}"
        );
        assert!(check_server("http://example.com").is_err());
        assert_eq!(
            check_server("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080"
        );
    }
}
