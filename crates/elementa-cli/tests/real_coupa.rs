//! `elementa check` and `convert` on payloads shaped like Coupa's real ones
//! (`tests/fixtures/coupa/real/`, whose README names the vendor documents the
//! shapes come from): Rails-style type attributes, `nil`, legacy custom
//! fields beside the `custom-fields` namespace, nested arrays, error bodies.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

mod common;

use common::elementa;

const REAL: &str = "tests/fixtures/coupa/real";

/// `(file, resource)`: XML names its resource by its root element, JSON
/// (no root) is told, except an error body, which names itself.
const PAYLOADS: &[(&str, Option<&str>, &str)] = &[
    ("account.xml", None, "coupa/account"),
    ("account.json", Some("coupa/account"), "coupa/account"),
    ("exchange-rates.xml", None, "coupa/exchange-rate"),
    (
        "exchange-rates.json",
        Some("coupa/exchange-rate"),
        "coupa/exchange-rate",
    ),
    ("item.xml", None, "coupa/item"),
    ("item.json", Some("coupa/item"), "coupa/item"),
    ("suppliers.xml", None, "coupa/supplier"),
    ("suppliers.json", Some("coupa/supplier"), "coupa/supplier"),
    ("invoice-header.xml", None, "coupa/invoice-header"),
    (
        "invoice-headers.json",
        Some("coupa/invoice-header"),
        "coupa/invoice-header",
    ),
    ("order-header.xml", None, "coupa/order-header"),
    (
        "order-header.json",
        Some("coupa/order-header"),
        "coupa/order-header",
    ),
    ("user.xml", None, "coupa/user"),
    ("errors.xml", None, "coupa/errors"),
    ("errors.json", None, "coupa/errors"),
];

fn check(extra: &[&str], file: &str, resource: Option<&str>) -> common::Run {
    let path = format!("{REAL}/{file}");
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    if let Some(r) = resource {
        args.extend(["--resource", r]);
    }
    args.push(&path);
    elementa(&args)
}

#[test]
fn every_real_payload_is_found_and_valid() {
    for (file, resource, id) in PAYLOADS {
        let r = check(&[], file, *resource);
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
        assert!(
            r.stdout.contains(&format!("ok (1 {id}, direction out)")),
            "{file}: {}",
            r.stdout
        );
    }
}

#[test]
fn strict_passes_with_the_tenants_custom_fields_declared() {
    let declared = format!("{REAL}/custom-fields.toml");
    for (file, resource, _) in PAYLOADS {
        let r = check(&["--strict", "--custom-fields", &declared], file, *resource);
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
    }
}

