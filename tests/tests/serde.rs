//! serde on generated types, used as another team would: resources and
//! `Many<…>` inside the team's own `#[derive(Serialize, Deserialize)]`
//! struct, through `serde_json` (what reqwest's `.json()` and axum's `Json<T>`
//! use) and through another format. The bytes of a resource are the JSON
//! codec's, and nothing the codec keeps is lost: open enums' unknown values,
//! null against absent, unknown elements, numbers as written.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use elementa::{Any, Field, Many, One, OpenEnum};
use elementa_coupa::{ExpenseLine, ExpenseReport, User};
use elementa_tests::fixture;
use serde::{Deserialize, Serialize};

/// A consumer's own type, holding resources.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Export {
    batch: u32,
    user: User,
    lines: Many<ExpenseLine>,
    approver: Option<One<User>>,
}

/// A user shaped like a real response: an unknown value of an allowed-value
/// list, a null, unknown elements (a custom field and an exact big number).
const USER: &str = r#"{"id":20,"login":"jo","firstname":null,"business-group-security-type":7,"generate-password-and-notify":"Maybe","custom-field-8":"Cost centre 4711","legacy-score":4E70,"ratio":1.50}"#;

fn export() -> Export {
    let report: ExpenseReport =
        elementa_json::from_str(&fixture("coupa/expense-report-full.json")).unwrap();
    let lines: Many<ExpenseLine> = report
        .expense_lines
        .value()
        .unwrap()
        .iter()
        .cloned()
        .collect();
    Export {
        batch: 3,
        user: elementa_json::from_str(USER).unwrap(),
        lines,
        approver: Some(One::new(User {
            id: Field::Value(2),
            ..Default::default()
        })),
    }
}

#[test]
fn a_resource_inside_a_derived_struct_round_trips_through_serde_json() {
    let export = export();
    let text = serde_json::to_string(&export).unwrap();
    let back: Export = serde_json::from_str(&text).unwrap();
    assert_eq!(back, export);

    // The inner user's bytes are exactly what the JSON codec writes.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let user_at = text.find(r#""user":"#).unwrap() + r#""user":"#.len();
    let codec = elementa_json::to_string(&export.user);
    assert_eq!(
        text.get(user_at..user_at + codec.len()),
        Some(codec.as_str())
    );
    assert_eq!(codec, USER, "the codec writes the user as it came");
    assert_eq!(
        value["lines"].as_array().map(Vec::len),
        Some(export.lines.len())
    );
}

#[test]
fn what_the_codec_keeps_survives_serde() {
    let user: User = serde_json::from_str(USER).unwrap();
    // Open enums keep unknown values.
    assert_eq!(
        user.generate_password_and_notify
            .value()
            .map(|v| v.as_wire()),
        Some("Maybe")
    );
    // Null is not absent.
    assert!(user.firstname.is_null());
    assert!(user.lastname.is_absent());
    // Unknown elements, numbers with their own text.
    let extra: Vec<(&str, &Any)> = user
        .extra
        .iter()
        .map(|x| (x.name.as_str(), &x.value))
        .collect();
    assert_eq!(
        extra,
        vec![
            ("custom-field-8", &Any::String("Cost centre 4711".into())),
            ("legacy-score", &Any::Number("4E70".into())),
            ("ratio", &Any::Number("1.50".into())),
        ]
    );
    assert_eq!(serde_json::to_string(&user).unwrap(), USER);
}

