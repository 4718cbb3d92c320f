//! Decoding time per unknown key, from 1,000 to 100,000 distinct unknown
//! keys in one record, beside `serde_json::Value` parsing the same text
//! (linear by construction) in the same run: if the ratio stays flat as the
//! count grows a hundredfold, keeping unknown keys is linear. (It was
//! quadratic: 100,000 keys took about 22 s.)
//!
//! `cargo bench -p elementa-tests --bench unknown_keys`

#![allow(clippy::unwrap_used)] // benches panic on bad setup

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use elementa_coupa::User;

fn user_with_unknown_keys(n: usize) -> String {
    let mut s = String::from(r#"{"id":1,"login":"jo""#);
    for i in 0..n {
        s.push_str(&format!(r#","x-{i}":{i}"#));
    }
    s.push('}');
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("unknown keys");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    for n in [1_000, 10_000, 100_000] {
        let text = user_with_unknown_keys(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(
            BenchmarkId::new("elementa JSON decode", n),
            &text,
            |b, t| {
                b.iter(|| black_box(elementa_json::from_str::<User>(t).unwrap()));
            },
        );
        g.bench_with_input(
            BenchmarkId::new("baseline serde_json::Value", n),
            &text,
            |b, t| {
                b.iter(|| black_box(serde_json::from_str::<serde_json::Value>(t).unwrap()));
            },
        );
        let xml =
            elementa_xml::to_string(&elementa_json::from_str::<User>(&text).unwrap()).unwrap();
        g.bench_with_input(BenchmarkId::new("elementa XML decode", n), &xml, |b, t| {
            b.iter(|| black_box(elementa_xml::from_str::<User>(t).unwrap()));
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
