//! The codecs on the seed examples: byte-exact round trips, conversions
//! between XML and JSON, malformed bodies, hostile input, unknown elements.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use std::time::Instant;

use elementa::{Any, Direction, Field, Options, ProblemKind, Record, Resource, validate};
use elementa_coupa::{Comment, ExpenseReport, User};
use elementa_tests::fixture;
use elementa_xml::{Body, DecodeOptions};

fn xml_roundtrip(meta: &'static elementa::ResourceMeta, text: &str) -> elementa_xml::Document {
    let doc = elementa_xml::decode(meta, text, DecodeOptions::default()).expect("decodes");
    assert_eq!(
        elementa_xml::encode(&doc).unwrap(),
        text,
        "XML re-encodes byte for byte"
    );
    doc
}

fn json_of(doc: &elementa_xml::Document) -> String {
    match &doc.body {
        Body::One(r) => elementa_json::to_string_pretty(&**r),
        Body::List(rs) => serde_json_pretty(&elementa_json::JsonList(rs)),
    }
}

fn serde_json_pretty(list: &elementa_json::JsonList<'_>) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json_ser(&mut out);
    serde::Serialize::serialize(list, &mut ser).unwrap();
    String::from_utf8(out).unwrap()
}

fn serde_json_ser(
    out: &mut Vec<u8>,
) -> serde_json::Serializer<&mut Vec<u8>, serde_json::ser::PrettyFormatter<'static>> {
    serde_json::Serializer::pretty(out)
}

#[test]
fn seed_comment_xml_round_trips_and_converts() {
    let text = fixture("coupa/comment-create.xml");
    let doc = xml_roundtrip(Comment::resource_meta(), &text);
    let comment: &Comment = doc.record().unwrap().downcast_ref().unwrap();
    insta::assert_debug_snapshot!(comment);

    let json = elementa_json::to_string_pretty(comment);
    assert!(
        json.contains("\"commentable-id\": 123456"),
        "a number: {json}"
    );
    assert!(json.contains("\"commentable-type\": \"InvoiceHeader\""));
    insta::assert_snapshot!(json);

    // And back: the seed XML's elements and type attributes.
    let back: Comment = elementa_json::from_str(&json).unwrap();
    assert_eq!(&back, comment);
    let xml = elementa_xml::to_string(&back).unwrap();
    insta::assert_snapshot!(xml);
    assert!(xml.contains("<commentable-id type=\"integer\">123456</commentable-id>"));
    assert!(xml.contains("<commentable-type>InvoiceHeader</commentable-type>"));
    assert!(xml.contains("<comments>@[User:2] please see this comment</comments>"));
}

#[test]
fn seed_shallow_expense_report_converts_and_round_trips() {
    let seed = fixture("coupa/expense-report-shallow.seed.json");
    let report: ExpenseReport = elementa_json::from_str(&seed).unwrap();
    insta::assert_debug_snapshot!(report);
    assert_eq!(
        report.total.value().map(ToString::to_string).as_deref(),
        Some("567.07")
    );
    assert!(report.auditor_note.is_null(), "explicit null is kept");
    assert_eq!(
        report.comments.value().map(|c| c.len()),
        Some(0),
        "[] is an empty list, not absent"
    );

    // Compact JSON is Coupa's canonical form and comes back byte for byte.
    let compact = elementa_json::to_string(&report);
    let again: ExpenseReport = elementa_json::from_str(&compact).unwrap();
    assert_eq!(elementa_json::to_string(&again), compact);
    assert!(
        compact.contains("\"total\":\"567.07\""),
        "decimals stay strings with their scale"
    );
    assert!(compact.contains("\"created-at\":\"2010-09-22T20:42:57-07:00\""));

    // XML -> typed -> JSON -> typed -> XML gives the same value.
    let xml = elementa_xml::to_string(&report).unwrap();
    insta::assert_snapshot!(xml);
    let from_xml: ExpenseReport = elementa_xml::from_str(&xml).unwrap();
    assert_eq!(from_xml, report);
    let via_json: ExpenseReport =
        elementa_json::from_str(&elementa_json::to_string(&from_xml)).unwrap();
    assert_eq!(via_json, report);
    assert_eq!(elementa_xml::to_string(&via_json).unwrap(), xml);
}

