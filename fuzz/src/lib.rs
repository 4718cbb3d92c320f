//! The properties the fuzz targets check, one function per target. Each
//! decodes what the fuzzer made and, when that succeeds, asserts what users
//! rely on: decode → encode → decode gives the same value, encoding is
//! stable, streaming and whole-document decoding accept the same inputs and
//! give the same records, and parsers read back what they render. A panic
//! (a failed assertion included) is a finding.
#![forbid(unsafe_code)]
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // findings are panics

use elementa::{DecodeOptions, Record, Resource, ResourceMeta};

/// Splits `wire\nrest`: the resource a JSON or `fields`/`detail` input is
/// for, and the input.
pub fn selector(text: &str) -> Option<(&str, &str)> {
    text.split_once('\n')
}

fn coupa(wire: &str) -> Option<&'static ResourceMeta> {
    elementa_coupa::RESOURCES
        .iter()
        .map(|m| m())
        .find(|m| m.wire == wire)
}

fn flexi(wire: &str) -> Option<&'static ResourceMeta> {
    elementa_flexi::wire::RESOURCES
        .iter()
        .map(|m| m())
        .find(|m| m.wire == wire)
}

/// A record's value, as its compact JSON (what "the same value" compares).
fn value(record: &dyn Record) -> String {
    elementa_json::to_string(record)
}

fn values(records: &[&dyn Record]) -> Vec<String> {
    records.iter().map(|r| value(*r)).collect()
}

/// Decodes `text` by streaming, keeping each record's value.
fn stream_xml(meta: &'static ResourceMeta, text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    elementa_xml::for_each(
        meta,
        text.as_bytes(),
        DecodeOptions::default(),
        &mut |_, r| {
            out.push(value(&*r));
            Ok(())
        },
    )
    .map(|_| out)
    .map_err(|e| e.to_string())
}

fn stream_json(meta: &'static ResourceMeta, text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    elementa_json::for_each(
        meta,
        text.as_bytes(),
        DecodeOptions::default(),
        &mut |_, r| {
            out.push(value(&*r));
            Ok(())
        },
    )
    .map(|_| out)
    .map_err(|e| e.to_string())
}

/// Coupa XML, any resource, found by the root element (`<user>`,
/// `<users type="array">`).
pub fn coupa_xml(text: &str) {
    let Ok((root, _)) = elementa_xml::peek_root(text) else {
        return;
    };
    let Some(meta) = elementa_coupa::RESOURCES
        .iter()
        .map(|m| m())
        .find(|m| m.root == root || m.plural == root)
    else {
        return;
    };
    xml_document(meta, text);
}

/// The XML properties on one resource's document.
pub fn xml_document(meta: &'static ResourceMeta, text: &str) {
    let doc = elementa_xml::decode(meta, text, DecodeOptions::default());
    let streamed = stream_xml(meta, text);
    let doc = match (doc, streamed) {
        (Ok(doc), Ok(streamed)) => {
            assert_eq!(
                values(&doc.records()),
                streamed,
                "stream and document differ"
            );
            doc
        }
        (Err(_), Err(_)) => return,
        (doc, streamed) => panic!(
            "document decoding says {:?}, streaming says {:?}",
            doc.map(|_| ()),
            streamed.map(|_| ())
        ),
    };
    let first = elementa_xml::encode(&doc).expect("a decoded document re-encodes");
    let again = elementa_xml::decode(meta, &first, DecodeOptions::default())
        .unwrap_or_else(|e| panic!("its encoding decodes: {e}\n{first}"));
    assert_eq!(
        values(&doc.records()),
        values(&again.records()),
        "value changed\n{first}"
    );
    let second = elementa_xml::encode(&again).expect("re-encodes again");
    assert_eq!(first, second, "layout is not stable");
    // XML says less than JSON: whatever it says survives a trip through
    // JSON and back (`elementa convert` both ways).
    for record in doc.records() {
        let json = value(record);
        let back = elementa_json::decode(meta, &json)
            .unwrap_or_else(|e| panic!("its JSON decodes: {e}\n{json}"));
        assert_eq!(value(&*back), json, "value changed through JSON");
        let xml = elementa_xml::to_string(&*back)
            .unwrap_or_else(|e| panic!("its JSON value encodes to XML: {e}\n{json}"));
        let again = elementa_xml::decode(meta, &xml, DecodeOptions::default())
            .unwrap_or_else(|e| panic!("XML from its JSON decodes: {e}\n{xml}"));
        let again = again.records();
        assert_eq!(
            values(&again),
            [json],
            "value changed through JSON and XML\n{xml}"
        );
    }
    if meta.dialect == elementa::Dialect::Coupa {
        let list = matches!(doc.body, elementa_xml::Body::List(_));
        projections_stream_as_typed(meta, text, &doc.records(), list, Format::Xml);
    }
}

