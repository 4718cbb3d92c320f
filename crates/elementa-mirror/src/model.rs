//! Tables derived from the evidences' metadata, and their DDL for each
//! database.
//!
//! One table per evidence, named after it (`faktura-vydana` →
//! `faktura_vydana`), one column per exported element, named after the
//! element's Rust field (`sumCelkem` → `sum_celkem`):
//!
//! | element type | SQLite | PostgreSQL |
//! |---|---|---|
//! | integer | `INTEGER` | `BIGINT` |
//! | decimal | `TEXT` (exact, its scale kept) | `NUMERIC(precision, scale)` |
//! | string, text | `TEXT` | `VARCHAR(length)` / `TEXT` |
//! | boolean | `INTEGER` 0/1 | `BOOLEAN` |
//! | date | `TEXT` `YYYY-MM-DD` | `DATE` |
//! | datetime | `TEXT` RFC 3339 in UTC | `TIMESTAMPTZ` |
//! | timestamp | `TEXT` | `TIMESTAMP` |
//! | relation | `INTEGER` id + `TEXT` `…_code` | `BIGINT` id + `TEXT` `…_code` |
//! | strings (`external-ids`) | `TEXT` JSON array | `TEXT` JSON array |
//!
//! The record's own `id` is the primary key. A select element's allowed
//! values, a string's length and a decimal's precision and scale are
//! recorded in the `elementa_mirror_columns` table, beside the column (the
//! values are an open set: a value outside it is kept, not refused).
//!
//! A sub-evidence (invoice lines) is mirrored when both it and its parent
//! are chosen: the parent's `many` element names it as its target, and the
//! child's relation back to the parent (`doklFak` → `faktura-vydana`)
//! becomes a foreign key with `ON DELETE CASCADE`, so deleting a document
//! deletes its lines.
//!
//! Elements not mirrored: free-form values (`any`), embedded `one`
//! associations, and `many` lists whose target is not chosen.

use elementa::{ElementMeta, Kind, ResourceMeta};

/// The database a statement is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// SQLite (embedded, one file).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnType {
    /// 64-bit integer.
    Integer,
    /// Exact decimal.
    Numeric {
        /// Total digits, when the metadata says.
        precision: Option<u32>,
        /// Fraction digits, when the metadata says.
        scale: Option<u32>,
    },
    /// Text, at most `length` characters when the metadata says.
    Text {
        /// The maximum length in characters.
        length: Option<u32>,
    },
    /// Boolean.
    Boolean,
    /// Calendar date.
    Date,
    /// Instant (date and time with offset).
    DateTime,
    /// Zone-less local date and time.
    Timestamp,
    /// A relation's numeric record id.
    RelationId,
    /// A relation's `code:` identifier, without the prefix.
    RelationCode,
    /// A list of strings, as a JSON array.
    Strings,
}

impl ColumnType {
    /// The SQL type in `dialect`.
    pub fn sql(&self, dialect: Dialect) -> String {
        match (dialect, self) {
            (Dialect::Sqlite, ColumnType::Integer | ColumnType::RelationId) => "INTEGER".into(),
            (Dialect::Sqlite, ColumnType::Boolean) => "INTEGER".into(),
            (Dialect::Sqlite, _) => "TEXT".into(),
            (Dialect::Postgres, ColumnType::Integer | ColumnType::RelationId) => "BIGINT".into(),
            (Dialect::Postgres, ColumnType::Numeric { precision, scale }) => {
                match (precision, scale) {
                    (Some(p), Some(s)) if p >= s => format!("NUMERIC({p},{s})"),
                    (Some(p), None) => format!("NUMERIC({p},0)"),
                    _ => "NUMERIC".into(),
                }
            }
            (Dialect::Postgres, ColumnType::Text { length: Some(n) }) => format!("VARCHAR({n})"),
            (Dialect::Postgres, ColumnType::Boolean) => "BOOLEAN".into(),
            (Dialect::Postgres, ColumnType::Date) => "DATE".into(),
            (Dialect::Postgres, ColumnType::DateTime) => "TIMESTAMPTZ".into(),
            (Dialect::Postgres, ColumnType::Timestamp) => "TIMESTAMP".into(),
            (Dialect::Postgres, _) => "TEXT".into(),
        }
    }

