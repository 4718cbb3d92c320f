//! The Coupa client over HTTP (feature `client`): OAuth2 client credentials
//! with a cached token, Coupa's rate limit, retries, every route of the
//! schema's actions, typed records, paging as a [`Stream`], and the
//! `exported=false` → process → mark-exported workflow.
//!
//! Built on the sans-IO layers of this crate ([`crate::Client`] builds the
//! requests, [`crate::response`] reads the answers, [`crate::oauth`] the
//! token flow) and on [`elementa_http::HttpClient`] (reqwest on tokio with
//! rustls).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let fake = elementa_fakes::coupa::FakeCoupa::start(120, Default::default()).await?;
//! # let url = elementa_coupa::oauth::InstanceUrl::loopback(fake.port())?;
//! use elementa::Resource;
//! use elementa_coupa::InvoiceHeader;
//! use elementa_coupa::oauth::{Credentials, InstanceUrl};
//! use elementa_coupa::query::Query;
//! use elementa_coupa::transport::CoupaClient;
//! use futures_util::TryStreamExt;
//!
//! // `url` is `https://acme.coupahost.com` in production; here a fake Coupa
//! // on the loopback interface.
//! let credentials = Credentials::new("client-id", "secret", ["core.invoice.read"])?;
//! let coupa = CoupaClient::new(url, credentials)?;
//!
//! // Every invoice, page by page (50 a page), as typed records.
//! let query = Query::new(InvoiceHeader::resource_meta());
//! let invoices: Vec<InvoiceHeader> = coupa.records(query).try_collect().await?;
//! assert_eq!(invoices.len(), 120);
//! assert_eq!(coupa.token_requests(), 1);
//! # Ok(()) }
//! ```

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use elementa::{FieldRef, Record, Resource, ResourceMeta};
use elementa_http::{HttpClient, Incoming, Method, Outgoing, RateLimit, RetryPolicy, SendError};
use futures_core::Stream;

use crate::Client;
use crate::oauth::{Credentials, InstanceUrl, TokenError, TokenRequest, parse_token_response};
use crate::query::{Dir, Query, QueryError};
use crate::request::{Format, Request, RequestError};
use crate::response::{self, ApiError, Response};

/// How a [`CoupaClient`] talks to Coupa.
#[derive(Debug)]
pub struct Settings {
    /// The wire format of bodies (JSON by default).
    pub format: Format,
    /// When to try a failed request again.
    pub retry: RetryPolicy,
    /// The client-side rate limit (Coupa's 25 requests a second with bursts
    /// of 20 by default); `None` sends as fast as answers come.
    pub rate: Option<RateLimit>,
    /// The longest wait for one attempt's complete answer (30 s).
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            format: Format::Json,
            retry: RetryPolicy::default(),
            rate: Some(RateLimit::coupa()),
            timeout: Duration::from_secs(30),
        }
    }
}

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The request cannot be built (unknown action, invalid body, query).
    #[error(transparent)]
    Request(#[from] RequestError),
    /// A query that does not fit the resource.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// No access token: the token endpoint refused (`invalid_scope` names
    /// the scopes asked for).
    #[error(transparent)]
    Token(#[from] TokenError),
    /// Coupa answered with an error.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// No answer (after the retries the policy allows).
    #[error(transparent)]
    Transport(#[from] SendError),
    /// A call that returns a record was answered with an empty body.
    #[error("{action} of {resource} answered with no record")]
    Empty {
        /// The resource.
        resource: &'static str,
        /// The action.
        action: &'static str,
    },
}

/// One page of a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The offset of its first record.
    pub offset: u64,
    /// Its records.
    pub records: Vec<T>,
    /// The offset to continue from (save it to resume), or `None` after the
    /// last page.
    pub next: Option<u64>,
}

/// What [`CoupaClient::export_unexported`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Listing pages fetched (the last, empty one included).
    pub pages: usize,
    /// Records processed and marked exported.
    pub exported: usize,
}

