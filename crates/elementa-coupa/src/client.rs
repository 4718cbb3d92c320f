//! Typed requests for the seed APIs, on top of the schema routes.

use elementa::{Record, Resource, ResourceMeta};

use crate::mention::Commentable;
use crate::query::{Query, QueryError};
use crate::request::{Format, Request, RequestError, build};
use crate::run::RunAction;
use crate::{Comment, IntegrationError, IntegrationRun, IntegrationRunStatus};

/// Builds requests in one wire format. Holds no connection: send the
/// [`Request`]s with any HTTP client and decode the answers with
/// [`crate::response`].
///
/// ```
/// use elementa_coupa::{Client, Format, IntegrationRunStatus, RunAction};
/// let c = Client::new(Format::Json);
/// assert_eq!(c.run_status(31, RunAction::Run, Some(&IntegrationRunStatus::Pending)).unwrap().url(),
///            "/api/integration_runs/31/run");
/// assert!(c.run_status(31, RunAction::Run, Some(&IntegrationRunStatus::Failed)).is_err());
/// assert!(c.force_run_status(31, RunAction::Run).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    format: Format,
}

impl Client {
    /// Requests in `format`.
    pub fn new(format: Format) -> Self {
        Client { format }
    }

    /// The wire format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Any action of any resource, by name.
    pub fn request(
        &self,
        meta: &'static ResourceMeta,
        action: &str,
        params: &[(&str, &str)],
        query: Option<&Query>,
        body: Option<&dyn Record>,
    ) -> Result<Request, RequestError> {
        build(meta, action, params, query, body, self.format)
    }

    fn run(
        &self,
        action: &str,
        id: Option<i64>,
        body: Option<&IntegrationRun>,
        query: Option<&Query>,
    ) -> Result<Request, RequestError> {
        let id = id.map(|i| i.to_string());
        let params: Vec<(&str, &str)> = id.iter().map(|i| ("id", i.as_str())).collect();
        self.request(
            IntegrationRun::resource_meta(),
            action,
            &params,
            query,
            body.map(|b| b as &dyn Record),
        )
    }

    /// `POST /api/integration_runs`: create a run (Coupa sets it pending).
    pub fn create_run(&self, run: &IntegrationRun) -> Result<Request, RequestError> {
        self.run("create", None, Some(run), None)
    }

    /// `GET /api/integration_runs`.
    pub fn runs(&self, query: Option<&Query>) -> Result<Request, RequestError> {
        self.run("index", None, None, query)
    }

    /// `GET /api/integration_runs/:id`.
    pub fn show_run(&self, id: i64, query: Option<&Query>) -> Result<Request, RequestError> {
        self.run("show", Some(id), None, query)
    }

    /// `PUT /api/integration_runs/:id`.
    pub fn update_run(&self, id: i64, run: &IntegrationRun) -> Result<Request, RequestError> {
        self.run("update", Some(id), Some(run), None)
    }

    /// `PATCH /api/integration_runs/:id`.
    pub fn patch_run(&self, id: i64, run: &IntegrationRun) -> Result<Request, RequestError> {
        self.run("patch", Some(id), Some(run), None)
    }

    /// `PUT /api/integration_runs/:id/<action>`, refused locally when the
    /// action makes no sense from `current` (see [`crate::run`]).
    pub fn run_status(
        &self,
        id: i64,
        action: RunAction,
        current: Option<&IntegrationRunStatus>,
    ) -> Result<Request, RequestError> {
        if let Some(status) = current {
            crate::run::check(status, action)?;
        }
        self.run(action.name(), Some(id), None, None)
    }

    /// The same without the local check, for when Coupa should decide.
    pub fn force_run_status(&self, id: i64, action: RunAction) -> Result<Request, RequestError> {
        self.run(action.name(), Some(id), None, None)
    }

    /// `POST /api/integration_errors`: record an error against a run.
    pub fn create_integration_error(
        &self,
        error: &IntegrationError,
    ) -> Result<Request, RequestError> {
        self.request(
            IntegrationError::resource_meta(),
            "create",
            &[],
            None,
            Some(error),
        )
    }

    fn comment(
        &self,
        action: &str,
        params: &[(&str, &str)],
        query: Option<&Query>,
        body: Option<&Comment>,
    ) -> Result<Request, RequestError> {
        self.request(
            Comment::resource_meta(),
            action,
            params,
            query,
            body.map(|b| b as &dyn Record),
        )
    }

    /// `POST /api/<parent>/:id/comments`.
    pub fn create_comment(
        &self,
        parent: Commentable,
        parent_id: i64,
        comment: &Comment,
    ) -> Result<Request, RequestError> {
        let id = parent_id.to_string();
        self.comment(
            "create",
            &[("parent", parent.segment()), ("parent_id", &id)],
            None,
            Some(comment),
        )
    }

    /// `GET /api/<parent>/:id/comments`.
    pub fn comments(
        &self,
        parent: Commentable,
        parent_id: i64,
        query: Option<&Query>,
    ) -> Result<Request, RequestError> {
        let id = parent_id.to_string();
        self.comment(
            "index",
            &[("parent", parent.segment()), ("parent_id", &id)],
            query,
            None,
        )
    }

    /// `GET /api/<parent>/:id/comments/:comment_id`.
    pub fn show_comment(
        &self,
        parent: Commentable,
        parent_id: i64,
        id: i64,
    ) -> Result<Request, RequestError> {
        let (pid, id) = (parent_id.to_string(), id.to_string());
        self.comment(
            "show",
            &[
                ("parent", parent.segment()),
                ("parent_id", &pid),
                ("id", &id),
            ],
            None,
            None,
        )
    }

    /// `GET /api/comments`.
    pub fn all_comments(&self, query: Option<&Query>) -> Result<Request, RequestError> {
        self.comment("index_all", &[], query, None)
    }

    /// `GET /api/comments/:id`.
    pub fn comment_by_id(&self, id: i64) -> Result<Request, RequestError> {
        self.comment("show_direct", &[("id", &id.to_string())], None, None)
    }

    /// `GET /api/comments/:id/attachments`.
    pub fn comment_attachments(&self, id: i64) -> Result<Request, RequestError> {
        self.comment("attachments", &[("id", &id.to_string())], None, None)
    }

    /// `GET /api/comments/:id/attachments/:attachment_id`.
    pub fn comment_attachment(&self, id: i64, attachment_id: i64) -> Result<Request, RequestError> {
        let (id, aid) = (id.to_string(), attachment_id.to_string());
        self.comment(
            "attachment",
            &[("id", &id), ("attachment_id", &aid)],
            None,
            None,
        )
    }

    /// Marks a record exported: `PUT <resource>/:id?exported=true`, for
    /// resources with an `exported` element and an `update` route.
    pub fn mark_exported(
        &self,
        meta: &'static ResourceMeta,
        id: i64,
    ) -> Result<Request, RequestError> {
        if meta.element("exported").is_none() {
            return Err(QueryError::NotExportable(meta.id).into());
        }
        let action = meta
            .actions_named("update")
            .next()
            .ok_or_else(|| RequestError::NoAction {
                resource: meta.id,
                action: "update".into(),
                params: vec![":id".into()],
            })?;
        let path = action
            .path
            .replace(":id", &crate::request::encode_component(&id.to_string()));
        Ok(Request {
            resource: meta.id,
            action: "mark_exported",
            method: action.method,
            path,
            query: vec![("exported".into(), "true".into())],
            headers: vec![("Accept", self.format.media_type().to_owned())],
            body: None,
        })
    }
}
