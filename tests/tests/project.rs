//! Projectors on the seed's return-format examples, typed and streaming.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use elementa::{Record, Resource};
use elementa_coupa::{ExpenseReport, IntegrationRun};
use elementa_project::stream::{Format, project_stream};
use elementa_project::{
    Fields, FieldsError, Method, Projection, ReturnObject, project, project_owned,
};
use elementa_tests::{fixture, sample};

fn full() -> ExpenseReport {
    elementa_json::from_str(&fixture("coupa/expense-report-full.json")).unwrap()
}

fn shallow() -> Projection {
    Projection::ReturnObject(ReturnObject::Shallow)
}

#[test]
fn shallow_gives_exactly_the_seed_shallow_response() {
    let out = project(&full(), &shallow()).unwrap().unwrap();
    let seed: ExpenseReport =
        elementa_json::from_str(&fixture("coupa/expense-report-shallow.seed.json")).unwrap();
    let got: &ExpenseReport = out.downcast_ref().unwrap();
    assert_eq!(
        got, &seed,
        "same keys, same values, same nulls, comments: []"
    );
    insta::assert_snapshot!(elementa_json::to_string_pretty(got));
    insta::assert_snapshot!(elementa_xml::to_string(got).unwrap());
}

#[test]
fn shallow_of_the_xml_fixture_is_the_same() {
    let from_xml: ExpenseReport =
        elementa_xml::from_str(&fixture("coupa/expense-report-full.xml")).unwrap();
    assert_eq!(from_xml, full());
}