/// Why the export workflow stopped. Every record counted in `done` was
/// processed and marked; the record named in the error was processed (or
/// not, for [`ExportError::Process`]) but not marked, so the next run
/// lists it again: make the processing idempotent by record id.
#[derive(Debug, thiserror::Error)]
pub enum ExportError<E> {
    /// Listing or marking failed.
    #[error("after {done} record(s): {source}")]
    Client {
        /// Records processed and marked before.
        done: usize,
        /// What failed.
        #[source]
        source: ClientError,
    },
    /// The caller's processing of record `id` failed; it was not marked.
    #[error("after {done} record(s): processing record {id} failed")]
    Process {
        /// Records processed and marked before.
        done: usize,
        /// The record.
        id: i64,
        /// The caller's error.
        #[source]
        source: E,
    },
    /// A listed record has no `id`, so it cannot be marked.
    #[error("after {done} record(s): a listed {resource} has no id")]
    NoId {
        /// Records processed and marked before.
        done: usize,
        /// The resource.
        resource: &'static str,
    },
    /// Coupa listed a record again after it was marked exported: marking
    /// did not take, and going on would loop.
    #[error("after {done} record(s): record {id} is listed as not exported after it was marked")]
    ListedAgain {
        /// Records processed and marked before.
        done: usize,
        /// The record.
        id: i64,
    },
}

/// A Coupa instance over HTTP. Share it (`Arc`) between tasks: the token
/// and the rate limit are shared, and concurrent callers wait for one token
/// request instead of each sending their own.
pub struct CoupaClient {
    base: InstanceUrl,
    credentials: Credentials,
    requests: Client,
    http: HttpClient,
    token_http: HttpClient,
    token: tokio::sync::Mutex<elementa_http::TokenCache>,
    token_requests: AtomicU64,
}

impl std::fmt::Debug for CoupaClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoupaClient")
            .field("base", &self.base)
            .field("credentials", &self.credentials)
            .field("format", &self.requests.format())
            .finish_non_exhaustive()
    }
}

fn method_of(name: &str) -> Method {
    match name {
        "GET" => Method::Get,
        "PUT" => Method::Put,
        "DELETE" => Method::Delete,
        "PATCH" => Method::Patch,
        // Anything else is treated as POST: never repeated on its own.
        _ => Method::Post,
    }
}

/// The `id` of a record, when it has one.
fn id_of(record: &dyn Record) -> Option<i64> {
    let (index, _) = record.meta().element("id")?;
    match record.field(index)? {
        FieldRef::Integer(f) => f.value().copied(),
        _ => None,
    }
}

impl CoupaClient {
    /// A client of the instance at `base` with the default [`Settings`].
    pub fn new(base: InstanceUrl, credentials: Credentials) -> Result<Self, ClientError> {
        Self::with_settings(base, credentials, Settings::default())
    }

    /// A client with its own settings.
    pub fn with_settings(
        base: InstanceUrl,
        credentials: Credentials,
        settings: Settings,
    ) -> Result<Self, ClientError> {
        let http = HttpClient::new(settings.retry, settings.rate, settings.timeout)?;
        // The client-credentials grant creates nothing: asking again after
        // a lost answer is safe, so the token POST is retried like a GET.
        let token_retry = RetryPolicy {
            retry_non_idempotent: true,
            ..settings.retry
        };
        let token_http = HttpClient::new(token_retry, None, settings.timeout)?;
        Ok(CoupaClient {
            base,
            credentials,
            requests: Client::new(settings.format),
            http,
            token_http,
            token: tokio::sync::Mutex::new(elementa_http::TokenCache::default()),
            token_requests: AtomicU64::new(0),
        })
    }

    /// The sans-IO request builder in this client's format: build any
    /// route of any resource with it and send it with [`CoupaClient::call`].
    pub fn requests(&self) -> &Client {
        &self.requests
    }

    /// Token requests sent so far (one at start, then one per expiry or
    /// refusal).
    pub fn token_requests(&self) -> u64 {
        self.token_requests.load(Ordering::Relaxed)
    }

    async fn bearer(&self) -> Result<String, ClientError> {
        let mut cache = self.token.lock().await;
        if let Some(token) = cache.get(Instant::now()) {
            return Ok(token.to_owned());
        }
        let TokenRequest { url, body } = self.credentials.token_request(&self.base);
        let request = Outgoing::new(Method::Post, url)
            .header("Content-Type", TokenRequest::CONTENT_TYPE)
            .header("Accept", "application/json")
            .body(body);
        self.token_requests.fetch_add(1, Ordering::Relaxed);
        let answer = self.token_http.send(&request).await?;
        let token = parse_token_response(answer.status, &answer.body, self.credentials.scopes())?;
        cache.store(token.access_token.clone(), token.expires_in, Instant::now());
        Ok(token.access_token)
    }

