//! Code generation for elementa: a checked [`Resource`] in, a
//! [`proc_macro2::TokenStream`] out. Pure (no file or environment access), so
//! the output is snapshot-tested as text; the `resource!` macro in
//! `elementa-macros` is a thin shell around [`generate`].
//!
//! ```
//! use elementa_codegen::{generate, resource_type_name};
//! use elementa_schema::parse_resource;
//!
//! let text = r#"
//! [resource]
//! wire = "expense-category"
//! dialect = "coupa"
//! doc = "A category of expenses."
//! natural-keys = ["name"]
//!
//! [[element]]
//! wire = "name"
//! doc = "Category name."
//! type = "string"
//! length = 255
//! in = true
//! out = true
//! "#;
//! let r = parse_resource("expense-category.toml", "coupa", text, &|_| true).unwrap();
//! assert_eq!(resource_type_name(&r), "ExpenseCategory");
//! let tokens = generate(&r, &|wire| wire.to_owned(), &[]).to_string();
//! assert!(tokens.contains("pub struct ExpenseCategory"));
//! ```

mod emit;
pub mod names;
mod vendor;

pub use elementa_schema::Resource;
pub use emit::{generate, resource_type_name};
pub use vendor::generate_vendor;
