//! Streaming `shallow` projection against the usual way of doing it — parse
//! the whole payload into `serde_json::Value`, filter, write — on the same
//! input in the same run.

#![allow(clippy::expect_used, clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use elementa::{Record, Resource};
use elementa_coupa::ExpenseReport;
use elementa_project::stream::{Format, project_stream};
use elementa_project::{Method, Projection, ReturnObject};
use serde_json::{Map, Value};

/// The baseline's shallow: own scalars kept, associations reduced to id and
/// the natural keys (hard-coded here, as a hand-written filter would).
fn shallow_value(v: &Value) -> Value {
    fn keys(v: &Value, natural: &[&str]) -> Value {
        let mut m = Map::new();
        if let Value::Object(o) = v {
            for k in std::iter::once("id").chain(natural.iter().copied()) {
                if let Some(x) = o.get(k) {
                    m.insert(k.to_owned(), x.clone());
                }
            }
        }
        Value::Object(m)
    }
    let Value::Object(o) = v else {
        return v.clone();
    };
    let mut out = Map::new();
    for (k, x) in o {
        let natural: &[&str] = match k.as_str() {
            "currency" => &["code"],
            "expensed-by" | "created-by" | "updated-by" => &["login", "email"],
            "expense-lines" => &["external-src-ref"],
            _ => &[],
        };
        let reduced = match x {
            Value::Object(_) => keys(x, natural),
            Value::Array(items) => Value::Array(items.iter().map(|i| keys(i, natural)).collect()),
            other => other.clone(),
        };
        out.insert(k.clone(), reduced);
    }
    Value::Object(out)
}

fn bench(c: &mut Criterion) {
    let records: Vec<Box<dyn Record>> = (1..=3000)
        .map(|n| Box::new(elementa_tests::sample::expense_report(n)) as Box<dyn Record>)
        .collect();
    let input = serde_json::to_string(&elementa_json::JsonList(&records)).unwrap();
    let meta = ExpenseReport::resource_meta();
    let shallow = Projection::ReturnObject(ReturnObject::Shallow);

    // Both produce the same output (up to the baseline's key order, which
    // serde_json's map sorts): checked once before timing.
    let mut ours = Vec::new();
    project_stream(
        meta,
        Format::Json,
        input.as_bytes(),
        &mut ours,
        &shallow,
        Method::Get,
    )
    .unwrap();
    let ours: Value = serde_json::from_slice(&ours).unwrap();
    let theirs: Value = match serde_json::from_str::<Value>(&input).unwrap() {
        Value::Array(items) => Value::Array(items.iter().map(shallow_value).collect()),
        _ => unreachable!(),
    };
    assert_eq!(ours, theirs);

    let mut g = c.benchmark_group("project-shallow-json");
    g.throughput(Throughput::Bytes(input.len() as u64));
    g.sample_size(10);
    g.bench_function("elementa streaming", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(input.len() / 2);
            project_stream(
                meta,
                Format::Json,
                black_box(input.as_bytes()),
                &mut out,
                &shallow,
                Method::Get,
            )
            .unwrap();
            out
        })
    });
    g.bench_function("baseline Value parse-filter-write", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_str(black_box(&input)).unwrap();
            let Value::Array(items) = v else {
                unreachable!()
            };
            let out: Vec<Value> = items.iter().map(shallow_value).collect();
            serde_json::to_vec(&out).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
