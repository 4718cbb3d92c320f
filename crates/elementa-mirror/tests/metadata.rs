//! When the metadata the binary carries differs from what the database was
//! built from: changes the database can follow (a longer text, more
//! digits, other allowed values) are followed in one transaction and
//! recorded as a new schema version; the others are refused with every
//! difference named, and nothing is changed. "Older metadata" is made by
//! editing what the database recorded (and, on PostgreSQL, the column).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests panic on purpose

mod support;

use elementa_mirror::{MirrorSchema, SqlStore, StoreError};

fn schema(evidences: &[&str]) -> MirrorSchema {
    let metas: Vec<_> = evidences
        .iter()
        .map(|e| elementa_flexi::wire::evidence(e).unwrap())
        .collect();
    MirrorSchema::derive(&metas).unwrap()
}

async fn exec(store: &SqlStore, sql: &str) {
    sqlx::query(sql).execute(store.pool()).await.unwrap();
}

async fn versions(store: &SqlStore) -> Vec<(i64, String)> {
    use sqlx::Row;
    sqlx::query("SELECT \"version\", \"note\" FROM \"elementa_mirror_schema\" ORDER BY \"version\"")
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get::<i64, _>(0), r.get::<String, _>(1)))
        .collect()
}

async fn recorded(store: &SqlStore, column: &str) -> (Option<i64>, String) {
    use sqlx::Row;
    let r = sqlx::query("SELECT \"length\", \"allowed_values\" FROM \"elementa_mirror_columns\" WHERE \"table_name\" = 'adresar' AND \"column_name\" = $1")
        .bind(column.to_owned())
        .fetch_one(store.pool())
        .await
        .unwrap();
    (r.get(0), r.get(1))
}

async fn follows_what_it_can_and_refuses_the_rest(url: &str, postgres: bool) {
    let store = SqlStore::open(url, schema(&["adresar"])).await.unwrap();
    assert_eq!(versions(&store).await.len(), 1);
    // Older metadata: `kod` was 10 characters, `typVztahuK` had one value
    // fewer.
    exec(&store, "UPDATE \"elementa_mirror_columns\" SET \"length\" = 10 WHERE \"table_name\" = 'adresar' AND \"column_name\" = 'kod'").await;
    let (_, values) = recorded(&store, "typ_vztahu_k").await;
    let fewer: Vec<&str> = values.lines().skip(1).collect();
    exec(&store, &format!("UPDATE \"elementa_mirror_columns\" SET \"allowed_values\" = '{}' WHERE \"table_name\" = 'adresar' AND \"column_name\" = 'typ_vztahu_k'", fewer.join("\n"))).await;
    if postgres {
        exec(
            &store,
            "ALTER TABLE \"adresar\" ALTER COLUMN \"kod\" TYPE VARCHAR(10)",
        )
        .await;
    }
    store.pool().close().await;

    let store = SqlStore::open(url, schema(&["adresar"])).await.unwrap();
    let v = versions(&store).await;
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(
        v[1].1,
        "table `adresar`, column `kod`: widened; table `adresar`, column `typ_vztahu_k`: allowed values changed"
    );
    assert_eq!(recorded(&store, "kod").await.0, Some(20));
    assert_eq!(recorded(&store, "typ_vztahu_k").await.1, values);
    if postgres {
        // The column itself was widened.
        exec(
            &store,
            "INSERT INTO \"adresar\" (\"id\", \"kod\") VALUES (1, 'TWENTY-CHARACTERS-20')",
        )
        .await;
    }

    // Changes the database cannot follow: a type, a scale, a column the
    // database lacks, a column it has that the metadata lost.
    exec(&store, "UPDATE \"elementa_mirror_columns\" SET \"type\" = 'integer' WHERE \"table_name\" = 'adresar' AND \"column_name\" = 'nazev'").await;
    exec(&store, "UPDATE \"elementa_mirror_columns\" SET \"scale\" = 4 WHERE \"table_name\" = 'adresar' AND \"column_name\" = 'limit_fak'").await;
    exec(&store, "DELETE FROM \"elementa_mirror_columns\" WHERE \"table_name\" = 'adresar' AND \"column_name\" = 'email'").await;
    exec(&store, "INSERT INTO \"elementa_mirror_columns\" (\"table_name\", \"position\", \"column_name\", \"element\", \"type\", \"allowed_values\") VALUES ('adresar', 999, 'fax_old', 'faxOld', 'text', '')").await;
    exec(&store, "UPDATE \"elementa_mirror_columns\" SET \"length\" = 10 WHERE \"table_name\" = 'adresar' AND \"column_name\" = 'kod'").await;
    store.pool().close().await;
    let Err(StoreError::Incompatible(problems)) = SqlStore::open(url, schema(&["adresar"])).await
    else {
        panic!("the changed metadata was accepted");
    };
    assert_eq!(
        problems,
        [
            "table `adresar`, column `nazev`: was integer from `nazev`, is now text from `nazev`",
            "table `adresar`: column `email` (text) is new in the metadata; its existing rows have no value for it",
            "table `adresar`, column `limit_fak`: scale Some(4) became Some(2); stored values would change",
            "table `adresar`: column `fax_old` is no longer in the metadata",
        ],
        "{problems:#?}"
    );
    // Nothing was changed, not even the followable `kod`.
    let store = SqlStore::open(url, schema(&["adresar", "cenik"])).await;
    let Err(StoreError::Incompatible(problems)) = store else {
        panic!("a new evidence was accepted without its load");
    };
    assert!(
        problems
            .iter()
            .any(|p| p == "table `cenik`: not in the database (a new evidence needs its own load)"),
        "{problems:#?}"
    );
}

async fn recorded_length(url: &str) -> Option<i64> {
    use sqlx::Row;
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let r = sqlx::query("SELECT \"length\" FROM \"elementa_mirror_columns\" WHERE \"table_name\" = 'adresar' AND \"column_name\" = 'kod'")
        .fetch_one(&pool)
        .await
        .unwrap();
    r.get(0)
}

#[tokio::test]
async fn sqlite_follows_what_it_can_and_refuses_the_rest() {
    let path = std::env::temp_dir().join(format!("elementa-meta-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let url = format!("sqlite:{}", path.display());
    follows_what_it_can_and_refuses_the_rest(&url, false).await;
    assert_eq!(
        recorded_length(&format!("sqlite://{}", path.display())).await,
        Some(10)
    );
}

#[tokio::test]
async fn postgres_follows_what_it_can_and_refuses_the_rest() {
    if let Some(url) = support::postgres("metadata").await {
        follows_what_it_can_and_refuses_the_rest(&url, true).await;
        assert_eq!(recorded_length(&url).await, Some(10));
    }
}
