//! The SQL store: the mirror tables, the cursor position and the audit of
//! applied changes, in one SQLite file or one PostgreSQL database.
//!
//! # Tables of its own
//!
//! * `elementa_mirror_schema` — one row per version of the mirror's
//!   layout: the first when the tables were created, one more for each
//!   metadata change the database followed.
//! * `elementa_mirror_columns` — what each column was derived from: its
//!   element, type, length, precision, scale, allowed values, parent table.
//! * `elementa_mirror_state` — one row: the cursor position (the next
//!   change version to fetch; null until the initial load has finished) and
//!   the `globalVersion` of the load's first page.
//! * `elementa_mirror_load` — the initial load's progress per evidence
//!   (last id stored, records, done), so a restarted load continues.
//! * `elementa_mirror_audit` — one row per change version the cursor
//!   committed (its primary key is the version, so no version can be
//!   applied twice), with what was done: `stored`, `deleted`, `gone` (it no
//!   longer existed when fetched: its row was removed), `orphan` (a
//!   sub-evidence row whose parent is not in the mirror), `not-mirrored`
//!   (an evidence not chosen) or `ignored` (an operation other than
//!   create, update or delete).
//!
//! # Atomicity
//!
//! [`SqlStore::commit`] applies a batch, writes its audit rows and moves the
//! position in one transaction, after a compare-and-set on the position;
//! [`SqlStore::store_page`] stores a page of the initial load with its
//! progress in one transaction. A process killed at any moment leaves the
//! database at the last commit.

use std::collections::HashMap;

use elementa::Record;
use elementa_flexi::cursor::Batch;
use elementa_flexi::{Change, Operation, RecordId};
use sqlx::any::{AnyArguments, AnyPoolOptions};
use sqlx::{AnyPool, Arguments, Row};

use crate::model::{ColumnType, Dialect, MirrorSchema, RecordedColumn, Table, quote};
use crate::row::{RowError, SqlValue, record_id, row};

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL is neither `sqlite:…` nor `postgres://…`.
    #[error(
        "`{0}` is not a database URL this mirror speaks: use sqlite:PATH or postgres://USER@HOST/DB"
    )]
    Url(String),
    /// The database refused a statement.
    #[error("{context}: {source}")]
    Database {
        /// What was being done.
        context: String,
        /// The database's error.
        #[source]
        source: sqlx::Error,
    },
    /// The metadata changed in ways the database cannot follow; nothing
    /// was changed.
    #[error("the database was built from other metadata, and cannot follow the change (nothing was changed; mirror into a new database, or drop the mirror's tables to load again):\n{}", .0.join("\n"))]
    Incompatible(Vec<String>),
    /// Another process (or a lost commit) moved the position.
    #[error(
        "the saved position is {found:?}, not {expected} as this batch was planned from: another process is syncing this mirror, or an earlier commit was lost in transit; restart from the saved position"
    )]
    Moved {
        /// The position the batch was planned from.
        expected: u64,
        /// The saved position.
        found: Option<u64>,
    },
    /// A page of the load does not continue where the saved progress ends,
    /// or the load has finished: another process is loading or syncing
    /// this mirror.
    #[error(
        "the load of {evidence} has moved on from id {after} (or finished): another process is loading or syncing this mirror; restart"
    )]
    LoadMoved {
        /// The evidence.
        evidence: String,
        /// The id the page was fetched after.
        after: i64,
    },
    /// The load ended without storing a page, so no `globalVersion` is known.
    #[error("the initial load stored no page, so it has no globalVersion to continue from")]
    NothingLoaded,
    /// A change's record belongs to a parent the mirror does not hold.
    #[error(
        "change {version}: {evidence} record {id} belongs to {parent} record {parent_id}, which the mirror does not hold; the batch was not applied"
    )]
    Orphan {
        /// The change's version.
        version: u64,
        /// The sub-evidence.
        evidence: String,
        /// The record.
        id: i64,
        /// The parent evidence.
        parent: String,
        /// The parent's id.
        parent_id: i64,
    },
    /// A value read back from the mirror's own tables is out of range.
    #[error("the mirror's {0} holds {1}, which is not a valid version")]
    BadVersion(&'static str, i64),
    /// A record cannot be stored.
    #[error(transparent)]
    Row(#[from] RowError),
    /// A change carries no numeric id.
    #[error("change {version} ({evidence}) carries no numeric record id")]
    NoId {
        /// The change's version.
        version: u64,
        /// Its evidence.
        evidence: String,
    },
    /// A version beyond the 64-bit signed range the database keeps.
    #[error("version {0} is beyond what the database keeps (2^63 - 1)")]
    Version(u64),
    /// The load was asked to store a page of an evidence not mirrored.
    #[error("evidence `{0}` is not mirrored here")]
    NotMirrored(String),
}

fn db(context: impl Into<String>) -> impl FnOnce(sqlx::Error) -> StoreError {
    let context = context.into();
    move |source| StoreError::Database { context, source }
}

fn signed(v: u64) -> Result<i64, StoreError> {
    i64::try_from(v).map_err(|_| StoreError::Version(v))
}

fn unsigned(v: i64) -> Option<u64> {
    u64::try_from(v).ok()
}

/// The layout version of the mirror's own tables written by this crate.
const LAYOUT: i64 = 1;

/// Where the mirror stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The next change version to fetch; `None` until the load finished.
    pub position: Option<u64>,
    /// The `globalVersion` of the load's first page (the load reflects
    /// every change up to it).
    pub load_version: Option<u64>,
    /// Per evidence: the last id stored by the load, and whether its load
    /// is done.
    pub loads: HashMap<String, (i64, bool)>,
}

