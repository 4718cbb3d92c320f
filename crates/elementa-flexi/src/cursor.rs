//! The sync cursor: keeps a mirror in step with Flexi through the Changes
//! API, applying every change exactly once.
//!
//! # The loop
//!
//! The vendor's loop: export the data with `add-global-version=true`, store
//! it and remember `globalVersion`; then repeatedly list changes from after
//! the remembered version, apply them and remember where the listing ends
//! (see [`ChangePage::end`]).
//!
//! `globalVersion` is the version of the latest change, inclusive: web-hook
//! bodies from production servers carry the `in-version` of their last
//! change there (with `next` = `none`), and the seed listing (changes 3 to 5,
//! `next` 6, `globalVersion` 6) says a change 6 exists beyond the page. So an
//! export at `globalVersion` G reflects every change up to and including G,
//! and the next listing starts at G + 1.
//!
//! [`Cursor`] is that loop as a state machine without I/O. Its *position*
//! is the next version to fetch (an inclusive start): every change below it
//! has been applied, none at or above it has. After the initial load it is
//! the export's `globalVersion` + 1 ([`Cursor::after_export`]). [`sync`]
//! drives it over the caller's [`Transport`] and [`Store`]; async callers can
//! drive [`Cursor::plan`] and [`Cursor::advance`] themselves.
//!
//! # Why nothing is skipped or applied twice
//!
//! * A polled page answers a request with a known start `s`, so it shows
//!   every change in `[s, end)`, where `end` is `next`, or one past
//!   `globalVersion` when `next` is `none`. When `s <= position` it therefore covers
//!   `[position, end)`: the cursor applies the changes in that range and
//!   moves to `end`. Gaps in version numbers need no special care, since
//!   the range, not the count of changes, is what the page vouches for; a
//!   short page just has an earlier `end`.
//! * A page that starts after the position is refused
//!   ([`CursorError::StartAhead`]): it cannot show that nothing lies between.
//! * Changes below the position are duplicates (a page replayed, a stale
//!   poll, a page the hook and a poll both delivered) and are dropped; a page
//!   that ends at or before the position changes nothing. The position never
//!   moves backwards.
//! * A web-hook delivery has no known start: its first change may follow a
//!   gap or a change that was never delivered, and the two look alike. So
//!   it is never applied; [`Cursor::on_hook`] only says whether it brings
//!   anything past the position, and if so the caller polls from the saved
//!   position.
//! * Pages whose versions are not strictly ascending, or that list a change
//!   at or after their own end, are refused ([`CursorError`]) rather than
//!   guessed at.
//!
//! # Crash safety: atomic commit
//!
//! The changes of a [`Batch`] and the new position are saved together:
//! [`Store::commit`] must apply the changes *and* save the position in one
//! transaction, after checking that the saved position still equals
//! [`Batch::from`] (and refusing otherwise). A crash before the commit leaves
//! the old position, so the range is fetched again; a crash after it leaves
//! the new one, so it is not. There is no moment in which the changes are
//! applied but the position is old.
//!
//! This was chosen over requiring an idempotent apply because "exactly
//! once" then holds for any store — one that appends history, counts, or
//! sends messages, not only one that overwrites records — and it costs only
//! keeping the position in the mirror's own database. The compare-and-set on
//! `from` makes a stale cursor harmless: a process that lost track of a
//! commit (its connection failed after the transaction committed) or a
//! second process syncing concurrently gets a refused commit instead of a
//! second apply, and restarts from the saved position.
//!
//! # Example
//!
//! ```
//! use std::convert::Infallible;
//! use elementa_flexi::change::{Change, ChangePage, Next, Operation, RecordId};
//! use elementa_flexi::cursor::{Batch, Cursor, Store, SyncOptions, Transport, sync};
//! use elementa_flexi::request::{ChangesRequest, Firm};
//!
//! /// Answers every request with the seed listing.
//! struct Seed;
//! impl Transport for Seed {
//!     type Error = Infallible;
//!     fn fetch(&mut self, request: &ChangesRequest) -> Result<ChangePage, Infallible> {
//!         let change = |version, evidence: &str| Change {
//!             evidence: evidence.into(),
//!             version,
//!             operation: Operation::Create,
//!             timestamp: "2019-06-07 12:34:56.7".parse().unwrap(),
//!             ids: vec![RecordId::Numeric(1)],
//!         };
//!         let changes = vec![change(3, "faktura-vydana"), change(4, "faktura-vydana-polozka")];
//!         let start = request.start().unwrap_or(0);
//!         // As real servers answer: globalVersion is the latest change.
//!         Ok(ChangePage {
//!             global_version: 4,
//!             changes: changes.into_iter().filter(|c| c.version >= start).collect(),
//!             next: Next::None,
//!         })
//!     }
//! }
//!
//! /// Keeps the mirror and the position together (a database would use one
//! /// transaction).
//! struct Mirror { position: Option<u64>, applied: Vec<u64> }
//! impl Store for Mirror {
//!     type Error = String;
//!     fn load_position(&mut self) -> Result<Option<u64>, String> {
//!         Ok(self.position)
//!     }
//!     fn commit(&mut self, batch: &Batch) -> Result<(), String> {
//!         if self.position != Some(batch.from()) {
//!             return Err("the position moved; restart".into());
//!         }
//!         self.applied.extend(batch.changes().iter().map(|c| c.version));
//!         self.position = Some(batch.to());
//!         Ok(())
//!     }
//! }
//!
//! // The initial load's export said globalVersion 3: it reflects change 3.
//! let start = Cursor::after_export(3).position();
//! let mut mirror = Mirror { position: Some(start), applied: vec![] };
//! let template = ChangesRequest::new(Firm::new("demo").unwrap());
//! let report = sync(&mut Seed, &mut mirror, &template, SyncOptions::default()).unwrap();
//! assert_eq!((report.pages, report.applied, report.position), (1, 1, 5));
//! assert_eq!(mirror.applied, [4]);
//! // Syncing again finds nothing new and applies nothing twice.
//! sync(&mut Seed, &mut mirror, &template, SyncOptions::default()).unwrap();
//! assert_eq!(mirror.applied, [4]);
//! ```