#[test]
fn decimals_are_exact_or_refused_through_serde_json() {
    let report: ExpenseReport =
        serde_json::from_str(r#"{"id":1,"total":12345678901234567.89}"#).unwrap();
    assert_eq!(
        report.total.value().map(ToString::to_string).as_deref(),
        Some("12345678901234567.89")
    );
    let err = serde_json::from_str::<ExpenseReport>(r#"{"total":1e-30}"#).unwrap_err();
    assert!(err.to_string().contains("1e-30"), "{err}");
    // From a reader too (serde_json's other deserializer).
    let report: ExpenseReport =
        serde_json::from_reader(r#"{"total":"99999999999999999999"}"#.as_bytes()).unwrap();
    assert_eq!(
        report.total.value().map(ToString::to_string).as_deref(),
        Some("99999999999999999999")
    );
}

#[test]
fn mistakes_are_serde_errors_with_their_place() {
    let err = serde_json::from_str::<Export>(
        r#"{"batch":1,"user":{"login":"jo","active":"yes"},"lines":[],"approver":null}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: string \"yes\", expected a boolean at line 1 column 46"
    );
    let err = serde_json::from_str::<Many<User>>(r#"{"login":"jo"}"#).unwrap_err();
    assert!(err.to_string().contains("an array of coupa/user"), "{err}");
}

#[test]
fn another_format_carries_the_same_record() {
    // TOML has no null and no top-level array, and its tables keep their
    // keys sorted: a user without nulls, keys in that order (so unknown
    // elements keep their place), numbers plain and as written.
    let user: User = serde_json::from_str(
        r#"{"custom-field-8":"Cost centre 4711","generate-password-and-notify":"Maybe","id":20,"legacy-score":42,"login":"jo","ratio":1.50}"#,
    )
    .unwrap();
    let text = toml::to_string(&user).unwrap();
    assert!(
        text.contains("generate-password-and-notify = \"Maybe\""),
        "{text}"
    );
    let back: User = toml::from_str(&text).unwrap();
    assert_eq!(back, user);

    let report: ExpenseReport = toml::from_str("id = 1\ntotal = 1.5\n").unwrap();
    assert_eq!(
        report.total.value().map(ToString::to_string).as_deref(),
        Some("1.5")
    );
}

#[test]
fn one_and_many_have_the_usual_conveniences() {
    let mut lines: Many<ExpenseLine> = (1..=3)
        .map(|i| ExpenseLine {
            id: Field::Value(i),
            ..Default::default()
        })
        .collect();
    lines.push(ExpenseLine {
        id: Field::Value(4),
        ..Default::default()
    });
    lines.extend([ExpenseLine::default()]);
    let ids: Vec<Option<i64>> = (&lines)
        .into_iter()
        .map(|l| l.id.value().copied())
        .collect();
    assert_eq!(ids, [Some(1), Some(2), Some(3), Some(4), None]);
    let owned: Vec<ExpenseLine> = lines.into_iter().collect();
    assert_eq!(owned.len(), 5);
    let one = One::new(User {
        login: "ana".into(),
        ..Default::default()
    });
    assert_eq!(one.into_inner().login, Field::Value("ana".to_owned()));
}

/// serde buffers a value for `#[serde(flatten)]` (and untagged enums) and
/// hands numbers over as floats: decimals that a float holds exactly still
/// arrive, longer ones are refused rather than rounded, and unknown
/// elements keep a float a float.
#[test]
fn buffered_by_serde_values_are_exact_or_refused() {
    #[derive(Debug, Deserialize)]
    struct Wrapped {
        batch: u32,
        #[serde(flatten)]
        report: ExpenseReport,
    }
    let w: Wrapped =
        serde_json::from_str(r#"{"batch":1,"id":5,"total":12.5,"ratio":1.0,"big":4E70}"#).unwrap();
    assert_eq!(w.batch, 1);
    assert_eq!(
        w.report.total.value().map(ToString::to_string).as_deref(),
        Some("12.5")
    );
    let extra: Vec<(&str, &Any)> = w
        .report
        .extra
        .iter()
        .map(|x| (x.name.as_str(), &x.value))
        .collect();
    assert_eq!(
        extra,
        vec![
            ("ratio", &Any::Number("1.0".into())),
            ("big", &Any::Number("4e70".into())),
        ]
    );
    let err =
        serde_json::from_str::<Wrapped>(r#"{"batch":1,"total":12345678901234567.89}"#).unwrap_err();
    assert!(
        err.to_string().contains("send decimals as strings"),
        "{err}"
    );
}
