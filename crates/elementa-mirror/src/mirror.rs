//! The mirror loop: the initial load, then change polling, over a
//! [`FlexiClient`] into a [`SqlStore`].
//!
//! # Initial load
//!
//! Each evidence (parents first) is exported page by page at
//! `detail=full`, ordered by `id` and selected by `id > last` — paging by
//! key, not by offset, so a record deleted or created during the load
//! cannot shift another out of every page. Every page asks for
//! `add-global-version`; the first page's `globalVersion` G is kept. The
//! load reflects every change up to G (each page was taken at or after
//! G), so polling starts at G + 1; changes after G that a later page
//! already shows are applied again, which stores the same current state.
//! Each page is committed with the load's progress, so a restarted load
//! continues after the last stored id. A page says where the next starts,
//! so the next page is fetched while the current one is stored.
//!
//! # Polling
//!
//! From the saved position, a page of the changes listing is planned by
//! the [`Cursor`]; the records its creates and updates name are fetched
//! (`id in (…)`, current state, `detail=full`) *before* the transaction;
//! then [`SqlStore::commit`] applies the batch, audits it and moves the
//! position in one transaction. A record the server no longer has when
//! fetched is removed from the mirror (the vendor's loop: store changed
//! records, delete deleted ones; a later `delete` change of the same
//! record then finds nothing to do).

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use elementa::Record;
use elementa_flexi::cursor::{Batch, CursorError};
use elementa_flexi::detail::Detail;
use elementa_flexi::request::{ChangesRequest, Limit};
use elementa_flexi::transport::{FlexiClient, FlexiError, Read};
use elementa_flexi::{Cursor, Operation};

use crate::row::record_id;
use crate::store::{Applied, LoadPage, SqlStore, StoreError, change_id};

/// Why the mirror stopped. Everything committed before stays committed.
#[derive(Debug, thiserror::Error)]
pub enum MirrorError {
    /// ABRA Flexi could not be read.
    #[error("ABRA Flexi: {0}")]
    Flexi(#[from] FlexiError),
    /// The database failed.
    #[error("the database: {0}")]
    Store(#[from] StoreError),
    /// A changes page was refused by the cursor.
    #[error("the changes listing: {0}")]
    Cursor(#[from] CursorError),
    /// The listing moved nothing past the position but did not say it was
    /// the last page.
    #[error("the changes listing shows nothing past version {0} but does not say it is done")]
    NoProgress(u64),
    /// Polling before the initial load finished.
    #[error("the initial load has not finished: run the load first")]
    NotLoaded,
    /// A page of the load listed a record without a numeric id.
    #[error("the {0} export listed a record without a numeric id")]
    NoId(String),
    /// A page of the load listed a record it should not have: the server
    /// did not apply the `id > last` filter.
    #[error(
        "the {evidence} export asked for ids after {last} listed id {id}: the server did not apply the filter"
    )]
    NotAfter {
        /// The evidence.
        evidence: String,
        /// The id listed.
        id: i64,
        /// The id the page was asked after.
        last: i64,
    },
}

/// Sizes of the requests.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Records per page of the initial load.
    pub load_page: Limit,
    /// Changes per page of the changes listing.
    pub changes_page: Limit,
    /// Records per `id in (…)` fetch of changed records.
    pub fetch_chunk: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            load_page: limit(500),
            changes_page: limit(1000),
            fetch_chunk: 200,
        }
    }
}

fn limit(n: u32) -> Limit {
    match Limit::new(n) {
        Ok(l) => l,
        Err(_) => unreachable!("invariant: {n} is within 1..=1000"),
    }
}

/// What the mirror reports as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// An evidence's load starts (or resumes): `remaining` records left,
    /// as the server counts them.
    LoadStart {
        /// The evidence.
        evidence: String,
        /// Records left to load.
        remaining: Option<u64>,
    },
    /// A page of the load was committed.
    LoadPage {
        /// The evidence.
        evidence: String,
        /// Records in the page.
        records: usize,
        /// Bytes of the answer.
        bytes: usize,
    },
    /// The load finished; polling starts at `position`.
    LoadDone {
        /// The position.
        position: u64,
    },
    /// A batch of changes was committed.
    Batch {
        /// The position it was planned from.
        from: u64,
        /// The position after it.
        to: u64,
        /// Changes in it.
        changes: usize,
        /// What they did.
        applied: Applied,
    },
}

/// What one poll did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PollReport {
    /// Pages of the changes listing read.
    pub pages: usize,
    /// Changes committed.
    pub changes: usize,
    /// What they did.
    pub applied: Applied,
    /// The position after the poll.
    pub position: u64,
    /// Whether the poll stopped early because a stop was asked for.
    pub stopped: bool,
}

/// A Flexi company mirrored into a SQL store.
#[derive(Debug, Clone)]
pub struct Mirror {
    client: Arc<FlexiClient>,
    store: SqlStore,
    options: Options,
    full: Detail,
}

impl Mirror {
    /// A mirror of `client`'s company into `store` (its schema names the
    /// evidences).
    pub fn new(client: Arc<FlexiClient>, store: SqlStore, options: Options) -> Self {
        let full = match "full".parse::<Detail>() {
            Ok(d) => d,
            Err(_) => unreachable!("invariant: `full` is a detail level"),
        };
        Mirror {
            client,
            store,
            options,
            full,
        }
    }

    /// The store.
    pub fn store(&self) -> &SqlStore {
        &self.store
    }

