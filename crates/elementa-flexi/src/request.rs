//! Sans-IO requests: what to send, rendered as method, path and query; the
//! caller's HTTP client adds the server URL, credentials and sends it.
//!
//! Firm (company database) and evidence (record type) names are checked by
//! [`Firm::new`] and [`Evidence::new`]: non-empty, at most
//! [`MAX_NAME_CHARS`] characters, no control characters, and not `.` or `..`
//! (which clients would resolve as dot segments). Everything else is allowed
//! and percent-encoded, so a name can never change the shape of the URL.
//!
//! ```
//! use elementa_flexi::request::{ChangesRequest, Evidence, Firm, Limit};
//! let firm = Firm::new("demo")?;
//! let request = ChangesRequest::new(firm)
//!     .with_start(123)
//!     .with_limit(Limit::new(500)?)
//!     .with_record_type(Evidence::new("faktura-vydana")?)
//!     .to_request();
//! assert_eq!(request.to_string(),
//!            "GET /c/demo/changes.xml?start=123&limit=500&records=faktura-vydana");
//! # Ok::<(), elementa_flexi::request::RequestError>(())
//! ```

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// What is left unencoded in a path segment or query value: RFC 3986
/// unreserved characters only.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The longest firm or evidence name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// A request that cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// A firm or evidence name breaks the rules in the module documentation.
    #[error("invalid {what} name {text:?}: {reason}")]
    InvalidName {
        /// `firm` or `evidence`.
        what: &'static str,
        /// The name (cut to 80 characters).
        text: String,
        /// Which rule it breaks.
        reason: &'static str,
    },
    /// A page size outside 1..=1000.
    #[error("limit {0} is out of range (1 to 1000)")]
    LimitOutOfRange(u32),
}

fn check_name(what: &'static str, text: &str) -> Result<String, RequestError> {
    let reason = if text.is_empty() {
        "must not be empty"
    } else if text.chars().count() > MAX_NAME_CHARS {
        "is longer than 100 characters"
    } else if text.chars().any(char::is_control) {
        "contains a control character"
    } else if text == "." || text == ".." {
        "is a dot segment"
    } else {
        return Ok(text.to_owned());
    };
    Err(RequestError::InvalidName {
        what,
        text: text.chars().take(80).collect(),
        reason,
    })
}

fn encode(text: &str) -> impl fmt::Display + '_ {
    utf8_percent_encode(text, COMPONENT)
}

/// A company database identifier (the `{firm}` in `/c/{firm}/…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Firm(String);

impl Firm {
    /// Checks a name (see the module documentation).
    pub fn new(name: &str) -> Result<Self, RequestError> {
        check_name("firm", name).map(Firm)
    }

    /// The name as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A record type name (evidence), such as `faktura-vydana`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Evidence(String);

impl Evidence {
    /// Checks a name (see the module documentation).
    pub fn new(name: &str) -> Result<Self, RequestError> {
        check_name("evidence", name).map(Evidence)
    }

    /// The name as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// The response format, chosen by the path's extension.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// `.xml`.
    #[default]
    Xml,
    /// `.json`.
    Json,
}

impl Format {
    /// The extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xml => "xml",
            Format::Json => "json",
        }
    }
}

/// A request to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The path, already percent-encoded.
    pub path: String,
    /// Query parameters, not encoded (rendering encodes them), in order.
    pub query: Vec<(String, String)>,
}

impl Request {
    /// A `GET` of the whole `evidence` export: `/c/{firm}/{evidence}.{ext}`.
    /// Add [`Request::add_global_version`] for the initial load.
    pub fn export(firm: &Firm, evidence: &Evidence, format: Format) -> Self {
        Request {
            method: Method::Get,
            path: format!(
                "/c/{}/{}.{}",
                encode(firm.as_str()),
                encode(evidence.as_str()),
                format.extension()
            ),
            query: Vec::new(),
        }
    }