use crate::change::{Change, ChangePage};
use crate::request::ChangesRequest;

/// Fetches a changes listing (the caller's HTTP client and decoder).
pub trait Transport {
    /// Why a fetch failed.
    type Error;
    /// Sends `request` and decodes the listing.
    fn fetch(&mut self, request: &ChangesRequest) -> Result<ChangePage, Self::Error>;
}

/// The caller's mirror together with the saved cursor position.
pub trait Store {
    /// Why loading or committing failed.
    type Error;
    /// The saved position; `None` before the initial load.
    fn load_position(&mut self) -> Result<Option<u64>, Self::Error>;
    /// In one transaction: check that the saved position equals
    /// [`Batch::from`] (fail otherwise), apply [`Batch::changes`] in order
    /// (a delete removes the record; create and update download and store
    /// it) and save [`Batch::to`] as the position. Either all of it happens
    /// or none of it.
    fn commit(&mut self, batch: &Batch) -> Result<(), Self::Error>;
}

/// A page the cursor refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CursorError {
    /// The page's request started after the position, so it cannot show that
    /// no change lies between.
    #[error("the page starts at {start}, after the cursor position {position}")]
    StartAhead {
        /// The page's requested start.
        start: u64,
        /// The cursor position.
        position: u64,
    },
    /// Change versions are not strictly ascending.
    #[error("change versions are not strictly ascending ({previous} then {version})")]
    NotAscending {
        /// The earlier change's version.
        previous: u64,
        /// The version that follows it.
        version: u64,
    },
    /// A change is not before the page's own end.
    #[error("change {version} is not before the page's end {end}")]
    BeyondEnd {
        /// The change's version.
        version: u64,
        /// The page's end ([`ChangePage::end`]).
        end: u64,
    },
    /// [`Cursor::advance`] with a batch planned at another position.
    #[error("the batch was planned from {from}, but the cursor is at {position}")]
    StaleBatch {
        /// The batch's start.
        from: u64,
        /// The cursor position.
        position: u64,
    },
}

/// The next version to fetch; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cursor {
    position: u64,
}

/// What to do with a web-hook delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HookAction {
    /// Everything it lists is already applied.
    UpToDate,
    /// It may bring something new: run a poll from the saved position.
    Poll,
}

/// The changes to commit and where the cursor moves, planned from one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    from: u64,
    to: u64,
    changes: Vec<Change>,
    caught_up: bool,
}

impl Batch {
    /// The position it was planned at; the store must still be there.
    pub fn from(&self) -> u64 {
        self.from
    }

    /// The position after it (never below [`Batch::from`]).
    pub fn to(&self) -> u64 {
        self.to
    }

