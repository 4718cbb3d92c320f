//! The mirror against the fake ABRA Flexi world (generated from the real
//! metadata, changing between polls and during the load): after loading
//! and polling, the database equals the server's data and the audit lists
//! every change exactly once. PostgreSQL: set ELEMENTA_TEST_POSTGRES to a
//! database URL (`.ci/run` starts a local server and sets it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests panic on purpose

mod support;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use elementa_fakes::flexi_world::{FakeFlexiWorld, WorldConfig};
use elementa_flexi::request::{Firm, Limit};
use elementa_flexi::transport::{Auth, FlexiClient};
use elementa_mirror::{Mirror, Options, SqlStore};

fn sqlite_url(name: &str) -> String {
    let path =
        std::env::temp_dir().join(format!("elementa-mirror-{}-{name}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    format!("sqlite:{}", path.display())
}

async fn run(db: &str) {
    let world = FakeFlexiWorld::start(WorldConfig {
        seed: 15,
        addresses: 60,
        products: 20,
        invoices: 80,
        max_lines: 3,
        // Each changes request brings up to 3 new changes and every 5th
        // request one more, fewer than a page holds: polling catches up.
        mutations_per_poll: (0, 3),
        mutate_every_requests: 5,
        max_gap: 4,
    })
    .await
    .unwrap();
    let client = FlexiClient::new(
        &world.base(),
        Firm::new("demo").unwrap(),
        Auth::session("winstrom", "winstrom"),
    )
    .unwrap();
    let store = SqlStore::open(db, support::schema()).await.unwrap();
    let options = Options {
        load_page: Limit::new(25).unwrap(),
        changes_page: Limit::new(40).unwrap(),
        fetch_chunk: 16,
    };
    let mirror = Mirror::new(Arc::new(client), store, options);
    let stop = AtomicBool::new(false);
    let position = mirror.load(&stop, &mut |_| {}).await.unwrap().unwrap();
    let load_version = mirror.store().state().await.unwrap().load_version.unwrap();
    assert_eq!(position, load_version + 1);
    for _ in 0..10 {
        mirror.poll(&stop, &mut |_| {}).await.unwrap();
    }
    world.set_mutations(false);
    let last = mirror.poll(&stop, &mut |_| {}).await.unwrap();
    assert_eq!(last.position, world.global_version() + 1);
    let rows = support::assert_mirror_equals(mirror.store(), &world).await;
    let audited = support::assert_audit_exact(mirror.store(), &world).await;
    assert!(rows > 200 && audited > 20, "{rows} rows, {audited} changes");
    // Polling again applies nothing twice.
    let again = mirror.poll(&stop, &mut |_| {}).await.unwrap();
    assert_eq!(again.changes, 0);
    assert_eq!(
        support::assert_audit_exact(mirror.store(), &world).await,
        audited
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_mirror_equals_the_server_after_load_and_polls() {
    run(&sqlite_url("equals")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_mirror_equals_the_server_after_load_and_polls() {
    if let Some(url) = support::postgres("equals").await {
        run(&url).await;
    }
}

/// A delete of a document removes its lines with it (the foreign key's
/// cascade), even when no delete of the lines is listed.
async fn deleting_a_document_deletes_its_lines(db: &str) {
    use elementa_flexi::{ChangePage, Cursor, Next, Operation, RecordId, change::Change};
    let world = FakeFlexiWorld::start(WorldConfig {
        seed: 16,
        addresses: 10,
        products: 5,
        invoices: 6,
        max_lines: 3,
        mutations_per_poll: (0, 0),
        mutate_every_requests: 0,
        max_gap: 2,
    })
    .await
    .unwrap();
    let client = FlexiClient::new(
        &world.base(),
        Firm::new("demo").unwrap(),
        Auth::basic("winstrom", "winstrom"),
    )
    .unwrap();
    let store = SqlStore::open(db, support::schema()).await.unwrap();
    let mirror = Mirror::new(Arc::new(client), store, Options::default());
    let position = mirror
        .load(&AtomicBool::new(false), &mut |_| {})
        .await
        .unwrap()
        .unwrap();
    let lines = mirror.store().rows("faktura-vydana-polozka").await.unwrap();
    let table = mirror
        .store()
        .schema()
        .table_of("faktura-vydana-polozka")
        .unwrap();
    let parent = table
        .columns
        .iter()
        .position(|c| c.name == "dokl_fak")
        .unwrap();
    let invoice: i64 = lines[0][parent].as_deref().unwrap().parse().unwrap();
    let of_invoice = |rows: &[Vec<Option<String>>]| {
        rows.iter()
            .filter(|r| r[parent].as_deref() == Some(invoice.to_string().as_str()))
            .count()
    };
    assert!(of_invoice(&lines) > 0);
    let page = ChangePage {
        global_version: position,
        changes: vec![Change {
            evidence: "faktura-vydana".into(),
            version: position,
            operation: Operation::Delete,
            timestamp: "2026-11-24 08:00:00.1".parse().unwrap(),
            ids: vec![RecordId::Numeric(invoice)],
        }],
        next: Next::None,
    };
    let batch = Cursor::new(position).plan(position, page).unwrap();
    let applied = mirror
        .store()
        .commit(&batch, &Default::default())
        .await
        .unwrap();
    assert_eq!(applied.deleted, 1);
    let after = mirror.store().rows("faktura-vydana-polozka").await.unwrap();
    assert_eq!(of_invoice(&after), 0);
    assert_eq!(after.len(), lines.len() - of_invoice(&lines));
    // A page of a load another process fetched earlier cannot overwrite a
    // mirror whose load has finished (and that has applied changes since).
    assert!(matches!(
        mirror
            .store()
            .store_page(
                "adresar",
                &[],
                1,
                elementa_mirror::LoadPage {
                    after: 0,
                    last: 0,
                    done: true
                }
            )
            .await,
        Err(elementa_mirror::StoreError::LoadMoved { .. })
    ));
    // A batch planned from a position that has moved is refused, and
    // changes nothing.
    let stale = Cursor::new(position)
        .plan(
            position,
            ChangePage {
                global_version: position,
                changes: vec![],
                next: Next::None,
            },
        )
        .unwrap();
    assert!(matches!(
        mirror.store().commit(&stale, &Default::default()).await,
        Err(elementa_mirror::StoreError::Moved { expected, found: Some(found) }) if expected == position && found == position + 1
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_deleting_a_document_deletes_its_lines() {
    deleting_a_document_deletes_its_lines(&sqlite_url("cascade")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_deleting_a_document_deletes_its_lines() {
    if let Some(url) = support::postgres("cascade").await {
        deleting_a_document_deletes_its_lines(&url).await;
    }
}
