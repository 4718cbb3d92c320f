//! The ABRA Flexi transport against a fake ABRA Flexi
//! (`elementa_fakes::flexi`, whose module doc says where each shape comes
//! from): login sessions that expire, paged typed reads with `detail=`,
//! dry-run writes with warnings, refused writes, hook registration, change
//! polling through the sync cursor over a log with version gaps, and the
//! statuses ABRA Flexi answers for wrong credentials, an unpaid licence,
//! missing rights and a format it does not serve.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests panic on purpose

use std::time::Duration;

use elementa::Field;
use elementa_fakes::flexi::{Data, FORBIDDEN_FIRM, FakeFlexi, Faults, UNPAID_FIRM};
use elementa_flexi::cursor::{Batch, Store, SyncOptions};
use elementa_flexi::hook::HookRegistration;
use elementa_flexi::request::{Firm, Format, Limit, Method};
use elementa_flexi::response::Error as ApiError;
use elementa_flexi::session::LoginError;
use elementa_flexi::transport::{Auth, FlexiClient, FlexiError, Read, Settings};
use elementa_flexi::wire::Adresar;
use elementa_flexi::{ChangesRequest, Request};
use elementa_http::RetryPolicy;
use futures_util::TryStreamExt;

fn settings() -> Settings {
    Settings {
        retry: RetryPolicy {
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(40),
            ..RetryPolicy::default()
        },
        rate: None,
        timeout: Duration::from_secs(5),
    }
}

fn client(fake: &FakeFlexi, firm: &str, auth: Auth) -> FlexiClient {
    FlexiClient::with_settings(&fake.base(), Firm::new(firm).unwrap(), auth, settings()).unwrap()
}

fn session() -> Auth {
    Auth::session("winstrom", "winstrom")
}

#[tokio::test]
async fn login_then_a_paged_typed_read_with_summary_detail() {
    let data = Data {
        faults: Faults {
            // The session expires on the third page: one more login.
            expire_session_at: vec![3],
            unavailable_every: 4,
            reset_every: 5,
        },
        ..Data::default()
    };
    let fake = FakeFlexi::start(data).await.unwrap();
    let flexi = client(&fake, "demo", session());
    flexi.login().await.unwrap();
    flexi.keep_alive().await.unwrap();
    let read = Read::new()
        .detail("summary".parse().unwrap())
        .page(0, Limit::new(10).unwrap())
        .row_count();
    let pages: Vec<_> = flexi.pages::<Adresar>(read).try_collect().await.unwrap();
    let shape: Vec<_> = pages
        .iter()
        .map(|p| (p.start, p.records.len(), p.next))
        .collect();
    assert_eq!(
        shape,
        [
            (0, 10, Some(10)),
            (10, 10, Some(20)),
            (20, 10, Some(30)),
            (30, 10, Some(40)),
            (40, 5, None)
        ]
    );
    let codes: Vec<String> = pages
        .iter()
        .flat_map(|p| p.records.iter())
        .map(|a| a.kod.value().cloned().unwrap())
        .collect();
    assert_eq!(codes.len(), 45);
    assert_eq!(codes.first().map(String::as_str), Some("ADR0001"));
    assert_eq!(codes.last().map(String::as_str), Some("ADR0045"));
    assert!(pages.iter().all(|p| p.row_count == Some(45)));
    // Relations keep their `@ref` and `@showAs` beside the value.
    let first = &pages[0].records[0];
    assert_eq!(first.mesto, Field::Value("Praha".to_owned()));
    assert_eq!(flexi.logins(), 2);
    assert_eq!(fake.stats().logins, 2);
}

#[tokio::test]
async fn a_detail_level_that_does_not_fit_the_evidence_is_refused_before_sending() {
    let fake = FakeFlexi::start(Data::default()).await.unwrap();
    let flexi = client(&fake, "demo", Auth::basic("winstrom", "winstrom"));
    let read = Read::new().detail("custom:kod,nazevv".parse().unwrap());
    let err = flexi.read::<Adresar>(&read).await.unwrap_err();
    assert!(err.to_string().contains("nazevv"), "{err}");
    assert_eq!(fake.stats().requests, 0);
}

