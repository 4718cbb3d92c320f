// Written by `cargo xtask bench-baseline` from the schemas; do not edit.
//! The benches' baselines: for each resource they decode, the struct a team
//! without elementa would write by hand from the same element table —
//! one `Option` per element under its wire name, typed as serde reads it
//! (ABRA Flexi sends every scalar as a string), associations nested,
//! Coupa's custom fields as a JSON map, Flexi's relation decorations
//! beside their relation, nothing written for `None`.

#![allow(dead_code)]

use serde::{Deserialize, Serialize};

/// `coupa/expense-report`: 41 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ExpenseReport {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "title", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "submitted-at", default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<jiff::Timestamp>,
    #[serde(rename = "auditor-note", default, skip_serializing_if = "Option::is_none")]
    pub auditor_note: Option<String>,
    #[serde(rename = "reject-reason", default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<String>,
    #[serde(rename = "paid", default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<bool>,
    #[serde(rename = "total", default, skip_serializing_if = "Option::is_none")]
    pub total: Option<rust_decimal::Decimal>,
    #[serde(rename = "audit-score", default, skip_serializing_if = "Option::is_none")]
    pub audit_score: Option<i64>,
    #[serde(rename = "exported", default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<bool>,
    #[serde(rename = "last-exported-at", default, skip_serializing_if = "Option::is_none")]
    pub last_exported_at: Option<jiff::Timestamp>,
    #[serde(rename = "external-src-ref", default, skip_serializing_if = "Option::is_none")]
    pub external_src_ref: Option<String>,
    #[serde(rename = "external-src-name", default, skip_serializing_if = "Option::is_none")]
    pub external_src_name: Option<String>,
    #[serde(rename = "currency", default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Box<Currency>>,
    #[serde(rename = "expensed-by", default, skip_serializing_if = "Option::is_none")]
    pub expensed_by: Option<Box<User>>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Box<User>>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<Box<User>>,
    #[serde(rename = "expense-lines", default, skip_serializing_if = "Option::is_none")]
    pub expense_lines: Option<Vec<ExpenseLine>>,
    #[serde(rename = "comments", default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<serde_json::Value>>,
    #[serde(rename = "approvals", default, skip_serializing_if = "Option::is_none")]
    pub approvals: Option<Vec<ExpenseReport>>,
    #[serde(rename = "end-date", default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(rename = "erp-document-id", default, skip_serializing_if = "Option::is_none")]
    pub erp_document_id: Option<String>,
    #[serde(rename = "erp-document-status", default, skip_serializing_if = "Option::is_none")]
    pub erp_document_status: Option<String>,
    #[serde(rename = "events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-policy-violations", default, skip_serializing_if = "Option::is_none")]
    pub expense_policy_violations: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-report-preapprovals", default, skip_serializing_if = "Option::is_none")]
    pub expense_report_preapprovals: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-violations", default, skip_serializing_if = "Option::is_none")]
    pub expense_violations: Option<Vec<serde_json::Value>>,
    #[serde(rename = "is-trip", default, skip_serializing_if = "Option::is_none")]
    pub is_trip: Option<bool>,
    #[serde(rename = "past-due", default, skip_serializing_if = "Option::is_none")]
    pub past_due: Option<bool>,
    #[serde(rename = "payment", default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<serde_json::Value>,
    #[serde(rename = "payment-channel", default, skip_serializing_if = "Option::is_none")]
    pub payment_channel: Option<String>,
    #[serde(rename = "reconciliation-lines", default, skip_serializing_if = "Option::is_none")]
    pub reconciliation_lines: Option<Vec<serde_json::Value>>,
    #[serde(rename = "reimbursable-total-amount", default, skip_serializing_if = "Option::is_none")]
    pub reimbursable_total_amount: Option<rust_decimal::Decimal>,
    #[serde(rename = "reimbursable-total-currency", default, skip_serializing_if = "Option::is_none")]
    pub reimbursable_total_currency: Option<Box<Currency>>,
    #[serde(rename = "report-due-date", default, skip_serializing_if = "Option::is_none")]
    pub report_due_date: Option<jiff::Timestamp>,
    #[serde(rename = "report-warnings", default, skip_serializing_if = "Option::is_none")]
    pub report_warnings: Option<String>,
    #[serde(rename = "start-date", default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(rename = "submitted-by", default, skip_serializing_if = "Option::is_none")]
    pub submitted_by: Option<serde_json::Value>,
    #[serde(rename = "travel-trip", default, skip_serializing_if = "Option::is_none")]
    pub travel_trip: Option<serde_json::Value>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/expense-line`: 99 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ExpenseLine {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "merchant", default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<String>,
    #[serde(rename = "reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "amount", default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<rust_decimal::Decimal>,
    #[serde(rename = "expense-date", default, skip_serializing_if = "Option::is_none")]
    pub expense_date: Option<jiff::Timestamp>,
    #[serde(rename = "start-date", default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<jiff::Timestamp>,
    #[serde(rename = "expense-category", default, skip_serializing_if = "Option::is_none")]
    pub expense_category: Option<Box<ExpenseCategory>>,
    #[serde(rename = "external-src-ref", default, skip_serializing_if = "Option::is_none")]
    pub external_src_ref: Option<String>,
    #[serde(rename = "external-src-name", default, skip_serializing_if = "Option::is_none")]
    pub external_src_name: Option<String>,
    #[serde(rename = "account", default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Box<Account>>,
    #[serde(rename = "account-allocations", default, skip_serializing_if = "Option::is_none")]
    pub account_allocations: Option<Vec<serde_json::Value>>,
    #[serde(rename = "accounting-total", default, skip_serializing_if = "Option::is_none")]
    pub accounting_total: Option<rust_decimal::Decimal>,
    #[serde(rename = "accounting-total-currency", default, skip_serializing_if = "Option::is_none")]
    pub accounting_total_currency: Option<Box<Currency>>,
    #[serde(rename = "allow-attach-preapproval", default, skip_serializing_if = "Option::is_none")]
    pub allow_attach_preapproval: Option<bool>,
    #[serde(rename = "approved-amount", default, skip_serializing_if = "Option::is_none")]
    pub approved_amount: Option<rust_decimal::Decimal>,
    #[serde(rename = "attach-preapproval", default, skip_serializing_if = "Option::is_none")]
    pub attach_preapproval: Option<String>,
    #[serde(rename = "audit-status", default, skip_serializing_if = "Option::is_none")]
    pub audit_status: Option<serde_json::Value>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "currency", default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Box<Currency>>,
    #[serde(rename = "custom-field-1", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_1: Option<String>,
    #[serde(rename = "custom-field-10", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_10: Option<String>,
    #[serde(rename = "custom-field-11", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_11: Option<String>,
    #[serde(rename = "custom-field-12", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_12: Option<String>,
    #[serde(rename = "custom-field-13", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_13: Option<String>,
    #[serde(rename = "custom-field-14", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_14: Option<String>,
    #[serde(rename = "custom-field-15", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_15: Option<String>,
    #[serde(rename = "custom-field-16", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_16: Option<String>,
    #[serde(rename = "custom-field-17", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_17: Option<String>,
    #[serde(rename = "custom-field-18", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_18: Option<String>,
    #[serde(rename = "custom-field-19", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_19: Option<String>,
    #[serde(rename = "custom-field-2", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_2: Option<String>,
    #[serde(rename = "custom-field-20", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_20: Option<String>,
    #[serde(rename = "custom-field-3", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_3: Option<String>,
    #[serde(rename = "custom-field-4", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_4: Option<String>,
    #[serde(rename = "custom-field-5", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_5: Option<String>,
    #[serde(rename = "custom-field-6", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_6: Option<String>,
    #[serde(rename = "custom-field-7", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_7: Option<String>,
    #[serde(rename = "custom-field-8", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_8: Option<String>,
    #[serde(rename = "custom-field-9", default, skip_serializing_if = "Option::is_none")]
    pub custom_field_9: Option<String>,
    #[serde(rename = "divisor", default, skip_serializing_if = "Option::is_none")]
    pub divisor: Option<rust_decimal::Decimal>,
    #[serde(rename = "employee-reimbursable", default, skip_serializing_if = "Option::is_none")]
    pub employee_reimbursable: Option<bool>,
    #[serde(rename = "employee-reimbursable-editable", default, skip_serializing_if = "Option::is_none")]
    pub employee_reimbursable_editable: Option<bool>,
    #[serde(rename = "employee-reimbursable-overridden", default, skip_serializing_if = "Option::is_none")]
    pub employee_reimbursable_overridden: Option<bool>,
    #[serde(rename = "end-date", default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<jiff::Timestamp>,
    #[serde(rename = "exchange-rate", default, skip_serializing_if = "Option::is_none")]
    pub exchange_rate: Option<rust_decimal::Decimal>,
    #[serde(rename = "expense-artifacts", default, skip_serializing_if = "Option::is_none")]
    pub expense_artifacts: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-attendees", default, skip_serializing_if = "Option::is_none")]
    pub expense_attendees: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-category-custom-field-1", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_1: Option<String>,
    #[serde(rename = "expense-category-custom-field-10", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_10: Option<String>,
    #[serde(rename = "expense-category-custom-field-2", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_2: Option<String>,
    #[serde(rename = "expense-category-custom-field-3", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_3: Option<String>,
    #[serde(rename = "expense-category-custom-field-4", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_4: Option<String>,
    #[serde(rename = "expense-category-custom-field-5", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_5: Option<String>,
    #[serde(rename = "expense-category-custom-field-6", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_6: Option<String>,
    #[serde(rename = "expense-category-custom-field-7", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_7: Option<String>,
    #[serde(rename = "expense-category-custom-field-8", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_8: Option<String>,
    #[serde(rename = "expense-category-custom-field-9", default, skip_serializing_if = "Option::is_none")]
    pub expense_category_custom_field_9: Option<String>,
    #[serde(rename = "expense-line-cash-advance", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_cash_advance: Option<serde_json::Value>,
    #[serde(rename = "expense-line-daily-per-diems", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_daily_per_diems: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-line-imported-data", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_imported_data: Option<serde_json::Value>,
    #[serde(rename = "expense-line-mileage", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_mileage: Option<serde_json::Value>,
    #[serde(rename = "expense-line-per-diem", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_per_diem: Option<serde_json::Value>,
    #[serde(rename = "expense-line-preapproval", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_preapproval: Option<serde_json::Value>,
    #[serde(rename = "expense-line-taxes", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_taxes: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-line-virtual-card", default, skip_serializing_if = "Option::is_none")]
    pub expense_line_virtual_card: Option<serde_json::Value>,
    #[serde(rename = "expense-report-id", default, skip_serializing_if = "Option::is_none")]
    pub expense_report_id: Option<i64>,
    #[serde(rename = "expense-trip", default, skip_serializing_if = "Option::is_none")]
    pub expense_trip: Option<serde_json::Value>,
    #[serde(rename = "expensed-by", default, skip_serializing_if = "Option::is_none")]
    pub expensed_by: Option<serde_json::Value>,
    #[serde(rename = "external-src-data", default, skip_serializing_if = "Option::is_none")]
    pub external_src_data: Option<String>,
    #[serde(rename = "foreign-currency", default, skip_serializing_if = "Option::is_none")]
    pub foreign_currency: Option<Box<Currency>>,
    #[serde(rename = "foreign-currency-amount", default, skip_serializing_if = "Option::is_none")]
    pub foreign_currency_amount: Option<rust_decimal::Decimal>,
    #[serde(rename = "foreign-currency-id", default, skip_serializing_if = "Option::is_none")]
    pub foreign_currency_id: Option<i64>,
    #[serde(rename = "frugality", default, skip_serializing_if = "Option::is_none")]
    pub frugality: Option<String>,
    #[serde(rename = "has-preapproval", default, skip_serializing_if = "Option::is_none")]
    pub has_preapproval: Option<String>,
    #[serde(rename = "integration", default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<Box<ExpenseLine>>,
    #[serde(rename = "itemized-expense-lines", default, skip_serializing_if = "Option::is_none")]
    pub itemized_expense_lines: Option<Vec<serde_json::Value>>,
    #[serde(rename = "last-send-back-comment", default, skip_serializing_if = "Option::is_none")]
    pub last_send_back_comment: Option<String>,
    #[serde(rename = "last-send-back-reason", default, skip_serializing_if = "Option::is_none")]
    pub last_send_back_reason: Option<String>,
    #[serde(rename = "line-number", default, skip_serializing_if = "Option::is_none")]
    pub line_number: Option<i64>,
    #[serde(rename = "order-line-id", default, skip_serializing_if = "Option::is_none")]
    pub order_line_id: Option<i64>,
    #[serde(rename = "over-limit", default, skip_serializing_if = "Option::is_none")]
    pub over_limit: Option<bool>,
    #[serde(rename = "parent-expense-line-id", default, skip_serializing_if = "Option::is_none")]
    pub parent_expense_line_id: Option<i64>,
    #[serde(rename = "parent-external-src-data", default, skip_serializing_if = "Option::is_none")]
    pub parent_external_src_data: Option<String>,
    #[serde(rename = "parent-external-src-name", default, skip_serializing_if = "Option::is_none")]
    pub parent_external_src_name: Option<String>,
    #[serde(rename = "parent-external-src-ref", default, skip_serializing_if = "Option::is_none")]
    pub parent_external_src_ref: Option<String>,
    #[serde(rename = "per-diem-trip", default, skip_serializing_if = "Option::is_none")]
    pub per_diem_trip: Option<String>,
    #[serde(rename = "period", default, skip_serializing_if = "Option::is_none")]
    pub period: Option<serde_json::Value>,
    #[serde(rename = "receipt-total-amount", default, skip_serializing_if = "Option::is_none")]
    pub receipt_total_amount: Option<rust_decimal::Decimal>,
    #[serde(rename = "receipt-total-currency-id", default, skip_serializing_if = "Option::is_none")]
    pub receipt_total_currency_id: Option<i64>,
    #[serde(rename = "reporting-total", default, skip_serializing_if = "Option::is_none")]
    pub reporting_total: Option<rust_decimal::Decimal>,
    #[serde(rename = "requires-receipt", default, skip_serializing_if = "Option::is_none")]
    pub requires_receipt: Option<bool>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "suggested-exchange-rate", default, skip_serializing_if = "Option::is_none")]
    pub suggested_exchange_rate: Option<serde_json::Value>,
    #[serde(rename = "travel-trip-booking", default, skip_serializing_if = "Option::is_none")]
    pub travel_trip_booking: Option<serde_json::Value>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/expense-category`: 21 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ExpenseCategory {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "active", default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(rename = "attendee-tracking-enabled", default, skip_serializing_if = "Option::is_none")]
    pub attendee_tracking_enabled: Option<bool>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "dynamic-category-limit-enabled", default, skip_serializing_if = "Option::is_none")]
    pub dynamic_category_limit_enabled: Option<bool>,
    #[serde(rename = "expense-attendee-types", default, skip_serializing_if = "Option::is_none")]
    pub expense_attendee_types: Option<Vec<serde_json::Value>>,
    #[serde(rename = "expense-mileage-config", default, skip_serializing_if = "Option::is_none")]
    pub expense_mileage_config: Option<serde_json::Value>,
    #[serde(rename = "expense-per-diem-config", default, skip_serializing_if = "Option::is_none")]
    pub expense_per_diem_config: Option<serde_json::Value>,
    #[serde(rename = "expense-policy", default, skip_serializing_if = "Option::is_none")]
    pub expense_policy: Option<serde_json::Value>,
    #[serde(rename = "external-key", default, skip_serializing_if = "Option::is_none")]
    pub external_key: Option<String>,
    #[serde(rename = "group", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(rename = "localized-group", default, skip_serializing_if = "Option::is_none")]
    pub localized_group: Option<String>,
    #[serde(rename = "scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(rename = "tax-currencies", default, skip_serializing_if = "Option::is_none")]
    pub tax_currencies: Option<String>,
    #[serde(rename = "tax-enabled", default, skip_serializing_if = "Option::is_none")]
    pub tax_enabled: Option<bool>,
    #[serde(rename = "translated-name", default, skip_serializing_if = "Option::is_none")]
    pub translated_name: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/user`: 101 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct User {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "login", default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    #[serde(rename = "email", default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(rename = "firstname", default, skip_serializing_if = "Option::is_none")]
    pub firstname: Option<String>,
    #[serde(rename = "lastname", default, skip_serializing_if = "Option::is_none")]
    pub lastname: Option<String>,
    #[serde(rename = "active", default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(rename = "active?", default, skip_serializing_if = "Option::is_none")]
    pub active_2: Option<bool>,
    #[serde(rename = "account-groups", default, skip_serializing_if = "Option::is_none")]
    pub account_groups: Option<Vec<serde_json::Value>>,
    #[serde(rename = "account-security-type", default, skip_serializing_if = "Option::is_none")]
    pub account_security_type: Option<i64>,
    #[serde(rename = "aic-user", default, skip_serializing_if = "Option::is_none")]
    pub aic_user: Option<bool>,
    #[serde(rename = "aic-user?", default, skip_serializing_if = "Option::is_none")]
    pub aic_user_2: Option<bool>,
    #[serde(rename = "allow-employee-payment-account-creation", default, skip_serializing_if = "Option::is_none")]
    pub allow_employee_payment_account_creation: Option<bool>,
    #[serde(rename = "allow-user-to-upload-invoice-from-mobile", default, skip_serializing_if = "Option::is_none")]
    pub allow_user_to_upload_invoice_from_mobile: Option<bool>,
    #[serde(rename = "allowed-invoice-inboxes", default, skip_serializing_if = "Option::is_none")]
    pub allowed_invoice_inboxes: Option<String>,
    #[serde(rename = "analytics-user", default, skip_serializing_if = "Option::is_none")]
    pub analytics_user: Option<bool>,
    #[serde(rename = "analytics-user?", default, skip_serializing_if = "Option::is_none")]
    pub analytics_user_2: Option<bool>,
    #[serde(rename = "api-user", default, skip_serializing_if = "Option::is_none")]
    pub api_user: Option<bool>,
    #[serde(rename = "api-user?", default, skip_serializing_if = "Option::is_none")]
    pub api_user_2: Option<bool>,
    #[serde(rename = "approval-groups", default, skip_serializing_if = "Option::is_none")]
    pub approval_groups: Option<Vec<serde_json::Value>>,
    #[serde(rename = "approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub approval_limit: Option<serde_json::Value>,
    #[serde(rename = "authentication-method", default, skip_serializing_if = "Option::is_none")]
    pub authentication_method: Option<String>,
    #[serde(rename = "avatar-thumb-url", default, skip_serializing_if = "Option::is_none")]
    pub avatar_thumb_url: Option<String>,
    #[serde(rename = "business-function", default, skip_serializing_if = "Option::is_none")]
    pub business_function: Option<String>,
    #[serde(rename = "business-group-security-type", default, skip_serializing_if = "Option::is_none")]
    pub business_group_security_type: Option<i64>,
    #[serde(rename = "can-expense-for", default, skip_serializing_if = "Option::is_none")]
    pub can_expense_for: Option<serde_json::Value>,
    #[serde(rename = "category-planner-user", default, skip_serializing_if = "Option::is_none")]
    pub category_planner_user: Option<bool>,
    #[serde(rename = "category-planner-user?", default, skip_serializing_if = "Option::is_none")]
    pub category_planner_user_2: Option<bool>,
    #[serde(rename = "ccw-user", default, skip_serializing_if = "Option::is_none")]
    pub ccw_user: Option<bool>,
    #[serde(rename = "ccw-user?", default, skip_serializing_if = "Option::is_none")]
    pub ccw_user_2: Option<bool>,
    #[serde(rename = "clm-advanced-user", default, skip_serializing_if = "Option::is_none")]
    pub clm_advanced_user: Option<bool>,
    #[serde(rename = "clm-advanced-user?", default, skip_serializing_if = "Option::is_none")]
    pub clm_advanced_user_2: Option<bool>,
    #[serde(rename = "content-groups", default, skip_serializing_if = "Option::is_none")]
    pub content_groups: Option<Vec<serde_json::Value>>,
    #[serde(rename = "contract-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub contract_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "contract-self-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub contract_self_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "contracts-user", default, skip_serializing_if = "Option::is_none")]
    pub contracts_user: Option<bool>,
    #[serde(rename = "contracts-user?", default, skip_serializing_if = "Option::is_none")]
    pub contracts_user_2: Option<bool>,
    #[serde(rename = "country-of-residence", default, skip_serializing_if = "Option::is_none")]
    pub country_of_residence: Option<serde_json::Value>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "default-account", default, skip_serializing_if = "Option::is_none")]
    pub default_account: Option<Box<Account>>,
    #[serde(rename = "default-account-type", default, skip_serializing_if = "Option::is_none")]
    pub default_account_type: Option<serde_json::Value>,
    #[serde(rename = "default-address", default, skip_serializing_if = "Option::is_none")]
    pub default_address: Option<serde_json::Value>,
    #[serde(rename = "default-currency", default, skip_serializing_if = "Option::is_none")]
    pub default_currency: Option<Box<Currency>>,
    #[serde(rename = "default-locale", default, skip_serializing_if = "Option::is_none")]
    pub default_locale: Option<String>,
    #[serde(rename = "department", default, skip_serializing_if = "Option::is_none")]
    pub department: Option<serde_json::Value>,
    #[serde(rename = "eligible-for-virtual-cards", default, skip_serializing_if = "Option::is_none")]
    pub eligible_for_virtual_cards: Option<bool>,
    #[serde(rename = "employee-number", default, skip_serializing_if = "Option::is_none")]
    pub employee_number: Option<String>,
    #[serde(rename = "employee-payment-channel", default, skip_serializing_if = "Option::is_none")]
    pub employee_payment_channel: Option<String>,
    #[serde(rename = "escalation-threshold", default, skip_serializing_if = "Option::is_none")]
    pub escalation_threshold: Option<serde_json::Value>,
    #[serde(rename = "expense-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub expense_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "expense-self-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub expense_self_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "expense-user", default, skip_serializing_if = "Option::is_none")]
    pub expense_user: Option<bool>,
    #[serde(rename = "expense-user?", default, skip_serializing_if = "Option::is_none")]
    pub expense_user_2: Option<bool>,
    #[serde(rename = "expenses-delegated-to", default, skip_serializing_if = "Option::is_none")]
    pub expenses_delegated_to: Option<serde_json::Value>,
    #[serde(rename = "fullname", default, skip_serializing_if = "Option::is_none")]
    pub fullname: Option<String>,
    #[serde(rename = "generate-password-and-notify", default, skip_serializing_if = "Option::is_none")]
    pub generate_password_and_notify: Option<String>,
    #[serde(rename = "inventory-organizations", default, skip_serializing_if = "Option::is_none")]
    pub inventory_organizations: Option<Vec<serde_json::Value>>,
    #[serde(rename = "inventory-user", default, skip_serializing_if = "Option::is_none")]
    pub inventory_user: Option<bool>,
    #[serde(rename = "inventory-user?", default, skip_serializing_if = "Option::is_none")]
    pub inventory_user_2: Option<bool>,
    #[serde(rename = "invoice-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub invoice_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "invoice-self-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub invoice_self_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "invoicing-user", default, skip_serializing_if = "Option::is_none")]
    pub invoicing_user: Option<bool>,
    #[serde(rename = "invoicing-user?", default, skip_serializing_if = "Option::is_none")]
    pub invoicing_user_2: Option<bool>,
    #[serde(rename = "legal-entity", default, skip_serializing_if = "Option::is_none")]
    pub legal_entity: Option<serde_json::Value>,
    #[serde(rename = "manager", default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<serde_json::Value>,
    #[serde(rename = "mention-name", default, skip_serializing_if = "Option::is_none")]
    pub mention_name: Option<String>,
    #[serde(rename = "middlename", default, skip_serializing_if = "Option::is_none")]
    pub middlename: Option<String>,
    #[serde(rename = "msp-user", default, skip_serializing_if = "Option::is_none")]
    pub msp_user: Option<bool>,
    #[serde(rename = "password", default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(rename = "pcard", default, skip_serializing_if = "Option::is_none")]
    pub pcard: Option<serde_json::Value>,
    #[serde(rename = "phone-mobile", default, skip_serializing_if = "Option::is_none")]
    pub phone_mobile: Option<serde_json::Value>,
    #[serde(rename = "phone-work", default, skip_serializing_if = "Option::is_none")]
    pub phone_work: Option<serde_json::Value>,
    #[serde(rename = "purchasing-user", default, skip_serializing_if = "Option::is_none")]
    pub purchasing_user: Option<bool>,
    #[serde(rename = "purchasing-user?", default, skip_serializing_if = "Option::is_none")]
    pub purchasing_user_2: Option<bool>,
    #[serde(rename = "requisition-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub requisition_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "requisition-self-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub requisition_self_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "risk-assess-user", default, skip_serializing_if = "Option::is_none")]
    pub risk_assess_user: Option<bool>,
    #[serde(rename = "roles", default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Role>>,
    #[serde(rename = "salesforce-enabled", default, skip_serializing_if = "Option::is_none")]
    pub salesforce_enabled: Option<bool>,
    #[serde(rename = "salesforce-id", default, skip_serializing_if = "Option::is_none")]
    pub salesforce_id: Option<String>,
    #[serde(rename = "self-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub self_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "seniority-level", default, skip_serializing_if = "Option::is_none")]
    pub seniority_level: Option<String>,
    #[serde(rename = "sourcing-user", default, skip_serializing_if = "Option::is_none")]
    pub sourcing_user: Option<bool>,
    #[serde(rename = "sourcing-user?", default, skip_serializing_if = "Option::is_none")]
    pub sourcing_user_2: Option<bool>,
    #[serde(rename = "spend-guard-user", default, skip_serializing_if = "Option::is_none")]
    pub spend_guard_user: Option<bool>,
    #[serde(rename = "spend-guard-user?", default, skip_serializing_if = "Option::is_none")]
    pub spend_guard_user_2: Option<bool>,
    #[serde(rename = "sso-identifier", default, skip_serializing_if = "Option::is_none")]
    pub sso_identifier: Option<String>,
    #[serde(rename = "supplier-id", default, skip_serializing_if = "Option::is_none")]
    pub supplier_id: Option<i64>,
    #[serde(rename = "supplier-user", default, skip_serializing_if = "Option::is_none")]
    pub supplier_user: Option<bool>,
    #[serde(rename = "supply-chain-user", default, skip_serializing_if = "Option::is_none")]
    pub supply_chain_user: Option<bool>,
    #[serde(rename = "supply-chain-user?", default, skip_serializing_if = "Option::is_none")]
    pub supply_chain_user_2: Option<bool>,
    #[serde(rename = "support-user", default, skip_serializing_if = "Option::is_none")]
    pub support_user: Option<bool>,
    #[serde(rename = "travel-user", default, skip_serializing_if = "Option::is_none")]
    pub travel_user: Option<bool>,
    #[serde(rename = "travel-user?", default, skip_serializing_if = "Option::is_none")]
    pub travel_user_2: Option<bool>,
    #[serde(rename = "treasury-user", default, skip_serializing_if = "Option::is_none")]
    pub treasury_user: Option<bool>,
    #[serde(rename = "treasury-user?", default, skip_serializing_if = "Option::is_none")]
    pub treasury_user_2: Option<bool>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "user-groups", default, skip_serializing_if = "Option::is_none")]
    pub user_groups: Option<Vec<serde_json::Value>>,
    #[serde(rename = "work-confirmation-approval-limit", default, skip_serializing_if = "Option::is_none")]
    pub work_confirmation_approval_limit: Option<serde_json::Value>,
    #[serde(rename = "working-warehouses", default, skip_serializing_if = "Option::is_none")]
    pub working_warehouses: Option<Vec<serde_json::Value>>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/currency`: 6 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct Currency {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "code", default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "decimals", default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<i64>,
    #[serde(rename = "enabled", default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(rename = "symbol", default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/role`: 9 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct Role {
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "omnipotent", default, skip_serializing_if = "Option::is_none")]
    pub omnipotent: Option<bool>,
    #[serde(rename = "system-role", default, skip_serializing_if = "Option::is_none")]
    pub system_role: Option<bool>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/order-header`: 46 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct OrderHeader {
    #[serde(rename = "acknowledged-at", default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_at: Option<jiff::Timestamp>,
    #[serde(rename = "acknowledged-flag", default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_flag: Option<bool>,
    #[serde(rename = "attachments", default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<serde_json::Value>>,
    #[serde(rename = "change-type", default, skip_serializing_if = "Option::is_none")]
    pub change_type: Option<String>,
    #[serde(rename = "classification", default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    #[serde(rename = "confirm-by-hrs", default, skip_serializing_if = "Option::is_none")]
    pub confirm_by_hrs: Option<i64>,
    #[serde(rename = "coupa-accelerate-status", default, skip_serializing_if = "Option::is_none")]
    pub coupa_accelerate_status: Option<String>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "currency", default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Box<Currency>>,
    #[serde(rename = "current-integration-history-records", default, skip_serializing_if = "Option::is_none")]
    pub current_integration_history_records: Option<Vec<serde_json::Value>>,
    #[serde(rename = "exported", default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<bool>,
    #[serde(rename = "hide-price", default, skip_serializing_if = "Option::is_none")]
    pub hide_price: Option<Box<OrderHeader>>,
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "internal-revision", default, skip_serializing_if = "Option::is_none")]
    pub internal_revision: Option<i64>,
    #[serde(rename = "invoice-stop", default, skip_serializing_if = "Option::is_none")]
    pub invoice_stop: Option<bool>,
    #[serde(rename = "last-exported-at", default, skip_serializing_if = "Option::is_none")]
    pub last_exported_at: Option<jiff::Timestamp>,
    #[serde(rename = "milestones", default, skip_serializing_if = "Option::is_none")]
    pub milestones: Option<Vec<serde_json::Value>>,
    #[serde(rename = "order-confirmation-level", default, skip_serializing_if = "Option::is_none")]
    pub order_confirmation_level: Option<i64>,
    #[serde(rename = "order-header-confirmations", default, skip_serializing_if = "Option::is_none")]
    pub order_header_confirmations: Option<Vec<serde_json::Value>>,
    #[serde(rename = "order-lines", default, skip_serializing_if = "Option::is_none")]
    pub order_lines: Option<Vec<OrderLine>>,
    #[serde(rename = "payment-method", default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    #[serde(rename = "payment-term", default, skip_serializing_if = "Option::is_none")]
    pub payment_term: Option<serde_json::Value>,
    #[serde(rename = "pcard", default, skip_serializing_if = "Option::is_none")]
    pub pcard: Option<serde_json::Value>,
    #[serde(rename = "po-number", default, skip_serializing_if = "Option::is_none")]
    pub po_number: Option<String>,
    #[serde(rename = "price-hidden", default, skip_serializing_if = "Option::is_none")]
    pub price_hidden: Option<bool>,
    #[serde(rename = "reason-insight-events", default, skip_serializing_if = "Option::is_none")]
    pub reason_insight_events: Option<Vec<OrderHeader>>,
    #[serde(rename = "recurring-rules", default, skip_serializing_if = "Option::is_none")]
    pub recurring_rules: Option<Vec<serde_json::Value>>,
    #[serde(rename = "requester", default, skip_serializing_if = "Option::is_none")]
    pub requester: Option<serde_json::Value>,
    #[serde(rename = "requisition-header", default, skip_serializing_if = "Option::is_none")]
    pub requisition_header: Option<serde_json::Value>,
    #[serde(rename = "ship-to-address", default, skip_serializing_if = "Option::is_none")]
    pub ship_to_address: Option<serde_json::Value>,
    #[serde(rename = "ship-to-attention", default, skip_serializing_if = "Option::is_none")]
    pub ship_to_attention: Option<String>,
    #[serde(rename = "ship-to-user", default, skip_serializing_if = "Option::is_none")]
    pub ship_to_user: Option<serde_json::Value>,
    #[serde(rename = "shipping-term", default, skip_serializing_if = "Option::is_none")]
    pub shipping_term: Option<serde_json::Value>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "supplier", default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<Box<Supplier>>,
    #[serde(rename = "supplier-site", default, skip_serializing_if = "Option::is_none")]
    pub supplier_site: Option<serde_json::Value>,
    #[serde(rename = "transmission-emails", default, skip_serializing_if = "Option::is_none")]
    pub transmission_emails: Option<String>,
    #[serde(rename = "transmission-method-override", default, skip_serializing_if = "Option::is_none")]
    pub transmission_method_override: Option<String>,
    #[serde(rename = "transmission-status", default, skip_serializing_if = "Option::is_none")]
    pub transmission_status: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "user-group-members", default, skip_serializing_if = "Option::is_none")]
    pub user_group_members: Option<Vec<serde_json::Value>>,
    #[serde(rename = "user-members", default, skip_serializing_if = "Option::is_none")]
    pub user_members: Option<Vec<serde_json::Value>>,
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/order-line`: 68 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct OrderLine {
    #[serde(rename = "account", default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Box<Account>>,
    #[serde(rename = "account-allocations", default, skip_serializing_if = "Option::is_none")]
    pub account_allocations: Option<Vec<serde_json::Value>>,
    #[serde(rename = "account-type", default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<serde_json::Value>,
    #[serde(rename = "accounting-total", default, skip_serializing_if = "Option::is_none")]
    pub accounting_total: Option<rust_decimal::Decimal>,
    #[serde(rename = "accounting-total-currency", default, skip_serializing_if = "Option::is_none")]
    pub accounting_total_currency: Option<Box<Currency>>,
    #[serde(rename = "amount-components", default, skip_serializing_if = "Option::is_none")]
    pub amount_components: Option<Vec<serde_json::Value>>,
    #[serde(rename = "asset-tags", default, skip_serializing_if = "Option::is_none")]
    pub asset_tags: Option<Vec<serde_json::Value>>,
    #[serde(rename = "attachments", default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<serde_json::Value>>,
    #[serde(rename = "bulk-price", default, skip_serializing_if = "Option::is_none")]
    pub bulk_price: Option<serde_json::Value>,
    #[serde(rename = "commodity", default, skip_serializing_if = "Option::is_none")]
    pub commodity: Option<serde_json::Value>,
    #[serde(rename = "contract", default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<serde_json::Value>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "currency", default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Box<Currency>>,
    #[serde(rename = "department", default, skip_serializing_if = "Option::is_none")]
    pub department: Option<serde_json::Value>,
    #[serde(rename = "description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "easy-form-response-id", default, skip_serializing_if = "Option::is_none")]
    pub easy_form_response_id: Option<i64>,
    #[serde(rename = "external-reference-number", default, skip_serializing_if = "Option::is_none")]
    pub external_reference_number: Option<String>,
    #[serde(rename = "external-reference-type", default, skip_serializing_if = "Option::is_none")]
    pub external_reference_type: Option<String>,
    #[serde(rename = "extra-line-attribute", default, skip_serializing_if = "Option::is_none")]
    pub extra_line_attribute: Option<serde_json::Value>,
    #[serde(rename = "form-response", default, skip_serializing_if = "Option::is_none")]
    pub form_response: Option<serde_json::Value>,
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "invoice-stop", default, skip_serializing_if = "Option::is_none")]
    pub invoice_stop: Option<bool>,
    #[serde(rename = "invoiced", default, skip_serializing_if = "Option::is_none")]
    pub invoiced: Option<rust_decimal::Decimal>,
    #[serde(rename = "item", default, skip_serializing_if = "Option::is_none")]
    pub item: Option<serde_json::Value>,
    #[serde(rename = "line-num", default, skip_serializing_if = "Option::is_none")]
    pub line_num: Option<String>,
    #[serde(rename = "line-owner", default, skip_serializing_if = "Option::is_none")]
    pub line_owner: Option<serde_json::Value>,
    #[serde(rename = "manufacturer-name", default, skip_serializing_if = "Option::is_none")]
    pub manufacturer_name: Option<String>,
    #[serde(rename = "manufacturer-part-number", default, skip_serializing_if = "Option::is_none")]
    pub manufacturer_part_number: Option<String>,
    #[serde(rename = "match-type", default, skip_serializing_if = "Option::is_none")]
    pub match_type: Option<String>,
    #[serde(rename = "milestones", default, skip_serializing_if = "Option::is_none")]
    pub milestones: Option<Vec<serde_json::Value>>,
    #[serde(rename = "minimum-order-quantity", default, skip_serializing_if = "Option::is_none")]
    pub minimum_order_quantity: Option<rust_decimal::Decimal>,
    #[serde(rename = "need-by-date", default, skip_serializing_if = "Option::is_none")]
    pub need_by_date: Option<jiff::Timestamp>,
    #[serde(rename = "order-header-id", default, skip_serializing_if = "Option::is_none")]
    pub order_header_id: Option<i64>,
    #[serde(rename = "order-header-number", default, skip_serializing_if = "Option::is_none")]
    pub order_header_number: Option<String>,
    #[serde(rename = "order-increment", default, skip_serializing_if = "Option::is_none")]
    pub order_increment: Option<rust_decimal::Decimal>,
    #[serde(rename = "order-line-tax-detail", default, skip_serializing_if = "Option::is_none")]
    pub order_line_tax_detail: Option<serde_json::Value>,
    #[serde(rename = "period", default, skip_serializing_if = "Option::is_none")]
    pub period: Option<serde_json::Value>,
    #[serde(rename = "price", default, skip_serializing_if = "Option::is_none")]
    pub price: Option<rust_decimal::Decimal>,
    #[serde(rename = "quantity", default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<rust_decimal::Decimal>,
    #[serde(rename = "receipt-approval-required", default, skip_serializing_if = "Option::is_none")]
    pub receipt_approval_required: Option<bool>,
    #[serde(rename = "receipt-required", default, skip_serializing_if = "Option::is_none")]
    pub receipt_required: Option<bool>,
    #[serde(rename = "received", default, skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    #[serde(rename = "receiving-warehouse", default, skip_serializing_if = "Option::is_none")]
    pub receiving_warehouse: Option<serde_json::Value>,
    #[serde(rename = "recurring-rules", default, skip_serializing_if = "Option::is_none")]
    pub recurring_rules: Option<Vec<serde_json::Value>>,
    #[serde(rename = "reporting-total", default, skip_serializing_if = "Option::is_none")]
    pub reporting_total: Option<rust_decimal::Decimal>,
    #[serde(rename = "requester", default, skip_serializing_if = "Option::is_none")]
    pub requester: Option<serde_json::Value>,
    #[serde(rename = "requisition-line-id", default, skip_serializing_if = "Option::is_none")]
    pub requisition_line_id: Option<String>,
    #[serde(rename = "rfq-easy-form-response-id", default, skip_serializing_if = "Option::is_none")]
    pub rfq_easy_form_response_id: Option<serde_json::Value>,
    #[serde(rename = "rfq-form-response", default, skip_serializing_if = "Option::is_none")]
    pub rfq_form_response: Option<serde_json::Value>,
    #[serde(rename = "savings-pct", default, skip_serializing_if = "Option::is_none")]
    pub savings_pct: Option<rust_decimal::Decimal>,
    #[serde(rename = "service-type", default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    #[serde(rename = "source-part-num", default, skip_serializing_if = "Option::is_none")]
    pub source_part_num: Option<String>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "sub-line-num", default, skip_serializing_if = "Option::is_none")]
    pub sub_line_num: Option<i64>,
    #[serde(rename = "supp-aux-part-num", default, skip_serializing_if = "Option::is_none")]
    pub supp_aux_part_num: Option<String>,
    #[serde(rename = "supplier", default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<Box<Supplier>>,
    #[serde(rename = "supplier-order-number", default, skip_serializing_if = "Option::is_none")]
    pub supplier_order_number: Option<String>,
    #[serde(rename = "supplier-schedule-lines", default, skip_serializing_if = "Option::is_none")]
    pub supplier_schedule_lines: Option<Vec<serde_json::Value>>,
    #[serde(rename = "supplier-site-id", default, skip_serializing_if = "Option::is_none")]
    pub supplier_site_id: Option<i64>,
    #[serde(rename = "third-party-supplier", default, skip_serializing_if = "Option::is_none")]
    pub third_party_supplier: Option<Box<Supplier>>,
    #[serde(rename = "total", default, skip_serializing_if = "Option::is_none")]
    pub total: Option<rust_decimal::Decimal>,
    #[serde(rename = "total-invoiced", default, skip_serializing_if = "Option::is_none")]
    pub total_invoiced: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "uom", default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<serde_json::Value>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/supplier`: 97 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct Supplier {
    #[serde(rename = "account-number", default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    #[serde(rename = "account-types", default, skip_serializing_if = "Option::is_none")]
    pub account_types: Option<Vec<serde_json::Value>>,
    #[serde(rename = "allow-change-requests", default, skip_serializing_if = "Option::is_none")]
    pub allow_change_requests: Option<bool>,
    #[serde(rename = "allow-cn-no-backing-doc-from-connect", default, skip_serializing_if = "Option::is_none")]
    pub allow_cn_no_backing_doc_from_connect: Option<bool>,
    #[serde(rename = "allow-csp-access-without-two-factor", default, skip_serializing_if = "Option::is_none")]
    pub allow_csp_access_without_two_factor: Option<bool>,
    #[serde(rename = "allow-cxml-invoicing", default, skip_serializing_if = "Option::is_none")]
    pub allow_cxml_invoicing: Option<bool>,
    #[serde(rename = "allow-inv-choose-billing-account", default, skip_serializing_if = "Option::is_none")]
    pub allow_inv_choose_billing_account: Option<bool>,
    #[serde(rename = "allow-inv-from-connect", default, skip_serializing_if = "Option::is_none")]
    pub allow_inv_from_connect: Option<bool>,
    #[serde(rename = "allow-inv-no-backing-doc-from-connect", default, skip_serializing_if = "Option::is_none")]
    pub allow_inv_no_backing_doc_from_connect: Option<bool>,
    #[serde(rename = "allow-inv-unbacked-lines-from-connect", default, skip_serializing_if = "Option::is_none")]
    pub allow_inv_unbacked_lines_from_connect: Option<bool>,
    #[serde(rename = "allow-order-confirmation-item-substitutions", default, skip_serializing_if = "Option::is_none")]
    pub allow_order_confirmation_item_substitutions: Option<bool>,
    #[serde(rename = "business-entity-id", default, skip_serializing_if = "Option::is_none")]
    pub business_entity_id: Option<i64>,
    #[serde(rename = "buyer-hold", default, skip_serializing_if = "Option::is_none")]
    pub buyer_hold: Option<bool>,
    #[serde(rename = "commodity", default, skip_serializing_if = "Option::is_none")]
    pub commodity: Option<serde_json::Value>,
    #[serde(rename = "confirm-by-hrs", default, skip_serializing_if = "Option::is_none")]
    pub confirm_by_hrs: Option<rust_decimal::Decimal>,
    #[serde(rename = "contacts", default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<serde_json::Value>>,
    #[serde(rename = "content-groups", default, skip_serializing_if = "Option::is_none")]
    pub content_groups: Option<Vec<serde_json::Value>>,
    #[serde(rename = "corporate-url", default, skip_serializing_if = "Option::is_none")]
    pub corporate_url: Option<String>,
    #[serde(rename = "coupa-connect-secret", default, skip_serializing_if = "Option::is_none")]
    pub coupa_connect_secret: Option<String>,
    #[serde(rename = "coupa-pay-financing-only", default, skip_serializing_if = "Option::is_none")]
    pub coupa_pay_financing_only: Option<bool>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "customer-support-contacts", default, skip_serializing_if = "Option::is_none")]
    pub customer_support_contacts: Option<Vec<serde_json::Value>>,
    #[serde(rename = "cxml-domain", default, skip_serializing_if = "Option::is_none")]
    pub cxml_domain: Option<String>,
    #[serde(rename = "cxml-http-password", default, skip_serializing_if = "Option::is_none")]
    pub cxml_http_password: Option<String>,
    #[serde(rename = "cxml-http-username", default, skip_serializing_if = "Option::is_none")]
    pub cxml_http_username: Option<String>,
    #[serde(rename = "cxml-identity", default, skip_serializing_if = "Option::is_none")]
    pub cxml_identity: Option<String>,
    #[serde(rename = "cxml-invoice-buyer-domain", default, skip_serializing_if = "Option::is_none")]
    pub cxml_invoice_buyer_domain: Option<String>,
    #[serde(rename = "cxml-invoice-buyer-identity", default, skip_serializing_if = "Option::is_none")]
    pub cxml_invoice_buyer_identity: Option<String>,
    #[serde(rename = "cxml-invoice-secret", default, skip_serializing_if = "Option::is_none")]
    pub cxml_invoice_secret: Option<String>,
    #[serde(rename = "cxml-invoice-supplier-domain", default, skip_serializing_if = "Option::is_none")]
    pub cxml_invoice_supplier_domain: Option<String>,
    #[serde(rename = "cxml-invoice-supplier-identity", default, skip_serializing_if = "Option::is_none")]
    pub cxml_invoice_supplier_identity: Option<String>,
    #[serde(rename = "cxml-protocol", default, skip_serializing_if = "Option::is_none")]
    pub cxml_protocol: Option<String>,
    #[serde(rename = "cxml-secret", default, skip_serializing_if = "Option::is_none")]
    pub cxml_secret: Option<String>,
    #[serde(rename = "cxml-ssl-version", default, skip_serializing_if = "Option::is_none")]
    pub cxml_ssl_version: Option<String>,
    #[serde(rename = "cxml-supplier-domain", default, skip_serializing_if = "Option::is_none")]
    pub cxml_supplier_domain: Option<String>,
    #[serde(rename = "cxml-supplier-identity", default, skip_serializing_if = "Option::is_none")]
    pub cxml_supplier_identity: Option<String>,
    #[serde(rename = "cxml-url", default, skip_serializing_if = "Option::is_none")]
    pub cxml_url: Option<String>,
    #[serde(rename = "dd-settings", default, skip_serializing_if = "Option::is_none")]
    pub dd_settings: Option<String>,
    #[serde(rename = "default-locale", default, skip_serializing_if = "Option::is_none")]
    pub default_locale: Option<String>,
    #[serde(rename = "disable-cert-verify", default, skip_serializing_if = "Option::is_none")]
    pub disable_cert_verify: Option<bool>,
    #[serde(rename = "display-name", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(rename = "diversities", default, skip_serializing_if = "Option::is_none")]
    pub diversities: Option<Vec<serde_json::Value>>,
    #[serde(rename = "diversity-categories", default, skip_serializing_if = "Option::is_none")]
    pub diversity_categories: Option<Vec<Supplier>>,
    #[serde(rename = "do-not-accelerate", default, skip_serializing_if = "Option::is_none")]
    pub do_not_accelerate: Option<bool>,
    #[serde(rename = "duns", default, skip_serializing_if = "Option::is_none")]
    pub duns: Option<String>,
    #[serde(rename = "enterprise", default, skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<serde_json::Value>,
    #[serde(rename = "hold-invoices-for-ap-review", default, skip_serializing_if = "Option::is_none")]
    pub hold_invoices_for_ap_review: Option<bool>,
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "integration-contacts", default, skip_serializing_if = "Option::is_none")]
    pub integration_contacts: Option<serde_json::Value>,
    #[serde(rename = "inventory-organization", default, skip_serializing_if = "Option::is_none")]
    pub inventory_organization: Option<serde_json::Value>,
    #[serde(rename = "invoice-emails", default, skip_serializing_if = "Option::is_none")]
    pub invoice_emails: Option<Vec<serde_json::Value>>,
    #[serde(rename = "invoice-matching-level", default, skip_serializing_if = "Option::is_none")]
    pub invoice_matching_level: Option<String>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "number", default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(rename = "on-hold", default, skip_serializing_if = "Option::is_none")]
    pub on_hold: Option<bool>,
    #[serde(rename = "one-time-supplier", default, skip_serializing_if = "Option::is_none")]
    pub one_time_supplier: Option<bool>,
    #[serde(rename = "online-store", default, skip_serializing_if = "Option::is_none")]
    pub online_store: Option<serde_json::Value>,
    #[serde(rename = "order-confirmation-level", default, skip_serializing_if = "Option::is_none")]
    pub order_confirmation_level: Option<i64>,
    #[serde(rename = "parent", default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Box<Supplier>>,
    #[serde(rename = "payment-method", default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    #[serde(rename = "payment-term", default, skip_serializing_if = "Option::is_none")]
    pub payment_term: Option<serde_json::Value>,
    #[serde(rename = "payment-term-id", default, skip_serializing_if = "Option::is_none")]
    pub payment_term_id: Option<i64>,
    #[serde(rename = "payment-terms", default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<Vec<serde_json::Value>>,
    #[serde(rename = "po-change-method", default, skip_serializing_if = "Option::is_none")]
    pub po_change_method: Option<String>,
    #[serde(rename = "po-email", default, skip_serializing_if = "Option::is_none")]
    pub po_email: Option<String>,
    #[serde(rename = "po-method", default, skip_serializing_if = "Option::is_none")]
    pub po_method: Option<String>,
    #[serde(rename = "preferred-commodities", default, skip_serializing_if = "Option::is_none")]
    pub preferred_commodities: Option<Vec<serde_json::Value>>,
    #[serde(rename = "primary-address", default, skip_serializing_if = "Option::is_none")]
    pub primary_address: Option<serde_json::Value>,
    #[serde(rename = "primary-contact", default, skip_serializing_if = "Option::is_none")]
    pub primary_contact: Option<serde_json::Value>,
    #[serde(rename = "remit-to-addresses", default, skip_serializing_if = "Option::is_none")]
    pub remit_to_addresses: Option<Vec<serde_json::Value>>,
    #[serde(rename = "remit-to-requirement", default, skip_serializing_if = "Option::is_none")]
    pub remit_to_requirement: Option<i64>,
    #[serde(rename = "restricted-account-types", default, skip_serializing_if = "Option::is_none")]
    pub restricted_account_types: Option<Vec<serde_json::Value>>,
    #[serde(rename = "savings-pct", default, skip_serializing_if = "Option::is_none")]
    pub savings_pct: Option<rust_decimal::Decimal>,
    #[serde(rename = "scf-configs", default, skip_serializing_if = "Option::is_none")]
    pub scf_configs: Option<String>,
    #[serde(rename = "scope-three-emissions", default, skip_serializing_if = "Option::is_none")]
    pub scope_three_emissions: Option<bool>,
    #[serde(rename = "send-invoices-to-approvals", default, skip_serializing_if = "Option::is_none")]
    pub send_invoices_to_approvals: Option<bool>,
    #[serde(rename = "shipping-term", default, skip_serializing_if = "Option::is_none")]
    pub shipping_term: Option<serde_json::Value>,
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "storefront-url", default, skip_serializing_if = "Option::is_none")]
    pub storefront_url: Option<String>,
    #[serde(rename = "supplier-account-types", default, skip_serializing_if = "Option::is_none")]
    pub supplier_account_types: Option<Vec<Supplier>>,
    #[serde(rename = "supplier-addresses", default, skip_serializing_if = "Option::is_none")]
    pub supplier_addresses: Option<Vec<serde_json::Value>>,
    #[serde(rename = "supplier-classification-detail", default, skip_serializing_if = "Option::is_none")]
    pub supplier_classification_detail: Option<serde_json::Value>,
    #[serde(rename = "supplier-community-enablement", default, skip_serializing_if = "Option::is_none")]
    pub supplier_community_enablement: Option<i64>,
    #[serde(rename = "supplier-enterprise-detail", default, skip_serializing_if = "Option::is_none")]
    pub supplier_enterprise_detail: Option<serde_json::Value>,
    #[serde(rename = "supplier-insurance-detail", default, skip_serializing_if = "Option::is_none")]
    pub supplier_insurance_detail: Option<serde_json::Value>,
    #[serde(rename = "supplier-risk-detail", default, skip_serializing_if = "Option::is_none")]
    pub supplier_risk_detail: Option<serde_json::Value>,
    #[serde(rename = "supplier-sites", default, skip_serializing_if = "Option::is_none")]
    pub supplier_sites: Option<Vec<Supplier>>,
    #[serde(rename = "supplier-tax-detail", default, skip_serializing_if = "Option::is_none")]
    pub supplier_tax_detail: Option<serde_json::Value>,
    #[serde(rename = "taggings", default, skip_serializing_if = "Option::is_none")]
    pub taggings: Option<Vec<serde_json::Value>>,
    #[serde(rename = "tax-code", default, skip_serializing_if = "Option::is_none")]
    pub tax_code: Option<serde_json::Value>,
    #[serde(rename = "tax-id", default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "website", default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(rename = "whitelist-dd", default, skip_serializing_if = "Option::is_none")]
    pub whitelist_dd: Option<bool>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `coupa/account`: 30 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct Account {
    #[serde(rename = "account-type", default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<serde_json::Value>,
    #[serde(rename = "account-type-id", default, skip_serializing_if = "Option::is_none")]
    pub account_type_id: Option<i64>,
    #[serde(rename = "active", default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(rename = "code", default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(rename = "created-at", default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<jiff::Timestamp>,
    #[serde(rename = "created-by", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<serde_json::Value>,
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "segment-1", default, skip_serializing_if = "Option::is_none")]
    pub segment_1: Option<String>,
    #[serde(rename = "segment-10", default, skip_serializing_if = "Option::is_none")]
    pub segment_10: Option<String>,
    #[serde(rename = "segment-11", default, skip_serializing_if = "Option::is_none")]
    pub segment_11: Option<String>,
    #[serde(rename = "segment-12", default, skip_serializing_if = "Option::is_none")]
    pub segment_12: Option<String>,
    #[serde(rename = "segment-13", default, skip_serializing_if = "Option::is_none")]
    pub segment_13: Option<String>,
    #[serde(rename = "segment-14", default, skip_serializing_if = "Option::is_none")]
    pub segment_14: Option<String>,
    #[serde(rename = "segment-15", default, skip_serializing_if = "Option::is_none")]
    pub segment_15: Option<String>,
    #[serde(rename = "segment-16", default, skip_serializing_if = "Option::is_none")]
    pub segment_16: Option<String>,
    #[serde(rename = "segment-17", default, skip_serializing_if = "Option::is_none")]
    pub segment_17: Option<String>,
    #[serde(rename = "segment-18", default, skip_serializing_if = "Option::is_none")]
    pub segment_18: Option<String>,
    #[serde(rename = "segment-19", default, skip_serializing_if = "Option::is_none")]
    pub segment_19: Option<String>,
    #[serde(rename = "segment-2", default, skip_serializing_if = "Option::is_none")]
    pub segment_2: Option<String>,
    #[serde(rename = "segment-20", default, skip_serializing_if = "Option::is_none")]
    pub segment_20: Option<String>,
    #[serde(rename = "segment-3", default, skip_serializing_if = "Option::is_none")]
    pub segment_3: Option<String>,
    #[serde(rename = "segment-4", default, skip_serializing_if = "Option::is_none")]
    pub segment_4: Option<String>,
    #[serde(rename = "segment-5", default, skip_serializing_if = "Option::is_none")]
    pub segment_5: Option<String>,
    #[serde(rename = "segment-6", default, skip_serializing_if = "Option::is_none")]
    pub segment_6: Option<String>,
    #[serde(rename = "segment-7", default, skip_serializing_if = "Option::is_none")]
    pub segment_7: Option<String>,
    #[serde(rename = "segment-8", default, skip_serializing_if = "Option::is_none")]
    pub segment_8: Option<String>,
    #[serde(rename = "segment-9", default, skip_serializing_if = "Option::is_none")]
    pub segment_9: Option<String>,
    #[serde(rename = "updated-at", default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<jiff::Timestamp>,
    #[serde(rename = "updated-by", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<serde_json::Value>,
    #[serde(rename = "custom-fields", default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `flexi/faktura-vydana`: 193 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct FakturaVydana {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "id@ref", default, skip_serializing_if = "Option::is_none")]
    pub id_ref: Option<String>,
    #[serde(rename = "id@showAs", default, skip_serializing_if = "Option::is_none")]
    pub id_show_as: Option<String>,
    #[serde(rename = "id@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub id_if_not_found: Option<String>,
    #[serde(rename = "id@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub id_previous_value: Option<String>,
    #[serde(rename = "lastUpdate", default, skip_serializing_if = "Option::is_none")]
    pub last_update: Option<String>,
    #[serde(rename = "updatedBy", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    #[serde(rename = "updatedBy@ref", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_ref: Option<String>,
    #[serde(rename = "updatedBy@showAs", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_show_as: Option<String>,
    #[serde(rename = "updatedBy@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_if_not_found: Option<String>,
    #[serde(rename = "updatedBy@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_previous_value: Option<String>,
    #[serde(rename = "createdBy", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(rename = "createdBy@ref", default, skip_serializing_if = "Option::is_none")]
    pub created_by_ref: Option<String>,
    #[serde(rename = "createdBy@showAs", default, skip_serializing_if = "Option::is_none")]
    pub created_by_show_as: Option<String>,
    #[serde(rename = "createdBy@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub created_by_if_not_found: Option<String>,
    #[serde(rename = "createdBy@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub created_by_previous_value: Option<String>,
    #[serde(rename = "createdDate", default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    #[serde(rename = "kod", default, skip_serializing_if = "Option::is_none")]
    pub kod: Option<String>,
    #[serde(rename = "zamekK", default, skip_serializing_if = "Option::is_none")]
    pub zamek_k: Option<String>,
    #[serde(rename = "cisDosle", default, skip_serializing_if = "Option::is_none")]
    pub cis_dosle: Option<String>,
    #[serde(rename = "varSym", default, skip_serializing_if = "Option::is_none")]
    pub var_sym: Option<String>,
    #[serde(rename = "cisSml", default, skip_serializing_if = "Option::is_none")]
    pub cis_sml: Option<String>,
    #[serde(rename = "cisObj", default, skip_serializing_if = "Option::is_none")]
    pub cis_obj: Option<String>,
    #[serde(rename = "datObj", default, skip_serializing_if = "Option::is_none")]
    pub dat_obj: Option<String>,
    #[serde(rename = "cisDodak", default, skip_serializing_if = "Option::is_none")]
    pub cis_dodak: Option<String>,
    #[serde(rename = "doprava", default, skip_serializing_if = "Option::is_none")]
    pub doprava: Option<String>,
    #[serde(rename = "datVyst", default, skip_serializing_if = "Option::is_none")]
    pub dat_vyst: Option<String>,
    #[serde(rename = "duzpPuv", default, skip_serializing_if = "Option::is_none")]
    pub duzp_puv: Option<String>,
    #[serde(rename = "duzpUcto", default, skip_serializing_if = "Option::is_none")]
    pub duzp_ucto: Option<String>,
    #[serde(rename = "datSplat", default, skip_serializing_if = "Option::is_none")]
    pub dat_splat: Option<String>,
    #[serde(rename = "datUhr", default, skip_serializing_if = "Option::is_none")]
    pub dat_uhr: Option<String>,
    #[serde(rename = "datTermin", default, skip_serializing_if = "Option::is_none")]
    pub dat_termin: Option<String>,
    #[serde(rename = "datReal", default, skip_serializing_if = "Option::is_none")]
    pub dat_real: Option<String>,
    #[serde(rename = "datSazbyDph", default, skip_serializing_if = "Option::is_none")]
    pub dat_sazby_dph: Option<String>,
    #[serde(rename = "popis", default, skip_serializing_if = "Option::is_none")]
    pub popis: Option<String>,
    #[serde(rename = "poznam", default, skip_serializing_if = "Option::is_none")]
    pub poznam: Option<String>,
    #[serde(rename = "uvodTxt", default, skip_serializing_if = "Option::is_none")]
    pub uvod_txt: Option<String>,
    #[serde(rename = "zavTxt", default, skip_serializing_if = "Option::is_none")]
    pub zav_txt: Option<String>,
    #[serde(rename = "sumOsv", default, skip_serializing_if = "Option::is_none")]
    pub sum_osv: Option<String>,
    #[serde(rename = "sumZklSniz", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_sniz: Option<String>,
    #[serde(rename = "sumZklSniz2", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_sniz2: Option<String>,
    #[serde(rename = "sumZklZakl", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_zakl: Option<String>,
    #[serde(rename = "sumZklCelkem", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_celkem: Option<String>,
    #[serde(rename = "sumDphSniz", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_sniz: Option<String>,
    #[serde(rename = "sumDphSniz2", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_sniz2: Option<String>,
    #[serde(rename = "sumDphZakl", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_zakl: Option<String>,
    #[serde(rename = "sumDphCelkem", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_celkem: Option<String>,
    #[serde(rename = "sumCelkSniz", default, skip_serializing_if = "Option::is_none")]
    pub sum_celk_sniz: Option<String>,
    #[serde(rename = "sumCelkSniz2", default, skip_serializing_if = "Option::is_none")]
    pub sum_celk_sniz2: Option<String>,
    #[serde(rename = "sumCelkZakl", default, skip_serializing_if = "Option::is_none")]
    pub sum_celk_zakl: Option<String>,
    #[serde(rename = "sumCelkem", default, skip_serializing_if = "Option::is_none")]
    pub sum_celkem: Option<String>,
    #[serde(rename = "sumOsvMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_osv_men: Option<String>,
    #[serde(rename = "sumZklSnizMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_sniz_men: Option<String>,
    #[serde(rename = "sumZklSniz2Men", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_sniz2_men: Option<String>,
    #[serde(rename = "sumZklZaklMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_zakl_men: Option<String>,
    #[serde(rename = "sumZklCelkemMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_celkem_men: Option<String>,
    #[serde(rename = "sumDphZaklMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_zakl_men: Option<String>,
    #[serde(rename = "sumDphSnizMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_sniz_men: Option<String>,
    #[serde(rename = "sumDphSniz2Men", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_sniz2_men: Option<String>,
    #[serde(rename = "sumDphCelkemMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_celkem_men: Option<String>,
    #[serde(rename = "sumCelkSnizMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_celk_sniz_men: Option<String>,
    #[serde(rename = "sumCelkSniz2Men", default, skip_serializing_if = "Option::is_none")]
    pub sum_celk_sniz2_men: Option<String>,
    #[serde(rename = "sumCelkZaklMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_celk_zakl_men: Option<String>,
    #[serde(rename = "sumCelkemMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_celkem_men: Option<String>,
    #[serde(rename = "sumNaklady", default, skip_serializing_if = "Option::is_none")]
    pub sum_naklady: Option<String>,
    #[serde(rename = "slevaDokl", default, skip_serializing_if = "Option::is_none")]
    pub sleva_dokl: Option<String>,
    #[serde(rename = "kurz", default, skip_serializing_if = "Option::is_none")]
    pub kurz: Option<String>,
    #[serde(rename = "kurzMnozstvi", default, skip_serializing_if = "Option::is_none")]
    pub kurz_mnozstvi: Option<String>,
    #[serde(rename = "stavUzivK", default, skip_serializing_if = "Option::is_none")]
    pub stav_uziv_k: Option<String>,
    #[serde(rename = "nazFirmy", default, skip_serializing_if = "Option::is_none")]
    pub naz_firmy: Option<String>,
    #[serde(rename = "ulice", default, skip_serializing_if = "Option::is_none")]
    pub ulice: Option<String>,
    #[serde(rename = "mesto", default, skip_serializing_if = "Option::is_none")]
    pub mesto: Option<String>,
    #[serde(rename = "psc", default, skip_serializing_if = "Option::is_none")]
    pub psc: Option<String>,
    #[serde(rename = "eanKod", default, skip_serializing_if = "Option::is_none")]
    pub ean_kod: Option<String>,
    #[serde(rename = "ic", default, skip_serializing_if = "Option::is_none")]
    pub ic: Option<String>,
    #[serde(rename = "dic", default, skip_serializing_if = "Option::is_none")]
    pub dic: Option<String>,
    #[serde(rename = "pocetPriloh", default, skip_serializing_if = "Option::is_none")]
    pub pocet_priloh: Option<String>,
    #[serde(rename = "postovniShodna", default, skip_serializing_if = "Option::is_none")]
    pub postovni_shodna: Option<String>,
    #[serde(rename = "faNazev", default, skip_serializing_if = "Option::is_none")]
    pub fa_nazev: Option<String>,
    #[serde(rename = "faNazev2", default, skip_serializing_if = "Option::is_none")]
    pub fa_nazev2: Option<String>,
    #[serde(rename = "faUlice", default, skip_serializing_if = "Option::is_none")]
    pub fa_ulice: Option<String>,
    #[serde(rename = "faMesto", default, skip_serializing_if = "Option::is_none")]
    pub fa_mesto: Option<String>,
    #[serde(rename = "faPsc", default, skip_serializing_if = "Option::is_none")]
    pub fa_psc: Option<String>,
    #[serde(rename = "faEanKod", default, skip_serializing_if = "Option::is_none")]
    pub fa_ean_kod: Option<String>,
    #[serde(rename = "buc", default, skip_serializing_if = "Option::is_none")]
    pub buc: Option<String>,
    #[serde(rename = "iban", default, skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    #[serde(rename = "bic", default, skip_serializing_if = "Option::is_none")]
    pub bic: Option<String>,
    #[serde(rename = "specSym", default, skip_serializing_if = "Option::is_none")]
    pub spec_sym: Option<String>,
    #[serde(rename = "bezPolozek", default, skip_serializing_if = "Option::is_none")]
    pub bez_polozek: Option<String>,
    #[serde(rename = "ucetni", default, skip_serializing_if = "Option::is_none")]
    pub ucetni: Option<String>,
    #[serde(rename = "szbDphSniz", default, skip_serializing_if = "Option::is_none")]
    pub szb_dph_sniz: Option<String>,
    #[serde(rename = "szbDphSniz2", default, skip_serializing_if = "Option::is_none")]
    pub szb_dph_sniz2: Option<String>,
    #[serde(rename = "szbDphZakl", default, skip_serializing_if = "Option::is_none")]
    pub szb_dph_zakl: Option<String>,
    #[serde(rename = "uzpTuzemsko", default, skip_serializing_if = "Option::is_none")]
    pub uzp_tuzemsko: Option<String>,
    #[serde(rename = "zuctovano", default, skip_serializing_if = "Option::is_none")]
    pub zuctovano: Option<String>,
    #[serde(rename = "datUcto", default, skip_serializing_if = "Option::is_none")]
    pub dat_ucto: Option<String>,
    #[serde(rename = "vyloucitSaldo", default, skip_serializing_if = "Option::is_none")]
    pub vyloucit_saldo: Option<String>,
    #[serde(rename = "storno", default, skip_serializing_if = "Option::is_none")]
    pub storno: Option<String>,
    #[serde(rename = "zaokrJakSumK", default, skip_serializing_if = "Option::is_none")]
    pub zaokr_jak_sum_k: Option<String>,
    #[serde(rename = "zaokrNaSumK", default, skip_serializing_if = "Option::is_none")]
    pub zaokr_na_sum_k: Option<String>,
    #[serde(rename = "zaokrJakDphK", default, skip_serializing_if = "Option::is_none")]
    pub zaokr_jak_dph_k: Option<String>,
    #[serde(rename = "zaokrNaDphK", default, skip_serializing_if = "Option::is_none")]
    pub zaokr_na_dph_k: Option<String>,
    #[serde(rename = "metodaZaokrDoklK", default, skip_serializing_if = "Option::is_none")]
    pub metoda_zaokr_dokl_k: Option<String>,
    #[serde(rename = "vytvaretKorPol", default, skip_serializing_if = "Option::is_none")]
    pub vytvaret_kor_pol: Option<String>,
    #[serde(rename = "stitky", default, skip_serializing_if = "Option::is_none")]
    pub stitky: Option<String>,
    #[serde(rename = "typDokl", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl: Option<String>,
    #[serde(rename = "typDokl@ref", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_ref: Option<String>,
    #[serde(rename = "typDokl@showAs", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_show_as: Option<String>,
    #[serde(rename = "typDokl@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_if_not_found: Option<String>,
    #[serde(rename = "typDokl@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_previous_value: Option<String>,
    #[serde(rename = "mena", default, skip_serializing_if = "Option::is_none")]
    pub mena: Option<String>,
    #[serde(rename = "mena@ref", default, skip_serializing_if = "Option::is_none")]
    pub mena_ref: Option<String>,
    #[serde(rename = "mena@showAs", default, skip_serializing_if = "Option::is_none")]
    pub mena_show_as: Option<String>,
    #[serde(rename = "mena@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub mena_if_not_found: Option<String>,
    #[serde(rename = "mena@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub mena_previous_value: Option<String>,
    #[serde(rename = "konSym", default, skip_serializing_if = "Option::is_none")]
    pub kon_sym: Option<String>,
    #[serde(rename = "konSym@ref", default, skip_serializing_if = "Option::is_none")]
    pub kon_sym_ref: Option<String>,
    #[serde(rename = "konSym@showAs", default, skip_serializing_if = "Option::is_none")]
    pub kon_sym_show_as: Option<String>,
    #[serde(rename = "konSym@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub kon_sym_if_not_found: Option<String>,
    #[serde(rename = "konSym@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub kon_sym_previous_value: Option<String>,
    #[serde(rename = "firma", default, skip_serializing_if = "Option::is_none")]
    pub firma: Option<String>,
    #[serde(rename = "firma@ref", default, skip_serializing_if = "Option::is_none")]
    pub firma_ref: Option<String>,
    #[serde(rename = "firma@showAs", default, skip_serializing_if = "Option::is_none")]
    pub firma_show_as: Option<String>,
    #[serde(rename = "firma@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub firma_if_not_found: Option<String>,
    #[serde(rename = "firma@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub firma_previous_value: Option<String>,
    #[serde(rename = "stat", default, skip_serializing_if = "Option::is_none")]
    pub stat: Option<String>,
    #[serde(rename = "stat@ref", default, skip_serializing_if = "Option::is_none")]
    pub stat_ref: Option<String>,
    #[serde(rename = "stat@showAs", default, skip_serializing_if = "Option::is_none")]
    pub stat_show_as: Option<String>,
    #[serde(rename = "stat@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub stat_if_not_found: Option<String>,
    #[serde(rename = "stat@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub stat_previous_value: Option<String>,
    #[serde(rename = "faStat", default, skip_serializing_if = "Option::is_none")]
    pub fa_stat: Option<String>,
    #[serde(rename = "faStat@ref", default, skip_serializing_if = "Option::is_none")]
    pub fa_stat_ref: Option<String>,
    #[serde(rename = "faStat@showAs", default, skip_serializing_if = "Option::is_none")]
    pub fa_stat_show_as: Option<String>,
    #[serde(rename = "faStat@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub fa_stat_if_not_found: Option<String>,
    #[serde(rename = "faStat@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub fa_stat_previous_value: Option<String>,
    #[serde(rename = "region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(rename = "region@ref", default, skip_serializing_if = "Option::is_none")]
    pub region_ref: Option<String>,
    #[serde(rename = "region@showAs", default, skip_serializing_if = "Option::is_none")]
    pub region_show_as: Option<String>,
    #[serde(rename = "region@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub region_if_not_found: Option<String>,
    #[serde(rename = "region@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub region_previous_value: Option<String>,
    #[serde(rename = "faRegion", default, skip_serializing_if = "Option::is_none")]
    pub fa_region: Option<String>,
    #[serde(rename = "faRegion@ref", default, skip_serializing_if = "Option::is_none")]
    pub fa_region_ref: Option<String>,
    #[serde(rename = "faRegion@showAs", default, skip_serializing_if = "Option::is_none")]
    pub fa_region_show_as: Option<String>,
    #[serde(rename = "faRegion@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub fa_region_if_not_found: Option<String>,
    #[serde(rename = "faRegion@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub fa_region_previous_value: Option<String>,
    #[serde(rename = "mistUrc", default, skip_serializing_if = "Option::is_none")]
    pub mist_urc: Option<String>,
    #[serde(rename = "mistUrc@ref", default, skip_serializing_if = "Option::is_none")]
    pub mist_urc_ref: Option<String>,
    #[serde(rename = "mistUrc@showAs", default, skip_serializing_if = "Option::is_none")]
    pub mist_urc_show_as: Option<String>,
    #[serde(rename = "mistUrc@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub mist_urc_if_not_found: Option<String>,
    #[serde(rename = "mistUrc@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub mist_urc_previous_value: Option<String>,
    #[serde(rename = "banSpojDod", default, skip_serializing_if = "Option::is_none")]
    pub ban_spoj_dod: Option<String>,
    #[serde(rename = "banSpojDod@ref", default, skip_serializing_if = "Option::is_none")]
    pub ban_spoj_dod_ref: Option<String>,
    #[serde(rename = "banSpojDod@showAs", default, skip_serializing_if = "Option::is_none")]
    pub ban_spoj_dod_show_as: Option<String>,
    #[serde(rename = "banSpojDod@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub ban_spoj_dod_if_not_found: Option<String>,
    #[serde(rename = "banSpojDod@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub ban_spoj_dod_previous_value: Option<String>,
    #[serde(rename = "bankovniUcet", default, skip_serializing_if = "Option::is_none")]
    pub bankovni_ucet: Option<String>,
    #[serde(rename = "bankovniUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub bankovni_ucet_ref: Option<String>,
    #[serde(rename = "bankovniUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub bankovni_ucet_show_as: Option<String>,
    #[serde(rename = "bankovniUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub bankovni_ucet_if_not_found: Option<String>,
    #[serde(rename = "bankovniUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub bankovni_ucet_previous_value: Option<String>,
    #[serde(rename = "typDoklSkl", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_skl: Option<String>,
    #[serde(rename = "typDoklSkl@ref", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_skl_ref: Option<String>,
    #[serde(rename = "typDoklSkl@showAs", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_skl_show_as: Option<String>,
    #[serde(rename = "typDoklSkl@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_skl_if_not_found: Option<String>,
    #[serde(rename = "typDoklSkl@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub typ_dokl_skl_previous_value: Option<String>,
    #[serde(rename = "typUcOp", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op: Option<String>,
    #[serde(rename = "typUcOp@ref", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_ref: Option<String>,
    #[serde(rename = "typUcOp@showAs", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_show_as: Option<String>,
    #[serde(rename = "typUcOp@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_if_not_found: Option<String>,
    #[serde(rename = "typUcOp@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_previous_value: Option<String>,
    #[serde(rename = "primUcet", default, skip_serializing_if = "Option::is_none")]
    pub prim_ucet: Option<String>,
    #[serde(rename = "primUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub prim_ucet_ref: Option<String>,
    #[serde(rename = "primUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub prim_ucet_show_as: Option<String>,
    #[serde(rename = "primUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub prim_ucet_if_not_found: Option<String>,
    #[serde(rename = "primUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub prim_ucet_previous_value: Option<String>,
    #[serde(rename = "protiUcet", default, skip_serializing_if = "Option::is_none")]
    pub proti_ucet: Option<String>,
    #[serde(rename = "protiUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub proti_ucet_ref: Option<String>,
    #[serde(rename = "protiUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub proti_ucet_show_as: Option<String>,
    #[serde(rename = "protiUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub proti_ucet_if_not_found: Option<String>,
    #[serde(rename = "protiUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub proti_ucet_previous_value: Option<String>,
    #[serde(rename = "dphZaklUcet", default, skip_serializing_if = "Option::is_none")]
    pub dph_zakl_ucet: Option<String>,
    #[serde(rename = "dphZaklUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub dph_zakl_ucet_ref: Option<String>,
    #[serde(rename = "dphZaklUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dph_zakl_ucet_show_as: Option<String>,
    #[serde(rename = "dphZaklUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dph_zakl_ucet_if_not_found: Option<String>,
    #[serde(rename = "dphZaklUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dph_zakl_ucet_previous_value: Option<String>,
    #[serde(rename = "dphSnizUcet", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz_ucet: Option<String>,
    #[serde(rename = "dphSnizUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz_ucet_ref: Option<String>,
    #[serde(rename = "dphSnizUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz_ucet_show_as: Option<String>,
    #[serde(rename = "dphSnizUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz_ucet_if_not_found: Option<String>,
    #[serde(rename = "dphSnizUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz_ucet_previous_value: Option<String>,
    #[serde(rename = "dphSniz2Ucet", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz2_ucet: Option<String>,
    #[serde(rename = "dphSniz2Ucet@ref", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz2_ucet_ref: Option<String>,
    #[serde(rename = "dphSniz2Ucet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz2_ucet_show_as: Option<String>,
    #[serde(rename = "dphSniz2Ucet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz2_ucet_if_not_found: Option<String>,
    #[serde(rename = "dphSniz2Ucet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dph_sniz2_ucet_previous_value: Option<String>,
    #[serde(rename = "smerKod", default, skip_serializing_if = "Option::is_none")]
    pub smer_kod: Option<String>,
    #[serde(rename = "smerKod@ref", default, skip_serializing_if = "Option::is_none")]
    pub smer_kod_ref: Option<String>,
    #[serde(rename = "smerKod@showAs", default, skip_serializing_if = "Option::is_none")]
    pub smer_kod_show_as: Option<String>,
    #[serde(rename = "smerKod@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub smer_kod_if_not_found: Option<String>,
    #[serde(rename = "smerKod@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub smer_kod_previous_value: Option<String>,
    #[serde(rename = "statDph", default, skip_serializing_if = "Option::is_none")]
    pub stat_dph: Option<String>,
    #[serde(rename = "statDph@ref", default, skip_serializing_if = "Option::is_none")]
    pub stat_dph_ref: Option<String>,
    #[serde(rename = "statDph@showAs", default, skip_serializing_if = "Option::is_none")]
    pub stat_dph_show_as: Option<String>,
    #[serde(rename = "statDph@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub stat_dph_if_not_found: Option<String>,
    #[serde(rename = "statDph@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub stat_dph_previous_value: Option<String>,
    #[serde(rename = "clenDph", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph: Option<String>,
    #[serde(rename = "clenDph@ref", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_ref: Option<String>,
    #[serde(rename = "clenDph@showAs", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_show_as: Option<String>,
    #[serde(rename = "clenDph@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_if_not_found: Option<String>,
    #[serde(rename = "clenDph@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_previous_value: Option<String>,
    #[serde(rename = "stredisko", default, skip_serializing_if = "Option::is_none")]
    pub stredisko: Option<String>,
    #[serde(rename = "stredisko@ref", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_ref: Option<String>,
    #[serde(rename = "stredisko@showAs", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_show_as: Option<String>,
    #[serde(rename = "stredisko@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_if_not_found: Option<String>,
    #[serde(rename = "stredisko@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_previous_value: Option<String>,
    #[serde(rename = "cinnost", default, skip_serializing_if = "Option::is_none")]
    pub cinnost: Option<String>,
    #[serde(rename = "cinnost@ref", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_ref: Option<String>,
    #[serde(rename = "cinnost@showAs", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_show_as: Option<String>,
    #[serde(rename = "cinnost@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_if_not_found: Option<String>,
    #[serde(rename = "cinnost@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_previous_value: Option<String>,
    #[serde(rename = "zakazka", default, skip_serializing_if = "Option::is_none")]
    pub zakazka: Option<String>,
    #[serde(rename = "zakazka@ref", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_ref: Option<String>,
    #[serde(rename = "zakazka@showAs", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_show_as: Option<String>,
    #[serde(rename = "zakazka@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_if_not_found: Option<String>,
    #[serde(rename = "zakazka@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_previous_value: Option<String>,
    #[serde(rename = "statOdesl", default, skip_serializing_if = "Option::is_none")]
    pub stat_odesl: Option<String>,
    #[serde(rename = "statOdesl@ref", default, skip_serializing_if = "Option::is_none")]
    pub stat_odesl_ref: Option<String>,
    #[serde(rename = "statOdesl@showAs", default, skip_serializing_if = "Option::is_none")]
    pub stat_odesl_show_as: Option<String>,
    #[serde(rename = "statOdesl@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub stat_odesl_if_not_found: Option<String>,
    #[serde(rename = "statOdesl@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub stat_odesl_previous_value: Option<String>,
    #[serde(rename = "statUrc", default, skip_serializing_if = "Option::is_none")]
    pub stat_urc: Option<String>,
    #[serde(rename = "statUrc@ref", default, skip_serializing_if = "Option::is_none")]
    pub stat_urc_ref: Option<String>,
    #[serde(rename = "statUrc@showAs", default, skip_serializing_if = "Option::is_none")]
    pub stat_urc_show_as: Option<String>,
    #[serde(rename = "statUrc@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub stat_urc_if_not_found: Option<String>,
    #[serde(rename = "statUrc@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub stat_urc_previous_value: Option<String>,
    #[serde(rename = "statPuvod", default, skip_serializing_if = "Option::is_none")]
    pub stat_puvod: Option<String>,
    #[serde(rename = "statPuvod@ref", default, skip_serializing_if = "Option::is_none")]
    pub stat_puvod_ref: Option<String>,
    #[serde(rename = "statPuvod@showAs", default, skip_serializing_if = "Option::is_none")]
    pub stat_puvod_show_as: Option<String>,
    #[serde(rename = "statPuvod@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub stat_puvod_if_not_found: Option<String>,
    #[serde(rename = "statPuvod@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub stat_puvod_previous_value: Option<String>,
    #[serde(rename = "dodPodm", default, skip_serializing_if = "Option::is_none")]
    pub dod_podm: Option<String>,
    #[serde(rename = "dodPodm@ref", default, skip_serializing_if = "Option::is_none")]
    pub dod_podm_ref: Option<String>,
    #[serde(rename = "dodPodm@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dod_podm_show_as: Option<String>,
    #[serde(rename = "dodPodm@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dod_podm_if_not_found: Option<String>,
    #[serde(rename = "dodPodm@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dod_podm_previous_value: Option<String>,
    #[serde(rename = "obchTrans", default, skip_serializing_if = "Option::is_none")]
    pub obch_trans: Option<String>,
    #[serde(rename = "obchTrans@ref", default, skip_serializing_if = "Option::is_none")]
    pub obch_trans_ref: Option<String>,
    #[serde(rename = "obchTrans@showAs", default, skip_serializing_if = "Option::is_none")]
    pub obch_trans_show_as: Option<String>,
    #[serde(rename = "obchTrans@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub obch_trans_if_not_found: Option<String>,
    #[serde(rename = "obchTrans@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub obch_trans_previous_value: Option<String>,
    #[serde(rename = "druhDopr", default, skip_serializing_if = "Option::is_none")]
    pub druh_dopr: Option<String>,
    #[serde(rename = "druhDopr@ref", default, skip_serializing_if = "Option::is_none")]
    pub druh_dopr_ref: Option<String>,
    #[serde(rename = "druhDopr@showAs", default, skip_serializing_if = "Option::is_none")]
    pub druh_dopr_show_as: Option<String>,
    #[serde(rename = "druhDopr@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub druh_dopr_if_not_found: Option<String>,
    #[serde(rename = "druhDopr@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub druh_dopr_previous_value: Option<String>,
    #[serde(rename = "zvlPoh", default, skip_serializing_if = "Option::is_none")]
    pub zvl_poh: Option<String>,
    #[serde(rename = "zvlPoh@ref", default, skip_serializing_if = "Option::is_none")]
    pub zvl_poh_ref: Option<String>,
    #[serde(rename = "zvlPoh@showAs", default, skip_serializing_if = "Option::is_none")]
    pub zvl_poh_show_as: Option<String>,
    #[serde(rename = "zvlPoh@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub zvl_poh_if_not_found: Option<String>,
    #[serde(rename = "zvlPoh@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub zvl_poh_previous_value: Option<String>,
    #[serde(rename = "krajUrc", default, skip_serializing_if = "Option::is_none")]
    pub kraj_urc: Option<String>,
    #[serde(rename = "krajUrc@ref", default, skip_serializing_if = "Option::is_none")]
    pub kraj_urc_ref: Option<String>,
    #[serde(rename = "krajUrc@showAs", default, skip_serializing_if = "Option::is_none")]
    pub kraj_urc_show_as: Option<String>,
    #[serde(rename = "krajUrc@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub kraj_urc_if_not_found: Option<String>,
    #[serde(rename = "krajUrc@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub kraj_urc_previous_value: Option<String>,
    #[serde(rename = "uzivatel", default, skip_serializing_if = "Option::is_none")]
    pub uzivatel: Option<String>,
    #[serde(rename = "uzivatel@ref", default, skip_serializing_if = "Option::is_none")]
    pub uzivatel_ref: Option<String>,
    #[serde(rename = "uzivatel@showAs", default, skip_serializing_if = "Option::is_none")]
    pub uzivatel_show_as: Option<String>,
    #[serde(rename = "uzivatel@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub uzivatel_if_not_found: Option<String>,
    #[serde(rename = "uzivatel@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub uzivatel_previous_value: Option<String>,
    #[serde(rename = "zodpOsoba", default, skip_serializing_if = "Option::is_none")]
    pub zodp_osoba: Option<String>,
    #[serde(rename = "zodpOsoba@ref", default, skip_serializing_if = "Option::is_none")]
    pub zodp_osoba_ref: Option<String>,
    #[serde(rename = "zodpOsoba@showAs", default, skip_serializing_if = "Option::is_none")]
    pub zodp_osoba_show_as: Option<String>,
    #[serde(rename = "zodpOsoba@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub zodp_osoba_if_not_found: Option<String>,
    #[serde(rename = "zodpOsoba@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub zodp_osoba_previous_value: Option<String>,
    #[serde(rename = "kontaktOsoba", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_osoba: Option<String>,
    #[serde(rename = "kontaktOsoba@ref", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_osoba_ref: Option<String>,
    #[serde(rename = "kontaktOsoba@showAs", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_osoba_show_as: Option<String>,
    #[serde(rename = "kontaktOsoba@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_osoba_if_not_found: Option<String>,
    #[serde(rename = "kontaktOsoba@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_osoba_previous_value: Option<String>,
    #[serde(rename = "kontaktJmeno", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_jmeno: Option<String>,
    #[serde(rename = "kontaktEmail", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_email: Option<String>,
    #[serde(rename = "kontaktTel", default, skip_serializing_if = "Option::is_none")]
    pub kontakt_tel: Option<String>,
    #[serde(rename = "rada", default, skip_serializing_if = "Option::is_none")]
    pub rada: Option<String>,
    #[serde(rename = "rada@ref", default, skip_serializing_if = "Option::is_none")]
    pub rada_ref: Option<String>,
    #[serde(rename = "rada@showAs", default, skip_serializing_if = "Option::is_none")]
    pub rada_show_as: Option<String>,
    #[serde(rename = "rada@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub rada_if_not_found: Option<String>,
    #[serde(rename = "rada@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub rada_previous_value: Option<String>,
    #[serde(rename = "sazbaDphOsv", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_osv: Option<String>,
    #[serde(rename = "sazbaDphOsv@ref", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_osv_ref: Option<String>,
    #[serde(rename = "sazbaDphOsv@showAs", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_osv_show_as: Option<String>,
    #[serde(rename = "sazbaDphOsv@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_osv_if_not_found: Option<String>,
    #[serde(rename = "sazbaDphOsv@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_osv_previous_value: Option<String>,
    #[serde(rename = "sazbaDphSniz", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz: Option<String>,
    #[serde(rename = "sazbaDphSniz@ref", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz_ref: Option<String>,
    #[serde(rename = "sazbaDphSniz@showAs", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz_show_as: Option<String>,
    #[serde(rename = "sazbaDphSniz@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz_if_not_found: Option<String>,
    #[serde(rename = "sazbaDphSniz@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz_previous_value: Option<String>,
    #[serde(rename = "sazbaDphSniz2", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz2: Option<String>,
    #[serde(rename = "sazbaDphSniz2@ref", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz2_ref: Option<String>,
    #[serde(rename = "sazbaDphSniz2@showAs", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz2_show_as: Option<String>,
    #[serde(rename = "sazbaDphSniz2@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz2_if_not_found: Option<String>,
    #[serde(rename = "sazbaDphSniz2@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_sniz2_previous_value: Option<String>,
    #[serde(rename = "sazbaDphZakl", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_zakl: Option<String>,
    #[serde(rename = "sazbaDphZakl@ref", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_zakl_ref: Option<String>,
    #[serde(rename = "sazbaDphZakl@showAs", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_zakl_show_as: Option<String>,
    #[serde(rename = "sazbaDphZakl@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_zakl_if_not_found: Option<String>,
    #[serde(rename = "sazbaDphZakl@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_zakl_previous_value: Option<String>,
    #[serde(rename = "smlouva", default, skip_serializing_if = "Option::is_none")]
    pub smlouva: Option<String>,
    #[serde(rename = "smlouva@ref", default, skip_serializing_if = "Option::is_none")]
    pub smlouva_ref: Option<String>,
    #[serde(rename = "smlouva@showAs", default, skip_serializing_if = "Option::is_none")]
    pub smlouva_show_as: Option<String>,
    #[serde(rename = "smlouva@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub smlouva_if_not_found: Option<String>,
    #[serde(rename = "smlouva@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub smlouva_previous_value: Option<String>,
    #[serde(rename = "formaDopravy", default, skip_serializing_if = "Option::is_none")]
    pub forma_dopravy: Option<String>,
    #[serde(rename = "formaDopravy@ref", default, skip_serializing_if = "Option::is_none")]
    pub forma_dopravy_ref: Option<String>,
    #[serde(rename = "formaDopravy@showAs", default, skip_serializing_if = "Option::is_none")]
    pub forma_dopravy_show_as: Option<String>,
    #[serde(rename = "formaDopravy@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub forma_dopravy_if_not_found: Option<String>,
    #[serde(rename = "formaDopravy@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub forma_dopravy_previous_value: Option<String>,
    #[serde(rename = "uuid", default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(rename = "ekokomK", default, skip_serializing_if = "Option::is_none")]
    pub ekokom_k: Option<String>,
    #[serde(rename = "balikPocet", default, skip_serializing_if = "Option::is_none")]
    pub balik_pocet: Option<String>,
    #[serde(rename = "branchId", default, skip_serializing_if = "Option::is_none")]
    pub branch_id: Option<String>,
    #[serde(rename = "balikZacislovan", default, skip_serializing_if = "Option::is_none")]
    pub balik_zacislovan: Option<String>,
    #[serde(rename = "balikVytvXml", default, skip_serializing_if = "Option::is_none")]
    pub balik_vytv_xml: Option<String>,
    #[serde(rename = "clenKonVykDph", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph: Option<String>,
    #[serde(rename = "clenKonVykDph@ref", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_ref: Option<String>,
    #[serde(rename = "clenKonVykDph@showAs", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_show_as: Option<String>,
    #[serde(rename = "clenKonVykDph@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_if_not_found: Option<String>,
    #[serde(rename = "clenKonVykDph@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_previous_value: Option<String>,
    #[serde(rename = "datUp1", default, skip_serializing_if = "Option::is_none")]
    pub dat_up1: Option<String>,
    #[serde(rename = "datUp2", default, skip_serializing_if = "Option::is_none")]
    pub dat_up2: Option<String>,
    #[serde(rename = "datSmir", default, skip_serializing_if = "Option::is_none")]
    pub dat_smir: Option<String>,
    #[serde(rename = "datPenale", default, skip_serializing_if = "Option::is_none")]
    pub dat_penale: Option<String>,
    #[serde(rename = "podpisPrik", default, skip_serializing_if = "Option::is_none")]
    pub podpis_prik: Option<String>,
    #[serde(rename = "prikazSum", default, skip_serializing_if = "Option::is_none")]
    pub prikaz_sum: Option<String>,
    #[serde(rename = "prikazSumMen", default, skip_serializing_if = "Option::is_none")]
    pub prikaz_sum_men: Option<String>,
    #[serde(rename = "juhSum", default, skip_serializing_if = "Option::is_none")]
    pub juh_sum: Option<String>,
    #[serde(rename = "juhSumMen", default, skip_serializing_if = "Option::is_none")]
    pub juh_sum_men: Option<String>,
    #[serde(rename = "juhDat", default, skip_serializing_if = "Option::is_none")]
    pub juh_dat: Option<String>,
    #[serde(rename = "juhDatMen", default, skip_serializing_if = "Option::is_none")]
    pub juh_dat_men: Option<String>,
    #[serde(rename = "zbyvaUhradit", default, skip_serializing_if = "Option::is_none")]
    pub zbyva_uhradit: Option<String>,
    #[serde(rename = "zbyvaUhraditMen", default, skip_serializing_if = "Option::is_none")]
    pub zbyva_uhradit_men: Option<String>,
    #[serde(rename = "formaUhradyCis", default, skip_serializing_if = "Option::is_none")]
    pub forma_uhrady_cis: Option<String>,
    #[serde(rename = "formaUhradyCis@ref", default, skip_serializing_if = "Option::is_none")]
    pub forma_uhrady_cis_ref: Option<String>,
    #[serde(rename = "formaUhradyCis@showAs", default, skip_serializing_if = "Option::is_none")]
    pub forma_uhrady_cis_show_as: Option<String>,
    #[serde(rename = "formaUhradyCis@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub forma_uhrady_cis_if_not_found: Option<String>,
    #[serde(rename = "formaUhradyCis@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub forma_uhrady_cis_previous_value: Option<String>,
    #[serde(rename = "stavUhrK", default, skip_serializing_if = "Option::is_none")]
    pub stav_uhr_k: Option<String>,
    #[serde(rename = "juhSumPp", default, skip_serializing_if = "Option::is_none")]
    pub juh_sum_pp: Option<String>,
    #[serde(rename = "juhSumPpMen", default, skip_serializing_if = "Option::is_none")]
    pub juh_sum_pp_men: Option<String>,
    #[serde(rename = "sumPrepl", default, skip_serializing_if = "Option::is_none")]
    pub sum_prepl: Option<String>,
    #[serde(rename = "sumPreplMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_prepl_men: Option<String>,
    #[serde(rename = "sumZalohy", default, skip_serializing_if = "Option::is_none")]
    pub sum_zalohy: Option<String>,
    #[serde(rename = "sumZalohyMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_zalohy_men: Option<String>,
    #[serde(rename = "stavOdpocetK", default, skip_serializing_if = "Option::is_none")]
    pub stav_odpocet_k: Option<String>,
    #[serde(rename = "generovatSkl", default, skip_serializing_if = "Option::is_none")]
    pub generovat_skl: Option<String>,
    #[serde(rename = "zaokrouhlitPoOdpoctu", default, skip_serializing_if = "Option::is_none")]
    pub zaokrouhlit_po_odpoctu: Option<String>,
    #[serde(rename = "hromFakt", default, skip_serializing_if = "Option::is_none")]
    pub hrom_fakt: Option<String>,
    #[serde(rename = "zdrojProSkl", default, skip_serializing_if = "Option::is_none")]
    pub zdroj_pro_skl: Option<String>,
    #[serde(rename = "prodejka", default, skip_serializing_if = "Option::is_none")]
    pub prodejka: Option<String>,
    #[serde(rename = "stavMailK", default, skip_serializing_if = "Option::is_none")]
    pub stav_mail_k: Option<String>,
    #[serde(rename = "dobropisovano", default, skip_serializing_if = "Option::is_none")]
    pub dobropisovano: Option<String>,
    #[serde(rename = "sumCelkemBezZaloh", default, skip_serializing_if = "Option::is_none")]
    pub sum_celkem_bez_zaloh: Option<String>,
    #[serde(rename = "sumCelkemBezZalohMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_celkem_bez_zaloh_men: Option<String>,
    #[serde(rename = "osobUpravaDph", default, skip_serializing_if = "Option::is_none")]
    pub osob_uprava_dph: Option<String>,
    #[serde(rename = "odpocAuto", default, skip_serializing_if = "Option::is_none")]
    pub odpoc_auto: Option<String>,
    #[serde(rename = "external-ids", default, skip_serializing_if = "Option::is_none")]
    pub external_ids: Option<Vec<String>>,
    #[serde(rename = "vazebni-doklady", default, skip_serializing_if = "Option::is_none")]
    pub vazebni_doklady: Option<Vec<serde_json::Value>>,
    #[serde(rename = "polozkyDokladu", default, skip_serializing_if = "Option::is_none")]
    pub polozky_dokladu: Option<Vec<FakturaVydanaPolozka>>,
    #[serde(rename = "zalohy-k-odpoctu", default, skip_serializing_if = "Option::is_none")]
    pub zalohy_k_odpoctu: Option<Vec<serde_json::Value>>,
    #[serde(rename = "prilohy", default, skip_serializing_if = "Option::is_none")]
    pub prilohy: Option<Vec<serde_json::Value>>,
    #[serde(rename = "udalosti", default, skip_serializing_if = "Option::is_none")]
    pub udalosti: Option<Vec<serde_json::Value>>,
    #[serde(rename = "uzivatelske-vazby", default, skip_serializing_if = "Option::is_none")]
    pub uzivatelske_vazby: Option<Vec<serde_json::Value>>,
    #[serde(rename = "vazby", default, skip_serializing_if = "Option::is_none")]
    pub vazby: Option<Vec<serde_json::Value>>,
    #[serde(rename = "castky-k-odpoctu", default, skip_serializing_if = "Option::is_none")]
    pub castky_k_odpoctu: Option<Vec<serde_json::Value>>,
    #[serde(rename = "update", default, skip_serializing_if = "Option::is_none")]
    pub update: Option<String>,
    #[serde(rename = "create", default, skip_serializing_if = "Option::is_none")]
    pub create: Option<String>,
    #[serde(rename = "action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(rename = "removeExternalIds", default, skip_serializing_if = "Option::is_none")]
    pub remove_external_ids: Option<String>,
    #[serde(rename = "polozkyFaktury", default, skip_serializing_if = "Option::is_none")]
    pub polozky_faktury: Option<Vec<FakturaVydanaPolozka>>,
}

/// `flexi/faktura-vydana-polozka`: 115 elements.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct FakturaVydanaPolozka {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "id@ref", default, skip_serializing_if = "Option::is_none")]
    pub id_ref: Option<String>,
    #[serde(rename = "id@showAs", default, skip_serializing_if = "Option::is_none")]
    pub id_show_as: Option<String>,
    #[serde(rename = "id@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub id_if_not_found: Option<String>,
    #[serde(rename = "id@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub id_previous_value: Option<String>,
    #[serde(rename = "lastUpdate", default, skip_serializing_if = "Option::is_none")]
    pub last_update: Option<String>,
    #[serde(rename = "updatedBy", default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    #[serde(rename = "updatedBy@ref", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_ref: Option<String>,
    #[serde(rename = "updatedBy@showAs", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_show_as: Option<String>,
    #[serde(rename = "updatedBy@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_if_not_found: Option<String>,
    #[serde(rename = "updatedBy@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub updated_by_previous_value: Option<String>,
    #[serde(rename = "createdBy", default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(rename = "createdBy@ref", default, skip_serializing_if = "Option::is_none")]
    pub created_by_ref: Option<String>,
    #[serde(rename = "createdBy@showAs", default, skip_serializing_if = "Option::is_none")]
    pub created_by_show_as: Option<String>,
    #[serde(rename = "createdBy@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub created_by_if_not_found: Option<String>,
    #[serde(rename = "createdBy@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub created_by_previous_value: Option<String>,
    #[serde(rename = "createdDate", default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    #[serde(rename = "ucetni", default, skip_serializing_if = "Option::is_none")]
    pub ucetni: Option<String>,
    #[serde(rename = "kod", default, skip_serializing_if = "Option::is_none")]
    pub kod: Option<String>,
    #[serde(rename = "eanKod", default, skip_serializing_if = "Option::is_none")]
    pub ean_kod: Option<String>,
    #[serde(rename = "nazev", default, skip_serializing_if = "Option::is_none")]
    pub nazev: Option<String>,
    #[serde(rename = "nazevA", default, skip_serializing_if = "Option::is_none")]
    pub nazev_a: Option<String>,
    #[serde(rename = "nazevB", default, skip_serializing_if = "Option::is_none")]
    pub nazev_b: Option<String>,
    #[serde(rename = "nazevC", default, skip_serializing_if = "Option::is_none")]
    pub nazev_c: Option<String>,
    #[serde(rename = "cisRad", default, skip_serializing_if = "Option::is_none")]
    pub cis_rad: Option<String>,
    #[serde(rename = "typPolozkyK", default, skip_serializing_if = "Option::is_none")]
    pub typ_polozky_k: Option<String>,
    #[serde(rename = "baleniId", default, skip_serializing_if = "Option::is_none")]
    pub baleni_id: Option<String>,
    #[serde(rename = "mnozBaleni", default, skip_serializing_if = "Option::is_none")]
    pub mnoz_baleni: Option<String>,
    #[serde(rename = "mnozMj", default, skip_serializing_if = "Option::is_none")]
    pub mnoz_mj: Option<String>,
    #[serde(rename = "typCenyDphK", default, skip_serializing_if = "Option::is_none")]
    pub typ_ceny_dph_k: Option<String>,
    #[serde(rename = "typSzbDphK", default, skip_serializing_if = "Option::is_none")]
    pub typ_szb_dph_k: Option<String>,
    #[serde(rename = "szbDph", default, skip_serializing_if = "Option::is_none")]
    pub szb_dph: Option<String>,
    #[serde(rename = "cenaMj", default, skip_serializing_if = "Option::is_none")]
    pub cena_mj: Option<String>,
    #[serde(rename = "slevaPol", default, skip_serializing_if = "Option::is_none")]
    pub sleva_pol: Option<String>,
    #[serde(rename = "uplSlevaDokl", default, skip_serializing_if = "Option::is_none")]
    pub upl_sleva_dokl: Option<String>,
    #[serde(rename = "sumZkl", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl: Option<String>,
    #[serde(rename = "sumDph", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph: Option<String>,
    #[serde(rename = "sumCelkem", default, skip_serializing_if = "Option::is_none")]
    pub sum_celkem: Option<String>,
    #[serde(rename = "sumZklMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_zkl_men: Option<String>,
    #[serde(rename = "sumDphMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_dph_men: Option<String>,
    #[serde(rename = "sumCelkemMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_celkem_men: Option<String>,
    #[serde(rename = "objem", default, skip_serializing_if = "Option::is_none")]
    pub objem: Option<String>,
    #[serde(rename = "cenJednotka", default, skip_serializing_if = "Option::is_none")]
    pub cen_jednotka: Option<String>,
    #[serde(rename = "typVypCenyK", default, skip_serializing_if = "Option::is_none")]
    pub typ_vyp_ceny_k: Option<String>,
    #[serde(rename = "cenaMjNakup", default, skip_serializing_if = "Option::is_none")]
    pub cena_mj_nakup: Option<String>,
    #[serde(rename = "cenaMjProdej", default, skip_serializing_if = "Option::is_none")]
    pub cena_mj_prodej: Option<String>,
    #[serde(rename = "cenaMjCenikTuz", default, skip_serializing_if = "Option::is_none")]
    pub cena_mj_cenik_tuz: Option<String>,
    #[serde(rename = "procZakl", default, skip_serializing_if = "Option::is_none")]
    pub proc_zakl: Option<String>,
    #[serde(rename = "slevaMnoz", default, skip_serializing_if = "Option::is_none")]
    pub sleva_mnoz: Option<String>,
    #[serde(rename = "zaokrJakK", default, skip_serializing_if = "Option::is_none")]
    pub zaokr_jak_k: Option<String>,
    #[serde(rename = "zaokrNaK", default, skip_serializing_if = "Option::is_none")]
    pub zaokr_na_k: Option<String>,
    #[serde(rename = "sarze", default, skip_serializing_if = "Option::is_none")]
    pub sarze: Option<String>,
    #[serde(rename = "expirace", default, skip_serializing_if = "Option::is_none")]
    pub expirace: Option<String>,
    #[serde(rename = "datTrvan", default, skip_serializing_if = "Option::is_none")]
    pub dat_trvan: Option<String>,
    #[serde(rename = "datVyroby", default, skip_serializing_if = "Option::is_none")]
    pub dat_vyroby: Option<String>,
    #[serde(rename = "stavUzivK", default, skip_serializing_if = "Option::is_none")]
    pub stav_uziv_k: Option<String>,
    #[serde(rename = "mnozMjPlan", default, skip_serializing_if = "Option::is_none")]
    pub mnoz_mj_plan: Option<String>,
    #[serde(rename = "mnozMjReal", default, skip_serializing_if = "Option::is_none")]
    pub mnoz_mj_real: Option<String>,
    #[serde(rename = "autoZaokr", default, skip_serializing_if = "Option::is_none")]
    pub auto_zaokr: Option<String>,
    #[serde(rename = "autogen", default, skip_serializing_if = "Option::is_none")]
    pub autogen: Option<String>,
    #[serde(rename = "poznam", default, skip_serializing_if = "Option::is_none")]
    pub poznam: Option<String>,
    #[serde(rename = "slevaDokl", default, skip_serializing_if = "Option::is_none")]
    pub sleva_dokl: Option<String>,
    #[serde(rename = "datVyst", default, skip_serializing_if = "Option::is_none")]
    pub dat_vyst: Option<String>,
    #[serde(rename = "kopZklMdUcet", default, skip_serializing_if = "Option::is_none")]
    pub kop_zkl_md_ucet: Option<String>,
    #[serde(rename = "kopZklDalUcet", default, skip_serializing_if = "Option::is_none")]
    pub kop_zkl_dal_ucet: Option<String>,
    #[serde(rename = "kopDphMdUcet", default, skip_serializing_if = "Option::is_none")]
    pub kop_dph_md_ucet: Option<String>,
    #[serde(rename = "kopDphDalUcet", default, skip_serializing_if = "Option::is_none")]
    pub kop_dph_dal_ucet: Option<String>,
    #[serde(rename = "kopTypUcOp", default, skip_serializing_if = "Option::is_none")]
    pub kop_typ_uc_op: Option<String>,
    #[serde(rename = "kopZakazku", default, skip_serializing_if = "Option::is_none")]
    pub kop_zakazku: Option<String>,
    #[serde(rename = "kopStred", default, skip_serializing_if = "Option::is_none")]
    pub kop_stred: Option<String>,
    #[serde(rename = "kopCinnost", default, skip_serializing_if = "Option::is_none")]
    pub kop_cinnost: Option<String>,
    #[serde(rename = "kopKlice", default, skip_serializing_if = "Option::is_none")]
    pub kop_klice: Option<String>,
    #[serde(rename = "kopClenDph", default, skip_serializing_if = "Option::is_none")]
    pub kop_clen_dph: Option<String>,
    #[serde(rename = "kopDatUcto", default, skip_serializing_if = "Option::is_none")]
    pub kop_dat_ucto: Option<String>,
    #[serde(rename = "datUcto", default, skip_serializing_if = "Option::is_none")]
    pub dat_ucto: Option<String>,
    #[serde(rename = "storno", default, skip_serializing_if = "Option::is_none")]
    pub storno: Option<String>,
    #[serde(rename = "stornoPol", default, skip_serializing_if = "Option::is_none")]
    pub storno_pol: Option<String>,
    #[serde(rename = "sklad", default, skip_serializing_if = "Option::is_none")]
    pub sklad: Option<String>,
    #[serde(rename = "sklad@ref", default, skip_serializing_if = "Option::is_none")]
    pub sklad_ref: Option<String>,
    #[serde(rename = "sklad@showAs", default, skip_serializing_if = "Option::is_none")]
    pub sklad_show_as: Option<String>,
    #[serde(rename = "sklad@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub sklad_if_not_found: Option<String>,
    #[serde(rename = "sklad@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub sklad_previous_value: Option<String>,
    #[serde(rename = "stredisko", default, skip_serializing_if = "Option::is_none")]
    pub stredisko: Option<String>,
    #[serde(rename = "stredisko@ref", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_ref: Option<String>,
    #[serde(rename = "stredisko@showAs", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_show_as: Option<String>,
    #[serde(rename = "stredisko@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_if_not_found: Option<String>,
    #[serde(rename = "stredisko@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub stredisko_previous_value: Option<String>,
    #[serde(rename = "cinnost", default, skip_serializing_if = "Option::is_none")]
    pub cinnost: Option<String>,
    #[serde(rename = "cinnost@ref", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_ref: Option<String>,
    #[serde(rename = "cinnost@showAs", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_show_as: Option<String>,
    #[serde(rename = "cinnost@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_if_not_found: Option<String>,
    #[serde(rename = "cinnost@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub cinnost_previous_value: Option<String>,
    #[serde(rename = "mena", default, skip_serializing_if = "Option::is_none")]
    pub mena: Option<String>,
    #[serde(rename = "mena@ref", default, skip_serializing_if = "Option::is_none")]
    pub mena_ref: Option<String>,
    #[serde(rename = "mena@showAs", default, skip_serializing_if = "Option::is_none")]
    pub mena_show_as: Option<String>,
    #[serde(rename = "mena@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub mena_if_not_found: Option<String>,
    #[serde(rename = "mena@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub mena_previous_value: Option<String>,
    #[serde(rename = "typUcOp", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op: Option<String>,
    #[serde(rename = "typUcOp@ref", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_ref: Option<String>,
    #[serde(rename = "typUcOp@showAs", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_show_as: Option<String>,
    #[serde(rename = "typUcOp@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_if_not_found: Option<String>,
    #[serde(rename = "typUcOp@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub typ_uc_op_previous_value: Option<String>,
    #[serde(rename = "zklMdUcet", default, skip_serializing_if = "Option::is_none")]
    pub zkl_md_ucet: Option<String>,
    #[serde(rename = "zklMdUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub zkl_md_ucet_ref: Option<String>,
    #[serde(rename = "zklMdUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub zkl_md_ucet_show_as: Option<String>,
    #[serde(rename = "zklMdUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub zkl_md_ucet_if_not_found: Option<String>,
    #[serde(rename = "zklMdUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub zkl_md_ucet_previous_value: Option<String>,
    #[serde(rename = "zklDalUcet", default, skip_serializing_if = "Option::is_none")]
    pub zkl_dal_ucet: Option<String>,
    #[serde(rename = "zklDalUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub zkl_dal_ucet_ref: Option<String>,
    #[serde(rename = "zklDalUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub zkl_dal_ucet_show_as: Option<String>,
    #[serde(rename = "zklDalUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub zkl_dal_ucet_if_not_found: Option<String>,
    #[serde(rename = "zklDalUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub zkl_dal_ucet_previous_value: Option<String>,
    #[serde(rename = "dphMdUcet", default, skip_serializing_if = "Option::is_none")]
    pub dph_md_ucet: Option<String>,
    #[serde(rename = "dphMdUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub dph_md_ucet_ref: Option<String>,
    #[serde(rename = "dphMdUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dph_md_ucet_show_as: Option<String>,
    #[serde(rename = "dphMdUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dph_md_ucet_if_not_found: Option<String>,
    #[serde(rename = "dphMdUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dph_md_ucet_previous_value: Option<String>,
    #[serde(rename = "dphDalUcet", default, skip_serializing_if = "Option::is_none")]
    pub dph_dal_ucet: Option<String>,
    #[serde(rename = "dphDalUcet@ref", default, skip_serializing_if = "Option::is_none")]
    pub dph_dal_ucet_ref: Option<String>,
    #[serde(rename = "dphDalUcet@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dph_dal_ucet_show_as: Option<String>,
    #[serde(rename = "dphDalUcet@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dph_dal_ucet_if_not_found: Option<String>,
    #[serde(rename = "dphDalUcet@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dph_dal_ucet_previous_value: Option<String>,
    #[serde(rename = "zakazka", default, skip_serializing_if = "Option::is_none")]
    pub zakazka: Option<String>,
    #[serde(rename = "zakazka@ref", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_ref: Option<String>,
    #[serde(rename = "zakazka@showAs", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_show_as: Option<String>,
    #[serde(rename = "zakazka@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_if_not_found: Option<String>,
    #[serde(rename = "zakazka@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub zakazka_previous_value: Option<String>,
    #[serde(rename = "dodavatel", default, skip_serializing_if = "Option::is_none")]
    pub dodavatel: Option<String>,
    #[serde(rename = "dodavatel@ref", default, skip_serializing_if = "Option::is_none")]
    pub dodavatel_ref: Option<String>,
    #[serde(rename = "dodavatel@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dodavatel_show_as: Option<String>,
    #[serde(rename = "dodavatel@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dodavatel_if_not_found: Option<String>,
    #[serde(rename = "dodavatel@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dodavatel_previous_value: Option<String>,
    #[serde(rename = "clenDph", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph: Option<String>,
    #[serde(rename = "clenDph@ref", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_ref: Option<String>,
    #[serde(rename = "clenDph@showAs", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_show_as: Option<String>,
    #[serde(rename = "clenDph@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_if_not_found: Option<String>,
    #[serde(rename = "clenDph@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub clen_dph_previous_value: Option<String>,
    #[serde(rename = "dphPren", default, skip_serializing_if = "Option::is_none")]
    pub dph_pren: Option<String>,
    #[serde(rename = "dphPren@ref", default, skip_serializing_if = "Option::is_none")]
    pub dph_pren_ref: Option<String>,
    #[serde(rename = "dphPren@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dph_pren_show_as: Option<String>,
    #[serde(rename = "dphPren@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dph_pren_if_not_found: Option<String>,
    #[serde(rename = "dphPren@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dph_pren_previous_value: Option<String>,
    #[serde(rename = "cenik", default, skip_serializing_if = "Option::is_none")]
    pub cenik: Option<String>,
    #[serde(rename = "cenik@ref", default, skip_serializing_if = "Option::is_none")]
    pub cenik_ref: Option<String>,
    #[serde(rename = "cenik@showAs", default, skip_serializing_if = "Option::is_none")]
    pub cenik_show_as: Option<String>,
    #[serde(rename = "cenik@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub cenik_if_not_found: Option<String>,
    #[serde(rename = "cenik@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub cenik_previous_value: Option<String>,
    #[serde(rename = "cenHlad", default, skip_serializing_if = "Option::is_none")]
    pub cen_hlad: Option<String>,
    #[serde(rename = "cenHlad@ref", default, skip_serializing_if = "Option::is_none")]
    pub cen_hlad_ref: Option<String>,
    #[serde(rename = "cenHlad@showAs", default, skip_serializing_if = "Option::is_none")]
    pub cen_hlad_show_as: Option<String>,
    #[serde(rename = "cenHlad@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub cen_hlad_if_not_found: Option<String>,
    #[serde(rename = "cenHlad@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub cen_hlad_previous_value: Option<String>,
    #[serde(rename = "mj", default, skip_serializing_if = "Option::is_none")]
    pub mj: Option<String>,
    #[serde(rename = "mj@ref", default, skip_serializing_if = "Option::is_none")]
    pub mj_ref: Option<String>,
    #[serde(rename = "mj@showAs", default, skip_serializing_if = "Option::is_none")]
    pub mj_show_as: Option<String>,
    #[serde(rename = "mj@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub mj_if_not_found: Option<String>,
    #[serde(rename = "mj@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub mj_previous_value: Option<String>,
    #[serde(rename = "mjObjem", default, skip_serializing_if = "Option::is_none")]
    pub mj_objem: Option<String>,
    #[serde(rename = "mjObjem@ref", default, skip_serializing_if = "Option::is_none")]
    pub mj_objem_ref: Option<String>,
    #[serde(rename = "mjObjem@showAs", default, skip_serializing_if = "Option::is_none")]
    pub mj_objem_show_as: Option<String>,
    #[serde(rename = "mjObjem@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub mj_objem_if_not_found: Option<String>,
    #[serde(rename = "mjObjem@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub mj_objem_previous_value: Option<String>,
    #[serde(rename = "sazbaDph", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph: Option<String>,
    #[serde(rename = "sazbaDph@ref", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_ref: Option<String>,
    #[serde(rename = "sazbaDph@showAs", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_show_as: Option<String>,
    #[serde(rename = "sazbaDph@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_if_not_found: Option<String>,
    #[serde(rename = "sazbaDph@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_previous_value: Option<String>,
    #[serde(rename = "sazbaDphPuv", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_puv: Option<String>,
    #[serde(rename = "sazbaDphPuv@ref", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_puv_ref: Option<String>,
    #[serde(rename = "sazbaDphPuv@showAs", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_puv_show_as: Option<String>,
    #[serde(rename = "sazbaDphPuv@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_puv_if_not_found: Option<String>,
    #[serde(rename = "sazbaDphPuv@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub sazba_dph_puv_previous_value: Option<String>,
    #[serde(rename = "vyrobniCislaOk", default, skip_serializing_if = "Option::is_none")]
    pub vyrobni_cisla_ok: Option<String>,
    #[serde(rename = "idPolObchZdroj", default, skip_serializing_if = "Option::is_none")]
    pub id_pol_obch_zdroj: Option<String>,
    #[serde(rename = "skupPlneni", default, skip_serializing_if = "Option::is_none")]
    pub skup_plneni: Option<String>,
    #[serde(rename = "skupPlneni@ref", default, skip_serializing_if = "Option::is_none")]
    pub skup_plneni_ref: Option<String>,
    #[serde(rename = "skupPlneni@showAs", default, skip_serializing_if = "Option::is_none")]
    pub skup_plneni_show_as: Option<String>,
    #[serde(rename = "skupPlneni@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub skup_plneni_if_not_found: Option<String>,
    #[serde(rename = "skupPlneni@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub skup_plneni_previous_value: Option<String>,
    #[serde(rename = "stitky", default, skip_serializing_if = "Option::is_none")]
    pub stitky: Option<String>,
    #[serde(rename = "source", default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(rename = "ekokomK", default, skip_serializing_if = "Option::is_none")]
    pub ekokom_k: Option<String>,
    #[serde(rename = "kopEkokom", default, skip_serializing_if = "Option::is_none")]
    pub kop_ekokom: Option<String>,
    #[serde(rename = "clenKonVykDph", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph: Option<String>,
    #[serde(rename = "clenKonVykDph@ref", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_ref: Option<String>,
    #[serde(rename = "clenKonVykDph@showAs", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_show_as: Option<String>,
    #[serde(rename = "clenKonVykDph@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_if_not_found: Option<String>,
    #[serde(rename = "clenKonVykDph@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub clen_kon_vyk_dph_previous_value: Option<String>,
    #[serde(rename = "kopClenKonVykDph", default, skip_serializing_if = "Option::is_none")]
    pub kop_clen_kon_vyk_dph: Option<String>,
    #[serde(rename = "ciselnyKodZbozi", default, skip_serializing_if = "Option::is_none")]
    pub ciselny_kod_zbozi: Option<String>,
    #[serde(rename = "druhZbozi", default, skip_serializing_if = "Option::is_none")]
    pub druh_zbozi: Option<String>,
    #[serde(rename = "marze", default, skip_serializing_if = "Option::is_none")]
    pub marze: Option<String>,
    #[serde(rename = "prirazka", default, skip_serializing_if = "Option::is_none")]
    pub prirazka: Option<String>,
    #[serde(rename = "minMarze", default, skip_serializing_if = "Option::is_none")]
    pub min_marze: Option<String>,
    #[serde(rename = "typVypoctuHlidatMinK", default, skip_serializing_if = "Option::is_none")]
    pub typ_vypoctu_hlidat_min_k: Option<String>,
    #[serde(rename = "stavSkladu", default, skip_serializing_if = "Option::is_none")]
    pub stav_skladu: Option<String>,
    #[serde(rename = "rezervovano", default, skip_serializing_if = "Option::is_none")]
    pub rezervovano: Option<String>,
    #[serde(rename = "doklFak", default, skip_serializing_if = "Option::is_none")]
    pub dokl_fak: Option<String>,
    #[serde(rename = "doklFak@ref", default, skip_serializing_if = "Option::is_none")]
    pub dokl_fak_ref: Option<String>,
    #[serde(rename = "doklFak@showAs", default, skip_serializing_if = "Option::is_none")]
    pub dokl_fak_show_as: Option<String>,
    #[serde(rename = "doklFak@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub dokl_fak_if_not_found: Option<String>,
    #[serde(rename = "doklFak@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub dokl_fak_previous_value: Option<String>,
    #[serde(rename = "poplatekParentPolFak", default, skip_serializing_if = "Option::is_none")]
    pub poplatek_parent_pol_fak: Option<String>,
    #[serde(rename = "poplatekParentPolFak@ref", default, skip_serializing_if = "Option::is_none")]
    pub poplatek_parent_pol_fak_ref: Option<String>,
    #[serde(rename = "poplatekParentPolFak@showAs", default, skip_serializing_if = "Option::is_none")]
    pub poplatek_parent_pol_fak_show_as: Option<String>,
    #[serde(rename = "poplatekParentPolFak@if-not-found", default, skip_serializing_if = "Option::is_none")]
    pub poplatek_parent_pol_fak_if_not_found: Option<String>,
    #[serde(rename = "poplatekParentPolFak@previousValue", default, skip_serializing_if = "Option::is_none")]
    pub poplatek_parent_pol_fak_previous_value: Option<String>,
    #[serde(rename = "zdrojProSkl", default, skip_serializing_if = "Option::is_none")]
    pub zdroj_pro_skl: Option<String>,
    #[serde(rename = "zaloha", default, skip_serializing_if = "Option::is_none")]
    pub zaloha: Option<String>,
    #[serde(rename = "sumVedlNaklIntrMen", default, skip_serializing_if = "Option::is_none")]
    pub sum_vedl_nakl_intr_men: Option<String>,
    #[serde(rename = "prodejka", default, skip_serializing_if = "Option::is_none")]
    pub prodejka: Option<String>,
    #[serde(rename = "external-ids", default, skip_serializing_if = "Option::is_none")]
    pub external_ids: Option<Vec<String>>,
    #[serde(rename = "vyrobniCislaVydana", default, skip_serializing_if = "Option::is_none")]
    pub vyrobni_cisla_vydana: Option<Vec<serde_json::Value>>,
    #[serde(rename = "uzivatelske-vazby", default, skip_serializing_if = "Option::is_none")]
    pub uzivatelske_vazby: Option<Vec<serde_json::Value>>,
    #[serde(rename = "vyrobniCislaPrijata", default, skip_serializing_if = "Option::is_none")]
    pub vyrobni_cisla_prijata: Option<Vec<serde_json::Value>>,
    #[serde(rename = "update", default, skip_serializing_if = "Option::is_none")]
    pub update: Option<String>,
    #[serde(rename = "create", default, skip_serializing_if = "Option::is_none")]
    pub create: Option<String>,
    #[serde(rename = "action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(rename = "removeExternalIds", default, skip_serializing_if = "Option::is_none")]
    pub remove_external_ids: Option<String>,
}