    /// Drops `refused` unless another task already renewed it.
    async fn refused(&self, refused: &str) {
        let mut cache = self.token.lock().await;
        if cache.get(Instant::now()) == Some(refused) {
            cache.invalidate();
        }
    }

    fn outgoing(&self, request: &Request, token: &str) -> Outgoing {
        let mut out = Outgoing::new(method_of(request.method), self.base.join(&request.url()))
            .header("Authorization", format!("Bearer {token}"));
        // A named PUT action (`run`, `submit`, `void`) changes a state: a
        // second one after a lost answer would fail or act twice. Updates
        // and marks set values, so repeating them is harmless.
        if request.method == "PUT" && !matches!(request.action, "update" | "mark_exported") {
            out = out.not_idempotent();
        }
        for (name, value) in &request.headers {
            out = out.header(*name, value.clone());
        }
        if let Some(body) = &request.body {
            out = out.body(body.clone());
        }
        out
    }

    /// Sends a request built with [`CoupaClient::requests`] and returns the
    /// answer when it is a success; an error status is an [`ApiError`]. A
    /// 401 renews the token once and sends the request again (a refused
    /// request was not applied, so this holds for POST too).
    pub async fn call(&self, request: &Request) -> Result<Incoming, ClientError> {
        let token = self.bearer().await?;
        let mut answer = self.http.send(&self.outgoing(request, &token)).await?;
        if answer.status == 401 {
            self.refused(&token).await;
            let token = self.bearer().await?;
            answer = self.http.send(&self.outgoing(request, &token)).await?;
        }
        response::check(request, &as_response(&answer))?;
        Ok(answer)
    }

    /// Sends any request built with [`CoupaClient::requests`] and decodes
    /// the record it answers with, if any — for named actions such as an
    /// integration run's status changes:
    /// `coupa.call_for::<IntegrationRun>(&coupa.requests().run_status(31, RunAction::Run, None)?)`.
    pub async fn call_for<T: Resource>(&self, request: &Request) -> Result<Option<T>, ClientError> {
        self.maybe_one(request).await
    }

    /// `GET` one record by id (`show`).
    pub async fn get<T: Resource>(&self, id: i64, query: Option<&Query>) -> Result<T, ClientError> {
        let id = id.to_string();
        let request =
            self.requests
                .request(T::resource_meta(), "show", &[("id", &id)], query, None)?;
        self.one(&request).await
    }

    /// One page of a listing (`index`): the query's offset and limit.
    pub async fn list<T: Resource>(&self, query: &Query) -> Result<Vec<T>, ClientError> {
        let request = self
            .requests
            .request(T::resource_meta(), "index", &[], Some(query), None)?;
        let answer = match self.call(&request).await {
            // Coupa answers a query without results with 404.
            Err(ClientError::Api(ApiError::NotFound(_))) => return Ok(Vec::new()),
            other => other?,
        };
        Ok(response::list(&request, &as_response(&answer))?)
    }

    /// `POST` a new record (`create`); the record Coupa returns, if any
    /// (`return_object=none` returns none). Never sent twice on its own.
    pub async fn create<T: Resource>(
        &self,
        record: &T,
        query: Option<&Query>,
    ) -> Result<Option<T>, ClientError> {
        let request =
            self.requests
                .request(T::resource_meta(), "create", &[], query, Some(record))?;
        self.maybe_one(&request).await
    }

    /// `PUT` changes to record `id` (`update`).
    pub async fn update<T: Resource>(
        &self,
        id: i64,
        record: &T,
        query: Option<&Query>,
    ) -> Result<Option<T>, ClientError> {
        let id = id.to_string();
        let request = self.requests.request(
            T::resource_meta(),
            "update",
            &[("id", &id)],
            query,
            Some(record),
        )?;
        self.maybe_one(&request).await
    }

    /// Marks record `id` of `T` exported (`PUT …/:id?exported=true`).
    pub async fn mark_exported<T: Resource>(&self, id: i64) -> Result<(), ClientError> {
        self.mark(T::resource_meta(), id).await
    }

