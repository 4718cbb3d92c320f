//! Schema files for elementa: one TOML file per resource, in the vendor's own
//! words, parsed with source spans and checked so that every problem is
//! reported at once with `file:line:column`.
//!
//! A schema file names the resource (`[resource]`) and lists its elements
//! (`[[element]]`) in wire order:
//!
//! ```
//! use elementa_schema::{parse_resource, Type};
//!
//! let text = r#"
//! [resource]
//! wire = "currency"
//! dialect = "coupa"
//! doc = "A currency."
//! natural-keys = ["code"]
//!
//! [[element]]
//! wire = "id"
//! doc = "Unique id."
//! type = "integer"
//! out = true
//!
//! [[element]]
//! wire = "code"
//! doc = "ISO 4217 code."
//! type = "string"
//! length = 3
//! in = true
//! out = true
//! "#;
//! // The resolver says whether an association target has a schema file.
//! let resource = parse_resource("schemas/coupa/currency.toml", "coupa", text, &|_| true)
//!     .expect("a valid schema");
//! assert_eq!(resource.id(), "coupa/currency");
//! assert_eq!(resource.elements[1].ty, Type::String);
//! assert_eq!(resource.elements[1].length, Some(3));
//!
//! // Every problem is reported, each with its position.
//! let bad = text.replace("\"integer\"", "\"integr\"").replace("length = 3", "length = 0");
//! let errors = parse_resource("schemas/coupa/currency.toml", "coupa", &bad, &|_| true)
//!     .unwrap_err();
//! assert_eq!(errors.len(), 2);
//! assert!(errors[0].to_string().starts_with("schemas/coupa/currency.toml:11:8: unknown type `integr`"));
//! assert_eq!(errors[1].to_string(), "schemas/coupa/currency.toml:18:10: length must be at least 1, not 0");
//! ```

mod check;
mod diag;
mod load;
mod model;
mod raw;

pub use check::parse_resource;
pub use diag::{Diagnostic, LineIndex};
pub use load::{SchemaSet, load_dir};
pub use model::{Action, Dialect, Element, Method, Placement, Resource, Type, pluralize};
pub use raw::{RawAction, RawElement, RawResource, RawSchemaFile};