    /// A `GET` of the `evidence` records a filter selects:
    /// `/c/{firm}/{evidence}/({filter}).{ext}`, the filter in ABRA Flexi's
    /// filter syntax (`id > 100`, `id in (1,2,3)`, `kod = 'ACME'`),
    /// percent-encoded here.
    ///
    /// ```
    /// use elementa_flexi::request::{Evidence, Firm, Format, Request};
    ///
    /// let r = Request::export_where(&Firm::new("demo")?, &Evidence::new("adresar")?,
    ///     "id in (1,2)", Format::Json);
    /// assert_eq!(r.url_path_and_query(), "/c/demo/adresar/%28id%20in%20%281%2C2%29%29.json");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn export_where(firm: &Firm, evidence: &Evidence, filter: &str, format: Format) -> Self {
        Request {
            method: Method::Get,
            path: format!(
                "/c/{}/{}/{}.{}",
                encode(firm.as_str()),
                encode(evidence.as_str()),
                encode(&format!("({filter})")),
                format.extension()
            ),
            query: Vec::new(),
        }
    }

    /// `PUT /c/{firm}/changes/enable.xml`: turns change tracking on (see
    /// [`crate::response::check`] for the lock error it may answer).
    pub fn changes_enable(firm: &Firm) -> Self {
        Self::changes_admin(Method::Put, firm, "enable")
    }

    /// `PUT /c/{firm}/changes/disable.xml`: turns change tracking off.
    pub fn changes_disable(firm: &Firm) -> Self {
        Self::changes_admin(Method::Put, firm, "disable")
    }

    /// `GET /c/{firm}/changes/status.xml`: whether tracking is on (read the
    /// answer with [`crate::response::changes_status`]).
    pub fn changes_status(firm: &Firm) -> Self {
        Self::changes_admin(Method::Get, firm, "status")
    }

    fn changes_admin(method: Method, firm: &Firm, action: &str) -> Self {
        Request {
            method,
            path: format!("/c/{}/changes/{action}.xml", encode(firm.as_str())),
            query: Vec::new(),
        }
    }

    /// A `POST` of records in the import format to `evidence`:
    /// `/c/{firm}/{evidence}.{ext}` (the body is a `winstrom` envelope).
    pub fn write(firm: &Firm, evidence: &Evidence, format: Format) -> Self {
        Request {
            method: Method::Post,
            ..Self::export(firm, evidence, format)
        }
    }

    /// Asks a write to be checked and answered but not saved
    /// (`dry-run=true`).
    pub fn dry_run(self) -> Self {
        self.set("dry-run", "true".into())
    }

    /// A page of a listing: records `start` … `start + limit - 1` (0-based).
    pub fn page(self, start: u64, limit: Limit) -> Self {
        self.set("start", start.to_string())
            .set("limit", limit.get().to_string())
    }

    /// Every record in one answer (`limit=0`; without it ABRA Flexi answers
    /// its default page of 20).
    pub fn all_records(self) -> Self {
        self.set("start", "0".into()).set("limit", "0".into())
    }

    /// Sorts a listing by `element`, ascending (`order=id`).
    pub fn order(self, element: &str) -> Self {
        self.set("order", element.to_owned())
    }

    /// Asks a listing to carry the count of all its records
    /// (`add-row-count=true`, the envelope's `rowCount`).
    pub fn add_row_count(self) -> Self {
        self.set("add-row-count", "true".into())
    }

    /// `POST /login-logout/login.json`: starts an authentication session
    /// (the body is [`crate::session::login_body`]).
    pub fn login() -> Self {
        Request {
            method: Method::Post,
            path: "/login-logout/login.json".into(),
            query: Vec::new(),
        }
    }

    /// `GET /login-logout/session-keep-alive.js`: keeps a session alive
    /// (ABRA Flexi advises about once a minute while it is in use).
    pub fn keep_alive() -> Self {
        Request {
            method: Method::Get,
            path: "/login-logout/session-keep-alive.js".into(),
            query: Vec::new(),
        }
    }

    /// `POST /c/{firm}/hooks.json?url=…&format=…`: registers a web hook
    /// (ABRA Flexi takes PUT or POST; POST, because registering twice makes
    /// two hooks, so a lost answer must not be sent again).
    pub fn hook_register(firm: &Firm, hook: &crate::hook::HookRegistration) -> Self {
        let mut query = vec![
            ("url".to_owned(), hook.url.clone()),
            ("format".to_owned(), hook.format.extension().to_uppercase()),
        ];
        if let Some(v) = hook.last_version {
            query.push(("lastVersion".into(), v.to_string()));
        }
        if let Some(key) = &hook.secret {
            query.push(("secKey".into(), key.clone()));
        }
        if hook.skip_url_test {
            query.push(("skipUrlTest".into(), "true".into()));
        }
        Request {
            method: Method::Post,
            path: format!("/c/{}/hooks.json", encode(firm.as_str())),
            query,
        }
    }

    /// `GET /c/{firm}/hooks.json`: the registered web hooks.
    pub fn hooks(firm: &Firm) -> Self {
        Request {
            method: Method::Get,
            path: format!("/c/{}/hooks.json", encode(firm.as_str())),
            query: Vec::new(),
        }
    }

    /// `PUT /c/{firm}/hooks/{id}/retry.json`: resumes a hook that ABRA Flexi
    /// stopped calling after failed deliveries.
    pub fn hook_retry(firm: &Firm, id: u64) -> Self {
        Request {
            method: Method::Put,
            path: format!("/c/{}/hooks/{id}/retry.json", encode(firm.as_str())),
            query: Vec::new(),
        }
    }

    /// `DELETE /c/{firm}/hooks/{id}.json`: unregisters a hook.
    pub fn hook_unregister(firm: &Firm, id: u64) -> Self {
        Request {
            method: Method::Delete,
            path: format!("/c/{}/hooks/{id}.json", encode(firm.as_str())),
            query: Vec::new(),
        }
    }

    fn set(mut self, key: &str, value: String) -> Self {
        self.query.retain(|(k, _)| k != key);
        self.query.push((key.to_owned(), value));
        self
    }

    /// Asks any XML/JSON export to carry the current global version
    /// (`add-global-version=true`), replacing an earlier value of that
    /// parameter.
    pub fn add_global_version(mut self) -> Self {
        self.query.retain(|(key, _)| key != "add-global-version");
        self.query
            .push(("add-global-version".into(), "true".into()));
        self
    }

    /// Sets the level of detail (`detail=custom:kod,polozkyDokladu(nazev)`),
    /// replacing an earlier one; check it first with
    /// [`crate::detail::Detail::check`].
    ///
    /// ```
    /// use elementa_flexi::detail::Detail;
    /// use elementa_flexi::request::{Evidence, Firm, Format, Request};
    ///
    /// let detail: Detail = "custom:kod,polozkyDokladu(nazev)".parse()?;
    /// let r = Request::export(&Firm::new("demo")?, &Evidence::new("faktura-vydana")?, Format::Xml)
    ///     .with_detail(&detail);
    /// assert_eq!(r.url_path_and_query(),
    ///     "/c/demo/faktura-vydana.xml?detail=custom%3Akod%2CpolozkyDokladu%28nazev%29");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_detail(mut self, detail: &crate::detail::Detail) -> Self {
        self.query.retain(|(key, _)| key != "detail");
        self.query.push(("detail".into(), detail.to_string()));
        self
    }

    /// The path with the encoded query, e.g. `/c/demo/changes.xml?start=5`.
    pub fn url_path_and_query(&self) -> String {
        let mut out = self.path.clone();
        for (i, (key, value)) in self.query.iter().enumerate() {
            let sep = if i == 0 { '?' } else { '&' };
            out.push_str(&format!("{sep}{}={}", encode(key), encode(value)));
        }
        out
    }
}

