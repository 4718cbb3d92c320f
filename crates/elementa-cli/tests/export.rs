//! `elementa schema export`, run as a CI job or another team would run it.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

mod common;

use common::{elementa, root};

fn committed(rel: &str) -> String {
    std::fs::read_to_string(root().join("schemas/json").join(rel)).expect("committed schema")
}

/// Every committed export, as (resource id, direction, strict, path).
fn committed_exports() -> Vec<(String, String, bool, String)> {
    let mut out = Vec::new();
    for vendor in ["coupa", "flexi"] {
        let dir = root().join("schemas/json").join(vendor);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let parts: Vec<&str> = name.trim_end_matches(".json").split('.').collect();
            let (wire, direction, strict) = match parts.as_slice() {
                [w, d] => (*w, *d, false),
                [w, d, "strict"] => (*w, *d, true),
                _ => panic!("unexpected file {name}"),
            };
            out.push((
                format!("{vendor}/{wire}"),
                direction.to_owned(),
                strict,
                format!("{vendor}/{name}"),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn export_prints_exactly_the_committed_schema_of_each_variant() {
    let exports = committed_exports();
    // 13 resources, 4 variants each.
    assert_eq!(exports.len(), 52, "{exports:?}");
    for (id, direction, strict, rel) in exports {
        let mut args = vec![
            "schema",
            "export",
            "--format",
            "json-schema",
            "--direction",
            direction.as_str(),
        ];
        if strict {
            args.push("--strict");
        }
        args.push(&id);
        let r = elementa(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout == committed(&rel), "{args:?} differs from {rel}");
    }
}

#[test]
fn lenient_responses_are_the_default() {
    let default = elementa(&["schema", "export", "coupa/comment"]);
    assert_eq!(default.code, 0, "{}", default.stderr);
    assert_eq!(default.stdout, committed("coupa/comment.out.json"));
    let lenient = elementa(&["schema", "export", "--lenient", "coupa/comment"]);
    assert_eq!(lenient.stdout, default.stdout);
    let schema: serde_json::Value = serde_json::from_str(&default.stdout).unwrap();
    assert_eq!(
        schema["title"],
        "coupa/comment: response body (direction out), lenient"
    );
    assert!(
        schema["$defs"]["comment"]
            .get("additionalProperties")
            .is_none()
    );
    let strict = elementa(&["schema", "export", "--strict", "coupa/comment"]);
    let schema: serde_json::Value = serde_json::from_str(&strict.stdout).unwrap();
    assert_eq!(schema["$defs"]["comment"]["additionalProperties"], false);
}

#[test]
fn the_request_schema_of_a_comment_forbids_id_and_bounds_its_type() {
    let r = elementa(&["schema", "export", "--direction", "in", "coupa/comment"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let schema: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let comment = &schema["$defs"]["comment"]["properties"];
    assert_eq!(comment["id"], false);
    assert_eq!(comment["commentable-type"]["maxLength"], 255);
    assert_eq!(
        comment["commentable-type"]["description"],
        "Type of the document the comment is on, such as `InvoiceHeader`."
    );
}

#[test]
fn usage_errors_exit_2() {
    let unknown = elementa(&["schema", "export", "coupa/coment"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("unknown resource `coupa/coment`"),
        "{}",
        unknown.stderr
    );
    assert!(unknown.stdout.is_empty());
    let both = elementa(&["schema", "export", "--strict", "--lenient", "coupa/comment"]);
    assert_eq!(both.code, 2);
    assert!(
        both.stderr.contains("cannot be used with"),
        "{}",
        both.stderr
    );
    let format = elementa(&["schema", "export", "--format", "openapi", "coupa/comment"]);
    assert_eq!(format.code, 2);
    assert!(format.stderr.contains("json-schema"), "{}", format.stderr);
    let direction = elementa(&[
        "schema",
        "export",
        "--direction",
        "sideways",
        "coupa/comment",
    ]);
    assert_eq!(direction.code, 2);
    let missing = elementa(&["schema", "export"]);
    assert_eq!(missing.code, 2);
}

#[test]
fn help_names_the_export() {
    let r = elementa(&["schema", "--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("export"), "{}", r.stdout);
    let r = elementa(&["schema", "export", "--help"]);
    assert!(r.stdout.contains("--direction"), "{}", r.stdout);
    assert!(r.stdout.contains("--strict"), "{}", r.stdout);
}
