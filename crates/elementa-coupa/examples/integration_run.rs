//! An integration run from start to finish, as the requests a client sends:
//! create the run, start it, record progress and an integration error, and
//! finish it. Nothing is sent: each request is printed.
//!
//! `cargo run -p elementa-coupa --example integration_run [-- xml]`

use elementa::{Field, One};
use elementa_coupa::{
    Client, Format, Integration, IntegrationError, IntegrationErrorDocumentType, IntegrationRun,
    IntegrationRunStatus, RequestError, RunAction,
};

fn main() -> Result<(), RequestError> {
    let format = match std::env::args().nth(1).as_deref() {
        Some("xml") => Format::Xml,
        _ => Format::Json,
    };
    let client = Client::new(format);
    let mut requests = Vec::new();

    // 1. Create the run; Coupa answers with its id (31 here) and status pending.
    let run = IntegrationRun {
        integration: Field::Value(One::new(Integration {
            code: "ERP-EXPORT".into(),
            ..Default::default()
        })),
        start_time: Field::Value(
            "2026-11-21T08:00:00+01:00"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        ),
        total_records: Field::Value(250),
        ..Default::default()
    };
    requests.push(client.create_run(&run)?);
    let id = 31;
    let mut status = IntegrationRunStatus::Pending;

    // 2. Start it (allowed from pending).
    requests.push(client.run_status(id, RunAction::Run, Some(&status))?);
    status = RunAction::Run.target();

    // 3. Record progress.
    let progress = IntegrationRun {
        records_processed: Field::Value(120),
        ..Default::default()
    };
    requests.push(client.patch_run(id, &progress)?);

    // 4. Record an integration error against the run.
    let error = IntegrationError {
        integration_run: Field::Value(One::new(IntegrationRun {
            id: Field::Value(id),
            ..Default::default()
        })),
        document_type: Field::Value(IntegrationErrorDocumentType::InvoiceHeader),
        document_id: Field::Value(5512),
        document_status: "approved".into(),
        // Which alert Coupa raises for the error; R39 requires it.
        contact_alert_type: "Functional".into(),
        ..Default::default()
    };
    requests.push(client.create_integration_error(&error)?);

    // 5. Finish it (allowed from running).
    requests.push(client.run_status(id, RunAction::Success, Some(&status))?);

    for (i, r) in requests.iter().enumerate() {
        println!("--- request {} ---\n{r}\n", i + 1);
    }
    Ok(())
}
