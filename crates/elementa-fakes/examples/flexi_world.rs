//! Serves a fake ABRA Flexi world in a process of its own, until stopped,
//! so that a mirror can be measured alone (its memory, its rate):
//!
//! ```text
//! cargo run --release -p elementa-fakes --example flexi_world -- 4000
//! ```
//!
//! The argument is the number of invoices (default 400); addresses and
//! products scale with it (3/4 and 1/4 of it), lines are 1 to 4 per invoice.
//! The world changes between polls as `WorldConfig::default()` says. The
//! first line printed is the server's URL.
#![allow(clippy::print_stdout)]

use elementa_fakes::flexi_world::{FakeFlexiWorld, WorldConfig};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let invoices: usize = match std::env::args().nth(1) {
        Some(n) => n
            .parse()
            .map_err(|e| format!("`{n}`: not a number of invoices: {e}"))?,
        None => 400,
    };
    let world = FakeFlexiWorld::start(WorldConfig {
        invoices,
        addresses: invoices * 3 / 4,
        products: invoices / 4,
        ..WorldConfig::default()
    })
    .await?;
    let records: usize = elementa_fakes::flexi_world::EVIDENCES
        .iter()
        .map(|e| world.records(e).len())
        .sum();
    println!("{}", world.base());
    eprintln!("serving {records} records; Ctrl-C stops");
    tokio::signal::ctrl_c().await?;
    Ok(())
}
