//! A large, realistic Coupa payload for benches and streaming tests.

use elementa::{Field, Many, One};
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
