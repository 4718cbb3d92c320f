//! Long values: the streaming XML decoder moves a long text out of its read
//! buffer instead of copying it, and the streaming writer escapes a long text
//! straight to its sink a piece at a time (both past 64 KiB). Neither may
//! change a value: streaming gives the records document decoding gives, and
//! the streamed output is the document encoder's, whatever falls on a piece's
//! edge (a multi-byte character, an escaped `<`, a line end).

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use elementa::{Record, Resource};
use elementa_coupa::User;

/// `(what, element content as it stands in the XML)`.
fn contents() -> Vec<(&'static str, String)> {
    vec![
        ("plain", "a".repeat(200_000)),
        // Odd offset: piece edges fall inside two-byte characters.
        ("multi-byte", format!("a{}", "é".repeat(100_000))),
        ("line ends", "line\r\n".repeat(40_000)),
        ("lone carriage returns", "x\ry".repeat(40_000)),
        ("entities", "a &amp; b &lt; c ".repeat(20_000)),
        (
            "long piece around an entity",
            format!("{}&amp;{}", "x".repeat(100_000), "y".repeat(100_000)),
        ),
        (
            "escaped at the piece edge",
            format!("{}&lt;&gt;{}", "a".repeat(65_535), "b".repeat(70_000)),
        ),
        ("CDATA", format!("<![CDATA[{}]]>", "z<&".repeat(50_000))),
        (
            "CDATA between layout",
            format!("\n  <![CDATA[{}]]>\n", "q".repeat(150_000)),
        ),
        (
            "character references",
            format!("{}&#233;&#x1F600;", "c".repeat(100_000)),
        ),
    ]
}

fn documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (what, content) in contents() {
        // A known element, and an element the schema does not name.
        out.push((
            format!("{what} (login)"),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users type=\"array\">\n  <user>\n    <id>1</id>\n    <login>{content}</login>\n    <email>a@example.com</email>\n  </user>\n  <user>\n    <id>2</id>\n  </user>\n</users>\n"
            ),
        ));
        out.push((
            format!("{what} (unknown element)"),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<user>\n  <id>1</id>\n  <note-from-erp>{content}</note-from-erp>\n</user>\n"
            ),
        ));
    }
    out
}

#[test]
fn long_values_stream_exactly_as_documents_decode_and_encode() {
    let meta = User::resource_meta();
    for (what, text) in documents() {
        let doc = elementa_xml::decode(meta, &text, Default::default())
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let mut streamed: Vec<Box<dyn Record>> = Vec::new();
        let shape =
            elementa_xml::for_each(meta, text.as_bytes(), Default::default(), &mut |_, r| {
                streamed.push(r);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let records = doc.records();
        assert_eq!(records.len(), streamed.len(), "{what}");
        for (d, s) in records.iter().zip(&streamed) {
            assert!(s.eq_record(*d), "{what}: streaming gave another value");
        }

        // The streaming writer writes what the document encoder writes.
        let mut out = Vec::new();
        let mut w = match shape {
            elementa::Shape::List => {
                elementa_xml::ListWriter::new(&mut out, meta, doc.layout.clone())
            }
            elementa::Shape::One => {
                elementa_xml::ListWriter::single(&mut out, meta, doc.layout.clone())
            }
        };
        for r in &streamed {
            w.push(&**r).unwrap();
        }
        w.finish().unwrap();
        let encoded = elementa_xml::encode(&doc).unwrap();
        assert!(
            String::from_utf8(out).unwrap() == encoded,
            "{what}: the streamed output differs from the encoder's"
        );
    }
}

#[test]
fn long_values_keep_their_content() {
    // Independent of the decoders agreeing: the value read is the text.
    let meta = User::resource_meta();
    let text = format!(
        "<user><login>{}&amp;{}</login></user>",
        "é".repeat(70_000),
        "x\r\n".repeat(30_000)
    );
    let mut logins = Vec::new();
    elementa_xml::for_each(meta, text.as_bytes(), Default::default(), &mut |_, r| {
        let user: &User = r.downcast_ref().unwrap();
        logins.push(user.login.value().cloned());
        Ok(())
    })
    .unwrap();
    let expected = format!("{}&{}", "é".repeat(70_000), "x\n".repeat(30_000));
    assert_eq!(logins, vec![Some(expected)]);
}

#[test]
fn a_long_value_xml_cannot_hold_is_refused_by_the_streaming_writer() {
    // U+0000 from JSON: the writer refuses it before writing the text.
    let user = User {
        login: elementa::Field::Value(format!("{}\u{0}", "a".repeat(100_000))),
        ..Default::default()
    };
    let mut out = Vec::new();
    let mut w = elementa_xml::ListWriter::new(
        &mut out,
        User::resource_meta(),
        elementa_xml::Layout::for_dialect(elementa::Dialect::Coupa),
    );
    let err = w.push(&user).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert!(err.to_string().contains("U+0000"), "{err}");
    assert!(
        !String::from_utf8_lossy(&out).contains("aaaa"),
        "nothing of the refused text is written"
    );
}
