//! A decoded record as the values of its table's columns.

use elementa::{FieldRef, Record, RecordId, Relation};

use crate::model::{ColumnType, Table};

/// Instants and local times with six fraction digits.
static PRINTER: jiff::fmt::temporal::DateTimePrinter =
    jiff::fmt::temporal::DateTimePrinter::new().precision(Some(6));

/// A value bound to a statement, typed so that a null has its column's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlValue {
    /// An integer column (and relation ids).
    Integer(Option<i64>),
    /// A text column, or any column PostgreSQL casts from text (numeric,
    /// date, datetime, timestamp).
    Text(Option<String>),
    /// A boolean column.
    Boolean(Option<bool>),
}

/// Why a record cannot be stored as a row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{evidence} record {id}, element `{element}`: {what}")]
pub struct RowError {
    /// The evidence.
    pub evidence: String,
    /// The record's id, as far as known (`?` when it has none).
    pub id: String,
    /// The element.
    pub element: String,
    /// What is wrong.
    pub what: String,
}

/// The numeric id a relation points at: its id when numeric, else the last
/// segment of its `@ref` (`/c/demo/adresar/1001.json` → 1001).
pub fn relation_number(relation: &Relation) -> Option<i64> {
    if let RecordId::Numeric(n) = relation.id {
        return Some(n);
    }
    let reference = relation.reference.as_deref()?;
    let last = reference.rsplit('/').next()?;
    let stem = last.split('.').next()?;
    stem.parse().ok()
}

/// The record's numeric id (its `id` element).
pub fn record_id(table: &Table, record: &dyn Record) -> Option<i64> {
    let column = table.columns.first()?;
    match record.field(column.element)? {
        FieldRef::Relation(f) => f.value().and_then(relation_number),
        FieldRef::Integer(f) => f.value().copied(),
        _ => None,
    }
}

/// The values of `record` for `table`'s columns, in column order.
pub fn row(table: &Table, record: &dyn Record) -> Result<Vec<SqlValue>, RowError> {
    let id = record_id(table, record);
    let fail = |element: &str, what: String| RowError {
        evidence: table.evidence().to_owned(),
        id: id.map_or_else(|| "?".to_owned(), |n| n.to_string()),
        element: element.to_owned(),
        what,
    };
    if id.is_none() {
        return Err(fail("id", "no numeric id to key the row".into()));
    }
    let mut out = Vec::with_capacity(table.columns.len());
    for column in &table.columns {
        let field = record
            .field(column.element)
            .ok_or_else(|| fail(column.wire, "the element is not in the record".into()))?;
        let value = match (column.ty, field) {
            (ColumnType::RelationId, FieldRef::Relation(f)) => match f.value() {
                None => SqlValue::Integer(None),
                Some(r) => match (relation_number(r), &r.id) {
                    (Some(n), _) => SqlValue::Integer(Some(n)),
                    // The code column keeps it.
                    (None, RecordId::Code(_)) => SqlValue::Integer(None),
                    (None, other) => {
                        return Err(fail(
                            column.wire,
                            format!(
                                "the relation `{other}` has neither a numeric id (nor an @ref ending in one) nor a code: a column cannot hold it"
                            ),
                        ));
                    }
                },
            },
            (ColumnType::RelationId, FieldRef::Integer(f)) => SqlValue::Integer(f.value().copied()),
            (ColumnType::RelationCode, FieldRef::Relation(f)) => {
                SqlValue::Text(f.value().and_then(|r| match &r.id {
                    RecordId::Code(code) => Some(code.clone()),
                    _ => None,
                }))
            }
            (ColumnType::Integer, FieldRef::Integer(f)) => SqlValue::Integer(f.value().copied()),
            (ColumnType::Numeric { precision, scale }, FieldRef::Decimal(f)) => match f.value() {
                None => SqlValue::Text(None),
                Some(d) => {
                    let digits = d.mantissa().unsigned_abs().to_string().len() as u32;
                    let whole = digits.saturating_sub(d.scale());
                    if let Some(s) = scale
                        && d.scale() > s
                    {
                        return Err(fail(
                            column.wire,
                            format!("`{d}` has more than {s} fraction digits"),
                        ));
                    }
                    if let (Some(p), Some(s)) = (precision, scale)
                        && whole > p.saturating_sub(s)
                    {
                        return Err(fail(
                            column.wire,
                            format!("`{d}` has more than {} whole digits", p.saturating_sub(s)),
                        ));
                    }
                    SqlValue::Text(Some(d.to_string()))
                }
            },
            (ColumnType::Text { length }, FieldRef::String(f)) => SqlValue::Text(checked(
                f.value().map(String::as_str),
                length,
                column.wire,
                &fail,
            )?),
            (ColumnType::Text { length }, FieldRef::Enum(f)) => SqlValue::Text(checked(
                f.get().value().copied(),
                length,
                column.wire,
                &fail,
            )?),
            (ColumnType::Boolean, FieldRef::Boolean(f)) => SqlValue::Boolean(f.value().copied()),
            (ColumnType::Date, FieldRef::Date(f)) => {
                SqlValue::Text(f.value().map(|d| d.date().to_string()))
            }
            // A fixed six fraction digits, so that text sorts as time does
            // in SQLite.
            (ColumnType::DateTime, FieldRef::DateTime(f)) => SqlValue::Text(
                f.value()
                    .map(|d| PRINTER.timestamp_to_string(&d.timestamp())),
            ),
            (ColumnType::Timestamp, FieldRef::Timestamp(f)) => {
                SqlValue::Text(f.value().map(|t| PRINTER.datetime_to_string(&t.datetime())))
            }
            (ColumnType::Strings, FieldRef::Strings(f)) => SqlValue::Text(
                f.value()
                    .map(|items| serde_json::Value::from(items.clone()).to_string()),
            ),
            (ty, _) => {
                return Err(fail(
                    column.wire,
                    format!("the element does not hold a {} value", ty.name()),
                ));
            }
        };
        out.push(value);
    }
    Ok(out)
}