    /// The name recorded in `elementa_mirror_columns`.
    pub fn name(&self) -> &'static str {
        match self {
            ColumnType::Integer => "integer",
            ColumnType::Numeric { .. } => "numeric",
            ColumnType::Text { .. } => "text",
            ColumnType::Boolean => "boolean",
            ColumnType::Date => "date",
            ColumnType::DateTime => "datetime",
            ColumnType::Timestamp => "timestamp",
            ColumnType::RelationId => "relation-id",
            ColumnType::RelationCode => "relation-code",
            ColumnType::Strings => "strings",
        }
    }

    /// The placeholder for parameter `n` (1-based, bound in order):
    /// PostgreSQL casts text to the column's type; SQLite stores the value
    /// as bound.
    pub(crate) fn placeholder(&self, dialect: Dialect, n: usize) -> String {
        match (dialect, self) {
            (Dialect::Postgres, ColumnType::Numeric { .. }) => format!("CAST(${n} AS NUMERIC)"),
            (Dialect::Postgres, ColumnType::Date) => format!("CAST(${n} AS DATE)"),
            (Dialect::Postgres, ColumnType::DateTime) => format!("CAST(${n} AS TIMESTAMPTZ)"),
            (Dialect::Postgres, ColumnType::Timestamp) => format!("CAST(${n} AS TIMESTAMP)"),
            (Dialect::Postgres, _) => format!("${n}"),
            // SQLite finds a numbered or named parameter by a linear search
            // of those seen so far, so a statement of many rows would parse
            // in quadratic time; `?` takes the next number at once. The
            // values are bound in column order, so the numbers agree.
            (Dialect::Sqlite, _) => "?".to_owned(),
        }
    }
}

/// One column of a mirror table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The column name.
    pub name: String,
    /// The element's index in its resource's metadata.
    pub element: usize,
    /// The element's wire name.
    pub wire: &'static str,
    /// What it holds.
    pub ty: ColumnType,
    /// The select element's allowed values (empty when free).
    pub values: &'static [&'static str],
}

/// A sub-evidence's link to its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parent {
    /// The parent's evidence (`faktura-vydana`).
    pub evidence: &'static str,
    /// The parent's table.
    pub table: String,
    /// The foreign-key column of the child (the relation's id column).
    pub column: String,
    /// The parent's `many` element listing the children (`polozkyDokladu`).
    pub list: &'static str,
}

/// The mirror table of one evidence.
#[derive(Debug, Clone)]
pub struct Table {
    /// The evidence's metadata.
    pub meta: &'static ResourceMeta,
    /// The table name.
    pub name: String,
    /// The columns, `id` first.
    pub columns: Vec<Column>,
    /// The parent, for a sub-evidence.
    pub parent: Option<Parent>,
}

impl Table {
    /// The evidence's wire name.
    pub fn evidence(&self) -> &'static str {
        self.meta.wire
    }

    /// `CREATE TABLE` in `dialect`.
    pub fn create(&self, dialect: Dialect) -> String {
        let mut out = format!("CREATE TABLE {} (", quote(&self.name));
        for (i, column) in self.columns.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&quote(&column.name));
            out.push(' ');
            if column.wire == "id" && column.ty == ColumnType::RelationId {
                out.push_str(&column.ty.sql(dialect));
                out.push_str(" PRIMARY KEY");
                continue;
            }
            out.push_str(&column.ty.sql(dialect));
        }
        if let Some(parent) = &self.parent {
            out.push_str(&format!(
                ", FOREIGN KEY ({}) REFERENCES {} (\"id\") ON DELETE CASCADE",
                quote(&parent.column),
                quote(&parent.table)
            ));
        }
        out.push(')');
        out
    }

    /// The index on the parent key of a sub-evidence (cascading deletes
    /// and reading a document's lines use it).
    pub fn parent_index(&self) -> Option<String> {
        self.parent.as_ref().map(|p| {
            format!(
                "CREATE INDEX {} ON {} ({})",
                quote(&format!("{}_{}_idx", self.name, p.column)),
                quote(&self.name),
                quote(&p.column)
            )
        })
    }
}