    /// Runs (or resumes) the initial load; returns the position polling
    /// starts at. Does nothing but return it when the load is done. Stops
    /// between pages when `stop` is set (returning `None`).
    pub async fn load(
        &self,
        stop: &AtomicBool,
        on: &mut (dyn FnMut(&Event) + Send),
    ) -> Result<Option<u64>, MirrorError> {
        let state = self.store.state().await?;
        if let Some(position) = state.position {
            return Ok(Some(position));
        }
        for table in self.store.schema().tables() {
            let evidence = table.evidence();
            let (mut last, done) = state.loads.get(evidence).copied().unwrap_or((0, false));
            if done {
                continue;
            }
            // Each page's answer says where the next starts (`id > max`),
            // so the next page is fetched while this one is stored.
            let page = |last: i64, first: bool| {
                let mut read = Read::new()
                    .detail(self.full.clone())
                    .page(0, self.options.load_page)
                    .order("id");
                if first {
                    read = read.row_count();
                }
                let filter = format!("id > {last}");
                async move {
                    self.client
                        .export(table.meta, Some(&filter), &read, true)
                        .await
                }
            };
            let mut export = page(last, true).await?;
            on(&Event::LoadStart {
                evidence: evidence.to_owned(),
                remaining: export.row_count,
            });
            loop {
                if stop.load(Ordering::SeqCst) {
                    return Ok(None);
                }
                let global = match export.global_version {
                    Some(g) => g,
                    None => unreachable!("invariant: export() refuses an answer without it"),
                };
                let mut max = last;
                for record in &export.records {
                    let id = record_id(table, record.as_ref())
                        .ok_or_else(|| MirrorError::NoId(evidence.to_owned()))?;
                    if id <= last {
                        return Err(MirrorError::NotAfter {
                            evidence: evidence.to_owned(),
                            id,
                            last,
                        });
                    }
                    max = max.max(id);
                }
                // Only an empty page ends the load: a short page may be the
                // server's own limit.
                let done = export.records.is_empty();
                let store = self.store.store_page(
                    evidence,
                    &export.records,
                    global,
                    LoadPage {
                        after: last,
                        last: max,
                        done,
                    },
                );
                let next = if done {
                    store.await?;
                    None
                } else {
                    let (stored, next) = futures_util::future::join(store, page(max, false)).await;
                    stored?;
                    Some(next?)
                };
                on(&Event::LoadPage {
                    evidence: evidence.to_owned(),
                    records: export.records.len(),
                    bytes: export.bytes,
                });
                match next {
                    Some(n) => export = n,
                    None => break,
                }
                last = max;
            }
        }
        let position = self.store.finish_load().await?;
        on(&Event::LoadDone { position });
        Ok(Some(position))
    }

    /// Polls the changes from the saved position until a page says it is
    /// the last (or `stop` is set between batches), committing each batch.
    pub async fn poll(
        &self,
        stop: &AtomicBool,
        on: &mut (dyn FnMut(&Event) + Send),
    ) -> Result<PollReport, MirrorError> {
        let position = self.store.position().await?.ok_or(MirrorError::NotLoaded)?;
        let mut cursor = Cursor::new(position);
        let template =
            ChangesRequest::new(self.client.firm().clone()).with_limit(self.options.changes_page);
        let mut report = PollReport {
            position,
            ..PollReport::default()
        };
        loop {
            if stop.load(Ordering::SeqCst) {
                report.stopped = true;
                return Ok(report);
            }
            let request = cursor.request(&template);
            let page = self.client.changes(&request).await?;
            report.pages += 1;
            let batch = cursor.plan(cursor.position(), page)?;
            if batch.is_noop() {
                if batch.caught_up() {
                    return Ok(report);
                }
                return Err(MirrorError::NoProgress(cursor.position()));
            }
            let fetched = self.fetch(&batch).await?;
            let applied = self.store.commit(&batch, &fetched).await?;
            cursor.advance(&batch)?;
            report.changes += batch.changes().len();
            report.applied.stored += applied.stored;
            report.applied.deleted += applied.deleted;
            report.applied.skipped += applied.skipped;
            report.position = cursor.position();
            on(&Event::Batch {
                from: batch.from(),
                to: batch.to(),
                changes: batch.changes().len(),
                applied,
            });
            if batch.caught_up() {
                return Ok(report);
            }
        }
    }

    /// The current state of every record a batch's creates and updates
    /// name, by evidence and id (absent: the server no longer has it).
    async fn fetch(
        &self,
        batch: &Batch,
    ) -> Result<HashMap<(String, i64), Box<dyn Record>>, MirrorError> {
        let mut wanted: HashMap<&str, BTreeSet<i64>> = HashMap::new();
        for change in batch.changes() {
            if !matches!(change.operation, Operation::Create | Operation::Update) {
                continue;
            }
            if self.store.schema().table_of(&change.evidence).is_none() {
                continue;
            }
            wanted
                .entry(change.evidence.as_str())
                .or_default()
                .insert(change_id(change)?);
        }
        let mut out = HashMap::new();
        for (evidence, ids) in wanted {
            let Some(table) = self.store.schema().table_of(evidence) else {
                continue;
            };
            let ids: Vec<i64> = ids.into_iter().collect();
            for chunk in ids.chunks(self.options.fetch_chunk.max(1)) {
                let list: Vec<String> = chunk.iter().map(i64::to_string).collect();
                let filter = format!("id in ({})", list.join(","));
                let read = Read::new().detail(self.full.clone());
                let export = self
                    .client
                    .export(table.meta, Some(&filter), &read, false)
                    .await?;
                for record in export.records {
                    if let Some(id) = record_id(table, record.as_ref()) {
                        out.insert((evidence.to_owned(), id), record);
                    }
                }
            }
        }
        Ok(out)
    }
}