    /// The changes to apply, ascending, all in `[from, to)`.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether the page said nothing followed it ([`ChangePage::is_last`]).
    pub fn caught_up(&self) -> bool {
        self.caught_up
    }

    /// Whether committing it would change nothing.
    pub fn is_noop(&self) -> bool {
        self.changes.is_empty() && self.from == self.to
    }

    /// The first change whose operation is not create, update or delete.
    pub fn first_unknown_operation(&self) -> Option<&Change> {
        self.changes.iter().find(|c| !c.operation.is_known())
    }
}

impl Cursor {
    /// A cursor at `position`, the next version to fetch (a saved position).
    pub fn new(position: u64) -> Self {
        Cursor { position }
    }

    /// The cursor after an initial load whose export carried
    /// `globalVersion` = `global_version`: the export reflects every change
    /// up to and including it, so the position is the version after it.
    ///
    /// ```
    /// use elementa_flexi::Cursor;
    /// assert_eq!(Cursor::after_export(6).position(), 7);
    /// ```
    ///
    /// A `global_version` of `u64::MAX` (beyond what the wire's signed
    /// 64-bit number carries) stays at `u64::MAX`.
    pub fn after_export(global_version: u64) -> Self {
        Cursor {
            position: global_version.saturating_add(1),
        }
    }

    /// The next version to fetch.
    pub fn position(&self) -> u64 {
        self.position
    }

    /// `template` (firm, limit, filters, format) starting at the position.
    pub fn request(&self, template: &ChangesRequest) -> ChangesRequest {
        template.clone().with_start(self.position)
    }

    /// Plans what a polled page, requested from `start`, adds: the changes in
    /// `[position, end)` and the new position `max(position, end)`.
    pub fn plan(&self, start: u64, page: ChangePage) -> Result<Batch, CursorError> {
        if start > self.position {
            return Err(CursorError::StartAhead {
                start,
                position: self.position,
            });
        }
        let end = page.end();
        let mut previous: Option<u64> = None;
        for change in &page.changes {
            let version = change.version;
            if let Some(previous) = previous
                && version <= previous
            {
                return Err(CursorError::NotAscending { previous, version });
            }
            if version >= end {
                return Err(CursorError::BeyondEnd { version, end });
            }
            previous = Some(version);
        }
        let caught_up = page.is_last();
        let changes = page
            .changes
            .into_iter()
            .filter(|c| c.version >= self.position)
            .collect();
        Ok(Batch {
            from: self.position,
            to: end.max(self.position),
            changes,
            caught_up,
        })
    }

    /// Moves to [`Batch::to`] once the store has committed `batch`.
    pub fn advance(&mut self, batch: &Batch) -> Result<(), CursorError> {
        if batch.from != self.position {
            return Err(CursorError::StaleBatch {
                from: batch.from,
                position: self.position,
            });
        }
        self.position = batch.to;
        Ok(())
    }

    /// Reads a web-hook delivery, which is never applied (its start is
    /// unknown): [`HookAction::UpToDate`] when all its changes are below the
    /// position and it ends at or before it, else [`HookAction::Poll`].
    pub fn on_hook(&self, page: &ChangePage) -> HookAction {
        let behind = page.changes.iter().all(|c| c.version < self.position);
        if behind && page.end() <= self.position {
            HookAction::UpToDate
        } else {
            HookAction::Poll
        }
    }
}

/// Options of [`sync`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncOptions {
    /// Stop with [`SyncError::UnknownOperation`], before committing, when a
    /// change to apply has an operation other than create, update or delete.
    /// Otherwise such changes reach the store, which decides.
    pub strict: bool,
}

/// What a [`sync`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncReport {
    /// Pages fetched.
    pub pages: usize,
    /// Changes committed.
    pub applied: usize,
    /// The position reached and saved.
    pub position: u64,
}