impl fmt::Display for Request {
    /// `METHOD /path?query`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method.as_str(), self.url_path_and_query())
    }
}

/// A page size for the changes listing: 1 to 1000, 100 by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Limit(u32);

impl Limit {
    /// The server's default, 100.
    pub const DEFAULT: Limit = Limit(100);
    /// The largest page, 1000.
    pub const MAX: Limit = Limit(1000);

    /// Checks the range 1..=1000.
    pub fn new(limit: u32) -> Result<Self, RequestError> {
        if (1..=Self::MAX.0).contains(&limit) {
            Ok(Limit(limit))
        } else {
            Err(RequestError::LimitOutOfRange(limit))
        }
    }

    /// The value.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for Limit {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// How the record type filter parameter is spelled: the documentation says
/// `records`, public client code uses `evidence`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum FilterParam {
    /// `records=` (documented).
    #[default]
    Records,
    /// `evidence=`.
    Evidence,
}

impl FilterParam {
    /// The parameter name.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterParam::Records => "records",
            FilterParam::Evidence => "evidence",
        }
    }
}

/// A `GET /c/{firm}/changes.{xml|json}` listing request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangesRequest {
    firm: Firm,
    start: Option<u64>,
    limit: Limit,
    record_types: Vec<Evidence>,
    filter_param: FilterParam,
    format: Format,
}

impl ChangesRequest {
    /// All changes from the start of tracking, 100 per page, as XML.
    pub fn new(firm: Firm) -> Self {
        ChangesRequest {
            firm,
            start: None,
            limit: Limit::DEFAULT,
            record_types: Vec::new(),
            filter_param: FilterParam::default(),
            format: Format::default(),
        }
    }

    /// From version `start` (inclusive).
    pub fn with_start(mut self, start: u64) -> Self {
        self.start = Some(start);
        self
    }

    /// At most `limit` changes per page.
    pub fn with_limit(mut self, limit: Limit) -> Self {
        self.limit = limit;
        self
    }

    /// Only changes of this record type (repeat for several).
    pub fn with_record_type(mut self, evidence: Evidence) -> Self {
        self.record_types.push(evidence);
        self
    }