/// Where a page of the initial load sits in its evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadPage {
    /// The id the page was fetched after (`id > after`); the saved
    /// progress must still be there.
    pub after: i64,
    /// The largest id in the page (the next page is fetched after it).
    pub last: i64,
    /// Whether the page ends the evidence's load.
    pub done: bool,
}

/// What a commit did, by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Rows inserted or updated.
    pub stored: usize,
    /// Rows deleted (deletes and records gone when fetched).
    pub deleted: usize,
    /// Changes of evidences not mirrored, unknown operations and orphans.
    pub skipped: usize,
}

/// The mirror in a SQL database.
#[derive(Debug, Clone)]
pub struct SqlStore {
    pool: AnyPool,
    dialect: Dialect,
    schema: MirrorSchema,
    upsert: Vec<String>,
}

fn now() -> String {
    jiff::Timestamp::now().to_string()
}

fn bind(args: &mut AnyArguments<'_>, value: SqlValue) -> Result<(), StoreError> {
    let result = match value {
        SqlValue::Integer(v) => args.add(v),
        SqlValue::Text(v) => args.add(v),
        SqlValue::Boolean(v) => args.add(v),
    };
    result.map_err(|e| StoreError::Database {
        context: "binding a value".into(),
        source: sqlx::Error::Encode(e),
    })
}

