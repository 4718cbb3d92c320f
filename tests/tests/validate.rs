//! Validation semantics on generated resources: every problem in one pass,
//! each with its path in wire names.

use elementa::{Direction, Field, Many, One, OpenEnum, Options, ProblemKind, validate};
use elementa_coupa::{
    ExpenseCategory, ExpenseLine, ExpenseReport, Integration, IntegrationError,
    IntegrationErrorDocumentType, IntegrationRun,
};

fn errors(codes: &[&str]) -> Many<IntegrationError> {
    codes
        .iter()
        .map(|c| IntegrationError {
            document_type: Field::Value(IntegrationErrorDocumentType::from_wire(c)),
            ..Default::default()
        })
        .collect()
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let run = IntegrationRun {
        id: Field::Value(5),
        status: Field::Value(OpenEnum::from_wire("archived")),
        integration_errors: Field::Value(errors(&["Invoice", "Supplier", "Foo", &"x".repeat(300)])),
        ..Default::default()
    };
    let lenient: Vec<String> = validate(&run, Options::new(Direction::Out))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lenient,
        ["integration-errors[3].document-type: 300 characters, longer than the maximum 255"]
    );

    let strict: Vec<(String, ProblemKind)> = validate(&run, Options::new(Direction::In).strict())
        .into_iter()
        .map(|p| (p.path, p.kind))
        .collect();
    let paths: Vec<&str> = strict.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "id",
            "integration",
            "integration-errors",
            "integration-errors[2].document-type",
            "integration-errors[3].document-type",
            "integration-errors[3].document-type",
            "status",
            "status",
        ]
    );
    assert_eq!(strict[0].1, ProblemKind::NotApiIn);
    assert_eq!(strict[1].1, ProblemKind::Missing);
    assert!(matches!(&strict[3].1, ProblemKind::NotAllowed { value, .. } if value == "Foo"));
}

#[test]
fn null_required_and_references_in_requests() {
    let run = IntegrationRun {
        integration: Field::Null,
        ..Default::default()
    };
    let p = validate(&run, Options::new(Direction::In));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].kind, ProblemKind::NullRequired);

    // An association in a request references an existing record: its id and
    // natural keys may be sent although they are out-only, and its own
    // required elements are not demanded.
    let run = IntegrationRun {
        integration: Field::Value(One::new(Integration {
            id: Field::Value(4),
            ..Default::default()
        })),
        ..Default::default()
    };
    assert!(validate(&run, Options::new(Direction::In)).is_empty());

    let report = ExpenseReport {
        expense_lines: Field::Value(Many::from(vec![ExpenseLine {
            expense_category: Field::Value(One::new(ExpenseCategory {
                name: "Airfare".into(),
                active: Field::Value(true),
                ..Default::default()
            })),
            ..Default::default()
        }])),
        ..Default::default()
    };
    assert!(validate(&report, Options::new(Direction::In)).is_empty());
}

#[test]
fn lengths_count_characters_not_bytes() {
    let ok = IntegrationError {
        document_status: Field::Value("č".repeat(255)),
        ..Default::default()
    };
    assert!(validate(&ok, Options::new(Direction::Out)).is_empty());
    let long = IntegrationError {
        document_status: Field::Value("č".repeat(256)),
        ..Default::default()
    };
    let p = validate(&long, Options::new(Direction::Out));
    assert_eq!(p[0].kind, ProblemKind::TooLong { max: 255, len: 256 });
}