#[tokio::test]
async fn a_dry_run_write_answers_its_warnings_and_saves_nothing() {
    let fake = FakeFlexi::start(Data::default()).await.unwrap();
    let flexi = client(&fake, "demo", Auth::basic("winstrom", "winstrom"));
    let new = Adresar {
        kod: "NOVAK".into(),
        nazev: "Novák Elektro".into(),
        ..Default::default()
    };
    let response = flexi.write(vec![new], true).await.unwrap();
    assert_eq!(response.success, Field::Value(true));
    let results = response.results.value().unwrap();
    let warnings = results.iter().next().unwrap().warnings.value().unwrap();
    let warning = warnings.iter().next().unwrap();
    assert_eq!(warning.for_, Field::Value("email".to_owned()));
    assert_eq!(fake.stats().writes, 1);
    assert_eq!(fake.stats().saved, 0);

    // A refused write is an error carrying the write response, sent once.
    let taken = Adresar {
        kod: "ADR0001".into(),
        ..Default::default()
    };
    let err = flexi.write(vec![taken], false).await.unwrap_err();
    assert!(matches!(err, FlexiError::Rejected(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the write was refused: kod: Zkratka 'ADR0001' už patří jinému záznamu."
    );
    assert_eq!(fake.stats().writes, 2);
}

#[tokio::test]
async fn hooks_are_registered_listed_retried_and_unregistered() {
    let fake = FakeFlexi::start(Data::default()).await.unwrap();
    let flexi = client(&fake, "demo", session());
    let hook = HookRegistration {
        url: "https://mirror.example.com/flexi-hook?team=a&b".into(),
        format: Format::Json,
        last_version: Some(120),
        secret: Some("MyHookSecretToken0687".into()),
        skip_url_test: true,
    };
    assert!(!format!("{hook:?}").contains("MyHookSecretToken0687"));
    flexi.register_hook(&hook).await.unwrap();
    let hooks = flexi.hooks().await.unwrap();
    assert_eq!(hooks.len(), 1);
    assert_eq!(hooks[0].url, hook.url);
    assert_eq!(hooks[0].format.as_deref(), Some("JSON"));
    assert_eq!(hooks[0].last_version, Some(120));
    flexi.retry_hook(hooks[0].id).await.unwrap();
    flexi.unregister_hook(hooks[0].id).await.unwrap();
    assert!(flexi.hooks().await.unwrap().is_empty());
}

/// A mirror that records what it applied and the saved position.
#[derive(Default)]
struct Mirror {
    position: Option<u64>,
    applied: Vec<u64>,
}

impl Store for Mirror {
    type Error = String;
    fn load_position(&mut self) -> Result<Option<u64>, String> {
        Ok(self.position)
    }
    fn commit(&mut self, batch: &Batch) -> Result<(), String> {
        if self.position != Some(batch.from()) {
            return Err(format!(
                "position {:?} is not {}",
                self.position,
                batch.from()
            ));
        }
        self.applied
            .extend(batch.changes().iter().map(|c| c.version));
        self.position = Some(batch.to());
        Ok(())
    }
}

#[tokio::test]
async fn change_polling_drives_the_cursor_over_pages_with_version_gaps() {
    let data = Data {
        faults: Faults {
            reset_every: 3,
            ..Faults::default()
        },
        ..Data::default()
    };
    let versions = data.change_versions.clone();
    let fake = FakeFlexi::start(data).await.unwrap();
    let flexi = client(&fake, "demo", session());
    // After an initial load at globalVersion 100.
    let mut mirror = Mirror {
        position: Some(101),
        ..Mirror::default()
    };
    let template =
        ChangesRequest::new(Firm::new("demo").unwrap()).with_limit(Limit::new(7).unwrap());
    let report = flexi
        .sync(&mut mirror, &template, SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(mirror.applied, versions);
    assert_eq!(report.applied, versions.len());
    assert_eq!(report.pages, 5);
    let last = *versions.last().unwrap();
    assert_eq!(report.position, last + 1);
    // Polling again applies nothing twice.
    let again = flexi
        .sync(&mut mirror, &template, SyncOptions::default())
        .await
        .unwrap();
    assert_eq!((again.applied, again.position), (0, last + 1));
    assert_eq!(mirror.applied, versions);
}

#[tokio::test]
async fn wrong_credentials_an_unpaid_licence_missing_rights_and_formats_are_typed_errors() {
    let fake = FakeFlexi::start(Data::default()).await.unwrap();
    let read = Read::new();

    let wrong = client(&fake, "demo", Auth::session("winstrom", "guess"));
    let err = wrong.read::<Adresar>(&read).await.unwrap_err();
    assert!(
        matches!(&err, FlexiError::Login(LoginError::Refused(r)) if r == "Zadáno chybné jméno nebo heslo."),
        "{err:?}"
    );
    let wrong = client(&fake, "demo", Auth::basic("winstrom", "guess"));
    let err = wrong.read::<Adresar>(&read).await.unwrap_err();
    assert!(
        matches!(err, FlexiError::Api(ApiError::Unauthorized { .. })),
        "{err:?}"
    );

    let unpaid = client(&fake, UNPAID_FIRM, session());
    let err = unpaid.read::<Adresar>(&read).await.unwrap_err();
    assert!(
        matches!(err, FlexiError::Api(ApiError::PaymentRequired { .. })),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("Licence firmy není zaplacena"),
        "{err}"
    );

    let forbidden = client(&fake, FORBIDDEN_FIRM, session());
    let err = forbidden.read::<Adresar>(&read).await.unwrap_err();
    assert!(
        matches!(err, FlexiError::Api(ApiError::NotLicensed)),
        "{err:?}"
    );

    let flexi = client(&fake, "demo", session());
    let pdf = Request {
        method: Method::Get,
        path: "/c/demo/adresar/1001.pdf".into(),
        query: Vec::new(),
    };
    let err = flexi.send(&pdf, None).await.unwrap_err();
    assert!(
        matches!(err, FlexiError::Api(ApiError::NotAcceptable { .. })),
        "{err:?}"
    );
}
