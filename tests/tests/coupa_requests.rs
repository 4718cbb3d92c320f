//! Coupa requests and responses for the two seed APIs (integration runs and
//! comments), sans-IO: every route rendered in XML and JSON.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use elementa::{Field, One, OpenEnum, Resource};
use elementa_coupa::mention::{CommentBuilder, Commentable};
use elementa_coupa::query::{Dir, Op, Query, QueryError};
use elementa_coupa::response::{self, Response};
use elementa_coupa::run::{self, RunAction};
use elementa_coupa::{
    ApiError, Client, Comment, ExpenseReport, Format, Integration, IntegrationError,
    IntegrationRun, IntegrationRunStatus, Request, RequestError,
};
use elementa_project::{Projection, ReturnObject};

fn run_body() -> IntegrationRun {
    IntegrationRun {
        integration: Field::Value(One::new(Integration {
            code: "ERP-EXPORT".into(),
            ..Default::default()
        })),
        start_time: Field::Value("2026-11-21T08:00:00+01:00".parse().unwrap()),
        total_records: Field::Value(250),
        ..Default::default()
    }
}

fn every_route(format: Format) -> String {
    let c = Client::new(format);
    let runs = IntegrationRun::resource_meta();
    let q = Query::new(runs)
        .filter("status", Op::In, "running,paused")
        .unwrap()
        .filter("integration.code", Op::Contains, "ERP & co")
        .unwrap()
        .filter("updated-at", Op::GtOrEq, "2026-11-01")
        .unwrap()
        .order_by("created-at", Dir::Desc)
        .unwrap()
        .offset(50)
        .limit(50)
        .unwrap()
        .project(Projection::ReturnObject(ReturnObject::Shallow));
    let progress = IntegrationRun {
        records_processed: Field::Value(120),
        ..Default::default()
    };
    let comment = CommentBuilder::new(Commentable::Invoice, 123456)
        .mention(2)
        .text(" please see this comment")
        .build();
    let comment_q = Query::new(Comment::resource_meta())
        .filter("created-by.login", Op::Exact, "user_login")
        .unwrap()
        .fields(r#"["id","comments",{"created_by":["login"]}]"#)
        .unwrap();
    let mut requests: Vec<Request> = vec![
        c.create_run(&run_body()).unwrap(),
        c.runs(Some(&q)).unwrap(),
        c.show_run(
            31,
            Some(&Query::new(runs).project(Projection::ReturnObject(ReturnObject::Limited))),
        )
        .unwrap(),
        c.update_run(31, &progress).unwrap(),
        c.patch_run(31, &progress).unwrap(),
    ];
    for action in RunAction::ALL {
        requests.push(c.force_run_status(31, action).unwrap());
    }
    for parent in Commentable::ALL {
        let body = Comment {
            commentable_type: Field::Value(parent.commentable_type().into()),
            ..comment.clone()
        };
        requests.push(c.create_comment(parent, 123456, &body).unwrap());
        requests.push(c.comments(parent, 123456, Some(&comment_q)).unwrap());
        requests.push(c.show_comment(parent, 123456, 7).unwrap());
    }
    requests.push(c.all_comments(Some(&comment_q)).unwrap());
    requests.push(c.comment_by_id(7).unwrap());
    requests.push(c.comment_attachments(7).unwrap());
    requests.push(c.comment_attachment(7, 9).unwrap());
    let exports = Query::new(ExpenseReport::resource_meta())
        .exported(false)
        .unwrap()
        .limit(50)
        .unwrap();
    requests.push(
        c.request(
            ExpenseReport::resource_meta(),
            "index",
            &[],
            Some(&exports),
            None,
        )
        .unwrap(),
    );
    requests.push(
        c.mark_exported(ExpenseReport::resource_meta(), 158)
            .unwrap(),
    );
    requests
        .iter()
        .map(|r| format!("{r}\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_route_in_json() {
    insta::assert_snapshot!(every_route(Format::Json));
}

#[test]
fn every_route_in_xml() {
    insta::assert_snapshot!(every_route(Format::Xml));
}

#[test]
fn the_state_machine_answers_every_status_and_action() {
    use IntegrationRunStatus::*;
    // (status, [run, pause, pending, success, fail])
    let table = [
        (Pending, [true, false, false, false, true]),
        (Running, [false, true, true, true, true]),
        (Paused, [true, false, true, false, true]),
        (Successful, [false, false, false, false, false]),
        (Failed, [false, false, true, false, false]),
        (Other("archived".into()), [true, true, true, true, true]),
    ];
    let c = Client::new(Format::Json);
    for (status, expected) in &table {
        for (action, allowed) in RunAction::ALL.iter().zip(expected) {
            assert_eq!(
                action.allowed_from(status),
                *allowed,
                "{action} from {}",
                status.as_wire()
            );
            let r = c.run_status(31, *action, Some(status));
            assert_eq!(r.is_ok(), *allowed, "{action} from {}", status.as_wire());
            // A forced call is always possible.
            assert!(c.force_run_status(31, *action).is_ok());
        }
    }
    let err = run::check(&Failed, RunAction::Run).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot `run` a run that is failed: `run` is for runs that are pending or paused (force the call if Coupa should decide)"
    );
    assert_eq!(RunAction::Success.target(), Successful);
    let run = IntegrationRun {
        status: Field::Value(OpenEnum::from_wire("successful")),
        ..Default::default()
    };
    assert!(run.check_action(RunAction::Pause).is_err());
}

#[test]
fn query_errors_name_what_is_wrong() {
    let runs = IntegrationRun::resource_meta();
    let e = Query::new(runs)
        .filter("created-at", Op::Contains, "2026")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "`contains` does not apply to `created-at` of type datetime"
    );
    let e = Query::new(runs)
        .filter("created_on", Op::Gt, "2026-01-01")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "coupa/integration-run has no element `created_on`"
    );
    let e = Query::new(runs)
        .filter("integration.nmae", Op::Exact, "x")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "coupa/integration".to_owned() + " has no element `nmae`"
    );
    let e = Query::new(runs).limit(51).unwrap_err();
    assert_eq!(e, QueryError::Limit(51));
    assert_eq!(
        e.to_string(),
        "limit 51 is out of range: Coupa returns 1 to 50 records per page"
    );
    assert!(Query::new(runs).limit(0).is_err());
    let e = Query::new(runs)
        .filter("total-records", Op::Gt, "many")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "`many` is not a valid integer for `total-records`"
    );
    let e = Query::new(runs)
        .filter("integration", Op::Exact, "4")
        .unwrap_err();
    assert!(matches!(e, QueryError::Operator { .. }), "{e}");
    let e = Query::new(runs)
        .filter("total-records.id", Op::Exact, "4")
        .unwrap_err();
    assert!(matches!(e, QueryError::Path { .. }), "{e}");
    assert!(
        Query::new(runs).exported(false).is_err(),
        "runs have no exported flag"
    );
    // Underscores are read as dashes, as Coupa's documentation writes them.
    let q = Query::new(runs)
        .filter("records_processed", Op::Blank, "false")
        .unwrap();
    assert_eq!(q.to_string(), "records-processed[blank]=false");
}

