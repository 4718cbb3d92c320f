//! The Coupa transport against a fake Coupa that misbehaves the way real
//! instances and their proxies do (`elementa_fakes::coupa`, whose module doc
//! says where each shape comes from): bursts of 429 with `Retry-After`,
//! 503s, answers cut half-way, a token refused before its `expires_in`,
//! slow answers, malformed bodies, and new invoices appearing while the
//! listing is paged.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests panic on purpose

use std::time::Duration;

use elementa::Resource;
use elementa_coupa::mention::Commentable;
use elementa_coupa::oauth::{Credentials, InstanceUrl};
use elementa_coupa::query::Query;
use elementa_coupa::transport::{ClientError, CoupaClient, ExportError, Settings};
use elementa_coupa::{ApiError, Format};
use elementa_coupa::{Comment, InvoiceHeader};
use elementa_fakes::coupa::{CLIENT_ID, CLIENT_SECRET, FakeCoupa, Faults};
use elementa_http::{RetryPolicy, SendError};
use futures_util::TryStreamExt;

/// The whole run of one test stays within this; a client that retried
/// without bound, or waited on a dead connection, would not.
const BUDGET: Duration = Duration::from_secs(60);

/// Fast retries, so that dozens of injected faults cost milliseconds.
fn settings() -> Settings {
    Settings {
        format: Format::Json,
        retry: RetryPolicy {
            max_attempts: 6,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(40),
            max_total: Duration::from_secs(10),
            retry_non_idempotent: false,
        },
        rate: None,
        timeout: Duration::from_millis(500),
    }
}

fn client(fake: &FakeCoupa) -> CoupaClient {
    let credentials = Credentials::new(
        CLIENT_ID,
        CLIENT_SECRET,
        ["core.invoice.read", "core.invoice.write"],
    )
    .unwrap();
    CoupaClient::with_settings(
        InstanceUrl::loopback(fake.port()).unwrap(),
        credentials,
        settings(),
    )
    .unwrap()
}

#[tokio::test]
async fn a_paged_export_under_faults_yields_every_invoice_once_and_marks_each() {
    let faults = Faults {
        throttle_every: 11,
        throttle_burst: 3,
        unavailable_every: 17,
        reset_every: 23,
        expire_token_at: vec![200],
        insert_every: 4,
        ..Faults::default()
    };
    let fake = FakeCoupa::start(520, faults).await.unwrap();
    let coupa = client(&fake);
    let mut seen = Vec::new();
    let query = Query::new(InvoiceHeader::resource_meta());
    let report = tokio::time::timeout(
        BUDGET,
        coupa.export_unexported::<InvoiceHeader, std::convert::Infallible>(query, |invoice| {
            seen.push(*invoice.id.value().unwrap());
            Ok(())
        }),
    )
    .await
    .expect("within the budget")
    .unwrap();

    let invoices = fake.invoices();
    assert!(invoices.len() > 520, "invoices were added while paging");
    // Every invoice, the ones added meanwhile included, exactly once.
    let mut sorted = seen.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "an invoice was processed twice");
    let all: Vec<i64> = invoices.iter().map(|(id, _)| *id).collect();
    assert_eq!(sorted, all);
    assert!(invoices.iter().all(|(_, exported)| *exported));
    assert_eq!(report.exported, all.len());
    let stats = fake.stats();
    assert!(stats.faults > 40, "{stats:?}");
    // One token at the start and one for the expiry, however many requests.
    assert_eq!(stats.token_requests, 2, "{stats:?}");
    assert_eq!(coupa.token_requests(), 2);
}

