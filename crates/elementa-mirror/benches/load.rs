//! The initial load's throughput against the fake ABRA Flexi world's own
//! serving rate for the same data, in one run:
//!
//! * `serve` — the same pages (500 records, `detail=full`,
//!   `add-global-version`) fetched over HTTP and dropped: what the server
//!   and the connection alone cost;
//! * `load/sqlite` — the mirror's initial load into a new SQLite file
//!   (decoding, rows, one transaction a page);
//! * `load/postgres` — the same into a new PostgreSQL database, when
//!   ELEMENTA_TEST_POSTGRES names a server (`eval "$(.ci/postgres)"`).
//!
//! ```text
//! cargo bench -p elementa-mirror --bench load
//! ```
//!
//! Throughput is in records (criterion's elements/s); the world does not
//! change during the bench.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench panics on setup failure

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use elementa_fakes::flexi_world::{EVIDENCES, FakeFlexiWorld, WorldConfig};
use elementa_flexi::Request;
use elementa_flexi::request::{Evidence, Firm, Format, Limit};
use elementa_flexi::transport::{Auth, FlexiClient};
use elementa_mirror::{Mirror, MirrorSchema, Options, SqlStore};

fn client(base: &str) -> Arc<FlexiClient> {
    Arc::new(
        FlexiClient::new(
            base,
            Firm::new("demo").unwrap(),
            Auth::session("winstrom", "winstrom"),
        )
        .unwrap(),
    )
}

/// The initial load of the whole world into the new database at `url`.
async fn load(url: String, flexi: Arc<FlexiClient>, options: Options) -> Option<u64> {
    let store = SqlStore::open(&url, MirrorSchema::of(&EVIDENCES).unwrap())
        .await
        .unwrap();
    let mirror = Mirror::new(flexi, store, options);
    mirror
        .load(&AtomicBool::new(false), &mut |_| {})
        .await
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let world = runtime
        .block_on(FakeFlexiWorld::start(WorldConfig::default()))
        .unwrap();
    world.set_mutations(false);
    let counts: Vec<(&str, usize)> = EVIDENCES
        .iter()
        .map(|e| (*e, world.records(e).len()))
        .collect();
    let records: usize = counts.iter().map(|(_, n)| n).sum();
    let base = world.base();
    let page = 500u64;

    let mut group = c.benchmark_group("initial load");
    group.sample_size(10);
    group.throughput(Throughput::Elements(records as u64));

    let flexi = client(&base);
    let firm = Firm::new("demo").unwrap();
    group.bench_function("serve", |b| {
        b.to_async(&runtime).iter(|| async {
            let mut bytes = 0;
            for (evidence, n) in &counts {
                let evidence = Evidence::new(evidence).unwrap();
                let mut start = 0;
                while start <= *n as u64 {
                    let request = Request::export(&firm, &evidence, Format::Json)
                        .with_detail(&"full".parse().unwrap())
                        .page(start, Limit::new(page as u32).unwrap())
                        .add_global_version();
                    bytes += flexi.send(&request, None).await.unwrap().body.len();
                    start += page;
                }
            }
            bytes
        });
    });

    let options = Options {
        load_page: Limit::new(page as u32).unwrap(),
        ..Options::default()
    };
    let dir = std::env::temp_dir().join(format!("elementa-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut n = 0;
    group.bench_function("load/sqlite", |b| {
        b.to_async(&runtime).iter_batched(
            || {
                n += 1;
                let path = dir.join(format!("{n}.db"));
                let _ = std::fs::remove_file(&path);
                format!("sqlite:{}", path.display())
            },
            |url| load(url, client(&base), options),
            BatchSize::PerIteration,
        );
    });

    if let Ok(server) = std::env::var("ELEMENTA_TEST_POSTGRES") {
        let admin = server.clone();
        let mut n = 0;
        group.bench_function("load/postgres", |b| {
            b.to_async(&runtime).iter_batched(
                || {
                    n += 1;
                    let db = format!("elementa_bench_{}_{n}", std::process::id());
                    let admin = admin.clone();
                    // Setup runs inside the bench's runtime: create the
                    // database on a thread and runtime of its own.
                    let create = format!("CREATE DATABASE \"{db}\"");
                    std::thread::spawn(move || {
                        let rt = tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()
                            .unwrap();
                        rt.block_on(async {
                            use sqlx::Connection;
                            let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
                            sqlx::query(&create).execute(&mut c).await.unwrap();
                        });
                    })
                    .join()
                    .unwrap();
                    let (host, _) = server.rsplit_once('/').unwrap();
                    format!("{host}/{db}")
                },
                |url| load(url, client(&base), options),
                BatchSize::PerIteration,
            );
        });
    } else {
        eprintln!("load/postgres skipped: set ELEMENTA_TEST_POSTGRES (eval \"$(.ci/postgres)\")");
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