fn checked(
    text: Option<&str>,
    length: Option<u32>,
    wire: &str,
    fail: &dyn Fn(&str, String) -> RowError,
) -> Result<Option<String>, RowError> {
    let Some(text) = text else { return Ok(None) };
    if let Some(max) = length {
        let n = text.chars().count();
        if n > max as usize {
            return Err(fail(
                wire,
                format!("{n} characters, more than the column's {max}"),
            ));
        }
    }
    Ok(Some(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MirrorSchema;

    fn invoice(extra: &str) -> (MirrorSchema, Box<dyn Record>) {
        let meta = elementa_flexi::wire::evidence("faktura-vydana").unwrap();
        let schema = MirrorSchema::derive(&[meta]).unwrap();
        let text = format!(
            r#"{{"winstrom":{{"@version":"1.0","faktura-vydana":[{{"id":"7",
            "lastUpdate":"2024-08-20T08:59:21.655+02:00","kod":"VF1-0001\/2024",
            "datVyst":"2024-08-20+02:00","sumCelkem":"1210.50","firma":"code:ADR0001",
            "firma@ref":"\/c\/demo\/adresar\/1001.json","firma@showAs":"ADR0001: Odběratel"{extra}}}]}}}}"#
        );
        let mut envelope = elementa_json::decode_envelope(
            &text,
            &elementa_flexi::wire::evidence,
            Default::default(),
        )
        .unwrap();
        (schema, envelope.records.remove(0))
    }

    fn value(schema: &MirrorSchema, values: &[SqlValue], name: &str) -> SqlValue {
        let table = &schema.tables()[0];
        let i = table.columns.iter().position(|c| c.name == name).unwrap();
        values[i].clone()
    }

    #[test]
    fn a_flexi_record_becomes_typed_column_values() {
        let (schema, record) = invoice("");
        let values = row(&schema.tables()[0], record.as_ref()).unwrap();
        let text = |s: &str| SqlValue::Text(Some(s.to_owned()));
        assert_eq!(value(&schema, &values, "id"), SqlValue::Integer(Some(7)));
        assert_eq!(value(&schema, &values, "kod"), text("VF1-0001/2024"));
        assert_eq!(value(&schema, &values, "dat_vyst"), text("2024-08-20"));
        assert_eq!(
            value(&schema, &values, "last_update"),
            text("2024-08-20T06:59:21.655000Z")
        );
        assert_eq!(value(&schema, &values, "sum_celkem"), text("1210.50"));
        assert_eq!(
            value(&schema, &values, "firma"),
            SqlValue::Integer(Some(1001))
        );
        assert_eq!(value(&schema, &values, "firma_code"), text("ADR0001"));
        assert_eq!(value(&schema, &values, "mena"), SqlValue::Integer(None));
    }

    #[test]
    fn a_relation_a_column_cannot_identify_is_refused() {
        let (schema, record) = invoice(r#","mena":"ext:SHOP:EUR""#);
        let err = row(&schema.tables()[0], record.as_ref()).unwrap_err();
        assert_eq!(err.element, "mena");
        assert!(
            err.what.contains("`ext:SHOP:EUR` has neither a numeric id"),
            "{err}"
        );
        // A code alone is kept in the code column.
        let (schema, record) = invoice(r#","mena":"code:EUR""#);
        let values = row(&schema.tables()[0], record.as_ref()).unwrap();
        assert_eq!(
            value(&schema, &values, "mena_code"),
            SqlValue::Text(Some("EUR".into()))
        );
        assert_eq!(value(&schema, &values, "mena"), SqlValue::Integer(None));
    }

    #[test]
    fn values_the_column_cannot_hold_are_refused_with_their_element() {
        let (schema, record) = invoice(r#","sumZklZakl":"1.005""#);
        let err = row(&schema.tables()[0], record.as_ref()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "faktura-vydana record 7, element `sumZklZakl`: `1.005` has more than 2 fraction digits"
        );
        let (schema, record) = invoice(r#","sumZklZakl":"12345678901234.00""#);
        let err = row(&schema.tables()[0], record.as_ref()).unwrap_err();
        assert!(
            err.to_string().ends_with("has more than 13 whole digits"),
            "{err}"
        );
    }
}