impl SqlStore {
    /// Connects to `url` (`sqlite:PATH` — created when missing — or
    /// `postgres://…`), creates the mirror's tables for `schema` on first
    /// use, or checks that the existing ones were built from the same
    /// metadata (following the changes a database can follow, in one
    /// transaction, and refusing the others).
    pub async fn open(url: &str, schema: MirrorSchema) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let (dialect, url) = if url == "sqlite::memory:" {
            (Dialect::Sqlite, url.to_owned())
        } else if let Some(path) = url.strip_prefix("sqlite:") {
            let path = path.trim_start_matches("//");
            let mode = if path.contains('?') { "" } else { "?mode=rwc" };
            (Dialect::Sqlite, format!("sqlite://{path}{mode}"))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Dialect::Postgres, url.to_owned())
        } else {
            return Err(StoreError::Url(redact(url)));
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if dialect == Dialect::Sqlite { 1 } else { 4 })
            .connect(&url)
            .await
            .map_err(db(format!("connecting to {}", redact(&url))))?;
        let upsert = schema
            .tables()
            .iter()
            .map(|t| upsert_sql(t, dialect))
            .collect();
        let store = SqlStore {
            pool,
            dialect,
            schema,
            upsert,
        };
        store.prepare().await?;
        Ok(store)
    }

    /// The database kind.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The tables mirrored.
    pub fn schema(&self) -> &MirrorSchema {
        &self.schema
    }

    /// The connection pool, for reading the mirror.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    async fn table_exists(&self, name: &str) -> Result<bool, StoreError> {
        let sql = match self.dialect {
            Dialect::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
            }
            Dialect::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1"
            }
        };
        let n: i64 = sqlx::query_scalar(sql)
            .bind(name.to_owned())
            .fetch_one(&self.pool)
            .await
            .map_err(db("reading the catalog"))?;
        Ok(n > 0)
    }

    async fn prepare(&self) -> Result<(), StoreError> {
        if !self.table_exists("elementa_mirror_columns").await? {
            return self.create().await;
        }
        self.follow().await
    }

    async fn create(&self) -> Result<(), StoreError> {
        let mut statements: Vec<String> = vec![
            "CREATE TABLE \"elementa_mirror_schema\" (\"version\" BIGINT PRIMARY KEY, \"layout\" BIGINT NOT NULL, \"applied_at\" TEXT NOT NULL, \"note\" TEXT NOT NULL)".into(),
            "CREATE TABLE \"elementa_mirror_columns\" (\"table_name\" TEXT NOT NULL, \"position\" BIGINT NOT NULL, \"column_name\" TEXT NOT NULL, \"element\" TEXT NOT NULL, \"type\" TEXT NOT NULL, \"length\" BIGINT, \"precision\" BIGINT, \"scale\" BIGINT, \"allowed_values\" TEXT NOT NULL, \"parent_table\" TEXT, PRIMARY KEY (\"table_name\", \"column_name\"))".into(),
            "CREATE TABLE \"elementa_mirror_state\" (\"id\" BIGINT PRIMARY KEY CHECK (\"id\" = 1), \"position\" BIGINT, \"load_version\" BIGINT)".into(),
            "INSERT INTO \"elementa_mirror_state\" (\"id\") VALUES (1)".into(),
            "CREATE TABLE \"elementa_mirror_load\" (\"evidence\" TEXT PRIMARY KEY, \"last_id\" BIGINT NOT NULL, \"records\" BIGINT NOT NULL, \"done\" BIGINT NOT NULL)".into(),
            "CREATE TABLE \"elementa_mirror_audit\" (\"version\" BIGINT PRIMARY KEY, \"evidence\" TEXT NOT NULL, \"operation\" TEXT NOT NULL, \"record_id\" TEXT NOT NULL, \"outcome\" TEXT NOT NULL, \"batch_from\" BIGINT NOT NULL, \"applied_at\" TEXT NOT NULL)".into(),
        ];
        for table in self.schema.tables() {
            statements.push(table.create(self.dialect));
            statements.extend(table.parent_index());
        }
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(db("starting a transaction"))?;
        for sql in &statements {
            sqlx::query(sql)
                .execute(&mut *tx)
                .await
                .map_err(db(format!("creating the mirror's tables ({sql})")))?;
        }
        for column in self.schema.recorded() {
            insert_column(&mut tx, &column).await?;
        }
        sqlx::query("INSERT INTO \"elementa_mirror_schema\" (\"version\", \"layout\", \"applied_at\", \"note\") VALUES (1, $1, $2, $3)")
            .bind(LAYOUT)
            .bind(now())
            .bind(format!("created for {}", self.evidences()))
            .execute(&mut *tx)
            .await
            .map_err(db("recording the schema version"))?;
        tx.commit()
            .await
            .map_err(db("committing the mirror's tables"))
    }

    fn evidences(&self) -> String {
        let names: Vec<&str> = self.schema.tables().iter().map(|t| t.evidence()).collect();
        names.join(", ")
    }

    /// Compares the recorded columns with the derived ones; follows what it
    /// can in one transaction, refuses the rest before changing anything.
    async fn follow(&self) -> Result<(), StoreError> {
        let rows = sqlx::query("SELECT \"table_name\", \"position\", \"column_name\", \"element\", \"type\", \"length\", \"precision\", \"scale\", \"allowed_values\", \"parent_table\" FROM \"elementa_mirror_columns\"")
            .fetch_all(&self.pool)
            .await
            .map_err(db("reading the recorded columns"))?;
        let mut recorded: Vec<RecordedColumn> = Vec::with_capacity(rows.len());
        for r in &rows {
            recorded.push(RecordedColumn {
                table: r.try_get(0).map_err(db("reading the recorded columns"))?,
                position: r.try_get(1).map_err(db("reading the recorded columns"))?,
                column: r.try_get(2).map_err(db("reading the recorded columns"))?,
                element: r.try_get(3).map_err(db("reading the recorded columns"))?,
                ty: r.try_get(4).map_err(db("reading the recorded columns"))?,
                length: r.try_get(5).map_err(db("reading the recorded columns"))?,
                precision: r.try_get(6).map_err(db("reading the recorded columns"))?,
                scale: r.try_get(7).map_err(db("reading the recorded columns"))?,
                values: r.try_get(8).map_err(db("reading the recorded columns"))?,
                parent: r.try_get(9).map_err(db("reading the recorded columns"))?,
            });
        }
        let derived = self.schema.recorded();
        let plan = compare(&recorded, &derived, self.dialect);
        if !plan.refused.is_empty() {
            return Err(StoreError::Incompatible(plan.refused));
        }
        if plan.changed.is_empty() {
            return Ok(());
        }
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(db("starting a transaction"))?;
        for sql in &plan.statements {
            sqlx::query(sql)
                .execute(&mut *tx)
                .await
                .map_err(db(format!("following the metadata ({sql})")))?;
        }
        sqlx::query("DELETE FROM \"elementa_mirror_columns\"")
            .execute(&mut *tx)
            .await
            .map_err(db("updating the recorded columns"))?;
        for column in &derived {
            insert_column(&mut tx, column).await?;
        }
        sqlx::query("INSERT INTO \"elementa_mirror_schema\" (\"version\", \"layout\", \"applied_at\", \"note\") SELECT MAX(\"version\") + 1, $1, $2, $3 FROM \"elementa_mirror_schema\"")
            .bind(LAYOUT)
            .bind(now())
            .bind(plan.changed.join("; "))
            .execute(&mut *tx)
            .await
            .map_err(db("recording the schema version"))?;
        tx.commit()
            .await
            .map_err(db("committing the metadata change"))
    }

    /// Where the mirror stands.
    pub async fn state(&self) -> Result<State, StoreError> {
        let row = sqlx::query(
            "SELECT \"position\", \"load_version\" FROM \"elementa_mirror_state\" WHERE \"id\" = 1",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(db("reading the position"))?;
        let position: Option<i64> = row.try_get(0).map_err(db("reading the position"))?;
        let load_version: Option<i64> = row.try_get(1).map_err(db("reading the position"))?;
        let mut loads = HashMap::new();
        let rows =
            sqlx::query("SELECT \"evidence\", \"last_id\", \"done\" FROM \"elementa_mirror_load\"")
                .fetch_all(&self.pool)
                .await
                .map_err(db("reading the load's progress"))?;
        for r in rows {
            let evidence: String = r.try_get(0).map_err(db("reading the load's progress"))?;
            let last: i64 = r.try_get(1).map_err(db("reading the load's progress"))?;
            let done: i64 = r.try_get(2).map_err(db("reading the load's progress"))?;
            loads.insert(evidence, (last, done != 0));
        }
        let version = |what: &'static str, v: Option<i64>| {
            v.map(|n| unsigned(n).ok_or(StoreError::BadVersion(what, n)))
                .transpose()
        };
        Ok(State {
            position: version("position", position)?,
            load_version: version("load version", load_version)?,
            loads,
        })
    }

    /// The saved position; `None` before the initial load finished.
    pub async fn position(&self) -> Result<Option<u64>, StoreError> {
        Ok(self.state().await?.position)
    }

    /// Stores one page of the initial load of `evidence` in one
    /// transaction: its records (sub-evidence rows whose parent is not in
    /// the mirror are left out: the parent was created after the load
    /// began, so both creations come through the change feed), the load's
    /// progress (`last_id`, `done`), and, for the load's first page, its
    /// `globalVersion`. Refused ([`StoreError::LoadMoved`]) when the load has
    /// finished or its saved progress is not `page.after`. Returns the rows
    /// stored.
    pub async fn store_page(
        &self,
        evidence: &str,
        records: &[Box<dyn Record>],
        global_version: u64,
        page: LoadPage,
    ) -> Result<usize, StoreError> {
        let index = self.table_index(evidence)?;
        let table = self.table_at(index);
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(db("starting a transaction"))?;
        // Only while loading: a process that finished the load (and may
        // have applied changes since) must not be overwritten by a page
        // another process fetched earlier.
        let loading = sqlx::query("UPDATE \"elementa_mirror_state\" SET \"load_version\" = COALESCE(\"load_version\", $1) WHERE \"id\" = 1 AND \"position\" IS NULL")
            .bind(signed(global_version)?)
            .execute(&mut *tx)
            .await
            .map_err(db("saving the load's version"))?;
        if loading.rows_affected() != 1 {
            return Err(StoreError::LoadMoved {
                evidence: evidence.to_owned(),
                after: page.after,
            });
        }
        sqlx::query("INSERT INTO \"elementa_mirror_load\" (\"evidence\", \"last_id\", \"records\", \"done\") VALUES ($1, 0, 0, 0) ON CONFLICT (\"evidence\") DO NOTHING")
            .bind(table.evidence().to_owned())
            .execute(&mut *tx)
            .await
            .map_err(db("saving the load's progress"))?;
        let stored = self.upsert_rows(&mut tx, index, records).await?;
        // Compare-and-set: the page continues where the saved progress ends.
        let moved = sqlx::query("UPDATE \"elementa_mirror_load\" SET \"last_id\" = $1, \"records\" = \"records\" + $2, \"done\" = $3 WHERE \"evidence\" = $4 AND \"last_id\" = $5 AND \"done\" = 0")
            .bind(page.last)
            .bind(stored as i64)
            .bind(i64::from(page.done))
            .bind(table.evidence().to_owned())
            .bind(page.after)
            .execute(&mut *tx)
            .await
            .map_err(db("saving the load's progress"))?;
        if moved.rows_affected() != 1 {
            return Err(StoreError::LoadMoved {
                evidence: evidence.to_owned(),
                after: page.after,
            });
        }
        tx.commit()
            .await
            .map_err(db("committing a page of the load"))?;
        Ok(stored)
    }

    /// Ends the initial load: the position becomes the first page's
    /// `globalVersion` + 1 (the load reflects every change up to it).
    /// Returns the position.
    pub async fn finish_load(&self) -> Result<u64, StoreError> {
        sqlx::query("UPDATE \"elementa_mirror_state\" SET \"position\" = \"load_version\" + 1 WHERE \"id\" = 1 AND \"position\" IS NULL AND \"load_version\" IS NOT NULL")
            .execute(&self.pool)
            .await
            .map_err(db("saving the position after the load"))?;
        let state = self.state().await?;
        state.position.ok_or(StoreError::NothingLoaded)
    }

    fn table_index(&self, evidence: &str) -> Result<usize, StoreError> {
        self.schema
            .tables()
            .iter()
            .position(|t| t.evidence() == evidence)
            .ok_or_else(|| StoreError::NotMirrored(evidence.to_owned()))
    }

    fn table_at(&self, index: usize) -> &Table {
        match self.schema.tables().get(index) {
            Some(t) => t,
            None => unreachable!("invariant: indexes come from table_index"),
        }
    }

    /// Inserts or updates the rows of `records` (ids unique), several to a
    /// statement; sub-evidence rows whose parent is not in the mirror are
    /// left out. Returns the rows stored.
    async fn upsert_rows(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        index: usize,
        records: &[Box<dyn Record>],
    ) -> Result<usize, StoreError> {
        let table = self.table_at(index);
        let mut rows = Vec::with_capacity(records.len());
        for record in records {
            rows.push(row(table, record.as_ref())?);
        }
        if let Some(parent) = &table.parent {
            let mut wanted = Vec::with_capacity(rows.len());
            for values in &rows {
                wanted.push(parent_id(table, values)?);
            }
            let present = self.present_ids(tx, &parent.table, &wanted).await?;
            let mut keep = wanted.iter().map(|p| present.contains(p));
            rows.retain(|_| keep.next() == Some(true));
        }
        let columns = table.columns.len().max(1);
        // SQLite takes at most 32,766 parameters a statement, PostgreSQL
        // 65,535; past a hundred rows a statement gains nothing more.
        let per_statement = (30_000 / columns).clamp(1, 100);
        let stored = rows.len();
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let mut args = AnyArguments::default();
            let mut in_chunk = 0;
            for values in rows.by_ref().take(per_statement) {
                in_chunk += 1;
                for value in values {
                    bind(&mut args, value)?;
                }
            }
            sqlx::query_with(&upsert_many_sql(table, self.dialect, in_chunk), args)
                .execute(&mut **tx)
                .await
                .map_err(db(format!(
                    "storing {in_chunk} {} records",
                    table.evidence()
                )))?;
        }
        Ok(stored)
    }

    /// Which of `ids` are rows of `table`.
    async fn present_ids(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        table: &str,
        ids: &[i64],
    ) -> Result<std::collections::HashSet<i64>, StoreError> {
        let mut present = std::collections::HashSet::new();
        for chunk in ids.chunks(1000) {
            let params: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
            let sql = format!(
                "SELECT \"id\" FROM {} WHERE \"id\" IN ({})",
                quote(table),
                params.join(", ")
            );
            let mut query = sqlx::query_scalar::<_, i64>(&sql);
            for id in chunk {
                query = query.bind(*id);
            }
            let found = query
                .fetch_all(&mut **tx)
                .await
                .map_err(db(format!("looking up rows of {table}")))?;
            present.extend(found);
        }
        Ok(present)
    }

    /// Inserts or updates `record`'s row; `Some(parent id)`, storing
    /// nothing, when it is a sub-evidence row whose parent is not in the
    /// mirror.
    async fn upsert_row(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        index: usize,
        record: &dyn Record,
    ) -> Result<Option<i64>, StoreError> {
        let table = self.table_at(index);
        let values = row(table, record)?;
        if let Some(parent) = &table.parent {
            let parent_id = parent_id(table, &values)?;
            let present = self.present_ids(tx, &parent.table, &[parent_id]).await?;
            if present.is_empty() {
                return Ok(Some(parent_id));
            }
        }
        let mut args = AnyArguments::default();
        for value in values {
            bind(&mut args, value)?;
        }
        let sql = match self.upsert.get(index) {
            Some(sql) => sql,
            None => unreachable!("invariant: one upsert per table"),
        };
        sqlx::query_with(sql, args)
            .execute(&mut **tx)
            .await
            .map_err(db(format!(
                "storing {} record {}",
                table.evidence(),
                record_id(table, record).map_or_else(|| "?".into(), |n| n.to_string())
            )))?;
        Ok(None)
    }

    async fn delete_row(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        index: usize,
        id: i64,
    ) -> Result<bool, StoreError> {
        let table = self.table_at(index);
        let sql = format!("DELETE FROM {} WHERE \"id\" = $1", quote(&table.name));
        let done = sqlx::query(&sql)
            .bind(id)
            .execute(&mut **tx)
            .await
            .map_err(db(format!("deleting {} record {id}", table.evidence())))?;
        Ok(done.rows_affected() > 0)
    }

    /// Commits `batch` in one transaction: checks that the saved position
    /// is still [`Batch::from`] (else [`StoreError::Moved`], nothing done),
    /// applies its changes in order — a delete removes the row (and its
    /// sub-evidence rows); a create or update stores the record as
    /// `fetched` holds it (keyed by evidence and id), or removes the row
    /// when the record no longer existed when fetched — writes one audit
    /// row per change and saves [`Batch::to`].
    pub async fn commit(
        &self,
        batch: &Batch,
        fetched: &HashMap<(String, i64), Box<dyn Record>>,
    ) -> Result<Applied, StoreError> {
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(db("starting a transaction"))?;
        let moved = sqlx::query("UPDATE \"elementa_mirror_state\" SET \"position\" = $1 WHERE \"id\" = 1 AND \"position\" = $2")
            .bind(signed(batch.to())?)
            .bind(signed(batch.from())?)
            .execute(&mut *tx)
            .await
            .map_err(db("moving the position"))?;
        if moved.rows_affected() != 1 {
            drop(tx);
            return Err(StoreError::Moved {
                expected: batch.from(),
                found: self.position().await?,
            });
        }
        let mut applied = Applied::default();
        let stamp = now();
        for change in batch.changes() {
            let outcome = self.apply(&mut tx, change, fetched, &mut applied).await?;
            sqlx::query("INSERT INTO \"elementa_mirror_audit\" (\"version\", \"evidence\", \"operation\", \"record_id\", \"outcome\", \"batch_from\", \"applied_at\") VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(signed(change.version)?)
                .bind(change.evidence.clone())
                .bind(change.operation.as_wire().to_owned())
                .bind(change.ids.first().map_or_else(String::new, ToString::to_string))
                .bind(outcome.to_owned())
                .bind(signed(batch.from())?)
                .bind(stamp.clone())
                .execute(&mut *tx)
                .await
                .map_err(db(format!("auditing change {}", change.version)))?;
        }
        tx.commit().await.map_err(db("committing a batch"))?;
        Ok(applied)
    }

    async fn apply(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        change: &Change,
        fetched: &HashMap<(String, i64), Box<dyn Record>>,
        applied: &mut Applied,
    ) -> Result<&'static str, StoreError> {
        let Ok(index) = self.table_index(&change.evidence) else {
            applied.skipped += 1;
            return Ok("not-mirrored");
        };
        let id = change_id(change)?;
        match change.operation {
            Operation::Delete => {
                self.delete_row(tx, index, id).await?;
                applied.deleted += 1;
                Ok("deleted")
            }
            Operation::Create | Operation::Update => {
                match fetched.get(&(change.evidence.clone(), id)) {
                    Some(record) => match self.upsert_row(tx, index, record.as_ref()).await? {
                        None => {
                            applied.stored += 1;
                            Ok("stored")
                        }
                        // Flexi logs a document's creation before its
                        // lines', so the parent of a line a change names is
                        // in the mirror; when it is not, the batch is
                        // refused rather than the line dropped.
                        Some(parent_id) => Err(StoreError::Orphan {
                            version: change.version,
                            evidence: change.evidence.clone(),
                            id,
                            parent: self
                                .table_at(index)
                                .parent
                                .as_ref()
                                .map_or_else(String::new, |p| p.evidence.to_owned()),
                            parent_id,
                        }),
                    },
                    None => {
                        self.delete_row(tx, index, id).await?;
                        applied.deleted += 1;
                        Ok("gone")
                    }
                }
            }
            Operation::Other(_) => {
                applied.skipped += 1;
                Ok("ignored")
            }
        }
    }
}

