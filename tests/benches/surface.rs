//! Codec throughput on payloads of the whole vendor surface, each measured
//! beside its baseline on the same bytes in the same run:
//!
//! - `expense-reports`: 3,000 Coupa expense reports with lines, currency
//!   and users (the codecs bench's payload);
//! - `users`: 2,000 Coupa users, every element of R39's 101-element table
//!   filled, nested references, `custom-fields`;
//! - `order-headers`: 600 Coupa purchase orders with three full order
//!   lines each;
//! - `flexi-invoices`: an ABRA Flexi listing (`winstrom` envelope) of 600
//!   issued invoices with three item lines each, relations with their
//!   `ref` / `showAs`.
//!
//! Baselines: JSON — serde derive on the structs a team would write by hand
//! from the same element tables (`support/equivalent.rs`, as wide as the
//! generated types); XML decode — quick-xml's reader visiting every event;
//! XML encode — quick-xml's `Writer` writing the same events (read once,
//! before timing). Beside the XML decode baseline, a reference that is no
//! baseline: the raw walk copying each text into an owned `String`.

#![allow(clippy::expect_used, clippy::unwrap_used, missing_docs)]

// Written by `cargo xtask bench-baseline`, which CI checks: kept as written.
#[rustfmt::skip]
#[path = "support/equivalent.rs"]
mod equivalent;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use elementa::{Dialect, Envelope, Record, ResourceMeta};
use quick_xml::events::Event;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// ABRA Flexi's listing envelope, as a hand-writer declares it.
#[derive(Deserialize, Serialize)]
struct FlexiListing {
    winstrom: FlexiInvoices,
}

#[derive(Deserialize, Serialize)]
struct FlexiInvoices {
    #[serde(rename = "@version")]
    version: String,
    #[serde(rename = "faktura-vydana")]
    invoices: Vec<equivalent::FakturaVydana>,
}

struct Payload {
    name: &'static str,
    meta: &'static ResourceMeta,
    /// The records; Flexi's with the envelope they travel in.
    envelope: Envelope,
    json: String,
    xml: String,
}

impl Payload {
    fn new(name: &'static str, meta: &'static ResourceMeta, records: Vec<Box<dyn Record>>) -> Self {
        let envelope = Envelope {
            attributes: vec![("version".into(), "1.0".into())],
            records,
        };
        let layout = elementa_xml::Layout::for_dialect(meta.dialect);
        let xml =
            elementa_xml::encode_records(meta, envelope.records.iter().map(|r| &**r), &layout)
                .unwrap();
        let mut p = Payload {
            name,
            meta,
            envelope,
            json: String::new(),
            xml,
        };
        p.json = p.encode_json();
        p
    }

    fn records(&self) -> &[Box<dyn Record>] {
        &self.envelope.records
    }

    fn encode_json(&self) -> String {
        if self.meta.dialect == Dialect::Flexi {
            elementa_json::envelope_to_string(&self.envelope, false)
        } else {
            serde_json::to_string(&elementa_json::JsonList(self.records())).unwrap()
        }
    }
}

fn payloads() -> Vec<Payload> {
    use elementa::Resource;
    let expense_reports = (1..=3000)
        .map(|n| Box::new(elementa_tests::sample::expense_report(n)) as Box<dyn Record>)
        .collect();
    let user = elementa_coupa::User::resource_meta();
    let users = (1..=2000)
        .map(|n| elementa_tests::sample::filled(user, n, &[]))
        .collect();
    let order = elementa_coupa::OrderHeader::resource_meta();
    let orders = (1..=600)
        .map(|n| elementa_tests::sample::filled(order, n, &["coupa/order-line"]))
        .collect();
    let invoice = elementa_flexi::wire::FakturaVydana::resource_meta();
    let invoices = (1..=600)
        .map(|n| elementa_tests::sample::filled(invoice, n, &["flexi/faktura-vydana-polozka"]))
        .collect();
    vec![
        Payload::new(
            "expense-reports",
            elementa_coupa::ExpenseReport::resource_meta(),
            expense_reports,
        ),
        Payload::new("users", user, users),
        Payload::new("order-headers", order, orders),
        Payload::new("flexi-invoices", invoice, invoices),
    ]
}

