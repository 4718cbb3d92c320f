//! ABRA Flexi documents through the CLI: records in the `winstrom`
//! envelope, write bodies and write answers.
//!
//! Where the shapes come from (ABRA Flexi's REST documentation and public
//! clients' captured payloads):
//! - `faktura-vydana.xml`/`.json`: an export with `detail=full` and
//!   `relations=polozkyDokladu` — several `<id>`s (`code:`, `ext:`), relations
//!   with `ref`/`showAs`, selects with `showAs`, empty values, dates with an
//!   offset, lines in `polozkyDokladu`; the JSON is the export's form (every
//!   scalar a string, `firma@showAs` keys, `external-ids`).
//! - `write/faktura-vydana-update.*`: the partial-update, change-mode and
//!   actions pages — `update`/`create`, `action="storno"`, a line's
//!   `action="delete"`, `<polozkyFaktury removeAll="true">` (the older list
//!   name), `if-not-found`/`previousValue` on a relation, an empty element
//!   clearing a value, `atomic="false"` on the envelope.
//! - `write-response*.xml`/`.json`: the return-values, validation and error
//!   pages — the older bare `<result>` with `warnings`/`infos`, the newer
//!   `<results>` with `stats` and an `<error path code for value>`, and the
//!   JSON forms (`request-id`; errors as `message` plus plain keys).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

mod common;

use common::elementa;

const INVOICE_XML: &str = "tests/fixtures/flexi/faktura-vydana.xml";
const INVOICE_JSON: &str = "tests/fixtures/flexi/faktura-vydana.json";
const WRITE_XML: &str = "tests/fixtures/flexi/write/faktura-vydana-update.xml";
const WRITE_JSON: &str = "tests/fixtures/flexi/write/faktura-vydana-update.json";

fn read(file: &str) -> String {
    std::fs::read_to_string(common::root().join(file)).unwrap()
}

/// `elementa convert --to <to> FILE`, which must succeed.
fn convert(to: &str, file: &str) -> String {
    let r = elementa(&["convert", "--to", to, "--vendor", "flexi", file]);
    assert_eq!(r.code, 0, "{file}: {}", r.stderr);
    r.stdout
}

/// Writes `text` to a temporary file named `name` and returns its path.
fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("elementa-flexi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn an_invoice_with_lines_relations_and_identifiers_round_trips_xml_and_json() {
    // XML → JSON is the export's JSON, byte for byte, and back.
    assert_eq!(convert("json", INVOICE_XML), read(INVOICE_JSON));
    assert_eq!(convert("xml", INVOICE_JSON), read(INVOICE_XML));
    assert_eq!(convert("xml", INVOICE_XML), read(INVOICE_XML));
    assert_eq!(convert("json", INVOICE_JSON), read(INVOICE_JSON));
    let json = read(INVOICE_JSON);
    for kept in [
        r#""id": "2859""#,
        r#""code:VF1-0042\/2024""#,
        r#""ext:SHOP:991000042""#,
        r#""firma@ref": "\/c\/demo\/adresar\/8179.xml""#,
        r#""firma@showAs": "PBENDA: Papírnictví Benda""#,
        r#""zamekK@showAs": "Otevřeno""#,
        r#""cenik": """#,
        r#""polozkyDokladu": ["#,
    ] {
        assert!(json.contains(kept), "{kept} in {json}");
    }
}

