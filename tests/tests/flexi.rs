//! The ABRA Flexi change listing of the seed, in both wire forms.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use elementa::{Direction, Options, ProblemKind, Resource, validate};
use elementa_flexi::change::{Next, Operation, RecordId};
use elementa_flexi::wire::{self, Changes};
use elementa_tests::fixture;

#[test]
fn seed_xml_listing_round_trips_byte_for_byte() {
    let text = fixture("flexi/changes.seed.xml");
    let doc = elementa_xml::decode(Changes::resource_meta(), &text, Default::default()).unwrap();
    assert_eq!(elementa_xml::encode(&doc).unwrap(), text);
}

#[test]
fn xml_and_json_forms_decode_to_the_same_records() {
    let from_xml = wire::page_from_xml(&fixture("flexi/changes.seed.xml")).unwrap();
    let from_json = wire::page_from_json(&fixture("flexi/changes.json")).unwrap();
    assert_eq!(from_xml, from_json);
    let versions: Vec<u64> = from_xml.changes.iter().map(|c| c.version).collect();
    assert_eq!(versions, [3, 4, 5]);
    assert_eq!(
        (from_xml.global_version, from_xml.next),
        (6, Next::Version(6))
    );
    assert_eq!(from_xml.changes[2].operation, Operation::Update);
    assert_eq!(
        from_xml.changes[2].ids,
        [RecordId::Numeric(1), RecordId::Code("VF1-0001/2012".into())]
    );
    assert_eq!(
        from_xml.changes[1].timestamp.as_str(),
        "2019-06-07 12:34:56.7"
    );
    insta::assert_debug_snapshot!(from_xml);
}

