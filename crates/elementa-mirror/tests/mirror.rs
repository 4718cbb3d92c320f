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