/// Coupa JSON: `wire\n` and the payload (one record or an array).
pub fn coupa_json(data: &str) {
    let Some((wire, text)) = selector(data) else {
        return;
    };
    let Some(meta) = coupa(wire) else {
        return;
    };
    json_document(meta, text);
}

/// The JSON properties on one resource's payload: on Coupa's, streaming
/// fails with the document decoder's very error.
pub fn json_document(meta: &'static ResourceMeta, text: &str) {
    let list = elementa::strip_bom(text).trim_start().starts_with('[');
    let doc = if list {
        elementa_json::decode_list(meta, text, DecodeOptions::default())
    } else {
        elementa_json::decode(meta, text).map(|r| vec![r])
    };
    let streamed = stream_json(meta, text);
    let records = match (doc, streamed) {
        (Ok(records), Ok(streamed)) => {
            let refs: Vec<&dyn Record> = records.iter().map(|r| &**r).collect();
            assert_eq!(values(&refs), streamed, "stream and document differ");
            records
        }
        (Err(doc), Err(streamed)) => {
            // Coupa's payloads stream item by item, framed and parsed from
            // their bytes: the same error, path and position as a document.
            if meta.dialect == elementa::Dialect::Coupa {
                assert_eq!(
                    doc.to_string(),
                    streamed,
                    "stream and document errors differ"
                );
            }
            return;
        }
        (doc, streamed) => panic!(
            "document decoding says {:?}, streaming says {:?}",
            doc.map(|_| ()),
            streamed.map(|_| ())
        ),
    };
    for record in &records {
        let first = value(&**record);
        let again = elementa_json::decode(meta, &first)
            .unwrap_or_else(|e| panic!("its encoding decodes: {e}\n{first}"));
        assert_eq!(first, value(&*again), "value changed");
        // What XML can carry comes back from XML with the same value.
        if let Ok(xml) = elementa_xml::to_string(&**record) {
            let back = elementa_xml::decode(meta, &xml, DecodeOptions::default())
                .unwrap_or_else(|e| panic!("its XML decodes: {e}\n{xml}"));
            let back = back.records();
            assert_eq!(back.len(), 1);
            let again = elementa_xml::to_string(back[0]).expect("re-encodes");
            assert_eq!(xml, again, "XML of the JSON value is not stable");
        }
    }
    if meta.dialect == elementa::Dialect::Coupa {
        let refs: Vec<&dyn Record> = records.iter().map(|r| &**r).collect();
        projections_stream_as_typed(meta, text, &refs, list, Format::Json);
    }
}

use elementa_project::stream::Format;

/// A streaming projection (which skips unread what it drops) writes what
/// projecting the decoded records and encoding them writes.
fn projections_stream_as_typed(
    meta: &'static ResourceMeta,
    text: &str,
    records: &[&dyn Record],
    list: bool,
    format: Format,
) {
    use elementa_project::{Method, Projection, ReturnObject, project};
    for p in [ReturnObject::Limited, ReturnObject::Shallow].map(Projection::ReturnObject) {
        let typed: Vec<Box<dyn Record>> = records
            .iter()
            .map(|r| {
                project(*r, &p)
                    .expect("a GET projection applies")
                    .expect("return_object other than none gives a record")
            })
            .collect();
        let typed: Vec<&dyn Record> = typed.iter().map(|r| &**r).collect();
        let expected = match (format, list, typed.first()) {
            (Format::Json, true, _) => format!(
                "[{}]\n",
                typed
                    .iter()
                    .map(|r| value(*r))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            (Format::Json, false, Some(one)) => format!("{}\n", value(*one)),
            (Format::Xml, true, _) => {
                let layout = elementa_xml::Layout::for_dialect(meta.dialect);
                match elementa_xml::encode_records(meta, typed.iter().copied(), &layout) {
                    Ok(xml) => xml,
                    Err(_) => continue,
                }
            }
            (Format::Xml, false, Some(one)) => match elementa_xml::to_string(*one) {
                Ok(xml) => xml,
                Err(_) => continue,
            },
            (_, false, None) => panic!("a single-record document without its record"),
        };
        let mut out = Vec::new();
        elementa_project::stream::project_stream(
            meta,
            format,
            text.as_bytes(),
            &mut out,
            &p,
            Method::Get,
        )
        .unwrap_or_else(|e| panic!("the document decodes, the projection {p:?} says {e}"));
        let out = String::from_utf8(out).expect("the projection writes UTF-8");
        assert_eq!(out, expected, "{p:?} streamed differs from typed");
    }
}

/// A Flexi change listing or web-hook body, XML or JSON.
pub fn flexi_changes(text: &str) {
    use elementa_flexi::wire::{self, Changes};
    let meta = Changes::resource_meta();
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        xml_document(meta, text);
        if let Ok(page) = wire::page_from_xml(text) {
            let xml = wire::page_to_xml(&page).expect("a decoded page re-encodes");
            assert_eq!(wire::page_from_xml(&xml).expect("decodes"), page, "{xml}");
        }
    } else {
        if let Ok(listing) = elementa_json::from_str::<Changes>(text) {
            let first = elementa_json::to_string(&listing);
            let again: Changes = elementa_json::from_str(&first).expect("re-decodes");
            assert_eq!(again, listing, "value changed\n{first}");
        }
        if let Ok(page) = wire::page_from_json(text) {
            let json = wire::page_to_json(&page);
            assert_eq!(
                wire::page_from_json(&json).expect("decodes"),
                page,
                "{json}"
            );
            if let Ok(xml) = wire::page_to_xml(&page) {
                assert_eq!(wire::page_from_xml(&xml).expect("decodes"), page, "{xml}");
            }
        }
    }
}

