//! What a mirror must hold, computed from the fake server's records by
//! rules of their own (not through elementa's decoder): the wire forms of
//! ABRA Flexi JSON exports (tests/fixtures/flexi/faktura-vydana.json) as the
//! mirror's columns keep them (see `elementa_mirror::model`).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // test support: panics are the test failing

use elementa_fakes::flexi_world::FakeFlexiWorld;
use elementa_mirror::model::{ColumnType, Table};
use elementa_mirror::{MirrorSchema, SqlStore};
use serde_json::{Map, Value};

/// The evidences of the fake world, all mirrored.
pub const EVIDENCES: [&str; 4] = [
    "adresar",
    "cenik",
    "faktura-vydana",
    "faktura-vydana-polozka",
];

/// The mirror schema of [`EVIDENCES`].
pub fn schema() -> MirrorSchema {
    MirrorSchema::of(&EVIDENCES).unwrap()
}

fn text<'a>(record: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    record.get(key).and_then(Value::as_str)
}

/// The numeric id at the end of an `@ref` (`/c/demo/adresar/1001.json`).
fn ref_id(reference: &str) -> Option<String> {
    let last = reference.rsplit('/').next()?;
    let stem = last.split('.').next()?;
    stem.parse::<i64>().ok().map(|n| n.to_string())
}

/// The row `table` must hold for `record`, as `SqlStore::rows` shows it.
pub fn expected_row(table: &Table, record: &Map<String, Value>) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for column in &table.columns {
        let wire = column.wire;
        let value = text(record, wire);
        let expected = match column.ty {
            ColumnType::RelationId if wire == "id" => value.map(str::to_owned),
            ColumnType::RelationId => match value {
                None | Some("") => None,
                Some(v) if v.parse::<i64>().is_ok() => Some(v.to_owned()),
                Some(_) => text(record, &format!("{wire}@ref")).and_then(ref_id),
            },
            ColumnType::RelationCode => value
                .and_then(|v| v.strip_prefix("code:"))
                .map(str::to_owned),
            ColumnType::Date => value
                .filter(|v| !v.is_empty())
                .map(|v| v.chars().take(10).collect()),
            ColumnType::DateTime => value.filter(|v| !v.is_empty()).map(|v| {
                v.parse::<jiff::Timestamp>()
                    .unwrap_or_else(|e| panic!("{wire}: {v}: {e}"))
                    .to_string()
            }),
            ColumnType::Timestamp => value.filter(|v| !v.is_empty()).map(|v| {
                v.replace(' ', "T")
                    .parse::<jiff::civil::DateTime>()
                    .unwrap_or_else(|e| panic!("{wire}: {v}: {e}"))
                    .to_string()
            }),
            ColumnType::Strings => record.get(wire).map(|v| v.to_string()),
            ColumnType::Integer | ColumnType::Boolean | ColumnType::Numeric { .. } => {
                value.filter(|v| !v.is_empty()).map(str::to_owned)
            }
            ColumnType::Text { .. } => value.map(str::to_owned),
        };
        out.push(expected);
    }
    out
}

/// Asserts that the mirror holds exactly the fake server's records of
/// every mirrored evidence; returns the number of rows compared.
pub async fn assert_mirror_equals(store: &SqlStore, world: &FakeFlexiWorld) -> usize {
    let mut compared = 0;
    for table in store.schema().tables() {
        let evidence = table.evidence();
        let rows = store.rows(evidence).await.unwrap();
        let records = world.records(evidence);
        let ids: Vec<_> = rows.iter().map(|r| r[0].clone()).collect();
        let expected_ids: Vec<_> = records
            .iter()
            .map(|r| text(r, "id").map(str::to_owned))
            .collect();
        assert_eq!(
            ids, expected_ids,
            "{evidence}: the mirror's ids differ from the server's"
        );
        for (row, record) in rows.iter().zip(&records) {
            let expected = expected_row(table, record);
            for ((column, got), want) in table.columns.iter().zip(row).zip(&expected) {
                assert_eq!(
                    got, want,
                    "{evidence} {:?}, column {} (element {}): mirror {got:?}, server {want:?}",
                    row[0], column.name, column.wire
                );
            }
            compared += 1;
        }
    }
    compared
}

/// Asserts that the audit lists every change the server logged after the
/// load's version exactly once, and nothing else.
pub async fn assert_audit_exact(store: &SqlStore, world: &FakeFlexiWorld) -> usize {
    let state = store.state().await.unwrap();
    let load = state.load_version.expect("the load kept its version");
    let audit = store.audit().await.unwrap();
    let audited: Vec<u64> = audit.iter().map(|a| a.0).collect();
    let logged: Vec<u64> = world
        .log()
        .iter()
        .map(|c| c.version)
        .filter(|v| *v > load)
        .collect();
    assert_eq!(
        audited, logged,
        "the audit does not list each change after {load} exactly once"
    );
    for (entry, change) in audit
        .iter()
        .zip(world.log().iter().filter(|c| c.version > load))
    {
        assert_eq!(
            (&entry.1, &entry.2),
            (&change.evidence, &change.operation),
            "change {}",
            change.version
        );
    }
    audited.len()
}

/// A fresh PostgreSQL database named `name` on the server of
/// `ELEMENTA_TEST_POSTGRES`, as a URL; `None` (with a note on how to enable
/// the tests) when that is not set — unless `ELEMENTA_REQUIRE_POSTGRES` is
/// set, as `.ci/run` does, where a missing server fails the test instead of
/// skipping it.
pub async fn postgres(name: &str) -> Option<String> {
    let Ok(base) = std::env::var("ELEMENTA_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("ELEMENTA_REQUIRE_POSTGRES").is_none(),
            "ELEMENTA_REQUIRE_POSTGRES is set but ELEMENTA_TEST_POSTGRES is not"
        );
        eprintln!(
            "PostgreSQL test `{name}` skipped: start a server with `eval \"$(.ci/postgres)\"` \
             (sets ELEMENTA_TEST_POSTGRES) to run it"
        );
        return None;
    };
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(&base).await.unwrap();
    let db = format!("elementa_{name}_{}", std::process::id());
    sqlx::query(&format!("DROP DATABASE IF EXISTS \"{db}\""))
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE \"{db}\""))
        .execute(&mut admin)
        .await
        .unwrap();
    let (server, _) = base.rsplit_once('/').unwrap();
    Some(format!("{server}/{db}"))
}
