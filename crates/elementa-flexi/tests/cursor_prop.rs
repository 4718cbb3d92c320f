//! The sync cursor against a fake Flexi: random histories with version gaps,
//! pages shorter than asked, stale and replayed pages, web-hook deliveries
//! and crashes at random points. Whatever happens, once faults stop and the
//! last sync succeeds, the mirror equals the source and every change after
//! the initial load was applied exactly once.
//!
//! The fake answers the way real servers do, not the way the cursor assumes:
//! * `globalVersion` is the version of the latest change, inclusive. Web-hook
//!   bodies captured from production servers all carry the `in-version` of
//!   their last change there, with `next` = `none`; the seed listing
//!   (changes 3 to 5, `next` 6, `globalVersion` 6) has a change 6 beyond the
//!   page. Sometimes the fake's `globalVersion` lies past the last listed
//!   change (a version used by a record type the listing does not show),
//!   never at or past a change it has not yet made visible.
//! * `next` is `none` on a page that lists everything up to `globalVersion`,
//!   else a version after the page's last change and at or before the first
//!   change it left out (`next` = last + 1 on the seed page).
//! * Web-hook deliveries look like the captured bodies: a run of consecutive
//!   changes, `globalVersion` = the last one's `in-version`, `next` = `none`.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use elementa_flexi::change::{Change, ChangePage, Next, Operation, RecordId};
use elementa_flexi::cursor::{self, Batch, CursorError, HookAction, SyncOptions};
use elementa_flexi::request::{ChangesRequest, Firm, Limit};
use elementa_flexi::{Cursor, sync};
use proptest::prelude::*;

const EVIDENCES: [&str; 2] = ["faktura-vydana", "adresar"];

/// Record key → version of its last create or update.
type State = BTreeMap<(String, RecordId), u64>;

fn apply(state: &mut State, change: &Change) {
    let key = (change.evidence.clone(), change.ids[0].clone());
    match change.operation {
        Operation::Create | Operation::Update => {
            state.insert(key, change.version);
        }
        Operation::Delete => {
            state.remove(&key);
        }
        // Kept and passed on; this mirror ignores it.
        Operation::Other(_) => {}
    }
}

fn fold(changes: &[Change]) -> State {
    let mut state = State::new();
    for change in changes {
        apply(&mut state, change);
    }
    state
}

/// Deterministic choices drawn from proptest bytes.
#[derive(Debug, Clone)]
struct Dice {
    bytes: Vec<u8>,
    at: usize,
}

impl Dice {
    /// A number in `0..n` (0 when `n` is 0).
    fn roll(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let byte = self.bytes[self.at % self.bytes.len()];
        self.at += 1;
        u64::from(byte) % n
    }
}

/// The fake server: the source history, of which `visible` changes exist.
struct Server {
    history: Vec<Change>,
    /// `global_versions[k]`: `globalVersion` once `k` changes exist; at or
    /// after change `k - 1` (usually equal) and before change `k`.
    global_versions: Vec<u64>,
    visible: usize,
    dice: Dice,
    /// Every page served, with its requested start.
    served: Vec<(u64, ChangePage)>,
    fail: bool,
}

impl Server {
    /// A correct answer to `start`/`limit`, sometimes shorter than `limit`;
    /// `next` is anywhere that is still correct.
    fn page(&mut self, start: u64, limit: u32) -> ChangePage {
        let global_version = self.global_versions[self.visible];
        let rest: Vec<Change> = self.history[..self.visible]
            .iter()
            .filter(|c| c.version >= start)
            .cloned()
            .collect();
        let mut take = rest.len().min(limit as usize);
        if take > 1 && self.dice.roll(3) == 0 {
            take = 1 + self.dice.roll(take as u64) as usize;
        }
        let changes = rest[..take].to_vec();
        let next = match (changes.last(), rest.get(take)) {
            (Some(last), Some(first_left)) => {
                Next::Version(last.version + 1 + self.dice.roll(first_left.version - last.version))
            }
            // Nothing left out: `none`, or a number at most one past
            // globalVersion (below it, the next page is empty and says `none`).
            (Some(last), None) if self.dice.roll(2) == 0 => {
                Next::Version(last.version + 1 + self.dice.roll(global_version + 1 - last.version))
            }
            _ => Next::None,
        };
        let page = ChangePage {
            global_version,
            changes,
            next,
        };
        self.served.push((start, page.clone()));
        page
    }

    /// A web-hook body as production servers send it: consecutive visible
    /// changes from index `from`, `globalVersion` = the last one's
    /// `in-version`, `next` = `none` (the fresh global version when empty).
    fn hook_body(&mut self, from: usize) -> ChangePage {
        let from = from.min(self.visible);
        let count = self.dice.roll((self.visible - from) as u64 + 1) as usize;
        let changes = self.history[from..from + count].to_vec();
        let global_version = changes
            .last()
            .map_or(self.global_versions[self.visible], |c| c.version);
        ChangePage {
            global_version,
            changes,
            next: Next::None,
        }
    }
}