#[test]
fn strict_names_undeclared_global_custom_fields_but_never_the_namespace() {
    let r = check(&["--strict"], "user.xml", None);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "tests/fixtures/coupa/real/user.xml:14:3: custom-field-8: unknown element\n\
         tests/fixtures/coupa/real/user.xml:15:3: radio-button-test: unknown element\n\
         tests/fixtures/coupa/real/user.xml: 2 problems\n"
    );
    // `custom-fields` on nested records (invoice lines) is the namespace too.
    let r = check(&["--strict"], "invoice-header.xml", None);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_bad_declaration_file_is_named_with_its_position() {
    let dir = std::env::temp_dir().join(format!("elementa-cf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "\"coupa/user\" = \"custom-field-1\"\n").unwrap();
    let r = check(
        &["--custom-fields", bad.to_str().unwrap()],
        "user.xml",
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.toml:1:"), "{}", r.stderr);
    assert!(r.stderr.contains("expected a sequence"), "{}", r.stderr);
    std::fs::write(&bad, "\"user\" = [\"custom-field-1\"]\n").unwrap();
    let r = check(
        &["--custom-fields", bad.to_str().unwrap()],
        "user.xml",
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`user` is not a resource id pattern"),
        "{}",
        r.stderr
    );
}

#[test]
fn error_messages_in_cdata_are_kept() {
    let r = elementa(&["convert", "--to", "json", &format!("{REAL}/errors.xml")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["error"],
        serde_json::json!([
            "Login has already been taken",
            "Email has already been taken"
        ])
    );
}

#[test]
fn an_update_body_need_not_carry_what_create_requires() {
    // A PUT /api/users/:id body: only what changes.
    let dir = std::env::temp_dir().join(format!("elementa-upd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = dir.join("user-update.json");
    std::fs::write(&body, r#"{"firstname": "Ana"}"#).unwrap();
    let body = body.to_str().unwrap();
    let create = elementa(&[
        "check",
        "--resource",
        "coupa/user",
        "--direction",
        "in",
        body,
    ]);
    assert_eq!(create.code, 1);
    assert!(
        create.stderr.contains("email: required element is missing"),
        "{}",
        create.stderr
    );
    let update = elementa(&[
        "check",
        "--resource",
        "coupa/user",
        "--direction",
        "in",
        "--update",
        body,
    ]);
    assert_eq!(update.code, 0, "{}", update.stderr);
    // Out-only elements are still refused in an update.
    std::fs::write(body, r#"{"id": 5, "firstname": "Ana"}"#).unwrap();
    let update = elementa(&[
        "check",
        "--resource",
        "coupa/user",
        "--direction",
        "in",
        "--update",
        body,
    ]);
    assert_eq!(update.code, 1);
    assert!(
        update.stderr.contains("id: not accepted in requests"),
        "{}",
        update.stderr
    );
    let misuse = elementa(&["check", "--resource", "coupa/user", "--update", body]);
    assert_eq!(misuse.code, 2);
}

fn convert(to: &str, resource: Option<&str>, file: &str) -> String {
    let mut args = vec!["convert", "--to", to];
    if let Some(r) = resource {
        args.extend(["--resource", r]);
    }
    args.push(file);
    let r = elementa(&args);
    assert_eq!(r.code, 0, "{file}: {}", r.stderr);
    r.stdout
}

#[test]
fn real_xml_re_encodes_byte_for_byte() {
    for (file, _, _) in PAYLOADS.iter().filter(|(f, ..)| f.ends_with(".xml")) {
        // The error body's CDATA is read as its text and written escaped.
        if *file == "errors.xml" {
            continue;
        }
        let path = format!("{REAL}/{file}");
        let original = std::fs::read_to_string(common::root().join(&path)).unwrap();
        assert_eq!(convert("xml", None, &path), original, "{file}");
    }
}

#[test]
fn a_user_through_json_keeps_its_elements_order_and_item_names() {
    let path = format!("{REAL}/user.xml");
    let original = std::fs::read_to_string(common::root().join(&path)).unwrap();
    let json = convert("json", None, &path);
    let dir = std::env::temp_dir().join(format!("elementa-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json_file = dir.join("user.json");
    std::fs::write(&json_file, &json).unwrap();
    let back = convert("xml", Some("coupa/user"), json_file.to_str().unwrap());
    // Every element in its place, the custom fields where they were, the
    // roles' items named `role`; only what JSON cannot say differs: the
    // `symbol` type of a string and whether an empty element was `<x/>`.
    let expected = original
        .replace(
            r#"<authentication-method type="symbol">"#,
            "<authentication-method>",
        )
        .replace(
            "<radio-button-test/>",
            "<radio-button-test></radio-button-test>",
        );
    assert_eq!(back, expected);
}

#[test]
fn unknown_elements_are_warnings_by_default_and_errors_under_strict() {
    let r = check(&[], "user.xml", None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Only the genuinely unknown elements: the `custom-fields` namespace is
    // never reported.
    assert_eq!(
        r.stderr,
        "tests/fixtures/coupa/real/user.xml:14:3: warning: custom-field-8: unknown element\n\
         tests/fixtures/coupa/real/user.xml:15:3: warning: radio-button-test: unknown element\n"
    );
    assert_eq!(
        r.stdout,
        "tests/fixtures/coupa/real/user.xml: ok (1 coupa/user, direction out), 2 warnings\n"
    );
    assert_eq!(check(&["--strict"], "user.xml", None).code, 1);
}

#[test]
fn an_error_body_checked_as_a_user_is_the_wrong_resource_in_every_mode() {
    for mode in [&[][..], &["--strict"][..]] {
        let r = check(mode, "errors.json", Some("coupa/user"));
        assert_eq!(r.code, 1, "{mode:?}: {}", r.stdout);
        assert_eq!(
            r.stderr,
            "tests/fixtures/coupa/real/errors.json:1:1: shares no element with coupa/user: is it another resource?\n\
             tests/fixtures/coupa/real/errors.json: 1 problem\n"
        );
    }
}

#[test]
fn a_body_of_custom_fields_only_is_not_another_resource() {
    let dir = std::env::temp_dir().join(format!("elementa-cf-only-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("user-update.json");
    std::fs::write(&file, "{\"custom-fields\": {\"cost-center\": \"CC-7\"}}\n").unwrap();
    let path = file.to_str().unwrap();
    let r = elementa(&[
        "check",
        "--resource",
        "coupa/user",
        "--direction",
        "in",
        "--method",
        "update",
        path,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let _ = std::fs::remove_dir_all(dir);
}
