//! Decode and encode throughput of a large Coupa payload (a list of expense
//! reports with lines, currency and users), each measured beside its baseline
//! on the same bytes in the same run:
//!
//! - typed JSON decode vs a hand-written `#[derive(Deserialize)]` struct;
//! - typed JSON encode vs `#[derive(Serialize)]` on that struct;
//! - typed XML decode vs quick-xml's raw reader visiting every event.

#![allow(clippy::expect_used, clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use elementa::{Record, Resource};
use elementa_coupa::ExpenseReport;
use serde::{Deserialize, Serialize};
use std::hint::black_box;

const REPORTS: i64 = 3000;

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
struct PlainUser {
    id: i64,
    login: String,
    email: String,
    firstname: Option<String>,
    lastname: Option<String>,
    active: Option<bool>,
}

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
struct PlainCurrency {
    id: i64,
    code: String,
    name: Option<String>,
    decimals: Option<i64>,
}

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
struct PlainCategory {
    id: i64,
    name: String,
}

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
struct PlainLine {
    id: i64,
    description: Option<String>,
    merchant: Option<String>,
    reason: Option<String>,
    amount: Option<String>,
    expense_date: Option<String>,
    start_date: Option<String>,
    expense_category: Option<PlainCategory>,
    external_src_ref: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
struct PlainReport {
    id: i64,
    created_at: Option<String>,
    updated_at: Option<String>,
    title: Option<String>,
    status: Option<String>,
    submitted_at: Option<String>,
    auditor_note: Option<String>,
    reject_reason: Option<String>,
    paid: Option<bool>,
    total: Option<String>,
    audit_score: Option<i64>,
    exported: Option<bool>,
    last_exported_at: Option<String>,
    external_src_ref: Option<String>,
    external_src_name: Option<String>,
    currency: Option<PlainCurrency>,
    expensed_by: Option<PlainUser>,
    created_by: Option<PlainUser>,
    updated_by: Option<PlainUser>,
    expense_lines: Vec<PlainLine>,
    comments: Vec<serde_json::Value>,
}

fn payloads() -> (Vec<Box<dyn Record>>, String, String) {
    let records: Vec<Box<dyn Record>> = (1..=REPORTS)
        .map(|n| Box::new(elementa_tests::sample::expense_report(n)) as Box<dyn Record>)
        .collect();
    let json = serde_json::to_string(&elementa_json::JsonList(&records)).unwrap();
    let xml = elementa_xml::encode_records(
        ExpenseReport::resource_meta(),
        records.iter().map(|r| &**r),
        &elementa_xml::Layout::for_dialect(elementa::Dialect::Coupa),
    )
    .unwrap();
    (records, json, xml)
}

fn json(c: &mut Criterion) {
    let (records, json, _) = payloads();
    let meta = ExpenseReport::resource_meta();
    let plain: Vec<PlainReport> = serde_json::from_str(&json).unwrap();
    assert_eq!(
        plain.len(),
        REPORTS as usize,
        "the baseline reads the same payload"
    );

    let mut g = c.benchmark_group("json-decode");
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.sample_size(10);
    g.bench_function("elementa typed", |b| {
        b.iter(|| elementa_json::decode_list(meta, black_box(&json), Default::default()).unwrap())
    });
    g.bench_function("baseline serde derive", |b| {
        b.iter(|| serde_json::from_str::<Vec<PlainReport>>(black_box(&json)).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("json-encode");
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.sample_size(10);
    g.bench_function("elementa typed", |b| {
        b.iter(|| serde_json::to_string(&elementa_json::JsonList(black_box(&records))).unwrap())
    });
    g.bench_function("baseline serde derive", |b| {
        b.iter(|| serde_json::to_string(black_box(&plain)).unwrap())
    });
    g.finish();
}

fn xml(c: &mut Criterion) {
    let (records, _, xml) = payloads();
    let meta = ExpenseReport::resource_meta();
    let mut g = c.benchmark_group("xml-decode");
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.sample_size(10);
    g.bench_function("elementa typed", |b| {
        b.iter(|| elementa_xml::decode(meta, black_box(&xml), Default::default()).unwrap())
    });
    g.bench_function("baseline quick-xml raw events", |b| {
        b.iter(|| {
            let mut reader = quick_xml::Reader::from_str(black_box(&xml));
            let mut n = 0usize;
            loop {
                match reader.read_event().unwrap() {
                    quick_xml::events::Event::Eof => break,
                    _ => n += 1,
                }
            }
            n
        })
    });
    g.finish();

    let mut g = c.benchmark_group("xml-encode");
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.sample_size(10);
    let layout = elementa_xml::Layout::for_dialect(elementa::Dialect::Coupa);
    g.bench_function("elementa typed", |b| {
        b.iter(|| {
            elementa_xml::encode_records(meta, black_box(&records).iter().map(|r| &**r), &layout)
                .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, json, xml);
criterion_main!(benches);