#[test]
fn pages_walk_offsets_until_a_short_page() {
    let q = Query::new(IntegrationRun::resource_meta())
        .limit(20)
        .unwrap();
    let mut pages = q.pages();
    let offsets: Vec<String> = (0..3)
        .map(|_| {
            let p = pages.next().unwrap();
            pages.received(20);
            p.to_string()
        })
        .collect();
    assert_eq!(
        offsets,
        [
            "offset=0&limit=20",
            "offset=20&limit=20",
            "offset=40&limit=20"
        ]
    );
    let last = pages.next().unwrap();
    assert_eq!(last.to_string(), "offset=60&limit=20");
    pages.received(7);
    assert!(pages.next().is_none());
}

#[test]
fn requests_are_checked_before_sending() {
    let c = Client::new(Format::Json);
    // integration is required on create.
    let e = c.create_run(&IntegrationRun::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the request body is invalid: integration: required element is missing"
    );
    // An update may leave it out; out-only elements are refused either way.
    let with_id = IntegrationRun {
        id: Field::Value(31),
        ..Default::default()
    };
    let e = c.update_run(31, &with_id).unwrap_err();
    assert!(matches!(e, RequestError::Invalid(_)), "{e}");
    let e = c
        .request(IntegrationRun::resource_meta(), "show", &[], None, None)
        .unwrap_err();
    assert_eq!(e.to_string(), "coupa/integration-run has no action `show`");
    let e = c
        .request(
            Comment::resource_meta(),
            "create",
            &[("parent", "invoices"), ("parent_id", "")],
            None,
            Some(&Comment::default()),
        )
        .unwrap_err();
    assert_eq!(e, RequestError::EmptyParam("parent_id"));
    let e = c
        .request(
            IntegrationRun::resource_meta(),
            "create",
            &[],
            None,
            Some(&Comment::default()),
        )
        .unwrap_err();
    assert!(matches!(e, RequestError::WrongBody { .. }), "{e}");
    // Path parameters are percent-encoded.
    let r = c
        .request(
            Comment::resource_meta(),
            "index",
            &[("parent", "invoices"), ("parent_id", "12/3")],
            None,
            None,
        )
        .unwrap();
    assert_eq!(r.url(), "/api/invoices/12%2F3/comments");
}