    /// How to spell the record type filter.
    pub fn with_filter_param(mut self, param: FilterParam) -> Self {
        self.filter_param = param;
        self
    }

    /// XML or JSON.
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// The firm.
    pub fn firm(&self) -> &Firm {
        &self.firm
    }

    /// The first version asked for; `None` means the start of tracking.
    pub fn start(&self) -> Option<u64> {
        self.start
    }

    /// The page size.
    pub fn limit(&self) -> Limit {
        self.limit
    }

    /// The record type filters.
    pub fn record_types(&self) -> &[Evidence] {
        &self.record_types
    }

    /// The filter spelling.
    pub fn filter_param(&self) -> FilterParam {
        self.filter_param
    }

    /// The format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The request to send (`limit` is always written, so the page size does
    /// not depend on the server's default).
    pub fn to_request(&self) -> Request {
        let mut query = Vec::new();
        if let Some(start) = self.start {
            query.push(("start".to_owned(), start.to_string()));
        }
        query.push(("limit".to_owned(), self.limit.get().to_string()));
        for evidence in &self.record_types {
            query.push((
                self.filter_param.as_str().to_owned(),
                evidence.as_str().to_owned(),
            ));
        }
        Request {
            method: Method::Get,
            path: format!(
                "/c/{}/changes.{}",
                encode(self.firm.as_str()),
                self.format.extension()
            ),
            query,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Firm {
        Firm::new("demo").unwrap()
    }

    #[test]
    fn changes_request_snapshot() {
        let request = ChangesRequest::new(demo())
            .with_start(123)
            .with_limit(Limit::new(500).unwrap())
            .with_record_type(Evidence::new("faktura-vydana").unwrap())
            .to_request();
        insta::assert_snapshot!(request.to_string());
    }

    #[test]
    fn admin_requests_snapshot() {
        let rendered = [
            Request::changes_enable(&demo()),
            Request::changes_disable(&demo()),
            Request::changes_status(&demo()),
        ]
        .map(|r| r.to_string())
        .join("\n");
        insta::assert_snapshot!(rendered);
    }

    #[test]
    fn evidence_spelling_json_and_defaults() {
        let request = ChangesRequest::new(demo())
            .with_filter_param(FilterParam::Evidence)
            .with_format(Format::Json)
            .with_record_type(Evidence::new("adresar").unwrap())
            .with_record_type(Evidence::new("faktura-vydana").unwrap())
            .to_request();
        assert_eq!(
            request.url_path_and_query(),
            "/c/demo/changes.json?limit=100&evidence=adresar&evidence=faktura-vydana"
        );
    }

    #[test]
    fn limit_range() {
        assert_eq!(Limit::new(0), Err(RequestError::LimitOutOfRange(0)));
        assert_eq!(Limit::new(1001), Err(RequestError::LimitOutOfRange(1001)));
        assert_eq!(Limit::new(1).unwrap().get(), 1);
        assert_eq!(Limit::new(1000).unwrap(), Limit::MAX);
        assert_eq!(Limit::default().get(), 100);
    }

    #[test]
    fn names_are_checked_and_encoded() {
        for (bad, reason) in [
            ("", "must not be empty"),
            ("a\nb", "contains a control character"),
            ("..", "is a dot segment"),
        ] {
            match Firm::new(bad) {
                Err(RequestError::InvalidName { reason: r, .. }) => assert_eq!(r, reason),
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        assert!(Evidence::new(&"x".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(Evidence::new(&"x".repeat(MAX_NAME_CHARS + 1)).is_err());

        let firm = Firm::new("my firm/ů?&").unwrap();
        let evidence = Evidence::new("a=b#c").unwrap();
        let request = Request::export(&firm, &evidence, Format::Json).add_global_version();
        assert_eq!(
            request.url_path_and_query(),
            "/c/my%20firm%2F%C5%AF%3F%26/a%3Db%23c.json?add-global-version=true"
        );
        let filtered = ChangesRequest::new(firm)
            .with_record_type(evidence)
            .to_request();
        assert_eq!(
            filtered.url_path_and_query(),
            "/c/my%20firm%2F%C5%AF%3F%26/changes.xml?limit=100&records=a%3Db%23c"
        );
    }

    #[test]
    fn add_global_version_replaces_an_earlier_value() {
        let mut request = Request::export(&demo(), &Evidence::new("adresar").unwrap(), Format::Xml);
        request
            .query
            .push(("add-global-version".into(), "false".into()));
        request.query.push(("detail".into(), "full".into()));
        assert_eq!(
            request.add_global_version().url_path_and_query(),
            "/c/demo/adresar.xml?detail=full&add-global-version=true"
        );
    }
}
