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
//!
//! With the `schemars` feature, `file_schema` gives the JSON Schema of the
//! file format, which the repository commits as `schemas/elementa.schema.json`
//! and every schema file names in its first line (`#:schema
//! ../elementa.schema.json`, taplo's directive) so that editors check schema
//! files as they are typed. [`json`] maps element types to the JSON Schema of
//! their values in the JSON wire forms.
#![forbid(unsafe_code)]

mod check;
mod diag;
pub mod diff;
pub mod json;
mod load;
mod model;
mod raw;

pub use check::parse_resource;
pub use diag::{Diagnostic, LineIndex};
pub use load::{SchemaSet, load_dir};
pub use model::{Action, Detail, Dialect, Element, Method, Placement, Resource, Type, pluralize};
pub use raw::{RawAction, RawElement, RawResource, RawSchemaFile};

/// The JSON Schema of the schema-file format, derived from the raw model
/// ([`RawSchemaFile`]): every key with its description, `additionalProperties:
/// false` wherever the parser denies unknown keys, and the value lists and
/// patterns the checker enforces (never stricter than the checker).
///
/// It is draft 07 because that is the draft TOML editors (taplo, Even Better
/// TOML) support best; the per-resource payload schemas are draft 2020-12.
///
/// ```
/// let schema = elementa_schema::file_schema();
/// assert_eq!(schema.get("$schema").and_then(|v| v.as_str()),
///            Some("http://json-schema.org/draft-07/schema#"));
/// assert_eq!(schema.get("additionalProperties"), Some(&serde_json::Value::Bool(false)));
/// ```
#[cfg(feature = "schemars")]
pub fn file_schema() -> schemars::Schema {
    // Optional keys default to "absent"; TOML has no null, so the derived
    // `"default": null` annotations would only mislead editors.
    fn drop_null_default(schema: &mut schemars::Schema) {
        if schema
            .get("default")
            .is_some_and(serde_json::Value::is_null)
        {
            schema.remove("default");
        }
    }
    schemars::generate::SchemaSettings::draft07()
        .with_transform(schemars::transform::RecursiveTransform(drop_null_default))
        .into_generator()
        .into_root_schema_for::<RawSchemaFile>()
}
