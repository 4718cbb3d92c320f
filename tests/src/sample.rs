//! Large, realistic payloads for benches and streaming tests: Coupa expense
//! reports, and records of any resource filled as wide as its element table.

use elementa::{Any, Dialect, Field, FieldMut, Kind, Many, One, Record, Relation, ResourceMeta};
use elementa_coupa::{Currency, ExpenseCategory, ExpenseLine, ExpenseReport, User};

fn user(id: i64) -> User {
    User {
        id: Field::Value(id),
        login: Field::Value(format!("user_{id}")),
        email: Field::Value(format!("user_{id}@example.com")),
        firstname: "Ana".into(),
        lastname: "Novak".into(),
        active: Field::Value(true),
        ..Default::default()
    }
}

/// Expense report number `n`, with four lines, a currency and three users,
/// every attribute the seed shows set.
pub fn expense_report(n: i64) -> ExpenseReport {
    let lines: Many<ExpenseLine> = (0..4)
        .map(|k| ExpenseLine {
            id: Field::Value(n * 10 + k),
            description: Field::Value(format!("Airfare to Reno, leg {k}")),
            merchant: "American Airlines".into(),
            reason: "Customer visit".into(),
            amount: Field::Value(
                format!("{}.{:02}", 100 + k * 17 + n % 50, (n + k) % 100)
                    .parse()
                    .unwrap_or_default(),
            ),
            expense_date: Field::Value(
                "2010-02-05T00:00:00-08:00"
                    .parse()
                    .unwrap_or_else(|_| unreachable!()),
            ),
            start_date: Field::Value(
                "2010-02-05T00:00:00-08:00"
                    .parse()
                    .unwrap_or_else(|_| unreachable!()),
            ),
            expense_category: Field::Value(One::new(ExpenseCategory {
                id: Field::Value(3),
                name: "Airfare".into(),
                ..Default::default()
            })),
            external_src_ref: if k % 2 == 0 {
                Field::Null
            } else {
                Field::Value(format!("EXT-{n}-{k}"))
            },
            ..Default::default()
        })
        .collect();
    ExpenseReport {
        id: Field::Value(n),
        created_at: Field::Value(
            "2010-09-22T20:42:57-07:00"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        ),
        updated_at: Field::Value(
            "2014-04-24T14:56:49-07:00"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        ),
        title: Field::Value(format!("Trip {n} to Reno")),
        status: "pending_approval".into(),
        submitted_at: Field::Value(
            "2014-04-24T14:56:49-07:00"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        ),
        auditor_note: Field::Null,
        reject_reason: Field::Null,
        paid: Field::Value(false),
        total: Field::Value("567.07".parse().unwrap_or_default()),
        audit_score: Field::Value(26),
        exported: Field::Value(false),
        last_exported_at: Field::Null,
        external_src_ref: Field::Null,
        external_src_name: Field::Null,
        currency: Field::Value(One::new(Currency {
            id: Field::Value(1),
            code: "USD".into(),
            name: "US Dollar".into(),
            decimals: Field::Value(2),
            ..Default::default()
        })),
        expensed_by: Field::Value(One::new(user(20 + n % 7))),
        created_by: Field::Value(One::new(user(20))),
        updated_by: Field::Value(One::new(user(21))),
        expense_lines: Field::Value(lines),
        comments: Field::Value(Many::new()),
        ..Default::default()
    }
}

/// A record of resource `meta` with every element its table lists filled
/// the way the vendor's full responses fill them — a value of the element's
/// type (an allowed value where the table lists them, text within its
/// length), every seventh scalar null (ABRA Flexi's empty value), nested
/// associations as the short references real payloads carry (id, code,
/// name), lists of a resource in `lines` with three such records each, any
/// other list present and empty. Coupa records also carry a
/// `custom-fields` object, as instances with custom fields send.
///
/// Realistic in shape, not in values: whole-surface benches decode records
/// as wide as the vendor's element tables, which the seeds never show.
pub fn filled(meta: &'static ResourceMeta, n: i64, lines: &[&str]) -> Box<dyn Record> {
    fill(meta, n, lines, Depth::Top)
}

