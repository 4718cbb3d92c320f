//! Crash test of `elementa flexi mirror`: the process is killed with
//! SIGKILL at random moments during the initial load and during polling,
//! while the fake ABRA Flexi world keeps changing (between polls and during
//! the load); after each kill it is started again and resumes. At the end
//! (changes stopped, one last `--once`), the database equals the server's
//! records exactly and the audit lists every change after the load's
//! version exactly once.
//!
//! SQLite always; PostgreSQL when ELEMENTA_TEST_POSTGRES names a server
//! (`eval "$(.ci/postgres)"`; `.ci/run` does it and sets
//! ELEMENTA_REQUIRE_POSTGRES so that the test cannot skip there).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests panic on purpose

#[path = "../../elementa-mirror/tests/support/mod.rs"]
mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use elementa_fakes::flexi_world::{FakeFlexiWorld, WorldConfig};
use elementa_mirror::{MirrorSchema, SqlStore};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

const EVIDENCES: [&str; 4] = [
    "adresar",
    "cenik",
    "faktura-vydana",
    "faktura-vydana-polozka",
];
/// Kills at least this many times in all, and at least this many in each
/// phase (load, polling).
const KILLS: usize = 20;
const PER_PHASE: usize = 6;

fn mirror(base: &str, db: &str, once: bool) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_elementa"));
    command
        .args([
            "flexi", "mirror", "--url", base, "--firm", "demo", "--db", db,
        ])
        .args(["--load-page", "40", "--changes-page", "25"])
        .env("ELEMENTA_FLEXI_USER", elementa_fakes::flexi::USER)
        .env("ELEMENTA_FLEXI_PASSWORD", elementa_fakes::flexi::PASSWORD)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for evidence in EVIDENCES {
        command.args(["--evidence", evidence]);
    }
    if once {
        command.arg("--once");
    } else {
        command.args(["--interval", "0"]);
    }
    command
}

fn schema() -> MirrorSchema {
    let metas: Vec<_> = EVIDENCES
        .iter()
        .map(|e| elementa_flexi::wire::evidence(e).unwrap())
        .collect();
    MirrorSchema::derive(&metas).unwrap()
}

async fn crash_and_resume(db: &str, seed: u64) {
    let world = FakeFlexiWorld::start(WorldConfig {
        seed,
        mutations_per_poll: (1, 6),
        mutate_every_requests: 4,
        ..WorldConfig::default()
    })
    .await
    .unwrap();
    let base = world.base();
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut in_load, mut in_polling) = (0, 0);
    let mut rounds = 0;
    while in_load + in_polling < KILLS || in_load < PER_PHASE || in_polling < PER_PHASE {
        rounds += 1;
        assert!(
            rounds < 200,
            "{in_load} kills during the load, {in_polling} during polling after {rounds} rounds"
        );
        // While loading, short lives (so that several kills land in the
        // load); once polling, longer ones.
        let store = SqlStore::open(db, schema()).await.unwrap();
        let loaded = store.position().await.unwrap().is_some();
        store.pool().close().await;
        let life = if loaded {
            rng.random_range(50..900)
        } else if in_load >= PER_PHASE * 2 {
            // Enough kills in the load: let it finish.
            3_000
        } else {
            // A life of this length stores a few pages of the ~2,000
            // records (40 a page), so the load spans many lives.
            rng.random_range(20..150)
        };
        let mut child = mirror(&base, db, false).spawn().unwrap();
        tokio::time::sleep(Duration::from_millis(life)).await;
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            panic!(
                "the mirror exited on its own ({status}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let store = SqlStore::open(db, schema()).await.unwrap();
        let state = store.state().await.unwrap();
        store.pool().close().await;
        // Where the kill landed: before the load's end (no position yet),
        // or while polling.
        match state.position {
            None => in_load += 1,
            Some(_) if loaded => in_polling += 1,
            // The load finished during this life: the kill landed in its
            // first polls.
            Some(_) => in_polling += 1,
        }
    }
    world.set_mutations(false);
    let out = mirror(&base, db, true).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = SqlStore::open(db, schema()).await.unwrap();
    assert_eq!(
        store.position().await.unwrap(),
        Some(world.global_version() + 1)
    );
    let rows = support::assert_mirror_equals(&store, &world).await;
    let changes = support::assert_audit_exact(&store, &world).await;
    eprintln!(
        "{} kills ({in_load} during the load, {in_polling} while polling); {rows} rows equal, {changes} changes applied once",
        in_load + in_polling
    );
    assert!(changes > 100, "only {changes} changes were applied");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_mirror_survives_sigkill_at_random_moments() {
    let path = std::env::temp_dir().join(format!("elementa-crash-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    crash_and_resume(&format!("sqlite:{}", path.display()), 41).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_mirror_survives_sigkill_at_random_moments() {
    if let Some(url) = support::postgres("crash").await {
        crash_and_resume(&url, 43).await;
    }
}