#[test]
fn json_form_round_trips_byte_for_byte_with_escaped_slashes() {
    let text = fixture("flexi/changes.json");
    let listing: Changes = elementa_json::from_str(&text).unwrap();
    assert_eq!(elementa_json::to_string(&listing) + "\n", text);
    assert!(text.contains(r#""code:VF1-0001\/2012""#));
}

#[test]
fn the_seed_json_listing_decodes_and_re_encodes_as_it_came() {
    let seed = fixture("flexi/changes.seed.json");
    let listing: Changes = elementa_json::from_str(&seed).unwrap();
    let page = wire::to_page(&listing).unwrap();
    let versions: Vec<(u64, &str)> = page
        .changes
        .iter()
        .map(|c| (c.version, c.evidence.as_str()))
        .collect();
    assert_eq!(versions, [(3, "invoice-issued"), (5, "faktura-vydana")]);
    assert_eq!((page.global_version, page.end()), (8, 6));
    // Its compact re-encoding is the seed text without the layout whitespace.
    let compact: String = seed
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .replace(", ", ",")
        .replace(": ", ":")
        .replace("{ ", "{")
        .replace(" }", "}")
        .replace("[ ", "[")
        .replace(" ]", "]");
    assert_eq!(elementa_json::to_string(&listing), compact.trim());
}

#[test]
fn xml_converts_to_the_seed_json_form_and_back() {
    let xml = fixture("flexi/changes.seed.xml");
    let listing: Changes = elementa_xml::from_str(&xml).unwrap();
    let json = elementa_json::to_string_pretty(&listing);
    insta::assert_snapshot!(json);
    let back: Changes = elementa_json::from_str(&json).unwrap();
    assert_eq!(back, listing);
    let doc = elementa_xml::decode(Changes::resource_meta(), &xml, Default::default()).unwrap();
    let again = elementa_xml::encode(&elementa_xml::Document {
        meta: Changes::resource_meta(),
        body: elementa_xml::Body::One(Box::new(back)),
        layout: doc.layout,
    })
    .unwrap();
    assert_eq!(again, xml);
}

#[test]
fn unknown_operations_are_kept_and_strict_reports_them() {
    let xml = "<winstrom version=\"1.0\" globalVersion=\"9\"><adresar in-version=\"8\" operation=\"merge\" timestamp=\"2019-06-07 12:34:56.123456\"><id>7</id><id>ext:SHOP:42</id></adresar><next>none</next></winstrom>";
    let listing: Changes = elementa_xml::from_str(xml).unwrap();
    let page = wire::to_page(&listing).unwrap();
    assert_eq!(page.changes[0].operation, Operation::Other("merge".into()));
    assert_eq!(page.changes[0].ids[1], RecordId::Ext("SHOP:42".into()));
    assert_eq!((page.next, page.end()), (Next::None, 10));
    assert!(validate(&listing, Options::new(Direction::Out)).is_empty());
    let strict = validate(&listing, Options::new(Direction::Out).strict());
    assert_eq!(strict.len(), 1);
    assert_eq!(strict[0].path, "changes[0].operation");
    assert!(matches!(&strict[0].kind, ProblemKind::NotAllowed { value, .. } if value == "merge"));
    assert_eq!(
        elementa_xml::to_string(&listing)
            .unwrap()
            .lines()
            .nth(2)
            .unwrap()
            .trim(),
        "<adresar in-version=\"8\" operation=\"merge\" timestamp=\"2019-06-07 12:34:56.123456\">"
    );
}

#[test]
fn malformed_listings_say_where() {
    let bad_ts = "<winstrom globalVersion=\"6\"><faktura-vydana in-version=\"3\" operation=\"create\" timestamp=\"2019-01-01 00:00:00.1234567\"><id>1</id></faktura-vydana><next>6</next></winstrom>";
    let err = wire::page_from_xml(bad_ts).unwrap_err();
    assert_eq!(err.path, "changes[0].timestamp");
    assert_eq!((err.line, err.column), (1, 29));

    let no_next = "{\"winstrom\": {\"@globalVersion\": \"6\", \"changes\": []}}";
    let err = wire::page_from_json(no_next).unwrap_err();
    assert_eq!(err.to_string(), "0:0: next: is missing");

    let not_wrapped = "{\"@globalVersion\": \"6\"}";
    let err = wire::page_from_json(not_wrapped).unwrap_err();
    assert!(err.message.contains("expected the key `winstrom`"), "{err}");
}

/// The answer to a write, typed, in its older XML form (bare `<result>`s
/// with warnings) and its JSON form (`results` with `request-id`); shapes
/// from ABRA Flexi's return-values and data-validation pages.
#[test]
fn write_answers_decode_into_one_typed_type() {
    use elementa_flexi::wire::WriteResponse;

    let xml: WriteResponse = elementa_xml::from_str(&fixture("flexi/write-response.xml")).unwrap();
    assert_eq!(xml.success.value(), Some(&true));
    let first = xml.result.value().unwrap().get(0).unwrap();
    assert_eq!(first.id.value().map(String::as_str), Some("105"));
    let warning = first.warnings.value().unwrap().get(0).unwrap();
    assert_eq!(warning.for_.value().map(String::as_str), Some("radekDph"));
    assert!(warning.message.value().unwrap().starts_with("Doklad nemá"));
    assert_eq!(first.infos.value().unwrap().len(), 1);
    assert!(xml.results.is_absent());

    let json: WriteResponse =
        elementa_json::from_str(&fixture("flexi/write-response.json")).unwrap();
    let result = json.results.value().unwrap().get(0).unwrap();
    assert_eq!(
        result.request_id.value().map(String::as_str),
        Some("code:PF0015/2022")
    );
    let stats = json.stats.value().unwrap();
    assert_eq!(stats.created.value(), Some(&1));

    let failed: WriteResponse =
        elementa_xml::from_str(&fixture("flexi/write-response.results.xml")).unwrap();
    assert_eq!(failed.success.value(), Some(&false));
    let error = failed.results.value().unwrap().get(1).unwrap();
    let error = error.errors.value().unwrap().get(0).unwrap();
    assert_eq!(
        (
            error.code.value().map(String::as_str),
            error.for_.value().map(String::as_str)
        ),
        (Some("PROP"), Some("firma"))
    );
}

/// `tests/fixtures/flexi/changes.hook.*` are shaped like web-hook bodies
/// captured from production servers: `globalVersion` is the `in-version` of
/// the last change (inclusive), `next` is `none`.
#[test]
fn a_real_shaped_hook_body_signals_a_poll_and_the_poll_continues_after_it() {
    use elementa_flexi::Cursor;
    use elementa_flexi::cursor::HookAction;

    let hook = wire::page_from_json(&fixture("flexi/changes.hook.json")).unwrap();
    assert_eq!(
        hook,
        wire::page_from_xml(&fixture("flexi/changes.hook.xml")).unwrap()
    );
    assert_eq!((hook.global_version, hook.next), (3656477, Next::None));
    assert_eq!(hook.end(), 3656478);
    assert!(hook.is_last());

    // A mirror loaded from an export at globalVersion 3656470 must poll …
    let cursor = Cursor::after_export(3656470);
    assert_eq!(cursor.on_hook(&hook), HookAction::Poll);
    // … and a poll answered with the same listing applies all six changes
    // and continues after the last one, not at it.
    let batch = cursor.plan(cursor.position(), hook.clone()).unwrap();
    assert_eq!(batch.changes().len(), 6);
    assert_eq!(batch.to(), 3656478);
    // Once there, the same body is old news.
    assert_eq!(Cursor::new(batch.to()).on_hook(&hook), HookAction::UpToDate);
}