#[tokio::test]
async fn a_paged_listing_is_a_stream_of_typed_records_resumable_from_an_offset() {
    let fake = FakeCoupa::start(
        120,
        Faults {
            reset_every: 2,
            ..Faults::default()
        },
    )
    .await
    .unwrap();
    let coupa = client(&fake);
    let query = Query::new(InvoiceHeader::resource_meta());
    let pages: Vec<_> = coupa
        .pages::<InvoiceHeader>(query.clone())
        .try_collect()
        .await
        .unwrap();
    let shape: Vec<_> = pages
        .iter()
        .map(|p| (p.offset, p.records.len(), p.next))
        .collect();
    assert_eq!(
        shape,
        [(0, 50, Some(50)), (50, 50, Some(100)), (100, 20, None)]
    );
    // Resume from a saved offset.
    let rest: Vec<InvoiceHeader> = coupa
        .records(query.offset(100))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<i64> = rest.iter().map(|i| *i.id.value().unwrap()).collect();
    assert_eq!(ids, (101..=120).collect::<Vec<_>>());
    // Typed all the way down: nested lines, and unknown elements kept.
    let first = &pages[0].records[0];
    assert_eq!(first.invoice_lines.value().map(|l| l.len()), Some(2));
    assert_eq!(
        first.currency.value().and_then(|c| c.code.value().cloned()),
        Some("EUR".into())
    );
}

#[tokio::test]
async fn a_failed_create_is_reported_and_never_sent_twice() {
    let fake = FakeCoupa::start(
        1,
        Faults {
            unavailable_every: 1,
            ..Faults::default()
        },
    )
    .await
    .unwrap();
    let coupa = client(&fake);
    // A named route under its parent, built with the request builder.
    let comment = Comment {
        comments: "Approved for payment".into(),
        ..Default::default()
    };
    let request = coupa
        .requests()
        .create_comment(Commentable::Invoice, 1, &comment)
        .unwrap();
    let err = coupa.call(&request).await;
    assert!(
        matches!(err, Err(ClientError::Api(ApiError::Unavailable(_)))),
        "{err:?}"
    );
    assert_eq!(fake.stats().posts, 1);

    // A connection cut after a POST: reported as possibly applied, not retried.
    let fake = FakeCoupa::start(
        1,
        Faults {
            reset_every: 1,
            ..Faults::default()
        },
    )
    .await
    .unwrap();
    let coupa = client(&fake);
    let err = coupa.call(&request).await.unwrap_err();
    assert!(
        matches!(
            err,
            ClientError::Transport(SendError::Unreachable { attempts: 1, .. })
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("it may have been applied"),
        "{err}"
    );
    assert_eq!(fake.stats().posts, 1);
}

#[tokio::test]
async fn slow_answers_time_out_and_are_retried_within_the_budget() {
    let fake = FakeCoupa::start(
        3,
        Faults {
            slow_every: 1,
            slow_by: Duration::from_secs(5),
            ..Faults::default()
        },
    )
    .await
    .unwrap();
    let coupa = client(&fake);
    let started = std::time::Instant::now();
    let err = coupa.get::<InvoiceHeader>(1, None).await.unwrap_err();
    assert!(
        matches!(
            err,
            ClientError::Transport(SendError::TimedOut { attempts: 6, .. })
        ),
        "{err:?}"
    );
    assert!(started.elapsed() < BUDGET);
    assert_eq!(fake.stats().api_requests, 6);
}

#[tokio::test]
async fn a_malformed_body_is_a_decode_error_with_its_position() {
    let fake = FakeCoupa::start(
        3,
        Faults {
            malformed_every: 1,
            ..Faults::default()
        },
    )
    .await
    .unwrap();
    let coupa = client(&fake);
    let err = coupa
        .list::<InvoiceHeader>(&Query::new(InvoiceHeader::resource_meta()))
        .await
        .unwrap_err();
    let ClientError::Api(ApiError::Decode(e)) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        e.to_string(),
        "1:35: [0].invoice-number: EOF while parsing a string"
    );
}

#[tokio::test]
async fn wrong_credentials_and_scopes_are_typed_errors_and_not_retried() {
    let fake = FakeCoupa::start(1, Faults::default()).await.unwrap();
    let url = InstanceUrl::loopback(fake.port()).unwrap();
    let wrong = Credentials::new(CLIENT_ID, "nope", ["core.invoice.read"]).unwrap();
    let coupa = CoupaClient::with_settings(url.clone(), wrong, settings()).unwrap();
    let err = coupa.get::<InvoiceHeader>(1, None).await.unwrap_err();
    assert!(
        err.to_string().contains("refused the client id or secret"),
        "{err}"
    );
    let scopes = Credentials::new(
        CLIENT_ID,
        CLIENT_SECRET,
        ["core.invoice.read", "treasury.cash.read"],
    )
    .unwrap();
    let coupa = CoupaClient::with_settings(url, scopes, settings()).unwrap();
    let err = coupa.get::<InvoiceHeader>(1, None).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("core.invoice.read treasury.cash.read"),
        "{err}"
    );
    assert_eq!(fake.stats().token_requests, 2);
    assert_eq!(fake.stats().api_requests, 0);
}