impl SqlStore {
    /// The mirror's rows of `evidence` in id order, each value as text in
    /// one form for both databases (for checks and tests): integers and
    /// decimals as written, booleans `true`/`false`, dates `YYYY-MM-DD`,
    /// datetimes as RFC 3339 instants in UTC, timestamps ISO 8601, lists
    /// as JSON arrays; `None` for null.
    pub async fn rows(&self, evidence: &str) -> Result<Vec<Vec<Option<String>>>, StoreError> {
        let table = self.table_at(self.table_index(evidence)?);
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| {
                let name = quote(&c.name);
                match (self.dialect, c.ty) {
                    (Dialect::Postgres, ColumnType::DateTime) => format!(
                        "to_char({name} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
                    ),
                    (Dialect::Postgres, ColumnType::Timestamp) => {
                        format!("to_char({name}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US')")
                    }
                    _ => format!("CAST({name} AS TEXT)"),
                }
            })
            .collect();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY \"id\"",
            columns.join(", "),
            quote(&table.name)
        );
        let rows = sqlx::query(&sql)
            .fetch_all(&self.pool)
            .await
            .map_err(db(format!("reading {}", table.name)))?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let mut values = Vec::with_capacity(table.columns.len());
            for (i, column) in table.columns.iter().enumerate() {
                let text: Option<String> = r
                    .try_get(i)
                    .map_err(db(format!("reading {}", table.name)))?;
                values.push(text.map(|t| normalise(column.ty, self.dialect, t)));
            }
            out.push(values);
        }
        Ok(out)
    }

    /// The number of rows of `evidence`.
    pub async fn count(&self, evidence: &str) -> Result<u64, StoreError> {
        let table = self.table_at(self.table_index(evidence)?);
        let sql = format!("SELECT COUNT(*) FROM {}", quote(&table.name));
        let n: i64 = sqlx::query_scalar(&sql)
            .fetch_one(&self.pool)
            .await
            .map_err(db(format!("counting {}", table.name)))?;
        Ok(n.unsigned_abs())
    }

    /// The audit: every committed change version with its evidence,
    /// operation and outcome, ascending.
    pub async fn audit(&self) -> Result<Vec<(u64, String, String, String)>, StoreError> {
        let rows = sqlx::query("SELECT \"version\", \"evidence\", \"operation\", \"outcome\" FROM \"elementa_mirror_audit\" ORDER BY \"version\"")
            .fetch_all(&self.pool)
            .await
            .map_err(db("reading the audit"))?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let version: i64 = r.try_get(0).map_err(db("reading the audit"))?;
            out.push((
                unsigned(version).ok_or(StoreError::BadVersion("audit", version))?,
                r.try_get(1).map_err(db("reading the audit"))?,
                r.try_get(2).map_err(db("reading the audit"))?,
                r.try_get(3).map_err(db("reading the audit"))?,
            ));
        }
        Ok(out)
    }
}

