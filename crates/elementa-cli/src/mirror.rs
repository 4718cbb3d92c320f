//! `elementa flexi mirror`: keep a SQLite or PostgreSQL database in step
//! with an ABRA Flexi company (see the `elementa-mirror` crate).
//!
//! Credentials come from `ELEMENTA_FLEXI_USER` / `ELEMENTA_FLEXI_PASSWORD`
//! or from `--credentials FILE` (TOML: `user = "…"`, `password = "…"`),
//! never from the command line; the web-hook secret from
//! `ELEMENTA_FLEXI_HOOK_SECRET`. `--demo` starts a fake ABRA Flexi server
//! with generated data on the loopback interface and mirrors it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use elementa_flexi::request::{Firm, Limit};
use elementa_flexi::transport::{Auth, FlexiClient};
use elementa_mirror::listen::{Hooks, listen};
use elementa_mirror::{Event, Mirror, MirrorSchema, Options, SqlStore, StoreError};
use indicatif::{ProgressBar, ProgressStyle};

use crate::Outcome;

/// The evidences `--demo` mirrors (the fake server's data set).
const DEMO_EVIDENCES: [&str; 4] = [
    "adresar",
    "cenik",
    "faktura-vydana",
    "faktura-vydana-polozka",
];

#[derive(Debug, Args)]
pub struct MirrorArgs {
    /// The server, `https://HOST:PORT` (http only on 127.0.0.1).
    #[arg(long, required_unless_present = "demo")]
    url: Option<String>,
    /// The company (`/c/{firm}`).
    #[arg(long, required_unless_present = "demo")]
    firm: Option<String>,
    /// An evidence to mirror (repeat for more); a sub-evidence (invoice
    /// lines) named with its parent becomes a child table.
    #[arg(long = "evidence", required_unless_present = "demo")]
    evidences: Vec<String>,
    /// The database: `sqlite:PATH` (created when missing) or
    /// `postgres://USER@HOST/DB` (a password in it is never printed).
    /// Default: `sqlite:elementa-mirror.db`; with --demo, a new file in the
    /// temporary folder.
    #[arg(long)]
    db: Option<String>,
    /// A TOML file with `user` and `password` (else the environment's
    /// ELEMENTA_FLEXI_USER and ELEMENTA_FLEXI_PASSWORD).
    #[arg(long)]
    credentials: Option<PathBuf>,
    /// How to log in.
    #[arg(long, value_enum, default_value_t = AuthArg::Session)]
    auth: AuthArg,
    /// Load (or resume the load), poll once until caught up, and exit.
    #[arg(long, conflicts_with = "interval")]
    once: bool,
    /// Seconds between polls (default 30; 1 with --demo).
    #[arg(long)]
    interval: Option<u64>,
    /// Stop after this many polls (default: until Ctrl-C).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    polls: Option<u64>,
    /// Receive ABRA Flexi web hooks on this address (`0.0.0.0:8080`); a
    /// delivery with the secret of ELEMENTA_FLEXI_HOOK_SECRET that brings
    /// news triggers a poll at once.
    #[arg(long)]
    listen: Option<SocketAddr>,
    /// Records per page of the initial load (1–1000).
    #[arg(long, default_value_t = 500)]
    load_page: u32,
    /// Changes per page of the changes listing (1–1000).
    #[arg(long, default_value_t = 1000)]
    changes_page: u32,
    /// Start a fake ABRA Flexi server with generated data (changing
    /// between polls) and mirror it: three polls a second apart, unless
    /// --polls/--interval say otherwise.
    #[arg(long)]
    demo: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum AuthArg {
    /// An `authSessionId` session (logs in once).
    Session,
    /// HTTP basic authentication on every request.
    Basic,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Credentials {
    user: String,
    password: String,
}

fn credentials(args: &MirrorArgs) -> Result<(String, String), String> {
    if let Some(path) = &args.credentials {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the credentials: {e}", path.display()))?;
        let c: Credentials =
            toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))?;
        return Ok((c.user, c.password));
    }
    let var = |name: &str| {
        std::env::var(name).map_err(|_| {
            format!("no credentials: set ELEMENTA_FLEXI_USER and ELEMENTA_FLEXI_PASSWORD, or pass --credentials FILE ({name} is not set)")
        })
    };
    Ok((var("ELEMENTA_FLEXI_USER")?, var("ELEMENTA_FLEXI_PASSWORD")?))
}

