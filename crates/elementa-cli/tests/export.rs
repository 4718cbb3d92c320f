//! `elementa schema export`, run as a CI job or another team would run it.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)] // tests panic on purpose; a missing JSON key indexes to null and fails the assertion

mod common;

use common::{elementa, root};

fn committed(rel: &str) -> serde_json::Value {
    let text =
        std::fs::read_to_string(root().join("schemas/json").join(rel)).expect("committed bundle");
    serde_json::from_str(&text).expect("JSON")
}

/// Every resource the committed bundles hold, as (vendor, wire), from the
/// `<wire>+document` entries of the vendors' `out` bundles.
fn committed_resources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for vendor in ["coupa", "flexi"] {
        let bundle = committed(&format!("{vendor}.out.json"));
        for name in bundle["$defs"].as_object().expect("$defs").keys() {
            if let Some(wire) = name.strip_suffix("+document") {
                out.push((vendor.to_owned(), wire.to_owned()));
            }
        }
    }
    out
}

#[test]
fn export_prints_the_committed_records_of_each_variant() {
    let resources = committed_resources();
    assert!(
        resources
            .iter()
            .any(|(v, w)| v == "coupa" && w == "comment")
    );
    assert!(
        resources
            .iter()
            .any(|(v, w)| v == "flexi" && w == "changes")
    );
    for (direction, strict) in [("in", false), ("in", true), ("out", false), ("out", true)] {
        let suffix = if strict { ".strict" } else { "" };
        let bundles =
            ["coupa", "flexi"].map(|v| committed(&format!("{v}.{direction}{suffix}.json")));
        for (vendor, wire) in &resources {
            let id = format!("{vendor}/{wire}");
            let mut args = vec!["schema", "export", "--direction", direction];
            if strict {
                args.push("--strict");
            }
            args.push(&id);
            let r = elementa(&args);
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
            let printed: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
            let bundle = &bundles[usize::from(vendor == "flexi")];
            // Every record the single export holds is the bundle's, and its
            // document is the bundle's document of the resource.
            for (name, def) in printed["$defs"].as_object().expect("$defs") {
                assert_eq!(&bundle["$defs"][name], def, "{args:?}: {name}");
            }
            let document = &bundle["$defs"][format!("{wire}+document")];
            for key in ["anyOf", "properties", "required"] {
                assert_eq!(printed.get(key), document.get(key), "{args:?}: {key}");
            }
        }
    }
}

#[test]
fn lenient_responses_are_the_default() {
    let default = elementa(&["schema", "export", "coupa/comment"]);
    assert_eq!(default.code, 0, "{}", default.stderr);
    let printed: serde_json::Value = serde_json::from_str(&default.stdout).unwrap();
    assert_eq!(
        printed["$defs"]["comment"],
        committed("coupa.out.json")["$defs"]["comment"]
    );
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
    let format = elementa(&["schema", "export", "--format", "yaml", "coupa/comment"]);
    assert_eq!(format.code, 2);
    assert!(format.stderr.contains("json-schema"), "{}", format.stderr);
    let vendor = elementa(&["schema", "export", "--format", "openapi", "coupa/comment"]);
    assert_eq!(vendor.code, 2);
    assert!(
        vendor.stderr.contains("is not a vendor"),
        "{}",
        vendor.stderr
    );
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

#[test]
fn openapi_documents_are_per_vendor_and_match_the_committed_ones() {
    let r = elementa(&["schema", "export", "--format", "openapi", "flexi"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let committed =
        std::fs::read_to_string(common::root().join("schemas/openapi/flexi.openapi.json")).unwrap();
    assert!(r.stdout == committed, "run `cargo xtask export-schemas`");
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        doc["components"]["securitySchemes"]["basic"]["scheme"],
        "basic"
    );
    let list = &doc["paths"]["/c/{firm}/adresar"]["get"];
    let names: Vec<&str> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "firm",
            "detail",
            "start",
            "limit",
            "add-row-count",
            "add-global-version"
        ]
    );
    assert!(list["responses"]["200"]["content"]["application/xml"].is_object());
    let r = elementa(&["schema", "export", "--format", "openapi", "sap"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "elementa: `sap` is not a vendor: --format openapi takes `coupa` or `flexi`\n"
    );
}