/// Why the chosen evidences cannot be mirrored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    /// No evidence was chosen.
    #[error("no evidence to mirror: name at least one (--evidence adresar)")]
    Empty,
    /// A name that is not an ABRA Flexi evidence.
    #[error("`{0}` is not an ABRA Flexi evidence (elementa schema list shows them)")]
    Unknown(String),
    /// An evidence was named twice.
    #[error("evidence `{0}` is named twice")]
    Repeated(String),
    /// The evidence has no `id` element to key its rows.
    #[error("evidence `{0}` has no numeric `id` element to key its rows")]
    NoId(String),
    /// Two elements map to the same column.
    #[error(
        "evidence `{evidence}`: elements `{first}` and `{second}` both map to column `{column}`"
    )]
    Collision {
        /// The evidence.
        evidence: String,
        /// The column.
        column: String,
        /// The first element.
        first: String,
        /// The second element.
        second: String,
    },
}

/// The tables of a mirror, parents before their sub-evidences.
#[derive(Debug, Clone)]
pub struct MirrorSchema {
    tables: Vec<Table>,
}

/// `"name"`, with inner quotes doubled.
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn table_name(evidence: &str) -> String {
    evidence.replace('-', "_")
}

fn column_name(element: &ElementMeta) -> String {
    element
        .rust
        .trim_start_matches("r#")
        .trim_end_matches('_')
        .to_owned()
}

fn column_type(element: &ElementMeta) -> Option<ColumnType> {
    Some(match element.kind {
        Kind::Integer => ColumnType::Integer,
        Kind::Decimal => ColumnType::Numeric {
            precision: element.precision,
            scale: element.scale,
        },
        Kind::String | Kind::Text => ColumnType::Text {
            length: element.length,
        },
        Kind::Boolean => ColumnType::Boolean,
        Kind::Date => ColumnType::Date,
        Kind::DateTime => ColumnType::DateTime,
        Kind::Timestamp => ColumnType::Timestamp,
        Kind::Strings { .. } => ColumnType::Strings,
        Kind::Relation { .. } => ColumnType::RelationId,
        Kind::One(_) | Kind::Many { .. } | Kind::Any => return None,
    })
}

/// The relation target's evidence name (`flexi/adresar` → `adresar`).
fn relation_target(element: &ElementMeta) -> Option<&'static str> {
    match element.kind {
        Kind::Relation { target: Some(t) } => Some(t.rsplit('/').next().unwrap_or(t)),
        _ => None,
    }
}

