//! Streaming projection holds one record, and a long value once: the peak of
//! heap memory while one long string goes through `project_stream` stays
//! near that string's size. Measured with dhat's heap statistics (allocation
//! counts, not time, so the figures are the same on every run); the only
//! test of this binary, since the heap profiler is process-wide.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests panic on purpose

use elementa::Resource;
use elementa_coupa::User;
use elementa_project::stream::{Format, project_stream};
use elementa_project::{Method, Projection, ReturnObject};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const LONG: usize = 8 << 20;

/// The peak heap while `input` streams through a shallow projection, less
/// what was live before (the input itself), and the output.
fn peak_while_streaming(format: Format, input: &[u8]) -> (usize, Vec<u8>) {
    let before = dhat::HeapStats::get().curr_bytes;
    // The output is not part of what streaming holds: give it its room first.
    let mut out = Vec::with_capacity(input.len() + 1024);
    let reserved = dhat::HeapStats::get().curr_bytes;
    project_stream(
        User::resource_meta(),
        format,
        input,
        &mut out,
        &Projection::ReturnObject(ReturnObject::Shallow),
        Method::Get,
    )
    .unwrap();
    let peak = dhat::HeapStats::get().max_bytes;
    assert!(reserved >= before);
    (peak - reserved, out)
}

#[test]
fn a_long_value_is_held_once_in_xml_and_twice_in_json() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let long = "a".repeat(LONG);
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users type=\"array\">\n  <user>\n    <id>1</id>\n    <login>{long}</login>\n  </user>\n</users>\n"
    );
    let json = format!(r#"[{{"id":1,"login":"{long}"}}]"#);
    drop(long);

    let (xml_peak, out) = peak_while_streaming(Format::Xml, xml.as_bytes());
    eprintln!("XML: peak {xml_peak} bytes for a {LONG}-byte value");
    assert_eq!(out, xml.as_bytes(), "a shallow user is the user");
    // One copy of the value, and bounded buffers (the read buffer, pieces
    // of 64 KiB): before this was fixed, the peak was three copies.
    assert!(
        xml_peak < LONG + LONG / 4,
        "XML streaming peaked at {xml_peak} bytes for a {LONG}-byte value"
    );
    drop(out);

    let (json_peak, out) = peak_while_streaming(Format::Json, json.as_bytes());
    eprintln!("JSON: peak {json_peak} bytes for a {LONG}-byte value");
    assert_eq!(out, format!("{json}\n").as_bytes());
    // An array item is read whole before it is parsed (see the README): the
    // item's bytes and the value, two copies, no more.
    assert!(
        json_peak < 2 * LONG + LONG / 4,
        "JSON streaming peaked at {json_peak} bytes for a {LONG}-byte value"
    );
}
