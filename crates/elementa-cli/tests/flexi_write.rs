//! ABRA Flexi write bodies (the import format), shaped after the vendor's
//! "Record identifiers", "Partial updates" and "Setting the change mode"
//! documentation: the record's `update`/`create`/`action` attributes (in
//! JSON `@` keys), relation attributes `if-not-found` and `previousValue`
//! (in JSON `stat@if-not-found` beside `stat`).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

mod common;

use common::elementa;

const IN_STRICT: &[&str] = &[
    "check",
    "--resource",
    "flexi/adresar",
    "--direction",
    "in",
    "--strict",
];

#[test]
fn a_write_body_with_change_modes_and_relation_attributes_passes() {
    let mut args = IN_STRICT.to_vec();
    args.push("tests/fixtures/flexi/write/adresar-update.json");
    let r = elementa(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn an_action_the_evidence_does_not_have_is_named_under_strict() {
    let file = "tests/fixtures/flexi/write/adresar-bad-action.json";
    let mut args = IN_STRICT.to_vec();
    args.push(file);
    let r = elementa(&args);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "{file}: action: `archive` is not an allowed value (allowed: new, copy, edit, delete)\n\
             {file}: 1 problem(s)\n"
        )
    );
}

#[test]
fn write_attributes_survive_json_to_xml_and_back() {
    let file = "tests/fixtures/flexi/write/adresar-update.json";
    let xml = elementa(&[
        "convert",
        "--to",
        "xml",
        "--resource",
        "flexi/adresar",
        file,
    ]);
    assert_eq!(xml.code, 0, "{}", xml.stderr);
    assert!(
        xml.stdout
            .contains(r#"<adresar update="ok" create="fail">"#),
        "{}",
        xml.stdout
    );
    assert!(
        xml.stdout
            .contains(r#"<stat if-not-found="null">code:CZ</stat>"#),
        "{}",
        xml.stdout
    );
    assert!(
        xml.stdout
            .contains(r#"<skupFir previousValue="code:DOD">code:ODB</skupFir>"#),
        "{}",
        xml.stdout
    );
    let dir = std::env::temp_dir().join(format!("elementa-fw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xml_file = dir.join("adresar.xml");
    std::fs::write(&xml_file, &xml.stdout).unwrap();
    let json = elementa(&[
        "convert",
        "--to",
        "json",
        "--vendor",
        "flexi",
        xml_file.to_str().unwrap(),
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let back: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let mut original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::root().join(file)).unwrap()).unwrap();
    // XML cannot tell no external ids from an empty list; read back they
    // are the empty list Flexi's JSON exports write.
    original["adresar"]["external-ids"] = serde_json::json!([]);
    assert_eq!(back, original);
}