impl MirrorSchema {
    /// The tables of `evidences` (their metadata, e.g. from
    /// `elementa_flexi::wire::evidence`).
    pub fn derive(evidences: &[&'static ResourceMeta]) -> Result<Self, SchemaError> {
        if evidences.is_empty() {
            return Err(SchemaError::Empty);
        }
        for (i, meta) in evidences.iter().enumerate() {
            if evidences.iter().take(i).any(|m| m.wire == meta.wire) {
                return Err(SchemaError::Repeated(meta.wire.to_owned()));
            }
        }
        let mut tables = Vec::new();
        for meta in evidences {
            tables.push(Self::table(meta, evidences)?);
        }
        // Parents before children, so tables are created and loaded in an
        // order the foreign keys accept (a parent of a parent comes first
        // too: sort by depth).
        let depth = |t: &Table| {
            let mut d = 0;
            let mut current = t.parent.as_ref().map(|p| p.evidence);
            while let Some(e) = current {
                d += 1;
                current = tables_parent(evidences, e);
                if d > evidences.len() {
                    break;
                }
            }
            d
        };
        let mut order: Vec<(usize, Table)> = tables.into_iter().map(|t| (depth(&t), t)).collect();
        order.sort_by_key(|(d, _)| *d);
        Ok(MirrorSchema {
            tables: order.into_iter().map(|(_, t)| t).collect(),
        })
    }

    /// The tables of the evidences named (`faktura-vydana`), from the
    /// metadata of `elementa_flexi::wire`.
    pub fn of(names: &[&str]) -> Result<Self, SchemaError> {
        let mut metas = Vec::with_capacity(names.len());
        for name in names {
            metas.push(
                elementa_flexi::wire::evidence(name)
                    .ok_or_else(|| SchemaError::Unknown((*name).to_owned()))?,
            );
        }
        Self::derive(&metas)
    }

    fn table(
        meta: &'static ResourceMeta,
        chosen: &[&'static ResourceMeta],
    ) -> Result<Table, SchemaError> {
        let Some((id_index, id)) = meta.element("id") else {
            return Err(SchemaError::NoId(meta.wire.to_owned()));
        };
        if !matches!(id.kind, Kind::Relation { .. } | Kind::Integer) {
            return Err(SchemaError::NoId(meta.wire.to_owned()));
        }
        let mut columns = vec![Column {
            name: "id".into(),
            element: id_index,
            wire: id.wire,
            ty: ColumnType::RelationId,
            values: &[],
        }];
        for (index, element) in meta.elements.iter().enumerate() {
            if index == id_index || !element.api_out {
                continue;
            }
            let Some(ty) = column_type(element) else {
                continue;
            };
            let name = column_name(element);
            columns.push(Column {
                name: name.clone(),
                element: index,
                wire: element.wire,
                ty,
                values: element.values,
            });
            if ty == ColumnType::RelationId {
                columns.push(Column {
                    name: format!("{name}_code"),
                    element: index,
                    wire: element.wire,
                    ty: ColumnType::RelationCode,
                    values: &[],
                });
            }
        }
        for (i, column) in columns.iter().enumerate() {
            if let Some(first) = columns.iter().take(i).find(|c| c.name == column.name) {
                return Err(SchemaError::Collision {
                    evidence: meta.wire.to_owned(),
                    column: column.name.clone(),
                    first: first.wire.to_owned(),
                    second: column.wire.to_owned(),
                });
            }
        }
        let parent = parent_of(meta, chosen);
        Ok(Table {
            meta,
            name: table_name(meta.wire),
            columns,
            parent,
        })
    }

    /// The tables, parents first.
    pub fn tables(&self) -> &[Table] {
        &self.tables
    }

    /// The table of `evidence`.
    pub fn table_of(&self, evidence: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.meta.wire == evidence)
    }

    /// The tables whose parent is `evidence`.
    pub fn children_of<'a>(&'a self, evidence: &'a str) -> impl Iterator<Item = &'a Table> + 'a {
        self.tables
            .iter()
            .filter(move |t| t.parent.as_ref().is_some_and(|p| p.evidence == evidence))
    }

    /// The columns as recorded in `elementa_mirror_columns`: table, column,
    /// element, type, length, precision, scale, allowed values (joined by
    /// newlines), in table and column order.
    pub fn recorded(&self) -> Vec<RecordedColumn> {
        let mut out = Vec::new();
        for table in &self.tables {
            for (position, column) in table.columns.iter().enumerate() {
                let (length, precision, scale) = match column.ty {
                    ColumnType::Text { length } => (length, None, None),
                    ColumnType::Numeric { precision, scale } => (None, precision, scale),
                    _ => (None, None, None),
                };
                out.push(RecordedColumn {
                    table: table.name.clone(),
                    position: position as i64,
                    column: column.name.clone(),
                    element: column.wire.to_owned(),
                    ty: column.ty.name().to_owned(),
                    length: length.map(i64::from),
                    precision: precision.map(i64::from),
                    scale: scale.map(i64::from),
                    values: column.values.join("\n"),
                    parent: match (&table.parent, position) {
                        (Some(p), _) if p.column == column.name => Some(p.table.clone()),
                        _ => None,
                    },
                });
            }
        }
        out
    }
}