    async fn mark(&self, meta: &'static ResourceMeta, id: i64) -> Result<(), ClientError> {
        let request = self.requests.mark_exported(meta, id)?;
        self.call(&request).await.map(drop)
    }

    async fn one<T: Resource>(&self, request: &Request) -> Result<T, ClientError> {
        self.maybe_one(request).await?.ok_or(ClientError::Empty {
            resource: request.resource,
            action: request.action,
        })
    }

    async fn maybe_one<T: Resource>(&self, request: &Request) -> Result<Option<T>, ClientError> {
        let answer = self.call(request).await?;
        Ok(response::one(request, &as_response(&answer))?)
    }

    /// The listing of `query` page by page, from the query's offset
    /// (0-based; at most 50 a page): save [`Page::next`] and resume later
    /// with [`Query::offset`]. The stream ends after a short page or at the
    /// first error.
    pub fn pages<T: Resource>(
        &self,
        query: Query,
    ) -> impl Stream<Item = Result<Page<T>, ClientError>> + '_ {
        futures_util::stream::try_unfold(Some(query.pages()), move |state| async move {
            let Some(mut pages) = state else {
                return Ok(None);
            };
            let Some(page) = pages.next() else {
                return Ok(None);
            };
            let offset = page.start();
            let records = self.list::<T>(&page).await?;
            let full = records.len() as u64 >= u64::from(page.page_size());
            pages.received(records.len());
            let next = full
                .then(|| offset.checked_add(records.len() as u64))
                .flatten();
            let state = next.map(|_| pages);
            Ok(Some((
                Page {
                    offset,
                    records,
                    next,
                },
                state,
            )))
        })
    }

    /// The records of every page of `query`, in order (see
    /// [`CoupaClient::pages`]).
    pub fn records<T: Resource>(
        &self,
        query: Query,
    ) -> impl Stream<Item = Result<T, ClientError>> + '_ {
        use futures_util::{StreamExt, TryStreamExt};
        self.pages::<T>(query)
            .map_ok(|page| futures_util::stream::iter(page.records.into_iter().map(Ok)))
            .try_flatten()
            .boxed()
    }

    /// The export workflow: list the records of `query` not yet exported
    /// (`exported=false`, by ascending id, from offset 0), give each to
    /// `process`, and mark it exported (`PUT …?exported=true`) once
    /// processed; repeat until the listing is empty.
    ///
    /// Offset paging over a filter that the workflow itself changes would
    /// skip records (marking moves the rest forward), so every page is
    /// fetched from offset 0: the marked records have left the listing.
    /// A record listed again after it was marked stops the run
    /// ([`ExportError::ListedAgain`]) instead of looping. Processing is
    /// at-least-once: a crash between processing and marking processes that
    /// record again on the next run.
    pub async fn export_unexported<T, E>(
        &self,
        query: Query,
        mut process: impl FnMut(&T) -> Result<(), E>,
    ) -> Result<ExportReport, ExportError<E>>
    where
        T: Resource,
    {
        let mut report = ExportReport::default();
        let client = |done: usize| move |source: ClientError| ExportError::Client { done, source };
        let query = query
            .exported(false)
            .and_then(|q| q.order_by("id", Dir::Asc))
            .map(|q| q.offset(0))
            .map_err(|e| ExportError::Client {
                done: 0,
                source: e.into(),
            })?;
        let mut done: HashSet<i64> = HashSet::new();
        loop {
            let page = self
                .list::<T>(&query)
                .await
                .map_err(client(report.exported))?;
            report.pages += 1;
            if page.is_empty() {
                return Ok(report);
            }
            for record in &page {
                let Some(id) = id_of(record) else {
                    return Err(ExportError::NoId {
                        done: report.exported,
                        resource: T::resource_meta().id,
                    });
                };
                if !done.insert(id) {
                    return Err(ExportError::ListedAgain {
                        done: report.exported,
                        id,
                    });
                }
                process(record).map_err(|source| ExportError::Process {
                    done: report.exported,
                    id,
                    source,
                })?;
                self.mark(T::resource_meta(), id)
                    .await
                    .map_err(client(report.exported))?;
                report.exported += 1;
            }
        }
    }
}

fn as_response(answer: &Incoming) -> Response<'_> {
    Response::new(answer.status, answer.content_type.as_deref(), &answer.body)
}