#[test]
fn limited_is_the_id_only() {
    let out = project(&full(), &Projection::ReturnObject(ReturnObject::Limited))
        .unwrap()
        .unwrap();
    assert_eq!(elementa_json::to_string(&*out), r#"{"id":158}"#);
}

#[test]
fn none_is_no_body_and_only_for_post_and_put() {
    let none = Projection::ReturnObject(ReturnObject::None);
    assert!(project(&full(), &none).unwrap().is_none());
    assert!(none.check(Method::Post).is_ok() && none.check(Method::Put).is_ok());
    let err = none.check(Method::Get).unwrap_err();
    assert_eq!(
        err.to_string(),
        "return_object=none is only for POST and PUT; a GET has to return something"
    );
    assert!(none.check(Method::Patch).is_err());
}

#[test]
fn fields_select_exactly_those_keys_in_schema_order() {
    let meta = ExpenseReport::resource_meta();
    let f = Fields::parse(r#"[{"expense_lines":["amount","id"]},"title","id"]"#, meta).unwrap();
    let out = project(&full(), &Projection::Fields(f)).unwrap().unwrap();
    assert_eq!(
        elementa_json::to_string(&*out),
        r#"{"id":158,"title":"","expense-lines":[{"id":546,"amount":"255.00"},{"id":547,"amount":"212.40"},{"id":548,"amount":"38.17"},{"id":549,"amount":"61.50"}]}"#
    );
    // Dashes work too, and a nested selection goes any depth.
    let f = Fields::parse(
        r#"[{"expense-lines":[{"expense-category":["name"]}]}]"#,
        meta,
    )
    .unwrap();
    let out = project(&full(), &Projection::Fields(f)).unwrap().unwrap();
    assert!(
        elementa_json::to_string(&*out)
            .starts_with(r#"{"expense-lines":[{"expense-category":{"name":"Airfare"}}"#)
    );
}

#[test]
fn fields_errors_name_the_field_where_it_stands_and_suggest() {
    let meta = ExpenseReport::resource_meta();
    let e = Fields::parse(r#"["id","titel"]"#, meta).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fields[1]: `titel` is not an element of coupa/expense-report; did you mean `title`?"
    );

    let e = Fields::parse(r#"["id",{"expense_lines":["id","ammount"]}]"#, meta).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fields[1].expense_lines[1]: `ammount` is not an element of coupa/expense-line; did you mean `amount`?"
    );
    let e = Fields::parse(r#"[{"title":["id"]}]"#, meta).unwrap_err();
    assert!(matches!(e, FieldsError::NotAssociation { .. }), "{e}");
    let e = Fields::parse(r#"["id", 3]"#, meta).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fields[1]: expected a field name or an object of nested selections, found 3"
    );
    let e = Fields::parse(r#"["id""#, meta).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fields: not valid JSON at column 5: EOF while parsing a list"
    );
    let e = Fields::parse(r#"["zzzzzzzz"]"#, meta).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fields[0]: `zzzzzzzz` is not an element of coupa/expense-report"
    );
}

#[test]
fn custom_fields_selects_unknown_elements() {
    let user: elementa_coupa::User =
        elementa_xml::from_str(&fixture("coupa/user-custom-fields.xml")).unwrap();
    let f = Fields::parse(
        r#"["id",{"custom_fields":{}}]"#,
        elementa_coupa::User::resource_meta(),
    )
    .unwrap();
    let out = project(&user, &Projection::Fields(f)).unwrap().unwrap();
    assert_eq!(
        elementa_json::to_string(&*out),
        r#"{"id":20,"custom-field-8":"Cost centre 4711","radio-button-test":"option-b","custom-field-9":42,"custom-field-10":null}"#
    );
}

#[test]
fn query_strings_are_what_coupa_expects() {
    let meta = ExpenseReport::resource_meta();
    assert_eq!(shallow().query(), "return_object=shallow");
    assert_eq!(
        Projection::ReturnObject(ReturnObject::None).query(),
        "return_object=none"
    );
    assert_eq!(Projection::Full.query(), "");
    let f = Fields::parse(r#"["id","invoice_number"]"#, meta);
    assert!(
        f.is_err(),
        "invoice_number is not an expense-report element"
    );
    let f = Fields::parse(r#"[ "id", {"expense_lines": ["id", "amount"]} ]"#, meta).unwrap();
    assert_eq!(
        Projection::Fields(f).query(),
        "fields=%5B%22id%22%2C%7B%22expense_lines%22%3A%5B%22id%22%2C%22amount%22%5D%7D%5D"
    );
}

#[test]
fn a_selection_for_another_resource_is_refused() {
    let f = Fields::parse(r#"["id"]"#, IntegrationRun::resource_meta()).unwrap();
    assert!(project(&full(), &Projection::Fields(f)).is_err());
}

fn sample_list(n: i64) -> Vec<Box<dyn Record>> {
    (1..=n)
        .map(|i| Box::new(sample::expense_report(i)) as Box<dyn Record>)
        .collect()
}

#[test]
fn streaming_equals_the_typed_projection() {
    let meta = ExpenseReport::resource_meta();
    let records = sample_list(25);
    let projections = [
        shallow(),
        Projection::ReturnObject(ReturnObject::Limited),
        Projection::Fields(
            Fields::parse(r#"["id",{"expense_lines":["amount"]},"currency"]"#, meta).unwrap(),
        ),
        Projection::Full,
    ];
    for p in &projections {
        let typed: Vec<Box<dyn Record>> = records
            .iter()
            .map(|r| project(&**r, p).unwrap().unwrap())
            .collect();

        let json_in = serde_json::to_string(&elementa_json::JsonList(&records)).unwrap();
        let mut json_out = Vec::new();
        project_stream(
            meta,
            Format::Json,
            json_in.as_bytes(),
            &mut json_out,
            p,
            Method::Get,
        )
        .unwrap();
        let expected = serde_json::to_string(&elementa_json::JsonList(&typed)).unwrap() + "\n";
        assert_eq!(String::from_utf8(json_out).unwrap(), expected, "JSON {p:?}");

        let layout = elementa_xml::Layout::for_dialect(elementa::Dialect::Coupa);
        let xml_in =
            elementa_xml::encode_records(meta, records.iter().map(|r| &**r), &layout).unwrap();
        let mut xml_out = Vec::new();
        project_stream(
            meta,
            Format::Xml,
            xml_in.as_bytes(),
            &mut xml_out,
            p,
            Method::Get,
        )
        .unwrap();
        let expected =
            elementa_xml::encode_records(meta, typed.iter().map(|r| &**r), &layout).unwrap();
        assert_eq!(String::from_utf8(xml_out).unwrap(), expected, "XML {p:?}");
    }
}

#[test]
fn streaming_single_records_and_empty_lists() {
    let meta = ExpenseReport::resource_meta();
    let full_json = fixture("coupa/expense-report-full.json");
    let mut out = Vec::new();
    project_stream(
        meta,
        Format::Json,
        full_json.as_bytes(),
        &mut out,
        &Projection::ReturnObject(ReturnObject::Limited),
        Method::Get,
    )
    .unwrap();
    assert_eq!(out, b"{\"id\":158}\n");

    let full_xml = fixture("coupa/expense-report-full.xml");
    let mut out = Vec::new();
    project_stream(
        meta,
        Format::Xml,
        full_xml.as_bytes(),
        &mut out,
        &shallow(),
        Method::Get,
    )
    .unwrap();
    let seed: ExpenseReport =
        elementa_json::from_str(&fixture("coupa/expense-report-shallow.seed.json")).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        elementa_xml::to_string(&seed).unwrap()
    );

    for (format, input, expected) in [
        (Format::Json, " [ ] ", "[]\n"),
        (
            Format::Xml,
            "<expense-reports type=\"array\"/>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<expense-reports type=\"array\"/>\n",
        ),
    ] {
        assert_eq!(stream_text(meta, format, input, &shallow()), expected);
    }
}

#[test]
fn streaming_errors_point_into_the_whole_input() {
    let meta = ExpenseReport::resource_meta();
    let xml = "<expense-reports type=\"array\">\n  <expense-report>\n    <id>1</id>\n  </expense-report>\n  <expense-report>\n    <id>two</id>\n  </expense-report>\n</expense-reports>\n";
    let mut out = Vec::new();
    let err = project_stream(
        meta,
        Format::Xml,
        xml.as_bytes(),
        &mut out,
        &shallow(),
        Method::Get,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "6:5: [1].id: `two` is not a valid integer");

    let json = "[{\"id\": 1},\n {\"id\": \"two\"}]";
    let err = project_stream(
        meta,
        Format::Json,
        json.as_bytes(),
        &mut out,
        &shallow(),
        Method::Get,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "2:13: [1].id: invalid type: string \"two\", expected an integer"
    );
}

/// Every projection of every payload shaped like Coupa's real ones (and the
/// seed fixtures): `project_owned`, which the streaming projector uses to
/// move values instead of copying them, gives exactly what `project` gives.
#[test]
fn owned_projection_equals_the_copying_one_on_real_shaped_payloads() {
    let files = [
        "coupa/real/account.xml",
        "coupa/real/exchange-rates.xml",
        "coupa/real/item.xml",
        "coupa/real/suppliers.xml",
        "coupa/real/invoice-header.xml",
        "coupa/real/order-header.xml",
        "coupa/real/user.xml",
        "coupa/user-custom-fields.xml",
        "coupa/users.xml",
        "coupa/expense-report-full.xml",
        // ABRA Flexi: an invoice listing with lines and relations, and an
        // update whose line list asks `removeAll` (kept wherever the list is).
        "flexi/faktura-vydana.xml",
        "flexi/write/faktura-vydana-update.xml",
    ];
    let mut compared = 0;
    for file in files {
        let text = fixture(file);
        let (root, _) = elementa_xml::peek_root(&text).unwrap();
        let meta = if file.starts_with("flexi/") {
            elementa_flexi::wire::FakturaVydana::resource_meta()
        } else {
            elementa_coupa::RESOURCES
                .iter()
                .map(|m| m())
                .find(|m| m.root == root || m.plural == root)
                .unwrap_or_else(|| panic!("{file}: no resource for <{root}>"))
        };
        let doc = elementa_xml::decode(meta, &text, Default::default()).unwrap();
        let records: Vec<Box<dyn Record>> = match doc.body {
            elementa_xml::Body::One(r) => vec![r],
            elementa_xml::Body::List(rs) => rs,
        };
        let mut projections = vec![
            Projection::Full,
            Projection::ReturnObject(ReturnObject::None),
            Projection::ReturnObject(ReturnObject::Limited),
            shallow(),
            Projection::Fields(Fields::parse(r#"["id",{"custom_fields":{}}]"#, meta).unwrap()),
            Projection::Fields(Fields::parse(r#"["id"]"#, meta).unwrap()),
        ];
        for el in meta.elements {
            if let Some(target) = el.kind.target()
                && let Some(first) = target.elements.first()
            {
                let json = format!(r#"["id",{{"{}":["{}"]}}]"#, el.wire, first.wire);
                projections.push(Projection::Fields(Fields::parse(&json, meta).unwrap()));
            }
        }
        if file.ends_with("update.xml") {
            // The list of lines keeps its `removeAll` where it is kept.
            let Some(first) = records.first() else {
                panic!("{file}: no record")
            };
            for p in [&Projection::Full, &shallow()] {
                let out = project(&**first, p).unwrap().unwrap();
                let xml = elementa_xml::to_string(&*out).unwrap();
                assert!(
                    xml.contains(r#"<polozkyFaktury removeAll="true">"#),
                    "{p:?}: {xml}"
                );
            }
        }
        for record in &records {
            for p in &projections {
                let copied = project(&**record, p).unwrap();
                let moved = project_owned(record.clone_record(), p).unwrap();
                match (copied, moved) {
                    (None, None) => {}
                    (Some(c), Some(m)) => {
                        assert!(m.eq_record(&*c), "{file}: {p:?}");
                        assert_eq!(
                            elementa_xml::to_string(&*m).unwrap(),
                            elementa_xml::to_string(&*c).unwrap(),
                            "{file}: {p:?}"
                        );
                        assert_eq!(
                            elementa_json::to_string(&*m),
                            elementa_json::to_string(&*c),
                            "{file}: {p:?}"
                        );
                    }
                    (c, m) => panic!("{file}: {p:?}: {c:?} vs {m:?}"),
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "only {compared} projections compared");
}

/// Streaming `limited` and `shallow` skip what they drop unread (it is not
/// built): the output is still the typed projection of the whole record, on
/// real-shaped payloads with custom fields and nested arrays.
#[test]
fn pruned_streaming_equals_the_typed_projection_on_real_shaped_payloads() {
    let meta = elementa_coupa::OrderHeader::resource_meta();
    for (format, path) in [
        (Format::Json, "coupa/real/order-header.json"),
        (Format::Xml, "coupa/real/order-header.xml"),
    ] {
        let text = fixture(path);
        let whole = match format {
            Format::Json => elementa_json::decode(meta, &text).unwrap(),
            Format::Xml => elementa_xml::decode(meta, &text, Default::default())
                .unwrap()
                .body
                .into_records()
                .remove(0),
        };
        for p in [shallow(), Projection::ReturnObject(ReturnObject::Limited)] {
            let typed = project(&*whole, &p).unwrap().unwrap();
            let mut out = Vec::new();
            project_stream(meta, format, text.as_bytes(), &mut out, &p, Method::Get).unwrap();
            let out = String::from_utf8(out).unwrap();
            let expected = match format {
                Format::Json => elementa_json::to_string(&*typed) + "\n",
                Format::Xml => elementa_xml::to_string(&*typed).unwrap(),
            };
            assert_eq!(out, expected, "{path} {p:?}");
        }
    }
}

/// A bad value where `shallow` drops it does not stop the stream (it would
/// not reach the output); where `shallow` keeps it, it does.
#[test]
fn pruned_streaming_skips_bad_values_it_drops() {
    let meta = ExpenseReport::resource_meta();
    let dropped = r#"[{"id": 1, "expense-lines": [{"id": 7, "amount": "not a number"}]}]"#;
    let mut out = Vec::new();
    project_stream(
        meta,
        Format::Json,
        dropped.as_bytes(),
        &mut out,
        &shallow(),
        Method::Get,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "[{\"id\":1,\"expense-lines\":[{\"id\":7}]}]\n"
    );
    let kept = r#"[{"id": 1, "total": "not a number"}]"#;
    let err = project_stream(
        meta,
        Format::Json,
        kept.as_bytes(),
        &mut Vec::new(),
        &shallow(),
        Method::Get,
    )
    .unwrap_err();
    assert!(err.to_string().contains("total"), "{err}");
}

/// Streams `input` through the projection, as `elementa project` does.
fn stream_text(
    meta: &'static elementa::ResourceMeta,
    format: Format,
    input: &str,
    projection: &Projection,
) -> String {
    let mut out = Vec::new();
    project_stream(
        meta,
        format,
        input.as_bytes(),
        &mut out,
        projection,
        Method::Get,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// An ABRA Flexi listing (`tests/fixtures/flexi/faktura-vydana.*`, shaped
/// after a `/c/{firm}/faktura-vydana.{xml,json}` answer: `rowCount`,
/// external ids, relations with `ref` and `showAs`) comes out of a
/// streaming projection as a listing Flexi and elementa read: in its
/// `winstrom` envelope, with the envelope's attributes — not as a Coupa
/// list root, nor as one envelope per record.
#[test]
fn streaming_keeps_an_abra_flexi_listing_in_its_envelope() {
    use elementa_flexi::wire::{FakturaVydana, evidence};
    let meta = FakturaVydana::resource_meta();
    let limited = Projection::ReturnObject(ReturnObject::Limited);
    let xml = fixture("flexi/faktura-vydana.xml");
    let json = fixture("flexi/faktura-vydana.json");
    assert_eq!(
        stream_text(meta, Format::Xml, &xml, &limited),
        "<?xml version=\"1.0\"?>\n<winstrom version=\"1.0\" rowCount=\"1\">\n  <faktura-vydana>\n    <id>2859</id>\n  </faktura-vydana>\n</winstrom>\n"
    );
    assert_eq!(
        stream_text(meta, Format::Json, &json, &limited),
        "{\"winstrom\":{\"@version\":\"1.0\",\"@rowCount\":\"1\",\"faktura-vydana\":[{\"id\":\"2859\"}]}}\n"
    );

    // `shallow` streams what projecting each decoded record gives, in
    // Flexi's layout, and the envelope reads back with its attributes.
    let whole = elementa_xml::decode_envelope(&xml, &evidence, Default::default())
        .unwrap()
        .envelope;
    let mut expected = elementa::Envelope {
        attributes: whole.attributes.clone(),
        records: Vec::new(),
    };
    for r in &whole.records {
        expected
            .records
            .push(project(&**r, &shallow()).unwrap().unwrap());
    }
    let out = stream_text(meta, Format::Xml, &xml, &shallow());
    let document = elementa_xml::EnvelopeDocument {
        envelope: expected,
        layout: elementa_xml::Layout::for_dialect(elementa::Dialect::Flexi),
    };
    assert_eq!(out, elementa_xml::encode_envelope(&document).unwrap());
    let back = elementa_xml::decode_envelope(&out, &evidence, Default::default()).unwrap();
    assert_eq!(
        back.envelope.attributes,
        [("version", "1.0"), ("rowCount", "1")].map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    assert_eq!(back.envelope.records.len(), 1);
    let out = stream_text(meta, Format::Json, &json, &shallow());
    assert_eq!(
        out,
        format!(
            "{}\n",
            elementa_json::envelope_to_string(&document.envelope, false)
        )
    );

    // JSON keeps the attributes where the input has them (here, moved
    // after the records), and an evidence with no record stays listed.
    let after = r#"{"winstrom":{"@version":"1.0","faktura-vydana":[{"id":"7","kod":"A"},{"id":"8"}],"@rowCount":"2"}}"#;
    assert_eq!(
        stream_text(meta, Format::Json, after, &limited),
        "{\"winstrom\":{\"@version\":\"1.0\",\"faktura-vydana\":[{\"id\":\"7\"},{\"id\":\"8\"}],\"@rowCount\":\"2\"}}\n"
    );
    let empty = r#"{"winstrom":{"@version":"1.0","faktura-vydana":[]}}"#;
    assert_eq!(
        stream_text(meta, Format::Json, empty, &limited),
        format!("{empty}\n")
    );
    assert_eq!(
        stream_text(meta, Format::Xml, r#"<winstrom version="1.0"/>"#, &limited),
        "<?xml version=\"1.0\"?>\n<winstrom version=\"1.0\"/>\n"
    );

    // An input that fails at its first record leaves no half-written
    // envelope behind (the attributes wait for the first record).
    let mut out = Vec::new();
    let bad = r#"{"winstrom":{"@version":"1.0","faktura-vydana":[{"sumCelkem":"x"}]}}"#;
    let err = project_stream(
        meta,
        Format::Json,
        bad.as_bytes(),
        &mut out,
        &shallow(),
        Method::Get,
    );
    assert!(err.is_err());
    assert_eq!(String::from_utf8(out).unwrap(), "");

    // A change listing is a whole document: its entries are not records a
    // projection shapes (`limited` would give `<winstrom/>`, `shallow` lose
    // each change's evidence and version).
    let changes = elementa_flexi::wire::Changes::resource_meta();
    let mut out = Vec::new();
    let err = project_stream(
        changes,
        Format::Xml,
        fixture("flexi/changes.seed.xml").as_bytes(),
        &mut out,
        &limited,
        Method::Get,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "flexi/changes is a whole ABRA Flexi document, not records: return_object and fields shape an evidence's records (such as flexi/faktura-vydana)"
    );
    assert!(out.is_empty());
    let listing: elementa_flexi::wire::Changes =
        elementa_xml::from_str(&fixture("flexi/changes.seed.xml")).unwrap();
    assert!(project(&listing, &limited).is_err());
    assert!(project_owned(Box::new(listing), &shallow()).is_err());
}