/// Flexi records in their `winstrom` envelope, XML or JSON.
pub fn flexi_records(text: &str) {
    use elementa_flexi::wire::evidence;
    let options = DecodeOptions::default();
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        let Ok(doc) = elementa_xml::decode_envelope(text, &evidence, options) else {
            return;
        };
        let first = elementa_xml::encode_envelope(&doc).expect("a decoded envelope re-encodes");
        let again = elementa_xml::decode_envelope(&first, &evidence, options)
            .unwrap_or_else(|e| panic!("its encoding decodes: {e}\n{first}"));
        assert_eq!(
            elementa_json::envelope_to_string(&doc.envelope, false),
            elementa_json::envelope_to_string(&again.envelope, false),
            "value changed\n{first}"
        );
        let second = elementa_xml::encode_envelope(&again).expect("re-encodes");
        assert_eq!(first, second, "layout is not stable");
        // Through JSON and back, what the XML said stays.
        let json = elementa_json::envelope_to_string(&doc.envelope, false);
        let back = elementa_json::decode_envelope(&json, &evidence, options)
            .unwrap_or_else(|e| panic!("its JSON decodes: {e}\n{json}"));
        assert_eq!(
            elementa_json::envelope_to_string(&back, false),
            json,
            "value changed through JSON"
        );
        let xml = elementa_xml::envelope_to_string(&back)
            .unwrap_or_else(|e| panic!("its JSON value encodes to XML: {e}\n{json}"));
        let again = elementa_xml::decode_envelope(&xml, &evidence, options)
            .unwrap_or_else(|e| panic!("XML from its JSON decodes: {e}\n{xml}"));
        assert_eq!(
            elementa_json::envelope_to_string(&again.envelope, false),
            json,
            "value changed through JSON and XML\n{xml}"
        );
        flexi_stream(text, &doc.envelope, elementa_project::stream::Format::Xml);
    } else {
        let Ok(envelope) = elementa_json::decode_envelope(text, &evidence, options) else {
            return;
        };
        let first = elementa_json::envelope_to_string(&envelope, false);
        let again = elementa_json::decode_envelope(&first, &evidence, options)
            .unwrap_or_else(|e| panic!("its encoding decodes: {e}\n{first}"));
        assert_eq!(
            first,
            elementa_json::envelope_to_string(&again, false),
            "value changed"
        );
        flexi_stream(text, &envelope, elementa_project::stream::Format::Json);
    }
}