/// One text form per value for both databases (see [`SqlStore::rows`]).
fn normalise(ty: ColumnType, dialect: Dialect, text: String) -> String {
    match (ty, dialect) {
        (ColumnType::Boolean, Dialect::Sqlite) => match text.as_str() {
            "1" => "true".into(),
            "0" => "false".into(),
            _ => text,
        },
        (ColumnType::DateTime, Dialect::Sqlite) => text
            .parse::<jiff::Timestamp>()
            .map_or(text, |t| t.to_string()),
        (ColumnType::DateTime, Dialect::Postgres) => text
            .parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
            .map_or(text, |z| z.timestamp().to_string()),
        (ColumnType::Timestamp, _) => text
            .parse::<jiff::civil::DateTime>()
            .map_or(text, |d| d.to_string()),
        _ => text,
    }
}

/// The numeric id of the parent a sub-evidence row belongs to (its
/// foreign-key column); an error when the record does not say.
fn parent_id(table: &Table, values: &[SqlValue]) -> Result<i64, StoreError> {
    let parent = match &table.parent {
        Some(p) => p,
        None => unreachable!("invariant: called for sub-evidence tables only"),
    };
    let at = table.columns.iter().position(|c| c.name == parent.column);
    match at.and_then(|i| values.get(i)) {
        Some(SqlValue::Integer(Some(id))) => Ok(*id),
        _ => Err(StoreError::Row(RowError {
            evidence: table.evidence().to_owned(),
            id: match values.first() {
                Some(SqlValue::Integer(Some(id))) => id.to_string(),
                _ => "?".to_owned(),
            },
            element: at
                .and_then(|i| table.columns.get(i))
                .map_or_else(|| parent.column.clone(), |c| c.wire.to_owned()),
            what: format!(
                "no numeric id of the {} record it belongs to",
                parent.evidence
            ),
        })),
    }
}

