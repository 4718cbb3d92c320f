//! Crash test of `elementa flexi mirror`: the process is killed with
//! SIGKILL at random moments during the initial load and during polling
//! (a kill counts for a phase only when that life stored pages of the load,
//! or applied changes),
//! while the fake ABRA Flexi world keeps changing (between polls and during
//! the load); after each kill it is started again and resumes. At the end
//! (changes stopped, one last `--once`), the database equals the server's
//! records exactly and the audit lists every change after the load's
//! version exactly once.
//!
//! SQLite always; PostgreSQL when ELEMENTA_TEST_POSTGRES names a server
//! (`eval "$(.ci/postgres)"`; `.ci/run` does it and sets
//! ELEMENTA_REQUIRE_POSTGRES so that the test cannot skip there).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests panic on purpose

#[path = "../../elementa-mirror/tests/support/mod.rs"]
mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use elementa_fakes::flexi_world::{FakeFlexiWorld, WorldConfig};
use elementa_mirror::SqlStore;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// Kills at least this many times in all, and at least this many in each
/// phase (load, polling).
const KILLS: usize = 20;
const PER_PHASE: usize = 6;

/// `elementa flexi mirror` of the four evidences, with `mode`'s arguments
/// (`--once`, `--interval N`, …).
fn mirror(base: &str, db: &str, mode: &[&str]) -> Command {
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
    for evidence in support::EVIDENCES {
        command.args(["--evidence", evidence]);
    }
    command.args(mode);
    command
}

/// Whether the load has finished, how far it got (the sum of the last ids
/// stored per evidence) and how many changes the audit lists.
async fn progress(db: &str) -> (bool, i64, usize) {
    let store = SqlStore::open(db, support::schema()).await.unwrap();
    let state = store.state().await.unwrap();
    let applied = store.audit().await.unwrap().len();
    store.pool().close().await;
    let ids = state.loads.values().map(|(last, _)| *last).sum();
    (state.position.is_some(), ids, applied)
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
        let (loaded, loaded_ids, applied) = progress(db).await;
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
        let mut child = mirror(&base, db, &["--interval", "0"]).spawn().unwrap();
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
        // Where the kill landed: counted only when this life did work in
        // that phase (a kill during start-up counts for neither). During
        // the load: it stored pages and had not finished; while polling:
        // it had finished the load and applied changes.
        let (now_loaded, now_ids, now_applied) = progress(db).await;
        if !now_loaded && now_ids > loaded_ids {
            in_load += 1;
        } else if now_loaded && now_applied > applied {
            in_polling += 1;
        }
    }
    world.set_mutations(false);
    let out = mirror(&base, db, &["--once"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = SqlStore::open(db, support::schema()).await.unwrap();
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

/// Reads a child's stdout lines into a channel.
fn lines(stdout: std::process::ChildStdout) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The first line starting with `prefix` within `secs` seconds.
fn wait_for(rx: &std::sync::mpsc::Receiver<String>, prefix: &str, secs: u64) -> Option<String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if line.starts_with(prefix) => return Some(line),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_stops_after_the_current_batch_and_the_next_run_continues() {
    let world = FakeFlexiWorld::start(WorldConfig {
        seed: 5,
        invoices: 100,
        addresses: 60,
        products: 20,
        mutations_per_poll: (1, 6),
        ..WorldConfig::default()
    })
    .await
    .unwrap();
    let path = std::env::temp_dir().join(format!("elementa-sigint-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let db = format!("sqlite:{}", path.display());
    let mut child = mirror(&world.base(), &db, &["--interval", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let rx = lines(child.stdout.take().unwrap());
    assert!(
        wait_for(&rx, "poll 3:", 30).is_some(),
        "the mirror did not poll"
    );
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("stopping after the current batch"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the next run continues from the saved position"),
        "{stderr}"
    );
    world.set_mutations(false);
    let out = mirror(&world.base(), &db, &["--once"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = SqlStore::open(&db, support::schema()).await.unwrap();
    support::assert_mirror_equals(&store, &world).await;
    support::assert_audit_exact(&store, &world).await;
}

async fn post(addr: &str, secret: &str, body: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST /flexi HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-FB-Hook-SecKey: {secret}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_web_hook_with_the_secret_triggers_a_poll_at_once() {
    let world = FakeFlexiWorld::start(WorldConfig {
        seed: 6,
        invoices: 20,
        addresses: 10,
        products: 5,
        mutations_per_poll: (0, 0),
        ..WorldConfig::default()
    })
    .await
    .unwrap();
    let path = std::env::temp_dir().join(format!("elementa-hook-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let db = format!("sqlite:{}", path.display());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    // An hour between polls: only a hook can trigger the second one.
    let mut command = mirror(
        &world.base(),
        &db,
        &["--interval", "3600", "--listen", &addr],
    );
    command
        .env("ELEMENTA_FLEXI_HOOK_SECRET", "s3cret-hook")
        .stdout(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let rx = lines(child.stdout.take().unwrap());
    assert!(
        wait_for(&rx, "poll 1:", 30).is_some(),
        "the mirror did not poll"
    );
    world.mutate(4);
    let last = world.log().last().unwrap().clone();
    // A delivery as production servers send it (fixture changes.hook.json):
    // the latest changes, globalVersion = the last one, next = none.
    let body = format!(
        r#"{{"winstrom":{{"@globalVersion":"{v}","changes":[{{"@evidence":"{e}","@in-version":"{v}","@operation":"{o}","@timestamp":"2026-11-24 08:00:00.1","id":"{id}","external-ids":[]}}],"next":"none"}}}}"#,
        v = last.version,
        e = last.evidence,
        o = last.operation,
        id = last.id
    );
    assert!(post(&addr, "wrong-secret", &body).await.contains("401"));
    assert!(
        wait_for(&rx, "poll 2:", 2).is_none(),
        "a delivery with a wrong secret triggered a poll"
    );
    assert!(post(&addr, "s3cret-hook", &body).await.contains("200"));
    let second = wait_for(&rx, "poll 2:", 10).expect("the hook did not trigger a poll");
    assert!(
        second.contains(&format!("position {}", last.version + 1)),
        "{second}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}