#[test]
fn responses_decode_in_both_formats_and_map_errors() {
    let c = Client::new(Format::Xml);
    let show = c.show_run(31, None).unwrap();
    let xml = "<integration-run><id type=\"integer\">31</id><status>running</status><records-processed type=\"integer\">120</records-processed><total-records type=\"integer\">250</total-records><integration-errors type=\"array\"><integration-error><id type=\"integer\">900</id><document-type>InvoiceHeader</document-type></integration-error></integration-errors></integration-run>";
    let run: IntegrationRun =
        response::one(&show, &Response::new(200, Some("application/xml"), xml))
            .unwrap()
            .unwrap();
    assert_eq!(run.status, Field::Value(IntegrationRunStatus::Running));
    assert_eq!(run.progress().unwrap().to_string(), "120/250 (48%)");
    let errors: Vec<&IntegrationError> = run.integration_errors.value().unwrap().iter().collect();
    assert_eq!(errors[0].id, Field::Value(900));

    let none: Option<IntegrationRun> = response::one(&show, &Response::new(200, None, "")).unwrap();
    assert!(none.is_none(), "return_object=none answers with no body");

    let index = c.runs(None).unwrap();
    let no_results = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors>\n  <error>No results match your search criteria.</error>\n</errors>\n";
    let empty: Vec<IntegrationRun> = response::list(
        &index,
        &Response::new(404, Some("application/xml"), no_results),
    )
    .unwrap();
    assert!(empty.is_empty());
    let empty: Vec<IntegrationRun> =
        response::list(&index, &Response::new(200, Some("application/json"), "[]")).unwrap();
    assert!(empty.is_empty());

    let create = c.create_run(&run_body()).unwrap();
    let invalid = r#"{"errors": {"integration": ["can't be blank"]}}"#;
    let e = response::one::<IntegrationRun>(
        &create,
        &Response::new(422, Some("application/json"), invalid),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "422 Unprocessable Entity: integration: can't be blank"
    );
    for (status, expected) in [
        (400, "400 Bad Request"),
        (401, "401 Unauthorized"),
        (403, "403 Forbidden"),
        (404, "404 Not Found"),
        (405, "405 Method Not Allowed"),
        (406, "406 Not Acceptable"),
        (409, "409 Conflict"),
        (429, "429 Too Many Requests"),
        (500, "500 Internal Server Error"),
        (503, "503 Service Unavailable"),
        (418, "HTTP 418"),
    ] {
        let e = response::check(
            &show,
            &Response::new(
                status,
                Some("application/xml"),
                "<errors><error>nope</error></errors>",
            ),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with(expected), "{status}: {e}");
    }
}

#[test]
fn the_seeds_comment_faults_are_typed() {
    let c = Client::new(Format::Json);
    let atts = c.comment_attachments(999).unwrap();
    let e = response::check(
        &atts,
        &Response::new(500, Some("text/html"), "<html>airbrake</html>"),
    )
    .unwrap_err();
    assert_eq!(e, ApiError::NoSuchComment("999".into()));
    let one = c.comment_attachment(7, 9).unwrap();
    let e = response::check(
        &one,
        &Response::new(
            200,
            Some("application/json"),
            r#"{"errors":["attachment has no attachment"]}"#,
        ),
    )
    .unwrap_err();
    assert_eq!(e, ApiError::UrlAttachment("9".into()));
    assert_eq!(
        e.to_string(),
        "attachment 9 is a URL attachment and has no file to fetch"
    );
}