/// The change's numeric record id.
pub fn change_id(change: &Change) -> Result<i64, StoreError> {
    change
        .ids
        .iter()
        .find_map(|id| match id {
            RecordId::Numeric(n) => Some(*n),
            _ => None,
        })
        .ok_or_else(|| StoreError::NoId {
            version: change.version,
            evidence: change.evidence.clone(),
        })
}

async fn insert_column(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    column: &RecordedColumn,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO \"elementa_mirror_columns\" (\"table_name\", \"position\", \"column_name\", \"element\", \"type\", \"length\", \"precision\", \"scale\", \"allowed_values\", \"parent_table\") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
        .bind(column.table.clone())
        .bind(column.position)
        .bind(column.column.clone())
        .bind(column.element.clone())
        .bind(column.ty.clone())
        .bind(column.length)
        .bind(column.precision)
        .bind(column.scale)
        .bind(column.values.clone())
        .bind(column.parent.clone())
        .execute(&mut **tx)
        .await
        .map_err(db("recording the columns"))?;
    Ok(())
}

fn upsert_sql(table: &Table, dialect: Dialect) -> String {
    upsert_many_sql(table, dialect, 1)
}

/// `INSERT … VALUES (…), … ON CONFLICT ("id") DO UPDATE` of `rows` rows.
fn upsert_many_sql(table: &Table, dialect: Dialect, rows: usize) -> String {
    let names: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
    let n = table.columns.len();
    let values: Vec<String> = (0..rows)
        .map(|r| {
            let params: Vec<String> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| c.ty.placeholder(dialect, r * n + i + 1))
                .collect();
            format!("({})", params.join(", "))
        })
        .collect();
    let updates: Vec<String> = names
        .iter()
        .skip(1)
        .map(|n| format!("{n} = excluded.{n}"))
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES {} ON CONFLICT (\"id\") DO UPDATE SET {}",
        quote(&table.name),
        names.join(", "),
        values.join(", "),
        updates.join(", ")
    )
}

