//! The export workflow Coupa integrations run: list the invoices not yet
//! exported (`exported=false`), process each, and mark it exported.
//!
//! ```text
//! COUPA_URL=https://acme.coupahost.com COUPA_CLIENT_ID=… COUPA_CLIENT_SECRET=… \
//!     cargo run -p elementa-coupa --features client --example export_invoices
//! ```
//!
//! Without `COUPA_URL` it runs against a fake Coupa on the loopback
//! interface (12 invoices, a burst of 429s and a cut connection on the way),
//! so the program can be tried — and is run in CI — without an instance.
//!
//! Processing here writes each invoice as one line of JSON (the codec's
//! bytes, which is what `serde_json` writes too) to standard output; a real
//! integration writes to its ledger. Processing is at-least-once: a crash
//! between processing and marking processes that invoice again on the next
//! run, so key what you write by the invoice id.

use elementa::Resource;
use elementa_coupa::InvoiceHeader;
use elementa_coupa::oauth::{Credentials, InstanceUrl};
use elementa_coupa::query::Query;
use elementa_coupa::transport::CoupaClient;
use elementa_fakes::coupa::{CLIENT_ID, CLIENT_SECRET, FakeCoupa, Faults};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The fake lives as long as `main` when there is no real instance.
    let (url, id, secret, _fake) = match std::env::var("COUPA_URL") {
        Ok(url) => (
            InstanceUrl::parse(&url)?,
            std::env::var("COUPA_CLIENT_ID")?,
            std::env::var("COUPA_CLIENT_SECRET")?,
            None,
        ),
        Err(_) => {
            let faults = Faults {
                throttle_every: 4,
                throttle_burst: 2,
                reset_every: 9,
                ..Faults::default()
            };
            let fake = FakeCoupa::start(12, faults).await?;
            eprintln!(
                "COUPA_URL is not set: using a fake Coupa at {}",
                fake.base()
            );
            (
                InstanceUrl::loopback(fake.port())?,
                CLIENT_ID.to_owned(),
                CLIENT_SECRET.to_owned(),
                Some(fake),
            )
        }
    };
    let credentials = Credentials::new(id, secret, ["core.invoice.read", "core.invoice.write"])?;
    let coupa = CoupaClient::new(url, credentials)?;

    let query = Query::new(InvoiceHeader::resource_meta()).limit(50)?;
    let report = coupa
        .export_unexported(query, |invoice: &InvoiceHeader| {
            println!("{}", serde_json::to_string(invoice)?);
            Ok::<(), serde_json::Error>(())
        })
        .await?;
    eprintln!(
        "exported {} invoice(s) in {} listing page(s) with {} token request(s)",
        report.exported,
        report.pages,
        coupa.token_requests()
    );
    Ok(())
}