fn tables_parent(chosen: &[&'static ResourceMeta], evidence: &str) -> Option<&'static str> {
    let meta = chosen.iter().find(|m| m.wire == evidence)?;
    parent_of(meta, chosen).map(|p| p.evidence)
}

/// The chosen evidence whose `many` element lists `meta`'s records, and
/// `meta`'s relation back to it.
fn parent_of(meta: &'static ResourceMeta, chosen: &[&'static ResourceMeta]) -> Option<Parent> {
    for parent in chosen {
        if parent.wire == meta.wire {
            continue;
        }
        let list = parent.elements.iter().find(|e| {
            matches!(e.kind, Kind::Many { .. })
                && e.kind.target().is_some_and(|t| t.wire == meta.wire)
        });
        let Some(list) = list else { continue };
        let back = meta
            .elements
            .iter()
            .find(|e| relation_target(e) == Some(parent.wire) && e.api_out);
        if let Some(back) = back {
            return Some(Parent {
                evidence: parent.wire,
                table: table_name(parent.wire),
                column: column_name(back),
                list: list.wire,
            });
        }
    }
    None
}

/// One row of `elementa_mirror_columns`: what the database was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedColumn {
    /// The table.
    pub table: String,
    /// The column's position in its table (0-based).
    pub position: i64,
    /// The column.
    pub column: String,
    /// The element's wire name.
    pub element: String,
    /// [`ColumnType::name`].
    pub ty: String,
    /// A text column's length.
    pub length: Option<i64>,
    /// A numeric column's precision.
    pub precision: Option<i64>,
    /// A numeric column's scale.
    pub scale: Option<i64>,
    /// The allowed values, one per line (empty when free).
    pub values: String,
    /// For a sub-evidence's foreign key, the parent table.
    pub parent: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(name: &str) -> &'static ResourceMeta {
        match elementa_flexi::wire::evidence(name) {
            Some(m) => m,
            None => panic!("no evidence {name}"),
        }
    }

    #[test]
    fn invoice_lines_become_a_child_table_with_a_cascading_key() {
        let schema =
            MirrorSchema::derive(&[meta("faktura-vydana-polozka"), meta("faktura-vydana")])
                .unwrap();
        let names: Vec<&str> = schema.tables().iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["faktura_vydana", "faktura_vydana_polozka"]);
        let lines = schema.table_of("faktura-vydana-polozka").unwrap();
        let parent = lines.parent.as_ref().unwrap();
        assert_eq!(
            (parent.table.as_str(), parent.column.as_str()),
            ("faktura_vydana", "dokl_fak")
        );
        let sql = lines.create(Dialect::Postgres);
        assert!(sql.contains("FOREIGN KEY (\"dokl_fak\") REFERENCES \"faktura_vydana\" (\"id\") ON DELETE CASCADE"), "{sql}");
        assert!(
            sql.starts_with("CREATE TABLE \"faktura_vydana_polozka\" (\"id\" BIGINT PRIMARY KEY, "),
            "{sql}"
        );
        // Alone, lines are an evidence of their own.
        let alone = MirrorSchema::derive(&[meta("faktura-vydana-polozka")]).unwrap();
        assert!(alone.tables()[0].parent.is_none());
    }

    #[test]
    fn columns_are_typed_from_the_metadata() {
        let schema = MirrorSchema::derive(&[meta("faktura-vydana")]).unwrap();
        let table = &schema.tables()[0];
        let column = |name: &str| table.columns.iter().find(|c| c.name == name).unwrap();
        assert_eq!(
            column("sum_celkem").ty.sql(Dialect::Postgres),
            "NUMERIC(15,2)"
        );
        assert_eq!(column("sum_celkem").ty.sql(Dialect::Sqlite), "TEXT");
        assert_eq!(column("dat_vyst").ty.sql(Dialect::Postgres), "DATE");
        assert_eq!(
            column("last_update").ty.sql(Dialect::Postgres),
            "TIMESTAMPTZ"
        );
        assert_eq!(column("firma").ty, ColumnType::RelationId);
        assert_eq!(column("firma_code").ty, ColumnType::RelationCode);
        assert_eq!(
            column("stav_uhr_k").values,
            [
                "stavUhr.castUhr",
                "stavUhr.uhrazeno",
                "stavUhr.uhrazenoRucne"
            ]
        );
        assert_eq!(column("kod").ty.sql(Dialect::Postgres), "VARCHAR(20)");
        // `many` lists of evidences not chosen are not columns.
        assert!(table.columns.iter().all(|c| c.wire != "polozkyDokladu"));
    }

    #[test]
    fn naming_an_evidence_twice_none_or_an_unknown_one_is_refused() {
        assert_eq!(
            MirrorSchema::of(&["adresar", "adresa"])
                .unwrap_err()
                .to_string(),
            "`adresa` is not an ABRA Flexi evidence (elementa schema list shows them)"
        );
        assert_eq!(MirrorSchema::derive(&[]).unwrap_err(), SchemaError::Empty);
        assert_eq!(
            MirrorSchema::derive(&[meta("adresar"), meta("adresar")]).unwrap_err(),
            SchemaError::Repeated("adresar".into())
        );
    }
}
