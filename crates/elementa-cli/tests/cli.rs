//! The `elementa` binary, run as CI would run it.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

mod common;

use std::path::PathBuf;

use common::{Run, elementa, root};

const COMMENT_IN: &[&str] = &["check", "--resource", "coupa/comment", "--direction", "in"];

fn check_comment(file: &str) -> Run {
    let mut args = COMMENT_IN.to_vec();
    args.push(file);
    elementa(&args)
}

#[test]
fn seed_comment_is_a_valid_request() {
    let r = check_comment("examples/coupa/comment-create.json");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("ok (1 coupa/comment, direction in)"));
}

#[test]
fn out_only_id_in_a_request_is_named() {
    let r = check_comment("tests/fixtures/coupa/check/comment-with-id.json");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("comment-with-id.json:2:9: id: not accepted in requests"),
        "{}",
        r.stderr
    );
}

#[test]
fn overlong_commentable_type_is_named() {
    let r = check_comment("tests/fixtures/coupa/check/comment-type-too-long.json");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("commentable-type: 256 characters, longer than the maximum 255"),
        "{}",
        r.stderr
    );
}

#[test]
fn non_boolean_to_supplier_is_named_with_its_position() {
    let r = check_comment("tests/fixtures/coupa/check/comment-to-supplier-not-boolean.json");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "comment-to-supplier-not-boolean.json:5:22: to-supplier: invalid type: string \"yes\", expected a boolean"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn integration_run_request_needs_its_integration() {
    let r = elementa(&[
        "check",
        "--resource",
        "coupa/integration-run",
        "--direction",
        "in",
        "tests/fixtures/coupa/check/integration-run-without-integration.json",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("integration: required element is missing"),
        "{}",
        r.stderr
    );

    let ok = elementa(&[
        "check",
        "--resource",
        "coupa/integration-run",
        "--direction",
        "in",
        "examples/coupa/integration-run-create.json",
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
}

#[test]
fn unknown_allowed_value_fails_only_when_strict() {
    let file = "tests/fixtures/coupa/check/integration-error-foo.json";
    let base = [
        "check",
        "--resource",
        "coupa/integration-error",
        "--direction",
        "in",
    ];
    let lenient = elementa(&[&base[..], &[file]].concat());
    assert_eq!(lenient.code, 0, "{}", lenient.stderr);
    let strict = elementa(&[&base[..], &["--strict", file]].concat());
    assert_eq!(strict.code, 1);
    assert!(
        strict
            .stderr
            .contains("document-type: `Foo` is not an allowed value"),
        "{}",
        strict.stderr
    );
}

#[test]
fn a_response_list_checks_every_item() {
    let r = elementa(&[
        "check",
        "--resource",
        "coupa/integration-run",
        "--strict",
        "examples/coupa/integration-runs.json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("ok (1 coupa/integration-run, direction out)")
    );
}

#[test]
fn usage_errors_exit_2() {
    let unknown = elementa(&[
        "check",
        "--resource",
        "coupa/coment",
        "examples/coupa/comment-create.json",
    ]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("unknown resource `coupa/coment`"),
        "{}",
        unknown.stderr
    );

    let unreadable = check_comment("examples/coupa/no-such-file.json");
    assert_eq!(unreadable.code, 2);
    assert!(
        unreadable.stderr.contains("no-such-file.json: cannot read"),
        "{}",
        unreadable.stderr
    );

    let no_resource = elementa(&["check", "examples/coupa/comment-create.json"]);
    assert_eq!(no_resource.code, 2);

    let show = elementa(&["schema", "show", "coupa/nothing"]);
    assert_eq!(show.code, 2);
}

#[test]
fn worst_outcome_wins_across_files() {
    let mut args = COMMENT_IN.to_vec();
    args.extend([
        "examples/coupa/comment-create.json",
        "tests/fixtures/coupa/check/comment-with-id.json",
    ]);
    assert_eq!(elementa(&args).code, 1);
    args.push("examples/coupa/no-such-file.json");
    assert_eq!(elementa(&args).code, 2);
}

#[test]
fn schema_show_integration_run() {
    let r = elementa(&["schema", "show", "coupa/integration-run"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!(r.stdout);
}

/// One line per resource of the vendor crates' generated registries, in id
/// order; a few lines are snapshotted, so adding a resource needs no test
/// update.
#[test]
fn schema_list() {
    let r = elementa(&["schema", "list"]);
    assert_eq!(r.code, 0);
    let mut ids: Vec<&str> = elementa_coupa::RESOURCES
        .iter()
        .chain(elementa_flexi::wire::RESOURCES)
        .map(|m| m().id)
        .collect();
    ids.sort_unstable();
    let listed: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(listed, ids);
    let sample: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| {
            [
                "coupa/comment ",
                "coupa/user ",
                "flexi/changes ",
                "flexi/faktura-vydana ",
            ]
            .iter()
            .any(|id| l.starts_with(id))
        })
        .collect();
    insta::assert_snapshot!(sample.join("\n"));
}

#[test]
fn xml_payloads_are_checked_with_the_resource_from_their_root() {
    let ok = elementa(&[
        "check",
        "--direction",
        "in",
        "tests/fixtures/coupa/comment-create.xml",
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("ok (1 coupa/comment, direction in)"));

    let list = elementa(&["check", "tests/fixtures/coupa/users.xml"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("ok (2 coupa/user, direction out)"));
}

#[test]
fn strict_check_names_unknown_custom_fields() {
    let file = "tests/fixtures/coupa/user-custom-fields.xml";
    assert_eq!(elementa(&["check", file]).code, 0);
    let strict = elementa(&["check", "--strict", file]);
    assert_eq!(strict.code, 1);
    for name in [
        "custom-field-8",
        "radio-button-test",
        "custom-field-9",
        "custom-field-10",
    ] {
        assert!(
            strict.stderr.contains(&format!("{name}: unknown element")),
            "{}",
            strict.stderr
        );
    }
}

#[test]
fn convert_seed_comment_to_json_and_back() {
    let json = elementa(&[
        "convert",
        "--to",
        "json",
        "tests/fixtures/coupa/comment-create.xml",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    assert!(json.stdout.contains("\"commentable-id\": 123456"));
    assert!(
        json.stdout
            .contains("\"commentable-type\": \"InvoiceHeader\"")
    );

    let tmp = std::env::temp_dir().join(format!("elementa-cli-{}.json", std::process::id()));
    std::fs::write(&tmp, &json.stdout).unwrap();
    let xml = elementa(&[
        "convert",
        "--to",
        "xml",
        "--resource",
        "coupa/comment",
        tmp.to_str().unwrap(),
    ]);
    std::fs::remove_file(&tmp).ok();
    assert_eq!(xml.code, 0, "{}", xml.stderr);
    insta::assert_snapshot!(xml.stdout);

    let needs_resource = elementa(&[
        "convert",
        "--to",
        "xml",
        "examples/coupa/comment-create.json",
    ]);
    assert_eq!(needs_resource.code, 2);
}

fn write_temp(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("elementa-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn hostile_xml_exits_1_with_a_message() {
    let depth = 100_000;
    let deep = write_temp(
        "deep.xml",
        &format!("{}{}", "<user>".repeat(depth), "</user>".repeat(depth)),
    );
    let r = elementa(&["check", deep.to_str().unwrap()]);
    std::fs::remove_file(&deep).ok();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("nesting deeper than the limit of 128 levels"),
        "{}",
        r.stderr
    );

    let bomb = write_temp(
        "bomb.xml",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol9 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<user><login>&lol9;</login></user>\n",
    );
    let r = elementa(&["check", "--resource", "coupa/user", bomb.to_str().unwrap()]);
    std::fs::remove_file(&bomb).ok();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains(":2:1: a DTD (<!DOCTYPE …>) is not allowed"),
        "{}",
        r.stderr
    );
}

#[test]
fn malformed_json_is_invalid_not_a_usage_error() {
    let r = elementa(&[
        "check",
        "--resource",
        "coupa/expense-report",
        "--direction",
        "in",
        "tests/fixtures/coupa/expense-report-create.seed.json",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("expense-report-create.seed.json:16:6: expense-lines[0].expense-category: trailing comma"), "{}", r.stderr);
}

const FULL: &str = "tests/fixtures/coupa/expense-report-full.json";

fn project(extra: &[&str]) -> Run {
    let mut args = vec!["project", "--resource", "coupa/expense-report"];
    args.extend_from_slice(extra);
    args.push(FULL);
    elementa(&args)
}

#[test]
fn project_limited_none_and_fields() {
    let limited = project(&["--return-object", "limited"]);
    assert_eq!(
        (limited.code, limited.stdout.as_str()),
        (0, "{\"id\":158}\n")
    );

    let none_post = project(&["--method", "post", "--return-object", "none"]);
    assert_eq!((none_post.code, none_post.stdout.as_str()), (0, ""));

    let none_get = project(&["--method", "get", "--return-object", "none"]);
    assert_eq!(none_get.code, 2);
    assert!(
        none_get
            .stderr
            .contains("return_object=none is only for POST and PUT"),
        "{}",
        none_get.stderr
    );

    let fields = project(&[
        "--fields",
        r#"["id","title",{"expense_lines":["id","amount"]}]"#,
    ]);
    assert_eq!(fields.code, 0, "{}", fields.stderr);
    assert_eq!(
        fields.stdout,
        "{\"id\":158,\"title\":\"\",\"expense-lines\":[{\"id\":546,\"amount\":\"255.00\"},{\"id\":547,\"amount\":\"212.40\"},{\"id\":548,\"amount\":\"38.17\"},{\"id\":549,\"amount\":\"61.50\"}]}\n"
    );

    let typo = project(&["--fields", r#"["id","titel"]"#]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("`titel`") && typo.stderr.contains("did you mean `title`?"),
        "{}",
        typo.stderr
    );
}

#[test]
fn project_shallow_xml_finds_the_resource_from_the_root() {
    let r = elementa(&[
        "project",
        "--return-object",
        "shallow",
        "tests/fixtures/coupa/expense-report-full.xml",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(
        "<currency>\n    <id type=\"integer\">1</id>\n    <code>USD</code>\n  </currency>"
    ));
    assert!(!r.stdout.contains("<decimals"));
}

/// A Flexi listing names its evidence by its records, not by its root
/// (`<winstrom>`, the root of every Flexi document): `project` tells it by
/// the first record, as `check` does, and keeps the envelope.
#[test]
fn project_tells_an_abra_flexi_listing_by_its_first_record() {
    let r = elementa(&[
        "project",
        "--return-object",
        "limited",
        "tests/fixtures/flexi/faktura-vydana.xml",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "<?xml version=\"1.0\"?>\n<winstrom version=\"1.0\" rowCount=\"1\">\n  <faktura-vydana>\n    <id>2859</id>\n  </faktura-vydana>\n</winstrom>\n"
    );

    let empty = write_temp("empty-envelope.xml", "<winstrom version=\"1.0\"/>");
    let r = elementa(&[
        "project",
        "--return-object",
        "limited",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("holds no record to tell its evidence by; name it with --resource"),
        "{}",
        r.stderr
    );
}

#[test]
fn changes_prints_the_seed_listings() {
    let r = elementa(&[
        "changes",
        "tests/fixtures/flexi/changes.seed.xml",
        "tests/fixtures/flexi/changes.json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);

    let lines = elementa(&["changes", "--json", "tests/fixtures/flexi/changes.seed.xml"]);
    assert_eq!(lines.code, 0);
    let parsed: Vec<serde_json::Value> = lines
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(parsed.len(), 4);
    assert_eq!(
        parsed[2]["ids"],
        serde_json::json!(["1", "code:VF1-0001/2012"])
    );
    assert_eq!(parsed[3]["continueFrom"], 6);

    let bad = elementa(&["changes", "tests/fixtures/coupa/comment-create.xml"]);
    assert_eq!(bad.code, 1);
}

/// Shaped like web-hook bodies captured from production Flexi servers:
/// several evidences, `code:`/`ext:` ids, microsecond timestamps, and
/// `globalVersion` equal to the last change's `in-version` with `next` none.
#[test]
fn changes_on_a_real_shaped_hook_body_continues_after_its_last_change() {
    for file in [
        "tests/fixtures/flexi/changes.hook.json",
        "tests/fixtures/flexi/changes.hook.xml",
    ] {
        let r = elementa(&["changes", file]);
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
        assert!(
            r.stdout.ends_with("  continue from 3656478\n"),
            "{}",
            r.stdout
        );
        let lines = elementa(&["changes", "--json", file]);
        let parsed: Vec<serde_json::Value> = lines
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(parsed.len(), 7, "{file}");
        assert_eq!(parsed[5]["timestamp"], "2021-03-12 23:59:55.586215");
        assert_eq!(
            parsed[0]["ids"],
            serde_json::json!(["2087", "code:NOVAK-ELEKTRO", "ext:SHOP:10442"])
        );
        assert_eq!(parsed[6]["continueFrom"], 3656478);
    }
    // Both forms carry the same listing, microseconds included.
    let json = elementa(&[
        "convert",
        "--to",
        "json",
        "tests/fixtures/flexi/changes.hook.xml",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let mut converted: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    converted["winstrom"]
        .as_object_mut()
        .unwrap()
        .remove("@version");
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/flexi/changes.hook.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(converted, fixture);
}

#[test]
fn convert_flexi_listing_to_the_seed_json_form_and_back() {
    let json = elementa(&[
        "convert",
        "--to",
        "json",
        "tests/fixtures/flexi/changes.seed.xml",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let seed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/flexi/changes.json")).unwrap(),
    )
    .unwrap();
    // The XML carries an envelope version the seed's JSON form leaves out;
    // every other key and value is the same.
    let mut without_version = value.clone();
    without_version["winstrom"]
        .as_object_mut()
        .unwrap()
        .remove("@version");
    assert_eq!(without_version, seed);

    let tmp = write_temp("changes.json", &json.stdout);
    let xml = elementa(&[
        "convert",
        "--to",
        "xml",
        "--resource",
        "flexi/changes",
        tmp.to_str().unwrap(),
    ]);
    std::fs::remove_file(&tmp).ok();
    assert_eq!(
        xml.stdout,
        std::fs::read_to_string(root().join("tests/fixtures/flexi/changes.seed.xml")).unwrap()
    );
}