/// The URL without its password (`user:***@`, `password=***`).
fn redact(url: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (url, None),
    };
    let mut out = match (head.find("://"), head.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let (userinfo, rest) = head.split_at(at);
            match userinfo.rfind(':') {
                Some(colon) if colon > scheme + 2 => {
                    format!("{}:***{rest}", userinfo.get(..colon).unwrap_or(userinfo))
                }
                _ => head.to_owned(),
            }
        }
        _ => head.to_owned(),
    };
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

/// What following the metadata takes: statements to run, changes to
/// record, and the changes refused.
#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_not_printed() {
        use super::redact;
        assert_eq!(redact("postgres://u:pw@h/db"), "postgres://u:***@h/db");
        assert_eq!(
            redact("postgres://u@h/db?sslmode=require&password=pw"),
            "postgres://u@h/db?sslmode=require&password=***"
        );
        assert_eq!(redact("sqlite:/tmp/a.db"), "sqlite:/tmp/a.db");
        let err = super::StoreError::Url(redact("mysql://u:pw@h/db")).to_string();
        assert!(!err.contains("pw@"), "{err}");
    }
}

#[derive(Debug, Default)]
struct Plan {
    statements: Vec<String>,
    changed: Vec<String>,
    refused: Vec<String>,
}

fn compare(recorded: &[RecordedColumn], derived: &[RecordedColumn], dialect: Dialect) -> Plan {
    let mut plan = Plan::default();
    let key = |c: &RecordedColumn| (c.table.clone(), c.column.clone());
    let old: HashMap<_, _> = recorded.iter().map(|c| (key(c), c)).collect();
    let new: HashMap<_, _> = derived.iter().map(|c| (key(c), c)).collect();
    let tables = |cs: &[RecordedColumn]| {
        let mut t: Vec<String> = cs.iter().map(|c| c.table.clone()).collect();
        t.dedup();
        t
    };
    let (old_tables, new_tables) = (tables(recorded), tables(derived));
    for t in &new_tables {
        if !old_tables.contains(t) {
            plan.refused.push(format!(
                "table `{t}`: not in the database (a new evidence needs its own load)"
            ));
        }
    }
    for t in &old_tables {
        if !new_tables.contains(t) {
            plan.refused
                .push(format!("table `{t}`: in the database but no longer chosen"));
        }
    }
    for c in derived {
        if !old_tables.contains(&c.table) {
            continue;
        }
        let Some(o) = old.get(&key(c)) else {
            plan.refused.push(format!(
                "table `{}`: column `{}` ({}) is new in the metadata; its existing rows have no value for it",
                c.table, c.column, c.ty
            ));
            continue;
        };
        let here = format!("table `{}`, column `{}`", c.table, c.column);
        if o.ty != c.ty || o.element != c.element || o.parent != c.parent {
            plan.refused.push(format!(
                "{here}: was {} from `{}`, is now {} from `{}`",
                o.ty, o.element, c.ty, c.element
            ));
            continue;
        }
        if o.scale != c.scale {
            plan.refused.push(format!(
                "{here}: scale {:?} became {:?}; stored values would change",
                o.scale, c.scale
            ));
            continue;
        }
        let narrower = |old: Option<i64>, new: Option<i64>| match (old, new) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(o), Some(n)) => n < o,
        };
        if narrower(o.length, c.length) || narrower(o.precision, c.precision) {
            plan.refused.push(format!(
                "{here}: narrower than the database's (length {:?} → {:?}, precision {:?} → {:?})",
                o.length, c.length, o.precision, c.precision
            ));
            continue;
        }
        if o.length != c.length || o.precision != c.precision {
            plan.changed.push(format!("{here}: widened"));
            if dialect == Dialect::Postgres {
                let ty = match (c.ty.as_str(), c.length, c.precision, c.scale) {
                    ("text", Some(n), _, _) => format!("VARCHAR({n})"),
                    ("text", None, _, _) => "TEXT".to_owned(),
                    ("numeric", _, Some(p), Some(s)) => format!("NUMERIC({p},{s})"),
                    ("numeric", _, Some(p), None) => format!("NUMERIC({p},0)"),
                    _ => "NUMERIC".to_owned(),
                };
                plan.statements.push(format!(
                    "ALTER TABLE {} ALTER COLUMN {} TYPE {ty}",
                    quote(&c.table),
                    quote(&c.column)
                ));
            }
        }
        if o.values != c.values {
            plan.changed.push(format!("{here}: allowed values changed"));
        }
    }
    for o in recorded {
        if new_tables.contains(&o.table) && !new.contains_key(&key(o)) {
            plan.refused.push(format!(
                "table `{}`: column `{}` is no longer in the metadata",
                o.table, o.column
            ));
        }
    }
    plan
}