#[derive(Clone, Copy, PartialEq)]
enum Depth {
    Top,
    Line,
    Reference,
}

fn fill(meta: &'static ResourceMeta, n: i64, lines: &[&str], depth: Depth) -> Box<dyn Record> {
    let flexi = meta.dialect == Dialect::Flexi;
    let mut record = (meta.new)();
    for (i, el) in meta.elements.iter().enumerate() {
        let k = i as i64;
        if depth == Depth::Reference
            && !matches!(
                el.wire,
                "id" | "code" | "name" | "login" | "email" | "number" | "kod" | "nazev"
            )
        {
            continue;
        }
        let Some(mut slot) = record.field_mut(i) else {
            continue;
        };
        match &el.kind {
            Kind::One(target) => {
                if depth != Depth::Reference
                    && let FieldMut::One(f) = slot
                {
                    f.set(fill(target(), n * 100 + k, lines, Depth::Reference));
                }
                continue;
            }
            Kind::Many { target, .. } => {
                if let FieldMut::Many(f) = slot {
                    f.make_empty();
                    if depth == Depth::Top && lines.contains(&target().id) {
                        for item in 0..3 {
                            f.push(fill(target(), n * 10 + item, lines, Depth::Line));
                        }
                    }
                }
                continue;
            }
            Kind::Strings { .. } => {
                if let FieldMut::Strings(f) = slot {
                    *f = Field::Value(vec![format!("code:DOC-{n}"), format!("ext:SHOP:{n}")]);
                }
                continue;
            }
            Kind::Any => continue,
            _ => {}
        }
        if el.wire != "id" && (k + n) % 7 == 3 {
            slot.set_null();
            continue;
        }
        let text = match &el.kind {
            Kind::Integer if el.wire == "id" => n.to_string(),
            Kind::Integer => ((n * 31 + k) % 10_000).to_string(),
            Kind::Decimal => format!("{}.{:02}", (n * 13 + k) % 100_000, (n + k) % 100),
            Kind::Boolean => ((n + k) % 2 == 0).to_string(),
            Kind::DateTime => "2016-11-08T11:28:50+02:00".to_owned(),
            Kind::Date if flexi => "2024-08-20+02:00".to_owned(),
            Kind::Date => "2024-08-20".to_owned(),
            Kind::Timestamp => "2019-06-07 12:34:56.7".to_owned(),
            Kind::Relation { target } => {
                let code = format!("code:{}{}", el.wire.to_uppercase(), n % 50);
                if let FieldMut::Relation(f) = slot {
                    let mut r: Relation = code.parse().unwrap_or_else(|_| unreachable!());
                    r.reference = Some(format!(
                        "/c/demo/{}/{}.xml",
                        target.map_or(el.wire, |t| t.trim_start_matches("flexi/")),
                        n % 50
                    ));
                    r.show_as = Some(format!("{}: {} {}", code, el.wire, n % 50));
                    *f = Field::Value(r);
                }
                continue;
            }
            _ if !el.values.is_empty() => el
                .values
                .iter()
                .cycle()
                .nth((n + k) as usize)
                .map_or_else(String::new, |v| (*v).to_owned()),
            _ => {
                let text = format!("{} of record {n}", el.wire);
                let max = el.length.map_or(usize::MAX, |l| l as usize);
                text.chars().take(max).collect()
            }
        };
        elementa::scalar::set_text(slot, text.into()).unwrap_or_else(|e| {
            panic!(
                "{}.{}: the sample's value is refused: {e}",
                meta.id, el.wire
            )
        });
    }
    if !flexi && depth != Depth::Reference {
        record.extra_mut().push(
            "custom-fields".to_owned(),
            Any::Object(vec![
                ("cost-center".into(), Any::String(format!("CC-{}", n % 40))),
                ("is-contractor".into(), Any::Bool(n % 3 == 0)),
                ("start-date".into(), Any::Null),
                ("project-code".into(), Any::String(format!("P-{n:05}"))),
            ]),
            meta.elements.len(),
        );
    }
    record
}