pub fn run(args: &MirrorArgs) -> Outcome {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return Outcome::Usage;
        }
    };
    match runtime.block_on(mirror(args)) {
        Ok(()) => Outcome::Ok,
        Err(Failure::Usage(e)) => {
            eprintln!("error: {e}");
            Outcome::Usage
        }
        Err(Failure::Run(e)) => {
            eprintln!("error: {e}");
            Outcome::Invalid
        }
    }
}

enum Failure {
    /// Bad arguments or configuration: exit 2.
    Usage(String),
    /// The mirror failed while running: exit 1.
    Run(String),
}

async fn mirror(args: &MirrorArgs) -> Result<(), Failure> {
    let usage = |e: String| Failure::Usage(e);
    let run = |e: String| Failure::Run(e);
    let limit =
        |n: u32, what: &str| Limit::new(n).map_err(|e| Failure::Usage(format!("--{what}: {e}")));
    let options = Options {
        load_page: limit(args.load_page, "load-page")?,
        changes_page: limit(args.changes_page, "changes-page")?,
        ..Options::default()
    };
    // The demo's fake server lives as long as this function.
    let mut _fake = None;
    let (url, firm, evidences, user, password) = if args.demo {
        let fake = elementa_fakes::flexi_world::FakeFlexiWorld::start(Default::default())
            .await
            .map_err(|e| run(format!("cannot start the fake server: {e}")))?;
        let url = fake.base();
        eprintln!("demo: a fake ABRA Flexi server with generated data on {url}");
        _fake = Some(fake);
        let evidences = if args.evidences.is_empty() {
            DEMO_EVIDENCES.map(str::to_owned).to_vec()
        } else {
            args.evidences.clone()
        };
        let (user, password) = (elementa_fakes::flexi::USER, elementa_fakes::flexi::PASSWORD);
        (
            url,
            "demo".to_owned(),
            evidences,
            user.to_owned(),
            password.to_owned(),
        )
    } else {
        let (user, password) = credentials(args).map_err(usage)?;
        let url = args
            .url
            .clone()
            .ok_or_else(|| usage("--url is required".into()))?;
        let firm = args
            .firm
            .clone()
            .ok_or_else(|| usage("--firm is required".into()))?;
        (url, firm, args.evidences.clone(), user, password)
    };
    let names: Vec<&str> = evidences.iter().map(String::as_str).collect();
    let schema = MirrorSchema::of(&names).map_err(|e| usage(e.to_string()))?;
    let db = match (&args.db, args.demo) {
        (Some(db), _) => db.clone(),
        (None, false) => "sqlite:elementa-mirror.db".to_owned(),
        (None, true) => {
            let path =
                std::env::temp_dir().join(format!("elementa-demo-{}.db", std::process::id()));
            format!("sqlite:{}", path.display())
        }
    };
    // Every usage check before the database is touched.
    let auth = match args.auth {
        AuthArg::Session => Auth::session(user, password),
        AuthArg::Basic => Auth::basic(user, password),
    };
    let firm = Firm::new(&firm).map_err(|e| usage(e.to_string()))?;
    let client = FlexiClient::new(&url, firm, auth).map_err(|e| usage(e.to_string()))?;
    let secret = match args.listen {
        Some(_) => Some(
            std::env::var("ELEMENTA_FLEXI_HOOK_SECRET")
                .ok()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| {
                    usage("--listen needs the hook secret in ELEMENTA_FLEXI_HOOK_SECRET".into())
                })?,
        ),
        None => None,
    };
    let store = SqlStore::open(&db, schema).await.map_err(|e| match e {
        e @ StoreError::Url(_) => usage(e.to_string()),
        e => run(e.to_string()),
    })?;
    let mirror = Mirror::new(Arc::new(client), store, options);

    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(stop.clone());

    let hooks = match (args.listen, secret) {
        (Some(addr), Some(secret)) => {
            let hooks = Hooks::new(secret.as_bytes());
            let listener = listen(addr, hooks.clone())
                .await
                .map_err(|e| usage(format!("--listen {addr}: {e}")))?;
            eprintln!("listening for web hooks on {}", listener.addr);
            Some((hooks, listener))
        }
        _ => None,
    };

    // The initial load, with a progress bar.
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:24} [{bar:30}] {pos}/{len} records, {per_sec}, ETA {eta}",
        )
        .map_err(|e| run(e.to_string()))?
        .progress_chars("=> "),
    );
    let started = Instant::now();
    let mut loaded = 0u64;
    let mut on_load = |event: &Event| match event {
        Event::LoadStart {
            evidence,
            remaining,
        } => {
            bar.set_message(evidence.clone());
            bar.set_position(0);
            bar.set_length(remaining.unwrap_or(0));
            bar.reset_eta();
        }
        Event::LoadPage { records, .. } => {
            loaded += *records as u64;
            bar.inc(*records as u64);
        }
        Event::LoadDone { .. } | Event::Batch { .. } => {}
    };
    let position = mirror
        .load(&stop, &mut on_load)
        .await
        .map_err(|e| run(e.to_string()))?;
    bar.finish_and_clear();
    let Some(position) = position else {
        eprintln!("stopped during the initial load; the next run continues it");
        return Ok(());
    };
    if loaded > 0 {
        let secs = started.elapsed().as_secs_f64();
        println!(
            "loaded {loaded} records in {secs:.1} s ({:.0} records/s); polling from version {position}",
            loaded as f64 / secs.max(f64::EPSILON)
        );
    }

    let polls = match (args.polls, args.once, args.demo) {
        (Some(n), _, _) => Some(n),
        (None, true, _) => Some(1),
        (None, false, true) => Some(3),
        (None, false, false) => None,
    };
    let interval = Duration::from_secs(args.interval.unwrap_or(if args.demo { 1 } else { 30 }));
    let mut done = 0u64;
    loop {
        let started = Instant::now();
        let report = mirror
            .poll(&stop, &mut |_| {})
            .await
            .map_err(|e| run(e.to_string()))?;
        done += 1;
        println!(
            "poll {done}: {} changes in {} pages (stored {}, deleted {}, skipped {}), position {}, {:.2} s",
            report.changes,
            report.pages,
            report.applied.stored,
            report.applied.deleted,
            report.applied.skipped,
            report.position,
            started.elapsed().as_secs_f64()
        );
        if let Some((hooks, _)) = &hooks {
            hooks.position.store(report.position, Ordering::SeqCst);
        }
        if report.stopped || stop.load(Ordering::SeqCst) || polls.is_some_and(|n| done >= n) {
            break;
        }
        let wake = async {
            match &hooks {
                Some((h, _)) => h.wake.notified().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = tokio::time::sleep(interval) => {}
            () = wake => {}
            () = stopped(&stop) => break,
        }
    }
    if stop.load(Ordering::SeqCst) {
        eprintln!(
            "stopped; every committed batch is kept, the next run continues from the saved position"
        );
    }
    if args.demo {
        let mut counts = Vec::new();
        for table in mirror.store().schema().tables() {
            let n = mirror
                .store()
                .count(table.evidence())
                .await
                .map_err(|e| run(e.to_string()))?;
            counts.push(format!("{} {n}", table.name));
        }
        println!("the mirror in {db}: {}", counts.join(", "));
    }
    Ok(())
}

/// Resolves once `stop` is set.
async fn stopped(stop: &AtomicBool) {
    while !stop.load(Ordering::SeqCst) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Ctrl-C or SIGTERM: finish the current page or batch, then stop. A
/// second one exits at once (the open transaction is rolled back by the
/// database).
fn watch_signals(stop: Arc<AtomicBool>) {
    tokio::spawn(async move {
        loop {
            let signal = async {
                #[cfg(unix)]
                {
                    use tokio::signal::unix::{SignalKind, signal};
                    match signal(SignalKind::terminate()) {
                        Ok(mut term) => {
                            tokio::select! {
                                r = tokio::signal::ctrl_c() => r.is_ok(),
                                r = term.recv() => r.is_some(),
                            }
                        }
                        Err(_) => tokio::signal::ctrl_c().await.is_ok(),
                    }
                }
                #[cfg(not(unix))]
                {
                    tokio::signal::ctrl_c().await.is_ok()
                }
            };
            if !signal.await {
                return;
            }
            if stop.swap(true, Ordering::SeqCst) {
                eprintln!("stopping now");
                std::process::exit(130);
            }
            eprintln!("stopping after the current batch (again to stop at once)");
        }
    });
}