/// Why a [`sync`] stopped. Everything committed before it stays committed;
/// the next sync continues from the saved position.
#[derive(Debug, thiserror::Error)]
pub enum SyncError<F, S> {
    /// The store has no position: run the initial load first.
    #[error("no saved position: run the initial load first")]
    NotInitialised,
    /// The transport failed.
    #[error("fetching changes failed")]
    Fetch(#[source] F),
    /// The store failed (a refused commit included).
    #[error("the store failed")]
    Store(#[source] S),
    /// A page was refused.
    #[error(transparent)]
    Cursor(#[from] CursorError),
    /// A page did not move past the position although it was not the last.
    #[error("the server listed nothing past version {position} but did not say it was done")]
    NoProgress {
        /// The position.
        position: u64,
    },
    /// Strict mode met an unknown operation.
    #[error("change {version} has the unknown operation `{operation}`")]
    UnknownOperation {
        /// The change's version.
        version: u64,
        /// Its operation, as received.
        operation: String,
    },
}

/// Runs the loop from the saved position until a page says it is the last:
/// fetch from the position, plan, commit, advance. Stops at the first error,
/// leaving the store as last committed.
pub fn sync<T: Transport, S: Store>(
    transport: &mut T,
    store: &mut S,
    template: &ChangesRequest,
    options: SyncOptions,
) -> Result<SyncReport, SyncError<T::Error, S::Error>> {
    let (mut cursor, mut report) = start_sync(store)?;
    loop {
        let page = transport
            .fetch(&cursor.request(template))
            .map_err(SyncError::Fetch)?;
        if apply_page(&mut cursor, page, store, options, &mut report)? {
            return Ok(report);
        }
    }
}

/// Loads the saved position for a sync loop (see [`sync`]).
pub fn start_sync<S: Store, F>(
    store: &mut S,
) -> Result<(Cursor, SyncReport), SyncError<F, S::Error>> {
    let position = store
        .load_position()
        .map_err(SyncError::Store)?
        .ok_or(SyncError::NotInitialised)?;
    Ok((
        Cursor::new(position),
        SyncReport {
            pages: 0,
            applied: 0,
            position,
        },
    ))
}

/// One step of a sync loop, for transports that fetch pages themselves
/// (an async client): plan `page` fetched from the cursor's position,
/// commit it, advance, and count it in `report`. `Ok(true)` when the page
/// was the last.
pub fn apply_page<S: Store, F>(
    cursor: &mut Cursor,
    page: ChangePage,
    store: &mut S,
    options: SyncOptions,
    report: &mut SyncReport,
) -> Result<bool, SyncError<F, S::Error>> {
    report.pages += 1;
    let batch = cursor.plan(cursor.position(), page)?;
    if options.strict
        && let Some(change) = batch.first_unknown_operation()
    {
        return Err(SyncError::UnknownOperation {
            version: change.version,
            operation: change.operation.as_wire().to_owned(),
        });
    }
    if batch.is_noop() && !batch.caught_up() {
        return Err(SyncError::NoProgress {
            position: cursor.position(),
        });
    }
    if !batch.is_noop() {
        store.commit(&batch).map_err(SyncError::Store)?;
        cursor.advance(&batch)?;
        report.applied += batch.changes().len();
        report.position = cursor.position();
    }
    Ok(batch.caught_up())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::{Next, Operation, RecordId};
    use crate::request::Firm;

    fn change(version: u64, operation: &str) -> Change {
        Change {
            evidence: "faktura-vydana".into(),
            version,
            operation: Operation::from_wire(operation),
            timestamp: "2019-06-07 12:34:56.7".parse().unwrap(),
            ids: vec![RecordId::Numeric(1)],
        }
    }

    fn page(versions: &[u64], global_version: u64, next: Next) -> ChangePage {
        ChangePage {
            global_version,
            changes: versions.iter().map(|&v| change(v, "update")).collect(),
            next,
        }
    }

    fn versions(batch: &Batch) -> Vec<u64> {
        batch.changes().iter().map(|c| c.version).collect()
    }

    #[test]
    fn seed_page_moves_to_next() {
        let batch = Cursor::new(3)
            .plan(3, page(&[3, 4, 5], 6, Next::Version(6)))
            .unwrap();
        assert_eq!((batch.from(), batch.to()), (3, 6));
        assert_eq!(versions(&batch), [3, 4, 5]);
        // globalVersion 6 is a change that exists beyond this page.
        assert!(!batch.caught_up());
    }

    #[test]
    fn none_continues_after_global_version_and_gaps_are_fine() {
        let batch = Cursor::new(1)
            .plan(1, page(&[2, 9], 40, Next::None))
            .unwrap();
        assert_eq!((batch.to(), versions(&batch)), (41, vec![2, 9]));
        assert!(batch.caught_up());
    }

    #[test]
    fn real_hook_shaped_page_is_applied_and_continues_after_its_last_change() {
        // Shaped like web-hook bodies from production servers: globalVersion
        // equals the last change's in-version, `next` is `none`.
        let cursor = Cursor::after_export(3656470);
        let batch = cursor
            .plan(
                3656471,
                page(&[3656471, 3656475, 3656477], 3656477, Next::None),
            )
            .unwrap();
        assert_eq!((batch.from(), batch.to()), (3656471, 3656478));
        assert_eq!(versions(&batch), [3656471, 3656475, 3656477]);
        assert!(batch.caught_up());
    }

    #[test]
    fn short_page_is_not_caught_up() {
        let batch = Cursor::new(1)
            .plan(1, page(&[2], 40, Next::Version(3)))
            .unwrap();
        assert_eq!(batch.to(), 3);
        assert!(!batch.caught_up());
    }

    #[test]
    fn earlier_start_drops_duplicates_and_never_moves_back() {
        let cursor = Cursor::new(5);
        let batch = cursor
            .plan(2, page(&[2, 4, 5, 7], 9, Next::Version(8)))
            .unwrap();
        assert_eq!(
            (batch.from(), batch.to(), versions(&batch)),
            (5, 8, vec![5, 7])
        );

        let replay = cursor.plan(2, page(&[2, 4], 9, Next::Version(5))).unwrap();
        assert!(replay.is_noop());
        let stale = cursor.plan(0, page(&[2], 3, Next::None)).unwrap();
        assert_eq!(stale.to(), 5);
        assert!(stale.is_noop());
    }

    #[test]
    fn refused_pages() {
        let cursor = Cursor::new(5);
        assert_eq!(
            cursor.plan(6, page(&[6], 9, Next::None)),
            Err(CursorError::StartAhead {
                start: 6,
                position: 5
            })
        );
        assert_eq!(
            cursor.plan(5, page(&[6, 6], 9, Next::None)),
            Err(CursorError::NotAscending {
                previous: 6,
                version: 6
            })
        );
        assert_eq!(
            cursor.plan(5, page(&[6, 8], 9, Next::Version(8))),
            Err(CursorError::BeyondEnd { version: 8, end: 8 })
        );
        assert_eq!(
            cursor.plan(5, page(&[6, 10], 9, Next::None)),
            Err(CursorError::BeyondEnd {
                version: 10,
                end: 10
            })
        );
    }

    #[test]
    fn advance_checks_the_batch_start() {
        let mut cursor = Cursor::new(3);
        let batch = cursor.plan(3, page(&[3], 5, Next::None)).unwrap();
        cursor.advance(&batch).unwrap();
        assert_eq!(cursor.position(), 6);
        assert_eq!(
            cursor.advance(&batch),
            Err(CursorError::StaleBatch {
                from: 3,
                position: 6
            })
        );
        assert_eq!(cursor.position(), 6);
    }

    #[test]
    fn hook_pages_only_signal() {
        let cursor = Cursor::new(6);
        assert_eq!(
            cursor.on_hook(&page(&[3, 4, 5], 6, Next::Version(6))),
            HookAction::UpToDate
        );
        assert_eq!(
            cursor.on_hook(&page(&[5, 6], 7, Next::None)),
            HookAction::Poll
        );
        // A real-shaped body whose changes are all applied.
        assert_eq!(
            cursor.on_hook(&page(&[4, 5], 5, Next::None)),
            HookAction::UpToDate
        );
        // Nothing listed, but the database moved on.
        assert_eq!(cursor.on_hook(&page(&[], 9, Next::None)), HookAction::Poll);
    }

    /// Serves `history` (ascending versions) with pages of `limit`, as real
    /// servers do: `globalVersion` is the latest change.
    struct Server {
        history: Vec<Change>,
        global_version: u64,
        limit: usize,
        fetches: usize,
    }

    impl Transport for Server {
        type Error = std::convert::Infallible;
        fn fetch(&mut self, request: &ChangesRequest) -> Result<ChangePage, Self::Error> {
            self.fetches += 1;
            let start = request.start().unwrap_or(0);
            let rest: Vec<_> = self
                .history
                .iter()
                .filter(|c| c.version >= start)
                .cloned()
                .collect();
            let next = match rest.get(self.limit) {
                Some(c) => Next::Version(c.version),
                None => Next::None,
            };
            Ok(ChangePage {
                global_version: self.global_version,
                changes: rest.into_iter().take(self.limit).collect(),
                next,
            })
        }
    }

    /// Commits atomically; `fail_after_commit` simulates a lost reply.
    #[derive(Default)]
    struct Mirror {
        position: Option<u64>,
        applied: Vec<u64>,
        fail_after_commit: bool,
    }

    impl Store for Mirror {
        type Error = &'static str;
        fn load_position(&mut self) -> Result<Option<u64>, Self::Error> {
            Ok(self.position)
        }
        fn commit(&mut self, batch: &Batch) -> Result<(), Self::Error> {
            if self.position != Some(batch.from()) {
                return Err("conflict");
            }
            self.applied.extend(versions(batch));
            self.position = Some(batch.to());
            if std::mem::take(&mut self.fail_after_commit) {
                return Err("connection lost after commit");
            }
            Ok(())
        }
    }

    fn template() -> ChangesRequest {
        ChangesRequest::new(Firm::new("demo").unwrap())
    }

    #[test]
    fn sync_pages_until_caught_up() {
        let mut server = Server {
            history: [3, 4, 10, 11, 12].map(|v| change(v, "create")).into(),
            global_version: 12,
            limit: 2,
            fetches: 0,
        };
        let mut mirror = Mirror {
            position: Some(4),
            ..Mirror::default()
        };
        let report = sync(
            &mut server,
            &mut mirror,
            &template(),
            SyncOptions::default(),
        )
        .unwrap();
        assert_eq!(
            report,
            SyncReport {
                pages: 2,
                applied: 4,
                position: 13
            }
        );
        assert_eq!(mirror.applied, [4, 10, 11, 12]);
    }

    #[test]
    fn crash_after_commit_does_not_reapply() {
        let mut server = Server {
            history: [1, 2, 3].map(|v| change(v, "create")).into(),
            global_version: 3,
            limit: 1,
            fetches: 0,
        };
        let mut mirror = Mirror {
            position: Some(0),
            fail_after_commit: true,
            ..Mirror::default()
        };
        let options = SyncOptions::default();
        assert!(matches!(
            sync(&mut server, &mut mirror, &template(), options),
            Err(SyncError::Store("connection lost after commit"))
        ));
        // A stale in-memory cursor cannot commit again.
        let stale = Cursor::new(0);
        let batch = stale
            .plan(0, server.fetch(&stale.request(&template())).unwrap())
            .unwrap();
        assert_eq!(mirror.commit(&batch), Err("conflict"));
        assert_eq!(stale.position(), 0);
        // Restarting from the store continues after the committed change.
        sync(&mut server, &mut mirror, &template(), options).unwrap();
        assert_eq!(mirror.applied, [1, 2, 3]);
        assert_eq!(mirror.position, Some(4));
    }

    #[test]
    fn sync_needs_an_initial_load() {
        let mut server = Server {
            history: Vec::new(),
            global_version: 0,
            limit: 1,
            fetches: 0,
        };
        let result = sync(
            &mut server,
            &mut Mirror::default(),
            &template(),
            SyncOptions::default(),
        );
        assert!(matches!(result, Err(SyncError::NotInitialised)));
        assert_eq!(server.fetches, 0);
    }

    #[test]
    fn strict_mode_stops_before_committing_unknown_operations() {
        let mut server = Server {
            history: vec![change(1, "create"), change(2, "archive")],
            global_version: 2,
            limit: 10,
            fetches: 0,
        };
        let mut mirror = Mirror {
            position: Some(2),
            ..Mirror::default()
        };
        let strict = SyncOptions { strict: true };
        match sync(&mut server, &mut mirror, &template(), strict) {
            Err(SyncError::UnknownOperation { version, operation }) => {
                assert_eq!((version, operation.as_str()), (2, "archive"));
            }
            other => panic!("{other:?}"),
        }
        assert!(mirror.applied.is_empty());
        sync(
            &mut server,
            &mut mirror,
            &template(),
            SyncOptions::default(),
        )
        .unwrap();
        assert_eq!(mirror.applied, [2]);
    }

    /// Lists nothing and points back at the requested start.
    struct Stuck;
    impl Transport for Stuck {
        type Error = std::convert::Infallible;
        fn fetch(&mut self, request: &ChangesRequest) -> Result<ChangePage, Self::Error> {
            let start = request.start().unwrap_or(0);
            Ok(page(&[], start + 10, Next::Version(start)))
        }
    }

    #[test]
    fn a_page_without_progress_stops_the_loop() {
        let mut mirror = Mirror {
            position: Some(5),
            ..Mirror::default()
        };
        let result = sync(&mut Stuck, &mut mirror, &template(), SyncOptions::default());
        assert!(matches!(result, Err(SyncError::NoProgress { position: 5 })));
    }
}