#[test]
fn malformed_seed_bodies_fail_with_line_and_column() {
    let trailing = fixture("coupa/expense-report-create.seed.json");
    let err = elementa_json::from_str::<ExpenseReport>(&trailing).unwrap_err();
    assert_eq!((err.line, err.column), (16, 6), "{err}");
    assert_eq!(err.path, "expense-lines[0].expense-category");
    assert!(err.message.contains("trailing comma"), "{err}");

    let quotes = fixture("coupa/expense-reports-limited.seed.json");
    let err = elementa_json::from_str::<ExpenseReport>(&quotes).unwrap_err();
    assert_eq!((err.line, err.column), (1, 2), "{err}");
    assert!(err.message.contains("key must be a string"), "{err}");
}

#[test]
fn custom_fields_survive_both_conversions_and_strict_check_names_them() {
    let text = fixture("coupa/user-custom-fields.xml");
    let doc = xml_roundtrip(User::resource_meta(), &text);
    let user: &User = doc.record().unwrap().downcast_ref().unwrap();
    assert_eq!(
        user.extra.get("custom-field-8"),
        Some(&Any::String("Cost centre 4711".into()))
    );
    assert_eq!(
        user.extra.get("custom-field-9"),
        Some(&Any::Number("42".into()))
    );
    assert_eq!(
        user.is_active,
        Field::Value(true),
        "`active?` is its own element"
    );
    assert_eq!(user.active, Field::Value(true));

    let json = elementa_json::to_string_pretty(user);
    insta::assert_snapshot!(json);
    let back: User = elementa_json::from_str(&json).unwrap();
    assert_eq!(&back, user);
    let layout = doc.layout.clone();
    let again = elementa_xml::encode(&elementa_xml::Document {
        meta: User::resource_meta(),
        body: Body::One(Box::new(back)),
        layout,
    })
    .unwrap();
    assert_eq!(
        again, text,
        "unknown elements come back in place, with their types"
    );

    let strict = validate(user, Options::new(Direction::Out).strict());
    let unknown: Vec<&str> = strict
        .iter()
        .filter(|p| p.kind == ProblemKind::Unknown)
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(
        unknown,
        [
            "custom-field-8",
            "radio-button-test",
            "custom-field-9",
            "custom-field-10"
        ]
    );
    assert!(validate(user, Options::new(Direction::Out)).is_empty());
}

#[test]
fn top_level_lists_decode_and_round_trip() {
    let text = fixture("coupa/users.xml");
    let doc = xml_roundtrip(User::resource_meta(), &text);
    let users = doc.records();
    assert_eq!(users.len(), 2);
    let second: &User = users[1].downcast_ref().unwrap();
    assert_eq!(second.login, Field::Value("second&login".into()));
    insta::assert_snapshot!(json_of(&doc));

    let list: Vec<User> = elementa_json::from_str_list(&json_of(&doc)).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(&list[1], second);
}