/// serde derive decode and encode of the equivalent structs.
fn baseline<T: DeserializeOwned + Serialize>(
    c: &mut Criterion,
    p: &Payload,
    count: impl Fn(&T) -> usize,
) {
    let plain: T = serde_json::from_str(&p.json).unwrap();
    assert_eq!(
        count(&plain),
        p.records().len(),
        "{}: the baseline reads the same payload",
        p.name
    );
    // Not timed: what each side writes, since they do not write the same
    // (the baseline drops what its structs do not name, such as Flexi's
    // `@ref` / `@showAs`, and writes nothing for null).
    eprintln!(
        "{}: input {} bytes JSON, {} bytes XML; JSON encode writes {} bytes (elementa), {} (baseline)",
        p.name,
        p.json.len(),
        p.xml.len(),
        p.encode_json().len(),
        serde_json::to_string(&plain).unwrap().len()
    );
    let mut g = c.benchmark_group(format!("{}/json-decode", p.name));
    g.throughput(Throughput::Bytes(p.json.len() as u64));
    g.sample_size(10);
    g.bench_function("elementa typed", |b| {
        b.iter(|| {
            elementa_json::decode_list(p.meta, black_box(&p.json), Default::default()).unwrap()
        })
    });
    g.bench_function("baseline serde derive", |b| {
        b.iter(|| serde_json::from_str::<T>(black_box(&p.json)).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group(format!("{}/json-encode", p.name));
    g.throughput(Throughput::Bytes(p.json.len() as u64));
    g.sample_size(10);
    g.bench_function("elementa typed", |b| b.iter(|| black_box(p).encode_json()));
    g.bench_function("baseline serde derive", |b| {
        b.iter(|| serde_json::to_string(black_box(&plain)).unwrap())
    });
    g.finish();
}

fn xml(c: &mut Criterion, p: &Payload) {
    let mut g = c.benchmark_group(format!("{}/xml-decode", p.name));
    g.throughput(Throughput::Bytes(p.xml.len() as u64));
    g.sample_size(10);
    g.bench_function("elementa typed", |b| {
        b.iter(|| elementa_xml::decode(p.meta, black_box(&p.xml), Default::default()).unwrap())
    });
    g.bench_function("baseline quick-xml raw events", |b| {
        b.iter(|| {
            let mut reader = quick_xml::Reader::from_str(black_box(&p.xml));
            let mut n = 0usize;
            loop {
                match reader.read_event().unwrap() {
                    Event::Eof => break,
                    _ => n += 1,
                }
            }
            n
        })
    });
    // Not a baseline: the least a decoder into owned values does besides
    // reading, so the note can say how much of the gap to the raw walk any
    // such decoder pays. Each non-blank text is copied into its own
    // `String`, kept to the end as a decoder keeps its records.
    g.bench_function("reference: raw events, texts owned", |b| {
        b.iter(|| {
            let mut reader = quick_xml::Reader::from_str(black_box(&p.xml));
            let mut texts: Vec<String> = Vec::new();
            loop {
                match reader.read_event().unwrap() {
                    Event::Eof => break,
                    Event::Text(t) if !t.trim_ascii().is_empty() => {
                        texts.push(String::from(&*t));
                    }
                    _ => {}
                }
            }
            texts
        })
    });
    g.finish();

    let events: Vec<Event<'static>> = {
        let mut reader = quick_xml::Reader::from_str(&p.xml);
        let mut out = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Eof => break,
                e => out.push(e.into_owned()),
            }
        }
        out
    };
    let mut g = c.benchmark_group(format!("{}/xml-encode", p.name));
    g.throughput(Throughput::Bytes(p.xml.len() as u64));
    g.sample_size(10);
    let layout = elementa_xml::Layout::for_dialect(p.meta.dialect);
    g.bench_function("elementa typed", |b| {
        // Into a buffer of the document's size, as the baseline writes.
        b.iter(|| {
            let mut out = String::with_capacity(p.xml.len());
            elementa_xml::encode_records_into(
                &mut out,
                p.meta,
                black_box(p.records()).iter().map(|r| &**r),
                &layout,
            )
            .unwrap();
            out
        })
    });
    g.bench_function("baseline quick-xml Writer, same events", |b| {
        b.iter(|| {
            let mut w = quick_xml::Writer::new(Vec::with_capacity(p.xml.len()));
            for e in black_box(&events) {
                w.write_event(e.borrow()).unwrap();
            }
            w.into_inner()
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    for p in payloads() {
        match p.name {
            "expense-reports" => baseline::<Vec<equivalent::ExpenseReport>>(c, &p, Vec::len),
            "users" => baseline::<Vec<equivalent::User>>(c, &p, Vec::len),
            "order-headers" => baseline::<Vec<equivalent::OrderHeader>>(c, &p, Vec::len),
            _ => baseline::<FlexiListing>(c, &p, |l| l.winstrom.invoices.len()),
        }
        xml(c, &p);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