/// An envelope of one evidence's records streams as its document decodes
/// (attributes, then records), and a streaming projection of it writes an
/// envelope that decodes again, with the same attributes and records.
fn flexi_stream(
    text: &str,
    envelope: &elementa::Envelope,
    format: elementa_project::stream::Format,
) {
    use elementa::StreamItem;
    use elementa_flexi::wire::evidence;
    use elementa_project::stream::project_stream;
    let Some(meta) = envelope.records.first().map(|r| r.meta()) else {
        return;
    };
    if envelope.records.iter().any(|r| r.meta().id != meta.id) {
        return;
    }
    let (mut attributes, mut records) = (Vec::new(), Vec::new());
    let mut each = |item: StreamItem<'_>| {
        match item {
            StreamItem::Attribute(k, v) => attributes.push((k.to_owned(), v.to_owned())),
            StreamItem::Record(_, r) => records.push(value(&*r)),
            StreamItem::Envelope => {}
        }
        Ok(())
    };
    let options = DecodeOptions::default();
    let streamed = match format {
        Format::Xml => elementa_xml::for_each_item(meta, text.as_bytes(), options, &mut each),
        Format::Json => elementa_json::for_each_item(meta, text.as_bytes(), options, &mut each),
    };
    streamed.unwrap_or_else(|e| panic!("the document decodes, streaming says {e}"));
    assert_eq!(
        attributes, envelope.attributes,
        "streamed attributes differ"
    );
    let whole: Vec<&dyn Record> = envelope.records.iter().map(|r| &**r).collect();
    assert_eq!(records, values(&whole), "stream and document differ");

    let projection =
        elementa_project::Projection::ReturnObject(elementa_project::ReturnObject::Shallow);
    let mut out = Vec::new();
    let method = elementa_project::Method::Get;
    if let Err(e) = project_stream(meta, format, text.as_bytes(), &mut out, &projection, method) {
        // JSON may repeat an evidence's key around an attribute; the writer
        // refuses to repeat it.
        assert!(
            e.to_string()
                .contains("would come in two arrays under the same key"),
            "the projection streams: {e}"
        );
        return;
    }
    let out = String::from_utf8(out).expect("the projection writes UTF-8");
    let back = match format {
        Format::Xml => elementa_xml::decode_envelope(&out, &evidence, options).map(|d| d.envelope),
        Format::Json => elementa_json::decode_envelope(&out, &evidence, options),
    }
    .unwrap_or_else(|e| panic!("the projection's output decodes: {e}\n{out}"));
    assert_eq!(
        back.attributes, envelope.attributes,
        "projected attributes differ\n{out}"
    );
    assert_eq!(
        back.records.len(),
        envelope.records.len(),
        "projected records differ\n{out}"
    );
}

/// A `fields` selection: `wire\n` and the selection's JSON.
pub fn fields(data: &str) {
    let Some((wire, text)) = selector(data) else {
        return;
    };
    let Some(meta) = coupa(wire) else {
        return;
    };
    if let Ok(fields) = elementa_project::Fields::parse(text, meta) {
        let again = elementa_project::Fields::parse(&fields.to_json(), meta)
            .expect("a selection's JSON parses again");
        assert_eq!(fields.selected(), again.selected());
    }
}

/// A Flexi `detail=` value: `evidence\n` and the value.
pub fn detail(data: &str) {
    use elementa_flexi::detail::Detail;
    let Some((wire, text)) = selector(data) else {
        return;
    };
    let Ok(detail) = text.parse::<Detail>() else {
        return;
    };
    let rendered = detail.to_string();
    let again: Detail = rendered
        .parse()
        .unwrap_or_else(|e| panic!("`{rendered}` does not parse again: {e}"));
    assert_eq!(again, detail, "{rendered}");
    if let Some(meta) = flexi(wire) {
        let _ = detail.check(meta);
    }
}

/// A schema file: errors say where, within the file.
pub fn schema_file(text: &str) {
    if let Err(diagnostics) = elementa_schema::parse_resource("fuzz.toml", "coupa", text, &|_| true)
    {
        let lines = text.lines().count() + 1;
        for d in diagnostics {
            assert!(d.line >= 1 && d.line <= lines, "{d:?} outside the file");
            assert!(d.span.end <= text.len(), "{d:?} outside the file");
        }
    }
}

/// A Coupa error body, XML or JSON.
pub fn coupa_errors(text: &str) {
    use elementa_coupa::ErrorBody;
    let body = if text.trim_start().starts_with('<') {
        ErrorBody::from_xml(text)
    } else {
        ErrorBody::from_json(text)
    };
    if let Ok(body) = body {
        let _ = body.to_string();
    }
}

/// Mentions in comment text: the canonical form is a fixed point and
/// names the same users.
pub fn mentions(text: &str) {
    use elementa_coupa::mention::{canonical, mentioned};
    let once = canonical(text);
    assert_eq!(canonical(&once), once, "canonical form is not stable");
    assert_eq!(mentioned(&once), mentioned(text), "{once}");
}