#[test]
fn xml_forms_coupa_sends_decode_alike() {
    let meta = ExpenseReport::resource_meta();
    let plain = "<expense-report><id>1</id><title></title><paid>false</paid><total>1.50</total><auditor-note/><comments type=\"array\"/></expense-report>";
    let typed = "<expense-report><id type=\"integer\">1</id><title/><paid type=\"boolean\">false</paid><total type=\"decimal\">1.50</total><auditor-note nil=\"true\"/><comments type=\"array\"></comments></expense-report>";
    let a = elementa_xml::decode(meta, plain, DecodeOptions::default()).unwrap();
    let b = elementa_xml::decode(meta, typed, DecodeOptions::default()).unwrap();
    let (a, b): (&ExpenseReport, &ExpenseReport) = (
        a.record().unwrap().downcast_ref().unwrap(),
        b.record().unwrap().downcast_ref().unwrap(),
    );
    // `<auditor-note/>` is the empty string; `nil="true"` is null.
    assert_eq!(a.auditor_note, Field::Value(String::new()));
    assert!(b.auditor_note.is_null());
    assert_eq!(a.title, b.title);
    assert_eq!(
        a.total.value().map(ToString::to_string).as_deref(),
        Some("1.50")
    );
    assert_eq!(a.comments, b.comments);
}

#[test]
fn bad_values_say_where() {
    let meta = ExpenseReport::resource_meta();
    let text = "<expense-report>\n  <expense-lines type=\"array\">\n    <expense-line>\n      <amount>12,50</amount>\n    </expense-line>\n  </expense-lines>\n</expense-report>";
    let err = elementa_xml::decode(meta, text, DecodeOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "4:7: expense-lines[0].amount: `12,50` is not a valid decimal"
    );

    let json = "{\"expense-lines\": [{\"amount\": \"12,50\"}]}";
    let err = elementa_json::from_str::<ExpenseReport>(json).unwrap_err();
    assert_eq!(err.path, "expense-lines[0].amount");
    assert_eq!((err.line, err.column), (1, 38), "just after the value");

    let dup = "<comment><id>1</id><id>2</id></comment>";
    let err = elementa_xml::from_str::<Comment>(dup).unwrap_err();
    assert_eq!(err.to_string(), "1:20: id: duplicate element");
    let err = elementa_json::from_str::<Comment>("{\"id\": 1, \"id\": 2}").unwrap_err();
    assert_eq!(err.path, "id");
    assert!(err.message.contains("duplicate element"));
}

#[test]
fn hostile_xml_is_refused_quickly() {
    let meta = User::resource_meta();
    let depth = 100_000;
    let deep = format!("{}{}", "<user>".repeat(depth), "</user>".repeat(depth));
    let started = Instant::now();
    let err = elementa_xml::decode(meta, &deep, DecodeOptions::default()).unwrap_err();
    assert!(
        err.message.contains("nesting deeper than the limit of 128"),
        "{err}"
    );
    let _ = started; // timing is shown by the CLI test, never asserted

    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>\n<user><login>&lol2;</login></user>";
    let err = elementa_xml::decode(meta, bomb, DecodeOptions::default()).unwrap_err();
    assert_eq!(err.line, 2);
    assert!(err.message.contains("DTD"), "{err}");

    let undeclared = "<user><login>&lol2;</login></user>";
    let err = elementa_xml::decode(meta, undeclared, DecodeOptions::default()).unwrap_err();
    assert!(err.message.contains("unknown entity `&lol2;`"), "{err}");
    assert_eq!(err.path, "login");

    let limited = DecodeOptions {
        max_depth: 2,
        ..Default::default()
    };
    let nested = "<expense-report><currency><code>USD</code></currency></expense-report>";
    let meta = ExpenseReport::resource_meta();
    assert!(elementa_xml::decode(meta, nested, limited).is_ok());
    let limited = DecodeOptions {
        max_depth: 1,
        ..Default::default()
    };
    assert!(elementa_xml::decode(meta, nested, limited).is_err());
}

#[test]
fn deep_json_is_refused() {
    let deep = format!("{}1{}", "{\"currency\":".repeat(10_000), "}".repeat(10_000));
    let err = elementa_json::from_str::<ExpenseReport>(&deep).unwrap_err();
    assert!(
        err.message.contains("nesting") || err.message.contains("recursion"),
        "{err}"
    );
    // Malformed at the bottom: refused too.
    let deep = format!("{}{}", "{\"currency\":".repeat(10_000), "}".repeat(10_000));
    assert!(elementa_json::from_str::<ExpenseReport>(&deep).is_err());
}