#[tokio::test]
async fn a_failed_processing_stops_the_export_and_leaves_the_record_unmarked() {
    let fake = FakeCoupa::start(2, Faults::default()).await.unwrap();
    let coupa = client(&fake);
    let err = coupa
        .export_unexported::<InvoiceHeader, String>(
            Query::new(InvoiceHeader::resource_meta()),
            |_| Err("the ledger is closed".to_owned()),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ExportError::Process { done: 0, id: 1, .. }),
        "{err:?}"
    );
    assert!(fake.invoices().iter().all(|(_, e)| !e));
}

#[tokio::test]
async fn the_export_stops_instead_of_looping_when_marks_do_not_take() {
    let fake = FakeCoupa::start(
        3,
        Faults {
            ignore_marks: true,
            ..Faults::default()
        },
    )
    .await
    .unwrap();
    let coupa = client(&fake);
    let mut processed = 0;
    let err = coupa
        .export_unexported::<InvoiceHeader, std::convert::Infallible>(
            Query::new(InvoiceHeader::resource_meta()),
            |_| {
                processed += 1;
                Ok(())
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ExportError::ListedAgain { done: 3, id: 1 }),
        "{err:?}"
    );
    assert_eq!(processed, 3);
}

#[tokio::test]
async fn concurrent_callers_share_one_token_request() {
    let fake = FakeCoupa::start(30, Faults::default()).await.unwrap();
    let coupa = std::sync::Arc::new(client(&fake));
    let calls = (1..=30).map(|id| {
        let coupa = coupa.clone();
        async move { coupa.get::<InvoiceHeader>(id, None).await }
    });
    let invoices = futures_util::future::join_all(calls).await;
    assert!(invoices.iter().all(Result::is_ok));
    assert_eq!(fake.stats().token_requests, 1);
    assert_eq!(fake.stats().api_requests, 30);
}

#[tokio::test]
async fn a_named_action_returns_its_typed_record() {
    let fake = FakeCoupa::start(1, Faults::default()).await.unwrap();
    let coupa = client(&fake);
    let comment = Comment {
        comments: "Approved".into(),
        ..Default::default()
    };
    let request = coupa
        .requests()
        .create_comment(Commentable::Invoice, 1, &comment)
        .unwrap();
    let created: Comment = coupa.call_for(&request).await.unwrap().unwrap();
    assert_eq!(created.id, elementa::Field::Value(9001));
}

#[tokio::test]
async fn a_state_changing_put_action_is_not_repeated_but_an_update_is() {
    let fake = FakeCoupa::start(
        1,
        Faults {
            unavailable_every: 1,
            ..Faults::default()
        },
    )
    .await
    .unwrap();
    let coupa = client(&fake);
    let meta = InvoiceHeader::resource_meta();
    let invoice = InvoiceHeader::default();
    let submit = coupa
        .requests()
        .request(meta, "submit", &[("id", "1")], None, Some(&invoice))
        .unwrap();
    let err = coupa.call(&submit).await.unwrap_err();
    assert!(
        matches!(err, ClientError::Api(ApiError::Unavailable(_))),
        "{err:?}"
    );
    assert_eq!(fake.stats().api_requests, 1);
    // Marking sets a value: repeating it is harmless, so it is retried.
    let err = coupa.mark_exported::<InvoiceHeader>(1).await.unwrap_err();
    assert!(
        matches!(err, ClientError::Api(ApiError::Unavailable(_))),
        "{err:?}"
    );
    assert_eq!(fake.stats().api_requests, 1 + 6);
}
