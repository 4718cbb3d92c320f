//! Queries: filters with Coupa's operators (checked against the element
//! types in the schema), paging, ordering, `exported`, and the
//! `return_object` / `fields` projection.

use std::fmt;

use elementa::{Date, DateTime, Decimal, Kind, ResourceMeta};
use elementa_project::{Fields, Projection};

use crate::request::encode_component;

/// Coupa's largest page.
pub const MAX_LIMIT: u32 = 50;

/// A filter operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// Equal (`name=value`).
    Exact,
    /// Contains the text.
    Contains,
    /// Starts with the text.
    StartsWith,
    /// Ends with the text.
    EndsWith,
    /// Greater than.
    Gt,
    /// Less than.
    Lt,
    /// Greater than or equal.
    GtOrEq,
    /// Less than or equal.
    LtOrEq,
    /// Not equal.
    NotEq,
    /// One of a comma-separated list.
    In,
    /// None of a comma-separated list.
    NotIn,
    /// Blank (`true`) or not blank (`false`).
    Blank,
}

impl Op {
    /// The operator as Coupa spells it in a query key.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Exact => "",
            Op::Contains => "contains",
            Op::StartsWith => "starts_with",
            Op::EndsWith => "ends_with",
            Op::Gt => "gt",
            Op::Lt => "lt",
            Op::GtOrEq => "gt_or_eq",
            Op::LtOrEq => "lt_or_eq",
            Op::NotEq => "not_eq",
            Op::In => "in",
            Op::NotIn => "not_in",
            Op::Blank => "blank",
        }
    }

    fn fits(self, kind: &Kind) -> bool {
        let textual = matches!(kind, Kind::String | Kind::Text);
        let ordered = matches!(
            kind,
            Kind::Integer | Kind::Decimal | Kind::DateTime | Kind::Date | Kind::Timestamp
        );
        match self {
            Op::Contains | Op::StartsWith | Op::EndsWith => textual,
            Op::Gt | Op::Lt | Op::GtOrEq | Op::LtOrEq => ordered,
            Op::Exact | Op::NotEq | Op::In | Op::NotIn | Op::Blank => !kind.is_association(),
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::Exact => "exact",
            other => other.as_str(),
        })
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dir {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

/// A query that does not fit the resource.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// A filter or order on an element the resource does not have.
    #[error("{resource} has no element `{name}`")]
    Unknown {
        /// The resource looked in.
        resource: &'static str,
        /// The name asked for.
        name: String,
    },
    /// An operator that does not fit the element's type.
    #[error("`{op}` does not apply to `{path}` of type {kind}")]
    Operator {
        /// The operator.
        op: Op,
        /// The element path.
        path: String,
        /// The element's type.
        kind: &'static str,
    },
    /// A path that continues past a scalar, or ends on an association.
    #[error("`{path}`: {message}")]
    Path {
        /// The element path.
        path: String,
        /// What is wrong.
        message: &'static str,
    },
    /// A value that does not fit the element's type.
    #[error("`{value}` is not a valid {kind} for `{path}`")]
    Value {
        /// The element path.
        path: String,
        /// The value.
        value: String,
        /// The expected type.
        kind: &'static str,
    },
    /// A page larger than Coupa serves.
    #[error("limit {0} is out of range: Coupa returns 1 to 50 records per page")]
    Limit(u32),
    /// `exported` on a resource without that element.
    #[error("{0} has no `exported` element to filter on")]
    NotExportable(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
struct Filter {
    path: Vec<&'static str>,
    op: Op,
    value: String,
}

/// A query on one resource. Every name is checked against the schema when
/// it is added, so a built query is one Coupa understands.
///
/// ```
/// use elementa::Resource;
/// use elementa_coupa::IntegrationRun;
/// use elementa_coupa::query::{Dir, Op, Query};
///
/// let q = Query::new(IntegrationRun::resource_meta())
///     .filter("integration.code", Op::StartsWith, "ERP")?
///     .filter("created-at", Op::Gt, "2026-11-01T00:00:00+01:00")?
///     .order_by("created-at", Dir::Desc)?
///     .limit(25)?;
/// assert_eq!(q.to_string(),
///     "integration[code][starts_with]=ERP&created-at[gt]=2026-11-01T00%3A00%3A00%2B01%3A00\
///      &order_by=created-at&dir=desc&limit=25");
/// assert!(Query::new(IntegrationRun::resource_meta()).filter("created-at", Op::Contains, "2026").is_err());
/// # Ok::<(), elementa_coupa::query::QueryError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Query {
    meta: &'static ResourceMeta,
    filters: Vec<Filter>,
    offset: Option<u64>,
    limit: Option<u32>,
    order: Option<(&'static str, Dir)>,
    exported: Option<bool>,
    projection: Option<Projection>,
}

fn check_value(kind: &Kind, path: &str, value: &str) -> Result<(), QueryError> {
    let bad = |kind: &'static str| QueryError::Value {
        path: path.to_owned(),
        value: value.to_owned(),
        kind,
    };
    match kind {
        Kind::Integer => value.parse::<i64>().map(drop).map_err(|_| bad("integer")),
        Kind::Decimal => value
            .parse::<Decimal>()
            .map(drop)
            .map_err(|_| bad("decimal")),
        Kind::Boolean => matches!(value, "true" | "false")
            .then_some(())
            .ok_or_else(|| bad("boolean")),
        // Coupa compares datetimes with dates or full datetimes.
        Kind::DateTime => (DateTime::parse(value).is_ok() || Date::parse(value).is_ok())
            .then_some(())
            .ok_or_else(|| bad("datetime or date")),
        Kind::Date => Date::parse(value).map(drop).map_err(|_| bad("date")),
        _ => Ok(()),
    }
}

impl PartialEq for Query {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.meta, other.meta) && self.pairs() == other.pairs()
    }
}