#[test]
fn records_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<ExpenseReport>();
    check::<Box<dyn Record>>();
}

/// A record that came in schema order keeps no trace: elements added after
/// decoding take their schema place. One that came in another order keeps
/// that order, with what was added after it.
#[test]
fn additions_follow_the_order_a_record_came_in() {
    use elementa_coupa::User;
    let mut u: User = elementa_json::from_str(r#"{"id":1,"email":"a@b.c"}"#).unwrap();
    u.login = Field::Value("jo".into());
    assert_eq!(
        elementa_json::to_string(&u),
        r#"{"id":1,"login":"jo","email":"a@b.c"}"#
    );
    let mut u: User = elementa_json::from_str(r#"{"email":"a@b.c","id":1}"#).unwrap();
    u.login = Field::Value("jo".into());
    assert_eq!(
        elementa_json::to_string(&u),
        r#"{"email":"a@b.c","id":1,"login":"jo"}"#
    );
}

/// Around a non-string value, XML's whitespace is layout (the value is read
/// without it); other spaces, such as U+00A0, are not.
#[test]
fn xml_layout_whitespace_around_values_is_not_part_of_them() {
    let ok = "<expense-report>\n<created-at type=\"dateTime\">\n  2010-09-22T20:42:57-07:00\n</created-at>\n</expense-report>";
    let r: ExpenseReport = elementa_xml::from_str(ok).unwrap();
    assert_eq!(
        r.created_at.value().map(|t| t.as_str()),
        Some("2010-09-22T20:42:57-07:00")
    );
    let nbsp = "<expense-report><id type=\"integer\">\u{a0}5</id></expense-report>";
    let err = elementa_xml::from_str::<ExpenseReport>(nbsp).unwrap_err();
    assert!(err.to_string().contains("is not a valid integer"), "{err}");
}

/// Start tags the XML encoder writes itself are not kept in a record's
/// trace: a Coupa user in schema order, shaped like a real R39 XML response
/// (Rails' `to_xml`: a null with `nil="true"`, with its `type` when it has
/// one; an empty list self-closing; an associated record; a list of them),
/// keeps no trace and re-encodes byte for byte. The same nulls written in
/// another way keep their tags, so they re-encode as they came.
#[test]
fn xml_tags_the_encoder_writes_itself_are_not_kept() {
    let usual = r#"<?xml version="1.0" encoding="UTF-8"?>
<user>
  <id type="integer">14</id>
  <email>ana@example.com</email>
  <account-groups type="array"/>
  <api-user type="boolean" nil="true"/>
  <created-at type="dateTime" nil="true"/>
  <manager>
    <id type="integer">3</id>
    <login>boss</login>
  </manager>
  <mention-name nil="true"/>
  <roles type="array">
    <role>
      <id type="integer">2</id>
      <name>Expense User</name>
    </role>
  </roles>
</user>
"#;
    let u: User = elementa_xml::from_str(usual).unwrap();
    assert!(u.extra.trace().is_none(), "{:?}", u.extra.trace());
    assert!(u.api_user.is_null() && u.mention_name.is_null());
    assert_eq!(elementa_xml::to_string(&u).unwrap(), usual);

    let unusual = usual
        .replace(
            r#"<api-user type="boolean" nil="true"/>"#,
            r#"<api-user nil="true" type="boolean"/>"#,
        )
        .replace(
            r#"<created-at type="dateTime" nil="true"/>"#,
            r#"<created-at type="dateTime" nil="true" />"#,
        )
        .replace(
            r#"<mention-name nil="true"/>"#,
            r#"<mention-name nil="true"></mention-name>"#,
        );
    let u: User = elementa_xml::from_str(&unusual).unwrap();
    let tags = u.extra.trace().map(|t| t.tags.iter().flatten().count());
    assert_eq!(tags, Some(3));
    assert!(u.api_user.is_null() && u.created_at.is_null() && u.mention_name.is_null());
    assert_eq!(elementa_xml::to_string(&u).unwrap(), unusual);
}

/// A Coupa record whose unknown elements (custom fields, elements of a
/// newer release) stand among known ones in schema order keeps no trace:
/// it re-encodes as it came, and an element added after decoding takes its
/// schema place, after the unknown elements that came before it.
#[test]
fn unknown_elements_in_schema_order_keep_no_trace() {
    let text = r#"{"id":1,"custom-fields":{"badge":"A-7"},"email":"a@b.c","mention-name":null,"x-new":[1,2]}"#;
    let mut u: User = elementa_json::from_str(text).unwrap();
    assert!(u.extra.trace().is_none(), "{:?}", u.extra.trace());
    assert_eq!(u.extra.iter().count(), 2);
    assert_eq!(elementa_json::to_string(&u), text);
    u.login = Field::Value("jo".into());
    assert_eq!(
        elementa_json::to_string(&u),
        r#"{"id":1,"custom-fields":{"badge":"A-7"},"login":"jo","email":"a@b.c","mention-name":null,"x-new":[1,2]}"#
    );

    // Known elements out of schema order: the trace keeps the order.
    let text = r#"{"email":"a@b.c","custom-fields":{"badge":"A-7"},"id":1}"#;
    let mut u: User = elementa_json::from_str(text).unwrap();
    assert!(u.extra.trace().is_some());
    u.login = Field::Value("jo".into());
    assert_eq!(
        elementa_json::to_string(&u),
        r#"{"email":"a@b.c","custom-fields":{"badge":"A-7"},"id":1,"login":"jo"}"#
    );
}

/// The same in XML, where an unknown element also has tags: custom fields
/// written as Rails writes them (text, typed numbers and booleans, nulls,
/// lists) need no trace; written another way, they keep one and re-encode
/// as they came.
#[test]
fn xml_unknown_elements_in_schema_order_keep_no_trace() {
    let usual = r#"<?xml version="1.0" encoding="UTF-8"?>
<user>
  <id type="integer">14</id>
  <custom-fields>
    <badge>A-7</badge>
    <floor type="integer">3</floor>
    <rate type="decimal">1.5</rate>
    <remote type="boolean">false</remote>
    <cost-center nil="true"/>
    <tags type="array">
      <tag>north</tag>
      <tag>audit</tag>
    </tags>
    <projects type="array"/>
  </custom-fields>
  <email>ana@example.com</email>
  <x-new>1</x-new>
</user>
"#;
    let u: User = elementa_xml::from_str(usual).unwrap();
    assert!(u.extra.trace().is_none(), "{:?}", u.extra.trace());
    assert_eq!(u.extra.iter().count(), 2);
    assert_eq!(elementa_xml::to_string(&u).unwrap(), usual);

    for (from, to) in [
        ("<badge>A-7</badge>", r#"<badge type="string">A-7</badge>"#),
        (
            "<cost-center nil=\"true\"/>",
            "<cost-center nil=\"true\"></cost-center>",
        ),
        (
            "<projects type=\"array\"/>",
            "<projects type=\"array\"></projects>",
        ),
        ("<tag>audit</tag>", "<label>audit</label>"),
        ("<x-new>1</x-new>", "<x-new type=\"symbol\">1</x-new>"),
    ] {
        let unusual = usual.replace(from, to);
        let u: User = elementa_xml::from_str(&unusual).unwrap();
        assert!(u.extra.trace().is_some(), "{to}");
        assert_eq!(elementa_xml::to_string(&u).unwrap(), unusual, "{to}");
    }

    // A list whose item name is changed after decoding writes every item
    // under the new name, whatever names they came with.
    let mixed = usual.replace("<tag>audit</tag>", "<label>audit</label>");
    let mut u: User = elementa_xml::from_str(&mixed).unwrap();
    for x in &mut u.extra.0 {
        if let Any::Object(members) = &mut x.value {
            for (name, v) in members {
                if let (true, Any::Array { item, .. }) = (name == "tags", v) {
                    *item = Some("word".into());
                }
            }
        }
    }
    let out = elementa_xml::to_string(&u).unwrap();
    assert!(
        out.contains("<word>north</word>\n      <word>audit</word>"),
        "{out}"
    );
}

/// ABRA Flexi: a relation's start tag (`ref`, `showAs`) is written from the
/// relation itself, and an empty element is Flexi's null, written as
/// `<x></x>`; a trace keeps neither. A null written `<x/>` keeps its tag.
#[test]
fn flexi_xml_tags_the_encoder_writes_itself_are_not_kept() {
    let meta = elementa_flexi::wire::FakturaVydana::resource_meta();
    let usual = r#"<?xml version="1.0"?>
<winstrom version="1.0">
  <faktura-vydana>
    <kod>VF1-0042/2024</kod>
    <typDokl ref="/c/demo/typ-faktury-vydane/1.xml" showAs="FAKTURA: Faktura - daňový doklad">code:FAKTURA</typDokl>
    <firma></firma>
    <popis></popis>
    <sumCelkem>1210.0</sumCelkem>
  </faktura-vydana>
</winstrom>
"#;
    let tags = |text: &str| {
        let doc = elementa_xml::decode(meta, text, DecodeOptions::default()).unwrap();
        assert_eq!(elementa_xml::encode(&doc).unwrap(), text);
        let records = doc.records();
        let trace = records.first().and_then(|r| r.extra().trace());
        trace.map_or(0, |t| t.tags.iter().flatten().count())
    };
    assert_eq!(tags(usual), 0);
    assert_eq!(tags(&usual.replace("<firma></firma>", "<firma/>")), 1);
}

/// An ABRA Flexi record as a write sends it (the shape of the vendor's
/// import examples: `update` and `action` on the record's element, its
/// external identifiers as repeated `<id>`s after its own, inline) keeps no
/// trace when its elements come in schema order: both encoders write the
/// attributes apart and an inline list's items one after the other, so the
/// record re-encodes the same without one. Out of order, it keeps one.
#[test]
fn flexi_records_with_attributes_and_inline_lists_in_schema_order_keep_no_trace() {
    let meta = elementa_flexi::wire::FakturaVydana::resource_meta();
    let xml = r#"<?xml version="1.0"?>
<winstrom version="1.0">
  <faktura-vydana update="ok" action="storno">
    <id>code:VF1-0042/2024</id>
    <kod>VF1-0042/2024</kod>
    <sumCelkem>1210.0</sumCelkem>
    <firma>code:ABCFIRM1</firma>
    <id>ext:SHOP:42</id>
    <id>ext:ERP:7</id>
  </faktura-vydana>
</winstrom>
"#;
    let decoded = |text: &str| {
        let doc = elementa_xml::decode(meta, text, DecodeOptions::default()).unwrap();
        let records = doc.records();
        let record = records.first().unwrap();
        let ids = record.field(meta.element("external-ids").unwrap().0);
        assert!(matches!(ids, Some(elementa::FieldRef::Strings(Field::Value(v))) if v.len() == 2));
        let traced = record.extra().trace().is_some();
        (traced, elementa_xml::encode(&doc).unwrap())
    };
    assert_eq!(decoded(xml), (false, xml.to_owned()));
    // Elements out of schema order keep their order.
    let moved = xml.replace(
        "<kod>VF1-0042/2024</kod>\n    <sumCelkem>1210.0</sumCelkem>",
        "<sumCelkem>1210.0</sumCelkem>\n    <kod>VF1-0042/2024</kod>",
    );
    assert_eq!(decoded(&moved), (true, moved.clone()));
    // Identifiers apart from each other are no schema order either.
    let apart = xml
        .replace("    <id>ext:SHOP:42</id>\n", "")
        .replace("<kod>", "<id>ext:SHOP:42</id>\n    <kod>");
    assert!(decoded(&apart).0);

    // JSON brings the attributes first, as `@` keys, and the list as one key.
    let json = r#"{"winstrom":{"@version":"1.0","faktura-vydana":[{"@update":"ok","@action":"storno","id":"code:VF1-0042\/2024","kod":"VF1-0042\/2024","sumCelkem":"1210.0","firma":"code:ABCFIRM1","external-ids":["ext:SHOP:42","ext:ERP:7"]}]}}"#;
    assert_eq!(flexi_json(meta, json), (false, json.to_owned()));
    // Keys out of schema order keep their order.
    let moved = json.replace(
        r#""kod":"VF1-0042\/2024","sumCelkem":"1210.0""#,
        r#""sumCelkem":"1210.0","kod":"VF1-0042\/2024""#,
    );
    assert_eq!(flexi_json(meta, &moved), (true, moved.clone()));
}

/// A Flexi JSON listing decoded: whether its first record keeps a trace,
/// and the listing written again.
fn flexi_json(meta: &'static elementa::ResourceMeta, text: &str) -> (bool, String) {
    let records = elementa_json::decode_list(meta, text, Default::default()).unwrap();
    let traced = records.first().unwrap().extra().trace().is_some();
    let envelope = elementa::Envelope {
        attributes: vec![("version".into(), "1.0".into())],
        records,
    };
    (traced, elementa_json::envelope_to_string(&envelope, false))
}

/// An unknown `@` key of a JSON record becomes an XML attribute. What XML
/// cannot carry back is refused with the key's path rather than lost: a
/// Coupa record's own `type` or `nil` (Coupa's decoder reads those as the
/// parent's marks), and any value that is not text. (The first was found
/// by the `coupa_json` fuzz target: `{"@type": "…"}` written as
/// `<integration-error type="…"/>` came back without it.)
#[test]
fn at_keys_xml_cannot_carry_are_refused_not_lost() {
    let meta = elementa_coupa::IntegrationError::resource_meta();
    let xml_of = |json: &str| {
        let record = elementa_json::decode(meta, json).unwrap();
        elementa_xml::to_string(&*record).map_err(|e| e.to_string())
    };
    assert_eq!(
        xml_of(r#"{"@type": "Function"}"#).unwrap_err(),
        "integration-error.@type: Coupa XML cannot carry a record's own `type` attribute"
    );
    assert_eq!(
        xml_of(r#"{"@nil": "true"}"#).unwrap_err(),
        "integration-error.@nil: Coupa XML cannot carry a record's own `nil` attribute"
    );
    assert_eq!(
        xml_of(r#"{"@rank": 5}"#).unwrap_err(),
        "integration-error.@rank: an XML attribute holds text only"
    );
    // Other text attributes go and come back.
    let xml = xml_of(r#"{"@source": "erp"}"#).unwrap();
    assert!(
        xml.contains(r#"<integration-error source="erp"/>"#),
        "{xml}"
    );
    let back = elementa_xml::decode(meta, &xml, DecodeOptions::default()).unwrap();
    assert_eq!(elementa_xml::to_string(back.records()[0]).unwrap(), xml);
}

/// ABRA Flexi has no null for scalars (`""` is their empty value), but a
/// list is no scalar: a null `external-ids` is written back `null`, which
/// reads again, rather than `""`, which a list cannot be (found by a
/// review of the Flexi trace change; the JSON decoder takes `null` there).
#[test]
fn a_flexi_null_list_of_identifiers_round_trips_in_json() {
    let meta = elementa_flexi::wire::FakturaVydana::resource_meta();
    let json =
        r#"{"winstrom":{"@version":"1.0","faktura-vydana":[{"kod":"VF1","external-ids":null}]}}"#;
    assert_eq!(flexi_json(meta, json).1, json);
}

/// The streaming envelope writers refuse what their form cannot hold rather
/// than write a document Flexi and elementa would misread: an XML attribute
/// given twice (not well-formed; a JSON envelope can carry it), an
/// evidence's records in two JSON arrays under one key (most JSON readers
/// keep only the last), and records that are not an evidence's.
#[test]
fn envelope_writers_refuse_what_their_form_cannot_hold() {
    use elementa_flexi::wire::{Adresar, Changes, FakturaVydana, WriteResult, evidence};
    let adresar = |kod: &str| Adresar {
        kod: kod.into(),
        ..Default::default()
    };
    let layout = || elementa_xml::Layout::for_dialect(elementa::Dialect::Flexi);

    // Two `@version` keys decode from JSON; XML cannot write them.
    let json = r#"{"winstrom":{"@version":"1.0","@version":"2.0","adresar":[{"kod":"A"}]}}"#;
    let envelope = elementa_json::decode_envelope(json, &evidence, Default::default()).unwrap();
    assert_eq!(envelope.attributes.len(), 2);
    let err = elementa_xml::envelope_to_string(&envelope).unwrap_err();
    assert!(
        err.to_string()
            .contains("the attribute `version` is given twice"),
        "{err}"
    );
    let twice = envelope.attributes.clone();
    let mut w = elementa_xml::ListWriter::envelope(Vec::new(), layout(), twice.clone());
    let err = w.push(&adresar("A")).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    let empty = elementa_xml::ListWriter::envelope(Vec::new(), layout(), twice);
    assert!(empty.finish().is_err());

    // JSON: a run of records after another evidence's opens its own array;
    // a second run of the same evidence is refused.
    let mut w = elementa_json::EnvelopeWriter::new(Vec::new());
    w.push(&adresar("A")).unwrap();
    w.push(&FakturaVydana::default()).unwrap();
    let err = w.push(&adresar("B")).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(
        err.to_string()
            .contains("`adresar` would come in two arrays"),
        "{err}"
    );

    // A change listing is a whole document, a write answer's result a part
    // of one, and a Coupa record no evidence's.
    let mut w = elementa_json::EnvelopeWriter::new(Vec::new());
    assert!(w.push(&Changes::default()).is_err());
    assert!(w.push(&WriteResult::default()).is_err());
    assert!(w.push(&Comment::default()).is_err());
    let mut w = elementa_xml::ListWriter::envelope(Vec::new(), layout(), Vec::new());
    assert!(w.push(&Changes::default()).is_err());
    assert!(w.push(&WriteResult::default()).is_err());
    assert!(w.push(&Comment::default()).is_err());
    w.push(&adresar("A")).unwrap();
    assert_eq!(
        String::from_utf8(w.finish().unwrap()).unwrap(),
        "<?xml version=\"1.0\"?>\n<winstrom>\n  <adresar>\n    <kod>A</kod>\n  </adresar>\n</winstrom>\n"
    );
}

/// Decoding into a record that already holds elements: what the text
/// brought is written in the order it came, what was there after it; and
/// into an empty record, in the schema's order, with no order kept.
#[test]
fn decoding_into_a_filled_record_writes_the_text_first() {
    let mut currency = elementa_coupa::Currency {
        id: Field::Value(7),
        ..Default::default()
    };
    elementa_json::decode_into(&mut currency, r#"{"code":"USD"}"#, Default::default()).unwrap();
    assert_eq!(
        elementa_json::to_string(&currency),
        r#"{"code":"USD","id":7}"#
    );
    let mut empty = elementa_coupa::Currency::default();
    elementa_json::decode_into(&mut empty, r#"{"id":7,"code":"USD"}"#, Default::default()).unwrap();
    assert!(empty.extra().trace().is_none());
    assert_eq!(elementa_json::to_string(&empty), r#"{"id":7,"code":"USD"}"#);
}