#[derive(Debug)]
struct Crash;

impl cursor::Transport for Server {
    type Error = Crash;
    fn fetch(&mut self, request: &ChangesRequest) -> Result<ChangePage, Crash> {
        if self.fail && self.dice.roll(6) == 0 {
            return Err(Crash);
        }
        Ok(self.page(request.start().unwrap_or(0), request.limit().get()))
    }
}

/// The mirror and its saved position, committed atomically; it may crash
/// before a commit or after it (the caller then sees an error although the
/// transaction went through).
struct Mirror {
    position: Option<u64>,
    state: State,
    applied: BTreeMap<u64, u32>,
    dice: Dice,
    fail: bool,
}

#[derive(Debug, PartialEq)]
enum StoreError {
    CrashBefore,
    CrashAfter,
    Conflict,
}

impl cursor::Store for Mirror {
    type Error = StoreError;
    fn load_position(&mut self) -> Result<Option<u64>, StoreError> {
        Ok(self.position)
    }
    fn commit(&mut self, batch: &Batch) -> Result<(), StoreError> {
        let fault = if self.fail { self.dice.roll(8) } else { 7 };
        if fault == 0 {
            return Err(StoreError::CrashBefore);
        }
        if self.position != Some(batch.from()) {
            return Err(StoreError::Conflict);
        }
        for change in batch.changes() {
            apply(&mut self.state, change);
            *self.applied.entry(change.version).or_default() += 1;
        }
        self.position = Some(batch.to());
        if fault == 1 {
            return Err(StoreError::CrashAfter);
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
enum Action {
    /// The source gains changes.
    Reveal(u8),
    /// A normal sync run.
    Poll,
    /// A page served earlier arrives again (stale poll, duplicate).
    Replay(usize),
    /// A page requested by someone else from near the position arrives.
    Foreign { back: u8, ahead: bool, limit: u8 },
    /// A web-hook delivery: a served page, or a fresh real-shaped body
    /// starting at a change index.
    Hook(Option<usize>, usize),
    /// The process dies: the in-memory cursor is gone.
    Crash,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        2 => (1..8u8).prop_map(Action::Reveal),
        3 => Just(Action::Poll),
        2 => any::<usize>().prop_map(Action::Replay),
        2 => (0..6u8, any::<bool>(), 1..6u8)
            .prop_map(|(back, ahead, limit)| Action::Foreign { back, ahead, limit }),
        2 => (proptest::option::of(any::<usize>()), any::<usize>())
            .prop_map(|(served, from)| Action::Hook(served, from)),
        1 => Just(Action::Crash),
    ]
}

/// One source change: evidence, key, operation choice, gap choice.
type Step = (usize, i64, u8, u8);

fn history(steps: &[Step]) -> (u64, Vec<Change>) {
    let first = 1 + steps.len() as u64 % 5;
    let mut version = first;
    let mut state = State::new();
    let mut changes = Vec::new();
    for &(evidence, key, op, gap) in steps {
        version += match gap {
            0..=5 => 1,
            6 => 2,
            7 => 9,
            _ => 1000,
        };
        let evidence = EVIDENCES[evidence % EVIDENCES.len()].to_owned();
        let id = RecordId::Numeric(key);
        let exists = state.contains_key(&(evidence.clone(), id.clone()));
        let operation = match op {
            0 => Operation::Other("archive".into()),
            1..=3 if exists => Operation::Delete,
            _ if exists => Operation::Update,
            _ => Operation::Create,
        };
        let mut ids = vec![id];
        if key % 2 == 0 {
            ids.push(RecordId::Code(format!("VF1-{key:04}/2012")));
        }
        let change = Change {
            evidence,
            version,
            operation,
            timestamp: "2019-06-07 12:34:56.7".parse().unwrap(),
            ids,
        };
        apply(&mut state, &change);
        changes.push(change);
    }
    (first, changes)
}

/// `globalVersion` after each prefix of the history: the latest change's
/// version, now and then a little past it (never reaching the next change).
fn global_versions(first: u64, changes: &[Change], dice: &mut Dice) -> Vec<u64> {
    let mut out = vec![first];
    for (k, change) in changes.iter().enumerate() {
        let bound = changes.get(k + 1).map_or(3, |c| c.version - change.version);
        let past = if dice.roll(3) == 0 {
            dice.roll(bound)
        } else {
            0
        };
        out.push(change.version + past);
    }
    out
}

struct World {
    server: Server,
    mirror: Mirror,
    /// The running process's cursor; `None` after a crash.
    cursor: Option<Cursor>,
    template: ChangesRequest,
}

impl World {
    fn poll(&mut self) {
        let result = sync(
            &mut self.server,
            &mut self.mirror,
            &self.template,
            SyncOptions::default(),
        );
        match result {
            Ok(report) => self.cursor = Some(Cursor::new(report.position)),
            Err(cursor::SyncError::Fetch(Crash) | cursor::SyncError::Store(_)) => {
                self.cursor = None;
            }
            Err(other) => panic!("sync failed: {other}"),
        }
    }

    /// Delivers a page with a known start to the running process's cursor,
    /// which may be stale after a commit it did not see succeed.
    fn deliver(&mut self, start: u64, page: ChangePage) {
        let position = self.mirror.position.unwrap();
        let cursor = self.cursor.get_or_insert_with(|| Cursor::new(position));
        let batch = match cursor.plan(start, page) {
            Ok(batch) => batch,
            Err(CursorError::StartAhead { .. }) => return,
            Err(other) => panic!("page refused: {other}"),
        };
        if batch.is_noop() {
            return;
        }
        match cursor::Store::commit(&mut self.mirror, &batch) {
            Ok(()) => cursor.advance(&batch).unwrap(),
            // Keeping the cursor after a lost reply leaves it stale; the
            // store's check refuses its next commit.
            Err(StoreError::CrashBefore | StoreError::CrashAfter)
                if self.mirror.dice.roll(2) == 0 => {}
            Err(_) => self.cursor = None,
        }
    }

    fn run(&mut self, action: Action) {
        match action {
            Action::Reveal(n) => {
                self.server.visible =
                    (self.server.visible + usize::from(n)).min(self.server.history.len());
            }
            Action::Poll => self.poll(),
            Action::Replay(i) => {
                if !self.server.served.is_empty() {
                    let (start, page) = self.server.served[i % self.server.served.len()].clone();
                    self.deliver(start, page);
                }
            }
            Action::Foreign { back, ahead, limit } => {
                let position = self
                    .cursor
                    .map_or(self.mirror.position.unwrap(), |c| c.position());
                let start = if ahead {
                    position + u64::from(back) + 1
                } else {
                    position.saturating_sub(u64::from(back))
                };
                let page = self.server.page(start, u32::from(limit));
                self.deliver(start, page);
            }
            Action::Hook(which, from) => {
                let page = match which {
                    Some(i) if !self.server.served.is_empty() => {
                        self.server.served[i % self.server.served.len()].1.clone()
                    }
                    _ => self.server.hook_body(from % (self.server.visible + 1)),
                };
                let position = self.mirror.position.unwrap();
                let cursor = *self.cursor.get_or_insert_with(|| Cursor::new(position));
                if cursor.on_hook(&page) == HookAction::Poll {
                    self.poll();
                }
            }
            Action::Crash => self.cursor = None,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn mirror_converges_and_applies_every_change_once(
        steps in prop::collection::vec((0..2usize, 0..6i64, 0..10u8, 0..9u8), 0..80),
        actions in prop::collection::vec(action(), 0..60),
        bytes in prop::collection::vec(any::<u8>(), 1..48),
        initially_visible in any::<usize>(),
        limit in 1..6u32,
    ) {
        let (first, changes) = history(&steps);
        let mut dice = Dice { bytes, at: 0 };
        let global_versions = global_versions(first, &changes, &mut dice);
        let loaded = initially_visible % (changes.len() + 1);

        // Initial load: the state after `loaded` changes, at its global version.
        let mut world = World {
            server: Server {
                history: changes.clone(),
                global_versions,
                visible: loaded,
                dice: dice.clone(),
                served: Vec::new(),
                fail: true,
            },
            mirror: Mirror {
                position: None,
                state: fold(&changes[..loaded]),
                applied: BTreeMap::new(),
                dice: Dice { at: 7, ..dice },
                fail: true,
            },
            cursor: None,
            template: ChangesRequest::new(Firm::new("demo").unwrap())
                .with_limit(Limit::new(limit).unwrap()),
        };
        world.mirror.position =
            Some(Cursor::after_export(world.server.global_versions[loaded]).position());

        for action in actions {
            world.run(action);
        }

        // Everything happens; faults stop; one sync catches up.
        world.server.visible = changes.len();
        world.server.fail = false;
        world.mirror.fail = false;
        let report = sync(
            &mut world.server,
            &mut world.mirror,
            &world.template,
            SyncOptions::default(),
        );
        prop_assert!(report.is_ok(), "{:?}", report.err().map(|e| e.to_string()));

        prop_assert_eq!(&world.mirror.state, &fold(&changes));
        // The position is just after the final globalVersion: the next
        // listing starts after the latest change.
        let last_global = *world.server.global_versions.last().unwrap();
        prop_assert_eq!(world.mirror.position, Some(last_global + 1));
        let expected: BTreeMap<u64, u32> =
            changes[loaded..].iter().map(|c| (c.version, 1)).collect();
        prop_assert_eq!(&world.mirror.applied, &expected);
    }
}