impl Query {
    /// An empty query on `meta`.
    pub fn new(meta: &'static ResourceMeta) -> Self {
        Query {
            meta,
            filters: Vec::new(),
            offset: None,
            limit: None,
            order: None,
            exported: None,
            projection: None,
        }
    }

    /// The resource queried.
    pub fn resource(&self) -> &'static ResourceMeta {
        self.meta
    }

    /// Resolves `a.b.c` (wire names, through associations) to the path and
    /// the last element's kind.
    fn resolve(&self, path: &str) -> Result<(Vec<&'static str>, Kind), QueryError> {
        let mut meta = self.meta;
        let mut out = Vec::new();
        let mut parts = path.split('.').peekable();
        while let Some(part) = parts.next() {
            let (_, el) = meta
                .element(part)
                .or_else(|| meta.element(&part.replace('_', "-")))
                .ok_or_else(|| QueryError::Unknown {
                    resource: meta.id,
                    name: part.to_owned(),
                })?;
            out.push(el.wire);
            match (parts.peek(), el.kind.target()) {
                (Some(_), Some(target)) => meta = target,
                (Some(_), None) => {
                    return Err(QueryError::Path {
                        path: path.to_owned(),
                        message: "only associations have elements to filter on",
                    });
                }
                (None, _) => return Ok((out, el.kind)),
            }
        }
        Err(QueryError::Unknown {
            resource: meta.id,
            name: path.to_owned(),
        })
    }

    /// Adds a filter on `path` (a wire name, or `association.element` through
    /// associations: `integration.code`). The operator must fit the element's
    /// type (no `contains` on a date), and the value must parse as that type;
    /// `in` / `not_in` take comma-separated values, `blank` takes `true` or
    /// `false`.
    pub fn filter(
        mut self,
        path: &str,
        op: Op,
        value: impl Into<String>,
    ) -> Result<Self, QueryError> {
        let value = value.into();
        let (resolved, kind) = self.resolve(path)?;
        if kind.is_association() || !op.fits(&kind) {
            return Err(QueryError::Operator {
                op,
                path: path.to_owned(),
                kind: kind.name(),
            });
        }
        match op {
            Op::Blank => check_value(&Kind::Boolean, path, &value)?,
            Op::In | Op::NotIn => {
                for v in value.split(',') {
                    check_value(&kind, path, v.trim())?;
                }
            }
            Op::Contains | Op::StartsWith | Op::EndsWith => {}
            _ => check_value(&kind, path, &value)?,
        }
        self.filters.push(Filter {
            path: resolved,
            op,
            value,
        });
        Ok(self)
    }

    /// Records per page (1 to 50).
    pub fn limit(mut self, limit: u32) -> Result<Self, QueryError> {
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(QueryError::Limit(limit));
        }
        self.limit = Some(limit);
        Ok(self)
    }

    /// Records to skip.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// The offset of the first record asked for (0 unless set).
    pub fn start(&self) -> u64 {
        self.offset.unwrap_or(0)
    }

    /// Orders by a scalar element.
    pub fn order_by(mut self, element: &str, dir: Dir) -> Result<Self, QueryError> {
        let (path, kind) = self.resolve(element)?;
        match (path.as_slice(), kind.is_association()) {
            ([one], false) => {
                self.order = Some((one, dir));
                Ok(self)
            }
            _ => Err(QueryError::Path {
                path: element.to_owned(),
                message: "order by an element of the resource itself, not of an association",
            }),
        }
    }

    /// Only records that were (not) exported (`exported=false`).
    pub fn exported(mut self, exported: bool) -> Result<Self, QueryError> {
        if self.meta.element("exported").is_none() {
            return Err(QueryError::NotExportable(self.meta.id));
        }
        self.exported = Some(exported);
        Ok(self)
    }

    /// Asks for a projection (`return_object` or `fields`).
    pub fn project(mut self, projection: Projection) -> Self {
        self.projection = match projection {
            Projection::Full => None,
            p => Some(p),
        };
        self
    }

    /// Asks for a `fields` selection, checked against this resource.
    pub fn fields(self, selection: &str) -> Result<Self, elementa_project::FieldsError> {
        let f = Fields::parse(selection, self.meta)?;
        Ok(self.project(Projection::Fields(f)))
    }

    /// The page size in force (Coupa's default is 50).
    pub fn page_size(&self) -> u32 {
        self.limit.unwrap_or(MAX_LIMIT)
    }

    /// The query parameters, percent-encoded, in a stable order: filters as
    /// added, then ordering, paging, `exported`, projection.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for f in &self.filters {
            let mut key = String::new();
            for (i, p) in f.path.iter().enumerate() {
                if i == 0 {
                    key.push_str(p);
                } else {
                    key.push_str(&format!("[{p}]"));
                }
            }
            if f.op != Op::Exact {
                key.push_str(&format!("[{}]", f.op.as_str()));
            }
            out.push((key, encode_component(&f.value)));
        }
        if let Some((by, dir)) = self.order {
            out.push(("order_by".into(), by.into()));
            let d = match dir {
                Dir::Asc => "asc",
                Dir::Desc => "desc",
            };
            out.push(("dir".into(), d.into()));
        }
        if let Some(o) = self.offset {
            out.push(("offset".into(), o.to_string()));
        }
        if let Some(l) = self.limit {
            out.push(("limit".into(), l.to_string()));
        }
        if let Some(e) = self.exported {
            out.push(("exported".into(), e.to_string()));
        }
        if let Some(p) = &self.projection
            && let Some((k, v)) = p.query().split_once('=')
        {
            out.push((k.to_owned(), v.to_owned()));
        }
        out
    }

    /// The requests for successive pages: offsets 0, limit, 2 × limit, …
    /// Tell the iterator how many records each page returned
    /// ([`Pages::received`]); after a short page it ends.
    pub fn pages(&self) -> Pages {
        Pages {
            query: self.clone(),
            next: self.offset.unwrap_or(0),
            done: false,
        }
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q: Vec<String> = self
            .pairs()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        f.write_str(&q.join("&"))
    }
}

/// The page requests of a query (see [`Query::pages`]).
#[derive(Debug, Clone)]
pub struct Pages {
    query: Query,
    next: u64,
    done: bool,
}

impl Pages {
    /// Reports how many records the last page returned; a page shorter than
    /// the page size is the last.
    pub fn received(&mut self, count: usize) {
        if (count as u64) < u64::from(self.query.page_size()) {
            self.done = true;
        }
    }
}

impl Iterator for Pages {
    type Item = Query;
    fn next(&mut self) -> Option<Query> {
        if self.done {
            return None;
        }
        let size = self.query.page_size();
        let mut page = self.query.clone();
        page.offset = Some(self.next);
        page.limit = Some(size);
        self.next = self.next.saturating_add(u64::from(size));
        Some(page)
    }
}