#[test]
fn documents_are_checked_by_the_evidence_they_hold() {
    for file in [INVOICE_XML, INVOICE_JSON] {
        let r = elementa(&["check", "--strict", file]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(
            r.stdout,
            format!("{file}: ok (1 flexi/faktura-vydana, direction out)\n")
        );
    }
}

#[test]
fn a_write_body_with_change_modes_actions_and_remove_all_passes_as_a_request() {
    for file in [WRITE_XML, WRITE_JSON] {
        let r = elementa(&["check", "--direction", "in", "--strict", file]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(
            r.stdout,
            format!("{file}: ok (3 flexi/faktura-vydana, direction in)\n")
        );
    }
    // The same record creating rather than updating misses what a new
    // invoice needs.
    let create = read(WRITE_XML).replace(r#" update="ok" create="fail""#, "");
    let file = temp("faktura-vydana-create.xml", &create);
    let r = elementa(&["check", "--direction", "in", &file]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("faktura-vydana[0].typDokl: required element is missing"),
        "{}",
        r.stderr
    );
}

#[test]
fn write_attributes_survive_xml_to_json_and_back() {
    assert_eq!(convert("json", WRITE_XML), read(WRITE_JSON));
    assert_eq!(convert("xml", WRITE_JSON), read(WRITE_XML));
    let json = read(WRITE_JSON);
    for kept in [
        r#""@atomic": "false""#,
        r#""@action": "storno""#,
        r#""@action": "delete""#,
        r#""polozkyFaktury@removeAll": "true""#,
        r#""firma@if-not-found": "null""#,
        r#""firma@previousValue": "code:PBENDA""#,
        r#""datSplat": """#,
    ] {
        assert!(json.contains(kept), "{kept} in {json}");
    }
}

#[test]
fn a_json_write_body_keeps_relation_attributes() {
    let file = "tests/fixtures/flexi/write/adresar-update.json";
    let r = elementa(&["check", "--direction", "in", "--strict", file]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let xml = convert("xml", file);
    for kept in [
        r#"<adresar update="ok" create="fail">"#,
        r#"<stat if-not-found="null">code:CZ</stat>"#,
        r#"<skupFir previousValue="code:DOD">code:ODB</skupFir>"#,
    ] {
        assert!(xml.contains(kept), "{kept} in {xml}");
    }
    let back: serde_json::Value =
        serde_json::from_str(&convert("json", &temp("adresar.xml", &xml))).unwrap();
    let mut original: serde_json::Value = serde_json::from_str(&read(file)).unwrap();
    // XML cannot tell no external ids from an empty list; read back they
    // are the empty list Flexi's JSON exports write.
    original["winstrom"]["adresar"][0]["external-ids"] = serde_json::json!([]);
    assert_eq!(back, original);
}

#[test]
fn an_action_the_evidence_does_not_have_is_named_under_strict() {
    let file = "tests/fixtures/flexi/write/adresar-bad-action.json";
    let r = elementa(&["check", "--direction", "in", "--strict", file]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "{file}:5:18: adresar[0].action: `archive` is not an allowed value (allowed: new, copy, edit, delete)\n\
             {file}: 1 problem\n"
        )
    );
}

#[test]
fn strict_names_unknown_properties_and_selects_outside_their_list() {
    let file = "tests/fixtures/flexi/check/faktura-vydana-strict.json";
    let lenient = elementa(&["check", file]);
    assert_eq!(lenient.code, 0, "{}", lenient.stderr);
    let strict = elementa(&["check", "--strict", file]);
    assert_eq!(strict.code, 1);
    // `showAs` beside a select is an export's decoration, not unknown.
    assert_eq!(
        strict.stderr,
        format!(
            "{file}:8:21: faktura-vydana[0].stavUhrK: `stavUhr.nevim` is not an allowed value \
             (allowed: stavUhr.castUhr, stavUhr.uhrazeno, stavUhr.uhrazenoRucne)\n\
             {file}:16:33: faktura-vydana[0].polozkyDokladu[0].typSzbDphK@label: unknown element\n\
             {file}:10:29: faktura-vydana[0].neznamaVlastnost: unknown element\n\
             {file}: 3 problems\n"
        )
    );
}

#[test]
fn write_answers_decode_in_both_forms_and_round_trip() {
    for (file, summary) in [
        (
            "tests/fixtures/flexi/write-response.xml",
            "1 flexi/write-response",
        ),
        (
            "tests/fixtures/flexi/write-response.results.xml",
            "1 flexi/write-response",
        ),
        (
            "tests/fixtures/flexi/write-response.json",
            "1 flexi/write-response",
        ),
        (
            "tests/fixtures/flexi/write-response.errors.json",
            "1 flexi/write-response",
        ),
    ] {
        let r = elementa(&["check", "--strict", file]);
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
        assert_eq!(r.stdout, format!("{file}: ok ({summary}, direction out)\n"));
        let (same, other) = if file.ends_with(".xml") {
            ("xml", "json")
        } else {
            ("json", "xml")
        };
        assert_eq!(convert(same, file), read(file), "{file}");
        let there = temp(&format!("answer.{other}"), &convert(other, file));
        assert_eq!(convert(same, &there), read(file), "{file} through {other}");
    }
    let json = convert("json", "tests/fixtures/flexi/write-response.xml");
    assert!(json.contains(r#""for": "radekDph""#), "{json}");
    assert!(json.contains(r#""infos": ["#), "{json}");
}
